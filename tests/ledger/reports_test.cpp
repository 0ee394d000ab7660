// Reports: what is stored comes back exactly; bad reports are refused with
// a message saying what and where, and nothing is written; corrections
// supersede from their date on; the state on any past date is rebuilt.
#include <gtest/gtest.h>

#include <cmath>

#include "ledger/report_support.hpp"

namespace duban {
namespace {

using report_testing::ExampleLedger;
using report_testing::expect_error;
using report_testing::kCadres;
using report_testing::kExperts;
using report_testing::kMonthly;
using report_testing::kParks;
using report_testing::kSocial;
using report_testing::ymd;

using LedgerReports = ExampleLedger;

TEST(LedgerReportNames, StatusesKindsAndIndicators) {
  EXPECT_EQ(to_string(ReportStatus::in_progress), "in_progress");
  EXPECT_EQ(report_status_from_string("blocked"), ReportStatus::blocked);
  EXPECT_EQ(report_status_from_string("已完成"), ReportStatus::done);
  EXPECT_EQ(report_status_from_string("推进中"), ReportStatus::in_progress);
  EXPECT_EQ(report_status_from_string("finished"), std::nullopt);
  EXPECT_EQ(to_string(EventKind::closure_returned), "closure_returned");
  EXPECT_EQ(event_kind_from_string("extension_requested"), EventKind::extension_requested);
  EXPECT_EQ(to_string(HashAlgorithm::sm3), "sm3");
  EXPECT_EQ(hash_algorithm_from_string("sha256"), HashAlgorithm::sha256);
  EXPECT_EQ(hash_algorithm_from_string("md5"), std::nullopt);

  EXPECT_EQ(parse_indicator("选派教师=2名"), (Indicator{"选派教师", 2, "名"}));
  EXPECT_EQ(parse_indicator(" 财政帮扶资金 ＝ 1200.5 万元 "), (Indicator{"财政帮扶资金", 1200.5, "万元"}));
  EXPECT_EQ(parse_indicator("能耗=-3.5%"), (Indicator{"能耗", -3.5, "%"}));
  EXPECT_EQ(parse_indicator("企业=5"), (Indicator{"企业", 5, ""}));
  EXPECT_EQ(to_string(Indicator{"财政帮扶资金", 1200.5, "万元"}), "财政帮扶资金=1200.5万元");
  const Error none = expect_error([] { (void)parse_indicator("选派教师"); }, Errc::parse);
  EXPECT_EQ(std::string(none.what()), "indicator '选派教师': no '=' (write METRIC=VALUE[UNIT], e.g. 选派教师=2名)");
  const Error nan = expect_error([] { (void)parse_indicator("选派教师=两名"); }, Errc::parse);
  EXPECT_EQ(std::string(nan.what()),
            "indicator '选派教师=两名': no number after '=' (write METRIC=VALUE[UNIT], e.g. 选派教师=2名)");
  expect_error([] { (void)parse_indicator("=2名"); }, Errc::parse);
}

TEST_F(LedgerReports, AReportComesBackExactly) {
  auto ledger = open();
  Report r = report(ledger, kExperts, "区教育局", ymd(2025, 4, 10), 40, "已选派教师2名；\n\"组团式\"帮扶启动");
  r.actor.user = "张三";
  r.indicators = {{"选派教师", 2, "名"}, {"财政帮扶资金", 1200.5, "万元"}};
  r.evidence = {"临教〔2025〕12号", "名单.pdf"};
  const std::int64_t before = ledger.event_count();
  const EventId id = ledger.add_report(r);
  EXPECT_EQ(id, before + 1);
  EXPECT_EQ(ledger.event_count(), before + 1);

  const Event e = ledger.event(id);
  EXPECT_EQ(e.id, id);
  EXPECT_EQ(e.kind, EventKind::report);
  EXPECT_EQ(e.item, (ItemRef{plan, kExperts, ""}));
  EXPECT_EQ(e.task_key, "5");
  EXPECT_EQ(e.actor, r.actor);
  EXPECT_EQ(e.date, ymd(2025, 4, 10));
  EXPECT_EQ(e.status, ReportStatus::in_progress);
  EXPECT_EQ(e.percent, 40.0);
  EXPECT_EQ(e.text, r.narrative);
  EXPECT_EQ(e.indicators, r.indicators);
  EXPECT_EQ(e.evidence, r.evidence);
  EXPECT_EQ(e.ref, std::nullopt);
  // UTC, to the millisecond.
  ASSERT_EQ(e.recorded.size(), 24U) << e.recorded;
  EXPECT_EQ(e.recorded[10], 'T');
  EXPECT_EQ(e.recorded.back(), 'Z');

  // The same from another connection, after reopening.
  ledger.close();
  auto reader = Ledger::open(path, {.read_only = true});
  EXPECT_EQ(reader.event(id), e);
  const Error nf = expect_error([&] { (void)reader.event(id + 100); }, Errc::notfound);
  EXPECT_EQ(std::string(nf.what()), "ledger '" + path + "' has no event " + std::to_string(id + 100));
  const Error ro = expect_error([&] { reader.add_report(r); }, Errc::misuse);
  EXPECT_EQ(std::string(ro.what()), "ledger '" + path + "' is open read-only: cannot add a report");
}

TEST_F(LedgerReports, ABatchIsWrittenWholeOrNotAtAll) {
  auto ledger = open();
  std::vector<Report> batch;
  for (int m = 3; m <= 8; ++m) {
    batch.push_back(report(ledger, kParks, "区商务委", ymd(2025, static_cast<unsigned>(m), 28), m * 10.0));
  }
  const std::int64_t before = ledger.event_count();
  const auto ids = ledger.add_reports(batch);
  ASSERT_EQ(ids.size(), 6U);
  EXPECT_EQ(ids.front(), before + 1);
  EXPECT_EQ(ids.back(), before + 6);

  // One bad report in the middle: none of the batch is written.
  std::vector<Report> bad = batch;
  bad[4].percent = 120;
  const Error e = expect_error([&] { ledger.add_reports(bad); }, Errc::inval);
  EXPECT_EQ(std::string(e.what()), "reports[4]: percent 120 is outside 0..100");
  EXPECT_EQ(ledger.event_count(), before + 6);
  EXPECT_TRUE(ledger.verify().intact());
  EXPECT_TRUE(ledger.add_reports({}).empty());
}

TEST_F(LedgerReports, BadReportsSayWhatAndWhere) {
  auto ledger = open();
  const std::int64_t before = ledger.event_count();
  const auto fails = [&](Report r, Errc code, const std::string& message) {
    const Error e = expect_error([&] { ledger.add_report(r); }, code);
    EXPECT_EQ(std::string(e.what()), message);
  };
  const Report good = report(ledger, kExperts, "区教育局", ymd(2025, 4, 10), 40);

  Report r = good;
  r.item.plan = 9;
  fails(r, Errc::notfound, "report: ledger '" + path + "' has no plan 9");
  r = good;
  r.item.task = 99;
  fails(r, Errc::notfound, "report: plan 1 has no task 99 (it has 18)");
  r = good;
  r.item.instance = "5@2025-03";
  fails(r, Errc::notfound, "report: task '5' is not a recurring task: it has no instances");
  r = good;
  r.percent = -1;
  fails(r, Errc::inval, "report: percent -1 is outside 0..100");
  r.percent = std::nan("");
  fails(r, Errc::inval, "report: percent nan is outside 0..100");
  r = good;
  r.date = ymd(2025, 2, 30);
  fails(r, Errc::range, "report: the report's date is not a date a ledger can hold (years 1 to 9999, days that exist)");
  r = good;
  r.status = static_cast<ReportStatus>(7);
  fails(r, Errc::inval, "report: unknown report status 7");
  r = good;
  r.indicators = {{"", 2, "名"}};
  fails(r, Errc::inval, "report: indicator 1 has no metric");
  r = good;
  r.indicators = {{"选派教师", INFINITY, "名"}};
  fails(r, Errc::inval, "report: indicator 1 ('选派教师') has no finite value");
  r = good;
  r.evidence = {"名单.pdf", ""};
  fails(r, Errc::inval, "report: an evidence reference is empty");
  r = good;
  r.narrative = "bad \xFF byte";
  fails(r, Errc::encoding, "report: the narrative is not UTF-8 (byte 4)");
  r = good;
  r.actor.unit = 0;
  fails(r, Errc::inval,
        "report: no unit is given to report on task '5' (选派专业技术人才) (the acting unit is required)");
  r = good;
  r.actor.unit = 999;
  fails(r, Errc::inval, "report: unit 999 is not in the directory");
  EXPECT_EQ(ledger.event_count(), before);
}

TEST_F(LedgerReports, InstancesOfARecurringTask) {
  auto ledger = open();
  Report r = report(ledger, kMonthly, "区合作交流办", ymd(2025, 4, 9), 100);
  r.item.instance = "3@2025-03";
  ledger.add_report(r);
  // A member of 领导小组成员单位 holds a role through the group.
  Report member = report(ledger, kMonthly, "区教育局", ymd(2025, 4, 8), 100);
  member.item.instance = "3@2025-03";
  ledger.add_report(member);

  r.item.instance = "3@2024-12";
  const Error other_year = expect_error([&] { ledger.add_report(r); }, Errc::notfound);
  EXPECT_EQ(std::string(other_year.what()), "report: task '3' has no instance '3@2024-12' in 2025");
  r.item.instance = "4@2025-03";
  const Error other_task = expect_error([&] { ledger.add_report(r); }, Errc::notfound);
  EXPECT_EQ(std::string(other_task.what()),
            "report: instance '4@2025-03' is not one of task '3''s (they are named '3@PERIOD')");

  const ItemState st = ledger.state(ItemRef{plan, kMonthly, "3@2025-03"});
  ASSERT_EQ(st.reports.size(), 2U);
  // By date: the member's report came first.
  EXPECT_EQ(st.reports[0].unit, unit(ledger, "区教育局"));
  EXPECT_FALSE(st.reports[0].counts);  // a member reports its share
  EXPECT_TRUE(st.reports[1].counts);   // the lead speaks for the instance
  EXPECT_EQ(st.latest, 1U);
  // Due on the 10th; 2025-03-10 is a Monday.
  EXPECT_EQ(st.original_due, ymd(2025, 3, 10));
  EXPECT_EQ(st.current_due, ymd(2025, 3, 10));
  // The task itself has no events of its own.
  EXPECT_TRUE(ledger.state(ItemRef{plan, kMonthly, ""}).reports.empty());
  EXPECT_EQ(ledger.history(plan, kMonthly).size(), 2U);
  EXPECT_EQ(ledger.history(plan, kMonthly, {.instance = ""}).size(), 0U);
}

TEST_F(LedgerReports, ACorrectionSupersedesFromItsDateOn) {
  auto ledger = open();
  Report first = report(ledger, kExperts, "区教育局", ymd(2025, 4, 10), 40);
  first.indicators = {{"选派教师", 20, "名"}};
  const EventId wrong = ledger.add_report(first);

  Report fix = first;
  fix.date = ymd(2025, 4, 15);
  fix.indicators = {{"选派教师", 2, "名"}};
  fix.narrative = "更正：选派教师2名（原填20名有误）";
  fix.supersedes = wrong;
  const EventId corrected = ledger.add_report(fix);

  // Before the correction's date the first report stood; from it on, the fix.
  const ItemState april12 = ledger.state(ItemRef{plan, kExperts, ""}, ymd(2025, 4, 12));
  ASSERT_EQ(april12.reports.size(), 1U);
  EXPECT_EQ(april12.reports[0].id, wrong);
  const ItemState april15 = ledger.state(ItemRef{plan, kExperts, ""}, ymd(2025, 4, 15));
  ASSERT_EQ(april15.reports.size(), 1U);
  EXPECT_EQ(april15.reports[0].id, corrected);
  EXPECT_TRUE(ledger.state(ItemRef{plan, kExperts, ""}, ymd(2025, 4, 9)).reports.empty());

  const auto then = ledger.history(plan, kExperts, {.as_of = ymd(2025, 4, 12)});
  ASSERT_EQ(then.size(), 1U);
  EXPECT_EQ(then[0].superseded_by, std::nullopt);
  const auto now = ledger.history(plan, kExperts);
  ASSERT_EQ(now.size(), 2U);
  EXPECT_EQ(now[0].superseded_by, corrected);
  EXPECT_EQ(now[1].ref, wrong);
  // Nothing was changed in place: the first report is still there as written.
  EXPECT_EQ(now[0].indicators, first.indicators);

  // A report is corrected once; the correction can be corrected in turn.
  const Error twice = expect_error([&] { ledger.add_report(fix); }, Errc::inval);
  EXPECT_EQ(std::string(twice.what()), "report: report " + std::to_string(wrong) + " was already corrected by report " +
                                           std::to_string(corrected) + "; correct that one");
  Report earlier = fix;
  earlier.supersedes = corrected;
  earlier.date = ymd(2025, 4, 14);
  const Error backdated = expect_error([&] { ledger.add_report(earlier); }, Errc::inval);
  EXPECT_EQ(std::string(backdated.what()),
            "report: a correction is dated no earlier than the report it corrects "
            "(report " +
                std::to_string(corrected) + " is dated 2025-04-15)");
  Report elsewhere = report(ledger, kParks, "区商务委", ymd(2025, 5, 1), 10);
  elsewhere.supersedes = corrected;
  const Error item = expect_error([&] { ledger.add_report(elsewhere); }, Errc::inval);
  EXPECT_EQ(std::string(item.what()),
            "report: report " + std::to_string(corrected) + " is about another item than task '9' (推进园区共建)");
  Report not_a_report = fix;
  not_a_report.supersedes = 1;  // the plan's import
  const Error kind = expect_error([&] { ledger.add_report(not_a_report); }, Errc::inval);
  EXPECT_EQ(std::string(kind.what()), "report: event 1 is not a report and cannot be corrected");

  // Another lead of the task may not correct 区教育局's report; the office may.
  Report other = fix;
  other.supersedes = corrected;
  other.date = ymd(2025, 4, 20);
  other.actor = Actor{unit(ledger, "区卫生健康委"), ""};
  const Error who = expect_error([&] { ledger.add_report(other); }, Errc::perm);
  EXPECT_EQ(std::string(who.what()), "report: refused: 区卫生健康委 may not correct report " +
                                         std::to_string(corrected) +
                                         ": only the unit that made a report, or the coordinating office, may "
                                         "correct it");
}

TEST_F(LedgerReports, StatesOfAPlanAsOfPastDates) {
  auto ledger = open();
  ledger.add_report(report(ledger, kCadres, "区委组织部", ymd(2025, 4, 30), 40));
  ledger.add_report(report(ledger, kCadres, "区委组织部", ymd(2025, 5, 30), 80));
  ledger.add_report(report(ledger, kCadres, "前方工作机构", ymd(2025, 5, 31), 100));  // support: its share
  ledger.add_report(report(ledger, kSocial, "北站街道", ymd(2025, 5, 2), 30));        // through 各街镇
  ledger.add_report(report(ledger, kParks, "区商务委", ymd(2025, 7, 1), 50));

  EXPECT_TRUE(ledger.states(plan, ymd(2025, 4, 29)).empty());
  const auto may = ledger.states(plan, ymd(2025, 5, 15));
  ASSERT_EQ(may.size(), 2U);
  EXPECT_EQ(may[0].item.task, kCadres);
  EXPECT_EQ(may[0].reports.size(), 1U);
  EXPECT_EQ(may[0].reports[*may[0].latest].percent, 40.0);
  EXPECT_EQ(may[1].item.task, kSocial);
  // 北站街道 supports task 8 through 各街镇; 区合作交流办 leads it.
  EXPECT_FALSE(may[1].reports[0].counts);
  EXPECT_EQ(may[1].latest, std::nullopt);
  EXPECT_EQ(may[1].original_due, std::nullopt);  // 持续推进

  const auto june = ledger.states(plan, ymd(2025, 6, 1));
  ASSERT_EQ(june.size(), 2U);
  ASSERT_EQ(june[0].reports.size(), 3U);
  EXPECT_EQ(june[0].reports[*june[0].latest].percent, 80.0);
  EXPECT_EQ(june[0].original_due, ymd(2025, 6, 30));
  EXPECT_EQ(ledger.states(plan, ymd(2025, 12, 31)).size(), 3U);
  const Error nf = expect_error([&] { (void)ledger.states(7, ymd(2025, 1, 1)); }, Errc::notfound);
  EXPECT_EQ(std::string(nf.what()), "ledger '" + path + "' has no plan 7");
}

TEST_F(LedgerReports, ReplacingAPlanKeepsHistoryOnlyWhenTasksStay) {
  auto ledger = open();
  ledger.add_report(report(ledger, kParks, "区商务委", ymd(2025, 7, 1), 50));
  // The same plan again: the tasks with history stay where they were.
  EXPECT_EQ(ledger.import_plan(report_testing::example_file(), IfExists::replace), plan);
  EXPECT_EQ(ledger.history(plan, kParks).size(), 1U);

  PlanFile moved = report_testing::example_file();
  std::swap(moved.plan.tasks[8], moved.plan.tasks[9]);
  const std::int64_t before = ledger.event_count();
  const Error e = expect_error([&] { ledger.import_plan(moved, IfExists::replace); }, Errc::inval);
  EXPECT_EQ(std::string(e.what()),
            "ledger '" + path +
                "': cannot replace plan 1 '2025年临江区东西部协作和对口支援工作要点' for 2025 "
                "(临合组办〔2025〕2号): it has progress history on task '9' (position 9), which the new plan moves "
                "or drops; keep the tasks that have history in their places");
  EXPECT_EQ(ledger.event_count(), before);
  EXPECT_EQ(ledger.load_plan(plan).tasks[8].key, "9");
}

TEST_F(LedgerReports, AUnitWithHistoryStaysInTheDirectory) {
  auto ledger = open();
  const EventId id = ledger.add_report(report(ledger, kSocial, "北站街道", ymd(2025, 5, 2), 30));
  Directory directory = ledger.load_directory();
  Directory without;
  for (const Unit& u : directory.units()) {
    if (u.name == "北站街道") continue;
    without.add(u);
  }
  const Error e = expect_error([&] { ledger.save_directory(without); }, Errc::inval);
  EXPECT_EQ(std::string(e.what()),
            "ledger '" + path + "': cannot remove unit '北站街道' (id " + std::to_string(unit(ledger, "北站街道")) +
                ") from the directory: the ledger's history names it (event " + std::to_string(id) + ", report)");
}

}  // namespace
}  // namespace duban
