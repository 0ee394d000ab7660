// The progress engine reads its facts from the ledger: reports in effect,
// closures (a return reopens), extensions, each as known on the as-of date.
#include <gtest/gtest.h>

#include "duban/ledger_progress.hpp"
#include "ledger/report_support.hpp"

namespace duban {
namespace {

using report_testing::ExampleLedger;
using report_testing::kCadres;
using report_testing::kExchange;
using report_testing::kFunds;
using report_testing::kMonthly;
using report_testing::ymd;

class LedgerProgress : public ExampleLedger {
 protected:
  void SetUp() override {
    ExampleLedger::SetUp();
    auto ledger = open();
    // Monthly reports (due on the 10th): March on time, April late.
    Report march = report(ledger, kMonthly, "区合作交流办", ymd(2025, 3, 7), 0);
    march.item.instance = "3@2025-03";
    march.status = ReportStatus::done;
    march.percent.reset();
    ledger.add_report(march);
    Report april = march;
    april.item.instance = "3@2025-04";
    april.date = ymd(2025, 4, 16);
    ledger.add_report(april);
    // A member's monthly report does not speak for the instance.
    Report member = march;
    member.item.instance = "3@2025-05";
    member.actor = Actor{unit(ledger, "区教育局"), {}};
    ledger.add_report(member);

    // Task 7: 100 percent, submitted, returned, worked on, resubmitted, closed.
    ledger.add_report(report(ledger, kFunds, "区财政局", ymd(2025, 5, 31), 60));
    ledger.add_report(report(ledger, kFunds, "区财政局", ymd(2025, 6, 20), 100));
    const EventId first =
        ledger.submit_closure(ItemRef{plan, kFunds, ""}, step(ledger, "区财政局", ymd(2025, 6, 25), "", {"凭证"}));
    ledger.return_closure(first, step(ledger, "区合作交流办", ymd(2025, 6, 27), "缺少拨付凭证"));
    ledger.add_report(report(ledger, kFunds, "区财政局", ymd(2025, 7, 3), 90));
    const EventId second =
        ledger.submit_closure(ItemRef{plan, kFunds, ""}, step(ledger, "区财政局", ymd(2025, 7, 8), "", {"凭证"}));
    ledger.approve_closure(second, step(ledger, "区合作交流办", ymd(2025, 7, 10)));

    // Task 16 (due 2025-09-01): extended to 2025-10-18, a Saturday.
    const EventId x = ledger.request_extension(ItemRef{plan, kExchange, ""}, ymd(2025, 10, 18),
                                               step(ledger, "区委宣传部", ymd(2025, 8, 15), "改期"));
    ledger.approve_extension(x, step(ledger, "区合作交流办", ymd(2025, 8, 20), "同意"));

    // Task 4: reports from the lead only count.
    ledger.add_report(report(ledger, kCadres, "区委组织部", ymd(2025, 4, 30), 30));
    ledger.add_report(report(ledger, kCadres, "前方工作机构", ymd(2025, 5, 5), 100));
  }

