// duban verify — walk the audit chain: "intact", or the first event
// altered, removed or inserted (exit status 3).
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace duban::tool {

void add_verify_command(CLI::App& app) {
  struct Args {
    std::string db;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "verify", "Check the ledger's audit chain: intact, or which event was altered, removed or inserted");
  cmd->add_option("--db", args->db, "The ledger file (SQLite)")->required();
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->callback([args] {
    const ChainCheck check = open_existing(args->db, true).verify();
    if (args->json) {
      nlohmann::ordered_json j;
      j["intact"] = check.intact();
      j["finding"] = to_string(check.finding);
      j["event"] = check.event == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(check.event);
      j["events"] = check.events;
      j["algorithm"] = to_string(check.algorithm);
      j["head"] = check.head.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(check.head);
      j["message"] = check.message;
      std::cout << j.dump(2) << "\n";
    } else {
      std::cout << args->db << ": " << check.message << "\n";
    }
    if (!check.intact()) throw CLI::RuntimeError(3);
  });
}

}  // namespace duban::tool
