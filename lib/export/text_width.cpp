#include "export/text_width.hpp"

#include <utf8proc.h>

namespace duban::render {
namespace {

// Width of the code point at s[i] and its byte length; a malformed byte
// counts as one column so a bad string still aligns roughly.
std::size_t next(std::string_view s, std::size_t i, std::size_t& len) noexcept {
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    len = 1;
    return 1;
  }
  len = static_cast<std::size_t>(n);
  const int w = utf8proc_charwidth(cp);
  return w > 0 ? static_cast<std::size_t>(w) : 0;
}

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …, one column

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    width += next(s, i, len);
    i += len;
  }
  return width;
}

std::string fit_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return {};
  // Leave one column for the ellipsis.
  std::string out;
  std::size_t used = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const std::size_t w = next(s, i, len);
    if (used + w > width - 1) break;
    out.append(s.substr(i, len));
    used += w;
    i += len;
  }
  out += kEllipsis;
  return out;
}

std::string pad_to_width(std::string_view s, std::size_t width) {
  std::string out(s);
  const std::size_t w = display_width(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::vector<std::string> wrap_width(std::string_view s, std::size_t width, std::size_t max_lines) {
  std::vector<std::string> lines;
  if (width == 0 || max_lines == 0) return lines;
  std::size_t i = 0;
  while (i < s.size() && lines.size() + 1 < max_lines) {
    std::string line;
    std::size_t used = 0;
    while (i < s.size()) {
      std::size_t len = 1;
      const std::size_t w = next(s, i, len);
      if (used + w > width && !line.empty()) break;
      line.append(s.substr(i, len));
      used += w;
      i += len;
    }
    lines.push_back(std::move(line));
  }
  if (i < s.size()) lines.push_back(fit_width(s.substr(i), width));
  return lines;
}

}  // namespace duban::render
