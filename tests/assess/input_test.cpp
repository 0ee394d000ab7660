// The assessment input file, merging corrections over what is known, and
// the input built from the ledger's record.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "assess/assess_util.hpp"
#include "duban/ledger.hpp"

namespace duban::testing {
namespace {

class AssessInput : public AssessFixture {
 protected:
  AssessmentInput parse(const std::string& json) const {
    return parse_assessment_input(json, plan, directory, *WorkCalendar::builtin(), "in.json");
  }
};

TEST_F(AssessInput, ReadsEveryKindOfFact) {
  const AssessmentInput in = parse(R"({"duban_assessment_input": 1,
    "areas": ["A县"],
    "tasks": [{"task": "1", "done": "2025-05-08", "extended_due": "2025-05-30", "ref": 7},
              {"task": "1", "unit": "东街道", "done": "2025-04-20"}],
    "reports": [{"task": "3", "unit": "甲局", "instance": "3@2025-05", "reported": "2025-05-13"},
                {"task": "3", "unit": "乙局", "due": "2025-06-10", "late_workdays": 2},
                {"task": "3", "unit": "乙局", "periods": {"2025-01": 0, "2025-02": null, "2025-03": "2025-03-11"}}],
    "indicators": [{"metric": "选派教师", "unit": "丙局", "area": "A县", "value": 2, "date": "2025-10-01", "ref": "r1"}],
    "baselines": [{"metric": "资金", "value": 1000, "ref": "2024"}],
    "events": [{"kind": "通报批评", "unit": "甲局", "task": "2", "date": "2025-08-01", "points": 2, "reason": "迟报"}],
    "values": [{"name": "满意度", "unit": "乙局", "value": 92.5}]})");
  EXPECT_EQ(in.areas, std::vector<std::string>{"A县"});
  ASSERT_EQ(in.tasks.size(), 2u);
  EXPECT_EQ(in.tasks[0], (TaskFact{1, 0, ymd(2025, 5, 8), std::nullopt, ymd(2025, 5, 30), 7}));
  EXPECT_EQ(in.tasks[1].unit, unit("东街道"));
  ASSERT_EQ(in.reports.size(), 5u);
  // 3@2025-05 is due 05-12 (the 10th is a Saturday).
  EXPECT_EQ(in.reports[0], (ReportFact{3, unit("甲局"), ymd(2025, 5, 12), ymd(2025, 5, 13), 0}));
  // Two working days after 06-10: 06-12.
  EXPECT_EQ(in.reports[1].reported, ymd(2025, 6, 12));
  EXPECT_EQ(in.reports[2], (ReportFact{3, unit("乙局"), ymd(2025, 1, 10), ymd(2025, 1, 10), 0}));
  EXPECT_EQ(in.reports[3].reported, std::nullopt);
  EXPECT_EQ(in.reports[4].reported, ymd(2025, 3, 11));
  EXPECT_EQ(in.indicators[0].area, "A县");
  EXPECT_EQ(in.indicators[0].date, ymd(2025, 10, 1));
  EXPECT_EQ(in.baselines[0].value, 1000);
  EXPECT_EQ(in.events[0].task, 2);
  EXPECT_EQ(in.events[0].points, 2.0);
  EXPECT_EQ(in.values[0].value, 92.5);
}

TEST_F(AssessInput, MistakesNameTheEntry) {
  expect_error([&] { parse(R"({"duban_assessment_input": 1, "tasks": [{"task": "9"}]})"); }, Errc::inval,
               "in.json: $.tasks[0].task: no task with key '9' in the plan");
  expect_error([&] { parse(R"({"duban_assessment_input": 1, "events": [{"kind": "x", "unit": "丁局", "date": "2025-01-01"}]})"); },
               Errc::inval, "in.json: $.events[0].unit: unknown unit '丁局'");
  expect_error([&] { parse(R"({"duban_assessment_input": 1, "reports": [{"task": "3", "unit": "甲局", "instance": "2026-01"}]})"); },
               Errc::inval, "in.json: $.reports[0].instance: task '3' has no instance '2026-01' in 2025");
  expect_error([&] { parse(R"({"duban_assessment_input": 1, "reports": [{"task": "1", "unit": "甲局", "instance": "2025-01"}]})"); },
               Errc::inval, "task '1' is not a recurring task: give \"due\" instead");
  expect_error([&] { parse(R"({"duban_assessment_input": 2})"); }, Errc::inval, "this duban reads format 1, not 2");
  expect_error([&] { parse(R"({"duban_assessment_input": 1, "extra": []})"); }, Errc::inval, "extra");
}

TEST_F(AssessInput, MergeLaysCorrectionsOverWhatIsKnown) {
  AssessmentInput known;
  known.tasks.push_back(done("1", ymd(2025, 5, 8)));
  known.reports.push_back({3, unit("甲局"), ymd(2025, 1, 10), std::nullopt, 0});
  AssessmentInput more;
  more.tasks.push_back(done("1", ymd(2025, 4, 28)));
  more.tasks.push_back(done("2", ymd(2025, 6, 28)));
  more.reports.push_back({3, unit("甲局"), ymd(2025, 1, 10), ymd(2025, 1, 9), 0});
  more.reports.push_back({3, unit("乙局"), ymd(2025, 1, 10), ymd(2025, 1, 9), 0});
  more.areas = {"A县"};
  merge(known, more);
  ASSERT_EQ(known.tasks.size(), 2u);
  EXPECT_EQ(known.tasks[0].done, ymd(2025, 4, 28));
  ASSERT_EQ(known.reports.size(), 2u);
  EXPECT_EQ(known.reports[0].reported, ymd(2025, 1, 9));
  EXPECT_EQ(known.areas, std::vector<std::string>{"A县"});
}

TEST_F(AssessInput, TheLedgerGivesClosuresReportsAndIndicators) {
  const std::string path = (std::filesystem::temp_directory_path() / ("duban-assess-in-" + std::to_string(::getpid()) + ".duban")).string();
  std::filesystem::remove(path);
  {
    Ledger ledger = Ledger::open(path);
    PlanFile file = parse_plan_file(kAssessPlan, "assess-plan.json");
    const PlanId id = ledger.import_plan(file);
    const Directory dir = ledger.load_directory();
    const auto u = [&](const char* name) { return *dir.lookup(name); };
    ledger.set_coordinator(u("甲局"));
    // Task 1: done and closed (approved) on 05-08.
    Report r;
    r.item = ItemRef{id, 1, ""};
    r.actor = Actor{u("甲局"), ""};
    r.date = ymd(2025, 5, 6);
    r.status = ReportStatus::done;
    r.percent = 100;
    r.indicators = {Indicator{"选派教师@A县", 2, "名"}};
    ledger.add_report(r);
    r.date = ymd(2025, 5, 7);
    r.indicators = {Indicator{"选派教师@A县", 3, "名"}};
    ledger.add_report(r);
    const EventId sub = ledger.submit_closure(ItemRef{id, 1, ""}, Step{Actor{u("甲局"), ""}, ymd(2025, 5, 8), "", {"x"}});
    ledger.approve_closure(sub, Step{Actor{u("甲局"), ""}, ymd(2025, 5, 9), "", {}});
    // Task 3's January instance: 甲局 on time, 乙局 never.
    Report m;
    m.item = ItemRef{id, 3, "3@2025-01"};
    m.actor = Actor{u("甲局"), ""};
    m.date = ymd(2025, 1, 9);
    m.status = ReportStatus::done;
    ledger.add_report(m);
  }
  Ledger ledger = Ledger::open(path);
  const Directory dir = ledger.load_directory();
  const Plan stored = ledger.load_plan(1);
  const ResponsibilityGraph g(stored, dir);
  const AssessmentInput in = assessment_input(ledger, 1, stored, g, *WorkCalendar::builtin(), ymd(2025, 5, 20));
  ASSERT_EQ(in.tasks.size(), 1u);
  EXPECT_EQ(in.tasks[0].task, 1);
  EXPECT_EQ(in.tasks[0].done, ymd(2025, 5, 8));
  EXPECT_EQ(in.tasks[0].due, ymd(2025, 4, 30));
  EXPECT_EQ(in.tasks[0].extended_due, std::nullopt);
  // January to May are due by 05-20; both units owe each.
  ASSERT_EQ(in.reports.size(), 10u);
  EXPECT_EQ(in.reports[0].unit, *dir.lookup("甲局"));
  EXPECT_EQ(in.reports[0].reported, ymd(2025, 1, 9));
  EXPECT_EQ(in.reports[1].unit, *dir.lookup("乙局"));
  EXPECT_EQ(in.reports[1].reported, std::nullopt);
  EXPECT_EQ(in.reports[2].due, ymd(2025, 2, 10));
  // The latest figure per unit and area.
  ASSERT_EQ(in.indicators.size(), 1u);
  EXPECT_EQ(in.indicators[0].metric, "选派教师");
  EXPECT_EQ(in.indicators[0].area, "A县");
  EXPECT_EQ(in.indicators[0].value, 3);
  EXPECT_EQ(in.indicators[0].date, ymd(2025, 5, 7));
  ledger.close();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace duban::testing
