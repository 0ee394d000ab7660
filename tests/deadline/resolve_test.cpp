// One-off deadlines settled on the calendar: the holiday shift and
// deadlines relative to the assignment date.
#include <gtest/gtest.h>

#include "calendar/test_util.hpp"
#include "duban/deadline.hpp"

namespace duban {
namespace {

using namespace duban::testing;

const WorkCalendar& cal() { return *WorkCalendar::builtin(); }

Deadline due_on(Date date, std::string text = {}) {
  Deadline deadline;
  deadline.due = date;
  deadline.text = std::move(text);
  return deadline;
}

TEST(DeadlineResolve, HolidayShiftDefaultsToTheNextWorkingDay) {
  EXPECT_EQ(resolve(due_on(d(2024, 10, 1)), cal()), (Due{d(2024, 10, 1), d(2024, 10, 8)}));
  EXPECT_EQ(resolve(due_on(d(2024, 2, 10)), cal()), (Due{d(2024, 2, 10), d(2024, 2, 18)}));  // a worked Sunday
  EXPECT_EQ(resolve(due_on(d(2024, 6, 28)), cal()), (Due{d(2024, 6, 28), d(2024, 6, 28)}));
  EXPECT_EQ(DueContext{}.shift, Roll::following);
}

TEST(DeadlineResolve, TheShiftIsASetting) {
  DueContext ctx;
  ctx.shift = Roll::preceding;
  EXPECT_EQ(resolve(due_on(d(2024, 10, 1)), cal(), ctx)->effective, d(2024, 9, 30));
  ctx.shift = Roll::none;
  EXPECT_EQ(resolve(due_on(d(2024, 10, 1)), cal(), ctx)->effective, d(2024, 10, 1));
  EXPECT_EQ(resolve(due_on(d(2027, 10, 1)), cal(), ctx)->effective, d(2027, 10, 1));  // no calendar needed
  ctx.shift = Roll::modified_following;
  EXPECT_EQ(resolve(due_on(d(2024, 6, 30)), cal(), ctx)->effective, d(2024, 6, 28));
}

TEST(DeadlineResolve, RelativeDeadlinesCountFromTheDayAfterAssignment) {
  Deadline fifteen;
  fifteen.within_days = 15;
  fifteen.within_workdays = true;
  fifteen.text = "15个工作日内";
  DueContext ctx;
  ctx.assigned = d(2024, 9, 25);
  EXPECT_EQ(resolve(fifteen, cal(), ctx), (Due{d(2024, 10, 21), d(2024, 10, 21)}));

  Deadline thirty;
  thirty.within_days = 30;
  thirty.text = "30日内";
  ctx.assigned = d(2024, 9, 1);
  EXPECT_EQ(resolve(thirty, cal(), ctx), (Due{d(2024, 10, 1), d(2024, 10, 8)}));

  EXPECT_EQ(due_within(d(2024, 10, 3), 0, true, cal()), (Due{d(2024, 10, 8), d(2024, 10, 8)}));  // 立行立改
  EXPECT_EQ(due_within(d(2024, 10, 3), 0, false, cal()), (Due{d(2024, 10, 3), d(2024, 10, 8)}));
  EXPECT_EQ(due_within(d(2024, 2, 8), 1, true, cal()), (Due{d(2024, 2, 9), d(2024, 2, 9)}));
  EXPECT_EQ(due_within(d(2024, 2, 9), 1, true, cal()), (Due{d(2024, 2, 18), d(2024, 2, 18)}));
}

TEST(DeadlineResolve, OtherForms) {
  Deadline ongoing;
  ongoing.ongoing = true;
  ongoing.text = "持续推进";
  EXPECT_EQ(resolve(ongoing, cal()), std::nullopt);

  Deadline recurring;
  recurring.recurrence = Recurrence{Every::month, 10};
  EXPECT_EQ(resolve(recurring, cal()), std::nullopt);

  Deadline staged;
  staged.milestones = {{d(2024, 3, 31), "一季度", 0.25}, {d(2024, 9, 30), "三季度", 1.0}};
  EXPECT_EQ(resolve(staged, cal()), (Due{d(2024, 9, 30), d(2024, 9, 30)}));

  Deadline defaulted;
  defaulted.defaulted = true;
  DueContext ctx;
  ctx.plan_year = 2023;
  // 2023-12-31 is a Sunday and 2024-01-01 is 元旦.
  EXPECT_EQ(resolve(defaulted, cal(), ctx), (Due{d(2023, 12, 31), d(2024, 1, 2)}));
}

TEST(DeadlineResolve, Errors) {
  Deadline relative;
  relative.within_days = 15;
  relative.within_workdays = true;
  relative.text = "15个工作日内";
  EXPECT_TRUE(throws_error([&] { resolve(relative, cal()); }, Errc::inval, ErrClass::argument,
                           "deadline '15个工作日内': a relative deadline needs the assignment date "
                           "(DueContext::assigned)"));
  Deadline defaulted;
  defaulted.defaulted = true;
  EXPECT_TRUE(throws_error([&] { resolve(defaulted, cal()); }, Errc::inval, ErrClass::argument,
                           "deadline: a defaulted deadline needs the plan year (DueContext::plan_year)"));
  EXPECT_TRUE(throws_error([] { due_within(d(2024, 1, 2), -1, true, cal()); }, Errc::inval, ErrClass::argument,
                           "due_within(2024-01-02, -1): the number of days must not be negative"));
  EXPECT_TRUE(throws_error([] { due_within(d(2024, 2, 30), 3, false, cal()); }, Errc::inval, ErrClass::argument,
                           "due_within(2024-02-30, 3): 2024-02-30 is not a date"));
  EXPECT_TRUE(throws_error(
      [] { resolve(due_on(d(2027, 1, 1)), cal()); }, Errc::range, ErrClass::time,
      "no published calendar for 2027 (known years: 2023–2026; load the year's data or allow the weekends-only "
      "fallback): roll(2027-01-01, following)"));
}

}  // namespace
}  // namespace duban
