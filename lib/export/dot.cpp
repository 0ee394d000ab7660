// Graphviz DOT for the responsibility graph. Node ids are ASCII (t<TaskId>,
// u<UnitId>) so that only labels carry user text, always quoted.
#include <set>
#include <unordered_map>

#include "duban/error.hpp"
#include "duban/export.hpp"
#include "export/common.hpp"
#include "export/text_width.hpp"
#include "text/utf8.hpp"

namespace duban {
namespace {

constexpr std::size_t kLabelWidth = 20;  // columns per line of a task label
constexpr std::size_t kLabelLines = 3;

// A DOT double-quoted string. Backslash starts an escape in DOT labels
// (\n, \l, \N), so a literal one is doubled; controls become spaces or line
// breaks so a title pasted from a document cannot break the file.
std::string dot_string(std::string_view s, std::string_view what) {
  text::require_utf8(s, what);
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  out += '"';
  return out;
}

std::string task_label(const Task& t) {
  std::string head = t.number.empty() ? std::string() : t.number + " ";
  std::string label;
  const auto lines = render::wrap_width(head + t.title, kLabelWidth, kLabelLines);
  for (std::size_t i = 0; i < lines.size(); ++i) label += (i == 0 ? "" : "\n") + lines[i];
  return label;
}

std::string_view role_style(Role role) {
  switch (role) {
    case Role::lead: return "style=bold, penwidth=2.0, tooltip=\"牵头\"";
    case Role::responsible: return "style=solid, tooltip=\"责任\"";
    case Role::support: return "style=dashed, tooltip=\"配合\"";
  }
  return "";
}

// Direct members of a group: those it names, then every plain unit of a
// kind it covers (各街镇 = every street and town), in directory order.
std::vector<UnitId> direct_members(const Directory& directory, const Unit& g) {
  std::set<UnitId> seen;
  std::vector<UnitId> out;
  for (UnitId m : g.members) {
    if (m != g.id && directory.find(m) != nullptr && seen.insert(m).second) out.push_back(m);
  }
  for (const Unit& u : directory.units()) {
    if (u.is_group() || seen.count(u.id) != 0) continue;
    for (UnitKind k : g.member_kinds) {
      if (u.kind == k) {
        seen.insert(u.id);
        out.push_back(u.id);
        break;
      }
    }
  }
  return out;
}

class DotWriter {
 public:
  DotWriter(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph)
      : plan_(plan), directory_(directory), graph_(graph) {}

  std::string write() {
    out_ = "digraph duban {\n";
    out_ += "  graph [charset=\"UTF-8\", rankdir=LR, fontname=\"sans-serif\"";
    if (!plan_.title.empty()) out_ += ", labelloc=t, label=" + dot_string(plan_.title, "plan title");
    out_ += "];\n";
    out_ += "  node [fontname=\"sans-serif\", fontsize=10];\n";
    out_ += "  edge [fontname=\"sans-serif\", fontsize=9];\n";
    write_tasks();
    write_units();
    write_responsibilities();
    write_dependencies();
    out_ += "}\n";
    return std::move(out_);
  }

 private:
  void write_task(TaskId id, std::string_view indent) {
    const Task& t = plan_.tasks[static_cast<std::size_t>(id - 1)];
    const std::string what = "title of task " + std::to_string(id);
    out_ += std::string(indent) + "\"t" + std::to_string(id) + "\" [shape=box, label=" +
            dot_string(task_label(t), what) + ", tooltip=" + dot_string(t.title, what) + "];\n";
  }

  void write_tasks() {
    for (std::size_t c = 0; c < plan_.categories.size(); ++c) {
      const auto tasks = graph_.tasks_in_category(static_cast<int>(c));
      if (tasks.empty()) continue;
      const Category& cat = plan_.categories[c];
      const std::string label = cat.number.empty() ? cat.title : cat.number + " " + cat.title;
      out_ += "  subgraph \"cluster_c" + std::to_string(c) + "\" {\n";
      out_ += "    label=" + dot_string(label, "title of category " + std::to_string(c + 1)) +
              ";\n    style=rounded;\n    color=gray60;\n";
      for (TaskId id : tasks) write_task(id, "    ");
      out_ += "  }\n";
    }
    for (std::size_t i = 0; i < plan_.tasks.size(); ++i) {
      const int c = plan_.tasks[i].category;
      if (c < 0 || static_cast<std::size_t>(c) >= plan_.categories.size()) {
        write_task(static_cast<TaskId>(i + 1), "  ");
      }
    }
  }

