// find_invalid_utf8 passes ASCII eight bytes and CJK two characters at a
// time and checks E0/ED leads apart: every error must still be reported at
// the offset of the first invalid sequence, wherever it falls in a word.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/utf8.hpp"

namespace duban::text {
namespace {

// The well-formed byte sequences of Unicode's Table 3-7, as the oracle:
// the offset of the first sequence that is not one of them.
std::size_t first_ill_formed(std::string_view s) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned b = byte(i);
    const auto in = [&](std::size_t k, unsigned lo, unsigned hi) {
      return i + k < s.size() && byte(i + k) >= lo && byte(i + k) <= hi;
    };
    std::size_t len = 0;
    if (b <= 0x7F) {
      len = 1;
    } else if (b >= 0xC2 && b <= 0xDF) {
      len = in(1, 0x80, 0xBF) ? 2 : 0;
    } else if (b == 0xE0) {
      len = in(1, 0xA0, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
    } else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
      len = in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
    } else if (b == 0xED) {
      len = in(1, 0x80, 0x9F) && in(2, 0x80, 0xBF) ? 3 : 0;
    } else if (b == 0xF0) {
      len = in(1, 0x90, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
    } else if (b >= 0xF1 && b <= 0xF3) {
      len = in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
    } else if (b == 0xF4) {
      len = in(1, 0x80, 0x8F) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
    }
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string cjk(std::size_t n) {
  std::string s;
  for (std::size_t k = 0; k < n; ++k) s += k % 5 == 4 ? "，" : "督办";
  return s;
}

TEST(Utf8Scan, LongChineseTextIsValid) {
  EXPECT_EQ(find_invalid_utf8(cjk(1000)), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8(cjk(100) + "2024年 ABC\n" + cjk(37) + "\xF0\x9F\x98\x80\xC3\xA9"),
            std::string_view::npos);
  // E0 and ED leads in range: U+0800 and U+D7FF.
  EXPECT_EQ(find_invalid_utf8(cjk(20) + "\xE0\xA0\x80" + cjk(20) + "\xED\x9F\xBF" + cjk(20)), std::string_view::npos);
}

TEST(Utf8Scan, EachErrorIsFoundAtEveryOffset) {
  const std::vector<std::string> errors = {
      "\xE0\x80\x80",  // overlong
      "\xED\xA0\x80",  // surrogate
      "\xE5\x8C",      // cut short before more text
      "\x80",          // stray continuation
      "\xC0\xAF",      // overlong '/'
      "\xF4\x90\x80\x80",  // past U+10FFFF
      "\xFF",
      "\xE5\x41\x41",  // lead without continuation bytes
  };
  for (const std::string& bad : errors) {
    for (std::size_t before = 0; before < 20; ++before) {
      const std::string head = cjk(before) + std::string(before % 3, 'a');
      const std::string s = head + bad + cjk(12);
      EXPECT_EQ(find_invalid_utf8(s), head.size()) << "before " << before << ", error of " << bad.size();
    }
  }
  EXPECT_EQ(find_invalid_utf8(cjk(30) + "\xE5\x8C"), cjk(30).size());  // truncated at the end
}

TEST(Utf8Scan, AgreesWithTheUnicodeTableOnRandomText) {
  const std::vector<std::string> pieces = {"督", "办", "，", "。", "a", "2024", " ", "\n", "é", "\xF0\x9F\x98\x80",
                                           "\xE0\xA0\x80", "\xED\x9F\xBF", "\xE0\x80\x80", "\xED\xA0\x80", "\x80",
                                           "\xC2", "\xE5\x8C", "\xF4\x90\x80\x80", "\xC1\xBF", "\xFE"};
  std::mt19937 rng(11);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) {
      // Mostly valid pieces, so that errors fall deep inside the text.
      const std::size_t pick = rng() % 16 == 0 ? rng() % pieces.size() : rng() % 12;
      s += pieces[pick];
    }
    ASSERT_EQ(find_invalid_utf8(s), first_ill_formed(s)) << round;
  }
}

}  // namespace
}  // namespace duban::text
