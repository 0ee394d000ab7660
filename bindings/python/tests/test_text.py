"""Chinese text through the binding: exact bytes in and out, byte offsets as
str indices, and strict encoding at the boundary."""

from __future__ import annotations

import json

import pytest

import duban
from duban import _text

# Full-width punctuation (；（）、“”〔〕) and CJK mixed with ASCII letters,
# digits, % and half-width brackets.
TITLE = "2025年GDP增长5%（预期）；A类、B类任务“一网通办”〔试点〕"
UNIT = "区发展和改革委员会（区粮食局）"
ALIAS = "区发改委(粮食)"
TASK = "推进“一网通办”；完成80%（含）以上、确保100% online"
BODY = "第一句；第二句（补充）、第三句。\tTab and ASCII; end"


def plan_doc() -> dict:
    return {
        "duban": 1,
        "directory": {
            "units": [
                {"name": UNIT, "kind": "department", "aliases": [ALIAS]},
                {"name": "彭湾镇（试点）", "kind": "town"},
                {"name": "各街镇", "kind": "group", "member_kinds": ["town"]},
            ]
        },
        "plan": {
            "title": TITLE,
            "doc_number": "临合组办〔2025〕2号",
            "issuer": "临江区（试点）办公室；A组",
            "year": 2025,
            "tasks": [
                {
                    "number": "（一）",
                    "title": TASK,
                    "body": BODY,
                    "responsibilities": [{"unit": UNIT, "role": "lead"}, {"unit": "各街镇", "role": "support"}],
                    "due": "2025-06-30",
                    "due_text": "6月底前",
                }
            ],
        },
    }


def test_plan_text_round_trips_exactly():
    with duban.parse_plan(plan_doc()) as p:
        assert p.title == TITLE and p.title.encode("utf-8") == TITLE.encode("utf-8")
        assert p.issuer == "临江区（试点）办公室；A组"
        assert p.doc_number == "临合组办〔2025〕2号"
        t = p.tasks[0]
        assert (t.number, t.title, t.body) == ("（一）", TASK, BODY)
        text = p.to_json()
        raw = text.encode("utf-8")
        for s in (TITLE, UNIT, ALIAS, TASK, "（一）"):
            assert s.encode("utf-8") in raw, s  # raw UTF-8, not \\u escapes
        assert "\\u" not in text
        with duban.parse_plan(raw) as again:  # bytes in
            assert again.to_json() == text


def test_text_survives_the_ledger(tmp_path):
    with duban.open(tmp_path / "文本.duban") as db:
        plan_id = db.import_plan(plan_doc())
        info = db.plans()[0]
        assert (info.title, info.doc_number) == (TITLE, "临合组办〔2025〕2号")
        with db.load_plan(plan_id) as p:
            assert p.title == TITLE
            assert p.tasks[0].title == TASK and p.tasks[0].body == BODY
            unit = p.directory.lookup(UNIT)
            assert (unit.name, unit.aliases) == (UNIT, (ALIAS,))


def test_graph_rows_and_reports_keep_bytes():
    with duban.parse_plan(plan_doc()) as p, p.graph() as g:
        rows = g.tasks_of(UNIT)
        assert [(a.task_number, a.task_title, a.unit_name) for a in rows] == [("（一）", TASK, UNIT)]
        town = g.tasks_of("彭湾镇（试点）")
        assert town[0].via_group_name == "各街镇" and town[0].unit_name == "彭湾镇（试点）"
        assert [a.unit_name for a in g.units_of(1)] == [UNIT, "彭湾镇（试点）"]
        csv = g.matrix("csv")
        assert csv.encode("utf-8").startswith(b"\xef\xbb\xbf")
        assert UNIT in csv and "配（各街镇）" in csv and TASK.split("；")[0] in csv
        assert UNIT in g.dot()


def test_lookup_folds_width_and_space_but_returns_the_name_as_written():
    with duban.parse_plan(plan_doc()) as p:
        d = p.directory
        for query in ("区发展和改革委员会(区粮食局)", "区发展和改革委员会 （区粮食局）", "区发改委（粮食）", " 区发改委 (粮食) "):
            assert d.lookup(query).name == UNIT, query
        assert d.lookup("彭湾镇(试点)").name == "彭湾镇（试点）"


def test_error_messages_quote_chinese_text_exactly():
    name = "不存在的单位；（测试）、甲"
    with duban.parse_plan(plan_doc()) as p:
        with pytest.raises(duban.NotFoundError) as info:
            p.directory.lookup(name)
        assert f"'{name}'" in info.value.message
        long_name = "很长的单位名称（测试）" * 60
        with pytest.raises(duban.NotFoundError) as info:
            p.directory.lookup(long_name)
        message = info.value.message
        # Cut on a character boundary: still valid UTF-8, nothing replaced.
        assert "\ufffd" not in message
        assert message.encode("utf-8").decode("utf-8") == message
        assert "很长的单位名称" in message


def test_dict_input_is_not_ascii_escaped():
    # A dict is serialised with the characters themselves; either form must
    # give the same plan.
    doc = plan_doc()
    with duban.parse_plan(doc) as a, duban.parse_plan(json.dumps(doc, ensure_ascii=True)) as b:
        assert a.to_json() == b.to_json()


# --- _text -----------------------------------------------------------------------


def test_byte_offsets_become_str_indices():
    s = "会议；（一）A、b"
    idx = _text.ByteIndex(s)
    data = s.encode("utf-8")
    for i in range(len(s) + 1):
        offset = len(s[:i].encode("utf-8"))
        assert idx.index(offset) == i
        assert _text.index_to_byte(s, i) == offset
    assert idx.span(data.index("（".encode()), data.index("A".encode())) == (3, 6)
    assert s[slice(*idx.span(data.index("（".encode()), data.index("A".encode())))] == "（一）"
    assert _text.byte_to_index(data, len(data)) == len(s)
    with pytest.raises(duban.OutOfRangeError, match="not on a character boundary"):
        idx.index(1)  # inside 会
    with pytest.raises(duban.OutOfRangeError):
        idx.index(len(data) + 1)
    with pytest.raises(duban.OutOfRangeError):
        _text.index_to_byte(s, len(s) + 1)


def test_library_byte_columns_convert_to_character_columns():
    # JSON's own parser counts bytes; duban's messages count characters.
    # The conversion between the two is ByteIndex's.
    line = '  "plan": {"title": "（一）、测试；", }'
    text = '{\n  "duban": 1,\n' + line + "\n}\n"
    with pytest.raises(duban.ParseError) as info:
        duban.parse_plan(text)
    byte_column = line.encode("utf-8").index(b"}") + 1
    assert byte_column != info.value.column
    assert _text.ByteIndex(line).index(byte_column - 1) + 1 == info.value.column


def test_encode_and_decode_are_strict():
    assert _text.encode("（）") == "（）".encode("utf-8")
    assert _text.encode(b"\xff") == b"\xff"  # bytes pass through to the library
    with pytest.raises(duban.EncodingError) as info:
        _text.encode("ab\udc80", "unit name")
    assert info.value.message == "unit name cannot be encoded as UTF-8: character 2 is '\\udc80'"
    with pytest.raises(UnicodeDecodeError):
        _text.decode(b"\xe4\xbd")
    with pytest.raises(ValueError, match="NUL"):
        _text.to_nts("a\0b")
    with pytest.raises(TypeError):
        _text.encode(42)  # type: ignore[arg-type]
