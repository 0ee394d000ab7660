// What each opaque C handle is: a small struct holding shared ownership of
// the C++ state it stands for (DuckDB's wrapper structs).
//
// Sharing is what lets a child outlive its parent: a cursor keeps the plan
// and directory it reads, a graph keeps its plan, so callers — Python's
// garbage collector among them — may free in any order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "duban/graph.hpp"
#include "duban/json.hpp"
#include "duban/ledger.hpp"
#include "duban/plan.hpp"
#include "duban/units.hpp"

struct duban_db {
  std::shared_ptr<duban::Ledger> ledger;
};

struct duban_directory {
  std::shared_ptr<const duban::Directory> dir;
};

struct duban_plan {
  // As read: responsibilities named, not resolved. What a ledger imports.
  std::shared_ptr<const duban::PlanFile> source;
  // The plan with responsibilities resolved against `directory`.
  std::shared_ptr<const duban::Plan> plan;
  std::shared_ptr<const duban::Directory> directory;
  std::int64_t id = 0;      // in the ledger it came from; 0 when only parsed
  std::string source_name;  // what messages call the text it was parsed from
};

struct duban_graph {
  std::shared_ptr<const duban::ResponsibilityGraph> graph;
  std::shared_ptr<const duban::Plan> plan;
  std::shared_ptr<const duban::Directory> directory;
};

namespace duban::capi {

// A walk over rows computed up front. `current` is one past the row the
// caller sees: 0 before the first _next, rows.size() + 1 once exhausted.
template <typename Row>
struct Rows {
  std::vector<Row> rows;
  std::size_t current = 0;

  // DUBAN_OK with a row current, or DUBAN_DONE (and stays done).
  int next() noexcept {
    if (current <= rows.size()) ++current;
    return current <= rows.size() ? 0 : 1;
  }
  const Row* row() const noexcept { return current >= 1 && current <= rows.size() ? &rows[current - 1] : nullptr; }
};

}  // namespace duban::capi

struct duban_task_cursor {
  std::shared_ptr<const duban::Plan> plan;
  duban::capi::Rows<duban::Assignment> rows;
};

struct duban_unit_cursor {
  std::shared_ptr<const duban::Directory> directory;
  duban::capi::Rows<duban::Assignment> rows;
};

struct duban_plan_cursor {
  duban::capi::Rows<duban::PlanSummary> rows;
};
