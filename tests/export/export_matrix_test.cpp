#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "duban/error.hpp"
#include "duban/export.hpp"
#include "export/text_width.hpp"
#include "graph/sample_plans.hpp"

namespace duban {
namespace {

using namespace duban::testing;

TEST(ExportMatrix, CsvHasBomHeaderAndMarks) {
  const Directory d = sample_directory();
  const Plan p = sample_plan(d);
  const std::string csv = matrix_csv(p, d, ResponsibilityGraph(p, d));
  const std::string q = "配（对口支援工作全体单位）";
  const std::string j = "配（各街镇）";
  const std::string expected =
      "\xEF\xBB\xBF"
      "序号,编号,任务,区发展改革委,区财政局,区教育局,区卫生健康委,石门二路街道,南京西路街道,彭浦镇,各相关部门\r\n"
      "1,1,加强组织领导,牵,责（领导小组成员单位）,责（领导小组成员单位）,,,,,\r\n"
      "2,1,推进教育帮扶,,,牵,," + j + "," + j + "," + j + ",\r\n"
      "3,2,深化消费帮扶,牵,牵,,,,,,配\r\n"
      "4,3,开展医疗协作,,,,责,牵," + j + "," + j + ",\r\n"
      "5,,做好年度总结," + q + "," + q + ",牵,," + q + "," + q + "," + q + ",\r\n"
      "6,2,落实专项任务,,,,,,,,\r\n";
  EXPECT_EQ(csv, expected);
}

TEST(ExportMatrix, CsvQuotesFieldsThatNeedIt) {
  Directory d;
  d.add(make_unit(1, "区商务委", UnitKind::department));
  Plan p = plan_shell();
  p.tasks.push_back(make_task("x", "1", "组织\"产销对接\",扩大销售", -1, {named("区商务委", Role::support)}));
  (void)resolve_units(p, d);
  EXPECT_EQ(matrix_csv(p, d, ResponsibilityGraph(p, d)),
            "\xEF\xBB\xBF序号,编号,任务,区商务委\r\n1,1,\"组织\"\"产销对接\"\",扩大销售\",配\r\n");
}

TEST(ExportMatrix, TextTableAlignsChineseAtTwoColumnsPerCharacter) {
  Directory d;
  d.add(make_unit(1, "区发改委", UnitKind::department));
  d.add(make_unit(2, "石门二路街道", UnitKind::street));
  Unit jiejie = make_unit(3, "各街镇", UnitKind::group);
  jiejie.member_kinds = {UnitKind::street};
  d.add(std::move(jiejie));
  Plan p = plan_shell();
  p.tasks.push_back(
      make_task("a", "1", "加强组织领导", -1, {named("区发改委", Role::lead), named("各街镇", Role::support)}));
  p.tasks.push_back(make_task("b", "2", "推进一网通办改革试点工作", -1, {named("石门二路街道", Role::responsible)}));
  (void)resolve_units(p, d);
  const std::string text = matrix_text(p, d, ResponsibilityGraph(p, d), 12);
  const std::string expected =
      "序号  编号  任务          区发改委  石门二路街道\n"
      "----  ----  ------------  --------  ------------\n"
      "1     1     加强组织领导  牵        配*\n"
      "2     2     推进一网通…" + std::string(13, ' ') + "责\n"
      "牵=牵头  责=责任  配=配合  *=经所在集体承担\n";
  EXPECT_EQ(text, expected);
}

TEST(ExportMatrix, TextTableColumnsLineUpOnTheSampleToo) {
  const Directory d = sample_directory();
  const Plan p = sample_plan(d);
  const std::string text = matrix_text(p, d, ResponsibilityGraph(p, d));
  // Column starts, in display columns, found from the rule line.
  const std::size_t rule_at = text.find('\n') + 1;
  const std::string rule = text.substr(rule_at, text.find('\n', rule_at) - rule_at);
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < rule.size(); ++i) {
    if (rule[i] == '-' && (i == 0 || rule[i - 1] == ' ')) starts.push_back(i);
  }
  ASSERT_EQ(starts.size(), 11U);
  // Every non-blank field of every row begins at a column start.
  std::size_t pos = 0;
  int rows = 0;
  while (pos < text.size()) {
    const std::size_t end = text.find('\n', pos);
    const std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.rfind("牵=", 0) == 0 || line.rfind("-", 0) == 0) continue;
    ++rows;
    // A field starts at the line's start or after the two-space gap.
    std::size_t col = 0;
    for (std::size_t i = 0; i < line.size();) {
      std::size_t len = 1;
      while (i + len < line.size() && (static_cast<unsigned char>(line[i + len]) & 0xC0) == 0x80) ++len;
      const bool starts_field = line[i] != ' ' && (i == 0 || (i >= 2 && line[i - 1] == ' ' && line[i - 2] == ' '));
      if (starts_field) {
        EXPECT_NE(std::find(starts.begin(), starts.end(), col), starts.end()) << "row " << rows << ": " << line;
      }
      col += render::display_width(line.substr(i, len));
      i += len;
    }
    EXPECT_EQ(line.back() == ' ', false) << line;
  }
  EXPECT_EQ(rows, 7);
}

TEST(ExportMatrix, DisplayWidthCountsCjkTwice) {
  EXPECT_EQ(render::display_width("abc"), 3U);
  EXPECT_EQ(render::display_width("区发改委"), 8U);
  EXPECT_EQ(render::display_width("（一）"), 6U);
  EXPECT_EQ(render::display_width("Ａ1"), 3U);
  EXPECT_EQ(render::fit_width("区发改委", 5), "区发…");
  EXPECT_EQ(render::fit_width("区发改委", 8), "区发改委");
  EXPECT_EQ(render::pad_to_width("区", 4), "区  ");
  EXPECT_EQ(role_mark(Role::lead), "牵");
  EXPECT_EQ(role_mark(Role::responsible), "责");
  EXPECT_EQ(role_mark(Role::support), "配");
}

TEST(ExportMatrix, MismatchedInputsAreErrors) {
  const Directory d = sample_directory();
  const Plan p = sample_plan(d);
  const ResponsibilityGraph g(p, d);
  try {
    (void)matrix_csv(p, Directory{}, g);
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::notfound);
    EXPECT_STREQ(e.what(),
                 "matrix_csv: unit 1 is in the graph but not in the directory; pass the directory the graph was "
                 "built from");
  }
  Plan shorter = p;
  shorter.tasks.resize(2);
  EXPECT_THROW((void)matrix_text(shorter, d, g), Error);
}

}  // namespace
}  // namespace duban
