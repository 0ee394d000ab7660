// duban units
#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "duban/json.hpp"

namespace duban::tool {

void add_units_command(CLI::App& app) {
  struct Args {
    std::string db;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("units", "List the unit directory: id, kind, name, aliases, members");
  cmd->add_option("--db", args->db, "The ledger file (SQLite)")->required();
  cmd->add_flag("--json", args->json, "Print the directory as JSON");
  cmd->callback([args] {
    const Ledger ledger = open_existing(args->db, true);
    const Directory dir = ledger.load_directory();
    if (args->json) {
      std::cout << to_json(dir);
      return;
    }
    for (const Unit& u : dir.units()) {
      std::cout << u.id << "\t" << to_string(u.kind) << "\t" << u.name << "\t";
      for (std::size_t i = 0; i < u.aliases.size(); ++i) std::cout << (i ? "、" : "") << u.aliases[i];
      if (u.is_group()) {
        const auto members = dir.expand(u.id);
        std::cout << "\t" << members.size() << " members";
        if (members.empty()) std::cout << " (unresolved)";
      }
      std::cout << "\n";
    }
  });
}

}  // namespace duban::tool
