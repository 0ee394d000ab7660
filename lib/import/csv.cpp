// CSV as spreadsheet programs write it: quoted fields with "" escapes and
// line breaks inside, CRLF or LF, comma, tab or semicolon separated.
#include "import/decode.hpp"
#include "import/table.hpp"

namespace duban::importer {
namespace {

// The separator the first records use most (outside quotes); a title line
// above the header may have none.
char sniff_separator(std::string_view text) {
  std::size_t comma = 0, tab = 0, semi = 0;
  bool quoted = false;
  int lines = 0;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' && ++lines == 8) break;
    comma += c == ',';
    tab += c == '\t';
    semi += c == ';';
  }
  if (tab > comma && tab >= semi) return '\t';
  if (semi > comma) return ';';
  return ',';
}

}  // namespace

Table read_csv(std::string_view bytes, std::string_view source) {
  const Decoded decoded = decode_text(bytes, source);
  const std::string_view text = decoded.text(bytes);
  Table table;
  if (decoded.encoding == SourceEncoding::gb18030 || decoded.encoding == SourceEncoding::utf16le ||
      decoded.encoding == SourceEncoding::utf16be) {
    table.diagnostics.push_back(
        {Severity::info, 0, {}, "read as " + std::string(to_string(decoded.encoding)) + " and converted to UTF-8"});
  }
  if (decoded.cut > 0) {
    table.diagnostics.push_back({Severity::warning, 0, {},
                                 "the table ends in the middle of a character (a truncated file?): its last " +
                                     std::to_string(decoded.cut) + " byte(s) were dropped"});
  }
  const char sep = sniff_separator(text);
  TableRow row;
  std::string cell;
  int line = 1;
  row.line = 1;
  bool quoted = false;
  bool any = false;  // the current record has content
  const auto end_cell = [&] {
    row.cells.push_back(std::move(cell));
    cell.clear();
  };
  const auto end_row = [&] {
    end_cell();
    if (any) table.rows.push_back(std::move(row));
    row = TableRow{};
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"' && cell.empty()) {
      quoted = true;
      any = true;
    } else if (c == sep) {
      end_cell();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      ++line;
      row.line = line;
    } else {
      cell += c;
      any = any || c != ' ';
    }
  }
  if (quoted) {
    table.diagnostics.push_back({Severity::warning, row.line, {}, "a quoted cell is never closed: read to the end"});
  }
  end_row();
  return table;
}

}  // namespace duban::importer
