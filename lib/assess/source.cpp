#include "assess/source.hpp"

#include <array>
#include <utility>

namespace duban::scoring {
namespace {

constexpr std::array<std::pair<SourceKind, std::string_view>, 6> kKinds{{
    {SourceKind::indicator, "indicator"},
    {SourceKind::ratio, "ratio"},
    {SourceKind::baseline, "baseline"},
    {SourceKind::value, "value"},
    {SourceKind::item, "item"},
    {SourceKind::events, "events"},
}};

}  // namespace

std::optional<SourceRef> parse_source(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon + 1 >= text.size()) return std::nullopt;
  const std::string_view kind = text.substr(0, colon);
  for (const auto& [k, name] : kKinds) {
    if (name == kind) return SourceRef{k, std::string(text.substr(colon + 1))};
  }
  return std::nullopt;
}

std::string_view to_string(SourceKind kind) noexcept {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return {};
}

}  // namespace duban::scoring
