#include <cstdio>
#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

#include "duban/error.hpp"
#include "duban/export.hpp"
#include "graph/sample_plans.hpp"

namespace duban {
namespace {

using namespace duban::testing;

class ExportDot : public ::testing::Test {
 protected:
  Directory directory = sample_directory();
  Plan plan = sample_plan(directory);
  ResponsibilityGraph graph{plan, directory};
  std::string dot = to_dot(plan, directory, graph);

  bool has(const std::string& s) const { return dot.find(s) != std::string::npos; }
};

TEST_F(ExportDot, CategoriesAreClustersHoldingTheirTasks) {
  const std::string cluster =
      "  subgraph \"cluster_c0\" {\n"
      "    label=\"一 组织保障\";\n"
      "    style=rounded;\n"
      "    color=gray60;\n"
      "    \"t1\" [shape=box, label=\"1 加强组织领导\", tooltip=\"加强组织领导\"];\n"
      "    \"t6\" [shape=box, label=\"2 落实专项任务\", tooltip=\"落实专项任务\"];\n"
      "  }\n";
  EXPECT_TRUE(has(cluster)) << dot;
  EXPECT_TRUE(has("subgraph \"cluster_c1\" {\n    label=\"二 产业协作\";")) << dot;
  // Task 5 has no category: a node outside every cluster.
  EXPECT_TRUE(has("\n  \"t5\" [shape=box, label=\"做好年度总结\", tooltip=\"做好年度总结\"];\n")) << dot;
}

TEST_F(ExportDot, EdgesAreStyledByRole) {
  EXPECT_TRUE(has("  \"t1\" -> \"u1\" [style=bold, penwidth=2.0, tooltip=\"牵头\"];\n")) << dot;
  EXPECT_TRUE(has("  \"t1\" -> \"u10\" [style=solid, tooltip=\"责任\"];\n")) << dot;
  EXPECT_TRUE(has("  \"t2\" -> \"u9\" [style=dashed, tooltip=\"配合\"];\n")) << dot;
  EXPECT_TRUE(has("  \"t1\" -> \"t2\" [color=blue, arrowhead=empty, tooltip=\"前置任务\"];\n")) << dot;
  EXPECT_TRUE(has("  \"t4\" -> \"t5\" [color=blue")) << dot;
}

TEST_F(ExportDot, CollectivesAreVisibleWithTheirMembers) {
  EXPECT_TRUE(has("  \"u9\" [label=\"各街镇\", shape=hexagon, style=filled, fillcolor=\"#dde6f3\"];\n")) << dot;
  EXPECT_TRUE(has("  \"u12\" [label=\"各相关部门\", shape=hexagon, style=\"dashed,filled\", fillcolor=\"#f4cccc\", "
                  "tooltip=\"成员未知\"];\n"))
      << dot;
  EXPECT_TRUE(has("  \"u5\" [label=\"石门二路街道\", shape=ellipse];\n")) << dot;
  EXPECT_TRUE(has("  \"u9\" -> \"u7\" [style=dotted, arrowhead=none, color=gray50];\n")) << dot;
  EXPECT_TRUE(has("  \"u11\" -> \"u10\" [style=dotted")) << dot;  // nested group
  // A unit no task reaches is not drawn.
  EXPECT_FALSE(has("区档案局")) << dot;
}

TEST_F(ExportDot, UnknownNamesAreDrawnNotDropped) {
  EXPECT_TRUE(has("  \"x6_1\" [label=\"区外事办\", shape=note, color=red, fontcolor=red, "
                  "tooltip=\"目录中没有此单位\"];\n"
                  "  \"t6\" -> \"x6_1\" [style=bold, penwidth=2.0, tooltip=\"牵头\", color=red];\n"))
      << dot;
}

TEST_F(ExportDot, IsDeterministicAndWellFormed) {
  EXPECT_EQ(to_dot(plan, directory, ResponsibilityGraph(plan, directory)), dot);
  EXPECT_EQ(dot.rfind("digraph duban {\n", 0), 0U);
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < dot.size(); ++i) {
    const char c = dot[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}') {
      --depth;
      ASSERT_GE(depth, 0);
    }
  }
  EXPECT_FALSE(in_string);
  EXPECT_EQ(depth, 0);
}

TEST_F(ExportDot, LabelsAreEscaped) {
  plan.tasks[0].title = "推进\"一网通办\"\\改革\n试点";
  const std::string out = to_dot(plan, directory, graph);
  EXPECT_NE(out.find("tooltip=\"推进\\\"一网通办\\\"\\\\改革\\n试点\""), std::string::npos) << out;
}

TEST_F(ExportDot, LongTitlesWrapAtTwentyColumns) {
  plan.tasks[1].title = "推动东部地区优质教育资源向西部协作地区延伸覆盖并建立长效机制";
  const std::string out = to_dot(plan, directory, graph);
  EXPECT_NE(out.find("label=\"1 推动东部地区优质教\\n育资源向西部协作地区\\n延伸覆盖并建立长效…\""),
            std::string::npos)
      << out;
}

TEST_F(ExportDot, RejectsBadInput) {
  plan.tasks[2].title = "bad \xff title";
  try {
    (void)to_dot(plan, directory, graph);
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::encoding);
    EXPECT_NE(std::string(e.what()).find("title of task 3"), std::string::npos) << e.what();
  }
  plan.tasks.pop_back();
  try {
    (void)to_dot(plan, directory, graph);
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::inval);
    EXPECT_STREQ(e.what(), "to_dot: the graph has 6 tasks but the plan has 5; build the graph from this plan");
  }
}

TEST_F(ExportDot, GraphvizRendersIt) {
  if (std::system("command -v dot >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "Graphviz's dot is not installed; the DOT text was checked structurally only";
  }
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string base = ::testing::TempDir() + "duban_" + info->name();
  {
    std::FILE* f = std::fopen((base + ".dot").c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fwrite(dot.data(), 1, dot.size(), f);
    std::fclose(f);
  }
  const std::string cmd = "dot -Tsvg '" + base + ".dot' -o '" + base + ".svg' 2>'" + base + ".err'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "dot rejected the output; see " << base << ".err";
  std::string text;
  if (std::FILE* f = std::fopen((base + ".svg").c_str(), "rb")) {
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
  }
  EXPECT_NE(text.find("<svg"), std::string::npos);
  EXPECT_NE(text.find("石门二路街道"), std::string::npos);
  std::remove((base + ".dot").c_str());
  std::remove((base + ".svg").c_str());
  std::remove((base + ".err").c_str());
}

}  // namespace
}  // namespace duban
