// duban/graph.h over duban::ResponsibilityGraph.
#include "duban/graph.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "duban/export.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

namespace {

static_assert(static_cast<int>(duban::Role::lead) == DUBAN_ROLE_LEAD);
static_assert(static_cast<int>(duban::Role::responsible) == DUBAN_ROLE_RESPONSIBLE);
static_assert(static_cast<int>(duban::Role::support) == DUBAN_ROLE_SUPPORT);
static_assert(static_cast<int>(duban::GroupMode::expand) == DUBAN_GROUPS_EXPAND);
static_assert(static_cast<int>(duban::GroupMode::keep) == DUBAN_GROUPS_KEEP);

const duban_graph& graph_of(const duban_graph* graph) { return require(graph, "graph"); }

std::optional<duban::Role> role_in(std::int32_t role) {
  switch (role) {
    case DUBAN_ROLE_ANY: return std::nullopt;
    case DUBAN_ROLE_LEAD: return duban::Role::lead;
    case DUBAN_ROLE_RESPONSIBLE: return duban::Role::responsible;
    case DUBAN_ROLE_SUPPORT: return duban::Role::support;
    default:
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "role " + std::to_string(role) + " is not a duban_role_t value");
  }
}

duban::TaskQuery task_query(const duban_task_query_options* opts) {
  duban::TaskQuery query;
  if (opts == nullptr) return query;
  duban::capi::check_version(opts->version, DUBAN_TASK_QUERY_OPTIONS_VERSION, "duban_task_query_options");
  query.role = role_in(opts->role);
  query.through_groups = opts->through_groups != 0;
  return query;
}

duban::UnitQuery unit_query(const duban_unit_query_options* opts) {
  duban::UnitQuery query;
  if (opts == nullptr) return query;
  duban::capi::check_version(opts->version, DUBAN_UNIT_QUERY_OPTIONS_VERSION, "duban_unit_query_options");
  query.role = role_in(opts->role);
  switch (opts->groups) {
    case DUBAN_GROUPS_EXPAND: query.groups = duban::GroupMode::expand; break;
    case DUBAN_GROUPS_KEEP: query.groups = duban::GroupMode::keep; break;
    default:
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "group mode " + std::to_string(opts->groups) + " is not a duban_group_mode_t value");
  }
  return query;
}

std::string render_lint(const duban::LintReport& report, int f) {
  if (f == DUBAN_FORMAT_TEXT) {
    std::string out;
    for (const auto& e : report.entries) {
      out += duban::to_string(e.severity);
      out += ": ";
      out += duban::to_string(e.code);
      out += ": ";
      out += e.message;
      out += '\n';
    }
    return out;
  }
  if (f == DUBAN_FORMAT_JSON) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& e : report.entries) {
      out.push_back({{"code", std::string(duban::to_string(e.code))},
                     {"severity", std::string(duban::to_string(e.severity))},
                     {"tasks", e.tasks},
                     {"units", e.units},
                     {"message", e.message}});
    }
    return out.dump(2) + "\n";
  }
  throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                     "format " + std::to_string(f) +
                         " is not one the lint report is written in (text or json)");
}

template <typename Cursor>
const duban::Assignment& current(const Cursor* cursor) {
  const duban::Assignment* row = require(cursor, "cursor").rows.row();
  if (row == nullptr) duban::capi::throw_misuse("the cursor has no current row (call _next until it returns DUBAN_OK)");
  return *row;
}

const duban::Task& task_at(const duban_task_cursor* cursor) {
  const duban::Assignment& row = current(cursor);
  return cursor->plan->tasks.at(static_cast<std::size_t>(row.task - 1));
}

}  // namespace

extern "C" {

int duban_task_query_options_init(duban_task_query_options* opts, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(opts, "opts", version, DUBAN_TASK_QUERY_OPTIONS_VERSION, "duban_task_query_options", duban_task_query_options DUBAN_TASK_QUERY_OPTIONS_INIT);
  });
}

int duban_unit_query_options_init(duban_unit_query_options* opts, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(opts, "opts", version, DUBAN_UNIT_QUERY_OPTIONS_VERSION, "duban_unit_query_options", duban_unit_query_options DUBAN_UNIT_QUERY_OPTIONS_INIT);
  });
}

int duban_graph_new(duban_graph** out, const duban_plan* plan, const duban_directory* dir) noexcept {
  return guard_new(__func__, out, [&] {
    const duban_plan& p = require(plan, "plan");
    auto handle = std::make_unique<duban_graph>();
    if (dir == nullptr) {
      handle->plan = p.plan;
      handle->directory = p.directory;
    } else {
      auto resolved = std::make_shared<duban::Plan>(p.source->plan);
      (void)duban::resolve_units(*resolved, *dir->dir);  // lint() reports what stays unresolved
      handle->plan = std::move(resolved);
      handle->directory = dir->dir;
    }
    handle->graph = std::make_shared<const duban::ResponsibilityGraph>(*handle->plan, *handle->directory);
    return handle;
  });
}

void duban_graph_free(duban_graph* graph) noexcept { delete graph; }

size_t duban_graph_task_count(const duban_graph* graph) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return graph_of(graph).graph->task_count(); });
}

int duban_graph_directory(duban_directory** out, const duban_graph* graph) noexcept {
  return guard_new(__func__, out,
                   [&] { return std::make_unique<duban_directory>(duban_directory{graph_of(graph).directory}); });
}

