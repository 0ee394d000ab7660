// The input's summary (InputSummaries): what runs derive from an input for
// one Assessor and date — tasks judged, report facts counted per task and
// unit — made once and kept with the input. A run that reuses one must
// give byte for byte what a run that makes its own gives, explanations
// (which still walk every fact) included; a summary made for another
// date, another Assessor, or facts since changed must never be used.
#include "assess/assess_util.hpp"
#include "assess/engine.hpp"

namespace duban::testing {
namespace {

// Timeliness in both modes over every task, a category, one role and some
// units, with role weights; completion over every task and over one
// category's leads.
std::string scheme_text(const std::string& mode, const std::string& extension = "extended") {
  const std::string how = mode == "rate" ? "late_credit = 0.4" : "mode = \"deduct\"\n  per_late = 0.3\n  per_missing = 0.9";
  const auto timeliness = [&](const std::string& id, int points, const std::string& select) {
    return "  [[groups.items]]\n  id = \"" + id + "\"\n  points = " + std::to_string(points) +
           "\n  rule = \"timeliness\"\n  select = " + select + "\n  " + how + "\n";
  };
  return "[scheme]\nname = \"summary\"\ntotal = 100\nextension = \"" + extension +
         "\"\nroles = { lead = 1, responsible = 0.7, support = 0.4 }\n[[groups]]\nname = \"报送\"\n" +
         timeliness("all", 20, "{ all = true }") + timeliness("cat", 15, "{ category = \"乙类\" }") +
         timeliness("support", 10, "{ all = true, role = \"support\" }") +
         timeliness("some", 5, "{ all = true, units = [\"单位2\", \"单位5\"] }") + R"(
[[groups]]
name = "完成"
  [[groups.items]]
  id = "done"
  points = 35
  rule = "completion"
  select = { all = true }
  per_workday = 0.2
  floor_ratio = 0.3
  [[groups.items]]
  id = "leads"
  points = 15
  rule = "completion"
  select = { category = "甲类", role = "lead" }
  per_workday = 0.5
)";
}

// Forty tasks in two categories, each held by three of eight units in the
// three roles; every third task reports monthly, the others have a due
// date. Report facts come interleaved across tasks, on time, late,
// missing, reported after the as-of date or not due yet.
class AssessSummary : public AssessFixture {
 protected:
  void SetUp() override {
    for (int u = 1; u <= 8; ++u) {
      Unit unit;
      unit.name = "单位" + std::to_string(u);
      unit.kind = UnitKind::department;
      directory.add(std::move(unit));
    }
    plan = Plan{};
    plan.title = "summary";
    plan.year = 2025;
    plan.categories.push_back({"一", "甲类", -1});
    plan.categories.push_back({"二", "乙类", -1});
    Recurrence monthly;
    monthly.every = Every::month;
    monthly.day = 10;
    const auto months = expand(monthly, "x", ymd(2025, 1, 1), ymd(2025, 12, 31), *WorkCalendar::builtin());
    std::vector<ReportFact> reports;
    for (int i = 0; i < 40; ++i) {
      Task t;
      t.key = std::to_string(i + 1);
      t.title = "任务" + t.key;
      t.category = i % 2;
      const UnitId holders[3] = {i % 8 + 1, (i + 3) % 8 + 1, (i + 5) % 8 + 1};
      const Role roles[3] = {Role::lead, Role::responsible, Role::support};
      for (int k = 0; k < 3; ++k) {
        Responsibility r;
        r.unit = holders[k];
        r.role = roles[k];
        r.position = k + 1;
        t.responsibilities.push_back(r);
      }
      if (i % 3 == 0) {
        t.deadline.recurrence = monthly;
        for (std::size_t m = 0; m < months.size(); ++m) {
          for (int k = 0; k < 3; ++k) {
            const Date due = months[m].due;
            const int roll = (i * 7 + k * 3 + static_cast<int>(m) * 5) % 10;
            std::optional<Date> reported = due;
            if (roll == 1 || roll == 6) reported = Date{std::chrono::sys_days{due} + std::chrono::days{4}};
            if (roll == 3) reported = std::nullopt;
            if (roll == 8) reported = Date{std::chrono::sys_days{due} + std::chrono::days{45}};
            reports.push_back({i + 1, holders[k], due, reported, static_cast<std::int64_t>(reports.size() + 1)});
          }
        }
      } else {
        t.deadline.due = ymd(2025, static_cast<unsigned>(i % 12 + 1), 20);
        TaskFact f;
        f.task = i + 1;
        if (i % 5 != 4) f.done = Date{std::chrono::sys_days{*t.deadline.due} + std::chrono::days{(i % 4) * 6 - 3}};
        if (i % 7 == 2) f.extended_due = Date{std::chrono::sys_days{*t.deadline.due} + std::chrono::days{20}};
        input.tasks.push_back(f);
        if (i % 8 == 1) {  // the support unit's own part, done late
          TaskFact own;
          own.task = i + 1;
          own.unit = holders[2];
          own.done = Date{std::chrono::sys_days{*t.deadline.due} + std::chrono::days{9}};
          input.tasks.push_back(own);
        }
      }
      plan.tasks.push_back(std::move(t));
    }
    // Interleaved: a task's facts do not follow one another.
    for (std::size_t stride = 0; stride < 7; ++stride) {
      for (std::size_t i = stride; i < reports.size(); i += 7) input.reports.push_back(reports[i]);
    }
    graph = std::make_unique<ResponsibilityGraph>(plan, directory);
  }

