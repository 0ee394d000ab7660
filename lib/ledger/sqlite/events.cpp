// The rows of the ledger's history: events (reports, workflow steps,
// changes), their indicator values and evidence, the chain's head and the
// settings. Rows are only ever inserted; the head and settings rows are the
// only ones updated.
#include <cstring>

#include "ledger/sqlite/sqlite_storage.hpp"

namespace duban::storage::sqlite {
namespace {

// An event's columns in the order event_of reads them, through the alias
// `e`, so that queries joining events to other tables can name them too.
constexpr const char* kEventColumns =
    "e.seq, e.kind, e.plan_id, e.task, e.task_key, e.instance, e.unit_id, e.user, e.date, e.recorded, e.status, "
    "e.percent, e.text, e.ref, e.until, e.due, e.target, e.prev, e.hash";
const std::string kSelectEvent = std::string("SELECT ") + kEventColumns + " FROM events e ";

// The reports of plan ?1 dated on or before ?2 that no report on the same
// task dated on or before ?2 corrects (Ledger::history's superseded_by
// with an as-of date). The kind is written out, as calendar_events does.
constexpr const char* kReportsInEffect =
    "e.plan_id = ?1 AND e.task IS NOT NULL AND e.kind = 1 AND e.date <= ?2 AND NOT EXISTS ("
    "SELECT 1 FROM events c WHERE c.ref = e.seq AND c.kind = 1 AND c.date <= ?2 AND c.plan_id = e.plan_id "
    "AND c.task = e.task)";

std::optional<std::int64_t> optional_integer(const Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return row.integer(column);
}

Digest digest_of(const Statement& row, int column) {
  Digest d{};
  const std::string_view bytes = row.blob(column);
  // A blob of another length was written outside duban: keep what fits,
  // so verify reports the event as altered rather than failing to read.
  std::memcpy(d.data(), bytes.data(), std::min(bytes.size(), d.size()));
  if (bytes.size() != d.size()) d[0] ^= 0xFF;
  return d;
}

EventRecord event_of(const Statement& row) {
  EventRecord e;
  e.seq = row.integer(0);
  e.kind = row.integer(1);
  e.plan = optional_integer(row, 2);
  e.task = optional_integer(row, 3);
  e.task_key = row.text(4);
  e.instance = row.text(5);
  e.unit = optional_integer(row, 6);
  e.user = row.text(7);
  e.date = row.text(8);
  e.recorded = row.text(9);
  e.status = optional_integer(row, 10);
  if (!row.is_null(11)) e.percent = row.real(11);
  e.text = row.text(12);
  e.ref = optional_integer(row, 13);
  e.until = row.text(14);
  e.due = row.text(15);
  e.target = optional_integer(row, 16);
  e.prev = digest_of(row, 17);
  e.hash = digest_of(row, 18);
  return e;
}

Statement& bind_optional_text(Statement& s, int index, const std::string& value) {
  return value.empty() ? s.bind_null(index) : s.bind_text(index, value);
}

}  // namespace

Statement& SqliteStorage::cached(const char* sql) {
  auto& slot = statements_[sql];
  if (!slot) slot = std::make_unique<Statement>(connection_, sql);
  return *slot;
}

std::optional<std::string> SqliteStorage::setting(std::string_view key) {
  Statement& s = cached("SELECT value FROM settings WHERE key = ?1");
  Rewind rewind(s);
  s.bind_text(1, key);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

void SqliteStorage::put_setting(std::string_view key, std::string_view value) {
  Statement& s = cached(
      "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  Rewind rewind(s);
  s.bind_text(1, key).bind_text(2, value);
  s.run();
}

std::optional<ChainHead> SqliteStorage::chain_head() {
  Statement& s = cached("SELECT seq, hash FROM chain_head WHERE id = 1");
  Rewind rewind(s);
  if (!s.step()) return std::nullopt;
  return ChainHead{s.integer(0), digest_of(s, 1)};
}

void SqliteStorage::put_chain_head(const ChainHead& head) {
  Statement& s = cached(
      "INSERT INTO chain_head (id, seq, hash) VALUES (1, ?1, ?2) "
      "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
  Rewind rewind(s);
  s.bind_int(1, head.seq).bind_blob(2, head.hash.data(), head.hash.size());
  s.run();
}

void SqliteStorage::append_event(const EventRecord& e) {
  Statement& row = cached(
      "INSERT INTO events (seq, kind, plan_id, task, task_key, instance, unit_id, user, date, recorded, status, "
      "percent, text, ref, until, due, target, prev, hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)");
  {
    Rewind rewind(row);
    row.bind_int(1, e.seq)
        .bind_int(2, e.kind)
        .bind_int(3, e.plan)
        .bind_int(4, e.task)
        .bind_text(5, e.task_key)
        .bind_text(6, e.instance)
        .bind_int(7, e.unit)
        .bind_text(8, e.user)
        .bind_text(9, e.date)
        .bind_text(10, e.recorded)
        .bind_int(11, e.status)
        .bind_real(12, e.percent)
        .bind_text(13, e.text)
        .bind_int(14, e.ref);
    bind_optional_text(row, 15, e.until);
    bind_optional_text(row, 16, e.due);
    row.bind_int(17, e.target).bind_blob(18, e.prev.data(), e.prev.size()).bind_blob(19, e.hash.data(), e.hash.size());
    row.run();
  }
  if (!e.indicators.empty()) {
    Statement& value =
        cached("INSERT INTO event_values (event, position, metric, value, unit) VALUES (?1, ?2, ?3, ?4, ?5)");
    Rewind rewind(value);
    for (std::size_t i = 0; i < e.indicators.size(); ++i) {
      const Indicator& v = e.indicators[i];
      value.bind_int(1, e.seq)
          .bind_int(2, static_cast<std::int64_t>(i) + 1)
          .bind_text(3, v.metric)
          .bind_real(4, v.value)
          .bind_text(5, v.unit);
      value.run();
    }
  }
  if (!e.evidence.empty()) {
    Statement& evidence = cached("INSERT INTO event_evidence (event, position, ref) VALUES (?1, ?2, ?3)");
    Rewind rewind(evidence);
    for (std::size_t i = 0; i < e.evidence.size(); ++i) {
      evidence.bind_int(1, e.seq).bind_int(2, static_cast<std::int64_t>(i) + 1).bind_text(3, e.evidence[i]);
      evidence.run();
    }
  }
}

void SqliteStorage::load_details(std::vector<EventRecord>& records) {
  Statement& values = cached("SELECT metric, value, unit FROM event_values WHERE event = ?1 ORDER BY position");
  Statement& evidence = cached("SELECT ref FROM event_evidence WHERE event = ?1 ORDER BY position");
  for (EventRecord& e : records) {
    {
      Rewind rewind(values);
      values.bind_int(1, e.seq);
      while (values.step()) e.indicators.push_back({values.text(0), values.real(1), values.text(2)});
    }
    Rewind rewind(evidence);
    evidence.bind_int(1, e.seq);
    while (evidence.step()) e.evidence.push_back(evidence.text(0));
  }
}

std::optional<EventRecord> SqliteStorage::load_event(EventId seq) {
  Statement s(connection_, std::string(kSelectEvent) + "WHERE seq = ?1");
  s.bind_int(1, seq);
  if (!s.step()) return std::nullopt;
  std::vector<EventRecord> one{event_of(s)};
  load_details(one);
  return std::move(one.front());
}

std::int64_t SqliteStorage::event_count() { return connection_.query_integer("SELECT count(*) FROM events"); }

std::vector<EventRecord> SqliteStorage::task_events(PlanId plan, TaskId task,
                                                    const std::optional<std::string>& instance,
                                                    std::string_view until_date, bool details) {
  Statement s(connection_, std::string(kSelectEvent) +
                               "WHERE plan_id = ?1 AND task = ?2 AND (?3 IS NULL OR instance = ?3) "
                               "AND (?4 IS NULL OR date <= ?4) ORDER BY seq");
  s.bind_int(1, plan).bind_int(2, task);
  if (instance) s.bind_text(3, *instance);
  if (!until_date.empty()) s.bind_text(4, until_date);
  std::vector<EventRecord> out;
  while (s.step()) out.push_back(event_of(s));
  if (details) load_details(out);
  return out;
}

void SqliteStorage::scan_plan_events(PlanId plan, std::string_view until_date,
                                     const std::function<void(const EventRecord&)>& visit) {
  // The item index gives task, instance, seq order without a sort.
  Statement s(connection_, std::string(kSelectEvent) +
                               "WHERE plan_id = ?1 AND task IS NOT NULL AND date <= ?2 "
                               "ORDER BY plan_id, task, instance, seq");
  s.bind_int(1, plan).bind_text(2, until_date);
  while (s.step()) visit(event_of(s));
}

std::vector<EventRecord> SqliteStorage::indicator_reports(PlanId plan, std::string_view until_date) {
  static_assert(static_cast<int>(EventKind::report) == 1);
  // From the values up (CROSS JOIN keeps that order): few events carry
  // values, and a plan's events can be millions. Evidence comes from a
  // second cursor in the same order, merged.
  Statement values(connection_, std::string("SELECT ") + kEventColumns +
                                    ", v.metric, v.value, v.unit FROM event_values v CROSS JOIN events e ON e.seq = "
                                    "v.event WHERE " +
                                    kReportsInEffect + " ORDER BY e.task, e.seq, v.position");
  Statement evidence(connection_, std::string("SELECT x.event, x.ref FROM event_evidence x CROSS JOIN events e ON "
                                              "e.seq = x.event WHERE ") +
                                      kReportsInEffect +
                                      " AND EXISTS (SELECT 1 FROM event_values v WHERE v.event = e.seq) "
                                      "ORDER BY e.task, e.seq, x.position");
  values.bind_int(1, plan).bind_text(2, until_date);
  evidence.bind_int(1, plan).bind_text(2, until_date);
  std::vector<EventRecord> out;
  bool more_evidence = evidence.step();
  while (values.step()) {
    if (out.empty() || out.back().seq != values.integer(0)) {
      out.push_back(event_of(values));
      // Both cursors list the same events in the same order; evidence only
      // for those that have some.
      while (more_evidence && evidence.integer(0) == out.back().seq) {
        out.back().evidence.push_back(evidence.text(1));
        more_evidence = evidence.step();
      }
    }
    out.back().indicators.push_back({values.text(19), values.real(20), values.text(21)});
  }
  return out;
}

void SqliteStorage::scan_chain(const std::function<bool(const EventRecord&)>& visit) {
  // Three cursors in event order, merged: one pass over each table.
  Statement events(connection_, std::string(kSelectEvent) + "ORDER BY seq");
  Statement values(connection_, "SELECT event, metric, value, unit FROM event_values ORDER BY event, position");
  Statement evidence(connection_, "SELECT event, ref FROM event_evidence ORDER BY event, position");
  bool more_values = values.step();
  bool more_evidence = evidence.step();
  while (events.step()) {
    EventRecord e = event_of(events);
    // Rows of events that no longer exist are skipped; they change no
    // event's content, and the event they belonged to is missing anyway.
    while (more_values && values.integer(0) < e.seq) more_values = values.step();
    while (more_values && values.integer(0) == e.seq) {
      e.indicators.push_back({values.text(1), values.real(2), values.text(3)});
      more_values = values.step();
    }
    while (more_evidence && evidence.integer(0) < e.seq) more_evidence = evidence.step();
    while (more_evidence && evidence.integer(0) == e.seq) {
      e.evidence.push_back(evidence.text(1));
      more_evidence = evidence.step();
    }
    if (!visit(e)) return;
  }
}

std::vector<EventId> SqliteStorage::referring(EventId seq) {
  Statement& s = cached("SELECT seq FROM events WHERE ref = ?1 ORDER BY seq");
  Rewind rewind(s);
  s.bind_int(1, seq);
  std::vector<EventId> out;
  while (s.step()) out.push_back(s.integer(0));
  return out;
}

std::optional<UnitEvent> SqliteStorage::find_unit_event(UnitId unit) {
  Statement s(connection_, "SELECT seq, kind FROM events WHERE unit_id = ?1 OR target = ?1 ORDER BY seq LIMIT 1");
  s.bind_int(1, unit);
  if (!s.step()) return std::nullopt;
  const auto kind = static_cast<EventKind>(s.integer(1));
  return UnitEvent{s.integer(0), std::string(to_string(kind))};
}

std::vector<std::pair<TaskId, std::string>> SqliteStorage::tasks_with_events(PlanId plan) {
  Statement s(connection_,
              "SELECT DISTINCT task, task_key FROM events WHERE plan_id = ?1 AND task IS NOT NULL ORDER BY task");
  s.bind_int(1, plan);
  std::vector<std::pair<TaskId, std::string>> out;
  while (s.step()) out.emplace_back(s.integer(0), s.text(1));
  return out;
}

std::vector<EventRecord> SqliteStorage::calendar_events() {
  // The kind is written out, not bound: only a literal lets SQLite see that
  // the partial index events_calendar (schema step 3) covers the query.
  static_assert(static_cast<int>(EventKind::calendar_loaded) == 11);
  Statement s(connection_, std::string(kSelectEvent) + "WHERE kind = 11 ORDER BY seq");
  std::vector<EventRecord> out;
  while (s.step()) out.push_back(event_of(s));
  load_details(out);
  return out;
}

}  // namespace duban::storage::sqlite
