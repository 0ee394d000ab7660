// duban/directory.h over duban::Directory.
#include "duban/directory.h"

#include <memory>
#include <string>

#include "duban/json.hpp"
#include "duban/ledger.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

namespace {

// duban_unit_kind_t passes the core's values through unchanged.
static_assert(static_cast<int>(duban::UnitKind::unspecified) == DUBAN_UNIT_UNSPECIFIED);
static_assert(static_cast<int>(duban::UnitKind::department) == DUBAN_UNIT_DEPARTMENT);
static_assert(static_cast<int>(duban::UnitKind::street) == DUBAN_UNIT_STREET);
static_assert(static_cast<int>(duban::UnitKind::town) == DUBAN_UNIT_TOWN);
static_assert(static_cast<int>(duban::UnitKind::enterprise) == DUBAN_UNIT_ENTERPRISE);
static_assert(static_cast<int>(duban::UnitKind::organisation) == DUBAN_UNIT_ORGANISATION);
static_assert(static_cast<int>(duban::UnitKind::frontline) == DUBAN_UNIT_FRONTLINE);
static_assert(static_cast<int>(duban::UnitKind::group) == DUBAN_UNIT_GROUP);

const duban::Unit& unit_of(const duban_directory* dir, std::int64_t id) {
  return require(dir, "dir").dir->at(id);
}

}  // namespace

extern "C" {

int duban_directory_parse(duban_directory** out, const char* json, size_t len) noexcept {
  return guard_new(__func__, out, [&] {
    const auto text = duban::capi::text_in(json, len, "directory JSON");
    auto dir = std::make_shared<const duban::Directory>(duban::parse_directory(text, "directory"));
    return std::make_unique<duban_directory>(duban_directory{std::move(dir)});
  });
}

void duban_directory_free(duban_directory* dir) noexcept { delete dir; }

size_t duban_directory_count(const duban_directory* dir) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return require(dir, "dir").dir->size(); });
}

int64_t duban_directory_id_at(const duban_directory* dir, size_t index) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] {
    const auto& units = require(dir, "dir").dir->units();
    if (index >= units.size()) {
      throw duban::Error(duban::Errc::range, duban::ErrClass::argument,
                         "unit index " + std::to_string(index) + " is past the directory's " +
                             std::to_string(units.size()) + " units");
    }
    return units[index].id;
  });
}

int duban_directory_lookup(int64_t* out, const duban_directory* dir, const char* name, size_t len) noexcept {
  if (out != nullptr) *out = 0;
  return guard(__func__, [&] {
    require(out, "out");
    const auto text = duban::capi::text_in(name, len, "unit name");
    const auto id = require(dir, "dir").dir->lookup(text);
    if (!id) {
      throw duban::Error(duban::Errc::notfound, duban::ErrClass::argument,
                         "no unit is named " + duban::quote(text));
    }
    *out = *id;
  });
}

const char* duban_directory_unit_name(const duban_directory* dir, int64_t id, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(unit_of(dir, id).name, len_out); });
}

int duban_directory_unit_kind(const duban_directory* dir, int64_t id) noexcept {
  int kind = 0;
  const int rc = guard(__func__, [&] { kind = static_cast<int>(unit_of(dir, id).kind); });
  return rc < 0 ? rc : kind;
}

int duban_directory_unit_aliases(duban_strarray* out, const duban_directory* dir, int64_t id) noexcept {
  return guard(__func__, [&] { duban::capi::fill(require(out, "out"), unit_of(dir, id).aliases); });
}

int duban_directory_expand(duban_idarray* out, const duban_directory* dir, int64_t id) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban::Directory& d = *require(dir, "dir").dir;
    duban::capi::fill(target, d.expand(id));
  });
}

int duban_directory_groups_of(duban_idarray* out, const duban_directory* dir, int64_t id) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban::Directory& d = *require(dir, "dir").dir;
    duban::capi::fill(target, d.groups_of(id));
  });
}

int duban_directory_to_json(duban_buf* out, const duban_directory* dir) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    duban::capi::fill(target, duban::to_json(*require(dir, "dir").dir));
  });
}

int duban_directory_load(duban_directory** out, duban_db* db) noexcept {
  return guard_new(__func__, out, [&] {
    auto dir = std::make_shared<const duban::Directory>(require(db, "db").ledger->load_directory());
    return std::make_unique<duban_directory>(duban_directory{std::move(dir)});
  });
}

}  // extern "C"
