// Assessment scoring (考核评价): a scheme of rules and points, applied to a
// plan's units as of a date, rolled up per item, group, task, category,
// unit and plan, graded and ranked, with every point explained.
//
// Four parts, each usable on its own:
//  1. Scheme: groups of items (分值), each with a rule (completion,
//     timeliness, ratio to target, year-over-year, bands, deduction, bonus,
//     veto, formula), a selector saying what it applies to, role weights
//     and a credit split policy. Written by hand in TOML or exchanged as
//     JSON; both are read strictly, errors naming the file, line and field.
//  2. AssessmentInput: what the assessment looks at, as plain facts — when
//     each task was done and its due dates, each recurring report on time,
//     late or missing, indicator values, baselines, deduction and bonus
//     events, named values. Built from the ledger (assessment_input) or read
//     from a file; the engine does not care which.
//  3. Assessor: a scheme checked against one plan, directory and calendar,
//     prepared once; run(input, as_of) scores as often as wanted.
//  4. Assessment: the scores, grades and ranking; explanation() rebuilds
//     any unit's tree down to the fact that produced each number; to_json()
//     is byte-identical for the same plan, scheme, input and date.
// docs/assess.md describes the rules and the file formats.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duban/calendar.hpp"
#include "duban/deadline.hpp"
#include "duban/graph.hpp"
#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban {

// ---------------------------------------------------------------------------
// Schemes.

// Values cross the C API: never renumber.
enum class RuleKind : int {
  completion = 1,  // done by the due date; late loses per working day (floored); not done loses all
  timeliness = 2,  // recurring reports: on-time rate, or per late (迟报) and missing (漏报) report
  ratio = 3,       // actual / target × points, capped; higher or lower is better
  yoy = 4,         // against a baseline (去年): full when not below it, proportional below
  bands = 5,       // points by the range a value falls in
  deduction = 6,   // events (通报批评) take points off, capped, floored
  bonus = 7,       // events (领导批示肯定) add points, capped by the item's points
  veto = 8,        // 一票否决: a predicate zeroes a group or the total, or caps the grade
  formula = 9,     // a muParser expression over named inputs
};

enum class ExtensionPolicy : int {
  extended = 1,  // an approved extension's date is the due date (default)
  original = 2,  // the plan's date counts, whatever was extended
};

enum class Better : int { higher = 1, lower = 2 };

// How a unit's part is weighed when several units share a task's event or
// a joint indicator value. Role weights scale what a unit loses (or gains)
// on a subject it holds in that role, under every policy.
enum class CreditSplit : int {
  each = 1,      // every unit of the task gets the whole amount × its role weight
  equal = 2,     // the amount divided equally among the task's units
  weighted = 3,  // the amount × the unit's role weight / the sum of the units' weights
};

enum class TimelinessMode : int {
  rate = 1,    // points × on-time share (late reports count late_credit)
  deduct = 2,  // points − per_late × late − per_missing × missing, capped (扣完为止)
};

// How a 县均 target is judged over the recipient areas.
enum class AreaRule : int {
  each = 1,     // every area against the target; the item is the mean of the areas' scores
  average = 2,  // the mean over the areas against the target
};

enum class VetoEffect : int {
  zero_group = 1,  // every item of the named group scores 0
  zero_total = 2,  // the total (base and bonus) is 0
  cap_grade = 3,   // the grade is at best the named grade
};

// What happens to an item a unit has nothing to be judged on (no task, no
// report due). Values cross the C API: never renumber.
enum class NotApplicable : int {
  full = 1,     // the item scores its full points (无此项任务的不扣分)
  rescale = 2,  // left out; the unit's base is rescaled to the scheme total
};

std::string_view to_string(RuleKind kind) noexcept;
std::string_view to_string(ExtensionPolicy policy) noexcept;
std::string_view to_string(Better better) noexcept;
std::string_view to_string(CreditSplit split) noexcept;
std::string_view to_string(TimelinessMode mode) noexcept;
std::string_view to_string(AreaRule rule) noexcept;
std::string_view to_string(VetoEffect effect) noexcept;
std::string_view to_string(NotApplicable policy) noexcept;
std::optional<RuleKind> rule_kind_from_string(std::string_view text) noexcept;
std::optional<ExtensionPolicy> extension_policy_from_string(std::string_view text) noexcept;
std::optional<Better> better_from_string(std::string_view text) noexcept;
std::optional<CreditSplit> credit_split_from_string(std::string_view text) noexcept;
std::optional<TimelinessMode> timeliness_mode_from_string(std::string_view text) noexcept;
std::optional<AreaRule> area_rule_from_string(std::string_view text) noexcept;
std::optional<VetoEffect> veto_effect_from_string(std::string_view text) noexcept;
std::optional<NotApplicable> not_applicable_from_string(std::string_view text) noexcept;

