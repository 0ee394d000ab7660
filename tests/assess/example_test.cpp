// The example scheme on the example plan with the sample inputs, as of the
// year's end: totals worked out by hand for the plan and four units, every
// explanation agreeing with the scores, byte-identical JSON, diffs, and
// runs stored in a ledger file.
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <unistd.h>

#include "assess/assess_util.hpp"
#include "duban/ledger.hpp"

namespace duban::testing {
namespace {

class AssessExample : public ::testing::Test {
 protected:
  void SetUp() override {
    PlanFile file = parse_plan_file(slurp("examples/plans/east-west-2025.json"), "east-west-2025.json");
    directory = std::move(file.directory);
    plan = std::move(file.plan);
    ASSERT_FALSE(has_errors(resolve_units(plan, directory)));
    graph = std::make_unique<ResponsibilityGraph>(plan, directory);
    scheme = parse_scheme_toml(slurp("examples/plans/east-west-2025.scheme.toml"), "east-west-2025.scheme.toml");
    input = parse_assessment_input(slurp("examples/plans/east-west-2025.inputs.json"), plan, directory,
                                   *WorkCalendar::builtin(), "east-west-2025.inputs.json");
  }

  Assessment run(const Scheme& s, const AssessmentInput& in) const {
    return Assessor(plan, directory, *graph, WorkCalendar::builtin(), s).run(in, ymd(2025, 12, 31));
  }
  Assessment run() const { return run(scheme, input); }

  const UnitScore& of(const Assessment& r, const std::string& name) const {
    const UnitScore* u = r.find(*directory.lookup(name));
    EXPECT_NE(u, nullptr) << name;
    return *u;
  }

