// Recurring obligations: one dated instance per reporting period, keyed by
// the obligation and the period so that expanding again (another range, a
// reloaded calendar) gives the same ids and never a duplicate.
#include <unordered_map>

#include "calendar/iso_date.hpp"
#include "deadline/period.hpp"
#include "duban/deadline.hpp"
#include "duban/error.hpp"

namespace duban {
namespace {

using deadline::Period;

[[noreturn]] void bad(std::string_view key, const std::string& what) {
  throw Error(Errc::inval, ErrClass::argument, "recurrence of " + quote(key) + ": " + what);
}

void check_range(std::string_view key, std::string_view field, int value, int lo, int hi, std::string_view every) {
  if (value < lo || value > hi) {
    bad(key, std::string(field) + " " + std::to_string(value) + " is outside " + std::to_string(lo) + ".." +
                 std::to_string(hi) + " for " + std::string(every));
  }
}

void check(const Recurrence& r, std::string_view key) {
  if (key.empty()) throw Error(Errc::inval, ErrClass::argument, "expand: the obligation key is empty");
  const std::string_view every = to_string(r.every);
  if (r.every == Every::none || every.empty()) {
    bad(key, "no period to recur over (every is " +
                 (every.empty() ? std::to_string(static_cast<int>(r.every)) : std::string(every)) + ")");
  }
  if (r.every == Every::week) {
    check_range(key, "day", r.day, 0, 7, every);
    if (r.workday != 0) bad(key, "workday is not supported for week");
    check_range(key, "month", r.month, 0, 0, every);
    return;
  }
  check_range(key, "day", r.day, 0, 31, every);
  // 23 is the most working days a month can have.
  check_range(key, "workday", r.workday, -23, 23, every);
  if (r.workday != 0 && r.day != 0) bad(key, "give day or workday, not both");
  check_range(key, "month", r.month, 0, deadline::months_in(r.every), every);
}

Date nominal_due(const Recurrence& r, const Period& reported, const WorkCalendar& calendar) {
  const Period target = r.next_period ? deadline::next(r.every, reported) : reported;
  if (r.every == Every::week) {
    const int weekday = r.day == 0 ? 7 : r.day;
    return Date{std::chrono::sys_days{target.first} + std::chrono::days{weekday - 1}};
  }
  const int length = deadline::months_in(r.every);
  const int index = r.month != 0 ? r.month : (r.next_period ? 1 : length);
  const auto month = target.first.year() / target.first.month() + std::chrono::months{index - 1};
  if (r.workday != 0) return calendar.nth_workday(month, r.workday);
  const Date last{month / std::chrono::last};
  // 31日 in a 30-day month (or 30日 in February) means the month's last day.
  if (r.day == 0 || static_cast<unsigned>(r.day) > static_cast<unsigned>(last.day())) return last;
  return month / std::chrono::day{static_cast<unsigned>(r.day)};
}

}  // namespace

std::string period_key(Every every, Date date) {
  if (!date.ok()) {
    throw Error(Errc::inval, ErrClass::argument, "period_key: " + calendar::iso(date) + " is not a date");
  }
  if (every == Every::none || to_string(every).empty()) {
    throw Error(Errc::inval, ErrClass::argument,
                "period_key(" + calendar::iso(date) + "): no period (every is " +
                    (to_string(every).empty() ? std::to_string(static_cast<int>(every)) : "none") + ")");
  }
  return deadline::key_of(every, deadline::period_of(every, date));
}

std::vector<Occurrence> expand(const Recurrence& recurrence, std::string_view key, Date from, Date to,
                               const WorkCalendar& calendar, const ExpandOptions& options) {
  check(recurrence, key);
  for (const Date d : {from, to}) {
    if (!d.ok()) {
      throw Error(Errc::inval, ErrClass::argument,
                  "expand " + quote(key) + ": " + calendar::iso(d) + " is not a date");
    }
  }
  if (to < from) {
    throw Error(Errc::inval, ErrClass::argument,
                "expand " + quote(key) + ": from " + calendar::iso(from) + " is after to " + calendar::iso(to));
  }
  std::vector<Occurrence> out;
  // The period holding `from` ends on or after it, so it is the first candidate.
  for (Period p = deadline::period_of(recurrence.every, from); p.last <= to;
       p = deadline::next(recurrence.every, p)) {
    const std::string period = deadline::key_of(recurrence.every, p);
    const Date nominal = nominal_due(recurrence, p, calendar);
    const Date due = recurrence.workday != 0 ? nominal : calendar.roll(nominal, options.shift);
    out.push_back({std::string(key) + "@" + period, period, p.first, p.last, nominal, due});
  }
  return out;
}

std::vector<DueMove> moved_dues(const std::vector<Occurrence>& before, const std::vector<Occurrence>& after) {
  std::unordered_map<std::string_view, const Occurrence*> old;
  for (const auto& o : before) old.emplace(o.id, &o);
  std::vector<DueMove> out;
  for (const auto& o : after) {
    const auto it = old.find(o.id);
    if (it != old.end() && it->second->due != o.due) out.push_back({o.id, it->second->due, o.due});
  }
  return out;
}

}  // namespace duban
