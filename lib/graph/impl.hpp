// What a ResponsibilityGraph holds: the Boost graph, the id → vertex maps,
// copies of the names its messages need, and tables derived once at build
// time so that queries read and never write.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "duban/graph.hpp"
#include "graph/graph_types.hpp"

namespace duban {

struct ResponsibilityGraph::Impl {
  struct UnitInfo {
    UnitId id = 0;
    std::string name;
    bool group = false;
    bool unresolved = false;  // a group no non-group unit is reachable from
    graph::Vertex vertex = 0;
  };
  struct TaskInfo {
    std::string label;  // "task 3 '标题'", for messages
    int category = -1;
    graph::Vertex vertex = 0;
    std::vector<std::pair<int, std::string>> unknown_units;  // position, name as written
    std::vector<std::string> missing_dependencies;          // keys no task has
  };

  graph::Graph g;
  std::vector<UnitInfo> units;  // directory order
  std::unordered_map<UnitId, std::size_t> unit_index;
  std::vector<TaskInfo> tasks;  // index = TaskId - 1
  std::vector<graph::Vertex> category_vertex;

  // The expanded matrix as CSR: row i holds cells[row_begin[i] .. row_begin[i + 1]).
  std::vector<Assignment> cells;
  std::vector<std::size_t> row_begin;
  std::vector<UnitId> columns;  // units holding a cell, directory order

  graph::TaskGraph prerequisites;  // task index → the task indices it depends on
  graph::TaskGraph dependents;     // task index → the task indices depending on it
  std::vector<TaskId> order;       // meaningful only when `cycles` is empty
  std::vector<std::vector<TaskId>> cycles;  // each closed: first == last

  const UnitInfo& unit(UnitId id) const;           // Errc::notfound when absent
  const TaskInfo& task(TaskId id) const;           // Errc::notfound when absent
  std::string unit_label(UnitId id) const;         // the quoted name, or "unit N"
};

namespace graph {

// Strongest first: lead > responsible > support, then direct before
// through a group, then the earlier position. The one rule every query and
// the matrix share.
bool stronger(const Assignment& a, const Assignment& b) noexcept;

// Keeps the strongest Assignment per task, in task order.
std::vector<Assignment> strongest_per_task(std::vector<Assignment> hits);

void build_dependencies(ResponsibilityGraph::Impl& impl);

}  // namespace graph
}  // namespace duban
