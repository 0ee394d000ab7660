"""Directory and Unit."""

from __future__ import annotations

import json

import pytest

import duban


def test_collection(plan):
    d = plan.directory
    assert isinstance(d, duban.Directory)
    assert len(d) == 30 and repr(d) == "<duban.Directory 30 units>"
    units = list(d)
    assert [u.id for u in units] == d.ids() == list(range(1, 31))
    assert units[0] == duban.Unit(1, "区委办", duban.UnitKind.DEPARTMENT, ("区委办公室",))
    assert d[1] == units[0] and d["区委办"] == units[0]
    assert "区委办" in d and 1 in d and units[0] in d
    assert 999 not in d and "区不存在" not in d and 1.5 not in d
    with pytest.raises(duban.NotFoundError):
        d[999]


def test_lookup_by_alias_and_width(plan):
    d = plan.directory
    assert d.lookup("区府办").name == "区政府办公室"
    assert d.lookup("区政府合作交流办公室").name == "区合作交流办"
    # whitespace and width are ignored; the name comes back as written
    assert d.lookup(" 区 合作交流办 ").name == "区合作交流办"
    assert d.lookup("区合作交流办").aliases == ("区政府合作交流办", "区政府合作交流办公室")


def test_unit_values(plan):
    u = plan.directory["各街镇"]
    assert u.is_group and u.kind == duban.UnitKind.GROUP and str(u.kind) == "group"
    assert str(u) == "各街镇"
    assert u.to_dict() == {"id": u.id, "name": "各街镇", "kind": "group", "aliases": []}
    assert hash(u) == hash(duban.Unit(u.id, "各街镇", duban.UnitKind.GROUP, ()))
    with pytest.raises(AttributeError):
        u.name = "x"  # frozen


def test_expand_and_groups_of(plan):
    d = plan.directory
    assert [u.name for u in d.expand("各街镇")] == ["滨江路街道", "北站街道", "临江新村街道", "彭湾镇"]
    assert [u.name for u in d.expand("区属国有企业")] == ["临江城投集团", "江北商贸集团"]
    assert d.expand("各相关部门") == []  # a collective nobody has listed
    assert [u.name for u in d.expand("区委办")] == ["区委办"]
    assert [g.name for g in d.groups_of("滨江路街道")] == ["各街镇"]
    assert [g.name for g in d.groups_of(d["区财政局"])] == ["领导小组成员单位"]
    assert d.groups_of("区投资促进办") == []


def test_parse_and_json_round_trip(plan):
    text = plan.directory.to_json()
    data = json.loads(text)
    assert data == plan.directory.to_dict()
    assert data["units"][0] == {"id": 1, "name": "区委办", "kind": "department", "aliases": ["区委办公室"]}
    with duban.Directory.parse(text) as again:
        assert list(again) == list(plan.directory)
    with duban.Directory.parse({"units": [{"name": "甲（乙）", "kind": "town"}]}) as small:
        assert [u.to_dict() for u in small] == [{"id": 1, "name": "甲（乙）", "kind": "town", "aliases": []}]


def test_parse_errors():
    with pytest.raises(duban.ParseError):
        duban.Directory.parse('{"units": [')
    with pytest.raises(duban.DubanError, match="unit name '甲' already names unit '甲'"):
        duban.Directory.parse({"units": [{"name": "甲"}, {"name": "乙", "aliases": ["甲"]}]})
    with pytest.raises(duban.InvalidArgumentError, match="unknown unit kind|kind"):
        duban.Directory.parse({"units": [{"name": "甲", "kind": "ministry"}]})


def test_a_name_used_twice_is_already_exists():
    with pytest.raises(duban.AlreadyExistsError):
        duban.Directory.parse({"units": [{"name": "甲"}, {"name": "甲"}]})
