// duban calendar load: calendar data kept in a ledger, the deadlines it
// moved, and the calendar and status commands following the ledger's
// calendar. The 2027 notice is made up (tests/data/calendar/README.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run.hpp"

namespace duban::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kData = std::string(DUBAN_SOURCE_DIR) + "/tests/data/calendar/";
const std::string kNotice = "测试用通知（虚构，非真实2027年安排）";

class CalendarLoadCli : public ::testing::Test {
 protected:
  void SetUp() override {
    db = dir.file("ledger.duban");
    const Outcome plan = duban({"plan", "load", kData + "plan-2027.json", "--db", db});
    ASSERT_EQ(plan.status, 0) << plan.err;
    const Outcome office = duban({"coordinator", "--db", db, "--set", "区合作交流办"});
    ASSERT_EQ(office.status, 0) << office.err;
  }

  Outcome load(const std::string& file, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"calendar", "load", kData + file, "--db", db};
    args.insert(args.end(), more.begin(), more.end());
    return duban(args);
  }

  TempDir dir;
  std::string db;
};

TEST_F(CalendarLoadCli, LoadingSaysWhatChangedAndWhichDeadlinesMoved) {
  const Outcome r = load("2027-test.json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("event 4: calendar data from 2027-test.json\n"
                                "years added: 2027\n"
                                "years replaced: none\n"
                                "days changed: 18\n"
                                "  2027-01-01 not worked: 元旦 (" +
                                kNotice + ")\n"));
  EXPECT_THAT(r.out, HasSubstr("  2027-10-09 worked: 调休上班 (" + kNotice + ")\n"));
  EXPECT_THAT(r.out, HasSubstr("deadlines moved: 6\n"
                               "  plan 1 2027年临江区东西部协作工作要点（测试用）:\n"
                               "    instance 3@2027-01 of task 3 建立月度报告制度: 2027-01-10 → 2027-01-11\n"
                               "    instance 3@2027-02 of task 3 建立月度报告制度: 2027-02-10 → 2027-02-15\n"));
  EXPECT_THAT(r.out, HasSubstr("    instance 3@2027-10 of task 3 建立月度报告制度: 2027-10-10 → 2027-10-11\n"
                               "    task 4 选派挂职干部: 2027-10-08 → 2027-10-09\n"));
  EXPECT_EQ(r.err, "");

  // The same file again: nothing changes, nothing is written.
  const Outcome again = load("2027-test.json");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(again.out,
            "no change: the ledger's calendar already holds the data of 2027-test.json\n"
            "years added: none\n"
            "years replaced: none\n"
            "days changed: 0\n"
            "no deadline moved\n");
  const Outcome verify = duban({"verify", "--db", db});
  EXPECT_EQ(verify.status, 0) << verify.err;
  EXPECT_THAT(verify.out, HasSubstr("intact: 4 events"));

  // A corrected notice moves task 4 back.
  const Outcome fix = load("2027-test-corrected.json");
  ASSERT_EQ(fix.status, 0) << fix.err;
  EXPECT_THAT(fix.out, HasSubstr("years replaced: 2027\n"
                                 "days changed: 1\n"
                                 "  2027-10-08 worked: weekday\n"
                                 "deadlines moved: 1\n"
                                 "  plan 1 2027年临江区东西部协作工作要点（测试用）:\n"
                                 "    task 4 选派挂职干部: 2027-10-09 → 2027-10-08\n"));
}

