#include <memory>
#include <thread>

#include <gtest/gtest.h>

#include "duban/graph.hpp"
#include "graph/sample_plans.hpp"

namespace duban {
namespace {

using namespace duban::testing;

// Everything a query can say, as one comparable value.
struct Snapshot {
  std::vector<std::vector<Assignment>> units, kept, tasks;
  std::vector<std::optional<MatrixCell>> cells;
  std::vector<Workload> workloads;
  std::vector<TaskId> order;
  std::vector<LintEntry> lint;
  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

Snapshot snapshot(const ResponsibilityGraph& g) {
  Snapshot s;
  for (TaskId t = 1; t <= static_cast<TaskId>(g.task_count()); ++t) {
    s.units.push_back(g.units_of(t));
    s.kept.push_back(g.units_of(t, {std::nullopt, GroupMode::keep}));
  }
  for (UnitId u = kFagai; u <= kXiangguan; ++u) s.tasks.push_back(g.tasks_of(u));
  s.cells = g.matrix().cells;
  s.workloads = g.workloads();
  s.order = g.dependency_order();
  s.lint = g.lint().entries;
  return s;
}

TEST(GraphBuild, OutlivesThePlanAndDirectoryItWasBuiltFrom) {
  auto directory = std::make_unique<Directory>(sample_directory());
  auto plan = std::make_unique<Plan>(sample_plan(*directory));
  const ResponsibilityGraph g(*plan, *directory);
  const Snapshot before = snapshot(g);
  // Scribble over the inputs before freeing them, so a graph that kept
  // references would answer differently even without a sanitizer.
  plan->tasks.clear();
  *directory = Directory{};
  plan.reset();
  directory.reset();
  EXPECT_EQ(snapshot(g), before);
  EXPECT_EQ(g.lint().entries[1].message, "task 3 '深化消费帮扶' has 2 leads: '区财政局', '区发展改革委'");
}

TEST(GraphBuild, CopiesShareOneImmutableGraphAcrossThreads) {
  const Directory directory = sample_directory();
  const ResponsibilityGraph g(sample_plan(directory), directory);
  const Snapshot expected = snapshot(g);
  std::vector<Snapshot> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] {
      const ResponsibilityGraph copy = g;
      for (int round = 0; round < 20; ++round) seen[i] = snapshot(copy);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& s : seen) EXPECT_EQ(s, expected);
}

TEST(GraphBuild, EmptyPlanAndDirectory) {
  const ResponsibilityGraph g(Plan{}, Directory{});
  EXPECT_EQ(g.task_count(), 0U);
  EXPECT_TRUE(g.dependency_order().empty());
  EXPECT_TRUE(g.matrix().units.empty());
  EXPECT_TRUE(g.lint().clean());
}

TEST(GraphBuild, GroupMembershipLoopDoesNotHang) {
  Directory d;
  d.add(make_unit(1, "区商务委", UnitKind::department));
  Unit a = make_unit(2, "甲组", UnitKind::group);
  a.members = {1};
  d.add(std::move(a));
  d.add(make_unit(3, "乙组", UnitKind::group));
  d.add_member(3, 2);
  d.add_member(2, 3);  // 甲组 ⊃ 乙组 ⊃ 甲组
  Plan p = plan_shell();
  p.tasks.push_back(make_task("x", "1", "开展劳务协作", -1, {named("乙组", Role::support)}));
  (void)resolve_units(p, d);
  const ResponsibilityGraph g(p, d);
  EXPECT_EQ(g.units_of(1), (std::vector<Assignment>{{1, 1, Role::support, 1, 3, false}}));
  EXPECT_EQ(g.tasks_of(1), (std::vector<Assignment>{{1, 1, Role::support, 1, 3, false}}));
  EXPECT_EQ(g.tasks_of(2), (std::vector<Assignment>{{1, 2, Role::support, 1, 3, true}}));
}

}  // namespace
}  // namespace duban
