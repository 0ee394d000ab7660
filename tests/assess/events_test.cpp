// Deduction and bonus events: caps and floors, per-event points, events
// after the as-of date, and what an event on a task gives each of its units
// under each credit split policy (role multipliers).
#include "assess/assess_util.hpp"

namespace duban::testing {
namespace {

ScoreEvent event(const std::string& kind, UnitId unit, TaskId task, Date date, std::optional<double> points = {}) {
  ScoreEvent e;
  e.kind = kind;
  e.unit = unit;
  e.task = task;
  e.date = date;
  e.points = points;
  e.ref = "通报〔2025〕1号";
  return e;
}

std::string deduction(const std::string& more) {
  return "[scheme]\nname = \"events\"\ntotal = 10\n[[groups]]\nname = \"G\"\n  [[groups.items]]\n  id = \"d\"\n"
         "  points = 10\n  rule = \"deduction\"\n  events = [\"通报批评\"]\n" +
         more;
}

using AssessEvents = AssessFixture;

TEST_F(AssessEvents, DeductionsAreCappedAndFloored) {
  AssessmentInput in;
  in.events.push_back(event("通报批评", unit("甲局"), 0, ymd(2025, 5, 1), 3));
  in.events.push_back(event("通报批评", unit("甲局"), 0, ymd(2025, 6, 1), 4));
  in.events.push_back(event("通报批评", unit("甲局"), 0, ymd(2026, 1, 5), 9));  // after the as-of date
  in.events.push_back(event("表扬", unit("甲局"), 0, ymd(2025, 6, 1), 9));      // another kind
  Assessment r = run(deduction("  cap = 6\n"), in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "甲局", "d"), 4.0);  // 10 − min(6, 7)
  EXPECT_DOUBLE_EQ(of(r, "甲局").deductions, 6.0);
  EXPECT_DOUBLE_EQ(score(r, "乙局", "d"), 10.0);
  EXPECT_DOUBLE_EQ(score(r, "", "d"), 4.0);
  r = run(deduction("  cap = 6\n  floor = 5\n"), in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "甲局", "d"), 5.0);
  EXPECT_NE(explain(r, unit("甲局")).find("10 − min(6, 7), floored at 5 = 5"), std::string::npos);
  // per_event overrides each event's points.
  r = run(deduction("  per_event = 2\n"), in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "甲局", "d"), 6.0);
  // Without either, the event is an error.
  in.events.push_back(event("通报批评", unit("乙局"), 0, ymd(2025, 5, 1)));
  expect_error([&] { run(deduction(""), in, ymd(2025, 12, 31)); }, Errc::inval,
               "input events[4]: event '通报批评' has no points and item 'd' no per_event");
}

TEST_F(AssessEvents, APenaltyItemOfNoPointsTakesOffTheTotal) {
  const std::string scheme = R"(
[scheme]
name = "penalty"
total = 10
[[groups]]
name = "G"
  [[groups.items]]
  id = "c"
  points = 10
  rule = "completion"
  select = { task = "5" }
  [[groups.items]]
  id = "p"
  points = 0
  rule = "deduction"
  events = ["通报批评"]
  per_event = 2
  cap = 3
)";
  AssessmentInput in;
  in.events.push_back(event("通报批评", unit("甲局"), 0, ymd(2025, 5, 1)));
  in.events.push_back(event("通报批评", unit("甲局"), 0, ymd(2025, 6, 1)));
  const Assessment r = run(scheme, in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "甲局", "p"), -3.0);
  EXPECT_DOUBLE_EQ(of(r, "甲局").total, 7.0);
  EXPECT_DOUBLE_EQ(of(r, "乙局").total, 10.0);
}

TEST_F(AssessEvents, BonusIsCappedByTheItemAndTheScheme) {
  const std::string scheme = R"(
[scheme]
name = "bonus"
total = 10
bonus_cap = 5
[[groups]]
name = "G"
  [[groups.items]]
  id = "c"
  points = 10
  rule = "completion"
  select = { task = "5" }
[[groups]]
name = "加分"
bonus = true
  [[groups.items]]
  id = "b1"
  points = 4
  rule = "bonus"
  events = ["领导批示肯定"]
  per_event = 2
  [[groups.items]]
  id = "b2"
  points = 3
  rule = "bonus"
  events = ["经验推广"]
)";
  AssessmentInput in;
  for (unsigned m = 1; m <= 3; ++m) in.events.push_back(event("领导批示肯定", unit("甲局"), 0, ymd(2025, m, 1)));
  in.events.push_back(event("经验推广", unit("甲局"), 0, ymd(2025, 3, 1), 3));
  in.events.push_back(event("领导批示肯定", unit("乙局"), 0, ymd(2025, 3, 1)));
  const Assessment r = run(scheme, in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "甲局", "b1"), 4.0);  // min(4, 3 × 2)
  EXPECT_DOUBLE_EQ(score(r, "甲局", "b2"), 3.0);
  EXPECT_DOUBLE_EQ(of(r, "甲局").bonus, 5.0);   // 7, at most 5
  EXPECT_DOUBLE_EQ(of(r, "甲局").total, 15.0);
  EXPECT_DOUBLE_EQ(of(r, "乙局").bonus, 2.0);
  EXPECT_DOUBLE_EQ(of(r, "乙局").base, 10.0);
}

