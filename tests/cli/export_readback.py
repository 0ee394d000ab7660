"""Reads back what `duban export` and `duban demo` write, with the tools an
office would open them with: the 台账 XLSX through openpyxl (cells, Chinese
text, frozen header, filter, light fills, widths), the CSV tables through
the csv module, the DOT through Graphviz's dot.

    export_readback.py --tool DUBAN --source SOURCE_DIR --work WORK_DIR

Exits 77 (CTest: skipped) where python3-openpyxl is not installed.
"""

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import unittest
import unicodedata

try:
    import openpyxl
except ImportError:  # pragma: no cover - depends on the machine
    print("skipped: python3-openpyxl is not installed (apt install python3-openpyxl)")
    sys.exit(77)

ARGS = None
RED_FILL = "FFFFC7CE"
GREEN_FILL = "FFC6EFCE"
TASK_HEADER = ["序号", "编号", "类别", "任务", "牵头单位", "配合单位", "完成时限", "状态", "灯", "进度", "最新进展", "得分"]


def duban(*args, env=None):
    run = subprocess.run([ARGS.tool, *args], capture_output=True, text=True, env=env)
    if run.returncode != 0:
        raise AssertionError(f"duban {' '.join(args)} exited {run.returncode}: {run.stderr}")
    return run


