// A run scores every unit in one pass over the facts (rule_completion.cpp,
// rule_timeliness.cpp); an explanation retraces one unit with the same
// rules. These tests hold the one-pass sums against sums taken the plain
// way in the test, fact by fact in input order, and against the retraced
// explanations, on inputs the one-pass loops treat specially: facts on
// several tasks interleaved, role and unit selectors, units' own facts and
// several items over the same tasks.
#include <algorithm>

#include "assess/assess_util.hpp"
#include "assess/number.hpp"

namespace duban::testing {
namespace {

using scoring::round_to;

double deduct(double points, double miss) { return round_to(std::max(0.0, points - std::min(points, miss)), 2); }

// Two recurring tasks (3 and a second one, 6) so report facts can be
// interleaved; 各街镇 expands to 东街道 and 西街道.
const std::string kReports = R"(
[scheme]
name = "whole run"
total = 20
roles = { lead = 1, responsible = 0.8, support = 0.5 }
[[groups]]
name = "G"
  [[groups.items]]
  id = "all"
  points = 10
  rule = "timeliness"
  select = { all = true }
  mode = "deduct"
  per_late = 0.3
  per_missing = 0.7
  [[groups.items]]
  id = "support"
  points = 5
  rule = "timeliness"
  select = { all = true, role = "support" }
  mode = "deduct"
  per_late = 0.4
  per_missing = 1.1
  [[groups.items]]
  id = "yi"
  points = 5
  rule = "timeliness"
  select = { all = true, units = ["乙局"] }
  late_credit = 0.3
)";

const std::string kCompletion = R"(
[scheme]
name = "whole run"
total = 20
roles = { lead = 1, responsible = 0.7, support = 0.3 }
[[groups]]
name = "G"
  [[groups.items]]
  id = "done"
  points = 12
  rule = "completion"
  select = { all = true }
  per_workday = 0.35
  floor_ratio = 0.25
  [[groups.items]]
  id = "leads"
  points = 8
  rule = "completion"
  select = { category = "组织", role = "lead" }
  per_workday = 0.5
)";

class AssessWholeRun : public AssessFixture {
 protected:
  void SetUp() override {
    AssessFixture::SetUp();
    // A second recurring task, so that facts of two tasks can alternate.
    Task second = plan.tasks.at(static_cast<std::size_t>(task("3") - 1));
    second.key = "6";
    second.number = "6";
    second.title = "季报";
    second.responsibilities.clear();
    for (const char* name : {"乙局", "丙局", "各街镇"}) {
      Responsibility r;
      r.unit = unit(name);
      r.name = name;
      r.role = second.responsibilities.empty() ? Role::lead : Role::support;
      r.position = static_cast<int>(second.responsibilities.size()) + 1;
      second.responsibilities.push_back(r);
    }
    plan.tasks.push_back(second);
    graph = std::make_unique<ResponsibilityGraph>(plan, directory);
  }

  // Every holder of tasks 3 and 6 reports on each month to June: on time,
  // late or not at all by a pattern, the two tasks' facts alternating.
  AssessmentInput interleaved() const {
    AssessmentInput in;
    int n = 0;
    for (unsigned m = 1; m <= 6; ++m) {
      for (const char* key : {"3", "6"}) {
        for (const Assignment& a : graph->units_of(task(key))) {
          if (a.collective) continue;
          const Date due = ymd(2025, m, 10);
          std::optional<Date> reported = due;
          if (n % 5 == 1) reported = ymd(2025, m, 14);
          if (n % 7 == 3) reported = std::nullopt;
          if (n % 11 == 4) reported = ymd(2025, 8, 1);  // after the as-of date: missing
          in.reports.push_back({task(key), a.unit, due, reported, 0});
          ++n;
        }
      }
    }
    return in;
  }

