#include "export/sheets.hpp"

#include "assess/number.hpp"
#include "export/csv.hpp"
#include "export/matrix_table.hpp"
#include "export/report_words.hpp"

namespace duban::render {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "、") + n;
  return out;
}

Cell text_cell(std::string text) { return Cell{std::move(text), std::nullopt, std::nullopt}; }

// Rounded as it is shown, so the spreadsheet's number and the CSV's text
// are the same value.
Cell number_cell(std::optional<double> value) {
  if (!value) return {};
  const double shown = scoring::round_to(*value, 2);
  return Cell{scoring::num(shown), shown, std::nullopt};
}

std::string latest_text(const TaskRow& row) {
  if (!row.latest_date) return row.latest;
  return format_date(*row.latest_date) + (row.latest.empty() ? "" : " " + row.latest);
}

// What a veto did to the unit, for a reader who wonders why 100 points
// earned only 一般: "8.3：等次至多一般".
std::string vetoes_text(const UnitScore& u) {
  std::string out;
  for (const VetoHit& v : u.vetoes) {
    out += (out.empty() ? "" : "；") + v.item + "：";
    switch (v.effect) {
      case VetoEffect::zero_group: out += v.target + "计0分"; break;
      case VetoEffect::zero_total: out += "总分计0分"; break;
      case VetoEffect::cap_grade: out += "等次至多" + v.target; break;
    }
  }
  return out;
}

}  // namespace

Sheet tasks_sheet(const Snapshot& s) {
  Sheet sheet{"任务",
              {"序号", "编号", "类别", "任务", "牵头单位", "配合单位", "完成时限", "状态", "灯", "进度", "最新进展",
               "得分"},
              {}};
  for (const TaskRow& row : s.tasks) {
    Cell light = text_cell(std::string(light_words(row.light)));
    light.light = row.light;
    sheet.rows.push_back({Cell{std::to_string(row.task), static_cast<double>(row.task), std::nullopt},
                          text_cell(row.number), text_cell(row.category), text_cell(row.title),
                          text_cell(joined(row.leads)), text_cell(joined(row.others)), text_cell(row.due),
                          text_cell(std::string(status_words(row.status))), std::move(light),
                          number_cell(row.percent), text_cell(latest_text(row)), number_cell(row.score)});
  }
  return sheet;
}

Sheet matrix_sheet(const Snapshot& s) {
  const MatrixTable t = tabulate_matrix(s.plan, s.directory, *s.graph, "matrix sheet", true);
  Sheet sheet{"矩阵", {"序号", "编号", "任务"}, {}};
  sheet.header.insert(sheet.header.end(), t.units.begin(), t.units.end());
  for (std::size_t r = 0; r < t.heads.size(); ++r) {
    std::vector<Cell> cells;
    cells.push_back(Cell{t.heads[r][0], std::stod(t.heads[r][0]), std::nullopt});
    cells.push_back(text_cell(t.heads[r][1]));
    cells.push_back(text_cell(t.heads[r][2]));
    for (const std::string& mark : t.marks[r]) cells.push_back(text_cell(mark));
    sheet.rows.push_back(std::move(cells));
  }
  return sheet;
}

Sheet scores_sheet(const Snapshot& s) {
  Sheet sheet{"得分", {"名次", "单位", "得分", "基础分", "加分", "等次", "否决"}, {}};
  if (!s.assessment) return sheet;
  for (const std::size_t i : s.assessment->ranking) {
    const UnitScore& u = s.assessment->units[i];
    sheet.rows.push_back({Cell{std::to_string(u.rank), static_cast<double>(u.rank), std::nullopt},
                          text_cell(u.name), number_cell(u.total), number_cell(u.base), number_cell(u.bonus),
                          text_cell(u.grade), text_cell(vetoes_text(u))});
  }
  return sheet;
}

std::string sheet_csv(const Sheet& sheet) {
  std::string out(kUtf8Bom);
  csv_row(out, sheet.header);
  std::vector<std::string> fields;
  for (const auto& row : sheet.rows) {
    fields.clear();
    for (const Cell& c : row) fields.push_back(c.text);
    csv_row(out, fields);
  }
  return out;
}

}  // namespace duban::render

namespace duban {

std::string tasks_csv(const Snapshot& snapshot) { return render::sheet_csv(render::tasks_sheet(snapshot)); }
std::string scores_csv(const Snapshot& snapshot) { return render::sheet_csv(render::scores_sheet(snapshot)); }

}  // namespace duban