class AssessRoles : public AssessFixture {
 protected:
  // 4 points of 通报批评 on task 1 as a whole: 甲局 leads, 乙局 is
  // responsible, 东街道 and 西街道 support through 各街镇.
  Assessment split(const std::string& policy) {
    AssessmentInput in;
    in.events.push_back(event("通报批评", 0, task("1"), ymd(2025, 5, 1), 4));
    return run(deduction("  roles = { lead = 1, responsible = 0.5, support = 0.25 }\n  split = \"" + policy + "\"\n"), in,
               ymd(2025, 12, 31));
  }
};

TEST_F(AssessRoles, EachUnitLosesTheWholeEventTimesItsRoleWeight) {
  const Assessment r = split("each");
  EXPECT_DOUBLE_EQ(score(r, "甲局", "d"), 6.0);    // 4 × 1
  EXPECT_DOUBLE_EQ(score(r, "乙局", "d"), 8.0);    // 4 × 0.5
  EXPECT_DOUBLE_EQ(score(r, "东街道", "d"), 9.0);  // 4 × 0.25
  EXPECT_DOUBLE_EQ(score(r, "西街道", "d"), 9.0);
  EXPECT_DOUBLE_EQ(score(r, "丙局", "d"), 10.0);
  EXPECT_DOUBLE_EQ(score(r, "", "d"), 6.0);  // the plan counts the event once
  EXPECT_NE(explain(r, unit("乙局")).find("4 × 0.5 (responsible) = 2 [通报〔2025〕1号]"), std::string::npos);
}

TEST_F(AssessRoles, EqualSplitDividesTheEventAmongTheUnits) {
  const Assessment r = split("equal");
  EXPECT_DOUBLE_EQ(score(r, "甲局", "d"), 9.0);
  EXPECT_DOUBLE_EQ(score(r, "乙局", "d"), 9.0);
  EXPECT_DOUBLE_EQ(score(r, "东街道", "d"), 9.0);
}

TEST_F(AssessRoles, WeightedSplitSharesByRoleWeight) {
  // Weights 1 + 0.5 + 0.25 + 0.25 = 2: 甲局 2, 乙局 1, each street 0.5.
  const Assessment r = split("weighted");
  EXPECT_DOUBLE_EQ(score(r, "甲局", "d"), 8.0);
  EXPECT_DOUBLE_EQ(score(r, "乙局", "d"), 9.0);
  EXPECT_DOUBLE_EQ(score(r, "东街道", "d"), 9.5);
}

TEST_F(AssessRoles, AnEventOnAUnitWeighsByItsRoleInTheTask) {
  // 牵头 −5, 配合 −3: the same 5 points, support weighed 0.6.
  AssessmentInput in;
  in.events.push_back(event("通报批评", unit("乙局"), task("2"), ymd(2025, 5, 1), 5));
  in.events.push_back(event("通报批评", unit("甲局"), task("2"), ymd(2025, 5, 1), 5));
  const Assessment r = run(deduction("  roles = { lead = 1, support = 0.6 }\n"), in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "乙局", "d"), 5.0);
  EXPECT_DOUBLE_EQ(score(r, "甲局", "d"), 7.0);
}

TEST_F(AssessRoles, JointIndicatorValuesAreCreditedBySplit) {
  // 20 teachers reported for task 4 as a whole; 丙局 leads, 甲局 supports.
  const std::string scheme = R"(
[scheme]
name = "joint"
total = 10
[[groups]]
name = "G"
  [[groups.items]]
  id = "f"
  points = 10
  rule = "formula"
  select = { task = "4" }
  expr = "teachers"
  cap = 100
  inputs = { teachers = "indicator:选派教师" }
  roles = { lead = 1, support = 0.25 }
  split = "weighted"
)";
  AssessmentInput in;
  IndicatorValue v;
  v.metric = "选派教师";
  v.task = task("4");
  v.value = 20;
  in.indicators.push_back(v);
  const Assessment r = run(scheme, in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "丙局", "f"), 16.0);  // 20 × 1 / 1.25
  EXPECT_DOUBLE_EQ(score(r, "甲局", "f"), 4.0);   // 20 × 0.25 / 1.25
  EXPECT_DOUBLE_EQ(score(r, "", "f"), 20.0);
}

}  // namespace
}  // namespace duban::testing
