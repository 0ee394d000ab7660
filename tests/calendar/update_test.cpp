// Loading data into a calendar: new years and local rules apply, the old
// calendar keeps its answers, and the update says which days changed.
#include <gtest/gtest.h>

#include "calendar/test_util.hpp"
#include "duban/calendar.hpp"

namespace duban {
namespace {

using namespace duban::testing;

CalendarData fixture() {
  CalendarData data;
  data.years.push_back({2027,
                        "test fixture, not an official notice",
                        {{"元旦", d(2027, 1, 1), d(2027, 1, 3)}, {"测试假期", d(2027, 2, 8), d(2027, 2, 10)}},
                        {d(2027, 2, 6)}});
  data.local.push_back({"台风停工", "测试区", d(2024, 9, 18), d(2024, 9, 18), false, "test source"});
  data.local.push_back({"补班", "测试区", d(2024, 9, 22), d(2024, 9, 22), true, "test source"});
  return data;
}

TEST(CalendarUpdate, AddsYearsAndLocalRulesAndReportsTheDays) {
  const auto before = WorkCalendar::builtin();
  const CalendarUpdate update = before->with(fixture());
  const WorkCalendar& after = *update.calendar;

  EXPECT_EQ(after.years(), (std::vector<int>{2023, 2024, 2025, 2026, 2027}));
  EXPECT_TRUE(update.years_replaced.empty());
  EXPECT_EQ(update.changes.years_added, std::vector<int>{2027});
  EXPECT_TRUE(update.changes.years_removed.empty());

  const std::vector<DayChange> expected = {
      {d(2024, 9, 18), true, false, true, true, "台风停工 (test source)"},
      {d(2024, 9, 22), false, true, true, true, "补班 (test source)"},
      {d(2027, 1, 1), true, false, false, true, "元旦 (test fixture, not an official notice)"},
      {d(2027, 2, 6), false, true, false, true, "调休上班 (test fixture, not an official notice)"},
      {d(2027, 2, 8), true, false, false, true, "测试假期 (test fixture, not an official notice)"},
      {d(2027, 2, 9), true, false, false, true, "测试假期 (test fixture, not an official notice)"},
      {d(2027, 2, 10), true, false, false, true, "测试假期 (test fixture, not an official notice)"},
  };
  EXPECT_EQ(update.changes.days, expected);

  // The new calendar answers with the new data; the shared old one is untouched.
  EXPECT_FALSE(after.is_workday(d(2024, 9, 18)));
  EXPECT_EQ(after.describe(d(2024, 9, 18)).kind, DayKind::local_closure);
  EXPECT_EQ(after.describe(d(2024, 9, 22)).kind, DayKind::local_workday);
  EXPECT_TRUE(after.is_workday(d(2024, 9, 22)));
  EXPECT_EQ(after.workdays_in_month(ym(2024, 9)), 21);  // one closed, one added
  EXPECT_EQ(after.add_workdays(d(2026, 12, 31), 1), d(2027, 1, 4));
  EXPECT_TRUE(before->is_workday(d(2024, 9, 18)));
  EXPECT_FALSE(before->has_year(2027));
}

TEST(CalendarUpdate, ReplacingAYearIsReported) {
  CalendarData changed;
  changed.years.push_back(builtin_calendar_data().years[1]);
  auto& workdays = changed.years[0].workdays;
  workdays.erase(std::find(workdays.begin(), workdays.end(), d(2024, 10, 12)));
  const CalendarUpdate update = WorkCalendar::builtin()->with(changed);
  EXPECT_EQ(update.years_replaced, std::vector<int>{2024});
  EXPECT_TRUE(update.changes.years_added.empty());
  const std::vector<DayChange> expected = {{d(2024, 10, 12), true, false, true, true, "weekend"}};
  EXPECT_EQ(update.changes.days, expected);
  EXPECT_EQ(update.calendar->workdays_in_year(std::chrono::year{2024}), 250);
}

TEST(CalendarUpdate, LoadingTheSameDataAgainChangesNothing) {
  const CalendarUpdate once = WorkCalendar::builtin()->with(fixture());
  const CalendarUpdate twice = once.calendar->with(fixture());
  EXPECT_TRUE(twice.changes.empty());
  EXPECT_TRUE(twice.years_replaced.empty());
  EXPECT_EQ(twice.calendar->data(), once.calendar->data());
  EXPECT_EQ(twice.calendar->data().local.size(), 2u);
}

TEST(CalendarUpdate, MergedContradictionsAreRefused) {
  CalendarData clash;
  clash.local.push_back({"补班", "", d(2024, 9, 18), d(2024, 9, 18), true, "s"});
  const CalendarUpdate first = WorkCalendar::builtin()->with(fixture());
  EXPECT_TRUE(throws_error([&] { first.calendar->with(clash); }, Errc::inval, ErrClass::time,
                           "calendar data: local rule 台风停工 (2024-09-18–2024-09-18) and local rule 补班 "
                           "(2024-09-18–2024-09-18) disagree on 2024-09-18"));
}

TEST(CalendarUpdate, LocalRulesWinOverNationalOnes) {
  CalendarData data = builtin_calendar_data();
  data.local.push_back({"停工", "", d(2024, 10, 12), d(2024, 10, 12), false, "s"});   // an adjusted Saturday
  data.local.push_back({"值班", "", d(2024, 10, 3), d(2024, 10, 3), true, "s"});       // inside 国庆
  const WorkCalendar c(data);
  EXPECT_FALSE(c.is_workday(d(2024, 10, 12)));
  EXPECT_TRUE(c.is_workday(d(2024, 10, 3)));
  EXPECT_EQ(c.describe(d(2024, 10, 3)).name, "值班");
  EXPECT_EQ(c.next_workday(d(2024, 9, 30)), d(2024, 10, 3));
}

TEST(CalendarUpdate, DiffBetweenUnrelatedCalendars) {
  const WorkCalendar empty;
  const CalendarDiff lost = diff(*WorkCalendar::builtin(), empty);
  EXPECT_EQ(lost.years_removed, (std::vector<int>{2023, 2024, 2025, 2026}));
  EXPECT_TRUE(lost.years_added.empty());
  // Every holiday on a weekday and every adjusted weekend, from 2022-12-31's range on.
  int weekday_holidays = 0;
  int adjusted = 0;
  for (const auto& c : lost.days) {
    (c.was_working ? adjusted : weekday_holidays) += 1;
    EXPECT_FALSE(c.now_known);
  }
  EXPECT_EQ(adjusted, 7 + 8 + 5 + 6);
  EXPECT_EQ(weekday_holidays, (260 - 249 + 7) + (262 - 251 + 8) + (261 - 248 + 5) + (261 - 248 + 6));
  EXPECT_TRUE(diff(*WorkCalendar::builtin(), *WorkCalendar::builtin()).empty());
}

}  // namespace
}  // namespace duban
