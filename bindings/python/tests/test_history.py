"""History as of a date, states, the audit chain (tampering found after an
edit made with sqlite3 behind the library's back), the ledger's version 2
open options, and lifetimes and threads for the new objects."""

from __future__ import annotations

import datetime
import gc
import sqlite3
import threading
from pathlib import Path

import pytest

import duban

D = datetime.date


@pytest.fixture
def office(stored):
    ledger, plan = stored
    ledger.set_coordinator("区合作交流办")
    return ledger, plan


def test_history_as_of_and_instances(office):
    ledger, _ = office
    march = ledger.add_report(7, unit="区财政局", date=D(2025, 3, 10), percent=20)
    ledger.add_report(7, unit="区财政局", date=D(2025, 5, 10), percent=50)
    fix = ledger.add_report(7, unit="区财政局", date=D(2025, 6, 1), percent=25, supersedes=march)

    cursor = ledger.history(7, as_of=D(2025, 4, 30))
    assert len(cursor) == 1 and repr(cursor) == "<duban.EventCursor of 1 events>"
    (only,) = list(cursor)
    assert only.id == march and only.superseded_by is None
    assert next(iter(cursor), None) is None  # exhausted stays exhausted
    cursor.close()
    assert repr(cursor) == "<duban.EventCursor closed>"
    with pytest.raises(duban.ClosedError):
        len(cursor)

    now = list(ledger.history(7))
    assert [e.id for e in now] == [march, march + 1, fix] and now[0].superseded_by == fix
    assert len(list(ledger.history(7, instance=""))) == 3

    # A recurring task's instances: 3 is monthly; its lead unit reports on March's.
    office_id = ledger.coordinator
    inst = ledger.add_report(3, unit=office_id, date=D(2025, 3, 9), instance="3@2025-03", status="done")
    assert [e.instance for e in ledger.history(3)] == ["3@2025-03"]
    assert [e.id for e in ledger.history(3, instance="3@2025-03")] == [inst]
    assert list(ledger.history(3, instance="")) == []
    with pytest.raises(duban.NotFoundError, match="3@2024-12"):
        ledger.add_report(3, unit=office_id, date=D(2025, 3, 9), instance="3@2024-12")
    with pytest.raises(duban.NotFoundError):
        ledger.history(999)


def test_states_as_of_dates(office):
    ledger, _ = office
    ledger.add_report(7, unit="区财政局", date=D(2025, 3, 10), percent=20)
    ledger.add_report(9, unit="区商务委", date=D(2025, 5, 10), percent=10)
    assert [s.id for s in ledger.states(D(2025, 4, 1))] == ["7"]
    states = ledger.states(D(2025, 6, 1))
    assert [s.task for s in states] == [7, 9]
    nine = states[1]
    assert nine.closure is duban.ClosureState.OPEN and nine.submission is None
    assert nine.latest_report.percent == 10.0 and nine.current_due == D(2025, 12, 31)
    assert nine.to_dict()["latest_report"]["date"] == "2025-05-10"
    assert len(ledger.states()) == 2  # as of today


def test_verify_finds_an_edit_made_with_sqlite3(office, ledger_path: Path):
    ledger, _ = office
    event = ledger.add_report(7, unit="区财政局", date=D(2025, 3, 10), percent=20)
    ledger.add_report(7, unit="区财政局", date=D(2025, 4, 10), percent=30)
    check = ledger.verify()
    assert check.intact and bool(check) and check.finding is duban.ChainFinding.INTACT
    assert check.event is None and check.events == event + 1
    assert check.algorithm is duban.HashAlgorithm.SM3
    assert len(check.head) == 64 and set(check.head) <= set("0123456789abcdef")
    assert str(check) == check.message and check.message.startswith(f"intact: {event + 1} events, sm3, head ")
    ledger.close()

    raw = sqlite3.connect(ledger_path)
    with raw:
        raw.execute("UPDATE events SET percent = 99 WHERE seq = ?", (event,))
    raw.close()

    with duban.open(ledger_path) as reopened:
        found = reopened.verify()
    assert not found.intact and not found
    assert (found.finding, found.event) == (duban.ChainFinding.ALTERED, event)
    assert f"event {event} was altered" in found.message
    assert found.to_dict()["finding"] == "altered" and found.to_dict()["intact"] is False


def test_open_options_of_version_2(tmp_path: Path, example_path: Path):
    path = tmp_path / "sha.duban"
    with duban.open(path, hash="sha256", busy_retries=5) as db:
        db.import_plan(example_path)
        assert db.verify().algorithm is duban.HashAlgorithm.SHA256
    with duban.open(path, hash=duban.HashAlgorithm.SHA256) as db:
        assert db.verify().intact
    with pytest.raises(duban.InvalidArgumentError, match="sha256"):
        duban.open(path, hash="sm3")
    with pytest.raises(duban.InvalidArgumentError, match="hash 'md5' is not"):
        duban.open(path, hash="md5")
    with pytest.raises(duban.InvalidArgumentError, match="busy_retries"):
        duban.open(path, busy_retries=-1)
    with pytest.raises(duban.OutOfRangeError):
        duban.open(path, busy_retries=2**40)


def test_a_size_ceiling_fails_like_a_full_disk_and_writes_nothing(tmp_path: Path, example_path: Path):
    path = tmp_path / "small.duban"
    with duban.open(path) as db:
        db.import_plan(example_path)
        db.set_coordinator("区合作交流办")
        before = db.verify()
    size = path.stat().st_size
    with duban.open(path, max_size=size + 4096) as db:
        rows = [{"task": 7, "unit": "区财政局", "date": D(2025, 5, 1), "narrative": "长" * 2000}] * 200
        with pytest.raises(duban.StorageError, match="full"):
            db.add_reports(rows)
        after = db.verify()
    assert (after.events, after.head) == (before.events, before.head)


def test_cursors_and_values_outlive_the_ledger(office):
    ledger, _ = office
    ledger.add_report(7, unit="区财政局", date=D(2025, 3, 10), percent=20)
    cursor = ledger.history(7)
    states = ledger.states(D(2025, 4, 1))
    check = ledger.verify()
    ledger.close()
    del ledger
    gc.collect()
    assert [e.task for e in cursor] == [7]  # the C cursor read its rows when made
    assert states[0].latest_report.percent == 20.0 and check.intact


def test_threads_with_their_own_ledgers(tmp_path: Path, example_path: Path):
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            with duban.open(tmp_path / f"t{n}.duban") as db:
                db.import_plan(example_path)
                rows = [
                    {"task": 7, "unit": "区财政局", "date": D(2025, 1 + i % 12, 1), "percent": i % 100}
                    for i in range(200)
                ]
                ids = db.add_reports(rows)
                assert len(ids) == 200 and db.verify().intact
                with pytest.raises(duban.PermissionRefusedError):
                    db.add_report(9, unit="区财政局", date=D(2025, 1, 1))
        except BaseException as e:  # collected for the main thread to raise
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