  // What `unit` (0: the plan) misses of the reports an item counts, summed
  // the plain way: fact by fact, in input order.
  struct Sum {
    int count = 0;
    double miss = 0;
  };
  Sum plain_sum(const AssessmentInput& in, UnitId who, Date as_of, const std::optional<Role>& role,
                const std::string& only, double per_late, double per_missing, const RoleWeights& w) const {
    Sum s;
    for (const ReportFact& f : in.reports) {
      if (as_of < f.due) continue;
      Role held = Role::responsible;
      for (const Assignment& a : graph->units_of(f.task)) {
        if (a.unit == f.unit) held = a.role;
      }
      if (role && held != *role) continue;
      if (!only.empty() && f.unit != unit(only)) continue;
      if (who != 0 && f.unit != who) continue;
      const bool missing = !f.reported || as_of < *f.reported;
      const bool late = !missing && f.due < *f.reported;
      const double m = missing ? per_missing : late ? per_late : 0.0;
      ++s.count;
      s.miss += (who == 0 ? 1.0 : w.of(held)) * m;
    }
    return s;
  }
};

TEST_F(AssessWholeRun, InterleavedReportsAddUpAsTheyAreListed) {
  const AssessmentInput in = interleaved();
  const Date as_of = ymd(2025, 6, 30);
  const Assessment r = run(kReports, in, as_of);
  const RoleWeights w{1, 0.8, 0.5};
  for (const UnitScore& u : r.units) {
    const Sum all = plain_sum(in, u.unit, as_of, std::nullopt, "", 0.3, 0.7, w);
    ASSERT_GT(all.count, 0) << u.name;
    EXPECT_EQ(score(r, u.name, "all"), deduct(10, all.miss)) << u.name;
    const Sum support = plain_sum(in, u.unit, as_of, Role::support, "", 0.4, 1.1, w);
    if (support.count > 0) {
      EXPECT_EQ(score(r, u.name, "support"), deduct(5, support.miss)) << u.name;
    }
  }
  // 甲局, 乙局, 丙局, 东街道, 西街道.
  EXPECT_EQ(r.units.size(), 5u);
  // Task 3 has two holders, task 6 four: six reports a month.
  const Sum plan_all = plain_sum(in, 0, as_of, std::nullopt, "", 0.3, 0.7, w);
  EXPECT_EQ(plan_all.count, 36);
  EXPECT_EQ(score(r, "", "all"), deduct(10, plan_all.miss));
  expect_retraced(r);
}

TEST_F(AssessWholeRun, RoleAndUnitSelectorsCountOnlyTheirReports) {
  const AssessmentInput in = interleaved();
  const Date as_of = ymd(2025, 6, 30);
  const Assessment r = run(kReports, in, as_of);
  const RoleWeights w{1, 0.8, 0.5};
  // Support: 丙局, 东街道 and 西街道 on task 6; 甲局 and 乙局 hold no task in
  // that role and are not judged.
  EXPECT_FALSE(of(r, "甲局").items.at(item_index("support")).applicable);
  EXPECT_FALSE(of(r, "乙局").items.at(item_index("support")).applicable);
  EXPECT_TRUE(of(r, "丙局").items.at(item_index("support")).applicable);
  const Sum plan_support = plain_sum(in, 0, as_of, Role::support, "", 0.4, 1.1, w);
  EXPECT_EQ(plan_support.count, 18);
  EXPECT_EQ(score(r, "", "support"), deduct(5, plan_support.miss));
  // Only 乙局's reports, at an on-time rate: a late one counts 0.3 of one.
  const Sum yi = plain_sum(in, unit("乙局"), as_of, std::nullopt, "乙局", 0.7, 1.0, w);
  EXPECT_EQ(yi.count, 12);
  EXPECT_EQ(score(r, "乙局", "yi"), round_to(5 * (1 - yi.miss / yi.count), 2));
  EXPECT_FALSE(of(r, "甲局").items.at(item_index("yi")).applicable);
  const Sum plan_yi = plain_sum(in, 0, as_of, std::nullopt, "乙局", 0.7, 1.0, w);
  EXPECT_EQ(plan_yi.count, 12);
  EXPECT_EQ(score(r, "", "yi"), round_to(5 * (1 - plan_yi.miss / plan_yi.count), 2));
  expect_retraced(r);
}

