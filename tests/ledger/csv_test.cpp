// CSV batches of reports: the whole file is one transaction; every problem
// found is listed with its line, and any problem rejects the whole batch.
#include <gtest/gtest.h>

#include "ledger/report_support.hpp"

namespace duban {
namespace {

using report_testing::ExampleLedger;
using report_testing::expect_error;
using report_testing::kExperts;
using report_testing::kMonthly;
using report_testing::ymd;

using LedgerCsv = ExampleLedger;

TEST_F(LedgerCsv, ABatchImportsWithEveryField) {
  auto ledger = open();
  const std::string csv =
      "\xEF\xBB\xBF"
      "task,period,unit,date,status,percent,text,values,evidence,user\r\n"
      "5,,区教育局,2025-04-10,in_progress,40%,\"已选派教师2名，\"\"组团式\"\"帮扶\",选派教师=2名;财政帮扶资金=1200万元,"
      "临教〔2025〕12号；名单.pdf,张三\r\n"
      "\r\n"
      "3,2025-03,区合作交流办,2025-04-09,已完成,,\"三月月报\n（两行）\",,,\r\n"
      "5,,区卫生健康委,2025-04-11,推进中,35,,选派医生 = 2 名,,\r\n";
  const std::int64_t before = ledger.event_count();
  const auto ids = ledger.import_reports(csv, plan, "april.csv");
  ASSERT_EQ(ids.size(), 3U);
  EXPECT_EQ(ids[0], before + 1);

  const Event first = ledger.event(ids[0]);
  EXPECT_EQ(first.item, (ItemRef{plan, kExperts, ""}));
  EXPECT_EQ(first.actor, (Actor{unit(ledger, "区教育局"), "张三"}));
  EXPECT_EQ(first.date, ymd(2025, 4, 10));
  EXPECT_EQ(first.status, ReportStatus::in_progress);
  EXPECT_EQ(first.percent, 40.0);
  EXPECT_EQ(first.text, "已选派教师2名，\"组团式\"帮扶");
  EXPECT_EQ(first.indicators, (std::vector<Indicator>{{"选派教师", 2, "名"}, {"财政帮扶资金", 1200, "万元"}}));
  EXPECT_EQ(first.evidence, (std::vector<std::string>{"临教〔2025〕12号", "名单.pdf"}));

  const Event second = ledger.event(ids[1]);
  EXPECT_EQ(second.item, (ItemRef{plan, kMonthly, "3@2025-03"}));
  EXPECT_EQ(second.status, ReportStatus::done);
  EXPECT_EQ(second.percent, std::nullopt);
  EXPECT_EQ(second.text, "三月月报\n（两行）");
  EXPECT_EQ(ledger.event(ids[2]).indicators, (std::vector<Indicator>{{"选派医生", 2, "名"}}));

  // A correction through CSV, with Chinese column names.
  const std::string fix =
      "任务,单位,日期,状态,进度,更正\n5,区教育局,2025-04-12,推进中,45," + std::to_string(ids[0]) + "\n";
  const auto fixed = ledger.import_reports(fix, plan, "fix.csv");
  EXPECT_EQ(ledger.event(fixed[0]).ref, ids[0]);
  EXPECT_TRUE(ledger.verify().intact());
}

TEST_F(LedgerCsv, EveryProblemIsListedWithItsLineAndNothingIsWritten) {
  auto ledger = open();
  const std::string csv =
      "task,unit,date,status,percent,values\n"
      "5,区教育局,2025-04-10,in_progress,40,\n"          // line 2: fine
      "55,区教育局,2025-04-10,in_progress,40,\n"         // line 3: no task 55
      "5,区不存在局,2025-04-10,in_progress,40,\n"        // line 4: unknown unit
      "5,区教育局,2025-04-31,in_progress,40,\n"          // line 5: no such day
      "5,区教育局,2025-04-10,finished,40,\n"             // line 6: unknown status
      "5,区教育局,2025-04-10,in_progress,四十,\n"        // line 7: not a number
      "5,区教育局,2025-04-10,in_progress,40,选派教师\n"  // line 8: bad indicator
      "9,区财政局,2025-04-10,in_progress,40,\n"          // line 9: no role
      "5,区教育局,2025-04-10,in_progress,140,\n";        // line 10: percent, found while writing
  const std::int64_t before = ledger.event_count();
  const Error e = expect_error([&] { ledger.import_reports(csv, plan, "april.csv"); }, Errc::inval);
  EXPECT_EQ(std::string(e.what()),
            "the batch is rejected; nothing was written: 7 problems\n"
            "  april.csv:3: plan 1 has no task '55'\n"
            "  april.csv:4: unknown unit '区不存在局'\n"
            "  april.csv:5: column 'date': date '2025-04-31' does not exist\n"
            "  april.csv:6: column 'status': unknown status 'finished' (not_started, in_progress, done, blocked)\n"
            "  april.csv:7: column 'percent': '四十' is not a number\n"
            "  april.csv:8: column 'values': indicator '选派教师': no '=' (write METRIC=VALUE[UNIT], e.g. "
            "选派教师=2名)\n"
            "  april.csv:9: refused: 区财政局 may not report on task '9' (推进园区共建): a unit may report only on "
            "tasks where it holds a role, directly or through its groups");
  EXPECT_EQ(ledger.event_count(), before);

  // With those fixed, the rule found while writing still rejects the batch.
  const std::string later =
      "task,unit,date,status,percent\n"
      "5,区教育局,2025-04-10,in_progress,40\n"
      "5,区教育局,2025-04-10,in_progress,140\n";
  const Error w = expect_error([&] { ledger.import_reports(later, plan, "april.csv"); }, Errc::inval);
  EXPECT_EQ(std::string(w.what()),
            "the batch is rejected; nothing was written: april.csv:3: percent 140 is outside 0..100");
  EXPECT_EQ(ledger.event_count(), before);
}

TEST_F(LedgerCsv, BadFilesAreRefusedWhole) {
  auto ledger = open();
  const auto fails = [&](const std::string& csv, Errc code, const std::string& message) {
    const Error e = expect_error([&] { ledger.import_reports(csv, plan, "x.csv"); }, code);
    EXPECT_EQ(std::string(e.what()), message);
  };
  fails("", Errc::inval, "x.csv: no header row and no reports");
  fails("task,unit,date,colour\n", Errc::inval,
        "the batch is rejected; nothing was written: 2 problems\n"
        "  x.csv:1: unknown column 'colour' (task, instance, period, unit, date, status, percent, text, values, "
        "evidence, user, supersedes)\n"
        "  x.csv:1: the column status is missing");
  fails("task,unit,date,status\n5,区教育局,2025-04-10,\"in_progress\n", Errc::parse,
        "x.csv:2: a quoted field is never closed");
  fails("task,unit,date,status\n5,\xB6\xBD\xD3\xFD,2025-04-10,done\n", Errc::encoding,
        "x.csv:2: not UTF-8 (byte 24); save the file as UTF-8");
  fails("task,unit,date,status\n5,区教育局,2025-04-10,done,extra\n", Errc::inval,
        "the batch is rejected; nothing was written: 1 problem\n"
        "  x.csv:2: the row has 5 cells, the header 4");
  const Error nf = expect_error([&] { ledger.import_reports("task,unit,date,status\n", 9, "x.csv"); }, Errc::notfound);
  EXPECT_EQ(std::string(nf.what()), "ledger '" + path + "' has no plan 9");
  // A header alone is an empty batch.
  EXPECT_TRUE(ledger.import_reports("task,unit,date,status\n", plan, "x.csv").empty());
}

}  // namespace
}  // namespace duban
