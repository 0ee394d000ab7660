#include "calendar/tables.hpp"

#include <algorithm>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "calendar/day_number.hpp"

namespace duban {
namespace {

namespace greg = boost::gregorian;

greg::date to_boost(Date date) {
  return {static_cast<unsigned short>(static_cast<int>(date.year())),
          static_cast<unsigned short>(static_cast<unsigned>(date.month())),
          static_cast<unsigned short>(static_cast<unsigned>(date.day()))};
}

bool is_working_kind(std::uint8_t kind) {
  const auto k = static_cast<DayKind>(kind);
  return k == DayKind::weekday || k == DayKind::adjusted_workday || k == DayKind::local_workday;
}

// The years the tables must span: every known year and every date any rule
// names, so that a range reaching into an unknown year still applies there.
std::pair<int, int> year_span(const CalendarData& data) {
  int lo = 0;
  int hi = -1;
  const auto add = [&](int year) {
    if (hi < lo) {
      lo = hi = year;
    } else {
      lo = std::min(lo, year);
      hi = std::max(hi, year);
    }
  };
  for (const auto& y : data.years) {
    add(y.year);
    for (const auto& h : y.holidays) {
      add(static_cast<int>(h.first.year()));
      add(static_cast<int>(h.last.year()));
    }
    for (const auto& w : y.workdays) add(static_cast<int>(w.year()));
  }
  for (const auto& r : data.local) {
    add(static_cast<int>(r.first.year()));
    add(static_cast<int>(r.last.year()));
  }
  return {lo, hi};
}

}  // namespace

WorkCalendar::Tables::Tables(CalendarData data_in, CalendarOptions options_in)
    : data(std::move(data_in)), options(options_in) {
  for (const auto& y : data.years) known_years.push_back(y.year);
  std::sort(known_years.begin(), known_years.end());

  const auto [first_year, last_year] = year_span(data);
  if (last_year < first_year) {
    before.assign(1, 0);
    return;
  }
  const Date first = std::chrono::year{first_year} / 1 / 1;
  const Date last = std::chrono::year{last_year} / 12 / 31;
  origin = calendar::day_number(first);
  size = calendar::day_number(last) - origin + 1;
  const auto n = static_cast<std::size_t>(size);
  kind.resize(n);
  rule.assign(n, 0);

  // The weekly pattern comes from Boost.Date_Time, once per day at build
  // time; every query afterwards reads only the arrays below.
  std::size_t i = 0;
  for (greg::day_iterator it(to_boost(first)); *it <= to_boost(last); ++it, ++i) {
    const auto dow = it->day_of_week().as_number();  // 0 = Sunday
    kind[i] = static_cast<std::uint8_t>(dow == 0 || dow == 6 ? DayKind::weekend : DayKind::weekday);
  }

  const auto apply = [&](Date from, Date to, DayKind k, bool keep_first) {
    const auto index = static_cast<std::uint16_t>(rules.size());  // the rule just pushed
    for (auto day = calendar::day_number(from); day <= calendar::day_number(to); ++day) {
      const auto at = static_cast<std::size_t>(day - origin);
      if (keep_first && rule[at] != 0) continue;  // two notices naming one holiday day
      kind[at] = static_cast<std::uint8_t>(k);
      rule[at] = index;
    }
  };
  // Years in ascending order so that the overlap of two notices' ranges is
  // named by the earlier notice; validate() has ruled out contradictions.
  std::vector<const YearCalendar*> ordered;
  for (const auto& y : data.years) ordered.push_back(&y);
  std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->year < b->year; });
  for (const YearCalendar* y : ordered) {
    for (const auto& h : y->holidays) {
      rules.push_back({h.name, y->source});
      apply(h.first, h.last, DayKind::holiday, true);
    }
    for (const auto& w : y->workdays) {
      rules.push_back({"调休上班", y->source});
      apply(w, w, DayKind::adjusted_workday, false);
    }
  }
  for (const auto& r : data.local) {
    rules.push_back({r.name, r.source});
    apply(r.first, r.last, r.working ? DayKind::local_workday : DayKind::local_closure, false);
  }

  before.assign(n + 1, 0);
  for (std::size_t d = 0; d < n; ++d) {
    const bool w = is_working_kind(kind[d]);
    before[d + 1] = before[d] + (w ? 1 : 0);
    if (w) position.push_back(static_cast<std::int32_t>(d));
  }

  for (int year = first_year; year <= last_year; ++year) {
    if (!has_year(year)) gaps = true;
  }
  if (gaps) {
    unknown_before.assign(n + 1, 0);
    for (std::size_t d = 0; d < n; ++d) {
      const int year = static_cast<int>(calendar::date_of(origin + static_cast<std::int64_t>(d)).year());
      unknown_before[d + 1] = unknown_before[d] + (has_year(year) ? 0 : 1);
    }
  }
}

bool WorkCalendar::Tables::has_year(int year) const noexcept {
  return std::binary_search(known_years.begin(), known_years.end(), year);
}

bool WorkCalendar::Tables::known(std::int64_t day) const noexcept { return all_known(day, day); }

bool WorkCalendar::Tables::all_known(std::int64_t lo, std::int64_t hi) const noexcept {
  if (!in_table(lo) || !in_table(hi)) return false;
  if (!gaps) return true;
  return unknown_before[static_cast<std::size_t>(hi - origin + 1)] ==
         unknown_before[static_cast<std::size_t>(lo - origin)];
}

std::int64_t WorkCalendar::Tables::count_through(std::int64_t day) const noexcept {
  using calendar::weekdays_through;
  if (day < origin) return weekdays_through(day) - weekdays_through(origin - 1);
  if (day >= origin + size) {
    return before.back() + weekdays_through(day) - weekdays_through(origin + size - 1);
  }
  return before[static_cast<std::size_t>(day - origin + 1)];
}

std::int64_t WorkCalendar::Tables::day_with_count(std::int64_t k) const noexcept {
  using calendar::weekday_with_count;
  using calendar::weekdays_through;
  const std::int64_t total = before.back();
  if (k >= 1 && k <= total) return origin + position[static_cast<std::size_t>(k - 1)];
  if (k > total) return weekday_with_count(weekdays_through(origin + size - 1) + (k - total));
  return weekday_with_count(weekdays_through(origin - 1) + k);
}

bool WorkCalendar::Tables::working(std::int64_t day) const noexcept {
  if (!in_table(day)) return calendar::is_weekday(day);
  const auto at = static_cast<std::size_t>(day - origin);
  return before[at + 1] != before[at];
}

}  // namespace duban
