// The storage interface behind duban::Ledger.
//
// Ledger holds the rules (what may be saved, how a directory merges, when a
// plan counts as already stored); a Storage only moves rows. Each backend
// keeps all of its SQL in its own folder (lib/ledger/sqlite/), so a second
// backend (PostgreSQL for a shared city-wide ledger) is a new folder that
// implements this class, not a change spread through the library.
//
// Methods other than begin/commit/rollback assume the caller has opened a
// transaction; Ledger opens one per public call.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duban/ledger.hpp"
#include "duban/plan.hpp"
#include "duban/report.hpp"
#include "duban/units.hpp"

namespace duban::storage {

// Where a stored plan assigns a unit: for the message that refuses to drop it.
struct UnitUse {
  PlanId plan = 0;
  std::string plan_title;
  TaskId task = 0;
  std::string task_key;
};

// Where a unit acted in the ledger's history: for the same message.
struct UnitEvent {
  EventId event = 0;
  std::string kind;
};

// One link of the audit chain.
using Digest = std::array<std::uint8_t, 32>;

// An event exactly as the backend holds it: text as stored, numbers as
// stored, empty text for a NULL date. The chain hashes these values, so
// what verify checks is what is on disk, not a parsed reading of it.
struct EventRecord {
  EventId seq = 0;
  std::int64_t kind = 0;
  std::optional<std::int64_t> plan;
  std::optional<std::int64_t> task;
  std::string task_key;
  std::string instance;
  std::optional<std::int64_t> unit;
  std::string user;
  std::string date;
  std::string recorded;
  std::optional<std::int64_t> status;
  std::optional<double> percent;
  std::string text;
  std::optional<std::int64_t> ref;
  std::string until;  // "" for none
  std::string due;    // "" for none
  std::optional<std::int64_t> target;
  std::vector<Indicator> indicators;
  std::vector<std::string> evidence;
  Digest prev{};
  Digest hash{};
};

struct ChainHead {
  EventId seq = 0;
  Digest hash{};
};

class Storage {
 public:
  Storage() = default;
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  virtual ~Storage() = default;

  virtual const std::string& path() const noexcept = 0;
  virtual bool read_only() const noexcept = 0;
  virtual int schema_version() = 0;

  // One transaction at a time. A read transaction sees one snapshot; a write
  // transaction takes the write lock at once, so two writers never deadlock
  // upgrading a read lock. `what` ("save the directory") names the work in
  // error messages.
  virtual void begin(bool write, std::string_view what) = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;

  // The directory's units in directory order, with ids, aliases, members and
  // member kinds exactly as saved.
  virtual std::vector<Unit> load_units() = 0;
  virtual void replace_directory(const Directory& directory) = 0;
  virtual std::optional<UnitUse> find_unit_use(UnitId unit) = 0;

  // The stored plan with the same identity: the year and document number, or
  // year, title and issuer for a plan without a document number.
  virtual std::optional<PlanId> find_same_plan(const Plan& plan) = 0;
  // Stores a checked plan under a new id, or under `id` when given (a
  // replacement of a deleted plan).
  virtual PlanId insert_plan(const Plan& plan, std::optional<PlanId> id) = 0;
  virtual void delete_plan(PlanId id) = 0;
  virtual std::optional<Plan> load_plan(PlanId id) = 0;
  virtual std::vector<PlanSummary> plans() = 0;
  virtual std::optional<PlanId> latest_plan() = 0;

  // Settings: the chain's hash, the coordinating office, the revision of
  // the plans and directory (which tells a cache it is stale).
  virtual std::optional<std::string> setting(std::string_view key) = 0;
  virtual void put_setting(std::string_view key, std::string_view value) = 0;

  // The chain's last link; nullopt when its record is gone (tampering).
  virtual std::optional<ChainHead> chain_head() = 0;
  virtual void put_chain_head(const ChainHead& head) = 0;
  // Appends one event with its indicators and evidence. Called many times
  // per transaction in a batch: backends keep their statements prepared.
  virtual void append_event(const EventRecord& event) = 0;
  virtual std::optional<EventRecord> load_event(EventId seq) = 0;
  virtual std::int64_t event_count() = 0;
  // The events of one task in chain order: of its instance `instance`
  // only, or (nullopt) of the task and every instance; dated on or before
  // `until_date` unless it is empty. With `details`, indicators and evidence too.
  virtual std::vector<EventRecord> task_events(PlanId plan, TaskId task, const std::optional<std::string>& instance,
                                               std::string_view until_date, bool details) = 0;
  // Every event of a plan dated on or before `until_date`, without
  // indicators and evidence, ordered by task, instance, then chain order.
  virtual void scan_plan_events(PlanId plan, std::string_view until_date,
                                const std::function<void(const EventRecord&)>& visit) = 0;
  // The reports on a plan's tasks dated on or before `until_date` that
  // carry indicator values and that no report on the same task dated on
  // or before it corrects, with their values and evidence, ordered by task
  // then chain order: read from the values up, not task by task.
  virtual std::vector<EventRecord> indicator_reports(PlanId plan, std::string_view until_date) = 0;
  // The whole chain in seq order with every detail; `visit` returns false
  // to stop.
  virtual void scan_chain(const std::function<bool(const EventRecord&)>& visit) = 0;
  // The events that name `seq` as their ref (corrections, decisions).
  virtual std::vector<EventId> referring(EventId seq) = 0;
  // The first event a unit acted in or was made coordinator by.
  virtual std::optional<UnitEvent> find_unit_event(UnitId unit) = 0;
  // The tasks of a plan that have events, with the key each event recorded.
  virtual std::vector<std::pair<TaskId, std::string>> tasks_with_events(PlanId plan) = 0;
  // The calendar_loaded events in chain order, with their evidence (the
  // origin): what the ledger's calendar is built from.
  virtual std::vector<EventRecord> calendar_events() = 0;
};

// A transaction that rolls back unless committed, so an exception anywhere
// inside leaves the ledger as it was.
class Transaction {
 public:
  Transaction(Storage& storage, bool write, std::string_view what) : storage_(&storage) {
    storage.begin(write, what);
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (storage_ != nullptr) storage_->rollback();
  }

  void commit() {
    storage_->commit();
    storage_ = nullptr;
  }

 private:
  Storage* storage_;
};

// The SQLite backend (lib/ledger/sqlite/), and the schema version it writes.
// Opening applies options.hash to a chain that starts with this open.
std::unique_ptr<Storage> open_sqlite(std::string path, const LedgerOptions& options);
int sqlite_schema_version() noexcept;

}  // namespace duban::storage
