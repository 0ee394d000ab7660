#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "duban/error.hpp"
#include "duban/json.hpp"

namespace duban {
namespace {

using ::testing::HasSubstr;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string example_path() { return std::string(DUBAN_SOURCE_DIR) + "/examples/plans/east-west-2025.json"; }

std::string error_of(std::string_view json) {
  try {
    parse_plan_file(json, "p.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(PlanJsonTest, ExamplePlanLoadsResolvesAndValidates) {
  PlanFile file = parse_plan_file(read_file(example_path()), "east-west-2025.json");
  EXPECT_EQ(file.plan.title, "2025年临江区东西部协作和对口支援工作要点");
  EXPECT_EQ(file.plan.year, 2025);
  EXPECT_GE(file.plan.categories.size(), 4u);
  EXPECT_GE(file.plan.tasks.size(), 12u);
  EXPECT_TRUE(resolve_units(file.plan, file.directory).empty());
  EXPECT_TRUE(validate(file.plan, file.directory).empty());
  const Task& measure = file.plan.tasks.back();
  EXPECT_EQ(measure.kind, TaskKind::measure);
  EXPECT_EQ(measure.key, "m2");
  EXPECT_EQ(measure.category, -1);
}

TEST(PlanJsonTest, WriteThenReadGivesAnEqualPlan) {
  PlanFile file = parse_plan_file(read_file(example_path()), "example");
  resolve_units(file.plan, file.directory);
  const std::string text = to_plan_file(file.plan, file.directory);
  PlanFile again = parse_plan_file(text, "again");
  resolve_units(again.plan, again.directory);
  // Unit ids may be renumbered; compare by name through each directory.
  ASSERT_EQ(again.plan.tasks.size(), file.plan.tasks.size());
  for (std::size_t i = 0; i < file.plan.tasks.size(); ++i) {
    Task a = file.plan.tasks[i];
    Task b = again.plan.tasks[i];
    for (auto* t : {&a, &b}) {
      for (auto& r : t->responsibilities) r.unit = 0;
    }
    EXPECT_EQ(a, b) << "task " << a.key;
  }
  EXPECT_EQ(again.plan.sections, file.plan.sections);
  EXPECT_EQ(again.plan.categories, file.plan.categories);
  // Deterministic: writing again gives the same bytes.
  EXPECT_EQ(to_plan_file(again.plan, again.directory), text);
}

TEST(PlanJsonTest, SyntaxErrorGivesLineAndCharacterColumn) {
  // Column 25 counts the Chinese character once, not as its 3 bytes (27).
  EXPECT_EQ(error_of("{\n  \"duban\": 1,\n  \"plan\": {\"title\": \"甲\",}\n}"),
            "p.json:3:25: syntax error while parsing object key - unexpected '}'; expected string literal");
}

TEST(PlanJsonTest, NameClashKeepsItsCode) {
  try {
    parse_plan_file(R"({"duban":1,"directory":{"units":[{"name":"甲"},{"name":"甲"}]},"plan":{"title":"x","year":1}})", "p");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::exists);
  }
}

TEST(PlanJsonTest, WrongFieldNamesItsPath) {
  const std::string base = R"({"duban":1,"plan":{"title":"甲","year":2025,"sections":[{"title":"重点任务",
    "categories":[{"title":"组织领导","tasks":[{"number":"1","title":"任务",
    "responsibilities":[{"unit":"区委办","role":"boss"}]}]}]}]}})";
  EXPECT_EQ(error_of(base),
            "p.json: plan.sections[0].categories[0].tasks[0].responsibilities[0].role: unknown role 'boss'");
  EXPECT_EQ(error_of(R"({"duban":1,"plan":{"title":"甲","year":"2025"}})"),
            "p.json: plan.year: expected an integer, found string");
  EXPECT_EQ(error_of(R"({"duban":1,"plan":{"title":"甲","year":2025,"tasks":[{"title":"x","due":"2025-13-01"}]}})"),
            "p.json: plan.tasks[0].due: date '2025-13-01' does not exist");
  EXPECT_EQ(error_of(R"({"duban":1,"plan":{"title":"甲","year":2025,"tasks":[{"title":"x","resposibilities":[]}]}})"),
            "p.json: plan.tasks[0]: unknown field \"resposibilities\"");
  EXPECT_EQ(error_of(R"({"duban":1,"plan":{"year":2025}})"), "p.json: plan: missing field \"title\"");
}

TEST(PlanJsonTest, NewerFormatAndBadEncodingAreRefused) {
  EXPECT_EQ(error_of(R"({"duban":2,"plan":{}})"),
            "p.json: duban: file format version 2 is not supported (this duban reads 1..1)");
  try {
    parse_plan_file("{\"duban\":1,\"plan\":{\"title\":\"\xFF\"}}", "p.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::encoding);
  }
}

TEST(PlanJsonTest, DirectoryMembersMustBeKnown) {
  EXPECT_EQ(error_of(R"({"duban":1,"directory":{"units":[{"name":"各街镇","members":["滨江路街道"]}]},
                       "plan":{"title":"甲","year":2025}})"),
            "p.json: directory.units[0].members[0]: unknown member unit '滨江路街道'");
  EXPECT_EQ(error_of(R"({"duban":1,"directory":{"units":[{"name":"甲"},{"name":"甲"}]},
                       "plan":{"title":"甲","year":2025}})"),
            "p.json: directory.units[1]: unit name '甲' already names unit '甲'");
}

TEST(PlanJsonTest, BomIsAccepted) {
  const auto file = parse_plan_file("\xEF\xBB\xBF{\"duban\":1,\"plan\":{\"title\":\"甲\",\"year\":2025}}", "bom");
  EXPECT_EQ(file.plan.title, "甲");
}

}  // namespace
}  // namespace duban

namespace duban {
namespace {

TEST(PlanJsonTest, CategoriesOutsideAnySectionRoundTrip) {
  // A document with one heading level: （一）… categories and no 一、 sections.
  const std::string text = R"({"duban":1,"plan":{"title":"甲","year":2025,
    "categories":[{"number":"一","title":"组织领导","tasks":[{"number":"1","title":"任务一"}]}],
    "tasks":[{"number":"9","title":"散项"}]}})";
  const PlanFile file = parse_plan_file(text, "p");
  ASSERT_EQ(file.plan.tasks.size(), 2u);
  EXPECT_EQ(file.plan.categories[0].section, -1);
  EXPECT_EQ(file.plan.tasks[0].category, 0);
  EXPECT_EQ(parse_plan_file(to_plan_file(file.plan, file.directory), "again").plan, file.plan);
}

TEST(PlanJsonTest, TaskSectionMustMatchItsCategory) {
  PlanFile file = parse_plan_file(R"({"duban":1,"plan":{"title":"甲","year":2025,
    "sections":[{"title":"重点任务","categories":[{"title":"组织领导","tasks":[{"number":"1","title":"任务一"}]}]}]}})",
                                  "p");
  file.plan.tasks[0].section = -1;
  const auto diags = validate(file.plan, file.directory);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].message, "its category belongs to another section");
}

}  // namespace
}  // namespace duban
