"""Status codes become exceptions: the mapping, and real failures provoked
through the library for every code it can be made to return."""

from __future__ import annotations

import pickle
import shutil
import sqlite3
from pathlib import Path

import pytest

import duban
from duban import _errors
from duban import Status as S


@pytest.mark.parametrize(
    "code, cls, python_bases",
    [
        (S.ENOTFOUND, duban.NotFoundError, (LookupError,)),
        (S.EINVAL, duban.InvalidArgumentError, (ValueError,)),
        (S.EEXISTS, duban.AlreadyExistsError, (ValueError,)),
        (S.EENCODING, duban.EncodingError, (UnicodeError, ValueError)),
        (S.ERANGE, duban.OutOfRangeError, (ValueError,)),
        (S.EPARSE, duban.ParseError, (ValueError,)),
        (S.ENOMEM, duban.OutOfMemoryError, (MemoryError,)),
        (S.EIO, duban.StorageError, (OSError,)),
        (S.EBUSY, duban.BusyError, (OSError,)),
        (S.ECORRUPT, duban.CorruptError, (OSError,)),
        (S.EMISUSE, duban.MisuseError, (ValueError,)),
        (S.EPERM, duban.PermissionRefusedError, (PermissionError, OSError)),
        (S.ERROR, duban.DubanError, ()),
        (S.EUSER, duban.DubanError, ()),
        (-99, duban.DubanError, ()),  # a code newer than the binding
    ],
)
def test_each_code_maps_to_its_class(code, cls, python_bases):
    e = _errors.error_for(int(code), 3, 7, "what went wrong")
    assert type(e) is cls
    assert isinstance(e, duban.DubanError)
    for base in python_bases:
        assert isinstance(e, base)
    assert e.code == code and int(e.code) == int(code)
    assert e.klass == duban.ErrorClass.TEXT
    assert (e.subcode, e.message, str(e)) == (7, "what went wrong", "what went wrong")


def test_storage_subclasses():
    assert issubclass(duban.BusyError, duban.StorageError)
    assert issubclass(duban.CorruptError, duban.StorageError)
    assert issubclass(duban.ClosedError, duban.MisuseError)


def test_errors_pickle_with_their_details():
    e = _errors.error_for(int(S.EBUSY), 6, 5, "ledger 'x' is locked")
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is duban.BusyError
    assert (back.code, back.klass, back.subcode, back.message) == (e.code, e.klass, e.subcode, e.message)


def test_check_passes_non_negative_codes_through():
    assert _errors.check(0) == 0
    assert _errors.check(1) == 1  # DUBAN_DONE is not an error
    assert _errors.check(7) == 7  # e.g. a unit kind


def test_strerror_names_codes():
    assert duban.strerror(S.ENOTFOUND) == "not found"
    assert duban.strerror(12345) == "unknown status code"


# --- real failures -------------------------------------------------------------


def test_unknown_unit_lookup(plan):
    with pytest.raises(duban.NotFoundError) as info:
        plan.directory.lookup("区发改委")
    e = info.value
    assert e.code == S.ENOTFOUND and e.klass == duban.ErrorClass.ARGUMENT
    assert "'区发改委'" in e.message
    with pytest.raises(LookupError):
        plan.directory["区发改委"]
    assert plan.directory.get("区发改委") is None
    assert "区发改委" not in plan.directory


def test_unknown_unit_in_a_graph_query(graph):
    with pytest.raises(duban.NotFoundError, match="'不存在的单位'"):
        graph.tasks_of("不存在的单位")
    with pytest.raises(duban.NotFoundError, match="99999"):
        graph.tasks_of(99999)


def test_bad_json_gives_line_and_column():
    text = '{\n  "duban": 1,\n  "plan": {"title": "（一）、测试；", }\n}\n'
    with pytest.raises(duban.ParseError) as info:
        duban.parse_plan(text, source_name="bad.json")
    e = info.value
    assert e.code == S.EPARSE and e.klass == duban.ErrorClass.TEXT
    assert (e.source, e.line) == ("bad.json", 3)
    # The column counts characters: the "}" after the Chinese title, not its bytes.
    assert e.column == text.splitlines()[2].index("}") + 1
    assert e.message.startswith(f"bad.json:3:{e.column}: ")
    assert isinstance(e, ValueError)


