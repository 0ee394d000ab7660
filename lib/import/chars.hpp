// Code-point level helpers for the importer's scanners. Input is valid UTF-8
// (decode.cpp guarantees it), so decoding needs no error paths beyond a
// replacement for the impossible case. Everything here is inline because the
// scanners call it once per character of a 50 MB document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace duban::importer {

// The code point at s[i] and its length in bytes (1 for a stray byte).
inline char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    len = 1;
    return b0;
  }
  const std::size_t n = s.size() - i;
  if ((b0 & 0xE0) == 0xC0 && n >= 2) {
    len = 2;
    return (char32_t(b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
  }
  if ((b0 & 0xF0) == 0xE0 && n >= 3) {
    len = 3;
    return (char32_t(b0 & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3F);
  }
  if ((b0 & 0xF8) == 0xF0 && n >= 4) {
    len = 4;
    return (char32_t(b0 & 0x07) << 18) | (char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12) |
           (char32_t(static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 3]) & 0x3F);
  }
  len = 1;
  return 0xFFFD;
}

// The code point that ends just before byte `end`, and its length.
inline char32_t decode_before(std::string_view s, std::size_t end, std::size_t& len) noexcept {
  // ASCII and well-formed three-byte sequences, which are nearly all of a
  // plan, decode here without the walk back below.
  if (end > 0 && static_cast<unsigned char>(s[end - 1]) < 0x80) {
    len = 1;
    return static_cast<unsigned char>(s[end - 1]);
  }
  if (end >= 3 && (static_cast<unsigned char>(s[end - 3]) & 0xF0) == 0xE0 &&
      (static_cast<unsigned char>(s[end - 2]) & 0xC0) == 0x80 &&
      (static_cast<unsigned char>(s[end - 1]) & 0xC0) == 0x80) {
    return decode_at(s, end - 3, len);
  }
  std::size_t start = end;
  while (start > 0 && end - start < 4) {
    --start;
    if ((static_cast<unsigned char>(s[start]) & 0xC0) != 0x80) break;
  }
  const char32_t cp = decode_at(s, start, len);
  if (start + len != end) {
    len = 1;
    return 0xFFFD;
  }
  return cp;
}

// Writes the UTF-8 form of `cp` (at most 4 bytes) to `out`; returns its length.
inline std::size_t encode_utf8(char32_t cp, char* out) noexcept {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

inline void append_utf8(std::string& out, char32_t cp) {
  char buf[4];
  out.append(buf, encode_utf8(cp, buf));
}

// `s` in UTF-8 after `out`, appended in pieces rather than character by
// character.
void append_utf8(std::string& out, std::u32string_view s);

inline std::string to_utf8(std::u32string_view s) {
  std::string out;
  append_utf8(out, s);
  return out;
}

inline bool is_space(char32_t c) noexcept {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');  // \t \n \v \f \r
  return c == 0x3000 || c == 0xA0 || c == 0x2002 || c == 0x2003 || c == 0x2009 || c == 0x200B || c == 0xFEFF;
}

// Can a character that decode_at() reads as whitespace begin with byte `c`?
// Besides the true leads (ASCII, C2 for U+00A0, E2 for U+2002…, E3 for
// U+3000, EF for U+FEFF), decode_at() also reads the overlong forms led by
// C0, E0 and F0 as the code points they spell. False settles it without
// decoding.
inline bool may_begin_space(char c) noexcept {
  const auto b = static_cast<unsigned char>(c);
  return b <= 0x20 || b == 0xC0 || b == 0xC2 || b == 0xE0 || b == 0xE2 || b == 0xE3 || b == 0xEF || b == 0xF0;
}

// Can a character that decode_before() reads as whitespace end with byte
// `c`? An ASCII space, or a continuation byte with the low six bits of one:
// 0x00 (U+3000), 0x02, 0x03, 0x09, 0x0B (U+2002/3/9/B), 0x09-0x0D and 0x20
// (overlong ASCII, U+00A0), 0x3F (U+FEFF).
inline bool may_end_space(char c) noexcept {
  constexpr std::uint64_t kLowBits = (1ULL << 0x00) | (1ULL << 0x02) | (1ULL << 0x03) | (0x1FULL << 0x09) |
                                     (1ULL << 0x20) | (1ULL << 0x3F);
  const auto b = static_cast<unsigned char>(c);
  return b <= 0x20 || ((b & 0xC0) == 0x80 && ((kLowBits >> (b & 0x3F)) & 1) != 0);
}

// Ideographs and CJK punctuation (full-width forms included): characters
// between which whitespace can only be damage.
inline bool is_cjk(char32_t c) noexcept {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3134F) ||
         c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2014 || c == 0x2026;
}

inline bool is_ideograph(char32_t c) noexcept {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F) || c == 0x3007;
}

