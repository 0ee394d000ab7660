// The precomputed form of a WorkCalendar: per-day kinds over the years the
// data touch, the count of working days before each day, and the position
// of each working day. Counting and its inverse are then array lookups;
// outside the tables (weekends-only fallback) they are closed formulas.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "duban/calendar.hpp"

namespace duban {

struct WorkCalendar::Tables {
  Tables(CalendarData data, CalendarOptions options);

  CalendarData data;
  CalendarOptions options;
  std::vector<int> known_years;  // ascending

  std::int64_t origin = 0;  // day number of the first table day (a January 1st)
  std::int64_t size = 0;    // days in the tables
  bool gaps = false;        // some table day lies in an unknown year

  std::vector<std::int32_t> before;          // [size + 1]: working days in [origin, origin + i)
  std::vector<std::int32_t> unknown_before;  // [size + 1] when gaps: unknown days in [origin, origin + i)
  std::vector<std::int32_t> position;        // [k]: offset of the (k + 1)-th working day
  std::vector<std::uint8_t> kind;            // [size]: DayKind
  std::vector<std::uint16_t> rule;           // [size]: 1-based index into rules, 0 for plain days

  struct Rule {
    std::string name;
    std::string source;
  };
  std::vector<Rule> rules;

  bool in_table(std::int64_t day) const noexcept { return day >= origin && day < origin + size; }
  bool known(std::int64_t day) const noexcept;
  // Are all of [lo, hi] in known years?
  bool all_known(std::int64_t lo, std::int64_t hi) const noexcept;
  bool has_year(int year) const noexcept;

  // Working days in (-inf, day], relative to the table start: any two
  // values differ by the working days between them.
  std::int64_t count_through(std::int64_t day) const noexcept;
  // The working day whose count_through is k.
  std::int64_t day_with_count(std::int64_t k) const noexcept;
  bool working(std::int64_t day) const noexcept;
};

}  // namespace duban
