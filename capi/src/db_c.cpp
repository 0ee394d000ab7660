// duban/db.h over duban::Ledger.
#include "duban/db.h"

#include <chrono>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>

#include "duban/json.hpp"
#include "duban/ledger.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::require;

static_assert(DUBAN_HASH_SM3 == static_cast<int>(duban::HashAlgorithm::sm3));
static_assert(DUBAN_HASH_SHA256 == static_cast<int>(duban::HashAlgorithm::sha256));

namespace {

constexpr std::uint32_t known_open_flags =
    DUBAN_OPEN_FLAG_READ_ONLY | DUBAN_OPEN_FLAG_NO_CREATE | DUBAN_OPEN_FLAG_CHECK_INTEGRITY;

duban::LedgerOptions ledger_options(const duban_open_options* opts) {
  duban::LedgerOptions options;
  if (opts == nullptr) return options;
  duban::capi::check_version(opts->version, DUBAN_OPEN_OPTIONS_VERSION, "duban_open_options");
  if ((opts->flags & ~known_open_flags) != 0) {
    throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                       "duban_open_options.flags has unknown bits " + std::to_string(opts->flags & ~known_open_flags));
  }
  if (opts->busy_timeout_ms < 0) {
    throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                       "duban_open_options.busy_timeout_ms is negative (" + std::to_string(opts->busy_timeout_ms) + ")");
  }
  options.read_only = (opts->flags & DUBAN_OPEN_FLAG_READ_ONLY) != 0;
  options.create = (opts->flags & DUBAN_OPEN_FLAG_NO_CREATE) == 0;
  options.check_integrity = (opts->flags & DUBAN_OPEN_FLAG_CHECK_INTEGRITY) != 0;
  options.busy_timeout = std::chrono::milliseconds(opts->busy_timeout_ms);
  if (opts->version >= 2) {
    if (opts->hash != DUBAN_HASH_DEFAULT && opts->hash != DUBAN_HASH_SM3 && opts->hash != DUBAN_HASH_SHA256) {
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "duban_open_options.hash " + std::to_string(opts->hash) + " is not a duban_hash_t value");
    }
    if (opts->busy_retries < 0) {
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "duban_open_options.busy_retries is negative (" + std::to_string(opts->busy_retries) + ")");
    }
    if (opts->max_size < 0) {
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "duban_open_options.max_size is negative (" + std::to_string(opts->max_size) + ")");
    }
    if (opts->hash != DUBAN_HASH_DEFAULT) options.hash = static_cast<duban::HashAlgorithm>(opts->hash);
    options.busy_retries = opts->busy_retries;
    options.max_size = opts->max_size;
  }
  return options;
}

// How many bytes of duban_open_options each version has: init writes no
// further, so a caller built against an older header keeps its stack.
std::size_t open_options_size(std::uint32_t version) {
  return version == 1 ? offsetof(duban_open_options, hash) : sizeof(duban_open_options);
}

duban::IfExists if_exists_in(int if_exists) {
  switch (if_exists) {
    case DUBAN_IF_EXISTS_FAIL: return duban::IfExists::fail;
    case DUBAN_IF_EXISTS_REPLACE: return duban::IfExists::replace;
  }
  throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                     "if_exists " + std::to_string(if_exists) + " is not a duban_if_exists_t value");
}

duban::Ledger& ledger_of(duban_db* db) { return *require(db, "db").ledger; }

}  // namespace

extern "C" {

int duban_open_options_init(duban_open_options* opts, uint32_t version) noexcept {
  return guard(__func__, [&] {
    auto& o = require(opts, "opts");
    duban::capi::check_version(version, DUBAN_OPEN_OPTIONS_VERSION, "duban_open_options");
    duban_open_options defaults DUBAN_OPEN_OPTIONS_INIT;
    defaults.version = version;
    std::memcpy(&o, &defaults, open_options_size(version));
  });
}

int duban_db_open(duban_db** out, const char* path, const duban_open_options* opts) noexcept {
  return guard_new(__func__, out, [&] {
    const auto file = duban::capi::text_in(path, DUBAN_NTS, "path");
    const auto options = ledger_options(opts);
    auto ledger = std::make_shared<duban::Ledger>(duban::Ledger::open(std::string(file), options));
    return std::make_unique<duban_db>(duban_db{std::move(ledger)});
  });
}

void duban_db_free(duban_db* db) noexcept { delete db; }

int duban_db_import_plan(int64_t* plan_id_out, duban_db* db, const duban_plan* plan,
                         duban_if_exists_t if_exists) noexcept {
  if (plan_id_out != nullptr) *plan_id_out = 0;
  return guard(__func__, [&] {
    const duban_plan& p = require(plan, "plan");
    duban::Ledger& ledger = ledger_of(db);
    const auto rule = if_exists_in(duban::capi::enum_int(if_exists));
    const duban::PlanId id = ledger.import_plan(*p.source, rule);
    if (plan_id_out != nullptr) *plan_id_out = id;
  });
}

int duban_db_import_plan_json(int64_t* plan_id_out, duban_db* db, const char* json, size_t len,
                              duban_if_exists_t if_exists) noexcept {
  if (plan_id_out != nullptr) *plan_id_out = 0;
  return guard(__func__, [&] {
    duban::Ledger& ledger = ledger_of(db);
    const auto rule = if_exists_in(duban::capi::enum_int(if_exists));
    const auto text = duban::capi::text_in(json, len, "plan JSON");
    const duban::PlanId id = ledger.import_plan(duban::parse_plan_file(text, "plan"), rule);
    if (plan_id_out != nullptr) *plan_id_out = id;
  });
}

int duban_db_save_directory(duban_db* db, const duban_directory* dir) noexcept {
  return guard(__func__, [&] { ledger_of(db).save_directory(*require(dir, "dir").dir); });
}

int duban_db_latest_plan(int64_t* out, duban_db* db) noexcept {
  if (out != nullptr) *out = 0;
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const auto id = ledger_of(db).latest_plan();
    if (!id) throw duban::Error(duban::Errc::notfound, duban::ErrClass::storage, "the ledger holds no plan");
    target = *id;
  });
}

}  // extern "C"
