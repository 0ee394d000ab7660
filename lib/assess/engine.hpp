// Inside the Assessor: the scheme bound to a plan, laid out for scoring.
//
// Units and tasks become dense indices; the responsibility table is kept
// twice, by task and by unit, so each rule walks what it needs in order.
// What runs derive from an input (tasks judged, report facts counted per
// task and unit) is its Summary, made once per Assessor and date and kept
// with the input (summary.cpp). Every rule is one function that scores all
// units in a pass (for run()) or, given one slot, writes the explanation
// (for explanation()) while it takes the same sums in the same order — or,
// for report facts, counts them as whole numbers, which no order changes —
// so a retraced score equals the stored one.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "assess/source.hpp"
#include "duban/assess.hpp"

namespace duban::scoring {

inline constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

struct Holder {
  std::uint32_t unit = 0;  // index into Impl::units
  Role role = Role::responsible;
};

struct Held {
  std::uint32_t task = 0;  // TaskId - 1
  Role role = Role::responsible;
};

struct UnitInfo {
  UnitId id = 0;
  std::string name;
  std::uint32_t slot = kNone;  // place among the assessed units, kNone when not assessed
};

// What a metric is in the plan: its target and the tasks that state it.
struct MetricInfo {
  std::optional<double> target;
  std::string scope;
  std::vector<std::uint32_t> tasks;  // task indices
};

// Role weights as a table indexed by the Role's value, so the scoring loops
// read one double instead of switching on the role.
struct Weights {
  double by_role[4] = {1, 1, 1, 1};
  Weights() = default;
  explicit Weights(const RoleWeights& w) : by_role{1, w.lead, w.responsible, w.support} {}
  double of(Role role) const noexcept { return by_role[static_cast<int>(role) & 3]; }
};

struct CompiledItem {
  const Item* item = nullptr;  // into Impl::scheme
  std::size_t group = 0;
  std::size_t index = 0;  // flat, in scheme order
  Weights weights;
  // Tasks the item selects, by task index (empty for rules that select none).
  std::vector<std::uint8_t> task_mask;
  // The same a bit a task: a million tasks' selection in 125 KB, which
  // stays in cache while the unit walks check each task a unit holds.
  std::vector<std::uint64_t> task_bits;
  unsigned selects(std::uint32_t task) const noexcept {
    return static_cast<unsigned>(task_bits[task >> 6] >> (task & 63)) & 1u;
  }
  std::vector<std::uint32_t> tasks;  // the same, as a list in plan order
  // Units the item is limited to, by unit index (empty: all).
  std::vector<std::uint8_t> unit_mask;
  // Indicator rules: the metric, its target and tasks; per unit index the
  // strongest role held in those tasks (-1: none), for eligibility and weight.
  std::string metric;
  MetricInfo metric_info;
  std::vector<std::int8_t> metric_role;
  bool per_area = false;
  std::optional<double> target;
  // Formula and veto inputs, the bands' source, the veto's targets.
  std::vector<SourceRef> inputs;
  std::optional<SourceRef> band_source;
  std::size_t veto_group = 0;
  std::size_t veto_grade = 0;
  TaskId single_task = 0;  // the selector names exactly this task
};

}  // namespace duban::scoring

namespace duban {

struct Assessor::Impl {
  Scheme scheme;
  std::shared_ptr<const WorkCalendar> calendar;
  std::string plan_title;
  std::string plan_doc_number;
  int plan_year = 0;

  std::vector<std::string> task_key;
  std::vector<std::string> task_title;
  std::vector<int> task_category;
  std::vector<std::optional<Date>> plan_due;  // effective, after the holiday shift
  std::vector<std::string> category_title;

  std::vector<scoring::UnitInfo> units;  // directory order: every non-group unit holding a task, and listed ones
  std::vector<std::uint32_t> assessed;  // unit indices, directory order
  std::vector<std::uint32_t> index_by_id;  // UnitId → unit index (kNone), dense
  std::unordered_map<UnitId, std::uint32_t> index_by_sparse_id;  // when ids are too sparse for a vector

  std::vector<std::uint32_t> task_begin;  // CSR by task over `holders`
  std::vector<scoring::Holder> holders;
  std::vector<std::uint32_t> unit_begin;  // CSR by unit over `held`
  std::vector<scoring::Held> held;

  std::vector<scoring::CompiledItem> items;  // scheme order
  std::vector<std::string> areas;           // the scheme's recipient areas
  std::map<std::string, scoring::MetricInfo, std::less<>> metrics;  // from the plan's targets

