// Schema 2 (reports, events, the audit chain) is a forward step: a file
// written by the schema-1 duban (tests/ledger/data/example-v1.duban, made
// by the build that wrote schema 1, with the example plan imported) opens,
// upgrades and keeps everything it held.
#include <gtest/gtest.h>

#include <filesystem>

#include "ledger/report_support.hpp"

namespace duban {
namespace {

using report_testing::expect_error;
using report_testing::kCadres;
using report_testing::raw_count;
using report_testing::raw_text;
using report_testing::TempDir;
using report_testing::ymd;

const std::string kV1 = std::string(DUBAN_SOURCE_DIR) + "/tests/ledger/data/example-v1.duban";

class LedgerMigration : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(std::filesystem::exists(kV1));
    std::filesystem::copy_file(kV1, path);
    ASSERT_EQ(raw_count(path, "PRAGMA user_version"), 1);
    ASSERT_EQ(raw_count(path, "SELECT count(*) FROM sqlite_master WHERE name = 'events'"), 0);
  }
  TempDir tmp;
  const std::string path = tmp.file("v1.duban");
};

TEST_F(LedgerMigration, ASchemaOneFileUpgradesAndKeepsItsPlan) {
  const std::string before = ledger_testing::read_bytes(path);
  // Read-only, the upgrade is not made, and the file says why.
  const Error ro = expect_error([&] { (void)Ledger::open(path, {.read_only = true}); }, Errc::inval);
  EXPECT_EQ(std::string(ro.what()),
            "ledger '" + path + "' has schema 1; open it for writing once to upgrade it to schema 2");
  EXPECT_EQ(ledger_testing::read_bytes(path), before);

  Plan plan_before;
  {
    auto ledger = Ledger::open(path);
    EXPECT_EQ(ledger.schema_version(), 2);
    EXPECT_EQ(Ledger::latest_schema_version(), 2);
    plan_before = ledger.load_plan(1);
  }
  EXPECT_EQ(raw_count(path, "PRAGMA user_version"), 2);
  EXPECT_EQ(raw_text(path, "SELECT value FROM settings WHERE key = 'hash_algorithm'"), "sm3");
  EXPECT_EQ(raw_count(path, "SELECT seq FROM chain_head"), 0);

  // Everything schema 1 held is still there, equal to the example.
  auto ledger = Ledger::open(path);
  PlanFile file = report_testing::example_file();
  Plan expected = file.plan;
  EXPECT_TRUE(resolve_units(expected, ledger.load_directory()).empty());
  EXPECT_EQ(ledger.load_plan(1), expected);
  EXPECT_EQ(plan_before, expected);
  EXPECT_EQ(ledger.plans().size(), 1U);
  // The history starts empty, and intact.
  EXPECT_EQ(ledger.event_count(), 0);
  const ChainCheck empty = ledger.verify();
  EXPECT_TRUE(empty.intact());
  EXPECT_EQ(empty.message, "intact: 0 events, sm3, head " + std::string(64, '0'));
  EXPECT_EQ(ledger.coordinator(), std::nullopt);

  // And the new parts work on it.
  const UnitId org = *ledger.load_directory().lookup("区委组织部");
  ledger.set_coordinator(*ledger.load_directory().lookup("区合作交流办"));
  Report r;
  r.item = ItemRef{1, kCadres, ""};
  r.actor = Actor{org, ""};
  r.date = ymd(2025, 4, 30);
  r.percent = 40;
  const EventId id = ledger.add_report(r);
  EXPECT_EQ(id, 2);
  EXPECT_TRUE(ledger.verify().intact());
  EXPECT_EQ(ledger.state(ItemRef{1, kCadres, ""}).reports.size(), 1U);
}

TEST_F(LedgerMigration, TheHashCanBeChosenWhenTheChainStartsWithTheUpgrade) {
  {
    auto ledger = Ledger::open(path, {.hash = HashAlgorithm::sha256});
    EXPECT_EQ(ledger.hash_algorithm(), HashAlgorithm::sha256);
  }
  EXPECT_EQ(raw_text(path, "SELECT value FROM settings WHERE key = 'hash_algorithm'"), "sha256");
}

TEST_F(LedgerMigration, AFailedUpgradeLeavesTheFileAsItWas) {
  // A file that cannot grow cannot take the new tables: the upgrade is one
  // transaction, and it is rolled back whole.
  const std::string before = ledger_testing::read_bytes(path);
  const auto size = static_cast<std::int64_t>(before.size());
  const Error e = expect_error([&] { (void)Ledger::open(path, {.max_size = size}); }, Errc::io);
  EXPECT_EQ(e.subcode() & 0xff, SQLITE_FULL);
  EXPECT_EQ(std::string(e.what()),
            "ledger '" + path + "': cannot upgrade its schema: database or disk is full (SQLite result code 13)");
  EXPECT_EQ(ledger_testing::read_bytes(path), before);
  EXPECT_EQ(raw_count(path, "PRAGMA user_version"), 1);
  EXPECT_EQ(Ledger::open(path).schema_version(), 2);
}

}  // namespace
}  // namespace duban
