// The directory's rows: units in directory order, each with its aliases,
// group members and member kinds in the order the directory holds them.
#include <unordered_map>
#include <unordered_set>

#include "ledger/sqlite/sqlite_storage.hpp"

namespace duban::storage::sqlite {
namespace {

// Every field of Unit is stored; a new one is a build error here until the
// schema stores it too (see plans.cpp).
[[maybe_unused]] void every_field_is_stored(const Unit& unit) {
  [[maybe_unused]] const auto& [a, b, c, d, e, f] = unit;
}

}  // namespace

std::vector<Unit> SqliteStorage::load_units() {
  Operation operation(connection_, "load the directory");
  std::vector<Unit> units;
  std::unordered_map<UnitId, std::size_t> index;
  Statement rows(connection_, "SELECT id, name, kind FROM units ORDER BY position, id");
  while (rows.step()) {
    Unit unit;
    unit.id = rows.integer(0);
    unit.name = rows.text(1);
    unit.kind = stored_enum(rows.integer(2), UnitKind::unspecified, UnitKind::group, "unit kind");
    index.emplace(unit.id, units.size());
    units.push_back(std::move(unit));
  }
  const auto unit_at = [&](std::int64_t id) -> Unit& {
    const auto it = index.find(id);
    if (it == index.end()) corrupt("a row names unit id " + std::to_string(id) + ", which is not in the directory");
    return units[it->second];
  };

  Statement aliases(connection_, "SELECT unit_id, alias FROM unit_aliases ORDER BY unit_id, position");
  while (aliases.step()) unit_at(aliases.integer(0)).aliases.push_back(aliases.text(1));

  Statement members(connection_, "SELECT group_id, member_id FROM group_members ORDER BY group_id, position");
  while (members.step()) {
    const UnitId member = members.integer(1);
    (void)unit_at(member);
    unit_at(members.integer(0)).members.push_back(member);
  }

  Statement kinds(connection_, "SELECT group_id, kind FROM group_member_kinds ORDER BY group_id, position");
  while (kinds.step()) {
    unit_at(kinds.integer(0))
        .member_kinds.push_back(stored_enum(kinds.integer(1), UnitKind::unspecified, UnitKind::group, "unit kind"));
  }
  return units;
}

void SqliteStorage::replace_directory(const Directory& directory) {
  Operation operation(connection_, "save the directory");
  // The lists hang off their units and are rewritten whole; the units are
  // updated in place so that plans keep pointing at the same ids.
  connection_.exec("DELETE FROM unit_aliases");
  connection_.exec("DELETE FROM group_members");
  connection_.exec("DELETE FROM group_member_kinds");

  std::unordered_set<UnitId> kept;
  Statement upsert(connection_,
                   "INSERT INTO units (id, position, name, kind) VALUES (?1, ?2, ?3, ?4) "
                   "ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name, "
                   "kind = excluded.kind");
  std::int64_t position = 0;
  for (const Unit& unit : directory.units()) {
    upsert.bind_int(1, unit.id)
        .bind_int(2, ++position)
        .bind_text(3, unit.name)
        .bind_int(4, static_cast<int>(unit.kind));
    upsert.run();
    kept.insert(unit.id);
  }

  std::vector<UnitId> dropped;
  Statement stored(connection_, "SELECT id FROM units");
  while (stored.step()) {
    if (kept.count(stored.integer(0)) == 0) dropped.push_back(stored.integer(0));
  }
  Statement drop(connection_, "DELETE FROM units WHERE id = ?1");
  for (UnitId id : dropped) {
    drop.bind_int(1, id);
    drop.run();
  }

  Statement alias(connection_, "INSERT INTO unit_aliases (unit_id, position, alias) VALUES (?1, ?2, ?3)");
  Statement member(connection_, "INSERT INTO group_members (group_id, position, member_id) VALUES (?1, ?2, ?3)");
  Statement kind(connection_, "INSERT INTO group_member_kinds (group_id, position, kind) VALUES (?1, ?2, ?3)");
  for (const Unit& unit : directory.units()) {
    for (std::size_t i = 0; i < unit.aliases.size(); ++i) {
      alias.bind_int(1, unit.id).bind_int(2, static_cast<std::int64_t>(i) + 1).bind_text(3, unit.aliases[i]);
      alias.run();
    }
    for (std::size_t i = 0; i < unit.members.size(); ++i) {
      member.bind_int(1, unit.id).bind_int(2, static_cast<std::int64_t>(i) + 1).bind_int(3, unit.members[i]);
      member.run();
    }
    for (std::size_t i = 0; i < unit.member_kinds.size(); ++i) {
      kind.bind_int(1, unit.id)
          .bind_int(2, static_cast<std::int64_t>(i) + 1)
          .bind_int(3, static_cast<int>(unit.member_kinds[i]));
      kind.run();
    }
  }
}

std::optional<UnitUse> SqliteStorage::find_unit_use(UnitId unit) {
  Operation operation(connection_, "look up where unit " + std::to_string(unit) + " is assigned");
  Statement use(connection_,
                "SELECT r.plan_id, p.title, r.task, t.task_key FROM responsibilities r "
                "JOIN plans p ON p.id = r.plan_id "
                "JOIN tasks t ON t.plan_id = r.plan_id AND t.position = r.task "
                "WHERE r.unit_id = ?1 ORDER BY r.plan_id, r.task LIMIT 1");
  use.bind_int(1, unit);
  if (!use.step()) return std::nullopt;
  return UnitUse{use.integer(0), use.text(1), use.integer(2), use.text(3)};
}

}  // namespace duban::storage::sqlite
