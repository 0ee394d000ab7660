// Recurring obligations expanded into dated instances: ids, period keys,
// month ends, holiday periods and reports due in the next year.
#include <gtest/gtest.h>

#include <set>

#include "calendar/test_util.hpp"
#include "duban/deadline.hpp"

namespace duban {
namespace {

using namespace duban::testing;

const WorkCalendar& cal() { return *WorkCalendar::builtin(); }

Recurrence every(Every e, int day = 0) {
  Recurrence r;
  r.every = e;
  r.day = day;
  return r;
}

const Occurrence& find(const std::vector<Occurrence>& all, const std::string& period) {
  for (const auto& o : all) {
    if (o.period == period) return o;
  }
  static const Occurrence none{};
  ADD_FAILURE() << "no instance for " << period;
  return none;
}

TEST(DeadlineExpand, MonthlyOnDayTenAcrossTheSpringFestivalAndNationalDay) {
  const auto all = expand(every(Every::month, 10), "T7", d(2024, 1, 1), d(2024, 12, 31), cal());
  ASSERT_EQ(all.size(), 12u);
  EXPECT_EQ(all[0].id, "T7@2024-01");
  EXPECT_EQ(all[0].period_first, d(2024, 1, 1));
  EXPECT_EQ(all[0].period_last, d(2024, 1, 31));
  EXPECT_EQ(all[1].id, "T7@2024-02");
  EXPECT_EQ(all[1].nominal, d(2024, 2, 10));
  EXPECT_EQ(all[1].due, d(2024, 2, 18));  // 春节 ends on the 17th; the 18th is a worked Sunday
  EXPECT_EQ(find(all, "2024-10").due, d(2024, 10, 10));
  EXPECT_EQ(find(all, "2024-08").due, d(2024, 8, 12));  // a Saturday
  std::set<std::string> ids;
  for (const auto& o : all) ids.insert(o.id);
  EXPECT_EQ(ids.size(), all.size());
}

TEST(DeadlineExpand, MonthlyReportOnThePreviousMonth) {
  Recurrence r = every(Every::month, 5);
  r.next_period = true;  // 每月5日前报送上月情况
  const auto all = expand(r, "月报", d(2024, 1, 1), d(2024, 12, 31), cal());
  ASSERT_EQ(all.size(), 12u);
  EXPECT_EQ(find(all, "2024-01").due, d(2024, 2, 5));
  EXPECT_EQ(find(all, "2024-09").nominal, d(2024, 10, 5));
  EXPECT_EQ(find(all, "2024-09").due, d(2024, 10, 8));
  EXPECT_EQ(find(all, "2024-12").id, "月报@2024-12");
  EXPECT_EQ(find(all, "2024-12").due, d(2025, 1, 6));  // in the next year: the 5th is a Sunday
}

TEST(DeadlineExpand, MonthEnds) {
  const auto all = expand(every(Every::month, 31), "T", d(2024, 1, 1), d(2024, 12, 31), cal());
  EXPECT_EQ(find(all, "2024-04").nominal, d(2024, 4, 30));  // 31日 in a 30-day month
  EXPECT_EQ(find(all, "2024-02").nominal, d(2024, 2, 29));
  EXPECT_EQ(find(all, "2024-06").nominal, d(2024, 6, 30));
  EXPECT_EQ(find(all, "2024-06").due, d(2024, 7, 1));
  EXPECT_EQ(find(all, "2024-03").nominal, d(2024, 3, 31));
  const auto feb30 = expand(every(Every::month, 30), "T", d(2025, 1, 1), d(2025, 3, 31), cal());
  EXPECT_EQ(find(feb30, "2025-02").nominal, d(2025, 2, 28));
  EXPECT_EQ(find(feb30, "2025-01").nominal, d(2025, 1, 30));
  EXPECT_EQ(find(feb30, "2025-01").due, d(2025, 2, 5));  // inside 2025's 春节
  ExpandOptions keep_month;
  keep_month.shift = Roll::modified_following;
  const auto kept = expand(every(Every::month, 30), "T", d(2025, 1, 1), d(2025, 1, 31), cal(), keep_month);
  EXPECT_EQ(kept[0].due, d(2025, 1, 27));
  const auto last_day = expand(every(Every::month, 0), "T", d(2024, 2, 1), d(2024, 2, 29), cal());
  EXPECT_EQ(last_day[0].nominal, d(2024, 2, 29));
}

TEST(DeadlineExpand, MonthlyOnTheNthWorkingDay) {
  Recurrence third;
  third.every = Every::month;
  third.workday = 3;
  const auto all = expand(third, "T", d(2024, 1, 1), d(2024, 12, 31), cal());
  EXPECT_EQ(find(all, "2024-02").due, d(2024, 2, 4));  // Feb 1, 2, then the worked Sunday
  EXPECT_EQ(find(all, "2024-10").due, d(2024, 10, 10));
  EXPECT_EQ(find(all, "2024-10").nominal, d(2024, 10, 10));
  Recurrence last;
  last.every = Every::month;
  last.workday = -1;
  const auto ends = expand(last, "T", d(2024, 1, 1), d(2024, 12, 31), cal());
  EXPECT_EQ(find(ends, "2024-02").due, d(2024, 2, 29));
  EXPECT_EQ(find(ends, "2024-06").due, d(2024, 6, 28));
  EXPECT_EQ(find(ends, "2024-09").due, d(2024, 9, 30));
}

TEST(DeadlineExpand, WeeklyOnAWeekdayAcrossNationalDay) {
  const auto all = expand(every(Every::week, 5), "周报", d(2024, 9, 23), d(2024, 10, 20), cal());
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].id, "周报@2024-W39");
  EXPECT_EQ(all[0].due, d(2024, 9, 27));
  EXPECT_EQ(all[1].period, "2024-W40");
  EXPECT_EQ(all[1].period_first, d(2024, 9, 30));
  EXPECT_EQ(all[1].nominal, d(2024, 10, 4));
  EXPECT_EQ(all[1].due, d(2024, 10, 8));
  EXPECT_EQ(all[2].due, d(2024, 10, 11));
  EXPECT_EQ(all[3].period, "2024-W42");
  Recurrence monday = every(Every::week, 1);
  monday.next_period = true;  // 每周一报上周
  const auto next = expand(monday, "T", d(2024, 9, 23), d(2024, 9, 29), cal());
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].nominal, d(2024, 9, 30));
}

