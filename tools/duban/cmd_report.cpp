// duban report add | import — progress reports into the ledger, one at a
// time or a CSV batch (all or nothing).
#include <fstream>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "duban/error.hpp"
#include "report_context.hpp"

namespace duban::tool {
namespace {

void add_report_add(CLI::App& report) {
  struct Args {
    LedgerArgs ledger;
    ItemArgs item;
    std::string unit;
    std::string user;
    std::string date;
    std::string status;
    std::optional<double> percent;
    std::string text;
    std::vector<std::string> values;
    std::vector<std::string> evidence;
    std::optional<EventId> supersedes;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = report.add_subcommand("add", "Add one progress report (a correction with --supersedes)");
  add_ledger_options(*cmd, args->ledger);
  add_item_options(*cmd, args->item);
  cmd->add_option("--unit", args->unit, "The reporting unit (it must hold a role in the task)")->required();
  cmd->add_option("--date", args->date, "The day the report speaks for, YYYY-MM-DD (default: today in China)");
  cmd->add_option("--status", args->status, "not_started, in_progress, done or blocked (未开始, 推进中, 已完成, 受阻)")
      ->required();
  cmd->add_option("--percent", args->percent, "Progress, 0 to 100");
  cmd->add_option("--text", args->text, "What was done (进展情况)");
  cmd->add_option("--value", args->values, "An indicator, METRIC=VALUE[UNIT]: 选派教师=2名 (repeatable)");
  cmd->add_option("--evidence", args->evidence, "A file name or document number (repeatable)");
  cmd->add_option("--user", args->user, "Who fills it in for the unit");
  cmd->add_option("--supersedes", args->supersedes, "The report (event number) this one corrects");
  cmd->callback([args] {
    Desk desk = open_desk(args->ledger, false);
    Report r;
    r.item = desk.item(args->item);
    r.actor = Actor{desk.unit(args->unit, "--unit"), args->user};
    r.date = date_arg(args->date, "--date");
    const auto status = report_status_from_string(args->status);
    if (!status) {
      throw CLI::ValidationError("--status",
                                 "unknown status '" + args->status + "' (not_started, in_progress, done, blocked)");
    }
    r.status = *status;
    r.percent = args->percent;
    r.narrative = args->text;
    for (const std::string& v : args->values) r.indicators.push_back(parse_indicator(v));
    r.evidence = args->evidence;
    r.supersedes = args->supersedes;
    const EventId id = desk.ledger.add_report(r);
    std::cout << "report " << id << ": " << item_label(desk, r.item) << " by " << desk.unit_name(r.actor.unit) << " on "
              << format_date(r.date) << ": " << progress_text(r.status, r.percent);
    if (r.supersedes) std::cout << " (corrects report " << *r.supersedes << ")";
    std::cout << "\n";
  });
}

void add_report_import(CLI::App& report) {
  struct Args {
    LedgerArgs ledger;
    std::string file;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = report.add_subcommand(
      "import", "Add a CSV batch of reports in one transaction; any error rejects the whole batch");
  cmd->add_option("FILE", args->file,
                  "CSV (UTF-8): task, unit, date, status[, instance|period, percent, text, "
                  "values, evidence, user, supersedes]")
      ->required();
  add_ledger_options(*cmd, args->ledger);
  cmd->callback([args] {
    std::ifstream in(args->file, std::ios::binary);
    if (!in) throw Error(Errc::io, ErrClass::argument, "cannot read " + quote(args->file, 1024));
    std::stringstream text;
    text << in.rdbuf();
    Desk desk = open_desk(args->ledger, false);
    const auto ids = desk.ledger.import_reports(text.str(), desk.plan_id, args->file);
    std::cout << "imported " << ids.size() << (ids.size() == 1 ? " report" : " reports") << " from " << args->file;
    if (!ids.empty()) std::cout << " (events " << ids.front() << "–" << ids.back() << ")";
    std::cout << "\n";
  });
}

}  // namespace

void add_report_command(CLI::App& app) {
  CLI::App* report = app.add_subcommand("report", "Progress reports: add one, or import a CSV batch");
  report->require_subcommand(1, 1);
  add_report_add(*report);
  add_report_import(*report);
}

}  // namespace duban::tool
