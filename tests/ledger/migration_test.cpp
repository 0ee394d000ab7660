// Schema 2 (reports, events, the audit chain) is a forward step: a file
// written by the schema-1 duban (tests/ledger/data/example-v1.duban, made
// by the build that wrote schema 1, with the example plan imported) opens,
// upgrades and keeps everything it held. So is schema 3 (calendar data in
// the ledger): tests/ledger/data/example-v2.duban was made by the build
// that wrote schema 2 (`duban plan load` of the example plan, `duban
// coordinator --set 区合作交流办`, one `duban report add` on task 4).
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
    copy(kV1, 1);
    ASSERT_EQ(raw_count(path, "SELECT count(*) FROM sqlite_master WHERE name = 'events'"), 0);
  }
  // A copy of a file an older duban wrote, which must have `version`.
  void copy(const std::string& fixture, int version) {
    ASSERT_TRUE(std::filesystem::exists(fixture));
    std::filesystem::copy_file(fixture, path);
    ASSERT_EQ(raw_count(path, "PRAGMA user_version"), version);
  }
  TempDir tmp;
  const std::string path = tmp.file("old.duban");
};

TEST_F(LedgerMigration, ASchemaOneFileUpgradesAndKeepsItsPlan) {
  const std::string before = ledger_testing::read_bytes(path);
  // Read-only, the upgrade is not made, and the file says why.
  const Error ro = expect_error([&] { (void)Ledger::open(path, {.read_only = true}); }, Errc::inval);
  EXPECT_EQ(std::string(ro.what()),
            "ledger '" + path + "' has schema 1; open it for writing once to upgrade it to schema 3");
  EXPECT_EQ(ledger_testing::read_bytes(path), before);

  Plan plan_before;
  {
    auto ledger = Ledger::open(path);
    EXPECT_EQ(ledger.schema_version(), 3);
    EXPECT_EQ(Ledger::latest_schema_version(), 3);
    plan_before = ledger.load_plan(1);
  }
  EXPECT_EQ(raw_count(path, "PRAGMA user_version"), 3);
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
  EXPECT_EQ(Ledger::open(path).schema_version(), 3);
}

const std::string kV2 = std::string(DUBAN_SOURCE_DIR) + "/tests/ledger/data/example-v2.duban";

class LedgerMigrationV2 : public LedgerMigration {
 protected:
  void SetUp() override { copy(kV2, 2); }
};

TEST_F(LedgerMigrationV2, ASchemaTwoFileUpgradesKeepingItsHistoryIntact) {
  const std::string before = ledger_testing::read_bytes(path);
  const Error ro = expect_error([&] { (void)Ledger::open(path, {.read_only = true}); }, Errc::inval);
  EXPECT_EQ(std::string(ro.what()),
            "ledger '" + path + "' has schema 2; open it for writing once to upgrade it to schema 3");
  EXPECT_EQ(ledger_testing::read_bytes(path), before);

  auto ledger = Ledger::open(path);
  EXPECT_EQ(ledger.schema_version(), 3);
  EXPECT_EQ(raw_count(path, "PRAGMA user_version"), 3);
  EXPECT_EQ(raw_count(path, "SELECT count(*) FROM sqlite_master WHERE name = 'events_calendar'"), 1);
  // The history written by schema 2 is there and its chain intact.
  const ChainCheck check = ledger.verify();
  EXPECT_TRUE(check.intact()) << check.message;
  EXPECT_EQ(check.events, 4);
  const ItemState st = ledger.state(ItemRef{1, kCadres, ""});
  ASSERT_EQ(st.reports.size(), 1U);
  EXPECT_EQ(st.reports[0].percent, 40.0);
  EXPECT_EQ(st.original_due, ymd(2025, 6, 30));
  EXPECT_EQ(ledger.coordinator(), ledger.load_directory().lookup("区合作交流办"));
  EXPECT_EQ(ledger.load_plan(1).tasks.size(), 18U);
  // With no calendar data loaded, its calendar is the built-in one.
  EXPECT_EQ(ledger.calendar()->data(), WorkCalendar::builtin()->data());

  // Calendar data go in as event 5, after the old history.
  CalendarData local;
  local.local.push_back(LocalRule{"台风停工", "临江区", ymd(2025, 6, 30), ymd(2025, 6, 30), false, "测试用通知（虚构）"});
  const CalendarLoad load = ledger.load_calendar(local, "local.json");
  EXPECT_EQ(load.event, 5);
  ASSERT_EQ(load.moved.size(), 2U);  // task 4 and task 7, both due 2025-06-30
  EXPECT_EQ(load.moved[0].key, "4");
  EXPECT_EQ(load.moved[0].after, ymd(2025, 7, 1));
  EXPECT_TRUE(ledger.verify().intact());
}

}  // namespace
}  // namespace duban
