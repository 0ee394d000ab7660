// The one place that names Boost.Graph types. Descriptors never leave
// lib/graph: the public API speaks TaskId and UnitId, and id → vertex maps
// live in the Impl.
#pragma once

#include <cstdint>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "duban/plan.hpp"

namespace duban::graph {

enum class VertexKind : std::uint8_t { unit, group, task, category };
enum class EdgeKind : std::uint8_t {
  responsibility,  // task → unit or group, as the plan writes it
  membership,      // group → member (named, or by unit kind)
  containment,     // category → task
  dependency,      // prerequisite → the task that depends on it
};

struct VertexProps {
  VertexKind kind = VertexKind::unit;
  std::int64_t id = 0;  // UnitId, TaskId, or category index
};

struct EdgeProps {
  EdgeKind kind = EdgeKind::membership;
  Role role = Role::responsible;  // responsibility edges only
  int position = 0;               // responsibility edges only: 1-based place in the list
};

// Built edge by edge; bidirectional because queries walk both ways (which
// groups hold a unit, which tasks name a group).
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProps, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// Dependencies only, vertex i = task index i (TaskId - 1), frozen into CSR
// for the order and reachability queries.
using TaskGraph = boost::compressed_sparse_row_graph<boost::directedS>;

}  // namespace duban::graph
