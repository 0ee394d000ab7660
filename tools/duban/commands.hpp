// Each subcommand registers itself on the app; its callback does the work.
#pragma once

#include <CLI/CLI.hpp>

namespace duban {
struct Assessment;
}

namespace duban::tool {

void add_plan_commands(CLI::App& app);
void add_units_command(CLI::App& app);
void add_tasks_command(CLI::App& app);
void add_matrix_commands(CLI::App& app);  // matrix, graph
void add_lint_command(CLI::App& app);
void add_demo_command(CLI::App& app);
void add_import_command(CLI::App& app);
void add_calendar_command(CLI::App& app);  // calendar is-workday | add | count | month | load
void add_status_command(CLI::App& app);
void add_report_command(CLI::App& app);     // report add | import
void add_history_command(CLI::App& app);
void add_verify_command(CLI::App& app);
void add_workflow_commands(CLI::App& app);  // close, extend, coordinator
void add_assess_command(CLI::App& app);
void add_export_command(CLI::App& app);  // export --format xlsx|csv|json|dot|svg|html

// The ranking `duban assess` prints; the demo ends with it.
void print_ranking(const Assessment& result);

}  // namespace duban::tool
