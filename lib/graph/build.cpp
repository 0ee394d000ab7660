// Building the graph: one vertex per unit, group, category and task, then
// the tables every query reads. Nothing here keeps a pointer into the Plan
// or the Directory.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "duban/error.hpp"
#include "graph/impl.hpp"

namespace duban {
namespace {

using graph::EdgeKind;
using graph::Vertex;
using graph::VertexKind;
using Impl = ResponsibilityGraph::Impl;

std::string make_task_label(TaskId id, const Task& t) {
  std::string label = "task " + std::to_string(id);
  const std::string& name = !t.title.empty() ? t.title : (!t.key.empty() ? t.key : t.number);
  if (!name.empty()) label += " " + quote(name, 60);
  return label;
}

void add_units(Impl& impl, const Directory& directory) {
  impl.units.reserve(directory.size());
  for (const Unit& u : directory.units()) {
    Impl::UnitInfo info;
    info.id = u.id;
    info.name = u.name;
    info.group = u.is_group();
    info.vertex = boost::add_vertex({u.is_group() ? VertexKind::group : VertexKind::unit, u.id}, impl.g);
    impl.unit_index.emplace(u.id, impl.units.size());
    impl.units.push_back(std::move(info));
  }
}

void add_memberships(Impl& impl, const Directory& directory) {
  for (const Unit& u : directory.units()) {
    if (!u.is_group()) continue;
    const Vertex from = impl.unit(u.id).vertex;
    std::unordered_set<UnitId> linked;
    const auto link = [&](UnitId member) {
      if (member == u.id || !linked.insert(member).second) return;
      const auto it = impl.unit_index.find(member);
      if (it == impl.unit_index.end()) return;
      boost::add_edge(from, impl.units[it->second].vertex, {EdgeKind::membership, Role::responsible, 0}, impl.g);
    };
    for (UnitId m : u.members) link(m);
    if (u.member_kinds.empty()) continue;
    for (const Unit& candidate : directory.units()) {
      if (!candidate.is_group() &&
          std::find(u.member_kinds.begin(), u.member_kinds.end(), candidate.kind) != u.member_kinds.end()) {
        link(candidate.id);
      }
    }
  }
}

// Everything reachable from `group` through membership edges, the group
// included; membership may loop through careless data, hence the visited set.
std::vector<std::size_t> reachable(const Impl& impl, std::size_t group) {
  std::vector<std::size_t> out;
  std::unordered_set<std::size_t> seen{group};
  std::vector<std::size_t> stack{group};
  while (!stack.empty()) {
    const std::size_t at = stack.back();
    stack.pop_back();
    out.push_back(at);
    for (const auto e : boost::make_iterator_range(boost::out_edges(impl.units[at].vertex, impl.g))) {
      if (impl.g[e].kind != EdgeKind::membership) continue;
      const std::size_t next = impl.unit_index.at(impl.g[boost::target(e, impl.g)].id);
      if (seen.insert(next).second) stack.push_back(next);
    }
  }
  return out;
}

// What a group written in a plan stands for, as unit indices in directory
// order: the plain units reachable from it, and the reachable groups whose
// members nobody knows (kept symbolic, so they are never silently lost).
std::unordered_map<std::size_t, std::vector<std::size_t>> expand_groups(Impl& impl) {
  std::unordered_map<std::size_t, std::vector<std::size_t>> reach;
  for (std::size_t i = 0; i < impl.units.size(); ++i) {
    if (!impl.units[i].group) continue;
    auto r = reachable(impl, i);
    impl.units[i].unresolved =
        std::none_of(r.begin(), r.end(), [&](std::size_t j) { return !impl.units[j].group; });
    reach.emplace(i, std::move(r));
  }
  std::unordered_map<std::size_t, std::vector<std::size_t>> expansion;
  for (auto& [group, r] : reach) {
    std::vector<std::size_t> keep;
    for (std::size_t j : r) {
      if (!impl.units[j].group || impl.units[j].unresolved) keep.push_back(j);
    }
    std::sort(keep.begin(), keep.end());
    expansion.emplace(group, std::move(keep));
  }
  return expansion;
}

void add_tasks(Impl& impl, const Plan& plan) {
  for (std::size_t c = 0; c < plan.categories.size(); ++c) {
    impl.category_vertex.push_back(
        boost::add_vertex({VertexKind::category, static_cast<std::int64_t>(c)}, impl.g));
  }
  impl.tasks.reserve(plan.tasks.size());
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& t = plan.tasks[i];
    const auto id = static_cast<TaskId>(i + 1);
    Impl::TaskInfo info;
    info.label = make_task_label(id, t);
    info.category = t.category;
    info.vertex = boost::add_vertex({VertexKind::task, id}, impl.g);
    if (t.category >= 0 && static_cast<std::size_t>(t.category) < impl.category_vertex.size()) {
      boost::add_edge(impl.category_vertex[static_cast<std::size_t>(t.category)], info.vertex,
                      {EdgeKind::containment, Role::responsible, 0}, impl.g);
    } else {
      info.category = -1;
    }
    for (std::size_t p = 0; p < t.responsibilities.size(); ++p) {
      const Responsibility& r = t.responsibilities[p];
      const int position = static_cast<int>(p) + 1;
      const auto it = r.unit == 0 ? impl.unit_index.end() : impl.unit_index.find(r.unit);
      if (it == impl.unit_index.end()) {
        info.unknown_units.emplace_back(position, r.name.empty() ? "unit " + std::to_string(r.unit) : r.name);
        continue;
      }
      boost::add_edge(info.vertex, impl.units[it->second].vertex, {EdgeKind::responsibility, r.role, position},
                      impl.g);
    }
    impl.tasks.push_back(std::move(info));
  }
  // Keys index once: find_task per dependency would be quadratic in big plans.
  std::unordered_map<std::string_view, std::size_t> by_key;
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) by_key.emplace(plan.tasks[i].key, i);
  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    std::unordered_set<std::size_t> seen;
    for (const std::string& key : plan.tasks[i].depends_on) {
      const auto it = by_key.find(key);
      if (it == by_key.end()) {
        impl.tasks[i].missing_dependencies.push_back(key);
      } else if (seen.insert(it->second).second) {
        boost::add_edge(impl.tasks[it->second].vertex, impl.tasks[i].vertex,
                        {EdgeKind::dependency, Role::responsible, 0}, impl.g);
      }
    }
  }
}

