// duban/export.h over duban::take_snapshot and the renderings of
// include/duban/export.hpp.
#include "duban/export.h"

#include <memory>
#include <string>

#include "assess_handles.hpp"
#include "calendar_handle.hpp"
#include "duban/export.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "status_options.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

struct duban_snapshot {
  duban::Snapshot snapshot;
};

namespace {

[[noreturn]] void invalid(const std::string& message) {
  throw duban::Error(duban::Errc::inval, duban::ErrClass::argument, message);
}

// The C++ options, the handles' shared state taken so the snapshot keeps
// what it needs. `plan` is the plan the inputs must have been read against.
duban::SnapshotOptions snapshot_options(const duban_snapshot_options* opts, const duban_plan& plan) {
  duban::SnapshotOptions options;
  if (opts == nullptr) return options;
  duban::capi::check_version(opts->version, DUBAN_SNAPSHOT_OPTIONS_VERSION, "duban_snapshot_options");
  options.status = duban::capi::status_options_in(opts->status);
  if (opts->calendar != nullptr) options.calendar = opts->calendar->calendar;
  options.ledger_inputs = opts->ledger_inputs != 0;
  if (opts->scheme == nullptr) {
    // As `duban export`: facts only mean something to a scheme, so asking
    // for them without one is a mistake worth saying, not ignoring.
    if (opts->inputs != nullptr || !options.ledger_inputs) {
      invalid("duban_snapshot_options: inputs and ledger_inputs 0 score under a scheme, and scheme is NULL");
    }
    return options;
  }
  options.scheme = opts->scheme->scheme;
  if (opts->inputs != nullptr) {
    const duban_assess_input& in = *opts->inputs;
    if (!duban::capi::same_basis(in.plan, in.directory, plan.plan, plan.directory)) {
      invalid("duban_snapshot_options.inputs were read against another plan or directory than 'plan'");
    }
    options.inputs = *in.input;
  }
  return options;
}

const duban::Snapshot& snapshot_of(const duban_snapshot* snapshot) {
  return require(snapshot, "snapshot").snapshot;
}

struct Render {
  int month = 0;
  int indent = 2;
};

Render render_options(const duban_snapshot_render_options* opts) {
  Render r;
  if (opts == nullptr) return r;
  duban::capi::check_version(opts->version, DUBAN_SNAPSHOT_RENDER_OPTIONS_VERSION, "duban_snapshot_render_options");
  if (opts->month < 0 || opts->month > 12) {
    throw duban::Error(duban::Errc::range, duban::ErrClass::argument,
                       "duban_snapshot_render_options.month " + std::to_string(opts->month) +
                           " is outside 1..12 (0: the as-of month)");
  }
  if (opts->indent < -1 || opts->indent > 16) {
    invalid("duban_snapshot_render_options.indent " + std::to_string(opts->indent) + " is not -1 (one line) or 0..16");
  }
  r.month = opts->month;
  r.indent = opts->indent;
  return r;
}

// The monthly report's month: as given, or the as-of date's when that is
// in the plan's year (the report covers one plan year, as `duban export`).
unsigned report_month(const duban::Snapshot& s, int month) {
  if (month != 0) return static_cast<unsigned>(month);
  const int year = s.plan.year != 0 ? s.plan.year : static_cast<int>(s.as_of.year());
  if (static_cast<int>(s.as_of.year()) != year) {
    invalid("the as-of date " + duban::format_date(s.as_of) + " is not in the plan's year " + std::to_string(year) +
            ": name the month (duban_snapshot_render_options.month)");
  }
  return static_cast<unsigned>(s.as_of.month());
}

std::string render(const duban::Snapshot& s, int format, const Render& r) {
  switch (format) {
    case DUBAN_EXPORT_TASKS_CSV: return duban::tasks_csv(s);
    case DUBAN_EXPORT_MATRIX_CSV: return duban::matrix_csv(s.plan, s.directory, *s.graph);
    case DUBAN_EXPORT_SCORES_CSV: return duban::scores_csv(s);
    case DUBAN_EXPORT_JSON: return duban::to_json(s, r.indent);
    case DUBAN_EXPORT_DOT: return duban::to_dot(s.plan, s.directory, *s.graph);
    case DUBAN_EXPORT_MONTHLY_HTML: return duban::monthly_report_html(s, report_month(s, r.month));
    default: invalid("format " + std::to_string(format) + " is not a duban_export_format_t value");
  }
}

}  // namespace

