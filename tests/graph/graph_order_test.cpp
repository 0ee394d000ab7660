#include <gtest/gtest.h>

#include "duban/error.hpp"
#include "duban/graph.hpp"
#include "graph/sample_plans.hpp"

namespace duban {
namespace {

using namespace duban::testing;

std::string cycle_message(const ResponsibilityGraph& graph) {
  try {
    (void)graph.dependency_order();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::inval);
    EXPECT_EQ(e.klass(), ErrClass::graph);
    return e.what();
  }
  ADD_FAILURE() << "dependency_order did not throw";
  return {};
}

TEST(GraphOrder, PrerequisitesComeFirstOtherwisePlanOrder) {
  const Directory d = sample_directory();
  const ResponsibilityGraph g(sample_plan(d), d);
  EXPECT_EQ(g.dependency_order(), (std::vector<TaskId>{1, 2, 3, 4, 5, 6}));

  // a needs c, c needs d: d and c move ahead of a, b keeps its place after a.
  const ResponsibilityGraph pulled(chain_plan(d, {{"c"}, {}, {"d"}, {}}), d);
  EXPECT_EQ(pulled.dependency_order(), (std::vector<TaskId>{4, 3, 1, 2}));
}

TEST(GraphOrder, DownstreamAndUpstreamAreTransitive) {
  const Directory d = sample_directory();
  const ResponsibilityGraph g(sample_plan(d), d);
  EXPECT_EQ(g.downstream(1), (std::vector<TaskId>{2, 3, 4, 5}));
  EXPECT_EQ(g.downstream(2), (std::vector<TaskId>{3, 5}));
  EXPECT_EQ(g.downstream(4), (std::vector<TaskId>{5}));
  EXPECT_TRUE(g.downstream(5).empty());
  EXPECT_TRUE(g.downstream(6).empty());
  EXPECT_EQ(g.upstream(5), (std::vector<TaskId>{1, 2, 3, 4}));
  EXPECT_TRUE(g.upstream(1).empty());
}

TEST(GraphOrder, CycleThrowsNamingTheTasksInIt) {
  const Directory d = sample_directory();
  // a → b → c → a (→ reads "depends on"); d stands apart.
  const ResponsibilityGraph g(chain_plan(d, {{"b"}, {"c"}, {"a"}, {}}), d);
  EXPECT_EQ(cycle_message(g),
            "dependency cycle (→ reads \"depends on\"): task 1 '任务甲' → task 2 '任务乙' → "
            "task 3 '任务丙' → task 1 '任务甲'");
  // Reachability stays defined and never lists the task itself.
  EXPECT_EQ(g.downstream(1), (std::vector<TaskId>{2, 3}));
  EXPECT_TRUE(g.downstream(4).empty());
}

TEST(GraphOrder, EveryCycleAndSelfDependencyIsNamed) {
  const Directory d = sample_directory();
  const ResponsibilityGraph g(chain_plan(d, {{"b"}, {"a"}, {}, {"d"}}), d);
  EXPECT_EQ(cycle_message(g),
            "dependency cycles (→ reads \"depends on\"): task 1 '任务甲' → task 2 '任务乙' → task 1 '任务甲'; "
            "task 4 '任务丁' → task 4 '任务丁'");
}

TEST(GraphOrder, MissingDependencyIsIgnoredForOrder) {
  const Directory d = sample_directory();
  const ResponsibilityGraph g(chain_plan(d, {{"zz"}, {"a", "a"}}), d);
  EXPECT_EQ(g.dependency_order(), (std::vector<TaskId>{1, 2}));
  EXPECT_EQ(g.downstream(1), (std::vector<TaskId>{2}));
}

}  // namespace
}  // namespace duban
