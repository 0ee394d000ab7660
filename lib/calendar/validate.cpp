#include "calendar/validate.hpp"

#include <map>
#include <set>
#include <string>

#include "calendar/day_number.hpp"
#include "calendar/iso_date.hpp"
#include "duban/error.hpp"

namespace duban::calendar {
namespace {

[[noreturn]] void fail(std::string_view origin, const std::string& what) {
  throw Error(Errc::inval, ErrClass::time, std::string(origin) + ": " + what);
}

std::string span(Date first, Date last) { return iso(first) + "–" + iso(last); }

std::string holiday_label(const HolidayRange& h) {
  return "holiday " + h.name + " (" + span(h.first, h.last) + ")";
}

std::string local_label(const LocalRule& r) { return "local rule " + r.name + " (" + span(r.first, r.last) + ")"; }

void check_date(std::string_view origin, const std::string& where, std::string_view field, Date date) {
  if (!date.ok()) fail(origin, where + ": " + std::string(field) + " " + iso(date) + " is not a date");
}

bool is_weekend(Date date) {
  const std::chrono::weekday wd{std::chrono::sys_days{date}};
  return wd == std::chrono::Saturday || wd == std::chrono::Sunday;
}

// What the national notices say about one day, for cross-year conflicts.
struct NationalDay {
  bool holiday = false;
  bool workday = false;
  std::string label;  // the rule that set it, for the message
};

void check_year(std::string_view origin, const YearCalendar& y, std::map<std::int64_t, NationalDay>& days) {
  const std::string where = std::to_string(y.year);
  if (y.year < first_data_year || y.year > last_data_year) {
    fail(origin, "year " + where + " is outside " + std::to_string(first_data_year) + ".." +
                     std::to_string(last_data_year));
  }
  if (y.source.empty()) fail(origin, where + ": the source is empty (name the notice the data come from)");
  const Date year_first = std::chrono::year{y.year} / 1 / 1;
  const Date year_last = std::chrono::year{y.year} / 12 / 31;
  const auto near_year = [&](Date date) {
    const int year = static_cast<int>(date.year());
    return year >= y.year - 1 && year <= y.year + 1;
  };
  for (const auto& h : y.holidays) {
    if (h.name.empty()) fail(origin, where + ": a holiday (" + span(h.first, h.last) + ") has no name");
    check_date(origin, where + ": holiday " + h.name, "first", h.first);
    check_date(origin, where + ": holiday " + h.name, "last", h.last);
    if (h.last < h.first) fail(origin, where + ": " + holiday_label(h) + " ends before it starts");
    if (!near_year(h.first) || !near_year(h.last) || h.last < year_first || year_last < h.first) {
      fail(origin, where + ": " + holiday_label(h) + " does not touch " + where);
    }
    for (auto day = day_number(h.first); day <= day_number(h.last); ++day) {
      auto& nd = days[day];
      if (nd.workday) {
        fail(origin, where + ": " + holiday_label(h) + " contains " + iso(date_of(day)) + ", which " + nd.label +
                         " makes a working day");
      }
      if (!nd.holiday) nd.label = where + "'s " + holiday_label(h);
      nd.holiday = true;
    }
  }
  std::set<std::int64_t> seen;
  for (const auto& w : y.workdays) {
    check_date(origin, where, "adjusted working day", w);
    const std::string label = "adjusted working day " + iso(w);
    if (!near_year(w)) fail(origin, where + ": " + label + " is not near " + where);
    if (!is_weekend(w)) fail(origin, where + ": " + label + " is a weekday, already a working day");
    if (!seen.insert(day_number(w)).second) fail(origin, where + ": " + label + " is listed twice");
    auto& nd = days[day_number(w)];
    if (nd.holiday) fail(origin, where + ": " + label + " lies inside " + nd.label);
    nd.workday = true;
    nd.label = where + "'s " + label;
  }
}

void check_local(std::string_view origin, const CalendarData& data) {
  std::map<std::int64_t, const LocalRule*> days;
  for (const auto& r : data.local) {
    if (r.name.empty()) fail(origin, "a local rule (" + span(r.first, r.last) + ") has no name");
    const std::string where = local_label(r);
    check_date(origin, "local rule " + r.name, "first", r.first);
    check_date(origin, "local rule " + r.name, "last", r.last);
    if (r.source.empty()) fail(origin, where + ": the source is empty");
    if (r.last < r.first) fail(origin, where + " ends before it starts");
    for (const Date date : {r.first, r.last}) {
      const int year = static_cast<int>(date.year());
      if (year < first_data_year || year > last_data_year) {
        fail(origin, where + " is outside " + std::to_string(first_data_year) + ".." +
                         std::to_string(last_data_year));
      }
    }
    if (day_number(r.last) - day_number(r.first) + 1 > max_local_rule_days) {
      fail(origin, where + " spans more than " + std::to_string(max_local_rule_days) + " days");
    }
    for (auto day = day_number(r.first); day <= day_number(r.last); ++day) {
      const auto [it, inserted] = days.emplace(day, &r);
      if (!inserted && it->second->working != r.working) {
        fail(origin, local_label(*it->second) + " and " + where + " disagree on " + iso(date_of(day)));
      }
    }
  }
}

}  // namespace

void validate(const CalendarData& data, std::string_view origin) {
  std::set<int> years;
  std::map<std::int64_t, NationalDay> days;
  for (const auto& y : data.years) {
    if (!years.insert(y.year).second) fail(origin, "year " + std::to_string(y.year) + " appears twice");
    check_year(origin, y, days);
  }
  check_local(origin, data);
  // Each rule is one entry in a 16-bit index per day (tables.hpp).
  std::size_t rules = data.local.size();
  for (const auto& y : data.years) rules += y.holidays.size() + y.workdays.size();
  if (rules >= 65535) fail(origin, std::to_string(rules) + " rules; at most 65534");
}

}  // namespace duban::calendar
