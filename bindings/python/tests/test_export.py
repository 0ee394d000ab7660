"""duban.export: snapshots of a ledger holding the example plan and one
report from 区财政局, rendered in every form and read back the way an office
would read them — the workbook with openpyxl, the tables with csv, the JSON
with json — with the Chinese text intact."""

from __future__ import annotations

import csv
import ctypes
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from conftest import SOURCE_DIR

import duban
from duban import _ffi
from duban._lib import lib

PLANS = SOURCE_DIR / "examples" / "plans"
SCHEME = PLANS / "east-west-2025.scheme.toml"
INPUTS = PLANS / "east-west-2025.inputs.json"
APRIL_END = dt.date(2025, 4, 30)
NARRATIVE = "已拨付首批资金；（第一批）、ABC混合"
TASKS_HEADER = ["序号", "编号", "类别", "任务", "牵头单位", "配合单位", "完成时限", "状态", "灯", "进度", "最新进展", "得分"]
SCORES_HEADER = ["名次", "单位", "得分", "基础分", "加分", "等次", "否决"]
TASKS = 18  # the example plan: 16 tasks in six categories and two guarantee measures


@pytest.fixture
def reported(stored):
    """The example ledger with 区财政局's report on task 7 (落实财政帮扶资金)."""
    ledger, plan_id = stored
    ledger.set_coordinator("区合作交流办")
    ledger.add_report("7", unit="区财政局", date=dt.date(2025, 4, 10), percent=40, narrative=NARRATIVE, user="测试员")
    return ledger, plan_id


@pytest.fixture
def snapshot(reported):
    ledger, _ = reported
    with ledger.snapshot(APRIL_END) as s:
        yield s


