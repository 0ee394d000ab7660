// duban status on the example plan: lights, due dates and reasons as of a
// date, by unit and by light, with progress facts, as text and JSON.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "run.hpp"

namespace duban::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kExample = std::string(DUBAN_SOURCE_DIR) + "/examples/plans/east-west-2025.json";

class StatusCli : public ::testing::Test {
 protected:
  void SetUp() override {
    db = dir.file("ledger.db");
    const Outcome load = duban({"plan", "load", kExample, "--db", db});
    ASSERT_EQ(load.status, 0) << load.err;
  }

  Outcome status(std::vector<std::string> more) {
    std::vector<std::string> args{"status", "--db", db};
    args.insert(args.end(), more.begin(), more.end());
    return duban(args);
  }

  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir.file(name), std::ios::binary) << text;
    return dir.file(name);
  }

  TempDir dir;
  std::string db;
};

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST_F(StatusCli, AFreshPlanIsDueOrLateByDateAlone) {
  const Outcome r = status({"--as-of", "2025-07-01"});
  ASSERT_EQ(r.status, 0) << r.err;
  // 18 tasks, 7 monthly instances (January..July), the 2025 summary.
  EXPECT_EQ(lines(r.out), 26u);
  // 05-06..09, 12..16, 19..23, 26..30 (19), 06-03..06 … 06-30 (20), 07-01: 40 working days late.
  EXPECT_THAT(r.out, StartsWith("red\toverdue\t1\t2025-04-30\t2025-04-30\t健全工作机制\toverdue(late=40)\n"));
  EXPECT_THAT(r.out, HasSubstr("red\tongoing\t3\t-\t-\t建立月度报告制度\tongoing; instances(red=6,first=3@2025-01)\n"));
  EXPECT_THAT(r.out, HasSubstr("red\toverdue\t3@2025-05\t2025-05-12\t2025-05-12\t建立月度报告制度\toverdue(late=35)\n"));
  EXPECT_THAT(r.out, HasSubstr("green\tnot_yet_due\t3@2025-07\t2025-07-10\t2025-07-10\t建立月度报告制度\t"
                               "not_yet_due(left=7)\n"));
  // 11月底前: 2025-11-30 is a Sunday, so the due date moves to Monday.
  EXPECT_THAT(r.out, HasSubstr("green\tnot_yet_due\t6\t2025-12-01\t2025-12-01\t开展干部人才培训\t"));
  EXPECT_THAT(r.out, HasSubstr("green\tongoing\t8\t-\t-\t动员社会帮扶资金\tongoing\n"));
  // 次年1月15日前: the 2025 year-end summary is due in 2026.
  EXPECT_THAT(r.out, HasSubstr("green\tnot_yet_due\tm2@2025\t2026-01-15\t2026-01-15\t加强督查考核\t"));
}

TEST_F(StatusCli, DueSoonIsYellowAndFourColoursAddBlue) {
  const Outcome soon = status({"--as-of", "2025-06-25"});
  ASSERT_EQ(soon.status, 0) << soon.err;
  // 06-26, 06-27, 06-30: three working days.
  EXPECT_THAT(soon.out, HasSubstr("yellow\tdue_soon\t4\t2025-06-30\t2025-06-30\t选派挂职干部\t"
                                  "due_soon(left=3,limit=3)\n"));
  const Outcome plain = status({"--as-of", "2025-06-20"});
  EXPECT_THAT(plain.out, HasSubstr("green\tnot_yet_due\t4\t2025-06-30\t2025-06-30\t选派挂职干部\tnot_yet_due(left=6)\n"));
  const Outcome four = status({"--as-of", "2025-06-20", "--four-colour"});
  EXPECT_THAT(four.out, HasSubstr("blue\tnot_yet_due\t4\t2025-06-30\t2025-06-30\t选派挂职干部\t"
                                  "approaching(left=6,limit=10)\n"));
}