TEST(DeadlineExpand, IsoWeekKeysAtTheYearBoundary) {
  const auto all = expand(every(Every::week, 3), "T", d(2024, 12, 1), d(2025, 1, 10), cal());
  std::vector<std::string> keys;
  for (const auto& o : all) keys.push_back(o.period);
  EXPECT_EQ(keys, (std::vector<std::string>{"2024-W48", "2024-W49", "2024-W50", "2024-W51", "2024-W52", "2025-W01"}));
  EXPECT_EQ(all.back().nominal, d(2025, 1, 1));
  EXPECT_EQ(all.back().due, d(2025, 1, 2));  // 元旦
  EXPECT_EQ(period_key(Every::week, d(2024, 12, 30)), "2025-W01");
  EXPECT_EQ(period_key(Every::week, d(2027, 1, 1)), "2026-W53");
  EXPECT_EQ(period_key(Every::week, d(2024, 2, 1)), "2024-W05");
  EXPECT_EQ(period_key(Every::month, d(2024, 3, 9)), "2024-03");
  EXPECT_EQ(period_key(Every::quarter, d(2024, 3, 9)), "2024-Q1");
  EXPECT_EQ(period_key(Every::quarter, d(2024, 12, 31)), "2024-Q4");
  EXPECT_EQ(period_key(Every::half_year, d(2024, 7, 1)), "2024-H2");
  EXPECT_EQ(period_key(Every::year, d(2024, 7, 1)), "2024");
}

TEST(DeadlineExpand, QuarterlyInTheLastMonthOfTheQuarter) {
  const auto all = expand(every(Every::quarter, 25), "季报", d(2024, 1, 1), d(2024, 12, 31), cal());
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].id, "季报@2024-Q1");
  EXPECT_EQ(all[0].period_last, d(2024, 3, 31));
  EXPECT_EQ(all[0].due, d(2024, 3, 25));
  EXPECT_EQ(all[2].due, d(2024, 9, 25));
  EXPECT_EQ(all[3].nominal, d(2024, 12, 25));
  const auto ends = expand(every(Every::quarter, 0), "T", d(2024, 1, 1), d(2024, 12, 31), cal());
  EXPECT_EQ(ends[1].nominal, d(2024, 6, 30));
  EXPECT_EQ(ends[1].due, d(2024, 7, 1));
  EXPECT_EQ(ends[2].nominal, d(2024, 9, 30));
}

