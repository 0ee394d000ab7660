// Task tables → draft plan. Columns are found by their header words, in any
// order and with spaces inside (主 要 任 务); a category written once for a
// block of rows is carried down; headers repeated after a page break are
// dropped; rows continuing a merged task cell are folded into that task.
#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <optional>

#include "duban/error.hpp"
#include "import/annotation.hpp"
#include "import/chars.hpp"
#include "import/numbering.hpp"
#include "import/table.hpp"
#include "import/targets.hpp"

namespace duban::importer {
namespace {

enum class Column { none, number, category, title, body, lead, responsible, support, deadline, person, note };

// Checked in order: the first word a header contains decides.
constexpr std::array<std::pair<std::string_view, Column>, 44> kHeaderWords{{
    {"牵头领导", Column::person},   {"分管领导", Column::person},   {"责任领导", Column::person},
    {"联系领导", Column::person},   {"责任人", Column::person},     {"联系人", Column::person},
    {"备注", Column::note},         {"完成情况", Column::note},     {"进展", Column::note},
    {"牵头单位", Column::lead},     {"牵头部门", Column::lead},     {"主办单位", Column::lead},
    {"主责单位", Column::lead},     {"牵头", Column::lead},         {"配合单位", Column::support},
    {"配合部门", Column::support},  {"协办单位", Column::support},  {"参与单位", Column::support},
    {"协作单位", Column::support},  {"配合", Column::support},      {"责任单位", Column::responsible},
    {"责任部门", Column::responsible}, {"承办单位", Column::responsible}, {"承办部门", Column::responsible},
    {"实施单位", Column::responsible}, {"完成时限", Column::deadline}, {"时限", Column::deadline},
    {"时间节点", Column::deadline}, {"完成时间", Column::deadline}, {"进度安排", Column::deadline},
    {"序号", Column::number},       {"编号", Column::number},       {"类别", Column::category},
    {"分类", Column::category},     {"类型", Column::category},     {"板块", Column::category},
    {"领域", Column::category},     {"举措", Column::body},         {"内容", Column::body},
    {"措施", Column::body},         {"任务", Column::title},        {"事项", Column::title},
    {"工作", Column::title},        {"项目", Column::title},
}};

constexpr std::array<std::string_view, 9> kMeasureWords{
    {"保障措施", "保障机制", "工作保障", "组织保障", "实施保障", "保障体系", "工作要求", "组织实施", "有关要求"}};

// Whitespace removed, for comparing headers.
std::string squeeze(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(s, i, len);
    if (!is_space(cp)) out.append(s.data() + i, len);
    i += len;
  }
  return out;
}

Column column_of(std::string_view header) {
  const std::string h = squeeze(header);
  if (h.empty() || char_count(h) > 20) return Column::none;
  for (const auto& [word, col] : kHeaderWords) {
    if (h.find(word) != std::string::npos) return col;
  }
  return Column::none;
}

struct Columns {
  int number = -1, category = -1, title = -1, body = -1, deadline = -1;
  std::vector<int> lead, responsible, support;
  int mapped = 0;
  bool usable() const { return mapped >= 2 && (title >= 0 || body >= 0); }
};

Columns map_columns(const TableRow& row) {
  Columns c;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const int n = static_cast<int>(i);
    const Column col = column_of(row.cells[i]);
    int* single = nullptr;
    switch (col) {
      case Column::number: single = &c.number; break;
      case Column::category: single = &c.category; break;
      case Column::title: single = &c.title; break;
      case Column::body: single = &c.body; break;
      case Column::deadline: single = &c.deadline; break;
      case Column::lead: c.lead.push_back(n); ++c.mapped; continue;
      case Column::responsible: c.responsible.push_back(n); ++c.mapped; continue;
      case Column::support: c.support.push_back(n); ++c.mapped; continue;
      case Column::person: case Column::note: ++c.mapped; continue;
      case Column::none: continue;
    }
    if (*single < 0) {
      *single = n;
      ++c.mapped;
    }
  }
  return c;
}

const std::string& cell(const TableRow& row, int col) {
  static const std::string empty;
  return col >= 0 && static_cast<std::size_t>(col) < row.cells.size() ? row.cells[static_cast<std::size_t>(col)] : empty;
}

std::string clean(std::string_view s) { return repair_spaces(trim_view(s)); }

