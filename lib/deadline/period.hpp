// The reporting periods a recurrence runs over: ISO weeks, months,
// quarters, half-years and years, each with its key and its days.
#pragma once

#include <chrono>
#include <string>

#include "duban/deadline.hpp"

namespace duban::deadline {

struct Period {
  Date first;
  Date last;
};

// Months in a month-based period; 0 for weekly.
int months_in(Every every) noexcept;

// The period of `every` (not none) containing `date`, and the one after `p`.
Period period_of(Every every, Date date);
Period next(Every every, const Period& p);

// "2024-03", "2024-Q1", "2024-H1", "2024", "2024-W05".
std::string key_of(Every every, const Period& p);

}  // namespace duban::deadline
