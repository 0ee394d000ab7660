// Lookup between an enum and its public spelling, over a constexpr table of
// {value, name} pairs. Every layer's names.cpp uses these two, so the tables
// are the only thing each layer writes.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace duban::detail {

template <typename E, std::size_t N>
constexpr std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) noexcept {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return {};
}

template <typename E, std::size_t N>
constexpr std::optional<E> value_of(const std::array<std::pair<E, std::string_view>, N>& table,
                                    std::string_view text) noexcept {
  for (const auto& [v, name] : table) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace duban::detail
