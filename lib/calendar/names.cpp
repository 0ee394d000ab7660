// String forms of the calendar's enums: the spellings used in data files,
// the ledger and the CLI. Public contracts: never change an existing one.
#include <array>
#include <utility>

#include "duban/calendar.hpp"

namespace duban {
namespace {

constexpr std::array<std::pair<Roll, std::string_view>, 5> kRolls{{
    {Roll::none, "none"},
    {Roll::following, "following"},
    {Roll::preceding, "preceding"},
    {Roll::modified_following, "modified_following"},
    {Roll::modified_preceding, "modified_preceding"},
}};

constexpr std::array<std::pair<DayKind, std::string_view>, 6> kDayKinds{{
    {DayKind::weekday, "weekday"},
    {DayKind::weekend, "weekend"},
    {DayKind::holiday, "holiday"},
    {DayKind::adjusted_workday, "adjusted_workday"},
    {DayKind::local_closure, "local_closure"},
    {DayKind::local_workday, "local_workday"},
}};

}  // namespace

std::string_view to_string(Roll roll) noexcept {
  for (const auto& [value, name] : kRolls) {
    if (value == roll) return name;
  }
  return {};
}

std::optional<Roll> roll_from_string(std::string_view text) noexcept {
  for (const auto& [value, name] : kRolls) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string_view to_string(DayKind kind) noexcept {
  for (const auto& [value, name] : kDayKinds) {
    if (value == kind) return name;
  }
  return {};
}

}  // namespace duban