struct RoleWeights {
  double lead = 1;
  double responsible = 1;
  double support = 1;
  double of(Role role) const noexcept;
  friend bool operator==(const RoleWeights&, const RoleWeights&) = default;
};

// What an item applies to. Empty: the tasks of the group's category when
// the group names one, else every task.
struct Selector {
  bool all = false;                 // every task
  std::vector<std::string> tasks;   // task keys
  std::string category;             // a plan category, by title or number
  std::string metric;               // an indicator (ratio, yoy, bands default source)
  std::vector<std::string> units;   // only these units (names or aliases); others: not applicable
  std::optional<Role> role;         // only tasks a unit holds in this role
  friend bool operator==(const Selector&, const Selector&) = default;
};

// [from, to): either end may be open.
struct Band {
  std::optional<double> from;
  std::optional<double> to;
  double points = 0;
  friend bool operator==(const Band&, const Band&) = default;
};

// A formula or veto input: a variable name (ASCII, muParser's rules) and
// where its value comes from (docs/assess.md, "Sources"):
//   indicator:METRIC  ratio:METRIC  baseline:METRIC  value:NAME
//   item:ID (an earlier item's score)  events:KIND (how many)
struct NamedSource {
  std::string name;
  std::string source;
  friend bool operator==(const NamedSource&, const NamedSource&) = default;
};

// Every rule's parameters; which ones mean something depends on the kind,
// and the scheme readers refuse the others.
struct Rule {
  RuleKind kind = RuleKind::completion;
  // completion
  double per_workday = 0;   // points lost per working day late
  double floor_ratio = 0;   // a late task keeps at least this share of its points (0..1)
  // timeliness
  TimelinessMode mode = TimelinessMode::rate;
  double late_credit = 0;   // rate: a late report counts this much of an on-time one (0..1)
  double per_late = 0;      // deduct
  double per_missing = 0;   // deduct
  // ratio, yoy
  std::optional<double> target;    // default: the plan target of the selector's metric
  std::optional<double> baseline;  // default: the input's baseline of the metric
  Better better = Better::higher;
  std::string scope;               // 县均; default: the plan target's scope
  AreaRule area_rule = AreaRule::each;
  // ratio, deduction, formula: the most an item may score (ratio, formula;
  // default: its points) or lose (deduction; default: its points)
  std::optional<double> cap;
  std::optional<double> floor;     // deduction, formula: the least it may score (default 0)
  // bands
  std::vector<Band> bands;
  std::string source;              // bands: default indicator:<selector metric>
  // deduction, bonus, veto
  std::vector<std::string> events;  // event kinds (通报批评)
  std::optional<double> per_event;  // instead of each event's own points
  // veto
  VetoEffect effect = VetoEffect::zero_group;
  std::string group;  // zero_group: the group (default: the item's own)
  std::string grade;  // cap_grade: the best grade left
  // veto (`when`, nonzero = vetoed) and formula (`expr`)
  std::string expr;
  std::vector<NamedSource> inputs;
  friend bool operator==(const Rule&, const Rule&) = default;
};

struct Item {
  std::string id;    // unique in the scheme; what item:ID sources and diffs name
  std::string name;  // 工作机制
  double points = 0;
  Rule rule;
  Selector select;
  std::optional<RoleWeights> roles;  // default: the scheme's
  CreditSplit split = CreditSplit::each;
  int line = 0;  // source line, for messages
  friend bool operator==(const Item&, const Item&) = default;
};

struct Group {
  std::string name;      // 组织领导
  std::string category;  // the plan category its items select by default (title or number)
  bool bonus = false;    // 加分项: outside the base total, together at most Scheme::bonus_cap
  std::vector<Item> items;
  int line = 0;
  friend bool operator==(const Group&, const Group&) = default;
};

struct Grade {
  std::string name;  // 好
  double min = 0;    // the least total that earns it
  friend bool operator==(const Grade&, const Grade&) = default;
};

