// duban export: each format written to --out, the options each takes, and
// the errors a user meets first. The files' contents are read back by
// export_readback.py (openpyxl, csv, dot); here the tool's behaviour.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "run.hpp"

namespace duban::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kPlans = std::string(DUBAN_SOURCE_DIR) + "/examples/plans/";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// PATH set for the tool while the object lives (the tool inherits environ).
class PathGuard {
 public:
  explicit PathGuard(const std::string& path) {
    if (const char* old = std::getenv("PATH")) old_ = old;
    setenv("PATH", path.c_str(), 1);
  }
  ~PathGuard() {
    if (old_) {
      setenv("PATH", old_->c_str(), 1);
    } else {
      unsetenv("PATH");
    }
  }
  PathGuard(const PathGuard&) = delete;
  PathGuard& operator=(const PathGuard&) = delete;

 private:
  std::optional<std::string> old_;
};

class ExportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    db = dir.file("ledger.duban");
    const Outcome load = duban({"plan", "load", kPlans + "east-west-2025.json", "--db", db});
    ASSERT_EQ(load.status, 0) << load.err;
  }

  Outcome run(const std::string& format, const std::string& out, std::vector<std::string> more = {}) {
    std::vector<std::string> args{"export", "--db", db, "--format", format, "--out", out, "--as-of", "2025-07-31"};
    args.insert(args.end(), more.begin(), more.end());
    return duban(args);
  }

  TempDir dir;
  std::string db;
};

TEST_F(ExportCli, CsvTablesDefaultToTasks) {
  const std::string out = dir.file("tasks.csv");
  const Outcome r = run("csv", out);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "wrote " + out + "\n");
  EXPECT_THAT(slurp(out), StartsWith("\xEF\xBB\xBF序号,编号,类别,任务,牵头单位,配合单位,完成时限,状态,灯,进度,最新进展,得分\r\n"
                                     "1,1,组织领导,健全工作机制,区合作交流办,区委办、区政府办公室,"));

  ASSERT_EQ(run("csv", dir.file("matrix.csv"), {"--table", "matrix"}).status, 0);
  EXPECT_THAT(slurp(dir.file("matrix.csv")), StartsWith("\xEF\xBB\xBF序号,编号,任务,区委办,"));
  ASSERT_EQ(run("csv", dir.file("scores.csv"), {"--table", "scores"}).status, 0);
  EXPECT_EQ(slurp(dir.file("scores.csv")), "\xEF\xBB\xBF名次,单位,得分,基础分,加分,等次,否决\r\n");
}

TEST_F(ExportCli, ScoresUnderASchemeAsAssessDoes) {
  const std::string out = dir.file("scores.csv");
  const Outcome r = duban({"export", "--db", db, "--format", "csv", "--out", out, "--table", "scores", "--scheme",
                           kPlans + "east-west-2025.scheme.toml", "--inputs", kPlans + "east-west-2025.inputs.json",
                           "--as-of", "2025-12-31"});
  ASSERT_EQ(r.status, 0) << r.err;
  const Outcome assess = duban({"assess", "--db", db, "--scheme", kPlans + "east-west-2025.scheme.toml", "--inputs",
                                kPlans + "east-west-2025.inputs.json", "--as-of", "2025-12-31"});
  ASSERT_EQ(assess.status, 0) << assess.err;
  // The same first place in both: 1 前方工作机构 101 (base 100, bonus 1) 好.
  EXPECT_THAT(assess.out, HasSubstr("\n1\t前方工作机构\t101\tbase 100\tbonus 1\t好\t-\n"));
  EXPECT_THAT(slurp(out), HasSubstr("\r\n1,前方工作机构,101,100,1,好,\r\n"));
  EXPECT_THAT(slurp(out), HasSubstr("\r\n2,江北商贸集团,100,100,0,一般,8.3：等次至多一般\r\n"));
}

TEST_F(ExportCli, JsonAndDot) {
  ASSERT_EQ(run("json", dir.file("all.json")).status, 0);
  const std::string json = slurp(dir.file("all.json"));
  EXPECT_THAT(json, StartsWith("{\n  \"duban_snapshot\": 1,\n  \"as_of\": \"2025-07-31\",\n  \"plan_id\": 1,\n"));
  EXPECT_THAT(json, HasSubstr("\"title\": \"健全工作机制\""));
  ASSERT_EQ(run("dot", dir.file("graph.dot")).status, 0);
  EXPECT_THAT(slurp(dir.file("graph.dot")), StartsWith("digraph"));
  EXPECT_EQ(slurp(dir.file("graph.dot")), duban({"graph", "--db", db}).out) << "the same DOT as `duban graph`";
}

