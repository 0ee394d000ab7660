// duban import — a document (工作要点 text) or a 台账 table (CSV/XLSX) into a plan.
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "context.hpp"
#include "duban/error.hpp"
#include "duban/import.hpp"
#include "duban/json.hpp"

namespace duban::tool {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Errc::io, ErrClass::storage, path + ": cannot open the file for reading");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

void add_import_command(CLI::App& app) {
  struct Args {
    std::string file;
    int year = 0;
    bool first_is_lead = false;
    std::string directory;
    std::string db;
    bool json = false;
    bool replace = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "import", "Read a work-plan document (text) or a 台账 table (CSV/XLSX) into a plan; with --db, store it");
  cmd->add_option("file", args->file, "The document or table")->required();
  cmd->add_option("--year", args->year, "The plan year (default: from the title or the issue date)");
  cmd->add_flag("--first-is-lead", args->first_is_lead, "The first unit of a list with no lead named is the lead");
  cmd->add_option("--directory", args->directory, "A unit directory (JSON) to resolve names against");
  cmd->add_option("--db", args->db, "Store the plan in this ledger (created when missing); its directory is used too");
  cmd->add_flag("--json", args->json, "Print the import result as JSON (docs/import.md)");
  cmd->add_flag("--replace", args->replace, "With --db: replace a stored plan with the same year and document number");
  cmd->callback([args] {
    Directory base;
    std::optional<Ledger> ledger;
    if (!args->db.empty()) {
      ledger.emplace(Ledger::open(args->db));
      base = ledger->load_directory();
    }
    if (!args->directory.empty()) merge(base, parse_directory(slurp(args->directory), args->directory));

    ImportOptions options;
    options.year = args->year;
    options.first_is_lead = args->first_is_lead;
    options.directory = &base;
    options.source = args->file;
    const ImportResult result = import_document(slurp(args->file), args->file, options);

    if (args->json) {
      std::cout << import_result_json(result);
    } else {
      for (const Diagnostic& d : result.diagnostics) std::cerr << format(d, args->file) << "\n";
      std::size_t measures = 0;
      for (const Task& t : result.plan.tasks) measures += t.kind == TaskKind::measure;
      std::cout << result.plan.title << " (" << result.plan.year << "): " << result.plan.tasks.size() - measures
                << " tasks, " << measures << " measures, " << result.plan.categories.size() << " categories\n";
    }
    if (has_errors(result.diagnostics)) {
      throw Error(Errc::parse, ErrClass::text,
                  args->file + ": the import has errors (listed above); nothing was stored");
    }
    if (ledger) {
      const PlanId id = ledger->import_plan(PlanFile{result.directory, result.plan},
                                            args->replace ? IfExists::replace : IfExists::fail);
      (args->json ? std::cerr : std::cout) << "stored as plan " << id << " in " << args->db << "\n";
    }
  });
}

}  // namespace duban::tool
