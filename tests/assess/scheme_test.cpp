// Scheme files: TOML and JSON read to the same scheme, the JSON form reads
// back equal, and every mistake is named by file, line and field.
#include <fstream>
#include <sstream>

#include "assess/assess_util.hpp"

namespace duban::testing {
namespace {

std::string example_scheme_text() {
  std::ifstream in(std::string(DUBAN_SOURCE_DIR) + "/examples/plans/east-west-2025.scheme.toml", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Clears what depends on where a scheme was read from.
Scheme located_nowhere(Scheme s) {
  s.origin.clear();
  for (Group& g : s.groups) {
    g.line = 0;
    for (Item& it : g.items) it.line = 0;
  }
  return s;
}

const std::string kSmall = R"(
[scheme]
name = "small"
total = 10

[[groups]]
name = "G"
  [[groups.items]]
  id = "a"
  points = 10
  rule = "completion"
)";

TEST(AssessScheme, TheExampleReadsAndRoundTripsThroughJson) {
  const Scheme s = parse_scheme_toml(example_scheme_text(), "east-west-2025.scheme.toml");
  EXPECT_EQ(s.name, "2025年临江区东西部协作和对口支援工作考核");
  EXPECT_EQ(s.version, "2025.1");
  ASSERT_EQ(s.groups.size(), 8u);
  EXPECT_EQ(s.groups[0].name, "组织领导");
  EXPECT_EQ(s.groups[0].items[0].line, 58);
  EXPECT_EQ(s.areas, (std::vector<std::string>{"金河县", "青山县", "云岭县"}));
  EXPECT_EQ(s.roles, (RoleWeights{1.0, 0.8, 0.5}));
  ASSERT_EQ(s.grades.size(), 4u);
  EXPECT_EQ(s.grades[1], (Grade{"较好", 80}));
  const Item& formula = s.groups[2].items[1];
  EXPECT_EQ(formula.rule.kind, RuleKind::formula);
  ASSERT_EQ(formula.rule.inputs.size(), 2u);
  EXPECT_EQ(formula.rule.inputs[0], (NamedSource{"raised", "indicator:社会帮扶资金"}));  // as written, not sorted
  // Every rule kind is used.
  std::vector<bool> kinds(10, false);
  for (const Group& g : s.groups) {
    for (const Item& it : g.items) kinds[static_cast<std::size_t>(it.rule.kind)] = true;
  }
  for (int k = 1; k <= 9; ++k) EXPECT_TRUE(kinds[static_cast<std::size_t>(k)]) << to_string(static_cast<RuleKind>(k));

  const std::string json = to_json(s);
  const Scheme back = parse_scheme_json(json, "east-west.json");
  EXPECT_EQ(located_nowhere(back), located_nowhere(s));
  EXPECT_EQ(to_json(back), json);
}

TEST(AssessScheme, TomlMistakesNameTheLineAndTheField) {
  expect_error([] { parse_scheme_toml("[scheme\nname = 1", "bad.toml"); }, Errc::parse, "bad.toml:1:");
  std::string s = kSmall;
  s.replace(s.find("points = 10"), 11, "points = \"ten\"");
  expect_error([&] { parse_scheme_toml(s, "s.toml"); }, Errc::inval,
               "s.toml:10: groups[0].items[0].points: must be a number, not a string");
  s = kSmall;
  s.replace(s.find("rule = \"completion\""), 19, "rule = \"completion\"\n  per_late = 1");
  expect_error([&] { parse_scheme_toml(s, "s.toml"); }, Errc::inval,
               "s.toml:12: groups[0].items[0].per_late: unknown field for rule completion (known: id, name, points, "
               "rule, select, roles, split, per_workday, floor_ratio)");
  s = kSmall;
  s.replace(s.find("rule = \"completion\""), 19, "rule = \"magic\"");
  expect_error([&] { parse_scheme_toml(s, "s.toml"); }, Errc::inval,
               "s.toml:11: groups[0].items[0].rule: unknown value 'magic' (completion, timeliness, ratio, yoy, bands, "
               "deduction, bonus, veto, formula)");
  s = kSmall;
  s.replace(s.find("total = 10"), 10, "total = 100");
  expect_error([&] { parse_scheme_toml(s, "s.toml"); }, Errc::inval,
               "s.toml:4: scheme.total: the items of the non-bonus groups add up to 10 points, not the scheme's total 100");
  s = kSmall + "  floor_ratio = 1.5\n";
  expect_error([&] { parse_scheme_toml(s, "s.toml"); }, Errc::inval,
               "s.toml:12: groups[0].items[0].floor_ratio: must be between 0 and 1");
  s = kSmall;
  s.replace(s.find("name = \"small\"\n"), 15, "");
  expect_error([&] { parse_scheme_toml(s, "s.toml"); }, Errc::inval, "s.toml:2: scheme.name: is required");
  s = kSmall + "[[groups]]\nname = \"V\"\n  [[groups.items]]\n  rule = \"veto\"\n  events = [\"x\"]\n"
               "  effect = \"cap_grade\"\n  grade = \"优秀\"\n";
  expect_error([&] { parse_scheme_toml(s, "s.toml"); }, Errc::inval,
               "s.toml:18: groups[1].items[0].grade: no grade named '优秀'");
  s = kSmall + "[[grades]]\nname = \"好\"\nmin = 60\n[[grades]]\nname = \"差\"\nmin = 80\n";
  expect_error([&] { parse_scheme_toml(s, "s.toml"); }, Errc::inval,
               "s.toml:17: grades[1].min: grades go from best to worst");
  s = kSmall;
  s.replace(s.find("total = 10"), 10, "total = 10\ntie_break = [\"luck\"]");
  expect_error([&] { parse_scheme_toml(s, "s.toml"); }, Errc::inval,
               "s.toml:5: scheme.tie_break[0]: unknown tie-break 'luck'");
}

TEST(AssessScheme, JsonMistakesNameTheLineAndTheFieldToo) {
  const std::string json = "{\n  \"scheme\": {\"name\": \"j\", \"total\": 5},\n  \"groups\": [\n    {\"name\": \"G\", "
                           "\"items\": [\n      {\"id\": \"a\", \"rule\": \"completion\",\n       \"points\": -5}\n    ]}\n  ]\n}\n";
  expect_error([&] { parse_scheme_json(json, "s.json"); }, Errc::inval, "s.json:6: groups[0].items[0].points: must be >= 0");
  expect_error([] { parse_scheme_json("{\"scheme\": {\"name\": \"j\"},\n \"scheme\": {}}", "d.json"); }, Errc::inval,
               "d.json:2: scheme: appears twice");
  expect_error([] { parse_scheme_json("{\"scheme\": \n[}", "x.json"); }, Errc::parse, "x.json:2:");
  expect_error([] { load_scheme("/nonexistent/s.toml"); }, Errc::io, "cannot read scheme file '/nonexistent/s.toml'");
}

using AssessSchemeBinding = AssessFixture;

TEST_F(AssessSchemeBinding, WhatThePlanContradictsIsNamedToo) {
  std::string s = kSmall;
  s.replace(s.find("rule = \"completion\""), 19, "rule = \"completion\"\n  select = { tasks = [\"1\", \"99\"] }");
  const auto bind = [&](const std::string& text) {
    Assessor(plan, directory, *graph, WorkCalendar::builtin(), parse_scheme_toml(text, "s.toml"));
  };
  expect_error([&] { bind(s); }, Errc::inval, "s.toml:8: groups[0].items[0].select.tasks: no task with key '99' in the plan");
  s = kSmall;
  s.replace(s.find("name = \"G\""), 10, "name = \"G\"\ncategory = \"宣传\"");
  expect_error([&] { bind(s); }, Errc::inval, "s.toml:6: groups[0].category: no category '宣传' in the plan");
  s = kSmall;
  s.replace(s.find("rule = \"completion\""), 19, "rule = \"ratio\"\n  select = { metric = \"资金\" }");
  expect_error([&] { bind(s); }, Errc::inval,
               "s.toml:8: groups[0].items[0].select.metric: no target for metric '资金' in the plan: give target in the item");
  s = kSmall;
  s.replace(s.find("rule = \"completion\""), 19, "rule = \"completion\"\n  select = { units = [\"丁局\"] }");
  expect_error([&] { bind(s); }, Errc::inval, "s.toml:8: groups[0].items[0].select.units: unknown unit '丁局'");
  s = kSmall;
  s.replace(s.find("total = 10"), 10, "total = 10\nunits = [\"各街镇\"]");
  expect_error([&] { bind(s); }, Errc::inval, "s.toml: scheme.units: '各街镇' is a group: list its member units");
}

}  // namespace
}  // namespace duban::testing