TEST_F(AssessWholeRun, ReportsNotYetDueAreLeftOutAndUnheldOnesAreRefused) {
  AssessmentInput in = interleaved();
  const Date march = ymd(2025, 3, 31);
  const Assessment r = run(kReports, in, march);
  const Sum plan_all = plain_sum(in, 0, march, std::nullopt, "", 0.3, 0.7, {});
  EXPECT_EQ(plan_all.count, 18);
  EXPECT_EQ(score(r, "", "all"), deduct(10, plan_all.miss));
  expect_retraced(r);
  // A fact by a unit that does not hold its task is refused, naming it,
  // among facts of other tasks.
  in.reports.insert(in.reports.begin() + 3, {task("6"), unit("甲局"), ymd(2025, 2, 10), std::nullopt, 0});
  expect_error([&] { run(kReports, in, ymd(2025, 6, 30)); }, Errc::inval,
               "input reports[3]: unit " + std::to_string(unit("甲局")) + " does not hold task 6 季报: it owes no report");
}

TEST_F(AssessWholeRun, CompletionItemsOverTheSameTasksWithUnitsOwnFacts) {
  AssessmentInput in;
  in.tasks.push_back(done("1", ymd(2025, 4, 28)));  // on time
  in.tasks.push_back(done("2", ymd(2025, 7, 4)));   // four working days late
  TaskFact own = done("2", ymd(2025, 6, 27));       // 乙局's own part, on time
  own.unit = unit("乙局");
  in.tasks.push_back(own);
  TaskFact street;  // 东街道's own part of task 1, not done
  street.task = task("1");
  street.unit = unit("东街道");
  in.tasks.push_back(street);
  // As of November task 4 is overdue and not done; task 5 is not due yet.
  const Assessment r = run(kCompletion, in, ymd(2025, 11, 30));
  // 甲局 is judged on tasks 1 (lead, on time), 2 (support, late) and 4
  // (support, not done), a share of 4 each: it loses 0.3 × min(4 × 0.75,
  // 0.35 × 4) and 0.3 × 4.
  EXPECT_EQ(score(r, "甲局", "done"), 10.38);
  EXPECT_EQ(score(r, "乙局", "done"), 12);   // task 1 on time, task 2 on time by its own fact
  EXPECT_EQ(score(r, "丙局", "done"), 0);    // task 4 alone, not done
  EXPECT_EQ(score(r, "东街道", "done"), 8.4);  // task 1, its own part not done: 0.3 × 12
  EXPECT_EQ(score(r, "西街道", "done"), 12);
  EXPECT_EQ(score(r, "", "done"), 6.6);  // 12 − (0 + 1.4 + 4)
  // Leads in 组织 (tasks 1 to 3): 甲局 led task 1 on time; 乙局 task 2, on
  // time by its own fact though the task's fact is late.
  EXPECT_EQ(score(r, "甲局", "leads"), 8);
  EXPECT_EQ(score(r, "乙局", "leads"), 8);
  EXPECT_FALSE(of(r, "丙局").items.at(item_index("leads")).applicable);
  EXPECT_EQ(score(r, "", "leads"), 6);  // tasks 1 and 2, share 4: task 2 loses min(4, 0.5 × 4)
  expect_retraced(r);
  // Each completion item adds its plan share to the tasks it judged.
  ASSERT_EQ(r.tasks.size(), 3u);
  EXPECT_EQ(r.tasks[0].task, task("1"));
  EXPECT_DOUBLE_EQ(r.tasks[0].possible, 8);
  EXPECT_DOUBLE_EQ(r.tasks[0].earned, 8);
  EXPECT_EQ(r.tasks[1].task, task("2"));
  EXPECT_DOUBLE_EQ(r.tasks[1].earned, (4 - 1.4) + (4 - 2));
  EXPECT_EQ(r.tasks[2].task, task("4"));
  EXPECT_DOUBLE_EQ(r.tasks[2].possible, 4);
  EXPECT_DOUBLE_EQ(r.tasks[2].earned, 0);
}

TEST_F(AssessWholeRun, ASchemeWithoutTaskItemsGivesNoTaskScores) {
  AssessmentInput in;
  in.tasks.push_back(done("1", ymd(2025, 4, 30)));
  const Assessment r = run(R"(
[scheme]
name = "events only"
total = 10
[[groups]]
name = "G"
  [[groups.items]]
  id = "blame"
  points = 10
  rule = "deduction"
  events = ["通报批评"]
  per_event = 2
)",
                           in, ymd(2025, 6, 30));
  EXPECT_TRUE(r.tasks.empty());
  EXPECT_TRUE(r.categories.empty());
  EXPECT_EQ(r.plan.total, 10);
}

}  // namespace
}  // namespace duban::testing
