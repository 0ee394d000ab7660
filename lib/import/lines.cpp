#include "import/lines.hpp"

#include <array>
#include <cstring>

#include "import/chars.hpp"
#include "import/numbering.hpp"

namespace duban::importer {
namespace {

bool is_dash(char32_t c) {
  return c == '-' || c == 0x2014 || c == 0x2013 || c == 0xFF0D || c == '_' || c == '~' || c == 0xFF5E ||
         c == 0x2212 || c == 0x00B7 || c == 0x30FB || c == 0x2500;
}

// Calls f(cp) for each character of `s` that is not whitespace, full-width
// digits read as ASCII ones, until f returns false: the form in which page
// markers and dates are matched.
template <class F>
void for_each_compact(std::string_view s, F&& f) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    char32_t cp = decode_at(s, i, len);
    i += len;
    if (is_space(cp)) continue;
    if (const int d = digit_value(cp); d >= 0) cp = static_cast<char32_t>('0' + d);
    if (!f(cp)) return;
  }
}

// The first character as for_each_compact() gives it; 0 when there is none.
char32_t first_char(std::string_view s) {
  char32_t first = 0;
  for_each_compact(s, [&](char32_t cp) {
    first = cp;
    return false;
  });
  return first;
}

// - 3 -, —3—, 第3页, 第 3 页 共 9 页, 3/9, [接上页], 12 (a page number alone).
bool is_page_marker(std::string_view s) {
  if (s.empty() || s.size() > 60) return false;
  // Every form begins with one of these: most lines are settled here.
  const char32_t first = first_char(s);
  if (!(is_dash(first) || (first >= '0' && first <= '9') || first == '[' || first == '(' || first == U'【' ||
        first == U'（' || first == U'接' || first == U'续' || first == U'第' || first == U'共')) {
    return false;
  }
  // At most 60 bytes, so at most 60 code points: no allocation per line.
  std::array<char32_t, 60> buf{};
  std::size_t size = 0;
  for_each_compact(s, [&](char32_t cp) {
    buf[size++] = cp;
    return true;
  });
  const std::u32string_view c(buf.data(), size);
  if (c.empty()) return false;
  static constexpr std::u32string_view kContinued[] = {U"[接上页]", U"【接上页】", U"（接上页）", U"(接上页)",
                                                       U"接上页",   U"（续上页）", U"（续）",     U"(续)",
                                                       U"续表",     U"[续表]"};
  for (std::u32string_view w : kContinued) {
    if (c == w) return true;
  }
  std::size_t i = 0;
  std::size_t dashes = 0;
  while (i < c.size() && is_dash(c[i])) ++i, ++dashes;
  const std::size_t digits_start = i;
  while (i < c.size() && c[i] >= '0' && c[i] <= '9') ++i;
  const std::size_t digits = i - digits_start;
  if (digits > 0 && digits <= 4) {
    std::size_t j = i;
    while (j < c.size() && is_dash(c[j])) ++j, ++dashes;
    if (j == c.size()) return true;  // "12", "- 3 -"
    if (c[j] == '/' && j + 1 < c.size()) {
      std::size_t k = j + 1;
      while (k < c.size() && c[k] >= '0' && c[k] <= '9') ++k;
      if (k == c.size()) return true;  // 3/9
    }
  }
  // 第3页, 第3页共9页, 共9页第3页
  const auto page_phrase = [&](std::size_t& k) {
    if (k >= c.size() || (c[k] != U'第' && c[k] != U'共')) return false;
    ++k;
    const std::size_t d0 = k;
    while (k < c.size() && c[k] >= '0' && c[k] <= '9') ++k;
    if (k == d0 || k >= c.size() || c[k] != U'页') return false;
    ++k;
    return true;
  };
  std::size_t k = 0;
  if (page_phrase(k)) {
    if (k == c.size()) return true;
    if (page_phrase(k) && k == c.size()) return true;
  }
  return false;
}

bool is_back_matter(std::string_view s) {
  static constexpr std::string_view kOpenings[] = {"抄送",     "主题词",   "关键词",   "（此件", "(此件",
                                                   "联系人：", "联系人:", "（联系人", "印发：", "分送："};
  for (std::string_view w : kOpenings) {
    std::size_t used = 0;
    if (starts_with_loose(s, w, used)) return true;
  }
  // 临江区人民政府合作交流办公室 2025年3月18日印发
  const std::string_view t = trim_trailing(s, U"。");
  return t.ends_with("印发") && find_cn_date(t).has_value();
}

int cn_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': case U'○': case U'О': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

