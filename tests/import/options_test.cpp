// Options, keys, structure forms and the JSON contract.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "duban/import.hpp"

namespace duban {
namespace {

std::vector<std::string> roles(const Task& t) {
  std::vector<std::string> out;
  for (const Responsibility& r : t.responsibilities) out.push_back(r.name + "/" + std::string(to_string(r.role)));
  return out;
}

using V = std::vector<std::string>;

const char* kPlan =
    "2024年东湖区工作要点\n"
    "一、产业协作\n"
    "1. 共建园区。推进园区建设。（责任单位：区发展改革委、区商务委）\n"
    "2. 发展产业。扶持特色产业。（区农业农村委牵头，各街道配合）\n";

TEST(ImportOptions, FirstIsLeadAppliesWhereNoLeadIsNamed) {
  ImportOptions options;
  options.first_is_lead = true;
  const ImportResult r = import_text(kPlan, options);
  ASSERT_EQ(r.plan.tasks.size(), 2u);
  EXPECT_EQ(roles(r.plan.tasks[0]), (V{"区发展改革委/lead", "区商务委/support"}));
  EXPECT_EQ(roles(r.plan.tasks[1]), (V{"区农业农村委/lead", "各街道/support"}));
  const ImportResult plain = import_text(kPlan);
  EXPECT_EQ(roles(plain.plan.tasks[0]), (V{"区发展改革委/responsible", "区商务委/responsible"}));
}

TEST(ImportOptions, YearOverridesTheTitle) {
  ImportOptions options;
  options.year = 2026;
  const ImportResult r = import_text(kPlan, options);
  EXPECT_EQ(r.plan.year, 2026);
  EXPECT_EQ(format_date(*r.plan.tasks[0].deadline.due), "2026-12-31");
  EXPECT_TRUE(r.plan.tasks[0].deadline.defaulted);
}

TEST(ImportOptions, NoYearAnywhereIsSaidAndLeavesDatesOpen) {
  const ImportResult r = import_text("1. 共建园区。推进。（区商务委负责，6月底前完成）\n2. 发展产业。（区商务委负责）\n");
  EXPECT_EQ(r.plan.year, 0);
  EXPECT_FALSE(r.plan.tasks[0].deadline.due);
  EXPECT_FALSE(r.plan.tasks[1].deadline.due);
  EXPECT_TRUE(r.plan.tasks[1].deadline.defaulted);
  const auto said = [&](std::string_view s) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                       [&](const Diagnostic& d) { return d.message.find(s) != std::string::npos; });
  };
  EXPECT_TRUE(said("no plan year"));
  EXPECT_TRUE(said("'6月底前完成' is unclear (the plan year is unknown)"));
}

TEST(ImportOptions, DuplicateNumbersGetQualifiedKeys) {
  const ImportResult r = import_text(
      "2024年要点\n一、甲\n1. 任务甲一。（区商务委负责）\n2. 任务甲二。（区商务委负责）\n"
      "二、乙\n1. 任务乙一。（区商务委负责）\n");
  ASSERT_EQ(r.plan.tasks.size(), 3u);
  EXPECT_EQ(r.plan.tasks[0].key, "1.1");
  EXPECT_EQ(r.plan.tasks[1].key, "1.2");
  EXPECT_EQ(r.plan.tasks[2].key, "2.1");
  EXPECT_TRUE(validate(r.plan, r.directory).empty());
}

TEST(ImportOptions, AContainerAnnotationHoldsForTasksWithoutOne) {
  const ImportResult r = import_text(
      "2024年要点\n（一）组织领导（牵头单位：区委办）\n1. 召开会议。研究部署。（责任单位：区政府办）\n"
      "2. 开展督查。定期督查。\n");
  ASSERT_EQ(r.plan.tasks.size(), 2u);
  EXPECT_EQ(roles(r.plan.tasks[0]), (V{"区政府办/responsible"}));
  EXPECT_EQ(roles(r.plan.tasks[1]), (V{"区委办/lead"}));
  EXPECT_EQ(r.plan.categories.at(0).title, "组织领导");
}

TEST(ImportOptions, JsonHasEveryFieldOfTheContract) {
  const nlohmann::json j = nlohmann::json::parse(import_result_json(import_text(kPlan)));
  for (const char* f : {"title", "doc_number", "issuer", "issued", "year"}) EXPECT_TRUE(j["plan"].contains(f)) << f;
  ASSERT_EQ(j["tasks"].size(), 2u);
  for (const char* f : {"number", "kind", "title", "category", "responsibilities", "open_ended", "due", "due_defaulted",
                        "ongoing", "recurrence", "milestones", "targets"}) {
    EXPECT_TRUE(j["tasks"][0].contains(f)) << f;
  }
  EXPECT_EQ(j["tasks"][0]["number"], "1");
  EXPECT_EQ(j["tasks"][1]["responsibilities"][1], (nlohmann::json{{"unit", "各街道"}, {"role", "support"}, {"collective", true}}));
  EXPECT_EQ(j["plan"]["issued"], nullptr);
  for (const auto& d : j["diagnostics"]) {
    EXPECT_TRUE(d["line"].is_number_integer());
    EXPECT_TRUE(d["severity"] == "info" || d["severity"] == "warning" || d["severity"] == "error");
    EXPECT_TRUE(d["message"].is_string());
  }
  // Deterministic: the same input gives the same bytes.
  EXPECT_EQ(import_result_json(import_text(kPlan)), import_result_json(import_text(kPlan)));
  EXPECT_EQ(import_result_json(import_text(kPlan), -1).find('\n'), std::string::npos);
}

TEST(ImportOptions, AnEmptyDocumentIsAPlanWithNoTasksAndSaysSo) {
  const ImportResult r = import_text("");
  EXPECT_TRUE(r.plan.tasks.empty());
  EXPECT_TRUE(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                          [](const Diagnostic& d) { return d.message == "no tasks found"; }));
}

}  // namespace
}  // namespace duban
