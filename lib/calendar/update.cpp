// Loading more data into a calendar, and saying what that changed: a new
// calendar is built (the old one stays valid for whoever shares it) and the
// two are compared day by day once, at load time.
#include <algorithm>

#include "calendar/day_number.hpp"
#include "calendar/tables.hpp"

namespace duban {
namespace {

std::string reason(const WorkCalendar::Tables& t, std::int64_t day) {
  if (!t.in_table(day)) return calendar::is_weekday(day) ? "weekday" : "weekend";
  const auto at = static_cast<std::size_t>(day - t.origin);
  if (t.rule[at] == 0) return std::string(to_string(static_cast<DayKind>(t.kind[at])));
  const auto& rule = t.rules[t.rule[at] - 1u];
  return rule.name + " (" + rule.source + ")";
}

std::vector<int> minus(const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<int> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

}  // namespace

CalendarDiff diff(const WorkCalendar& before, const WorkCalendar& after) {
  const auto& a = *before.tables_;
  const auto& b = *after.tables_;
  CalendarDiff out;
  out.years_added = minus(b.known_years, a.known_years);
  out.years_removed = minus(a.known_years, b.known_years);
  // Outside both tables both calendars follow the same weekly pattern.
  std::int64_t lo = 0;
  std::int64_t hi = -1;
  for (const auto* t : {&a, &b}) {
    if (t->size == 0) continue;
    if (hi < lo) {
      lo = t->origin;
      hi = t->origin + t->size - 1;
    } else {
      lo = std::min(lo, t->origin);
      hi = std::max(hi, t->origin + t->size - 1);
    }
  }
  for (std::int64_t day = lo; day <= hi; ++day) {
    const bool was = a.working(day);
    const bool now = b.working(day);
    if (was == now) continue;
    out.days.push_back({calendar::date_of(day), was, now, a.known(day), b.known(day), reason(b, day)});
  }
  return out;
}

CalendarUpdate WorkCalendar::with(const CalendarData& more) const {
  CalendarData merged = data();
  std::vector<int> replaced;
  for (const auto& y : more.years) {
    const auto it = std::find_if(merged.years.begin(), merged.years.end(),
                                 [&](const YearCalendar& old) { return old.year == y.year; });
    if (it == merged.years.end()) {
      merged.years.push_back(y);
    } else {
      if (!(*it == y)) replaced.push_back(y.year);
      *it = y;
    }
  }
  std::sort(merged.years.begin(), merged.years.end(),
            [](const YearCalendar& x, const YearCalendar& y) { return x.year < y.year; });
  // Loading the same file twice must not double its rules.
  for (const auto& r : more.local) {
    if (std::find(merged.local.begin(), merged.local.end(), r) == merged.local.end()) merged.local.push_back(r);
  }
  std::sort(replaced.begin(), replaced.end());
  auto next = std::make_shared<const WorkCalendar>(std::move(merged), options());
  CalendarUpdate update{next, std::move(replaced), diff(*this, *next)};
  return update;
}

}  // namespace duban