struct Scheme {
  std::string name;
  std::string version;  // stored with runs, so a rerun under another version says so
  std::string origin;   // the file it was read from, for messages
  double total = 100;   // the base points: the non-bonus items add up to it
  double bonus_cap = 0;  // the bonus groups together at most this; 0: only the bonus items' own points
  int precision = 2;    // decimals each item score is rounded to; sums add rounded scores
  ExtensionPolicy extension = ExtensionPolicy::extended;
  NotApplicable not_applicable = NotApplicable::full;
  std::vector<std::string> areas;  // recipient areas (受援县), for 县均 targets
  // The units assessed: these names, or every unit of these kinds holding a
  // task, or (both empty) every unit holding a task. Groups never are.
  std::vector<std::string> units;
  std::vector<UnitKind> unit_kinds;
  RoleWeights roles;
  std::vector<Grade> grades;  // best first, each min lower than the one before
  // Ranking tie-breaks, in order: "base", "bonus", "deductions" (fewer
  // points lost first), "group:NAME", "item:ID", "name" (Unicode order),
  // "directory". Units still tied share a rank.
  std::vector<std::string> tie_break;
  std::vector<Group> groups;
  friend bool operator==(const Scheme&, const Scheme&) = default;
};

// Scheme files (docs/assess.md). Errors are Errc::parse (syntax) or
// Errc::inval (a field missing, unknown, of the wrong type or out of
// range), each "ORIGIN:LINE: FIELD: message", e.g.
// "ew.scheme.toml:42: groups[1].items[0].points: must be >= 0".
Scheme parse_scheme_toml(std::string_view text, std::string_view origin = "scheme.toml");
Scheme parse_scheme_json(std::string_view text, std::string_view origin = "scheme.json");
// By extension: .toml, else JSON. Errc::io when the file cannot be read.
Scheme load_scheme(const std::string& path);
// Deterministic JSON that parse_scheme_json reads back to an equal scheme
// (apart from `origin` and the source lines).
std::string to_json(const Scheme& scheme, int indent = 2);

// ---------------------------------------------------------------------------
// What the assessment looks at.

// One task's completion. A fact for unit 0 is the task's; a fact naming a
// unit is that unit's own part and wins for it.
struct TaskFact {
  TaskId task = 0;
  UnitId unit = 0;
  std::optional<Date> done;          // nullopt: not done
  std::optional<Date> due;           // nullopt: the plan's date, after the holiday shift
  std::optional<Date> extended_due;  // an approved extension
  std::int64_t ref = 0;              // the ledger event behind it, 0 for none
  friend bool operator==(const TaskFact&, const TaskFact&) = default;
};

// One unit's report for one instance of a recurring task, named by the
// instance's due date. Reported after the due date: late (迟报); not
// reported, or only after as_of: missing (漏报). Instances due after as_of
// do not count yet.
struct ReportFact {
  TaskId task = 0;
  UnitId unit = 0;
  Date due{};
  std::optional<Date> reported;
  std::int64_t ref = 0;
  friend bool operator==(const ReportFact&, const ReportFact&) = default;
};

// A reported quantity. Unit 0 is a joint value of the task's units, shared
// by the item's credit split. Values dated after as_of are not known yet.
struct IndicatorValue {
  std::string metric;
  UnitId unit = 0;
  TaskId task = 0;
  std::string area;  // a recipient area, for 县均 targets
  double value = 0;
  std::optional<Date> date;
  std::string ref;
  friend bool operator==(const IndicatorValue&, const IndicatorValue&) = default;
};

// Last year's value (去年) of a metric: for a unit, or (unit 0) for all.
struct BaselineValue {
  std::string metric;
  UnitId unit = 0;
  double value = 0;
  std::string ref;
  friend bool operator==(const BaselineValue&, const BaselineValue&) = default;
};

// A deduction or bonus event (通报批评, 领导批示肯定), or a veto event.
// For a unit, or (unit 0) for a task's units, or (both 0) the plan alone.
struct ScoreEvent {
  std::string kind;
  UnitId unit = 0;
  TaskId task = 0;
  Date date{};
  std::optional<double> points;  // the item's per_event when absent
  std::string reason;
  std::string ref;  // 沪合组办〔2025〕12号
  friend bool operator==(const ScoreEvent&, const ScoreEvent&) = default;
};

