// duban demo — the main job: build a ledger from the example plan and show
// what a coordinator wants to see first.
#include <filesystem>
#include <iostream>
#include <map>

#include "commands.hpp"
#include "context.hpp"
#include "demo_year.hpp"
#include "duban/assess.hpp"
#include "duban/calendar.hpp"
#include "duban/export.hpp"
#include "duban/error.hpp"
#include "duban/json.hpp"
#include "graphviz.hpp"
#include "output.hpp"

namespace duban::tool {

extern const std::string_view example_plan_json;
extern const std::string_view example_scheme_toml;
extern const std::string_view example_inputs_json;

namespace {

void rule(const char* title) { std::cout << "\n== " << title << " ==\n"; }

void tasks_per_category(const Session& s) {
  rule("Tasks per category（分类任务）");
  for (std::size_t c = 0; c < s.plan.categories.size(); ++c) {
    const auto tasks = s.graph->tasks_in_category(static_cast<int>(c));
    std::cout << "（" << s.plan.categories[c].number << "）" << s.plan.categories[c].title << " — " << tasks.size()
              << " tasks\n";
    for (TaskId t : tasks) {
      const Task& task = s.plan.tasks[static_cast<std::size_t>(t - 1)];
      std::cout << "    " << task_heading(task);
      const std::string due = due_summary(task.deadline);
      if (!due.empty()) std::cout << "  [" << due << "]";
      std::cout << "\n";
    }
  }
  bool heading = false;
  for (const Task& t : s.plan.tasks) {
    if (t.kind != TaskKind::measure) continue;
    if (!heading) std::cout << "保障措施\n";
    heading = true;
    std::cout << "    " << task_heading(t) << "\n";
  }
}

void who_leads_what(const Session& s) {
  rule("Who leads what（牵头任务）");
  for (const Unit& u : s.directory.units()) {
    const auto led = s.graph->tasks_of(u.id, TaskQuery{Role::lead, false});
    if (led.empty()) continue;
    std::cout << u.name << "：";
    for (std::size_t i = 0; i < led.size(); ++i) {
      const Task& t = s.plan.tasks[static_cast<std::size_t>(led[i].task - 1)];
      std::cout << (i ? "、" : "") << task_heading(t);
    }
    std::cout << "\n";
  }
}

// The ledger at the end of the year, scored on the example's inputs
// (completion, report timeliness, indicator values per recipient county,
// events). The ledger's demo reports give indicator values without a
// county, which the per-county (县均) items of the example scheme cannot
// judge, so they are not merged in here.
Snapshot year_end(const Session& s) {
  const Date as_of{std::chrono::year{s.plan.year}, std::chrono::December, std::chrono::day{31}};
  const auto calendar = s.ledger.calendar();
  SnapshotOptions options;
  options.calendar = calendar;
  options.scheme = std::make_shared<const Scheme>(
      parse_scheme_toml(example_scheme_toml, "examples/plans/east-west-2025.scheme.toml"));
  options.inputs = parse_assessment_input(example_inputs_json, s.plan, s.directory, *calendar,
                                          "examples/plans/east-west-2025.inputs.json");
  options.ledger_inputs = false;
  return take_snapshot(s.ledger, s.plan_id, as_of, options);
}

// The year's assessment, and why the first-ranked unit scored what it did.
void assess_year(const Snapshot& snapshot) {
  rule("Assessment（考核评价）");
  const Assessment& result = *snapshot.assessment;
  print_ranking(result);
  if (result.ranking.empty()) return;
  const UnitScore& top = result.units[result.ranking.front()];
  std::cout << "\nWhy " << top.name << " ranks first:\n" << explain(result, top.unit);
}

// What people open rather than read in a terminal, next to the ledger:
// the 台账, the graph (where Graphviz is installed) and December's report.
void write_files(const Session& s, const Snapshot& snapshot, const std::string& db) {
  const auto beside = [&db](const char* extension) {
    return std::filesystem::path(db).replace_extension(extension).string();
  };
  rule("Files（台账、关系图、月度报告）");
  const std::string xlsx = beside(".xlsx");
  write_xlsx(snapshot, xlsx);
  std::cout << "台账 workbook (XLSX): " << xlsx << "\n";
  const std::string svg = beside(".svg");
  try {
    write_file_whole(svg, dot_to_svg(to_dot(s.plan, s.directory, *s.graph)));
    std::cout << "Responsibility graph (SVG): " << svg << "\n";
  } catch (const Error& e) {
    if (e.code() != Errc::notfound) throw;
    std::cout << "Responsibility graph: not drawn, Graphviz's dot is not installed (apt install graphviz); the DOT:\n"
              << "  duban export --db " << db << " --format dot --out " << beside(".dot") << "\n";
  }
  const std::string html = beside(".html");
  write_file_whole(html, monthly_report_html(snapshot, 12));
  std::cout << "Monthly report " << s.plan.year << "-12 (HTML): " << html << "\n";
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto db = std::make_shared<std::string>("duban-demo.db");
  CLI::App* cmd = app.add_subcommand(
      "demo",
      "Build a ledger from the built-in example plan, record a year of reports and show tasks, leads, the matrix, "
      "lint, progress and the assessment; write the 台账 (XLSX), the graph (SVG) and December's monthly report "
      "(HTML) beside the ledger");
  cmd->add_option("--db", *db,
                  "Where to write the ledger (default: duban-demo.db in the current directory); the .xlsx, .svg and "
                  ".html files take its name");
  cmd->callback([db] {
    const PlanFile file = parse_plan_file(example_plan_json, "examples/plans/east-west-2025.json");
    PlanId id = 0;
    {
      Ledger ledger = Ledger::open(*db);
      id = ledger.import_plan(file, IfExists::replace);
      record_demo_year(ledger, id);
    }
    const Session s = open_session(LedgerArgs{*db, id});
    std::size_t measures = 0;
    for (const Task& t : s.plan.tasks) measures += t.kind == TaskKind::measure;
    std::cout << s.plan.title << "\n"
              << s.plan.doc_number << "  " << s.plan.issuer << "\n"
              << s.plan.tasks.size() - measures << " tasks in " << s.plan.categories.size() << " categories, "
              << measures << " guarantee measures, " << s.directory.size()
              << " units and groups in the directory\n";
    tasks_per_category(s);
    who_leads_what(s);
    rule("Responsibility matrix（责任矩阵）");
    std::cout << matrix_text(s.plan, s.directory, *s.graph);
    rule("Lint（检查）");
    print_lint(std::cout, s.graph->lint());
    rule("Progress ledger（进展台账）");
    print_demo_year(std::cout, s.ledger, id);
    const Snapshot snapshot = year_end(s);
    assess_year(snapshot);
    write_files(s, snapshot, *db);
    std::cout << "\nLedger written to " << *db << " (plan " << id << "). Try:\n"
              << "  duban tasks --db " << *db << " --unit 区合作交流办\n"
              << "  duban matrix --db " << *db << " --format csv\n"
              << "  duban graph --db " << *db << " --format dot\n"
              << "  duban history --db " << *db << " --task 7\n"
              << "  duban verify --db " << *db << "\n"
              << "  duban export --db " << *db << " --format csv --table tasks --as-of " << s.plan.year
              << "-12-31 --out tasks.csv\n"
              << "  duban assess --db " << *db << " --scheme examples/plans/east-west-2025.scheme.toml --as-of "
              << s.plan.year << "-12-31 --inputs examples/plans/east-west-2025.inputs.json --explain\n";
  });
}

}  // namespace duban::tool
