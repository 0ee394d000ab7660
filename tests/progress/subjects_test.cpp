// What is watched: a plan's tasks and its recurring obligations' instances,
// with their due dates across 2024's Spring Festival and National Day, at
// month ends, in the next year, and provisional where no calendar exists.
#include <gtest/gtest.h>

#include "progress/progress_util.hpp"

namespace duban {
namespace {

using namespace duban::testing;

Task recurring(std::string key, Every every, int day, bool next_period = false, int month = 0) {
  Task t;
  t.key = key;
  t.number = key;
  t.title = key;
  Recurrence r;
  r.every = every;
  r.day = day;
  r.next_period = next_period;
  r.month = month;
  t.deadline.recurrence = r;
  return t;
}

Task one_off(std::string key, std::optional<Date> due) {
  Task t;
  t.key = key;
  t.number = key;
  t.title = key;
  t.deadline.due = due;
  t.deadline.ongoing = !due;
  return t;
}

// Task ids: 1 月报, 2 上月, 3 月末, 4 季报, 5 总结, 6 方案, 7 常态.
Plan plan_2024() {
  Plan p;
  p.title = "2024年工作要点";
  p.year = 2024;
  p.tasks.push_back(recurring("月报", Every::month, 10));           // 每月10日前
  p.tasks.push_back(recurring("上月", Every::month, 5, true));       // 每月5日前报上月
  p.tasks.push_back(recurring("月末", Every::month, 31));            // 每月底
  p.tasks.push_back(recurring("季报", Every::quarter, 20, true));    // 季后20日前
  p.tasks.push_back(recurring("总结", Every::year, 15, true, 1));    // 次年1月15日前
  p.tasks.push_back(one_off("方案", d(2024, 6, 30)));
  p.tasks.push_back(one_off("常态", std::nullopt));
  return p;
}

std::vector<std::string> ids(const std::vector<Subject>& subjects) {
  std::vector<std::string> out;
  for (const Subject& s : subjects) out.push_back(s.is_instance() ? s.instance : "task " + std::to_string(s.task));
  return out;
}

const Subject& subject(const std::vector<Subject>& all, const std::string& id) {
  for (const Subject& s : all) {
    if (s.instance == id) return s;
  }
  ADD_FAILURE() << "no subject " << id;
  static const Subject none;
  return none;
}

std::size_t index_of(const StatusReport& r, const std::string& id) {
  for (std::size_t i = 0; i < r.subjects.size(); ++i) {
    if (r.subjects[i].instance == id) return i;
  }
  ADD_FAILURE() << "no item " << id;
  return 0;
}

TEST(ProgressSubjects, TasksThenTheirInstancesInPeriodOrder) {
  const auto all = subjects_of(plan_2024(), cal(), d(2024, 3, 15));
  const std::vector<std::string> expected{
      "task 1", "月报@2024-01", "月报@2024-02", "月报@2024-03",
      "task 2", "上月@2024-01", "上月@2024-02", "上月@2024-03",
      "task 3", "月末@2024-01", "月末@2024-02", "月末@2024-03",
      "task 4", "季报@2024-Q1",
      "task 5", "总结@2024",
      "task 6", "task 7"};
  EXPECT_EQ(ids(all), expected);
  EXPECT_TRUE(all[0].recurring);
  EXPECT_FALSE(all[0].due.has_value());
  EXPECT_EQ(all[1].task, 1);
  EXPECT_EQ(all[1].period, "2024-01");
  EXPECT_EQ(all[0].start, d(2024, 1, 1));  // no issue date: January 1 of the plan year
  // The same call gives the same list.
  EXPECT_EQ(subjects_of(plan_2024(), cal(), d(2024, 3, 15)), all);
  // Every period of the year on request.
  SubjectOptions every;
  every.all_instances = true;
  const auto year = subjects_of(plan_2024(), cal(), d(2024, 3, 15), every);
  EXPECT_EQ(year.size(), 7u + 3 * 12 + 4 + 1);  // seven tasks and their instances
}

TEST(ProgressSubjects, TheStartIsTheIssueDateOrTheOption) {
  Plan p = plan_2024();
  p.issued = d(2024, 2, 20);
  EXPECT_EQ(subjects_of(p, cal(), d(2024, 3, 1)).front().start, d(2024, 2, 20));
  SubjectOptions o;
  o.start = d(2024, 3, 1);
  EXPECT_EQ(subjects_of(p, cal(), d(2024, 3, 1), o).front().start, d(2024, 3, 1));
}

TEST(ProgressSubjects, AMonthlyReportAcrossTheSpringFestival) {
  const Plan p = plan_2024();
  const StatusReport on = evaluate(p, cal(), d(2024, 2, 18));
  const std::size_t feb = index_of(on, "月报@2024-02");
  EXPECT_EQ(on.subjects[feb].due, (Due{d(2024, 2, 10), d(2024, 2, 18)}));  // 02-10..17 off
  EXPECT_EQ(on.items[feb].status, Status::due_soon);
  EXPECT_EQ(first_reason(on, feb).workdays, 0);
  const std::size_t jan = index_of(on, "月报@2024-01");
  EXPECT_EQ(on.items[jan].status, Status::overdue);
  EXPECT_EQ(first_reason(on, jan).workdays, 24);  // 01-11..31: 15, 02-01..18: 9
  const StatusReport after = evaluate(p, cal(), d(2024, 2, 19));
  EXPECT_EQ(after.items[index_of(after, "月报@2024-02")].status, Status::overdue);
  EXPECT_EQ(first_reason(after, index_of(after, "月报@2024-02")).workdays, 1);
}

TEST(ProgressSubjects, ReportsOnTheLastMonthAcrossNationalDay) {
  const StatusReport r = evaluate(plan_2024(), cal(), d(2024, 9, 30));
  const std::size_t sep = index_of(r, "上月@2024-09");
  EXPECT_EQ(r.subjects[sep].due, (Due{d(2024, 10, 5), d(2024, 10, 8)}));
  EXPECT_EQ(r.items[sep].status, Status::due_soon);
  EXPECT_EQ(first_reason(r, sep).workdays, 1);  // only 10-08
  EXPECT_EQ(r.items[index_of(r, "上月@2024-08")].status, Status::overdue);
  // The September report on the 10th is due before the holiday and is late.
  EXPECT_EQ(r.items[index_of(r, "月报@2024-09")].status, Status::overdue);
}

TEST(ProgressSubjects, MonthEnds) {
  SubjectOptions every;
  every.all_instances = true;
  const auto all = subjects_of(plan_2024(), cal(), d(2024, 1, 1), every);
  EXPECT_EQ(subject(all, "月末@2024-02").due, (Due{d(2024, 2, 29), d(2024, 2, 29)}));
  EXPECT_EQ(subject(all, "月末@2024-04").due, (Due{d(2024, 4, 30), d(2024, 4, 30)}));  // 31日 in a 30-day month
  EXPECT_EQ(subject(all, "月末@2024-06").due, (Due{d(2024, 6, 30), d(2024, 7, 1)}));   // a Sunday
  EXPECT_EQ(subject(all, "月末@2024-08").due, (Due{d(2024, 8, 31), d(2024, 9, 2)}));   // a Saturday
  EXPECT_EQ(subject(all, "月末@2024-09").due, (Due{d(2024, 9, 30), d(2024, 9, 30)}));
}

TEST(ProgressSubjects, QuarterAndYearReportsDueInTheNextYear) {
  const StatusReport r = evaluate(plan_2024(), cal(), d(2024, 12, 31));
  const std::size_t q4 = index_of(r, "季报@2024-Q4");
  EXPECT_EQ(r.subjects[q4].due, (Due{d(2025, 1, 20), d(2025, 1, 20)}));
  EXPECT_EQ(r.items[q4].status, Status::not_yet_due);
  EXPECT_EQ(first_reason(r, q4).workdays, 13);  // 01-02, 03, 06..10, 13..17, 20
  const std::size_t q3 = index_of(r, "季报@2024-Q3");
  EXPECT_EQ(r.subjects[q3].due, (Due{d(2024, 10, 20), d(2024, 10, 21)}));
  const std::size_t year = index_of(r, "总结@2024");
  EXPECT_EQ(r.subjects[year].due, (Due{d(2025, 1, 15), d(2025, 1, 15)}));
  EXPECT_EQ(first_reason(r, year).workdays, 10);
  EXPECT_FALSE(r.subjects[year].provisional);
  // Overdue in the next year.
  const StatusReport late = evaluate(plan_2024(), cal(), d(2025, 1, 21));
  EXPECT_EQ(late.items[index_of(late, "季报@2024-Q4")].status, Status::overdue);
  EXPECT_EQ(late.items[index_of(late, "总结@2024")].status, Status::overdue);
}

TEST(ProgressSubjects, ARecurringTaskTakesItsWorstInstance) {
  const StatusReport r = evaluate(plan_2024(), cal(), d(2024, 2, 18));
  ASSERT_EQ(r.subjects[0].task, 1);
  EXPECT_EQ(r.items[0].status, Status::ongoing);
  EXPECT_EQ(r.items[0].light, Light::red);
  EXPECT_EQ(codes(r, 0), (std::vector<ReasonCode>{ReasonCode::ongoing, ReasonCode::instances}));
  const Reason worst = reason_with(r, ReasonCode::instances, 0);
  EXPECT_EQ(worst.light, Light::red);
  EXPECT_EQ(worst.count, 1);
  EXPECT_EQ(r.subjects[worst.item].instance, "月报@2024-01");
  // Instances reported on are green and the task with them.
  ProgressFacts facts;
  facts.instances["月报@2024-01"].done = d(2024, 1, 9);
  const StatusReport fixed = evaluate(plan_2024(), cal(), d(2024, 2, 18), facts);
  EXPECT_EQ(fixed.items[0].light, Light::yellow);  // February is due today
  EXPECT_EQ(reason_with(fixed, ReasonCode::instances, 0).count, 1);
  EXPECT_EQ(fixed.items[index_of(fixed, "月报@2024-01")].status, Status::done_on_time);
  // Only the roll-up is recorded; the other reasons derive from the items.
  // 月报 (yellow), 上月 and 月末 (red: their January reports are late).
  ASSERT_EQ(fixed.recorded.size(), 3u);
  EXPECT_EQ(fixed.items[0].recorded_count, 1u);
  EXPECT_EQ(fixed.recorded[fixed.items[0].first_recorded].code, ReasonCode::instances);
}

TEST(ProgressSubjects, OneOffAndOngoingTasks) {
  const StatusReport r = evaluate(plan_2024(), cal(), d(2024, 6, 26));
  const std::size_t plan_item = r.subjects.size() - 2;
  ASSERT_EQ(r.subjects[plan_item].task, 6);
  EXPECT_EQ(r.subjects[plan_item].due, (Due{d(2024, 6, 30), d(2024, 7, 1)}));
  EXPECT_EQ(r.items[plan_item].status, Status::due_soon);  // 06-27, 06-28, 07-01
  EXPECT_EQ(r.items[plan_item + 1].status, Status::ongoing);
}

// 2027 has no published calendar: a 2026 plan's reports due in 2027 are
// provisional instead of failing the plan.
Plan plan_2026() {
  Plan p;
  p.title = "2026年工作要点";
  p.year = 2026;
  p.tasks.push_back(recurring("总结", Every::year, 15, true, 1));
  p.tasks.push_back(recurring("上月", Every::month, 5, true));
  p.tasks.push_back(one_off("跨年", d(2027, 3, 31)));
  p.tasks.push_back(one_off("年中", d(2026, 6, 30)));
  return p;
}

TEST(ProgressSubjects, DueDatesInAYearWithoutACalendarAreProvisional) {
  SubjectOptions every;
  every.all_instances = true;
  const auto all = subjects_of(plan_2026(), cal(), d(2026, 6, 1), every);
  EXPECT_TRUE(subject(all, "总结@2026").provisional);
  EXPECT_EQ(subject(all, "总结@2026").due, (Due{d(2027, 1, 15), d(2027, 1, 15)}));
  EXPECT_TRUE(subject(all, "上月@2026-12").provisional);
  EXPECT_EQ(subject(all, "上月@2026-12").due, (Due{d(2027, 1, 5), d(2027, 1, 5)}));
  EXPECT_FALSE(subject(all, "上月@2026-11").provisional);
  EXPECT_EQ(subject(all, "上月@2026-09").due, (Due{d(2026, 10, 5), d(2026, 10, 8)}));  // 国庆 2026
  const Subject& cross = all[all.size() - 2];
  EXPECT_EQ(cross.task, 3);
  EXPECT_TRUE(cross.provisional);
  EXPECT_EQ(cross.due, (Due{d(2027, 3, 31), d(2027, 3, 31)}));
  EXPECT_FALSE(all.back().provisional);

  const StatusReport r = evaluate(all, cal(), d(2026, 6, 1));
  const std::size_t year = index_of(r, "总结@2026");
  EXPECT_EQ(r.items[year].status, Status::not_yet_due);
  EXPECT_EQ(r.items[year].light, Light::green);
  EXPECT_EQ(codes(r, year), (std::vector<ReasonCode>{ReasonCode::not_yet_due, ReasonCode::provisional_due}));
  EXPECT_EQ(reason_with(r, ReasonCode::provisional_due, year).date, d(2027, 1, 15));
  // The cross-year task has no curve it can measure in working days either.
  const std::size_t cross_item = r.subjects.size() - 2;
  EXPECT_EQ(r.items[cross_item].status, Status::not_yet_due);
  EXPECT_FALSE(r.items[cross_item].expected.has_value());

  // With the weekends-only fallback asked for, nothing is provisional.
  const WorkCalendar fallback(cal().data(), CalendarOptions{true});
  const auto guessed = subjects_of(plan_2026(), fallback, d(2026, 6, 1), every);
  EXPECT_FALSE(subject(guessed, "总结@2026").provisional);
}

}  // namespace
}  // namespace duban
