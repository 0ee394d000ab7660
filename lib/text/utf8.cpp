#include "text/utf8.hpp"

#include <string>

#include "duban/error.hpp"

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

}  // namespace

std::size_t find_invalid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    // Fast path over ASCII runs: most of a plan's bytes are not, but
    // JSON punctuation, digits and dates are.
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
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
