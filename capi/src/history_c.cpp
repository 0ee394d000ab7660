// duban/report.h, history: the events of a task as a cursor, as of a date
// if asked (Ledger::history).
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

struct duban_event_cursor {
  duban::capi::Rows<duban::Event> rows;
};

static_assert(DUBAN_EVENT_REPORT == static_cast<int>(duban::EventKind::report));
static_assert(DUBAN_EVENT_PLAN_SAVED == static_cast<int>(duban::EventKind::plan_saved));
static_assert(DUBAN_EVENT_CALENDAR_LOADED == static_cast<int>(duban::EventKind::calendar_loaded));

namespace {

duban::HistoryQuery query_in(const duban_history_options* opts) {
  duban::HistoryQuery query;
  if (opts == nullptr) return query;
  duban::capi::check_version(opts->version, DUBAN_HISTORY_OPTIONS_VERSION, "duban_history_options");
  const duban_date& d = opts->as_of;
  if (d.year != 0 || d.month != 0 || d.day != 0) query.as_of = duban::capi::date_in(d, "as_of");
  if (opts->instance != nullptr) {
    query.instance = std::string(duban::capi::text_in(opts->instance, DUBAN_NTS, "instance"));
  }
  return query;
}

const duban::Event& current(const duban_event_cursor* cursor) {
  const duban::Event* row = require(cursor, "cursor").rows.row();
  if (row == nullptr) duban::capi::throw_misuse("the cursor has no current row (call _next until it returns DUBAN_OK)");
  return *row;
}

template <typename T>
const T& at(const std::vector<T>& items, std::size_t index, const char* what) {
  if (index >= items.size()) {
    throw duban::Error(duban::Errc::range, duban::ErrClass::argument,
                       std::string(what) + " " + std::to_string(index) + " is not one of the event's " +
                           std::to_string(items.size()));
  }
  return items[index];
}

}  // namespace

extern "C" {

int duban_history_options_init(duban_history_options* opts, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(opts, "opts", version, DUBAN_HISTORY_OPTIONS_VERSION, "duban_history_options", duban_history_options DUBAN_HISTORY_OPTIONS_INIT);
  });
}

int duban_event_cursor_new(duban_event_cursor** out, duban_db* db, int64_t plan_id, int64_t task_id,
                           const duban_history_options* opts) noexcept {
  return guard_new(__func__, out, [&] {
    duban::Ledger& ledger = *require(db, "db").ledger;
    const duban::HistoryQuery query = query_in(opts);
    auto cursor = std::make_unique<duban_event_cursor>();
    cursor->rows.rows = ledger.history(plan_id, task_id, query);
    return cursor;
  });
}

int duban_event_cursor_one(duban_event_cursor** out, duban_db* db, int64_t event_id) noexcept {
  return guard_new(__func__, out, [&] {
    duban::Ledger& ledger = *require(db, "db").ledger;
    auto cursor = std::make_unique<duban_event_cursor>();
    cursor->rows.rows.push_back(ledger.event(event_id));
    return cursor;
  });
}

int duban_event_cursor_next(duban_event_cursor* cursor) noexcept {
  return guard(__func__, [&] { return require(cursor, "cursor").rows.next(); });
}

size_t duban_event_cursor_count(const duban_event_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return require(cursor, "cursor").rows.rows.size(); });
}

int64_t duban_event_cursor_id(const duban_event_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).id; });
}

int duban_event_cursor_kind(const duban_event_cursor* cursor) noexcept {
  return guard(__func__, [&] { return static_cast<int>(current(cursor).kind); });
}

int64_t duban_event_cursor_plan(const duban_event_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).item.plan; });
}

int64_t duban_event_cursor_task(const duban_event_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).item.task; });
}

const char* duban_event_cursor_task_key(const duban_event_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).task_key, len_out); });
}

const char* duban_event_cursor_instance(const duban_event_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).item.instance, len_out); });
}

int64_t duban_event_cursor_unit(const duban_event_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).actor.unit; });
}

const char* duban_event_cursor_user(const duban_event_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).actor.user, len_out); });
}

int duban_event_cursor_date(duban_date* out, const duban_event_cursor* cursor) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(__func__, [&] { require(out, "out") = duban::capi::date_out(current(cursor).date); });
}

const char* duban_event_cursor_recorded(const duban_event_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).recorded, len_out); });
}

const char* duban_event_cursor_text(const duban_event_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(current(cursor).text, len_out); });
}

int duban_event_cursor_status(const duban_event_cursor* cursor) noexcept {
  return guard(__func__, [&] { return static_cast<int>(current(cursor).status); });
}

int duban_event_cursor_percent(double* out, const duban_event_cursor* cursor) noexcept {
  if (out != nullptr) *out = -1.0;
  return guard(__func__, [&] { require(out, "out") = current(cursor).percent.value_or(-1.0); });
}

size_t duban_event_cursor_indicator_count(const duban_event_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return current(cursor).indicators.size(); });
}

int duban_event_cursor_indicator(const char** metric_out, size_t* metric_len_out, double* value_out,
                                 const char** unit_out, size_t* unit_len_out, const duban_event_cursor* cursor,
                                 size_t index) noexcept {
  if (metric_out != nullptr) *metric_out = nullptr;
  if (metric_len_out != nullptr) *metric_len_out = 0;
  if (value_out != nullptr) *value_out = 0.0;
  if (unit_out != nullptr) *unit_out = nullptr;
  if (unit_len_out != nullptr) *unit_len_out = 0;
  return guard(__func__, [&] {
    const duban::Indicator& v = at(current(cursor).indicators, index, "indicator");
    const char* metric = duban::capi::text_out(v.metric, metric_len_out);
    const char* unit = duban::capi::text_out(v.unit, unit_len_out);
    if (metric_out != nullptr) *metric_out = metric;
    if (value_out != nullptr) *value_out = v.value;
    if (unit_out != nullptr) *unit_out = unit;
  });
}

size_t duban_event_cursor_evidence_count(const duban_event_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return current(cursor).evidence.size(); });
}

const char* duban_event_cursor_evidence(const duban_event_cursor* cursor, size_t index, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr), [&] {
    return duban::capi::text_out(at(current(cursor).evidence, index, "evidence reference"), len_out);
  });
}

int64_t duban_event_cursor_ref(const duban_event_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).ref.value_or(0); });
}

int64_t duban_event_cursor_superseded_by(const duban_event_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).superseded_by.value_or(0); });
}

int duban_event_cursor_until(duban_date* out, const duban_event_cursor* cursor) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(__func__, [&] { require(out, "out") = duban::capi::date_out(current(cursor).until); });
}

int duban_event_cursor_due(duban_date* out, const duban_event_cursor* cursor) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(__func__, [&] { require(out, "out") = duban::capi::date_out(current(cursor).due); });
}

int64_t duban_event_cursor_target(const duban_event_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).target; });
}

void duban_event_cursor_free(duban_event_cursor* cursor) noexcept { delete cursor; }

}  // extern "C"
