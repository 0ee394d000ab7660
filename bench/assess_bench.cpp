// Assessment scoring at scale: 1,000,000 tasks, 10,000 units, 3,000,000
// responsibilities and 10,000,000 report facts, scored as of 2025-12-31 by
// a scheme of completion, timeliness, deduction, bonus and formula items.
// Beside it, in the same binary, a baseline loop that only sums one value
// per responsibility (the least any per-unit roll-up must do), walked in
// task order and in unit order. The aim: scoring within 5× of the baseline.
//
// --tasks=N scales everything (units N/100, three responsibilities per
// task, about ten report facts per task); the smoke test runs a tiny N.
// Building the plan, the graph and the Assessor is set-up, timed apart
// (BM_Prepare); BM_Score is what a run costs once the scheme is bound.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "duban/assess.hpp"
#include "duban/graph.hpp"

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

struct World {
  duban::Plan plan;
  duban::Directory directory;
  std::unique_ptr<duban::ResponsibilityGraph> graph;
  std::unique_ptr<duban::Assessor> assessor;
  std::shared_ptr<const duban::AssessmentInput> input;
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
    out.plan.categories.push_back({"一", "全部", -1});
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
      t.category = 0;
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
    out.input = std::move(input);
    return out;
  }();
  return w;
}

double g_score_ns = 0;
double g_by_task_ns = 0;
double g_by_unit_ns = 0;
double g_read_ns = 0;

void BM_Prepare(benchmark::State& state) {
  World& w = world();
  for (auto _ : state) {
    state.SetIterationTime(w.prepare_ms / 1000);  // measured once: binding a scheme is set-up
  }
  state.counters["tasks"] = static_cast<double>(w.plan.tasks.size());
}

void BM_Score(benchmark::State& state) {
  World& w = world();
  duban::AssessOptions options;
  options.digest = false;
  double total = 0;
  for (auto _ : state) {
    const duban::Assessment r = w.assessor->run(w.input, kAsOf, options);
    total = r.plan.total;
    benchmark::DoNotOptimize(total);
  }
  state.counters["units"] = static_cast<double>(w.assessor->units().size());
  state.counters["responsibilities"] = static_cast<double>(w.by_task.size());
  state.counters["reports"] = static_cast<double>(w.input->reports.size());
  state.counters["plan_total"] = total;
}

// Not the baseline: the least any scoring must also do, read each report
// fact once. It shows how much of the scoring time is memory traffic over
// ten million 40-byte facts.
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

// Keeps each benchmark's time per iteration for the ratio printed at the end.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs) {
      // Plain runs, or the mean when repetitions are aggregated.
      const bool mean = r.run_type == Run::RT_Aggregate && r.aggregate_name == "mean";
      if ((r.run_type != Run::RT_Iteration && !mean) || r.iterations == 0) continue;
      const double ns = r.GetAdjustedRealTime() * (r.time_unit == benchmark::kMillisecond ? 1e6 : 1.0);
      const std::string name = r.benchmark_name();
      if (name.starts_with("BM_Score")) g_score_ns = ns;
      if (name.starts_with("BM_BaselineByTask")) g_by_task_ns = ns;
      if (name.starts_with("BM_BaselineByUnit")) g_by_unit_ns = ns;
      if (name.starts_with("BM_ReadReports")) g_read_ns = ns;
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a.starts_with("--tasks=")) {
      g_tasks = std::max<std::int64_t>(100, std::atoll(argv[i] + 8));
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  benchmark::RegisterBenchmark("BM_Prepare", BM_Prepare)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_Score", BM_Score)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_BaselineByTask", BM_BaselineByTask)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_BaselineByUnit", BM_BaselineByUnit)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_ReadReports", BM_ReadReports)->Unit(benchmark::kMillisecond);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  if (g_score_ns > 0 && g_by_task_ns > 0 && g_by_unit_ns > 0) {
    std::printf("scoring / baseline: %.2fx (task order), %.2fx (unit order); aim 5x\n", g_score_ns / g_by_task_ns,
                g_score_ns / g_by_unit_ns);
    if (g_read_ns > 0) {
      std::printf("scoring / (baseline by unit + one read of every report fact): %.2fx\n",
                  g_score_ns / (g_by_unit_ns + g_read_ns));
    }
  }
  benchmark::Shutdown();
  return 0;
}
