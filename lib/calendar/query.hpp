// The checks every calendar query makes before it answers, and the
// messages they throw: what was asked (the operation and its arguments)
// and why it cannot be answered.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "calendar/tables.hpp"

namespace duban::calendar {

// The call being answered, rendered only when a message is needed so that
// the fast path builds no strings.
struct Call {
  std::string_view op;
  Date date{};
  std::optional<Date> to{};
  std::optional<std::chrono::year_month> month{};
  std::optional<std::chrono::year> year{};
  std::optional<std::int64_t> n{};
  std::string_view tail{};

  std::string text() const;
};

// Day number of a valid date in 1..9999; Errc::inval or Errc::range otherwise.
std::int64_t checked_day(Date date, const Call& call);
std::int64_t checked_month_first(std::chrono::year_month month, const Call& call);

// Throws "no published calendar for YYYY" unless [lo, hi] lies in known
// years or the fallback is on. `forward` picks which unknown year to name:
// the first one met walking from lo (true) or from hi (false).
inline void require_known(const WorkCalendar::Tables& t, std::int64_t lo, std::int64_t hi, bool forward,
                          const Call& call);
[[noreturn]] void throw_unknown(const WorkCalendar::Tables& t, std::int64_t lo, std::int64_t hi, bool forward,
                                const Call& call);

// Throws Errc::range when a computed day falls outside 0001-01-01..9999-12-31.
void require_representable(std::int64_t day, const Call& call);

// The coverage check for a computed result r that needed the days [lo, hi]:
// an unknown year is named first, then a result beyond 9999 is refused.
void require_result(const WorkCalendar::Tables& t, std::int64_t lo, std::int64_t hi, std::int64_t r,
                    bool forward, const Call& call);

inline void require_known(const WorkCalendar::Tables& t, std::int64_t lo, std::int64_t hi, bool forward,
                          const Call& call) {
  if (t.options.weekends_only_fallback || t.all_known(lo, hi)) return;
  throw_unknown(t, lo, hi, forward, call);
}

}  // namespace duban::calendar