  std::vector<std::uint32_t> unit_slot;  // by unit index: UnitInfo::slot, packed for the scoring loops

  std::uint32_t unit_index(UnitId id) const noexcept {
    if (id >= 0 && static_cast<std::uint64_t>(id) < index_by_id.size()) return index_by_id[static_cast<std::size_t>(id)];
    return sparse_index(id);
  }
  std::uint32_t sparse_index(UnitId id) const noexcept;
  std::uint32_t slots() const noexcept { return static_cast<std::uint32_t>(assessed.size()); }  // the plan's slot
  // The role `unit` holds in task `task` (indices), or nullopt.
  std::optional<Role> role_in(std::uint32_t task, std::uint32_t unit) const noexcept {
    for (std::uint32_t k = task_begin[task]; k < task_begin[task + 1]; ++k) {
      if (holders[k].unit == unit) return holders[k].role;
    }
    return std::nullopt;
  }
  std::string task_label(std::uint32_t task) const;  // "task 5 选派专业技术人才"

  // The holders of task `task` an item credits — its role filter and unit
  // mask applied — as indices into `holders`, into `out`; returns the sum
  // of their role weights, which splits a joint value or event among them.
  double credited(const scoring::CompiledItem& c, std::uint32_t task, std::vector<std::uint32_t>& out) const {
    const auto& role_filter = c.item->select.role;
    out.clear();
    double weight_sum = 0;
    for (std::uint32_t k = task_begin[task]; k < task_begin[task + 1]; ++k) {
      const scoring::Holder& h = holders[k];
      if (role_filter && h.role != *role_filter) continue;
      if (!c.unit_mask.empty() && !c.unit_mask[h.unit]) continue;
      out.push_back(k);
      weight_sum += c.weights.of(h.role);
    }
    return weight_sum;
  }
};

}  // namespace duban

namespace duban::scoring {

// How one task stands for completion, as of the date.
struct TaskStatus {
  enum Kind : std::uint8_t {
    not_judged = 0,  // not done and not yet due, or not done with no hard date
    on_time = 1,
    late = 2,
    not_done = 3,  // due before as_of and not done
  };
  Kind kind = not_judged;
  bool extended = false;  // the due date is an approved extension's
  std::int32_t late_workdays = 0;
  std::optional<Date> due;
  std::optional<Date> done;
  std::uint32_t fact = kNone;  // index into AssessmentInput::tasks
};

// The part of a TaskStatus the scoring loops read, packed in one word:
// the status (2 bits), the role (2 bits: a holder's standing on one of its
// tasks carries the role it holds it in; a task's own, none) and the
// working days late. Four bytes a task or responsibility, for tables of
// millions walked on every run.
class Judged {
 public:
  Judged() = default;
  Judged(TaskStatus::Kind kind, std::int32_t late_workdays, Role role = Role{}) noexcept
      : bits_(static_cast<std::uint32_t>(kind) | (static_cast<std::uint32_t>(role) & 3) << 2 |
              static_cast<std::uint32_t>(std::clamp<std::int32_t>(late_workdays, 0, kMaxLate)) << 4) {}
  TaskStatus::Kind kind() const noexcept { return static_cast<TaskStatus::Kind>(bits_ & 3); }
  Role role() const noexcept { return static_cast<Role>(bits_ >> 2 & 3); }
  std::int32_t late_workdays() const noexcept { return static_cast<std::int32_t>(bits_ >> 4); }
  // The same standing held in `role` (this one carrying none).
  Judged held_as(Role role) const noexcept {
    Judged j;
    j.bits_ = bits_ | (static_cast<std::uint32_t>(role) & 3) << 2;
    return j;
  }
  // Late or not done: the standings that lose points.
  bool loses() const noexcept { return (bits_ & 3) >= TaskStatus::late; }

