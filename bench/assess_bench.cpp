// Assessment scoring at scale: 1,000,000 tasks, 10,000 units, 3,000,000
// responsibilities and 10,000,000 report facts, scored as of 2025-12-31 by
// a scheme of completion, timeliness, deduction, bonus and formula items.
// Beside it, in the same binary, a baseline loop that only sums one value
// per responsibility (the least any per-unit roll-up must do), walked in
// task order and in unit order. The aim: scoring within 5× of the baseline.
//
// What each benchmark times:
//  - BM_Score: Assessor::run on the facts in memory, without the input
//    digest (AssessOptions::digest off), the result freed each time: what
//    each run costs once the input's summary is made (the first run, or
//    Assessor::prepare, makes it and keeps it with the input);
//  - BM_ScoreByCategory: the same facts scored by a scheme whose
//    completion and timeliness items each select one of the plan's two
//    categories (half the tasks): the walks that check each task against
//    the item's selection, where BM_Score's items over every task take
//    each unit's tallies from the summary as they are;
//  - BM_Summarize: making that summary (Assessor::prepare on an input
//    without one): judging every task and counting the report facts per
//    task and unit, paid once per input and as-of date;
//  - BM_ScoreWithDigest: the same with the digest, as `duban assess` runs;
//  - BM_EndToEnd: from the SQLite file, as `duban assess` does it: open the
//    ledger, load the directory and the plan, build the graph, bind the
//    scheme, read the facts as of the date (assessment_input), add the
//    events (which the ledger does not keep) and run with the digest.
//    The ledger is written once beforehand (BM_LedgerWrite, set-up).
// Building the plan, the graph and the Assessor in memory is set-up too,
// timed apart (BM_Prepare).
//
// --tasks=N scales everything (units N/100, three responsibilities per
// task, about ten report facts per task); the smoke test runs a tiny N.
// --ledger=FILE keeps the generated ledger there and reuses it when it
// exists (a million tasks' ledger takes a minute and a half to write and
// 2 GB of disk; the run peaks near 14 GB resident); without it the ledger
// is written to a temporary directory removed at exit.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "duban/assess.hpp"
#include "duban/graph.hpp"
#include "duban/ledger.hpp"

namespace {

using duban::Date;

std::int64_t g_tasks = 1'000'000;
const Date kAsOf = std::chrono::year{2025} / 12 / 31;

const char* kScheme = R"toml(
[scheme]
name = "bench"
total = 100
bonus_cap = 10
[[groups]]
name = "完成"
  [[groups.items]]
  id = "done"
  points = 60
  rule = "completion"
  select = { all = true }
  per_workday = 0.1
  floor_ratio = 0.3
[[groups]]
name = "报送"
  [[groups.items]]
  id = "reports"
  points = 30
  rule = "timeliness"
  select = { all = true }
  mode = "deduct"
  per_late = 0.2
  per_missing = 0.5
[[groups]]
name = "其他"
  [[groups.items]]
  id = "blame"
  points = 10
  rule = "deduction"
  events = ["通报批评"]
  per_event = 2
  [[groups.items]]
  id = "mix"
  points = 0
  rule = "formula"
  expr = "min(0, (d - 60) / 100)"
  inputs = { d = "item:done" }
  floor = -1
[[groups]]
name = "加分"
bonus = true
  [[groups.items]]
  id = "praise"
  points = 10
  rule = "bonus"
  events = ["领导批示肯定"]
  per_event = 3
)toml";

// kScheme with its completion items over category 甲 and its timeliness
// items over 乙.
std::string scheme_by_category() {
  std::string text = kScheme;
  const std::string all = "select = { all = true }";
  text.replace(text.find(all), all.size(), "select = { category = \"甲\" }");
  text.replace(text.find(all), all.size(), "select = { category = \"乙\" }");
  return text;
}

struct World {
  duban::Plan plan;
  duban::Directory directory;
  std::unique_ptr<duban::ResponsibilityGraph> graph;
  std::unique_ptr<duban::Assessor> assessor;
  std::unique_ptr<duban::Assessor> by_category;  // scheme_by_category()
  std::shared_ptr<duban::AssessmentInput> input;  // not const: BM_Summarize clears its summaries
  // The baseline's data: one value per task, the responsibilities as
  // (task, unit) in task order and in unit order.
  std::vector<double> value;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> by_task;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> by_unit;
  double prepare_ms = 0;
};

