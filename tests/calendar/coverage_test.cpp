// Years without data are refused with a message that names the year, unless
// the caller asked for the weekends-only fallback; bad arguments are refused
// with a message that names the call.
#include <gtest/gtest.h>

#include <climits>

#include "calendar/test_util.hpp"
#include "duban/calendar.hpp"

namespace duban {
namespace {

using namespace duban::testing;

const WorkCalendar& cal() { return *WorkCalendar::builtin(); }

const std::string kKnown = " (known years: 2023–2026; load the year's data or allow the weekends-only fallback): ";

TEST(CalendarCoverage, UnknownYearsThrowNamingTheYear) {
  EXPECT_TRUE(throws_error([] { cal().is_workday(d(2027, 1, 4)); }, Errc::range, ErrClass::time,
                           "no published calendar for 2027" + kKnown + "is_workday(2027-01-04)"));
  EXPECT_TRUE(throws_error([] { cal().add_workdays(d(2026, 12, 30), 5); }, Errc::range, ErrClass::time,
                           "no published calendar for 2027" + kKnown + "add_workdays(2026-12-30, 5)"));
  EXPECT_TRUE(throws_error([] { cal().next_workday(d(2026, 12, 31)); }, Errc::range, ErrClass::time,
                           "no published calendar for 2027" + kKnown + "next_workday(2026-12-31)"));
  // 2023's 元旦 runs 2022-12-31..2023-01-02, so the step back lands in 2022.
  EXPECT_TRUE(throws_error([] { cal().previous_workday(d(2023, 1, 3)); }, Errc::range, ErrClass::time,
                           "no published calendar for 2022" + kKnown + "previous_workday(2023-01-03)"));
  EXPECT_TRUE(throws_error([] { cal().add_workdays(d(2023, 2, 1), -30); }, Errc::range, ErrClass::time,
                           "no published calendar for 2022" + kKnown + "add_workdays(2023-02-01, -30)"));
  EXPECT_TRUE(throws_error([] { cal().workdays_between(d(2026, 12, 1), d(2027, 1, 31)); }, Errc::range,
                           ErrClass::time,
                           "no published calendar for 2027" + kKnown + "workdays_between(2026-12-01, 2027-01-31)"));
  EXPECT_TRUE(throws_error([] { cal().workdays_in_year(std::chrono::year{2027}); }, Errc::range, ErrClass::time,
                           "no published calendar for 2027" + kKnown + "workdays_in_year(2027)"));
  EXPECT_TRUE(throws_error([] { cal().workdays_in_month(ym(2022, 12)); }, Errc::range, ErrClass::time,
                           "no published calendar for 2022" + kKnown + "workdays_in_month(2022-12)"));
  EXPECT_TRUE(throws_error([] { cal().nth_workday(ym(2027, 1), 1); }, Errc::range, ErrClass::time,
                           "no published calendar for 2027" + kKnown + "nth_workday(2027-01, 1)"));
  EXPECT_TRUE(throws_error([] { cal().roll(d(2027, 1, 1), Roll::following); }, Errc::range, ErrClass::time,
                           "no published calendar for 2027" + kKnown + "roll(2027-01-01, following)"));
  // A huge step is still reported as the first unknown year it meets.
  EXPECT_TRUE(throws_error([] { cal().add_workdays(d(2024, 1, 2), INT_MAX); }, Errc::range, ErrClass::time,
                           "no published calendar for 2027" + kKnown + "add_workdays(2024-01-02, 2147483647)"));
}

TEST(CalendarCoverage, AnswersThatStayInKnownYearsNeedNothingElse) {
  // The first day after 2022-12-31 is known, and the answer needs only (d, r].
  EXPECT_EQ(cal().next_workday(d(2022, 12, 31)), d(2023, 1, 3));
  EXPECT_EQ(cal().previous_workday(d(2027, 1, 1)), d(2026, 12, 31));
  EXPECT_EQ(cal().roll(d(2027, 1, 1), Roll::none), d(2027, 1, 1));
  EXPECT_EQ(cal().workdays_between(d(2027, 1, 2), d(2027, 1, 1)), 0);  // empty: nothing to know
}

TEST(CalendarCoverage, DescribeNeverThrowsForUnknownYears) {
  const DayInfo info = cal().describe(d(2027, 1, 4));
  EXPECT_FALSE(info.known);
  EXPECT_TRUE(info.working);
  EXPECT_EQ(info.kind, DayKind::weekday);
  EXPECT_FALSE(cal().describe(d(2030, 6, 1)).working);
}

TEST(CalendarCoverage, WeekendsOnlyFallbackIsExplicit) {
  const WorkCalendar c(builtin_calendar_data(), CalendarOptions{true});
  EXPECT_TRUE(c.options().weekends_only_fallback);
  EXPECT_TRUE(c.is_workday(d(2027, 1, 1)));  // a Friday; 2027's 元旦 is not known
  EXPECT_FALSE(c.is_workday(d(2027, 1, 2)));
  EXPECT_EQ(c.add_workdays(d(2026, 12, 31), 1), d(2027, 1, 1));
  EXPECT_EQ(c.workdays_between(d(2026, 12, 1), d(2027, 1, 31)), 23 + 21);
  EXPECT_EQ(c.previous_workday(d(2023, 1, 3)), d(2022, 12, 30));
  EXPECT_EQ(c.workdays_in_year(std::chrono::year{2027}), 261);
  EXPECT_FALSE(c.describe(d(2027, 1, 1)).known);
  // Known years are unchanged by the option.
  EXPECT_EQ(c.workdays_in_year(std::chrono::year{2024}), 251);
}

TEST(CalendarCoverage, AGapYearInsideTheDataIsUnknownToo) {
  CalendarData data = builtin_calendar_data();
  data.years.erase(data.years.begin() + 1);  // drop 2024
  const WorkCalendar c(data);
  const std::string known = " (known years: 2023, 2025–2026; load the year's data or allow the weekends-only fallback): ";
  EXPECT_TRUE(throws_error([&] { c.add_workdays(d(2023, 12, 29), 1); }, Errc::range, ErrClass::time,
                           "no published calendar for 2024" + known + "add_workdays(2023-12-29, 1)"));
  EXPECT_TRUE(throws_error([&] { c.add_workdays(d(2025, 1, 2), -2); }, Errc::range, ErrClass::time,
                           "no published calendar for 2024" + known + "add_workdays(2025-01-02, -2)"));
  EXPECT_TRUE(throws_error([&] { c.workdays_between(d(2023, 12, 1), d(2025, 1, 31)); }, Errc::range,
                           ErrClass::time,
                           "no published calendar for 2024" + known + "workdays_between(2023-12-01, 2025-01-31)"));
  EXPECT_EQ(c.add_workdays(d(2025, 1, 3), -1), d(2025, 1, 2));
  EXPECT_EQ(c.workdays_in_year(std::chrono::year{2025}), 248);
  const WorkCalendar f(data, CalendarOptions{true});
  EXPECT_EQ(f.workdays_in_year(std::chrono::year{2024}), 262);  // Monday–Friday 2024
  EXPECT_EQ(f.add_workdays(d(2023, 12, 29), 1), d(2024, 1, 1));
}

TEST(CalendarCoverage, AnEmptyCalendarKnowsNothing) {
  const WorkCalendar c;
  EXPECT_TRUE(c.years().empty());
  EXPECT_TRUE(throws_error(
      [&] { c.is_workday(d(2024, 1, 2)); }, Errc::range, ErrClass::time,
      "no published calendar for 2024 (known years: none; load the year's data or allow the weekends-only "
      "fallback): is_workday(2024-01-02)"));
}

TEST(CalendarCoverage, BadArguments) {
  EXPECT_TRUE(throws_error([] { cal().is_workday(d(2024, 2, 30)); }, Errc::inval, ErrClass::argument,
                           "is_workday(2024-02-30): 2024-02-30 is not a date"));
  EXPECT_TRUE(throws_error([] { cal().workdays_between(d(2024, 1, 1), d(2024, 13, 1)); }, Errc::inval,
                           ErrClass::argument, "workdays_between(2024-01-01, 2024-13-01): 2024-13-01 is not a date"));
  EXPECT_TRUE(throws_error([] { cal().is_workday(d(10000, 1, 1)); }, Errc::range, ErrClass::argument,
                           "is_workday(10000-01-01): year 10000 is outside 1..9999"));
  EXPECT_TRUE(throws_error([] { cal().workdays_in_month(ym(2024, 13)); }, Errc::inval, ErrClass::argument,
                           "workdays_in_month(2024-13): 2024-13 is not a month"));
  EXPECT_TRUE(throws_error([] { cal().nth_workday(ym(2024, 10), 0); }, Errc::inval, ErrClass::argument,
                           "nth_workday(2024-10, 0): n must not be 0"));
  EXPECT_TRUE(throws_error([] { cal().nth_workday(ym(2024, 10), 20); }, Errc::range, ErrClass::time,
                           "nth_workday(2024-10, 20): 2024-10 has only 19 working days"));
  EXPECT_TRUE(throws_error([] { cal().nth_workday(ym(2024, 10), -20); }, Errc::range, ErrClass::time,
                           "nth_workday(2024-10, -20): 2024-10 has only 19 working days"));
  EXPECT_TRUE(throws_error([] { cal().roll(d(2024, 10, 1), static_cast<Roll>(9)); }, Errc::inval,
                           ErrClass::argument, "roll(2024-10-01, 9): unknown convention 9"));
}

TEST(CalendarCoverage, ResultsPastTheRepresentableRange) {
  const WorkCalendar c(CalendarData{}, CalendarOptions{true});
  EXPECT_TRUE(throws_error([&] { c.add_workdays(d(9999, 12, 31), 1); }, Errc::range, ErrClass::time,
                           "add_workdays(9999-12-31, 1): the result would be after 9999-12-31"));
  EXPECT_TRUE(throws_error([&] { c.add_workdays(d(1, 1, 1), -1); }, Errc::range, ErrClass::time,
                           "add_workdays(0001-01-01, -1): the result would be before 0001-01-01"));
  EXPECT_TRUE(throws_error([&] { c.add_workdays(d(2024, 1, 1), INT_MIN); }, Errc::range, ErrClass::time,
                           "add_workdays(2024-01-01, -2147483648): the result would be before 0001-01-01"));
  EXPECT_EQ(c.add_workdays(d(9999, 12, 30), 1), d(9999, 12, 31));  // a Friday
}

TEST(CalendarCoverage, AMonthWithNoWorkingDay) {
  CalendarData data = builtin_calendar_data();
  data.local.push_back({"全月停工", "测试区", d(2024, 10, 1), d(2024, 10, 31), false, "test fixture"});
  const WorkCalendar c(data);
  EXPECT_EQ(c.workdays_in_month(ym(2024, 10)), 0);
  EXPECT_TRUE(throws_error([&] { c.last_workday(ym(2024, 10)); }, Errc::range, ErrClass::time,
                           "last_workday(2024-10): 2024-10 has no working day"));
  EXPECT_EQ(c.next_workday(d(2024, 9, 30)), d(2024, 11, 1));
}

}  // namespace
}  // namespace duban
