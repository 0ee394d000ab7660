#include <gtest/gtest.h>

#include "duban/error.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace duban::text {
namespace {

TEST(Utf8Test, AcceptsChineseAndRejectsBrokenSequences) {
  EXPECT_TRUE(is_valid_utf8("区委办；（区）、A"));
  EXPECT_EQ(find_invalid_utf8("ab\xE5\x8C"), 2u);          // truncated 3-byte sequence
  EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);            // overlong '/'
  EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);       // a UTF-16 surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);    // past U+10FFFF
}

TEST(Utf8Test, RequireUtf8NamesWhatAndWhere) {
  try {
    require_utf8("区委\xFF", "unit name");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::encoding);
    EXPECT_STREQ(e.what(), "unit name: not valid UTF-8 at byte 6");
  }
}

TEST(Utf8Test, QuoteCutsOnACharacterBoundary) {
  // 4 characters of 3 bytes; a 7-byte budget must not split the third.
  EXPECT_EQ(quote("区委组织部", 7), "'区委…'");
  EXPECT_EQ(quote("短", 80), "'短'");
}

TEST(NormalizeTest, FoldsWidthAndSpacesButKeepsEnumerationComma) {
  EXPECT_EQ(fold_for_match("区 市场监\n管局"), "区市场监管局");
  EXPECT_EQ(fold_for_match("乡（镇）"), "乡(镇)");
  EXPECT_EQ(fold_for_match("Ａ、Ｂ"), "A、B");
  EXPECT_EQ(fold_for_match("区委办\xE3\x80\x80"), "区委办");
}

TEST(NormalizeTest, JoinsOnlyBreaksBetweenCjk) {
  EXPECT_EQ(join_broken_cjk("销售网\n\n络"), "销售网络");
  EXPECT_EQ(join_broken_cjk("2023年4 月9日"), "2023年4 月9日");  // digit beside: not a CJK pair
  EXPECT_EQ(join_broken_cjk("A B"), "A B");
}

TEST(NormalizeTest, TrimHandlesIdeographicSpace) {
  EXPECT_EQ(trim("\xE3\x80\x80 区委办 \n"), "区委办");
  EXPECT_EQ(trim("   "), "");
}

}  // namespace
}  // namespace duban::text
