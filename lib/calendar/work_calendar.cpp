// The queries of WorkCalendar: each validates its arguments, computes its
// answer from two prefix-count lookups, and then checks that every day the
// answer depended on lies in a year with data.
#include <algorithm>

#include "calendar/day_number.hpp"
#include "calendar/iso_date.hpp"
#include "calendar/query.hpp"
#include "calendar/tables.hpp"
#include "calendar/validate.hpp"
#include "duban/error.hpp"

namespace duban {

using calendar::Call;
using calendar::checked_day;
using calendar::date_of;
using calendar::require_known;
using calendar::require_result;

namespace {

std::shared_ptr<const WorkCalendar::Tables> empty_tables() {
  static const auto tables = std::make_shared<const WorkCalendar::Tables>(CalendarData{}, CalendarOptions{});
  return tables;
}

std::chrono::year_month month_of(std::int64_t day) {
  const Date date = date_of(day);
  return date.year() / date.month();
}

// The first working day on or after `day`, and on or before it.
std::int64_t following(const WorkCalendar::Tables& t, std::int64_t day, const Call& call) {
  const std::int64_t r = t.day_with_count(t.count_through(day - 1) + 1);
  require_result(t, day, r, r, true, call);
  return r;
}

std::int64_t preceding(const WorkCalendar::Tables& t, std::int64_t day, const Call& call) {
  const std::int64_t r = t.day_with_count(t.count_through(day));
  require_result(t, r, day, r, false, call);
  return r;
}

}  // namespace

WorkCalendar::WorkCalendar() : tables_(empty_tables()) {}

WorkCalendar::WorkCalendar(CalendarData data, CalendarOptions options) {
  calendar::validate(data, "calendar data");
  tables_ = std::make_shared<const Tables>(std::move(data), options);
}

std::shared_ptr<const WorkCalendar> WorkCalendar::builtin() {
  static const auto instance = std::make_shared<const WorkCalendar>(builtin_calendar_data());
  return instance;
}

const CalendarData& WorkCalendar::data() const noexcept { return tables_->data; }
const CalendarOptions& WorkCalendar::options() const noexcept { return tables_->options; }
bool WorkCalendar::has_year(int year) const noexcept { return tables_->has_year(year); }
std::vector<int> WorkCalendar::years() const { return tables_->known_years; }

bool WorkCalendar::is_workday(Date date) const {
  const Call call{.op = "is_workday", .date = date};
  const auto day = checked_day(date, call);
  require_known(*tables_, day, day, true, call);
  return tables_->working(day);
}

Date WorkCalendar::next_workday(Date date) const {
  const Call call{.op = "next_workday", .date = date};
  const auto day = checked_day(date, call);
  const auto& t = *tables_;
  const std::int64_t r = t.day_with_count(t.count_through(day) + 1);
  require_result(t, day + 1, r, r, true, call);
  return date_of(r);
}

Date WorkCalendar::previous_workday(Date date) const {
  const Call call{.op = "previous_workday", .date = date};
  const auto day = checked_day(date, call);
  const auto& t = *tables_;
  const std::int64_t r = t.day_with_count(t.count_through(day - 1));
  require_result(t, r, day - 1, r, false, call);
  return date_of(r);
}

Date WorkCalendar::add_workdays(Date date, int n) const {
  const Call call{.op = "add_workdays", .date = date, .n = n};
  const auto day = checked_day(date, call);
  const auto& t = *tables_;
  if (n == 0) return date_of(following(t, day, call));
  if (n > 0) {
    const std::int64_t r = t.day_with_count(t.count_through(day) + n);
    require_result(t, day + 1, r, r, true, call);
    return date_of(r);
  }
  const std::int64_t r = t.day_with_count(t.count_through(day - 1) + n + 1);
  require_result(t, r, day - 1, r, false, call);
  return date_of(r);
}

int WorkCalendar::workdays_between(Date from, Date to) const {
  const Call call{.op = "workdays_between", .date = from, .to = to};
  const auto lo = checked_day(from, call);
  const auto hi = checked_day(to, call);
  if (lo > hi) return 0;
  const auto& t = *tables_;
  require_known(t, lo, hi, true, call);
  return static_cast<int>(t.count_through(hi) - t.count_through(lo - 1));
}

int WorkCalendar::workdays_in_month(std::chrono::year_month month) const {
  const Call call{.op = "workdays_in_month", .month = month};
  const auto lo = calendar::checked_month_first(month, call);
  const auto hi = calendar::day_number(month / std::chrono::last);
  const auto& t = *tables_;
  require_known(t, lo, hi, true, call);
  return static_cast<int>(t.count_through(hi) - t.count_through(lo - 1));
}

int WorkCalendar::workdays_in_year(std::chrono::year year) const {
  const Call call{.op = "workdays_in_year", .year = year};
  const auto lo = checked_day(year / 1 / 1, call);
  const auto hi = calendar::day_number(year / 12 / 31);
  const auto& t = *tables_;
  require_known(t, lo, hi, true, call);
  return static_cast<int>(t.count_through(hi) - t.count_through(lo - 1));
}

namespace {

Date nth_in_month(const WorkCalendar::Tables& t, std::chrono::year_month month, int n, const Call& call) {
  const auto lo = calendar::checked_month_first(month, call);
  if (n == 0) throw Error(Errc::inval, ErrClass::argument, call.text() + ": n must not be 0");
  const auto hi = calendar::day_number(month / std::chrono::last);
  // The whole month is needed: "has only K working days" is a claim about all of it.
  require_known(t, lo, hi, true, call);
  const std::int64_t before = t.count_through(lo - 1);
  const std::int64_t through = t.count_through(hi);
  const std::int64_t count = through - before;
  const std::int64_t wanted = n > 0 ? n : -static_cast<std::int64_t>(n);
  if (wanted > count) {
    throw Error(Errc::range, ErrClass::time,
                call.text() + ": " + calendar::iso(month) +
                    (count == 0 ? std::string(" has no working day")
                                : " has only " + std::to_string(count) + " working day" + (count == 1 ? "" : "s")));
  }
  return date_of(t.day_with_count(n > 0 ? before + n : through + n + 1));
}

}  // namespace

Date WorkCalendar::nth_workday(std::chrono::year_month month, int n) const {
  return nth_in_month(*tables_, month, n, Call{.op = "nth_workday", .month = month, .n = n});
}

Date WorkCalendar::last_workday(std::chrono::year_month month) const {
  return nth_in_month(*tables_, month, -1, Call{.op = "last_workday", .month = month});
}

Date WorkCalendar::roll(Date date, Roll convention) const {
  const std::string_view name = to_string(convention);
  const Call call{.op = "roll", .date = date, .tail = name};
  const auto day = checked_day(date, call);
  if (name.empty()) {
    throw Error(Errc::inval, ErrClass::argument,
                "roll(" + calendar::iso(date) + ", " + std::to_string(static_cast<int>(convention)) +
                    "): unknown convention " + std::to_string(static_cast<int>(convention)));
  }
  const auto& t = *tables_;
  switch (convention) {
    case Roll::none:
      return date;
    case Roll::following:
      return date_of(following(t, day, call));
    case Roll::preceding:
      return date_of(preceding(t, day, call));
    case Roll::modified_following: {
      const std::int64_t r = following(t, day, call);
      return date_of(month_of(r) == month_of(day) ? r : preceding(t, day, call));
    }
    case Roll::modified_preceding: {
      const std::int64_t r = preceding(t, day, call);
      return date_of(month_of(r) == month_of(day) ? r : following(t, day, call));
    }
  }
  return date;  // not reached: every convention is handled above
}

DayInfo WorkCalendar::describe(Date date) const {
  const Call call{.op = "describe", .date = date};
  const auto day = checked_day(date, call);
  const auto& t = *tables_;
  DayInfo info;
  info.date = date;
  info.working = t.working(day);
  if (!t.in_table(day)) {
    info.kind = info.working ? DayKind::weekday : DayKind::weekend;
    return info;
  }
  const auto at = static_cast<std::size_t>(day - t.origin);
  info.known = t.known(day);
  info.kind = static_cast<DayKind>(t.kind[at]);
  if (t.rule[at] != 0) {
    const auto& rule = t.rules[t.rule[at] - 1u];
    info.name = rule.name;
    info.source = rule.source;
  }
  return info;
}

}  // namespace duban
