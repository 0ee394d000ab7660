// The plan model: value types for a work plan and the tasks it assigns.
//
// A Plan is a flat, ordered record of what a document says: sections,
// categories, tasks (and guarantee measures as tasks of kind `measure`),
// each task holding its responsibilities in the order the document lists
// them. Indices link the parts; UnitIds point into a Directory.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duban/deadline.hpp"
#include "duban/diagnostic.hpp"
#include "duban/units.hpp"

namespace duban {

// A task's place in Plan::tasks, counted from 1. Stable for a stored plan;
// what the graph, the ledger and the C API use to name a task.
using TaskId = std::int64_t;

// Values are stored in ledgers and cross the C API: never renumber.
enum class Role : int {
  lead = 1,         // 牵头 / 主办
  responsible = 2,  // 责任 / 负责, co-responsible
  support = 3,      // 配合 / 协办
};
enum class TaskKind : int { task = 1, measure = 2 };
enum class TargetOp : int { unspecified = 0, ge = 1, gt = 2, le = 3, lt = 4, eq = 5, approx = 6 };

std::string_view to_string(Role role) noexcept;
std::string_view to_string(TaskKind kind) noexcept;
std::string_view to_string(TargetOp op) noexcept;  // ">=", ">", "<=", "<", "=", "~", ""
std::optional<Role> role_from_string(std::string_view text) noexcept;
std::optional<TaskKind> task_kind_from_string(std::string_view text) noexcept;
std::optional<TargetOp> target_op_from_string(std::string_view text) noexcept;

struct Responsibility {
  UnitId unit = 0;   // 0 until resolved against a directory
  std::string name;  // as written in the plan
  Role role = Role::responsible;
  int position = 0;          // 1-based place in the task's list
  bool collective = false;   // names a set of units (各街镇), not one unit

  friend bool operator==(const Responsibility&, const Responsibility&) = default;
};

// A quantitative target, kept as data: 县均选派2名教师 is
// {metric 选派教师, >=, 2, 名, scope 县均}.
struct Target {
  std::string text;  // the phrase as written
  std::string metric;
  TargetOp op = TargetOp::unspecified;
  std::optional<double> value;
  std::string unit;
  std::string scope;     // 县均, 每X, 全年
  std::string baseline;  // 去年, 上年, 同比

  friend bool operator==(const Target&, const Target&) = default;
};

struct Task {
  std::string key;     // unique in the plan; what dependencies name
  std::string number;  // as printed ("7", "（一）")
  std::string title;
  std::string body;
  TaskKind kind = TaskKind::task;
  int section = -1;   // index into Plan::sections, -1 for none
  int category = -1;  // index into Plan::categories, -1 for none
  std::vector<Responsibility> responsibilities;
  Deadline deadline;
  bool open_ended = false;  // the unit list ended in 等
  std::vector<Target> targets;
  std::vector<std::string> depends_on;  // keys of tasks that must finish first
  int line = 0;  // source line, for messages

  friend bool operator==(const Task&, const Task&) = default;
};

struct Section {
  std::string number;  // as printed, without punctuation ("二")
  std::string title;
  friend bool operator==(const Section&, const Section&) = default;
};

struct Category {
  std::string number;
  std::string title;
  int section = -1;  // index into Plan::sections
  friend bool operator==(const Category&, const Category&) = default;
};

struct Plan {
  std::string title;
  std::string doc_number;  // 临合组办〔2025〕2号
  std::string issuer;
  std::optional<Date> issued;
  int year = 0;
  std::vector<Section> sections;
  std::vector<Category> categories;
  std::vector<Task> tasks;

  // Index of the task with this key, or -1.
  int find_task(std::string_view key) const noexcept;

  friend bool operator==(const Plan&, const Plan&) = default;
};

// Fills Responsibility::unit from the names, through the directory. Names it
// cannot resolve are reported (never dropped) as errors naming the task and
// the position; a name that resolves to a group marks the entry collective.
std::vector<Diagnostic> resolve_units(Plan& plan, const Directory& directory);

// Everything wrong with a plan, each finding saying what and where: empty
// names and titles, duplicate task numbers in a category, duplicate keys,
// unresolved or unknown units, bad section/category indices, dependencies on
// missing tasks and dependency cycles (naming every task in the cycle).
std::vector<Diagnostic> validate(const Plan& plan, const Directory& directory);

// validate(), throwing an Errc::inval duban::Error that lists the errors
// when there is at least one.
void check(const Plan& plan, const Directory& directory);

// ISO-8601 YYYY-MM-DD. parse_date throws Errc::parse (quoting the text) for
// anything else, including impossible days such as 2024-02-30.
std::string format_date(Date date);
Date parse_date(std::string_view text);

}  // namespace duban
