// Checks every renderer makes before trusting that a graph, a plan and a
// directory belong together.
#pragma once

#include <string_view>

#include "duban/graph.hpp"

namespace duban::render {

// Errc::inval when the graph was built from a plan with another task count.
void require_same_plan(const Plan& plan, const ResponsibilityGraph& graph, std::string_view what);

// The unit's name, or Errc::notfound when the directory lacks it (the graph
// came from another directory).
const Unit& unit_in(const Directory& directory, UnitId id, std::string_view what);

}  // namespace duban::render
