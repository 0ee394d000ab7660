// Responsibility annotations in every form of FORMATS.md §2.
#include <gtest/gtest.h>

#include "import/annotation.hpp"

namespace duban::importer {
namespace {

using Pairs = std::vector<std::pair<std::string, Said>>;

Pairs said(std::string_view content) {
  Pairs out;
  for (const Mention& m : parse_annotation(content).mentions) out.emplace_back(m.name, m.said);
  return out;
}

std::vector<std::string> contents(std::string_view paragraph) {
  std::vector<std::string> out;
  for (const Annotation& a : find_annotations(paragraph)) out.push_back(a.content);
  return out;
}

using V = std::vector<std::string>;

TEST(ImportAnnotation, FindsTrailingLabelledBrackets) {
  EXPECT_EQ(contents("加强组织领导。（责任单位：区委办、区政府办公室）"), (V{"责任单位：区委办、区政府办公室"}));
  EXPECT_EQ(contents("加强组织领导。(责任部门:区委组织部)"), (V{"责任部门:区委组织部"}));
  EXPECT_EQ(contents("任务。〔牵头单位：县农业农村局；配合单位：各乡镇（街道）〕"),
            (V{"牵头单位：县农业农村局；配合单位：各乡镇（街道）"}));
  EXPECT_EQ(contents("任务。【责任单位：区财政局】"), (V{"责任单位：区财政局"}));
}

TEST(ImportAnnotation, LeavesProseBracketsAlone) {
  EXPECT_TRUE(contents("巩固乡（镇）村结对成果。巩固深化携手兴乡村成果。").empty());
  EXPECT_TRUE(contents("积极倡导（鼓励）政府机关优先采购帮扶地区产品。").empty());
  EXPECT_TRUE(contents("落实“1名援滇干部（协调员）、1个上海乡村振兴示范村（基层建设先进街道/社区）”的机制").empty());
  EXPECT_TRUE(contents("制定《管理办法（试行）》。").empty());
}

TEST(ImportAnnotation, FindsVerbBracketsAnywhere) {
  EXPECT_EQ(contents("推进园区共建（区发展改革委牵头），完善配套设施。"), (V{"区发展改革委牵头"}));
  EXPECT_EQ(contents("推进。（区发展改革委牵头，区商务委、区财政局配合）"), (V{"区发展改革委牵头，区商务委、区财政局配合"}));
}

TEST(ImportAnnotation, FindsTrailingBracketsOfOnlyDeadlinesOrOnlyUnits) {
  EXPECT_EQ(contents("推进。（2024年6月底前完成）"), (V{"2024年6月底前完成"}));
  EXPECT_EQ(contents("推进。（区发展改革委、区财政局）"), (V{"区发展改革委、区财政局"}));
  EXPECT_TRUE(contents("推进（2024年6月底前完成）工作。").empty());  // not trailing: prose
}

TEST(ImportAnnotation, LabelLinesAndLabelsAfterASentence) {
  auto a = find_annotations("牵 头单位 ：区合作交流办");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_TRUE(a[0].whole_paragraph);
  EXPECT_EQ(a[0].content, "牵头单位：区合作交流办");
  a = find_annotations("稳定务工规模。牵头单位：区人社局责任单位：各街道");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].content, "牵头单位：区人社局责任单位：各街道");
}

TEST(ImportAnnotation, RecoversAMissingClosingBracket) {
  const auto a = find_annotations("推进园区基础设施建设。（责任单位：区发展改革委、区商务委");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_TRUE(a[0].unclosed);
  EXPECT_EQ(a[0].content, "责任单位：区发展改革委、区商务委");
  // A prose bracket left open does not hide the annotation after it.
  const auto b = find_annotations("积极倡导（鼓励政府机关采购。（责任单位：区商务委）");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].content, "责任单位：区商务委");
}

TEST(ImportAnnotation, TwoLabels) {
  EXPECT_EQ(said("牵头单位：区发展改革委；配合单位：区商务委、区财政局"),
            (Pairs{{"区发展改革委", Said::lead}, {"区商务委", Said::support}, {"区财政局", Said::support}}));
  EXPECT_EQ(said("牵头单位：区人社局责任单位：区合作交流办、各街道"),  // run together
            (Pairs{{"区人社局", Said::lead}, {"区合作交流办", Said::responsible_label}, {"各街道", Said::responsible_label}}));
}