TEST(DeadlineExpand, QuarterlyReportsDueInTheNextQuarterFallIntoTheNextYear) {
  Recurrence r = every(Every::quarter, 20);
  r.next_period = true;  // 每个季度第1个月的20日前 (on the quarter before)
  const auto all = expand(r, "季报", d(2024, 1, 1), d(2024, 12, 31), cal());
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].nominal, d(2024, 4, 20));
  EXPECT_EQ(all[0].due, d(2024, 4, 22));
  EXPECT_EQ(all[2].nominal, d(2024, 10, 20));
  EXPECT_EQ(all[2].due, d(2024, 10, 21));
  EXPECT_EQ(all[3].id, "季报@2024-Q4");
  EXPECT_EQ(all[3].due, d(2025, 1, 20));

  // The last quarter of the last known year needs the next year's calendar.
  EXPECT_TRUE(throws_error(
      [&] { expand(r, "季报", d(2026, 1, 1), d(2026, 12, 31), cal()); }, Errc::range, ErrClass::time,
      "no published calendar for 2027 (known years: 2023–2026; load the year's data or allow the weekends-only "
      "fallback): roll(2027-01-20, following)"));
  const WorkCalendar fallback(builtin_calendar_data(), CalendarOptions{true});
  EXPECT_EQ(expand(r, "季报", d(2026, 1, 1), d(2026, 12, 31), fallback).back().due, d(2027, 1, 20));

  Recurrence second = r;
  second.month = 2;
  EXPECT_EQ(expand(second, "T", d(2024, 10, 1), d(2024, 12, 31), cal())[0].nominal, d(2025, 2, 20));
}

TEST(DeadlineExpand, HalfYearlyAndYearly) {
  const auto halves = expand(every(Every::half_year), "半年", d(2024, 1, 1), d(2024, 12, 31), cal());
  ASSERT_EQ(halves.size(), 2u);
  EXPECT_EQ(halves[0].id, "半年@2024-H1");
  EXPECT_EQ(halves[0].due, d(2024, 7, 1));
  EXPECT_EQ(halves[1].due, d(2024, 12, 31));

  Recurrence summary = every(Every::year, 10);
  summary.next_period = true;  // 年终总结, 次年1月10日前
  const auto s = expand(summary, "年终总结", d(2024, 1, 1), d(2024, 12, 31), cal());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].id, "年终总结@2024");
  EXPECT_EQ(s[0].due, d(2025, 1, 10));

  Recurrence feb = every(Every::year, 0);
  feb.next_period = true;
  feb.month = 2;  // 次年2月底前
  EXPECT_EQ(expand(feb, "T", d(2023, 1, 1), d(2023, 12, 31), cal())[0].due, d(2024, 2, 29));
  EXPECT_EQ(expand(feb, "T", d(2024, 1, 1), d(2024, 12, 31), cal())[0].due, d(2025, 2, 28));

  Recurrence november = every(Every::year, 30);
  november.month = 11;
  EXPECT_EQ(expand(november, "T", d(2024, 1, 1), d(2024, 12, 31), cal())[0].due, d(2024, 12, 2));
  EXPECT_EQ(expand(every(Every::year), "T", d(2023, 1, 1), d(2023, 12, 31), cal())[0].due, d(2024, 1, 2));
}

TEST(DeadlineExpand, AdjacentRangesNeitherOverlapNorMissAnInstance) {
  for (const Every e : {Every::week, Every::month, Every::quarter, Every::half_year, Every::year}) {
    const auto whole = expand(every(e, 1), "T", d(2023, 1, 2), d(2025, 12, 31), cal());
    auto parts = expand(every(e, 1), "T", d(2023, 1, 2), d(2024, 5, 10), cal());
    const auto rest = expand(every(e, 1), "T", d(2024, 5, 11), d(2025, 12, 31), cal());
    parts.insert(parts.end(), rest.begin(), rest.end());
    EXPECT_EQ(parts, whole) << to_string(e);
    EXPECT_EQ(expand(every(e, 1), "T", d(2023, 1, 2), d(2025, 12, 31), cal()), whole);  // deterministic
  }
  // A period that ends after `to` belongs to the next range.
  const auto partial = expand(every(Every::month, 10), "T", d(2024, 3, 15), d(2024, 5, 10), cal());
  ASSERT_EQ(partial.size(), 2u);
  EXPECT_EQ(partial[0].period, "2024-03");
  EXPECT_EQ(partial[1].period, "2024-04");
  EXPECT_TRUE(expand(every(Every::year), "T", d(2024, 1, 1), d(2024, 12, 30), cal()).empty());
}

