// The ledger: one file that holds the unit directory, any number of plans
// (years, districts), their progress reports and workflow events, and the
// audit chain over every event (report.hpp has the values).
//
// SQLite is the embedded store (docs/ledger.md describes the file); nothing
// of it shows here, so another backend can sit behind the same class. A
// Ledger owns its own connection: one Ledger is used by one thread at a time,
// different Ledgers (on the same file or not) may run in parallel threads or
// processes. Every write is one transaction: it happens whole or not at all.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "duban/calendar.hpp"
#include "duban/plan.hpp"
#include "duban/report.hpp"
#include "duban/units.hpp"

namespace duban {

struct PlanFile;

namespace storage {
class Storage;
}

struct LedgerOptions {
  // Create the file (and its schema) when it does not exist. When false, a
  // missing file is Errc::notfound.
  bool create = true;
  // Open for reading only: the file is never written, not even to upgrade an
  // older schema, and every save is Errc::misuse.
  bool read_only = false;
  // How long a write waits for another writer before failing with Errc::busy.
  std::chrono::milliseconds busy_timeout{5000};
  // Check the structure of the whole file on open (SQLite's quick_check), so
  // damage is reported now rather than when a damaged part is first read.
  // Costs a read of the whole file.
  bool check_integrity = false;
  // The hash of the audit chain when this open starts one (a new file, or
  // one upgraded from schema 1). Given for a ledger whose chain already
  // uses another hash, it is Errc::inval: the hash never changes.
  std::optional<HashAlgorithm> hash = std::nullopt;
  // How often a write that found the file busy is tried again, after a
  // short pause, before Errc::busy. SQLite already waits busy_timeout for
  // the write lock; these retries cover what it answers at once (another
  // process recovering the WAL, a snapshot gone stale).
  int busy_retries = 3;
  // A ceiling on the file's size, in bytes (0: none). A write that would
  // grow the file past it fails with Errc::io (SQLITE_FULL) and changes
  // nothing, as a full disk would: for quotas, and for testing that.
  std::int64_t max_size = 0;
};

// What saving a plan does when the ledger already holds the same plan: the
// same year and document number, or, for a plan without a document number,
// the same year, title and issuer (see docs/ledger.md).
enum class IfExists : int {
  fail = 0,     // Errc::exists; nothing is written
  replace = 1,  // the stored plan is replaced and keeps its id
};

struct PlanSummary {
  PlanId id = 0;
  std::string title;
  std::string doc_number;
  std::string issuer;
  int year = 0;
  std::string created;  // when this version was stored, UTC: 2025-03-01T08:30:00Z
  std::int64_t task_count = 0;

  friend bool operator==(const PlanSummary&, const PlanSummary&) = default;
};

// A due date that loading calendar data moved: of a task (instance empty)
// or of one instance of a recurring task.
struct DeadlineMove {
  PlanId plan = 0;
  TaskId task = 0;
  std::string key{};       // the task's key, as `duban` commands name it
  std::string instance{};  // "3@2027-10"; empty for the task itself
  std::string title{};     // the task's title
  Date before{};
  Date after{};
  friend bool operator==(const DeadlineMove&, const DeadlineMove&) = default;
};

// What loading calendar data into the ledger did.
struct CalendarLoad {
  // The calendar_loaded event that holds the data; 0 when the ledger's
  // calendar already had exactly this data (nothing was written).
  EventId event = 0;
  std::vector<int> years_added{};     // known now, not before
  std::vector<int> years_replaced{};  // held before, now with different data
  std::vector<DayChange> days{};      // each day whose working status changed, in date order
  // Every task and instance of every stored plan whose due date (as the
  // plan states it, after the holiday shift: ItemState::original_due)
  // differs between the calendar before and after; by plan, task, instance.
  std::vector<DeadlineMove> moved{};
};

// The load as JSON, deterministic: {"event": 5 (null when nothing was
// written), "years_added": [2027], "years_replaced": [], "days": [{"date",
// "was_working", "now_working", "was_known", "now_known", "reason"}],
// "moved": [{"plan", "task", "key", "instance", "title", "before", "after"}]}.
std::string to_json(const CalendarLoad& load, int indent = 2);

// Which events a history query returns.
struct HistoryQuery {
  // Only events dated on or before this day, each with superseded_by as it
  // stood then. nullopt: every event, superseded_by as it stands now.
  std::optional<Date> as_of = std::nullopt;
  // Only the task itself (""), or one instance; nullopt: the task and all
  // of its instances.
  std::optional<std::string> instance = std::nullopt;
};

class Ledger {
 public:
  // Opens (by default creating) the ledger at `path`. Errors, each a
  // duban::Error of class storage naming the file:
  //  - Errc::notfound: the file is missing and options.create is false (or
  //    read_only is set);
  //  - Errc::inval: the file is not a duban ledger (not an SQLite database,
  //    or one that belongs to another application);
  //  - Errc::range: the file was written by a newer duban;
  //  - Errc::io: the file is read-only but was opened for writing, or cannot
  //    be read or created;
  //  - Errc::corrupt: the file is damaged;
  //  - Errc::busy: another process held the file longer than busy_timeout.
  // In every one of these cases the file is left exactly as it was.
  static Ledger open(std::string path, const LedgerOptions& options = {});

