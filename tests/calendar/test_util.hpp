// Helpers shared by the calendar and deadline suites: date literals, an
// error matcher that checks code, class and the exact message, and an
// independent transcription of shared/facts/cn-workdays.md with a naive
// day-by-day reference to compare the precomputed calendar against.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "duban/calendar.hpp"
#include "duban/error.hpp"

namespace duban::testing {

inline Date d(int y, unsigned m, unsigned day) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

inline std::chrono::year_month ym(int y, unsigned m) {
  return std::chrono::year{y} / std::chrono::month{m};
}

inline Date plus_days(Date date, int n) {
  return Date{std::chrono::sys_days{date} + std::chrono::days{n}};
}

inline std::string iso(Date date) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

// Runs `f`, which must throw duban::Error with exactly this code, class and message.
inline ::testing::AssertionResult throws_error(const std::function<void()>& f, Errc code, ErrClass klass,
                                               const std::string& message) {
  try {
    f();
  } catch (const Error& e) {
    if (e.code() != code || e.klass() != klass || e.what() != message) {
      return ::testing::AssertionFailure()
             << "got code " << static_cast<int>(e.code()) << ", class " << static_cast<int>(e.klass())
             << ", message\n  " << e.what() << "\nwanted code " << static_cast<int>(code) << ", class "
             << static_cast<int>(klass) << ", message\n  " << message;
    }
    return ::testing::AssertionSuccess();
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << "threw a non-duban exception: " << e.what();
  }
  return ::testing::AssertionFailure() << "did not throw; wanted: " << message;
}

// cn-workdays.md, typed in again on its own so that a slip in either the
// built-in data or this table shows up as a disagreement.
struct FactYear {
  int year;
  std::vector<std::pair<Date, Date>> holidays;
  std::vector<Date> workdays;
  int total;
};

inline const std::vector<FactYear>& facts() {
  static const std::vector<FactYear> table = {
      {2023,
       {{d(2022, 12, 31), d(2023, 1, 2)},
        {d(2023, 1, 21), d(2023, 1, 27)},
        {d(2023, 4, 5), d(2023, 4, 5)},
        {d(2023, 4, 29), d(2023, 5, 3)},
        {d(2023, 6, 22), d(2023, 6, 24)},
        {d(2023, 9, 29), d(2023, 10, 6)}},
       {d(2023, 1, 28), d(2023, 1, 29), d(2023, 4, 23), d(2023, 5, 6), d(2023, 6, 25), d(2023, 10, 7),
        d(2023, 10, 8)},
       249},
      {2024,
       {{d(2024, 1, 1), d(2024, 1, 1)},
        {d(2024, 2, 10), d(2024, 2, 17)},
        {d(2024, 4, 4), d(2024, 4, 6)},
        {d(2024, 5, 1), d(2024, 5, 5)},
        {d(2024, 6, 10), d(2024, 6, 10)},
        {d(2024, 9, 15), d(2024, 9, 17)},
        {d(2024, 10, 1), d(2024, 10, 7)}},
       {d(2024, 2, 4), d(2024, 2, 18), d(2024, 4, 7), d(2024, 4, 28), d(2024, 5, 11), d(2024, 9, 14),
        d(2024, 9, 29), d(2024, 10, 12)},
       251},
      {2025,
       {{d(2025, 1, 1), d(2025, 1, 1)},
        {d(2025, 1, 28), d(2025, 2, 4)},
        {d(2025, 4, 4), d(2025, 4, 6)},
        {d(2025, 5, 1), d(2025, 5, 5)},
        {d(2025, 5, 31), d(2025, 6, 2)},
        {d(2025, 10, 1), d(2025, 10, 8)}},
       {d(2025, 1, 26), d(2025, 2, 8), d(2025, 4, 27), d(2025, 9, 28), d(2025, 10, 11)},
       248},
      {2026,
       {{d(2026, 1, 1), d(2026, 1, 3)},
        {d(2026, 2, 15), d(2026, 2, 23)},
        {d(2026, 4, 4), d(2026, 4, 6)},
        {d(2026, 5, 1), d(2026, 5, 5)},
        {d(2026, 6, 19), d(2026, 6, 21)},
        {d(2026, 9, 25), d(2026, 9, 27)},
        {d(2026, 10, 1), d(2026, 10, 7)}},
       {d(2026, 1, 4), d(2026, 2, 14), d(2026, 2, 28), d(2026, 5, 9), d(2026, 9, 20), d(2026, 10, 10)},
       248},
  };
  return table;
}

// The reference: a plain reading of the facts, one day at a time. Years
// outside the facts follow Monday–Friday (what the fallback promises).
inline bool naive_workday_plain(Date date) {
  for (const auto& y : facts()) {
    for (const auto& w : y.workdays) {
      if (w == date) return true;
    }
    for (const auto& [first, last] : y.holidays) {
      if (!(date < first) && !(last < date)) return false;
    }
  }
  const std::chrono::weekday wd{std::chrono::sys_days{date}};
  return wd != std::chrono::Saturday && wd != std::chrono::Sunday;
}

// The same answers, remembered for 2015–2035 so that exhaustive loops stay fast.
inline bool naive_workday(Date date) {
  static const Date first = Date{std::chrono::year{2015} / 1 / 1};
  static const std::vector<bool> cache = [] {
    std::vector<bool> out;
    for (Date x = first; x.year() <= std::chrono::year{2035}; x = plus_days(x, 1)) {
      out.push_back(naive_workday_plain(x));
    }
    return out;
  }();
  const auto i = (std::chrono::sys_days{date} - std::chrono::sys_days{first}).count();
  if (i < 0 || i >= static_cast<long>(cache.size())) return naive_workday_plain(date);
  return cache[static_cast<std::size_t>(i)];
}

inline Date naive_add(Date date, int n) {
  if (n == 0) {
    while (!naive_workday(date)) date = plus_days(date, 1);
    return date;
  }
  const int step = n > 0 ? 1 : -1;
  for (int left = n > 0 ? n : -n; left > 0;) {
    date = plus_days(date, step);
    if (naive_workday(date)) --left;
  }
  return date;
}

// Every day of [first, last].
inline std::vector<Date> days(Date first, Date last) {
  std::vector<Date> out;
  for (Date x = first; !(last < x); x = plus_days(x, 1)) out.push_back(x);
  return out;
}

}  // namespace duban::testing
