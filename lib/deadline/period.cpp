#include "deadline/period.hpp"

#include <cstdio>

namespace duban::deadline {
namespace {

using std::chrono::days;
using std::chrono::months;
using std::chrono::sys_days;

Date monday_of(Date date) {
  const sys_days d{date};
  const unsigned iso = std::chrono::weekday{d}.iso_encoding();  // 1 = Monday
  return Date{d - days{iso - 1}};
}

// Month-based periods start in a month that is a multiple of their length
// (counting from January), so the start is found by rounding down.
Date month_period_first(Date date, int length) {
  const int m = static_cast<int>(static_cast<unsigned>(date.month()));
  const int start = (m - 1) / length * length + 1;
  return date.year() / std::chrono::month{static_cast<unsigned>(start)} / 1;
}

Date month_period_last(Date first, int length) {
  const auto ym = first.year() / first.month() + months{length - 1};
  return Date{ym / std::chrono::last};
}

}  // namespace

int months_in(Every every) noexcept {
  switch (every) {
    case Every::month:
      return 1;
    case Every::quarter:
      return 3;
    case Every::half_year:
      return 6;
    case Every::year:
      return 12;
    case Every::none:
    case Every::week:
      break;
  }
  return 0;
}

Period period_of(Every every, Date date) {
  if (every == Every::week) {
    const Date monday = monday_of(date);
    return {monday, Date{sys_days{monday} + days{6}}};
  }
  const int length = months_in(every);
  const Date first = month_period_first(date, length);
  return {first, month_period_last(first, length)};
}

Period next(Every every, const Period& p) {
  return period_of(every, Date{sys_days{p.last} + days{1}});
}

std::string key_of(Every every, const Period& p) {
  char buf[32];
  const int year = static_cast<int>(p.first.year());
  const unsigned month = static_cast<unsigned>(p.first.month());
  switch (every) {
    case Every::week: {
      // ISO 8601: a week belongs to the year that holds its Thursday.
      const Date thursday{sys_days{p.first} + days{3}};
      const Date jan1 = thursday.year() / 1 / 1;
      const auto week = (sys_days{thursday} - sys_days{jan1}).count() / 7 + 1;
      std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(thursday.year()), static_cast<int>(week));
      break;
    }
    case Every::month:
      std::snprintf(buf, sizeof buf, "%04d-%02u", year, month);
      break;
    case Every::quarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%u", year, (month - 1) / 3 + 1);
      break;
    case Every::half_year:
      std::snprintf(buf, sizeof buf, "%04d-H%u", year, (month - 1) / 6 + 1);
      break;
    case Every::year:
    case Every::none:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
  }
  return buf;
}

}  // namespace duban::deadline