  Ledger(Ledger&&) noexcept;
  Ledger& operator=(Ledger&&) noexcept;
  ~Ledger();

  // Closes the file now; later calls are Errc::misuse. Never fails.
  void close() noexcept;
  bool is_open() const noexcept { return storage_ != nullptr; }

  const std::string& path() const;
  bool read_only() const;

  // The schema version of the open file, and the newest this build writes.
  int schema_version() const;
  static int latest_schema_version() noexcept;

  Directory load_directory() const;
  // Replaces the stored directory with `directory`, keeping its ids. A unit
  // that a stored plan assigns cannot be removed (Errc::inval, naming the
  // unit, the plan and the task), nor one the history names.
  void save_directory(const Directory& directory);

  // Stores a plan whose responsibilities are resolved against the stored
  // directory. It must pass duban::check against that directory
  // (Errc::inval otherwise); a date the file cannot hold is Errc::range.
  // Replacing a plan that has history keeps it only when every task with
  // events stays at its position under its key (Errc::inval otherwise).
  PlanId save_plan(const Plan& plan, IfExists if_exists = IfExists::fail);

  // Merges the file's directory into the stored one, resolves the plan's
  // unit names through the result, checks the plan and stores directory and
  // plan in one transaction: on any error the ledger is left as it was.
  PlanId import_plan(const PlanFile& file, IfExists if_exists = IfExists::fail);

  // Errc::notfound when there is no such plan.
  Plan load_plan(PlanId id) const;
  // Every stored plan, in id order.
  std::vector<PlanSummary> plans() const;
  // The plan of the latest year; among plans of one year, the one stored
  // last. nullopt for a ledger with no plan.
  std::optional<PlanId> latest_plan() const;
  // The stored plan that `plan` would replace (the IfExists rule above).
  std::optional<PlanId> find_plan(const Plan& plan) const;

  // The calls above act as the host application (Actor unit 0, the
  // administrator). These act for `by`, who must be the coordinating
  // office; otherwise the refusal (Errc::perm, class argument) names the
  // actor, the action and the rule, and nothing is written.
  void save_directory(const Directory& directory, const Actor& by);
  PlanId save_plan(const Plan& plan, const Actor& by, IfExists if_exists = IfExists::fail);
  PlanId import_plan(const PlanFile& file, const Actor& by, IfExists if_exists = IfExists::fail);

  // ---------------------------------------------------------------------
  // Settings kept in the file.

  HashAlgorithm hash_algorithm() const;
  // The coordinating office (督办/牵头协调部门): who may change the plan and
  // the directory and decide closures and extensions. nullopt until set.
  std::optional<UnitId> coordinator() const;
  // Once set, only the coordinating office itself (or the host, unit 0)
  // may hand the role on. `unit` must be a unit (not a group) of the
  // directory.
  EventId set_coordinator(UnitId unit, const Actor& by = {});
  // The same rule for data other layers keep (assessment schemes): returns
  // when `by` is the coordinating office or the host, else throws the
  // refusal "refused: ACTOR may not ACTION: only the coordinating office
  // (NAME) may change WHAT".
  void require_office(const Actor& by, std::string_view action, std::string_view what) const;

  // ---------------------------------------------------------------------
  // The working-day calendar (docs/calendar.md, "Calendar data in the
  // ledger"): the built-in notices, then every calendar data set loaded
  // into this ledger, in chain order. The due dates the ledger computes
  // (ItemState::original_due and current_due, which instances a report may
  // name) are settled on it. Immutable; it stays valid after the ledger
  // changes or closes.
  std::shared_ptr<const WorkCalendar> calendar() const;

