// The responsibility matrix laid out as rows of text, shared by its CSV,
// terminal and XLSX forms so that all three show the same cells.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "duban/graph.hpp"

namespace duban::render {

struct MatrixTable {
  std::vector<std::string> units;               // column names
  std::vector<std::vector<std::string>> heads;  // per row: 序号 (TaskId), 编号, 任务
  std::vector<std::vector<std::string>> marks;  // per row, per unit: 牵/责/配, or ""
};

// One row per task of the graph's matrix. A cell held through a group is
// marked 配（各街镇） with `name_groups`, else 配*. Errors name `what`:
// Errc::inval for a graph of another plan, Errc::notfound for a unit the
// directory lacks, Errc::encoding for text that is not UTF-8.
MatrixTable tabulate_matrix(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph,
                            std::string_view what, bool name_groups);

}  // namespace duban::render
