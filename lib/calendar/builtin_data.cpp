// The State Council General Office's notices on public-holiday arrangements
// (国务院办公厅关于XXXX年部分节假日安排的通知), exactly as recorded in
// shared/facts/cn-workdays.md. A new notice is added here as one more block;
// the tests pin each year's working-day count.
#include "duban/calendar.hpp"

namespace duban {
namespace {

constexpr Date d(int y, unsigned m, unsigned day) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

YearCalendar year2023() {
  return {2023,
          "国办发明电〔2022〕16号",
          {{"元旦", d(2022, 12, 31), d(2023, 1, 2)},
           {"春节", d(2023, 1, 21), d(2023, 1, 27)},
           {"清明", d(2023, 4, 5), d(2023, 4, 5)},
           {"劳动节", d(2023, 4, 29), d(2023, 5, 3)},
           {"端午", d(2023, 6, 22), d(2023, 6, 24)},
           {"中秋·国庆", d(2023, 9, 29), d(2023, 10, 6)}},
          {d(2023, 1, 28), d(2023, 1, 29), d(2023, 4, 23), d(2023, 5, 6), d(2023, 6, 25),
           d(2023, 10, 7), d(2023, 10, 8)}};
}

YearCalendar year2024() {
  return {2024,
          "国办发明电〔2023〕7号",
          {{"元旦", d(2024, 1, 1), d(2024, 1, 1)},
           {"春节", d(2024, 2, 10), d(2024, 2, 17)},
           {"清明", d(2024, 4, 4), d(2024, 4, 6)},
           {"劳动节", d(2024, 5, 1), d(2024, 5, 5)},
           {"端午", d(2024, 6, 10), d(2024, 6, 10)},
           {"中秋", d(2024, 9, 15), d(2024, 9, 17)},
           {"国庆", d(2024, 10, 1), d(2024, 10, 7)}},
          {d(2024, 2, 4), d(2024, 2, 18), d(2024, 4, 7), d(2024, 4, 28), d(2024, 5, 11),
           d(2024, 9, 14), d(2024, 9, 29), d(2024, 10, 12)}};
}

YearCalendar year2025() {
  return {2025,
          "国办发明电〔2024〕12号",
          {{"元旦", d(2025, 1, 1), d(2025, 1, 1)},
           {"春节", d(2025, 1, 28), d(2025, 2, 4)},
           {"清明", d(2025, 4, 4), d(2025, 4, 6)},
           {"劳动节", d(2025, 5, 1), d(2025, 5, 5)},
           {"端午", d(2025, 5, 31), d(2025, 6, 2)},
           {"国庆·中秋", d(2025, 10, 1), d(2025, 10, 8)}},
          {d(2025, 1, 26), d(2025, 2, 8), d(2025, 4, 27), d(2025, 9, 28), d(2025, 10, 11)}};
}

// The facts file records this notice's dates but not its number, so the
// source names the notice by its title rather than guess a number.
YearCalendar year2026() {
  return {2026,
          "国务院办公厅关于2026年部分节假日安排的通知",
          {{"元旦", d(2026, 1, 1), d(2026, 1, 3)},
           {"春节", d(2026, 2, 15), d(2026, 2, 23)},
           {"清明", d(2026, 4, 4), d(2026, 4, 6)},
           {"劳动节", d(2026, 5, 1), d(2026, 5, 5)},
           {"端午", d(2026, 6, 19), d(2026, 6, 21)},
           {"中秋", d(2026, 9, 25), d(2026, 9, 27)},
           {"国庆", d(2026, 10, 1), d(2026, 10, 7)}},
          {d(2026, 1, 4), d(2026, 2, 14), d(2026, 2, 28), d(2026, 5, 9), d(2026, 9, 20),
           d(2026, 10, 10)}};
}

}  // namespace

CalendarData builtin_calendar_data() {
  return {{year2023(), year2024(), year2025(), year2026()}, {}};
}

}  // namespace duban
