// duban calendar is-workday | add | count | month — China's working-day
// calendar for people and scripts. A year without published data is an
// error (exit 1) unless --weekends-only is given.
#include <iostream>

#include "calendar_args.hpp"
#include "commands.hpp"
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

}  // namespace

void add_calendar_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("calendar", "China's working-day calendar: is-workday, add, count, month");
  cmd->require_subcommand(1, 1);

  struct DayArgs {
    CalendarArgs calendar;
    std::string date;
  };
  auto day = std::make_shared<DayArgs>();
  CLI::App* is = cmd->add_subcommand("is-workday", "Is DATE a working day? Prints yes/no, the kind of day and its name");
  is->add_option("DATE", day->date, "YYYY-MM-DD")->required();
  add_calendar_options(*is, day->calendar);
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
  m->callback([month] {
    const auto calendar = load_calendar(month->calendar);
    const auto ym = parse_month(month->month);
    (void)calendar->workdays_in_month(ym);  // fails before printing anything for a year without data
    const Date last{ym / std::chrono::last};
    for (Date d = ym / std::chrono::day{1}; d <= last; d = Date{std::chrono::sys_days{d} + std::chrono::days{1}}) {
      std::cout << format_date(d) << "\t" << day_line(*calendar, d, "\t") << "\n";
    }
  });
}

}  // namespace duban::tool
