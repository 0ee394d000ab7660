// duban demo — the main job: build a ledger from the example plan and show
// what a coordinator wants to see first.
#include <iostream>
#include <map>

#include "commands.hpp"
#include "context.hpp"
#include "demo_year.hpp"
#include "duban/assess.hpp"
#include "duban/calendar.hpp"
#include "duban/export.hpp"
#include "duban/json.hpp"
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

// The year's assessment on the example's inputs (completion, report
// timeliness, indicator values per recipient county, events), and why the
// first-ranked unit scored what it did. The ledger's demo reports give
// indicator values without a county, which the per-county (县均) items of
// the example scheme cannot judge, so they are not merged in here.
void assess_year(const Session& s) {
  const Date as_of{std::chrono::year{s.plan.year}, std::chrono::December, std::chrono::day{31}};
  rule("Assessment（考核评价）");
  const auto calendar = WorkCalendar::builtin();
  const Scheme scheme = parse_scheme_toml(example_scheme_toml, "examples/plans/east-west-2025.scheme.toml");
  const Assessor assessor(s.plan, s.directory, *s.graph, calendar, scheme);
  const AssessmentInput input = parse_assessment_input(example_inputs_json, s.plan, s.directory, *calendar,
                                                      "examples/plans/east-west-2025.inputs.json");
  const Assessment result = assessor.run(input, as_of);
  print_ranking(result);
  if (result.ranking.empty()) return;
  const UnitScore& top = result.units[result.ranking.front()];
  std::cout << "\nWhy " << top.name << " ranks first:\n" << explain(result, top.unit);
}

}  // namespace

void add_demo_command(CLI::App& app) {
  auto db = std::make_shared<std::string>("duban-demo.db");
  CLI::App* cmd = app.add_subcommand(
      "demo", "Build a ledger from the built-in example plan, record a year of reports and show tasks, leads, the matrix, lint, progress and the assessment");
  cmd->add_option("--db", *db, "Where to write the ledger (default: duban-demo.db in the current directory)");
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
    assess_year(s);
    std::cout << "\nLedger written to " << *db << " (plan " << id << "). Try:\n"
              << "  duban tasks --db " << *db << " --unit 区合作交流办\n"
              << "  duban matrix --db " << *db << " --format csv\n"
              << "  duban graph --db " << *db << " --format dot\n"
              << "  duban history --db " << *db << " --task 7\n"
              << "  duban verify --db " << *db << "\n"
              << "  duban assess --db " << *db << " --scheme examples/plans/east-west-2025.scheme.toml --as-of "
              << s.plan.year << "-12-31 --inputs examples/plans/east-west-2025.inputs.json --explain\n";
  });
}

}  // namespace duban::tool
