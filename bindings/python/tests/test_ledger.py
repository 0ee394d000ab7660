"""Ledger: opening, importing plans in every input form, listing and loading."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import duban


def test_open_creates_and_reopens(ledger_path: Path, example_path: Path):
    assert not ledger_path.exists()
    with duban.open(ledger_path) as db:
        assert isinstance(db, duban.Ledger)
        assert db.path == str(ledger_path) and not db.read_only and not db.closed
        assert repr(db) == f"<duban.Ledger {str(ledger_path)!r} (open)>"
        plan_id = db.import_plan(example_path)
    assert db.closed and repr(db).endswith("(closed)>")
    assert ledger_path.exists()
    with duban.open(ledger_path, create=False) as db:
        assert db.latest_plan_id() == plan_id
    with duban.open(ledger_path, read_only=True, busy_timeout=datetime.timedelta(seconds=2)) as db:
        assert db.read_only and "read-only" in repr(db)
        assert [p.id for p in db.plans()] == [plan_id]


def test_path_may_be_chinese_and_pathlike(tmp_path: Path, example_path: Path):
    path = tmp_path / "临江区（2025）督办.duban"
    with duban.open(path) as db:
        db.import_plan(example_path)
    assert path.exists()
    with duban.open(str(path), create=False) as db:
        assert len(db.plans()) == 1


def test_import_every_input_form(ledger, example_path: Path, example_text: str, example_dict: dict):
    first = ledger.import_plan(example_path)  # a Path
    assert first >= 1
    assert ledger.import_plan(str(example_path), replace=True) == first  # a str path
    assert ledger.import_plan(example_text, replace=True) == first  # JSON text
    assert ledger.import_plan(example_text.encode("utf-8"), replace=True) == first  # bytes
    assert ledger.import_plan(example_dict, replace=True) == first  # a dict
    with duban.parse_plan(example_path) as parsed:
        assert ledger.import_plan(parsed, replace=True) == first  # a Plan
    with pytest.raises(TypeError):
        ledger.import_plan(42)
    with pytest.raises(FileNotFoundError):
        ledger.import_plan("no-such-plan.json")
    assert len(ledger.plans()) == 1


def test_plans_lists_stored_plans(ledger, example_dict: dict):
    first = ledger.import_plan(example_dict)
    second_doc = json.loads(json.dumps(example_dict))
    second_doc["plan"]["year"] = 2026
    second_doc["plan"]["doc_number"] = "临合组办〔2026〕1号"
    second_doc["plan"]["title"] = "2026年临江区东西部协作和对口支援工作要点"
    second = ledger.import_plan(second_doc)
    assert second != first

    infos = ledger.plans()
    assert [p.id for p in infos] == [first, second]
    info = infos[1]
    assert isinstance(info, duban.PlanInfo)
    assert (info.title, info.doc_number, info.year, info.task_count) == (
        "2026年临江区东西部协作和对口支援工作要点",
        "临合组办〔2026〕1号",
        2026,
        18,
    )
    assert info.created.tzinfo is datetime.timezone.utc
    assert abs(datetime.datetime.now(datetime.timezone.utc) - info.created) < datetime.timedelta(minutes=5)
    d = info.to_dict()
    assert d["created"].endswith("Z") and d["year"] == 2026 and d["id"] == second
    json.dumps(d)  # plain data

    with ledger.iter_plans() as cursor:
        assert len(cursor) == 2
        assert next(cursor).id == first
        assert "PlanCursor 2 plans" in repr(cursor)
    assert cursor.closed

    latest = ledger.latest_plan()
    assert (latest.id, latest.year) == (second, 2026)
    assert ledger.load_plan(first).year == 2025


def test_directory_and_save_directory(stored):
    ledger, _ = stored
    directory = ledger.directory()
    assert len(directory) == 30
    assert directory["区府办"].name == "区政府办公室"
    # Saving the same directory back keeps ids.
    ids = directory.ids()
    ledger.save_directory(directory)
    assert ledger.directory().ids() == ids


def test_save_directory_refuses_to_drop_assigned_units(stored):
    ledger, _ = stored
    small = duban.Directory.parse({"units": [{"name": "区委办", "kind": "department"}]})
    with pytest.raises(duban.InvalidArgumentError):
        ledger.save_directory(small)
    assert len(ledger.directory()) == 30


def test_loaded_plan_resolves_against_the_ledger_directory(stored, example_dict: dict):
    ledger, plan_id = stored
    extra = {"duban": 1, "directory": {"units": [{"name": "区统计局", "kind": "department"}]}, "plan": {"title": "统计工作", "year": 2024}}
    ledger.import_plan(extra)
    plan = ledger.load_plan(plan_id)
    assert plan.id == plan_id
    assert "区统计局" in plan.directory  # the ledger's directory, not the file's
    assert len(plan.directory) == 31