def test_bad_json_from_a_file_is_named_by_the_file(tmp_path: Path):
    path = tmp_path / "计划.json"
    path.write_text('{"duban": 1, "plan": [}', encoding="utf-8")
    with pytest.raises(duban.ParseError) as info:
        duban.parse_plan(path)
    assert info.value.source == str(path)
    assert (info.value.line, info.value.column) == (1, 23)


def test_a_wrong_field_names_its_path():
    with pytest.raises(duban.InvalidArgumentError, match=r"plan: unknown field \"boss\""):
        duban.parse_plan({"duban": 1, "plan": {"title": "t", "year": 2025, "boss": 1}})


def test_invalid_utf8_bytes_are_refused_by_the_library():
    with pytest.raises(duban.EncodingError) as info:
        duban.parse_plan(b'{"duban": 1, "plan": {"title": "\xe4\xbd", "year": 2025}}')
    assert info.value.code == S.EENCODING
    assert "byte 32" in info.value.message
    assert isinstance(info.value, UnicodeError)


def test_a_lone_surrogate_is_refused_before_the_library(plan):
    with pytest.raises(duban.EncodingError, match="character 1"):
        plan.directory.lookup("区\ud800")


def test_invalid_role(graph):
    # An int goes to the library, which decides what is a role.
    with pytest.raises(duban.InvalidArgumentError) as info:
        graph.tasks_of("区合作交流办", role=9)
    assert info.value.message == "role 9 is not a duban_role_t value"
    assert info.value.klass == duban.ErrorClass.ARGUMENT
    with pytest.raises(duban.InvalidArgumentError, match="role 9"):
        graph.units_of(1, role=9)
    # A name is parsed by the binding.
    with pytest.raises(duban.InvalidArgumentError, match="unknown role 'boss'"):
        graph.tasks_of("区合作交流办", role="boss")
    with pytest.raises(TypeError):
        graph.tasks_of("区合作交流办", role=1.0)


def test_invalid_group_mode_and_format(graph):
    with pytest.raises(duban.InvalidArgumentError, match="group mode 7"):
        graph.units_of(1, groups=7)
    with pytest.raises(duban.InvalidArgumentError, match="unknown group mode"):
        graph.units_of(1, groups="flatten")
    with pytest.raises(duban.InvalidArgumentError, match="format 'json' is not one of 'text', 'csv'"):
        graph.matrix("json")


def test_unknown_task(graph):
    with pytest.raises(duban.NotFoundError, match="no task 99"):
        graph.units_of(99)
    with pytest.raises(duban.NotFoundError, match="no task has key 'x9'"):
        graph.units_of("x9")


def test_missing_ledger_without_create(tmp_path: Path):
    path = tmp_path / "missing.duban"
    with pytest.raises(duban.NotFoundError, match="does not exist"):
        duban.open(path, create=False)
    with pytest.raises(duban.NotFoundError):
        duban.open(path, read_only=True)
    assert not path.exists()


def test_ledger_in_a_missing_directory(tmp_path: Path):
    path = tmp_path / "no" / "such" / "dir.duban"
    with pytest.raises(duban.StorageError) as info:
        duban.open(path)
    e = info.value
    assert type(e) is duban.StorageError and e.code == S.EIO
    assert e.klass == duban.ErrorClass.STORAGE
    assert e.subcode == 14  # SQLITE_CANTOPEN
    assert e.filename == str(path)
    assert isinstance(e, OSError)


def test_newer_ledger(tmp_path: Path, stored):
    ledger, _ = stored
    newer = tmp_path / "newer.duban"
    ledger.close()
    shutil.copy(ledger.path, newer)
    with sqlite3.connect(newer) as c:
        c.execute("PRAGMA user_version = 999")
    before = newer.read_bytes()
    with pytest.raises(duban.OutOfRangeError) as info:
        duban.open(newer)
    assert "written by a newer duban (schema 999" in info.value.message
    assert info.value.code == S.ERANGE
    assert newer.read_bytes() == before  # refused exactly as found


def test_foreign_sqlite_file(tmp_path: Path):
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as c:
        c.execute("PRAGMA application_id = 42")
        c.execute("CREATE TABLE t (x)")
    with pytest.raises(duban.InvalidArgumentError) as info:
        duban.open(foreign)
    assert "is not a duban ledger: it is an SQLite database of another application" in info.value.message
    assert "0x0000002A" in info.value.message


def test_file_that_is_not_sqlite(tmp_path: Path):
    junk = tmp_path / "junk.duban"
    junk.write_bytes(b"\x00not a database\xff" * 300)
    with pytest.raises(duban.InvalidArgumentError) as info:
        duban.open(junk)
    assert "is not a duban ledger" in info.value.message
    assert info.value.subcode == 26  # SQLITE_NOTADB


