// The lint report: what a coordinator should look at before the plan goes
// out. Findings, not errors: the graph is usable either way.
#include <algorithm>
#include <array>
#include <map>
#include <utility>

#include "duban/error.hpp"
#include "graph/impl.hpp"

namespace duban {
namespace {

using graph::EdgeKind;
using Impl = ResponsibilityGraph::Impl;

constexpr std::array<std::pair<LintCode, std::string_view>, 7> kCodes{{
    {LintCode::task_without_unit, "task_without_unit"},
    {LintCode::several_leads, "several_leads"},
    {LintCode::unresolved_group, "unresolved_group"},
    {LintCode::unit_without_task, "unit_without_task"},
    {LintCode::unknown_unit, "unknown_unit"},
    {LintCode::missing_dependency, "missing_dependency"},
    {LintCode::dependency_cycle, "dependency_cycle"},
}};

std::string join_units(const Impl& impl, const std::vector<UnitId>& ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i == 0 ? "" : ", ") + impl.unit_label(ids[i]);
  return out;
}

// The entries as written that resolved, in position order.
std::vector<std::pair<UnitId, Role>> written(const Impl& impl, std::size_t task) {
  std::vector<std::pair<UnitId, Role>> out;
  for (const auto e : boost::make_iterator_range(boost::out_edges(impl.tasks[task].vertex, impl.g))) {
    if (impl.g[e].kind == EdgeKind::responsibility) out.emplace_back(impl.g[boost::target(e, impl.g)].id, impl.g[e].role);
  }
  return out;
}

void lint_tasks(const Impl& impl, LintReport& r) {
  for (std::size_t i = 0; i < impl.tasks.size(); ++i) {
    const auto id = static_cast<TaskId>(i + 1);
    const Impl::TaskInfo& t = impl.tasks[i];
    const auto entries = written(impl, i);
    if (entries.empty()) {
      std::string message = t.label + " names no unit";
      if (!t.unknown_units.empty()) {
        message += " the directory knows (";
        for (std::size_t k = 0; k < t.unknown_units.size(); ++k) {
          message += (k == 0 ? "" : ", ") + quote(t.unknown_units[k].second);
        }
        message += ")";
      }
      r.entries.push_back({LintCode::task_without_unit, Severity::warning, {id}, {}, std::move(message)});
    }
    std::vector<UnitId> leads;
    for (const auto& [unit, role] : entries) {
      if (role == Role::lead) leads.push_back(unit);
    }
    if (leads.size() > 1) {
      std::string message =
          t.label + " has " + std::to_string(leads.size()) + " leads: " + join_units(impl, leads);
      r.entries.push_back({LintCode::several_leads, Severity::warning, {id}, leads, std::move(message)});
    }
  }
}

// Every group kept symbolic in some task, whether the plan names it or it
// sits inside a group the plan names: its part would otherwise go unseen.
void lint_groups(const Impl& impl, LintReport& r) {
  std::map<std::size_t, std::vector<TaskId>> held;  // unit index → tasks, in plan order
  for (const Assignment& a : impl.cells) {
    const std::size_t at = impl.unit_index.at(a.unit);
    if (impl.units[at].unresolved) held[at].push_back(a.task);
  }
  for (const auto& [at, tasks] : held) {
    const Impl::UnitInfo& g = impl.units[at];
    std::string message = "group " + quote(g.name) + " has no known members but holds ";
    for (std::size_t k = 0; k < tasks.size(); ++k) message += (k == 0 ? "" : ", ") + impl.task(tasks[k]).label;
    r.entries.push_back({LintCode::unresolved_group, Severity::warning, tasks, {g.id}, std::move(message)});
  }
}

void lint_idle_units(const Impl& impl, LintReport& r) {
  std::vector<bool> holds(impl.units.size(), false);
  for (const Assignment& a : impl.cells) holds[impl.unit_index.at(a.unit)] = true;
  for (std::size_t u = 0; u < impl.units.size(); ++u) {
    if (impl.units[u].group || holds[u]) continue;
    r.entries.push_back({LintCode::unit_without_task, Severity::info, {}, {impl.units[u].id},
                         "unit " + quote(impl.units[u].name) + " holds no task, directly or through a group"});
  }
}

void lint_unknown(const Impl& impl, LintReport& r) {
  for (std::size_t i = 0; i < impl.tasks.size(); ++i) {
    for (const auto& [position, name] : impl.tasks[i].unknown_units) {
      r.entries.push_back({LintCode::unknown_unit, Severity::error, {static_cast<TaskId>(i + 1)}, {},
                           impl.tasks[i].label + " names unknown unit " + quote(name) + " at position " +
                               std::to_string(position)});
    }
  }
}

void lint_dependencies(const Impl& impl, LintReport& r) {
  for (std::size_t i = 0; i < impl.tasks.size(); ++i) {
    for (const std::string& key : impl.tasks[i].missing_dependencies) {
      r.entries.push_back({LintCode::missing_dependency, Severity::error, {static_cast<TaskId>(i + 1)}, {},
                           impl.tasks[i].label + " depends on " + quote(key) + ", which is no task's key"});
    }
  }
  for (const auto& cycle : impl.cycles) {
    std::string message = "dependency cycle: ";
    for (std::size_t k = 0; k < cycle.size(); ++k) message += (k == 0 ? "" : " → ") + impl.task(cycle[k]).label;
    // The closing repeat of the first task is for reading, not for the id list.
    std::vector<TaskId> tasks(cycle.begin(), cycle.end() - 1);
    r.entries.push_back({LintCode::dependency_cycle, Severity::error, std::move(tasks), {}, std::move(message)});
  }
}

}  // namespace

std::string_view to_string(LintCode code) noexcept {
  for (const auto& [c, name] : kCodes) {
    if (c == code) return name;
  }
  return {};
}

std::size_t LintReport::count(LintCode code) const noexcept {
  return static_cast<std::size_t>(
      std::count_if(entries.begin(), entries.end(), [&](const LintEntry& e) { return e.code == code; }));
}

LintReport ResponsibilityGraph::lint() const {
  const Impl& impl = *impl_;
  LintReport r;
  lint_tasks(impl, r);
  lint_groups(impl, r);
  lint_idle_units(impl, r);
  lint_unknown(impl, r);
  lint_dependencies(impl, r);
  // Code order first; within a code the order each pass produced (plan or
  // directory order) is kept.
  std::stable_sort(r.entries.begin(), r.entries.end(), [](const LintEntry& a, const LintEntry& b) {
    return static_cast<int>(a.code) < static_cast<int>(b.code);
  });
  return r;
}

}  // namespace duban
