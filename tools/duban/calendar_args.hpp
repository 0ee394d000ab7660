// The calendar options `calendar` and `status` share: extra calendar data
// files and the weekends-only fallback, which the user must ask for. With a
// ledger, its calendar (the data loaded into it) is where they start.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "duban/calendar.hpp"
#include "duban/ledger.hpp"

namespace duban::tool {

struct CalendarArgs {
  std::vector<std::string> files;  // --calendar FILE, repeatable
  bool weekends_only = false;      // --weekends-only
  std::string db;                  // --db of the calendar subcommands
};

void add_calendar_options(CLI::App& sub, CalendarArgs& args);
// --db LEDGER, for subcommands that have no ledger of their own.
void add_calendar_db_option(CLI::App& sub, CalendarArgs& args);

// The built-in calendar (with --db, that ledger's calendar) with each
// file's data added, in order.
std::shared_ptr<const WorkCalendar> load_calendar(const CalendarArgs& args);
// The same, starting from `ledger`'s calendar.
std::shared_ptr<const WorkCalendar> load_calendar(const CalendarArgs& args, const Ledger& ledger);

// YYYY-MM-DD; a duban::Error (Errc::parse) naming `what` otherwise.
Date parse_date_arg(const std::string& text, const std::string& what);

// The office's day now: China Standard Time, UTC+8, no daylight saving.
Date today_in_china();

}  // namespace duban::tool
