// duban::Ledger: the rules of the ledger over a storage backend. What may
// be saved, how a plan file's directory merges into the stored one and when
// a plan counts as already stored are decided here, once for every backend.
#include "duban/ledger.hpp"

#include <algorithm>
#include <unordered_set>

#include "duban/error.hpp"
#include "duban/json.hpp"
#include "ledger/storage.hpp"

namespace duban {
namespace {

constexpr std::size_t kPathQuote = 1024;

std::string ledger_name(const storage::Storage& s) { return "ledger " + quote(s.path(), kPathQuote); }

// Rebuilds a Directory from stored rows, keeping order and ids. A group
// whose members are all stored before it goes in whole; one that lists a
// later unit goes in as a shell that gets its members once every unit
// exists. (Through that second path a member listed twice, or a group
// listing itself, would be dropped: Directory::add_member refuses both.) A
// failure means the rows break the directory's rules: the file was edited
// outside duban.
Directory directory_from(const storage::Storage& s, const std::vector<Unit>& units) {
  Directory directory;
  try {
    std::vector<const Unit*> later;
    for (const Unit& unit : units) {
      const bool ready = std::all_of(unit.members.begin(), unit.members.end(), [&](UnitId m) {
        return m == unit.id || directory.find(m) != nullptr;
      });
      if (ready) {
        directory.add(unit);
        continue;
      }
      Unit shell = unit;
      shell.members.clear();
      directory.add(std::move(shell));
      later.push_back(&unit);
    }
    for (const Unit* unit : later) {
      for (UnitId member : unit->members) {
        if (member != unit->id) directory.add_member(unit->id, member);
      }
    }
  } catch (const Error& e) {
    throw Error(Errc::corrupt, ErrClass::storage,
                ledger_name(s) + " is damaged: its directory breaks the directory's rules: " + e.what());
  }
  return directory;
}

Directory stored_directory(storage::Storage& s) { return directory_from(s, s.load_units()); }

// Replaces the stored directory, refusing to drop a unit a stored plan
// still assigns: the foreign key would refuse too, but could not say which
// unit, plan and task.
void store_directory(storage::Storage& s, const Directory& directory) {
  std::unordered_set<UnitId> kept;
  for (const Unit& unit : directory.units()) kept.insert(unit.id);
  for (const Unit& old : s.load_units()) {
    if (kept.count(old.id) != 0) continue;
    if (const auto use = s.find_unit_use(old.id)) {
      throw Error(Errc::inval, ErrClass::storage,
                  ledger_name(s) + ": cannot remove unit " + quote(old.name) + " (id " + std::to_string(old.id) +
                      ") from the directory: plan " + std::to_string(use->plan) + " " + quote(use->plan_title) +
                      " assigns it in task " + quote(use->task_key));
    }
  }
  s.replace_directory(directory);
}

std::string identity(const Plan& plan) {
  std::string out = quote(plan.title) + " for " + std::to_string(plan.year);
  if (!plan.doc_number.empty()) out += " (" + plan.doc_number + ")";
  return out;
}

PlanId store_plan(storage::Storage& s, const Plan& plan, IfExists if_exists) {
  std::optional<PlanId> reuse;
  if (const auto same = s.find_same_plan(plan)) {
    if (if_exists != IfExists::replace) {
      throw Error(Errc::exists, ErrClass::storage,
                  ledger_name(s) + " already holds plan " + identity(plan) + " as plan " + std::to_string(*same) +
                      "; replacing it must be asked for");
    }
    s.delete_plan(*same);
    reuse = same;
  }
  return s.insert_plan(plan, reuse);
}

}  // namespace

Ledger::Ledger(std::unique_ptr<storage::Storage> storage) : storage_(std::move(storage)) {}
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(Ledger&&) noexcept = default;
Ledger::~Ledger() = default;

Ledger Ledger::open(std::string path, const LedgerOptions& options) {
  return Ledger(storage::open_sqlite(std::move(path), options));
}

void Ledger::close() noexcept { storage_.reset(); }

storage::Storage& Ledger::store() const {
  if (!storage_) throw Error(Errc::misuse, ErrClass::storage, "the ledger is closed");
  return *storage_;
}

const std::string& Ledger::path() const { return store().path(); }
bool Ledger::read_only() const { return store().read_only(); }
int Ledger::schema_version() const { return store().schema_version(); }
int Ledger::latest_schema_version() noexcept { return storage::sqlite_schema_version(); }

namespace {

storage::Storage& writable(storage::Storage& s, std::string_view what) {
  if (s.read_only()) {
    throw Error(Errc::misuse, ErrClass::storage,
                ledger_name(s) + " is open read-only: cannot " + std::string(what));
  }
  return s;
}

}  // namespace

Directory Ledger::load_directory() const {
  storage::Storage& s = store();
  storage::Transaction transaction(s, false, "load the directory");
  Directory directory = stored_directory(s);
  transaction.commit();
  return directory;
}

void Ledger::save_directory(const Directory& directory) {
  storage::Storage& s = writable(store(), "save the directory");
  storage::Transaction transaction(s, true, "save the directory");
  store_directory(s, directory);
  transaction.commit();
}

PlanId Ledger::save_plan(const Plan& plan, IfExists if_exists) {
  storage::Storage& s = writable(store(), "save a plan");
  storage::Transaction transaction(s, true, "save a plan");
  check(plan, stored_directory(s));
  const PlanId id = store_plan(s, plan, if_exists);
  transaction.commit();
  return id;
}

PlanId Ledger::import_plan(const PlanFile& file, IfExists if_exists) {
  storage::Storage& s = writable(store(), "import a plan");
  // Read, merge and write under one write lock: a concurrent import cannot
  // slip a unit in between, and any failure below rolls everything back.
  storage::Transaction transaction(s, true, "import a plan");
  Directory directory = stored_directory(s);
  merge(directory, file.directory);
  Plan plan = file.plan;
  // Unknown names come back from check() too, with every other finding.
  (void)resolve_units(plan, directory);
  check(plan, directory);
  store_directory(s, directory);
  const PlanId id = store_plan(s, plan, if_exists);
  transaction.commit();
  return id;
}

Plan Ledger::load_plan(PlanId id) const {
  storage::Storage& s = store();
  storage::Transaction transaction(s, false, "load plan " + std::to_string(id));
  auto plan = s.load_plan(id);
  if (!plan) throw Error(Errc::notfound, ErrClass::storage, ledger_name(s) + " has no plan " + std::to_string(id));
  transaction.commit();
  return std::move(*plan);
}

std::vector<PlanSummary> Ledger::plans() const {
  storage::Storage& s = store();
  storage::Transaction transaction(s, false, "list its plans");
  auto out = s.plans();
  transaction.commit();
  return out;
}

std::optional<PlanId> Ledger::latest_plan() const {
  storage::Storage& s = store();
  storage::Transaction transaction(s, false, "find its latest plan");
  auto out = s.latest_plan();
  transaction.commit();
  return out;
}

std::optional<PlanId> Ledger::find_plan(const Plan& plan) const {
  storage::Storage& s = store();
  storage::Transaction transaction(s, false, "look up a plan");
  auto out = s.find_same_plan(plan);
  transaction.commit();
  return out;
}

}  // namespace duban
