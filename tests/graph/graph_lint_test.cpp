#include <algorithm>

#include <gtest/gtest.h>

#include "duban/graph.hpp"
#include "graph/sample_plans.hpp"

namespace duban {
namespace {

using namespace duban::testing;

TEST(GraphLint, SamplePlanFindings) {
  const Directory d = sample_directory();
  const ResponsibilityGraph g(sample_plan(d), d);
  const LintReport r = g.lint();
  const std::vector<LintEntry> expected{
      {LintCode::task_without_unit, Severity::warning, {6}, {},
       "task 6 '落实专项任务' names no unit the directory knows ('区外事办')"},
      {LintCode::several_leads, Severity::warning, {3}, {kCaizheng, kFagai},
       "task 3 '深化消费帮扶' has 2 leads: '区财政局', '区发展改革委'"},
      {LintCode::unresolved_group, Severity::warning, {3}, {kXiangguan},
       "group '各相关部门' has no known members but holds task 3 '深化消费帮扶'"},
      {LintCode::unit_without_task, Severity::info, {}, {kDangan},
       "unit '区档案局' holds no task, directly or through a group"},
      {LintCode::unknown_unit, Severity::error, {6}, {},
       "task 6 '落实专项任务' names unknown unit '区外事办' at position 1"},
  };
  EXPECT_EQ(r.entries, expected);
  EXPECT_EQ(r.count(LintCode::several_leads), 1U);
  EXPECT_EQ(r.count(LintCode::dependency_cycle), 0U);
  EXPECT_FALSE(r.clean());
}

TEST(GraphLint, TaskWithNoEntriesAtAll) {
  const Directory d = sample_directory();
  Plan p = chain_plan(d, {{}});
  p.tasks[0].responsibilities.clear();
  const LintReport r = ResponsibilityGraph(p, d).lint();
  ASSERT_GE(r.entries.size(), 1U);
  EXPECT_EQ(r.entries[0].code, LintCode::task_without_unit);
  EXPECT_EQ(r.entries[0].message, "task 1 '任务甲' names no unit");
}

TEST(GraphLint, UnresolvedGroupInsideANamedGroupIsFlagged) {
  Directory d = sample_directory();
  d.add_member(kLingdao, kXiangguan);
  Plan p = plan_shell();
  p.tasks.push_back(make_task("x", "1", "建立联席会议制度", -1, {named("领导小组成员单位", Role::lead)}));
  (void)resolve_units(p, d);
  const ResponsibilityGraph g(p, d);
  EXPECT_EQ(g.units_of(1).back(), (Assignment{1, kXiangguan, Role::lead, 1, kLingdao, true}));
  const LintReport r = g.lint();
  ASSERT_EQ(r.count(LintCode::unresolved_group), 1U);
  const auto it = std::find_if(r.entries.begin(), r.entries.end(),
                               [](const LintEntry& e) { return e.code == LintCode::unresolved_group; });
  EXPECT_EQ(it->units, std::vector<UnitId>{kXiangguan});
  EXPECT_EQ(it->tasks, std::vector<TaskId>{1});
}

TEST(GraphLint, CyclesAndMissingDependencies) {
  const Directory d = sample_directory();
  const LintReport r = ResponsibilityGraph(chain_plan(d, {{"c"}, {"a", "nope"}, {"b"}}), d).lint();
  const auto find = [&](LintCode code) {
    return *std::find_if(r.entries.begin(), r.entries.end(), [&](const LintEntry& e) { return e.code == code; });
  };
  const LintEntry missing = find(LintCode::missing_dependency);
  EXPECT_EQ(missing.tasks, std::vector<TaskId>{2});
  EXPECT_EQ(missing.message, "task 2 '任务乙' depends on 'nope', which is no task's key");
  const LintEntry cycle = find(LintCode::dependency_cycle);
  EXPECT_EQ(cycle.tasks, (std::vector<TaskId>{1, 3, 2}));
  EXPECT_EQ(cycle.message, "dependency cycle: task 1 '任务甲' → task 3 '任务丙' → task 2 '任务乙' → task 1 '任务甲'");
  EXPECT_EQ(cycle.severity, Severity::error);
}

TEST(GraphLint, CleanPlanIsClean) {
  Directory d;
  d.add(make_unit(1, "区商务委", UnitKind::department));
  Plan p = plan_shell();
  p.tasks.push_back(make_task("x", "1", "组织产销对接活动", -1, {named("区商务委", Role::lead)}));
  (void)resolve_units(p, d);
  EXPECT_TRUE(ResponsibilityGraph(p, d).lint().clean());
  EXPECT_EQ(to_string(LintCode::unresolved_group), "unresolved_group");
  EXPECT_EQ(to_string(LintCode::dependency_cycle), "dependency_cycle");
}

}  // namespace
}  // namespace duban
