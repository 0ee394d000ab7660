// Where a formula input, a veto input or a band's value comes from:
// "KIND:NAME", e.g. indicator:选派教师, value:satisfaction, item:1.2.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace duban::scoring {

enum class SourceKind {
  indicator,  // the unit's value of a metric (its own and its credited share of joint values)
  ratio,      // that value / the metric's target × 100
  baseline,   // the metric's baseline (去年)
  value,      // a named input value
  item,       // an earlier item's score
  events,     // how many events of a kind the unit has
};

struct SourceRef {
  SourceKind kind = SourceKind::indicator;
  std::string name;
};

std::optional<SourceRef> parse_source(std::string_view text);
std::string_view to_string(SourceKind kind) noexcept;

}  // namespace duban::scoring