void build_cells(Impl& impl, const std::unordered_map<std::size_t, std::vector<std::size_t>>& expansion) {
  impl.row_begin.reserve(impl.tasks.size() + 1);
  std::vector<bool> holds(impl.units.size(), false);
  std::unordered_map<std::size_t, Assignment> best;  // unit index → strongest so far
  for (std::size_t i = 0; i < impl.tasks.size(); ++i) {
    const auto id = static_cast<TaskId>(i + 1);
    impl.row_begin.push_back(impl.cells.size());
    best.clear();
    for (const auto e : boost::make_iterator_range(boost::out_edges(impl.tasks[i].vertex, impl.g))) {
      const graph::EdgeProps& edge = impl.g[e];
      if (edge.kind != EdgeKind::responsibility) continue;
      const std::size_t written = impl.unit_index.at(impl.g[boost::target(e, impl.g)].id);
      const auto offer = [&](std::size_t unit) {
        const Impl::UnitInfo& u = impl.units[unit];
        const Assignment a{id, u.id, edge.role, edge.position, unit == written ? 0 : impl.units[written].id, u.group};
        const auto [it, fresh] = best.emplace(unit, a);
        if (!fresh && graph::stronger(a, it->second)) it->second = a;
      };
      if (impl.units[written].group) {
        for (std::size_t unit : expansion.at(written)) offer(unit);
      } else {
        offer(written);
      }
    }
    std::vector<std::pair<std::size_t, Assignment>> row(best.begin(), best.end());
    std::sort(row.begin(), row.end(), [](const auto& a, const auto& b) {
      return a.second.position != b.second.position ? a.second.position < b.second.position : a.first < b.first;
    });
    for (const auto& [unit, a] : row) {
      holds[unit] = true;
      impl.cells.push_back(a);
    }
  }
  impl.row_begin.push_back(impl.cells.size());
  for (std::size_t u = 0; u < impl.units.size(); ++u) {
    if (holds[u]) impl.columns.push_back(impl.units[u].id);
  }
}

}  // namespace

const ResponsibilityGraph::Impl::UnitInfo& ResponsibilityGraph::Impl::unit(UnitId id) const {
  const auto it = unit_index.find(id);
  if (it == unit_index.end()) {
    throw Error(Errc::notfound, ErrClass::argument,
                "no unit with id " + std::to_string(id) + " in the graph's directory");
  }
  return units[it->second];
}

const ResponsibilityGraph::Impl::TaskInfo& ResponsibilityGraph::Impl::task(TaskId id) const {
  if (id < 1 || static_cast<std::size_t>(id) > tasks.size()) {
    throw Error(Errc::notfound, ErrClass::argument,
                "no task " + std::to_string(id) + " (the plan has " + std::to_string(tasks.size()) + " tasks)");
  }
  return tasks[static_cast<std::size_t>(id - 1)];
}

std::string ResponsibilityGraph::Impl::unit_label(UnitId id) const {
  const auto it = unit_index.find(id);
  return it == unit_index.end() ? "unit " + std::to_string(id) : quote(units[it->second].name);
}

ResponsibilityGraph::ResponsibilityGraph(const Plan& plan, const Directory& directory) {
  auto impl = std::make_shared<Impl>();
  add_units(*impl, directory);
  add_memberships(*impl, directory);
  const auto expansion = expand_groups(*impl);
  add_tasks(*impl, plan);
  build_cells(*impl, expansion);
  graph::build_dependencies(*impl);
  impl_ = std::move(impl);
}

std::size_t ResponsibilityGraph::task_count() const noexcept { return impl_->tasks.size(); }

bool ResponsibilityGraph::has_task(TaskId task) const noexcept {
  return task >= 1 && static_cast<std::size_t>(task) <= impl_->tasks.size();
}

bool ResponsibilityGraph::has_unit(UnitId unit) const noexcept { return impl_->unit_index.count(unit) != 0; }

}  // namespace duban
