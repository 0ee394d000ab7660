// Small text helpers for the tool's human-readable output. Machine-readable
// output goes through --json or --format csv instead, never through these.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "duban/graph.hpp"
#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban::tool {

// 牵头, 责任, 配合: how a coordinator says a role.
std::string_view role_label(Role role) noexcept;

// The names of a task's units holding `role`, joined by 、 as a document would.
std::string units_with_role(const Plan& plan, const Task& task, Role role);

// "1. 健全工作机制" or "（一）压实工作责任" for measures.
std::string task_heading(const Task& task);

// One line per lint entry: "warning [several_leads] task 5 …".
void print_lint(std::ostream& out, const LintReport& report);

}  // namespace duban::tool
