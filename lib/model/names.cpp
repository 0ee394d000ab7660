// String forms of the model's enums: the spellings used in JSON, the ledger
// and the CLI. They are public contracts; never change an existing one.
#include <array>
#include <utility>

#include "duban/deadline.hpp"
#include "duban/plan.hpp"
#include "duban/units.hpp"
#include "base/enum_names.hpp"

namespace duban {
namespace {

using detail::name_of;
using detail::value_of;

constexpr std::array<std::pair<UnitKind, std::string_view>, 8> kUnitKinds{{
    {UnitKind::unspecified, "unspecified"},
    {UnitKind::department, "department"},
    {UnitKind::street, "street"},
    {UnitKind::town, "town"},
    {UnitKind::enterprise, "enterprise"},
    {UnitKind::organisation, "organisation"},
    {UnitKind::frontline, "frontline"},
    {UnitKind::group, "group"},
}};
constexpr std::array<std::pair<Role, std::string_view>, 3> kRoles{{
    {Role::lead, "lead"}, {Role::responsible, "responsible"}, {Role::support, "support"}}};
constexpr std::array<std::pair<TaskKind, std::string_view>, 2> kTaskKinds{{
    {TaskKind::task, "task"}, {TaskKind::measure, "measure"}}};
constexpr std::array<std::pair<TargetOp, std::string_view>, 7> kTargetOps{{
    {TargetOp::unspecified, ""},
    {TargetOp::ge, ">="},
    {TargetOp::gt, ">"},
    {TargetOp::le, "<="},
    {TargetOp::lt, "<"},
    {TargetOp::eq, "="},
    {TargetOp::approx, "~"},
}};
constexpr std::array<std::pair<Every, std::string_view>, 6> kEvery{{
    {Every::none, "none"},
    {Every::week, "week"},
    {Every::month, "month"},
    {Every::quarter, "quarter"},
    {Every::half_year, "half_year"},
    {Every::year, "year"},
}};

}  // namespace

std::string_view to_string(UnitKind kind) noexcept { return name_of(kUnitKinds, kind); }
std::optional<UnitKind> unit_kind_from_string(std::string_view text) noexcept {
  return value_of(kUnitKinds, text);
}
std::string_view to_string(Role role) noexcept { return name_of(kRoles, role); }
std::optional<Role> role_from_string(std::string_view text) noexcept { return value_of(kRoles, text); }
std::string_view to_string(TaskKind kind) noexcept { return name_of(kTaskKinds, kind); }
std::optional<TaskKind> task_kind_from_string(std::string_view text) noexcept {
  return value_of(kTaskKinds, text);
}
std::string_view to_string(TargetOp op) noexcept { return name_of(kTargetOps, op); }
std::optional<TargetOp> target_op_from_string(std::string_view text) noexcept {
  return value_of(kTargetOps, text);
}
std::string_view to_string(Every every) noexcept { return name_of(kEvery, every); }
std::optional<Every> every_from_string(std::string_view text) noexcept { return value_of(kEvery, text); }

}  // namespace duban
