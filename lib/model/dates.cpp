#include <cstdio>

#include "duban/error.hpp"
#include "duban/plan.hpp"

namespace duban {

std::string format_date(Date date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

Date parse_date(std::string_view text) {
  const auto bad = [&]() -> Error {
    return Error(Errc::parse, ErrClass::time, "date " + quote(text) + " is not an ISO date YYYY-MM-DD");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad();
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lens[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = 0; i < lens[p]; ++i) {
      const char c = text[starts[p] + i];
      if (c < '0' || c > '9') throw bad();
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const Date date{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                  std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!date.ok()) {
    throw Error(Errc::range, ErrClass::time, "date " + quote(text) + " does not exist");
  }
  return date;
}

}  // namespace duban
