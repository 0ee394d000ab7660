// duban import as a user runs it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "run.hpp"

namespace duban::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string kData = std::string(DUBAN_SOURCE_DIR) + "/tests/data/import/";

TEST(CliImportTest, JsonOfADocument) {
  const Outcome r = duban({"import", kData + "form1_label_lines.txt", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("{"));
  EXPECT_THAT(r.out, HasSubstr("\"plan\""));
  EXPECT_THAT(r.out, HasSubstr("\"role\": \"lead\""));
  EXPECT_THAT(r.out, HasSubstr("\"diagnostics\""));
}

TEST(CliImportTest, StoresATableInALedger) {
  TempDir dir;
  const std::string db = dir.file("t.db");
  const Outcome r = duban({"import", kData + "table_ledger.xlsx", "--db", db});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("stored as plan 1 in "));
  const Outcome list = duban({"plan", "list", "--db", db});
  EXPECT_THAT(list.out, StartsWith("1\t"));
  const Outcome again = duban({"import", kData + "table_ledger.xlsx", "--db", db});
  EXPECT_EQ(again.status, 1);
  EXPECT_EQ(duban({"import", kData + "table_ledger.xlsx", "--db", db, "--replace"}).status, 0);
}

TEST(CliImportTest, BadInputSaysWhat) {
  TempDir dir;
  const Outcome missing = duban({"import", dir.file("nope.txt")});
  EXPECT_EQ(missing.status, 1);
  EXPECT_THAT(missing.err, HasSubstr("nope.txt: cannot open the file for reading"));
  std::ofstream(dir.file("binary.txt"), std::ios::binary) << std::string("\x00\xFF\xFE\x01\x80\x81", 6);
  const Outcome binary = duban({"import", dir.file("binary.txt"), "--db", dir.file("b.db")});
  EXPECT_EQ(binary.status, 1);
  EXPECT_THAT(binary.err, HasSubstr("binary.txt"));
}

TEST(CliImportTest, TheSeedImportsWhole) {
  const char* env = std::getenv("DUBAN_SHARED_DIR");
  const std::string seed =
      (env ? std::string(env) : std::string(DUBAN_SOURCE_DIR) + "/../shared") + "/seeds/000_2031e3c033d5ffd7.txt";
  if (!std::ifstream(seed)) GTEST_SKIP() << "the seed document is not here (" << seed << "); CI has it";
  TempDir dir;
  const Outcome r = duban({"import", seed, "--db", dir.file("seed.db")});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("(2024): 18 tasks, 3 measures, 8 categories"));
  const Outcome lead = duban({"tasks", "--db", dir.file("seed.db"), "--unit", "区委组织部"});
  EXPECT_THAT(lead.out, HasSubstr("\t4\t"));
}

}  // namespace
}  // namespace duban::test
