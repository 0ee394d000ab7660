// duban/report.h, reports: the builder, and writing reports one at a time,
// in batches and from CSV.
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "calendar_handle.hpp"
#include "duban/ledger.hpp"
#include "duban/report.h"
#include "guard.hpp"
#include "handles.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::require;

struct duban_report {
  duban::Report report;
};

static_assert(DUBAN_REPORT_NOT_STARTED == static_cast<int>(duban::ReportStatus::not_started));
static_assert(DUBAN_REPORT_BLOCKED == static_cast<int>(duban::ReportStatus::blocked));

namespace {

duban::Report& report_of(duban_report* report) { return require(report, "report").report; }

[[noreturn]] void bad_argument(const std::string& what) {
  throw duban::Error(duban::Errc::inval, duban::ErrClass::argument, what);
}

duban::ReportStatus report_status_in(int status) {
  if (status < DUBAN_REPORT_NOT_STARTED || status > DUBAN_REPORT_BLOCKED) {
    bad_argument("status " + std::to_string(status) + " is not a duban_report_status_t value");
  }
  return static_cast<duban::ReportStatus>(status);
}

}  // namespace

extern "C" {

int duban_report_new(duban_report** out) noexcept {
  return guard_new(__func__, out, [] { return std::make_unique<duban_report>(); });
}

void duban_report_free(duban_report* report) noexcept { delete report; }

int duban_report_set_item(duban_report* report, int64_t plan_id, int64_t task_id, const char* instance) noexcept {
  return guard(__func__, [&] {
    duban::Report& r = report_of(report);
    r.item = duban::ItemRef{plan_id, task_id, std::string(duban::capi::optional_text_in(instance, "instance", ""))};
  });
}

int duban_report_set_actor(duban_report* report, int64_t unit_id, const char* user) noexcept {
  return guard(__func__, [&] {
    duban::Report& r = report_of(report);
    r.actor = duban::Actor{unit_id, std::string(duban::capi::optional_text_in(user, "user", ""))};
  });
}

int duban_report_set_date(duban_report* report, duban_date date) noexcept {
  return guard(__func__, [&] {
    duban::Report& r = report_of(report);
    r.date = duban::capi::date_in(date, "date");
  });
}

int duban_report_set_status(duban_report* report, duban_report_status_t status) noexcept {
  return guard(__func__, [&] {
    duban::Report& r = report_of(report);
    r.status = report_status_in(duban::capi::enum_int(status));
  });
}

int duban_report_set_percent(duban_report* report, double percent) noexcept {
  return guard(__func__, [&] {
    duban::Report& r = report_of(report);
    if (std::isnan(percent)) {
      r.percent.reset();
    } else {
      r.percent = percent;
    }
  });
}

int duban_report_set_narrative(duban_report* report, const char* text, size_t len) noexcept {
  return guard(__func__, [&] {
    duban::Report& r = report_of(report);
    r.narrative = std::string(duban::capi::text_in(text, len, "narrative"));
  });
}

int duban_report_add_indicator(duban_report* report, const char* metric, double value, const char* unit) noexcept {
  return guard(__func__, [&] {
    duban::Report& r = report_of(report);
    duban::Indicator v{std::string(duban::capi::text_in(metric, DUBAN_NTS, "metric")), value,
                       std::string(duban::capi::optional_text_in(unit, "unit", ""))};
    if (v.metric.empty()) bad_argument("an indicator needs a metric");
    if (!std::isfinite(value)) bad_argument("indicator " + duban::quote(v.metric) + ": the value is not finite");
    r.indicators.push_back(std::move(v));
  });
}

int duban_report_add_evidence(duban_report* report, const char* ref) noexcept {
  return guard(__func__, [&] {
    duban::Report& r = report_of(report);
    std::string text(duban::capi::text_in(ref, DUBAN_NTS, "evidence"));
    if (text.empty()) bad_argument("an evidence reference is empty");
    r.evidence.push_back(std::move(text));
  });
}

int duban_report_set_supersedes(duban_report* report, int64_t event_id) noexcept {
  return guard(__func__, [&] {
    duban::Report& r = report_of(report);
    if (event_id < 0) bad_argument("supersedes " + std::to_string(event_id) + " is not an event id");
    if (event_id == 0) {
      r.supersedes.reset();
    } else {
      r.supersedes = event_id;
    }
  });
}

int duban_db_add_report(int64_t* event_id_out, duban_db* db, const duban_report* report) noexcept {
  if (event_id_out != nullptr) *event_id_out = 0;
  return guard(__func__, [&] {
    duban::Ledger& ledger = *require(db, "db").ledger;
    const duban::EventId id = ledger.add_report(require(report, "report").report);
    if (event_id_out != nullptr) *event_id_out = id;
  });
}

int duban_db_add_reports(duban_idarray* ids_out, duban_db* db, const duban_report* const* reports,
                         size_t count) noexcept {
  return guard(__func__, [&] {
    duban::Ledger& ledger = *require(db, "db").ledger;
    if (reports == nullptr && count > 0) duban::capi::throw_misuse("'reports' is NULL");
    std::vector<duban::Report> batch;
    batch.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      if (reports[i] == nullptr) duban::capi::throw_misuse("'reports[" + std::to_string(i) + "]' is NULL");
      batch.push_back(reports[i]->report);
    }
    const std::vector<duban::EventId> ids = ledger.add_reports(batch);
    if (ids_out != nullptr) duban::capi::fill(*ids_out, ids);
  });
}

int duban_db_import_reports_csv(duban_idarray* ids_out, duban_db* db, int64_t plan_id, const char* csv, size_t len,
                                const char* origin) noexcept {
  return guard(__func__, [&] {
    duban::Ledger& ledger = *require(db, "db").ledger;
    // Not checked as UTF-8 here: the reader names the line of a bad byte.
    if (csv == nullptr) duban::capi::throw_misuse("'csv' is NULL");
    const std::string_view text(csv, len == DUBAN_NTS ? std::strlen(csv) : len);
    const auto name = duban::capi::optional_text_in(origin, "origin", "reports.csv");
    const std::vector<duban::EventId> ids = ledger.import_reports(text, plan_id, name.empty() ? "reports.csv" : name);
    if (ids_out != nullptr) duban::capi::fill(*ids_out, ids);
  });
}

}  // extern "C"