TEST(ImportAnnotation, Verbs) {
  EXPECT_EQ(said("区发展改革委牵头，区商务委、区财政局配合"),
            (Pairs{{"区发展改革委", Said::lead}, {"区商务委", Said::support}, {"区财政局", Said::support}}));
  EXPECT_EQ(said("区投资促进局、区商务委牵头，各有关部门按职责分工负责"),
            (Pairs{{"区投资促进局", Said::lead}, {"区商务委", Said::lead}, {"各有关部门", Said::responsible}}));
  EXPECT_EQ(said("区科委牵头负责"), (Pairs{{"区科委", Said::lead}}));
  // The verb reaches back across 等部门， to the start of the run.
  EXPECT_EQ(said("区委组织部、区人社局等部门，各街道按职责分工负责"),
            (Pairs{{"区委组织部", Said::responsible}, {"区人社局", Said::responsible}, {"各街道", Said::responsible}}));
  EXPECT_EQ(said("由区文化旅游局负责，区融媒体中心协助"),
            (Pairs{{"区文化旅游局", Said::responsible}, {"区融媒体中心", Said::support}}));
  EXPECT_EQ(said("区发展改革委牵头区财政局配合"), (Pairs{{"区发展改革委", Said::lead}, {"区财政局", Said::support}}));
}

TEST(ImportAnnotation, ResponsibilityAndDeadlineTogether) {
  const AnnotationContent c = parse_annotation("区合作交流办牵头，区财政局配合，2025年6月底前完成");
  ASSERT_EQ(c.mentions.size(), 2u);
  ASSERT_EQ(c.deadlines.size(), 1u);
  EXPECT_EQ(c.deadlines[0], "2025年6月底前完成");
  const AnnotationContent d = parse_annotation("牵头单位：区商务委；完成时限：年内持续推进");
  ASSERT_EQ(d.deadlines.size(), 1u);
  EXPECT_EQ(d.deadlines[0], "年内持续推进");
}

TEST(ImportAnnotation, PersonsAreNotUnits) {
  const AnnotationContent c = parse_annotation("牵头领导：王某某；牵头单位：区委组织部；责任人：张某某");
  ASSERT_EQ(c.mentions.size(), 1u);
  EXPECT_EQ(c.mentions[0].name, "区委组织部");
  EXPECT_EQ(c.persons, (V{"王某某", "张某某"}));
}

TEST(ImportAnnotation, FirstListedIsLeadNotes) {
  AnnotationContent c = parse_annotation("责任单位：区合作交流办、区委办。列第一位者为牵头单位，下同");
  EXPECT_TRUE(c.first_is_lead);
  EXPECT_TRUE(c.sticky);
  ASSERT_EQ(c.mentions.size(), 2u);  // the note names no unit
  c = parse_annotation("排在第一位的为牵头单位");
  EXPECT_TRUE(c.first_is_lead);
  EXPECT_FALSE(c.sticky);
  EXPECT_TRUE(c.mentions.empty());
  AnnotationContent note;
  EXPECT_TRUE(read_lead_note("各项任务中无牵头单位的，责任单位即为牵头单位。", note));
  EXPECT_TRUE(note.responsible_is_lead);
  EXPECT_EQ(contents("任务。（列第一位者为牵头单位，下同）"), (V{"列第一位者为牵头单位，下同"}));
}

TEST(ImportAnnotation, TableCellsTakeTheirColumnsRole) {
  AnnotationContent c = parse_units("区发展改革委、区商务委", Said::lead);
  ASSERT_EQ(c.mentions.size(), 2u);
  EXPECT_EQ(c.mentions[1].said, Said::lead);
  c = parse_units("区商务委牵头，各街道配合", Said::responsible_label);
  ASSERT_EQ(c.mentions.size(), 2u);
  EXPECT_EQ(c.mentions[0].said, Said::lead);
  EXPECT_EQ(c.mentions[1].said, Said::support);
}

}  // namespace
}  // namespace duban::importer
