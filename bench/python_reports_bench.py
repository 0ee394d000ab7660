#!/usr/bin/env python3
"""Writing progress reports from Python against the same through the C API.

Writes --reports=N reports (default 100,000) with one ``Ledger.add_reports``
call (one transaction) and --single=N reports (default 100,000) with one
``Ledger.add_report`` call each, then runs bench/capi_reports_bench.cpp
(--capi-bench=PATH) for the same reports written from C, and prints the time
per report of both, the binding's overhead per report and the ratios. The
aim for the batch path is a ratio of at most 2.

The reports are the C benchmark's: report i goes to one of four tasks of the
example plan, by its lead unit, dated through 2025, with a percent, a
narrative, one indicator value and one evidence reference. On both sides the
reports' data is in memory before the clock starts (here as duban.Report
objects, or the keyword arguments of add_report); the time is that of the
API: the binding turning them into C report handles, the library writing
them, the handles freed. The C side's time is the same for its handles.

One by one, every report is its own transaction, and on a disk its commit
(an fsync) is most of the time and varies from run to run: set TMPDIR to a
tmpfs (/dev/shm) to see the binding's own cost per call.

Run with the library and the package importable, e.g.:

    DUBAN_LIBRARY=build/rel/capi/libduban.so PYTHONPATH=bindings/python \\
        /usr/bin/python3 bench/python_reports_bench.py \\
        --capi-bench=build/rel/bench/duban_bench_capi_reports
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

import duban

SOURCE_DIR = Path(__file__).resolve().parents[1]
EXAMPLE_PLAN = SOURCE_DIR / "examples" / "plans" / "east-west-2025.json"

# (task id, lead unit) of the example plan, as in capi_reports_bench.cpp.
PAIRS = ((4, "区委组织部"), (5, "区教育局"), (7, "区财政局"), (9, "区商务委"))


def make_base(directory: Path, plan_file: Path) -> tuple[Path, int, list[int]]:
    """A ledger with the example plan and its office: (path, plan id, unit ids of PAIRS)."""
    path = directory / "base.duban"
    with duban.open(path) as ledger:
        plan = ledger.import_plan(plan_file)
        ledger.set_coordinator("区合作交流办")
        with ledger.directory() as units:
            ids = [units.id_of(name) for _, name in PAIRS]
    return path, plan, ids


def fresh_copy(base: Path, name: str) -> Path:
    path = base.parent / name
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(base, path)
    return path


def reports_bench_row(i: int, plan: int, units: list[int]) -> dict[str, Any]:
    """Report i, as keyword arguments of Ledger.add_report."""
    k = i % len(PAIRS)
    return {
        "task": PAIRS[k][0],
        "unit": units[k],
        "date": datetime.date(2025, 1 + i % 12, 1 + i % 28),
        "percent": float(i % 100),
        "narrative": f"进展{i}",
        "indicators": (("完成量", float(i % 1000), "项"),),
        "evidence": (f"f{i}.pdf",),
        "user": f"u{i % 97}",
        "plan": plan,
    }


def python_batch(base: Path, n: int, plan: int, units: list[int]) -> float:
    path = fresh_copy(base, "py-batch.duban")
    rows = [duban.Report(**reports_bench_row(i, plan, units)) for i in range(n)]
    with duban.open(path) as ledger:
        start = time.perf_counter()
        ids = ledger.add_reports(rows)
        took = time.perf_counter() - start
        check = ledger.verify()
    if len(ids) != n or not check.intact:
        sys.exit(f"python batch: {len(ids)} of {n} written; {check.message}")
    return took


def python_single(base: Path, n: int, plan: int, units: list[int]) -> float:
    path = fresh_copy(base, "py-single.duban")
    rows = [reports_bench_row(i, plan, units) for i in range(n)]
    tasks = [row.pop("task") for row in rows]
    with duban.open(path) as ledger:
        start = time.perf_counter()
        for task, row in zip(tasks, rows):
            ledger.add_report(task, **row)
        took = time.perf_counter() - start
        check = ledger.verify()
    if not check.intact:
        sys.exit(f"python one by one: {check.message}")
    return took


def capi_times(binary: str, batch: int, single: int, plan_file: Path) -> dict[str, float]:
    """Seconds per report of each C benchmark, from its JSON output."""
    command = [binary, f"--reports={batch}", f"--single={single}", f"--plan={plan_file}", "--benchmark_format=json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{binary} failed ({done.returncode}): {done.stderr.strip()}")
    out: dict[str, float] = {}
    for b in json.loads(done.stdout)["benchmarks"]:
        if b.get("error_occurred"):
            sys.exit(f"{binary}: {b['name']}: {b.get('error_message')}")
        out[b["name"].split("/")[0]] = b["us/report"] * 1e-6
    return out


def line(label: str, n: int, py: float, c: Optional[float]) -> str:
    per_py = py / n * 1e6
    if c is None:
        return f"{label:<12} {n:>8} reports: python {per_py:8.2f} us/report"
    per_c = c * 1e6
    return (
        f"{label:<12} {n:>8} reports: python {per_py:8.2f} us/report, C {per_c:8.2f} us/report, "
        f"binding overhead {per_py - per_c:7.2f} us/report, ratio {per_py / per_c:5.2f}"
    )


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100_000, help="reports in the batch (default 100000)")
    parser.add_argument("--single", type=int, default=100_000, help="reports written one by one (default 100000)")
    parser.add_argument("--capi-bench", help="the duban_bench_capi_reports binary, for the C side")
    parser.add_argument("--plan", type=Path, default=EXAMPLE_PLAN, help="the example plan")
    args = parser.parse_args(argv)
    if args.reports < 1 or args.single < 0:
        parser.error("--reports must be positive and --single not negative")

    with tempfile.TemporaryDirectory(prefix="duban-py-reports-") as tmp:
        base, plan, units = make_base(Path(tmp), args.plan)
        batch = python_batch(base, args.reports, plan, units)
        single = python_single(base, args.single, plan, units) if args.single else None
    c = capi_times(args.capi_bench, args.reports, args.single, args.plan) if args.capi_bench else {}

    print(f"duban {duban.library_version_string()} ({duban.library_path}), Python {sys.version.split()[0]}")
    print(line("batch", args.reports, batch, c.get("BM_CapiBatch")))
    if single is not None:
        print(line("one by one", args.single, single, c.get("BM_CapiOneByOne")))
    if "BM_CapiBatch" in c:
        ratio = batch / args.reports / c["BM_CapiBatch"]
        print(f"batch ratio python/C {ratio:.2f} (aim <= 2.00): {'met' if ratio <= 2.0 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