def test_damaged_ledger(tmp_path: Path, example_path: Path):
    path = tmp_path / "damaged.duban"
    with duban.open(path) as db:
        db.import_plan(example_path)
    data = bytearray(path.read_bytes())
    assert len(data) > 8192
    data[4096:] = b"\xa5" * (len(data) - 4096)  # every page past the first
    path.write_bytes(bytes(data))
    with pytest.raises(duban.DubanError) as info:
        with duban.open(path, check_integrity=True) as db:
            db.latest_plan()
    assert isinstance(info.value, duban.CorruptError), repr(info.value)
    assert info.value.code == S.ECORRUPT


def test_busy_ledger(stored):
    ledger, _ = stored
    path = ledger.path
    locker = sqlite3.connect(path, isolation_level=None)
    try:
        locker.execute("BEGIN EXCLUSIVE")
        with duban.open(path, busy_timeout=0) as other:
            with pytest.raises(duban.BusyError) as info:
                other.import_plan({"duban": 1, "plan": {"title": "新计划", "year": 2026}})
        e = info.value
        assert e.code == S.EBUSY and e.subcode == 5  # SQLITE_BUSY
        assert "database is locked" in e.message
        assert isinstance(e, duban.StorageError) and isinstance(e, OSError)
    finally:
        locker.execute("ROLLBACK")
        locker.close()


def test_plan_already_stored(stored, example_path: Path):
    ledger, plan_id = stored
    with pytest.raises(duban.AlreadyExistsError) as info:
        ledger.import_plan(example_path)
    assert f"as plan {plan_id}" in info.value.message
    assert ledger.import_plan(example_path, replace=True) == plan_id


def test_unknown_plan_id(stored):
    ledger, _ = stored
    with pytest.raises(duban.NotFoundError):
        ledger.load_plan(4242)


def test_empty_ledger_has_no_latest_plan(ledger):
    with pytest.raises(duban.NotFoundError, match="holds no plan"):
        ledger.latest_plan()


def test_invalid_plan_is_not_stored(ledger):
    bad = {
        "duban": 1,
        "directory": {"units": [{"name": "区委办", "kind": "department"}]},
        "plan": {"title": "计划", "year": 2025, "tasks": [{"title": "任务", "responsibilities": [{"unit": "区统计局", "role": "lead"}]}]},
    }
    with pytest.raises(duban.InvalidArgumentError, match="unknown unit '区统计局'"):
        ledger.import_plan(bad)
    assert ledger.plans() == []


def test_write_to_read_only_ledger(stored, example_path: Path):
    ledger, _ = stored
    ledger.close()
    with duban.open(ledger.path, read_only=True) as ro:
        with pytest.raises(duban.MisuseError) as info:
            ro.import_plan(example_path, replace=True)
        assert "read-only" in info.value.message
        assert info.value.code == S.EMISUSE
        assert ro.latest_plan().title  # reading still works


def test_bad_open_options(tmp_path: Path):
    with pytest.raises(duban.InvalidArgumentError, match=r"busy_timeout_ms is negative \(-1500\)"):
        duban.open(tmp_path / "x.duban", busy_timeout=-1.5)
    with pytest.raises(duban.OutOfRangeError):
        duban.open(tmp_path / "x.duban", busy_timeout=10**9)


def test_use_after_close(stored):
    ledger, plan_id = stored
    plan = ledger.load_plan(plan_id)
    graph = plan.graph()
    directory = plan.directory
    for obj in (ledger, plan, graph, directory):
        obj.close()
        obj.close()  # idempotent
        assert obj.closed
    with pytest.raises(duban.ClosedError, match="this Ledger is closed") as info:
        ledger.plans()
    assert info.value.code == S.EMISUSE
    assert isinstance(info.value, ValueError)
    for call in (lambda: plan.title, lambda: graph.tasks_of(1), lambda: len(directory), lambda: ledger.import_plan({})):
        with pytest.raises(duban.ClosedError):
            call()
    with pytest.raises(duban.ClosedError):
        with ledger:
            pass


def test_error_state_is_read_before_it_is_overwritten(plan):
    # Two failures in a row each report their own message.
    for name in ("甲单位", "乙单位"):
        with pytest.raises(duban.NotFoundError, match=f"'{name}'"):
            plan.directory.lookup(name)