 private:
  // Working days between two dates the calendar knows stay far below it.
  static constexpr std::int32_t kMaxLate = (1 << 28) - 1;
  std::uint32_t bits_ = 0;
};

// One holder's reports on one task, for a timeliness item: the task and
// how many of the holder's reports on the task's instances due by as_of
// came on time, late and missing (by outcome).
struct ReportCounts {
  std::uint32_t task = 0;
  std::uint32_t n[3] = {0, 0, 0};
};

// A standing that loses points, with its task (which an item's selection
// is checked against).
struct Losing {
  std::uint32_t task = 0;
  Judged standing;
};

// What runs derive from an input for one Assessor and as-of date before
// the rules read it (InputSummaries): made once, read by every run.
struct Summary {
  // By task index (empty when no item judges completion): how each task
  // stands, packed; the full TaskStatus is rebuilt from `fact_of` when an
  // explanation needs it.
  std::vector<Judged> judged;
  std::vector<std::uint32_t> fact_of;  // index into AssessmentInput::tasks of the task's own fact, or kNone
  // (task index << 32 | unit index) → index into AssessmentInput::tasks, for unit facts.
  std::unordered_map<std::uint64_t, std::uint32_t> unit_facts;
  // By responsibility, aligned with Impl::held (each unit's tasks in task
  // order): how the holder stands — its own fact, else the task's — with
  // its role, so a unit's walk reads one word per task it holds.
  std::vector<Judged> held_judged;
  // By unit index: how many of its tasks are judged, by role (indexed by
  // the Role's value), which an item over every task takes as it is; the
  // tasks judged, one word each (task << 2 | role), which an item over
  // some tasks counts against its selection; and the standings that lose
  // points. Each in task order, CSR by unit, so that counting and adding
  // up what a unit loses read only what can count.
  std::vector<std::array<std::uint32_t, 4>> unit_judged;
  std::vector<std::uint32_t> judged_begin;
  std::vector<std::uint32_t> judged_held;
  std::vector<std::uint32_t> losing_begin;
  std::vector<Losing> losing;
  std::uint32_t judged_tasks = 0;  // tasks judged, of all
  // Timeliness (empty when no item judges it): for each responsibility
  // with a report fact due by as_of, one record, grouped by unit and then
  // by role (CSR over unit index × 4 + role), each group in task order: a
  // slot's sums for one role are added up in registers and stored once.
  std::vector<std::uint32_t> report_begin;
  std::vector<ReportCounts> report_counts;
  // Report facts the fact-by-fact walk refuses (a task not in the plan; a
  // report due by as_of from a unit not holding the task), by index in
  // input order: an item reading the counts throws for the first that
  // walk would have met.
  std::vector<std::uint32_t> refused;
};

// What one run reads: the summary, and the recipient areas in force.
struct RunData {
  std::shared_ptr<const Summary> summary;
  std::vector<std::string> areas;  // the scheme's, else the input's
};

struct Context {
  const Assessor::Impl& impl;
  const AssessmentInput& in;
  Date as_of{};
  const RunData& data;
  int precision = 2;
  const Summary& summary() const noexcept { return *data.summary; }
};

// Dates as one ordered integer, so loops over millions of facts compare
// words instead of year, month and day in turn.
inline std::int32_t packed(Date d) noexcept {
  return (static_cast<std::int32_t>(d.year()) << 9) |
         (static_cast<std::int32_t>(static_cast<unsigned>(d.month())) << 5) |
         static_cast<std::int32_t>(static_cast<unsigned>(d.day()));
}

// A report's outcome as of the date: 0 on time, 1 late (迟报), 2 missing
// (漏报, also when reported only after as_of). For an instance due by as_of.
inline int report_outcome(const ReportFact& f, std::int32_t due, std::int32_t as_of) noexcept {
  // Added up rather than chosen, so that it compiles without a branch
  // (which reports are missing follows no pattern a predictor learns): a
  // missing report is read as made on its due date, which is neither late
  // nor after as_of, and counts 2 for being missing.
  const std::int32_t reported = packed(f.reported.value_or(f.due));
  return (reported > due ? 1 : 0) + (reported > as_of ? 1 : 0) + (f.reported.has_value() ? 0 : 2);
}

// Derives the summary (throws for task facts the plan contradicts, and
// calendar errors, as a run does).
std::shared_ptr<Summary> summarize(const Assessor::Impl& impl, const AssessmentInput& in, Date as_of);

// One item's score for one slot before roll-up.
struct Tally {
  double score = 0;
  bool applicable = true;
  bool hit = false;   // veto: the predicate held
  double lost = 0;    // deduction: points taken off
};

// One completion item's part of the plan's task scores: each task it
// judges (TaskScore::task set, possible > 0), in task order, and the same
// added up by category in task order (by index into Plan::categories; the
// last: tasks in none), which is all the result needs when no other item
// scores tasks.
struct TaskShares {
  std::vector<TaskScore> tasks;
  std::vector<double> earned;
  std::vector<double> possible;
};

// Where a rule writes: every slot (only == kNone), or one slot with its
// explanation under `trace`.
struct Sink {
  std::span<Tally> out;  // by slot; the plan's slot is the last
  std::uint32_t only = kNone;
  Explanation* trace = nullptr;
  TaskShares* task_scores = nullptr;  // a completion item's, when the run keeps them

