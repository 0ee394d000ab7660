#include <algorithm>

#include <gtest/gtest.h>

#include "duban/graph.hpp"
#include "graph/sample_plans.hpp"

namespace duban {
namespace {

using namespace duban::testing;

class GraphMatrix : public ::testing::Test {
 protected:
  Directory directory = sample_directory();
  Plan plan = sample_plan(directory);
  ResponsibilityGraph graph{plan, directory};
  ResponsibilityMatrix m = graph.matrix();

  std::size_t column(UnitId unit) const {
    const auto it = std::find(m.units.begin(), m.units.end(), unit);
    return static_cast<std::size_t>(it - m.units.begin());
  }
};

TEST_F(GraphMatrix, RowsAreEveryTaskColumnsEveryHolderInDirectoryOrder) {
  EXPECT_EQ(m.tasks, (std::vector<TaskId>{1, 2, 3, 4, 5, 6}));
  // No 区档案局 (idle) and no resolved group; 各相关部门 stands for itself.
  EXPECT_EQ(m.units, (std::vector<UnitId>{kFagai, kCaizheng, kJiaoyu, kWeijian, kShimen, kNanjing, kPengpu,
                                          kXiangguan}));
  EXPECT_EQ(m.cells.size(), 6U * 8U);
}

TEST_F(GraphMatrix, CellsCarryRoleAndTheGroupTheyCameThrough) {
  EXPECT_EQ(m.at(0, column(kFagai)), (MatrixCell{Role::lead, 0}));
  EXPECT_EQ(m.at(0, column(kCaizheng)), (MatrixCell{Role::responsible, kLingdao}));
  EXPECT_EQ(m.at(1, column(kPengpu)), (MatrixCell{Role::support, kJiejie}));
  EXPECT_EQ(m.at(2, column(kXiangguan)), (MatrixCell{Role::support, 0}));
  // Two roles on one task: the strongest wins (lead directly over support through 各街镇).
  EXPECT_EQ(m.at(3, column(kShimen)), (MatrixCell{Role::lead, 0}));
  EXPECT_EQ(m.at(4, column(kJiaoyu)), (MatrixCell{Role::lead, 0}));
  EXPECT_FALSE(m.at(0, column(kWeijian)).has_value());
  for (std::size_t c = 0; c < m.units.size(); ++c) EXPECT_FALSE(m.at(5, c).has_value()) << c;
}

TEST_F(GraphMatrix, EveryColumnAgreesWithTasksOf) {
  for (std::size_t c = 0; c < m.units.size(); ++c) {
    std::vector<std::pair<TaskId, MatrixCell>> from_matrix;
    for (std::size_t r = 0; r < m.tasks.size(); ++r) {
      if (const auto& cell = m.at(r, c)) from_matrix.emplace_back(m.tasks[r], *cell);
    }
    std::vector<std::pair<TaskId, MatrixCell>> from_query;
    for (const Assignment& a : graph.tasks_of(m.units[c])) from_query.emplace_back(a.task, MatrixCell{a.role, a.via_group});
    EXPECT_EQ(from_matrix, from_query) << "unit " << m.units[c];
  }
}

TEST_F(GraphMatrix, WorkloadCountsEachTaskOnceDirectOrThroughGroups) {
  const Workload fagai = graph.workload(kFagai);
  EXPECT_EQ(fagai.direct, (RoleCounts{2, 0, 0}));          // tasks 1 and 3
  EXPECT_EQ(fagai.through_groups, (RoleCounts{0, 0, 1}));  // task 5 via the nested group
  EXPECT_EQ(fagai.all().total(), 3);
  EXPECT_EQ(fagai.all().of(Role::lead), 2);

  const Workload shimen = graph.workload(kShimen);
  EXPECT_EQ(shimen.direct, (RoleCounts{1, 0, 0}));
  EXPECT_EQ(shimen.through_groups, (RoleCounts{0, 0, 2}));

  const auto all = graph.workloads();
  ASSERT_EQ(all.size(), m.units.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].unit, m.units[i]);
    EXPECT_EQ(all[i], graph.workload(m.units[i])) << "unit " << m.units[i];
  }
}

}  // namespace
}  // namespace duban
