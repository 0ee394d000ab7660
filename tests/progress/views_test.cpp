// Views of one report: by light, by category, by unit (what a unit leads,
// shares or supports, through its groups too), and the JSON forms.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "graph/sample_plans.hpp"
#include "progress/progress_util.hpp"

namespace duban {
namespace {

using namespace duban::testing;

class ProgressViews : public ::testing::Test {
 protected:
  void SetUp() override {
    // Items (= task ids - 1) as of 2024-04-26:
    //  0 t1 due 03-29: overdue, red      3 t4 ongoing, green
    //  1 t2 due 06-28: green             4 t5 due 12-31 (no category): green
    //  2 t3 due 09-30: green             5 t6 due 04-30 (04-28 worked, 04-29, 04-30): due soon, yellow
    plan.tasks[0].deadline.due = d(2024, 3, 29);
    plan.tasks[1].deadline.due = d(2024, 6, 28);
    plan.tasks[2].deadline.due = d(2024, 9, 30);
    plan.tasks[3].deadline.ongoing = true;
    plan.tasks[4].deadline.due = d(2024, 12, 31);
    plan.tasks[5].deadline.due = d(2024, 4, 30);
    report = evaluate(plan, cal(), d(2024, 4, 26));
  }

  Directory directory = sample_directory();
  Plan plan = sample_plan(directory);
  StatusReport report;
};

TEST_F(ProgressViews, TheReportFollowsThePlan) {
  ASSERT_EQ(report.items.size(), 6u);
  EXPECT_EQ(report.items[0].status, Status::overdue);
  EXPECT_EQ(report.items[3].status, Status::ongoing);
  EXPECT_EQ(report.items[5].status, Status::due_soon);
  EXPECT_EQ(report.counts(), (LightCounts{4, 0, 1, 1}));
}

TEST_F(ProgressViews, ByLight) {
  EXPECT_EQ(items_with_light(report, Light::red), std::vector<std::size_t>{0});
  EXPECT_EQ(items_with_light(report, Light::blue), std::vector<std::size_t>{});
  const auto groups = by_light(report);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].light, Light::red);
  EXPECT_EQ(groups[0].items, std::vector<std::size_t>{0});
  EXPECT_EQ(groups[1].light, Light::yellow);
  EXPECT_EQ(groups[1].items, std::vector<std::size_t>{5});
  EXPECT_EQ(groups[2].light, Light::green);
  EXPECT_EQ(groups[2].items, (std::vector<std::size_t>{1, 2, 3, 4}));
}

TEST_F(ProgressViews, ByCategory) {
  const auto groups = by_category(report, plan);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].category, 0);
  EXPECT_EQ(groups[0].items, (std::vector<std::size_t>{0, 5}));
  EXPECT_EQ(groups[0].counts, (LightCounts{0, 0, 1, 1}));
  EXPECT_EQ(groups[1].category, 1);
  EXPECT_EQ(groups[1].items, (std::vector<std::size_t>{1, 2, 3}));
  EXPECT_EQ(groups[1].counts, (LightCounts{3, 0, 0, 0}));
  EXPECT_EQ(groups[2].category, -1);  // t5 has no category
  EXPECT_EQ(groups[2].items, std::vector<std::size_t>{4});
}

TEST_F(ProgressViews, AUnitSeesWhatItLeadsAndSupportsThroughItsGroups) {
  const ResponsibilityGraph graph(plan, directory);
  // 石门二路街道 leads t4, supports t2 through 各街镇 and t5 through the
  // nested 对口支援工作全体单位 (which holds 各街镇).
  const std::vector<UnitItem> shimen{
      {1, Role::support, kJiejie}, {3, Role::lead, 0}, {4, Role::support, kQuanti}};
  EXPECT_EQ(items_of_unit(report, graph, kShimen), shimen);
  EXPECT_EQ(items_of_unit(report, graph, kShimen, TaskQuery{std::nullopt, false}),
            (std::vector<UnitItem>{{3, Role::lead, 0}}));
  EXPECT_EQ(items_of_unit(report, graph, kShimen, TaskQuery{Role::support, true}),
            (std::vector<UnitItem>{{1, Role::support, kJiejie}, {4, Role::support, kQuanti}}));
  // 区财政局 is responsible for t1 through 领导小组成员单位: the red item is its concern too.
  const auto caizheng = items_of_unit(report, graph, kCaizheng);
  ASSERT_FALSE(caizheng.empty());
  EXPECT_EQ(caizheng.front(), (UnitItem{0, Role::responsible, kLingdao}));
  // A unit holding nothing sees nothing; an unknown unit is an error.
  EXPECT_TRUE(items_of_unit(report, graph, kDangan).empty());
  EXPECT_THROW((void)items_of_unit(report, graph, 999), Error);
}

TEST_F(ProgressViews, ByUnitFollowsTheMatrixColumns) {
  const ResponsibilityGraph graph(plan, directory);
  const auto units = by_unit(report, graph);
  const auto columns = graph.matrix().units;
  ASSERT_EQ(units.size(), columns.size());
  for (std::size_t i = 0; i < units.size(); ++i) EXPECT_EQ(units[i].unit, columns[i]);
  for (const UnitStatus& u : units) {
    if (u.unit == kShimen) {
      EXPECT_EQ(u.items.size(), 3u);
      EXPECT_EQ(u.counts, (LightCounts{3, 0, 0, 0}));
    }
    if (u.unit == kFagai) {
      EXPECT_EQ(u.counts.red, 1);  // leads t1
    }
  }
}