  const ItemStatus& status_of(const StatusReport& report, TaskId task, std::string_view instance = {}) {
    for (std::size_t i = 0; i < report.subjects.size(); ++i) {
      if (report.subjects[i].task == task && report.subjects[i].instance == instance) return report.items[i];
    }
    ADD_FAILURE() << "no subject for task " << task << " " << instance;
    static const ItemStatus none;
    return none;
  }
};

TEST_F(LedgerProgress, FactsAsOfADate) {
  auto ledger = open();
  const ProgressFacts june = progress_facts(ledger, plan, ymd(2025, 6, 30));
  // Instances: the lead's reports, status done counted as 100.
  ASSERT_EQ(june.instances.count("3@2025-03"), 1U);
  EXPECT_EQ(june.instances.at("3@2025-03").progress, (std::vector<ProgressPoint>{{ymd(2025, 3, 7), 100}}));
  EXPECT_EQ(june.instances.at("3@2025-04").progress, (std::vector<ProgressPoint>{{ymd(2025, 4, 16), 100}}));
  EXPECT_EQ(june.instances.count("3@2025-05"), 0U);
  // Task 7 was returned on 06-27: the 100 percent of 06-20 no longer stands.
  const ItemFacts& funds = june.tasks.at(kFunds);
  EXPECT_EQ(funds.progress, (std::vector<ProgressPoint>{{ymd(2025, 5, 31), 60}}));
  EXPECT_EQ(funds.done, std::nullopt);
  // Task 4: the support unit's 100 percent is its share, not the task's.
  EXPECT_EQ(june.tasks.at(kCadres).progress, (std::vector<ProgressPoint>{{ymd(2025, 4, 30), 30}}));

  const ProgressFacts july = progress_facts(ledger, plan, ymd(2025, 7, 10));
  EXPECT_EQ(july.tasks.at(kFunds).done, ymd(2025, 7, 8));
  // Before the return was known, the submission stood undecided.
  const ProgressFacts june26 = progress_facts(ledger, plan, ymd(2025, 6, 26));
  EXPECT_EQ(june26.tasks.at(kFunds).progress.back(), (ProgressPoint{ymd(2025, 6, 20), 100}));

  const ProgressFacts august = progress_facts(ledger, plan, ymd(2025, 8, 18));
  ASSERT_EQ(august.tasks.at(kExchange).extensions.size(), 1U);
  EXPECT_EQ(august.tasks.at(kExchange).extensions[0].decision, Decision::pending);
  const ProgressFacts september = progress_facts(ledger, plan, ymd(2025, 9, 15));
  const Extension& e = september.tasks.at(kExchange).extensions.at(0);
  EXPECT_EQ(e.requested, ymd(2025, 8, 15));
  EXPECT_EQ(e.until, ymd(2025, 10, 18));
  EXPECT_EQ(e.decision, Decision::approved);
  EXPECT_EQ(e.decided, ymd(2025, 8, 20));
  EXPECT_EQ(e.note, "同意");
  EXPECT_TRUE(progress_facts(ledger, plan, ymd(2025, 1, 1)).empty());
}

TEST_F(LedgerProgress, TheLightsFollowTheLedger) {
  auto ledger = open();
  const Plan p = ledger.load_plan(plan);
  const auto calendar = WorkCalendar::builtin();
  const auto at = [&](Date d) { return evaluate(p, *calendar, d, progress_facts(ledger, plan, d)); };

  const StatusReport july1 = at(ymd(2025, 7, 1));
  EXPECT_EQ(status_of(july1, kMonthly, "3@2025-03").status, Status::done_on_time);
  EXPECT_EQ(status_of(july1, kMonthly, "3@2025-04").status, Status::done_late);
  // Returned, and past its due date: red.
  EXPECT_EQ(status_of(july1, kFunds).status, Status::overdue);
  EXPECT_EQ(status_of(july1, kFunds).light, Light::red);

  const StatusReport july10 = at(ymd(2025, 7, 10));
  EXPECT_EQ(status_of(july10, kFunds).status, Status::done_late);
  EXPECT_EQ(status_of(july10, kFunds).done, ymd(2025, 7, 8));

  // Task 16 would be overdue on 09-15 but for the approved extension.
  const StatusReport september = at(ymd(2025, 9, 15));
  const ItemStatus& exchange = status_of(september, kExchange);
  EXPECT_NE(exchange.status, Status::overdue);
  EXPECT_EQ(exchange.original_due, ymd(2025, 9, 1));
  EXPECT_EQ(exchange.current_due, ymd(2025, 10, 20));
  EXPECT_EQ(ledger.state(ItemRef{plan, kExchange, ""}, ymd(2025, 9, 15)).current_due, exchange.current_due);
}

}  // namespace
}  // namespace duban