// A number a formula or veto reads by name (value:NAME).
struct NamedValue {
  std::string name;
  UnitId unit = 0;  // 0: for every unit without its own
  double value = 0;
  std::string ref;
  friend bool operator==(const NamedValue&, const NamedValue&) = default;
};

// What runs derive from an input before any rule reads it, for one
// Assessor and as-of date: each task's completion judged, and the report
// facts counted per task and unit (on time, late, missing), one small
// record per responsibility. The first run through the shared_ptr overload
// (or Assessor::prepare) makes it and keeps it here, so that later runs
// of a large input do not read its ten million report facts again
// (docs/assess.md, "Cost"); explanations still walk every fact.
//
// Not part of the input's value: a copy starts without any, == ignores
// them, merge() drops them. A run uses one only when the same Assessor (or
// a copy of it) made it for the same date over the same task and report
// vectors (address and length); otherwise it derives afresh. What it cannot
// see is a fact changed in place, through a non-const pointer, after a run:
// clear() first. Runs on several threads may share an input. At most four
// are kept (the oldest goes first).
class InputSummaries {
 public:
  InputSummaries() = default;
  InputSummaries(const InputSummaries&) noexcept {}
  InputSummaries& operator=(const InputSummaries&) noexcept;
  // A move keeps them: the vectors they were made over move along.
  InputSummaries(InputSummaries&& other) noexcept;
  InputSummaries& operator=(InputSummaries&& other) noexcept;
  ~InputSummaries();

  void clear() noexcept;
  std::size_t size() const noexcept;
  friend bool operator==(const InputSummaries&, const InputSummaries&) noexcept { return true; }

  struct Entry;  // lib/assess: the stamp and the summary

 private:
  friend class Assessor;
  mutable std::mutex mutex_;
  mutable std::vector<std::shared_ptr<const Entry>> entries_;
};

struct AssessmentInput {
  std::vector<TaskFact> tasks;
  std::vector<ReportFact> reports;
  std::vector<IndicatorValue> indicators;
  std::vector<BaselineValue> baselines;
  std::vector<ScoreEvent> events;
  std::vector<NamedValue> values;
  std::vector<std::string> areas;  // used when the scheme lists none
  InputSummaries summaries;        // derived, kept by runs: see above
  friend bool operator==(const AssessmentInput&, const AssessmentInput&) = default;
};

// The assessment input file (docs/assess.md): {"duban_assessment_input": 1,
// "areas", "tasks", "reports", "indicators", "baselines", "events",
// "values"}. Tasks by key, units by name; a report names its instance
// ("3@2025-03", expanded on the calendar) or its due date, and gives
// "reported", "late_workdays" or neither (missing). Errors name `origin`
// and the field: Errc::parse, Errc::encoding, Errc::inval.
AssessmentInput parse_assessment_input(std::string_view json, const Plan& plan, const Directory& directory,
                                       const WorkCalendar& calendar, std::string_view origin = "inputs");
AssessmentInput load_assessment_input(const std::string& path, const Plan& plan, const Directory& directory,
                                      const WorkCalendar& calendar);
// Appends `more` to `into`. A task fact for a task and unit `into` already
// has, or a report on the same instance by the same unit, replaces it: a
// file of corrections laid over what the ledger says. `into`'s summaries
// are dropped.
void merge(AssessmentInput& into, const AssessmentInput& more);

class Ledger;

// What the ledger says as of a date (docs/assess.md, "From the ledger"):
//  - tasks: each task with a record, done when the coordinating office
//    approved its closure (else at the first counting report of done or
//    100 percent after the latest return), with its original and current
//    (extended) due dates;
//  - reports: for each recurring task, each instance due on or before
//    as_of and each unit holding the task, the unit's first report on the
//    instance (none: missing);
//  - indicators: each unit's latest reported value per metric (a metric
//    written METRIC@AREA names a recipient area), from reports in effect.
// Events, baselines and named values are not kept in the ledger: merge()
// a file of them.
AssessmentInput assessment_input(const Ledger& ledger, std::int64_t plan_id, const Plan& plan,
                                 const ResponsibilityGraph& graph, const WorkCalendar& calendar, Date as_of);

// ---------------------------------------------------------------------------
// Results.

struct ItemScore {
  double score = 0;
  bool applicable = true;  // false: nothing to judge (NotApplicable decides the score)
  bool vetoed = false;     // zeroed by a veto
  friend bool operator==(const ItemScore&, const ItemScore&) = default;
};

