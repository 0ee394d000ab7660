#!/usr/bin/env python3
"""Scripting an assessment (考核评价) end to end with the duban package.

Builds a ledger from the example plan, records a year of work in it — the
monthly reports (月度报告) of every unit holding the reporting duty, one of
them late (迟报) and one missing (漏报), closures (办结) of the one-off tasks,
one of them returned (退回) and approved only after its due date, and an
extension (延期) — then scores the example scheme as of the year's end,
prints the ranking and one unit's explanation, and writes the results as CSV.

    python3 examples/python/assess.py LEDGER RESULTS.csv [PLANS_DIR]

LEDGER must not exist yet. PLANS_DIR (default: examples/plans beside this
folder) holds east-west-2025.json, .scheme.toml and .inputs.json; from the
inputs file only what a ledger does not keep is used: events (通报批评,
领导批示肯定), baselines (去年), named values and indicator values. The duban
package and libduban must be importable: see docs/python.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

import duban

YEAR_END = dt.date(2025, 12, 31)
OFFICE = "区合作交流办"  # the coordinating office (督办): decides closures and extensions
MONTHLY = "3"  # 建立月度报告制度: each holder reports by the 10th of every month
LATE = ("区财政局", "3@2025-03", 2)  # this unit's March report comes 2 working days late
MISSING = ("区教育局", "3@2025-07")  # this unit never sends its July report
EXPLAIN = "区教育局"

# One-off tasks and the day the office closed them (None: never done).
# Task 2 is returned once and closed only after its due date (2025-09-30);
# task 5 is closed within an approved extension.
CLOSED_ON = {
    "1": dt.date(2025, 4, 25),
    "2": dt.date(2025, 10, 10),
    "4": dt.date(2025, 6, 27),
    "5": dt.date(2025, 11, 13),
    "6": None,
    "7": dt.date(2025, 6, 20),
    "9": dt.date(2025, 12, 26),
    "10": dt.date(2025, 9, 26),
    "11": dt.date(2025, 12, 19),
    "15": dt.date(2025, 12, 25),
    "16": dt.date(2025, 8, 29),
}
# Tasks whose lead reports them done rather than asking for closure.
DONE_BY_REPORT = {"13": dt.date(2025, 12, 30), "14": dt.date(2025, 11, 28)}


def record_monthly_reports(ledger: duban.Ledger, plan: duban.Plan, cal: duban.Calendar) -> int:
    """Every holder of the monthly duty reports each month on its due day,
    except the late and the missing one. One batch: all or nothing."""
    with duban.evaluate(plan, YEAR_END, calendar=cal) as status:
        instances = [(i.id, i.due) for i in status if i.kind is duban.ItemKind.INSTANCE and i.task_id == 3]
    holders = [a.unit_name for a in plan.graph().units_of(MONTHLY)]
    reports = []
    for instance, due in instances:
        for unit in holders:
            if (unit, instance) == MISSING:
                continue
            day = cal.add_workdays(due, LATE[2]) if (unit, instance) == LATE[:2] else due
            reports.append(
                duban.Report(MONTHLY, unit, day, status="done", instance=instance, narrative=f"{instance[2:]}月度工作进展")
            )
    return len(ledger.add_reports(reports))


def lead_of(plan: duban.Plan, task: str) -> str:
    leads = [a.unit_name for a in plan.graph().units_of(task, role="lead")]
    return leads[0] if leads else OFFICE  # no lead (task 15): the office acts itself


def record_closures(ledger: duban.Ledger, plan: duban.Plan) -> None:
    for task, closed in CLOSED_ON.items():
        if closed is None:
            continue
        lead = lead_of(plan, task)
        evidence = [f"任务{task}完成情况报告"]
        if task == "2":
            first = ledger.submit_closure(task, unit=lead, date=dt.date(2025, 9, 22), evidence=evidence)
            ledger.return_closure(first, unit=OFFICE, date=dt.date(2025, 9, 24), reason="缺少调研报告, 请补充后重新提交")
            evidence = [*evidence, "赴受援地调研报告"]
        if task == "5":
            request = ledger.request_extension(
                task, dt.date(2025, 11, 14), unit=lead, date=dt.date(2025, 10, 20), reason="受援地学期安排调整"
            )
            ledger.approve_extension(request, unit=OFFICE, date=dt.date(2025, 10, 22))
        submission = ledger.submit_closure(task, unit=lead, date=closed - dt.timedelta(days=1), evidence=evidence)
        ledger.approve_closure(submission, unit=OFFICE, date=closed)
    for task, done in DONE_BY_REPORT.items():
        ledger.add_report(task, unit=lead_of(plan, task), date=done, status="done", percent=100, narrative="已完成")


def facts_a_ledger_does_not_keep(inputs_path: Path) -> dict:
    """The example inputs file without its task and report facts, which
    come from the ledger here."""
    doc = json.loads(inputs_path.read_text(encoding="utf-8"))
    return {k: v for k, v in doc.items() if k not in ("tasks", "reports")}


def write_csv(result: duban.Assessment, path: Path) -> None:
    # UTF-8 with a byte-order mark and CRLF line ends: what spreadsheets
    # (Excel, WPS) open correctly, as the library's own CSV output does.
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["rank", "unit", "score", "base", "bonus", "deductions", "grade", "vetoes"])
        for u in result.ranking:
            vetoes = "; ".join(f"{v.item} {v.effect} {v.target}" for v in u.vetoes)
            out.writerow([u.rank, u.name, f"{u.score:g}", f"{u.base:g}", f"{u.bonus:g}", f"{u.deductions:g}", u.grade, vetoes])


def main(argv: list[str]) -> int:
    if len(argv) not in (3, 4):
        print("usage: assess.py LEDGER RESULTS.csv [PLANS_DIR]", file=sys.stderr)
        return 2
    ledger_path, csv_path = Path(argv[1]), Path(argv[2])
    plans = Path(argv[3]) if len(argv) == 4 else Path(__file__).resolve().parent.parent / "plans"
    if ledger_path.exists():
        print(f"assess.py: {ledger_path} exists; give a new ledger file", file=sys.stderr)
        return 2

    cal = duban.Calendar.builtin()
    with duban.open(ledger_path) as ledger:
        plan_id = ledger.import_plan(plans / "east-west-2025.json")
        plan = ledger.load_plan(plan_id)
        ledger.set_coordinator(OFFICE)
        count = record_monthly_reports(ledger, plan, cal)
        record_closures(ledger, plan)
        done = sum(1 for d in CLOSED_ON.values() if d) + len(DONE_BY_REPORT)
        check = ledger.verify()
        print(f"{plan.title}: {count} monthly reports, {done} tasks done; audit chain {'intact' if check else check}")

        result = ledger.assess(
            plans / "east-west-2025.scheme.toml",
            YEAR_END,
            inputs=facts_a_ledger_does_not_keep(plans / "east-west-2025.inputs.json"),
            plan=plan,
            calendar=cal,
        )
        run_id = result.store(ledger, plan_id)

    print(f"\n{result.scheme_name} ({result.scheme_version}) as of {result.as_of}, stored as run {run_id}")
    p = result.plan
    print(f"  plan  {p.score:g}  (base {p.base:g} + bonus {p.bonus:g})  {p.grade}")
    for u in result.ranking:
        veto = "  " + ", ".join(f"veto {v.item}" for v in u.vetoes) if u.vetoed else ""
        print(f"  {u.rank:>3}  {u.name}  {u.score:g}  {u.grade}{veto}")

    print(f"\nWhy {EXPLAIN} scored what it did:\n")
    print(result.explain(EXPLAIN))

    write_csv(result, csv_path)
    print(f"results written to {csv_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
