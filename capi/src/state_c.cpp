// duban/report.h, states: every item of a plan as its events add up to on a
// date, as a cursor (Ledger::states).
#include <memory>
#include <string>

#include "calendar_handle.hpp"
#include "duban/ledger.hpp"
#include "duban/report.h"
#include "guard.hpp"
#include "handles.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

struct duban_state_cursor {
  duban::capi::Rows<duban::ItemState> rows;
};

static_assert(DUBAN_CLOSURE_OPEN == static_cast<int>(duban::ClosureState::open));
static_assert(DUBAN_CLOSURE_RETURNED == static_cast<int>(duban::ClosureState::returned));
static_assert(DUBAN_EXTENSION_PENDING == static_cast<int>(duban::ExtensionDecision::pending));
static_assert(DUBAN_EXTENSION_REFUSED == static_cast<int>(duban::ExtensionDecision::refused));

namespace {

const duban::ItemState& current(const duban_state_cursor* cursor) {
  const duban::ItemState* row = require(cursor, "cursor").rows.row();
  if (row == nullptr) duban::capi::throw_misuse("the cursor has no current row (call _next until it returns DUBAN_OK)");
  return *row;
}

const std::optional<duban::Date>& date_of(const duban::ItemState& s, int which) {
  switch (which) {
    case DUBAN_STATE_SUBMITTED: return s.submitted;
    case DUBAN_STATE_DECIDED: return s.decided;
    case DUBAN_STATE_DONE: return s.done;
    case DUBAN_STATE_LAST_RETURNED: return s.last_returned;
    case DUBAN_STATE_ORIGINAL_DUE: return s.original_due;
    case DUBAN_STATE_CURRENT_DUE: return s.current_due;
  }
  throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                     "which " + std::to_string(which) + " is not a duban_state_date_t value");
}

}  // namespace

extern "C" {

int duban_state_cursor_new(duban_state_cursor** out, duban_db* db, int64_t plan_id, duban_date as_of) noexcept {
  return guard_new(__func__, out, [&] {
    duban::Ledger& ledger = *require(db, "db").ledger;
    const duban::Date day = duban::capi::date_in(as_of, "as_of");
    auto cursor = std::make_unique<duban_state_cursor>();
    cursor->rows.rows = ledger.states(plan_id, day);
    return cursor;
  });
}

int duban_state_cursor_next(duban_state_cursor* cursor) noexcept {
  return guard(__func__, [&] { return require(cursor, "cursor").rows.next(); });
}

size_t duban_state_cursor_count(const duban_state_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return require(cursor, "cursor").rows.rows.size(); });
}

int64_t duban_state_cursor_task(const duban_state_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).item.task; });
}

const char* duban_state_cursor_task_key(const duban_state_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).task_key, len_out); });
}

const char* duban_state_cursor_instance(const duban_state_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).item.instance, len_out); });
}

int duban_state_cursor_closure(const duban_state_cursor* cursor) noexcept {
  return guard(__func__, [&] { return static_cast<int>(current(cursor).closure); });
}

int64_t duban_state_cursor_submission(const duban_state_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).submission.value_or(0); });
}

int64_t duban_state_cursor_submitted_by(const duban_state_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return std::int64_t{current(cursor).submitted_by}; });
}

int duban_state_cursor_date(duban_date* out, const duban_state_cursor* cursor, duban_state_date_t which) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    target = duban::capi::date_out(date_of(current(cursor), duban::capi::enum_int(which)));
  });
}

const char* duban_state_cursor_return_reason(const duban_state_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).return_reason, len_out); });
}

int duban_state_cursor_latest_report(int64_t* event_out, int64_t* unit_out, duban_date* date_out, int* status_out,
                                     double* percent_out, const duban_state_cursor* cursor) noexcept {
  if (event_out != nullptr) *event_out = 0;
  if (unit_out != nullptr) *unit_out = 0;
  if (date_out != nullptr) *date_out = duban_date{0, 0, 0};
  if (status_out != nullptr) *status_out = 0;
  if (percent_out != nullptr) *percent_out = -1.0;
  return guard(__func__, [&] {
    const duban::ItemState& s = current(cursor);
    if (!s.latest) return;
    const duban::ReportEntry& r = s.reports.at(*s.latest);
    if (event_out != nullptr) *event_out = r.id;
    if (unit_out != nullptr) *unit_out = r.unit;
    if (date_out != nullptr) *date_out = duban::capi::date_out(r.date);
    if (status_out != nullptr) *status_out = static_cast<int>(r.status);
    if (percent_out != nullptr) *percent_out = r.percent.value_or(-1.0);
  });
}

size_t duban_state_cursor_extension_count(const duban_state_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return current(cursor).extensions.size(); });
}

int duban_state_cursor_extension(int64_t* request_out, duban_date* until_out, int* decision_out,
                                 const duban_state_cursor* cursor, size_t index) noexcept {
  if (request_out != nullptr) *request_out = 0;
  if (until_out != nullptr) *until_out = duban_date{0, 0, 0};
  if (decision_out != nullptr) *decision_out = 0;
  return guard(__func__, [&] {
    const duban::ItemState& s = current(cursor);
    if (index >= s.extensions.size()) {
      throw duban::Error(duban::Errc::range, duban::ErrClass::argument,
                         "extension " + std::to_string(index) + " is not one of the item's " +
                             std::to_string(s.extensions.size()));
    }
    const duban::ExtensionEntry& x = s.extensions[index];
    if (request_out != nullptr) *request_out = x.request;
    if (until_out != nullptr) *until_out = duban::capi::date_out(x.until);
    if (decision_out != nullptr) *decision_out = static_cast<int>(x.decision);
  });
}

void duban_state_cursor_free(duban_state_cursor* cursor) noexcept { delete cursor; }

}  // extern "C"
