// Who holds what: units of a task, tasks of a unit, the matrix, workloads.
#include <algorithm>
#include <unordered_set>

#include "duban/error.hpp"
#include "graph/impl.hpp"

namespace duban {
namespace graph {

bool stronger(const Assignment& a, const Assignment& b) noexcept {
  // Role values run lead = 1 < responsible < support: smaller is stronger.
  if (a.role != b.role) return static_cast<int>(a.role) < static_cast<int>(b.role);
  if ((a.via_group == 0) != (b.via_group == 0)) return a.via_group == 0;
  return a.position < b.position;
}

std::vector<Assignment> strongest_per_task(std::vector<Assignment> hits) {
  std::sort(hits.begin(), hits.end(), [](const Assignment& a, const Assignment& b) {
    return a.task != b.task ? a.task < b.task : stronger(a, b);
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const Assignment& a, const Assignment& b) { return a.task == b.task; }),
             hits.end());
  return hits;
}

}  // namespace graph

namespace {

using graph::EdgeKind;
using Impl = ResponsibilityGraph::Impl;

void keep_role(std::vector<Assignment>& v, const std::optional<Role>& role) {
  if (!role) return;
  v.erase(std::remove_if(v.begin(), v.end(), [&](const Assignment& a) { return a.role != *role; }), v.end());
}

// The groups holding `start`, directly or through other groups; membership
// may loop through careless data, hence the visited set.
std::vector<graph::Vertex> holders(const Impl& impl, graph::Vertex start) {
  std::vector<graph::Vertex> out;
  std::unordered_set<graph::Vertex> seen{start};
  std::vector<graph::Vertex> stack{start};
  while (!stack.empty()) {
    const graph::Vertex at = stack.back();
    stack.pop_back();
    for (const auto e : boost::make_iterator_range(boost::in_edges(at, impl.g))) {
      if (impl.g[e].kind != EdgeKind::membership) continue;
      const graph::Vertex group = boost::source(e, impl.g);
      if (seen.insert(group).second) {
        out.push_back(group);
        stack.push_back(group);
      }
    }
  }
  return out;
}

}  // namespace

int RoleCounts::of(Role role) const noexcept {
  switch (role) {
    case Role::lead: return lead;
    case Role::responsible: return responsible;
    case Role::support: return support;
  }
  return 0;
}

RoleCounts Workload::all() const noexcept {
  return {direct.lead + through_groups.lead, direct.responsible + through_groups.responsible,
          direct.support + through_groups.support};
}

std::vector<Assignment> ResponsibilityGraph::units_of(TaskId task, const UnitQuery& query) const {
  const Impl& impl = *impl_;
  const Impl::TaskInfo& info = impl.task(task);
  std::vector<Assignment> out;
  if (query.groups == GroupMode::keep) {
    // Out-edges keep insertion order, which is the plan's position order.
    for (const auto e : boost::make_iterator_range(boost::out_edges(info.vertex, impl.g))) {
      const graph::EdgeProps& edge = impl.g[e];
      if (edge.kind != EdgeKind::responsibility) continue;
      const Impl::UnitInfo& u = impl.unit(impl.g[boost::target(e, impl.g)].id);
      out.push_back({task, u.id, edge.role, edge.position, 0, u.group});
    }
  } else {
    const auto row = static_cast<std::size_t>(task - 1);
    const auto first = impl.cells.begin() + static_cast<std::ptrdiff_t>(impl.row_begin[row]);
    const auto last = impl.cells.begin() + static_cast<std::ptrdiff_t>(impl.row_begin[row + 1]);
    out.assign(first, last);
  }
  keep_role(out, query.role);
  return out;
}

std::vector<Assignment> ResponsibilityGraph::tasks_of(UnitId unit, const TaskQuery& query) const {
  const Impl& impl = *impl_;
  const Impl::UnitInfo& info = impl.unit(unit);
  std::vector<graph::Vertex> sources{info.vertex};
  if (query.through_groups) {
    const auto more = holders(impl, info.vertex);
    sources.insert(sources.end(), more.begin(), more.end());
  }
  std::vector<Assignment> hits;
  for (const graph::Vertex v : sources) {
    const UnitId via = v == info.vertex ? 0 : impl.g[v].id;
    for (const auto e : boost::make_iterator_range(boost::in_edges(v, impl.g))) {
      const graph::EdgeProps& edge = impl.g[e];
      if (edge.kind != EdgeKind::responsibility) continue;
      hits.push_back({impl.g[boost::source(e, impl.g)].id, unit, edge.role, edge.position, via, info.group});
    }
  }
  auto out = graph::strongest_per_task(std::move(hits));
  keep_role(out, query.role);
  return out;
}

ResponsibilityMatrix ResponsibilityGraph::matrix() const {
  const Impl& impl = *impl_;
  ResponsibilityMatrix m;
  m.tasks.reserve(impl.tasks.size());
  for (std::size_t i = 0; i < impl.tasks.size(); ++i) m.tasks.push_back(static_cast<TaskId>(i + 1));
  m.units = impl.columns;
  std::unordered_map<UnitId, std::size_t> column;
  for (std::size_t c = 0; c < m.units.size(); ++c) column.emplace(m.units[c], c);
  m.cells.resize(m.tasks.size() * m.units.size());
  for (const Assignment& a : impl.cells) {
    const auto row = static_cast<std::size_t>(a.task - 1);
    m.cells[row * m.units.size() + column.at(a.unit)] = MatrixCell{a.role, a.via_group};
  }
  return m;
}

namespace {

void count(Workload& w, const Assignment& a) {
  RoleCounts& c = a.via_group == 0 ? w.direct : w.through_groups;
  switch (a.role) {
    case Role::lead: ++c.lead; break;
    case Role::responsible: ++c.responsible; break;
    case Role::support: ++c.support; break;
  }
}

}  // namespace

Workload ResponsibilityGraph::workload(UnitId unit) const {
  Workload w;
  w.unit = unit;
  for (const Assignment& a : tasks_of(unit)) count(w, a);
  return w;
}

std::vector<Workload> ResponsibilityGraph::workloads() const {
  const Impl& impl = *impl_;
  std::vector<Workload> out;
  out.reserve(impl.columns.size());
  std::unordered_map<UnitId, std::size_t> slot;
  for (UnitId u : impl.columns) {
    slot.emplace(u, out.size());
    out.push_back(Workload{u, {}, {}});
  }
  for (const Assignment& a : impl.cells) count(out[slot.at(a.unit)], a);
  return out;
}

std::vector<TaskId> ResponsibilityGraph::tasks_in_category(int category) const {
  const Impl& impl = *impl_;
  std::vector<TaskId> out;
  if (category < 0 || static_cast<std::size_t>(category) >= impl.category_vertex.size()) return out;
  for (const auto e :
       boost::make_iterator_range(boost::out_edges(impl.category_vertex[static_cast<std::size_t>(category)], impl.g))) {
    if (impl.g[e].kind == EdgeKind::containment) out.push_back(impl.g[boost::target(e, impl.g)].id);
  }
  return out;
}

}  // namespace duban
