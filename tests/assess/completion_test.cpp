// completion: on time keeps the share, late loses per working day down to
// the floor, not done loses the share, not yet due is not judged; role
// weights scale the loss; the extension policy picks the due date.
#include "assess/assess_util.hpp"

namespace duban::testing {
namespace {

// 10 points over tasks 1 and 2; 0.5 per working day late, at least 40% kept.
const std::string kScheme = R"(
[scheme]
name = "completion"
total = 10
[[groups]]
name = "G"
  [[groups.items]]
  id = "c"
  points = 10
  rule = "completion"
  select = { tasks = ["1", "2"] }
  per_workday = 0.5
  floor_ratio = 0.4
  roles = { lead = 1.0, responsible = 0.6, support = 0.3 }
)";

using AssessCompletion = AssessFixture;

TEST_F(AssessCompletion, LateLosesPerWorkingDayAndNotDoneLosesItsShare) {
  AssessmentInput in;
  // Due 2025-04-30; May 1–5 are the 劳动节 holiday: 05-06, 05-07, 05-08 are
  // three working days late.
  in.tasks.push_back(done("1", ymd(2025, 5, 8)));
  const Assessment r = run(kScheme, in, ymd(2025, 7, 15));
  // 甲局: task 1 lead, task 2 support; share 5 each.
  //   task 1: min(5 × 0.6, 0.5 × 3) = 1.5 × 1; task 2 not done: 5 × 0.3 = 1.5.
  EXPECT_DOUBLE_EQ(score(r, "甲局", "c"), 7.0);
  // 乙局: task 1 responsible 1.5 × 0.6 = 0.9; task 2 lead, not done: 5.
  EXPECT_DOUBLE_EQ(score(r, "乙局", "c"), 4.1);
  // 东街道 holds task 1 only, through 各街镇, as support: share 10,
  // min(10 × 0.6, 1.5) × 0.3 = 0.45.
  EXPECT_DOUBLE_EQ(score(r, "东街道", "c"), 9.55);
  // 丙局 holds neither: not applicable, full points.
  EXPECT_DOUBLE_EQ(score(r, "丙局", "c"), 10.0);
  EXPECT_FALSE(of(r, "丙局").items[0].applicable);
  EXPECT_TRUE(of(r, "甲局").items[0].applicable);
  // The plan: each task once, no weights: 10 − 1.5 − 5.
  EXPECT_DOUBLE_EQ(score(r, "", "c"), 3.5);
  ASSERT_EQ(r.tasks.size(), 2u);
  EXPECT_EQ(r.tasks[0].task, 1);
  EXPECT_DOUBLE_EQ(r.tasks[0].earned, 3.5);
  EXPECT_DOUBLE_EQ(r.tasks[0].possible, 5.0);
  EXPECT_DOUBLE_EQ(r.tasks[1].earned, 0.0);
  ASSERT_EQ(r.categories.size(), 1u);
  EXPECT_EQ(r.categories[0].category, 0);
  EXPECT_DOUBLE_EQ(r.categories[0].earned, 3.5);
  EXPECT_DOUBLE_EQ(r.categories[0].possible, 10.0);
}

TEST_F(AssessCompletion, VeryLateWorkKeepsTheFloor) {
  AssessmentInput in;
  in.tasks.push_back(done("1", ymd(2025, 6, 30)));
  in.tasks.push_back(done("2", ymd(2025, 6, 30)));
  const Assessment r = run(kScheme, in, ymd(2025, 7, 15));
  // Task 1 is 39 working days late: 0.5 × 39 > 5 × 0.6, so it loses 3.
  EXPECT_DOUBLE_EQ(score(r, "甲局", "c"), 7.0);
  EXPECT_DOUBLE_EQ(score(r, "乙局", "c"), 10 - 3 * 0.6);
  EXPECT_DOUBLE_EQ(score(r, "", "c"), 7.0);
}

TEST_F(AssessCompletion, NothingDueIsNotJudgedAndLaterDoneIsNotKnownYet) {
  AssessmentInput in;
  in.tasks.push_back(done("1", ymd(2025, 5, 8)));
  const Assessment early = run(kScheme, in, ymd(2025, 4, 20));
  EXPECT_DOUBLE_EQ(score(early, "甲局", "c"), 10.0);
  EXPECT_FALSE(of(early, "甲局").items[0].applicable);
  EXPECT_TRUE(early.tasks.empty());
  // As of 05-06 the work done on 05-08 is not known: task 1 is not done.
  const Assessment before = run(kScheme, in, ymd(2025, 5, 6));
  EXPECT_DOUBLE_EQ(score(before, "甲局", "c"), 0.0);   // share 10, lost in full
  EXPECT_DOUBLE_EQ(score(before, "乙局", "c"), 4.0);   // 10 − 10 × 0.6
  // Due on the as-of date itself: the day is not over, not judged.
  AssessmentInput none;
  const Assessment today = run(kScheme, none, ymd(2025, 4, 30));
  EXPECT_FALSE(of(today, "甲局").items[0].applicable);
}

TEST_F(AssessCompletion, ExtensionPolicyChoosesTheDueDate) {
  AssessmentInput in;
  in.tasks.push_back(done("1", ymd(2025, 4, 28)));
  TaskFact t2 = done("2", ymd(2025, 7, 10));
  t2.extended_due = ymd(2025, 7, 31);
  in.tasks.push_back(t2);
  const Assessment extended = run(kScheme, in, ymd(2025, 8, 1));
  EXPECT_DOUBLE_EQ(score(extended, "乙局", "c"), 10.0);
  // Counting the plan's date (06-30): 07-01..07-10 are 8 working days late,
  // 0.5 × 8 = 4 > 5 × 0.6: the floor keeps 2 of the share of 5.
  std::string original = kScheme;
  original.replace(original.find("total = 10"), 10, "total = 10\nextension = \"original\"");
  const Assessment strict = run(original, in, ymd(2025, 8, 1));
  EXPECT_DOUBLE_EQ(score(strict, "乙局", "c"), 7.0);
  EXPECT_DOUBLE_EQ(score(strict, "甲局", "c"), 10 - 3 * 0.3);
  const std::string text = explain(strict, unit("乙局"));
  EXPECT_NE(text.find("task 2 任务二 (lead): 2 — done 2025-07-10, due 2025-06-30: 8 working days late; share 5, "
                      "loss min(5 × (1 − 0.4), 0.5 × 8) = 3 → 2"),
            std::string::npos)
      << text;
  EXPECT_NE(explain(extended, unit("乙局")).find("due 2025-07-31 (extended): on time"), std::string::npos);
}

TEST_F(AssessCompletion, AUnitsOwnFactWinsForThatUnit) {
  AssessmentInput in;
  TaskFact east = done("1", ymd(2025, 4, 25));
  east.unit = unit("东街道");
  in.tasks.push_back(east);
  const Assessment r = run(kScheme, in, ymd(2025, 5, 20));
  EXPECT_DOUBLE_EQ(score(r, "东街道", "c"), 10.0);
  EXPECT_DOUBLE_EQ(score(r, "西街道", "c"), 10 - 10 * 0.3);
  // A unit that does not hold the task cannot have a fact on it.
  in.tasks[0].unit = unit("丙局");
  expect_error([&] { run(kScheme, in, ymd(2025, 5, 20)); }, Errc::inval, "input tasks[0]: unit 3 does not hold task 1");
  in.tasks[0].unit = 0;
  in.tasks.push_back(in.tasks[0]);
  expect_error([&] { run(kScheme, in, ymd(2025, 5, 20)); }, Errc::inval,
               "input tasks[1]: task 1 任务一 already has a fact (tasks[0])");
}

}  // namespace
}  // namespace duban::testing