TEST(DeadlineExpand, LoadingALocalClosureMovesTheDueDatesItTouches) {
  CalendarData closure;
  closure.local.push_back({"停电停工", "测试区", d(2024, 3, 11), d(2024, 3, 11), false, "test source"});
  const CalendarUpdate update = WorkCalendar::builtin()->with(closure);
  const auto before = expand(every(Every::month, 11), "T", d(2024, 1, 1), d(2024, 12, 31), cal());
  const auto after = expand(every(Every::month, 11), "T", d(2024, 1, 1), d(2024, 12, 31), *update.calendar);
  EXPECT_EQ(moved_dues(before, after), (std::vector<DueMove>{{"T@2024-03", d(2024, 3, 11), d(2024, 3, 12)}}));
  EXPECT_TRUE(moved_dues(before, before).empty());
  ASSERT_EQ(update.changes.days.size(), 1u);
  EXPECT_EQ(update.changes.days[0].date, d(2024, 3, 11));
}

TEST(DeadlineExpand, Errors) {
  const auto fails = [](Recurrence r, const std::string& message) {
    return throws_error([&] { expand(r, "T1", d(2024, 1, 1), d(2024, 12, 31), cal()); }, Errc::inval,
                        ErrClass::argument, message);
  };
  EXPECT_TRUE(fails(every(Every::none), "recurrence of 'T1': no period to recur over (every is none)"));
  EXPECT_TRUE(fails(every(static_cast<Every>(42)), "recurrence of 'T1': no period to recur over (every is 42)"));
  EXPECT_TRUE(fails(every(Every::month, 32), "recurrence of 'T1': day 32 is outside 0..31 for month"));
  EXPECT_TRUE(fails(every(Every::week, 8), "recurrence of 'T1': day 8 is outside 0..7 for week"));
  Recurrence both = every(Every::month, 10);
  both.workday = 2;
  EXPECT_TRUE(fails(both, "recurrence of 'T1': give day or workday, not both"));
  Recurrence too_many;
  too_many.every = Every::month;
  too_many.workday = 24;
  EXPECT_TRUE(fails(too_many, "recurrence of 'T1': workday 24 is outside -23..23 for month"));
  Recurrence weekly_workday = every(Every::week);
  weekly_workday.workday = 1;
  EXPECT_TRUE(fails(weekly_workday, "recurrence of 'T1': workday is not supported for week"));
  Recurrence month4 = every(Every::quarter, 1);
  month4.month = 4;
  EXPECT_TRUE(fails(month4, "recurrence of 'T1': month 4 is outside 0..3 for quarter"));
  Recurrence month2 = every(Every::month, 1);
  month2.month = 2;
  EXPECT_TRUE(fails(month2, "recurrence of 'T1': month 2 is outside 0..1 for month"));
  EXPECT_TRUE(throws_error([] { expand(every(Every::month), "", d(2024, 1, 1), d(2024, 2, 1), cal()); },
                           Errc::inval, ErrClass::argument, "expand: the obligation key is empty"));
  EXPECT_TRUE(throws_error([] { expand(every(Every::month), "T1", d(2024, 12, 31), d(2024, 1, 1), cal()); },
                           Errc::inval, ErrClass::argument, "expand 'T1': from 2024-12-31 is after to 2024-01-01"));
  EXPECT_TRUE(throws_error([] { expand(every(Every::month), "T1", d(2024, 2, 30), d(2024, 3, 1), cal()); },
                           Errc::inval, ErrClass::argument, "expand 'T1': 2024-02-30 is not a date"));
  EXPECT_TRUE(throws_error([] { period_key(Every::none, d(2024, 1, 1)); }, Errc::inval, ErrClass::argument,
                           "period_key(2024-01-01): no period (every is none)"));
  Recurrence workday20;
  workday20.every = Every::month;
  workday20.workday = 20;
  EXPECT_TRUE(throws_error([&] { expand(workday20, "T1", d(2024, 10, 1), d(2024, 10, 31), cal()); }, Errc::range,
                           ErrClass::time, "nth_workday(2024-10, 20): 2024-10 has only 19 working days"));
}

}  // namespace
}  // namespace duban
