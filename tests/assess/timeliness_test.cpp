// timeliness: recurring reports on time, late (迟报) or missing (漏报), as
// an on-time rate or as deductions capped at the item's points (扣完为止).
#include "assess/assess_util.hpp"

namespace duban::testing {
namespace {

const std::string kDeduct = R"(
[scheme]
name = "timeliness"
total = 5
[[groups]]
name = "G"
  [[groups.items]]
  id = "t"
  points = 5
  rule = "timeliness"
  select = { task = "3" }
  mode = "deduct"
  per_late = 0.5
  per_missing = 1
)";

const std::string kRate = R"(
[scheme]
name = "timeliness"
total = 10
[[groups]]
name = "G"
  [[groups.items]]
  id = "t"
  points = 10
  rule = "timeliness"
  select = { task = "3" }
  late_credit = 0.5
)";

class AssessTimeliness : public AssessFixture {
 protected:
  // Task 3 is due on the 10th (05-10 is a Saturday: 05-12). As of 06-30,
  // January to June are due. 甲局: February late, March missing, April
  // reported only after the as-of date, July (not due yet) early.
  // 乙局: June late, the rest on time.
  AssessmentInput reports() const {
    AssessmentInput in;
    const auto add = [&](const char* who, Date due, std::optional<Date> reported) {
      in.reports.push_back({task("3"), unit(who), due, reported, 0});
    };
    add("甲局", ymd(2025, 1, 10), ymd(2025, 1, 9));
    add("甲局", ymd(2025, 2, 10), ymd(2025, 2, 12));
    add("甲局", ymd(2025, 3, 10), std::nullopt);
    add("甲局", ymd(2025, 4, 10), ymd(2025, 7, 5));
    add("甲局", ymd(2025, 5, 12), ymd(2025, 5, 12));
    add("甲局", ymd(2025, 6, 10), ymd(2025, 6, 10));
    add("甲局", ymd(2025, 7, 10), ymd(2025, 6, 28));
    for (unsigned m = 1; m <= 6; ++m) {
      const Date due = m == 5 ? ymd(2025, 5, 12) : ymd(2025, m, 10);
      add("乙局", due, m == 6 ? ymd(2025, 6, 11) : due);
    }
    return in;
  }
};

TEST_F(AssessTimeliness, DeductsPerLateAndMissingReport) {
  const Assessment r = run(kDeduct, reports(), ymd(2025, 6, 30));
  // 甲局: one late (0.5), two missing (2): 5 − 2.5.
  EXPECT_DOUBLE_EQ(score(r, "甲局", "t"), 2.5);
  EXPECT_DOUBLE_EQ(score(r, "乙局", "t"), 4.5);
  // The plan: 12 reports, two late, two missing: 5 − 3.
  EXPECT_DOUBLE_EQ(score(r, "", "t"), 2.0);
  // 丙局 owes no report: not applicable.
  EXPECT_DOUBLE_EQ(score(r, "丙局", "t"), 5.0);
  EXPECT_FALSE(of(r, "丙局").items[0].applicable);
  const std::string text = explain(r, unit("甲局"));
  EXPECT_NE(text.find("report due 2025-02-10 by 甲局: -0.5 — reported 2025-02-12: 2 working days late (迟报); deduct 0.5"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("report due 2025-04-10 by 甲局: -1 — reported 2025-07-05, after the as-of date: missing (漏报)"),
            std::string::npos);
  EXPECT_NE(text.find("5 − min(5, 2.5) over 6 reports = 2.5"), std::string::npos);
  EXPECT_EQ(text.find("2025-07-10"), std::string::npos) << "an instance not yet due was counted";
}

TEST_F(AssessTimeliness, DeductionsStopAtTheCapAndRolesWeighThem) {
  std::string capped = kDeduct;
  capped += "  cap = 2\n  roles = { responsible = 0.5 }\n";
  const Assessment r = run(capped, reports(), ymd(2025, 6, 30));
  EXPECT_DOUBLE_EQ(score(r, "甲局", "t"), 3.0);   // 5 − min(2, 2.5)
  EXPECT_DOUBLE_EQ(score(r, "乙局", "t"), 4.75);  // 5 − 0.5 × 0.5
  // 扣完为止: never below zero, however many are missing.
  AssessmentInput in;
  for (unsigned m = 1; m <= 6; ++m) in.reports.push_back({task("3"), unit("甲局"), ymd(2025, m, 10), {}, 0});
  std::string heavy = kDeduct;
  heavy.replace(heavy.find("per_missing = 1"), 15, "per_missing = 2");
  EXPECT_DOUBLE_EQ(score(run(heavy, in, ymd(2025, 6, 30)), "甲局", "t"), 0.0);
}

TEST_F(AssessTimeliness, RateCountsLateReportsForPartOfOnTime) {
  const Assessment r = run(kRate, reports(), ymd(2025, 6, 30));
  // 甲局: 10 × (1 − (0.5 + 1 + 1) / 6) = 5.8333…
  EXPECT_DOUBLE_EQ(score(r, "甲局", "t"), 5.83);
  // 乙局: 10 × (1 − 0.5 / 6) = 9.1666…
  EXPECT_DOUBLE_EQ(score(r, "乙局", "t"), 9.17);
}

TEST_F(AssessTimeliness, AReportFromAUnitThatOwesNoneIsAnError) {
  AssessmentInput in;
  in.reports.push_back({task("3"), unit("丙局"), ymd(2025, 1, 10), ymd(2025, 1, 10), 0});
  expect_error([&] { run(kDeduct, in, ymd(2025, 6, 30)); }, Errc::inval,
               "input reports[0]: unit 3 does not hold task 3 月报: it owes no report");
}

}  // namespace
}  // namespace duban::testing
