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

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duban/ledger.hpp"
#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban::storage {

// Where a stored plan assigns a unit: for the message that refuses to drop it.
struct UnitUse {
  PlanId plan = 0;
  std::string plan_title;
  TaskId task = 0;
  std::string task_key;
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
std::unique_ptr<Storage> open_sqlite(std::string path, const LedgerOptions& options);
int sqlite_schema_version() noexcept;

}  // namespace duban::storage