Date day_of_2025(std::int64_t k) {
  return Date{std::chrono::sys_days{std::chrono::year{2025} / 1 / 1} + std::chrono::days{k % 365}};
}

World& world() {
  static World w = [] {
    World out;
    const std::int64_t n_tasks = g_tasks;
    const std::int64_t n_units = std::max<std::int64_t>(3, n_tasks / 100);
    for (std::int64_t u = 0; u < n_units; ++u) {
      duban::Unit unit;
      unit.name = "单位" + std::to_string(u + 1);
      unit.kind = duban::UnitKind::department;
      out.directory.add(std::move(unit));
    }
    out.plan.title = "bench";
    out.plan.year = 2025;
    out.plan.categories.push_back({"一", "甲", -1});
    out.plan.categories.push_back({"二", "乙", -1});
    out.plan.tasks.resize(static_cast<std::size_t>(n_tasks));
    duban::Recurrence monthly;
    monthly.every = duban::Every::month;
    monthly.day = 10;
    const auto months = duban::expand(monthly, "x", std::chrono::year{2025} / 1 / 1,
                                      std::chrono::year{2025} / 12 / 31, *duban::WorkCalendar::builtin());
    auto input = std::make_shared<duban::AssessmentInput>();
    input->tasks.reserve(static_cast<std::size_t>(n_tasks));
    input->reports.reserve(static_cast<std::size_t>(n_tasks) * 10 + 64);
    out.value.assign(static_cast<std::size_t>(n_tasks), 0.0);
    for (std::int64_t i = 0; i < n_tasks; ++i) {
      duban::Task& t = out.plan.tasks[static_cast<std::size_t>(i)];
      t.key = std::to_string(i + 1);
      t.title = "任务";
      t.category = static_cast<int>(i % 2);
      // Three distinct units: a lead, a co-responsible, a supporter.
      const std::int64_t a = (i * 7919) % n_units;
      const std::int64_t b = (a + 1 + (i * 104729) % (n_units - 1)) % n_units;
      std::int64_t c = (i * 1299709 + 2) % n_units;
      while (c == a || c == b) c = (c + 1) % n_units;
      const duban::Role roles[3] = {duban::Role::lead, duban::Role::responsible, duban::Role::support};
      const std::int64_t units[3] = {a, b, c};
      for (int k = 0; k < 3; ++k) {
        duban::Responsibility r;
        r.unit = units[k] + 1;
        r.role = roles[k];
        r.position = k + 1;
        t.responsibilities.push_back(r);
      }
      // 5 tasks in 18 are monthly reports: 12 instances × 3 units ≈ 10 facts per task.
      if (i % 18 < 5) {
        t.deadline.recurrence = monthly;
        for (const duban::Occurrence& o : months) {
          for (int k = 0; k < 3; ++k) {
            duban::ReportFact f;
            f.task = i + 1;
            f.unit = units[k] + 1;
            f.due = o.due;
            const std::int64_t roll = (i * 31 + k * 7 + static_cast<std::int64_t>(static_cast<unsigned>(o.due.month())) * 13) % 20;
            if (roll < 16) {
              f.reported = o.due;  // on time
            } else if (roll < 18) {
              f.reported = Date{std::chrono::sys_days{o.due} + std::chrono::days{3}};  // late
            }  // else missing
            input->reports.push_back(f);
          }
        }
      } else {
        t.deadline.due = day_of_2025(i * 37);
        duban::TaskFact f;
        f.task = i + 1;
        const std::int64_t roll = i % 10;
        if (roll < 6) {
          f.done = t.deadline.due;  // on time
        } else if (roll < 8) {
          f.done = Date{std::chrono::sys_days{*t.deadline.due} + std::chrono::days{(i % 40) + 1}};  // late
        }  // else not done
        if (f.done) out.value[static_cast<std::size_t>(i)] = static_cast<double>(i % 365);
        input->tasks.push_back(f);
      }
      for (int k = 0; k < 3; ++k) {
        out.by_task.emplace_back(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(units[k]));
      }
    }
    for (std::int64_t e = 0; e < n_units; ++e) {
      duban::ScoreEvent ev;
      ev.kind = e % 3 == 0 ? "领导批示肯定" : "通报批评";
      ev.unit = (e * 7) % n_units + 1;
      ev.date = day_of_2025(e);
      input->events.push_back(ev);
    }
    out.by_unit = out.by_task;
    std::stable_sort(out.by_unit.begin(), out.by_unit.end(),
                     [](const auto& x, const auto& y) { return x.second < y.second; });
    out.graph = std::make_unique<duban::ResponsibilityGraph>(out.plan, out.directory);
    const auto t0 = std::chrono::steady_clock::now();
    out.assessor = std::make_unique<duban::Assessor>(out.plan, out.directory, *out.graph, duban::WorkCalendar::builtin(),
                                                     duban::parse_scheme_toml(kScheme, "bench.toml"));
    out.prepare_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    out.by_category = std::make_unique<duban::Assessor>(out.plan, out.directory, *out.graph,
                                                        duban::WorkCalendar::builtin(),
                                                        duban::parse_scheme_toml(scheme_by_category(), "bench.toml"));
    out.input = std::move(input);
    return out;
  }();
  return w;
}

