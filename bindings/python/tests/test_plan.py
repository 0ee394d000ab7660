"""Plan: properties, the task list, validation and JSON round trips."""

from __future__ import annotations

import datetime
import json

import pytest

import duban


def test_properties(plan):
    assert isinstance(plan, duban.Plan)
    assert plan.title == "2025年临江区东西部协作和对口支援工作要点"
    assert plan.doc_number == "临合组办〔2025〕2号"
    assert plan.issuer == "临江区对口支援与合作交流工作领导小组办公室"
    assert plan.year == 2025
    assert plan.issued == datetime.date(2025, 3, 18)
    assert plan.id is None  # parsed, not stored
    assert plan.task_count == len(plan) == 18
    assert repr(plan) == "<duban.Plan 2025 '2025年临江区东西部协作和对口支援工作要点' (18 tasks)>"


def test_optional_properties_when_absent():
    with duban.parse_plan({"duban": 1, "plan": {"title": "最简计划", "year": 2024}}) as p:
        assert (p.doc_number, p.issuer, p.issued, len(p), p.tasks) == ("", "", None, 0, ())


def test_tasks(plan):
    tasks = plan.tasks
    assert [t.id for t in tasks] == list(range(1, 19))
    first = tasks[0]
    assert isinstance(first, duban.Task)
    assert (first.key, first.number, first.title) == ("1", "1", "健全工作机制")
    assert first.section == "重点任务" and first.category == "组织领导"
    assert first.due == datetime.date(2025, 4, 30) and first.due_text == "4月底前"
    assert first.responsibilities[0] == duban.Responsibility("区合作交流办", duban.Role.LEAD, False)
    assert tasks[1].depends_on == ("1",)
    assert list(plan) == list(tasks)
    assert plan.task("2") is tasks[1] and plan.task(2) is tasks[1]
    with pytest.raises(duban.NotFoundError):
        plan.task(19)
    with pytest.raises(duban.NotFoundError):
        plan.task("nope")
    measures = [t for t in tasks if t.kind == "measure"]
    assert measures, "the example has guarantee measures"
    assert all(t.section is not None and t.category is None for t in measures)
    recurring = [t for t in tasks if "recurrence" in t.data]
    assert recurring and all(t.due is None for t in recurring)
    d = first.to_dict()
    assert d["id"] == 1 and d["title"] == "健全工作机制" and d["category"] == "组织领导"
    json.dumps([t.to_dict() for t in tasks], ensure_ascii=False)


def test_task_ids_match_the_graph_for_every_layout():
    # Tasks in categories, directly in a section, and outside any section:
    # the Python task list must number them as the library does.
    doc = {
        "duban": 1,
        "directory": {"units": [{"name": "甲局", "kind": "department"}, {"name": "乙局", "kind": "department"}]},
        "plan": {
            "title": "编号测试",
            "year": 2025,
            "sections": [
                {"number": "一", "title": "目标"},
                {
                    "number": "二",
                    "title": "任务",
                    "categories": [
                        {"number": "一", "title": "甲类", "tasks": [{"number": "1", "title": "甲一", "responsibilities": [{"unit": "甲局", "role": "lead"}]}]},
                        {"number": "二", "title": "乙类", "tasks": [{"number": "2", "title": "乙二", "responsibilities": [{"unit": "乙局", "role": "lead"}, {"unit": "甲局", "role": "support"}]}]},
                    ],
                    "tasks": [{"number": "3", "title": "直属三", "kind": "measure", "responsibilities": [{"unit": "甲局", "role": "responsible"}]}],
                },
            ],
            "tasks": [{"number": "4", "key": "loose", "title": "散列四", "responsibilities": [{"unit": "甲局", "role": "lead"}, {"unit": "乙局", "role": "lead"}]}],
        },
    }
    with duban.parse_plan(doc) as plan, plan.graph() as graph:
        assert [t.title for t in plan.tasks] == ["甲一", "乙二", "直属三", "散列四"]
        for unit in graph.directory:
            for a in graph.tasks_of(unit):
                t = plan.tasks[a.task - 1]
                assert (t.id, t.key, t.number, t.title) == (a.task, a.task_key, a.task_number, a.task_title)
        assert [a.unit_name for a in graph.units_of("loose")] == ["甲局", "乙局"]


def test_validate_clean_plan(plan):
    v = plan.validate()
    assert isinstance(v, duban.Validation)
    assert (v.report, v.errors, v.ok, v.format) == ("", 0, True, duban.Format.TEXT)
    assert plan.validate("json").report.strip() == "[]"
    assert plan.findings() == []


def test_validate_reports_unknown_units_and_cycles():
    doc = {
        "duban": 1,
        "directory": {"units": [{"name": "区委办", "kind": "department"}]},
        "plan": {
            "title": "有问题的计划",
            "year": 2025,
            "tasks": [
                {"number": "1", "title": "甲", "responsibilities": [{"unit": "区发改", "role": "lead"}], "depends_on": ["2"]},
                {"number": "2", "title": "乙", "responsibilities": [{"unit": "区委办", "role": "lead"}], "depends_on": ["1"]},
            ],
        },
    }
    with duban.parse_plan(doc, source_name="问题.json") as plan:
        v = plan.validate()
        assert not v.ok and v.errors == 2
        assert "问题.json: error: task 1, responsibilities[0]: unknown unit '区发改'" in v.report
        assert "dependency cycle" in v.report
        findings = plan.findings()
        assert len(findings) == 2
        assert all(isinstance(f, duban.ValidationFinding) and f.severity == "error" for f in findings)
        assert any(f.where == "task 1, responsibilities[0]" and "区发改" in f.message for f in findings)
        assert v.to_dict()["errors"] == 2
        with pytest.raises(duban.InvalidArgumentError, match="format 'csv'"):
            plan.validate("csv")


def test_json_round_trip_is_exact(plan):
    text = plan.to_json()
    assert plan.to_json() == text  # deterministic
    with duban.Plan.from_json(text) as again:
        assert again.to_json() == text
        assert again.tasks == plan.tasks
    d = plan.to_dict()
    assert d["duban"] == 1 and d["plan"]["title"] == plan.title
    with duban.Plan.parse(d) as from_dict:
        assert from_dict.to_json() == text


def test_directory_of_plan(plan):
    d = plan.directory
    assert d is plan.directory  # cached
    assert len(d) == 30 and d["各街镇"].kind == duban.UnitKind.GROUP


def test_graph_from_plan_with_another_directory(plan, stored):
    ledger, _ = stored
    with plan.graph(ledger.directory()) as g:
        assert g.task_count == 18
        assert [a.task for a in g.tasks_of("区合作交流办", role="lead")] == [
            a.task for a in plan.graph().tasks_of("区合作交流办", role="lead")
        ]
