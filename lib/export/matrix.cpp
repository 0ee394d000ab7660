// The responsibility matrix for spreadsheets (CSV) and terminals (text).
#include <algorithm>

#include "duban/error.hpp"
#include "duban/export.hpp"
#include "export/common.hpp"
#include "export/text_width.hpp"
#include "text/utf8.hpp"

namespace duban {
namespace {

// Excel opens a CSV as the local code page (GBK on a Chinese Windows)
// unless it starts with a UTF-8 byte-order mark.
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Row and column headings shared by both forms.
struct Table {
  std::vector<std::string> units;                 // column names
  std::vector<std::vector<std::string>> heads;    // per row: 序号, 编号, 任务
  std::vector<std::vector<std::string>> marks;    // per row, per unit
};

Table tabulate(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph,
               std::string_view what, bool name_groups) {
  render::require_same_plan(plan, graph, what);
  const ResponsibilityMatrix m = graph.matrix();
  Table t;
  for (UnitId u : m.units) {
    const Unit& unit = render::unit_in(directory, u, what);
    text::require_utf8(unit.name, "name of unit " + std::to_string(u));
    t.units.push_back(unit.name);
  }
  for (std::size_t r = 0; r < m.tasks.size(); ++r) {
    const Task& task = plan.tasks[static_cast<std::size_t>(m.tasks[r] - 1)];
    text::require_utf8(task.number, "number of task " + std::to_string(m.tasks[r]));
    text::require_utf8(task.title, "title of task " + std::to_string(m.tasks[r]));
    t.heads.push_back({std::to_string(m.tasks[r]), task.number, task.title});
    auto& row = t.marks.emplace_back();
    for (std::size_t c = 0; c < m.units.size(); ++c) {
      const auto& cell = m.at(r, c);
      if (!cell) {
        row.emplace_back();
        continue;
      }
      std::string mark(role_mark(cell->role));
      if (cell->via_group != 0) {
        mark += name_groups ? "（" + render::unit_in(directory, cell->via_group, what).name + "）" : "*";
      }
      row.push_back(std::move(mark));
    }
  }
  return t;
}

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

void csv_row(std::string& out, const std::vector<std::string>& a, const std::vector<std::string>& b) {
  bool first = true;
  for (const auto* part : {&a, &b}) {
    for (const std::string& field : *part) {
      if (!first) out += ',';
      out += csv_field(field);
      first = false;
    }
  }
  out += "\r\n";
}

void rtrim(std::string& s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
}

}  // namespace

std::string_view role_mark(Role role) noexcept {
  switch (role) {
    case Role::lead: return "牵";
    case Role::responsible: return "责";
    case Role::support: return "配";
  }
  return "";
}

std::string matrix_csv(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph) {
  const Table t = tabulate(plan, directory, graph, "matrix_csv", true);
  std::string out(kBom);
  csv_row(out, {"序号", "编号", "任务"}, t.units);
  for (std::size_t r = 0; r < t.heads.size(); ++r) csv_row(out, t.heads[r], t.marks[r]);
  return out;
}

std::string matrix_text(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph,
                        std::size_t title_width) {
  Table t = tabulate(plan, directory, graph, "matrix_text", false);
  for (auto& head : t.heads) head[2] = render::fit_width(head[2], std::max<std::size_t>(title_width, 1));

  const std::vector<std::string> captions{"序号", "编号", "任务"};
  std::vector<std::size_t> width;
  for (const auto& c : captions) width.push_back(render::display_width(c));
  for (const auto& u : t.units) width.push_back(render::display_width(u));
  for (std::size_t r = 0; r < t.heads.size(); ++r) {
    for (std::size_t c = 0; c < 3; ++c) width[c] = std::max(width[c], render::display_width(t.heads[r][c]));
    for (std::size_t c = 0; c < t.units.size(); ++c) {
      width[3 + c] = std::max(width[3 + c], render::display_width(t.marks[r][c]));
    }
  }

  std::string out;
  const auto line = [&](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::string row;
    std::size_t c = 0;
    for (const auto* part : {&a, &b}) {
      for (const std::string& field : *part) {
        if (c != 0) row += "  ";
        row += render::pad_to_width(field, width[c++]);
      }
    }
    rtrim(row);
    out += row + "\n";
  };
  line(captions, t.units);
  std::string rule;
  for (std::size_t c = 0; c < width.size(); ++c) rule += (c == 0 ? "" : "  ") + std::string(width[c], '-');
  out += rule + "\n";
  for (std::size_t r = 0; r < t.heads.size(); ++r) line(t.heads[r], t.marks[r]);
  out += "牵=牵头  责=责任  配=配合  *=经所在集体承担\n";
  return out;
}

}  // namespace duban