void BM_Prepare(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) {
    state.SetIterationTime(w.prepare_ms / 1000);  // measured once: binding a scheme is set-up
  }
  state.counters["tasks"] = static_cast<double>(w.plan.tasks.size());
}

void score(benchmark::State& state, bool digest, const duban::Assessor& assessor) {
  World& w = world();
  duban::AssessOptions options;
  options.digest = digest;
  assessor.prepare(*w.input, kAsOf);  // as the first run would: not timed
  double total = 0;
  for (auto _ : state) {
    const duban::Assessment r = assessor.run(w.input, kAsOf, options);
    // The const overload: with GCC, benchmark 1.7's "+m,r" one can leave a
    // double it was given garbled (plan_total printed as 6.9e-310).
    benchmark::DoNotOptimize(r.plan.total);
    total = r.plan.total;
  }
  state.counters["units"] = static_cast<double>(assessor.units().size());
  state.counters["responsibilities"] = static_cast<double>(w.by_task.size());
  state.counters["reports"] = static_cast<double>(w.input->reports.size());
  state.counters["plan_total"] = total;
}

void BM_Score(benchmark::State& state) { score(state, false, *world().assessor); }
void BM_ScoreByCategory(benchmark::State& state) { score(state, false, *world().by_category); }
void BM_ScoreWithDigest(benchmark::State& state) { score(state, true, *world().assessor); }

void BM_Summarize(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) {
    state.PauseTiming();
    w.input->summaries.clear();  // freeing the last one is not the next one's cost
    state.ResumeTiming();
    w.assessor->prepare(*w.input, kAsOf);
  }
}

// Not a baseline: one read of every report fact, what each run would
// cost at the least if it read the facts instead of their summary (which
// is made once: BM_Summarize).
void BM_ReadReports(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (const duban::ReportFact& f : w.input->reports) sum += f.unit + (f.reported ? 1 : 0);
    benchmark::DoNotOptimize(sum);
  }
}

void BM_BaselineByTask(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) {
    double sum = 0;
    for (const auto& [task, unit] : w.by_task) sum += w.value[task] + unit;
    benchmark::DoNotOptimize(sum);
  }
}

void BM_BaselineByUnit(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) {
    double sum = 0;
    for (const auto& [task, unit] : w.by_unit) sum += w.value[task] + unit;
    benchmark::DoNotOptimize(sum);
  }
}

// ---------------------------------------------------------------------------
// The same world as a ledger file.

