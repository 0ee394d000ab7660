"""Graph: queries, cursors, reports."""

from __future__ import annotations

import datetime
import json

import pytest

import duban
from duban import Role


def test_basics(graph, plan):
    assert isinstance(graph, duban.Graph)
    assert graph.task_count == len(graph) == 18
    assert graph.plan is plan
    assert len(graph.directory) == 30
    assert repr(graph) == "<duban.Graph 18 tasks, 30 units>"


def test_tasks_of_a_street_through_its_group(graph):
    rows = graph.tasks_of("滨江路街道")
    assert [(a.task_number, a.task_title, a.role) for a in rows] == [
        ("8", "动员社会帮扶资金", Role.SUPPORT),
        ("14", "开展就业技能培训", Role.SUPPORT),
        ("15", "深化村镇结对", Role.RESPONSIBLE),
    ]
    a = rows[1]
    assert isinstance(a, duban.Assignment)
    assert a.unit_name == "滨江路街道" and a.unit == graph.directory["滨江路街道"].id
    assert a.via_group_name == "各街镇" and a.via_group == graph.directory["各街镇"].id
    assert a.due == datetime.date(2025, 11, 30)
    assert a.position is None and a.collective is False
    assert graph.tasks_of("滨江路街道", through_groups=False) == []


def test_tasks_of_with_role_filters(graph):
    leads = graph.tasks_of("区合作交流办", role=Role.LEAD)
    assert leads and all(a.role == Role.LEAD for a in leads)
    assert graph.tasks_of("区合作交流办", role="lead") == leads
    assert graph.tasks_of("区合作交流办", role="牵头") == leads
    assert graph.tasks_of("区合作交流办", role=1) == leads
    every = graph.tasks_of("区合作交流办")
    assert len(every) > len(leads)
    assert [a.task for a in every] == sorted(a.task for a in every)  # plan order


def test_tasks_of_a_group_is_collective(graph):
    rows = graph.tasks_of("各相关部门")
    assert [a.task for a in rows] == [11]
    assert rows[0].collective is True


def test_units_of(graph):
    rows = graph.units_of(1)
    assert [(a.unit_name, a.role, a.position) for a in rows] == [
        ("区合作交流办", Role.LEAD, 1),
        ("区委办", Role.RESPONSIBLE, 2),
        ("区政府办公室", Role.RESPONSIBLE, 3),
    ]
    assert all(a.task == 1 and a.task_title == "健全工作机制" and a.due == datetime.date(2025, 4, 30) for a in rows)
    assert graph.units_of("1") == rows  # by key
    assert graph.units_of(graph.plan.tasks[0]) == rows  # by Task
    assert [a.unit_name for a in graph.units_of(1, role="lead")] == ["区合作交流办"]


def test_units_of_expands_or_keeps_groups(graph):
    expanded = graph.units_of(14)
    kept = graph.units_of(14, groups="keep")
    assert "各街镇" in [a.unit_name for a in kept]
    street = [a for a in expanded if a.unit_name == "滨江路街道"]
    assert len(street) == 1 and street[0].via_group_name == "各街镇" and not street[0].collective
    group = [a for a in kept if a.unit_name == "各街镇"][0]
    assert group.collective and group.via_group is None
    assert graph.units_of(14, groups=duban.GroupMode.KEEP) == kept
    unresolved = [a for a in graph.units_of(11) if a.unit_name == "各相关部门"]
    assert len(unresolved) == 1 and unresolved[0].collective


def test_assignment_to_dict(graph):
    d = graph.tasks_of("滨江路街道")[1].to_dict()
    assert d["role"] == "support" and d["due"] == "2025-11-30" and d["via_group_name"] == "各街镇"
    json.dumps(d, ensure_ascii=False)
    assert graph.tasks_of("滨江路街道")[0].to_dict()["due"] is None


def test_cursors(graph):
    with graph.iter_tasks_of("区合作交流办") as cursor:
        n = len(cursor)
        assert n == len(graph.tasks_of("区合作交流办"))
        assert repr(cursor) == f"<duban.TaskCursor of '区合作交流办' ({n} rows)>"
        first = next(cursor)
        assert first.task == 1
        assert len(cursor) == n  # count does not depend on position
        rest = list(cursor)
        assert len(rest) == n - 1
        assert cursor.closed  # exhausted cursors free their handle at once
        assert list(cursor) == []
    units = graph.iter_units_of(3)
    # 区合作交流办 leads; 领导小组成员单位 expands to its 10 other members.
    assert len(units) == 11 and repr(units) == "<duban.UnitCursor of task 3 (11 rows)>"
    assert sum(1 for _ in units) == 11
    assert units.closed and len(units) == 11


def test_matrix(graph):
    text = graph.matrix()
    assert text.startswith("序号")
    assert "健全工作机制" in text and "牵" in text
    csv = graph.matrix("csv")
    assert csv.startswith("\ufeff序号,编号,任务,")
    assert "\r\n" in csv and "\n" not in csv.replace("\r\n", "")
    assert "配（各街镇）" in csv
    assert graph.matrix(duban.Format.CSV) == csv
    assert len(csv.strip("\r\n").split("\r\n")) == 1 + 18


def test_dot(graph):
    dot = graph.dot()
    assert dot.lstrip().startswith(("digraph", "strict digraph"))
    assert "区合作交流办" in dot and dot == graph.dot()


def test_lint(graph):
    text = graph.lint()
    assert text.splitlines() == [
        "warning: several_leads: task 5 '选派专业技术人才' has 2 leads: '区教育局', '区卫生健康委'",
        "warning: unresolved_group: group '各相关部门' has no known members but holds task 11 '扩大消费帮扶'",
    ]
    assert json.loads(graph.lint("json"))[0]["code"] == "several_leads"
    findings = graph.lint_findings()
    assert [f.code for f in findings] == ["several_leads", "unresolved_group"]
    f = findings[0]
    assert isinstance(f, duban.LintFinding)
    assert f.tasks == (5,) and f.units == (graph.directory["区教育局"].id, graph.directory["区卫生健康委"].id)
    assert f.to_dict()["tasks"] == [5]
    with pytest.raises(duban.InvalidArgumentError):
        graph.lint("dot")


def test_clean_plan_lints_clean():
    doc = {
        "duban": 1,
        "directory": {"units": [{"name": "甲局", "kind": "department"}]},
        "plan": {"title": "干净", "year": 2025, "tasks": [{"title": "任务", "responsibilities": [{"unit": "甲局", "role": "lead"}]}]},
    }
    with duban.parse_plan(doc) as p, p.graph() as g:
        assert g.lint() == "" and g.lint_findings() == []


def test_role_helpers():
    assert str(Role.LEAD) == "lead" and Role.SUPPORT.chinese == "配合"
    assert Role.parse("协办") is Role.SUPPORT and Role.parse(" Responsible ") is Role.RESPONSIBLE
    assert str(duban.GroupMode.KEEP) == "keep" and str(duban.Format.CSV) == "csv"
