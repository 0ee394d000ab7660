#include <algorithm>

#include <gtest/gtest.h>

#include "duban/error.hpp"
#include "duban/graph.hpp"
#include "graph/sample_plans.hpp"

namespace duban {
namespace {

using namespace duban::testing;

class GraphQuery : public ::testing::Test {
 protected:
  Directory directory = sample_directory();
  Plan plan = sample_plan(directory);
  ResponsibilityGraph graph{plan, directory};
};

Assignment at(TaskId task, UnitId unit, Role role, int position, UnitId via = 0, bool collective = false) {
  return {task, unit, role, position, via, collective};
}

TEST_F(GraphQuery, UnitsOfTaskExpandsANamedLeadingGroup) {
  const std::vector<Assignment> expected{
      at(1, kFagai, Role::lead, 1),
      at(1, kCaizheng, Role::responsible, 2, kLingdao),
      at(1, kJiaoyu, Role::responsible, 2, kLingdao),
  };
  EXPECT_EQ(graph.units_of(1), expected);
}

TEST_F(GraphQuery, UnitsOfTaskKeepsGroupsAsWritten) {
  const std::vector<Assignment> expected{
      at(1, kFagai, Role::lead, 1),
      at(1, kLingdao, Role::responsible, 2, 0, true),
  };
  EXPECT_EQ(graph.units_of(1, {std::nullopt, GroupMode::keep}), expected);
}

TEST_F(GraphQuery, GeJieZhenExpandsThroughMemberKinds) {
  const std::vector<Assignment> expected{
      at(2, kJiaoyu, Role::lead, 1),
      at(2, kShimen, Role::support, 2, kJiejie),
      at(2, kNanjing, Role::support, 2, kJiejie),
      at(2, kPengpu, Role::support, 2, kJiejie),
  };
  EXPECT_EQ(graph.units_of(2), expected);
}

TEST_F(GraphQuery, UnitsOfTaskFiltersByRole) {
  const std::vector<Assignment> support{
      at(4, kNanjing, Role::support, 3, kJiejie),
      at(4, kPengpu, Role::support, 3, kJiejie),
  };
  EXPECT_EQ(graph.units_of(4, {Role::support, GroupMode::expand}), support);
  const std::vector<Assignment> lead{at(4, kShimen, Role::lead, 2)};
  EXPECT_EQ(graph.units_of(4, {Role::lead, GroupMode::expand}), lead);
  EXPECT_TRUE(graph.units_of(4, {Role::support, GroupMode::keep}).size() == 1);
}

TEST_F(GraphQuery, StrongestRoleWinsOverTheSameUnitThroughAGroup) {
  // 石门二路街道 leads task 4 and is also in 各街镇 (support): one entry, lead, direct.
  const auto units = graph.units_of(4);
  ASSERT_EQ(units.size(), 4U);
  EXPECT_EQ(units[0], at(4, kWeijian, Role::responsible, 1));
  EXPECT_EQ(units[1], at(4, kShimen, Role::lead, 2));
  // 区教育局 is support through the nested group in task 5 and lead directly.
  const auto five = graph.tasks_of(kJiaoyu);
  ASSERT_EQ(five.size(), 3U);
  EXPECT_EQ(five[2], at(5, kJiaoyu, Role::lead, 2, 0));
}

TEST_F(GraphQuery, NestedGroupExpandsToEveryUnitItHolds) {
  const auto units = graph.units_of(5);
  std::vector<UnitId> ids;
  for (const auto& a : units) ids.push_back(a.unit);
  // Position 1 (the nested group) first in directory order, then position 2.
  EXPECT_EQ(ids, (std::vector<UnitId>{kFagai, kCaizheng, kShimen, kNanjing, kPengpu, kJiaoyu}));
  EXPECT_EQ(units[1], at(5, kCaizheng, Role::support, 1, kQuanti));
  EXPECT_EQ(units[3], at(5, kNanjing, Role::support, 1, kQuanti));
  // Apart from the lead entry the group replaced, the expansion is the directory's.
  std::vector<UnitId> through;
  for (const auto& a : units) {
    if (a.via_group == kQuanti) through.push_back(a.unit);
  }
  std::vector<UnitId> expected = directory.expand(kQuanti);
  expected.erase(std::remove(expected.begin(), expected.end(), kJiaoyu), expected.end());
  EXPECT_EQ(through, expected);
}

TEST_F(GraphQuery, UnresolvedGroupStaysAsItself) {
  const auto units = graph.units_of(3);
  ASSERT_EQ(units.size(), 3U);
  EXPECT_EQ(units[2], at(3, kXiangguan, Role::support, 3, 0, true));
}

TEST_F(GraphQuery, TasksOfUnitIncludeThoseThroughGroups) {
  const std::vector<Assignment> expected{
      at(2, kNanjing, Role::support, 2, kJiejie),
      at(4, kNanjing, Role::support, 3, kJiejie),
      at(5, kNanjing, Role::support, 1, kQuanti),
  };
  EXPECT_EQ(graph.tasks_of(kNanjing), expected);
  EXPECT_TRUE(graph.tasks_of(kNanjing, {std::nullopt, false}).empty());
}

TEST_F(GraphQuery, TasksOfUnitReportRoleAndGroup) {
  const std::vector<Assignment> all{
      at(1, kCaizheng, Role::responsible, 2, kLingdao),
      at(3, kCaizheng, Role::lead, 1),
      at(5, kCaizheng, Role::support, 1, kQuanti),
  };
  EXPECT_EQ(graph.tasks_of(kCaizheng), all);
  EXPECT_EQ(graph.tasks_of(kCaizheng, {Role::lead, true}), std::vector<Assignment>{all[1]});
  EXPECT_EQ(graph.tasks_of(kCaizheng, {std::nullopt, false}), std::vector<Assignment>{all[1]});
  EXPECT_TRUE(graph.tasks_of(kCaizheng, {Role::support, false}).empty());
}

TEST_F(GraphQuery, TasksOfAGroupAreThoseNamingItOrAGroupHoldingIt) {
  const std::vector<Assignment> expected{
      at(2, kJiejie, Role::support, 2, 0, true),
      at(4, kJiejie, Role::support, 3, 0, true),
      at(5, kJiejie, Role::support, 1, kQuanti, true),
  };
  EXPECT_EQ(graph.tasks_of(kJiejie), expected);
}

TEST_F(GraphQuery, IdleUnitHasNoTasks) {
  EXPECT_TRUE(graph.tasks_of(kDangan).empty());
  EXPECT_EQ(graph.workload(kDangan), (Workload{kDangan, {}, {}}));
}

TEST_F(GraphQuery, UnknownIdsAreNotFound) {
  try {
    (void)graph.units_of(99);
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::notfound);
    EXPECT_STREQ(e.what(), "no task 99 (the plan has 6 tasks)");
  }
  try {
    (void)graph.tasks_of(4242);
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::notfound);
    EXPECT_STREQ(e.what(), "no unit with id 4242 in the graph's directory");
  }
  EXPECT_THROW((void)graph.units_of(0), Error);
  EXPECT_THROW((void)graph.downstream(7), Error);
  EXPECT_THROW((void)graph.workload(-1), Error);
}

TEST_F(GraphQuery, MembershipTracksTheDirectory) {
  EXPECT_TRUE(graph.has_task(1));
  EXPECT_TRUE(graph.has_task(6));
  EXPECT_FALSE(graph.has_task(7));
  EXPECT_FALSE(graph.has_task(0));
  EXPECT_TRUE(graph.has_unit(kXiangguan));
  EXPECT_FALSE(graph.has_unit(13));
  EXPECT_EQ(graph.task_count(), 6U);
}

TEST_F(GraphQuery, TasksInCategoryFollowContainment) {
  EXPECT_EQ(graph.tasks_in_category(0), (std::vector<TaskId>{1, 6}));
  EXPECT_EQ(graph.tasks_in_category(1), (std::vector<TaskId>{2, 3, 4}));
  EXPECT_TRUE(graph.tasks_in_category(2).empty());
  EXPECT_TRUE(graph.tasks_in_category(-1).empty());
}

}  // namespace
}  // namespace duban