  // Every unit a task names, and every member reachable from a group a
  // task names, so that a collective shows whom it stands for.
  void write_units() {
    std::vector<UnitId> stack;
    for (std::size_t i = 0; i < plan_.tasks.size(); ++i) {
      for (const Assignment& a : graph_.units_of(static_cast<TaskId>(i + 1), {std::nullopt, GroupMode::keep})) {
        if (drawn_.insert(a.unit).second) stack.push_back(a.unit);
      }
    }
    while (!stack.empty()) {
      const Unit& u = render::unit_in(directory_, stack.back(), "to_dot");
      stack.pop_back();
      if (!u.is_group()) continue;
      auto& members = members_[u.id];
      members = direct_members(directory_, u);
      for (UnitId m : members) {
        if (drawn_.insert(m).second) stack.push_back(m);
      }
    }
    for (const Unit& u : directory_.units()) {
      if (drawn_.count(u.id) == 0) continue;
      const std::string label = dot_string(u.name, "name of unit " + std::to_string(u.id));
      out_ += "  \"u" + std::to_string(u.id) + "\" [label=" + label;
      if (!u.is_group()) {
        out_ += ", shape=ellipse];\n";
      } else if (directory_.is_unresolved_group(u.id)) {
        out_ += ", shape=hexagon, style=\"dashed,filled\", fillcolor=\"#f4cccc\", tooltip=\"成员未知\"];\n";
      } else {
        out_ += ", shape=hexagon, style=filled, fillcolor=\"#dde6f3\"];\n";
      }
    }
    for (const Unit& u : directory_.units()) {
      const auto it = members_.find(u.id);
      if (it == members_.end()) continue;
      for (UnitId m : it->second) {
        out_ += "  \"u" + std::to_string(u.id) + "\" -> \"u" + std::to_string(m) +
                "\" [style=dotted, arrowhead=none, color=gray50];\n";
      }
    }
  }

  void write_responsibilities() {
    for (std::size_t i = 0; i < plan_.tasks.size(); ++i) {
      const auto id = static_cast<TaskId>(i + 1);
      for (const Assignment& a : graph_.units_of(id, {std::nullopt, GroupMode::keep})) {
        out_ += "  \"t" + std::to_string(id) + "\" -> \"u" + std::to_string(a.unit) + "\" [" +
                std::string(role_style(a.role)) + "];\n";
      }
    }
    // A name the directory does not know is drawn, not dropped: a red note
    // of its own per entry, so the picture shows what still needs resolving.
    for (std::size_t i = 0; i < plan_.tasks.size(); ++i) {
      const auto& entries = plan_.tasks[i].responsibilities;
      for (std::size_t p = 0; p < entries.size(); ++p) {
        const Responsibility& r = entries[p];
        if (r.unit != 0 && directory_.find(r.unit) != nullptr) continue;
        const std::string node = "\"x" + std::to_string(i + 1) + "_" + std::to_string(p + 1) + "\"";
        const std::string name = r.name.empty() ? "unit " + std::to_string(r.unit) : r.name;
        out_ += "  " + node + " [label=" +
                dot_string(name, "unit name in task " + std::to_string(i + 1)) +
                ", shape=note, color=red, fontcolor=red, tooltip=\"目录中没有此单位\"];\n";
        out_ += "  \"t" + std::to_string(i + 1) + "\" -> " + node + " [" + std::string(role_style(r.role)) +
                ", color=red];\n";
      }
    }
  }

  void write_dependencies() {
    std::unordered_map<std::string_view, std::size_t> by_key;
    for (std::size_t i = 0; i < plan_.tasks.size(); ++i) by_key.emplace(plan_.tasks[i].key, i);
    for (std::size_t i = 0; i < plan_.tasks.size(); ++i) {
      std::set<std::size_t> seen;
      for (const std::string& key : plan_.tasks[i].depends_on) {
        const auto it = by_key.find(key);
        if (it == by_key.end() || !seen.insert(it->second).second) continue;
        out_ += "  \"t" + std::to_string(it->second + 1) + "\" -> \"t" + std::to_string(i + 1) +
                "\" [color=blue, arrowhead=empty, tooltip=\"前置任务\"];\n";
      }
    }
  }

  const Plan& plan_;
  const Directory& directory_;
  const ResponsibilityGraph& graph_;
  std::string out_;
  std::set<UnitId> drawn_;
  std::unordered_map<UnitId, std::vector<UnitId>> members_;
};

}  // namespace

std::string to_dot(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph) {
  render::require_same_plan(plan, graph, "to_dot");
  return DotWriter(plan, directory, graph).write();
}

}  // namespace duban