  Assessor assessor(const std::string& text) const {
    return Assessor(plan, directory, *graph, WorkCalendar::builtin(), scheme(text));
  }

  // The run of a fresh copy (the value overload), which derives its own.
  static std::string fresh(const Assessor& a, const AssessmentInput& in, Date as_of) {
    return to_json(a.run(in, as_of));
  }

  static const scoring::Summary* summary_of(const Assessment& r) { return r.state->data->summary.get(); }

  AssessmentInput input;
};

// (a) Kept and made afresh: the same bytes, explanations included.
void expect_same_runs(const Assessor& a, const AssessmentInput& in, Date as_of) {
  auto shared = std::make_shared<AssessmentInput>(in);
  a.prepare(*shared, as_of);
  ASSERT_EQ(shared->summaries.size(), 1u);
  const Assessment first = a.run(shared, as_of);
  const Assessment again = a.run(shared, as_of);
  EXPECT_EQ(first.state->data->summary.get(), again.state->data->summary.get()) << "the kept summary was not reused";
  EXPECT_EQ(shared->summaries.size(), 1u);
  const Assessment made = a.run(in, as_of);
  EXPECT_NE(made.state->data->summary.get(), first.state->data->summary.get());
  const std::string json = to_json(made);
  EXPECT_NE(json.find("\"explanation\""), std::string::npos);
  EXPECT_EQ(to_json(first), json);
  EXPECT_EQ(to_json(again), json);
  for (const UnitScore& u : made.units) EXPECT_EQ(explain(again, u.unit), explain(made, u.unit)) << u.name;
  EXPECT_EQ(explain(again, 0), explain(made, 0));
  // The explanations walk every fact; the run read the summary. They agree.
  expect_retraced(again);
}

TEST_F(AssessSummary, KeptAndFreshRunsAreByteIdenticalInBothTimelinessModes) {
  for (const char* mode : {"rate", "deduct"}) {
    SCOPED_TRACE(mode);
    expect_same_runs(assessor(scheme_text(mode)), input, ymd(2025, 9, 30));
  }
}

TEST_F(AssessSummary, KeptAndFreshRunsAreByteIdenticalOnTheExample) {
  PlanFile file = parse_plan_file(slurp("examples/plans/east-west-2025.json"), "east-west-2025.json");
  ASSERT_FALSE(has_errors(resolve_units(file.plan, file.directory)));
  const ResponsibilityGraph g(file.plan, file.directory);
  const Assessor a(file.plan, file.directory, g, WorkCalendar::builtin(),
                   parse_scheme_toml(slurp("examples/plans/east-west-2025.scheme.toml"), "east-west-2025.scheme.toml"));
  const AssessmentInput in = parse_assessment_input(slurp("examples/plans/east-west-2025.inputs.json"), file.plan,
                                                    file.directory, *WorkCalendar::builtin(), "inputs.json");
  ASSERT_FALSE(in.reports.empty());
  expect_same_runs(a, in, ymd(2025, 12, 31));
  EXPECT_NE(to_json(a.run(in, ymd(2025, 12, 31))).find("\"total\": 61.32"), std::string::npos);
}

TEST_F(AssessSummary, CountsAreTheFactsAsOfTheDate) {
  const Assessor a = assessor(scheme_text("deduct"));
  const Date as_of = ymd(2025, 9, 30);
  const Assessment r = a.run(input, as_of);
  const scoring::Summary& s = *summary_of(r);
  // Every holder of the 14 recurring tasks has a record; the counts add up
  // to the facts due by the date, each once, by outcome.
  EXPECT_EQ(s.report_counts.size(), 14u * 3);
  std::uint64_t counted[3] = {0, 0, 0};
  for (const scoring::ReportCounts& c : s.report_counts) {
    for (int o = 0; o < 3; ++o) counted[o] += c.n[o];
  }
  std::uint64_t due[3] = {0, 0, 0};
  for (const ReportFact& f : input.reports) {
    if (as_of < f.due) continue;
    const bool missing = !f.reported || as_of < *f.reported;
    ++due[missing ? 2 : f.due < *f.reported ? 1 : 0];
  }
  for (int o = 0; o < 3; ++o) EXPECT_EQ(counted[o], due[o]) << "outcome " << o;
  EXPECT_GT(due[1], 0u);
  EXPECT_GT(due[2], 0u);
  EXPECT_TRUE(s.refused.empty());
  // One standing per responsibility; the support units' own late parts
  // count as theirs.
  EXPECT_EQ(s.held_judged.size(), 40u * 3);
}

// (b) Never a stale one.
TEST_F(AssessSummary, AnotherDateGetsItsOwn) {
  const Assessor a = assessor(scheme_text("deduct"));
  auto in = std::make_shared<AssessmentInput>(input);
  const Date june = ymd(2025, 6, 30);
  const Date october = ymd(2025, 10, 31);
  a.prepare(*in, june);
  const Assessment later = a.run(in, october);
  EXPECT_EQ(to_json(later), fresh(a, input, october));
  EXPECT_NE(to_json(later), fresh(a, input, june));
  EXPECT_EQ(in->summaries.size(), 2u);
  const Assessment earlier = a.run(in, june);
  EXPECT_EQ(to_json(earlier), fresh(a, input, june));
  EXPECT_NE(summary_of(earlier), summary_of(later));
  EXPECT_EQ(summary_of(a.run(in, october)), summary_of(later));
  // At most four are kept, the oldest going first.
  for (unsigned m = 1; m <= 5; ++m) a.prepare(*in, ymd(2025, m, 28));
  EXPECT_EQ(in->summaries.size(), 4u);
}

TEST_F(AssessSummary, MergedOrChangedFactsAreSummarizedAgain) {
  const Assessor a = assessor(scheme_text("rate"));
  const Date as_of = ymd(2025, 9, 30);
  auto in = std::make_shared<AssessmentInput>(input);
  const std::string before = to_json(a.run(in, as_of));
  ASSERT_EQ(in->summaries.size(), 1u);

  // A correction: a missing report was in fact on time.
  AssessmentInput correction;
  ReportFact f = *std::find_if(input.reports.begin(), input.reports.end(),
                               [&](const ReportFact& r) { return !r.reported && !(as_of < r.due); });
  f.reported = f.due;
  correction.reports.push_back(f);
  merge(*in, correction);
  EXPECT_EQ(in->summaries.size(), 0u);
  AssessmentInput merged = input;
  merge(merged, correction);
  const std::string after = to_json(a.run(in, as_of));
  EXPECT_NE(after, before);
  EXPECT_EQ(after, fresh(a, merged, as_of));

  // More facts appended in place: the stamp (their vector's length) no
  // longer fits, and the kept summary is not used.
  ReportFact extra = f;
  extra.due = ymd(2025, 9, 10);
  extra.reported = std::nullopt;
  extra.task = 4;  // task 4 is monthly too, held by 单位4, 单位7 and 单位1
  extra.unit = 4;
  in->reports.push_back(extra);
  merged.reports.push_back(extra);
  const Assessment grown = a.run(in, as_of);
  EXPECT_EQ(to_json(grown), fresh(a, merged, as_of));
  EXPECT_NE(to_json(grown), after);

  // Changed in place without a change of length: what the stamp cannot
  // see, and what clear() is for.
  in->reports.back().reported = in->reports.back().due;
  merged.reports.back().reported = merged.reports.back().due;
  in->summaries.clear();
  EXPECT_EQ(to_json(a.run(in, as_of)), fresh(a, merged, as_of));
}

TEST_F(AssessSummary, CopiesStartWithoutAndMovesKeepThem) {
  const Assessor a = assessor(scheme_text("deduct"));
  AssessmentInput in = input;
  a.prepare(in, ymd(2025, 9, 30));
  EXPECT_EQ(in.summaries.size(), 1u);
  const AssessmentInput copy = in;
  EXPECT_EQ(copy.summaries.size(), 0u);
  EXPECT_TRUE(copy == in);  // the summaries are not part of the value
  AssessmentInput moved = std::move(in);
  EXPECT_EQ(moved.summaries.size(), 1u);
  auto shared = std::make_shared<const AssessmentInput>(std::move(moved));
  const Assessment r = a.run(shared, ymd(2025, 9, 30));
  EXPECT_EQ(shared->summaries.size(), 1u);  // the moved one still fits: its vectors moved with it
  EXPECT_EQ(to_json(r), fresh(a, input, ymd(2025, 9, 30)));
}

TEST_F(AssessSummary, EachAssessorUsesOnlyItsOwn) {
  // The extension policy decides which date a task is judged by: a summary
  // judged for one scheme must not serve the other.
  const Assessor extended = assessor(scheme_text("deduct", "extended"));
  const Assessor original = assessor(scheme_text("deduct", "original"));
  const Date as_of = ymd(2025, 12, 31);
  auto in = std::make_shared<AssessmentInput>(input);
  const std::string e = to_json(extended.run(in, as_of));
  const std::string o = to_json(original.run(in, as_of));
  EXPECT_EQ(in->summaries.size(), 2u);
  EXPECT_NE(e, o);
  EXPECT_EQ(e, fresh(extended, input, as_of));
  EXPECT_EQ(o, fresh(original, input, as_of));
  // A copy of an Assessor shares what it bound, and so its summaries.
  const Assessor copy = extended;
  EXPECT_EQ(summary_of(copy.run(in, as_of)), summary_of(extended.run(in, as_of)));
}

TEST_F(AssessSummary, RefusedFactsAreRefusedByTheItemsThatMeetThem) {
  // 单位2 holds no part of task 1 (单位1, 单位4, 单位6): its report is refused
  // by every item over task 1, with or without a kept summary, and by none
  // over other tasks alone.
  AssessmentInput in = input;
  in.reports.insert(in.reports.begin() + 5, {1, 2, ymd(2025, 2, 10), ymd(2025, 2, 10), 0});
  const std::string message = "input reports[5]: unit 2 does not hold task 1 任务1: it owes no report";
  const Assessor a = assessor(scheme_text("deduct"));
  auto shared = std::make_shared<const AssessmentInput>(in);
  a.prepare(*shared, ymd(2025, 9, 30));
  expect_error([&] { a.run(shared, ymd(2025, 9, 30)); }, Errc::inval, message);
  expect_error([&] { a.run(in, ymd(2025, 9, 30)); }, Errc::inval, message);
  // Task 1 is in 甲类: an item over 乙类 alone does not meet it. Due after
  // the as-of date, it is met by none.
  const Assessor cat = assessor(R"(
[scheme]
name = "cat"
total = 10
[[groups]]
name = "G"
  [[groups.items]]
  id = "cat"
  points = 10
  rule = "timeliness"
  select = { category = "乙类" }
)");
  auto kept = std::make_shared<const AssessmentInput>(in);
  EXPECT_EQ(to_json(cat.run(kept, ymd(2025, 9, 30))), fresh(cat, in, ymd(2025, 9, 30)));
  EXPECT_EQ(to_json(a.run(kept, ymd(2025, 1, 31))), fresh(a, in, ymd(2025, 1, 31)));
  EXPECT_NE(fresh(cat, in, ymd(2025, 9, 30)), fresh(cat, input, ymd(2025, 9, 30)));  // the digest saw it
}

}  // namespace
}  // namespace duban::testing
