// The responsibility graph on a synthetic plan of 10,000 tasks × 3 units:
// what building it costs, and what tasks-of-unit gains over scanning the
// Plan's vectors for the same answer (groups and the strongest-role rule
// included, so both sides do the same work).
#include <algorithm>
#include <cstdint>
#include <string>
#include <optional>
#include <tuple>
#include <unordered_set>
#include <vector>

#include <benchmark/benchmark.h>

#include "duban/graph.hpp"

namespace {

using namespace duban;

constexpr int kTasks = 10'000;
constexpr int kDepartments = 200;
constexpr int kStreets = 20;
constexpr UnitId kGeJieZhen = kDepartments + kStreets + 1;

struct Fixture {
  Directory directory;
  Plan plan;
};

// Deterministic: the same plan on every run and machine.
const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture out;
    for (int i = 1; i <= kDepartments; ++i) {
      Unit u;
      u.id = i;
      u.name = "区部门" + std::to_string(i);
      u.kind = UnitKind::department;
      out.directory.add(std::move(u));
    }
    for (int i = 1; i <= kStreets; ++i) {
      Unit u;
      u.id = kDepartments + i;
      u.name = "街道" + std::to_string(i);
      u.kind = UnitKind::street;
      out.directory.add(std::move(u));
    }
    Unit group;
    group.id = kGeJieZhen;
    group.name = "各街镇";
    group.kind = UnitKind::group;
    group.member_kinds = {UnitKind::street};
    out.directory.add(std::move(group));

    out.plan.title = "synthetic";
    out.plan.year = 2024;
    std::uint32_t seed = 12345;
    const auto next = [&seed](int n) {
      seed = seed * 1'103'515'245U + 12'345U;
      return static_cast<UnitId>((seed >> 16) % static_cast<std::uint32_t>(n)) + 1;
    };
    for (int t = 0; t < kTasks; ++t) {
      Task task;
      task.key = "t" + std::to_string(t + 1);
      task.number = std::to_string(t + 1);
      task.title = "任务" + std::to_string(t + 1);
      const UnitId lead = next(kDepartments);
      UnitId other = next(kDepartments);
      if (other == lead) other = lead % kDepartments + 1;
      // Every tenth task gives its support part to 各街镇, the rest to a street.
      const UnitId support = t % 10 == 0 ? kGeJieZhen : kDepartments + next(kStreets);
      const UnitId units[] = {lead, other, support};
      const Role roles[] = {Role::lead, Role::responsible, Role::support};
      for (int k = 0; k < 3; ++k) {
        Responsibility r;
        r.unit = units[k];
        r.name = out.directory.at(units[k]).name;
        r.role = roles[k];
        r.position = k + 1;
        r.collective = units[k] == kGeJieZhen;
        task.responsibilities.push_back(std::move(r));
      }
      if (t > 0 && t % 7 == 0) task.depends_on.push_back("t" + std::to_string(t));
      out.plan.tasks.push_back(std::move(task));
    }
    return out;
  }();
  return f;
}

const ResponsibilityGraph& graph() {
  static const ResponsibilityGraph g(fixture().plan, fixture().directory);
  return g;
}

// The baseline: one pass over every task's responsibilities, matching the
// unit itself or a group holding it, keeping the strongest role per task.
std::vector<Assignment> scan_tasks_of(const Plan& plan, const Directory& directory, UnitId unit) {
  const auto holders = directory.groups_of(unit);
  const std::unordered_set<UnitId> via(holders.begin(), holders.end());
  std::vector<Assignment> out;
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& t = plan.tasks[i];
    std::optional<Assignment> best;
    for (const Responsibility& r : t.responsibilities) {
      const bool direct = r.unit == unit;
      if (!direct && via.count(r.unit) == 0) continue;
      const Assignment a{static_cast<TaskId>(i + 1), unit, r.role, r.position, direct ? 0 : r.unit, false};
      const auto rank = [](const Assignment& x) { return std::tuple(static_cast<int>(x.role), x.via_group != 0, x.position); };
      if (!best || rank(a) < rank(*best)) best = a;
    }
    if (best) out.push_back(*best);
  }
  return out;
}

constexpr UnitId kDepartment = 42;
constexpr UnitId kStreet = kDepartments + 7;

void BM_GraphBuild(benchmark::State& state) {
  const Fixture& f = fixture();
  for (auto _ : state) {
    ResponsibilityGraph g(f.plan, f.directory);
    benchmark::DoNotOptimize(g);
  }
  state.SetItemsProcessed(state.iterations() * kTasks);
}
BENCHMARK(BM_GraphBuild)->Unit(benchmark::kMillisecond);

void BM_TasksOfUnit_Graph(benchmark::State& state) {
  const UnitId unit = state.range(0);
  const auto& g = graph();
  const auto expected = scan_tasks_of(fixture().plan, fixture().directory, unit);
  if (g.tasks_of(unit) != expected) state.SkipWithError("graph and scan disagree");
  for (auto _ : state) benchmark::DoNotOptimize(g.tasks_of(unit));
  state.counters["tasks"] = static_cast<double>(expected.size());
}
BENCHMARK(BM_TasksOfUnit_Graph)->Arg(kDepartment)->Arg(kStreet)->Unit(benchmark::kMicrosecond);

void BM_TasksOfUnit_Scan(benchmark::State& state) {
  const UnitId unit = state.range(0);
  const Fixture& f = fixture();
  for (auto _ : state) benchmark::DoNotOptimize(scan_tasks_of(f.plan, f.directory, unit));
}
BENCHMARK(BM_TasksOfUnit_Scan)->Arg(kDepartment)->Arg(kStreet)->Unit(benchmark::kMicrosecond);

}  // namespace