// An Excel date serial (days since 1899-12-30) in a deadline cell.
std::string serial_date(const std::string& s) {
  if (s.empty() || s.size() > 12) return s;
  std::size_t i = 0;
  long v = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  if (i != s.size() || v < 20000 || v > 80000) return s;
  using namespace std::chrono;
  const year_month_day d{sys_days{year{1899} / December / day{30}} + days{v}};
  return std::to_string(static_cast<int>(d.year())) + "年" + std::to_string(static_cast<unsigned>(d.month())) + "月" +
         std::to_string(static_cast<unsigned>(d.day())) + "日";
}

// The leading number of a 序号 cell: 7, 7.0 (Excel), （七）, 七、.
std::optional<int> number_value(std::string_view s) {
  s = trim_view(s);
  if (s.empty()) return std::nullopt;
  int v = 0;
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 6) v = v * 10 + (s[i++] - '0');
  if (i > 0) return v;
  if (const auto m = read_marker(std::string(s) + "、")) return m->value;
  if (const auto n = chinese_number(s)) return n;
  return std::nullopt;
}

bool is_header_repeat(const TableRow& row, const TableRow& header) {
  std::size_t same = 0;
  std::size_t filled = 0;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    if (row.cells[i].empty()) continue;
    ++filled;
    if (i < header.cells.size() && squeeze(row.cells[i]) == squeeze(header.cells[i])) ++same;
  }
  return filled >= 2 && same == filled;
}

// A row with one filled cell (or one value across merged cells) that is no
// task: 一、组织领导.
std::optional<std::string> category_row(const TableRow& row, const Columns& c) {
  std::string value;
  int where = -1;
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    const std::string v = clean(row.cells[i]);
    if (v.empty()) continue;
    if (!value.empty() && v != value) return std::nullopt;
    if (value.empty()) where = static_cast<int>(i);
    value = v;
  }
  if (value.empty()) return std::nullopt;
  const auto m = read_marker(value);
  const bool numbered_heading = m && (m->style == NumberStyle::part || m->style == NumberStyle::cn_comma ||
                                      m->style == NumberStyle::cn_paren);
  const bool in_label_column = where == c.number || where == c.category;
  if (!numbered_heading && !(in_label_column && !number_value(value))) return std::nullopt;
  return value;
}

}  // namespace

bool looks_like_flattened_table(std::string_view text) {
  std::size_t pos = 0;
  for (int n = 0; n < 30 && pos < text.size(); ++n) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (std::count(line.begin(), line.end(), '\t') < 2) continue;
    TableRow row;
    std::size_t from = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', from);
      row.cells.emplace_back(trim_view(line.substr(from, tab == std::string_view::npos ? std::string_view::npos : tab - from)));
      if (tab == std::string_view::npos) break;
      from = tab + 1;
    }
    if (map_columns(row).usable()) return true;
  }
  return false;
}

Draft read_table(std::string_view bytes, TableFormat format, const ImportOptions& options) {
  switch (format) {
    case TableFormat::csv: return draft_from_table(read_csv(bytes, options.source), options);
    case TableFormat::xlsx: return draft_from_table(read_xlsx(bytes, options.source), options);
  }
  throw Error(Errc::inval, ErrClass::argument, "unknown table format " + std::to_string(static_cast<int>(format)));
}

