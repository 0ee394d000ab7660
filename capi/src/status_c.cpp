// duban/status.h over duban::evaluate and the status report.
#include "duban/status.h"

#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "calendar_handle.hpp"
#include "duban/calendar.h"
#include "duban/ledger_progress.hpp"
#include "duban/progress.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "status_handle.hpp"
#include "status_options.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;


// The C enums are the C++ ones, number for number.
static_assert(DUBAN_STATUS_NOT_YET_DUE == static_cast<int>(duban::Status::not_yet_due));
static_assert(DUBAN_STATUS_ONGOING == static_cast<int>(duban::Status::ongoing));
static_assert(DUBAN_LIGHT_GREEN == static_cast<int>(duban::Light::green));
static_assert(DUBAN_LIGHT_RED == static_cast<int>(duban::Light::red));
static_assert(DUBAN_DUE_BASIS_CURRENT == static_cast<int>(duban::DueBasis::current));
static_assert(DUBAN_DUE_BASIS_ORIGINAL == static_cast<int>(duban::DueBasis::original));
static_assert(DUBAN_ROLL_MODIFIED_PRECEDING == static_cast<int>(duban::Roll::modified_preceding));
static_assert(DUBAN_DAY_LOCAL_WORKDAY == static_cast<int>(duban::DayKind::local_workday));

namespace {

const duban_status& status_of(const duban_status* status) { return require(status, "status"); }

// The report and the index of one of its items; Errc::range for another.
std::size_t item_in(const duban_status& s, std::size_t index) {
  if (index >= s.report.items.size()) {
    throw duban::Error(duban::Errc::range, duban::ErrClass::argument,
                       "item " + std::to_string(index) + " is not in a report of " +
                           std::to_string(s.report.items.size()) + " items");
  }
  return index;
}

const duban::Task& task_of(const duban_status& s, std::size_t index) {
  const duban::TaskId id = s.report.subjects[item_in(s, index)].task;
  if (id < 1 || static_cast<std::size_t>(id) > s.plan->tasks.size()) {
    throw duban::Error(duban::Errc::error, duban::ErrClass::internal,
                       "item " + std::to_string(index) + " names task " + std::to_string(id) + ", not in the plan");
  }
  return s.plan->tasks[static_cast<std::size_t>(id - 1)];
}

double percent_out(const std::optional<float>& value) {
  return value ? std::round(static_cast<double>(*value) * 100.0) / 100.0 : -1.0;
}

const char* status_name(int code) noexcept {
  switch (code) {
    case DUBAN_STATUS_NOT_YET_DUE: return "not_yet_due";
    case DUBAN_STATUS_DUE_SOON: return "due_soon";
    case DUBAN_STATUS_OVERDUE: return "overdue";
    case DUBAN_STATUS_DONE_ON_TIME: return "done_on_time";
    case DUBAN_STATUS_DONE_LATE: return "done_late";
    case DUBAN_STATUS_ONGOING: return "ongoing";
    default: return nullptr;
  }
}

const char* light_name(int light) noexcept {
  switch (light) {
    case DUBAN_LIGHT_GREEN: return "green";
    case DUBAN_LIGHT_BLUE: return "blue";
    case DUBAN_LIGHT_YELLOW: return "yellow";
    case DUBAN_LIGHT_RED: return "red";
    default: return nullptr;
  }
}

}  // namespace

extern "C" {

int duban_status_options_init(duban_status_options* opts, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(opts, "opts", version, DUBAN_STATUS_OPTIONS_VERSION, "duban_status_options", duban_status_options DUBAN_STATUS_OPTIONS_INIT);
  });
}

int duban_status_evaluate(duban_status** out, const duban_plan* plan, const duban_calendar* cal, duban_date as_of,
                          const char* facts_json, size_t len, const duban_status_options* opts) noexcept {
  return guard_new(__func__, out, [&] {
    const duban_plan& p = require(plan, "plan");
    const duban::StatusOptions options = duban::capi::status_options_in(opts);
    const duban::Date day = duban::capi::date_in(as_of, "as_of");
    duban::ProgressFacts facts;
    if (facts_json != nullptr) {
      facts = duban::parse_progress_facts(duban::capi::text_in(facts_json, len, "progress facts"), *p.plan);
    }
    const auto calendar = duban::capi::calendar_or_builtin(cal);
    auto handle = std::make_unique<duban_status>();
    handle->plan = p.plan;
    handle->report = duban::evaluate(*p.plan, *calendar, day, facts, options);
    return handle;
  });
}

int duban_db_status(duban_status** out, duban_db* db, const duban_plan* plan, const duban_calendar* cal,
                    duban_date as_of, const duban_status_options* opts) noexcept {
  return guard_new(__func__, out, [&] {
    const duban::Ledger& ledger = *require(db, "db").ledger;
    const duban_plan& p = require(plan, "plan");
    if (p.id == 0) {
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "the plan was not loaded from a ledger (duban_plan_load), so no ledger holds its reports");
    }
    const duban::StatusOptions options = duban::capi::status_options_in(opts);
    const duban::Date day = duban::capi::date_in(as_of, "as_of");
    const duban::ProgressFacts facts = duban::progress_facts(ledger, p.id, day);
    // NULL: the ledger's calendar, on which its own due dates are settled.
    const auto calendar = cal != nullptr ? cal->calendar : ledger.calendar();
    auto handle = std::make_unique<duban_status>();
    handle->plan = p.plan;
    handle->report = duban::evaluate(*p.plan, *calendar, day, facts, options);
    return handle;
  });
}

