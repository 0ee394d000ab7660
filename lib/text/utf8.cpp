#include "text/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "duban/error.hpp"
#include "text/words.hpp"

namespace duban::text {
namespace {

// Length of the valid sequence starting at s[i], or 0 when it is invalid.
std::size_t sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// The first sequence that is invalid once three-byte sequences are judged
// by their shape alone: runs of ASCII are passed eight bytes at a time and
// CJK characters two at a time. Every other sequence is checked in full.
std::size_t find_invalid_shape(std::string_view s) noexcept {
  std::size_t i = 0;
  if constexpr (words::kLittleEndian) {
    // 14 bytes: two loads of two three-byte sequences each.
    while (s.size() - i >= 14) {
      const std::uint64_t w = words::load(s.data() + i);
      if (words::two_triples(w)) {
        i += words::two_triples(words::load(s.data() + i + 6)) ? 12 : 6;
        continue;
      }
      if (words::all_ascii(w)) {
        i += 8;
        continue;
      }
      if (words::one_triple(w)) {
        i += 3;
        continue;
      }
      if ((w & 0x80) == 0) {  // ASCII up to a sequence in this word
        i += words::ascii_prefix(w);
        continue;
      }
      const std::size_t n = sequence_length(s, i);
      if (n == 0) return i;
      i += n;
    }
  }
  while (i < s.size()) {
    const std::size_t n = sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

// The first sequence led by `lead` before `end` that is invalid. Only E0
// (overlongs) and ED (surrogates) leads can be invalid in a sequence of the
// right shape, and both are rare in Chinese text, so memchr finds them.
std::size_t find_invalid_lead(std::string_view s, char lead, std::size_t end) noexcept {
  for (std::size_t x = s.find(lead); x < end; x = s.find(lead, x + 1)) {
    if (sequence_length(s, x) == 0) return x;
  }
  return std::string_view::npos;
}

}  // namespace

// Before the first shape error every E0 and ED byte leads a sequence (they are
// neither ASCII nor continuation bytes), so the first invalid sequence is the
// first shape error or an earlier E0/ED sequence out of range.
std::size_t find_invalid_utf8(std::string_view s) noexcept {
  std::size_t bad = find_invalid_shape(s);
  bad = std::min(bad, find_invalid_lead(s, '\xE0', bad));
  return std::min(bad, find_invalid_lead(s, '\xED', bad));
}

std::string_view valid_prefix(std::string_view s) noexcept {
  const std::size_t bad = find_invalid_utf8(s);
  return bad == std::string_view::npos ? s : s.substr(0, bad);
}

void require_utf8(std::string_view s, std::string_view what) {
  const std::size_t bad = find_invalid_utf8(s);
  if (bad != std::string_view::npos) {
    throw Error(Errc::encoding, ErrClass::text,
                std::string(what) + ": not valid UTF-8 at byte " + std::to_string(bad));
  }
}

}  // namespace duban::text
