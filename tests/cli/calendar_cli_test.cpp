// duban calendar: is-workday, add, count, month, as a user runs them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "run.hpp"

namespace duban::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kNo2027 =
    "duban: error: no published calendar for 2027 (known years: 2023–2026; load the year's data or allow the "
    "weekends-only fallback): ";

TEST(CalendarCli, IsWorkdaySaysWhyAndNamesTheDay) {
  const Outcome sunday = duban({"calendar", "is-workday", "2024-09-29"});
  EXPECT_EQ(sunday.status, 0) << sunday.err;
  EXPECT_EQ(sunday.out, "yes adjusted_workday 调休上班\n");
  EXPECT_EQ(duban({"calendar", "is-workday", "2024-10-12"}).out, "yes adjusted_workday 调休上班\n");
  const Outcome holiday = duban({"calendar", "is-workday", "2024-10-01"});
  EXPECT_EQ(holiday.status, 0);  // "no" is an answer, not a failure
  EXPECT_EQ(holiday.out, "no holiday 国庆\n");
  EXPECT_EQ(duban({"calendar", "is-workday", "2024-02-12"}).out, "no holiday 春节\n");
  EXPECT_EQ(duban({"calendar", "is-workday", "2024-02-09"}).out, "yes weekday\n");  // 除夕 2024 was worked
  EXPECT_EQ(duban({"calendar", "is-workday", "2024-07-06"}).out, "no weekend\n");
}

TEST(CalendarCli, AddCountsWorkingDaysBothWays) {
  const Outcome after = duban({"calendar", "add", "2024-09-30", "1"});
  EXPECT_EQ(after.status, 0) << after.err;
  EXPECT_EQ(after.out, "2024-10-08\n");
  EXPECT_EQ(duban({"calendar", "add", "2024-10-08", "-1"}).out, "2024-09-30\n");
  EXPECT_EQ(duban({"calendar", "add", "2024-10-05", "0"}).out, "2024-10-08\n");
  // 15个工作日内 from 2024-09-25 (docs/calendar.md).
  EXPECT_EQ(duban({"calendar", "add", "2024-09-25", "15"}).out, "2024-10-21\n");
}

TEST(CalendarCli, CountIsInclusive) {
  const Outcome year = duban({"calendar", "count", "2024-01-01", "2024-12-31"});
  EXPECT_EQ(year.status, 0) << year.err;
  EXPECT_EQ(year.out, "251\n");
  EXPECT_EQ(duban({"calendar", "count", "2024-10-01", "2024-10-31"}).out, "19\n");
  EXPECT_EQ(duban({"calendar", "count", "2024-10-08", "2024-10-08"}).out, "1\n");
  EXPECT_EQ(duban({"calendar", "count", "2024-10-09", "2024-10-08"}).out, "0\n");
}

TEST(CalendarCli, MonthListsEveryDay) {
  const Outcome month = duban({"calendar", "month", "2024-10"});
  ASSERT_EQ(month.status, 0) << month.err;
  EXPECT_THAT(month.out, StartsWith("2024-10-01\tno\tholiday\t国庆\n"));
  EXPECT_THAT(month.out, HasSubstr("2024-10-12\tyes\tadjusted_workday\t调休上班\n2024-10-13\tno\tweekend\n"));
  EXPECT_EQ(std::count(month.out.begin(), month.out.end(), '\n'), 31);
  std::size_t working = 0;
  for (std::size_t at = month.out.find("\tyes\t"); at != std::string::npos; at = month.out.find("\tyes\t", at + 1)) {
    ++working;
  }
  EXPECT_EQ(working, 19u);
}

TEST(CalendarCli, AYearWithoutDataIsAnError) {
  const Outcome is = duban({"calendar", "is-workday", "2027-01-04"});
  EXPECT_EQ(is.status, 1);
  EXPECT_EQ(is.out, "");
  EXPECT_EQ(is.err, kNo2027 + "is_workday(2027-01-04)\n");
  const Outcome add = duban({"calendar", "add", "2026-12-30", "5"});
  EXPECT_EQ(add.status, 1);
  EXPECT_EQ(add.err, kNo2027 + "add_workdays(2026-12-30, 5)\n");
  const Outcome count = duban({"calendar", "count", "2026-12-01", "2027-01-31"});
  EXPECT_EQ(count.status, 1);
  EXPECT_THAT(count.err, StartsWith(kNo2027));
  const Outcome month = duban({"calendar", "month", "2027-01"});
  EXPECT_EQ(month.status, 1);
  EXPECT_EQ(month.out, "");
  EXPECT_EQ(month.err, kNo2027 + "workdays_in_month(2027-01)\n");
}

TEST(CalendarCli, TheFallbackAndDataFilesAreAskedFor) {
  const Outcome guess = duban({"calendar", "is-workday", "2027-01-04", "--weekends-only"});
  EXPECT_EQ(guess.status, 0) << guess.err;
  EXPECT_EQ(guess.out, "yes weekday\n");
  // Illustrative data for 2027 (not a real notice): one holiday.
  TempDir dir;
  std::ofstream(dir.file("2027.json"))
      << R"({"duban_calendar": 1, "years": [{"year": 2027, "source": "test notice",
            "holidays": [{"name": "元旦", "date": "2027-01-01"}]}]})";
  const Outcome loaded = duban({"calendar", "is-workday", "2027-01-01", "--calendar", dir.file("2027.json")});
  EXPECT_EQ(loaded.status, 0) << loaded.err;
  EXPECT_EQ(loaded.out, "no holiday 元旦\n");
  EXPECT_EQ(duban({"calendar", "add", "2026-12-31", "1", "--calendar", dir.file("2027.json")}).out, "2027-01-04\n");
  const Outcome missing = duban({"calendar", "count", "2024-01-01", "2024-01-31", "--calendar", dir.file("no.json")});
  EXPECT_EQ(missing.status, 1);
  EXPECT_THAT(missing.err, HasSubstr("no.json"));
}

TEST(CalendarCli, BadArguments) {
  const Outcome bad = duban({"calendar", "is-workday", "2024-02-30"});
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(bad.err, "duban: error: DATE: date '2024-02-30' does not exist\n");
  const Outcome month = duban({"calendar", "month", "2024-1"});
  EXPECT_EQ(month.status, 1);
  EXPECT_EQ(month.err, "duban: error: MONTH: expected YYYY-MM, found '2024-1'\n");
  EXPECT_EQ(duban({"calendar", "add", "2024-09-30"}).status, 2);  // N missing
  EXPECT_EQ(duban({"calendar", "add", "2024-09-30", "x"}).status, 2);
  EXPECT_EQ(duban({"calendar"}).status, 2);
}

}  // namespace
}  // namespace duban::test
