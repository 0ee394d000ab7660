// Hostile and broken input: random bytes, truncated files, one 10 MB line,
// brackets nested a million deep. Each gives a plan or a duban::Error, never a
// crash, and time grows linearly with size.
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "duban/error.hpp"
#include "duban/import.hpp"
#include "import/import_test_util.hpp"

namespace duban {
namespace {

namespace fs = std::filesystem;

// Imports; a duban::Error is an acceptable answer, anything else fails.
bool survives(const std::string& bytes, std::string_view name = "input.txt") {
  try {
    const ImportResult r = import_document(bytes, name);
    (void)import_result_json(r);
    return true;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).size(), 0u);
    return false;
  }
}

TEST(ImportAdversarial, RandomBytes) {
  std::mt19937 rng(20240527);
  for (int round = 0; round < 200; ++round) {
    std::string bytes(rng() % 4096, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 256);
    (void)survives(bytes);
    (void)survives(bytes, "t.csv");
    (void)survives(bytes, "t.xlsx");
  }
}

TEST(ImportAdversarial, RandomDocumentsFromTheGenresPieces) {
  // Fragments that stress the structure: markers, labels, brackets of every
  // kind, deadlines, page furniture, in random order and without spacing.
  const std::vector<std::string> pieces{
      "一、", "（一）", "1.", "（1）", "①", "第一部分", "牵头单位：", "责任单位：", "配合单位：", "完成时限：",
      "（", "）", "〔", "〕", "<", ">", "【", "】", "区发展改革委", "各街道", "、", "，", "；", "。", "\n", "\n\n",
      "牵头", "配合", "按职责分工负责", "等", "6月底前", "每月10日前", "不少于5家", "- 3 -\n", "2、\n",
      "列第一位者为牵头单位，下同", "“", "”", "2024年", "\r\n", " ", "　", "关于印发《", "》的通知\n"};
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string doc;
    const int n = static_cast<int>(rng() % 200);
    for (int i = 0; i < n; ++i) doc += pieces[rng() % pieces.size()];
    ASSERT_TRUE(survives(doc)) << doc;  // valid UTF-8 always gives a plan
    const ImportResult r = import_text(doc);
    EXPECT_TRUE(std::none_of(r.diagnostics.begin(), r.diagnostics.end(),
                             [](const Diagnostic& d) { return d.severity == Severity::error; }));
  }
}

TEST(ImportAdversarial, EveryCorpusFileTruncatedAnywhere) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(test::import_data(""))) {
    const std::string ext = e.path().extension().string();
    if (ext == ".txt" || ext == ".csv" || ext == ".xlsx") files.push_back(e.path());
  }
  ASSERT_FALSE(files.empty());
  for (const fs::path& f : files) {
    const std::string bytes = test::read_file(f);
    const std::size_t step = std::max<std::size_t>(1, bytes.size() / 60);
    for (std::size_t n = 0; n <= bytes.size(); n += step) {
      (void)survives(bytes.substr(0, n), f.filename().string());
    }
  }
}

TEST(ImportAdversarial, MutatedWorkbooks) {
  const std::string xlsx = test::read_file(test::import_data("table_ledger.xlsx"));
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    std::string b = xlsx;
    for (int k = 0; k < 1 + static_cast<int>(rng() % 8); ++k) b[rng() % b.size()] = static_cast<char>(rng() % 256);
    (void)survives(b, "t.xlsx");
  }
}

double seconds(const std::string& bytes) {
  double best = 1e9;
  for (int i = 0; i < 2; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    (void)survives(bytes);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return best;
}

TEST(ImportAdversarial, TenMegabytesOnOneLine) {
  std::string line;
  while (line.size() < 10u << 20) line += "加强组织领导，推进协作（责任单位：区委办、区政府办）持续推进，6月底前完成";
  const auto t0 = std::chrono::steady_clock::now();
  const ImportResult r = import_text("1. " + line);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_EQ(r.plan.tasks.size(), 1u);
  EXPECT_LT(s, 30.0);  // generous for Debug builds; linearity is checked below
  std::string no_breaks(10u << 20, 'x');
  EXPECT_TRUE(survives(no_breaks));
}

TEST(ImportAdversarial, BracketsNestedAMillionDeep) {
  const std::size_t depth = 1'000'000;
  std::string open;
  std::string close;
  for (std::size_t i = 0; i < depth; ++i) open += "（", close += "）";
  EXPECT_TRUE(survives("1. 任务。" + open + "责任单位：区委办" + close + "\n2. 任务二。（区财政局负责）\n"));
  const ImportResult r = import_text("1. 任务。" + open + "责任单位：区委办\n2. 任务二。（区财政局负责）\n");
  ASSERT_EQ(r.plan.tasks.size(), 2u);  // the unclosed run ends at the next item
  EXPECT_EQ(r.plan.tasks[1].responsibilities.at(0).name, "区财政局");
  std::string mixed;
  for (std::size_t i = 0; i < depth / 4; ++i) mixed += "(〔<【";
  EXPECT_TRUE(survives("1. 任务。" + mixed));
  EXPECT_TRUE(survives(std::string(depth, ')') + std::string(depth, '(')));
}

// A realistic document of `tasks` tasks, for scaling.
std::string document(int tasks) {
  std::string d = "2024年东湖区东西部协作工作要点\n\n一、重点任务\n\n";
  for (int i = 1; i <= tasks; ++i) {
    if (i % 10 == 1) d += "（" + std::to_string(i / 10 + 1) + "）产业协作\n";
    d += std::to_string(i) +
         ". 推进产业协作。引导企业到协作地区投资兴业，新增合作项目不少于5个，拓展消费帮扶产品销售网\n\n络。"
         "（区发展改革委牵头，区商务委、各街道配合，2024年6月底前完成）\n\n";
  }
  return d;
}

TEST(ImportAdversarial, TimeIsLinearInTheSize) {
  const std::string small = document(500);
  const std::string big = document(4000);
  (void)seconds(small);  // warm up
  const double ts = seconds(small);
  const double tb = seconds(big);
  // Linear would be 8×; quadratic 64×. Allow for noise on a shared machine.
  EXPECT_LT(tb / ts, 20.0) << ts << " s for " << small.size() << " bytes, " << tb << " s for " << big.size();
  for (const std::string& pathological :
       {std::string(100000, '\n'), std::string(100000, '1') + "、", std::string(50000, '(') + "牵头单位：",
        [] {
          std::string s;
          for (int i = 0; i < 10000; ++i) s += "1.\n";
          return s;
        }()}) {
    const double t1 = seconds(pathological);
    const double t2 = seconds(pathological + pathological + pathological + pathological);
    EXPECT_LT(t2, std::max(0.05, t1 * 12)) << pathological.substr(0, 20);
  }
}

}  // namespace
}  // namespace duban
