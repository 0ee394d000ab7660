// take_snapshot: what a ledger holds as of a date, gathered for the views.
#include <algorithm>

#include "export/snapshot_fixture.hpp"

namespace duban {
namespace {

using namespace export_testing;

class ExportSnapshot : public LedgerSnapshot {};

TEST_F(ExportSnapshot, OneRowPerTaskInPlanOrder) {
  const Snapshot s = snapshot();
  EXPECT_EQ(s.as_of, ymd(2025, 7, 31));
  EXPECT_EQ(s.plan_id, plan);
  ASSERT_EQ(s.tasks.size(), s.plan.tasks.size());
  ASSERT_EQ(s.tasks.size(), 18u);
  for (std::size_t i = 0; i < s.tasks.size(); ++i) {
    EXPECT_EQ(s.tasks[i].task, static_cast<TaskId>(i + 1));
    EXPECT_EQ(s.tasks[i].title, s.plan.tasks[i].title);
  }
  ASSERT_TRUE(s.graph);
  EXPECT_EQ(s.graph->task_count(), 18u);
}

TEST_F(ExportSnapshot, TaskRowCarriesCategoryUnitsDueStatusAndLatestReport) {
  const Snapshot s = snapshot();
  const TaskRow& r = row(s, "1");
  EXPECT_EQ(r.number, "1");
  EXPECT_EQ(r.category, "组织领导");
  EXPECT_EQ(r.title, "健全工作机制");
  EXPECT_EQ(r.leads, (std::vector<std::string>{"区合作交流办"}));
  EXPECT_EQ(r.others, (std::vector<std::string>{"区委办", "区政府办公室"}));
  EXPECT_EQ(r.due, "2025-04-30（4月底前）");
  EXPECT_EQ(r.due, due_summary(s.plan.tasks[0].deadline));
  EXPECT_EQ(r.status, Status::done_on_time);
  EXPECT_EQ(r.light, Light::green);
  EXPECT_EQ(r.latest_date, ymd(2025, 4, 25));
  EXPECT_EQ(r.latest, "领导小组全体会议已召开");
  EXPECT_EQ(r.percent, 100.0);
  EXPECT_FALSE(r.score.has_value());
}

TEST_F(ExportSnapshot, StatusAndLightAreTheTasksOwnSubject) {
  const Snapshot s = snapshot();
  for (std::size_t i = 0; i < s.status.subjects.size(); ++i) {
    const Subject& subject = s.status.subjects[i];
    if (subject.is_instance()) continue;
    const TaskRow& r = s.tasks.at(static_cast<std::size_t>(subject.task - 1));
    EXPECT_EQ(r.status, s.status.items[i].status) << r.title;
    EXPECT_EQ(r.light, s.status.items[i].light) << r.title;
  }
  // 开展调研互访 (due 09-30) has nothing on record and is not yet due.
  EXPECT_EQ(row(s, "2").status, Status::not_yet_due);
  EXPECT_FALSE(row(s, "2").latest_date.has_value());
  EXPECT_EQ(row(s, "2").latest, "");
}

TEST_F(ExportSnapshot, LatestReportOfTwoLeadsIsTheLaterOne) {
  const Snapshot s = snapshot();
  const TaskRow& r = row(s, "5");
  EXPECT_EQ(r.leads, (std::vector<std::string>{"区教育局", "区卫生健康委"}));
  EXPECT_EQ(r.latest_date, ymd(2025, 6, 26));
  EXPECT_EQ(r.latest, "医生组团式帮扶");
  EXPECT_EQ(r.percent, 40.0);
}

TEST_F(ExportSnapshot, RecurringTaskShowsItsLatestInstanceReport) {
  const Snapshot s = snapshot();
  const TaskRow& r = row(s, "3");
  EXPECT_EQ(r.status, Status::ongoing);
  EXPECT_EQ(r.latest_date, ymd(2025, 2, 10));
  EXPECT_EQ(r.latest, "2月工作进展汇总");
  EXPECT_FALSE(r.percent.has_value());
}

TEST_F(ExportSnapshot, MeasuresAreFiledUnderTheirSection) {
  const Snapshot s = snapshot();
  std::size_t measures = 0;
  for (std::size_t i = 0; i < s.plan.tasks.size(); ++i) {
    if (s.plan.tasks[i].kind != TaskKind::measure) continue;
    ++measures;
    EXPECT_EQ(s.tasks[i].category, "保障措施") << s.tasks[i].title;
  }
  EXPECT_EQ(measures, 2u);
}

TEST_F(ExportSnapshot, ReportsAreThoseInEffectOnTheDateInDateOrder) {
  const Snapshot s = snapshot();
  ASSERT_FALSE(s.reports.empty());
  for (std::size_t i = 0; i < s.reports.size(); ++i) {
    EXPECT_EQ(s.reports[i].kind, EventKind::report);
    EXPECT_FALSE(s.reports[i].date > s.as_of) << s.reports[i].text;
    EXPECT_FALSE(s.reports[i].superseded_by.has_value());
    if (i > 0) {
      EXPECT_FALSE(s.reports[i].date < s.reports[i - 1].date);
    }
  }
  const auto has = [&](const std::string& text) {
    return std::any_of(s.reports.begin(), s.reports.end(), [&](const Event& e) { return e.text == text; });
  };
  EXPECT_TRUE(has(kCorrection));
  EXPECT_FALSE(has("教师组团式帮扶")) << "the corrected report is no longer in effect";
  EXPECT_FALSE(has("八月园区共建招商")) << "dated after the as-of day";
  EXPECT_EQ(s.reports.size(), 7u);
}

TEST_F(ExportSnapshot, AnEarlierDateSeesLess) {
  const Snapshot may = snapshot(ymd(2025, 5, 11));
  const auto texts = [](const Snapshot& s) {
    std::vector<std::string> out;
    for (const Event& e : s.reports) out.push_back(e.text);
    return out;
  };
  // Before the correction's date the report it corrects still counts.
  EXPECT_EQ(texts(may), (std::vector<std::string>{"1月工作进展汇总", "2月工作进展汇总", "领导小组全体会议已召开",
                                                  "教师组团式帮扶"}));
  EXPECT_EQ(row(may, "7").latest, "");
  EXPECT_EQ(row(snapshot(ymd(2025, 8, 31)), "9").latest, "八月园区共建招商");
}

TEST_F(ExportSnapshot, StatesAreTheLedgersItemsOnTheDate) {
  const Snapshot s = snapshot();
  EXPECT_EQ(s.states, open().states(plan, ymd(2025, 7, 31)));
  const auto funds = std::find_if(s.states.begin(), s.states.end(),
                                  [](const ItemState& st) { return st.task_key == "7" && st.item.instance.empty(); });
  ASSERT_NE(funds, s.states.end());
  EXPECT_EQ(funds->return_reason, kReturnReason);
}

TEST_F(ExportSnapshot, NoSchemeNoAssessment) {
  const Snapshot s = snapshot();
  EXPECT_FALSE(s.assessment.has_value());
  for (const TaskRow& r : s.tasks) EXPECT_FALSE(r.score.has_value()) << r.title;
}

TEST_F(ExportSnapshot, SchemeScoresTheLedgerAndFillsTaskScores) {
  const Snapshot s = snapshot(ymd(2025, 7, 31), mini_scheme(true));
  ASSERT_TRUE(s.assessment.has_value());
  EXPECT_EQ(s.assessment->scheme_name, "测试方案");
  EXPECT_EQ(s.assessment->as_of, ymd(2025, 7, 31));
  // Task 1 was closed on time: its completion item gives it every point.
  EXPECT_EQ(row(s, "1").score, 10.0);
  EXPECT_FALSE(row(s, "2").score.has_value()) << "no item scores task 2";
  const UnitScore* office = s.assessment->find(s.directory.lookup(kOffice).value());
  ASSERT_NE(office, nullptr);
  EXPECT_EQ(office->total, 10.0);
}

TEST_F(ExportSnapshot, WithoutLedgerInputsOnlyTheGivenInputsCount) {
  const Snapshot bare = snapshot(ymd(2025, 7, 31), mini_scheme(false));
  ASSERT_TRUE(bare.assessment.has_value());
  EXPECT_EQ(row(bare, "1").score, 0.0) << "nothing says task 1 was done";

  SnapshotOptions given = mini_scheme(false);
  AssessmentInput input;
  // Due 04-30; May 1–5 is the Labour Day holiday, so 05-09 is 4 working days late.
  input.tasks.push_back(TaskFact{1, 0, ymd(2025, 5, 9), std::nullopt, std::nullopt, 0});
  given.inputs = input;
  EXPECT_EQ(row(snapshot(ymd(2025, 7, 31), given), "1").score, 6.0);
}

TEST_F(ExportSnapshot, UnknownPlanIsNotFound) {
  const Error e = expect_error([&] { (void)take_snapshot(open(), 99, ymd(2025, 7, 31)); }, Errc::notfound);
  EXPECT_NE(std::string(e.what()).find("99"), std::string::npos) << e.what();
}

TEST_F(ExportSnapshot, DueSummaryReadsAsTheToolPrintsIt) {
  Deadline monthly;
  monthly.recurrence = Recurrence{Every::month, 10, 0, false, 0};
  monthly.text = "每月10日前";
  EXPECT_EQ(due_summary(monthly), "every month on day 10（每月10日前）");
  Deadline ongoing;
  ongoing.ongoing = true;
  ongoing.text = "持续推进";
  EXPECT_EQ(due_summary(ongoing), "ongoing（持续推进）");
  EXPECT_EQ(due_summary(Deadline{}), "");
}

// The 台账 is read by offices: no English in its 完成时限 column.
TEST_F(ExportSnapshot, DueTextIsChinese) {
  Deadline monthly;
  monthly.recurrence = Recurrence{Every::month, 10, 0, false, 0};
  EXPECT_EQ(due_text(monthly), "每月10日前");
  monthly.text = "每月10日前报送";
  EXPECT_EQ(due_text(monthly), "每月10日前报送");
  Deadline quarterly;
  quarterly.recurrence = Recurrence{Every::quarter, 0, 3, false, 0};
  EXPECT_EQ(due_text(quarterly), "每季度第3个工作日前");
  quarterly.recurrence->workday = -1;
  EXPECT_EQ(due_text(quarterly), "每季度最后一个工作日前");
  Deadline weekly;
  weekly.recurrence = Recurrence{Every::week, 5, 0, false, 0};
  EXPECT_EQ(due_text(weekly), "每周周五前");
  Deadline dated;
  dated.due = ymd(2025, 4, 30);
  dated.text = "4月底前";
  EXPECT_EQ(due_text(dated), "2025-04-30（4月底前）");
  dated.text.clear();
  EXPECT_EQ(due_text(dated), "2025-04-30");
  Deadline ongoing;
  ongoing.ongoing = true;
  EXPECT_EQ(due_text(ongoing), "持续推进");
  EXPECT_EQ(due_text(Deadline{}), "");
  // The example plan's monthly reports, as the workbook shows them.
  const Snapshot s = snapshot(ymd(2025, 7, 31));
  EXPECT_EQ(row(s, "3").due, "每月10日前");
}

}  // namespace
}  // namespace duban
