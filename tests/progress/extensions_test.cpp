// Extensions (延期): asked for on or before the due date, approved or
// refused; the original and the current due date are both kept and the
// options say which one counts.
#include <gtest/gtest.h>

#include "progress/progress_util.hpp"

namespace duban {
namespace {

using namespace duban::testing;

Extension ask(Date requested, Date until, Decision decision = Decision::pending,
              std::optional<Date> decided = std::nullopt) {
  Extension e;
  e.requested = requested;
  e.until = until;
  e.decision = decision;
  e.decided = decided;
  return e;
}

ItemFacts with(std::vector<Extension> extensions) {
  ItemFacts f;
  f.extensions = std::move(extensions);
  return f;
}

const Date kDue = d(2024, 9, 30);

TEST(ProgressExtensions, AnApprovedExtensionMovesTheCurrentDueDate) {
  const ItemFacts f = with({ask(d(2024, 9, 20), d(2024, 10, 31), Decision::approved, d(2024, 9, 25))});
  const StatusReport r = one(task_due(kDue), d(2024, 10, 15), f);
  const ItemStatus& st = r.items[0];
  EXPECT_EQ(st.original_due, kDue);
  EXPECT_EQ(st.current_due, d(2024, 10, 31));
  EXPECT_EQ(st.due, d(2024, 10, 31));
  EXPECT_EQ(st.status, Status::not_yet_due);
  EXPECT_EQ(st.light, Light::green);
  EXPECT_EQ(codes(r), (std::vector<ReasonCode>{ReasonCode::not_yet_due, ReasonCode::extension_approved}));
  EXPECT_EQ(reason_with(r, ReasonCode::extension_approved).date, d(2024, 10, 31));
  EXPECT_EQ(reason_with(r, ReasonCode::extension_approved).light, Light::green);
}

TEST(ProgressExtensions, TheOriginalDateCanBeMadeToCount) {
  const ItemFacts f = with({ask(d(2024, 9, 20), d(2024, 10, 31), Decision::approved, d(2024, 9, 25))});
  StatusOptions original;
  original.basis = DueBasis::original;
  const StatusReport r = one(task_due(kDue), d(2024, 10, 15), f, original);
  const ItemStatus& st = r.items[0];
  EXPECT_EQ(st.due, kDue);
  EXPECT_EQ(st.original_due, kDue);
  EXPECT_EQ(st.current_due, d(2024, 10, 31));  // still kept
  EXPECT_EQ(st.status, Status::overdue);
  EXPECT_EQ(st.light, Light::red);
  EXPECT_EQ(codes(r), (std::vector<ReasonCode>{ReasonCode::overdue, ReasonCode::extension_approved}));
}

TEST(ProgressExtensions, WorkDoneWithinTheExtensionIsOnTimeOnlyByTheCurrentDate) {
  ItemFacts f = with({ask(d(2024, 9, 20), d(2024, 10, 31), Decision::approved, d(2024, 9, 25))});
  f.done = d(2024, 10, 20);
  EXPECT_EQ(one(task_due(kDue), d(2024, 11, 1), f).items[0].status, Status::done_on_time);
  StatusOptions original;
  original.basis = DueBasis::original;
  const StatusReport late = one(task_due(kDue), d(2024, 11, 1), f, original);
  EXPECT_EQ(late.items[0].status, Status::done_late);
  // Late by 10-08..10-11, 10-12 (a worked Saturday) and 10-14..10-18; 10-20 is a Sunday.
  EXPECT_EQ(first_reason(late).workdays, 10);
}

TEST(ProgressExtensions, PendingUntilDecided) {
  const ItemFacts f = with({ask(d(2024, 9, 20), d(2024, 10, 31), Decision::approved, d(2024, 9, 25))});
  const StatusReport r = one(task_due(kDue), d(2024, 9, 23), f);
  EXPECT_EQ(r.items[0].current_due, kDue);
  EXPECT_EQ(codes(r), (std::vector<ReasonCode>{ReasonCode::not_yet_due, ReasonCode::extension_pending}));
  EXPECT_EQ(reason_with(r, ReasonCode::extension_pending).date, d(2024, 10, 31));
  // Before it was asked for, nothing is known of it.
  const StatusReport before = one(task_due(kDue), d(2024, 9, 19), f);
  EXPECT_EQ(codes(before), std::vector<ReasonCode>{ReasonCode::not_yet_due});
  // A request with no decision yet stays pending.
  const StatusReport open = one(task_due(kDue), d(2024, 10, 15), with({ask(d(2024, 9, 20), d(2024, 10, 31))}));
  EXPECT_EQ(open.items[0].status, Status::overdue);
  EXPECT_EQ(codes(open), (std::vector<ReasonCode>{ReasonCode::overdue, ReasonCode::extension_pending}));
}

TEST(ProgressExtensions, ARefusedExtensionLeavesTheDate) {
  const ItemFacts f = with({ask(d(2024, 9, 20), d(2024, 10, 31), Decision::refused, d(2024, 9, 24))});
  const StatusReport r = one(task_due(kDue), d(2024, 10, 15), f);
  EXPECT_EQ(r.items[0].due, kDue);
  EXPECT_EQ(r.items[0].current_due, kDue);
  EXPECT_EQ(r.items[0].status, Status::overdue);
  EXPECT_EQ(codes(r), (std::vector<ReasonCode>{ReasonCode::overdue, ReasonCode::extension_refused}));
}

TEST(ProgressExtensions, ARequestAfterTheDueDateIsNotHonoured) {
  const ItemFacts f = with({ask(d(2024, 10, 8), d(2024, 10, 31), Decision::approved, d(2024, 10, 9))});
  const StatusReport r = one(task_due(kDue), d(2024, 10, 15), f);
  EXPECT_EQ(r.items[0].current_due, kDue);
  EXPECT_EQ(r.items[0].status, Status::overdue);
  EXPECT_EQ(codes(r), (std::vector<ReasonCode>{ReasonCode::overdue, ReasonCode::extension_late}));
  EXPECT_EQ(reason_with(r, ReasonCode::extension_late).date, d(2024, 10, 8));
  // On the due date itself is still in time (前 is inclusive).
  const ItemFacts same_day = with({ask(kDue, d(2024, 10, 31), Decision::approved, kDue)});
  EXPECT_EQ(one(task_due(kDue), d(2024, 10, 15), same_day).items[0].current_due, d(2024, 10, 31));
}

TEST(ProgressExtensions, AnExtensionToAHolidayMovesToTheNextWorkingDay) {
  const ItemFacts f = with({ask(d(2024, 9, 20), d(2024, 10, 5), Decision::approved, d(2024, 9, 20))});
  const StatusReport r = one(task_due(kDue), d(2024, 10, 1), f);
  EXPECT_EQ(r.items[0].current_due, d(2024, 10, 8));
  EXPECT_EQ(reason_with(r, ReasonCode::extension_approved).date, d(2024, 10, 8));
  EXPECT_EQ(r.items[0].status, Status::due_soon);
}

TEST(ProgressExtensions, ExtensionsChainInRequestOrder) {
  // Given out of order: the second is asked for before the first's new date.
  const ItemFacts f = with({ask(d(2024, 10, 30), d(2024, 11, 29), Decision::approved, d(2024, 10, 31)),
                            ask(d(2024, 9, 20), d(2024, 10, 31), Decision::approved, d(2024, 9, 25))});
  const StatusReport r = one(task_due(kDue), d(2024, 11, 15), f);
  EXPECT_EQ(r.items[0].current_due, d(2024, 11, 29));
  EXPECT_EQ(codes(r), (std::vector<ReasonCode>{ReasonCode::not_yet_due, ReasonCode::extension_approved,
                                               ReasonCode::extension_approved}));
  // A second request after the first new date passed is late.
  const ItemFacts late = with({ask(d(2024, 9, 20), d(2024, 10, 31), Decision::approved, d(2024, 9, 25)),
                               ask(d(2024, 11, 4), d(2024, 11, 29), Decision::approved, d(2024, 11, 5))});
  const StatusReport l = one(task_due(kDue), d(2024, 11, 15), late);
  EXPECT_EQ(l.items[0].current_due, d(2024, 10, 31));
  EXPECT_EQ(l.items[0].status, Status::overdue);
  EXPECT_EQ(codes(l), (std::vector<ReasonCode>{ReasonCode::overdue, ReasonCode::extension_approved,
                                               ReasonCode::extension_late}));
}

TEST(ProgressExtensions, ImpossibleExtensionsAreRefused) {
  const Subject s = task_due(kDue, d(2024, 1, 1), 3);
  EXPECT_TRUE(throws_error([&] { (void)one(s, d(2024, 10, 1), with({ask(d(2024, 9, 1), d(2024, 9, 20))})); },
                           Errc::inval, ErrClass::argument,
                           "task 3: extensions[0]: until 2024-09-20 is not after the due date 2024-09-30"));
  EXPECT_TRUE(throws_error(
      [&] {
        (void)one(s, d(2024, 10, 1), with({ask(d(2024, 9, 20), d(2024, 10, 31), Decision::approved, d(2024, 9, 1))}));
      },
      Errc::inval, ErrClass::argument, "task 3: extensions[0]: decided 2024-09-01 is before the request 2024-09-20"));
  EXPECT_TRUE(throws_error(
      [&] {
        (void)one(s, d(2024, 10, 1), with({ask(d(2024, 9, 20), d(2024, 10, 31), Decision::pending, d(2024, 9, 21))}));
      },
      Errc::inval, ErrClass::argument,
      "task 3: extensions[0]: a pending request has no decision date (decided 2024-09-21)"));
}

TEST(ProgressExtensions, AnItemWithNoDueDateIgnoresExtensions) {
  Subject s;
  s.task = 2;
  const StatusReport r = one(s, d(2024, 10, 1), with({ask(d(2024, 9, 20), d(2024, 10, 31), Decision::approved)}));
  EXPECT_EQ(r.items[0].status, Status::ongoing);
  EXPECT_EQ(codes(r), std::vector<ReasonCode>{ReasonCode::ongoing});
  EXPECT_FALSE(r.items[0].current_due.has_value());
}

TEST(ProgressExtensions, InstancesTakeExtensionsByTheirId) {
  const Subject s = instance_due("季报@2024-Q3", d(2024, 10, 21));
  const ItemFacts f = with({ask(d(2024, 10, 15), d(2024, 10, 25), Decision::approved, d(2024, 10, 16))});
  const StatusReport r = one(s, d(2024, 10, 23), f);
  EXPECT_EQ(r.items[0].current_due, d(2024, 10, 25));
  EXPECT_EQ(r.items[0].status, Status::due_soon);
}

}  // namespace
}  // namespace duban
