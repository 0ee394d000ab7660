// duban export — the ledger as of a date, in the forms people and other
// programs read: the 台账 workbook, CSV tables, JSON of everything, the
// responsibility graph as DOT or SVG, and the monthly report as HTML
// (docs/export.md).
#include <iostream>

#include "calendar_args.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "duban/error.hpp"
#include "duban/export.hpp"
#include "graphviz.hpp"

namespace duban::tool {
namespace {

struct ExportArgs {
  LedgerArgs ledger;
  CalendarArgs calendar;
  std::string format;
  std::string out;
  std::string as_of;
  std::string table = "tasks";
  std::string month;
  std::string scheme;
  std::vector<std::string> inputs;
  bool no_ledger = false;
  bool four_colour = false;
};

// YYYY-MM of the plan year (the monthly report covers one plan year).
unsigned parse_month(const std::string& text, int plan_year) {
  Date first{};
  try {
    first = parse_date(text + "-01");
  } catch (const Error&) {
    throw CLI::ValidationError("--month", "expected YYYY-MM, got " + quote(text));
  }
  if (static_cast<int>(first.year()) != plan_year) {
    throw CLI::ValidationError("--month", quote(text) + " is not in the plan's year " + std::to_string(plan_year));
  }
  return static_cast<unsigned>(first.month());
}

// Without --as-of: today, or for a month already over, its last day, so a
// past month's report shows what was known when it ended.
Date as_of_for(const ExportArgs& a) {
  if (!a.as_of.empty()) return parse_date_arg(a.as_of, "--as-of");
  const Date today = today_in_china();
  if (a.format != "html" || a.month.empty()) return today;
  const Date first = parse_date_arg(a.month + "-01", "--month");
  const Date last{first.year() / first.month() / std::chrono::last};
  return last < today ? last : today;
}

void run_export(const ExportArgs& a) {
  const Session s = open_session(a.ledger);
  const auto calendar = load_calendar(a.calendar, s.ledger);
  if (a.format == "dot" || a.format == "svg") {
    const std::string dot = to_dot(s.plan, s.directory, *s.graph);
    write_file_whole(a.out, a.format == "dot" ? dot : dot_to_svg(dot));
    return;
  }

  SnapshotOptions options;
  options.calendar = calendar;
  options.status.rules.four_colour = a.four_colour;
  options.ledger_inputs = !a.no_ledger;
  if (!a.scheme.empty()) {
    options.scheme = std::make_shared<const Scheme>(load_scheme(a.scheme));
    if (!a.inputs.empty()) {
      AssessmentInput inputs;
      for (const std::string& file : a.inputs) {
        merge(inputs, load_assessment_input(file, s.plan, s.directory, *calendar));
      }
      options.inputs = std::move(inputs);
    }
  } else if (!a.inputs.empty() || a.no_ledger) {
    throw CLI::ValidationError("--inputs", "--inputs and --no-ledger score under a scheme: give --scheme FILE too");
  }
  const Date as_of = as_of_for(a);
  const Snapshot snapshot = take_snapshot(s.ledger, s.plan_id, as_of, options);

  if (a.format == "xlsx") {
    write_xlsx(snapshot, a.out);
  } else if (a.format == "csv") {
    write_file_whole(a.out, a.table == "tasks"    ? tasks_csv(snapshot)
                            : a.table == "scores" ? scores_csv(snapshot)
                                                  : matrix_csv(snapshot.plan, snapshot.directory, *snapshot.graph));
  } else if (a.format == "json") {
    write_file_whole(a.out, to_json(snapshot) + "\n");
  } else {
    const int year = snapshot.plan.year != 0 ? snapshot.plan.year : static_cast<int>(as_of.year());
    const unsigned month = a.month.empty() ? static_cast<unsigned>(as_of.month()) : parse_month(a.month, year);
    if (a.month.empty() && static_cast<int>(as_of.year()) != year) {
      throw CLI::ValidationError("--month", "the as-of date " + format_date(as_of) + " is not in the plan's year " +
                                                std::to_string(year) + ": name the month with --month YYYY-MM");
    }
    write_file_whole(a.out, monthly_report_html(snapshot, month));
  }
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write the ledger as of a date: 台账 XLSX, CSV, JSON, the graph as DOT or SVG, the monthly report");
  add_ledger_options(*cmd, args->ledger);
  cmd->add_option("--format", args->format,
                  "xlsx (台账 workbook), csv (one table), json (everything), dot or svg (the graph), html (monthly "
                  "report)")
      ->required()
      ->check(CLI::IsMember({"xlsx", "csv", "json", "dot", "svg", "html"}));
  cmd->add_option("--out", args->out, "The file to write (written whole or not at all)")->required();
  cmd->add_option("--as-of", args->as_of,
                  "YYYY-MM-DD (default: today in China; for html with a past --month, that month's last day)");
  CLI::Option* table = cmd->add_option("--table", args->table, "csv: tasks (default), matrix or scores")
                           ->check(CLI::IsMember({"tasks", "matrix", "scores"}));
  CLI::Option* month = cmd->add_option("--month", args->month, "html: the month, YYYY-MM (default: the as-of month)");
  cmd->add_option("--scheme", args->scheme, "Score under this assessment scheme (.toml, or JSON), as `duban assess`");
  cmd->add_option("--inputs", args->inputs,
                  "An assessment input file laid over the ledger's facts (with --scheme); repeatable");
  cmd->add_flag("--no-ledger", args->no_ledger, "Score --inputs only, not the ledger's reports (with --scheme)");
  cmd->add_flag("--four-colour,--four-color", args->four_colour,
                "Add blue for deadlines approaching (10 working days)");
  add_calendar_options(*cmd, args->calendar);
  cmd->callback([args, table, month] {
    if (args->format != "csv" && table->count() > 0) {
      throw CLI::ValidationError("--table", "only --format csv takes --table");
    }
    if (args->format != "html" && month->count() > 0) {
      throw CLI::ValidationError("--month", "only --format html takes --month");
    }
    run_export(*args);
    std::cerr << "wrote " << args->out << "\n";
  });
}

}  // namespace duban::tool
