#!/usr/bin/env python3
"""A tour of the duban Python package.

Opens (creating) a ledger, stores the example plan, loads it back, prints the
tasks one street holds (most of them through the group 各街镇) and the lint
report of the plan's responsibilities.

    python3 examples/python/tour.py [PLAN.json [LEDGER]]

Without arguments it uses examples/plans/east-west-2025.json and a ledger in
a temporary directory. The duban package and libduban must be importable:
see docs/python.md (in the build tree: PYTHONPATH=build/<preset>/python).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import duban

UNIT = "滨江路街道"


def tour(plan_path: Path, ledger_path: Path) -> None:
    print(f"duban {duban.__version__} on libduban {duban.library_version_string()}")

    with duban.open(ledger_path) as ledger:
        plan_id = ledger.import_plan(plan_path, replace=True)
        plan = ledger.load_plan(plan_id)

    # The plan is a snapshot: it outlives the ledger it came from.
    print(f"\n{plan.title}  {plan.doc_number}  ({len(plan)} tasks, issued {plan.issued})")

    graph = plan.graph()
    unit = graph.directory[UNIT]
    groups = ", ".join(g.name for g in graph.directory.groups_of(unit)) or "none"
    print(f"\nTasks of {unit.name} ({unit.kind}; in groups: {groups}):")
    for a in graph.tasks_of(unit):
        due = a.due.isoformat() if a.due else "no fixed date"
        through = f"  through {a.via_group_name}" if a.via_group_name else ""
        print(f"  {a.task_number:>3}  {a.task_title}  [{a.role.chinese}]  due {due}{through}")

    print("\nLint:")
    report = graph.lint()
    print("  " + report.rstrip("\n").replace("\n", "\n  ") if report else "  clean")
    findings = graph.lint_findings()
    print(f"\n{len(findings)} finding(s): " + ", ".join(sorted({f.code for f in findings})))


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    plan_path = Path(argv[1]) if len(argv) > 1 else here.parent / "plans" / "east-west-2025.json"
    if len(argv) > 2:
        tour(plan_path, Path(argv[2]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            tour(plan_path, Path(tmp) / "tour.duban")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