def rows_of(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "a CSV table starts with the byte-order mark"
    return list(csv.reader(io.StringIO(text[1:], newline="")))


# --- the snapshot --------------------------------------------------------------


def test_properties_and_repr(snapshot, reported):
    _, plan_id = reported
    assert snapshot.as_of == APRIL_END
    assert snapshot.plan_id == plan_id
    assert snapshot.task_count == TASKS
    assert snapshot.scored is False
    assert repr(snapshot) == f"<duban.Snapshot plan {plan_id} as of 2025-04-30: {TASKS} tasks>"


def test_outlives_the_ledger_and_closes_once(ledger_path, reported):
    ledger, _ = reported
    s = ledger.snapshot(APRIL_END, plan=ledger.latest_plan_id())
    ledger.close()
    assert NARRATIVE in s.tasks_csv()
    s.close()
    s.close()
    assert repr(s) == "<duban.Snapshot (closed)>"
    with pytest.raises(duban.ClosedError):
        s.to_json()


def test_plan_argument(reported, example_path):
    ledger, plan_id = reported
    with ledger.load_plan(plan_id) as plan, ledger.snapshot(APRIL_END, plan=plan) as s:
        assert s.plan_id == plan_id
    with duban.parse_plan(example_path) as parsed, pytest.raises(duban.InvalidArgumentError, match="not loaded"):
        ledger.snapshot(APRIL_END, plan=parsed)
    with pytest.raises(duban.NotFoundError):
        ledger.snapshot(APRIL_END, plan=99)
    with pytest.raises(TypeError):
        ledger.snapshot("2025-04-30")


# --- CSV -----------------------------------------------------------------------


def test_tasks_csv_reads_back(snapshot):
    text = snapshot.tasks_csv()
    assert text.count("\r\n") == TASKS + 1 and text.endswith("\r\n")
    rows = rows_of(text)
    assert rows[0] == TASKS_HEADER
    assert len(rows) == TASKS + 1
    funds = rows[7]
    assert funds[:5] == ["7", "7", "资金支持", "落实财政帮扶资金", "区财政局"]
    assert funds[9] == "40"
    assert funds[10] == f"2025-04-10 {NARRATIVE}"
    assert funds[11] == ""  # not scored


def test_matrix_and_scores_csv(snapshot):
    matrix = rows_of(snapshot.matrix_csv())
    assert matrix[0][:3] == ["序号", "编号", "任务"]
    finance = matrix[0].index("区财政局")
    assert matrix[7][finance] == "牵"
    assert rows_of(snapshot.scores_csv()) == [SCORES_HEADER]


# --- JSON, DOT, HTML ---------------------------------------------------------------


def test_json_and_dict(snapshot):
    text = snapshot.to_json()
    assert text.startswith('{\n  "duban_snapshot": 1,')
    doc = json.loads(text)
    assert list(doc) == ["duban_snapshot", "as_of", "plan_id", "plan", "directory", "tasks", "status", "items",
                         "reports", "assessment"]  # fmt: skip
    assert doc["as_of"] == "2025-04-30" and doc["assessment"] is None
    assert doc["tasks"][6]["latest"] == NARRATIVE and doc["tasks"][6]["leads"] == ["区财政局"]
    assert [r["text"] for r in doc["reports"]] == [NARRATIVE]
    one_line = snapshot.to_json(indent=-1)
    assert "\n" not in one_line and json.loads(one_line) == doc
    assert snapshot.to_dict() == doc
    with pytest.raises(duban.InvalidArgumentError, match="indent 17"):
        snapshot.to_json(indent=17)


def test_dot(snapshot):
    dot = snapshot.to_dot()
    assert dot.startswith("digraph")
    assert "区财政局" in dot and "落实财政帮扶资金" in dot


def test_monthly_report_html(snapshot):
    april = snapshot.monthly_report_html()
    assert "2025年4月督办月度报告" in april
    assert NARRATIVE in april
    assert "<script" not in april.lower()
    assert snapshot.monthly_report_html(4) == april
    assert "2025年3月督办月度报告" in snapshot.monthly_report_html(3)
    with pytest.raises(duban.OutOfRangeError, match="month 13 is outside 1..12") as e:
        snapshot.monthly_report_html(13)
    assert isinstance(e.value, ValueError)
    with pytest.raises(duban.OutOfRangeError):
        snapshot.monthly_report_html(2**40)
    with pytest.raises(TypeError):
        snapshot.monthly_report_html(True)


def test_monthly_report_after_the_plan_year_needs_a_month(reported):
    ledger, _ = reported
    with ledger.snapshot(dt.date(2026, 1, 15)) as s:
        with pytest.raises(duban.InvalidArgumentError, match="not in the plan's year 2025"):
            s.monthly_report_html()
        assert "2025年12月督办月度报告" in s.monthly_report_html(12)


# --- files ----------------------------------------------------------------------


def test_write_xlsx_reads_back(snapshot, tmp_path: Path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "台账.xlsx"
    snapshot.write_xlsx(path)
    assert path.read_bytes()[:4] == b"PK\x03\x04"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["任务", "矩阵", "得分"]
    tasks = book["任务"]
    assert [c.value for c in tasks[1]] == TASKS_HEADER
    assert tasks.freeze_panes == "A2"
    assert tasks.auto_filter.ref is not None
    assert tasks.max_row == TASKS + 1
    funds = [c.value for c in tasks[8]]
    assert funds[0] == 7 and funds[3] == "落实财政帮扶资金" and funds[4] == "区财政局"
    assert funds[9] == 40 and funds[10] == f"2025-04-10 {NARRATIVE}"
    assert [c.value for c in book["得分"][1]] == SCORES_HEADER and book["得分"].max_row == 1


def test_write_by_suffix(snapshot, tmp_path: Path):
    snapshot.write(tmp_path / "tasks.csv")
    assert (tmp_path / "tasks.csv").read_bytes().decode("utf-8") == snapshot.tasks_csv()
    snapshot.write(tmp_path / "m.csv", table="matrix")
    assert (tmp_path / "m.csv").read_bytes().decode("utf-8") == snapshot.matrix_csv()
    snapshot.write(str(tmp_path / "all.json"))
    assert (tmp_path / "all.json").read_text(encoding="utf-8") == snapshot.to_json() + "\n"
    snapshot.write(tmp_path / "graph.gv")
    assert (tmp_path / "graph.gv").read_text(encoding="utf-8") == snapshot.to_dot()
    snapshot.write(tmp_path / "三月.HTML", month=3)
    assert (tmp_path / "三月.HTML").read_text(encoding="utf-8") == snapshot.monthly_report_html(3)
    snapshot.write(tmp_path / "report", format="html")
    assert (tmp_path / "report").read_text(encoding="utf-8") == snapshot.monthly_report_html()
    snapshot.write(tmp_path / "book.xlsx")
    assert (tmp_path / "book.xlsx").read_bytes()[:2] == b"PK"


def test_write_refuses_what_it_cannot_write(snapshot, tmp_path: Path):
    with pytest.raises(duban.InvalidArgumentError, match="Graphviz"):
        snapshot.write(tmp_path / "graph.svg")
    with pytest.raises(duban.InvalidArgumentError, match="suffix"):
        snapshot.write(tmp_path / "notes.txt")
    with pytest.raises(duban.InvalidArgumentError, match="format 'pdf'"):
        snapshot.write(tmp_path / "x.pdf", format="pdf")
    with pytest.raises(duban.InvalidArgumentError, match="table 'units'"):
        snapshot.write(tmp_path / "x.csv", table="units")
    with pytest.raises(duban.OutOfRangeError):
        snapshot.write(tmp_path / "x.html", month=13)
    assert not (tmp_path / "x.html").exists()
    missing = tmp_path / "no-such-folder" / "台账.xlsx"
    with pytest.raises(duban.StorageError) as e:
        snapshot.write(missing)
    assert isinstance(e.value, OSError) and e.value.filename == str(missing)
    assert "no-such-folder/台账.xlsx" in str(e.value)
    with pytest.raises(duban.StorageError):
        snapshot.write(tmp_path / "no-such-folder" / "t.csv")
    assert not (tmp_path / "no-such-folder").exists()


# --- scores, options -------------------------------------------------------------


def test_scored_under_the_example_scheme(reported):
    ledger, _ = reported
    with ledger.snapshot(
        dt.date(2025, 12, 31), scheme=SCHEME, inputs=INPUTS, ledger_inputs=False, four_colour=True
    ) as s:
        assert s.scored and repr(s).endswith("tasks, scored>")
        scores = rows_of(s.scores_csv())
        assert scores[0] == SCORES_HEADER and len(scores) == 1 + 26
        assert scores[1][:2] == ["1", "前方工作机构"]
        assert any(row[11] != "" for row in rows_of(s.tasks_csv())[1:])
        doc = s.to_dict()
        assert doc["status"]["four_colour"] is True
        assert doc["assessment"]["as_of"] == "2025-12-31"
        assert {u["unit"]: u["rank"] for u in doc["assessment"]["units"]}["前方工作机构"] == 1
        assert "前方工作机构" in s.monthly_report_html()


def test_scheme_objects_and_calendar(reported):
    ledger, plan_id = reported
    with duban.Scheme.load(SCHEME) as scheme, duban.Calendar.builtin() as cal, ledger.load_plan(plan_id) as plan:
        with duban.AssessmentInput.parse(plan, INPUTS) as inputs:
            s = ledger.snapshot(dt.date(2025, 12, 31), plan=plan, scheme=scheme, inputs=inputs, calendar=cal)
        # The scheme, inputs and calendar given are the caller's: still open.
        assert not scheme.closed and not cal.closed
    with s:
        assert s.scored


def test_facts_need_a_scheme(reported):
    ledger, _ = reported
    with pytest.raises(duban.InvalidArgumentError, match="scheme"):
        ledger.snapshot(APRIL_END, inputs=INPUTS)
    with pytest.raises(duban.InvalidArgumentError, match="scheme is NULL"):
        ledger.snapshot(APRIL_END, ledger_inputs=False)
    with pytest.raises(TypeError, match="unknown option"):
        ledger.snapshot(APRIL_END, four_color=True)
    with pytest.raises(duban.InvalidArgumentError, match="due_basis"):
        ledger.snapshot(APRIL_END, due_basis="later")


# --- the C structs behind it --------------------------------------------------------


def test_option_structs_match_the_c_api():
    # The numbers tests/capi/layout.h commits to, on LP64.
    assert ctypes.sizeof(_ffi.duban_snapshot_options) == 8 + 4 * ctypes.sizeof(ctypes.c_void_p)
    assert _ffi.duban_snapshot_options.ledger_inputs.offset == 4
    assert _ffi.duban_snapshot_options.scheme.offset == 8
    assert ctypes.sizeof(_ffi.duban_snapshot_render_options) == 12
    opts = _ffi.duban_snapshot_options()
    lib.duban_snapshot_options_init(ctypes.byref(opts), _ffi.SNAPSHOT_OPTIONS_VERSION)
    assert (opts.version, opts.ledger_inputs, bool(opts.scheme), bool(opts.status)) == (1, 1, False, False)
    r = _ffi.duban_snapshot_render_options()
    lib.duban_snapshot_render_options_init(ctypes.byref(r), _ffi.SNAPSHOT_RENDER_OPTIONS_VERSION)
    assert (r.version, r.month, r.indent) == (1, 0, 2)
    with pytest.raises(duban.InvalidArgumentError):
        lib.duban_snapshot_render_options_init(ctypes.byref(r), 2)
