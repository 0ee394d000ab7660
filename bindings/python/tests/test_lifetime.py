"""Lifetimes: objects may be dropped or closed in any order, finalisers free
what is forgotten (also at interpreter exit), and children keep what they
read alive."""

from __future__ import annotations

import gc
import itertools
import textwrap
import weakref
from pathlib import Path

import pytest
from conftest import run_python

import duban

NAMES = ("ledger", "plan", "directory", "graph", "cursor")


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory, example_path: Path) -> Path:
    path = tmp_path_factory.mktemp("lifetime") / "ledger.duban"
    with duban.open(path) as db:
        db.import_plan(example_path)
    return path


def make_objects(path: Path) -> dict:
    ledger = duban.open(path, read_only=True)
    plan = ledger.latest_plan()
    directory = plan.directory
    graph = plan.graph()
    cursor = graph.iter_tasks_of("区合作交流办")
    return {"ledger": ledger, "plan": plan, "directory": directory, "graph": graph, "cursor": cursor}


def use(name: str, obj) -> None:
    """Exercises a live object; each must still work whatever went before."""
    if name == "ledger":
        assert len(obj.plans()) == 1
    elif name == "plan":
        assert obj.title.startswith("2025年") and len(obj.tasks) == 18
    elif name == "directory":
        assert obj["区府办"].name == "区政府办公室"
    elif name == "graph":
        assert [a.task for a in obj.tasks_of("滨江路街道")] == [8, 14, 15]
    elif name == "cursor":
        next(obj, None)  # may be exhausted by earlier uses; must not crash


@pytest.mark.parametrize("order", list(itertools.permutations(NAMES)), ids="-".join)
def test_drop_in_every_order(ledger_file: Path, order):
    objs = make_objects(ledger_file)
    finalizers = {name: obj._finalizer for name, obj in objs.items()}
    for i, name in enumerate(order):
        ref = weakref.ref(objs[name])
        del objs[name]
        gc.collect()
        # Gone unless a child still holds it (a graph holds its plan, a
        # cursor its graph, a directory from a plan its plan).
        if ref() is None:
            assert not finalizers[name].alive, f"{name} was collected but not freed"
        for later in order[i + 1 :]:
            use(later, objs[later])
    gc.collect()
    assert not any(f.alive for f in finalizers.values()), "something was never freed"


@pytest.mark.parametrize("order", list(itertools.permutations(NAMES)), ids="-".join)
def test_close_in_every_order(ledger_file: Path, order):
    objs = make_objects(ledger_file)
    for i, name in enumerate(order):
        objs[name].close()
        assert not objs[name]._finalizer.alive
        for later in order[i + 1 :]:
            use(later, objs[later])


def test_children_keep_parents_alive(ledger_file: Path):
    objs = make_objects(ledger_file)
    plan_ref, graph_ref = weakref.ref(objs["plan"]), weakref.ref(objs["graph"])
    cursor = objs["cursor"]
    directory = objs["directory"]
    objs.clear()
    gc.collect()
    assert graph_ref() is not None, "a cursor keeps its graph"
    assert plan_ref() is not None, "a graph and a plan's directory keep the plan"
    assert len(list(cursor)) >= 1
    del cursor
    gc.collect()
    assert graph_ref() is None
    del directory
    gc.collect()
    assert plan_ref() is None


def test_reference_cycles_are_freed(ledger_file: Path):
    objs = make_objects(ledger_file)
    finalizers = [o._finalizer for o in objs.values()]
    cycle: list = list(objs.values())
    cycle.append(cycle)
    del objs, cycle
    gc.collect()
    assert not any(f.alive for f in finalizers)


def test_snapshots_outlive_a_closed_ledger(ledger_file: Path):
    with duban.open(ledger_file, read_only=True) as db:
        plan = db.latest_plan()
        directory = db.directory()
        cursor = db.iter_plans()
    assert db.closed
    assert plan.title and len(directory) == 30
    assert [p.year for p in cursor] == [2025]


def test_cursor_outlives_a_closed_graph(plan):
    graph = plan.graph()
    cursor = graph.iter_units_of(1)
    graph.close()
    plan.close()
    assert [a.unit_name for a in cursor] == ["区合作交流办", "区委办", "区政府办公室"]


def test_handles_cannot_be_pickled(plan):
    import pickle

    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(plan)


EXIT_SCRIPT = textwrap.dedent(
    """
    import sys, threading
    import duban
    ledger = duban.open(sys.argv[1])
    ledger.import_plan(sys.argv[2], replace=True)
    plan = ledger.latest_plan()
    graph = plan.graph()
    cursor = graph.iter_tasks_of("滨江路街道")
    next(cursor)
    directory = ledger.directory()
    # Also some only reachable through a cycle, and some made in a thread.
    cycle = [ledger.load_plan(plan.id).graph(), duban.open(sys.argv[1])]
    cycle.append(cycle)
    kept = []
    t = threading.Thread(target=lambda: kept.append(duban.open(sys.argv[1]).directory()))
    t.start(); t.join()
    print("ok", flush=True)
    {exit}
    """
)


@pytest.mark.parametrize("exit", ["pass", "sys.exit(0)", "del ledger, plan, graph", "raise SystemExit(0)"])
def test_finalisers_run_at_interpreter_exit(tmp_path: Path, example_path: Path, exit: str):
    path = tmp_path / "exit.duban"
    script = tmp_path / "exit.py"
    script.write_text(EXIT_SCRIPT.format(exit=exit), encoding="utf-8")
    r = run_python(f"import runpy, sys; sys.argv = ['x', {str(path)!r}, {str(example_path)!r}]; runpy.run_path({str(script)!r}, run_name='__main__')")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ok"
    assert r.stderr == ""
    # SQLite removes the write-ahead log when the last connection closes: it
    # is gone only if every ledger handle was freed before the process ended.
    assert path.exists()
    assert not Path(f"{path}-wal").exists(), "a ledger handle was never freed"
    with duban.open(path, read_only=True) as db:
        assert db.latest_plan().task_count == 18
