// duban tasks — who holds which task, for one unit or for all.
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace duban::tool {
namespace {

struct Row {
  const Task* task;
  TaskId id;
  Assignment a;
};

std::string category_title(const Plan& plan, const Task& t) {
  return t.category >= 0 ? plan.categories[static_cast<std::size_t>(t.category)].title : std::string();
}

void print_rows(const Session& s, const std::vector<Row>& rows, bool json) {
  if (json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Row& r : rows) {
      nlohmann::ordered_json j;
      j["task_id"] = r.id;
      j["key"] = r.task->key;
      j["number"] = r.task->number;
      j["title"] = r.task->title;
      j["kind"] = to_string(r.task->kind);
      j["category"] = category_title(s.plan, *r.task);
      j["unit_id"] = r.a.unit;
      j["unit"] = s.directory.at(r.a.unit).name;
      j["role"] = to_string(r.a.role);
      j["via_group"] = r.a.via_group ? nlohmann::ordered_json(s.directory.at(r.a.via_group).name) : nullptr;
      j["collective"] = r.a.collective;
      out.push_back(std::move(j));
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  for (const Row& r : rows) {
    std::cout << r.task->key << "\t" << r.task->number << "\t" << to_string(r.a.role) << "\t"
              << s.directory.at(r.a.unit).name << "\t"
              << (r.a.via_group ? s.directory.at(r.a.via_group).name : std::string("-")) << "\t" << r.task->title
              << "\n";
  }
}

}  // namespace

void add_tasks_command(CLI::App& app) {
  struct Args {
    LedgerArgs ledger;
    std::string unit;
    std::string role;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "tasks", "List tasks with their units; one line per task and unit: key, number, role, unit, via group, title");
  add_ledger_options(*cmd, args->ledger);
  cmd->add_option("--unit", args->unit, "Only this unit's tasks (including through its groups)");
  cmd->add_option("--role", args->role, "Only this role: lead, responsible or support (牵头, 责任, 配合)");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->callback([args] {
    std::optional<Role> role;
    if (!args->role.empty()) role = parse_role(args->role);
    const Session s = open_session(args->ledger);
    std::vector<Row> rows;
    if (!args->unit.empty()) {
      const UnitId unit = s.directory.resolve(args->unit, "--unit");
      for (const Assignment& a : s.graph->tasks_of(unit, TaskQuery{role, true})) {
        rows.push_back({&s.plan.tasks[static_cast<std::size_t>(a.task - 1)], a.task, a});
      }
    } else {
      for (std::size_t i = 0; i < s.plan.tasks.size(); ++i) {
        const TaskId id = static_cast<TaskId>(i) + 1;
        for (const Assignment& a : s.graph->units_of(id, UnitQuery{role, GroupMode::keep})) {
          rows.push_back({&s.plan.tasks[i], id, a});
        }
      }
    }
    print_rows(s, rows, args->json);
  });
}

}  // namespace duban::tool
