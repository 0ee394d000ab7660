#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "duban/error.hpp"
#include "duban/plan.hpp"

namespace duban {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;

class ValidateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Unit a;
    a.name = "区合作交流办";
    a.kind = UnitKind::department;
    dir.add(a);
    Unit b;
    b.name = "区财政局";
    b.kind = UnitKind::department;
    dir.add(b);
    Unit g;
    g.name = "各街镇";
    g.kind = UnitKind::group;
    dir.add(g);

    plan.title = "2025年工作要点";
    plan.year = 2025;
    plan.sections = {{"二", "重点任务"}};
    plan.categories = {{"一", "组织领导", 0}, {"二", "资金支持", 0}};
    plan.tasks = {task("1", 0, {"区合作交流办"}), task("2", 0, {"区财政局", "各街镇"}),
                  task("3", 1, {"区财政局"})};
  }

  static Task task(std::string number, int category, std::vector<std::string> units) {
    Task t;
    t.key = number;
    t.number = std::move(number);
    t.title = "任务" + t.number;
    t.section = 0;
    t.category = category;
    for (auto& u : units) t.responsibilities.push_back({0, std::move(u), Role::responsible, 0, false});
    return t;
  }

  std::vector<std::string> messages() {
    std::vector<std::string> out;
    for (const auto& d : validate(plan, dir)) out.push_back(d.where + ": " + d.message);
    return out;
  }

  Directory dir;
  Plan plan;
};

TEST_F(ValidateTest, ResolvedPlanIsValid) {
  EXPECT_TRUE(resolve_units(plan, dir).empty());
  EXPECT_TRUE(plan.tasks[1].responsibilities[1].collective);
  EXPECT_EQ(plan.tasks[1].responsibilities[1].position, 2);
  EXPECT_TRUE(validate(plan, dir).empty());
  EXPECT_NO_THROW(check(plan, dir));
}

TEST_F(ValidateTest, UnknownUnitIsReportedNotDropped) {
  plan.tasks[2].responsibilities.push_back({0, "区统计局", Role::support, 0, false});
  const auto diags = resolve_units(plan, dir);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].where, "task 3, responsibilities[1]");
  EXPECT_EQ(diags[0].message, "unknown unit '区统计局'");
  EXPECT_EQ(plan.tasks[2].responsibilities.size(), 2u);
  EXPECT_THAT(messages(), ElementsAre("task 3, responsibilities[1]: unknown unit '区统计局'"));
}

TEST_F(ValidateTest, DuplicateNumberInCategory) {
  resolve_units(plan, dir);
  plan.tasks[1].number = "1";
  plan.tasks[1].key = "1b";
  EXPECT_THAT(messages(), ElementsAre("task 1b: duplicate task number '1' in category 一 (also task 1)"));
  // The same number in another category is fine.
  plan.tasks[1].number = "3";
  EXPECT_TRUE(validate(plan, dir).empty());
}

TEST_F(ValidateTest, DuplicateKeyAndEmptyNames) {
  resolve_units(plan, dir);
  plan.tasks[2].key = "1";
  plan.tasks[0].title = "  ";
  plan.tasks[0].responsibilities.push_back({0, "", Role::support, 2, false});
  EXPECT_THAT(messages(), ElementsAre("task 1: task title is empty", "task 1: task key '1' is used twice",
                                      "task 1, responsibilities[1]: unit name is empty"));
}

TEST_F(ValidateTest, MissingDependency) {
  resolve_units(plan, dir);
  plan.tasks[0].depends_on = {"9"};
  EXPECT_THAT(messages(), ElementsAre("task 1: depends on task '9', which does not exist"));
}

TEST_F(ValidateTest, CycleNamesEveryTaskInIt) {
  resolve_units(plan, dir);
  plan.tasks[0].depends_on = {"2"};
  plan.tasks[1].depends_on = {"3"};
  plan.tasks[2].depends_on = {"1"};
  EXPECT_THAT(messages(), ElementsAre("task 1: dependency cycle: 1 → 2 → 3 → 1"));
  try {
    check(plan, dir);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::inval);
    EXPECT_STREQ(e.what(), "invalid plan: task 1: dependency cycle: 1 → 2 → 3 → 1");
  }
}

TEST_F(ValidateTest, SelfDependencyIsACycle) {
  resolve_units(plan, dir);
  plan.tasks[1].depends_on = {"2"};
  EXPECT_THAT(messages(), ElementsAre("task 2: dependency cycle: 2 → 2"));
}

TEST_F(ValidateTest, PlanHeaderAndIndices) {
  resolve_units(plan, dir);
  plan.title.clear();
  plan.year = 0;
  plan.tasks[2].category = 5;
  plan.categories[1].section = 0;
  EXPECT_THAT(messages(), ElementsAre("plan: title is empty", "plan: plan year is missing",
                                      "task 3: refers to category index 5, which does not exist"));
}

TEST_F(ValidateTest, CheckSummarisesManyErrors) {
  for (int i = 0; i < 8; ++i) plan.tasks.push_back(task("x" + std::to_string(i), 0, {"无名单位"}));
  resolve_units(plan, dir);
  try {
    check(plan, dir);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("; and 3 more"));
  }
}

TEST(DateTest, ParsesAndFormatsIsoDates) {
  using namespace std::chrono;
  EXPECT_EQ(parse_date("2024-02-29"), year_month_day(year{2024}, February, day{29}));
  EXPECT_EQ(format_date(year{2025} / 6 / 30), "2025-06-30");
  try {
    parse_date("2025-02-29");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::range);
    EXPECT_STREQ(e.what(), "date '2025-02-29' does not exist");
  }
  EXPECT_THROW(parse_date("2025-6-30"), Error);
  EXPECT_THROW(parse_date("２０２５-06-30"), Error);
}

}  // namespace
}  // namespace duban
