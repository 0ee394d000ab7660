#include "calendar/query.hpp"

#include <algorithm>

#include "calendar/day_number.hpp"
#include "calendar/iso_date.hpp"
#include "duban/error.hpp"

namespace duban::calendar {
namespace {

// "2023–2026, 2028": runs of consecutive years collapsed.
std::string year_list(const std::vector<int>& years) {
  if (years.empty()) return "none";
  std::string out;
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(years[i]);
    if (j > i) out += "–" + std::to_string(years[j]);
    i = j + 1;
  }
  return out;
}

int year_of(std::int64_t day) { return static_cast<int>(date_of(day).year()); }

}  // namespace

std::string Call::text() const {
  std::string out(op);
  out += '(';
  if (year) {
    out += std::to_string(static_cast<int>(*year));
  } else {
    out += month ? iso(*month) : iso(date);
  }
  if (to) out += ", " + iso(*to);
  if (n) out += ", " + std::to_string(*n);
  if (!tail.empty()) {
    out += ", ";
    out += tail;
  }
  out += ')';
  return out;
}

std::int64_t checked_day(Date date, const Call& call) {
  if (!date.ok()) throw Error(Errc::inval, ErrClass::argument, call.text() + ": " + iso(date) + " is not a date");
  const int year = static_cast<int>(date.year());
  if (year < min_year || year > max_year) {
    throw Error(Errc::range, ErrClass::argument,
                call.text() + ": year " + std::to_string(year) + " is outside 1..9999");
  }
  return day_number(date);
}

std::int64_t checked_month_first(std::chrono::year_month month, const Call& call) {
  if (!month.ok()) {
    throw Error(Errc::inval, ErrClass::argument, call.text() + ": " + iso(month) + " is not a month");
  }
  return checked_day(month / std::chrono::day{1}, call);
}

void throw_unknown(const WorkCalendar::Tables& t, std::int64_t lo, std::int64_t hi, bool forward,
                   const Call& call) {
  const int first = year_of(lo);
  const int last = year_of(hi);
  int missing = forward ? first : last;
  if (forward) {
    for (int y = first; y <= last; ++y) {
      if (!t.has_year(y)) {
        missing = y;
        break;
      }
    }
  } else {
    for (int y = last; y >= first; --y) {
      if (!t.has_year(y)) {
        missing = y;
        break;
      }
    }
  }
  throw Error(Errc::range, ErrClass::time,
              "no published calendar for " + std::to_string(missing) + " (known years: " +
                  year_list(t.known_years) + "; load the year's data or allow the weekends-only fallback): " +
                  call.text());
}

namespace {
constexpr std::int64_t first_day = day_number(std::chrono::year{min_year} / 1 / 1);
constexpr std::int64_t last_day = day_number(std::chrono::year{max_year} / 12 / 31);
}  // namespace

void require_representable(std::int64_t day, const Call& call) {
  constexpr std::int64_t lo = first_day;
  constexpr std::int64_t hi = last_day;
  if (day < lo) throw Error(Errc::range, ErrClass::time, call.text() + ": the result would be before 0001-01-01");
  if (day > hi) throw Error(Errc::range, ErrClass::time, call.text() + ": the result would be after 9999-12-31");
}

void require_result(const WorkCalendar::Tables& t, std::int64_t lo, std::int64_t hi, std::int64_t r,
                    bool forward, const Call& call) {
  // Clamp first: a walk that runs past 9999 is still reported as the first
  // unknown year it meets, which is what a caller can act on.
  const std::int64_t lo_c = std::max(lo, first_day);
  const std::int64_t hi_c = std::min(hi, last_day);
  if (lo_c <= hi_c) require_known(t, lo_c, hi_c, forward, call);
  require_representable(r, call);
}

}  // namespace duban::calendar
