// The calendar options `calendar` and `status` share: extra calendar data
// files and the weekends-only fallback, which the user must ask for.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "duban/calendar.hpp"

namespace duban::tool {

struct CalendarArgs {
  std::vector<std::string> files;  // --calendar FILE, repeatable
  bool weekends_only = false;      // --weekends-only
};

void add_calendar_options(CLI::App& sub, CalendarArgs& args);

// The built-in calendar with each file's data added, in order.
std::shared_ptr<const WorkCalendar> load_calendar(const CalendarArgs& args);

// YYYY-MM-DD; a duban::Error (Errc::parse) naming `what` otherwise.
Date parse_date_arg(const std::string& text, const std::string& what);

}  // namespace duban::tool
