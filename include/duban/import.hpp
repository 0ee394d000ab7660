// Importing plans as offices receive them: the plain text of a 工作要点 or
// 任务分工方案, and 台账 tables (CSV, XLSX).
//
// The importer reads every form of FORMATS.md: numbering at any levels,
// responsibility annotations in all their shapes, unit lists with shared
// prefixes and 等, collective references, deadline phrases and quantitative
// targets. It survives the damage of text extracted from Word and PDF (broken
// lines and words, page markers, mixed widths, missing brackets) and says
// what it repaired or could not read in diagnostics, each with its line and
// the text it is about. The JSON form of a result (import_result_json) is a
// public contract documented in docs/import.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "duban/diagnostic.hpp"
#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban {

enum class TableFormat : int { csv = 1, xlsx = 2 };

struct ImportOptions {
  // The plan year; 0 reads it from the title, else from the issue date.
  int year = 0;
  // The first unit of every list that names no lead is the lead, as if the
  // document said 列第一位者为牵头单位，下同.
  bool first_is_lead = false;
  // Units to resolve names against (aliases, width- and space-insensitive);
  // may be null. Not modified: the result holds a copy.
  const Directory* directory = nullptr;
  // The input's name in error messages ("plan.txt").
  std::string source = "document";
};

struct ImportResult {
  Plan plan;  // responsibilities resolved against `directory`
  // The base directory plus every unit and group the document named that it
  // did not know (each such addition is reported in `diagnostics`).
  Directory directory;
  std::vector<Diagnostic> diagnostics;  // in line order
};

// Imports the text of a document: UTF-8 (with or without BOM), GB18030/GBK or
// UTF-16 with a BOM, detected. Throws duban::Error with Errc::encoding when
// the bytes are no text in those encodings (a .docx, a PDF, binary data),
// naming options.source. Any text gives a plan, possibly with no tasks and a
// diagnostic saying so; time is linear in the input's size.
ImportResult import_text(std::string_view bytes, const ImportOptions& options = {});

// Imports a task table (台账). Columns are mapped by header text (序号, 类别,
// 重点任务, 具体举措, 牵头单位, 责任单位, 完成时限, …); the first sheet of an
// XLSX workbook is read. Throws Errc::encoding for CSV that is not text,
// Errc::parse for an XLSX that cannot be read and Errc::inval when no header
// row names a task column.
ImportResult import_table(std::string_view bytes, TableFormat format, const ImportOptions& options = {});

// Chooses by content and name: an XLSX (ZIP) workbook, a .csv/.tsv table, or
// else document text.
ImportResult import_document(std::string_view bytes, std::string_view file_name, const ImportOptions& options = {});

// The result as the JSON object `duban import --json` prints (docs/import.md):
// {"plan": {...}, "tasks": [...], "diagnostics": [...]}. Deterministic.
std::string import_result_json(const ImportResult& result, int indent = 2);

}  // namespace duban
