// The duban tool as a user runs it: exit status, stdout, stderr.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "run.hpp"

namespace duban::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kExample = std::string(DUBAN_SOURCE_DIR) + "/examples/plans/east-west-2025.json";

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = dir.file("ledger.db");
    const Outcome load = duban({"plan", "load", kExample, "--db", db});
    ASSERT_EQ(load.status, 0) << load.err;
  }

  void write(const std::string& name, const std::string& text) {
    std::ofstream(dir.file(name), std::ios::binary) << text;
  }

  TempDir dir;
  std::string db;
};

TEST(CliBasicsTest, VersionAndUsage) {
  const Outcome v = duban({"--version"});
  EXPECT_EQ(v.status, 0);
  EXPECT_THAT(v.out, StartsWith("duban 0."));
  const Outcome none = duban({});
  EXPECT_EQ(none.status, 2);
  EXPECT_THAT(none.err, HasSubstr("subcommand"));
  const Outcome bad = duban({"frobnicate"});
  EXPECT_EQ(bad.status, 2);
}

TEST_F(CliTest, LoadReportsThePlanAndRefusesADuplicate) {
  const Outcome again = duban({"plan", "load", kExample, "--db", db});
  EXPECT_EQ(again.status, 1);
  EXPECT_THAT(again.err, StartsWith("duban: error: "));
  EXPECT_THAT(again.err, HasSubstr("临合组办〔2025〕2号"));
  const Outcome replace = duban({"plan", "load", kExample, "--db", db, "--replace"});
  EXPECT_EQ(replace.status, 0) << replace.err;
  EXPECT_THAT(replace.out, StartsWith("plan 1: 2025年临江区东西部协作和对口支援工作要点 (18 tasks;"));
  const Outcome list = duban({"plan", "list", "--db", db});
  EXPECT_EQ(list.out, "1\t2025\t18\t临合组办〔2025〕2号\t2025年临江区东西部协作和对口支援工作要点\n");
}

TEST_F(CliTest, ABadPlanFileIsRefusedAndTheLedgerKeepsWhatItHad) {
  write("bad.json", R"({"duban":1,"plan":{"title":"坏计划","year":2025,"tasks":[
    {"number":"1","title":"甲","responsibilities":[{"unit":"区统计局","role":"lead"}]}]}})");
  const Outcome load = duban({"plan", "load", dir.file("bad.json"), "--db", db});
  EXPECT_EQ(load.status, 1);
  EXPECT_THAT(load.err, HasSubstr("task 1, responsibilities[0]: unknown unit '区统计局'"));
  const Outcome list = duban({"plan", "list", "--db", db});
  EXPECT_THAT(list.out, StartsWith("1\t2025\t18\t"));
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 1);

  write("syntax.json", "{\"duban\": 1,\n \"plan\": [}\n");
  const Outcome syntax = duban({"plan", "load", dir.file("syntax.json"), "--db", db});
  EXPECT_EQ(syntax.status, 1);
  EXPECT_THAT(syntax.err, HasSubstr("syntax.json:2:"));
  const Outcome missing = duban({"plan", "load", dir.file("nope.json"), "--db", db});
  EXPECT_EQ(missing.status, 1);
  EXPECT_THAT(missing.err, HasSubstr("nope.json: cannot open the file for reading"));
}

TEST_F(CliTest, ShowPrintsTheStructureAndJsonRoundTrips) {
  const Outcome show = duban({"plan", "show", "--db", db});
  ASSERT_EQ(show.status, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("二、重点任务\n（一）组织领导\n  1. 健全工作机制  [2025-04-30（4月底前）]\n"
                                  "      牵头：区合作交流办\n      责任：区委办、区政府办公室\n"));
  const Outcome json = duban({"plan", "show", "--db", db, "--json"});
  ASSERT_EQ(json.status, 0);
  write("again.json", json.out);
  const Outcome reload = duban({"plan", "load", dir.file("again.json"), "--db", dir.file("second.db")});
  EXPECT_EQ(reload.status, 0) << reload.err;
  const Outcome json2 = duban({"plan", "show", "--db", dir.file("second.db"), "--json"});
  EXPECT_EQ(json2.out, json.out);
}

TEST_F(CliTest, UnitsListsKindsAliasesAndGroups) {
  const Outcome units = duban({"units", "--db", db});
  ASSERT_EQ(units.status, 0) << units.err;
  EXPECT_THAT(units.out, HasSubstr("\tdepartment\t区合作交流办\t区政府合作交流办、区政府合作交流办公室\n"));
  EXPECT_THAT(units.out, HasSubstr("\tgroup\t各街镇\t\t4 members\n"));
  EXPECT_THAT(units.out, HasSubstr("\tgroup\t各相关部门\t\t0 members (unresolved)\n"));
}