def width(text):
    """Terminal columns, as the library counts them: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


class Exports(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        shutil.rmtree(ARGS.work, ignore_errors=True)
        os.makedirs(ARGS.work)
        cls.db = os.path.join(ARGS.work, "demo.db")
        cls.demo = duban("demo", "--db", cls.db)
        plans = os.path.join(ARGS.source, "examples", "plans")
        cls.scoring = ["--scheme", os.path.join(plans, "east-west-2025.scheme.toml"),
                       "--inputs", os.path.join(plans, "east-west-2025.inputs.json"), "--no-ledger"]
        cls.xlsx = cls.export("xlsx", "ledger.xlsx", *cls.scoring)
        cls.book = openpyxl.load_workbook(cls.xlsx)

    @classmethod
    def export(cls, fmt, name, *more):
        out = os.path.join(ARGS.work, name)
        duban("export", "--db", cls.db, "--format", fmt, "--out", out, "--as-of", "2025-12-31", *more)
        return out

    def test_sheets_and_header(self):
        self.assertEqual(self.book.sheetnames, ["任务", "矩阵", "得分"])
        tasks = self.book["任务"]
        self.assertEqual([c.value for c in tasks[1]], TASK_HEADER)
        self.assertTrue(all(c.font.b for c in tasks[1]), "the header is bold")

    def test_task_cells_keep_chinese_text(self):
        tasks = self.book["任务"]
        self.assertEqual(tasks.max_row, 19)
        first = [c.value for c in tasks[2]]
        self.assertEqual(first[:9], [1, "1", "组织领导", "健全工作机制", "区合作交流办", "区委办、区政府办公室",
                                     "2025-04-30（4月底前）", "按时完成", "绿灯"])
        self.assertEqual(first[9], 100)
        self.assertEqual(first[10], "2025-04-25 领导小组全体会议已召开")
        self.assertIsInstance(first[11], (int, float), "a score is a number, not text")
        funds = [c.value for c in tasks[8]]
        self.assertEqual(funds[3], "落实财政帮扶资金")
        self.assertEqual(funds[4], "区财政局")

    def test_frozen_header_and_filters(self):
        for sheet in self.book:
            self.assertEqual(sheet.freeze_panes, "A2", sheet.title)
        self.assertEqual(self.book["任务"].auto_filter.ref, "A1:L19")
        self.assertEqual(self.book["矩阵"].auto_filter.ref.split(":")[0], "A1")
        self.assertEqual(self.book["得分"].auto_filter.ref, "A1:G27")

    def test_lights_are_cell_fills(self):
        tasks = self.book["任务"]
        fills = {}
        for row in tasks.iter_rows(min_row=2):
            light = row[8]
            fills.setdefault(light.value, set()).add(light.fill.fgColor.rgb)
        self.assertIn("红灯", fills, "the demo year has red lights")
        self.assertEqual(fills["红灯"], {RED_FILL})
        self.assertEqual(fills["绿灯"], {GREEN_FILL})
        self.assertEqual(tasks["B2"].fill.fgColor.rgb, "00000000", "only the light cell is filled")

    def test_widths_fit_chinese_text(self):
        tasks = self.book["任务"]
        titles = [tasks.cell(row=r, column=4).value for r in range(2, tasks.max_row + 1)]
        self.assertGreaterEqual(tasks.column_dimensions["D"].width, max(width(t) for t in titles))
        units = tasks.column_dimensions["F"].width
        self.assertLessEqual(units, 50, "long text wraps instead of running wide")
        self.assertTrue(tasks["F2"].alignment.wrap_text)

    def test_matrix_and_scores(self):
        matrix = self.book["矩阵"]
        self.assertEqual([c.value for c in matrix[1]][:4], ["序号", "编号", "任务", "区委办"])
        self.assertEqual([c.value for c in matrix[2]][:6], [1, "1", "健全工作机制", "责", "责", "牵"])
        scores = self.book["得分"]
        self.assertEqual([c.value for c in scores[1]], ["名次", "单位", "得分", "基础分", "加分", "等次", "否决"])
        self.assertEqual([c.value for c in scores[2]][:6], [1, "前方工作机构", 101, 100, 1, "好"])
        self.assertEqual(scores["G3"].value, "8.3：等次至多一般")

    def test_demo_writes_the_workbook_graph_and_report(self):
        base = os.path.join(ARGS.work, "demo")
        self.assertIn("台账 workbook (XLSX): " + base + ".xlsx\n", self.demo.stdout)
        self.assertIn("Monthly report 2025-12 (HTML): " + base + ".html\n", self.demo.stdout)
        demo_book = openpyxl.load_workbook(base + ".xlsx")
        self.assertEqual([c.value for c in demo_book["得分"][2]][:2], [1, "前方工作机构"])
        with open(base + ".html", encoding="utf-8") as page:
            self.assertIn("2025年12月", page.read())
        if shutil.which("dot"):
            self.assertIn("Responsibility graph (SVG): " + base + ".svg\n", self.demo.stdout)
            with open(base + ".svg", encoding="utf-8") as svg:
                self.assertIn("健全工作机制", svg.read())

    def test_csv_reads_back(self):
        path = self.export("csv", "tasks.csv")
        with open(path, "rb") as f:
            raw = f.read()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark for Excel")
        self.assertNotIn(b"\n", raw.replace(b"\r\n", b""), "CRLF line ends only")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        self.assertEqual(rows[0], TASK_HEADER)
        self.assertEqual(len(rows), 19)
        self.assertEqual(rows[1][3], "健全工作机制")
        book_rows = [[("" if c.value is None else str(c.value)) for c in r] for r in self.book["任务"].iter_rows(min_row=2)]
        self.assertEqual([r[:9] for r in rows[1:]], [r[:9] for r in book_rows], "the CSV and the workbook agree")

        matrix = self.export("csv", "matrix.csv", "--table", "matrix")
        with open(matrix, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0][:4], ["序号", "编号", "任务", "区委办"])
        self.assertEqual(rows[3][5], "牵", "建立月度报告制度: 区合作交流办 leads")

    def test_json_has_every_part(self):
        with open(self.export("json", "all.json", *self.scoring), encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual(list(doc), ["duban_snapshot", "as_of", "plan_id", "plan", "directory", "tasks", "status",
                                     "items", "reports", "assessment"])
        self.assertEqual(doc["tasks"][0]["title"], "健全工作机制")
        self.assertIn("前方工作机构", [u["unit"] for u in doc["assessment"]["units"]])
        self.assertEqual(len(doc["reports"]), sum(item["reports"] for item in doc["items"]),
                         "every report in effect is listed once")

    def test_dot_parses(self):
        if not shutil.which("dot"):
            self.skipTest("Graphviz is not installed")
        path = self.export("dot", "graph.dot")
        run = subprocess.run(["dot", "-Tsvg", path], capture_output=True)
        self.assertEqual(run.returncode, 0, run.stderr.decode("utf-8", "replace"))
        self.assertIn("健全工作机制", run.stdout.decode("utf-8"))


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("--work", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], "-v", *rest])


if __name__ == "__main__":
    main()
