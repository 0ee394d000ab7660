// duban status — every task and recurring-obligation instance of a plan as
// of a date: light, status, due dates and the reasons (docs/progress.md).
#include <cmath>
#include <iostream>

#include "calendar_args.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "duban/error.hpp"
#include "duban/ledger_progress.hpp"
#include "duban/progress.hpp"

namespace duban::tool {
namespace {

// 60, 42.5, 42.17: percentages and limits without trailing zeros.
std::string num(double value) {
  const double r = std::round(value * 100.0) / 100.0;
  std::string text = std::to_string(r);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string opt_date(const std::optional<Date>& date) { return date ? format_date(*date) : "-"; }

// One reason as "code(key=value,...)".
std::string reason_text(const StatusReport& report, const Reason& r) {
  // A provisional due date's working days cannot be counted yet (-1).
  const std::string days = r.workdays < 0 ? std::string("?") : std::to_string(r.workdays);
  std::string out(to_string(r.code));
  switch (r.code) {
    case ReasonCode::not_yet_due:
      return out + "(left=" + days + ")";
    case ReasonCode::approaching:
    case ReasonCode::due_soon:
      return out + "(left=" + days + ",limit=" + num(r.limit) + ")";
    case ReasonCode::overdue:
      return out + "(late=" + days + ")";
    case ReasonCode::done_on_time:
      return out + "(done=" + format_date(r.date) + ")";
    case ReasonCode::done_late:
      return out + "(done=" + format_date(r.date) + ",late=" + days + ")";
    case ReasonCode::ongoing:
      return out;
    case ReasonCode::lag:
      return out + "(expected=" + num(r.expected) + ",actual=" + num(r.actual) + ",limit=" + num(r.limit) + ")";
    case ReasonCode::extension_approved:
    case ReasonCode::extension_refused:
    case ReasonCode::extension_pending:
      return out + "(until=" + format_date(r.date) + ")";
    case ReasonCode::extension_late:
      return out + "(requested=" + format_date(r.date) + ")";
    case ReasonCode::instances:
      return out + "(" + std::string(to_string(r.light)) + "=" + std::to_string(r.count) +
             ",first=" + (r.item < report.subjects.size() ? report.subjects[r.item].instance : "?") + ")";
    case ReasonCode::provisional_due:
      return out + "(due=" + format_date(r.date) + ")";
  }
  return out;
}

// LIGHT STATUS ID DUE ORIGINAL [ROLE] TITLE REASONS, tab-separated.
void print_line(const StatusReport& report, const Plan& plan, std::size_t i, const std::string* role) {
  const Subject& s = report.subjects[i];
  const ItemStatus& st = report.items[i];
  const Task& task = plan.tasks.at(static_cast<std::size_t>(s.task - 1));
  std::cout << to_string(st.light) << "\t" << to_string(st.status) << "\t" << (s.is_instance() ? s.instance : task.key)
            << "\t" << opt_date(st.due) << "\t" << opt_date(st.original_due) << "\t";
  if (role) std::cout << *role << "\t";
  std::cout << task.title << "\t";
  const auto reasons = report.reasons_of(i);
  for (std::size_t k = 0; k < reasons.size(); ++k) {
    std::cout << (k ? "; " : "") << reason_text(report, reasons[k]);
  }
  std::cout << "\n";
}

}  // namespace

void add_status_command(CLI::App& app) {
  struct Args {
    LedgerArgs ledger;
    CalendarArgs calendar;
    std::string as_of;
    std::string unit;
    std::string light;
    std::string facts;
    std::string basis = "current";
    bool json = false;
    bool four_colour = false;
    bool all_instances = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "status",
      "Light and status of every task and obligation instance as of a date: light, status, id, due, original due, "
      "title, reasons");
  add_ledger_options(*cmd, args->ledger);
  cmd->add_option("--as-of", args->as_of, "YYYY-MM-DD (default: today in China)");
  cmd->add_option("--unit", args->unit, "Only what this unit leads, shares or supports (through its groups too)");
  cmd->add_option("--light", args->light, "Only items of this light: red, yellow, blue or green")
      ->check(CLI::IsMember({"red", "yellow", "blue", "green"}));
  cmd->add_option("--facts", args->facts, "A progress facts file (docs/progress.md): reports, done dates, extensions");
  cmd->add_option("--due-basis", args->basis, "Which due date counts after an extension: current (default) or original")
      ->check(CLI::IsMember({"current", "original"}));
  cmd->add_flag("--four-colour,--four-color", args->four_colour, "Add blue for deadlines approaching (10 working days)");
  cmd->add_flag("--all-instances", args->all_instances,
                "Also list obligation instances whose period has not begun");
  cmd->add_flag("--json", args->json, "Print JSON");
  add_calendar_options(*cmd, args->calendar);
  cmd->callback([args] {
    const Date as_of = args->as_of.empty() ? today_in_china() : parse_date_arg(args->as_of, "--as-of");
    const Session s = open_session(args->ledger);
    // The ledger's calendar: the data loaded into it move due dates here too.
    const auto calendar = load_calendar(args->calendar, s.ledger);
    // The ledger's reports as of the date; a --facts file adds to them and,
    // for an item it names, takes their place.
    ProgressFacts facts = progress_facts(s.ledger, s.plan_id, as_of);
    if (!args->facts.empty()) {
      ProgressFacts extra = load_progress_facts(args->facts, s.plan);
      for (auto& [task, item] : extra.tasks) facts.tasks[task] = std::move(item);
      for (auto& [id, item] : extra.instances) facts.instances[id] = std::move(item);
    }
    StatusOptions options;
    options.rules.four_colour = args->four_colour;
    options.basis = *due_basis_from_string(args->basis);
    SubjectOptions subjects;
    subjects.all_instances = args->all_instances;
    const StatusReport report = evaluate(s.plan, *calendar, as_of, facts, options, subjects);
    // A flag and a plain value, not std::optional: GCC 12 at -O2 wrongly
    // reports the optional as maybe-uninitialised inside the lambda.
    const bool filter = !args->light.empty();
    const Light wanted = filter ? light_from_string(args->light).value_or(Light::green) : Light::green;
    const auto keep = [&](std::size_t i) { return !filter || report.items[i].light == wanted; };

    if (!args->unit.empty()) {
      const UnitId unit = s.directory.resolve(args->unit, "--unit");
      std::vector<UnitItem> items;
      for (const UnitItem& u : items_of_unit(report, *s.graph, unit)) {
        if (keep(u.item)) items.push_back(u);
      }
      if (args->json) {
        std::cout << to_json(report, s.plan, s.directory, unit, items) << "\n";
        return;
      }
      for (const UnitItem& u : items) {
        const std::string role(to_string(u.role));
        print_line(report, s.plan, u.item, &role);
      }
      return;
    }
    std::vector<std::size_t> items;
    for (std::size_t i = 0; i < report.items.size(); ++i) {
      if (keep(i)) items.push_back(i);
    }
    if (args->json) {
      std::cout << to_json(report, s.plan, items) << "\n";
      return;
    }
    for (const std::size_t i : items) print_line(report, s.plan, i, nullptr);
  });
}

}  // namespace duban::tool
