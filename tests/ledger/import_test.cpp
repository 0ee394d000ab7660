// Importing plan files, the duplicate-plan rule, and the checks every save
// makes: a refused write leaves the file exactly as it was.
#include <gtest/gtest.h>

#include "duban/json.hpp"
#include "duban/ledger.hpp"
#include "ledger/ledger_support.hpp"

namespace duban {
namespace {

using ledger_testing::expect_error;
using ledger_testing::read_bytes;
using ledger_testing::sample_directory;
using ledger_testing::sample_plan;
using ledger_testing::TempDir;

PlanFile sample_file() { return parse_plan_file(to_plan_file(sample_plan(), sample_directory()), "sample"); }

// The sample file plus a unit of its own, named by the first task.
PlanFile file_with_new_unit() {
  PlanFile file = sample_file();
  file.directory.add({0, "区新设局", {}, UnitKind::department, {}, {}});
  Responsibility r;
  r.name = "区新设局";
  r.role = Role::support;
  file.plan.tasks[0].responsibilities.push_back(r);
  return file;
}

// The sample plan with its names resolved through the ledger's directory,
// whose ids the import assigned.
Plan resolved_sample(const Ledger& ledger, int year, const std::string& doc_number) {
  Plan plan = sample_plan(year, doc_number);
  EXPECT_TRUE(resolve_units(plan, ledger.load_directory()).empty());
  return plan;
}

class LedgerImport : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ledger = Ledger::open(path);
    ledger.import_plan(sample_file());
  }
  TempDir tmp;
  const std::string path = tmp.file("l.duban");
};

TEST_F(LedgerImport, SamePlanTwiceIsRefusedAndChangesNothing) {
  const std::string before = read_bytes(path);
  {
    auto ledger = Ledger::open(path);
    const Error e = expect_error([&] { ledger.import_plan(file_with_new_unit()); }, Errc::exists);
    EXPECT_EQ(e.klass(), ErrClass::storage);
    EXPECT_EQ(std::string(e.what()), "ledger '" + path +
                                         "' already holds plan '2025年东西部协作工作要点' for 2025 "
                                         "(静合组办〔2025〕1号) as plan 1; replacing it must be asked for");
    // The directory was written before the plan was refused: it is rolled
    // back with the rest.
    EXPECT_EQ(ledger.load_directory().lookup("区新设局"), std::nullopt);
    EXPECT_EQ(ledger.plans().size(), 1U);
  }
  EXPECT_EQ(read_bytes(path), before);
}

TEST_F(LedgerImport, PlanWithoutDocumentNumberIsKnownByTitleIssuerAndYear) {
  auto ledger = Ledger::open(path);
  EXPECT_EQ(ledger.save_plan(resolved_sample(ledger, 2030, "")), 2);
  const Error e = expect_error([&] { ledger.save_plan(resolved_sample(ledger, 2030, "")); }, Errc::exists);
  EXPECT_EQ(std::string(e.what()), "ledger '" + path +
                                       "' already holds plan '2030年东西部协作工作要点' for 2030 as plan 2; replacing "
                                       "it must be asked for");
  Plan other_issuer = resolved_sample(ledger, 2030, "");
  other_issuer.issuer = "另一个区的协作办";
  EXPECT_EQ(ledger.save_plan(other_issuer), 3);
  Plan numbered = resolved_sample(ledger, 2030, "另区合办〔2030〕2号");
  EXPECT_EQ(ledger.save_plan(numbered), 4);
}

TEST_F(LedgerImport, ReplaceKeepsTheIdAndStoresTheNewVersion) {
  auto ledger = Ledger::open(path);
  PlanFile file = file_with_new_unit();
  file.plan.tasks[1].title = "按月报送进展（修订）";
  EXPECT_EQ(ledger.import_plan(file, IfExists::replace), 1);
  ASSERT_EQ(ledger.plans().size(), 1U);
  const Plan stored = ledger.load_plan(1);
  EXPECT_EQ(stored.tasks[1].title, "按月报送进展（修订）");
  const Directory dir = ledger.load_directory();
  ASSERT_TRUE(dir.lookup("区新设局").has_value());
  EXPECT_EQ(stored.tasks[0].responsibilities.back().unit, *dir.lookup("区新设局"));
  // A new plan after the replacement still gets a fresh id.
  EXPECT_EQ(ledger.save_plan(resolved_sample(ledger, 2031, "")), 2);
}

