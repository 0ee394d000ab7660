// duban report / history / verify / close / extend / coordinator as a user
// runs them: exit status, stdout, stderr, and what the ledger then holds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

#include "run.hpp"

namespace duban::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

const std::string kExample = std::string(DUBAN_SOURCE_DIR) + "/examples/plans/east-west-2025.json";

void sql(const std::string& db, const std::string& statement) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &handle), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(handle, statement.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << statement;
  sqlite3_close(handle);
}

// Events 1 and 2 are the plan's load (directory, plan), 3 the coordinator.
class ReportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db = dir.file("ledger.db");
    const Outcome load = duban({"plan", "load", kExample, "--db", db});
    ASSERT_EQ(load.status, 0) << load.err;
    const Outcome office = duban({"coordinator", "--db", db, "--set", "区合作交流办"});
    ASSERT_EQ(office.status, 0) << office.err;
    ASSERT_EQ(office.out, "区合作交流办\n");
  }

  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir.file(name), std::ios::binary) << text;
    return dir.file(name);
  }

  Outcome add(std::vector<std::string> args) {
    std::vector<std::string> all{"report", "add", "--db", db};
    all.insert(all.end(), args.begin(), args.end());
    return duban(all);
  }

  TempDir dir;
  std::string db;
};

TEST_F(ReportCliTest, AddReportsAndReadTheHistory) {
  const Outcome first =
      add({"--task", "5", "--unit", "区教育局", "--date", "2025-04-10", "--status", "in_progress", "--percent", "40",
           "--text", "已选派教师", "--value", "选派教师=20名", "--evidence", "临教〔2025〕12号", "--user", "张三"});
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_EQ(first.out, "report 4: task 5 (选派专业技术人才) by 区教育局 on 2025-04-10: in_progress 40%\n");
  const Outcome fix = add({"--task", "5", "--unit", "区教育局", "--date", "2025-04-15", "--status", "推进中",
                           "--percent", "45", "--value", "选派教师=2名", "--supersedes", "4"});
  ASSERT_EQ(fix.status, 0) << fix.err;
  EXPECT_EQ(fix.out,
            "report 5: task 5 (选派专业技术人才) by 区教育局 on 2025-04-15: in_progress 45% (corrects report 4)\n");
  const Outcome monthly =
      add({"--task", "3", "--period", "2025-03", "--unit", "区合作交流办", "--date", "2025-03-08", "--status", "done"});
  ASSERT_EQ(monthly.status, 0) << monthly.err;
  EXPECT_EQ(monthly.out,
            "report 6: instance 3@2025-03 of task 3 (建立月度报告制度) by 区合作交流办 on 2025-03-08: done\n");

  const Outcome history = duban({"history", "--db", db, "--task", "5"});
  ASSERT_EQ(history.status, 0) << history.err;
  EXPECT_THAT(history.out, HasSubstr("#4\t2025-04-10\treport\t-\t区教育局（张三）\tin_progress 40% 选派教师=20名 "
                                     "[临教〔2025〕12号]\t已选派教师\t(superseded by #5)\n"));
  EXPECT_THAT(history.out,
              HasSubstr("#5\t2025-04-15\treport\t-\t区教育局\tin_progress 45% 选派教师=2名 corrects #4\t\n"));
  EXPECT_THAT(history.out,
              HasSubstr("state: closure open; due 2025-10-31; latest report #5 2025-04-15 in_progress 45%\n"));

  // As of a day between the two, the first report stands.
  const Outcome then = duban({"history", "--db", db, "--task", "5", "--as-of", "2025-04-12"});
  ASSERT_EQ(then.status, 0) << then.err;
  EXPECT_THAT(then.out, Not(HasSubstr("#5")));
  EXPECT_THAT(then.out, Not(HasSubstr("superseded")));
  EXPECT_THAT(then.out, HasSubstr("latest report #4 2025-04-10 in_progress 40%"));

  const Outcome json = duban({"history", "--db", db, "--task", "3", "--period", "2025-03", "--json"});
  ASSERT_EQ(json.status, 0) << json.err;
  EXPECT_THAT(json.out, HasSubstr("\"instance\": \"3@2025-03\""));
  EXPECT_THAT(json.out, HasSubstr("\"kind\": \"report\""));
  EXPECT_THAT(json.out, HasSubstr("\"status\": \"done\""));
  EXPECT_THAT(json.out, HasSubstr("\"original_due\": \"2025-03-10\""));
}

