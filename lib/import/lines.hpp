// The lines of a document, each told apart before any structure is read:
// text, blank, page furniture (- 3 -, [接上页]), back matter (抄送, 印发,
// 主题词, 此件公开发布), a date standing alone (the issue date) and the
// signature lines just above it.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "duban/deadline.hpp"

namespace duban::importer {

enum class LineKind { text, blank, page_marker, back_matter, date, signature };

struct SourceLine {
  std::string_view text;  // trimmed
  int number = 0;         // 1-based
  LineKind kind = LineKind::text;
  std::optional<Date> date;  // for `date` lines and 印发 lines
};

// Splits on LF, CRLF or CR, trims each line, and classifies it.
std::vector<SourceLine> read_lines(std::string_view text);

// 2024年5月27日 or 二〇二四年五月二十七日, whitespace allowed; the whole of `s`.
std::optional<Date> parse_cn_date(std::string_view s);

// The first date (YYYY年M月D日) inside `s`.
std::optional<Date> find_cn_date(std::string_view s);

}  // namespace duban::importer
