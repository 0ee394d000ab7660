// The assessment module's handles (duban/assess.h), shared by its files:
// schemes, inputs, assessors, results and the stored-run cursor.
//
// Each holds shared, immutable C++ state, so a result outlives the
// assessor, scheme, input and plan it came from.
#pragma once

#include <cstddef>
#include <memory>
#include <unordered_map>

#include "duban/assess.h"
#include "duban/assess.hpp"
#include "handles.hpp"

struct duban_scheme {
  std::shared_ptr<const duban::Scheme> scheme;
};

struct duban_assess_input {
  std::shared_ptr<const duban::AssessmentInput> input;
  // What its task and unit ids refer to: an assessor bound to another plan
  // or directory would read them as other tasks and units.
  std::shared_ptr<const duban::Plan> plan;
  std::shared_ptr<const duban::Directory> directory;
};

struct duban_assessor {
  std::shared_ptr<const duban::Assessor> assessor;
  std::shared_ptr<const duban::Plan> plan;
  std::shared_ptr<const duban::Directory> directory;
};

struct duban_assessment {
  duban::Assessment result;
  std::shared_ptr<const duban::Plan> plan;  // category titles
  double total = 0;      // the scheme's base points
  double bonus_cap = 0;  // and its bonus cap
  std::unordered_map<duban::UnitId, std::size_t> index;  // unit id → place in result.units
};

struct duban_assess_run_cursor {
  duban::capi::Rows<duban::StoredRun> rows;
};

namespace duban::capi {

// Whether ids read against one plan and directory mean the same tasks and
// units against the other. Handles made from one plan handle share the
// pointers, so the full comparison is rare.
inline bool same_basis(const std::shared_ptr<const Plan>& plan_a, const std::shared_ptr<const Directory>& dir_a,
                       const std::shared_ptr<const Plan>& plan_b, const std::shared_ptr<const Directory>& dir_b) {
  return (plan_a == plan_b || *plan_a == *plan_b) && (dir_a == dir_b || *dir_a == *dir_b);
}

}  // namespace duban::capi
