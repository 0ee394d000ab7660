// duban/assess.h, stored runs and comparisons: store_run, stored_runs,
// load_run and diff_results over a ledger handle.
#include <memory>
#include <string>

#include "assess_handles.hpp"
#include "duban/ledger.hpp"
#include "duban/plan.hpp"
#include "guard.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

namespace {

const duban::Ledger& ledger_of(duban_db* db) { return *require(db, "db").ledger; }

const duban::StoredRun& current(const duban_assess_run_cursor* cursor) {
  const duban::StoredRun* row = require(cursor, "cursor").rows.row();
  if (row == nullptr) duban::capi::throw_misuse("the cursor has no current row (call _next until it returns DUBAN_OK)");
  return *row;
}

}  // namespace

extern "C" {

int duban_assessment_store(int64_t* run_id_out, duban_db* db, const duban_assessment* result,
                           int64_t plan_id) noexcept {
  if (run_id_out != nullptr) *run_id_out = 0;
  return guard(__func__, [&] {
    auto& target = require(run_id_out, "run_id_out");
    const duban::Ledger& ledger = ledger_of(db);
    const duban_assessment& r = require(result, "result");
    // The run is written through a connection of its own; a ledger opened
    // read-only promised not to write the file, so it refuses as its own
    // writes do.
    if (ledger.read_only()) duban::capi::throw_misuse("the ledger was opened read-only");
    target = duban::store_run(ledger.path(), r.result, plan_id);
  });
}

int duban_assess_run_cursor_new(duban_assess_run_cursor** out, duban_db* db) noexcept {
  return guard_new(__func__, out, [&] {
    auto cursor = std::make_unique<duban_assess_run_cursor>();
    cursor->rows.rows = duban::stored_runs(ledger_of(db).path());
    return cursor;
  });
}

int duban_assess_run_cursor_next(duban_assess_run_cursor* cursor) noexcept {
  return guard(__func__, [&] { return require(cursor, "cursor").rows.next(); });
}

size_t duban_assess_run_cursor_count(const duban_assess_run_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return require(cursor, "cursor").rows.rows.size(); });
}

int64_t duban_assess_run_cursor_id(const duban_assess_run_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).id; });
}

const char* duban_assess_run_cursor_created(const duban_assess_run_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).created, len_out); });
}

const char* duban_assess_run_cursor_scheme_name(const duban_assess_run_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).scheme_name, len_out); });
}

const char* duban_assess_run_cursor_scheme_version(const duban_assess_run_cursor* cursor,
                                                   size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).scheme_version, len_out); });
}

int duban_assess_run_cursor_as_of(duban_date* out, const duban_assess_run_cursor* cursor) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban::StoredRun& run = current(cursor);
    duban::Date day{};
    try {
      day = duban::parse_date(run.as_of);
    } catch (const duban::Error&) {
      throw duban::Error(duban::Errc::corrupt, duban::ErrClass::storage,
                         "stored run " + std::to_string(run.id) + " has as_of " + duban::quote(run.as_of) +
                             ", not a date");
    }
    target = duban::capi::date_out(day);
  });
}

const char* duban_assess_run_cursor_digest(const duban_assess_run_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).digest, len_out); });
}

void duban_assess_run_cursor_free(duban_assess_run_cursor* cursor) noexcept { delete cursor; }

int duban_assess_run_load(duban_buf* out, duban_db* db, int64_t run_id) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    duban::capi::fill(target, duban::load_run(ledger_of(db).path(), run_id));
  });
}

int duban_assess_diff(duban_buf* out, size_t* count_out, const char* before_json, size_t before_len,
                      const char* after_json, size_t after_len) noexcept {
  if (count_out != nullptr) *count_out = 0;
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const auto before = duban::capi::text_in(before_json, before_len, "before");
    const auto after = duban::capi::text_in(after_json, after_len, "after");
    const duban::ResultDiff diff = duban::diff_results(before, after);
    duban::capi::fill(target, duban::to_text(diff));
    if (count_out != nullptr) *count_out = diff.changes.size();
  });
}

}  // extern "C"
