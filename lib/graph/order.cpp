// Dependencies between tasks: the order they can be done in, what waits on
// what, and the cycles that make an order impossible.
#include <algorithm>
#include <deque>
#include <iterator>
#include <map>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include "duban/error.hpp"
#include "graph/impl.hpp"

namespace duban {
namespace {

using graph::TaskGraph;
using Impl = ResponsibilityGraph::Impl;
using TaskVertex = boost::graph_traits<TaskGraph>::vertex_descriptor;

TaskId to_id(TaskVertex v) { return static_cast<TaskId>(v) + 1; }

// The shortest cycle through `start` whose vertices all lie in `component`:
// a breadth-first walk from `start` that stops at the first vertex with an
// edge back to it. Returned closed (first == last).
std::vector<TaskId> cycle_through(const TaskGraph& g, TaskVertex start, const std::vector<int>& component) {
  const int c = component[start];
  std::vector<TaskVertex> parent(boost::num_vertices(g), boost::graph_traits<TaskGraph>::null_vertex());
  std::deque<TaskVertex> queue{start};
  parent[start] = start;
  while (!queue.empty()) {
    const TaskVertex v = queue.front();
    queue.pop_front();
    for (const auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const TaskVertex w = boost::target(e, g);
      if (w == start) {
        std::vector<TaskId> path{to_id(start)};
        for (TaskVertex at = v; at != start; at = parent[at]) path.push_back(to_id(at));
        std::reverse(path.begin() + 1, path.end());
        path.push_back(to_id(start));
        return path;
      }
      if (component[w] == c && parent[w] == boost::graph_traits<TaskGraph>::null_vertex()) {
        parent[w] = v;
        queue.push_back(w);
      }
    }
  }
  return {};  // unreachable for a vertex of a non-trivial component
}

std::vector<std::vector<TaskId>> find_cycles(const TaskGraph& g) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<int> component(n, 0);
  boost::strong_components(g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  // Smallest member first, so cycles come out in plan order.
  std::map<int, std::vector<TaskVertex>> members;
  for (TaskVertex v = 0; v < n; ++v) members[component[v]].push_back(v);
  std::vector<std::vector<TaskId>> cycles;
  for (const auto& [c, vs] : members) {
    const TaskVertex first = vs.front();
    const bool self_loop = boost::edge(first, first, g).second;
    if (vs.size() > 1 || self_loop) cycles.push_back(cycle_through(g, first, component));
  }
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

struct Collect : boost::default_bfs_visitor {
  std::vector<TaskVertex>* found;
  void discover_vertex(TaskVertex v, const TaskGraph&) const { found->push_back(v); }
};

std::vector<TaskId> reach(const TaskGraph& g, TaskId task) {
  std::vector<TaskVertex> found;
  Collect visitor;
  visitor.found = &found;
  const auto start = static_cast<TaskVertex>(task - 1);
  boost::breadth_first_search(g, start, boost::visitor(visitor));
  std::vector<TaskId> out;
  for (TaskVertex v : found) {
    if (v != start) out.push_back(to_id(v));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

namespace graph {

void build_dependencies(Impl& impl) {
  const std::size_t n = impl.tasks.size();
  std::vector<std::pair<std::size_t, std::size_t>> needs;  // (task, prerequisite)
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto e : boost::make_iterator_range(boost::out_edges(impl.tasks[i].vertex, impl.g))) {
      if (impl.g[e].kind != EdgeKind::dependency) continue;
      needs.emplace_back(static_cast<std::size_t>(impl.g[boost::target(e, impl.g)].id - 1), i);
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> feeds;  // (prerequisite, task)
  feeds.reserve(needs.size());
  for (const auto& [task, pre] : needs) feeds.emplace_back(pre, task);
  std::sort(needs.begin(), needs.end());
  std::sort(feeds.begin(), feeds.end());
  impl.prerequisites = TaskGraph(boost::edges_are_sorted, needs.begin(), needs.end(), n);
  impl.dependents = TaskGraph(boost::edges_are_sorted, feeds.begin(), feeds.end(), n);

  impl.cycles = find_cycles(impl.prerequisites);
  if (!impl.cycles.empty()) return;
  // Depth-first over "depends on" edges from each task in plan order: a
  // task finishes after its prerequisites, so finish order is a valid order
  // that otherwise keeps the plan's.
  std::vector<TaskVertex> finished;
  finished.reserve(n);
  boost::topological_sort(impl.prerequisites, std::back_inserter(finished));
  impl.order.reserve(n);
  for (TaskVertex v : finished) impl.order.push_back(to_id(v));
}

}  // namespace graph

std::vector<TaskId> ResponsibilityGraph::dependency_order() const {
  const Impl& impl = *impl_;
  if (impl.cycles.empty()) return impl.order;
  std::string message = impl.cycles.size() == 1 ? "dependency cycle" : "dependency cycles";
  message += " (→ reads \"depends on\"): ";
  for (std::size_t c = 0; c < impl.cycles.size(); ++c) {
    if (c != 0) message += "; ";
    for (std::size_t i = 0; i < impl.cycles[c].size(); ++i) {
      if (i != 0) message += " → ";
      message += impl.task(impl.cycles[c][i]).label;
    }
  }
  throw Error(Errc::inval, ErrClass::graph, message);
}

std::vector<TaskId> ResponsibilityGraph::downstream(TaskId task) const {
  (void)impl_->task(task);
  return reach(impl_->dependents, task);
}

std::vector<TaskId> ResponsibilityGraph::upstream(TaskId task) const {
  (void)impl_->task(task);
  return reach(impl_->prerequisites, task);
}

}  // namespace duban
