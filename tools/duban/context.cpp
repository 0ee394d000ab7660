#include "context.hpp"

#include "duban/error.hpp"

namespace duban::tool {

void add_ledger_options(CLI::App& sub, LedgerArgs& args, bool with_plan) {
  sub.add_option("--db", args.db, "The ledger file (SQLite)")->required();
  if (with_plan) sub.add_option("--plan", args.plan, "Plan id (default: the latest plan; see `duban plan list`)");
}

Ledger open_existing(const std::string& db, bool read_only) {
  LedgerOptions options;
  options.create = false;
  options.read_only = read_only;
  return Ledger::open(db, options);
}

Session open_session(const LedgerArgs& args) {
  Ledger ledger = open_existing(args.db, true);
  PlanId id = 0;
  if (args.plan) {
    id = *args.plan;
  } else if (auto latest = ledger.latest_plan()) {
    id = *latest;
  } else {
    throw Error(Errc::notfound, ErrClass::argument,
                args.db + ": the ledger holds no plan yet (load one with `duban plan load FILE.json --db " + args.db +
                    "`)");
  }
  Directory directory = ledger.load_directory();
  Plan plan = ledger.load_plan(id);
  auto graph = std::make_unique<ResponsibilityGraph>(plan, directory);
  return Session{std::move(ledger), std::move(directory), id, std::move(plan), std::move(graph)};
}

Role parse_role(const std::string& text) {
  if (auto role = role_from_string(text)) return *role;
  if (text == "牵头") return Role::lead;
  if (text == "责任" || text == "负责") return Role::responsible;
  if (text == "配合") return Role::support;
  throw CLI::ValidationError("--role", "unknown role '" + text + "' (lead, responsible or support)");
}

}  // namespace duban::tool
