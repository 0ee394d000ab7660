// Byte-level shortcuts for the annotation and unit-list scanners, which run
// over every annotation of a 50 MB document. Every label, verb, unit suffix
// and separator they look for is a 3-byte UTF-8 character or ends in one, and
// the text is valid UTF-8 (decode.cpp guarantees it), so comparing raw bytes
// answers "can this word be here?" without decoding, and a character with a
// lead byte E4..E9 (U+4000..U+9FFF, ideographs) is never whitespace, a
// bracket or punctuation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/chars.hpp"

namespace duban::importer {

// Bytes i..i+2 of `s` as one integer, 0 when fewer remain. With a literal it
// names a character in a switch: `case head3("局"):`.
constexpr std::uint32_t bytes3(std::string_view s, std::size_t i) noexcept {
  if (i + 3 > s.size()) return 0;
  return (std::uint32_t{static_cast<unsigned char>(s[i])} << 16) |
         (std::uint32_t{static_cast<unsigned char>(s[i + 1])} << 8) | static_cast<unsigned char>(s[i + 2]);
}

constexpr std::uint32_t head3(std::string_view s) noexcept { return bytes3(s, 0); }

// The last three bytes: `tail3(s) == head3("局")` exactly when `s` ends with 局.
constexpr std::uint32_t tail3(std::string_view s) noexcept { return s.size() < 3 ? 0 : bytes3(s, s.size() - 3); }

constexpr bool ideograph_lead(unsigned char b) noexcept { return b >= 0xE4 && b <= 0xE9; }

// Does `s` end with an ideograph (three bytes behind a lead E4..E9)?
inline bool ends_with_ideograph(std::string_view s) noexcept {
  const std::size_t n = s.size();
  return n >= 3 && ideograph_lead(static_cast<unsigned char>(s[n - 3])) &&
         (static_cast<unsigned char>(s[n - 2]) & 0xC0) == 0x80 && (static_cast<unsigned char>(s[n - 1]) & 0xC0) == 0x80;
}

// trim_trailing for sets of punctuation (no ideograph among `chars`): a
// text that ends with an ideograph has nothing to trim.
inline std::string_view trim_trailing_quick(std::string_view s, std::u32string_view chars) noexcept {
  return ends_with_ideograph(s) ? s : trim_trailing(s, chars);
}

}  // namespace duban::importer
