// Rendering a plan's responsibilities for people and other programs:
// Graphviz DOT, and the responsibility matrix as CSV or as a text table.
//
// Every function is deterministic (the same inputs give byte-identical
// output) and takes the Plan and Directory the graph was built from; a graph
// whose task count differs from the plan's is an Errc::inval error, and a
// unit the directory does not know is an Errc::notfound error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "duban/graph.hpp"
#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban {

// The one-character mark of a role in a matrix cell: 牵, 责, 配.
std::string_view role_mark(Role role) noexcept;

// A Graphviz digraph: each category a cluster holding its tasks (boxes);
// units as ellipses and groups as hexagons (dashed and shaded when nobody
// has listed their members), with dotted edges from a group to its members;
// task → unit edges bold for lead, solid for responsible, dashed for
// support; a name the directory does not know as a red note; blue
// prerequisite → task edges for dependencies. Labels are the
// UTF-8 text as written, escaped for DOT. Throws Errc::encoding for text
// that is not UTF-8.
std::string to_dot(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph);

// The matrix as CSV for spreadsheets: a UTF-8 byte-order mark, CRLF line
// ends, RFC 4180 quoting. Header: 序号 (TaskId), 编号 (number as printed),
// 任务 (title), then one column per unit name. A cell is 牵/责/配, followed
// by the group in full-width brackets when the unit holds the task through
// it: 配（各街镇）.
std::string matrix_csv(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph);

// The matrix as an aligned text table for terminals (CJK characters count
// two columns): 序号, 编号, 任务 (cut to `title_width` columns with …), then
// a column per unit; a cell reached through a group carries a *. Ends with
// a legend line. No trailing spaces; "\n" line ends.
std::string matrix_text(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph,
                        std::size_t title_width = 24);

}  // namespace duban