TEST_F(ProgressViews, RecurringInstancesFollowTheirTaskIntoEveryView) {
  Recurrence monthly;
  monthly.every = Every::month;
  monthly.day = 10;
  plan.tasks[3].deadline = {};
  plan.tasks[3].deadline.recurrence = monthly;
  const StatusReport r = evaluate(plan, cal(), d(2024, 4, 26));
  // t4 then its instances for January..April.
  ASSERT_EQ(r.items.size(), 10u);
  EXPECT_EQ(r.subjects[4].instance, "t4@2024-01");
  const ResponsibilityGraph graph(plan, directory);
  const auto shimen = items_of_unit(r, graph, kShimen);
  ASSERT_EQ(shimen.size(), 7u);  // t2, t4 and its four instances, t5
  EXPECT_EQ(shimen[1], (UnitItem{3, Role::lead, 0}));
  EXPECT_EQ(shimen[2], (UnitItem{4, Role::lead, 0}));
  const auto categories = by_category(r, plan);
  EXPECT_EQ(categories[1].items, (std::vector<std::size_t>{1, 2, 3, 4, 5, 6, 7}));
}

TEST_F(ProgressViews, JsonOfTheWholeReport) {
  const auto j = nlohmann::json::parse(to_json(report, plan));
  EXPECT_EQ(j["as_of"], "2024-04-26");
  EXPECT_EQ(j["due_basis"], "current");
  EXPECT_EQ(j["four_colour"], false);
  EXPECT_EQ(j["counts"], nlohmann::json::parse(R"({"red":1,"yellow":1,"blue":0,"green":4})"));
  ASSERT_EQ(j["items"].size(), 6u);
  const auto& first = j["items"][0];
  EXPECT_EQ(first["task_id"], 1);
  EXPECT_EQ(first["key"], "t1");
  EXPECT_EQ(first["title"], "加强组织领导");
  EXPECT_EQ(first["category"], "组织保障");
  EXPECT_TRUE(first["instance"].is_null());
  EXPECT_EQ(first["status"], "overdue");
  EXPECT_EQ(first["light"], "red");
  EXPECT_EQ(first["due"], "2024-03-29");
  EXPECT_EQ(first["original_due"], "2024-03-29");
  EXPECT_EQ(first["current_due"], "2024-03-29");
  EXPECT_EQ(first["provisional"], false);
  EXPECT_TRUE(first["done"].is_null());
  // 04-01..03, 04-07 (worked Sunday), 04-08..12, 15..19, 22..26.
  EXPECT_EQ(first["reasons"], nlohmann::json::parse(
                                  R"([{"code":"overdue","light":"red","due":"2024-03-29","workdays_late":19}])"));
  EXPECT_EQ(j["items"][5]["reasons"][0],
            nlohmann::json::parse(
                R"({"code":"due_soon","light":"yellow","due":"2024-04-30","workdays_left":3,"limit":3.0})"));
  EXPECT_EQ(j["items"][3]["reasons"][0], nlohmann::json::parse(R"({"code":"ongoing","light":"green"})"));
  // Deterministic: the same report gives the same text.
  EXPECT_EQ(to_json(report, plan), to_json(evaluate(plan, cal(), d(2024, 4, 26)), plan));
}

TEST_F(ProgressViews, JsonOfALagAndOfAUnitsView) {
  ProgressFacts facts;
  facts.tasks[3].progress.push_back({d(2024, 4, 20), 5});
  const StatusReport r = evaluate(plan, cal(), d(2024, 4, 26), facts);
  const ResponsibilityGraph graph(plan, directory);
  const auto items = items_of_unit(r, graph, kShimen);
  const auto j = nlohmann::json::parse(to_json(r, plan, directory, kShimen, items));
  EXPECT_EQ(j["unit"], "石门二路街道");
  ASSERT_EQ(j["items"].size(), 3u);
  EXPECT_EQ(j["items"][0]["role"], "support");
  EXPECT_EQ(j["items"][0]["via_group"], "各街镇");
  EXPECT_EQ(j["items"][1]["key"], "t4");
  EXPECT_EQ(j["items"][1]["role"], "lead");
  EXPECT_TRUE(j["items"][1]["via_group"].is_null());
  // t3 (id 3) runs from January 1 to September 30: about 42 % expected by
  // April 26 against 5 % reported, more than 30 points behind.
  const auto whole = nlohmann::json::parse(to_json(r, plan));
  const auto& lagging = whole["items"][2];
  EXPECT_EQ(lagging["actual"], 5.0);
  EXPECT_EQ(lagging["reported"], "2024-04-20");
  ASSERT_TRUE(lagging["expected"].is_number());
  const auto& lag = lagging["reasons"][1];
  EXPECT_EQ(lag["code"], "lag");
  EXPECT_EQ(lag["reported"], "2024-04-20");
  EXPECT_EQ(lag["actual"], 5.0);
  EXPECT_EQ(lag["expected"], lagging["expected"]);
  EXPECT_EQ(lag["light"], "red");
}

TEST_F(ProgressViews, JsonOfChosenItemsOnly) {
  const auto red = items_with_light(report, Light::red);
  const auto j = nlohmann::json::parse(to_json(report, plan, red));
  EXPECT_EQ(j["counts"], nlohmann::json::parse(R"({"red":1,"yellow":0,"blue":0,"green":0})"));
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["key"], "t1");
  const std::vector<std::size_t> bad{6};
  EXPECT_TRUE(throws_error([&] { (void)to_json(report, plan, bad); }, Errc::range, ErrClass::argument,
                           "status JSON: item 6 is not in the report (it has 6)"));
}

}  // namespace
}  // namespace duban
