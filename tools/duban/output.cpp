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

std::string due_summary(const Deadline& d) {
  std::string out;
  if (d.due) {
    out = format_date(*d.due);
  } else if (d.recurrence) {
    out = "every " + std::string(to_string(d.recurrence->every));
    if (d.recurrence->day != 0) out += " on day " + std::to_string(d.recurrence->day);
  } else if (d.ongoing) {
    out = "ongoing";
  }
  if (!d.text.empty()) out += out.empty() ? d.text : "（" + d.text + "）";
  return out;
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