  // Adds `data` (more years, which replace the same years; local rules) to
  // the ledger's calendar and keeps it as a calendar_loaded event in the
  // audit chain, with `origin` (a file name, "api") as its first evidence.
  // Says which years and days changed and which deadlines moved. Data that
  // contradict themselves or the years the ledger already holds are
  // Errc::inval naming `origin`; nothing is written on any error, nor when
  // the data change nothing (event 0). As the host application, or for `by`, who
  // must be the coordinating office (the refusal is as for save_directory).
  CalendarLoad load_calendar(const CalendarData& data, std::string_view origin);
  CalendarLoad load_calendar(const CalendarData& data, std::string_view origin, const Actor& by);

  // ---------------------------------------------------------------------
  // Reports. Each is checked (the item exists; the unit holds a role in
  // the task, directly or through its groups; a percent within 0..100; a
  // correction names an earlier report on the same item, by the same unit
  // or the coordinating office, not already corrected, dated no later than
  // itself; text is UTF-8) and appended with its place in the audit chain.
  // A refusal or a bad report is an error naming it; nothing is written.

  EventId add_report(const Report& report);
  // All in one transaction: every report is written, or (on any error,
  // which names the report by its index) none.
  std::vector<EventId> add_reports(std::span<const Report> reports);
  // A CSV batch (docs/ledger.md: a header row naming the columns task,
  // instance, unit, date, status, percent, text, values, evidence, user,
  // supersedes), for plan `plan`. Every error found names `origin` and
  // its line; any error rejects the whole batch.
  std::vector<EventId> import_reports(std::string_view csv, PlanId plan, std::string_view origin = "reports.csv");

  // ---------------------------------------------------------------------
  // Closure (办结) and extensions (延期). Every step is an event with its
  // actor, date and reason; refusals say who, what and which rule.

  // The task's lead unit (or the coordinating office) says the work is
  // done, with at least one piece of evidence. Not while a submission is
  // pending or after the item was closed.
  EventId submit_closure(const ItemRef& item, const Step& step);
  // The coordinating office closes the item (办结), or returns it with a
  // reason (退回), which reopens it. `submission` must be pending; the
  // decision is dated no earlier than the submission.
  EventId approve_closure(EventId submission, const Step& step);
  EventId return_closure(EventId submission, const Step& step);
  // The lead (or the coordinating office) asks, with a reason, on or before
  // the item's current due date, to move it to `until` (later than it).
  // One request may be pending per item.
  EventId request_extension(const ItemRef& item, Date until, const Step& step);
  // The coordinating office decides; refusing needs a reason.
  EventId approve_extension(EventId request, const Step& step);
  EventId refuse_extension(EventId request, const Step& step);

  // ---------------------------------------------------------------------
  // History and state as of any date.

  // Errc::notfound when there is no such event.
  Event event(EventId id) const;
  // The events of one task (and its instances), in chain order.
  std::vector<Event> history(PlanId plan, TaskId task, const HistoryQuery& query = {}) const;
  // One item as of a date (nullopt: as of every event written so far).
  ItemState state(const ItemRef& item, std::optional<Date> as_of = std::nullopt) const;
  // Every item of the plan with at least one event on or before `as_of`,
  // by task then instance.
  std::vector<ItemState> states(PlanId plan, Date as_of) const;
  // The reports of the plan that carry indicator values and are in effect
  // as of `as_of`: what history(plan, task, {.as_of = as_of}) gives for
  // each task, kept to reports with indicators and no superseded_by, for
  // every task at once (by task, then chain order). One query from the
  // stored values up, where a history per task would be a query per task:
  // the assessment reads indicator values so (assessment_input). Tasks the
  // plan no longer has are left out, as states() leaves them.
  std::vector<Event> indicator_reports(PlanId plan, Date as_of) const;
  // How many events the chain holds.
  std::int64_t event_count() const;

  // Walks the whole audit chain and names the first event altered,
  // removed or inserted, or says it is intact. Errors only when the file
  // cannot be read.
  ChainCheck verify() const;

  struct Rules;  // lib/ledger: what the checks need, cached per open ledger

 private:
  Ledger(std::unique_ptr<storage::Storage> storage, const LedgerOptions& options);
  storage::Storage& store() const;
  Rules& rules() const;

  std::unique_ptr<storage::Storage> storage_;
  std::unique_ptr<Rules> rules_;
};

}  // namespace duban