  Directory directory;
  Plan plan;
  std::unique_ptr<ResponsibilityGraph> graph;
  Scheme scheme;
  AssessmentInput input;
};

TEST_F(AssessExample, ThePlanScoresAsWorkedOutByHand) {
  const Assessment r = run();
  // 组织领导 6.5 + 2 (132 monthly reports: four late, three missing: 7 − 5);
  // 人才支援 4 + 4.17 + 4.17 + 4; 资金支持 vetoed (临江城投集团's 违纪违规);
  // 产业合作 10 + 2 (task 10 six working days late over 国庆); 消费协作 10 + 4;
  // 劳务协作 6.88 + 4.6; 通报批评 3 × 5, at most 10: 52.32; bonus 6 + 3.
  EXPECT_DOUBLE_EQ(r.plan.base, 52.32);
  EXPECT_DOUBLE_EQ(r.plan.bonus, 9.0);
  EXPECT_DOUBLE_EQ(r.plan.total, 61.32);
  EXPECT_DOUBLE_EQ(r.plan.deductions, 10.0);
  EXPECT_EQ(r.plan.grade, "一般");
  ASSERT_EQ(r.plan.vetoes.size(), 1u);
  EXPECT_EQ(r.plan.vetoes[0], (VetoHit{"8.2", VetoEffect::zero_group, "资金支持"}));
  const std::vector<double> groups{8.5, 16.34, 0, 12, 14, 11.48, -10, 9};
  ASSERT_EQ(r.plan.groups.size(), groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) EXPECT_DOUBLE_EQ(r.plan.groups[g].score, groups[g]) << g;
  // Task 10 earned 2 of its 5 (late), task 6 none of its 2 (not done).
  bool seen10 = false;
  for (const TaskScore& t : r.tasks) {
    if (t.task == 10) {
      seen10 = true;
      EXPECT_DOUBLE_EQ(t.earned, 2.0);
      EXPECT_DOUBLE_EQ(t.possible, 5.0);
    }
    if (t.task == 6) {
      EXPECT_DOUBLE_EQ(t.earned, 0.0);
    }
  }
  EXPECT_TRUE(seen10);
}

TEST_F(AssessExample, UnitsScoreAsWorkedOutByHand) {
  const Assessment r = run();
  // 区商务委: 5.2 as support (4, weighed 0.5: 4.5); 通报批评 on task 11, which
  // it leads: −5; 经验做法推广 +3.
  const UnitScore& commerce = of(r, "区商务委");
  EXPECT_DOUBLE_EQ(commerce.base, 94.5);
  EXPECT_DOUBLE_EQ(commerce.bonus, 3.0);
  EXPECT_DOUBLE_EQ(commerce.total, 97.5);
  EXPECT_EQ(commerce.grade, "好");
  // 区人社局: task 6 not done (responsible: 6 − 6 × 0.8 = 1.2); 培训 60 + 60 ×
  // 0.8 / 2.8 = 77.14 → band 0, weighed: 0.8; 就业 8 × 0.86 = 6.88; tasks
  // 13 and 14 (4 working days late: 3.5 − 1.2): 5.8; 批示 on task 13: +2.
  const UnitScore& labour = of(r, "区人力资源和社会保障局");
  EXPECT_DOUBLE_EQ(labour.base, 89.18);
  EXPECT_DOUBLE_EQ(labour.total, 91.18);
  // 临江城投集团: nothing judged but 4.1 (7 of 5 enterprises, capped), and
  // its 违纪违规 zeroes 资金支持.
  const UnitScore& investor = of(r, "临江城投集团");
  EXPECT_DOUBLE_EQ(investor.total, 80.0);
  EXPECT_EQ(investor.grade, "较好");
  EXPECT_TRUE(investor.groups[2].vetoed);
  // 江北商贸集团: full marks, but an audit score of 55 caps the grade.
  const UnitScore& trading = of(r, "江北商贸集团");
  EXPECT_DOUBLE_EQ(trading.total, 100.0);
  EXPECT_EQ(trading.grade, "一般");
  // 前方工作机构 supports tasks 4, 5, 7 and 13, all done in time, and shares
  // the 批示 on task 13 as support: 2 × 0.5 = 1 bonus.
  const UnitScore& front = of(r, "前方工作机构");
  EXPECT_DOUBLE_EQ(front.total, 101.0);
  EXPECT_EQ(front.rank, 1);
  // 江北商贸集团 and 区合作交流办 both have 100: the first tie-break, the
  // base (100 against 98), puts 江北商贸集团 first.
  EXPECT_DOUBLE_EQ(of(r, "区合作交流办").total, 100.0);
  EXPECT_EQ(trading.rank, 2);
  EXPECT_EQ(of(r, "区合作交流办").rank, 3);
  // 区妇联 and 团区委 tie on every stated key (99.4); directory order
  // decides, so they take ranks 4 and 5.
  EXPECT_EQ(of(r, "区妇联").rank, 4);
  EXPECT_EQ(of(r, "团区委").rank, 5);
  EXPECT_EQ(r.units.size(), 26u);
  EXPECT_EQ(r.ranking.size(), 26u);
  EXPECT_EQ(r.units[r.ranking.back()].name, "临江城投集团");
}

TEST_F(AssessExample, EveryExplanationRetracesTheScoresItExplains) {
  const Assessment r = run();
  expect_retraced(r);
  expect_error([&] { explanation(r, 999); }, Errc::notfound, "unit 999 was not assessed");
  const std::string text = explain(r, *directory.lookup("区教育局"));
  EXPECT_NE(text.find("item 2.2 选派教师(县均2名) (5 points): 4.17 — target 2; 金河县 2 → 5; 青山县 3 → 5; 云岭县 1 → 2.5; "
                      "mean over 3 areas = 4.1667"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("领导批示肯定 2025-06-15, 区教育局: 教师组团式帮扶: 2 — 2 [市领导批示〔2025〕18号]"), std::string::npos);
}

TEST_F(AssessExample, JsonIsByteIdenticalForTheSameInputs) {
  const std::string a = to_json(run());
  const std::string b = to_json(run());
  EXPECT_EQ(a, b);
  // The same scheme through its JSON form gives the same result, digest included.
  const Scheme via_json = parse_scheme_json(to_json(scheme), "scheme.json");
  EXPECT_EQ(to_json(run(via_json, input)), a);
  EXPECT_NE(a.find("\"digest\": \""), std::string::npos);
  EXPECT_EQ(run().digest.size(), 64u);
  EXPECT_NE(a.find("\"total\": 61.32"), std::string::npos);
  // Another input changes the digest.
  AssessmentInput more = input;
  more.events.pop_back();
  EXPECT_NE(run(scheme, more).digest, run().digest);
}

TEST_F(AssessExample, DiffNamesWhatChanged) {
  const std::string before = to_json(run());
  EXPECT_TRUE(diff_results(before, before).same());
  EXPECT_EQ(to_text(diff_results(before, before)), "no score changed (same inputs)\n");
  // Without the 违纪违规 event, 临江城投集团 and the plan keep 资金支持.
  AssessmentInput clean = input;
  std::erase_if(clean.events, [](const ScoreEvent& e) { return e.kind == "违纪违规"; });
  const std::string after = to_json(run(scheme, clean));
  const ResultDiff d = diff_results(before, after);
  const std::string text = to_text(d);
  EXPECT_NE(text.find("plan\ttotal\t61.32 → 81.32 (+20)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("临江城投集团\ttotal\t80 → 100 (+20)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("临江城投集团\tgrade\t较好 → 好\n"), std::string::npos) << text;
  EXPECT_NE(text.find("临江城投集团\tgroup:资金支持\t0 → 20 (+20)\n"), std::string::npos) << text;
  expect_error([] { diff_results("{}", "{}"); }, Errc::inval, "before: not an assessment result");
}

TEST_F(AssessExample, RunsAreStoredInTheLedgerFile) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("duban-assess-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "ew.duban").string();
  {
    Ledger ledger = Ledger::open(path);
    ledger.import_plan(parse_plan_file(slurp("examples/plans/east-west-2025.json"), "east-west-2025.json"));
  }
  EXPECT_TRUE(stored_runs(path).empty());
  const Assessment r = run();
  const std::int64_t first = store_run(path, r, 1);
  const std::int64_t second = store_run(path, r, 1);
  EXPECT_EQ(second, first + 1);
  const auto runs = stored_runs(path);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].scheme_version, "2025.1");
  EXPECT_EQ(runs[0].as_of, "2025-12-31");
  EXPECT_EQ(runs[0].digest, r.digest);
  EXPECT_EQ(load_run(path, first), to_json(r));
  expect_error([&] { load_run(path, 99); }, Errc::notfound, "has no stored assessment run 99");
  // The ledger still opens and reads its plan with the table beside it.
  EXPECT_EQ(Ledger::open(path).plans().size(), 1u);
  const std::string other = (dir / "not-a-ledger").string();
  std::ofstream(other) << "hello";
  expect_error([&] { store_run(other, r); }, Errc::inval, "is not a duban ledger");
  expect_error([&] { stored_runs((dir / "missing").string()); }, Errc::notfound, "does not exist");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace duban::testing
