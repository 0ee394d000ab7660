// duban calendar is-workday | add | count | month | load — China's
// working-day calendar for people and scripts. A year without published
// data is an error (exit 1) unless --weekends-only is given. `load` keeps a
// calendar data file in a ledger and says which deadlines it moved; with
// --db the other subcommands start from that ledger's calendar.
#include <filesystem>
#include <iostream>
#include <map>

#include "calendar_args.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "duban/error.hpp"
#include "duban/plan.hpp"

namespace duban::tool {
namespace {

// "yes weekday", "no holiday 国庆节", "yes adjusted_workday 国庆节"; the
// month listing joins the same fields with tabs.
std::string day_line(const WorkCalendar& calendar, Date date, const char* separator) {
  const bool working = calendar.is_workday(date);  // throws for a year without data
  const DayInfo info = calendar.describe(date);
  std::string out = working ? "yes" : "no";
  out += separator;
  out += to_string(info.kind);
  if (!info.name.empty()) {
    out += separator;
    out += info.name;
  }
  return out;
}

std::chrono::year_month parse_month(const std::string& text) {
  if (text.size() != 7) {
    throw Error(Errc::parse, ErrClass::argument, "MONTH: expected YYYY-MM, found " + quote(text));
  }
  const Date first = parse_date_arg(text + "-01", "MONTH");
  return first.year() / first.month();
}

std::string years_text(const std::vector<int>& years) {
  if (years.empty()) return "none";
  std::string out;
  for (const int y : years) out += (out.empty() ? "" : ", ") + std::to_string(y);
  return out;
}

// What a load did, for a person: the years, each day that changed, and
// each deadline that moved, by plan.
void print_load(const Ledger& ledger, const CalendarLoad& load, const std::string& origin) {
  if (load.event == 0) {
    std::cout << "no change: the ledger's calendar already holds the data of " << origin << "\n";
  } else {
    std::cout << "event " << load.event << ": calendar data from " << origin << "\n";
  }
  std::cout << "years added: " << years_text(load.years_added) << "\n";
  std::cout << "years replaced: " << years_text(load.years_replaced) << "\n";
  std::cout << "days changed: " << load.days.size() << "\n";
  for (const DayChange& d : load.days) {
    std::cout << "  " << format_date(d.date) << (d.now_working ? " worked: " : " not worked: ") << d.reason << "\n";
  }
  if (load.moved.empty()) {
    std::cout << "no deadline moved\n";
    return;
  }
  std::map<PlanId, std::string> titles;
  for (const PlanSummary& p : ledger.plans()) titles[p.id] = p.title;
  std::cout << "deadlines moved: " << load.moved.size() << "\n";
  PlanId plan = 0;
  for (const DeadlineMove& m : load.moved) {
    if (m.plan != plan) {
      plan = m.plan;
      std::cout << "  plan " << plan << " " << titles[plan] << ":\n";
    }
    std::cout << "    ";
    if (!m.instance.empty()) std::cout << "instance " << m.instance << " of ";
    std::cout << "task " << m.key << " " << m.title << ": " << format_date(m.before) << " → " << format_date(m.after)
              << "\n";
  }
}

void add_load_command(CLI::App& cmd) {
  struct LoadArgs {
    std::string db;
    std::string file;
    std::string actor;
    std::string user;
    bool json = false;
  };
  auto args = std::make_shared<LoadArgs>();
  CLI::App* l = cmd.add_subcommand(
      "load", "Keep a calendar data file in a ledger (an audited event) and list the days and deadlines it moved");
  l->add_option("FILE", args->file, "A calendar data file (docs/calendar.md): more years, or local rules")->required();
  l->add_option("--db", args->db, "The ledger file (SQLite)")->required();
  l->add_option("--actor", args->actor,
                "The unit loading it, which must be the coordinating office (default: the host application)");
  l->add_option("--user", args->user, "Who acts for the unit");
  l->add_flag("--json", args->json, "Print JSON: event, years_added, years_replaced, days, moved");
  l->callback([args] {
    Ledger ledger = open_existing(args->db, false);
    const CalendarData data = load_calendar_data(args->file);
    // The file's name, not its path: what the history keeps as the origin.
    const std::string origin = std::filesystem::path(args->file).filename().string();
    Actor by{0, args->user};
    if (!args->actor.empty()) by.unit = ledger.load_directory().resolve(args->actor, "--actor");
    const CalendarLoad load = ledger.load_calendar(data, origin, by);
    if (args->json) {
      std::cout << to_json(load) << "\n";
      return;
    }
    print_load(ledger, load, origin);
  });
}

}  // namespace

void add_calendar_command(CLI::App& app) {
  CLI::App* cmd =
      app.add_subcommand("calendar", "China's working-day calendar: is-workday, add, count, month, load");
  cmd->require_subcommand(1, 1);

  struct DayArgs {
    CalendarArgs calendar;
    std::string date;
  };
  auto day = std::make_shared<DayArgs>();
  CLI::App* is = cmd->add_subcommand("is-workday", "Is DATE a working day? Prints yes/no, the kind of day and its name");
  is->add_option("DATE", day->date, "YYYY-MM-DD")->required();
  add_calendar_options(*is, day->calendar);
  add_calendar_db_option(*is, day->calendar);
  is->callback([day] {
    const auto calendar = load_calendar(day->calendar);
    std::cout << day_line(*calendar, parse_date_arg(day->date, "DATE"), " ") << "\n";
  });

  struct AddArgs {
    CalendarArgs calendar;
    std::string date;
    int n = 0;
  };
  auto add = std::make_shared<AddArgs>();
  CLI::App* a = cmd->add_subcommand(
      "add", "The date N working days after DATE (before it when N is negative; N = 0: DATE or the next working day)");
  a->add_option("DATE", add->date, "YYYY-MM-DD")->required();
  a->add_option("N", add->n, "Working days, may be negative")->required();
  add_calendar_options(*a, add->calendar);
  add_calendar_db_option(*a, add->calendar);
  a->callback([add] {
    const auto calendar = load_calendar(add->calendar);
    std::cout << format_date(calendar->add_workdays(parse_date_arg(add->date, "DATE"), add->n)) << "\n";
  });

  struct CountArgs {
    CalendarArgs calendar;
    std::string from;
    std::string to;
  };
  auto count = std::make_shared<CountArgs>();
  CLI::App* c = cmd->add_subcommand("count", "The number of working days in [FROM, TO], both included");
  c->add_option("FROM", count->from, "YYYY-MM-DD")->required();
  c->add_option("TO", count->to, "YYYY-MM-DD")->required();
  add_calendar_options(*c, count->calendar);
  add_calendar_db_option(*c, count->calendar);
  c->callback([count] {
    const auto calendar = load_calendar(count->calendar);
    std::cout << calendar->workdays_between(parse_date_arg(count->from, "FROM"), parse_date_arg(count->to, "TO"))
              << "\n";
  });

  struct MonthArgs {
    CalendarArgs calendar;
    std::string month;
  };
  auto month = std::make_shared<MonthArgs>();
  CLI::App* m = cmd->add_subcommand("month", "Every day of a month: date, yes/no, kind of day, name");
  m->add_option("MONTH", month->month, "YYYY-MM")->required();
  add_calendar_options(*m, month->calendar);
  add_calendar_db_option(*m, month->calendar);
  m->callback([month] {
    const auto calendar = load_calendar(month->calendar);
    const auto ym = parse_month(month->month);
    (void)calendar->workdays_in_month(ym);  // fails before printing anything for a year without data
    const Date last{ym / std::chrono::last};
    for (Date d = ym / std::chrono::day{1}; d <= last; d = Date{std::chrono::sys_days{d} + std::chrono::days{1}}) {
      std::cout << format_date(d) << "\t" << day_line(*calendar, d, "\t") << "\n";
    }
  });

  add_load_command(*cmd);
}

}  // namespace duban::tool