extern "C" {

int duban_snapshot_options_init(duban_snapshot_options* opts, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(opts, "opts", version, DUBAN_SNAPSHOT_OPTIONS_VERSION, "duban_snapshot_options", duban_snapshot_options DUBAN_SNAPSHOT_OPTIONS_INIT);
  });
}

int duban_snapshot_render_options_init(duban_snapshot_render_options* opts, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(opts, "opts", version, DUBAN_SNAPSHOT_RENDER_OPTIONS_VERSION, "duban_snapshot_render_options", duban_snapshot_render_options DUBAN_SNAPSHOT_RENDER_OPTIONS_INIT);
  });
}

int duban_snapshot_take(duban_snapshot** out, duban_db* db, const duban_plan* plan, duban_date as_of,
                        const duban_snapshot_options* opts) noexcept {
  return guard_new(__func__, out, [&] {
    const duban::Ledger& ledger = *require(db, "db").ledger;
    const duban_plan& p = require(plan, "plan");
    if (p.id == 0) {
      invalid("the plan was not loaded from a ledger (duban_plan_load), so no ledger holds its reports");
    }
    const duban::SnapshotOptions options = snapshot_options(opts, p);
    const duban::Date day = duban::capi::date_in(as_of, "as_of");
    auto handle = std::make_unique<duban_snapshot>();
    handle->snapshot = duban::take_snapshot(ledger, p.id, day, options);
    return handle;
  });
}

void duban_snapshot_free(duban_snapshot* snapshot) noexcept { delete snapshot; }

int duban_snapshot_as_of(duban_date* out, const duban_snapshot* snapshot) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    target = duban::capi::date_out(snapshot_of(snapshot).as_of);
  });
}

int64_t duban_snapshot_plan_id(const duban_snapshot* snapshot) noexcept {
  return guard_value(__func__, std::int64_t{0},
                     [&] { return static_cast<std::int64_t>(snapshot_of(snapshot).plan_id); });
}

size_t duban_snapshot_task_count(const duban_snapshot* snapshot) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return snapshot_of(snapshot).tasks.size(); });
}

int duban_snapshot_has_assessment(const duban_snapshot* snapshot) noexcept {
  return guard(__func__, [&] { return snapshot_of(snapshot).assessment.has_value() ? 1 : 0; });
}

int duban_snapshot_write_xlsx(const duban_snapshot* snapshot, const char* path) noexcept {
  return guard(__func__, [&] {
    const duban::Snapshot& s = snapshot_of(snapshot);
    duban::write_xlsx(s, std::string(duban::capi::text_in(path, DUBAN_NTS, "path")));
  });
}

int duban_snapshot_render(duban_buf* out, const duban_snapshot* snapshot, duban_export_format_t format,
                          const duban_snapshot_render_options* opts) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban::Snapshot& s = snapshot_of(snapshot);
    duban::capi::fill(target, render(s, duban::capi::enum_int(format), render_options(opts)));
  });
}

int duban_snapshot_write(const duban_snapshot* snapshot, const char* path, duban_export_format_t format,
                         const duban_snapshot_render_options* opts) noexcept {
  return guard(__func__, [&] {
    const duban::Snapshot& s = snapshot_of(snapshot);
    const std::string file(duban::capi::text_in(path, DUBAN_NTS, "path"));
    const int f = duban::capi::enum_int(format);
    std::string text = render(s, f, render_options(opts));
    if (f == DUBAN_EXPORT_JSON) text += '\n';  // a text file ends its last line, as `duban export` writes it
    duban::write_file_whole(file, text);
  });
}

}  // extern "C"
