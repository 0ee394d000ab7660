// Vetoes (一票否决): an event or a predicate that zeroes a group, zeroes
// the total, or caps the grade — each reported as such.
#include "assess/assess_util.hpp"

namespace duban::testing {
namespace {

const std::string kHead = R"(
[scheme]
name = "veto"
total = 20
[[grades]]
name = "好"
min = 18
[[grades]]
name = "一般"
min = 10
[[grades]]
name = "较差"
min = 0
[[groups]]
name = "工作"
  [[groups.items]]
  id = "w"
  points = 10
  rule = "completion"
  select = { task = "5" }
[[groups]]
name = "资金"
  [[groups.items]]
  id = "m"
  points = 10
  rule = "completion"
  select = { task = "4" }
[[groups]]
name = "否决"
  [[groups.items]]
  id = "v"
  rule = "veto"
)";

ScoreEvent bad(UnitId unit) {
  ScoreEvent e;
  e.kind = "违纪违规";
  e.unit = unit;
  e.date = ymd(2025, 7, 1);
  e.ref = "纪委通报〔2025〕3号";
  return e;
}

using AssessVeto = AssessFixture;

TEST_F(AssessVeto, AnEventZeroesTheNamedGroup) {
  AssessmentInput in;
  in.tasks.push_back(done("4", ymd(2025, 10, 20)));
  in.events.push_back(bad(unit("丙局")));
  const Assessment r = run(kHead + "  events = [\"违纪违规\"]\n  group = \"资金\"\n", in, ymd(2025, 12, 31));
  const UnitScore& c = of(r, "丙局");
  EXPECT_DOUBLE_EQ(c.items[1].score, 0.0);
  EXPECT_TRUE(c.items[1].vetoed);
  EXPECT_FALSE(c.items[0].vetoed);
  EXPECT_DOUBLE_EQ(c.groups[1].score, 0.0);
  EXPECT_TRUE(c.groups[1].vetoed);
  EXPECT_DOUBLE_EQ(c.total, 10.0);
  EXPECT_EQ(c.grade, "一般");
  ASSERT_EQ(c.vetoes.size(), 1u);
  EXPECT_EQ(c.vetoes[0], (VetoHit{"v", VetoEffect::zero_group, "资金"}));
  EXPECT_TRUE(of(r, "甲局").vetoes.empty());
  EXPECT_DOUBLE_EQ(of(r, "甲局").total, 20.0);
  const std::string text = explain(r, unit("丙局"));
  EXPECT_NE(text.find("item m m (10 points): 0 — 10 over 1 tasks (share 10); 10 − 0 = 10; zeroed by veto v"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("veto v — group 资金 scores 0"), std::string::npos);
  // The plan sees every event: its group is zeroed too.
  EXPECT_EQ(r.plan.vetoes.size(), 1u);
}

TEST_F(AssessVeto, AnEventCanZeroTheTotal) {
  AssessmentInput in;
  in.tasks.push_back(done("4", ymd(2025, 10, 20)));
  in.events.push_back(bad(unit("丙局")));
  const Assessment r = run(kHead + "  events = [\"违纪违规\"]\n  effect = \"zero_total\"\n", in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(of(r, "丙局").total, 0.0);
  EXPECT_DOUBLE_EQ(of(r, "丙局").base, 20.0);  // what it would have had
  EXPECT_EQ(of(r, "丙局").grade, "较差");
  EXPECT_NE(explain(r, unit("丙局")).find("丙局: 0 — base 20 + bonus 0; vetoed: total 0"), std::string::npos);
}

TEST_F(AssessVeto, APredicateCapsTheGrade) {
  AssessmentInput in;
  in.tasks.push_back(done("4", ymd(2025, 10, 20)));
  in.values.push_back({"审计评分", 0, 85, ""});
  in.values.push_back({"审计评分", unit("丙局"), 55, "审计报告〔2025〕9号"});
  const Assessment r = run(kHead + "  when = \"audit < 60\"\n  inputs = { audit = \"value:审计评分\" }\n"
                                    "  effect = \"cap_grade\"\n  grade = \"一般\"\n",
                           in, ymd(2025, 12, 31));
  EXPECT_DOUBLE_EQ(of(r, "丙局").total, 20.0);
  EXPECT_EQ(of(r, "丙局").grade, "一般");
  EXPECT_EQ(of(r, "丙局").vetoes[0], (VetoHit{"v", VetoEffect::cap_grade, "一般"}));
  EXPECT_EQ(of(r, "甲局").grade, "好");
  EXPECT_TRUE(of(r, "甲局").vetoes.empty());
  EXPECT_NE(explain(r, unit("丙局")).find("audit < 60 with audit = 55, points = 0 = 1: vetoed"), std::string::npos);
}

}  // namespace
}  // namespace duban::testing
