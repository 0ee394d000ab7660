#include "calendar/iso_date.hpp"

#include <cstdio>

namespace duban::calendar {

std::string iso(Date date) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

std::string iso(std::chrono::year_month month) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(month.year()),
                static_cast<unsigned>(month.month()));
  return buf;
}

std::optional<Date> parse_iso(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  constexpr std::size_t starts[3] = {0, 5, 8};
  constexpr std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = 0; i < lengths[p]; ++i) {
      const char c = text[starts[p] + i];
      if (c < '0' || c > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const Date date{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                  std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace duban::calendar
