#include "import/numbering.hpp"

#include "import/chars.hpp"

namespace duban::importer {
namespace {

int cn_digit(char32_t c) noexcept {
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': return 10000;
    default: return -1;
  }
}

// Reads a run of Chinese numeral characters at s[i]; advances i.
std::optional<int> read_cn(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  std::size_t count = 0;
  while (i < s.size() && count < 12) {
    std::size_t len = 1;
    if (cn_digit(decode_at(s, i, len)) < 0) break;
    i += len;
    ++count;
  }
  if (count == 0) return std::nullopt;
  return chinese_number(s.substr(start, i - start));
}

std::optional<int> read_arabic(std::string_view s, std::size_t& i, int max_digits) {
  int value = 0;
  int n = 0;
  while (i < s.size()) {
    std::size_t len = 1;
    const int d = digit_value(decode_at(s, i, len));
    if (d < 0) break;
    if (++n > max_digits) return std::nullopt;
    value = value * 10 + d;
    i += len;
  }
  if (n == 0) return std::nullopt;
  return value;
}

char32_t peek(std::string_view s, std::size_t i, std::size_t& len) {
  if (i >= s.size()) {
    len = 0;
    return 0;
  }
  return decode_at(s, i, len);
}

void skip_spaces(std::string_view s, std::size_t& i) {
  while (i < s.size()) {
    std::size_t len = 1;
    if (!is_space(decode_at(s, i, len))) break;
    i += len;
  }
}

bool is_open_paren(char32_t c) { return c == '(' || c == 0xFF08; }
bool is_close_paren(char32_t c) { return c == ')' || c == 0xFF09; }

}  // namespace

std::optional<int> chinese_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int total = 0;    // completed 万 groups
  int section = 0;  // below 万
  int current = -1; // pending digit
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const int d = cn_digit(decode_at(s, i, len));
    i += len;
    if (d < 0) return std::nullopt;
    if (d == 10000) {
      section += current > 0 ? current : 0;
      total += (section == 0 ? 1 : section) * 10000;
      section = 0;
      current = -1;
    } else if (d >= 10) {
      section += (current < 0 ? 1 : current) * d;
      current = -1;
    } else if (d == 0) {
      current = -1;
    } else {
      if (current >= 0) return std::nullopt;  // 一二: not a number
      current = d;
    }
  }
  if (current > 0) section += current;
  total += section;
  if (total <= 0 || total > 99999) return std::nullopt;
  return total;
}

std::optional<Marker> read_marker(std::string_view line) {
  if (line.empty()) return std::nullopt;
  std::size_t len = 0;
  const char32_t first = peek(line, 0, len);
  Marker m;

  // 第一部分 / 第一章 / 第一节
  if (first == U'第') {
    std::size_t i = len;
    const auto v = read_cn(line, i);
    if (!v) return std::nullopt;
    const std::string_view tail = line.substr(i);
    for (std::string_view w : {std::string_view("部分"), std::string_view("章"), std::string_view("节")}) {
      if (tail.starts_with(w)) {
        m.style = NumberStyle::part;
        m.value = *v;
        m.printed = std::string(line.substr(0, i + w.size()));
        i += w.size();
        skip_spaces(line, i);
        std::size_t sl = 0;
        const char32_t sep = peek(line, i, sl);
        if (sep == U'、' || sep == U'：' || sep == ':') i += sl;
        skip_spaces(line, i);
        m.rest = i;
        return m;
      }
    }
    return std::nullopt;
  }

  // （一） （1）
  if (is_open_paren(first)) {
    std::size_t i = len;
    skip_spaces(line, i);
    std::optional<int> v;
    NumberStyle style = NumberStyle::cn_paren;
    std::size_t j = i;
    if ((v = read_cn(line, j))) {
      style = NumberStyle::cn_paren;
    } else if ((v = read_arabic(line, j = i, 5))) {
      style = NumberStyle::arabic_paren;
    } else {
      return std::nullopt;
    }
    skip_spaces(line, j);
    std::size_t cl = 0;
    if (!is_close_paren(peek(line, j, cl))) return std::nullopt;
    j += cl;
    m.style = style;
    m.value = *v;
    m.printed = std::string(line.substr(0, j));
    skip_spaces(line, j);
    m.rest = j;
    return m;
  }

  // ① … ⑳ and ⑴ … ⒇
  if (first >= 0x2460 && first <= 0x2473) {
    m.style = NumberStyle::circled;
    m.value = static_cast<int>(first - 0x2460) + 1;
    m.printed = std::string(line.substr(0, len));
    std::size_t j = len;
    skip_spaces(line, j);
    m.rest = j;
    return m;
  }
  if (first >= 0x2474 && first <= 0x2487) {
    m.style = NumberStyle::arabic_paren;
    m.value = static_cast<int>(first - 0x2474) + 1;
    m.printed = std::string(line.substr(0, len));
    std::size_t j = len;
    skip_spaces(line, j);
    m.rest = j;
    return m;
  }

  // 一、
  if (cn_digit(first) >= 0) {
    std::size_t i = 0;
    const auto v = read_cn(line, i);
    if (!v) return std::nullopt;
    const std::size_t end = i;
    skip_spaces(line, i);
    std::size_t sl = 0;
    const char32_t sep = peek(line, i, sl);
    if (sep != U'、' && sep != 0xFF0E && sep != '.') return std::nullopt;
    m.style = NumberStyle::cn_comma;
    m.value = *v;
    m.printed = std::string(line.substr(0, end));
    i += sl;
    skip_spaces(line, i);
    m.rest = i;
    return m;
  }

  // 1. 1． 1、 1 . 1）
  if (digit_value(first) >= 0) {
    std::size_t i = 0;
    const auto v = read_arabic(line, i, 5);
    if (!v) return std::nullopt;
    const std::size_t end = i;
    skip_spaces(line, i);
    std::size_t sl = 0;
    const char32_t sep = peek(line, i, sl);
    if (is_close_paren(sep)) {
      m.style = NumberStyle::arabic_half;
      m.printed = std::string(line.substr(0, i + sl));
    } else if (sep == '.' || sep == 0xFF0E || sep == U'、') {
      m.style = NumberStyle::arabic_dot;
      m.printed = std::string(line.substr(0, end));
    } else {
      return std::nullopt;
    }
    i += sl;
    // 1.5亿元 at a line start is a number, not an item.
    std::size_t nl = 0;
    if (digit_value(peek(line, i, nl)) >= 0) return std::nullopt;
    m.value = *v;
    skip_spaces(line, i);
    m.rest = i;
    return m;
  }
  return std::nullopt;
}

}  // namespace duban::importer
