// Unit lists as documents write them (FORMATS.md §3): 、 and ， separated,
// 等 ending an open list, a level prefix written once for a run
// (市市场监管局、发展改革委 → 市发展改革委), collectives (各街镇,
// 区领导小组成员单位, 相关部门) that name a set rather than one unit.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "duban/units.hpp"

namespace duban::importer {

struct UnitName {
  std::string name;
  bool open_ended = false;  // 等 stood after it
  bool restored = false;    // its level prefix was taken from the one before
};

// Is `name` known as written? Lets prefix restoration defer to a directory.
using KnownName = std::function<bool(std::string_view)>;

// Splits a list (whitespace between CJK already repaired) on 、，；/ and on
// 及/和/与 between two complete names, outside brackets, so 各县（市、区）
// stays whole. Empty pieces are dropped.
std::vector<UnitName> split_units(std::string_view list, const KnownName& known = {});

// One name of split_units, borrowed: `name` points into the list, or into a
// buffer of the split when its prefix was restored, and lives only as long
// as the call that receives it.
struct UnitView {
  std::string_view name;
  bool open_ended = false;
  bool restored = false;
};

using UnitVisit = void (*)(void* context, const UnitView& unit);

// The names split_units would return, in order, handed to `visit` one by
// one with no vector and no string per name: the annotation scanners look at
// most names once and keep few.
void visit_units(std::string_view list, const KnownName& known, UnitVisit visit, void* context);

template <typename F>
void for_each_unit(std::string_view list, const KnownName& known, F&& f) {
  const UnitVisit visit = [](void* context, const UnitView& unit) {
    (*static_cast<std::remove_reference_t<F>*>(context))(unit);
  };
  visit_units(list, known, visit, &f);
}

// A reference to a set of units rather than to one unit.
bool is_collective(std::string_view name);

// The kind a new unit most likely is, from its name.
UnitKind guess_kind(std::string_view name);

// Does `s` end like a unit name (局, 委, 办, 中心, 集团, 街道, 单位, 部门…)?
// Brackets at the end are looked through: 各乡镇（街道）.
bool ends_like_unit(std::string_view s);

}  // namespace duban::importer
