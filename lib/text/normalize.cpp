#include "text/normalize.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "duban/error.hpp"

namespace duban::text {
namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000

bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Decodes the code point at s[i] (valid UTF-8 assumed) and its length.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) noexcept {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  len = n > 0 ? static_cast<std::size_t>(n) : 1;
  return n > 0 ? static_cast<char32_t>(cp) : 0xFFFD;
}

bool is_space(char32_t cp) noexcept {
  if (cp < 0x80) return is_ascii_space(static_cast<char>(cp));
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ZS ||
         cp == 0x2028 || cp == 0x2029;
}

// CJK ideographs and CJK punctuation: the characters between which a
// whitespace can only be damage.
bool is_cjk(char32_t cp) noexcept {
  return (cp >= 0x3000 && cp <= 0x303F) ||  // CJK symbols and punctuation
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
         (cp >= 0x20000 && cp <= 0x3134F);
}

}  // namespace

std::string fold_for_match(std::string_view s) {
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  std::string folded;
  if (ascii) {
    folded.assign(s);
  } else {
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                static_cast<utf8proc_ssize_t>(s.size()), &out,
                                static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                               UTF8PROC_COMPAT));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(out, &std::free);
    if (n < 0) {
      throw Error(Errc::encoding, ErrClass::text,
                  std::string("cannot normalise ") + quote(s) + ": " + utf8proc_errmsg(n));
    }
    folded.assign(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  }
  std::string key;
  key.reserve(folded.size());
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t len = 1;
    const char32_t cp = decode(folded, i, len);
    if (!is_space(cp)) key.append(folded, i, len);
    i += len;
  }
  return key;
}

std::string join_broken_cjk(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char32_t last = 0;  // last non-space code point written
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 1;
    char32_t cp = decode(s, i, len);
    if (!is_space(cp)) {
      out.append(s.substr(i, len));
      last = cp;
      i += len;
      continue;
    }
    // A run of whitespace: drop it when CJK stands on both sides.
    const std::size_t run_start = i;
    while (i < s.size()) {
      cp = decode(s, i, len);
      if (!is_space(cp)) break;
      i += len;
    }
    std::size_t next_len = 1;
    const char32_t next = i < s.size() ? decode(s, i, next_len) : 0;
    if (!(is_cjk(last) && is_cjk(next))) out.append(s.substr(run_start, i - run_start));
  }
  return out;
}

std::string_view trim(std::string_view s) noexcept {
  for (;;) {
    if (!s.empty() && is_ascii_space(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with(kIdeographicSpace)) {
      s.remove_prefix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && is_ascii_space(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  return s;
}

}  // namespace duban::text
