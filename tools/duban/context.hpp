// What most subcommands share: the --db and --plan options, and opening the
// ledger, the plan and its graph from them.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include "duban/graph.hpp"
#include "duban/ledger.hpp"
#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban::tool {

struct LedgerArgs {
  std::string db;
  std::optional<PlanId> plan;  // default: the ledger's latest plan
};

// Adds --db (required) and, when `with_plan`, --plan ID to a subcommand.
void add_ledger_options(CLI::App& sub, LedgerArgs& args, bool with_plan = true);

// An open ledger with one plan loaded and its graph built.
struct Session {
  Ledger ledger;
  Directory directory;
  PlanId plan_id = 0;
  Plan plan;
  std::unique_ptr<ResponsibilityGraph> graph;
};

// Opens an existing ledger (never creates one: a mistyped path is an error)
// and loads the chosen plan. Throws duban::Error when there is no plan.
Session open_session(const LedgerArgs& args);
Ledger open_existing(const std::string& db, bool read_only);

// lead/responsible/support, or 牵头/责任/配合; throws CLI::ValidationError.
Role parse_role(const std::string& text);

}  // namespace duban::tool
