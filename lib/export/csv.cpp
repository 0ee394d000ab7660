#include "export/csv.hpp"

namespace duban::render {

std::string csv_field(std::string_view s) {
  const bool quote_it = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                        (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote_it) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void csv_row(std::string& out, std::span<const std::string> fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i != 0) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
}

}  // namespace duban::render
