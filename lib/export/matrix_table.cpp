#include "export/matrix_table.hpp"

#include "duban/export.hpp"
#include "export/common.hpp"
#include "text/utf8.hpp"

namespace duban::render {

MatrixTable tabulate_matrix(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph,
                            std::string_view what, bool name_groups) {
  require_same_plan(plan, graph, what);
  const ResponsibilityMatrix m = graph.matrix();
  MatrixTable t;
  for (UnitId u : m.units) {
    const Unit& unit = unit_in(directory, u, what);
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
        mark += name_groups ? "（" + unit_in(directory, cell->via_group, what).name + "）" : "*";
      }
      row.push_back(std::move(mark));
    }
  }
  return t;
}

}  // namespace duban::render