struct GroupScore {
  double score = 0;
  double points = 0;  // what its items can give
  bool vetoed = false;
  friend bool operator==(const GroupScore&, const GroupScore&) = default;
};

// A veto that applied: which item, what it did.
struct VetoHit {
  std::string item;  // the veto item's id
  VetoEffect effect = VetoEffect::zero_group;
  std::string target;  // the group zeroed, or the grade cap
  friend bool operator==(const VetoHit&, const VetoHit&) = default;
};

// One unit's scores, or (unit 0) the plan's.
struct UnitScore {
  UnitId unit = 0;
  std::string name;
  std::vector<ItemScore> items;    // in scheme order (groups, then items)
  std::vector<GroupScore> groups;  // in scheme order
  double base = 0;        // the non-bonus groups (rescaled under NotApplicable::rescale)
  double bonus = 0;       // the bonus groups, at most Scheme::bonus_cap
  double deductions = 0;  // points lost in deduction items (for tie-breaks)
  double total = 0;       // base + bonus, or 0 when vetoed so
  std::string grade;
  std::vector<VetoHit> vetoes;
  int rank = 0;  // 1-based; 0 for the plan
  friend bool operator==(const UnitScore&, const UnitScore&) = default;
};

// A task's points in the plan's score: what completion items (and items
// selecting that task alone) gave it, against what they could. Shares of
// items' points, not rounded to the scheme's precision.
struct TaskScore {
  TaskId task = 0;
  double earned = 0;
  double possible = 0;
  friend bool operator==(const TaskScore&, const TaskScore&) = default;
};

struct CategoryScore {
  int category = -1;  // index into Plan::categories; -1: tasks in none
  double earned = 0;
  double possible = 0;
  friend bool operator==(const CategoryScore&, const CategoryScore&) = default;
};

// Why a number is what it is. Each node explains `points` (when set) by
// its rule and arithmetic, down to the facts (reports, values, events).
struct Explanation {
  std::string what;        // "item 1.1 工作机制", "task 1 健全工作机制", "通报批评 2025-05-20"
  std::optional<double> points;
  std::string rule;        // "completion", "timeliness", …, "sum", "veto"
  std::string arithmetic;  // "2.5 − min(1.25, 0.2 × 3) × 0.8 = 2.02"
  std::string source;      // where the fact came from: "event 17", "沪合组办〔2025〕12号"
  std::vector<Explanation> children;
  friend bool operator==(const Explanation&, const Explanation&) = default;
};

struct Assessment {
  Date as_of{};
  std::string scheme_name;
  std::string scheme_version;
  // SHA-256 (hex) over the plan, the directory's names, the scheme, the
  // input and the date: two runs with the same digest saw the same things.
  std::string digest;
  UnitScore plan;               // unit 0: the plan as a whole
  std::vector<UnitScore> units;  // the assessed units, in directory order
  std::vector<TaskScore> tasks;  // the plan's tasks with possible > 0, in plan order
  std::vector<CategoryScore> categories;
  // Indices into `units`, best first; tied units share a rank and keep
  // directory order.
  std::vector<std::size_t> ranking;

  const UnitScore* find(UnitId unit) const noexcept;  // 0: the plan

  struct State;  // lib/assess: what explanation() needs to retrace a score
  std::shared_ptr<const State> state;
};

// ---------------------------------------------------------------------------
// Running.

struct AssessOptions {
  bool digest = true;  // compute Assessment::digest (reads the whole input once more)
  friend bool operator==(const AssessOptions&, const AssessOptions&) = default;
};

// A scheme bound to one plan: selectors resolved, formulas compiled, the
// responsibility table laid out for scoring. Immutable once built.
class Assessor {
 public:
  // Throws Errc::inval naming the scheme's origin, line and field for what
  // the plan contradicts: an unknown task, category, unit, metric without a
  // target, grade or group; item ids repeated; item:ID naming a later item;
  // a formula that does not parse or uses a variable it does not declare;
  // non-bonus points that do not add up to the total.
  Assessor(const Plan& plan, const Directory& directory, const ResponsibilityGraph& graph,
           std::shared_ptr<const WorkCalendar> calendar, Scheme scheme);
  Assessor(const Assessor&) = default;
  Assessor& operator=(const Assessor&) = default;
  ~Assessor() = default;