// A number at c[i]: arabic digits, or Chinese numerals (二〇二四, 十二, 二十七).
std::optional<int> number_at(const std::u32string& c, std::size_t& i, bool year) {
  const std::size_t start = i;
  int v = 0;
  while (i < c.size() && c[i] >= '0' && c[i] <= '9' && i - start < 4) v = v * 10 + int(c[i++] - '0');
  if (i > start) return v;
  if (year) {
    while (i < c.size() && cn_digit(c[i]) >= 0 && i - start < 4) v = v * 10 + cn_digit(c[i++]);
    if (i - start == 4) return v;
    i = start;
    return std::nullopt;
  }
  int total = 0;
  int cur = -1;
  while (i < c.size() && i - start < 3) {
    if (c[i] == U'十') {
      total += (cur < 0 ? 1 : cur) * 10;
      cur = -1;
    } else if (const int d = cn_digit(c[i]); d > 0) {
      if (cur >= 0) break;
      cur = d;
    } else {
      break;
    }
    ++i;
  }
  if (i == start) return std::nullopt;
  if (cur > 0) total += cur;
  return total;
}

std::u32string compact(std::string_view s) {
  std::u32string c;
  for_each_compact(s, [&](char32_t cp) {
    c += cp;
    return true;
  });
  return c;
}

// Reads Y年M月D日 at c[i]; advances i past 日.
std::optional<Date> date_at(const std::u32string& c, std::size_t& i) {
  std::size_t j = i;
  const auto y = number_at(c, j, true);
  if (!y || *y < 1900 || *y > 2200 || j >= c.size() || c[j] != U'年') return std::nullopt;
  ++j;
  const auto m = number_at(c, j, false);
  if (!m || j >= c.size() || c[j] != U'月') return std::nullopt;
  ++j;
  const auto d = number_at(c, j, false);
  if (!d || j >= c.size() || (c[j] != U'日' && c[j] != U'号')) return std::nullopt;
  ++j;
  const Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                  std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  i = j;
  return date;
}

bool is_signature_like(const SourceLine& l) {
  if (l.kind != LineKind::text || char_count(l.text) > 30 || read_marker(l.text)) return false;
  for (std::size_t i = 0; i < l.text.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(l.text, i, len);
    if (is_clause_break(cp) || cp == U'、' || bracket_kind(cp) != 0) return false;
    i += len;
  }
  return true;
}

// A date begins with a year in digits or Chinese numerals: a cheap test
// before the text is compacted.
bool could_be_date(std::string_view s) {
  const char32_t first = first_char(s);
  return (first >= '0' && first <= '9') || cn_digit(first) >= 0;
}

}  // namespace

std::optional<Date> parse_cn_date(std::string_view s) {
  if (!could_be_date(s)) return std::nullopt;
  const std::u32string c = compact(s);
  std::size_t i = 0;
  const auto d = date_at(c, i);
  if (!d || i != c.size()) return std::nullopt;
  return d;
}

std::optional<Date> find_cn_date(std::string_view s) {
  const std::u32string c = compact(s);
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (!(c[i] >= '0' && c[i] <= '9') && cn_digit(c[i]) < 0) continue;
    std::size_t j = i;
    if (const auto d = date_at(c, j)) return d;
  }
  return std::nullopt;
}

std::vector<SourceLine> read_lines(std::string_view text) {
  std::vector<SourceLine> lines;
  lines.reserve(text.size() / 64 + 1);
  int number = 0;
  std::size_t pos = 0;
  // Most files have no CR at all: then no line needs searching for one.
  const bool any_cr = text.find('\r') != std::string_view::npos;
  while (pos <= text.size()) {
    const char* base = text.data() + pos;
    const std::size_t left = text.size() - pos;
    const void* nl = left > 0 ? std::memchr(base, '\n', left) : nullptr;
    std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    std::string_view raw = text.substr(pos, end - pos);
    // A lone CR also ends a line (old Mac files); CRLF leaves a CR to trim.
    const std::size_t cr = any_cr ? raw.find('\r') : std::string_view::npos;
    if (cr != std::string_view::npos && cr + 1 < raw.size()) {
      end = pos + cr;
      raw = text.substr(pos, cr);
      pos = end + 1;
    } else {
      pos = end + 1;
    }
    ++number;
    SourceLine l;
    l.text = trim_view(raw);
    l.number = number;
    if (l.text.empty()) {
      l.kind = LineKind::blank;
    } else if (is_page_marker(l.text)) {
      l.kind = LineKind::page_marker;
    } else if (is_back_matter(l.text)) {
      l.kind = LineKind::back_matter;
      l.date = find_cn_date(l.text);
    } else if (const auto d = could_be_date(l.text) && char_count(l.text) <= 20  // the cheaper test first
                                  ? parse_cn_date(l.text)
                                  : std::nullopt) {
      l.kind = LineKind::date;
      l.date = d;
    }
    lines.push_back(l);
    if (!nl && cr == std::string_view::npos) break;
  }
  // The signature: up to three short lines right above a date line.
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind != LineKind::date) continue;
    std::size_t j = i;
    int taken = 0;
    while (j > 0 && taken < 3) {
      --j;
      if (lines[j].kind == LineKind::blank) continue;
      if (!is_signature_like(lines[j])) break;
      lines[j].kind = LineKind::signature;
      ++taken;
    }
  }
  return lines;
}

}  // namespace duban::importer
