// duban/report.h, the audit chain: Ledger::verify as a result handle, and
// the names of the ledger's enums.
#include <memory>
#include <string>

#include "duban/ledger.hpp"
#include "duban/report.h"
#include "guard.hpp"
#include "handles.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

struct duban_chain_check {
  duban::ChainCheck check;
};

static_assert(DUBAN_CHAIN_INTACT == static_cast<int>(duban::ChainFinding::intact));
static_assert(DUBAN_CHAIN_INSERTED == static_cast<int>(duban::ChainFinding::inserted));

namespace {

const duban::ChainCheck& check_of(const duban_chain_check* check) { return require(check, "check").check; }

// A static name from the core's spelling, or Errc::inval naming the value.
template <typename E>
const char* name_or_throw(int value, int first, int last, const char* type) {
  if (value < first || value > last) {
    throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                       std::to_string(value) + " is not a " + type + " value");
  }
  // The core's names are string literals: NUL-terminated, static.
  return duban::to_string(static_cast<E>(value)).data();
}

}  // namespace

extern "C" {

int duban_db_verify(duban_chain_check** out, duban_db* db) noexcept {
  return guard_new(__func__, out, [&] {
    duban::Ledger& ledger = *require(db, "db").ledger;
    return std::make_unique<duban_chain_check>(duban_chain_check{ledger.verify()});
  });
}

void duban_chain_check_free(duban_chain_check* check) noexcept { delete check; }

int duban_chain_check_finding(const duban_chain_check* check) noexcept {
  return guard(__func__, [&] { return static_cast<int>(check_of(check).finding); });
}

int64_t duban_chain_check_event(const duban_chain_check* check) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return check_of(check).event; });
}

int64_t duban_chain_check_events(const duban_chain_check* check) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return check_of(check).events; });
}

int duban_chain_check_algorithm(const duban_chain_check* check) noexcept {
  return guard(__func__, [&] { return static_cast<int>(check_of(check).algorithm); });
}

const char* duban_chain_check_head(const duban_chain_check* check, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(check_of(check).head, len_out); });
}

const char* duban_chain_check_message(const duban_chain_check* check, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(check_of(check).message, len_out); });
}

const char* duban_report_status_name(int status) noexcept {
  return guard_value(__func__, static_cast<const char*>(nullptr), [&] {
    return name_or_throw<duban::ReportStatus>(status, DUBAN_REPORT_NOT_STARTED, DUBAN_REPORT_BLOCKED,
                                              "duban_report_status_t");
  });
}

const char* duban_event_kind_name(int kind) noexcept {
  return guard_value(__func__, static_cast<const char*>(nullptr), [&] {
    return name_or_throw<duban::EventKind>(kind, DUBAN_EVENT_REPORT, DUBAN_EVENT_CALENDAR_LOADED, "duban_event_kind_t");
  });
}

const char* duban_closure_state_name(int state) noexcept {
  return guard_value(__func__, static_cast<const char*>(nullptr), [&] {
    return name_or_throw<duban::ClosureState>(state, DUBAN_CLOSURE_OPEN, DUBAN_CLOSURE_RETURNED,
                                              "duban_closure_state_t");
  });
}

}  // extern "C"