  const Scheme& scheme() const noexcept;
  // The assessed units, in directory order.
  std::vector<UnitId> units() const;

  // Throws Errc::inval for input that contradicts the plan (an unknown
  // task, a unit that does not hold the task it reports on, an area not
  // among the recipient areas, two task facts for one task and unit),
  // naming the input entry; calendar errors pass through.
  //
  // The first overload runs on a copy of the input, so every run derives
  // its summary afresh. The second keeps the summary with the input
  // (AssessmentInput::summaries) and reuses it on later runs for the date.
  Assessment run(const AssessmentInput& input, Date as_of, const AssessOptions& options = {}) const;
  Assessment run(std::shared_ptr<const AssessmentInput> input, Date as_of, const AssessOptions& options = {}) const;

  // Derives the summary of `input` for `as_of` now and keeps it with the
  // input, as the first run through the shared_ptr overload would: for a
  // caller that wants its cost paid (or timed) before the runs. Throws what
  // run() throws for the task facts and the calendar.
  void prepare(const AssessmentInput& input, Date as_of) const;

  struct Impl;

 private:
  // The input's summary for this Assessor and date: the kept one when its
  // stamp fits, else a new one, which is kept.
  std::shared_ptr<const InputSummaries::Entry> summary(const AssessmentInput& input, Date as_of) const;

  std::shared_ptr<const Impl> impl_;
};

// Assessor(...).run(...), building the graph.
Assessment assess(const Plan& plan, const Directory& directory, const Scheme& scheme, const AssessmentInput& input,
                  Date as_of, std::shared_ptr<const WorkCalendar> calendar = WorkCalendar::builtin());

// The tree behind one unit's scores (unit 0: the plan): total, groups,
// items, and under each item the tasks, reports, values or events it
// judged. Throws Errc::notfound for a unit that was not assessed.
Explanation explanation(const Assessment& result, UnitId unit);
// The same, as indented text for a person.
std::string explain(const Assessment& result, UnitId unit);

struct ResultJsonOptions {
  int indent = 2;
  bool explanations = true;  // each unit's (and the plan's) tree
};
// Deterministic: the same plan, scheme, input and date give byte-identical
// text. Numbers are rounded to 6 decimals. docs/assess.md has the layout.
std::string to_json(const Assessment& result, const ResultJsonOptions& options = {});
// One tree as JSON: {"what", "points", "rule", "arithmetic", "source", "children"}.
std::string to_json(const Explanation& explanation, int indent = 2);

// ---------------------------------------------------------------------------
// Comparing and storing runs.

// One number that differs between two results: "total", "base", "bonus",
// "rank", "grade" (text in before_text/after_text), "group:NAME",
// "item:ID", for a unit (its name) or the plan ("").
struct ScoreChange {
  std::string unit;
  std::string field;
  std::optional<double> before;  // nullopt: absent in that result
  std::optional<double> after;
  std::string before_text;
  std::string after_text;
  friend bool operator==(const ScoreChange&, const ScoreChange&) = default;
};

struct ResultDiff {
  std::string before_digest;
  std::string after_digest;
  std::string before_version;  // the schemes' versions
  std::string after_version;
  std::vector<ScoreChange> changes;  // plan first, then units by name order of `after`
  bool same() const noexcept { return changes.empty(); }
};

// Compares two to_json() results. Errc::parse / Errc::inval for text that
// is not one, naming which.
ResultDiff diff_results(std::string_view before_json, std::string_view after_json);
std::string to_text(const ResultDiff& diff);

struct StoredRun {
  std::int64_t id = 0;
  std::string created;  // UTC, 2025-03-01T08:30:00Z
  std::string scheme_name;
  std::string scheme_version;
  std::string as_of;
  std::string digest;
  friend bool operator==(const StoredRun&, const StoredRun&) = default;
};

// Runs kept in the ledger file, in a table of their own (assess_runs) that
// the ledger's audit chain does not cover. The file must be a duban
// ledger (Errc::inval otherwise, Errc::notfound when missing).
std::int64_t store_run(const std::string& ledger_path, const Assessment& result, std::int64_t plan_id = 0);
std::vector<StoredRun> stored_runs(const std::string& ledger_path);
// The run's to_json() text. Errc::notfound for an unknown id.
std::string load_run(const std::string& ledger_path, std::int64_t id);

}  // namespace duban
