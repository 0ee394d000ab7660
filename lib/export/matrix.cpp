// The responsibility matrix for spreadsheets (CSV) and terminals (text).
#include <algorithm>

#include "duban/export.hpp"
#include "export/csv.hpp"
#include "export/matrix_table.hpp"
#include "export/text_width.hpp"

namespace duban {
namespace {

// Both parts of a row (headings, then unit cells) as one CSV row.
void csv_row(std::string& out, const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> fields(a);
  fields.insert(fields.end(), b.begin(), b.end());
  render::csv_row(out, fields);
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
  const render::MatrixTable t = render::tabulate_matrix(plan, directory, graph, "matrix_csv", true);
  std::string out(render::kUtf8Bom);
  csv_row(out, {"序号", "编号", "任务"}, t.units);
  for (std::size_t r = 0; r < t.heads.size(); ++r) csv_row(out, t.heads[r], t.marks[r]);
  return out;
}

std::string matrix_text(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph,
                        std::size_t title_width) {
  render::MatrixTable t = render::tabulate_matrix(plan, directory, graph, "matrix_text", false);
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
