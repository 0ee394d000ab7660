// ISO-8601 dates for messages and data files, kept inside the calendar
// layer so that it depends on nothing above it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "duban/calendar.hpp"

namespace duban::calendar {

// YYYY-MM-DD; an impossible date prints as its parts (2024-02-30) so that a
// message can show what the caller passed.
std::string iso(Date date);
// YYYY-MM.
std::string iso(std::chrono::year_month month);
// Strict YYYY-MM-DD of an existing date, else nullopt.
std::optional<Date> parse_iso(std::string_view text) noexcept;

}  // namespace duban::calendar
