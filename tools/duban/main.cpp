// duban — the command-line tool over the duban library.
//
// Output on stdout is meant to be scripted: --json and --format csv are
// stable; errors go to stderr with exit status 1 (2 for a usage error).
#include <iostream>

#include "commands.hpp"
#include "duban/error.hpp"
#include "duban/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"duban — work plans, responsibilities, deadlines and assessment (督办)", "duban"};
  app.set_version_flag("--version", std::string("duban ") + duban::version_string);
  app.require_subcommand(1, 1);
  app.fallthrough(false);

  duban::tool::add_plan_commands(app);
  duban::tool::add_units_command(app);
  duban::tool::add_tasks_command(app);
  duban::tool::add_matrix_commands(app);
  duban::tool::add_lint_command(app);
  duban::tool::add_demo_command(app);
  duban::tool::add_import_command(app);
  duban::tool::add_calendar_command(app);
  duban::tool::add_status_command(app);
  duban::tool::add_report_command(app);
  duban::tool::add_history_command(app);
  duban::tool::add_verify_command(app);
  duban::tool::add_workflow_commands(app);
  duban::tool::add_assess_command(app);
  duban::tool::add_export_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // a command's own status, e.g. lint --strict
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  } catch (const duban::Error& e) {
    std::cout.flush();
    std::cerr << "duban: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "duban: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