int duban_graph_lint(duban_buf* report_out, size_t* count_out, const duban_graph* graph,
                     duban_format_t format) noexcept {
  if (count_out != nullptr) *count_out = 0;
  return guard(__func__, [&] {
    auto& target = require(report_out, "report_out");
    const auto report = graph_of(graph).graph->lint();
    duban::capi::fill(target, render_lint(report, duban::capi::enum_int(format)));
    if (count_out != nullptr) *count_out = report.entries.size();
  });
}

int duban_graph_matrix(duban_buf* out, const duban_graph* graph, duban_format_t format) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban_graph& g = graph_of(graph);
    const int f = duban::capi::enum_int(format);
    switch (f) {
      case DUBAN_FORMAT_CSV: duban::capi::fill(target, duban::matrix_csv(*g.plan, *g.directory, *g.graph)); return;
      case DUBAN_FORMAT_TEXT: duban::capi::fill(target, duban::matrix_text(*g.plan, *g.directory, *g.graph)); return;
      default:
        throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                           "format " + std::to_string(f) +
                               " is not one the matrix is written in (csv or text)");
    }
  });
}

int duban_graph_to_dot(duban_buf* out, const duban_graph* graph) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const duban_graph& g = graph_of(graph);
    duban::capi::fill(target, duban::to_dot(*g.plan, *g.directory, *g.graph));
  });
}

int duban_task_cursor_new(duban_task_cursor** out, const duban_graph* graph, int64_t unit_id,
                          const duban_task_query_options* opts) noexcept {
  return guard_new(__func__, out, [&] {
    const duban_graph& g = graph_of(graph);
    auto cursor = std::make_unique<duban_task_cursor>();
    cursor->rows.rows = g.graph->tasks_of(unit_id, task_query(opts));
    cursor->plan = g.plan;
    return cursor;
  });
}

int duban_task_cursor_next(duban_task_cursor* cursor) noexcept {
  return guard(__func__, [&] { return require(cursor, "cursor").rows.next(); });
}

size_t duban_task_cursor_count(const duban_task_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return require(cursor, "cursor").rows.rows.size(); });
}

int64_t duban_task_cursor_id(const duban_task_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).task; });
}

const char* duban_task_cursor_key(const duban_task_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(task_at(cursor).key, len_out); });
}

const char* duban_task_cursor_number(const duban_task_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(task_at(cursor).number, len_out); });
}

const char* duban_task_cursor_title(const duban_task_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr),
                     [&] { return duban::capi::text_out(task_at(cursor).title, len_out); });
}

int duban_task_cursor_role(const duban_task_cursor* cursor) noexcept {
  int role = 0;
  const int rc = guard(__func__, [&] { role = static_cast<int>(current(cursor).role); });
  return rc < 0 ? rc : role;
}

int64_t duban_task_cursor_via_group(const duban_task_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).via_group; });
}

int duban_task_cursor_due(duban_date* out, const duban_task_cursor* cursor) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(__func__, [&] { require(out, "out") = duban::capi::date_out(task_at(cursor).deadline.due); });
}

void duban_task_cursor_free(duban_task_cursor* cursor) noexcept { delete cursor; }

int duban_unit_cursor_new(duban_unit_cursor** out, const duban_graph* graph, int64_t task_id,
                          const duban_unit_query_options* opts) noexcept {
  return guard_new(__func__, out, [&] {
    const duban_graph& g = graph_of(graph);
    auto cursor = std::make_unique<duban_unit_cursor>();
    cursor->rows.rows = g.graph->units_of(task_id, unit_query(opts));
    cursor->directory = g.directory;
    return cursor;
  });
}

int duban_unit_cursor_next(duban_unit_cursor* cursor) noexcept {
  return guard(__func__, [&] { return require(cursor, "cursor").rows.next(); });
}

size_t duban_unit_cursor_count(const duban_unit_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return require(cursor, "cursor").rows.rows.size(); });
}

int64_t duban_unit_cursor_id(const duban_unit_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).unit; });
}

const char* duban_unit_cursor_name(const duban_unit_cursor* cursor, size_t* len_out) noexcept {
  if (len_out != nullptr) *len_out = 0;
  return guard_value(__func__, static_cast<const char*>(nullptr), [&] {
    const duban::Assignment& row = current(cursor);
    return duban::capi::text_out(cursor->directory->at(row.unit).name, len_out);
  });
}

int duban_unit_cursor_role(const duban_unit_cursor* cursor) noexcept {
  int role = 0;
  const int rc = guard(__func__, [&] { role = static_cast<int>(current(cursor).role); });
  return rc < 0 ? rc : role;
}

int duban_unit_cursor_position(const duban_unit_cursor* cursor) noexcept {
  return guard_value(__func__, 0, [&] { return current(cursor).position; });
}

int64_t duban_unit_cursor_via_group(const duban_unit_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{0}, [&] { return current(cursor).via_group; });
}

int duban_unit_cursor_collective(const duban_unit_cursor* cursor) noexcept {
  int collective = 0;
  const int rc = guard(__func__, [&] { collective = current(cursor).collective ? 1 : 0; });
  return rc < 0 ? rc : collective;
}

void duban_unit_cursor_free(duban_unit_cursor* cursor) noexcept { delete cursor; }

}  // extern "C"
