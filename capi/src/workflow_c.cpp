// duban/report.h, the workflow: closure (办结, 退回), extensions (延期) and
// the coordinating office, over duban::Ledger.
#include <string>

#include "calendar_handle.hpp"
#include "duban/ledger.hpp"
#include "duban/report.h"
#include "guard.hpp"
#include "handles.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::require;

namespace {

duban::Ledger& ledger_of(duban_db* db) { return *require(db, "db").ledger; }

duban::Step step_in(const duban_step* step) {
  const duban_step& s = require(step, "step");
  duban::capi::check_version(s.version, DUBAN_STEP_VERSION, "duban_step");
  duban::Step out;
  out.actor = duban::Actor{s.unit_id, std::string(duban::capi::optional_text_in(s.user, "step.user", ""))};
  out.date = duban::capi::date_in(s.date, "step.date");
  out.reason = std::string(duban::capi::optional_text_in(s.reason, "step.reason", ""));
  if (s.evidence == nullptr && s.evidence_count > 0) duban::capi::throw_misuse("'step.evidence' is NULL");
  out.evidence.reserve(s.evidence_count);
  for (std::size_t i = 0; i < s.evidence_count; ++i) {
    const std::string what = "step.evidence[" + std::to_string(i) + "]";
    out.evidence.emplace_back(duban::capi::text_in(s.evidence[i], DUBAN_NTS, what));
  }
  return out;
}

duban::ItemRef item_in(int64_t plan_id, int64_t task_id, const char* instance) {
  return duban::ItemRef{plan_id, task_id, std::string(duban::capi::optional_text_in(instance, "instance", ""))};
}

// Runs one workflow write and reports its event id through `out` (which may
// be NULL, and is 0 unless the write succeeds).
template <typename F>
int write_step(const char* function, int64_t* out, F&& body) noexcept {
  if (out != nullptr) *out = 0;
  return guard(function, [&] {
    const duban::EventId id = body();
    if (out != nullptr) *out = id;
  });
}

}  // namespace

extern "C" {

int duban_step_init(duban_step* step, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(step, "step", version, DUBAN_STEP_VERSION, "duban_step", duban_step DUBAN_STEP_INIT);
  });
}

int duban_db_submit_closure(int64_t* event_id_out, duban_db* db, int64_t plan_id, int64_t task_id,
                            const char* instance, const duban_step* step) noexcept {
  return write_step(__func__, event_id_out, [&] {
    duban::Ledger& ledger = ledger_of(db);
    return ledger.submit_closure(item_in(plan_id, task_id, instance), step_in(step));
  });
}

int duban_db_approve_closure(int64_t* event_id_out, duban_db* db, int64_t submission_id,
                             const duban_step* step) noexcept {
  return write_step(__func__, event_id_out,
                    [&] { return ledger_of(db).approve_closure(submission_id, step_in(step)); });
}

int duban_db_return_closure(int64_t* event_id_out, duban_db* db, int64_t submission_id,
                            const duban_step* step) noexcept {
  return write_step(__func__, event_id_out,
                    [&] { return ledger_of(db).return_closure(submission_id, step_in(step)); });
}

int duban_db_request_extension(int64_t* event_id_out, duban_db* db, int64_t plan_id, int64_t task_id,
                               const char* instance, duban_date until, const duban_step* step) noexcept {
  return write_step(__func__, event_id_out, [&] {
    duban::Ledger& ledger = ledger_of(db);
    const duban::Date new_due = duban::capi::date_in(until, "until");
    return ledger.request_extension(item_in(plan_id, task_id, instance), new_due, step_in(step));
  });
}

int duban_db_approve_extension(int64_t* event_id_out, duban_db* db, int64_t request_id,
                               const duban_step* step) noexcept {
  return write_step(__func__, event_id_out,
                    [&] { return ledger_of(db).approve_extension(request_id, step_in(step)); });
}

int duban_db_refuse_extension(int64_t* event_id_out, duban_db* db, int64_t request_id,
                              const duban_step* step) noexcept {
  return write_step(__func__, event_id_out,
                    [&] { return ledger_of(db).refuse_extension(request_id, step_in(step)); });
}

int duban_db_set_coordinator(int64_t* event_id_out, duban_db* db, int64_t unit_id, int64_t by_unit_id,
                             const char* by_user) noexcept {
  return write_step(__func__, event_id_out, [&] {
    duban::Ledger& ledger = ledger_of(db);
    const duban::Actor by{by_unit_id, std::string(duban::capi::optional_text_in(by_user, "by_user", ""))};
    return ledger.set_coordinator(unit_id, by);
  });
}

int duban_db_coordinator(int64_t* out, duban_db* db) noexcept {
  if (out != nullptr) *out = 0;
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    target = ledger_of(db).coordinator().value_or(0);
  });
}

}  // extern "C"
