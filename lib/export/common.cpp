#include "export/common.hpp"

#include <string>

#include "duban/error.hpp"

namespace duban::render {

void require_same_plan(const Plan& plan, const ResponsibilityGraph& graph, std::string_view what) {
  if (graph.task_count() == plan.tasks.size()) return;
  throw Error(Errc::inval, ErrClass::argument,
              std::string(what) + ": the graph has " + std::to_string(graph.task_count()) +
                  " tasks but the plan has " + std::to_string(plan.tasks.size()) +
                  "; build the graph from this plan");
}

const Unit& unit_in(const Directory& directory, UnitId id, std::string_view what) {
  if (const Unit* u = directory.find(id)) return *u;
  throw Error(Errc::notfound, ErrClass::argument,
              std::string(what) + ": unit " + std::to_string(id) +
                  " is in the graph but not in the directory; pass the directory the graph was built from");
}

}  // namespace duban::render
