// Views of a status report (duban/status.h): a unit's items, one light's.
// The rows are item indices, so a caller reads each item through the
// report's own accessors and the cursor depends on nothing else.
#include <memory>
#include <optional>
#include <vector>

#include "duban/status.h"
#include "guard.hpp"
#include "handles.hpp"
#include "status_handle.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

struct duban_status_cursor {
  duban::capi::Rows<duban::UnitItem> rows;
  bool unit_view = false;  // rows carry a unit's role
};

namespace {

[[noreturn]] void bad_query(const char* field, long long value, const char* type) {
  throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                     std::string("duban_status_query.") + field + " " + std::to_string(value) + " is not " + type);
}

duban::TaskQuery unit_query(const duban_status_query& q) {
  duban::TaskQuery query;
  switch (q.role) {
    case DUBAN_ROLE_ANY: break;
    case DUBAN_ROLE_LEAD: query.role = duban::Role::lead; break;
    case DUBAN_ROLE_RESPONSIBLE: query.role = duban::Role::responsible; break;
    case DUBAN_ROLE_SUPPORT: query.role = duban::Role::support; break;
    default: bad_query("role", q.role, "a duban_role_t value");
  }
  query.through_groups = q.through_groups != 0;
  return query;
}

std::optional<duban::Light> light_in(std::int32_t light) {
  if (light == 0) return std::nullopt;
  if (light < DUBAN_LIGHT_GREEN || light > DUBAN_LIGHT_RED) bad_query("light", light, "0 or a duban_light_t value");
  return static_cast<duban::Light>(light);
}

std::vector<duban::UnitItem> select(const duban_status& s, const duban_graph* graph, const duban_status_query& q) {
  const std::optional<duban::Light> light = light_in(q.light);
  std::vector<duban::UnitItem> rows;
  if (q.unit_id != 0) {
    const duban_graph& g = require(graph, "graph");
    if (g.graph->task_count() != s.plan->tasks.size()) {
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "the graph has " + std::to_string(g.graph->task_count()) + " tasks and the report's plan " +
                             std::to_string(s.plan->tasks.size()) + ": they are not of the same plan");
    }
    rows = duban::items_of_unit(s.report, *g.graph, q.unit_id, unit_query(q));
  } else {
    if (q.role != DUBAN_ROLE_ANY) bad_query("role", q.role, "meaningful without a unit_id");
    rows.reserve(s.report.items.size());
    for (std::size_t i = 0; i < s.report.items.size(); ++i) rows.push_back(duban::UnitItem{i, duban::Role::lead, 0});
  }
  if (light) std::erase_if(rows, [&](const duban::UnitItem& r) { return s.report.items[r.item].light != *light; });
  return rows;
}

const duban::UnitItem& current(const duban_status_cursor* cursor) {
  const duban::UnitItem* row = require(cursor, "cursor").rows.row();
  if (row == nullptr) duban::capi::throw_misuse("the cursor has no current row (call _next until it returns DUBAN_OK)");
  return *row;
}

}  // namespace

extern "C" {

int duban_status_query_init(duban_status_query* query, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(query, "query", version, DUBAN_STATUS_QUERY_VERSION, "duban_status_query", duban_status_query DUBAN_STATUS_QUERY_INIT);
  });
}

int duban_status_cursor_new(duban_status_cursor** out, const duban_status* status, const duban_graph* graph,
                            const duban_status_query* query) noexcept {
  return guard_new(__func__, out, [&] {
    const duban_status& s = require(status, "status");
    duban_status_query q = DUBAN_STATUS_QUERY_INIT;
    if (query != nullptr) {
      duban::capi::check_version(query->version, DUBAN_STATUS_QUERY_VERSION, "duban_status_query");
      q = *query;
    }
    auto cursor = std::make_unique<duban_status_cursor>();
    cursor->rows.rows = select(s, graph, q);
    cursor->unit_view = q.unit_id != 0;
    return cursor;
  });
}

int duban_status_cursor_next(duban_status_cursor* cursor) noexcept {
  return guard(__func__, [&] { return require(cursor, "cursor").rows.next(); });
}

size_t duban_status_cursor_count(const duban_status_cursor* cursor) noexcept {
  return guard_value(__func__, std::size_t{0}, [&] { return require(cursor, "cursor").rows.rows.size(); });
}

int duban_status_cursor_item(size_t* out, const duban_status_cursor* cursor) noexcept {
  return guard(__func__, [&] {
    auto& o = require(out, "out");
    o = current(cursor).item;
  });
}

int duban_status_cursor_role(const duban_status_cursor* cursor) noexcept {
  int role = DUBAN_ROLE_ANY;
  const int rc = guard(__func__, [&] {
    const duban::UnitItem& row = current(cursor);
    role = cursor->unit_view ? static_cast<int>(row.role) : DUBAN_ROLE_ANY;
  });
  return rc < 0 ? rc : role;
}

int64_t duban_status_cursor_via_group(const duban_status_cursor* cursor) noexcept {
  return guard_value(__func__, std::int64_t{-1}, [&] { return current(cursor).via_group; });
}

void duban_status_cursor_free(duban_status_cursor* cursor) noexcept { delete cursor; }

}  // extern "C"
