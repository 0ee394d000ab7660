// duban assess on the example plan with the example scheme and sample
// inputs: the ranking, one unit, the explanation, JSON, stored runs and
// comparisons, and the errors a user meets first.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "run.hpp"

namespace duban::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kPlans = std::string(DUBAN_SOURCE_DIR) + "/examples/plans/";
const std::string kScheme = kPlans + "east-west-2025.scheme.toml";
const std::string kInputs = kPlans + "east-west-2025.inputs.json";

class AssessCli : public ::testing::Test {
 protected:
  void SetUp() override {
    db = dir.file("ledger.duban");
    const Outcome load = duban({"plan", "load", kPlans + "east-west-2025.json", "--db", db});
    ASSERT_EQ(load.status, 0) << load.err;
  }

  Outcome assess(std::vector<std::string> more) {
    std::vector<std::string> args{"assess", "--db", db, "--scheme", kScheme, "--inputs", kInputs, "--as-of", "2025-12-31"};
    args.insert(args.end(), more.begin(), more.end());
    return duban(args);
  }

  TempDir dir;
  std::string db;
};

TEST_F(AssessCli, PrintsTheRankingWithTotalsGradesAndVetoes) {
  const Outcome r = assess({});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("2025年临江区东西部协作和对口支援工作考核 (2025.1) as of 2025-12-31\n"
                                "plan\t61.32\tbase 52.32\tbonus 9\t一般\tveto 8.2: 资金支持 0\n"
                                "1\t前方工作机构\t101\tbase 100\tbonus 1\t好\t-\n"
                                "2\t江北商贸集团\t100\tbase 100\tbonus 0\t一般\tveto 8.3: grade at best 一般\n"));
  EXPECT_THAT(r.out, HasSubstr("\t区商务委\t97.5\tbase 94.5\tbonus 3\t好\t-\n"));
  EXPECT_THAT(r.out, HasSubstr("26\t临江城投集团\t80\tbase 80\tbonus 0\t较好\tveto 8.2: 资金支持 0\n"));
}

TEST_F(AssessCli, ShowsAndExplainsOneUnit) {
  const Outcome unit = assess({"--unit", "区人社局"});
  ASSERT_EQ(unit.status, 0) << unit.err;
  EXPECT_THAT(unit.out, StartsWith("区人力资源和社会保障局\t91.18\tbase 89.18\tbonus 2\t好\trank "));
  EXPECT_THAT(unit.out, HasSubstr("人才支援\t12 of 20\n  2.1\t干部人才选派和培训任务\t1.2 of 6\n"));
  const Outcome why = assess({"--unit", "区人社局", "--explain"});
  ASSERT_EQ(why.status, 0) << why.err;
  EXPECT_THAT(why.out, HasSubstr("task 6 开展干部人才培训 (responsible): 1.2 — not done, due 2025-12-01; share 6, loss 6 "
                                 "(not done) × 0.8 (responsible) → 1.2"));
  EXPECT_THAT(why.out, HasSubstr("领导批示肯定 2025-11-20, task 13 稳定劳务协作规模: 劳务协作专列: 2 — 2 × 1 (lead) = 2 "
                                 "[市领导批示〔2025〕35号]"));
}

TEST_F(AssessCli, JsonIsStableAndRunsCanBeStoredAndCompared) {
  const Outcome a = assess({"--json"});
  const Outcome b = assess({"--json"});
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_THAT(a.out, HasSubstr("\"duban_assessment\": 1"));
  const Outcome stored = assess({"--store"});
  ASSERT_EQ(stored.status, 0) << stored.err;
  EXPECT_EQ(stored.err, "stored run 1\n");
  const Outcome runs = duban({"assess", "--db", db, "--runs"});
  ASSERT_EQ(runs.status, 0) << runs.err;
  EXPECT_THAT(runs.out, StartsWith("1\t"));
  EXPECT_THAT(runs.out, HasSubstr("\t2025-12-31\t2025年临江区东西部协作和对口支援工作考核\t2025.1\t"));
  const Outcome same = assess({"--compare", "run:1"});
  ASSERT_EQ(same.status, 0) << same.err;
  EXPECT_EQ(same.out, "no score changed (same inputs)\n");
  // As of mid-year, against the year-end result saved as a file.
  const std::string saved = dir.file("year-end.json");
  std::ofstream(saved) << a.out;
  std::vector<std::string> args{"assess", "--db", db, "--scheme", kScheme, "--inputs", kInputs,
                                "--as-of", "2025-06-30", "--compare", saved};
  const Outcome mid = duban(args);
  ASSERT_EQ(mid.status, 0) << mid.err;
  EXPECT_THAT(mid.out, HasSubstr("plan\ttotal\t61.32 → "));
}

TEST_F(AssessCli, ErrorsSayWhatAndWhere) {
  const std::string bad = dir.file("bad.toml");
  std::ofstream(bad) << "[scheme]\nname = \"x\"\ntotal = 10\n[[groups]]\nname = \"G\"\n  [[groups.items]]\n"
                        "  points = 10\n  rule = \"completion\"\n  select = { task = \"99\" }\n";
  const Outcome r = duban({"assess", "--db", db, "--scheme", bad, "--as-of", "2025-12-31"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "duban: error: " + bad + ":6: groups[0].items[0].select.tasks: no task with key '99' in the plan\n");
  const Outcome unknown = assess({"--unit", "区统计局"});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_THAT(unknown.err, HasSubstr("'区统计局'"));
  const Outcome missing = duban({"assess", "--db", db, "--as-of", "2025-12-31"});
  EXPECT_EQ(missing.status, 2);
  const Outcome nodb = duban({"assess", "--db", dir.file("none.duban"), "--scheme", kScheme});
  EXPECT_EQ(nodb.status, 1);
  EXPECT_THAT(nodb.err, HasSubstr("does not exist"));
}

}  // namespace
}  // namespace duban::test