TEST_F(ExportCli, XlsxAndHtmlAreWritten) {
  ASSERT_EQ(run("xlsx", dir.file("ledger.xlsx")).status, 0);
  EXPECT_THAT(slurp(dir.file("ledger.xlsx")), StartsWith("PK\x03\x04"));
  const Outcome html = run("html", dir.file("july.html"));
  ASSERT_EQ(html.status, 0) << html.err;
  EXPECT_THAT(slurp(dir.file("july.html")), HasSubstr("2025年7月"));
  const Outcome june = run("html", dir.file("june.html"), {"--month", "2025-06"});
  ASSERT_EQ(june.status, 0) << june.err;
  EXPECT_THAT(slurp(dir.file("june.html")), HasSubstr("2025年6月"));
}

TEST_F(ExportCli, SvgNeedsGraphviz) {
  const std::string out = dir.file("graph.svg");
  {
    const PathGuard no_dot(dir.path().string());
    const Outcome r = run("svg", out);
    EXPECT_EQ(r.status, 1);
    EXPECT_THAT(r.err, HasSubstr("needs Graphviz's `dot` program, which is not on PATH"));
    EXPECT_THAT(r.err, HasSubstr("--format dot"));
    EXPECT_FALSE(std::ifstream(out).good()) << "nothing written";
  }
  if (std::system("command -v dot >/dev/null 2>&1") != 0) GTEST_SKIP() << "Graphviz is not installed";
  const Outcome r = run("svg", out);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(slurp(out), HasSubstr("<svg"));
  EXPECT_THAT(slurp(out), HasSubstr("健全工作机制"));
}

TEST_F(ExportCli, OptionsBelongToTheirFormat) {
  const Outcome table = run("json", dir.file("x.json"), {"--table", "matrix"});
  EXPECT_EQ(table.status, 2);
  EXPECT_THAT(table.err, HasSubstr("only --format csv takes --table"));
  const Outcome month = run("csv", dir.file("x.csv"), {"--month", "2025-03"});
  EXPECT_EQ(month.status, 2);
  EXPECT_THAT(month.err, HasSubstr("only --format html takes --month"));
  const Outcome year = run("html", dir.file("x.html"), {"--month", "2024-03"});
  EXPECT_EQ(year.status, 2);
  EXPECT_THAT(year.err, HasSubstr("'2024-03' is not in the plan's year 2025"));
  const Outcome inputs = run("json", dir.file("x.json"), {"--inputs", kPlans + "east-west-2025.inputs.json"});
  EXPECT_EQ(inputs.status, 2);
  EXPECT_THAT(inputs.err, HasSubstr("give --scheme FILE too"));
  const Outcome format = run("pdf", dir.file("x.pdf"));
  EXPECT_EQ(format.status, 2);
  EXPECT_THAT(format.err, HasSubstr("--format"));
  EXPECT_FALSE(std::ifstream(dir.file("x.json")).good());
}

TEST_F(ExportCli, UnwritablePathIsNamed) {
  const std::string out = dir.file("missing/ledger.xlsx");
  const Outcome r = run("xlsx", out);
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.err, HasSubstr("duban: error: cannot write '" + out + "': No such file or directory"));
  const Outcome csv = run("csv", dir.file("missing/t.csv"));
  EXPECT_EQ(csv.status, 1);
  EXPECT_THAT(csv.err, HasSubstr("cannot write '" + dir.file("missing/t.csv") + "'"));
}

TEST_F(ExportCli, MissingLedgerOrPlan) {
  const Outcome db_missing = duban({"export", "--db", dir.file("none.duban"), "--format", "json", "--out",
                                    dir.file("x.json")});
  EXPECT_EQ(db_missing.status, 1);
  EXPECT_THAT(db_missing.err, HasSubstr("none.duban"));
  const Outcome plan = run("json", dir.file("x.json"), {"--plan", "7"});
  EXPECT_EQ(plan.status, 1);
  EXPECT_THAT(plan.err, HasSubstr("7"));
}

}  // namespace
}  // namespace duban::test