TEST_F(ReportCliTest, RefusalsAndMistakesSayWhat) {
  const Outcome refused = add({"--task", "9", "--unit", "区财政局", "--date", "2025-04-10", "--status", "done"});
  EXPECT_EQ(refused.status, 1);
  EXPECT_EQ(refused.err,
            "duban: error: report: refused: 区财政局 may not report on task '9' (推进园区共建): a unit may report only "
            "on tasks where it holds a role, directly or through its groups\n");
  const Outcome status = add({"--task", "5", "--unit", "区教育局", "--status", "finished"});
  EXPECT_EQ(status.status, 2);
  EXPECT_THAT(status.err, HasSubstr("unknown status 'finished' (not_started, in_progress, done, blocked)"));
  const Outcome value = add({"--task", "5", "--unit", "区教育局", "--status", "done", "--value", "两名"});
  EXPECT_EQ(value.status, 1);
  EXPECT_THAT(value.err, HasSubstr("indicator '两名': no '='"));
  const Outcome task = add({"--task", "55", "--unit", "区教育局", "--status", "done"});
  EXPECT_EQ(task.status, 1);
  EXPECT_EQ(task.err, "duban: error: --task: plan 1 has no task '55' (see `duban tasks --db DB`)\n");
  const Outcome unit = add({"--task", "5", "--unit", "区不存在局", "--status", "done"});
  EXPECT_EQ(unit.status, 1);
  EXPECT_EQ(unit.err, "duban: error: --unit: unknown unit '区不存在局' (see `duban units --db DB`)\n");
  const Outcome date = add({"--task", "5", "--unit", "区教育局", "--status", "done", "--date", "2025-13-01"});
  EXPECT_EQ(date.status, 2);
  // Nothing of that was written.
  const Outcome verify = duban({"verify", "--db", db});
  EXPECT_THAT(verify.out, HasSubstr(": intact: 3 events, sm3, head "));
  const Outcome missing =
      duban({"report", "add", "--db", dir.file("nope.db"), "--task", "5", "--unit", "区教育局", "--status", "done"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_THAT(missing.err, HasSubstr("does not exist"));
}

TEST_F(ReportCliTest, ImportACsvBatchWholeOrNotAtAll) {
  const std::string good = write("april.csv",
                                 "task,period,unit,date,status,percent,values,evidence\n"
                                 "5,,区教育局,2025-04-10,in_progress,40,选派教师=2名,名单.pdf\n"
                                 "3,2025-04,区合作交流办,2025-04-09,done,,,\n");
  const Outcome ok = duban({"report", "import", good, "--db", db});
  ASSERT_EQ(ok.status, 0) << ok.err;
  EXPECT_EQ(ok.out, "imported 2 reports from " + good + " (events 4–5)\n");

  const std::string bad = write("may.csv",
                                "task,unit,date,status,percent\n"
                                "5,区教育局,2025-05-10,in_progress,50\n"
                                "9,区财政局,2025-05-10,in_progress,50\n"
                                "5,区教育局,2025-05-32,in_progress,50\n");
  const Outcome rejected = duban({"report", "import", bad, "--db", db});
  EXPECT_EQ(rejected.status, 1);
  EXPECT_EQ(rejected.err,
            "duban: error: the batch is rejected; nothing was written: 2 problems\n"
            "  " +
                bad +
                ":3: refused: 区财政局 may not report on task '9' (推进园区共建): a unit may report only on "
                "tasks where it holds a role, directly or through its groups\n"
                "  " +
                bad + ":4: column 'date': date '2025-05-32' does not exist\n");
  EXPECT_THAT(duban({"verify", "--db", db}).out, HasSubstr("intact: 5 events"));
  const Outcome none = duban({"report", "import", dir.file("none.csv"), "--db", db});
  EXPECT_EQ(none.status, 1);
  EXPECT_EQ(none.err, "duban: error: cannot read '" + dir.file("none.csv") + "'\n");
}

TEST_F(ReportCliTest, CloseReturnResubmitApprove) {
  ASSERT_EQ(add({"--task", "7", "--unit", "区财政局", "--date", "2025-06-20", "--status", "done"}).status, 0);
  const Outcome submit = duban({"close", "submit", "--db", db, "--task", "7", "--unit", "区财政局", "--date",
                                "2025-06-25", "--evidence", "临财〔2025〕8号"});
  ASSERT_EQ(submit.status, 0) << submit.err;
  EXPECT_EQ(submit.out, "event 5: task 7 (落实财政帮扶资金) submitted for closure by 区财政局 on 2025-06-25\n");
  const Outcome not_office =
      duban({"close", "approve", "--db", db, "--task", "7", "--unit", "区财政局", "--date", "2025-06-26"});
  EXPECT_EQ(not_office.status, 1);
  EXPECT_EQ(not_office.err,
            "duban: error: refused: 区财政局 may not approve the closure of task '7' (落实财政帮扶资金): only the "
            "coordinating office (区合作交流办) may approve closures\n");
  const Outcome back = duban({"close", "return", "--db", db, "--task", "7", "--unit", "区合作交流办", "--date",
                              "2025-06-27", "--reason", "缺少资金拨付凭证"});
  ASSERT_EQ(back.status, 0) << back.err;
  EXPECT_EQ(back.out, "event 6: task 7 (落实财政帮扶资金) returned (退回) by 区合作交流办 on 2025-06-27\n");
  const Outcome nothing = duban({"close", "approve", "--db", db, "--task", "7", "--unit", "区合作交流办"});
  EXPECT_EQ(nothing.status, 1);
  EXPECT_EQ(nothing.err,
            "duban: error: task 7 (落实财政帮扶资金) has no submission waiting for a decision (closure "
            "returned)\n");
  ASSERT_EQ(duban({"close", "submit", "--db", db, "--task", "7", "--unit", "区财政局", "--date", "2025-07-08",
                   "--evidence", "凭证.pdf"})
                .status,
            0);
  const Outcome approve =
      duban({"close", "approve", "--db", db, "--event", "7", "--unit", "区合作交流办", "--date", "2025-07-10"});
  ASSERT_EQ(approve.status, 0) << approve.err;
  EXPECT_EQ(approve.out, "event 8: task 7 (落实财政帮扶资金) closed (办结) by 区合作交流办 on 2025-07-10\n");
  const Outcome history = duban({"history", "--db", db, "--task", "7"});
  EXPECT_THAT(history.out, HasSubstr("#6\t2025-06-27\tclosure_returned\t-\t区合作交流办\ton #5\t缺少资金拨付凭证\n"));
  EXPECT_THAT(history.out, HasSubstr("state: closure closed (submitted 2025-07-08) (closed 2025-07-10)"));
  const Outcome json = duban({"history", "--db", db, "--task", "7", "--json"});
  EXPECT_THAT(json.out, HasSubstr("\"submission\": 7,\n    \"submitted_by\": \"区财政局\""));
}

TEST_F(ReportCliTest, ExtendRequestApproveRefuse) {
  const Outcome request = duban({"extend", "request", "--db", db, "--task", "10", "--unit", "区投资促进办", "--date",
                                 "2025-09-15", "--until", "2025-10-31", "--reason", "档期调整"});
  ASSERT_EQ(request.status, 0) << request.err;
  EXPECT_EQ(request.out,
            "event 4: task 10 (举办招商推介活动) extension to 2025-10-31 requested by 区投资促进办 on 2025-09-15\n");
  const Outcome approve =
      duban({"extend", "approve", "--db", db, "--task", "10", "--unit", "区合作交流办", "--date", "2025-09-18"});
  ASSERT_EQ(approve.status, 0) << approve.err;
  EXPECT_EQ(approve.out, "event 5: task 10 (举办招商推介活动) extension approved by 区合作交流办 on 2025-09-18\n");
  EXPECT_THAT(duban({"history", "--db", db, "--task", "10"}).out, HasSubstr("due 2025-09-30, extended to 2025-10-31"));
  const Outcome late = duban({"extend", "request", "--db", db, "--task", "10", "--unit", "区投资促进办", "--date",
                              "2025-11-03", "--until", "2025-11-30", "--reason", "再延"});
  EXPECT_EQ(late.status, 1);
  EXPECT_EQ(late.err,
            "duban: error: an extension is requested on or before the due date: task '10' (举办招商推介活动) "
            "was due 2025-10-31, the request is dated 2025-11-03\n");
  const Outcome refuse_without_reason =
      duban({"extend", "refuse", "--db", db, "--task", "10", "--unit", "区合作交流办"});
  EXPECT_EQ(refuse_without_reason.status, 2);
}

TEST_F(ReportCliTest, TheCoordinatorHandsTheRoleOnItself) {
  EXPECT_EQ(duban({"coordinator", "--db", db}).out, "区合作交流办\n");
  const Outcome anonymous = duban({"coordinator", "--db", db, "--set", "区委办"});
  EXPECT_EQ(anonymous.status, 2);
  EXPECT_THAT(anonymous.err, HasSubstr("the coordinating office is '区合作交流办'; name it with --unit"));
  const Outcome other = duban({"coordinator", "--db", db, "--set", "区委办", "--unit", "区教育局"});
  EXPECT_EQ(other.status, 1);
  EXPECT_EQ(other.err,
            "duban: error: refused: 区教育局 may not set the coordinating office: only the coordinating "
            "office (区合作交流办) may hand the role on\n");
  const Outcome handed = duban({"coordinator", "--db", db, "--set", "区委办", "--unit", "区合作交流办"});
  ASSERT_EQ(handed.status, 0) << handed.err;
  EXPECT_EQ(handed.out, "区委办\n");
}

TEST_F(ReportCliTest, VerifyNamesTheTamperedEvent) {
  ASSERT_EQ(
      add({"--task", "5", "--unit", "区教育局", "--date", "2025-04-10", "--status", "in_progress", "--percent", "40"})
          .status,
      0);
  const Outcome intact = duban({"verify", "--db", db});
  EXPECT_EQ(intact.status, 0);
  EXPECT_THAT(intact.out, StartsWith(db + ": intact: 4 events, sm3, head "));
  const Outcome json = duban({"verify", "--db", db, "--json"});
  EXPECT_THAT(json.out, HasSubstr("\"intact\": true"));
  EXPECT_THAT(json.out, HasSubstr("\"algorithm\": \"sm3\""));

  sql(db, "UPDATE events SET percent = 90 WHERE seq = 4");
  const Outcome altered = duban({"verify", "--db", db});
  EXPECT_EQ(altered.status, 3);
  EXPECT_EQ(altered.out, db + ": event 4 was altered: its content no longer matches its hash\n");
  const Outcome altered_json = duban({"verify", "--db", db, "--json"});
  EXPECT_EQ(altered_json.status, 3);
  EXPECT_THAT(altered_json.out, HasSubstr("\"finding\": \"altered\""));
  EXPECT_THAT(altered_json.out, HasSubstr("\"event\": 4"));
}

TEST(ReportCliDemoTest, TheDemoRecordsAYearOfHistory) {
  TempDir dir;
  const std::string db = dir.file("demo.db");
  for (int round = 0; round < 2; ++round) {  // a second run keeps the history
    const Outcome demo = duban({"demo", "--db", db});
    ASSERT_EQ(demo.status, 0) << demo.err;
    EXPECT_THAT(demo.out, HasSubstr("== Progress ledger（进展台账） ==\nCoordinating office: 区合作交流办\n"));
    EXPECT_THAT(demo.out, HasSubstr("Monthly reports (3@2025-01…12): 11 of 12 in; late: 3@2025-06; missing: "
                                    "3@2025-09\n"));
    EXPECT_THAT(demo.out, HasSubstr("1 closure returned (退回) and resubmitted, 1 extension approved (延期)"));
    EXPECT_THAT(demo.out, HasSubstr("Audit chain: intact: "));
    EXPECT_THAT(demo.out, HasSubstr("duban history --db " + db + " --task 7\n"));
  }
  const Outcome history = duban({"history", "--db", db, "--task", "7"});
  ASSERT_EQ(history.status, 0) << history.err;
  EXPECT_THAT(history.out, HasSubstr("\tclosure_returned\t-\t区合作交流办（督办员）\ton #"));
  EXPECT_THAT(history.out, HasSubstr("缺少资金拨付凭证，请补充后再报"));
  EXPECT_THAT(history.out, HasSubstr("state: closure closed (submitted 2025-07-08) (closed 2025-07-10)"));
  const Outcome verify = duban({"verify", "--db", db});
  EXPECT_EQ(verify.status, 0) << verify.out;
}

}  // namespace
}  // namespace duban::test
