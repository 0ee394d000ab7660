// Saving then loading gives back equal values; several plans share a file;
// a closed and reopened file holds the same.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "duban/json.hpp"
#include "duban/ledger.hpp"
#include "ledger/ledger_support.hpp"

namespace duban {
namespace {

using ledger_testing::expect_error;
using ledger_testing::sample_directory;
using ledger_testing::sample_plan;
using ledger_testing::TempDir;

TEST(LedgerRoundTrip, SamplePlanIsValid) {
  // The round trip below is only worth something if the plan is a real one.
  const Directory dir = sample_directory();
  const Plan plan = sample_plan();
  EXPECT_NO_THROW(check(plan, dir));
  EXPECT_EQ(dir.units().front().members, (std::vector<UnitId>{31, 30, 7}));
}

TEST(LedgerRoundTrip, DirectoryAndPlanComeBackEqual) {
  TempDir tmp;
  const Directory dir = sample_directory();
  const Plan plan = sample_plan();
  auto ledger = Ledger::open(tmp.file("l.duban"));
  ledger.save_directory(dir);
  const PlanId id = ledger.save_plan(plan);
  EXPECT_EQ(id, 1);

  EXPECT_EQ(ledger.load_directory(), dir);
  const Plan loaded = ledger.load_plan(id);
  EXPECT_EQ(loaded, plan);
  // Spot checks, so a failure of operator== above is easy to read.
  ASSERT_EQ(loaded.tasks.size(), 7U);
  EXPECT_EQ(loaded.categories[2].title, "其他'事项'; DROP TABLE plans;--");
  EXPECT_EQ(loaded.tasks[0].body, "县均选派2名教师；\n开展\"组团式\"帮扶，覆盖各街镇。");
  EXPECT_FALSE(loaded.tasks[0].targets[1].value.has_value());
  EXPECT_EQ(loaded.tasks[2].targets[1].value, 1200.5);
  EXPECT_EQ(loaded.tasks[1].deadline.recurrence, (Recurrence{Every::month, 10}));
  EXPECT_EQ(loaded.tasks[1].deadline.milestones[1].weight, 0.8);
  EXPECT_EQ(loaded.tasks[3].deadline.recurrence->workday, -1);
  EXPECT_TRUE(loaded.tasks[4].deadline.recurrence->next_period);
  EXPECT_EQ(loaded.tasks[4].deadline.recurrence->month, 2);
  EXPECT_EQ(loaded.tasks[3].depends_on, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(loaded.tasks[4].responsibilities[0].name, "协作领导小组成员单位");
  EXPECT_EQ(loaded.tasks[5].section, -1);
  EXPECT_EQ(loaded.tasks[6].category, -1);
}

TEST(LedgerRoundTrip, ReopenAfterCloseGivesTheSame) {
  TempDir tmp;
  const std::string path = tmp.file("l.duban");
  PlanId id = 0;
  {
    auto ledger = Ledger::open(path);
    ledger.save_directory(sample_directory());
    id = ledger.save_plan(sample_plan());
  }
  auto ledger = Ledger::open(path, {.create = false});
  EXPECT_EQ(ledger.schema_version(), Ledger::latest_schema_version());
  EXPECT_EQ(ledger.load_directory(), sample_directory());
  EXPECT_EQ(ledger.load_plan(id), sample_plan());
  ledger.close();
  EXPECT_FALSE(ledger.is_open());

  auto reader = Ledger::open(path, {.read_only = true});
  EXPECT_TRUE(reader.read_only());
  EXPECT_EQ(reader.load_plan(id), sample_plan());
}

TEST(LedgerRoundTrip, TwoPlansInOneFile) {
  TempDir tmp;
  const std::string path = tmp.file("l.duban");
  {
    auto ledger = Ledger::open(path);
    EXPECT_TRUE(ledger.plans().empty());
    EXPECT_EQ(ledger.latest_plan(), std::nullopt);
    ledger.save_directory(sample_directory());
    // The later year is stored first: latest means the latest year.
    EXPECT_EQ(ledger.save_plan(sample_plan(2025, "静合组办〔2025〕1号")), 1);
    Plan older = sample_plan(2024, "静合组办〔2024〕3号");
    older.tasks.pop_back();
    EXPECT_EQ(ledger.save_plan(older), 2);
  }
  auto ledger = Ledger::open(path);
  const auto plans = ledger.plans();
  ASSERT_EQ(plans.size(), 2U);
  EXPECT_EQ(plans[0].id, 1);
  EXPECT_EQ(plans[0].title, "2025年东西部协作工作要点");
  EXPECT_EQ(plans[0].doc_number, "静合组办〔2025〕1号");
  EXPECT_EQ(plans[0].issuer, "区东西部协作领导小组办公室");
  EXPECT_EQ(plans[0].year, 2025);
  EXPECT_EQ(plans[0].task_count, 7);
  EXPECT_EQ(plans[1].id, 2);
  EXPECT_EQ(plans[1].year, 2024);
  EXPECT_EQ(plans[1].task_count, 6);
  // UTC, to the second: 2025-03-01T08:30:00Z.
  ASSERT_EQ(plans[0].created.size(), 20U) << plans[0].created;
  EXPECT_EQ(plans[0].created[10], 'T');
  EXPECT_EQ(plans[0].created.back(), 'Z');
  EXPECT_EQ(ledger.latest_plan(), 1);

  EXPECT_EQ(ledger.load_plan(1), sample_plan(2025, "静合组办〔2025〕1号"));
  EXPECT_EQ(ledger.load_plan(2).tasks.size(), 6U);
  EXPECT_EQ(ledger.find_plan(sample_plan(2024, "静合组办〔2024〕3号")), 2);
  EXPECT_EQ(ledger.find_plan(sample_plan(2023, "静合组办〔2024〕3号")), std::nullopt);

  Plan newest = sample_plan(2026, "");
  EXPECT_EQ(ledger.save_plan(newest), 3);
  EXPECT_EQ(ledger.latest_plan(), 3);
}

TEST(LedgerRoundTrip, ImportResolvesNamesAndRoundTrips) {
  TempDir tmp;
  auto ledger = Ledger::open(tmp.file("l.duban"));
  // Through the plan file: names only, ids assigned by the ledger.
  const PlanFile file = parse_plan_file(to_plan_file(sample_plan(), sample_directory()), "sample");
  EXPECT_EQ(file.plan.tasks[0].responsibilities[0].unit, 0);
  const PlanId id = ledger.import_plan(file);

  const Directory stored = ledger.load_directory();
  EXPECT_EQ(stored.size(), file.directory.size());
  Plan expected = file.plan;
  EXPECT_TRUE(resolve_units(expected, stored).empty());
  EXPECT_EQ(ledger.load_plan(id), expected);
  EXPECT_EQ(stored.at(*stored.lookup("区政府合作交流办")).name, "区合作交流办");
  EXPECT_TRUE(stored.at(*stored.lookup("各街镇")).is_group());
}

TEST(LedgerRoundTrip, ExamplePlanImports) {
  std::ifstream in(std::string(DUBAN_SOURCE_DIR) + "/examples/plans/east-west-2025.json", std::ios::binary);
  ASSERT_TRUE(in) << "examples/plans/east-west-2025.json is missing";
  std::stringstream text;
  text << in.rdbuf();
  const PlanFile file = parse_plan_file(text.str(), "east-west-2025.json");

  TempDir tmp;
  const std::string path = tmp.file("demo.duban");
  PlanId id = 0;
  {
    auto ledger = Ledger::open(path);
    id = ledger.import_plan(file);
  }
  auto ledger = Ledger::open(path, {.read_only = true});
  const Directory stored = ledger.load_directory();
  Plan expected = file.plan;
  EXPECT_TRUE(resolve_units(expected, stored).empty());
  EXPECT_EQ(ledger.load_plan(id), expected);
  ASSERT_EQ(ledger.plans().size(), 1U);
  EXPECT_EQ(ledger.plans()[0].task_count, static_cast<std::int64_t>(file.plan.tasks.size()));
}

TEST(LedgerRoundTrip, SavingTheDirectoryKeepsIdsAndDropsUnusedUnits) {
  TempDir tmp;
  auto ledger = Ledger::open(tmp.file("l.duban"));
  ledger.save_directory(sample_directory());
  ledger.save_plan(sample_plan());

  // Rename a unit, add an alias and a unit, drop a unit no plan assigns.
  const Directory original = sample_directory();
  Directory next;
  for (const Unit& u : original.units()) {
    if (u.id == 6) continue;  // 彭浦镇: named by no task
    Unit copy = u;
    copy.members.clear();
    if (copy.id == 31) {
      copy.name = "区教育局（区语委）";
      copy.aliases.push_back("区教育局");
    }
    next.add(std::move(copy));
  }
  next.add_member(20, 31);
  next.add_member(20, 30);
  next.add({0, "区科委", {}, UnitKind::department, {}, {}});
  ledger.save_directory(next);

  const Directory stored = ledger.load_directory();
  EXPECT_EQ(stored, next);
  EXPECT_EQ(stored.find(6), nullptr);
  EXPECT_EQ(stored.lookup("区教育局"), 31);
  // The plan still points at the same ids and keeps its names as written.
  EXPECT_EQ(ledger.load_plan(1), sample_plan());
}

TEST(LedgerRoundTrip, GroupListingEarlierUnitsKeepsItsListExactly) {
  Directory dir;
  dir.add({1, "区财政局", {}, UnitKind::department, {}, {}});
  dir.add({2, "区审计局", {}, UnitKind::department, {}, {}});
  // Directory::add keeps a member list as given, repeats included.
  dir.add({3, "区经济责任审计联席会议成员单位", {}, UnitKind::group, {2, 1, 2}, {}});
  auto ledger = Ledger::open(":memory:");
  ledger.save_directory(dir);
  EXPECT_EQ(ledger.load_directory(), dir);
  EXPECT_EQ(ledger.load_directory().at(3).members, (std::vector<UnitId>{2, 1, 2}));
}

TEST(LedgerRoundTrip, InMemoryLedgerWorks) {
  auto ledger = Ledger::open(":memory:");
  ledger.save_directory(sample_directory());
  EXPECT_EQ(ledger.load_plan(ledger.save_plan(sample_plan())), sample_plan());
}

TEST(LedgerRoundTrip, TwoConnectionsWriteConcurrently) {
  TempDir tmp;
  const std::string path = tmp.file("l.duban");
  Ledger::open(path).save_directory(sample_directory());
  // Each thread owns its ledger; the write lock and the busy timeout
  // serialise them.
  const auto writer = [&](int first_year) {
    auto ledger = Ledger::open(path);
    for (int year = first_year; year < first_year + 10; ++year) ledger.save_plan(sample_plan(year, ""));
  };
  std::thread a(writer, 2000);
  std::thread b(writer, 2100);
  a.join();
  b.join();
  auto ledger = Ledger::open(path, {.read_only = true});
  EXPECT_EQ(ledger.plans().size(), 20U);
  EXPECT_EQ(ledger.load_plan(*ledger.latest_plan()), sample_plan(2109, ""));
}

TEST(LedgerRoundTrip, SeveralConnectionsCreatingOneFileAgree) {
  // Whoever takes the write lock first creates the schema; the others find
  // it made when they get the lock, and must not run it twice.
  for (int round = 0; round < 5; ++round) {
    TempDir tmp;
    const std::string path = tmp.file("fresh.duban");
    std::vector<std::thread> threads;
    std::vector<std::string> failures(4);
    for (std::size_t i = 0; i < failures.size(); ++i) {
      threads.emplace_back([&, i] {
        try {
          if (Ledger::open(path).schema_version() != Ledger::latest_schema_version()) failures[i] = "old schema";
        } catch (const Error& e) {
          failures[i] = e.what();
        }
      });
    }
    for (auto& t : threads) t.join();
    for (const auto& f : failures) EXPECT_EQ(f, "");
  }
}

}  // namespace
}  // namespace duban
