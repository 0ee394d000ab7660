// duban lint
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"

namespace duban::tool {

void add_lint_command(CLI::App& app) {
  struct Args {
    LedgerArgs ledger;
    bool json = false;
    bool strict = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "lint", "Find tasks with no unit or several leads, unresolved collectives, units holding no task");
  add_ledger_options(*cmd, args->ledger);
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->add_flag("--strict", args->strict, "Exit with status 3 when there is any finding");
  cmd->callback([args] {
    const Session s = open_session(args->ledger);
    const LintReport report = s.graph->lint();
    if (args->json) {
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const auto& e : report.entries) {
        nlohmann::ordered_json j;
        j["code"] = to_string(e.code);
        j["severity"] = to_string(e.severity);
        nlohmann::ordered_json tasks = nlohmann::ordered_json::array();
        for (TaskId t : e.tasks) tasks.push_back(s.plan.tasks[static_cast<std::size_t>(t - 1)].key);
        j["tasks"] = std::move(tasks);
        nlohmann::ordered_json units = nlohmann::ordered_json::array();
        for (UnitId u : e.units) units.push_back(s.directory.at(u).name);
        j["units"] = std::move(units);
        j["message"] = e.message;
        out.push_back(std::move(j));
      }
      std::cout << out.dump(2) << "\n";
    } else {
      print_lint(std::cout, report);
    }
    if (args->strict && !report.clean()) throw CLI::RuntimeError(3);
  });
}

}  // namespace duban::tool
