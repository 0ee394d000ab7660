// The 台账 workbook through libxlsxwriter: the tables of sheets.hpp, with a
// frozen, filtered header row, columns wide enough for Chinese text, and
// each light as a cell fill. libxlsxwriter stays in this file.
#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <memory>

#include "duban/error.hpp"
#include "duban/export.hpp"
#include "export/atomic_file.hpp"
#include "export/sheets.hpp"
#include "export/text_width.hpp"

namespace duban {
namespace {

// Excel's own pale fills and dark text for good, neutral and bad, which
// print legibly in black and white too.
struct LightColours {
  lxw_color_t fill;
  lxw_color_t text;
};

LightColours colours(Light light) {
  switch (light) {
    case Light::red: return {0xFFC7CE, 0x9C0006};
    case Light::yellow: return {0xFFEB9C, 0x9C5700};
    case Light::blue: return {0xDDEBF7, 0x1F4E78};
    case Light::green: return {0xC6EFCE, 0x006100};
  }
  return {0xFFFFFF, 0x000000};
}

// Column widths in Excel's units (about one Latin character; a Chinese
// character takes two, as display_width counts it): wide enough for the
// longest cell, its header and the filter button, and no wider than a long
// narrative needs before it wraps.
constexpr double kMaxWidth = 48;
constexpr double kFilterButton = 3;

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* text = nullptr;
  lxw_format* number = nullptr;
  lxw_format* light[4] = {};
};

class Workbook {
 public:
  Workbook(const std::string& path, const std::string& target) : target_(target) {
    lxw_workbook_options options{};
    book_ = workbook_new_opt(path.c_str(), &options);
    if (!book_) fail("libxlsxwriter could not start the workbook");
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook() {
    if (book_) lxw_workbook_free(book_);
  }

  lxw_workbook* get() const noexcept { return book_; }

  void close() {
    lxw_workbook* book = book_;
    book_ = nullptr;  // workbook_close frees it, whatever it returns
    check(workbook_close(book), "");
  }

  void check(lxw_error error, const std::string& where) const {
    if (error == LXW_NO_ERROR) return;
    // A cell Excel cannot hold is the snapshot's fault, not the disk's.
    const bool too_long = error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
    fail((where.empty() ? "" : where + ": ") + lxw_strerror(error), too_long ? Errc::range : Errc::io);
  }

  [[noreturn]] void fail(const std::string& why, Errc code = Errc::io) const {
    throw Error(code, code == Errc::io ? ErrClass::storage : ErrClass::argument,
                "cannot write " + quote(target_, 1024) + ": " + why);
  }

 private:
  std::string target_;
  lxw_workbook* book_ = nullptr;
};

Formats make_formats(lxw_workbook* book) {
  Formats f;
  f.header = workbook_add_format(book);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xD9E1F2);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  f.text = workbook_add_format(book);
  format_set_text_wrap(f.text);
  format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.text, LXW_BORDER_THIN);
  f.number = workbook_add_format(book);
  format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(f.number, LXW_BORDER_THIN);
  for (const Light light : {Light::green, Light::blue, Light::yellow, Light::red}) {
    lxw_format* format = workbook_add_format(book);
    format_set_bg_color(format, colours(light).fill);
    format_set_font_color(format, colours(light).text);
    format_set_bold(format);
    format_set_align(format, LXW_ALIGN_CENTER);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(format, LXW_BORDER_THIN);
    f.light[static_cast<int>(light) - 1] = format;
  }
  return f;
}

void write_sheet(const Workbook& book, const Formats& f, const render::Sheet& sheet) {
  lxw_worksheet* ws = workbook_add_worksheet(book.get(), sheet.name.c_str());
  if (!ws) book.fail("libxlsxwriter could not add the sheet " + sheet.name);
  const std::string where = "sheet " + sheet.name;

  std::vector<double> widths;
  for (std::size_t c = 0; c < sheet.header.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    book.check(worksheet_write_string(ws, 0, col, sheet.header[c].c_str(), f.header), where + " header");
    widths.push_back(static_cast<double>(render::display_width(sheet.header[c])) + kFilterButton);
  }
  for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    const auto& cells = sheet.rows[r];
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const render::Cell& cell = cells[c];
      const auto col = static_cast<lxw_col_t>(c);
      const std::string at = where + " row " + std::to_string(r + 2) + " column " + std::to_string(c + 1);
      if (cell.number) {
        book.check(worksheet_write_number(ws, row, col, *cell.number, f.number), at);
      } else if (cell.light) {
        book.check(worksheet_write_string(ws, row, col, cell.text.c_str(), f.light[static_cast<int>(*cell.light) - 1]),
                   at);
      } else if (!cell.text.empty()) {
        book.check(worksheet_write_string(ws, row, col, cell.text.c_str(), f.text), at);
      } else {
        book.check(worksheet_write_blank(ws, row, col, f.text), at);
      }
      if (c < widths.size()) widths[c] = std::max(widths[c], static_cast<double>(render::display_width(cell.text)) + 1);
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    book.check(worksheet_set_column(ws, col, col, std::min(widths[c], kMaxWidth), nullptr), where + " widths");
  }
  worksheet_freeze_panes(ws, 1, 0);
  if (!sheet.header.empty()) {
    const auto last_col = static_cast<lxw_col_t>(sheet.header.size() - 1);
    book.check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()), last_col), where + " filter");
  }
}

}  // namespace

void write_xlsx(const Snapshot& snapshot, const std::string& path) {
  // Built before any file is touched, so a bad snapshot leaves none behind.
  const std::vector<render::Sheet> sheets{render::tasks_sheet(snapshot), render::matrix_sheet(snapshot),
                                          render::scores_sheet(snapshot)};
  render::TempFile temp(path);
  Workbook book(temp.path(), path);
  const Formats formats = make_formats(book.get());
  for (const render::Sheet& sheet : sheets) write_sheet(book, formats, sheet);

  // The as-of day as the creation time, so the same snapshot gives the same
  // bytes on every run.
  const std::string title = snapshot.plan.title + " 台账";
  const std::string comments = "as of " + format_date(snapshot.as_of);
  lxw_doc_properties properties{};
  properties.title = const_cast<char*>(title.c_str());
  properties.comments = const_cast<char*>(comments.c_str());
  properties.created =
      static_cast<time_t>(std::chrono::sys_seconds(std::chrono::sys_days(snapshot.as_of)).time_since_epoch().count());
  book.check(workbook_set_properties(book.get(), &properties), "properties");
  book.close();
  temp.commit();
}

}  // namespace duban
