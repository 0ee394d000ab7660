// Views over a report: indices into its items, always in report order, so
// every view of one report lists items the same way.
#include <unordered_map>

#include "duban/error.hpp"
#include "duban/progress.hpp"

namespace duban {

std::vector<std::size_t> items_with_light(const StatusReport& report, Light light) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < report.items.size(); ++i) {
    if (report.items[i].light == light) out.push_back(i);
  }
  return out;
}

LightCounts count_lights(const StatusReport& report, std::span<const std::size_t> items) {
  LightCounts c;
  for (const std::size_t i : items) {
    if (i >= report.items.size()) {
      throw Error(Errc::range, ErrClass::argument,
                  "count_lights: item " + std::to_string(i) + " is not in the report (it has " +
                      std::to_string(report.items.size()) + ")");
    }
    switch (report.items[i].light) {
      case Light::green: ++c.green; break;
      case Light::blue: ++c.blue; break;
      case Light::yellow: ++c.yellow; break;
      case Light::red: ++c.red; break;
    }
  }
  return c;
}

std::vector<LightGroup> by_light(const StatusReport& report) {
  std::vector<LightGroup> out;
  for (const Light light : {Light::red, Light::yellow, Light::blue, Light::green}) {
    auto items = items_with_light(report, light);
    if (!items.empty()) out.push_back({light, std::move(items)});
  }
  return out;
}

std::vector<CategoryStatus> by_category(const StatusReport& report, const Plan& plan) {
  std::vector<CategoryStatus> out(plan.categories.size());
  for (std::size_t c = 0; c < out.size(); ++c) out[c].category = static_cast<int>(c);
  CategoryStatus none;
  for (std::size_t i = 0; i < report.subjects.size(); ++i) {
    const TaskId task = report.subjects[i].task;
    int category = -1;
    if (task >= 1 && static_cast<std::size_t>(task) <= plan.tasks.size()) {
      category = plan.tasks[static_cast<std::size_t>(task - 1)].category;
    }
    if (category >= 0 && static_cast<std::size_t>(category) < out.size()) {
      out[static_cast<std::size_t>(category)].items.push_back(i);
    } else {
      none.items.push_back(i);
    }
  }
  if (!none.items.empty()) out.push_back(std::move(none));
  for (auto& group : out) group.counts = count_lights(report, group.items);
  return out;
}

std::vector<UnitItem> items_of_unit(const StatusReport& report, const ResponsibilityGraph& graph, UnitId unit,
                                    const TaskQuery& query) {
  std::unordered_map<TaskId, Assignment> held;
  for (const Assignment& a : graph.tasks_of(unit, query)) held.emplace(a.task, a);
  std::vector<UnitItem> out;
  if (held.empty()) return out;
  for (std::size_t i = 0; i < report.subjects.size(); ++i) {
    const auto it = held.find(report.subjects[i].task);
    if (it != held.end()) out.push_back({i, it->second.role, it->second.via_group});
  }
  return out;
}

std::vector<UnitStatus> by_unit(const StatusReport& report, const ResponsibilityGraph& graph) {
  std::vector<UnitStatus> out;
  for (const UnitId unit : graph.matrix().units) {
    UnitStatus u;
    u.unit = unit;
    u.items = items_of_unit(report, graph, unit);
    std::vector<std::size_t> indices;
    indices.reserve(u.items.size());
    for (const UnitItem& item : u.items) indices.push_back(item.item);
    u.counts = count_lights(report, indices);
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace duban
