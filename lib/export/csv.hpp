// CSV for spreadsheets, one way for every table the library writes: a UTF-8
// byte-order mark first, RFC 4180 quoting, CRLF line ends.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace duban::render {

// Excel opens a CSV as the local code page (GBK on a Chinese Windows)
// unless it starts with a UTF-8 byte-order mark.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// `s` as one field: quoted (quotes doubled) when it holds a comma, a quote,
// a line break, or spaces at either end that a spreadsheet would drop.
std::string csv_field(std::string_view s);

// The fields joined by commas, then CRLF, appended to `out`.
void csv_row(std::string& out, std::span<const std::string> fields);

}  // namespace duban::render
