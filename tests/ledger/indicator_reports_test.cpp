// Ledger::indicator_reports: the reports carrying indicator values that are
// in effect as of a date, for the whole plan in one query. It must give
// exactly what a history per task gives, kept to such reports: corrections
// known on the date supersede, later ones do not, reports after the date
// are left out, and values and evidence come back whole.
#include <gtest/gtest.h>

#include "ledger/report_support.hpp"

namespace duban {
namespace {

using report_testing::ExampleLedger;
using report_testing::expect_error;
using report_testing::kCadres;
using report_testing::kExperts;
using report_testing::kFunds;
using report_testing::kMonthly;
using report_testing::ymd;

class LedgerIndicatorReports : public ExampleLedger {
 protected:
  // What the per-task loop gave before: every task's history as of the
  // date, its reports with indicators and not superseded.
  std::vector<Event> per_task(const Ledger& ledger, Date as_of) const {
    std::vector<Event> out;
    const std::size_t n = ledger.load_plan(plan).tasks.size();
    for (std::size_t t = 1; t <= n; ++t) {
      for (const Event& e : ledger.history(plan, static_cast<TaskId>(t), {.as_of = as_of})) {
        if (e.kind == EventKind::report && !e.superseded_by && !e.indicators.empty()) out.push_back(e);
      }
    }
    return out;
  }

  static std::vector<EventId> ids(const std::vector<Event>& events) {
    std::vector<EventId> out;
    for (const Event& e : events) out.push_back(e.id);
    return out;
  }
};

TEST_F(LedgerIndicatorReports, TheSameAsAHistoryPerTask) {
  auto ledger = open();
  // Task 7 first, so that chain order and task order differ.
  Report funds = report(ledger, kFunds, "区财政局", ymd(2025, 3, 1), 30);
  funds.indicators = {{"财政帮扶资金", 1200, "万元"}};
  const EventId f = ledger.add_report(funds);
  Report wrong = report(ledger, kExperts, "区教育局", ymd(2025, 4, 10), 40);
  wrong.indicators = {{"选派教师", 20, "名"}, {"选派医生", 3, "名"}};
  wrong.evidence = {"临教〔2025〕12号"};
  const EventId a = ledger.add_report(wrong);
  Report fix = wrong;
  fix.date = ymd(2025, 4, 15);
  fix.indicators = {{"选派教师", 2, "名"}, {"选派医生", 3, "名"}};
  fix.evidence = {"临教〔2025〕15号", "名单.pdf"};
  fix.supersedes = a;
  const EventId b = ledger.add_report(fix);
  Report doctors = report(ledger, kExperts, "区卫生健康委", ymd(2025, 5, 1), 50);
  doctors.indicators = {{"选派医生", 4, "名"}};
  const EventId c = ledger.add_report(doctors);
  const EventId plain = ledger.add_report(report(ledger, kExperts, "区教育局", ymd(2025, 5, 20), 60));  // no values
  Report july = report(ledger, kExperts, "区教育局", ymd(2025, 7, 1), 80);
  july.indicators = {{"选派教师", 3, "名"}};
  const EventId d = ledger.add_report(july);  // after the June as-of date
  Report funds_fix = funds;
  funds_fix.date = ymd(2025, 7, 10);
  funds_fix.indicators = {{"财政帮扶资金", 1250, "万元"}};
  funds_fix.supersedes = f;
  const EventId g = ledger.add_report(funds_fix);  // corrects f only from July on
  Report monthly = report(ledger, kMonthly, "区合作交流办", ymd(2025, 3, 10), 100);
  monthly.item.instance = "3@2025-03";
  monthly.indicators = {{"简报", 1, "期"}};
  const EventId m = ledger.add_report(monthly);
  ledger.submit_closure(ItemRef{plan, kCadres, ""}, step(ledger, "区委组织部", ymd(2025, 6, 1), "", {"干部名单.pdf"}));
  (void)plain;

  const auto june = ledger.indicator_reports(plan, ymd(2025, 6, 30));
  EXPECT_EQ(june, per_task(ledger, ymd(2025, 6, 30)));
  // By task, then chain order: task 3's, task 5's (the correction, not what
  // it corrected; not July's), task 7's (its correction comes later).
  EXPECT_EQ(ids(june), (std::vector<EventId>{m, b, c, f}));
  ASSERT_EQ(june.size(), 4u);
  EXPECT_EQ(june[1].indicators, fix.indicators);
  EXPECT_EQ(june[1].evidence, fix.evidence);
  EXPECT_EQ(june[1].ref, a);
  EXPECT_EQ(june[2].evidence, std::vector<std::string>{});

  const auto later = ledger.indicator_reports(plan, ymd(2025, 7, 31));
  EXPECT_EQ(later, per_task(ledger, ymd(2025, 7, 31)));
  EXPECT_EQ(ids(later), (std::vector<EventId>{m, b, c, d, g}));

  const auto april = ledger.indicator_reports(plan, ymd(2025, 4, 12));
  EXPECT_EQ(april, per_task(ledger, ymd(2025, 4, 12)));
  EXPECT_EQ(ids(april), (std::vector<EventId>{m, a, f}));  // the correction is not known yet
  EXPECT_EQ(april[1].evidence, wrong.evidence);

  EXPECT_TRUE(ledger.indicator_reports(plan, ymd(2025, 2, 28)).empty());
  expect_error([&] { (void)ledger.indicator_reports(plan + 1, ymd(2025, 6, 30)); }, Errc::notfound);
}

}  // namespace
}  // namespace duban
