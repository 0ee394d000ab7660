// The task–responsibility graph of one plan: who leads, shares or supports
// which task, how units group, how tasks depend on each other.
//
// Built once from a Plan and a Directory, then immutable: every query is
// const and touches no shared mutable state, so one graph may be read from
// many threads at once. It copies what it needs, so it outlives the Plan and
// Directory it was built from. Tasks are named by TaskId (1-based position in
// Plan::tasks), units and groups by UnitId; nothing else leaves the graph.
// docs/graph.md describes what each query returns.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duban/diagnostic.hpp"
#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban {

// How units_of treats a group the plan names (各街镇, 领导小组成员单位).
// Values cross the C API: never renumber.
enum class GroupMode : int {
  // Each member unit in the group's place, through nested groups; a group
  // (or nested group) whose members are unknown stays as itself.
  expand = 1,
  keep = 2,    // the entries as written, groups included
};

// One unit's part in one task. When a unit holds a task several ways (named
// directly and again through 各街镇), the strongest role wins (lead >
// responsible > support); on a tie a direct entry beats one through a group,
// then the earlier position wins.
struct Assignment {
  TaskId task = 0;
  UnitId unit = 0;
  Role role = Role::responsible;
  int position = 0;         // 1-based place, in the task's list, of the entry that gave this role
  UnitId via_group = 0;     // the group the plan wrote when the unit was reached through it, else 0
  bool collective = false;  // `unit` is itself a group (kept as written, or members unknown)

  friend bool operator==(const Assignment&, const Assignment&) = default;
};

struct UnitQuery {
  std::optional<Role> role;  // nullopt: every role
  GroupMode groups = GroupMode::expand;
};

struct TaskQuery {
  std::optional<Role> role;    // nullopt: every role
  bool through_groups = true;  // also tasks given to a group that holds the unit
};

struct MatrixCell {
  Role role = Role::responsible;
  UnitId via_group = 0;  // as Assignment::via_group

  friend bool operator==(const MatrixCell&, const MatrixCell&) = default;
};

// Tasks × units, one cell per pair that holds a role (the Assignment rule
// above decides the cell when there are several).
struct ResponsibilityMatrix {
  std::vector<TaskId> tasks;  // rows: every task, in plan order
  // Columns: every unit holding at least one task, in directory order; a
  // group whose members are unknown is a column of its own.
  std::vector<UnitId> units;
  std::vector<std::optional<MatrixCell>> cells;  // row-major, tasks.size() × units.size()

  const std::optional<MatrixCell>& at(std::size_t row, std::size_t column) const {
    return cells.at(row * units.size() + column);
  }
};

struct RoleCounts {
  int lead = 0;
  int responsible = 0;
  int support = 0;

  int total() const noexcept { return lead + responsible + support; }
  int of(Role role) const noexcept;
  friend bool operator==(const RoleCounts&, const RoleCounts&) = default;
};

// Tasks a unit holds, counted once per task with the role of its matrix cell.
struct Workload {
  UnitId unit = 0;
  RoleCounts direct;          // the plan names the unit itself
  RoleCounts through_groups;  // the unit's part comes from a group that holds it
  RoleCounts all() const noexcept;
  friend bool operator==(const Workload&, const Workload&) = default;
};

// Values cross the C API: never renumber.
enum class LintCode : int {
  task_without_unit = 1,   // no entry resolves to a unit or group the directory knows
  several_leads = 2,       // more than one entry with role lead
  unresolved_group = 3,    // a group holding a task (named, or inside one named) whose members nobody listed
  unit_without_task = 4,   // a (non-group) directory unit holding no task, even through a group
  unknown_unit = 5,        // an entry whose name the directory did not resolve
  missing_dependency = 6,  // depends_on names a key no task has
  dependency_cycle = 7,    // tasks that (transitively) depend on themselves
};

// "task_without_unit", "several_leads", …: the spelling used by JSON and the CLI.
std::string_view to_string(LintCode code) noexcept;

struct LintEntry {
  LintCode code = LintCode::task_without_unit;
  Severity severity = Severity::warning;
  std::vector<TaskId> tasks;  // the tasks concerned, in plan order (cycle members in cycle order)
  std::vector<UnitId> units;  // the units concerned (the leads, the group, the idle unit)
  std::string message;        // one line for a person, naming tasks and units

  friend bool operator==(const LintEntry&, const LintEntry&) = default;
};

struct LintReport {
  // In LintCode order; within a code, in plan order (directory order for
  // unit_without_task and unresolved_group).
  std::vector<LintEntry> entries;

  std::size_t count(LintCode code) const noexcept;
  bool clean() const noexcept { return entries.empty(); }
};

class ResponsibilityGraph {
 public:
  // Copies what it needs from both. Never throws for a faulty plan (unknown
  // units, missing dependencies, cycles): those show in lint(), and a cycle
  // makes dependency_order() throw.
  ResponsibilityGraph(const Plan& plan, const Directory& directory);
  // Copies share the immutable data. There is deliberately no move: a
  // "moved-from" graph stays a valid copy instead of an empty shell.
  ResponsibilityGraph(const ResponsibilityGraph&) = default;
  ResponsibilityGraph& operator=(const ResponsibilityGraph&) = default;
  ~ResponsibilityGraph() = default;

  std::size_t task_count() const noexcept;
  bool has_task(TaskId task) const noexcept;
  // True for every unit and group of the directory the graph was built from.
  bool has_unit(UnitId unit) const noexcept;

  // Expand (default): one Assignment per unit, ordered by position then
  // directory order. Keep: one per resolved entry as written, in position
  // order. Throws Errc::notfound for an unknown task.
  std::vector<Assignment> units_of(TaskId task, const UnitQuery& query = {}) const;

  // One Assignment per task, in plan order. For a group, the tasks naming it
  // or (through_groups) a group that holds it. Throws Errc::notfound for a
  // unit not in the directory.
  std::vector<Assignment> tasks_of(UnitId unit, const TaskQuery& query = {}) const;

  ResponsibilityMatrix matrix() const;

  // Throws Errc::notfound for a unit not in the directory.
  Workload workload(UnitId unit) const;
  // One per matrix column, in the same order.
  std::vector<Workload> workloads() const;

  // The tasks of the category at this index of Plan::categories, in plan
  // order; empty for an index the plan does not have.
  std::vector<TaskId> tasks_in_category(int category) const;

  // Every task, prerequisites before the tasks that depend on them:
  // plan order, with each task's prerequisites pulled just ahead of it
  // (task 1 needing task 3 gives 3, 1, 2). Throws Errc::inval naming the
  // tasks of each cycle when there is one.
  std::vector<TaskId> dependency_order() const;
  // Every task that depends on `task`, directly or transitively (upstream:
  // every task `task` depends on), in plan order, never `task` itself.
  // Defined with cycles too. Throws Errc::notfound for an unknown task.
  std::vector<TaskId> downstream(TaskId task) const;
  std::vector<TaskId> upstream(TaskId task) const;

  LintReport lint() const;

  struct Impl;  // defined in lib/graph; opaque to everyone else

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace duban
