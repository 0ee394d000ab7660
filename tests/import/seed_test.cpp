// The seed document: importing it yields exactly what its expected.json says.
// Both files are read from the shared folder at run time; nothing of the
// seed's text lives in this repository.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "duban/import.hpp"
#include "import/import_test_util.hpp"

namespace duban {
namespace {

using nlohmann::json;

constexpr const char* kSeed = "000_2031e3c033d5ffd7";

class ImportSeed : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto dir = test::shared_dir() / "seeds";
    const auto text = dir / (std::string(kSeed) + ".txt");
    const auto expected = dir / (std::string(kSeed) + ".expected.json");
    if (!std::filesystem::exists(text) || !std::filesystem::exists(expected)) {
      GTEST_SKIP() << "seed " << text << " or its expected result is absent: set DUBAN_SHARED_DIR to the shared folder";
    }
    ImportOptions options;
    options.source = text.string();
    result_ = import_text(test::read_file(text), options);
    expected_ = json::parse(test::read_file(expected));
  }

  const Task* task(const std::string& key) const {
    const int i = result_.plan.find_task(key);
    return i < 0 ? nullptr : &result_.plan.tasks[static_cast<std::size_t>(i)];
  }

  static std::vector<std::string> names(const Task& t) {
    std::vector<std::string> out;
    for (const auto& r : t.responsibilities) out.push_back(r.name);
    return out;
  }

  ImportResult result_;
  json expected_;
};

TEST_F(ImportSeed, FrontMatter) {
  const json& doc = expected_["document"];
  EXPECT_EQ(result_.plan.title, doc["title"].get<std::string>());
  EXPECT_EQ(result_.plan.doc_number, doc["doc_number"].get<std::string>());
  EXPECT_EQ(result_.plan.issuer, doc["issuer"].get<std::string>());
  ASSERT_TRUE(result_.plan.issued.has_value());
  EXPECT_EQ(format_date(*result_.plan.issued), doc["issued"].get<std::string>());
  EXPECT_EQ(result_.plan.year, doc["plan_year"].get<int>());
}

TEST_F(ImportSeed, SectionsAndCategories) {
  const json& sections = expected_["sections"];
  ASSERT_EQ(result_.plan.sections.size(), sections.size());
  const std::vector<std::string> numerals{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (std::size_t i = 0; i < sections.size(); ++i) {
    EXPECT_EQ(result_.plan.sections[i].title, sections[i]["title"].get<std::string>());
    EXPECT_EQ(result_.plan.sections[i].number, numerals[sections[i]["number"].get<std::size_t>() - 1]);
  }
  const json& categories = expected_["categories"];
  ASSERT_EQ(result_.plan.categories.size(), categories.size());
  for (std::size_t c = 0; c < categories.size(); ++c) {
    const Category& got = result_.plan.categories[c];
    EXPECT_EQ(got.title, categories[c]["title"].get<std::string>());
    EXPECT_EQ(got.number, numerals[categories[c]["number"].get<std::size_t>() - 1]);
    EXPECT_EQ(got.section, categories[c]["section"].get<int>() - 1);
    for (const json& n : categories[c]["tasks"]) {
      const Task* t = task(std::to_string(n.get<int>()));
      ASSERT_NE(t, nullptr) << "task " << n;
      EXPECT_EQ(t->category, static_cast<int>(c)) << "task " << n;
      EXPECT_EQ(t->section, got.section) << "task " << n;
    }
  }
}

TEST_F(ImportSeed, TasksInOrderWithEveryUnitList) {
  const json& tasks = expected_["tasks"];
  const json& measures = expected_["measures"];
  ASSERT_EQ(result_.plan.tasks.size(), tasks.size() + measures.size());
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const Task& t = result_.plan.tasks[i];
    const int n = tasks[i]["number"].get<int>();
    EXPECT_EQ(t.kind, TaskKind::task);
    EXPECT_EQ(t.number, std::to_string(n));
    EXPECT_EQ(t.key, std::to_string(n));
    EXPECT_EQ(t.title, tasks[i]["title"].get<std::string>());
    EXPECT_EQ(names(t), tasks[i]["units"].get<std::vector<std::string>>()) << "task " << n;
    EXPECT_EQ(t.open_ended, tasks[i].value("open_ended", false)) << "task " << n;
    EXPECT_FALSE(t.body.empty()) << "task " << n;
  }
  const std::vector<std::string> printed{"（一）", "（二）", "（三）"};
  for (std::size_t i = 0; i < measures.size(); ++i) {
    const Task& t = result_.plan.tasks[tasks.size() + i];
    const int n = measures[i]["number"].get<int>();
    EXPECT_EQ(t.kind, TaskKind::measure);
    EXPECT_EQ(t.key, "m" + std::to_string(n));
    EXPECT_EQ(t.number, printed[static_cast<std::size_t>(n) - 1]);
    EXPECT_EQ(t.title, measures[i]["title"].get<std::string>());
    EXPECT_EQ(names(t), measures[i]["units"].get<std::vector<std::string>>()) << "measure " << n;
    EXPECT_EQ(t.section, measures[i]["section"].get<int>() - 1);
    EXPECT_EQ(t.category, -1);
  }
}

