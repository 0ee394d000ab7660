"""Threads: separate ledgers used at once, per-thread error state, and one
immutable graph read from several threads."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import duban

THREADS = 6


def run_all(fn, n: int = THREADS) -> list:
    """Runs fn(i) on n threads released together; re-raises the first failure."""
    barrier = threading.Barrier(n)

    def start(i: int):
        barrier.wait()
        return fn(i)

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(start, range(n)))


def expected_rows(example_path: Path) -> dict[str, list[tuple]]:
    with duban.parse_plan(example_path) as plan, plan.graph() as graph:
        return {u.name: [(a.task, a.role, a.via_group) for a in graph.tasks_of(u)] for u in graph.directory}


def test_separate_ledgers_at_once(tmp_path: Path, example_dict: dict, example_path: Path):
    expected = expected_rows(example_path)

    def work(i: int) -> int:
        doc = json.loads(json.dumps(example_dict))
        doc["plan"]["doc_number"] = f"临合组办〔2025〕{i + 10}号"
        with duban.open(tmp_path / f"线程{i}.duban") as db:
            for round_ in range(3):
                plan_id = db.import_plan(doc, replace=round_ > 0)
                with db.load_plan(plan_id) as plan, plan.graph() as graph:
                    assert plan.doc_number == f"临合组办〔2025〕{i + 10}号"
                    for name, rows in expected.items():
                        assert [(a.task, a.role, a.via_group) for a in graph.tasks_of(name)] == rows
                    assert graph.lint_findings()[0].code == "several_leads"
            return len(db.plans())

    assert run_all(work) == [1] * THREADS


def test_separate_handles_on_one_file(tmp_path: Path, example_dict: dict):
    path = tmp_path / "shared.duban"
    with duban.open(path) as db:
        db.import_plan(example_dict)

    def work(i: int) -> list[int]:
        doc = json.loads(json.dumps(example_dict))
        doc["plan"]["doc_number"] = f"临合组办〔2025〕{i + 100}号"
        with duban.open(path, busy_timeout=30) as db:
            db.import_plan(doc)
            return [p.id for p in db.plans()]

    results = run_all(work)
    with duban.open(path, read_only=True) as db:
        assert len(db.plans()) == 1 + THREADS
    assert all(len(ids) >= 2 for ids in results)


def test_error_state_is_per_thread(plan):
    directory = plan.directory  # immutable: shareable read-only
    errors_seen: list[str] = []
    lock = threading.Lock()

    def work(i: int) -> int:
        # Each failure must report its own thread's message, never another's,
        # while the other threads fail and succeed in between.
        own = 0
        for k in range(200):
            name = f"线程{i}号单位{k}"
            try:
                directory.lookup(name)
            except duban.NotFoundError as e:
                assert f"'{name}'" in e.message, e.message
                own += 1
            assert directory.lookup("区府办").name == "区政府办公室"
        with lock:
            errors_seen.append(f"{i}:{own}")
        return own

    assert run_all(work) == [200] * THREADS
    assert len(errors_seen) == THREADS


def test_one_graph_read_from_many_threads(graph, example_path: Path):
    expected = expected_rows(example_path)
    names = list(expected)

    def work(i: int) -> bool:
        # Each thread makes its own cursors over the shared graph.
        for name in names[i::THREADS] * 5:
            assert [(a.task, a.role, a.via_group) for a in graph.tasks_of(name)] == expected[name]
        return True

    assert all(run_all(work))


def test_a_failure_in_one_thread_does_not_disturb_another(tmp_path: Path, example_path: Path):
    def work(i: int) -> str:
        if i % 2:
            with pytest.raises(duban.NotFoundError):
                duban.open(tmp_path / f"missing{i}.duban", create=False)
            return "failed"
        with duban.open(tmp_path / f"ok{i}.duban") as db:
            db.import_plan(example_path)
            return db.latest_plan().title

    results = run_all(work)
    assert results[0::2] == ["2025年临江区东西部协作和对口支援工作要点"] * (THREADS // 2)
    assert results[1::2] == ["failed"] * (THREADS // 2)