std::string g_ledger_path;  // --ledger=FILE
std::filesystem::path g_temp_dir;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Each unit's report on each instance that was reported (on time or late;
// a missing one is no report), and a report of done on each task done by
// its lead, written in batches so that no batch holds millions of reports.
void write_reports(duban::Ledger& ledger, duban::PlanId plan, const World& w) {
  // An instance's due date → its period, for the instance id: every
  // recurring task of the world has the same recurrence.
  std::map<duban::Date, std::string> period;
  const auto recurring = std::find_if(w.plan.tasks.begin(), w.plan.tasks.end(),
                                      [](const duban::Task& t) { return t.deadline.recurrence.has_value(); });
  for (const duban::Occurrence& o : duban::expand(*recurring->deadline.recurrence, "x", std::chrono::year{2025} / 1 / 1,
                                                  std::chrono::year{2025} / 12 / 31, *duban::WorkCalendar::builtin())) {
    period[o.due] = o.period;
  }
  std::vector<duban::Report> batch;
  const auto flush = [&] {
    ledger.add_reports(batch);
    batch.clear();
  };
  for (const duban::ReportFact& f : w.input->reports) {
    if (!f.reported) continue;
    duban::Report r;
    const duban::Task& task = w.plan.tasks[static_cast<std::size_t>(f.task - 1)];
    r.item = {plan, f.task, task.key + "@" + period.at(f.due)};
    r.actor.unit = f.unit;
    r.date = *f.reported;
    batch.push_back(std::move(r));
    if (batch.size() == 200'000) flush();
  }
  for (const duban::TaskFact& f : w.input->tasks) {
    if (!f.done) continue;
    duban::Report r;
    r.item = {plan, f.task, ""};
    r.actor.unit = w.plan.tasks[static_cast<std::size_t>(f.task - 1)].responsibilities.front().unit;
    r.date = *f.done;
    r.status = duban::ReportStatus::done;
    batch.push_back(std::move(r));
    if (batch.size() == 200'000) flush();
  }
  flush();
}

struct LedgerFile {
  std::string path;
  double write_seconds = 0;  // 0 when an existing file was reused
};

const LedgerFile& ledger_file() {
  static const LedgerFile file = [] {
    LedgerFile out;
    if (!g_ledger_path.empty()) {
      out.path = g_ledger_path;
      if (std::filesystem::exists(out.path)) return out;
    } else {
      std::string pattern = (std::filesystem::temp_directory_path() / "duban-assess-bench-XXXXXX").string();
      if (mkdtemp(pattern.data()) == nullptr) std::abort();
      g_temp_dir = pattern;
      out.path = (g_temp_dir / "bench.duban").string();
    }
    const World& w = world();
    const auto start = std::chrono::steady_clock::now();
    auto ledger = duban::Ledger::open(out.path);
    ledger.save_directory(w.directory);
    const duban::PlanId plan = ledger.save_plan(w.plan);
    write_reports(ledger, plan, w);
    out.write_seconds = seconds_since(start);
    return out;
  }();
  return file;
}

void BM_LedgerWrite(benchmark::State& state) {
  const LedgerFile& file = ledger_file();
  for (auto _ : state) state.SetIterationTime(file.write_seconds);  // set-up, measured once (0: reused)
  std::error_code ec;
  state.counters["file_MB"] = static_cast<double>(std::filesystem::file_size(file.path, ec)) / 1e6;
}

void BM_EndToEnd(benchmark::State& state) {
  const std::string& path = ledger_file().path;
  const World& w = world();
  double load = 0, graph = 0, bind = 0, read = 0, run = 0, total = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    duban::LedgerOptions options;
    options.read_only = true;
    const auto ledger = duban::Ledger::open(path, options);
    const duban::Directory directory = ledger.load_directory();
    const duban::PlanId plan_id = *ledger.latest_plan();
    const duban::Plan plan = ledger.load_plan(plan_id);
    const auto calendar = ledger.calendar();
    load += seconds_since(start);
    if (plan.tasks.size() != w.plan.tasks.size()) {
      state.SkipWithError("the --ledger file was written for another --tasks");
      break;
    }
    start = std::chrono::steady_clock::now();
    const duban::ResponsibilityGraph g(plan, directory);
    graph += seconds_since(start);
    start = std::chrono::steady_clock::now();
    const duban::Assessor assessor(plan, directory, g, calendar, duban::parse_scheme_toml(kScheme, "bench.toml"));
    bind += seconds_since(start);
    start = std::chrono::steady_clock::now();
    auto input = std::make_shared<duban::AssessmentInput>(
        duban::assessment_input(ledger, plan_id, plan, g, *calendar, kAsOf));
    input->events = w.input->events;  // as an input file merged in: the ledger keeps no events
    read += seconds_since(start);
    start = std::chrono::steady_clock::now();
    const duban::Assessment r = assessor.run(std::move(input), kAsOf);
    run += seconds_since(start);
    benchmark::DoNotOptimize(r.plan.total);
    total = r.plan.total;
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["load_s"] = load / n;
  state.counters["graph_s"] = graph / n;
  state.counters["bind_s"] = bind / n;
  state.counters["read_facts_s"] = read / n;
  state.counters["score_s"] = run / n;
  state.counters["plan_total"] = total;
}

// ---------------------------------------------------------------------------
// The ratios, from each benchmark's time per iteration: the median when
// repetitions are run (--benchmark_repetitions=3), else the single run.

std::map<std::string, double> g_ns;

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs) {
      const bool median = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
      if ((r.run_type != Run::RT_Iteration && !median) || r.iterations == 0 || r.error_occurred) continue;
      if (r.run_type == Run::RT_Iteration && r.repetitions > 1) continue;  // wait for the median
      const double ns = r.GetAdjustedRealTime() * (r.time_unit == benchmark::kMillisecond ? 1e6 : 1.0);
      const std::string name = r.benchmark_name();
      g_ns[name.substr(0, name.find_first_of("/_", 3))] = ns;
    }
  }
};