TEST_F(ImportSeed, RolesAreResponsibleWhenNoLeadIsNamed) {
  for (const Task& t : result_.plan.tasks) {
    for (const Responsibility& r : t.responsibilities) {
      EXPECT_EQ(r.role, Role::responsible) << t.key << " " << r.name;
    }
  }
}

TEST_F(ImportSeed, CollectivesAreGroups) {
  const auto collective = expected_["collective"].get<std::set<std::string>>();
  const auto either = expected_["collective_either"].get<std::set<std::string>>();
  std::set<std::string> seen;
  for (const Task& t : result_.plan.tasks) {
    for (const Responsibility& r : t.responsibilities) {
      if (either.count(r.name) != 0) continue;
      EXPECT_EQ(r.collective, collective.count(r.name) != 0) << r.name;
      const Unit& u = result_.directory.at(r.unit);
      EXPECT_EQ(u.is_group(), r.collective) << r.name;
      if (r.collective) seen.insert(r.name);
    }
  }
  EXPECT_EQ(seen, collective);
}

TEST_F(ImportSeed, TheFourTargets) {
  std::map<std::string, std::set<std::string>> want;
  for (const json& t : expected_["targets"]) want[std::to_string(t["task"].get<int>())].insert(t["text"].get<std::string>());
  std::map<std::string, std::set<std::string>> got;
  for (const Task& t : result_.plan.tasks) {
    for (const Target& g : t.targets) got[t.key].insert(g.text);
  }
  EXPECT_EQ(got, want);
  // Their meaning, as FORMATS.md §5 reads it.
  const Task* t5 = task("5");
  ASSERT_NE(t5, nullptr);
  ASSERT_GE(t5->targets.size(), 2u);
  EXPECT_EQ(t5->targets[0].metric, "选派教师");
  EXPECT_EQ(t5->targets[0].op, TargetOp::ge);
  EXPECT_EQ(t5->targets[0].value, 2.0);
  EXPECT_EQ(t5->targets[0].unit, "名");
  EXPECT_EQ(t5->targets[0].scope, "县均");
  EXPECT_EQ(t5->targets[1].metric, "选派医生");
  const Task* t7 = task("7");
  ASSERT_NE(t7, nullptr);
  ASSERT_EQ(t7->targets.size(), 1u);
  EXPECT_EQ(t7->targets[0].op, TargetOp::ge);
  EXPECT_EQ(t7->targets[0].baseline, "去年");
  EXPECT_FALSE(t7->targets[0].value.has_value());
}

TEST_F(ImportSeed, DeadlinesDefaultToTheYearsEnd) {
  for (const Task& t : result_.plan.tasks) {
    EXPECT_TRUE(t.deadline.defaulted) << t.key;
    ASSERT_TRUE(t.deadline.due.has_value()) << t.key;
    EXPECT_EQ(format_date(*t.deadline.due), "2024-12-31");
  }
}

