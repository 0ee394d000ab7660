// Consistency of calendar data, checked before any table is built so that a
// contradiction is reported with its year and rule instead of silently
// resolved by whichever rule happens to be applied last.
#pragma once

#include <string_view>

#include "duban/calendar.hpp"

namespace duban::calendar {

// Years that data may describe: wide enough for any notice, narrow enough
// that a typo (20244) cannot make a calendar allocate centuries of tables.
inline constexpr int first_data_year = 1900;
inline constexpr int last_data_year = 2199;
// A local rule is an event (a typhoon, a closure order), not a regime.
inline constexpr int max_local_rule_days = 366;

// Throws Errc::inval, ErrClass::time, "<origin>: <year or rule>: <what>".
void validate(const CalendarData& data, std::string_view origin);

}  // namespace duban::calendar