void duban_status_free(duban_status* status) noexcept { delete status; }

size_t duban_status_count(const duban_status* status) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return status_of(status).report.items.size(); });
}

size_t duban_status_light_count(const duban_status* status, duban_light_t light) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] {
    const auto& s = status_of(status);
    const int v = duban::capi::enum_int(light);
    if (light_name(v) == nullptr) {
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "light " + std::to_string(v) + " is not a duban_light_t value");
    }
    return static_cast<std::size_t>(s.report.counts().of(static_cast<duban::Light>(v)));
  });
}

int duban_status_to_json(duban_buf* out, const duban_status* status) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const auto& s = status_of(status);
    duban::capi::fill(target, duban::to_json(s.report, *s.plan));
  });
}

int64_t duban_status_item_task(const duban_status* status, size_t index) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] {
    const auto& s = status_of(status);
    return static_cast<std::int64_t>(s.report.subjects[item_in(s, index)].task);
  });
}

const char* duban_status_item_id(const duban_status* status, size_t index, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr), [&] {
    const auto& s = status_of(status);
    const duban::Subject& subject = s.report.subjects[item_in(s, index)];
    return duban::capi::text_out(subject.is_instance() ? subject.instance : task_of(s, index).key, len_out);
  });
}

const char* duban_status_item_title(const duban_status* status, size_t index, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr), [&] {
    const auto& s = status_of(status);
    return duban::capi::text_out(task_of(s, index).title, len_out);
  });
}

int duban_status_item_kind(const duban_status* status, size_t index) noexcept {
  return guard(__func__, [&] {
    const auto& s = status_of(status);
    return s.report.subjects[item_in(s, index)].is_instance() ? DUBAN_ITEM_INSTANCE : DUBAN_ITEM_TASK;
  });
}

int duban_status_item_category(int32_t* out, const duban_status* status, size_t index) noexcept {
  if (out != nullptr) *out = -1;
  return guard(__func__, [&] { require(out, "out") = task_of(status_of(status), index).category; });
}

int duban_status_item_status(const duban_status* status, size_t index) noexcept {
  return guard(__func__, [&] {
    const auto& s = status_of(status);
    return static_cast<int>(s.report.items[item_in(s, index)].status);
  });
}

int duban_status_item_light(const duban_status* status, size_t index) noexcept {
  return guard(__func__, [&] {
    const auto& s = status_of(status);
    return static_cast<int>(s.report.items[item_in(s, index)].light);
  });
}

int duban_status_item_due(duban_date* out, const duban_status* status, size_t index) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const auto& s = status_of(status);
    target = duban::capi::date_out(s.report.items[item_in(s, index)].due);
  });
}

int duban_status_item_original_due(duban_date* out, const duban_status* status, size_t index) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const auto& s = status_of(status);
    target = duban::capi::date_out(s.report.items[item_in(s, index)].original_due);
  });
}

int duban_status_item_percent(double* actual_out, double* expected_out, const duban_status* status,
                              size_t index) noexcept {
  if (actual_out != nullptr) *actual_out = -1.0;
  if (expected_out != nullptr) *expected_out = -1.0;
  return guard(__func__, [&] {
    const auto& s = status_of(status);
    const duban::ItemStatus& item = s.report.items[item_in(s, index)];
    if (actual_out != nullptr) *actual_out = percent_out(item.actual);
    if (expected_out != nullptr) *expected_out = percent_out(item.expected);
  });
}

int duban_status_item_reasons(duban_buf* out, size_t* count_out, const duban_status* status, size_t index) noexcept {
  if (count_out != nullptr) *count_out = 0;
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const auto& s = status_of(status);
    const std::size_t one[] = {item_in(s, index)};
    // The report's own JSON writer names each rule's fields; the item's
    // reasons are taken from it so the two can never disagree.
    const auto doc = nlohmann::ordered_json::parse(duban::to_json(s.report, *s.plan, std::span(one), -1));
    const auto& reasons = doc.at("items").at(0).at("reasons");
    duban::capi::fill(target, reasons.dump());
    if (count_out != nullptr) *count_out = reasons.size();
  });
}

const char* duban_status_code_name(int code) noexcept {
  return guard_value(__func__, static_cast<const char*>(nullptr), [&] {
    const char* name = status_name(code);
    if (name == nullptr) {
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "status code " + std::to_string(code) + " is not a duban_status_code_t value");
    }
    return name;
  });
}

const char* duban_light_name(int light) noexcept {
  return guard_value(__func__, static_cast<const char*>(nullptr), [&] {
    const char* name = light_name(light);
    if (name == nullptr) {
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "light " + std::to_string(light) + " is not a duban_light_t value");
    }
    return name;
  });
}

}  // extern "C"
