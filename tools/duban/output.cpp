#include "output.hpp"

#include <ostream>

namespace duban::tool {

std::string_view role_label(Role role) noexcept {
  switch (role) {
    case Role::lead: return "牵头";
    case Role::responsible: return "责任";
    case Role::support: return "配合";
  }
  return "";
}

std::string units_with_role(const Plan&, const Task& task, Role role) {
  std::string out;
  for (const auto& r : task.responsibilities) {
    if (r.role != role) continue;
    if (!out.empty()) out += "、";
    out += r.name;
  }
  return out;
}

std::string task_heading(const Task& task) {
  if (task.number.empty()) return task.title;
  if (task.kind == TaskKind::measure) return "（" + task.number + "）" + task.title;
  return task.number + ". " + task.title;
}

void print_lint(std::ostream& out, const LintReport& report) {
  if (report.clean()) {
    out << "lint: no findings\n";
    return;
  }
  for (const auto& e : report.entries) {
    out << to_string(e.severity) << " [" << to_string(e.code) << "] " << e.message << "\n";
  }
}

}  // namespace duban::tool
