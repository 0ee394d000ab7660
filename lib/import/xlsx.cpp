// XLSX workbooks read with libzip and pugixml: the first worksheet's cells,
// shared and inline strings, and merged ranges filled from their top-left
// cell so a category written once for a block of rows reaches every row.
#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <map>
#include <memory>

#include "duban/error.hpp"
#include "import/table.hpp"
#include "text/utf8.hpp"

namespace duban::importer {
namespace {

constexpr zip_uint64_t kMaxEntry = 256u << 20;  // a sheet bigger than this is no 台账
constexpr int kMaxColumns = 256;
constexpr std::size_t kMaxMergeFill = 10'000'000;

[[noreturn]] void fail(std::string_view source, const std::string& message) {
  throw Error(Errc::parse, ErrClass::text, std::string(source) + ": " + message);
}

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

class Workbook {
 public:
  Workbook(std::string_view bytes, std::string_view source) : source_(source) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src == nullptr) fail(source_, std::string("cannot read the workbook: ") + zip_error_strerror(&error));
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (z == nullptr) {
      zip_source_free(src);
      const std::string why = zip_error_strerror(&error);
      zip_error_fini(&error);
      fail(source_, "not an XLSX workbook (" + why + ")");
    }
    zip_.reset(z);
    zip_error_fini(&error);
  }

  bool has(const std::string& name) const { return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0; }

  std::string read(const std::string& name) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0) fail(source_, "the workbook has no " + name);
    if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > kMaxEntry) {
      fail(source_, name + " is larger than " + std::to_string(kMaxEntry >> 20) + " MB");
    }
    std::unique_ptr<zip_file_t, FileCloser> f(zip_fopen(zip_.get(), name.c_str(), 0));
    if (!f) fail(source_, "cannot open " + name + ": " + zip_strerror(zip_.get()));
    std::string out(static_cast<std::size_t>(st.size), '\0');
    zip_int64_t done = 0;
    while (static_cast<zip_uint64_t>(done) < st.size) {
      const zip_int64_t n = zip_fread(f.get(), out.data() + done, st.size - static_cast<zip_uint64_t>(done));
      if (n < 0) fail(source_, name + " is damaged: " + zip_file_strerror(f.get()));
      if (n == 0) break;
      done += n;
    }
    out.resize(static_cast<std::size_t>(done));
    return out;
  }

  pugi::xml_document xml(const std::string& name) const {
    const std::string text = read(name);
    pugi::xml_document doc;
    const pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!r) fail(source_, name + " is not XML: " + r.description() + " at byte " + std::to_string(r.offset));
    return doc;
  }

 private:
  std::string source_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
};

// Local names, so both x:row and row match.
std::string_view local(const char* name) {
  std::string_view n(name);
  const std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_node c : n.children()) {
    if (local(c.name()) == name) return c;
  }
  return {};
}

// All text of <t> elements below `n` (rich-text runs), phonetic runs excepted.
void text_of(pugi::xml_node n, std::string& out, int depth = 0) {
  if (depth > 3) return;  // <r> inside <r> is not Excel's; do not recurse on hostile input
  for (pugi::xml_node c : n.children()) {
    const std::string_view name = local(c.name());
    if (name == "t") {
      out += c.text().get();
    } else if (name == "r") {
      text_of(c, out, depth + 1);
    }
  }
}

// "AB12" → column 27 (0-based 27), row 12.
bool parse_ref(std::string_view ref, int& col, int& row) {
  std::size_t i = 0;
  col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 4) col = col * 26 + (ref[i++] - 'A' + 1);
  if (i == 0) return false;
  row = 0;
  const std::size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - digits < 8) row = row * 10 + (ref[i++] - '0');
  if (i == digits || i != ref.size()) return false;
  --col;
  return true;
}

std::string sheet_path(const Workbook& wb) {
  const pugi::xml_document book = wb.xml("xl/workbook.xml");
  const pugi::xml_node sheets = child(child(book, "workbook"), "sheets");
  const pugi::xml_node first = child(sheets, "sheet");
  std::string rid;
  for (pugi::xml_attribute a : first.attributes()) {
    if (local(a.name()) == "id") rid = a.value();
  }
  if (!rid.empty() && wb.has("xl/_rels/workbook.xml.rels")) {
    const pugi::xml_document rels = wb.xml("xl/_rels/workbook.xml.rels");
    for (pugi::xml_node r : child(rels, "Relationships").children()) {
      if (rid != r.attribute("Id").value()) continue;
      std::string target = r.attribute("Target").value();
      if (target.starts_with("/")) return target.substr(1);
      return "xl/" + target;
    }
  }
  return "xl/worksheets/sheet1.xml";
}

}  // namespace

