// The indicator rules: ratio to target (capped, higher or lower better,
// 县均 over the recipient areas), year-over-year against a baseline, and
// bands.
#include "assess/assess_util.hpp"

namespace duban::testing {
namespace {

std::string one_item(const std::string& total, const std::string& item, const std::string& head = "") {
  return "[scheme]\nname = \"indicators\"\ntotal = " + total + "\n" + head + "[[groups]]\nname = \"G\"\n  [[groups.items]]\n" +
         item;
}

IndicatorValue value(const std::string& metric, UnitId unit, double v, const std::string& area = "") {
  IndicatorValue x;
  x.metric = metric;
  x.unit = unit;
  x.value = v;
  x.area = area;
  return x;
}

using AssessIndicators = AssessFixture;

TEST_F(AssessIndicators, RatioToTargetIsCapped) {
  // 企业: task 5's target, at least 5; only 丙局 holds task 5.
  const std::string capped = one_item("10", "id = \"r\"\npoints = 10\nrule = \"ratio\"\nselect = { metric = \"企业\" }\ncap = 12\n");
  AssessmentInput in;
  in.indicators.push_back(value("企业", unit("丙局"), 7));
  Assessment r = run(capped, in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "丙局", "r"), 12.0);  // 10 × 7 / 5 = 14, 最高计12分
  EXPECT_DOUBLE_EQ(score(r, "", "r"), 12.0);
  EXPECT_FALSE(of(r, "甲局").items[0].applicable);  // not judged on 企业
  in.indicators[0].value = 3;
  r = run(capped, in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "丙局", "r"), 6.0);
  // Values dated after the as-of date are not known yet.
  in.indicators[0].date = ymd(2026, 1, 5);
  EXPECT_DOUBLE_EQ(score(run(capped, in, ymd(2025, 12, 31)), "丙局", "r"), 0.0);
}

TEST_F(AssessIndicators, LowerIsBetter) {
  const std::string lower = one_item(
      "10", "id = \"r\"\npoints = 10\nrule = \"ratio\"\nselect = { metric = \"能耗\", unit = \"丙局\" }\n"
            "target = 100\nbetter = \"lower\"\n");
  AssessmentInput in;
  in.indicators.push_back(value("能耗", unit("丙局"), 80));
  EXPECT_DOUBLE_EQ(score(run(lower, in, ymd(2025, 12, 31)), "丙局", "r"), 10.0);  // 12.5, capped at the points
  in.indicators[0].value = 125;
  EXPECT_DOUBLE_EQ(score(run(lower, in, ymd(2025, 12, 31)), "丙局", "r"), 8.0);  // 10 × 100 / 125
}

TEST_F(AssessIndicators, PerCountyTargetsJudgeEachRecipientArea) {
  const std::string head = "areas = [\"A县\", \"B县\", \"C县\"]\n";
  const std::string each = one_item("5", "id = \"r\"\npoints = 5\nrule = \"ratio\"\nselect = { metric = \"选派教师\" }\n"
                                         "roles = { support = 0.5 }\n", head);
  AssessmentInput in;
  in.indicators.push_back(value("选派教师", unit("丙局"), 2, "A县"));
  in.indicators.push_back(value("选派教师", unit("丙局"), 3, "B县"));
  in.indicators.push_back(value("选派教师", unit("丙局"), 1, "C县"));
  const Assessment r = run(each, in, ymd(2025, 12, 31));
  // A县 2/2 → 5; B县 3/2 → 7.5, capped 5; C县 1/2 → 2.5; the mean 4.1666…
  EXPECT_DOUBLE_EQ(score(r, "丙局", "r"), 4.17);
  // 甲局 supports task 4 and sent nobody: 0, weighed 0.5: 5 − 0.5 × 5.
  EXPECT_DOUBLE_EQ(score(r, "甲局", "r"), 2.5);
  const std::string text = explain(r, unit("丙局"));
  EXPECT_NE(text.find("A县 2 → 5; B县 3 → 5; C县 1 → 2.5; mean over 3 areas = 4.1667"), std::string::npos) << text;
  // The average rule: 6 teachers over 3 counties is 2 per county.
  std::string average = each;
  average += "area_rule = \"average\"\n";
  EXPECT_DOUBLE_EQ(score(run(average, in, ymd(2025, 12, 31)), "丙局", "r"), 5.0);

  // An area outside the list, or none, is an error naming the value.
  in.indicators[2].area = "D县";
  expect_error([&] { run(each, in, ymd(2025, 12, 31)); }, Errc::inval,
               "input indicators[2]: area 'D县' is not one of the recipient areas");
  in.indicators[2].area.clear();
  expect_error([&] { run(each, in, ymd(2025, 12, 31)); }, Errc::inval,
               "input indicators[2]: metric '选派教师' is judged per recipient area (县均): give its area");
  // Without a list in the scheme, the input's is used; with neither it fails.
  const std::string bare = one_item("5", "id = \"r\"\npoints = 5\nrule = \"ratio\"\nselect = { metric = \"选派教师\" }\n");
  in.indicators[2].area = "C县";
  expect_error([&] { run(bare, in, ymd(2025, 12, 31)); }, Errc::inval, "neither the scheme nor the input lists the areas");
  in.areas = {"A县", "B县", "C县"};
  EXPECT_DOUBLE_EQ(score(run(bare, in, ymd(2025, 12, 31)), "丙局", "r"), 4.17);
}