TEST_F(CliTest, TasksOfAUnitByRoleAndThroughGroups) {
  const Outcome lead = duban({"tasks", "--db", db, "--unit", "区政府合作交流办", "--role", "lead"});
  ASSERT_EQ(lead.status, 0) << lead.err;
  EXPECT_EQ(lead.out,
            "1\t1\tlead\t区合作交流办\t-\t健全工作机制\n"
            "3\t3\tlead\t区合作交流办\t-\t建立月度报告制度\n"
            "8\t8\tlead\t区合作交流办\t-\t动员社会帮扶资金\n"
            "m2\t2\tlead\t区合作交流办\t-\t加强督查考核\n");
  const Outcome street = duban({"tasks", "--db", db, "--unit", "北站街道"});
  EXPECT_THAT(street.out, HasSubstr("8\t8\tsupport\t北站街道\t各街镇\t动员社会帮扶资金\n"));
  const Outcome chinese_role = duban({"tasks", "--db", db, "--unit", "北站街道", "--role", "责任"});
  EXPECT_EQ(chinese_role.out, "15\t15\tresponsible\t北站街道\t各街镇\t深化村镇结对\n");
  const Outcome json = duban({"tasks", "--db", db, "--unit", "区财政局", "--json"});
  EXPECT_THAT(json.out, HasSubstr("\"key\": \"7\""));
  EXPECT_THAT(json.out, HasSubstr("\"role\": \"lead\""));
}

TEST_F(CliTest, TasksErrorsSayWhat) {
  const Outcome unknown = duban({"tasks", "--db", db, "--unit", "区统计局"});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_EQ(unknown.err, "duban: error: unknown unit '区统计局' in --unit\n");
  EXPECT_EQ(unknown.out, "");
  const Outcome role = duban({"tasks", "--db", db, "--role", "boss"});
  EXPECT_EQ(role.status, 2);
  EXPECT_THAT(role.err, HasSubstr("unknown role 'boss'"));
  const Outcome nodb = duban({"tasks", "--db", dir.file("missing.db")});
  EXPECT_EQ(nodb.status, 1);
  EXPECT_THAT(nodb.err, HasSubstr("missing.db"));
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing.db")));
}

TEST_F(CliTest, MatrixGraphAndLint) {
  const Outcome csv = duban({"matrix", "--db", db, "--format", "csv"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_THAT(csv.out, StartsWith("\xEF\xBB\xBF序号,编号,任务,区委办,"));
  const Outcome text = duban({"matrix", "--db", db});
  EXPECT_THAT(text.out, HasSubstr("牵=牵头"));
  const Outcome bad = duban({"matrix", "--db", db, "--format", "xlsx"});
  EXPECT_EQ(bad.status, 2);
  const Outcome dot = duban({"graph", "--db", db, "--format", "dot"});
  EXPECT_THAT(dot.out, StartsWith("digraph"));
  const Outcome lint = duban({"lint", "--db", db});
  EXPECT_EQ(lint.status, 0);
  EXPECT_THAT(lint.out, HasSubstr("warning [several_leads] task 5"));
  EXPECT_THAT(lint.out, HasSubstr("[unresolved_group] group '各相关部门'"));
  EXPECT_EQ(duban({"lint", "--db", db, "--strict"}).status, 3);
  const Outcome json = duban({"lint", "--db", db, "--json"});
  EXPECT_THAT(json.out, HasSubstr("\"code\": \"several_leads\""));
}

TEST(CliDemoTest, DemoBuildsALedgerAndShowsWhatMattersFirst) {
  TempDir dir;
  const std::string db = dir.file("demo.db");
  for (int round = 0; round < 2; ++round) {  // a second run replaces, not fails
    const Outcome demo = duban({"demo", "--db", db});
    ASSERT_EQ(demo.status, 0) << demo.err;
    EXPECT_THAT(demo.out, HasSubstr("16 tasks in 6 categories, 2 guarantee measures"));
    EXPECT_THAT(demo.out, HasSubstr("== Tasks per category（分类任务） ==\n（一）组织领导 — 3 tasks\n"));
    EXPECT_THAT(demo.out, HasSubstr("区委组织部：4. 选派挂职干部、6. 开展干部人才培训\n"));
    EXPECT_THAT(demo.out, HasSubstr("== Responsibility matrix（责任矩阵） =="));
    EXPECT_THAT(demo.out, HasSubstr("warning [several_leads]"));
    EXPECT_THAT(demo.out, HasSubstr("== Assessment（考核评价） ==\n2025年临江区东西部协作和对口支援工作考核"));
    EXPECT_THAT(demo.out, HasSubstr(" ranks first:\n"));
  }
  EXPECT_TRUE(std::filesystem::exists(db));
  const Outcome list = duban({"plan", "list", "--db", db});
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 1);
}

}  // namespace
}  // namespace duban::test
