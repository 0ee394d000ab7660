// The spellings of the assessment enums: what scheme files, result JSON,
// the CLI and the C API use. Public contracts: never change one.
#include <array>
#include <utility>

#include "duban/assess.hpp"
#include "base/enum_names.hpp"

namespace duban {
namespace {

using detail::name_of;
using detail::value_of;

constexpr std::array<std::pair<RuleKind, std::string_view>, 9> kRules{{
    {RuleKind::completion, "completion"},
    {RuleKind::timeliness, "timeliness"},
    {RuleKind::ratio, "ratio"},
    {RuleKind::yoy, "yoy"},
    {RuleKind::bands, "bands"},
    {RuleKind::deduction, "deduction"},
    {RuleKind::bonus, "bonus"},
    {RuleKind::veto, "veto"},
    {RuleKind::formula, "formula"},
}};
constexpr std::array<std::pair<ExtensionPolicy, std::string_view>, 2> kExtensions{{
    {ExtensionPolicy::extended, "extended"},
    {ExtensionPolicy::original, "original"},
}};
constexpr std::array<std::pair<Better, std::string_view>, 2> kBetter{{
    {Better::higher, "higher"},
    {Better::lower, "lower"},
}};
constexpr std::array<std::pair<CreditSplit, std::string_view>, 3> kSplits{{
    {CreditSplit::each, "each"},
    {CreditSplit::equal, "equal"},
    {CreditSplit::weighted, "weighted"},
}};
constexpr std::array<std::pair<TimelinessMode, std::string_view>, 2> kModes{{
    {TimelinessMode::rate, "rate"},
    {TimelinessMode::deduct, "deduct"},
}};
constexpr std::array<std::pair<AreaRule, std::string_view>, 2> kAreaRules{{
    {AreaRule::each, "each"},
    {AreaRule::average, "average"},
}};
constexpr std::array<std::pair<VetoEffect, std::string_view>, 3> kEffects{{
    {VetoEffect::zero_group, "zero_group"},
    {VetoEffect::zero_total, "zero_total"},
    {VetoEffect::cap_grade, "cap_grade"},
}};
constexpr std::array<std::pair<NotApplicable, std::string_view>, 2> kNotApplicable{{
    {NotApplicable::full, "full"},
    {NotApplicable::rescale, "rescale"},
}};

}  // namespace

std::string_view to_string(RuleKind v) noexcept { return name_of(kRules, v); }
std::string_view to_string(ExtensionPolicy v) noexcept { return name_of(kExtensions, v); }
std::string_view to_string(Better v) noexcept { return name_of(kBetter, v); }
std::string_view to_string(CreditSplit v) noexcept { return name_of(kSplits, v); }
std::string_view to_string(TimelinessMode v) noexcept { return name_of(kModes, v); }
std::string_view to_string(AreaRule v) noexcept { return name_of(kAreaRules, v); }
std::string_view to_string(VetoEffect v) noexcept { return name_of(kEffects, v); }
std::string_view to_string(NotApplicable v) noexcept { return name_of(kNotApplicable, v); }

std::optional<RuleKind> rule_kind_from_string(std::string_view t) noexcept { return value_of(kRules, t); }
std::optional<ExtensionPolicy> extension_policy_from_string(std::string_view t) noexcept {
  return value_of(kExtensions, t);
}
std::optional<Better> better_from_string(std::string_view t) noexcept { return value_of(kBetter, t); }
std::optional<CreditSplit> credit_split_from_string(std::string_view t) noexcept { return value_of(kSplits, t); }
std::optional<TimelinessMode> timeliness_mode_from_string(std::string_view t) noexcept {
  return value_of(kModes, t);
}
std::optional<AreaRule> area_rule_from_string(std::string_view t) noexcept { return value_of(kAreaRules, t); }
std::optional<VetoEffect> veto_effect_from_string(std::string_view t) noexcept { return value_of(kEffects, t); }
std::optional<NotApplicable> not_applicable_from_string(std::string_view t) noexcept {
  return value_of(kNotApplicable, t);
}

double RoleWeights::of(Role role) const noexcept {
  switch (role) {
    case Role::lead:
      return lead;
    case Role::responsible:
      return responsible;
    case Role::support:
      return support;
  }
  return 1;
}

const UnitScore* Assessment::find(UnitId unit) const noexcept {
  if (unit == 0) return &plan;
  for (const UnitScore& u : units) {
    if (u.unit == unit) return &u;
  }
  return nullptr;
}

}  // namespace duban
