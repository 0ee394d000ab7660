// The spellings of the progress enums: what JSON, the CLI and the C API use.
#include <array>
#include <utility>

#include "duban/progress.hpp"
#include "base/enum_names.hpp"

namespace duban {
namespace {

using detail::name_of;
using detail::value_of;

constexpr std::array<std::pair<Status, std::string_view>, 6> statuses{{
    {Status::not_yet_due, "not_yet_due"},
    {Status::due_soon, "due_soon"},
    {Status::overdue, "overdue"},
    {Status::done_on_time, "done_on_time"},
    {Status::done_late, "done_late"},
    {Status::ongoing, "ongoing"},
}};

constexpr std::array<std::pair<Light, std::string_view>, 4> lights{{
    {Light::green, "green"},
    {Light::blue, "blue"},
    {Light::yellow, "yellow"},
    {Light::red, "red"},
}};

constexpr std::array<std::pair<ReasonCode, std::string_view>, 14> reasons{{
    {ReasonCode::not_yet_due, "not_yet_due"},
    {ReasonCode::approaching, "approaching"},
    {ReasonCode::due_soon, "due_soon"},
    {ReasonCode::overdue, "overdue"},
    {ReasonCode::done_on_time, "done_on_time"},
    {ReasonCode::done_late, "done_late"},
    {ReasonCode::ongoing, "ongoing"},
    {ReasonCode::lag, "lag"},
    {ReasonCode::extension_approved, "extension_approved"},
    {ReasonCode::extension_refused, "extension_refused"},
    {ReasonCode::extension_pending, "extension_pending"},
    {ReasonCode::extension_late, "extension_late"},
    {ReasonCode::instances, "instances"},
    {ReasonCode::provisional_due, "provisional_due"},
}};

constexpr std::array<std::pair<Decision, std::string_view>, 3> decisions{{
    {Decision::pending, "pending"},
    {Decision::approved, "approved"},
    {Decision::refused, "refused"},
}};

constexpr std::array<std::pair<DueBasis, std::string_view>, 2> bases{{
    {DueBasis::current, "current"},
    {DueBasis::original, "original"},
}};

}  // namespace

std::string_view to_string(Status status) noexcept { return name_of(statuses, status); }
std::string_view to_string(Light light) noexcept { return name_of(lights, light); }
std::string_view to_string(ReasonCode code) noexcept { return name_of(reasons, code); }
std::string_view to_string(Decision decision) noexcept { return name_of(decisions, decision); }
std::string_view to_string(DueBasis basis) noexcept { return name_of(bases, basis); }

std::optional<Status> status_from_string(std::string_view text) noexcept { return value_of(statuses, text); }
std::optional<Light> light_from_string(std::string_view text) noexcept { return value_of(lights, text); }
std::optional<ReasonCode> reason_code_from_string(std::string_view text) noexcept {
  return value_of(reasons, text);
}
std::optional<Decision> decision_from_string(std::string_view text) noexcept { return value_of(decisions, text); }
std::optional<DueBasis> due_basis_from_string(std::string_view text) noexcept { return value_of(bases, text); }

}  // namespace duban