  bool wants(std::uint32_t slot) const noexcept { return only == kNone || only == slot; }
  Explanation* node(std::uint32_t slot) const noexcept { return only == slot ? trace : nullptr; }
};

// Scores of the items already evaluated, by item then slot (item:ID).
using Earlier = std::vector<std::vector<Tally>>;

TaskStatus judge(const Context& ctx, std::uint32_t task, const TaskFact* fact);
// The full status of a task for a unit (its own fact, else the task's).
TaskStatus status_of(const Context& ctx, std::uint32_t task, std::uint32_t unit);
std::string describe(const Context& ctx, const TaskStatus& s);

void score_completion(const Context& ctx, const CompiledItem& item, const Sink& sink);
void score_timeliness(const Context& ctx, const CompiledItem& item, const Sink& sink);
void score_ratio(const Context& ctx, const CompiledItem& item, const Sink& sink);
void score_yoy(const Context& ctx, const CompiledItem& item, const Sink& sink);
void score_bands(const Context& ctx, const CompiledItem& item, const Sink& sink, const Earlier& earlier);
void score_events(const Context& ctx, const CompiledItem& item, const Sink& sink);  // deduction, bonus, veto by events
void score_formula(const Context& ctx, const CompiledItem& item, const Sink& sink, const Earlier& earlier);  // formula, veto by when

// Dispatches on the rule, then rounds each wanted slot's score.
void score_item(const Context& ctx, const CompiledItem& item, const Sink& sink, const Earlier& earlier);

// Per slot: a metric's value (own values plus the credited share of joint
// ones; the plan: every value). Writes one node per value into `trace`
// for the traced slot. `areas` (when the metric is 县均) gets per-slot,
// per-area sums, area-major within a slot.
struct MetricTotals {
  std::vector<double> value;      // by slot
  std::vector<double> area_value;  // slot * areas + area
};
MetricTotals metric_totals(const Context& ctx, const CompiledItem& item, const std::string& metric,
                           const MetricInfo& info, bool per_area, const Sink& sink, Explanation* trace);
// The metric's plan facts (target, scope, tasks), empty when the plan has none.
const MetricInfo* find_metric(const Assessor::Impl& impl, const std::string& metric);

// A metric's baseline (去年) for a slot: the item's, the unit's own, the
// joint one, or (the plan) the units' added up; Errc::inval when none.
double baseline_for(const Context& ctx, const CompiledItem& item, const std::string& metric, std::uint32_t slot,
                    std::string* source);

// A source's value for every wanted slot; `trace` receives the facts.
std::vector<double> source_values(const Context& ctx, const CompiledItem& item, const SourceRef& source,
                                  const Sink& sink, const Earlier& earlier, Explanation* trace);

// Attributable events of the given kinds, for deduction, bonus, veto and
// events:KIND: per slot, the weighted points (or, with count, how many).
std::vector<double> event_sums(const Context& ctx, const CompiledItem& item, const std::vector<std::string>& kinds,
                               bool count, const Sink& sink, Explanation* trace);

// "input tasks[3]: …" errors.
[[noreturn]] void input_error(std::string_view where, std::size_t index, const std::string& message);

}  // namespace duban::scoring

namespace duban {

// A summary with its stamp: which Assessor made it, for which date, over
// which task and report vectors. A run uses it only when all of them fit.
struct InputSummaries::Entry {
  std::weak_ptr<const Assessor::Impl> impl;
  Date as_of{};
  const TaskFact* tasks = nullptr;
  std::size_t n_tasks = 0;
  const ReportFact* reports = nullptr;
  std::size_t n_reports = 0;
  std::shared_ptr<const scoring::Summary> summary;
};

// What explanation() needs to retrace a run: the bound scheme, the input,
// what the run derived from it, and the item scores it computed.
struct Assessment::State {
  std::shared_ptr<const Assessor::Impl> impl;
  std::shared_ptr<const AssessmentInput> input;
  std::shared_ptr<const scoring::RunData> data;
  Date as_of{};
  scoring::Earlier scores;  // by item, then slot
};

}  // namespace duban

namespace duban::scoring {

// SHA-256 over the run's inputs, lower-case hex.
std::string run_digest(const Assessor::Impl& impl, const AssessmentInput& in, Date as_of);

}  // namespace duban::scoring
