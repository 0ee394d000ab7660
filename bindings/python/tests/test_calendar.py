"""duban.Calendar: the working-day calendar through the C API."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import duban

D = dt.date


@pytest.fixture(scope="module")
def cal():
    with duban.Calendar.builtin() as c:
        yield c


def test_pinned_facts(cal):
    assert cal.is_workday(D(2024, 9, 29))  # a Sunday worked for National Day
    assert not cal.is_workday(D(2024, 10, 1))
    assert cal.add_workdays(D(2024, 9, 30), 1) == D(2024, 10, 8)
    assert cal.add_workdays(D(2024, 10, 8), -1) == D(2024, 9, 30)
    assert cal.workdays_in_year(2024) == 251
    assert cal.workdays_in_month(2024, 10) == 19  # Saturday 10-12 worked
    assert cal.workdays_between(D(2024, 9, 27), D(2024, 10, 8)) == 4
    assert cal.next_workday(D(2024, 9, 30)) == D(2024, 10, 8)
    assert cal.previous_workday(D(2024, 10, 8)) == D(2024, 9, 30)
    assert cal.nth_workday(2024, 10, 1) == D(2024, 10, 8)
    assert cal.last_workday(2024, 9) == D(2024, 9, 30)
    assert cal.roll(D(2024, 10, 1)) == D(2024, 10, 8)
    assert cal.roll(D(2024, 10, 1), "preceding") == D(2024, 9, 30)
    assert cal.roll(D(2024, 10, 1), duban.Roll.MODIFIED_PRECEDING) == D(2024, 10, 8)
    assert cal.has_year(2026) and not cal.has_year(2027)


def test_describe(cal):
    info = cal.describe(D(2024, 10, 1))
    assert info.kind is duban.DayKind.HOLIDAY
    assert not info.working and info.known
    assert "国庆" in info.name and "国办发明电" in info.source
    worked = cal.describe(D(2024, 9, 29))
    assert worked.kind is duban.DayKind.ADJUSTED_WORKDAY and worked.name == "调休上班"
    plain = cal.describe(D(2024, 9, 27))
    assert (plain.kind, plain.name, plain.source) == (duban.DayKind.WEEKDAY, "", "")
    unknown = cal.describe(D(2027, 1, 2))
    assert not unknown.known and unknown.kind is duban.DayKind.WEEKEND
    assert unknown.to_dict()["kind"] == "weekend"


def test_unknown_year_is_out_of_range(cal):
    with pytest.raises(duban.OutOfRangeError, match="no published calendar for 2027"):
        cal.is_workday(D(2027, 3, 1))
    with pytest.raises(duban.OutOfRangeError):
        cal.workdays_in_year(2027)


def test_bad_values(cal):
    with pytest.raises(duban.InvalidArgumentError, match="is not one of"):
        cal.roll(D(2024, 10, 1), "sideways")
    with pytest.raises(duban.InvalidArgumentError):
        cal.nth_workday(2024, 10, 0)
    with pytest.raises(duban.InvalidArgumentError):
        cal.workdays_in_month(2024, 13)


def test_load_and_fallback():
    data = {
        "duban_calendar": 1,
        "years": [
            {
                "year": 2027,
                "source": "测试通知",
                "holidays": [{"name": "元旦", "first": "2027-01-01", "last": "2027-01-03"}],
                "workdays": [],
            }
        ],
        "local": [],
    }
    with duban.Calendar.load(data, origin="2027.json") as more:
        assert more.has_year(2027) and more.has_year(2024)
        assert not more.is_workday(D(2027, 1, 1))
        assert more.describe(D(2027, 1, 1)).source == "测试通知"
        assert "测试通知" in more.to_json()
        with duban.Calendar.load(base=more, weekends_only_fallback=True) as fallback:
            assert fallback.is_workday(D(2028, 3, 1))
            assert not fallback.is_workday(D(2027, 1, 1))
    with pytest.raises(duban.ParseError, match="bad.json"):
        duban.Calendar.load('{"duban_calendar": 1, "years": 3}', origin="bad.json")


def test_closed_calendar_raises():
    c = duban.Calendar.builtin()
    c.close()
    with pytest.raises(duban.ClosedError):
        c.is_workday(D(2024, 1, 2))


# -- calendar data kept in a ledger (the 2027 notice is made up:
#    tests/data/calendar/README.md) ---------------------------------------------

CALENDAR_DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "calendar"


@pytest.fixture
def ledger_2027(tmp_path):
    with duban.open(tmp_path / "calendar.duban") as db:
        db.import_plan(CALENDAR_DATA / "plan-2027.json")
        yield db


def test_ledger_load_calendar_reports_moved_deadlines(ledger_2027):
    assert not ledger_2027.calendar().has_year(2027)
    report = ledger_2027.load_calendar(CALENDAR_DATA / "2027-test.json")
    assert report["event"] == 3
    assert report["years_added"] == [2027]
    assert report["years_replaced"] == []
    assert len(report["days"]) == 18
    assert report["days"][0] == {
        "date": D(2027, 1, 1),
        "was_working": True,
        "now_working": False,
        "was_known": False,
        "now_known": True,
        "reason": "元旦 (测试用通知（虚构，非真实2027年安排）)",
    }
    assert [(m["key"], m["instance"], m["before"], m["after"]) for m in report["moved"]] == [
        ("3", "3@2027-01", D(2027, 1, 10), D(2027, 1, 11)),
        ("3", "3@2027-02", D(2027, 2, 10), D(2027, 2, 15)),
        ("3", "3@2027-04", D(2027, 4, 10), D(2027, 4, 12)),
        ("3", "3@2027-07", D(2027, 7, 10), D(2027, 7, 12)),
        ("3", "3@2027-10", D(2027, 10, 10), D(2027, 10, 11)),
        ("4", "", D(2027, 10, 8), D(2027, 10, 9)),
    ]
    assert report["moved"][-1]["title"] == "选派挂职干部"

    cal = ledger_2027.calendar()
    assert cal.has_year(2027) and cal.is_workday(D(2027, 10, 9))
    # The same data again: nothing is written, nothing moves.
    again = ledger_2027.load_calendar((CALENDAR_DATA / "2027-test.json").read_text(encoding="utf-8"))
    assert again["event"] is None and again["moved"] == [] and again["days"] == []
    # Status from the ledger settles due dates on the ledger's calendar.
    status = ledger_2027.status(D(2027, 9, 1))
    assert status["4"].due == D(2027, 10, 9)


def test_ledger_calendar_outlives_the_ledger(tmp_path):
    path = tmp_path / "kept.duban"
    with duban.open(path) as db:
        db.load_calendar(CALENDAR_DATA / "2027-local-test.json")
    with duban.open(path, read_only=True) as db:
        cal = db.calendar()
        with pytest.raises(duban.MisuseError):
            db.load_calendar(CALENDAR_DATA / "2027-test.json")
    assert cal.describe(D(2027, 4, 30)).name == "台风停工"


def test_ledger_load_calendar_errors_name_the_origin(ledger_2027):
    with pytest.raises(duban.ParseError, match="^api: "):
        ledger_2027.load_calendar({"duban_calendar": 1, "years": 3})
    clash = {"duban_calendar": 1, "years": [{"year": 2028, "source": "x", "workdays": ["2027-10-02"]}]}
    ledger_2027.load_calendar(CALENDAR_DATA / "2027-test.json", origin="notice.json")
    with pytest.raises(duban.InvalidArgumentError, match=r"^2028\.json \(with the calendar the ledger holds\): 2028: "):
        ledger_2027.load_calendar(clash, origin="2028.json")
    with pytest.raises(duban.InvalidArgumentError, match="origin"):
        ledger_2027.load_calendar(clash, origin="")
    assert ledger_2027.verify().intact