TEST_F(ImportSeed, ThePlanValidatesAndEveryUnknownUnitIsReported) {
  EXPECT_TRUE(validate(result_.plan, result_.directory).empty());
  std::size_t added = 0;
  for (const Diagnostic& d : result_.diagnostics) {
    EXPECT_NE(d.severity, Severity::error) << d.message;
    if (d.message.find("is not in the directory") != std::string::npos) ++added;
  }
  EXPECT_EQ(added, result_.directory.size());
  // Measure 2 names nobody: said, with its line.
  const auto m2 = std::find_if(result_.diagnostics.begin(), result_.diagnostics.end(), [](const Diagnostic& d) {
    return d.where == "measure m2" && d.message.find("no responsible unit") != std::string::npos;
  });
  ASSERT_NE(m2, result_.diagnostics.end());
  EXPECT_GT(m2->line, 0);
}

TEST_F(ImportSeed, ABaseDirectoryResolvesAliasesAndKnowsGroups) {
  Directory base;
  Unit office;
  office.name = "静安区政府合作交流办";
  office.aliases = {"区政府合作交流办", "区合作交流办"};
  office.kind = UnitKind::department;
  const UnitId office_id = base.add(office);
  Unit streets;
  streets.name = "各街镇";
  streets.kind = UnitKind::group;
  streets.member_kinds = {UnitKind::street, UnitKind::town};
  const UnitId streets_id = base.add(streets);
  ImportOptions options;
  options.directory = &base;
  const auto dir = test::shared_dir() / "seeds" / (std::string(kSeed) + ".txt");
  const ImportResult r = import_text(test::read_file(dir), options);
  const Task& t7 = r.plan.tasks[6];
  ASSERT_EQ(t7.key, "7");
  bool saw_office = false, saw_streets = false;
  for (const Responsibility& x : t7.responsibilities) {
    if (x.name == "区政府合作交流办") saw_office = x.unit == office_id;
    if (x.name == "各街镇") saw_streets = x.unit == streets_id && x.collective;
  }
  EXPECT_TRUE(saw_office);
  EXPECT_TRUE(saw_streets);
  EXPECT_EQ(r.directory.find(office_id)->name, "静安区政府合作交流办");
  for (const Diagnostic& d : r.diagnostics) EXPECT_EQ(d.message.find("'区政府合作交流办' is not"), std::string::npos);
}

TEST_F(ImportSeed, JsonFollowsTheContract) {
  const json j = json::parse(import_result_json(result_));
  EXPECT_EQ(j["plan"]["title"], expected_["document"]["title"]);
  EXPECT_EQ(j["plan"]["issued"], "2024-05-27");
  EXPECT_EQ(j["plan"]["year"], 2024);
  ASSERT_EQ(j["tasks"].size(), 21u);
  const json& t12 = j["tasks"][11];
  EXPECT_EQ(t12["number"], "12");
  EXPECT_EQ(t12["kind"], "task");
  EXPECT_EQ(t12["category"], "消费协作");
  EXPECT_EQ(t12["open_ended"], true);
  EXPECT_EQ(t12["due"], "2024-12-31");
  EXPECT_EQ(t12["due_defaulted"], true);
  EXPECT_EQ(t12["recurrence"], nullptr);
  EXPECT_EQ(t12["responsibilities"][1]["unit"], "各相关部门");
  EXPECT_EQ(t12["responsibilities"][1]["role"], "responsible");
  EXPECT_EQ(t12["responsibilities"][1]["collective"], true);
  const json& m1 = j["tasks"][18];
  EXPECT_EQ(m1["kind"], "measure");
  EXPECT_EQ(m1["category"], nullptr);
  ASSERT_FALSE(j["diagnostics"].empty());
  EXPECT_TRUE(j["diagnostics"][0].contains("line"));
  EXPECT_TRUE(j["diagnostics"][0].contains("severity"));
}

TEST_F(ImportSeed, ImportsTheSameFromGb18030) {
  // The seed converted to GB18030 by the test itself.
  const auto path = test::shared_dir() / "seeds" / (std::string(kSeed) + ".txt");
  const std::string utf8 = test::read_file(path);
  const std::string gb = test::to_gb18030(utf8);
  ASSERT_NE(gb, utf8);
  const ImportResult r = import_text(gb);
  EXPECT_EQ(r.plan, result_.plan);
  EXPECT_NE(std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                         [](const Diagnostic& d) { return d.message.find("GB18030") != std::string::npos; }),
            r.diagnostics.end());
}

}  // namespace
}  // namespace duban