TEST_F(LedgerImport, UnknownUnitIsRefusedAndLeavesTheFileByteIdentical) {
  const std::string before = read_bytes(path);
  {
    auto ledger = Ledger::open(path);
    PlanFile file = file_with_new_unit();
    file.plan.doc_number = "静合组办〔2025〕9号";
    file.plan.tasks[2].responsibilities[0].name = "区不存在局";
    const Error e = expect_error([&] { ledger.import_plan(file); }, Errc::inval);
    EXPECT_EQ(std::string(e.what()), "invalid plan: task 3, responsibilities[0]: unknown unit '区不存在局'");
  }
  EXPECT_EQ(read_bytes(path), before);
  auto ledger = Ledger::open(path);
  EXPECT_EQ(ledger.load_directory().lookup("区新设局"), std::nullopt);
  EXPECT_EQ(ledger.plans().size(), 1U);
}

TEST_F(LedgerImport, DependencyCycleIsRefusedAndLeavesTheFileByteIdentical) {
  const std::string before = read_bytes(path);
  {
    auto ledger = Ledger::open(path);
    PlanFile file = file_with_new_unit();
    file.plan.doc_number = "静合组办〔2025〕9号";
    file.plan.tasks[2].depends_on.push_back("1");  // task 1 already depends on task 3
    const Error e = expect_error([&] { ledger.import_plan(file); }, Errc::inval);
    EXPECT_EQ(std::string(e.what()), "invalid plan: task 1: dependency cycle: 1 → 3 → 1");
  }
  EXPECT_EQ(read_bytes(path), before);
}

TEST_F(LedgerImport, SavePlanChecksAgainstTheStoredDirectory) {
  auto ledger = Ledger::open(path);
  Plan plan = ledger.load_plan(1);
  plan.doc_number = "静合组办〔2025〕2号";
  plan.tasks[0].responsibilities[0].unit = 999;
  const Error e = expect_error([&] { ledger.save_plan(plan); }, Errc::inval);
  EXPECT_EQ(std::string(e.what()), "invalid plan: task 1, responsibilities[0]: unit id 999 is not in the directory");

  plan = ledger.load_plan(1);
  plan.doc_number = "静合组办〔2025〕2号";
  plan.tasks[1].depends_on.push_back("nine");
  const Error dep = expect_error([&] { ledger.save_plan(plan); }, Errc::inval);
  EXPECT_EQ(std::string(dep.what()), "invalid plan: task 2: depends on task 'nine', which does not exist");
  EXPECT_EQ(ledger.plans().size(), 1U);
}

TEST_F(LedgerImport, DateOutsideTheStorableRangeIsRefused) {
  auto ledger = Ledger::open(path);
  Plan plan = ledger.load_plan(1);
  plan.doc_number = "静合组办〔2025〕2号";
  plan.tasks[0].deadline.due = ledger_testing::ymd(10000, 1, 1);
  const Error e = expect_error([&] { ledger.save_plan(plan); }, Errc::range);
  EXPECT_EQ(std::string(e.what()),
            "plan '2025年东西部协作工作要点', task '1', due date: the date is not one a ledger can hold "
            "(years 1 to 9999, days that exist)");
  EXPECT_EQ(ledger.plans().size(), 1U);
}

TEST_F(LedgerImport, UnitsAStoredPlanAssignsCannotBeRemoved) {
  const std::string before = read_bytes(path);
  {
    auto ledger = Ledger::open(path);
    const Directory stored = ledger.load_directory();
    Directory smaller;
    for (const Unit& u : stored.units()) {
      if (u.name == "区教育局") continue;
      Unit copy = u;
      copy.members.clear();
      smaller.add(std::move(copy));
    }
    const UnitId id = *stored.lookup("区教育局");
    const Error e = expect_error([&] { ledger.save_directory(smaller); }, Errc::inval);
    EXPECT_EQ(std::string(e.what()), "ledger '" + path + "': cannot remove unit '区教育局' (id " + std::to_string(id) +
                                         ") from the directory: plan 1 '2025年东西部协作工作要点' assigns it in "
                                         "task '1'");
  }
  EXPECT_EQ(read_bytes(path), before);
}

TEST_F(LedgerImport, MissingPlanClosedLedgerAndReadOnlyWrites) {
  auto ledger = Ledger::open(path);
  const Error missing = expect_error([&] { (void)ledger.load_plan(99); }, Errc::notfound);
  EXPECT_EQ(std::string(missing.what()), "ledger '" + path + "' has no plan 99");

  ledger.close();
  const Error closed = expect_error([&] { (void)ledger.plans(); }, Errc::misuse);
  EXPECT_EQ(std::string(closed.what()), "the ledger is closed");

  const std::string before = read_bytes(path);
  auto reader = Ledger::open(path, {.read_only = true});
  const Error ro = expect_error([&] { reader.save_directory(sample_directory()); }, Errc::misuse);
  EXPECT_EQ(std::string(ro.what()), "ledger '" + path + "' is open read-only: cannot save the directory");
  expect_error([&] { reader.import_plan(sample_file(), IfExists::replace); }, Errc::misuse);
  reader.close();
  EXPECT_EQ(read_bytes(path), before);
}

}  // namespace
}  // namespace duban
