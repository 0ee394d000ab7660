// Units and the directory that names them.
//
// A unit is anything a plan can hold responsible: a department, a street, a
// state-owned group, or a *group* of units (各街镇, 领导小组成员单位). The
// directory resolves the many ways one unit is written (区发改委 / 区发展改革委,
// full- or half-width brackets, stray spaces) to one id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace duban {

using UnitId = std::int64_t;

// Values are stored in ledgers and cross the C API: never renumber.
enum class UnitKind : int {
  unspecified = 0,
  department = 1,    // party or government department (区委办, 区财政局)
  street = 2,        // 街道
  town = 3,          // 镇
  enterprise = 4,    // state-owned enterprise (市北集团)
  organisation = 5,  // people's organisation (区妇联, 团区委, 区工商联)
  frontline = 6,     // front-line agency posted to the partner region (前方工作机构)
  group = 7,         // a set of units (各街镇, 领导小组成员单位)
};

std::string_view to_string(UnitKind kind) noexcept;
// Accepts the names to_string gives; nullopt for anything else.
std::optional<UnitKind> unit_kind_from_string(std::string_view text) noexcept;

struct Unit {
  UnitId id = 0;  // 0 until the directory assigns one
  std::string name;
  std::vector<std::string> aliases;
  UnitKind kind = UnitKind::unspecified;
  // For groups: the named members (units or other groups), and unit kinds
  // whose every unit belongs (各街镇 = every street and town).
  std::vector<UnitId> members;
  std::vector<UnitKind> member_kinds;

  bool is_group() const noexcept { return kind == UnitKind::group; }
  friend bool operator==(const Unit&, const Unit&) = default;
};

// The key two spellings of a name share: full-width forms folded to
// half-width (NFKC), whitespace removed, but 、 kept. Internal to matching;
// names are always returned as written.
std::string unit_match_key(std::string_view name);

class Directory {
 public:
  // Adds a unit and returns its id (the given one, or the next free one when
  // 0). Throws Errc::inval for an empty name or an unknown member id, and
  // Errc::exists when the name or an alias already names another unit.
  UnitId add(Unit unit);
  void add_alias(UnitId id, std::string alias);
  void add_member(UnitId group, UnitId member);

  // By name or alias, width- and space-insensitive.
  std::optional<UnitId> lookup(std::string_view name) const;
  // As lookup, but an unknown name is an Errc::notfound error that quotes the
  // name and says where it was written (`where`, e.g. "task 7").
  UnitId resolve(std::string_view name, std::string_view where) const;

  const Unit* find(UnitId id) const noexcept;
  const Unit& at(UnitId id) const;  // Errc::notfound when absent

  // The units a group stands for, expanded through nested groups and member
  // kinds, in directory order without repeats. A plain unit yields itself.
  std::vector<UnitId> expand(UnitId id) const;
  // The groups that hold `id`, directly or through other groups.
  std::vector<UnitId> groups_of(UnitId id) const;
  // True when `id` is a group whose expansion is empty: the plan names a
  // collective nobody has said the members of.
  bool is_unresolved_group(UnitId id) const;

  const std::vector<Unit>& units() const noexcept { return units_; }
  std::size_t size() const noexcept { return units_.size(); }
  bool empty() const noexcept { return units_.empty(); }

  friend bool operator==(const Directory& a, const Directory& b) { return a.units_ == b.units_; }

 private:
  void index_name(const std::string& name, UnitId id);

  std::vector<Unit> units_;
  std::unordered_map<UnitId, std::size_t> by_id_;
  std::unordered_map<std::string, UnitId> by_key_;
  UnitId next_id_ = 1;
};

// Adds every unit of `from` that `into` does not know by name, with its
// aliases and group members (remapped to `into`'s ids), and returns how many
// were added. A name known to both keeps `into`'s unit and gains the aliases.
std::size_t merge(Directory& into, const Directory& from);

}  // namespace duban
