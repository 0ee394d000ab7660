// Dates as day numbers (days since 1970-01-01) and the closed-form count of
// Monday–Friday days, which the calendar uses outside its tables.
#pragma once

#include <chrono>
#include <cstdint>

#include "duban/calendar.hpp"

namespace duban::calendar {

constexpr std::int64_t day_number(Date date) noexcept {
  return std::chrono::sys_days{date}.time_since_epoch().count();
}

constexpr Date date_of(std::int64_t day) noexcept {
  return Date{std::chrono::sys_days{std::chrono::days{day}}};
}

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Day number 0 is a Thursday, so day -3 is a Monday: m counts from there.
constexpr std::int64_t monday_based(std::int64_t day) noexcept { return day + 3; }

constexpr bool is_weekday(std::int64_t day) noexcept {
  const std::int64_t m = monday_based(day);
  return m - floor_div(m, 7) * 7 < 5;
}

// Monday–Friday days in (-inf, day], offset so that the count is 1 on the
// Monday -3. Only differences matter; it increases by one at each weekday.
constexpr std::int64_t weekdays_through(std::int64_t day) noexcept {
  const std::int64_t m = monday_based(day);
  const std::int64_t weeks = floor_div(m, 7);
  const std::int64_t rest = m - weeks * 7;
  return weeks * 5 + (rest + 1 < 5 ? rest + 1 : 5);
}

// The weekday whose weekdays_through is k: the inverse on weekdays.
constexpr std::int64_t weekday_with_count(std::int64_t k) noexcept {
  const std::int64_t weeks = floor_div(k - 1, 5);
  const std::int64_t rest = (k - 1) - weeks * 5;
  return weeks * 7 + rest - 3;
}

// The range every query accepts: what ISO dates and the C API can spell.
inline constexpr int min_year = 1;
inline constexpr int max_year = 9999;

}  // namespace duban::calendar
