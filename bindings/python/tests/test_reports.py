"""Reports into the ledger: one at a time, in all-or-nothing batches and from
CSV; what goes in comes back exactly; refusals and bad reports write nothing."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import duban

D = datetime.date
NARRATIVE = "已拨付资金；（第一批）、ABC混合 text"


@pytest.fixture
def office(stored):
    """(ledger, plan id) with 区合作交流办 as the coordinating office."""
    ledger, plan = stored
    ledger.set_coordinator("区合作交流办")
    return ledger, plan


def event_count(ledger: duban.Ledger) -> int:
    return ledger.verify().events


def test_add_report_round_trip_keeps_exact_text(office):
    ledger, plan = office
    event = ledger.add_report(
        "7",
        unit="区财政局",
        date=D(2025, 4, 10),
        percent=40,
        narrative=NARRATIVE,
        indicators=[("财政帮扶资金", 1200.5, "万元"), duban.Indicator("项目数", 3)],
        evidence=["临财〔2025〕8号"],
        user="张三",
    )
    assert isinstance(event, int) and event > 0
    (e,) = list(ledger.history(7))
    assert e.id == event and e.kind is duban.EventKind.REPORT
    assert (e.plan, e.task, e.task_key, e.instance) == (plan, 7, "7", "")
    assert e.unit == ledger.directory().id_of("区财政局")
    assert e.user == "张三" and e.date == D(2025, 4, 10)
    assert e.text == NARRATIVE and e.text.encode("utf-8") == NARRATIVE.encode("utf-8")
    assert e.status is duban.ReportStatus.IN_PROGRESS and e.percent == 40.0
    assert e.indicators == (duban.Indicator("财政帮扶资金", 1200.5, "万元"), duban.Indicator("项目数", 3.0, ""))
    assert str(e.indicators[0]) == "财政帮扶资金=1200.5万元" and str(e.indicators[1]) == "项目数=3"
    assert e.evidence == ("临财〔2025〕8号",)
    assert e.ref is None and e.superseded_by is None and e.until is None and e.target is None
    assert e.recorded.endswith("Z") and len(e.recorded) == 24
    as_dict = e.to_dict()
    assert json.loads(json.dumps(as_dict, ensure_ascii=False)) == as_dict
    assert as_dict["kind"] == "report" and as_dict["status"] == "in_progress" and as_dict["date"] == "2025-04-10"
    assert repr(e) == f"<duban.Event #{event} report 7 2025-04-10 by unit {e.unit}>"


def test_tasks_units_statuses_and_dates_in_every_form(office):
    ledger, plan = office
    with ledger.load_plan(plan) as p, ledger.directory() as units:
        task = p.task("7")
        finance = units.lookup("区财政局")
        ids = [
            ledger.add_report(7, unit=finance.id, date=D(2025, 3, 1), status="not_started"),
            ledger.add_report("7", unit="区财政局", date=datetime.datetime(2025, 3, 2, 9, 30), status=3),
            ledger.add_report(task, unit=finance, date=D(2025, 3, 3), status=duban.ReportStatus.BLOCKED, plan=p),
        ]
    events = list(ledger.history(task))
    assert [e.id for e in events] == ids
    assert [e.status for e in events] == [
        duban.ReportStatus.NOT_STARTED,
        duban.ReportStatus.DONE,
        duban.ReportStatus.BLOCKED,
    ]
    assert events[1].date == D(2025, 3, 2) and events[0].percent is None
    with pytest.raises(duban.InvalidArgumentError, match="status 'finished' is not one of"):
        ledger.add_report(7, unit="区财政局", date=D(2025, 3, 1), status="finished")
    with pytest.raises(TypeError, match="date must be a datetime.date"):
        ledger.add_report(7, unit="区财政局", date="2025-03-01")
    with pytest.raises(duban.NotFoundError):
        ledger.add_report(7, unit="区不存在局", date=D(2025, 3, 1))
    with pytest.raises(duban.NotFoundError, match="no task has key '99'"):
        ledger.add_report("99", unit="区财政局", date=D(2025, 3, 1))


def test_batch_writes_everything_in_one_go(office):
    ledger, plan = office
    before = event_count(ledger)
    rows = [
        {"task": 7, "unit": "区财政局", "date": D(2025, 5, 1), "percent": 50},
        duban.Report(task="9", unit="区商务委", date=D(2025, 5, 2), narrative="园区签约"),
        {"task": 4, "unit": "区委组织部", "date": D(2025, 5, 3), "status": "done", "evidence": ["名单.pdf"]},
    ]
    ids = ledger.add_reports(iter(rows))  # any iterable, a generator too
    assert ids == [before + 1, before + 2, before + 3]
    assert event_count(ledger) == before + 3
    assert ledger.add_reports([]) == []
    assert rows[1].to_dict()["date"] == "2025-05-02" and rows[1].to_dict()["status"] == "in_progress"


def test_a_bad_report_in_a_batch_leaves_nothing_written(office):
    ledger, _ = office
    before = event_count(ledger)
    good = {"task": 7, "unit": "区财政局", "date": D(2025, 5, 1)}
    with pytest.raises(duban.InvalidArgumentError, match=r"^reports\[1\]: .*120") as info:
        ledger.add_reports([good, dict(good, percent=120), good])
    assert info.value.code == duban.Status.EINVAL
    # Found by the binding before anything reaches the library: named the same way.
    with pytest.raises(duban.NotFoundError, match=r"^reports\[2\]: "):
        ledger.add_reports([good, good, dict(good, unit="区不存在局")])
    with pytest.raises(TypeError, match=r"^reports\[0\]: unknown report field\(s\) colour"):
        ledger.add_reports([dict(good, colour="red")])
    with pytest.raises(duban.PermissionRefusedError, match=r"^reports\[1\]: refused: 区财政局 may not report on task '9'"):
        ledger.add_reports([good, dict(good, task=9)])
    assert event_count(ledger) == before
    assert ledger.verify().intact


def test_a_refusal_is_a_permission_error_and_writes_nothing(office):
    ledger, _ = office
    before = ledger.verify()
    with pytest.raises(PermissionError) as info:
        ledger.add_report(9, unit="区财政局", date=D(2025, 4, 10), user="测试员")
    e = info.value
    assert type(e) is duban.PermissionRefusedError
    assert isinstance(e, duban.DubanError) and isinstance(e, OSError)
    assert e.code == duban.Status.EPERM and e.klass == duban.ErrorClass.ARGUMENT
    assert str(e) == (
        "report: refused: 区财政局 (user '测试员') may not report on task '9' (推进园区共建): a unit may report only "
        "on tasks where it holds a role, directly or through its groups"
    )
    after = ledger.verify()
    assert (after.events, after.head) == (before.events, before.head)
    assert duban.strerror(duban.Status.EPERM) == "refused by a permission rule"


def test_a_correction_supersedes_from_its_date(office):
    ledger, _ = office
    first = ledger.add_report(7, unit="区财政局", date=D(2025, 3, 10), percent=20)
    fix = ledger.add_report(7, unit="区财政局", date=D(2025, 4, 1), percent=25, supersedes=first)
    events = list(ledger.history(7))
    assert events[0].superseded_by == fix and events[1].ref == first
    before_fix = list(ledger.history(7, as_of=D(2025, 3, 31)))
    assert [e.id for e in before_fix] == [first] and before_fix[0].superseded_by is None
    # Only the unit that made a report (or the office) corrects it; 区商务委
    # holds no role in task 7 at all, so it is refused before that.
    with pytest.raises(duban.PermissionRefusedError, match="refused: 区商务委 may not"):
        ledger.add_report(7, unit="区商务委", date=D(2025, 4, 2), supersedes=fix)
    office_fix = ledger.add_report(7, unit="区合作交流办", date=D(2025, 4, 3), percent=30, supersedes=fix)
    assert list(ledger.history(7))[1].superseded_by == office_fix


def test_csv_from_text_bytes_and_file(office, tmp_path: Path):
    ledger, plan = office
    text = "task,unit,date,status,percent,values,evidence\n7,区财政局,2025-05-10,推进中,40%,财政帮扶资金=1200万元,临财〔2025〕8号\n"
    first = ledger.import_reports_csv(text)
    assert len(first) == 1
    (e,) = list(ledger.history(7))
    assert e.indicators == (duban.Indicator("财政帮扶资金", 1200.0, "万元"),) and e.percent == 40.0
    again = ledger.import_reports_csv(text.encode("utf-8"), plan=plan)
    assert again == [first[0] + 1]
    path = tmp_path / "五月.csv"
    path.write_text("task,unit,date,status\n9,区商务委,2025-05-12,in_progress\n4,区委组织部,2025-05-12,done\n", "utf-8")
    assert len(ledger.import_reports_csv(path)) == 2


def test_csv_problems_name_their_lines_and_reject_the_batch(office, tmp_path: Path):
    ledger, _ = office
    before = event_count(ledger)
    path = tmp_path / "may.csv"
    path.write_text(
        "task,unit,date,status\n7,区财政局,2025-05-10,done\n9,区财政局,2025-05-10,done\n7,区财政局,2025-05-32,done\n",
        "utf-8",
    )
    with pytest.raises(duban.InvalidArgumentError) as info:
        ledger.import_reports_csv(str(path))
    lines = str(info.value).split("\n")
    assert lines[0] == "the batch is rejected; nothing was written: 2 problems"
    assert lines[1].startswith(f"  {path}:3: refused: 区财政局 may not report on task '9'")
    assert lines[2].startswith(f"  {path}:4: column 'date'")
    with pytest.raises(duban.EncodingError, match="bytes.csv:2"):
        ledger.import_reports_csv(b"task,unit,date,status\n7,\xff,2025-05-10,done\n", origin="bytes.csv")
    assert event_count(ledger) == before


def test_read_only_ledger_refuses_writes(ledger_path: Path, example_path: Path):
    with duban.open(ledger_path) as db:
        db.import_plan(example_path)
    with duban.open(ledger_path, read_only=True) as db:
        with pytest.raises(duban.MisuseError, match="read-only"):
            db.add_report(7, unit="区财政局", date=D(2025, 4, 1))
        with pytest.raises(duban.MisuseError):
            db.add_reports([{"task": 7, "unit": "区财政局", "date": D(2025, 4, 1)}])


def test_closed_ledger_raises_closed_error(office):
    ledger, _ = office
    ledger.close()
    with pytest.raises(duban.ClosedError):
        ledger.add_report(7, unit=9, date=D(2025, 4, 1), plan=1)
    with pytest.raises(duban.ClosedError):
        ledger.verify()


def test_text_the_library_cannot_take_is_refused_by_field(office):
    ledger, _ = office
    before = event_count(ledger)
    good = {"task": 7, "unit": "区财政局", "date": D(2025, 5, 1)}
    with pytest.raises(ValueError, match=r"^reports\[1\]: user contains a NUL character"):
        ledger.add_reports([good, dict(good, user="张\0三")])
    with pytest.raises(duban.EncodingError, match=r"^reports\[0\]: metric cannot be encoded as UTF-8"):
        ledger.add_reports([dict(good, indicators=[("\ud800", 1)])])
    with pytest.raises(duban.InvalidArgumentError, match="percent is NaN"):
        ledger.add_report(7, unit="区财政局", date=D(2025, 5, 1), percent=float("nan"))
    with pytest.raises(TypeError, match="indicator"):
        ledger.add_report(7, unit="区财政局", date=D(2025, 5, 1), indicators=["选派教师=2名"])
    assert event_count(ledger) == before


def test_values_convert_to_plain_data(office):
    ledger, plan = office
    with ledger.load_plan(plan) as p, ledger.directory() as units:
        r = duban.Report(task=p.task("7"), unit=units.lookup("区财政局"), date=D(2025, 5, 1), plan=p,
                         indicators=[("选派教师", 2, "名")], status="done")
        assert r.to_dict() == {
            "task": "7", "unit": "区财政局", "date": "2025-05-01", "status": "done", "percent": None,
            "narrative": "", "indicators": [{"metric": "选派教师", "value": 2.0, "unit": "名"}], "evidence": [],
            "user": "", "instance": None, "supersedes": None, "plan": plan,
        }
        (event,) = ledger.add_reports([r])
    assert list(ledger.history(7))[0].id == event
    assert duban.Indicator.of(("x", 1)) == duban.Indicator("x", 1.0, "")
