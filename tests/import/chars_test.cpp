// The character helpers the importer's scanners call on every byte: their
// word-at-a-time fast paths must give exactly the answers of reading one
// character at a time, at every alignment and on broken UTF-8 too.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "import/chars.hpp"
#include "import/lines.hpp"
#include "import/targets.hpp"

namespace duban::importer {
namespace {

// Strings of `n` ideographs with `piece` inserted after character `at`,
// so that a piece is tried at every offset within the 8-byte words.
std::string cjk_with(std::size_t n, std::size_t at, std::string_view piece) {
  std::string s;
  for (std::size_t k = 0; k < n; ++k) {
    if (k == at) s += piece;
    s += "区";
  }
  if (at >= n) s += piece;
  return s;
}

TEST(ImportChars, HasSpaceFindsEveryWhitespaceAtEveryOffset) {
  for (std::size_t n : {0u, 1u, 2u, 5u, 9u}) {
    EXPECT_FALSE(has_space(cjk_with(n, n + 1, ""))) << n;
    for (std::size_t at = 0; at <= n; ++at) {
      for (std::string_view sp : {" ", "\n", "\t", "\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x82", "\xE2\x80\x8B",
                                  "\xEF\xBB\xBF", "\x01"}) {
        EXPECT_TRUE(has_space(cjk_with(n, at, sp))) << n << " " << at << " " << sp.size();
      }
      // Punctuation that shares leads and second bytes with whitespace.
      for (std::string_view p : {"、", "。", "“", "”", "，", "（", "\xE2\x80\x8C", "\xE3\x80\x81", "abc"}) {
        EXPECT_FALSE(has_space(cjk_with(n, at, p))) << n << " " << at << " " << p;
      }
    }
  }
}

TEST(ImportChars, RepairSpacesJoinsCjkAndCollapsesTheRest) {
  EXPECT_EQ(repair_spaces("区市场监 管局"), "区市场监管局");
  EXPECT_EQ(repair_spaces("区市场监\n\n管局"), "区市场监管局");
  EXPECT_EQ(repair_spaces("  East   Lake\xE3\x80\x80"), "East Lake");
  EXPECT_EQ(repair_spaces("区委 A 组"), "区委A组");
  EXPECT_EQ(repair_spaces("区委办"), "区委办");
  EXPECT_EQ(repair_spaces("中国 2024年"), "中国2024年");
}

TEST(ImportChars, TrimViewTrimsOnlyWhitespace) {
  EXPECT_EQ(trim_view("\xE3\x80\x80区委 \n"), "区委");
  EXPECT_EQ(trim_view("\xEF\xBB\xBF区\xC2\xA0"), "区");
  // 。 ends in 0x82 like U+2002, ） in 0x89 like U+2009: not whitespace.
  EXPECT_EQ(trim_view("区委。"), "区委。");
  EXPECT_EQ(trim_view("（区委）"), "（区委）");
  EXPECT_EQ(trim_view(" \t "), "");
  EXPECT_EQ(trim_view(""), "");
  // A character cut at the end is not whitespace either.
  EXPECT_EQ(trim_view("区\xE3\x80"), "区\xE3\x80");
}

TEST(ImportChars, TrimTrailingRemovesTheGivenCharactersAndSpaces) {
  EXPECT_EQ(trim_trailing("区委办。 。", U"。"), "区委办");
  EXPECT_EQ(trim_trailing("区委办等", U"等、"), "区委办");
  EXPECT_EQ(trim_trailing("区委办", U"。"), "区委办");
}

TEST(ImportChars, CharCountCountsCodePointsOfAnyLength) {
  EXPECT_EQ(char_count(""), 0u);
  EXPECT_EQ(char_count("区委办abc"), 6u);
  EXPECT_EQ(char_count("a\xF0\x9F\x98\x80\xC3\xA9"), 3u);
  // Past one round of 255 words, and not a multiple of 8 bytes.
  std::string long_text;
  for (int k = 0; k < 3001; ++k) long_text += k % 7 == 0 ? "x" : "区";
  EXPECT_EQ(char_count(long_text), 3001u);
  // Stray continuation bytes are not characters.
  EXPECT_EQ(char_count("\x80\x80\xBF"), 0u);
}

TEST(ImportChars, StartsWithLooseSkipsWhitespaceAfterTheFirstCharacter) {
  std::size_t used = 99;
  EXPECT_TRUE(starts_with_loose("牵 头单位：区委办", "牵头单位", used));
  EXPECT_EQ(used, 13u);
  EXPECT_TRUE(starts_with_loose("牵头\xE3\x80\x80单位", "牵头单位", used));
  EXPECT_EQ(used, 15u);
  used = 99;
  EXPECT_FALSE(starts_with_loose(" 牵头单位", "牵头单位", used));
  EXPECT_FALSE(starts_with_loose("牵涉", "牵头", used));
  EXPECT_FALSE(starts_with_loose("牵", "牵头", used));
  EXPECT_FALSE(starts_with_loose("", "牵头", used));
  EXPECT_EQ(used, 99u);
  EXPECT_TRUE(starts_with_loose("抄送：", "", used));
  EXPECT_EQ(used, 0u);
}

TEST(ImportChars, DecodeBeforeReadsTheLastCharacter) {
  std::size_t len = 0;
  EXPECT_EQ(decode_before("a区", 4, len), U'区');
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(decode_before("区a", 4, len), U'a');
  EXPECT_EQ(len, 1u);
  EXPECT_EQ(decode_before("a\xF0\x9F\x98\x80", 5, len), char32_t{0x1F600});
  EXPECT_EQ(len, 4u);
  EXPECT_EQ(decode_before("a\x80\x80", 3, len), char32_t{0xFFFD});
  EXPECT_EQ(len, 1u);
}

TEST(ImportChars, AppendUtf8WritesEveryLength) {
  std::string out = "x";
  append_utf8(out, U'\u00E9');
  append_utf8(out, U"区a\U0001F600");
  EXPECT_EQ(out, "x\xC3\xA9区a\xF0\x9F\x98\x80");
  std::u32string many(40, U'区');
  EXPECT_EQ(to_utf8(many).size(), 120u);
}

// has_space, trim_view and char_count against plain character-at-a-time
// answers, on random valid text where the byte rules and the character
// rules agree.
TEST(ImportChars, FastPathsAgreeWithReadingCharacterByCharacter) {
  const std::vector<std::string> pieces = {"区", "委", "、", "。", "，", "“", "”", "1", "a", " ", "\n",
                                           "\xE3\x80\x80", "\xC2\xA0", "\xEF\xBB\xBF", "\xE2\x80\x83", "é",
                                           "\xF0\x9F\x98\x80", "（", "）"};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    bool space = false;
    std::size_t count = 0;
    std::size_t first = s.size(), last = 0;
    for (std::size_t i = 0; i < s.size();) {
      std::size_t len = 1;
      const bool sp = is_space(decode_at(s, i, len));
      space = space || sp;
      if (!sp) {
        first = std::min(first, i);
        last = i + len;
      }
      ++count;
      i += len;
    }
    EXPECT_EQ(has_space(s), space) << s;
    EXPECT_EQ(char_count(s), count) << s;
    EXPECT_EQ(trim_view(s), first < last ? std::string_view(s).substr(first, last - first) : "") << s;
  }
}

TEST(ImportLines, PageMarkersDatesAndBackMatter) {
  const auto lines = read_lines(
      "一、重点任务\r\n- 3 -\n第 3 页 共 9 页\n（续）\n（一）组织领导\n抄 送：区委办\n二〇二四年三月十八日\n");
  std::vector<LineKind> kinds;
  for (const SourceLine& l : lines) kinds.push_back(l.kind);
  EXPECT_EQ(kinds, (std::vector<LineKind>{LineKind::text, LineKind::page_marker, LineKind::page_marker,
                                          LineKind::page_marker, LineKind::text, LineKind::back_matter,
                                          LineKind::date, LineKind::blank}));
  ASSERT_EQ(lines.size(), 8u);
  ASSERT_TRUE(lines[6].date.has_value());
  EXPECT_EQ(*lines[6].date, (Date{std::chrono::year{2024}, std::chrono::month{3}, std::chrono::day{18}}));
  EXPECT_FALSE(parse_cn_date("区委 2024年3月18日").has_value());
  EXPECT_TRUE(parse_cn_date(" 2024 年 3 月 18 日").has_value());
}

TEST(ImportTargets, TriggersAndUnitsInsideLongRunsOfIdeographs) {
  const auto t = find_targets("统筹安排区级财政帮扶资金，保持区级财政帮扶资金不低于去年水平，全年新引进协作企业不少于5家。");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].op, TargetOp::ge);
  EXPECT_EQ(t[0].baseline, "去年");
  EXPECT_EQ(t[0].metric, "区级财政帮扶资金");
  EXPECT_EQ(t[1].text, "全年新引进协作企业不少于5家");
  EXPECT_EQ(t[1].value, 5.0);
  EXPECT_EQ(t[1].unit, "家");
  EXPECT_EQ(t[1].scope, "全年");
  // A line feed ends a clause, as a comma does.
  const auto broken = find_targets("全年新引进协作企\n业不少于5家");
  ASSERT_EQ(broken.size(), 1u);
  EXPECT_EQ(broken[0].text, "业不少于5家");
  EXPECT_EQ(broken[0].metric, "业");
  EXPECT_TRUE(find_targets("目前上级部门高度重视").empty());
}

}  // namespace
}  // namespace duban::importer
