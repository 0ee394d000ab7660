// duban/plan.h over duban::PlanFile, validate() and the JSON plan file.
#include "duban/plan.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "duban/json.hpp"
#include "duban/ledger.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "plan_handle.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

namespace duban::capi {

std::unique_ptr<duban_plan> make_plan(std::shared_ptr<const PlanFile> source,
                                      std::shared_ptr<const Directory> directory, std::int64_t id,
                                      std::string source_name) {
  if (!directory) directory = std::shared_ptr<const Directory>(source, &source->directory);
  auto resolved = std::make_shared<Plan>(source->plan);
  (void)resolve_units(*resolved, *directory);  // what it finds, validate() reports again
  auto handle = std::make_unique<duban_plan>();
  handle->source = std::move(source);
  handle->plan = std::move(resolved);
  handle->directory = std::move(directory);
  handle->id = id;
  handle->source_name = std::move(source_name);
  return handle;
}

std::string render(const std::vector<Diagnostic>& diagnostics, std::string_view source, int f) {
  if (f == DUBAN_FORMAT_TEXT) {
    std::string out;
    for (const auto& d : diagnostics) {
      out += duban::format(d, source);
      out += '\n';
    }
    return out;
  }
  if (f == DUBAN_FORMAT_JSON) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& d : diagnostics) {
      out.push_back({{"severity", std::string(to_string(d.severity))},
                     {"line", d.line},
                     {"where", d.where},
                     {"message", d.message}});
    }
    return out.dump(2) + "\n";
  }
  throw Error(Errc::inval, ErrClass::argument,
              "format " + std::to_string(f) + " is not one this report is written in (text or json)");
}

}  // namespace duban::capi

namespace {

const duban_plan& plan_of(const duban_plan* plan) { return require(plan, "plan"); }

const duban::PlanSummary& summary(const duban_plan_cursor* cursor) {
  const duban::PlanSummary* row = require(cursor, "cursor").rows.row();
  if (row == nullptr) duban::capi::throw_misuse("the cursor has no current row (call _next until it returns DUBAN_OK)");
  return *row;
}

}  // namespace

extern "C" {

int duban_plan_parse(duban_plan** out, const char* json, size_t len, const char* source_name) noexcept {
  return guard_new(__func__, out, [&] {
    const auto source = duban::capi::optional_text_in(source_name, "source name", "");
    const auto text = duban::capi::text_in(json, len, source.empty() ? "plan JSON" : source);
    auto file = std::make_shared<const duban::PlanFile>(
        duban::parse_plan_file(text, source.empty() ? std::string_view("plan") : source));
    return duban::capi::make_plan(std::move(file), nullptr, 0, std::string(source));
  });
}

void duban_plan_free(duban_plan* plan) noexcept { delete plan; }

int64_t duban_plan_id(const duban_plan* plan) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return plan_of(plan).id; });
}

const char* duban_plan_title(const duban_plan* plan, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(plan_of(plan).plan->title, len_out); });
}

const char* duban_plan_doc_number(const duban_plan* plan, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(plan_of(plan).plan->doc_number, len_out); });
}

const char* duban_plan_issuer(const duban_plan* plan, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(plan_of(plan).plan->issuer, len_out); });
}

int duban_plan_year(const duban_plan* plan) noexcept {
  return guard_value(__func__, 0, [&] { return plan_of(plan).plan->year; });
}

int duban_plan_issued(duban_date* out, const duban_plan* plan) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(__func__, [&] { require(out, "out") = duban::capi::date_out(plan_of(plan).plan->issued); });
}

size_t duban_plan_task_count(const duban_plan* plan) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return plan_of(plan).plan->tasks.size(); });
}

int duban_plan_validate(duban_buf* report_out, size_t* errors_out, const duban_plan* plan,
                        duban_format_t format) noexcept {
  if (errors_out != nullptr) *errors_out = 0;
  return guard(__func__, [&] {
    auto& target = require(report_out, "report_out");
    const duban_plan& p = plan_of(plan);
    const auto diagnostics = duban::validate(*p.plan, *p.directory);
    duban::capi::fill(target, duban::capi::render(diagnostics, p.source_name, duban::capi::enum_int(format)));
    if (errors_out != nullptr) {
      std::size_t errors = 0;
      for (const auto& d : diagnostics) errors += d.severity == duban::Severity::error ? 1 : 0;
      *errors_out = errors;
    }
  });
}

int duban_plan_directory(duban_directory** out, const duban_plan* plan) noexcept {
  return guard_new(__func__, out,
                   [&] { return std::make_unique<duban_directory>(duban_directory{plan_of(plan).directory}); });
}

int duban_plan_to_json(duban_buf* out, const duban_plan* plan) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban_plan& p = plan_of(plan);
    duban::capi::fill(target, duban::to_plan_file(*p.plan, *p.directory));
  });
}

int duban_plan_load(duban_plan** out, duban_db* db, int64_t plan_id) noexcept {
  return guard_new(__func__, out, [&] {
    const duban::Ledger& ledger = *require(db, "db").ledger;
    auto file = std::make_shared<duban::PlanFile>();
    file->plan = ledger.load_plan(plan_id);
    file->directory = ledger.load_directory();
    return duban::capi::make_plan(std::move(file), nullptr, plan_id, "");
  });
}

int duban_plan_cursor_new(duban_plan_cursor** out, duban_db* db) noexcept {
  return guard_new(__func__, out, [&] {
    auto cursor = std::make_unique<duban_plan_cursor>();
    cursor->rows.rows = require(db, "db").ledger->plans();
    return cursor;
  });
}

int duban_plan_cursor_next(duban_plan_cursor* cursor) noexcept {
  return guard(__func__, [&] { return require(cursor, "cursor").rows.next(); });
}

size_t duban_plan_cursor_count(const duban_plan_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return require(cursor, "cursor").rows.rows.size(); });
}

int64_t duban_plan_cursor_id(const duban_plan_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return summary(cursor).id; });
}

const char* duban_plan_cursor_title(const duban_plan_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(summary(cursor).title, len_out); });
}

const char* duban_plan_cursor_doc_number(const duban_plan_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(summary(cursor).doc_number, len_out); });
}

int duban_plan_cursor_year(const duban_plan_cursor* cursor) noexcept {
  return guard_value(__func__, 0, [&] { return summary(cursor).year; });
}

size_t duban_plan_cursor_task_count(const duban_plan_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0},
                     [&] { return static_cast<std::size_t>(summary(cursor).task_count); });
}

const char* duban_plan_cursor_created(const duban_plan_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(summary(cursor).created, len_out); });
}

void duban_plan_cursor_free(duban_plan_cursor* cursor) noexcept { delete cursor; }

}  // extern "C"
