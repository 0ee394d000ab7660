// The importer's corpus: every document under tests/data/import with an
// expected result written by hand beside it (<name>.expected.json, or
// <stem>.expected.json). The expected file states what must hold; fields it
// leaves out are not checked. Its format:
//   options       {"year": N, "first_is_lead": bool}
//   plan          {title, doc_number, issuer, issued, year}
//   sections, categories   titles in order
//   tasks         in order: key, number, kind, title, category, units
//                 [[name, role]…], collective [names], open_ended, due,
//                 due_defaulted, ongoing, recurrence, milestones, within_days,
//                 within_workdays, deadline_text, targets [{text, op, value,
//                 unit, scope, baseline, metric}], body_contains [substrings]
//   diagnostics   [{severity, line, contains, absent}]: each must be found
//                 (or, with absent, must not be)
//   unit_count    the size of the resulting directory
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "duban/import.hpp"
#include "import/import_test_util.hpp"

namespace duban {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

struct Case {
  fs::path input;
  fs::path expected;
};

std::vector<Case> corpus() {
  std::vector<Case> out;
  const fs::path dir = test::import_data("");
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const fs::path p = e.path();
    const std::string ext = p.extension().string();
    if (ext != ".txt" && ext != ".csv" && ext != ".xlsx") continue;
    fs::path expected = p;
    expected += ".expected.json";
    if (!fs::exists(expected)) expected = p.parent_path() / (p.stem().string() + ".expected.json");
    if (fs::exists(expected)) out.push_back({p, expected});
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.input < b.input; });
  return out;
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.input.filename().string(); }

class ImportCorpus : public ::testing::TestWithParam<Case> {};

std::string str(const json& j) { return j.is_string() ? j.get<std::string>() : j.dump(); }

TEST_P(ImportCorpus, MatchesItsExpectedResult) {
  const Case& c = GetParam();
  const json want = json::parse(test::read_file(c.expected));
  ImportOptions options;
  options.source = c.input.filename().string();
  if (want.contains("options")) {
    options.year = want["options"].value("year", 0);
    options.first_is_lead = want["options"].value("first_is_lead", false);
  }
  const std::string bytes = test::read_file(c.input);
  const ImportResult r = import_document(bytes, c.input.filename().string(), options);
  const json got = json::parse(import_result_json(r));
  const Plan& plan = r.plan;

  if (want.contains("plan")) {
    for (const auto& [field, value] : want["plan"].items()) {
      EXPECT_EQ(got["plan"][field], value) << "plan." << field;
    }
  }
  if (want.contains("sections")) {
    std::vector<std::string> titles;
    for (const Section& s : plan.sections) titles.push_back(s.title);
    EXPECT_EQ(titles, want["sections"].get<std::vector<std::string>>());
  }
  if (want.contains("categories")) {
    std::vector<std::string> titles;
    for (const Category& s : plan.categories) titles.push_back(s.title);
    EXPECT_EQ(titles, want["categories"].get<std::vector<std::string>>());
  }
  if (want.contains("unit_count")) {
    EXPECT_EQ(r.directory.size(), want["unit_count"].get<std::size_t>());
  }

  const json& tasks = want["tasks"];
  ASSERT_EQ(got["tasks"].size(), tasks.size());
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const json& w = tasks[i];
    const json& g = got["tasks"][i];
    const Task& t = plan.tasks[i];
    const std::string at = "task #" + std::to_string(i + 1) + " (" + t.key + " " + t.title + ")";
    if (w.contains("key")) {
      EXPECT_EQ(t.key, w["key"].get<std::string>()) << at;
    }
    for (const char* field : {"number", "kind", "title", "category", "open_ended", "due", "due_defaulted", "ongoing",
                              "recurrence", "milestones"}) {
      if (w.contains(field)) {
        EXPECT_EQ(g[field], w[field]) << at << ": " << field;
      }
    }
    if (w.contains("units")) {
      json units = json::array();
      std::set<std::string> collective;
      for (const json& x : g["responsibilities"]) {
        units.push_back({x["unit"], x["role"]});
        if (x["collective"].get<bool>()) collective.insert(x["unit"].get<std::string>());
      }
      EXPECT_EQ(units, w["units"]) << at;
      EXPECT_EQ(collective, w.value("collective", std::set<std::string>{})) << at;
    }
    if (w.contains("within_days")) {
      ASSERT_TRUE(t.deadline.within_days.has_value()) << at;
      EXPECT_EQ(*t.deadline.within_days, w["within_days"].get<int>()) << at;
    }
    if (w.contains("within_workdays")) {
      EXPECT_EQ(t.deadline.within_workdays, w["within_workdays"].get<bool>()) << at;
    }
    if (w.contains("deadline_text")) {
      EXPECT_EQ(t.deadline.text, w["deadline_text"].get<std::string>()) << at;
    }
    for (const json& s : w.value("body_contains", json::array())) {
      EXPECT_NE(t.body.find(s.get<std::string>()), std::string::npos) << at << ": body lacks " << s << "\n" << t.body;
    }
    if (w.contains("targets")) {
      ASSERT_EQ(g["targets"].size(), w["targets"].size()) << at << "\n" << g["targets"].dump(1);
      for (std::size_t k = 0; k < w["targets"].size(); ++k) {
        for (const auto& [field, value] : w["targets"][k].items()) {
          EXPECT_EQ(g["targets"][k][field], value) << at << ": targets[" << k << "]." << field;
        }
      }
    }
  }

  for (const json& d : want.value("diagnostics", json::array())) {
    const auto matches = [&](const json& x) {
      if (d.contains("severity") && x["severity"] != d["severity"]) return false;
      if (d.contains("line") && x["line"] != d["line"]) return false;
      return str(x["message"]).find(d["contains"].get<std::string>()) != std::string::npos;
    };
    const bool found = std::any_of(got["diagnostics"].begin(), got["diagnostics"].end(), matches);
    EXPECT_EQ(found, !d.value("absent", false)) << "diagnostic " << d.dump() << "\n" << got["diagnostics"].dump(1);
  }

  // Whatever the document, the plan holds together.
  for (const Diagnostic& d : validate(plan, r.directory)) {
    ADD_FAILURE() << "validate: " << format(d);
  }
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string n = info.param.input.filename().string();
  for (char& ch : n) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return n;
}

INSTANTIATE_TEST_SUITE_P(Documents, ImportCorpus, ::testing::ValuesIn(corpus()), case_name);

TEST(ImportCorpusFiles, CoverEveryFormAndDamage) {
  // One document per responsibility form of FORMATS.md §2 and per damage of §6.
  const std::vector<std::string> names{
      "form1_label_lines.txt",      "form2_labelled_bracket.txt", "form3_two_labels.txt",
      "form4_verb_bracket.txt",     "form5_responsibility_deadline.txt", "table_ledger.csv",
      "table_ledger.xlsx",          "form7_first_is_lead.txt",    "form7_cover_note.txt",
      "form8_persons.txt",          "damage_widths_spaces.txt",   "damage_page_breaks.txt",
      "damage_run_together.txt",    "damage_missing_bracket.txt", "damage_gb18030.txt",
      "damage_bom_crlf.txt",        "table_ledger_gbk.csv",       "structure_subitems.txt",
      "targets.txt",                "table_flattened.txt"};
  std::set<std::string> present;
  for (const Case& c : corpus()) present.insert(c.input.filename().string());
  for (const std::string& n : names) EXPECT_EQ(present.count(n), 1u) << n;
}

}  // namespace
}  // namespace duban