Table read_xlsx(std::string_view bytes, std::string_view source) {
  const Workbook wb(bytes, source);
  Table table;
  std::vector<std::string> shared;
  if (wb.has("xl/sharedStrings.xml")) {
    const pugi::xml_document sst = wb.xml("xl/sharedStrings.xml");
    for (pugi::xml_node si : child(sst, "sst").children()) {
      if (local(si.name()) != "si") continue;
      std::string s;
      text_of(si, s);
      shared.push_back(std::move(s));
    }
  }
  const std::string path = sheet_path(wb);
  const pugi::xml_document sheet = wb.xml(path);
  const pugi::xml_node ws = child(sheet, "worksheet");
  std::map<int, TableRow> rows;
  bool clipped = false;
  int next_row = 1;
  for (pugi::xml_node r : child(ws, "sheetData").children()) {
    if (local(r.name()) != "row") continue;
    int row_number = r.attribute("r").as_int(next_row);
    if (row_number <= 0) row_number = next_row;
    next_row = row_number + 1;
    TableRow& row = rows[row_number];
    row.line = row_number;
    int next_col = 0;
    for (pugi::xml_node c : r.children()) {
      if (local(c.name()) != "c") continue;
      int col = next_col;
      int ignored = 0;
      if (const char* ref = c.attribute("r").value(); *ref != '\0' && !parse_ref(ref, col, ignored)) col = next_col;
      next_col = col + 1;
      if (col >= kMaxColumns) {
        clipped = true;
        continue;
      }
      const std::string_view type = c.attribute("t").value();
      std::string value;
      if (type == "s") {
        const pugi::xml_node v = child(c, "v");
        const long idx = v ? std::strtol(v.text().get(), nullptr, 10) : -1;
        if (idx >= 0 && static_cast<std::size_t>(idx) < shared.size()) value = shared[static_cast<std::size_t>(idx)];
      } else if (type == "inlineStr") {
        text_of(child(c, "is"), value);
      } else {
        value = child(c, "v").text().get();
      }
      if (!text::is_valid_utf8(value)) value = std::string(text::valid_prefix(value));
      if (row.cells.size() <= static_cast<std::size_t>(col)) row.cells.resize(static_cast<std::size_t>(col) + 1);
      row.cells[static_cast<std::size_t>(col)] = std::move(value);
    }
  }
  if (clipped) {
    table.diagnostics.push_back({Severity::warning, 0, {},
                                 "cells beyond column " + std::to_string(kMaxColumns) + " were left out"});
  }
  // Merged ranges: every cell takes the top-left cell's value.
  std::size_t filled = 0;
  for (pugi::xml_node m : child(ws, "mergeCells").children()) {
    if (local(m.name()) != "mergeCell") continue;
    const std::string_view ref = m.attribute("ref").value();
    const std::size_t colon = ref.find(':');
    int c0 = 0, r0 = 0, c1 = 0, r1 = 0;
    if (colon == std::string_view::npos || !parse_ref(ref.substr(0, colon), c0, r0) ||
        !parse_ref(ref.substr(colon + 1), c1, r1) || c1 < c0 || r1 < r0) {
      continue;
    }
    const auto top = rows.find(r0);
    if (top == rows.end() || static_cast<std::size_t>(c0) >= top->second.cells.size()) continue;
    const std::string value = top->second.cells[static_cast<std::size_t>(c0)];
    c1 = std::min(c1, kMaxColumns - 1);
    for (auto it = rows.lower_bound(r0); it != rows.end() && it->first <= r1; ++it) {
      TableRow& row = it->second;
      for (int c = c0; c <= c1; ++c) {
        if (++filled > kMaxMergeFill) break;
        if (row.cells.size() <= static_cast<std::size_t>(c)) row.cells.resize(static_cast<std::size_t>(c) + 1);
        if (row.cells[static_cast<std::size_t>(c)].empty()) row.cells[static_cast<std::size_t>(c)] = value;
      }
    }
  }
  if (filled > kMaxMergeFill) {
    table.diagnostics.push_back({Severity::warning, 0, {}, "too many merged cells: some were left unfilled"});
  }
  table.rows.reserve(rows.size());
  for (auto& [n, row] : rows) table.rows.push_back(std::move(row));
  return table;
}

}  // namespace duban::importer
