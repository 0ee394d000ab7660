// The 台账's tables (任务, 矩阵, 得分) as cells, built once from a Snapshot
// and written by both the CSV and the XLSX writers, so the two never
// disagree about a column.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duban/export.hpp"

namespace duban::render {

struct Cell {
  std::string text;              // what a CSV holds; for a number, the number as text
  std::optional<double> number;  // set: a spreadsheet number, not text
  std::optional<Light> light;    // set: filled with the light's colour
};

struct Sheet {
  std::string name;  // 任务, 矩阵, 得分
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
};

// 序号, 编号, 类别, 任务, 牵头单位, 配合单位, 完成时限, 状态, 灯, 进度,
// 最新进展, 得分: one row per TaskRow.
Sheet tasks_sheet(const Snapshot& snapshot);
// 序号, 编号, 任务, then one column per unit (matrix_csv's cells).
Sheet matrix_sheet(const Snapshot& snapshot);
// 名次, 单位, 得分, 基础分, 加分, 等次, 否决: the ranking; no rows without an
// assessment.
Sheet scores_sheet(const Snapshot& snapshot);

// The sheet as CSV (csv.hpp's form).
std::string sheet_csv(const Sheet& sheet);

}  // namespace duban::render