Draft draft_from_table(Table table, const ImportOptions& options) {
  Draft draft;
  draft.diagnostics = std::move(table.diagnostics);
  draft.plan.year = options.year;
  KnownName known;
  if (options.directory != nullptr) {
    const Directory* dir = options.directory;
    known = [dir](std::string_view name) { return dir->lookup(name).has_value(); };
  }
  // The header: the first of the first rows that names enough columns.
  std::size_t header = table.rows.size();
  Columns cols;
  for (std::size_t i = 0; i < table.rows.size() && i < 20; ++i) {
    cols = map_columns(table.rows[i]);
    if (cols.usable()) {
      header = i;
      break;
    }
  }
  if (header == table.rows.size()) {
    throw Error(Errc::inval, ErrClass::argument,
                options.source + ": no header row names a task column (expected headers such as 序号, 类别, "
                                 "重点任务, 具体举措, 牵头单位, 责任单位, 完成时限)");
  }
  // Rows above the header may hold the table's title.
  for (std::size_t i = 0; i < header; ++i) {
    for (const std::string& v : table.rows[i].cells) {
      if (draft.plan.title.empty() && !trim_view(v).empty()) draft.plan.title = clean(v);
    }
  }
  if (draft.plan.year == 0) {
    const std::string& t = draft.plan.title;
    for (std::size_t i = 0; i + 7 <= t.size(); ++i) {
      if (std::isdigit(static_cast<unsigned char>(t[i])) && std::isdigit(static_cast<unsigned char>(t[i + 1])) &&
          std::isdigit(static_cast<unsigned char>(t[i + 2])) && std::isdigit(static_cast<unsigned char>(t[i + 3])) &&
          t.compare(i + 4, 3, "年") == 0 && (i == 0 || !std::isdigit(static_cast<unsigned char>(t[i - 1])))) {
        draft.plan.year = std::stoi(t.substr(i, 4));
        break;
      }
    }
  }

  std::string category;
  int category_index = -1;
  std::string last_number;
  std::string last_title;
  int running = 0;
  const auto use_category = [&](const std::string& raw) {
    std::string title = raw;
    std::string number;
    if (const auto m = read_marker(raw)) {
      title = clean(std::string_view(raw).substr(m->rest));
      number = m->printed;
    }
    if (title.empty()) return;
    if (category_index >= 0 && draft.plan.categories[static_cast<std::size_t>(category_index)].title == title) return;
    category = title;
    category_index = static_cast<int>(draft.plan.categories.size());
    if (number.empty()) number = std::to_string(category_index + 1);
    draft.plan.categories.push_back({number, title, -1});
  };

  for (std::size_t r = header + 1; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    if (is_header_repeat(row, table.rows[header])) continue;
    if (const auto heading = category_row(row, cols)) {
      use_category(*heading);
      continue;
    }
    const std::string number = clean(cell(row, cols.number));
    const std::string cat = clean(cell(row, cols.category));
    const std::string title_cell = clean(cell(row, cols.title));
    const std::string body_cell = clean(cell(row, cols.body));
    bool any_unit = false;
    for (const auto* list : {&cols.lead, &cols.responsible, &cols.support}) {
      for (int c : *list) any_unit = any_unit || !trim_view(cell(row, c)).empty();
    }
    if (title_cell.empty() && body_cell.empty() && !any_unit) continue;
    if (!cat.empty()) use_category(cat);

    // A row that continues the task above (its number and title cells merged).
    const bool continues = !draft.tasks.empty() && (number.empty() || number == last_number) &&
                           (cols.title < 0 ? number.empty() && body_cell.empty() : title_cell.empty() || title_cell == last_title) &&
                           draft.tasks.back().task.category == category_index;
    DraftTask* dt = nullptr;
    if (continues) {
      dt = &draft.tasks.back();
      if (!body_cell.empty() && dt->task.body.find(body_cell) == std::string::npos) {
        if (!dt->task.body.empty()) dt->task.body += '\n';
        dt->task.body += body_cell;
      }
    } else {
      draft.tasks.emplace_back();
      dt = &draft.tasks.back();
      Task& t = dt->task;
      ++running;
      t.number = number.empty() ? std::to_string(running) : number;
      dt->number_value = number_value(t.number).value_or(running);
      t.line = row.line;
      t.category = category_index;
      dt->scope_value = category_index + 1;
      if (!title_cell.empty()) {
        t.title = title_cell;
        t.body = body_cell;
      } else {
        // No title column: the first sentence of the measure is its title.
        const std::size_t stop = body_cell.find("。");
        t.title = body_cell.substr(0, stop);
        t.body = stop == std::string::npos ? std::string() : clean(std::string_view(body_cell).substr(stop + 3));
      }
      bool measure = false;
      for (std::string_view w : kMeasureWords) measure = measure || category.find(w) != std::string::npos;
      t.kind = measure ? TaskKind::measure : TaskKind::task;
      last_number = number;
      last_title = title_cell;
    }
    const auto take = [&](int col, Said said) {
      const std::string& text = cell(row, col);
      if (trim_view(text).empty()) return;
      AnnotationContent c = parse_units(text, said, known);
      for (Mention& m : c.mentions) dt->mentions.push_back({std::move(m), row.line});
      for (std::string& d : c.deadlines) dt->deadline_phrases.push_back(std::move(d));
      dt->first_is_lead = dt->first_is_lead || c.first_is_lead;
    };
    for (int c : cols.lead) take(c, Said::lead);
    for (int c : cols.responsible) take(c, Said::responsible_label);
    for (int c : cols.support) take(c, Said::support);
    if (const std::string d = clean(serial_date(cell(row, cols.deadline))); !d.empty()) {
      bool seen = false;
      for (const std::string& p : dt->deadline_phrases) seen = seen || p == d;
      if (!seen) dt->deadline_phrases.push_back(d);
      if (dt->deadline_line == 0) dt->deadline_line = row.line;
    }
  }
  for (DraftTask& dt : draft.tasks) {
    dt.task.targets = find_targets(dt.task.title, dt.task.body);
  }
  return draft;
}

}  // namespace duban::importer
