// The light rules, each at its boundary: due within 3 working days (counted
// across 春节 and 国庆 on the 2024 calendar), overdue, done on time or late,
// ongoing, four colours, and lags of 10, 30 and 31 points.
#include <gtest/gtest.h>

#include "progress/progress_util.hpp"

namespace duban {
namespace {

using namespace duban::testing;

// 2024-10-08 is the first working day after National Day. The working days
// before it are 09-30, 09-29 (a worked Sunday) and 09-27: 09-28 is a rest
// Saturday, 10-01..07 are the holiday.
const Date kAfterNationalDay = d(2024, 10, 8);

TEST(ProgressRules, DueSoonIsExactlyThreeWorkingDaysAcrossNationalDay) {
  const Subject s = task_due(kAfterNationalDay);
  const StatusReport soon = one(s, d(2024, 9, 27));  // 11 calendar days, 3 working days: 09-29, 09-30, 10-08
  EXPECT_EQ(soon.items[0].status, Status::due_soon);
  EXPECT_EQ(soon.items[0].light, Light::yellow);
  const Reason& r = first_reason(soon);
  EXPECT_EQ(r.code, ReasonCode::due_soon);
  EXPECT_EQ(r.light, Light::yellow);
  EXPECT_EQ(r.date, kAfterNationalDay);
  EXPECT_EQ(r.workdays, 3);
  EXPECT_EQ(r.limit, 3);

  const StatusReport saturday = one(s, d(2024, 9, 28));  // a rest day: still 3 left
  EXPECT_EQ(first_reason(saturday).workdays, 3);
  EXPECT_EQ(saturday.items[0].light, Light::yellow);

  const StatusReport before = one(s, d(2024, 9, 26));  // 4 left: 09-27 too
  EXPECT_EQ(before.items[0].status, Status::not_yet_due);
  EXPECT_EQ(before.items[0].light, Light::green);
  EXPECT_EQ(first_reason(before).code, ReasonCode::not_yet_due);
  EXPECT_EQ(first_reason(before).workdays, 4);

  const StatusReport holiday = one(s, d(2024, 10, 3));  // inside the holiday: only the due day is left
  EXPECT_EQ(first_reason(holiday).workdays, 1);
  EXPECT_EQ(holiday.items[0].status, Status::due_soon);
}

TEST(ProgressRules, DueSoonAcrossTheSpringFestival) {
  // 春节 2024: 02-10..02-17 off, 02-09 (除夕) and 02-18 (a Sunday) worked.
  const Subject s = task_due(d(2024, 2, 19));
  const StatusReport three = one(s, d(2024, 2, 8));  // 02-09, 02-18, 02-19
  EXPECT_EQ(three.items[0].status, Status::due_soon);
  EXPECT_EQ(first_reason(three).workdays, 3);
  const StatusReport four = one(s, d(2024, 2, 7));
  EXPECT_EQ(four.items[0].status, Status::not_yet_due);
  EXPECT_EQ(first_reason(four).workdays, 4);
}

TEST(ProgressRules, DueTodayIsDueSoonAndTheNextDayOverdue) {
  const Subject s = task_due(kAfterNationalDay);
  const StatusReport today = one(s, kAfterNationalDay);
  EXPECT_EQ(today.items[0].status, Status::due_soon);
  EXPECT_EQ(first_reason(today).workdays, 0);

  const StatusReport late = one(s, d(2024, 10, 9));
  EXPECT_EQ(late.items[0].status, Status::overdue);
  EXPECT_EQ(late.items[0].light, Light::red);
  const Reason& r = first_reason(late);
  EXPECT_EQ(r.code, ReasonCode::overdue);
  EXPECT_EQ(r.light, Light::red);
  EXPECT_EQ(r.date, kAfterNationalDay);
  EXPECT_EQ(r.workdays, 1);
}

TEST(ProgressRules, OverdueCountsWorkingDaysLate) {
  // Due 09-30; by 10-12 (a worked Saturday) the working days late are 10-08..10-12: 5.
  const StatusReport r = one(task_due(d(2024, 9, 30)), d(2024, 10, 12));
  EXPECT_EQ(r.items[0].status, Status::overdue);
  EXPECT_EQ(first_reason(r).workdays, 5);
  // Overdue over the holiday alone: late, but no working day lost yet.
  const StatusReport holiday = one(task_due(d(2024, 9, 30)), d(2024, 10, 7));
  EXPECT_EQ(holiday.items[0].status, Status::overdue);
  EXPECT_EQ(first_reason(holiday).workdays, 0);
}

TEST(ProgressRules, DoneOnTimeAndDoneLate) {
  const Subject s = task_due(d(2024, 9, 30));
  ItemFacts on_time;
  on_time.done = d(2024, 9, 30);
  const StatusReport a = one(s, d(2024, 11, 1), on_time);
  EXPECT_EQ(a.items[0].status, Status::done_on_time);
  EXPECT_EQ(a.items[0].light, Light::green);
  EXPECT_EQ(a.items[0].done, d(2024, 9, 30));
  EXPECT_EQ(codes(a), std::vector<ReasonCode>{ReasonCode::done_on_time});
  EXPECT_EQ(first_reason(a).date, d(2024, 9, 30));

  ItemFacts late;
  late.done = d(2024, 10, 9);
  const StatusReport b = one(s, d(2024, 11, 1), late);
  EXPECT_EQ(b.items[0].status, Status::done_late);
  EXPECT_EQ(b.items[0].light, Light::green);  // the default rules leave late work green
  EXPECT_EQ(first_reason(b).code, ReasonCode::done_late);
  EXPECT_EQ(first_reason(b).workdays, 2);  // 10-08, 10-09

  StatusOptions strict;
  strict.rules.done_late = Light::yellow;
  const StatusReport c = one(s, d(2024, 11, 1), late, strict);
  EXPECT_EQ(c.items[0].light, Light::yellow);
  EXPECT_EQ(first_reason(c).light, Light::yellow);

  // As of a day before it was done, it was simply overdue.
  const StatusReport d_before = one(s, d(2024, 10, 8), late);
  EXPECT_EQ(d_before.items[0].status, Status::overdue);
  EXPECT_FALSE(d_before.items[0].done.has_value());
}

TEST(ProgressRules, AHundredPercentReportCountsAsDone) {
  ItemFacts f;
  f.progress = {{d(2024, 9, 10), 40}, {d(2024, 9, 25), 100}};
  const StatusReport r = one(task_due(d(2024, 9, 30)), d(2024, 10, 15), f);
  EXPECT_EQ(r.items[0].status, Status::done_on_time);
  EXPECT_EQ(r.items[0].done, d(2024, 9, 25));
  EXPECT_EQ(r.items[0].actual, 100.0);
  EXPECT_EQ(r.items[0].reported, d(2024, 9, 25));
}

TEST(ProgressRules, OngoingHasNoDateRule) {
  Subject s;
  s.task = 4;
  s.start = d(2024, 1, 1);
  const StatusReport r = one(s, d(2024, 6, 1), progress_at(d(2024, 5, 1), 5));
  EXPECT_EQ(r.items[0].status, Status::ongoing);
  EXPECT_EQ(r.items[0].light, Light::green);
  EXPECT_EQ(codes(r), std::vector<ReasonCode>{ReasonCode::ongoing});
  EXPECT_FALSE(r.items[0].due.has_value());
  EXPECT_FALSE(r.items[0].expected.has_value());  // no curve without a date
  EXPECT_EQ(r.items[0].actual, 5.0);
}

TEST(ProgressRules, FourColoursAddBlueForApproaching) {
  const Subject s = task_due(kAfterNationalDay);
  StatusOptions four;
  four.rules.four_colour = true;
  // From 09-20: 09-23..27 (5), 09-29, 09-30, 10-08 = 8 working days.
  const StatusReport blue = one(s, d(2024, 9, 20), {}, four);
  EXPECT_EQ(blue.items[0].status, Status::not_yet_due);
  EXPECT_EQ(blue.items[0].light, Light::blue);
  EXPECT_EQ(first_reason(blue).code, ReasonCode::approaching);
  EXPECT_EQ(first_reason(blue).workdays, 8);
  EXPECT_EQ(first_reason(blue).limit, 10);
  // Without four colours the same day is green.
  EXPECT_EQ(one(s, d(2024, 9, 20)).items[0].light, Light::green);
  // Within three working days yellow still wins.
  EXPECT_EQ(one(s, d(2024, 9, 27), {}, four).items[0].light, Light::yellow);
  // Twelve working days out is green again: after 09-13 come 09-14 (a
  // worked Saturday), 09-18..20 (after 中秋), 09-23..27, 09-29, 09-30, 10-08.
  const StatusReport far = one(s, d(2024, 9, 13), {}, four);
  EXPECT_EQ(first_reason(far).workdays, 12);
  EXPECT_EQ(far.items[0].light, Light::green);
}

// A task whose milestone says 60 % by 2024-03-01: as of that day the
// expected progress is exactly 60.
Subject sixty_percent_task() {
  Subject s = task_due(d(2024, 6, 28));
  s.milestones = {{d(2024, 3, 1), "方案印发", 0.6}, {d(2024, 6, 28), "全面完成", 1.0}};
  return s;
}

StatusReport lag_of(double actual) {
  return one(sixty_percent_task(), d(2024, 3, 1), progress_at(d(2024, 2, 28), actual));
}

TEST(ProgressRules, LagBelowTenPointsIsGreen) {
  const StatusReport r = lag_of(50.01);
  EXPECT_EQ(r.items[0].expected, 60.0);
  EXPECT_EQ(r.items[0].light, Light::green);
  EXPECT_EQ(codes(r), std::vector<ReasonCode>{ReasonCode::not_yet_due});
}

TEST(ProgressRules, LagOfTenPointsIsYellow) {
  const StatusReport r = lag_of(50);
  EXPECT_EQ(r.items[0].light, Light::yellow);
  EXPECT_EQ(r.items[0].status, Status::not_yet_due);  // the lag lights it, the date does not
  const Reason lag = reason_with(r, ReasonCode::lag);
  EXPECT_EQ(lag.light, Light::yellow);
  EXPECT_EQ(lag.expected, 60.0);
  EXPECT_EQ(lag.actual, 50.0);
  EXPECT_EQ(lag.lag(), 10.0);
  EXPECT_EQ(lag.limit, 10.0);
  EXPECT_EQ(lag.date, d(2024, 2, 28));
}

TEST(ProgressRules, LagOfThirtyPointsIsStillYellow) {
  const StatusReport r = lag_of(30);
  EXPECT_EQ(r.items[0].light, Light::yellow);
  EXPECT_EQ(reason_with(r, ReasonCode::lag).limit, 10.0);
}

TEST(ProgressRules, LagOfThirtyOnePointsIsRed) {
  const StatusReport r = lag_of(29);
  EXPECT_EQ(r.items[0].light, Light::red);
  const Reason lag = reason_with(r, ReasonCode::lag);
  EXPECT_EQ(lag.light, Light::red);
  EXPECT_EQ(lag.limit, 30.0);
  EXPECT_EQ(lag.lag(), 31.0);
  // Just over thirty is red too.
  EXPECT_EQ(lag_of(29.99).items[0].light, Light::red);
  // The example from the issue: {lag, expected 60, actual 25}.
  const Reason example = reason_with(lag_of(25), ReasonCode::lag);
  EXPECT_EQ(example.expected, 60.0);
  EXPECT_EQ(example.actual, 25.0);
  EXPECT_EQ(example.light, Light::red);
}

TEST(ProgressRules, LagBoundsAreConfigurable) {
  StatusOptions options;
  options.rules.lag_yellow = 5;
  options.rules.lag_red = 20;
  const auto light = [&](double actual) {
    return one(sixty_percent_task(), d(2024, 3, 1), progress_at(d(2024, 3, 1), actual), options).items[0].light;
  };
  EXPECT_EQ(light(55.01), Light::green);
  EXPECT_EQ(light(55), Light::yellow);
  EXPECT_EQ(light(40), Light::yellow);
  EXPECT_EQ(light(39.99), Light::red);
}

TEST(ProgressRules, TheLatestReportOnOrBeforeTheDateCounts) {
  ItemFacts f;
  f.progress = {{d(2024, 3, 5), 10}, {d(2024, 2, 20), 55}, {d(2024, 1, 31), 20}};
  const StatusReport r = one(sixty_percent_task(), d(2024, 3, 1), f);
  EXPECT_EQ(r.items[0].actual, 55.0);  // the 03-05 report is not known yet
  EXPECT_EQ(r.items[0].reported, d(2024, 2, 20));
  EXPECT_EQ(r.items[0].light, Light::green);
  const StatusReport later = one(sixty_percent_task(), d(2024, 3, 5), f);
  EXPECT_EQ(later.items[0].actual, 10.0);
  EXPECT_EQ(later.items[0].light, Light::red);
}

TEST(ProgressRules, NoReportNoLagAndDoneWorkHasNoLag) {
  const StatusReport none = one(sixty_percent_task(), d(2024, 3, 1));
  EXPECT_EQ(none.items[0].expected, 60.0);
  EXPECT_FALSE(none.items[0].actual.has_value());
  EXPECT_EQ(none.items[0].light, Light::green);
  ItemFacts done = progress_at(d(2024, 2, 1), 10);
  done.done = d(2024, 2, 20);
  const StatusReport finished = one(sixty_percent_task(), d(2024, 3, 1), done);
  EXPECT_EQ(finished.items[0].status, Status::done_on_time);
  EXPECT_EQ(codes(finished), std::vector<ReasonCode>{ReasonCode::done_on_time});
}

TEST(ProgressRules, OverdueAndLaggingCarryBothReasons) {
  const StatusReport r = one(task_due(d(2024, 6, 28)), d(2024, 7, 1), progress_at(d(2024, 6, 30), 80));
  EXPECT_EQ(r.items[0].light, Light::red);
  EXPECT_EQ(codes(r), (std::vector<ReasonCode>{ReasonCode::overdue, ReasonCode::lag}));
  const Reason lag = reason_with(r, ReasonCode::lag);
  EXPECT_EQ(lag.expected, 100.0);
  EXPECT_EQ(lag.light, Light::yellow);  // 20 points behind
}

TEST(ProgressRules, TheExpectedCurveCountsWorkingDaysByDefault) {
  // From 2024-01-01 to a 2024-12-31 due date, linear in working days.
  const Subject s = task_due(d(2024, 12, 31));
  const StatusReport r = one(s, d(2024, 7, 1));
  const double elapsed = cal().workdays_between(d(2024, 1, 2), d(2024, 7, 1));
  const double total = cal().workdays_between(d(2024, 1, 2), d(2024, 12, 31));
  ASSERT_TRUE(r.items[0].expected.has_value());
  EXPECT_NEAR(*r.items[0].expected, elapsed / total * 100.0, 0.005);
  // Over National Day the curve stands still in working days, not in calendar days.
  EXPECT_EQ(one(s, d(2024, 10, 1)).items[0].expected, one(s, d(2024, 10, 7)).items[0].expected);
  StatusOptions calendar_days;
  calendar_days.workday_curve = false;
  EXPECT_LT(*one(s, d(2024, 10, 1), {}, calendar_days).items[0].expected,
            *one(s, d(2024, 10, 7), {}, calendar_days).items[0].expected);
}

TEST(ProgressRules, InstancesHaveNoLagRule) {
  const StatusReport r =
      one(instance_due("T@2024-03", d(2024, 4, 10)), d(2024, 4, 1), progress_at(d(2024, 4, 1), 0));
  EXPECT_FALSE(r.items[0].expected.has_value());
  EXPECT_EQ(r.items[0].light, Light::green);
  EXPECT_EQ(r.items[0].actual, 0.0);
}

TEST(ProgressRules, ContradictoryRulesAreRefused) {
  const std::vector<Subject> none;
  StatusOptions o;
  o.rules.lag_yellow = 40;
  EXPECT_TRUE(throws_error([&] { (void)evaluate(none, cal(), d(2024, 1, 1), {}, o); }, Errc::inval,
                           ErrClass::argument, "light rules: lag_red 30 is below lag_yellow 40"));
  o = {};
  o.rules.due_soon_workdays = -1;
  EXPECT_TRUE(throws_error([&] { (void)evaluate(none, cal(), d(2024, 1, 1), {}, o); }, Errc::inval,
                           ErrClass::argument, "light rules: due_soon_workdays -1 is negative"));
  o = {};
  o.rules.four_colour = true;
  o.rules.approaching_workdays = 2;
  EXPECT_TRUE(throws_error([&] { (void)evaluate(none, cal(), d(2024, 1, 1), {}, o); }, Errc::inval,
                           ErrClass::argument,
                           "light rules: approaching_workdays 2 is below due_soon_workdays 3"));
}

TEST(ProgressRules, ImpossibleFactsNameTheItem) {
  EXPECT_TRUE(throws_error([&] { (void)one(task_due(d(2024, 6, 28), d(2024, 1, 1), 7), d(2024, 3, 1),
                                           progress_at(d(2024, 2, 1), 120)); },
                           Errc::inval, ErrClass::argument,
                           "task 7: progress[0] (2024-02-01): percent 120 is outside 0..100"));
  EXPECT_TRUE(throws_error([&] { (void)one(instance_due("月报@2024-02", d(2024, 3, 11)), d(2024, 3, 1),
                                           progress_at(d(2024, 2, 1), -1)); },
                           Errc::inval, ErrClass::argument,
                           "instance '月报@2024-02': progress[0] (2024-02-01): percent -1 is outside 0..100"));
}

TEST(ProgressRules, BadMilestonesNameTheTask) {
  Subject s = task_due(d(2024, 6, 28), d(2024, 1, 1), 5);
  s.milestones = {{d(2024, 5, 1), "", 0.8}, {d(2024, 3, 1), "", 0.9}};
  EXPECT_TRUE(throws_error([&] { (void)one(s, d(2024, 4, 1)); }, Errc::inval, ErrClass::argument,
                           "task 5: expected_progress: milestone 2 (2024-03-01) is not after milestone 1 "
                           "(2024-05-01)"));
}

TEST(ProgressRules, AnUnknownYearIsAnError) {
  EXPECT_TRUE(throws_error(
      [&] { (void)one(task_due(d(2026, 12, 31)), d(2027, 1, 5)); }, Errc::range, ErrClass::time,
      "no published calendar for 2027 (known years: 2023–2026; load the year's data or allow the weekends-only "
      "fallback): workdays_between(2027-01-01, 2027-01-05)"));
}

}  // namespace
}  // namespace duban
