// Formula items: muParser over named inputs, kept within [floor, cap];
// a variable the item does not declare is refused when the scheme loads.
#include "assess/assess_util.hpp"

namespace duban::testing {
namespace {

const std::string kScheme = R"toml(
[scheme]
name = "formula"
total = 20
[[groups]]
name = "G"
  [[groups.items]]
  id = "base"
  points = 10
  rule = "completion"
  select = { task = "1" }
  [[groups.items]]
  id = "f"
  points = 10
  rule = "formula"
  expr = "min(points, a * 2 + b / 2 + n)"
  inputs = { a = "value:得分", b = "item:base", n = "events:表扬" }
)toml";

using AssessFormula = AssessFixture;

TEST_F(AssessFormula, ReadsValuesEarlierItemsAndEventCounts) {
  AssessmentInput in;
  in.tasks.push_back(done("1", ymd(2025, 4, 1)));
  in.values.push_back({"得分", unit("甲局"), 1.5, "own"});
  in.values.push_back({"得分", 0, 2, "default"});
  ScoreEvent e;
  e.kind = "表扬";
  e.unit = unit("甲局");
  e.date = ymd(2025, 6, 1);
  in.events.push_back(e);
  const Assessment r = run(kScheme, in, ymd(2025, 12, 31));
  // 甲局: a = 1.5, b = 10 (item base), n = 1: 3 + 5 + 1 = 9.
  EXPECT_DOUBLE_EQ(score(r, "甲局", "f"), 9.0);
  // 丙局: a = 2 (the default), b = 10 (not applicable: full), n = 0: 9.
  EXPECT_DOUBLE_EQ(score(r, "丙局", "f"), 9.0);
  // 乙局 the same with the default value: 4 + 5 = 9.
  EXPECT_DOUBLE_EQ(score(r, "乙局", "f"), 9.0);
  const std::string text = explain(r, unit("甲局"));
  EXPECT_NE(text.find("min(points, a * 2 + b / 2 + n) with a = 1.5, b = 10, n = 1, points = 10 = 9"), std::string::npos)
      << text;
  EXPECT_NE(text.find("a = value:得分: 1.5 [own]"), std::string::npos) << text;
}

TEST_F(AssessFormula, ResultsStayWithinFloorAndCap) {
  AssessmentInput in;
  in.values.push_back({"得分", unit("甲局"), 100, ""});
  in.values.push_back({"得分", unit("乙局"), -100, ""});
  const Assessment r = run(kScheme, in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "甲局", "f"), 10.0);
  EXPECT_DOUBLE_EQ(score(r, "乙局", "f"), 0.0);
  // A division by zero scores the floor, and says so.
  std::string div = kScheme;
  div.replace(div.find("min(points, a * 2 + b / 2 + n)"), 30, "points / (a - a)");
  const Assessment z = run(div, in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(z, "甲局", "f"), 0.0);
  EXPECT_NE(explain(z, unit("甲局")).find("is not a number: 0"), std::string::npos);
}

TEST_F(AssessFormula, UnknownVariablesAndSyntaxErrorsAreRefusedWithTheirPlace) {
  std::string unknown = kScheme;
  unknown.replace(unknown.find("a * 2 + b / 2 + n"), 17, "a * 2 + c");
  expect_error([&] { scheme(unknown); }, Errc::inval,
               "test.toml:16: groups[0].items[1].expr: unknown variable 'c' (declared inputs: a, b, n, and points)");
  std::string broken = kScheme;
  broken.replace(broken.find("a * 2 + b / 2 + n"), 17, "a * (2 + b");
  expect_error([&] { scheme(broken); }, Errc::inval, "test.toml:16: groups[0].items[1].expr: Missing parenthesis");
  std::string later = kScheme;
  later.replace(later.find("item:base"), 9, "item:f");
  expect_error([&] { scheme(later); }, Errc::inval,
               "groups[0].items[1].inputs.b: item 'f' is not an item listed before this one");
  std::string bad_name = kScheme;
  bad_name.replace(bad_name.find("inputs = { a ="), 14, "inputs = { 2a =");
  expect_error([&] { scheme(bad_name); }, Errc::inval, "is not a usable variable name");
}

}  // namespace
}  // namespace duban::testing
