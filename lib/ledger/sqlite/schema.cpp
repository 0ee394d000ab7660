// Every version of the schema is a step from the one before. A step is only
// ever appended: once released, its SQL never changes, because files in the
// field were built by it. Positions count from 1 everywhere; a task's
// position is its duban::TaskId. Enum columns hold the model's enum values,
// which are never renumbered; adding a value a reader cannot know is a
// schema step too (docs/ledger.md).
#include "ledger/sqlite/schema.hpp"

#include "ledger/storage.hpp"

#include <iterator>
#include <string>

namespace duban::storage::sqlite {
namespace {

constexpr const char* kVersion1 = R"sql(
CREATE TABLE units (
  id       INTEGER PRIMARY KEY CHECK (id > 0),
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  kind     INTEGER NOT NULL
);
CREATE TABLE unit_aliases (
  unit_id  INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  alias    TEXT NOT NULL,
  PRIMARY KEY (unit_id, position)
) WITHOUT ROWID;
CREATE TABLE group_members (
  group_id  INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  member_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, position)
) WITHOUT ROWID;
CREATE INDEX group_members_by_member ON group_members (member_id);
CREATE TABLE group_member_kinds (
  group_id INTEGER NOT NULL REFERENCES units (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind     INTEGER NOT NULL,
  PRIMARY KEY (group_id, position)
) WITHOUT ROWID;

CREATE TABLE plans (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  title      TEXT NOT NULL,
  doc_number TEXT NOT NULL,
  issuer     TEXT NOT NULL,
  issued     TEXT,
  year       INTEGER NOT NULL,
  created    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX plans_by_doc_number ON plans (year, doc_number) WHERE doc_number <> '';
CREATE UNIQUE INDEX plans_by_title ON plans (year, title, issuer) WHERE doc_number = '';

CREATE TABLE sections (
  plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number   TEXT NOT NULL,
  title    TEXT NOT NULL,
  PRIMARY KEY (plan_id, position)
);
CREATE TABLE categories (
  plan_id  INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  number   TEXT NOT NULL,
  title    TEXT NOT NULL,
  section  INTEGER,
  PRIMARY KEY (plan_id, position),
  FOREIGN KEY (plan_id, section) REFERENCES sections (plan_id, position)
);

CREATE TABLE tasks (
  plan_id          INTEGER NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,
  task_key         TEXT NOT NULL,
  number           TEXT NOT NULL,
  title            TEXT NOT NULL,
  body             TEXT NOT NULL,
  kind             INTEGER NOT NULL,
  section          INTEGER,
  category         INTEGER,
  open_ended       INTEGER NOT NULL,
  line             INTEGER NOT NULL,
  due              TEXT,
  due_defaulted    INTEGER NOT NULL,
  ongoing          INTEGER NOT NULL,
  recurrence_every       INTEGER,
  recurrence_day         INTEGER,
  recurrence_workday     INTEGER,
  recurrence_next_period INTEGER,
  recurrence_month       INTEGER,
  within_days      INTEGER,
  within_workdays  INTEGER NOT NULL,
  deadline_text    TEXT NOT NULL,
  PRIMARY KEY (plan_id, position),
  UNIQUE (plan_id, task_key),
  FOREIGN KEY (plan_id, section) REFERENCES sections (plan_id, position),
  FOREIGN KEY (plan_id, category) REFERENCES categories (plan_id, position)
);
CREATE TABLE responsibilities (
  plan_id    INTEGER NOT NULL,
  task       INTEGER NOT NULL,
  position   INTEGER NOT NULL,
  unit_id    INTEGER NOT NULL REFERENCES units (id),
  name       TEXT NOT NULL,
  role       INTEGER NOT NULL,
  collective INTEGER NOT NULL,
  PRIMARY KEY (plan_id, task, position),
  FOREIGN KEY (plan_id, task) REFERENCES tasks (plan_id, position) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX responsibilities_by_unit ON responsibilities (unit_id);
CREATE TABLE targets (
  plan_id  INTEGER NOT NULL,
  task     INTEGER NOT NULL,
  position INTEGER NOT NULL,
  phrase   TEXT NOT NULL,
  metric   TEXT NOT NULL,
  op       INTEGER NOT NULL,
  value    REAL,
  unit     TEXT NOT NULL,
  scope    TEXT NOT NULL,
  baseline TEXT NOT NULL,
  PRIMARY KEY (plan_id, task, position),
  FOREIGN KEY (plan_id, task) REFERENCES tasks (plan_id, position) ON DELETE CASCADE
);
CREATE TABLE milestones (
  plan_id  INTEGER NOT NULL,
  task     INTEGER NOT NULL,
  position INTEGER NOT NULL,
  due      TEXT NOT NULL,
  phrase   TEXT NOT NULL,
  weight   REAL NOT NULL,
  PRIMARY KEY (plan_id, task, position),
  FOREIGN KEY (plan_id, task) REFERENCES tasks (plan_id, position) ON DELETE CASCADE
);
CREATE TABLE dependencies (
  plan_id    INTEGER NOT NULL,
  task       INTEGER NOT NULL,
  position   INTEGER NOT NULL,
  depends_on TEXT NOT NULL,
  PRIMARY KEY (plan_id, task, position),
  FOREIGN KEY (plan_id, task) REFERENCES tasks (plan_id, position) ON DELETE CASCADE,
  FOREIGN KEY (plan_id, depends_on) REFERENCES tasks (plan_id, task_key) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX dependencies_by_prerequisite ON dependencies (plan_id, depends_on);
)sql";

// Reports, workflow events and the audit chain (docs/ledger.md, "Events").
// Every event is one row of `events`, its indicator values and evidence rows
// beside it; `seq` is the event's place in the chain, given by the writer
// (the head's seq + 1), never reused. Nothing here is updated or deleted by
// duban: only the single rows of `chain_head` and `settings` change.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO settings (key, value) VALUES ('hash_algorithm', 'sm3');
INSERT INTO settings (key, value) VALUES ('revision', '0');

CREATE TABLE events (
  seq      INTEGER PRIMARY KEY,
  kind     INTEGER NOT NULL,
  plan_id  INTEGER,
  task     INTEGER,
  task_key TEXT NOT NULL,
  instance TEXT NOT NULL,
  unit_id  INTEGER,
  user     TEXT NOT NULL,
  date     TEXT NOT NULL,
  recorded TEXT NOT NULL,
  status   INTEGER,
  percent  REAL,
  text     TEXT NOT NULL,
  ref      INTEGER,
  until    TEXT,
  due      TEXT,
  target   INTEGER,
  prev     BLOB NOT NULL,
  hash     BLOB NOT NULL
);
CREATE INDEX events_by_item ON events (plan_id, task, instance);
CREATE INDEX events_by_ref ON events (ref) WHERE ref IS NOT NULL;
CREATE TABLE event_values (
  event    INTEGER NOT NULL,
  position INTEGER NOT NULL,
  metric   TEXT NOT NULL,
  value    REAL NOT NULL,
  unit     TEXT NOT NULL,
  PRIMARY KEY (event, position)
) WITHOUT ROWID;
CREATE TABLE event_evidence (
  event    INTEGER NOT NULL,
  position INTEGER NOT NULL,
  ref      TEXT NOT NULL,
  PRIMARY KEY (event, position)
) WITHOUT ROWID;
CREATE TABLE chain_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash BLOB NOT NULL
);
INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, zeroblob(32));
)sql";

// Calendar data loaded into the ledger (docs/ledger.md, "Calendar data"):
// the event kind calendar_loaded (11), which a schema-2 reader would take
// for damage. The ledger reads its calendar from these events on every
// change of revision, so they get a small index of their own rather than a
// scan of the whole history.
constexpr const char* kVersion3 = R"sql(
CREATE INDEX events_calendar ON events (seq) WHERE kind = 11;
)sql";

struct Step {
  int version;      // the version the file has after this step
  const char* sql;  // value-free DDL
};

// Append only; see the comment at the top of this file.
constexpr Step kSteps[] = {
    {1, kVersion1},
    {2, kVersion2},
    {3, kVersion3},
};

}  // namespace

int latest_schema_version() noexcept { return kSteps[std::size(kSteps) - 1].version; }

void migrate(const Connection& connection, int from) {
  for (const Step& step : kSteps) {
    if (step.version > from) connection.exec(step.sql);
  }
  // PRAGMAs take no bound parameters; both numbers are this file's own
  // constants, never input.
  connection.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
  connection.exec(("PRAGMA user_version = " + std::to_string(latest_schema_version())).c_str());
}

}  // namespace duban::storage::sqlite

namespace duban::storage {
int sqlite_schema_version() noexcept { return sqlite::latest_schema_version(); }
}  // namespace duban::storage
