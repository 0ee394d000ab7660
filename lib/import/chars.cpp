#include "import/chars.hpp"

namespace duban::importer {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// By bytes: most names and labels have no whitespace and skip the repair.
bool has_space(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b <= 0x20) return true;
    if (b < 0xC2 || i + 1 >= s.size()) continue;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b == 0xC2 && b1 == 0xA0) return true;
    if (i + 2 >= s.size()) continue;
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b == 0xE2 && b1 == 0x80 && b2 <= 0x8B) || (b == 0xE3 && b1 == 0x80 && b2 == 0x80) ||
        (b == 0xEF && b1 == 0xBB && b2 == 0xBF)) {
      return true;
    }
  }
  return false;
}

std::string repair_spaces(std::string_view s) {
  if (!has_space(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  char32_t last = 0;  // last non-space code point written
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 1;
    char32_t cp = decode_at(s, i, len);
    if (!is_space(cp)) {
      out.append(s.data() + i, len);
      last = cp;
      i += len;
      continue;
    }
    while (i < s.size()) {
      cp = decode_at(s, i, len);
      if (!is_space(cp)) break;
      i += len;
    }
    if (last == 0 || i >= s.size()) continue;  // leading or trailing run
    std::size_t next_len = 1;
    const char32_t next = decode_at(s, i, next_len);
    if (!(is_cjk(last) || is_cjk(next))) out += ' ';
  }
  return out;
}

std::string_view trim_view(std::string_view s) noexcept {
  while (!s.empty()) {
    std::size_t len = 1;
    if (!is_space(decode_at(s, 0, len))) break;
    s.remove_prefix(len);
  }
  while (!s.empty()) {
    std::size_t len = 1;
    if (!is_space(decode_before(s, s.size(), len))) break;
    s.remove_suffix(len);
  }
  return s;
}

std::string_view trim_trailing(std::string_view s, std::u32string_view chars) noexcept {
  while (!s.empty()) {
    std::size_t len = 1;
    const char32_t cp = decode_before(s, s.size(), len);
    if (chars.find(cp) == std::u32string_view::npos && !is_space(cp)) break;
    s.remove_suffix(len);
  }
  return s;
}

std::size_t char_count(std::string_view s) noexcept {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool starts_with_loose(std::string_view s, std::string_view word, std::size_t& consumed) noexcept {
  std::size_t i = 0;
  std::size_t w = 0;
  while (w < word.size()) {
    if (i >= s.size()) return false;
    std::size_t len = 1;
    const char32_t cp = decode_at(s, i, len);
    if (is_space(cp) && w > 0) {
      i += len;
      continue;
    }
    if (s.compare(i, len, word.substr(w, len)) != 0) return false;
    i += len;
    w += len;
  }
  consumed = i;
  return true;
}

}  // namespace duban::importer
