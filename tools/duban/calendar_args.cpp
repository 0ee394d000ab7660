#include "calendar_args.hpp"

#include "context.hpp"
#include "duban/error.hpp"
#include "duban/plan.hpp"

namespace duban::tool {

void add_calendar_options(CLI::App& sub, CalendarArgs& args) {
  sub.add_option("--calendar", args.files,
                 "A calendar data file (docs/calendar.md) adding years or local rules; repeatable");
  sub.add_flag("--weekends-only", args.weekends_only,
               "Treat years without published data as Monday–Friday weeks instead of failing");
}

void add_calendar_db_option(CLI::App& sub, CalendarArgs& args) {
  sub.add_option("--db", args.db, "A ledger: start from its calendar (the data loaded with `duban calendar load`)");
}

namespace {

std::shared_ptr<const WorkCalendar> with_files(const CalendarArgs& args, std::shared_ptr<const WorkCalendar> calendar) {
  for (const std::string& file : args.files) calendar = calendar->with(load_calendar_data(file)).calendar;
  if (args.weekends_only) {
    CalendarOptions options = calendar->options();
    options.weekends_only_fallback = true;
    calendar = std::make_shared<const WorkCalendar>(calendar->data(), options);
  }
  return calendar;
}

}  // namespace

std::shared_ptr<const WorkCalendar> load_calendar(const CalendarArgs& args) {
  if (!args.db.empty()) return load_calendar(args, open_existing(args.db, true));
  return with_files(args, WorkCalendar::builtin());
}

std::shared_ptr<const WorkCalendar> load_calendar(const CalendarArgs& args, const Ledger& ledger) {
  return with_files(args, ledger.calendar());
}

Date parse_date_arg(const std::string& text, const std::string& what) {
  try {
    return parse_date(text);
  } catch (const Error& e) {
    throw Error(e.code(), e.klass(), what + ": " + e.what());
  }
}

Date today_in_china() {
  const auto now = std::chrono::system_clock::now();
  return Date{std::chrono::floor<std::chrono::days>(now + std::chrono::hours{8})};
}

}  // namespace duban::tool
