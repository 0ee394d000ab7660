// What the ledger's checks need, read once and kept while the file's plans,
// directory and settings stay as they were: the directory, each plan with
// its responsibility graph, who may do what, the items a plan has and their
// due dates, and the ledger's calendar. A `revision` setting, bumped by every
// change to plans, directory, coordinator or calendar (by any process), tells
// the cache it is stale.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "duban/deadline.hpp"
#include "duban/graph.hpp"
#include "duban/ledger.hpp"
#include "ledger/chain.hpp"
#include "ledger/storage.hpp"

namespace duban::ledger {

// One stored plan and the answers the checks ask of it.
class PlanRules {
 public:
  // Due dates are settled on `calendar`: the ledger's (Rules::calendar).
  PlanRules(PlanId id, Plan plan, const Directory& directory, std::shared_ptr<const WorkCalendar> calendar);

  PlanId id() const noexcept { return id_; }
  const Plan& plan() const noexcept { return plan_; }
  bool has_task(TaskId task) const noexcept;
  const Task& task(TaskId task) const;
  // "task '5' (选派专业技术人才)", or "instance '3@2025-03' of task '3' (…)".
  std::string label(TaskId task, std::string_view instance) const;

  // A role in the task, directly or through the unit's groups.
  bool holds_role(UnitId unit, TaskId task);
  bool leads(UnitId unit, TaskId task);
  // Whose reports speak for the task: its lead units, or without a lead the
  // units of its strongest role (groups expanded).
  bool speaks_for(UnitId unit, TaskId task);

  // Empty when `instance` is one of the task's instances in the plan year;
  // otherwise why not.
  std::string instance_problem(TaskId task, std::string_view instance);
  // The due date the progress view uses by default: after the holiday
  // shift where the year has a calendar, as stated where it has none.
  std::optional<Date> due(TaskId task, std::string_view instance);
  // An approved extension date as the progress view moves it.
  Date shifted(Date date) const;
  // The task's instances in the plan year, due dates as due() gives them.
  const std::vector<Occurrence>& occurrences(TaskId task);

 private:
  // Per task: bit 1 the unit holds a role, bit 2 it leads.
  const std::vector<std::uint8_t>& roles_of(UnitId unit);

  PlanId id_;
  Plan plan_;
  std::shared_ptr<const WorkCalendar> calendar_;
  ResponsibilityGraph graph_;
  std::unordered_map<UnitId, std::vector<std::uint8_t>> roles_;
  std::vector<std::optional<std::vector<UnitId>>> speakers_;  // per task, sorted, filled lazily
  std::unordered_map<TaskId, std::vector<Occurrence>> occurrences_;
  std::vector<std::optional<std::optional<Date>>> dues_;  // per task, filled lazily
};

}  // namespace duban::ledger

namespace duban {

struct Ledger::Rules {
  int busy_retries = 3;

  // Re-reads the settings when their revision moved; drops cached plans
  // and the directory then. Call inside a transaction.
  void refresh(storage::Storage& s);
  // After a write that failed: whatever was read inside it may be gone.
  void invalidate() noexcept;

  const Directory& directory(storage::Storage& s);
  // Errc::notfound naming the plan when there is none.
  ledger::PlanRules& plan(storage::Storage& s, PlanId id);
  ledger::Hasher& hasher(storage::Storage& s);
  // The built-in calendar with the ledger's calendar data applied
  // (ledger/calendar.hpp).
  std::shared_ptr<const WorkCalendar> calendar(storage::Storage& s);

  std::optional<UnitId> coordinator;
  HashAlgorithm algorithm = HashAlgorithm::sm3;

 private:
  std::optional<std::string> revision_;
  std::optional<Directory> directory_;
  std::unordered_map<PlanId, std::unique_ptr<ledger::PlanRules>> plans_;
  std::unique_ptr<ledger::Hasher> hasher_;
  std::shared_ptr<const WorkCalendar> calendar_;
};

}  // namespace duban

namespace duban::ledger {

std::string ledger_name(const storage::Storage& s);

// The stored directory, rebuilt with its ids and order (ledger.cpp).
Directory stored_directory(storage::Storage& s);

// "区教育局 (user 张三)", "unit 99", "the host application".
std::string actor_name(const Directory& directory, const Actor& actor);

// The refusal every permission rule gives: Errc::perm, class argument,
// "refused: ACTOR may not ACTION: RULE", after `where` when given.
[[noreturn]] void refuse(std::string_view where, const std::string& actor, const std::string& action,
                         const std::string& rule);

// A unit of the directory that can act: not 0 (the host), not unknown,
// not a group. Errc::inval naming `where` otherwise.
void require_acting_unit(std::string_view where, const Directory& directory, const Actor& actor,
                         const std::string& action);

// The coordinating office, or (when `host_allowed`) the host application.
void require_coordinator(std::string_view where, Ledger::Rules& rules, const Directory& directory, const Actor& actor,
                         const std::string& action, const std::string& rule);

// Errc::inval "WHERE: WHAT" (WHAT alone without a where).
[[noreturn]] void invalid(std::string_view where, const std::string& what);

// The stored form of a date; Errc::range for one a ledger cannot hold.
std::string stored_date(std::string_view where, const Date& date, const char* what);
// Errc::encoding naming where and what when text is not UTF-8.
void require_text(std::string_view where, std::string_view text, const char* what);

}  // namespace duban::ledger
