// Helpers for the assessment suites: a small plan whose numbers are easy
// to work out by hand, schemes written as TOML snippets, and reading a
// unit's item score back.
//
// The plan (2025):
//   category 组织: task 1 due 2025-04-30 — 甲局 lead, 乙局 responsible, 各街镇 support
//                  task 2 due 2025-06-30 — 乙局 lead, 甲局 support
//                  task 3 monthly, day 10 — 甲局 lead, 乙局 responsible
//   category 投入: task 4 due 2025-10-31 — 丙局 lead, 甲局 support;
//                    targets 选派教师 >= 2 县均, 资金 >= 去年
//                  task 5 due 2025-12-31 — 丙局 lead; target 企业 >= 5
// 各街镇 is every street: 东街道 and 西街道.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "duban/assess.hpp"
#include "duban/error.hpp"
#include "duban/graph.hpp"
#include "duban/json.hpp"

namespace duban::testing {

// A file of the source tree (examples/plans/…), whole.
inline std::string slurp(const std::string& relative) {
  std::ifstream in(std::string(DUBAN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline Date ymd(int y, unsigned m, unsigned day) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

inline const char* kAssessPlan = R"({
  "duban": 1,
  "directory": {"units": [
    {"name": "甲局", "kind": "department"},
    {"name": "乙局", "kind": "department"},
    {"name": "丙局", "kind": "department"},
    {"name": "东街道", "kind": "street"},
    {"name": "西街道", "kind": "street"},
    {"name": "各街镇", "kind": "group", "member_kinds": ["street", "town"]}
  ]},
  "plan": {
    "title": "测试工作要点", "year": 2025, "issued": "2025-03-01",
    "sections": [{"number": "一", "title": "重点任务", "categories": [
      {"number": "一", "title": "组织", "tasks": [
        {"number": "1", "title": "任务一", "due": "2025-04-30", "responsibilities": [
          {"unit": "甲局", "role": "lead"}, {"unit": "乙局", "role": "responsible"}, {"unit": "各街镇", "role": "support"}]},
        {"number": "2", "title": "任务二", "due": "2025-06-30", "responsibilities": [
          {"unit": "乙局", "role": "lead"}, {"unit": "甲局", "role": "support"}]},
        {"number": "3", "title": "月报", "recurrence": {"every": "month", "day": 10}, "responsibilities": [
          {"unit": "甲局", "role": "lead"}, {"unit": "乙局", "role": "responsible"}]}
      ]},
      {"number": "二", "title": "投入", "tasks": [
        {"number": "4", "title": "任务四", "due": "2025-10-31", "responsibilities": [
          {"unit": "丙局", "role": "lead"}, {"unit": "甲局", "role": "support"}],
         "targets": [
           {"text": "县均选派2名教师", "metric": "选派教师", "op": ">=", "value": 2, "scope": "县均"},
           {"text": "资金不低于去年", "metric": "资金", "op": ">=", "baseline": "去年"}]},
        {"number": "5", "title": "任务五", "due": "2025-12-31", "responsibilities": [
          {"unit": "丙局", "role": "lead"}],
         "targets": [{"text": "企业不少于5家", "metric": "企业", "op": ">=", "value": 5}]}
      ]}
    ]}]
  }
})";

class AssessFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    PlanFile file = parse_plan_file(kAssessPlan, "assess-plan.json");
    directory = std::move(file.directory);
    plan = std::move(file.plan);
    const auto diagnostics = resolve_units(plan, directory);
    ASSERT_FALSE(has_errors(diagnostics));
    graph = std::make_unique<ResponsibilityGraph>(plan, directory);
  }

  UnitId unit(const std::string& name) const { return *directory.lookup(name); }

  Scheme scheme(const std::string& toml) const { return parse_scheme_toml(toml, "test.toml"); }

  Assessment run(const std::string& toml, const AssessmentInput& input, Date as_of) {
    last = scheme(toml);
    const Assessor assessor(plan, directory, *graph, WorkCalendar::builtin(), last);
    return assessor.run(input, as_of);
  }

  // The score of item `id` for unit `name` ("" for the plan), in the
  // scheme of the last run.
  double score(const Assessment& r, const std::string& name, const std::string& id) const {
    return of(r, name).items.at(item_index(id)).score;
  }

  const UnitScore& of(const Assessment& r, const std::string& name) const {
    if (name.empty()) return r.plan;
    for (const UnitScore& x : r.units) {
      if (x.name == name) return x;
    }
    ADD_FAILURE() << name << " was not assessed";
    return r.plan;
  }

  std::size_t item_index(const std::string& id) const {
    std::size_t i = 0;
    for (const Group& g : last.groups) {
      for (const Item& it : g.items) {
        if (it.id == id) return i;
        ++i;
      }
    }
    ADD_FAILURE() << "no item " << id;
    return 0;
  }

  TaskId task(const std::string& key) const { return plan.find_task(key) + 1; }

  TaskFact done(const std::string& key, Date when) const {
    TaskFact f;
    f.task = task(key);
    f.done = when;
    return f;
  }

  Directory directory;
  Plan plan;
  std::unique_ptr<ResponsibilityGraph> graph;
  Scheme last;  // the scheme of the last run()
};

// Every unit's (and the plan's) explanation retraces the run's numbers
// exactly: the total, each group and each item.
inline void expect_retraced(const Assessment& r) {
  std::vector<UnitId> ids{0};
  for (const UnitScore& u : r.units) ids.push_back(u.unit);
  for (UnitId id : ids) {
    const UnitScore& u = *r.find(id);
    const Explanation e = explanation(r, id);
    EXPECT_EQ(e.points, u.total) << u.name;
    ASSERT_GE(e.children.size(), u.groups.size()) << u.name;  // the groups first, then vetoes and caps
    std::size_t item = 0;
    for (std::size_t g = 0; g < u.groups.size(); ++g) {
      const Explanation& group = e.children[g];
      EXPECT_EQ(group.points, u.groups[g].score) << u.name << " " << group.what;
      for (const Explanation& node : group.children) {
        ASSERT_TRUE(node.points.has_value()) << node.what;
        EXPECT_EQ(*node.points, u.items.at(item).score) << u.name << " " << node.what;
        ++item;
      }
    }
    EXPECT_EQ(item, u.items.size()) << u.name;
  }
}

// Runs `f`, which must throw duban::Error with this code and a message
// containing `part`.
template <class F>
void expect_error(F&& f, Errc code, const std::string& part) {
  try {
    f();
    ADD_FAILURE() << "no error; expected one containing: " << part;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << "message: " << e.what() << "\nwanted: " << part;
  }
}

}  // namespace duban::testing
