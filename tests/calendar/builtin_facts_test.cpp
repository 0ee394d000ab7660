// The built-in 2023–2026 data against shared/facts/cn-workdays.md.
#include <gtest/gtest.h>

#include "calendar/test_util.hpp"
#include "duban/calendar.hpp"

namespace duban {
namespace {

using namespace duban::testing;

const WorkCalendar& cal() { return *WorkCalendar::builtin(); }

TEST(CalendarFacts, WorkingDaysPerYear) {
  EXPECT_EQ(cal().workdays_in_year(std::chrono::year{2023}), 249);
  EXPECT_EQ(cal().workdays_in_year(std::chrono::year{2024}), 251);
  EXPECT_EQ(cal().workdays_in_year(std::chrono::year{2025}), 248);
  EXPECT_EQ(cal().workdays_in_year(std::chrono::year{2026}), 248);
  for (const auto& y : facts()) {
    EXPECT_EQ(cal().workdays_between(d(y.year, 1, 1), d(y.year, 12, 31)), y.total) << y.year;
  }
}

TEST(CalendarFacts, WorkingDaysPerMonthIn2024) {
  const int expected[12] = {22, 18, 21, 22, 21, 19, 23, 22, 21, 19, 21, 22};
  int sum = 0;
  for (unsigned m = 1; m <= 12; ++m) {
    EXPECT_EQ(cal().workdays_in_month(ym(2024, m)), expected[m - 1]) << "2024-" << m;
    sum += cal().workdays_in_month(ym(2024, m));
  }
  EXPECT_EQ(sum, 251);
}

TEST(CalendarFacts, PinnedDays2024) {
  EXPECT_TRUE(cal().is_workday(d(2024, 9, 29)));   // Sunday, worked for 国庆
  EXPECT_TRUE(cal().is_workday(d(2024, 10, 12)));  // Saturday, worked for 国庆
  for (unsigned day = 1; day <= 7; ++day) EXPECT_FALSE(cal().is_workday(d(2024, 10, day))) << day;
  EXPECT_TRUE(cal().is_workday(d(2024, 2, 9)));  // 除夕 2024: only encouraged off
  EXPECT_FALSE(cal().is_workday(d(2025, 1, 28)));  // 除夕 2025: statutory
  EXPECT_FALSE(cal().is_workday(d(2025, 5, 2)));
  EXPECT_TRUE(cal().is_workday(d(2024, 10, 8)));
  EXPECT_FALSE(cal().is_workday(d(2024, 10, 13)));  // a plain Sunday
}

TEST(CalendarFacts, EveryDayAgreesWithTheFactsTable) {
  for (const Date x : days(d(2023, 1, 1), d(2026, 12, 31))) {
    ASSERT_EQ(cal().is_workday(x), naive_workday_plain(x)) << iso(x);
  }
}

TEST(CalendarFacts, EveryRangeAndAdjustedDayIsThere) {
  for (const auto& y : facts()) {
    for (const auto& [first, last] : y.holidays) {
      for (const Date x : days(first, last)) {
        const DayInfo info = cal().describe(x);
        EXPECT_FALSE(info.working) << iso(x);
        EXPECT_EQ(info.kind, DayKind::holiday) << iso(x);
        EXPECT_FALSE(info.name.empty()) << iso(x);
      }
    }
    for (const Date w : y.workdays) {
      const DayInfo info = cal().describe(w);
      EXPECT_TRUE(info.working) << iso(w);
      EXPECT_EQ(info.kind, DayKind::adjusted_workday) << iso(w);
      EXPECT_EQ(info.name, "调休上班");
    }
  }
}

TEST(CalendarFacts, NamesAndSources) {
  const DayInfo spring = cal().describe(d(2024, 2, 12));
  EXPECT_TRUE(spring.known);
  EXPECT_EQ(spring.name, "春节");
  EXPECT_EQ(spring.source, "国办发明电〔2023〕7号");
  EXPECT_EQ(cal().describe(d(2023, 10, 1)).name, "中秋·国庆");
  EXPECT_EQ(cal().describe(d(2023, 10, 1)).source, "国办发明电〔2022〕16号");
  EXPECT_EQ(cal().describe(d(2025, 10, 8)).name, "国庆·中秋");
  EXPECT_EQ(cal().describe(d(2025, 10, 8)).source, "国办发明电〔2024〕12号");
  EXPECT_EQ(cal().describe(d(2024, 10, 12)).source, "国办发明电〔2023〕7号");
  EXPECT_EQ(cal().describe(d(2026, 2, 23)).name, "春节");
  const DayInfo plain = cal().describe(d(2024, 3, 5));
  EXPECT_EQ(plain.kind, DayKind::weekday);
  EXPECT_TRUE(plain.working);
  EXPECT_TRUE(plain.name.empty());
  EXPECT_TRUE(plain.source.empty());
  EXPECT_EQ(cal().describe(d(2024, 3, 9)).kind, DayKind::weekend);
}

TEST(CalendarFacts, The2023NewYearRangeReachesInto2022ButDoesNotMake2022Known) {
  const DayInfo info = cal().describe(d(2022, 12, 31));
  EXPECT_FALSE(info.known);
  EXPECT_EQ(info.kind, DayKind::holiday);
  EXPECT_EQ(info.name, "元旦");
  EXPECT_FALSE(cal().has_year(2022));
  EXPECT_TRUE(cal().has_year(2023));
  EXPECT_EQ(cal().years(), (std::vector<int>{2023, 2024, 2025, 2026}));
}

TEST(CalendarFacts, BuiltinDataMatchesTheFactsRangeForRange) {
  const CalendarData data = builtin_calendar_data();
  ASSERT_EQ(data.years.size(), facts().size());
  for (std::size_t i = 0; i < facts().size(); ++i) {
    const auto& y = data.years[i];
    EXPECT_EQ(y.year, facts()[i].year);
    ASSERT_EQ(y.holidays.size(), facts()[i].holidays.size()) << y.year;
    for (std::size_t h = 0; h < y.holidays.size(); ++h) {
      EXPECT_EQ(y.holidays[h].first, facts()[i].holidays[h].first) << y.year;
      EXPECT_EQ(y.holidays[h].last, facts()[i].holidays[h].second) << y.year;
    }
    EXPECT_EQ(y.workdays, facts()[i].workdays) << y.year;
    EXPECT_FALSE(y.source.empty());
  }
  EXPECT_EQ(data.years[0].source, "国办发明电〔2022〕16号");
  EXPECT_EQ(data.years[1].source, "国办发明电〔2023〕7号");
  EXPECT_EQ(data.years[2].source, "国办发明电〔2024〕12号");
  EXPECT_TRUE(data.local.empty());
}

TEST(CalendarFacts, BuiltinIsOneSharedInstance) {
  EXPECT_EQ(WorkCalendar::builtin().get(), WorkCalendar::builtin().get());
  EXPECT_FALSE(WorkCalendar::builtin()->options().weekends_only_fallback);
}

}  // namespace
}  // namespace duban
