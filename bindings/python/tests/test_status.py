"""duban.evaluate: status and warning lights of the example plan."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import duban

AS_OF = dt.date(2025, 7, 1)


def test_overdue_task_is_red(plan):
    with duban.evaluate(plan, AS_OF) as report:
        assert report.as_of == AS_OF
        assert len(report) >= 14
        item = report["4"]
        assert item.task_id == 4 and item.kind is duban.ItemKind.TASK
        assert item.status is duban.StatusCode.OVERDUE
        assert item.light is duban.Light.RED
        assert item.due == dt.date(2025, 6, 30) == item.original_due
        assert item.actual is None and item.expected == 100.0
        assert item.title
        assert [r["code"] for r in item.reasons] == ["overdue"]
        assert item.reasons[0]["workdays_late"] == 1
        counts = report.counts()
        assert sum(counts.values()) == len(report) and counts["red"] >= 1
        assert item in report.with_light("red")
        instances = [i for i in report.items if i.kind is duban.ItemKind.INSTANCE]
        assert instances and "@2025-" in instances[0].id
        assert item.to_dict()["status"] == "overdue"


def test_facts_and_options(plan):
    facts = {"duban_progress": 1, "items": [{"task": "4", "done": "2025-06-27"}]}
    with duban.evaluate(plan, AS_OF, facts=facts, four_colour=True, due_basis="original") as report:
        assert report["4"].status is duban.StatusCode.DONE_ON_TIME
        doc = report.to_dict()
        assert doc["as_of"] == "2025-07-01" and doc["four_colour"] is True and doc["due_basis"] == "original"
        assert json.loads(report.to_json()) == doc


def test_explicit_calendar(plan):
    with duban.Calendar.builtin() as cal, duban.evaluate(plan, dt.date(2025, 6, 26), calendar=cal) as report:
        assert report["4"].status is duban.StatusCode.DUE_SOON
        assert report["4"].light is duban.Light.YELLOW


def test_errors(plan):
    with pytest.raises(TypeError, match="unknown option"):
        duban.evaluate(plan, AS_OF, colour=4)
    with pytest.raises(duban.InvalidArgumentError, match="lag_red"):
        duban.evaluate(plan, AS_OF, lag_yellow=40)
    with pytest.raises(duban.InvalidArgumentError, match="99"):
        duban.evaluate(plan, AS_OF, facts={"duban_progress": 1, "items": [{"task": "99"}]})
    with pytest.raises(duban.OutOfRangeError, match="2027"):
        duban.evaluate(plan, dt.date(2027, 7, 1))
    with pytest.raises(duban.InvalidArgumentError):
        duban.evaluate(plan, AS_OF, due_basis="sometimes")


def test_report_outlives_plan(example_path):
    p = duban.parse_plan(example_path)
    report = duban.evaluate(p, AS_OF)
    p.close()
    assert report["4"].light is duban.Light.RED
    report.close()
    with pytest.raises(duban.ClosedError):
        len(report)


def test_ledger_status_and_views(stored, example_path):
    ledger, _ = stored
    plan = ledger.latest_plan()
    with ledger.status(AS_OF, plan) as report, duban.evaluate(plan, AS_OF) as plain:
        # Nothing reported yet: the ledger's view is the plan's own.
        assert [i.to_dict() for i in report] == [i.to_dict() for i in plain]
        assert report["4"].light is duban.Light.RED
        assert report["4"].category >= 0
        graph = duban.Graph(plan)
        rows = report.view("区合作交流办", graph=graph)
        led = graph.tasks_of("区合作交流办")
        assert [r.item.task_id for r in rows if r.item.kind is duban.ItemKind.TASK] == [a.task for a in led]
        assert all(isinstance(r.role, duban.Role) for r in rows)
        leads = report.view("区合作交流办", graph=graph, role="lead")
        assert leads and all(r.role is duban.Role.LEAD for r in leads) and len(leads) <= len(rows)
        red = report.view(light="red")
        assert [r.item for r in red] == report.with_light("red")
        assert all(r.role is None and r.via_group == 0 for r in red)
        with pytest.raises(duban.InvalidArgumentError, match="without a unit_id"):
            report.view(role="lead")
        with pytest.raises(TypeError, match="graph"):
            report.view("区合作交流办")
        with pytest.raises(duban.NotFoundError):
            report.view("不存在的单位", graph=graph)
    with pytest.raises(duban.InvalidArgumentError, match="duban_plan_load"):
        ledger.status(AS_OF, duban.Plan.parse(example_path.read_text(encoding="utf-8")))
