// Item numbers (FORMATS.md §1) and the lines around them.
#include <gtest/gtest.h>

#include "duban/plan.hpp"
#include "import/lines.hpp"
#include "import/numbering.hpp"

namespace duban::importer {
namespace {

struct Want {
  NumberStyle style;
  int value;
  std::string printed;
  std::string rest;
};

void expect_marker(std::string_view line, const Want& w) {
  const auto m = read_marker(line);
  ASSERT_TRUE(m.has_value()) << line;
  EXPECT_EQ(m->style, w.style) << line;
  EXPECT_EQ(m->value, w.value) << line;
  EXPECT_EQ(m->printed, w.printed) << line;
  EXPECT_EQ(line.substr(m->rest), w.rest) << line;
}

TEST(ImportNumbering, EveryOfficialLevelAndItsVariants) {
  expect_marker("第一部分 重点任务", {NumberStyle::part, 1, "第一部分", "重点任务"});
  expect_marker("二、重点任务", {NumberStyle::cn_comma, 2, "二", "重点任务"});
  expect_marker("十二、其他", {NumberStyle::cn_comma, 12, "十二", "其他"});
  expect_marker("（三）资金支持", {NumberStyle::cn_paren, 3, "（三）", "资金支持"});
  expect_marker("(三)资金支持", {NumberStyle::cn_paren, 3, "(三)", "资金支持"});
  expect_marker("7. 保持力度。", {NumberStyle::arabic_dot, 7, "7", "保持力度。"});
  expect_marker("7．保持力度。", {NumberStyle::arabic_dot, 7, "7", "保持力度。"});
  expect_marker("7、保持力度。", {NumberStyle::arabic_dot, 7, "7", "保持力度。"});
  expect_marker("7 . 保持力度。", {NumberStyle::arabic_dot, 7, "7", "保持力度。"});
  expect_marker("（12）推动", {NumberStyle::arabic_paren, 12, "（12）", "推动"});
  expect_marker("3）推动", {NumberStyle::arabic_half, 3, "3）", "推动"});
  expect_marker("②推动", {NumberStyle::circled, 2, "②", "推动"});
}

TEST(ImportNumbering, ProseIsNoNumber) {
  for (std::string_view s : {"一是培育家庭农场", "第一，加强领导", "2024年是关键一年", "1.5亿元资金", "十四五规划",
                             "一市三县", "3个月以上", "（鼓励）政府机关", "100%完成"}) {
    EXPECT_FALSE(read_marker(s).has_value()) << s;
  }
}

TEST(ImportNumbering, ChineseNumerals) {
  EXPECT_EQ(chinese_number("一"), 1);
  EXPECT_EQ(chinese_number("十"), 10);
  EXPECT_EQ(chinese_number("十八"), 18);
  EXPECT_EQ(chinese_number("二十"), 20);
  EXPECT_EQ(chinese_number("二十三"), 23);
  EXPECT_EQ(chinese_number("一百零五"), 105);
  EXPECT_FALSE(chinese_number("一二"));
  EXPECT_FALSE(chinese_number("好"));
}

TEST(ImportLines, PageFurnitureBackMatterAndTheSignature) {
  const std::string text =
      "正文。\r\n- 3 -\r\n第 3 页 共 9 页\n[接上页]\n12\n\n区合作交流办公室\n2024年5月27日\n抄送：区委办公室。\n"
      "区合作交流办公室 2024年5月27日印发\n（此件公开发布）\r最后一行";
  const auto lines = read_lines(text);
  ASSERT_EQ(lines.size(), 12u);
  EXPECT_EQ(lines[0].kind, LineKind::text);
  EXPECT_EQ(lines[0].text, "正文。");
  EXPECT_EQ(lines[1].kind, LineKind::page_marker);
  EXPECT_EQ(lines[2].kind, LineKind::page_marker);
  EXPECT_EQ(lines[3].kind, LineKind::page_marker);
  EXPECT_EQ(lines[4].kind, LineKind::page_marker);
  EXPECT_EQ(lines[5].kind, LineKind::blank);
  EXPECT_EQ(lines[6].kind, LineKind::signature);
  EXPECT_EQ(lines[7].kind, LineKind::date);
  ASSERT_TRUE(lines[7].date);
  EXPECT_EQ(format_date(*lines[7].date), "2024-05-27");
  EXPECT_EQ(lines[8].kind, LineKind::back_matter);
  EXPECT_EQ(lines[9].kind, LineKind::back_matter);
  ASSERT_TRUE(lines[9].date);
  EXPECT_EQ(lines[10].kind, LineKind::back_matter);
  EXPECT_EQ(lines[11].text, "最后一行");  // a lone CR ends a line too
  EXPECT_EQ(lines[11].number, 12);
}

TEST(ImportLines, ChineseDates) {
  ASSERT_TRUE(parse_cn_date("二〇二四年五月二十七日"));
  EXPECT_EQ(format_date(*parse_cn_date("二〇二四年五月二十七日")), "2024-05-27");
  EXPECT_EQ(format_date(*parse_cn_date("2024年 5 月 27 日")), "2024-05-27");
  EXPECT_FALSE(parse_cn_date("2024年2月30日"));
  EXPECT_FALSE(parse_cn_date("2024年5月27日前完成"));
}

}  // namespace
}  // namespace duban::importer
