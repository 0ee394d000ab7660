// Closure (办结, 退回) and extensions (延期): every step an event with its
// actor, date and reason; the state as of any date follows the steps.
#include <gtest/gtest.h>

#include "ledger/report_support.hpp"

namespace duban {
namespace {

using report_testing::ExampleLedger;
using report_testing::expect_error;
using report_testing::kCadres;
using report_testing::kExchange;
using report_testing::kFunds;
using report_testing::kMonthly;
using report_testing::kSocial;
using report_testing::ymd;

using LedgerWorkflow = ExampleLedger;

TEST_F(LedgerWorkflow, SubmitReturnResubmitApprove) {
  auto ledger = open();
  const ItemRef funds{plan, kFunds, ""};
  ledger.add_report(report(ledger, kFunds, "区财政局", ymd(2025, 6, 20), 100));
  const EventId first =
      ledger.submit_closure(funds, step(ledger, "区财政局", ymd(2025, 6, 25), "资金已拨付", {"临财〔2025〕8号"}));
  const EventId returned =
      ledger.return_closure(first, step(ledger, "区合作交流办", ymd(2025, 6, 27), "缺少资金拨付凭证"));
  const EventId second = ledger.submit_closure(
      funds, step(ledger, "区财政局", ymd(2025, 7, 8), "补充拨付凭证", {"临财〔2025〕8号", "拨付凭证.pdf"}));
  const EventId approved = ledger.approve_closure(second, step(ledger, "区合作交流办", ymd(2025, 7, 10), "同意办结"));

  const Event e = ledger.event(returned);
  EXPECT_EQ(e.kind, EventKind::closure_returned);
  EXPECT_EQ(e.ref, first);
  EXPECT_EQ(e.text, "缺少资金拨付凭证");
  EXPECT_EQ(e.actor.unit, unit(ledger, "区合作交流办"));
  EXPECT_EQ(e.date, ymd(2025, 6, 27));
  EXPECT_EQ(ledger.event(second).evidence, (std::vector<std::string>{"临财〔2025〕8号", "拨付凭证.pdf"}));
  EXPECT_EQ(ledger.event(approved).ref, second);

  const auto at = [&](Date d) { return ledger.state(funds, d); };
  EXPECT_EQ(at(ymd(2025, 6, 24)).closure, ClosureState::open);
  const ItemState pending = at(ymd(2025, 6, 26));
  EXPECT_EQ(pending.closure, ClosureState::submitted);
  EXPECT_EQ(pending.submission, first);
  EXPECT_EQ(pending.submitted_by, unit(ledger, "区财政局"));
  EXPECT_EQ(pending.submitted, ymd(2025, 6, 25));
  EXPECT_EQ(pending.done, std::nullopt);
  const ItemState back = at(ymd(2025, 7, 1));
  EXPECT_EQ(back.closure, ClosureState::returned);
  EXPECT_EQ(back.return_reason, "缺少资金拨付凭证");
  EXPECT_EQ(back.last_returned, ymd(2025, 6, 27));
  const ItemState closed = at(ymd(2025, 7, 10));
  EXPECT_EQ(closed.closure, ClosureState::closed);
  EXPECT_EQ(closed.decided, ymd(2025, 7, 10));
  EXPECT_EQ(closed.done, ymd(2025, 7, 8));  // done when the work was handed in
  EXPECT_EQ(closed.last_returned, ymd(2025, 6, 27));

  const auto history = ledger.history(plan, kFunds);
  ASSERT_EQ(history.size(), 5U);
  EXPECT_EQ(history[0].kind, EventKind::report);
  EXPECT_EQ(history[1].kind, EventKind::closure_submitted);
  EXPECT_EQ(history[2].kind, EventKind::closure_returned);
  EXPECT_EQ(history[3].kind, EventKind::closure_submitted);
  EXPECT_EQ(history[4].kind, EventKind::closure_approved);

  const Error again = expect_error(
      [&] { ledger.submit_closure(funds, step(ledger, "区财政局", ymd(2025, 8, 1), "", {"x"})); }, Errc::inval);
  EXPECT_EQ(std::string(again.what()), "task '7' (落实财政帮扶资金) was closed (办结) on 2025-07-10");
}

TEST_F(LedgerWorkflow, ClosureStepsAreChecked) {
  auto ledger = open();
  const ItemRef funds{plan, kFunds, ""};
  const Error no_evidence =
      expect_error([&] { ledger.submit_closure(funds, step(ledger, "区财政局", ymd(2025, 6, 25))); }, Errc::inval);
  EXPECT_EQ(std::string(no_evidence.what()),
            "submitting task '7' (落实财政帮扶资金) for closure needs evidence (佐证材料)");
  const EventId s = ledger.submit_closure(funds, step(ledger, "区财政局", ymd(2025, 6, 25), "", {"凭证.pdf"}));
  const Error pending = expect_error(
      [&] { ledger.submit_closure(funds, step(ledger, "区财政局", ymd(2025, 6, 26), "", {"凭证.pdf"})); }, Errc::inval);
  EXPECT_EQ(std::string(pending.what()), "task '7' (落实财政帮扶资金) was submitted for closure on 2025-06-25 (event " +
                                             std::to_string(s) + "), which is not decided yet");
  const Error no_reason =
      expect_error([&] { ledger.return_closure(s, step(ledger, "区合作交流办", ymd(2025, 6, 27))); }, Errc::inval);
  EXPECT_EQ(std::string(no_reason.what()), "returning a closure (退回) needs a reason");
  const Error early =
      expect_error([&] { ledger.approve_closure(s, step(ledger, "区合作交流办", ymd(2025, 6, 24))); }, Errc::inval);
  EXPECT_EQ(std::string(early.what()), "the step is dated 2025-06-24, before the submission (2025-06-25)");
  const Error not_submission =
      expect_error([&] { ledger.approve_closure(1, step(ledger, "区合作交流办", ymd(2025, 6, 27))); }, Errc::inval);
  EXPECT_EQ(std::string(not_submission.what()), "event 1 is not a closure submission (it is a directory_saved)");
  const Error missing = expect_error(
      [&] { ledger.approve_closure(999, step(ledger, "区合作交流办", ymd(2025, 6, 27))); }, Errc::notfound);
  EXPECT_EQ(std::string(missing.what()), "ledger '" + path + "' has no event 999");

  ledger.approve_closure(s, step(ledger, "区合作交流办", ymd(2025, 6, 27)));
  const Error twice = expect_error(
      [&] { ledger.return_closure(s, step(ledger, "区合作交流办", ymd(2025, 6, 28), "再议")); }, Errc::inval);
  EXPECT_EQ(std::string(twice.what()),
            "submission " + std::to_string(s) + " of task '7' (落实财政帮扶资金) was already approved on 2025-06-27");
}

TEST_F(LedgerWorkflow, ExtensionsKeepTheOriginalAndTheCurrentDueDate) {
  auto ledger = open();
  // Task 16 is due 8月底前: 2025-08-31 is a Sunday, so Monday 2025-09-01.
  const ItemRef item{plan, kExchange, ""};
  EXPECT_EQ(ledger.state(item).original_due, ymd(2025, 9, 1));
  const EventId refused_request = ledger.request_extension(
      item, ymd(2025, 12, 31), step(ledger, "区委宣传部", ymd(2025, 8, 10), "活动延至年底举办"));
  ledger.refuse_extension(refused_request, step(ledger, "区合作交流办", ymd(2025, 8, 12), "不宜延至年底"));
  const EventId request = ledger.request_extension(item, ymd(2025, 10, 18),
                                                   step(ledger, "区委宣传部", ymd(2025, 8, 15), "对口地区活动改期"));
  EXPECT_EQ(ledger.event(request).until, ymd(2025, 10, 18));
  EXPECT_EQ(ledger.event(request).due, ymd(2025, 9, 1));
  ledger.approve_extension(request, step(ledger, "区合作交流办", ymd(2025, 8, 20), "同意"));

  const ItemState before = ledger.state(item, ymd(2025, 8, 16));
  ASSERT_EQ(before.extensions.size(), 2U);
  EXPECT_EQ(before.extensions[0].decision, ExtensionDecision::refused);
  EXPECT_EQ(before.extensions[0].decision_reason, "不宜延至年底");
  EXPECT_EQ(before.extensions[1].decision, ExtensionDecision::pending);
  EXPECT_EQ(before.current_due, ymd(2025, 9, 1));
  const ItemState after = ledger.state(item, ymd(2025, 8, 20));
  EXPECT_EQ(after.extensions[1].decision, ExtensionDecision::approved);
  EXPECT_EQ(after.extensions[1].decided, ymd(2025, 8, 20));
  EXPECT_EQ(after.original_due, ymd(2025, 9, 1));
  // 2025-10-18 is a Saturday, so the approved date moves to Monday 2025-10-20.
  EXPECT_EQ(after.current_due, ymd(2025, 10, 20));

  // Requests are made on or before the (current) due date, for a later date.
  const Error late = expect_error(
      [&] { ledger.request_extension(item, ymd(2025, 12, 31), step(ledger, "区委宣传部", ymd(2025, 10, 21), "再延")); },
      Errc::inval);
  EXPECT_EQ(std::string(late.what()),
            "an extension is requested on or before the due date: task '16' (促进交往交流交融) was due 2025-10-20, "
            "the request is dated 2025-10-21");
  const Error earlier = expect_error(
      [&] { ledger.request_extension(item, ymd(2025, 10, 1), step(ledger, "区委宣传部", ymd(2025, 9, 1), "提前")); },
      Errc::inval);
  EXPECT_EQ(std::string(earlier.what()), "the date asked for, 2025-10-01, is not after the due date 2025-10-20");
  const Error no_reason = expect_error(
      [&] { ledger.request_extension(item, ymd(2025, 11, 30), step(ledger, "区委宣传部", ymd(2025, 9, 1))); },
      Errc::inval);
  EXPECT_EQ(std::string(no_reason.what()), "requesting an extension (延期) needs a reason");
  const EventId third =
      ledger.request_extension(item, ymd(2025, 11, 30), step(ledger, "区委宣传部", ymd(2025, 10, 20), "对方原因"));
  const Error two = expect_error(
      [&] {
        ledger.request_extension(item, ymd(2025, 12, 1), step(ledger, "区委宣传部", ymd(2025, 10, 20), "又一次"));
      },
      Errc::inval);
  EXPECT_EQ(std::string(two.what()), "extension request " + std::to_string(third) +
                                         " of task '16' (促进交往交流交融) (until 2025-11-30) is not decided yet");
  const Error no_refusal_reason = expect_error(
      [&] { ledger.refuse_extension(third, step(ledger, "区合作交流办", ymd(2025, 10, 22))); }, Errc::inval);
  EXPECT_EQ(std::string(no_refusal_reason.what()), "refusing an extension needs a reason");

  // An item with no hard date cannot be extended.
  const Error ongoing = expect_error(
      [&] {
        ledger.request_extension(ItemRef{plan, kSocial, ""}, ymd(2025, 12, 31),
                                 step(ledger, "区合作交流办", ymd(2025, 6, 1), "x"));
      },
      Errc::inval);
  EXPECT_EQ(std::string(ongoing.what()), "task '8' (动员社会帮扶资金) has no due date to extend");
}

TEST_F(LedgerWorkflow, InstancesHaveTheirOwnWorkflow) {
  auto ledger = open();
  const ItemRef march{plan, kMonthly, "3@2025-03"};
  const EventId x =
      ledger.request_extension(march, ymd(2025, 3, 14), step(ledger, "区合作交流办", ymd(2025, 3, 7), "数据未齐"));
  ledger.approve_extension(x, step(ledger, "区合作交流办", ymd(2025, 3, 7)));
  EXPECT_EQ(ledger.state(march).current_due, ymd(2025, 3, 14));
  EXPECT_EQ(ledger.state(ItemRef{plan, kMonthly, "3@2025-04"}).current_due, ymd(2025, 4, 10));
  EXPECT_TRUE(ledger.state(ItemRef{plan, kMonthly, ""}).extensions.empty());
}

TEST_F(LedgerWorkflow, TheCoordinatorMayStandInForTheLead) {
  auto ledger = open();
  // 区合作交流办 holds no role in task 4 but coordinates the plan.
  const EventId s = ledger.submit_closure(ItemRef{plan, kCadres, ""},
                                          step(ledger, "区合作交流办", ymd(2025, 6, 30), "代为提交", {"名单.pdf"}));
  EXPECT_EQ(ledger.event(s).actor.unit, unit(ledger, "区合作交流办"));
}

}  // namespace
}  // namespace duban
