// duban matrix | graph
#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "duban/export.hpp"

namespace duban::tool {

void add_matrix_commands(CLI::App& app) {
  struct Args {
    LedgerArgs ledger;
    std::string format;
  };
  auto matrix = std::make_shared<Args>();
  matrix->format = "text";
  CLI::App* mcmd = app.add_subcommand("matrix", "The responsibility matrix: tasks × units, 牵/责/配 in the cells");
  add_ledger_options(*mcmd, matrix->ledger);
  mcmd->add_option("--format", matrix->format, "text (default) or csv (UTF-8 with BOM, for Excel)")
      ->check(CLI::IsMember({"text", "csv"}));
  mcmd->callback([matrix] {
    const Session s = open_session(matrix->ledger);
    std::cout << (matrix->format == "csv" ? matrix_csv(s.plan, s.directory, *s.graph)
                                          : matrix_text(s.plan, s.directory, *s.graph));
  });

  auto graph = std::make_shared<Args>();
  graph->format = "dot";
  CLI::App* gcmd = app.add_subcommand("graph", "The responsibility graph for Graphviz");
  add_ledger_options(*gcmd, graph->ledger);
  gcmd->add_option("--format", graph->format, "dot (Graphviz source)")->check(CLI::IsMember({"dot"}));
  gcmd->callback([graph] {
    const Session s = open_session(graph->ledger);
    std::cout << to_dot(s.plan, s.directory, *s.graph);
  });
}

}  // namespace duban::tool
