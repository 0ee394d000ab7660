// Every deadline phrase of FORMATS.md §4, read for plan year 2024.
#include <gtest/gtest.h>

#include "duban/plan.hpp"
#include "import/deadline_phrase.hpp"

namespace duban::importer {
namespace {

std::string due(std::string_view phrase, int year = 2024) {
  const DeadlineReading r = read_deadline(phrase, year);
  return r.deadline.due ? format_date(*r.deadline.due) : std::string("none");
}

TEST(ImportDeadline, MonthEnds) {
  EXPECT_EQ(due("2025年6月底前"), "2025-06-30");  // an explicit year wins
  EXPECT_EQ(due("6月底前"), "2024-06-30");
  EXPECT_EQ(due("6月底"), "2024-06-30");
  EXPECT_EQ(due("2月底前"), "2024-02-29");  // 2024 is a leap year
  EXPECT_EQ(due("2月底前", 2025), "2025-02-28");
  EXPECT_EQ(due("六月底前"), "2024-06-30");
  EXPECT_EQ(due("12月份完成"), "2024-12-31");
  EXPECT_EQ(due("2024年7月中旬"), "2024-07-20");
}

TEST(ImportDeadline, BeforeAMonthBegins) {
  EXPECT_EQ(due("6月前"), "2024-05-31");
  EXPECT_EQ(due("3月前"), "2024-02-29");
  EXPECT_EQ(due("1月前"), "2023-12-31");
}

TEST(ImportDeadline, Days) {
  EXPECT_EQ(due("2025年12月31日前"), "2025-12-31");
  EXPECT_EQ(due("于2月7日前"), "2024-02-07");
  EXPECT_EQ(due("2023年4 月9日"), "2023-04-09");  // spaces left by a converter
  EXPECT_EQ(due("２０２４年４月９日前"), "2024-04-09");  // full-width digits
}

TEST(ImportDeadline, YearEnds) {
  for (std::string_view p : {"年底前", "年内", "12月底前", "年末", "年内完成", "2024年底前", "2024年"}) {
    EXPECT_EQ(due(p), "2024-12-31") << p;
  }
}

TEST(ImportDeadline, HalvesAndQuarters) {
  EXPECT_EQ(due("上半年"), "2024-06-30");
  EXPECT_EQ(due("下半年"), "2024-12-31");
  EXPECT_EQ(due("一季度"), "2024-03-31");
  EXPECT_EQ(due("第一季度"), "2024-03-31");
  EXPECT_EQ(due("二季度末"), "2024-06-30");
  EXPECT_EQ(due("三季度末"), "2024-09-30");
  EXPECT_EQ(due("四季度"), "2024-12-31");
  EXPECT_EQ(due("第3季度"), "2024-09-30");
}

TEST(ImportDeadline, Ongoing) {
  for (std::string_view p : {"持续推进", "长期坚持", "常态化", "年内持续推进", "长期"}) {
    const DeadlineReading r = read_deadline(p, 2024);
    EXPECT_TRUE(r.deadline.ongoing) << p;
    EXPECT_FALSE(r.unclear) << p;
    ASSERT_TRUE(r.deadline.due) << p;
    EXPECT_EQ(format_date(*r.deadline.due), "2024-12-31") << p;  // evaluated at the year's end
  }
}

Recurrence rec(std::string_view phrase) {
  const DeadlineReading r = read_deadline(phrase, 2024);
  EXPECT_TRUE(r.deadline.recurrence.has_value()) << phrase;
  EXPECT_FALSE(r.unclear) << phrase << ": " << r.why;
  return r.deadline.recurrence.value_or(Recurrence{});
}

TEST(ImportDeadline, Recurring) {
  EXPECT_EQ(rec("每月10日前"), (Recurrence{Every::month, 10}));
  EXPECT_EQ(rec("每月底前"), (Recurrence{Every::month, 0}));
  EXPECT_EQ(rec("每季度"), (Recurrence{Every::quarter, 0}));
  EXPECT_EQ(rec("每季度末"), (Recurrence{Every::quarter, 0}));
  EXPECT_EQ(rec("每季度最后一个月的25日前"), (Recurrence{Every::quarter, 25}));
  Recurrence next{Every::quarter, 20};
  next.next_period = true;  // Q4's falls in January of the next year
  EXPECT_EQ(rec("每个季度第1个月的20日前"), next);
  EXPECT_EQ(rec("每周五前"), (Recurrence{Every::week, 5}));
  EXPECT_EQ(rec("每周二中午12时前"), (Recurrence{Every::week, 2}));
  EXPECT_EQ(rec("每半年"), (Recurrence{Every::half_year, 0}));
  Recurrence workday{Every::month, 0};
  workday.workday = 3;
  EXPECT_EQ(rec("每月第3个工作日前"), workday);
  Recurrence yearly{Every::year, 20};
  yearly.month = 6;
  EXPECT_EQ(rec("每年6月20日前"), yearly);
}

TEST(ImportDeadline, NextYear) {
  EXPECT_EQ(due("次年1月10日前"), "2025-01-10");
  EXPECT_EQ(due("次年2月底前"), "2025-02-28");
}

TEST(ImportDeadline, Milestones) {
  const DeadlineReading r = read_deadline("第一季度：完成调研；第二季度：形成方案；第四季度：全面实施", 2024);
  ASSERT_EQ(r.deadline.milestones.size(), 3u);
  EXPECT_EQ(format_date(r.deadline.milestones[0].date), "2024-03-31");
  EXPECT_EQ(r.deadline.milestones[0].text, "第一季度：完成调研");
  EXPECT_EQ(format_date(r.deadline.milestones[1].date), "2024-06-30");
  EXPECT_EQ(format_date(r.deadline.milestones[2].date), "2024-12-31");
  ASSERT_TRUE(r.deadline.due);
  EXPECT_EQ(format_date(*r.deadline.due), "2024-12-31");
  // A year stated once holds for the clauses after it.
  const DeadlineReading y = read_deadline("2025年6月底前完成初稿，12月底前完成验收", 2024);
  ASSERT_EQ(y.deadline.milestones.size(), 2u);
  EXPECT_EQ(format_date(y.deadline.milestones[1].date), "2025-12-31");
}

TEST(ImportDeadline, RelativeToAssignment) {
  DeadlineReading r = read_deadline("15个工作日内", 2024);
  EXPECT_EQ(r.deadline.within_days, 15);
  EXPECT_TRUE(r.deadline.within_workdays);
  EXPECT_FALSE(r.deadline.due);
  r = read_deadline("30日内", 2024);
  EXPECT_EQ(r.deadline.within_days, 30);
  EXPECT_FALSE(r.deadline.within_workdays);
  r = read_deadline("急件1—5日内", 2024);
  EXPECT_EQ(r.deadline.within_days, 5);
  r = read_deadline("立行立改", 2024);
  EXPECT_EQ(r.deadline.within_days, 0);
  EXPECT_FALSE(r.unclear);
}

TEST(ImportDeadline, UnclearPhrasesKeepTheirTextAndNoDate) {
  for (std::string_view p : {"按上级要求", "年前", "3个月内", "根据工作需要", "2月30日前", "尽快"}) {
    const DeadlineReading r = read_deadline(p, 2024);
    EXPECT_TRUE(r.unclear) << p;
    EXPECT_FALSE(r.why.empty()) << p;
    EXPECT_FALSE(r.deadline.due) << p;
    EXPECT_EQ(r.deadline.text, std::string(p));
  }
}

TEST(ImportDeadline, WithoutAPlanYearRelativeDatesStayOpen) {
  const DeadlineReading r = read_deadline("6月底前", 0);
  EXPECT_TRUE(r.unclear);
  EXPECT_NE(r.why.find("plan year"), std::string::npos);
  EXPECT_EQ(due("2025年6月底前", 0), "2025-06-30");
}

TEST(ImportDeadline, TellsDeadlinesFromUnitNames) {
  EXPECT_TRUE(mentions_deadline("2025年6月底前完成"));
  EXPECT_TRUE(mentions_deadline("年内持续推进"));
  EXPECT_TRUE(mentions_deadline("按上级要求"));
  EXPECT_FALSE(mentions_deadline("区发展改革委"));
  EXPECT_FALSE(mentions_deadline("各街镇"));
  EXPECT_FALSE(mentions_deadline("前方工作机构"));
}

}  // namespace
}  // namespace duban::importer
