#include <algorithm>
#include <unordered_set>

#include "duban/error.hpp"
#include "duban/units.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace duban {
namespace {

[[noreturn]] void fail(Errc code, std::string message) {
  throw Error(code, ErrClass::argument, std::move(message));
}

}  // namespace

std::string unit_match_key(std::string_view name) { return text::fold_for_match(name); }

void Directory::index_name(const std::string& name, UnitId id) {
  text::require_utf8(name, "unit name");
  std::string key = unit_match_key(name);
  if (key.empty()) fail(Errc::inval, "unit name is empty");
  const auto [it, inserted] = by_key_.emplace(std::move(key), id);
  if (!inserted && it->second != id) {
    fail(Errc::exists, "unit name " + quote(name) + " already names unit " +
                           quote(at(it->second).name));
  }
}

UnitId Directory::add(Unit unit) {
  if (text::trim(unit.name).empty()) fail(Errc::inval, "unit name is empty");
  if (unit.id < 0) fail(Errc::inval, "unit " + quote(unit.name) + " has a negative id");
  if (unit.id == 0) unit.id = next_id_;
  if (by_id_.count(unit.id) != 0) {
    fail(Errc::exists, "unit id " + std::to_string(unit.id) + " is already used by " +
                           quote(at(unit.id).name));
  }
  for (UnitId m : unit.members) {
    if (m != unit.id && by_id_.count(m) == 0) {
      fail(Errc::inval, "group " + quote(unit.name) + " names unknown member id " + std::to_string(m));
    }
  }
  if ((!unit.members.empty() || !unit.member_kinds.empty()) && !unit.is_group()) {
    fail(Errc::inval, "unit " + quote(unit.name) + " has members but is not of kind group");
  }
  // Index every spelling first so a clash leaves the directory unchanged.
  std::vector<std::string> keys;
  const auto check_free = [&](const std::string& name) {
    text::require_utf8(name, "unit name");
    std::string key = unit_match_key(name);
    if (key.empty()) fail(Errc::inval, "unit " + quote(unit.name) + " has an empty alias");
    if (const auto it = by_key_.find(key); it != by_key_.end()) {
      fail(Errc::exists, "unit name " + quote(name) + " already names unit " + quote(at(it->second).name));
    }
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  };
  check_free(unit.name);
  for (const auto& alias : unit.aliases) check_free(alias);

  const UnitId id = unit.id;
  for (auto& key : keys) by_key_.emplace(std::move(key), id);
  by_id_.emplace(id, units_.size());
  units_.push_back(std::move(unit));
  next_id_ = std::max(next_id_, id + 1);
  return id;
}

void Directory::add_alias(UnitId id, std::string alias) {
  const auto it = by_id_.find(id);
  if (it == by_id_.end()) fail(Errc::notfound, "no unit with id " + std::to_string(id));
  Unit& unit = units_[it->second];
  if (text::trim(alias).empty()) fail(Errc::inval, "unit " + quote(unit.name) + " has an empty alias");
  if (unit_match_key(alias) == unit_match_key(unit.name)) return;
  if (std::find(unit.aliases.begin(), unit.aliases.end(), alias) != unit.aliases.end()) return;
  index_name(alias, id);
  unit.aliases.push_back(std::move(alias));
}

void Directory::add_member(UnitId group, UnitId member) {
  const auto git = by_id_.find(group);
  if (git == by_id_.end()) fail(Errc::notfound, "no unit with id " + std::to_string(group));
  Unit& g = units_[git->second];
  if (!g.is_group()) fail(Errc::inval, "unit " + quote(g.name) + " is not a group");
  (void)at(member);
  if (member == group) fail(Errc::inval, "group " + quote(g.name) + " cannot contain itself");
  if (std::find(g.members.begin(), g.members.end(), member) == g.members.end()) {
    g.members.push_back(member);
  }
}

std::optional<UnitId> Directory::lookup(std::string_view name) const {
  if (!text::is_valid_utf8(name)) return std::nullopt;
  const auto it = by_key_.find(unit_match_key(name));
  if (it == by_key_.end()) return std::nullopt;
  return it->second;
}

UnitId Directory::resolve(std::string_view name, std::string_view where) const {
  if (auto id = lookup(name)) return *id;
  std::string message = "unknown unit " + quote(name);
  if (!where.empty()) message += " in " + std::string(where);
  throw Error(Errc::notfound, ErrClass::graph, message);
}

const Unit* Directory::find(UnitId id) const noexcept {
  const auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &units_[it->second];
}

const Unit& Directory::at(UnitId id) const {
  if (const Unit* u = find(id)) return *u;
  throw Error(Errc::notfound, ErrClass::argument, "no unit with id " + std::to_string(id));
}

std::vector<UnitId> Directory::expand(UnitId id) const {
  const Unit& root = at(id);
  if (!root.is_group()) return {id};
  // Membership may nest and, through careless data, loop: walk with a
  // visited set, then report in directory order.
  std::unordered_set<UnitId> seen_groups{id};
  std::unordered_set<UnitId> leaves;
  std::vector<UnitId> stack{id};
  while (!stack.empty()) {
    const Unit& g = at(stack.back());
    stack.pop_back();
    for (UnitId m : g.members) {
      const Unit& mu = at(m);
      if (mu.is_group()) {
        if (seen_groups.insert(m).second) stack.push_back(m);
      } else {
        leaves.insert(m);
      }
    }
    if (!g.member_kinds.empty()) {
      for (const Unit& u : units_) {
        if (!u.is_group() &&
            std::find(g.member_kinds.begin(), g.member_kinds.end(), u.kind) != g.member_kinds.end()) {
          leaves.insert(u.id);
        }
      }
    }
  }
  std::vector<UnitId> out;
  out.reserve(leaves.size());
  for (const Unit& u : units_) {
    if (leaves.count(u.id) != 0) out.push_back(u.id);
  }
  return out;
}

std::vector<UnitId> Directory::groups_of(UnitId id) const {
  (void)at(id);
  std::vector<UnitId> out;
  for (const Unit& u : units_) {
    if (!u.is_group() || u.id == id) continue;
    const auto members = expand(u.id);
    const bool direct = std::find(u.members.begin(), u.members.end(), id) != u.members.end();
    if (direct || std::find(members.begin(), members.end(), id) != members.end()) out.push_back(u.id);
  }
  return out;
}

bool Directory::is_unresolved_group(UnitId id) const {
  const Unit& u = at(id);
  return u.is_group() && expand(id).empty();
}

std::size_t merge(Directory& into, const Directory& from) {
  std::unordered_map<UnitId, UnitId> remap;
  std::size_t added = 0;
  // Two passes: plain units and group shells first, members after, so a
  // group may name a unit listed after it.
  for (const Unit& u : from.units()) {
    std::optional<UnitId> existing = into.lookup(u.name);
    for (std::size_t i = 0; !existing && i < u.aliases.size(); ++i) existing = into.lookup(u.aliases[i]);
    if (existing) {
      remap[u.id] = *existing;
      for (const auto& alias : u.aliases) {
        if (!into.lookup(alias)) into.add_alias(*existing, alias);
      }
      continue;
    }
    Unit copy = u;
    copy.id = 0;
    copy.members.clear();
    remap[u.id] = into.add(std::move(copy));
    ++added;
  }
  for (const Unit& u : from.units()) {
    const UnitId target = remap.at(u.id);
    if (!into.at(target).is_group()) continue;
    for (UnitId m : u.members) into.add_member(target, remap.at(m));
  }
  return added;
}

}  // namespace duban
