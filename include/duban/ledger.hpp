// The ledger: one file that holds the unit directory and any number of plans
// (years, districts), and later their progress reports.
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
#include <string>
#include <vector>

#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban {

struct PlanFile;

namespace storage {
class Storage;
}

// A stored plan's id: assigned by the ledger, never reused within one file.
using PlanId = std::int64_t;

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
  // unit, the plan and the task).
  void save_directory(const Directory& directory);

  // Stores a plan whose responsibilities are resolved against the stored
  // directory. It must pass duban::check against that directory
  // (Errc::inval otherwise); a date the file cannot hold is Errc::range.
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

 private:
  explicit Ledger(std::unique_ptr<storage::Storage> storage);
  storage::Storage& store() const;

  std::unique_ptr<storage::Storage> storage_;
};

}  // namespace duban