TEST_F(AssessIndicators, YearOverYearIsFullWhenNotBelowTheBaseline) {
  const std::string yoy = one_item("10", "id = \"y\"\npoints = 10\nrule = \"yoy\"\nselect = { metric = \"资金\", role = \"lead\" }\n");
  AssessmentInput in;
  in.indicators.push_back(value("资金", unit("丙局"), 900));
  in.baselines.push_back({"资金", 0, 1000, "2024年决算"});
  Assessment r = run(yoy, in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "丙局", "y"), 9.0);  // 10 × 900 / 1000
  EXPECT_NE(explain(r, unit("丙局")).find("900 < baseline 1000: 10 × 900 / 1000 = 9 [baseline: 2024年决算]"),
            std::string::npos);
  // The unit's own baseline wins over the joint one.
  in.baselines.push_back({"资金", unit("丙局"), 800, "own"});
  r = run(yoy, in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "丙局", "y"), 10.0);
  EXPECT_DOUBLE_EQ(score(r, "", "y"), 9.0);  // the plan reads the joint baseline
  // No baseline at all is an error, not a silent full score.
  in.baselines.clear();
  expect_error([&] { run(yoy, in, ymd(2025, 12, 31)); }, Errc::inval,
               "item 'y': no baseline (去年) of metric '资金' for '丙局': add one to the input's baselines");
  // Lower is better, with the baseline in the scheme.
  const std::string lower = one_item(
      "10", "id = \"y\"\npoints = 10\nrule = \"yoy\"\nselect = { metric = \"资金\", role = \"lead\" }\nbaseline = 100\n"
            "better = \"lower\"\n");
  in.indicators[0].value = 125;
  EXPECT_DOUBLE_EQ(score(run(lower, in, ymd(2025, 12, 31)), "丙局", "y"), 8.0);
}

TEST_F(AssessIndicators, BandsGivePointsByRange) {
  const std::string bands = one_item("10", R"(id = "b"
points = 10
rule = "bands"
select = { metric = "企业" }
bands = [ { from = 5, points = 10 }, { from = 3, to = 5, points = 6 }, { to = 3, points = 0 } ]
)");
  AssessmentInput in;
  in.indicators.push_back(value("企业", unit("丙局"), 4));
  EXPECT_DOUBLE_EQ(score(run(bands, in, ymd(2025, 12, 31)), "丙局", "b"), 6.0);
  in.indicators[0].value = 5;
  EXPECT_DOUBLE_EQ(score(run(bands, in, ymd(2025, 12, 31)), "丙局", "b"), 10.0);
  in.indicators[0].value = 2.99;
  EXPECT_DOUBLE_EQ(score(run(bands, in, ymd(2025, 12, 31)), "丙局", "b"), 0.0);
  // A named value for the holders of a task, weighed by role.
  const std::string by_value = one_item("10", R"(id = "b"
points = 10
rule = "bands"
select = { task = "1" }
source = "value:满意度"
roles = { support = 0.5 }
bands = [ { from = 90, points = 10 }, { from = 70, to = 90, points = 6 } ]
)");
  AssessmentInput v;
  v.values.push_back({"满意度", 0, 80, ""});
  v.values.push_back({"满意度", unit("甲局"), 95, "survey"});
  const Assessment r = run(by_value, v, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(score(r, "甲局", "b"), 10.0);
  EXPECT_DOUBLE_EQ(score(r, "乙局", "b"), 6.0);
  EXPECT_DOUBLE_EQ(score(r, "东街道", "b"), 8.0);  // 10 − 0.5 × (10 − 6)
  EXPECT_FALSE(of(r, "丙局").items[0].applicable);
}

}  // namespace
}  // namespace duban::testing
