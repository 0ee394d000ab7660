// UTF-8 checks shared by every layer that takes text from outside.
#pragma once

#include <cstddef>
#include <string_view>

namespace duban::text {

// Byte offset of the first invalid sequence, or npos when `s` is valid UTF-8
// (overlongs, surrogates and code points past U+10FFFF are invalid).
std::size_t find_invalid_utf8(std::string_view s) noexcept;
inline bool is_valid_utf8(std::string_view s) noexcept {
  return find_invalid_utf8(s) == std::string_view::npos;
}

// The longest prefix of `s` that is valid UTF-8 and ends on a character
// boundary: for cutting quoted input without splitting a character.
std::string_view valid_prefix(std::string_view s) noexcept;

// Throws Errc::encoding naming `what` and the byte offset when `s` is not UTF-8.
void require_utf8(std::string_view s, std::string_view what);

}  // namespace duban::text