double ns_of(const char* name) { return g_ns.contains(name) ? g_ns[name] : 0.0; }

void print_ratios() {
  const double score = ns_of("BM_Score");
  const double by_task = ns_of("BM_BaselineByTask");
  const double by_unit = ns_of("BM_BaselineByUnit");
  if (score > 0 && by_task > 0 && by_unit > 0) {
    std::printf("scoring / baseline: %.2fx (task order), %.2fx (unit order); aim 5x\n", score / by_task,
                score / by_unit);
    if (const double some = ns_of("BM_ScoreByCategory"); some > 0) {
      std::printf("scoring by category / baseline: %.2fx (task order), %.2fx (unit order)\n", some / by_task,
                  some / by_unit);
    }
  }
  if (const double summary = ns_of("BM_Summarize"); summary > 0) {
    std::printf("the input's summary (once per input and date) takes %.1f ms\n", summary / 1e6);
  }
  if (const double digest = ns_of("BM_ScoreWithDigest"); digest > 0 && score > 0) {
    std::printf("the input digest adds %.1f ms to a run\n", (digest - score) / 1e6);
  }
  if (const double e2e = ns_of("BM_EndToEnd"); e2e > 0) {
    std::printf("end to end from the SQLite file: %.2f s\n", e2e / 1e9);
  }
}

}  // namespace

int main(int argc, char** argv) {
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a.starts_with("--tasks=")) {
      g_tasks = std::max<std::int64_t>(100, std::atoll(argv[i] + 8));
    } else if (a.starts_with("--ledger=")) {
      g_ledger_path = std::string(a.substr(9));
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  const auto ms = benchmark::kMillisecond;
  benchmark::RegisterBenchmark("BM_Prepare", BM_Prepare)->UseManualTime()->Iterations(1)->Unit(ms);
  benchmark::RegisterBenchmark("BM_Score", BM_Score)->Unit(ms);
  benchmark::RegisterBenchmark("BM_ScoreByCategory", BM_ScoreByCategory)->Unit(ms);
  benchmark::RegisterBenchmark("BM_Summarize", BM_Summarize)->Unit(ms);
  benchmark::RegisterBenchmark("BM_BaselineByTask", BM_BaselineByTask)->Unit(ms);
  benchmark::RegisterBenchmark("BM_BaselineByUnit", BM_BaselineByUnit)->Unit(ms);
  benchmark::RegisterBenchmark("BM_ReadReports", BM_ReadReports)->Unit(ms);
  benchmark::RegisterBenchmark("BM_ScoreWithDigest", BM_ScoreWithDigest)->Unit(ms);
  benchmark::RegisterBenchmark("BM_LedgerWrite", BM_LedgerWrite)->UseManualTime()->Iterations(1)->Unit(ms);
  benchmark::RegisterBenchmark("BM_EndToEnd", BM_EndToEnd)->Iterations(1)->Unit(ms);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  print_ratios();
  benchmark::Shutdown();
  if (!g_temp_dir.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(g_temp_dir, ec);
  }
  return 0;
}
