// duban::Ledger: the rules of the ledger over a storage backend. What may
// be saved, how a plan file's directory merges into the stored one and when
// a plan counts as already stored are decided here, once for every backend.
#include "duban/ledger.hpp"

#include <algorithm>
#include <unordered_set>

#include "duban/error.hpp"
#include "duban/json.hpp"
#include "ledger/append.hpp"
#include "ledger/rules.hpp"
#include "ledger/storage.hpp"
#include "ledger/write.hpp"

namespace duban {
namespace ledger {

// Rebuilds a Directory from stored rows, keeping order and ids. A group
// whose members are all stored before it goes in whole; one that lists a
// later unit goes in as a shell that gets its members once every unit
// exists. (Through that second path a member listed twice, or a group
// listing itself, would be dropped: Directory::add_member refuses both.) A
// failure means the rows break the directory's rules: the file was edited
// outside duban.
Directory stored_directory(storage::Storage& s) {
  const std::vector<Unit> units = s.load_units();
  Directory directory;
  try {
    std::vector<const Unit*> later;
    for (const Unit& unit : units) {
      const bool ready = std::all_of(unit.members.begin(), unit.members.end(),
                                     [&](UnitId m) { return m == unit.id || directory.find(m) != nullptr; });
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

}  // namespace ledger

namespace {

using ledger::ledger_name;
using ledger::stored_directory;
using ledger::bump_revision;
using ledger::check_office;

// Replaces the stored directory, refusing to drop a unit a stored plan
// still assigns, or one that acted in the ledger's history: the foreign
// key would refuse the first but could not say which unit, plan and task,
// and nothing would refuse the second.
void store_directory(storage::Storage& s, const Directory& directory) {
  std::unordered_set<UnitId> kept;
  for (const Unit& unit : directory.units()) kept.insert(unit.id);
  for (const Unit& old : s.load_units()) {
    if (kept.count(old.id) != 0) continue;
    const std::string which = "cannot remove unit " + quote(old.name) + " (id " + std::to_string(old.id) + ")";
    if (const auto use = s.find_unit_use(old.id)) {
      throw Error(Errc::inval, ErrClass::storage,
                  ledger_name(s) + ": " + which + " from the directory: plan " + std::to_string(use->plan) + " " +
                      quote(use->plan_title) + " assigns it in task " + quote(use->task_key));
    }
    if (const auto event = s.find_unit_event(old.id)) {
      throw Error(Errc::inval, ErrClass::storage,
                  ledger_name(s) + ": " + which + " from the directory: the ledger's history names it (event " +
                      std::to_string(event->event) + ", " + event->kind + ")");
    }
  }
  s.replace_directory(directory);
}

std::string identity(const Plan& plan) {
  std::string out = quote(plan.title) + " for " + std::to_string(plan.year);
  if (!plan.doc_number.empty()) out += " (" + plan.doc_number + ")";
  return out;
}

// A plan with history keeps it only if every task that has events stays
// where it was, under the same key: events name tasks by position.
void require_history_kept(storage::Storage& s, PlanId id, const Plan& plan) {
  for (const auto& [task, key] : s.tasks_with_events(id)) {
    const auto index = static_cast<std::size_t>(task - 1);
    if (task >= 1 && index < plan.tasks.size() && plan.tasks[index].key == key) continue;
    throw Error(Errc::inval, ErrClass::storage,
                ledger_name(s) + ": cannot replace plan " + std::to_string(id) + " " + identity(plan) +
                    ": it has progress history on task " + quote(key) + " (position " + std::to_string(task) +
                    "), which the new plan moves or drops; keep the tasks that have history in their places");
  }
}

PlanId store_plan(storage::Storage& s, const Plan& plan, IfExists if_exists) {
  std::optional<PlanId> reuse;
  if (const auto same = s.find_same_plan(plan)) {
    if (if_exists != IfExists::replace) {
      throw Error(Errc::exists, ErrClass::storage,
                  ledger_name(s) + " already holds plan " + identity(plan) + " as plan " + std::to_string(*same) +
                      "; replacing it must be asked for");
    }
    require_history_kept(s, *same, plan);
    s.delete_plan(*same);
    reuse = same;
  }
  return s.insert_plan(plan, reuse);
}

}  // namespace

namespace ledger {

// Every change to plans, directory or coordinator moves the revision, so
// that every open ledger (in any process) drops what it cached.
void bump_revision(storage::Storage& s) {
  std::int64_t revision = 0;
  if (const auto text = s.setting("revision")) {
    try {
      revision = std::stoll(*text);
    } catch (const std::exception&) {
      revision = 0;
    }
  }
  s.put_setting("revision", std::to_string(revision + 1));
}

void check_office(storage::Storage& s, Ledger::Rules& rules, const Actor& by, const std::string& action,
                  const std::string& rule) {
  if (by.unit == 0) return;  // the host application, as the actor-less calls
  const Directory& directory = rules.directory(s);
  ledger::require_acting_unit("", directory, by, action);
  ledger::require_coordinator("", rules, directory, by, action, rule);
}

}  // namespace ledger

namespace {

// A ledger-wide event: the directory or a plan changed, or the coordinator.
EventId record(storage::Storage& s, Ledger::Rules& rules, EventKind kind, const Actor& by, std::optional<PlanId> plan,
               std::string text, UnitId target = 0) {
  ledger::Appender appender(s, rules.hasher(s));
  storage::EventRecord e;
  e.kind = static_cast<std::int64_t>(kind);
  e.plan = plan;
  if (by.unit != 0) e.unit = by.unit;
  e.user = by.user;
  e.date = appender.today();
  e.text = std::move(text);
  if (target != 0) e.target = target;
  const EventId id = appender.append(e);
  appender.finish();
  return id;
}

}  // namespace

Ledger::Ledger(std::unique_ptr<storage::Storage> storage, const LedgerOptions& options)
    : storage_(std::move(storage)), rules_(std::make_unique<Rules>()) {
  rules_->busy_retries = std::max(options.busy_retries, 0);
}
Ledger::Ledger(Ledger&&) noexcept = default;
Ledger& Ledger::operator=(Ledger&&) noexcept = default;
Ledger::~Ledger() = default;

Ledger Ledger::open(std::string path, const LedgerOptions& options) {
  return Ledger(storage::open_sqlite(std::move(path), options), options);
}

void Ledger::close() noexcept {
  rules_.reset();
  storage_.reset();
}

storage::Storage& Ledger::store() const {
  if (!storage_) throw Error(Errc::misuse, ErrClass::storage, "the ledger is closed");
  return *storage_;
}

Ledger::Rules& Ledger::rules() const {
  (void)store();
  return *rules_;
}

const std::string& Ledger::path() const { return store().path(); }
bool Ledger::read_only() const { return store().read_only(); }
int Ledger::schema_version() const { return store().schema_version(); }
int Ledger::latest_schema_version() noexcept { return storage::sqlite_schema_version(); }

Directory Ledger::load_directory() const {
  storage::Storage& s = store();
  storage::Transaction transaction(s, false, "load the directory");
  Directory directory = stored_directory(s);
  transaction.commit();
  return directory;
}

void Ledger::save_directory(const Directory& directory) { save_directory(directory, Actor{}); }

void Ledger::save_directory(const Directory& directory, const Actor& by) {
  storage::Storage& s = store();
  Rules& r = rules();
  ledger::in_write(s, r, "save the directory", [&] {
    check_office(s, r, by, "save the directory", "change the directory");
    store_directory(s, directory);
    record(s, r, EventKind::directory_saved, by, std::nullopt,
           "directory of " + std::to_string(directory.size()) + " units and groups");
    bump_revision(s);
  });
}

PlanId Ledger::save_plan(const Plan& plan, IfExists if_exists) { return save_plan(plan, Actor{}, if_exists); }

PlanId Ledger::save_plan(const Plan& plan, const Actor& by, IfExists if_exists) {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_write(s, r, "save a plan", [&] {
    check_office(s, r, by, "save a plan", "change the plan");
    check(plan, stored_directory(s));
    const PlanId id = store_plan(s, plan, if_exists);
    record(s, r, EventKind::plan_saved, by, id, plan.title);
    bump_revision(s);
    return id;
  });
}

PlanId Ledger::import_plan(const PlanFile& file, IfExists if_exists) { return import_plan(file, Actor{}, if_exists); }

PlanId Ledger::import_plan(const PlanFile& file, const Actor& by, IfExists if_exists) {
  storage::Storage& s = store();
  Rules& r = rules();
  // Read, merge and write under one write lock: a concurrent import cannot
  // slip a unit in between, and any failure below rolls everything back.
  return ledger::in_write(s, r, "import a plan", [&] {
    check_office(s, r, by, "import a plan", "change the plan");
    Directory directory = stored_directory(s);
    const std::size_t before = directory.size();
    merge(directory, file.directory);
    Plan plan = file.plan;
    // Unknown names come back from check() too, with every other finding.
    (void)resolve_units(plan, directory);
    check(plan, directory);
    store_directory(s, directory);
    if (directory.size() != before) {
      record(s, r, EventKind::directory_saved, by, std::nullopt,
             "directory of " + std::to_string(directory.size()) + " units and groups");
    }
    const PlanId id = store_plan(s, plan, if_exists);
    record(s, r, EventKind::plan_saved, by, id, plan.title);
    bump_revision(s);
    return id;
  });
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

HashAlgorithm Ledger::hash_algorithm() const {
  storage::Storage& s = store();
  return ledger::in_read(s, rules(), "read its settings", [&] { return rules_->algorithm; });
}

std::optional<UnitId> Ledger::coordinator() const {
  storage::Storage& s = store();
  return ledger::in_read(s, rules(), "read its settings", [&] { return rules_->coordinator; });
}

void Ledger::require_office(const Actor& by, std::string_view action, std::string_view what) const {
  storage::Storage& s = store();
  Rules& r = rules();
  ledger::in_read(s, r, "read its settings",
                  [&] { check_office(s, r, by, std::string(action), "change " + std::string(what)); });
}

EventId Ledger::set_coordinator(UnitId unit, const Actor& by) {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_write(s, r, "set the coordinating office", [&] {
    const Directory& directory = r.directory(s);
    const std::string action = "set the coordinating office";
    if (by.unit != 0) {
      ledger::require_acting_unit("", directory, by, action);
      if (r.coordinator) ledger::require_coordinator("", r, directory, by, action, "hand the role on");
    }
    const Unit* office = directory.find(unit);
    if (office == nullptr) ledger::invalid("", "unit " + std::to_string(unit) + " is not in the directory");
    if (office->is_group()) {
      ledger::invalid("", "the coordinating office must be a unit, not the group " + quote(office->name));
    }
    s.put_setting("coordinator", std::to_string(unit));
    const EventId id = record(s, r, EventKind::coordinator_set, by, std::nullopt, office->name, unit);
    bump_revision(s);
    return id;
  });
}

}  // namespace duban