TEST_F(CalendarLoadCli, JsonForScripts) {
  const Outcome r = load("2027-local-test.json", {"--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("{\n  \"event\": 4,\n  \"years_added\": [],\n  \"years_replaced\": [],\n"));
  // Without 2027 data a closure on 2027-04-30 cannot move anything yet:
  // the due date stays provisional.
  EXPECT_THAT(r.out, HasSubstr("\"reason\": \"台风停工 (测试用区防汛防台指挥部通知（虚构）)\""));
  EXPECT_THAT(r.out, HasSubstr("\"moved\": []\n}\n"));
  const Outcome year = load("2027-test.json", {"--json"});
  ASSERT_EQ(year.status, 0) << year.err;
  EXPECT_THAT(year.out, HasSubstr("\"plan\": 1,\n      \"task\": 1,\n      \"key\": \"1\",\n      \"instance\": \"\",\n"
                                  "      \"title\": \"健全工作机制\",\n      \"before\": \"2027-04-30\",\n"
                                  "      \"after\": \"2027-05-06\""));
}

TEST_F(CalendarLoadCli, OnlyTheCoordinatingOfficeMayLoad) {
  const Outcome refused = load("2027-test.json", {"--actor", "区委组织部", "--user", "李四"});
  EXPECT_EQ(refused.status, 1);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(refused.err,
            "duban: error: refused: 区委组织部 (user '李四') may not load calendar data: only the coordinating office "
            "(区合作交流办) may change the calendar\n");
  const Outcome office = load("2027-test.json", {"--actor", "区合作交流办"});
  EXPECT_EQ(office.status, 0) << office.err;
  EXPECT_THAT(office.out, StartsWith("event 4: "));
  const Outcome unknown = load("2027-test.json", {"--actor", "区不存在局"});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_THAT(unknown.err, HasSubstr("区不存在局"));
}

TEST_F(CalendarLoadCli, CalendarAndStatusFollowTheLedgersCalendar) {
  // Before: 2027 is unknown to the ledger's calendar; status keeps the
  // plan's 2027 dates provisional, as stated.
  const Outcome unknown = duban({"calendar", "is-workday", "2027-10-08", "--db", db});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_THAT(unknown.err, StartsWith("duban: error: no published calendar for 2027"));
  const Outcome before = duban({"status", "--db", db, "--as-of", "2027-09-01"});
  ASSERT_EQ(before.status, 0) << before.err;
  EXPECT_THAT(before.out, HasSubstr("\t4\t2027-10-08\t2027-10-08\t选派挂职干部\tnot_yet_due(left=?); "
                                    "provisional_due(due=2027-10-08)\n"));

  ASSERT_EQ(load("2027-test.json").status, 0);
  EXPECT_EQ(duban({"calendar", "is-workday", "2027-10-08", "--db", db}).out, "no holiday 国庆·中秋\n");
  EXPECT_EQ(duban({"calendar", "add", "2027-10-07", "1", "--db", db}).out, "2027-10-09\n");
  EXPECT_EQ(duban({"calendar", "count", "2027-10-01", "2027-10-31", "--db", db}).out, "16\n");
  const Outcome month = duban({"calendar", "month", "2027-10", "--db", db});
  EXPECT_THAT(month.out, StartsWith("2027-10-01\tno\tholiday\t国庆·中秋\n"));
  // A --calendar file still adds to the ledger's calendar.
  EXPECT_EQ(duban({"calendar", "is-workday", "2027-04-30", "--db", db, "--calendar", kData + "2027-local-test.json"})
                .out,
            "no local_closure 台风停工\n");
  // Without --db the built-in calendar still answers as before.
  EXPECT_EQ(duban({"calendar", "is-workday", "2027-10-08"}).status, 1);

  const Outcome status = duban({"status", "--db", db, "--as-of", "2027-09-01"});
  ASSERT_EQ(status.status, 0) << status.err;
  EXPECT_THAT(status.out, HasSubstr("\t4\t2027-10-09\t2027-10-09\t选派挂职干部\tnot_yet_due(left=23)\n"));
  EXPECT_THAT(status.out, HasSubstr("\t3@2027-07\t2027-07-12\t2027-07-12\t建立月度报告制度\toverdue(late=37)\n"));
}

TEST_F(CalendarLoadCli, BadFilesAreErrorsNamingTheFile) {
  const Outcome missing = duban({"calendar", "load", dir.file("no.json"), "--db", db});
  EXPECT_EQ(missing.status, 1);
  EXPECT_THAT(missing.err, HasSubstr("no.json"));
  const Outcome plan = duban({"calendar", "load", kData + "plan-2027.json", "--db", db});
  EXPECT_EQ(plan.status, 1);
  EXPECT_THAT(plan.err, StartsWith("duban: error: "));
  EXPECT_THAT(plan.err, HasSubstr("plan-2027.json"));
  const Outcome no_db = duban({"calendar", "load", kData + "2027-test.json", "--db", dir.file("none.duban")});
  EXPECT_EQ(no_db.status, 1);
  EXPECT_EQ(duban({"calendar", "load", kData + "2027-test.json"}).status, 2);  // --db missing
}

}  // namespace
}  // namespace duban::test
