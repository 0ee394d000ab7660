// Working-day arithmetic: the pinned add/between relation, checked over
// every day of 2023–2026, and each operation against the naive reference.
#include <gtest/gtest.h>

#include <thread>

#include "calendar/test_util.hpp"
#include "duban/calendar.hpp"

namespace duban {
namespace {

using namespace duban::testing;

const WorkCalendar& cal() { return *WorkCalendar::builtin(); }

// The relation documented in calendar.hpp, for one calendar over [first,
// last]. Walks that would leave [known_first, known_last] must throw.
void check_relation(const WorkCalendar& c, Date first, Date last, int reach,
                    Date known_first = d(1, 1, 1), Date known_last = d(9999, 12, 31)) {
  for (const Date x : days(first, last)) {
    for (int n = -reach; n <= reach; ++n) {
      const Date expect = naive_add(x, n);
      if (expect < known_first || known_last < expect) {
        try {
          c.add_workdays(x, n);
          ADD_FAILURE() << "no error for " << iso(x) << " " << n;
          return;
        } catch (const Error& e) {
          ASSERT_EQ(e.code(), Errc::range) << e.what();
        }
        continue;
      }
      const Date t = c.add_workdays(x, n);
      ASSERT_EQ(t, expect) << iso(x) << " " << n;
      ASSERT_TRUE(c.is_workday(t)) << iso(x) << " " << n;
      if (n > 0) {
        ASSERT_EQ(c.workdays_between(plus_days(x, 1), t), n) << iso(x) << " " << n;
        ASSERT_EQ(c.workdays_between(plus_days(x, 1), plus_days(t, -1)), n - 1) << iso(x) << " " << n;
        if (c.is_workday(x)) {
          ASSERT_EQ(c.workdays_between(x, t), n + 1) << iso(x) << " " << n;
        }
      } else if (n < 0) {
        ASSERT_EQ(c.workdays_between(t, plus_days(x, -1)), -n) << iso(x) << " " << n;
        ASSERT_EQ(c.workdays_between(plus_days(t, 1), plus_days(x, -1)), -n - 1) << iso(x) << " " << n;
      } else {
        ASSERT_FALSE(t < x);
        ASSERT_EQ(c.workdays_between(x, t), 1) << iso(x);
      }
    }
  }
}

TEST(CalendarArithmetic, AddAndBetweenAgreeOnEveryDayOf2023To2026) {
  check_relation(cal(), d(2023, 1, 1), d(2026, 12, 31), 80, d(2023, 1, 1), d(2026, 12, 31));
}

TEST(CalendarArithmetic, AddAndBetweenAgreeAcrossTheTableEdgesWithTheFallback) {
  const WorkCalendar c(builtin_calendar_data(), CalendarOptions{true});
  check_relation(c, d(2022, 10, 1), d(2023, 3, 1), 80);
  check_relation(c, d(2026, 10, 1), d(2027, 3, 1), 80);
}

TEST(CalendarArithmetic, AnEmptyFallbackCalendarIsMondayToFriday) {
  const WorkCalendar c(CalendarData{}, CalendarOptions{true});
  for (const Date x : days(d(1999, 12, 20), d(2000, 1, 20))) {
    for (int n = -30; n <= 30; ++n) {
      Date expect = x;
      const auto weekday = [](Date y) {
        const unsigned w = std::chrono::weekday{std::chrono::sys_days{y}}.iso_encoding();
        return w <= 5;
      };
      if (n == 0) {
        while (!weekday(expect)) expect = plus_days(expect, 1);
      } else {
        for (int left = n > 0 ? n : -n; left > 0;) {
          expect = plus_days(expect, n > 0 ? 1 : -1);
          if (weekday(expect)) --left;
        }
      }
      ASSERT_EQ(c.add_workdays(x, n), expect) << iso(x) << " " << n;
    }
  }
  EXPECT_EQ(c.workdays_between(d(2000, 1, 1), d(2000, 12, 31)), 260);
  EXPECT_EQ(c.add_workdays(d(2000, 1, 3), 260 * 100), d(2099, 8, 31));
  EXPECT_EQ(c.workdays_between(d(2000, 1, 3), d(2099, 8, 31)), 260 * 100 + 1);
}

TEST(CalendarArithmetic, BetweenIsInclusiveAndEmptyWhenReversed) {
  EXPECT_EQ(cal().workdays_between(d(2024, 10, 8), d(2024, 10, 8)), 1);
  EXPECT_EQ(cal().workdays_between(d(2024, 10, 1), d(2024, 10, 7)), 0);
  EXPECT_EQ(cal().workdays_between(d(2024, 9, 29), d(2024, 10, 12)), 7);
  EXPECT_EQ(cal().workdays_between(d(2024, 10, 12), d(2024, 9, 29)), 0);
  EXPECT_EQ(cal().workdays_between(d(2023, 1, 1), d(2026, 12, 31)), 249 + 251 + 248 + 248);
}

TEST(CalendarArithmetic, NextAndPreviousAreStrict) {
  EXPECT_EQ(cal().next_workday(d(2024, 9, 30)), d(2024, 10, 8));
  EXPECT_EQ(cal().previous_workday(d(2024, 10, 8)), d(2024, 9, 30));
  EXPECT_EQ(cal().next_workday(d(2024, 9, 27)), d(2024, 9, 29));  // the worked Sunday
  EXPECT_EQ(cal().previous_workday(d(2024, 10, 14)), d(2024, 10, 12));
  EXPECT_EQ(cal().next_workday(d(2024, 2, 9)), d(2024, 2, 18));
  EXPECT_EQ(cal().next_workday(d(2023, 12, 29)), d(2024, 1, 2));
  for (const Date x : days(d(2023, 2, 1), d(2026, 11, 30))) {
    ASSERT_EQ(cal().next_workday(x), naive_add(x, 1)) << iso(x);
    ASSERT_EQ(cal().previous_workday(x), naive_add(x, -1)) << iso(x);
  }
}

TEST(CalendarArithmetic, AddAcrossHolidays) {
  EXPECT_EQ(cal().add_workdays(d(2024, 9, 30), 1), d(2024, 10, 8));
  EXPECT_EQ(cal().add_workdays(d(2024, 9, 25), 15), d(2024, 10, 21));
  EXPECT_EQ(cal().add_workdays(d(2024, 10, 21), -15), d(2024, 9, 25));
  EXPECT_EQ(cal().add_workdays(d(2024, 10, 3), 0), d(2024, 10, 8));
  EXPECT_EQ(cal().add_workdays(d(2024, 10, 8), 0), d(2024, 10, 8));
  EXPECT_EQ(cal().add_workdays(d(2024, 2, 9), 1), d(2024, 2, 18));
  EXPECT_EQ(cal().add_workdays(d(2024, 1, 1), 251), d(2024, 12, 31));
  EXPECT_EQ(cal().add_workdays(d(2024, 1, 1), 252), d(2025, 1, 2));
  EXPECT_EQ(cal().add_workdays(d(2023, 1, 3), 249 + 251 + 248 + 248 - 1), d(2026, 12, 31));
}

TEST(CalendarArithmetic, MonthCountsAgreeWithTheReference) {
  for (int y = 2023; y <= 2026; ++y) {
    int year_total = 0;
    for (unsigned m = 1; m <= 12; ++m) {
      const auto month = ym(y, m);
      int expect = 0;
      for (const Date x : days(Date{month / 1}, Date{month / std::chrono::last})) expect += naive_workday(x);
      ASSERT_EQ(cal().workdays_in_month(month), expect) << y << "-" << m;
      year_total += expect;
    }
    EXPECT_EQ(cal().workdays_in_year(std::chrono::year{y}), year_total);
  }
}

TEST(CalendarArithmetic, NthAndLastWorkdayOfAMonth) {
  EXPECT_EQ(cal().nth_workday(ym(2024, 2), 1), d(2024, 2, 1));
  EXPECT_EQ(cal().nth_workday(ym(2024, 2), 3), d(2024, 2, 4));  // the worked Sunday
  EXPECT_EQ(cal().nth_workday(ym(2024, 10), 1), d(2024, 10, 8));
  EXPECT_EQ(cal().nth_workday(ym(2024, 10), 19), d(2024, 10, 31));
  EXPECT_EQ(cal().nth_workday(ym(2024, 10), -1), d(2024, 10, 31));
  EXPECT_EQ(cal().nth_workday(ym(2024, 10), -19), d(2024, 10, 8));
  EXPECT_EQ(cal().last_workday(ym(2024, 9)), d(2024, 9, 30));
  EXPECT_EQ(cal().last_workday(ym(2024, 2)), d(2024, 2, 29));
  EXPECT_EQ(cal().last_workday(ym(2023, 12)), d(2023, 12, 29));
  EXPECT_EQ(cal().nth_workday(ym(2025, 2), 1), d(2025, 2, 5));
  for (int y = 2023; y <= 2026; ++y) {
    for (unsigned m = 1; m <= 12; ++m) {
      const auto month = ym(y, m);
      const int count = cal().workdays_in_month(month);
      for (int n = 1; n <= count; ++n) {
        const Date nth = cal().nth_workday(month, n);
        ASSERT_EQ(cal().workdays_between(Date{month / 1}, nth), n);
        ASSERT_TRUE(cal().is_workday(nth));
        ASSERT_EQ(cal().nth_workday(month, n - count - 1), nth);
      }
    }
  }
}

TEST(CalendarArithmetic, RollConventions) {
  // A working day never moves.
  for (const Roll r : {Roll::none, Roll::following, Roll::preceding, Roll::modified_following,
                       Roll::modified_preceding}) {
    EXPECT_EQ(cal().roll(d(2024, 10, 8), r), d(2024, 10, 8));
  }
  EXPECT_EQ(cal().roll(d(2024, 10, 1), Roll::none), d(2024, 10, 1));
  EXPECT_EQ(cal().roll(d(2024, 10, 1), Roll::following), d(2024, 10, 8));
  EXPECT_EQ(cal().roll(d(2024, 10, 1), Roll::preceding), d(2024, 9, 30));
  EXPECT_EQ(cal().roll(d(2024, 10, 1), Roll::modified_following), d(2024, 10, 8));
  EXPECT_EQ(cal().roll(d(2024, 10, 1), Roll::modified_preceding), d(2024, 10, 8));  // 09-30 is last month
  EXPECT_EQ(cal().roll(d(2024, 6, 30), Roll::following), d(2024, 7, 1));
  EXPECT_EQ(cal().roll(d(2024, 6, 30), Roll::modified_following), d(2024, 6, 28));
  EXPECT_EQ(cal().roll(d(2024, 2, 10), Roll::following), d(2024, 2, 18));  // a worked Sunday
  EXPECT_EQ(cal().roll(d(2024, 2, 10), Roll::preceding), d(2024, 2, 9));
  EXPECT_EQ(cal().roll(d(2025, 1, 31), Roll::modified_following), d(2025, 1, 27));
  EXPECT_EQ(cal().roll(d(2023, 12, 31), Roll::following), d(2024, 1, 2));
  EXPECT_EQ(cal().roll(d(2023, 12, 31), Roll::modified_following), d(2023, 12, 29));
}

TEST(CalendarArithmetic, RollNamesRoundTrip) {
  for (const Roll r : {Roll::none, Roll::following, Roll::preceding, Roll::modified_following,
                       Roll::modified_preceding}) {
    EXPECT_EQ(roll_from_string(to_string(r)), r);
  }
  EXPECT_EQ(to_string(Roll::following), "following");
  EXPECT_EQ(roll_from_string("顺延"), std::nullopt);
  EXPECT_EQ(to_string(DayKind::adjusted_workday), "adjusted_workday");
}

TEST(CalendarArithmetic, OneCalendarServesManyThreads) {
  const auto shared = WorkCalendar::builtin();
  std::vector<long> sums(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < sums.size(); ++t) {
    threads.emplace_back([&, t] {
      for (const Date x : days(d(2023, 3, 1), d(2026, 9, 30))) {
        const Date r = shared->add_workdays(x, static_cast<int>(t) * 10 + 1);
        sums[t] += shared->workdays_between(x, r);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (std::size_t t = 0; t < sums.size(); ++t) {
    long expect = 0;
    for (const Date x : days(d(2023, 3, 1), d(2026, 9, 30))) {
      expect += cal().workdays_between(x, cal().add_workdays(x, static_cast<int>(t) * 10 + 1));
    }
    EXPECT_EQ(sums[t], expect) << t;
  }
}

}  // namespace
}  // namespace duban