// A digit 0-9 in ASCII or full width, as its value; -1 otherwise.
inline int digit_value(char32_t c) noexcept {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);
  return -1;
}

// Brackets that enclose an annotation or a nested part of a name. Returns
// +1 for an opener, -1 for a closer, 0 otherwise. Angle brackets count only
// inside unit lists (`angles`), where 各县<市、区> uses them as parentheses.
inline int bracket_kind(char32_t c, bool angles = false) noexcept {
  switch (c) {
    case '(': case 0xFF08: case 0x3014: case '[': case 0xFF3B: case 0x3010: case 0x3016:
      return 1;
    case ')': case 0xFF09: case 0x3015: case ']': case 0xFF3D: case 0x3011: case 0x3017:
      return -1;
    case '<': case 0x3008: case 0x300A: case 0xFF1C:
      return angles ? 1 : 0;
    case '>': case 0x3009: case 0x300B: case 0xFF1E:
      return angles ? -1 : 0;
    default:
      return 0;
  }
}

// Punctuation after which a paragraph may end: a line that ends with one of
// these is complete; a line that ends otherwise was broken mid-sentence.
inline bool is_terminal(char32_t c) noexcept {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '!' || c == '?' || c == ';' ||
         c == '.' || c == 0xFF0E || bracket_kind(c) < 0;
}

// Separators of a clause inside a sentence or an annotation: ，；。：
inline bool is_clause_break(char32_t c) noexcept {
  return c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == 0x3002 || c == 0xFF1A || c == ':' ||
         c == 0xFF01 || c == 0xFF1F;
}

inline bool is_colon(char32_t c) noexcept { return c == 0xFF1A || c == ':'; }

// Whitespace removed where CJK stands on both sides (区市场监 管局 →
// 区市场监管局), runs elsewhere collapsed to one space, ends trimmed. The
// repair for names, titles and labels broken across lines or pages.
std::string repair_spaces(std::string_view s);

// Does `s` hold any whitespace is_space() knows? (Most names do not.)
bool has_space(std::string_view s) noexcept;

// trim_view() once an end may be whitespace.
std::string_view trim_spaces(std::string_view s) noexcept;

// ASCII and ideographic whitespace trimmed from both ends. Inline because
// most of the strings it is given have nothing to trim.
inline std::string_view trim_view(std::string_view s) noexcept {
  if (s.empty()) return s;
  std::size_t len = 1;
  if (!may_begin_space(s.front()) && (!may_end_space(s.back()) || !is_space(decode_before(s, s.size(), len)))) {
    return s;
  }
  return trim_spaces(s);
}

// Trailing characters in `chars` (code points) removed repeatedly.
std::string_view trim_trailing(std::string_view s, std::u32string_view chars) noexcept;

// Number of code points.
std::size_t char_count(std::string_view s) noexcept;

// All of starts_with_loose(), for when the first bytes match.
bool continues_loose(std::string_view s, std::string_view word, std::size_t& consumed) noexcept;

// True when `s` begins with `word` once whitespace inside `s` is skipped
// (牵 头单位 begins with 牵头单位); `consumed` gets the bytes of `s` used.
// The first character is never skipped, so a different first byte settles
// it inline: the usual answer when callers try one word after another.
inline bool starts_with_loose(std::string_view s, std::string_view word, std::size_t& consumed) noexcept {
  if (!word.empty() && (s.empty() || s.front() != word.front())) return false;
  return continues_loose(s, word, consumed);
}

}  // namespace duban::importer