TEST_F(StatusCli, AUnitSeesItsOwnAndItsGroupsTasks) {
  const Outcome r = status({"--as-of", "2025-07-01", "--unit", "北站街道"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "green\tongoing\t8\t-\t-\tsupport\t动员社会帮扶资金\tongoing\n"
            "green\tnot_yet_due\t14\t2025-12-01\t2025-12-01\tsupport\t开展就业技能培训\tnot_yet_due(left=105)\n"
            "green\tnot_yet_due\t15\t2025-12-31\t2025-12-31\tresponsible\t深化村镇结对\tnot_yet_due(left=127)\n");
  const Outcome json = status({"--as-of", "2025-07-01", "--unit", "北站街道", "--json"});
  EXPECT_THAT(json.out, HasSubstr("\"unit\": \"北站街道\""));
  EXPECT_THAT(json.out, HasSubstr("\"via_group\": \"各街镇\""));
  EXPECT_THAT(json.out, HasSubstr("\"role\": \"responsible\""));
}

TEST_F(StatusCli, ByLight) {
  const Outcome red = status({"--as-of", "2025-07-01", "--light", "red"});
  ASSERT_EQ(red.status, 0) << red.err;
  EXPECT_EQ(lines(red.out), 10u);
  EXPECT_THAT(red.out, Not(HasSubstr("green")));
  const Outcome json = status({"--as-of", "2025-07-01", "--light", "red", "--json"});
  EXPECT_THAT(json.out, HasSubstr("\"counts\": {\n    \"red\": 10,\n    \"yellow\": 0,\n    \"blue\": 0,\n"
                                  "    \"green\": 0\n  }"));
  EXPECT_EQ(status({"--light", "purple"}).status, 2);
}

TEST_F(StatusCli, FactsFileDoneExtensionsAndLag) {
  const std::string facts = write("facts.json", R"({"duban_progress": 1, "items": [
    {"task": "1", "done": "2025-04-28"},
    {"task": "4", "extensions": [{"requested": "2025-06-20", "until": "2025-07-31",
                                  "decision": "approved", "decided": "2025-06-23"}]},
    {"task": "9", "progress": [{"date": "2025-06-30", "percent": 10}]},
    {"instance": "3@2025-06", "done": "2025-06-09"}
  ]})");
  const Outcome r = status({"--as-of", "2025-07-01", "--facts", facts});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("green\tdone_on_time\t1\t2025-04-30\t2025-04-30\t健全工作机制\t"
                                "done_on_time(done=2025-04-28)\n"));
  EXPECT_THAT(r.out, HasSubstr("green\tnot_yet_due\t4\t2025-07-31\t2025-06-30\t选派挂职干部\t"
                               "not_yet_due(left=22); extension_approved(until=2025-07-31)\n"));
  EXPECT_THAT(r.out, HasSubstr("green\tdone_on_time\t3@2025-06\t"));
  // 推进园区共建 runs from the plan's issue (2025-03-18) to 2025-12-31.
  EXPECT_THAT(r.out, HasSubstr("yellow\tnot_yet_due\t9\t2025-12-31\t2025-12-31\t推进园区共建\t"
                               "not_yet_due(left=127); lag(expected=35.86,actual=10,limit=10)\n"));
  const Outcome original = status({"--as-of", "2025-07-01", "--facts", facts, "--due-basis", "original"});
  EXPECT_THAT(original.out, HasSubstr("red\toverdue\t4\t2025-06-30\t2025-06-30\t选派挂职干部\t"
                                      "overdue(late=1); extension_approved(until=2025-07-31)\n"));
  const Outcome json = status({"--as-of", "2025-07-01", "--facts", facts, "--json"});
  EXPECT_THAT(json.out, HasSubstr("\"due_basis\": \"current\""));
  EXPECT_THAT(json.out, HasSubstr("\"original_due\": \"2025-06-30\",\n      \"current_due\": \"2025-07-31\""));
  EXPECT_THAT(json.out, HasSubstr("\"code\": \"lag\",\n          \"light\": \"yellow\",\n"
                                  "          \"reported\": \"2025-06-30\",\n          \"expected\": 35.86,\n"
                                  "          \"actual\": 10.0,\n          \"lag\": 25.86,\n          \"limit\": 10.0\n"));
}

TEST_F(StatusCli, ErrorsSayWhat) {
  const Outcome date = status({"--as-of", "2025-13-01"});
  EXPECT_EQ(date.status, 1);
  EXPECT_EQ(date.err, "duban: error: --as-of: date '2025-13-01' does not exist\n");
  const Outcome unit = status({"--as-of", "2025-07-01", "--unit", "区统计局"});
  EXPECT_EQ(unit.status, 1);
  EXPECT_EQ(unit.err, "duban: error: unknown unit '区统计局' in --unit\n");
  const std::string bad = write("bad.json", R"({"duban_progress": 1, "items": [{"task": "99"}]})");
  const Outcome facts = status({"--as-of", "2025-07-01", "--facts", bad});
  EXPECT_EQ(facts.status, 1);
  EXPECT_THAT(facts.err, HasSubstr("bad.json: items[0].task: no task with key '99' in the plan"));
  // A 2025 plan as of 2027: the calendar for 2027 is needed and missing.
  const Outcome late = status({"--as-of", "2027-01-05"});
  EXPECT_EQ(late.status, 1);
  EXPECT_THAT(late.err, StartsWith("duban: error: no published calendar for 2027"));
  const Outcome guessed = status({"--as-of", "2027-01-05", "--weekends-only"});
  EXPECT_EQ(guessed.status, 0) << guessed.err;
  const Outcome missing = duban({"status", "--db", dir.file("none.db"), "--as-of", "2025-07-01"});
  EXPECT_EQ(missing.status, 1);
}

TEST(StatusFromLedgerCli, ReportsInTheLedgerSetTheLights) {
  // The demo records a year of reports: task 1 closed on time, the
  // September monthly report missing.
  TempDir dir;
  const std::string db = dir.file("demo.db");
  ASSERT_EQ(duban({"demo", "--db", db}).status, 0);
  const Outcome r = duban({"status", "--db", db, "--as-of", "2025-12-31"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("green\tdone_on_time\t1\t2025-04-30\t"));
  EXPECT_THAT(r.out, HasSubstr("red\toverdue\t3@2025-09\t"));
  // Before the reports were made, the same task was only due.
  const Outcome early = duban({"status", "--db", db, "--as-of", "2025-04-01"});
  EXPECT_THAT(early.out, Not(HasSubstr("done_on_time\t1\t")));
}

}  // namespace
}  // namespace duban::test
