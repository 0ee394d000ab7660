// Roll-up: grades by threshold, the not-applicable policy, and rankings
// with stated tie-breaks (units still tied share a rank).
#include "assess/assess_util.hpp"

namespace duban::testing {
namespace {

const std::string kScheme = R"(
[scheme]
name = "ranking"
total = 20
[[grades]]
name = "好"
min = 18
[[grades]]
name = "较好"
min = 15
[[grades]]
name = "一般"
min = 0
[[groups]]
name = "A"
  [[groups.items]]
  id = "a"
  points = 10
  rule = "completion"
  select = { task = "1" }
  roles = { support = 0.5 }
[[groups]]
name = "B"
  [[groups.items]]
  id = "b"
  points = 10
  rule = "completion"
  select = { task = "2" }
)";

using AssessRanking = AssessFixture;

TEST_F(AssessRanking, GradesAndSharedRanks) {
  AssessmentInput in;  // nothing done as of 07-15: tasks 1 and 2 are both overdue
  const Assessment r = run(kScheme, in, ymd(2025, 7, 15));
  // 甲局: task 1 lead (0), task 2 support (10 − 10 × 1) = 0. 乙局: 0 + 0.
  // Streets: task 1 support (10 − 10 × 0.5 = 5), task 2 not held (10): 15.
  // 丙局 holds neither: 20.
  EXPECT_DOUBLE_EQ(of(r, "丙局").total, 20.0);
  EXPECT_EQ(of(r, "丙局").grade, "好");
  EXPECT_DOUBLE_EQ(of(r, "东街道").total, 15.0);
  EXPECT_EQ(of(r, "东街道").grade, "较好");  // 15 is the threshold itself
  EXPECT_DOUBLE_EQ(of(r, "甲局").total, 0.0);
  EXPECT_EQ(of(r, "甲局").grade, "一般");
  // No tie-break stated: the streets share rank 2, 甲局 and 乙局 rank 4.
  EXPECT_EQ(of(r, "丙局").rank, 1);
  EXPECT_EQ(of(r, "东街道").rank, 2);
  EXPECT_EQ(of(r, "西街道").rank, 2);
  EXPECT_EQ(of(r, "甲局").rank, 4);
  EXPECT_EQ(of(r, "乙局").rank, 4);
  // Tied units are listed in directory order.
  ASSERT_EQ(r.ranking.size(), 5u);
  EXPECT_EQ(r.units[r.ranking[1]].name, "东街道");
  EXPECT_EQ(r.units[r.ranking[2]].name, "西街道");
  EXPECT_EQ(r.units[r.ranking[3]].name, "甲局");
}

TEST_F(AssessRanking, TieBreaksDecideInTheOrderStated) {
  std::string s = kScheme;
  s.replace(s.find("total = 20"), 10, "total = 20\ntie_break = [\"group:A\", \"name\"]");
  AssessmentInput in;
  in.tasks.push_back(done("1", ymd(2025, 4, 25)));
  const Assessment r = run(s, in, ymd(2025, 7, 15));
  // 甲局: 10 + 0 = 10; 乙局: 10 (responsible, on time) + 0 (lead, not done) = 10.
  // Group A ties too; by name (Unicode order) 乙 (U+4E59) before 甲 (U+7532).
  EXPECT_DOUBLE_EQ(of(r, "甲局").total, 10.0);
  EXPECT_DOUBLE_EQ(of(r, "乙局").total, 10.0);
  EXPECT_LT(of(r, "乙局").rank, of(r, "甲局").rank);
  std::string directory_order = kScheme;
  directory_order.replace(directory_order.find("total = 20"), 10, "total = 20\ntie_break = [\"directory\"]");
  const Assessment d = run(directory_order, in, ymd(2025, 7, 15));
  EXPECT_LT(of(d, "甲局").rank, of(d, "乙局").rank);
}

TEST_F(AssessRanking, RescaleLeavesOutWhatDoesNotApply) {
  std::string s = kScheme;
  s.replace(s.find("total = 20"), 10, "total = 20\nnot_applicable = \"rescale\"");
  AssessmentInput in;
  in.tasks.push_back(done("1", ymd(2025, 4, 25)));
  const Assessment r = run(s, in, ymd(2025, 7, 15));
  // 东街道: only task 1 applies (10 of 10): 10 × 20 / 10 = 20; under "full" the same.
  EXPECT_DOUBLE_EQ(of(r, "东街道").base, 20.0);
  // 乙局: 10 + 0 of 20 applicable points: 10.
  EXPECT_DOUBLE_EQ(of(r, "乙局").base, 10.0);
  // Nothing done: 东街道 has 5 of 10 applicable: rescaled to 10 (not 15).
  const Assessment none = run(s, AssessmentInput{}, ymd(2025, 7, 15));
  EXPECT_DOUBLE_EQ(of(none, "东街道").base, 10.0);
  EXPECT_NE(explain(none, unit("东街道")).find("not applicable: left out and the base rescaled"), std::string::npos);
}

}  // namespace
}  // namespace duban::testing
