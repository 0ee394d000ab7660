// Task tables (台账): CSV and XLSX read into rows of cells, then mapped to a
// draft plan by header text (FORMATS.md §2.6).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "duban/import.hpp"
#include "import/draft.hpp"

namespace duban::importer {

struct TableRow {
  int line = 0;  // CSV: the source line the record starts on; XLSX: the row number
  std::vector<std::string> cells;
};

struct Table {
  std::vector<TableRow> rows;
  std::vector<Diagnostic> diagnostics;
};

// RFC 4180 CSV (also tab- or semicolon-separated), in UTF-8 or GB18030.
Table read_csv(std::string_view bytes, std::string_view source);

// The first worksheet of an XLSX workbook, merged cells filled from their
// top-left cell. Throws Errc::parse naming `source` for what is no workbook.
Table read_xlsx(std::string_view bytes, std::string_view source);

Draft read_table(std::string_view bytes, TableFormat format, const ImportOptions& options);

// A table flattened to text: one of the first lines is a tab-separated
// header naming task columns (序号, 重点任务, 牵头单位…).
bool looks_like_flattened_table(std::string_view text);
Draft draft_from_table(Table table, const ImportOptions& options);

}  // namespace duban::importer
