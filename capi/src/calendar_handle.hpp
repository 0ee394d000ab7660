// The calendar handle and the date crossing, shared by the calendar and
// status modules.
#pragma once

#include <memory>

#include "duban/calendar.hpp"
#include "duban/common.h"

struct duban_calendar {
  std::shared_ptr<const duban::WorkCalendar> calendar;
};

namespace duban::capi {

// A C date as a Date. The fields are checked before they are narrowed into
// std::chrono's types, which would wrap a month of 257 round to January:
// Errc::range for a year outside 1..9999, Errc::inval for a day that does
// not exist, both naming `what` and the date as given.
Date date_in(const duban_date& date, const char* what);

// The calendar a call reads: `cal`'s, or the built-in one for NULL.
std::shared_ptr<const WorkCalendar> calendar_or_builtin(const duban_calendar* cal);

}  // namespace duban::capi
