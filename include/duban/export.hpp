// Rendering a plan for people and other programs: the responsibility graph
// as Graphviz DOT, the matrix as CSV or a text table, and — from a Snapshot
// of a ledger as of a date — the 台账 as XLSX and CSV, everything as JSON,
// and the monthly report (月度报告) as one self-contained HTML page.
//
// Every function is deterministic (the same inputs give byte-identical
// output) and takes the Plan and Directory the graph was built from; a graph
// whose task count differs from the plan's is an Errc::inval error, and a
// unit the directory does not know is an Errc::notfound error.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duban/assess.hpp"
#include "duban/graph.hpp"
#include "duban/ledger.hpp"
#include "duban/plan.hpp"
#include "duban/progress.hpp"
#include "duban/report.hpp"
#include "duban/units.hpp"

namespace duban {

// The one-character mark of a role in a matrix cell: 牵, 责, 配.
std::string_view role_mark(Role role) noexcept;

// A Graphviz digraph: each category a cluster holding its tasks (boxes);
// units as ellipses and groups as hexagons (dashed and shaded when nobody
// has listed their members), with dotted edges from a group to its members;
// task → unit edges bold for lead, solid for responsible, dashed for
// support; a name the directory does not know as a red note; blue
// prerequisite → task edges for dependencies. Labels are the
// UTF-8 text as written, escaped for DOT. Throws Errc::encoding for text
// that is not UTF-8.
std::string to_dot(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph);

// The matrix as CSV for spreadsheets: a UTF-8 byte-order mark, CRLF line
// ends, RFC 4180 quoting. Header: 序号 (TaskId), 编号 (number as printed),
// 任务 (title), then one column per unit name. A cell is 牵/责/配, followed
// by the group in full-width brackets when the unit holds the task through
// it: 配（各街镇）.
std::string matrix_csv(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph);

// The matrix as an aligned text table for terminals (CJK characters count
// two columns): 序号, 编号, 任务 (cut to `title_width` columns with …), then
// a column per unit; a cell reached through a group carries a *. Ends with
// a legend line. No trailing spaces; "\n" line ends.
std::string matrix_text(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph,
                        std::size_t title_width = 24);

// ---------------------------------------------------------------------------
// A ledger as of a date: what every view below shows, gathered once so the
// 台账, the CSV, the JSON and the monthly report of one moment agree.

// One row of the 台账's tasks sheet.
struct TaskRow {
  TaskId task = 0;
  std::string number;                // as printed: "1", "（三）2"
  std::string category;              // the category's title; 保障措施 for a measure
  std::string title;
  std::vector<std::string> leads;    // 牵头单位, names as written
  std::vector<std::string> others;   // 责任单位 then 配合单位, names as written
  std::string due;                   // due_text(): 2025-06-30（6月底前）, 每月10日前, 持续推进
  Status status = Status::not_yet_due;
  Light light = Light::green;
  std::optional<Date> latest_date;   // the latest report in effect that counts
  std::string latest;                // its narrative
  std::optional<double> percent;     // its percent
  std::optional<double> score;       // the task's score when there is an assessment
};

struct Snapshot {
  Date as_of{};
  PlanId plan_id = 0;
  Plan plan;
  Directory directory;
  std::shared_ptr<const ResponsibilityGraph> graph;
  StatusReport status;             // every subject: tasks and recurring instances
  std::vector<TaskRow> tasks;      // the plan's tasks, in plan order
  std::vector<ItemState> states;   // the ledger's items as of the date
  // Reports dated on or before as_of and still in effect then, by date.
  std::vector<Event> reports;
  std::optional<Assessment> assessment;
};

struct SnapshotOptions {
  StatusOptions status{};
  // Score the snapshot under this scheme with these inputs (merged with
  // what the ledger records). Without a scheme there are no scores.
  std::shared_ptr<const Scheme> scheme;
  std::optional<AssessmentInput> inputs;
  // False: score `inputs` alone, not what the ledger records (as `duban
  // assess --no-ledger`), e.g. when a file already holds every fact.
  bool ledger_inputs = true;
  // The working-day calendar; null: the ledger's (Ledger::calendar()).
  std::shared_ptr<const WorkCalendar> calendar;
};

// A deadline as the tool's task lists print it: "2025-04-30（4月底前）",
// "every month on day 10（每月10日前）", "ongoing（持续推进）", or the phrase
// alone; "" for a task without one.
std::string due_summary(const Deadline& deadline);

// A deadline in the words of a 台账, Chinese only: the date with the
// plan's phrase ("2025-04-30（4月底前）"); for a recurring duty the phrase as
// written ("每月10日前"), else said from the recurrence ("每月10日前",
// "每季度第3个工作日前", "每月最后一个工作日前"); for standing work the phrase
// or "持续推进"; "" for a task without one.
std::string due_text(const Deadline& deadline);

// Reads the plan, its directory, the item states and reports of `plan` as
// of `as_of`, evaluates the lights and, with a scheme, the assessment.
// Throws Errc::notfound for a plan the ledger does not hold; calendar,
// status and assessment errors pass through.
Snapshot take_snapshot(const Ledger& ledger, PlanId plan, Date as_of, const SnapshotOptions& options = {});

// The 台账 workbook: sheets 任务 (序号, 编号, 类别, 任务, 牵头单位, 配合单位,
// 完成时限, 状态, 灯, 进度, 最新进展, 得分), 矩阵 (tasks × units, 牵/责/配) and
// 得分 (units: 名次, 单位, 得分, 基础分, 加分, 等次, 否决; no rows without an
// assessment); docs/export.md has the columns. Frozen header rows, widths
// that fit Chinese text, lights as cell fills, autofilters on. The as-of
// day is the file's creation time, so one snapshot always gives the same
// bytes. Writes `path` whole or not at all: Errc::io naming the path, or
// Errc::range for a cell longer than Excel holds (32,767 characters).
void write_xlsx(const Snapshot& snapshot, const std::string& path);

// Writes `bytes` to `path` whole or not at all: into a temporary file beside
// it, renamed over it once complete. Errc::io naming the path.
void write_file_whole(const std::string& path, std::string_view bytes);

// The same sheets as CSV (UTF-8 with a byte-order mark, CRLF, RFC 4180).
std::string tasks_csv(const Snapshot& snapshot);
std::string scores_csv(const Snapshot& snapshot);

// Everything as one JSON document (docs/export.md): plan, units, tasks with
// status and reasons, reports, scores. Deterministic.
std::string to_json(const Snapshot& snapshot, int indent = 2);

// The monthly report (月度报告) for `month` (1..12) of the snapshot's year:
// one self-contained HTML file — no network, no scripts — with summary
// counts, lights by category and by unit as inline SVG charts, overdue and
// returned items, what each unit reported that month, upcoming deadlines
// and the assessment so far; laid out to print on A4.
std::string monthly_report_html(const Snapshot& snapshot, unsigned month);

}  // namespace duban
