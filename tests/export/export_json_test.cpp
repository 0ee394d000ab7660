// to_json(Snapshot): every field docs/export.md promises, deterministic.
#include <nlohmann/json.hpp>

#include "export/snapshot_fixture.hpp"

namespace duban {
namespace {

using namespace export_testing;
using Json = nlohmann::json;

class ExportJson : public LedgerSnapshot {};

TEST_F(ExportJson, TopLevelFields) {
  const Snapshot s = snapshot();
  const Json j = Json::parse(to_json(s));
  EXPECT_EQ(j["duban_snapshot"], 1);
  EXPECT_EQ(j["as_of"], "2025-07-31");
  EXPECT_EQ(j["plan_id"], plan);
  EXPECT_EQ(j["plan"]["title"], s.plan.title);
  EXPECT_EQ(j["plan"], Json::parse(to_json(s.plan, s.directory)));
  EXPECT_EQ(j["directory"], Json::parse(to_json(s.directory)));
  EXPECT_EQ(j["status"], Json::parse(to_json(s.status, s.plan)));
  EXPECT_TRUE(j["assessment"].is_null());
  const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(to_json(s));
  std::vector<std::string> keys;
  for (const auto& [key, value] : ordered.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"duban_snapshot", "as_of", "plan_id", "plan", "directory", "tasks",
                                            "status", "items", "reports", "assessment"}));
}

TEST_F(ExportJson, TaskRowsInChinese) {
  const Json j = Json::parse(to_json(snapshot()));
  ASSERT_EQ(j["tasks"].size(), 18u);
  const Json& t = j["tasks"][0];
  EXPECT_EQ(t["id"], 1);
  EXPECT_EQ(t["number"], "1");
  EXPECT_EQ(t["category"], "组织领导");
  EXPECT_EQ(t["title"], "健全工作机制");
  EXPECT_EQ(t["leads"], Json::array({"区合作交流办"}));
  EXPECT_EQ(t["others"], Json::array({"区委办", "区政府办公室"}));
  EXPECT_EQ(t["due"], "2025-04-30（4月底前）");
  EXPECT_EQ(t["status"], "done_on_time");
  EXPECT_EQ(t["light"], "green");
  EXPECT_EQ(t["latest_date"], "2025-04-25");
  EXPECT_EQ(t["latest"], "领导小组全体会议已召开");
  EXPECT_EQ(t["percent"], 100);
  EXPECT_TRUE(t["score"].is_null());
  EXPECT_TRUE(j["tasks"][1]["latest_date"].is_null());
}

TEST_F(ExportJson, ReportsInEffectWithUnitsAndIndicators) {
  const Json j = Json::parse(to_json(snapshot()));
  ASSERT_EQ(j["reports"].size(), 7u);
  const Json* fix = nullptr;
  for (const Json& r : j["reports"]) {
    EXPECT_NE(r["text"], "教师组团式帮扶") << "superseded";
    if (r["text"] == kCorrection) fix = &r;
  }
  ASSERT_NE(fix, nullptr);
  EXPECT_EQ((*fix)["task_key"], "5");
  EXPECT_EQ((*fix)["instance"], "");
  EXPECT_EQ((*fix)["unit_name"], "区教育局");
  EXPECT_EQ((*fix)["date"], "2025-05-12");
  EXPECT_EQ((*fix)["status"], "in_progress");
  EXPECT_EQ((*fix)["percent"], 25);
  EXPECT_EQ((*fix)["indicators"], Json::parse(R"([{"metric":"选派教师","value":2,"unit":"名"}])"));
  EXPECT_TRUE((*fix)["supersedes"].is_number_integer());
}

TEST_F(ExportJson, ItemsCarryClosuresAndExtensions) {
  const Json j = Json::parse(to_json(snapshot()));
  const Json* funds = nullptr;
  const Json* fair = nullptr;
  for (const Json& i : j["items"]) {
    if (i["task_key"] == "7" && i["instance"] == "") funds = &i;
    if (i["task_key"] == "10") fair = &i;
  }
  ASSERT_NE(funds, nullptr);
  EXPECT_EQ((*funds)["closure"], "returned");
  EXPECT_EQ((*funds)["return_reason"], kReturnReason);
  EXPECT_EQ((*funds)["last_returned"], "2025-06-27");
  EXPECT_EQ((*funds)["submitted_by_name"], "区财政局");
  EXPECT_TRUE((*funds)["submitted_by"].is_number_integer());
  ASSERT_NE(fair, nullptr);
  ASSERT_EQ((*fair)["extensions"].size(), 1u);
  EXPECT_EQ((*fair)["extensions"][0]["decision"], "approved");
  EXPECT_EQ((*fair)["extensions"][0]["until"], "2025-10-31");
  EXPECT_EQ((*fair)["extensions"][0]["unit_name"], "区投资促进办");
  EXPECT_EQ((*fair)["current_due"], "2025-10-31");
  EXPECT_TRUE((*fair)["submitted_by"].is_null());  // never submitted
  EXPECT_EQ((*fair)["submitted_by_name"], "");
}

TEST_F(ExportJson, AssessmentIsTheResultDocument) {
  const Snapshot s = snapshot(ymd(2025, 7, 31), mini_scheme(true));
  const Json j = Json::parse(to_json(s));
  EXPECT_EQ(j["assessment"], Json::parse(to_json(*s.assessment)));
  EXPECT_EQ(j["tasks"][0]["score"], 10);
}

TEST_F(ExportJson, DeterministicAndIndentable) {
  const std::string a = to_json(snapshot());
  EXPECT_EQ(a, to_json(snapshot()));
  const std::string compact = to_json(snapshot(), -1);
  EXPECT_EQ(compact.find('\n'), std::string::npos);
  EXPECT_EQ(Json::parse(compact), Json::parse(a));
}

TEST_F(ExportJson, TextThatIsNotUtf8IsAnEncodingError) {
  Snapshot s = snapshot();
  s.tasks[0].latest = "\xFF\xFE";
  const Error e = expect_error([&] { (void)to_json(s); }, Errc::encoding);
  EXPECT_NE(std::string(e.what()).find("snapshot JSON"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace duban
