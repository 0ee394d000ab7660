// Status and warning light of every task and every recurring-obligation
// instance as of a date: what is due, what is late, who is behind.
//
// Three steps, each usable on its own:
//  1. subjects_of(plan, …) lists what is watched: every task in plan order,
//     each recurring task followed by its instances (deadline.hpp's expand)
//     in period order, each with its due date settled on the calendar;
//  2. evaluate(subjects, calendar, as_of, facts, options) gives each one a
//     Status and a Light, with the reasons (which rule, which numbers);
//  3. the views pick items out of the report: by light, by category, by
//     unit (what a unit leads, shares or supports, through its groups too).
//
// Progress comes in as ProgressFacts: reported percentages, done dates and
// extension requests per task and per instance, as known to the caller (the
// progress ledger fills them from reports). Facts dated after `as_of` are
// not known yet and are ignored, so the status on any past date can be
// rebuilt from the same facts. docs/progress.md describes the rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "duban/calendar.hpp"
#include "duban/deadline.hpp"
#include "duban/graph.hpp"
#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban {

// Values cross the C API and are stored: never renumber. One byte, like
// Light: a province-wide report holds a million of each.
enum class Status : std::uint8_t {
  not_yet_due = 1,   // not done, due later than the due-soon window
  due_soon = 2,      // not done, due within LightRules::due_soon_workdays working days (today included)
  overdue = 3,       // not done, the due date has passed
  done_on_time = 4,  // done on or before the due date (or done with no hard date)
  done_late = 5,     // done after the due date
  ongoing = 6,       // not done, no hard date (持续推进, 常态化, or a duty made of instances)
};

// Ordered by severity, so the worse of two lights is the larger. Values
// cross the C API: never renumber.
enum class Light : std::uint8_t {
  green = 1,
  blue = 2,  // approaching, for offices that use four colours (LightRules::four_colour)
  yellow = 3,
  red = 4,
};

// Which rule a reason comes from. Values cross the C API: never renumber.
enum class ReasonCode : int {
  not_yet_due = 1,         // date: due; workdays: working days left
  approaching = 2,         // blue. date: due; workdays: left; limit: LightRules::approaching_workdays
  due_soon = 3,            // yellow. date: due; workdays: left; limit: LightRules::due_soon_workdays
  overdue = 4,             // red. date: due; workdays: working days late
  done_on_time = 5,        // date: done
  done_late = 6,           // LightRules::done_late. date: done; workdays: working days late
  ongoing = 7,             // no hard date
  lag = 8,                 // yellow or red. date: the report; expected, actual (percent); limit: the bound passed
  extension_approved = 9,  // date: the new due date (after the holiday shift)
  extension_refused = 10,  // date: the date asked for
  extension_pending = 11,  // date: the date asked for
  extension_late = 12,     // not honoured: asked after the due date. date: the request
  instances = 13,          // a recurring task: its worst instances. count: how many; item: the first of them
  provisional_due = 14,    // the due date's year has no calendar: date is the stated day, not shifted
};

std::string_view to_string(Status status) noexcept;
std::string_view to_string(Light light) noexcept;
std::string_view to_string(ReasonCode code) noexcept;
std::optional<Status> status_from_string(std::string_view text) noexcept;
std::optional<Light> light_from_string(std::string_view text) noexcept;
std::optional<ReasonCode> reason_code_from_string(std::string_view text) noexcept;

// ---------------------------------------------------------------------------
// What is watched.

// One task, or one dated instance of a recurring task.
struct Subject {
  TaskId task = 0;       // the plan task (for an instance, the obligation's task)
  std::string instance;  // Occurrence::id ("3@2025-03"); empty for the task itself
  std::string period;    // Occurrence::period ("2025-03"); empty for a task
  // Nominal and effective due date; nullopt when there is no hard date
  // (ongoing, or a task whose duty is its instances).
  std::optional<Due> due;
  // The due date's year has no published calendar: `due` holds the stated
  // day twice, not shifted, and working-day counts may be unknown.
  bool provisional = false;
  bool recurring = false;  // a task with a recurrence: its light rolls up its instances' lights
  Date start{};            // tasks: where the expected-progress curve starts (the assignment)
  std::vector<Milestone> milestones;  // tasks: 阶段目标; none means one milestone at the due date

  bool is_instance() const noexcept { return !instance.empty(); }
  friend bool operator==(const Subject&, const Subject&) = default;
};

struct SubjectOptions {
  Roll shift = Roll::following;  // a due day that is not worked moves (遇节假日顺延)
  // When the work starts: the curve's start and the assignment date of
  // 15个工作日内. Default: the plan's issue date, else January 1 of its year.
  std::optional<Date> start;
  // Also list instances whose period has not begun by `as_of` (by default a
  // period is listed once it has begun: nothing can be reported on before).
  bool all_instances = false;
  friend bool operator==(const SubjectOptions&, const SubjectOptions&) = default;
};

// Every task in plan order, each recurring task followed by its instances
// for the plan year (the periods that end in it, so a December or Q4 report
// due in the next year is included). A plan with year 0 takes as_of's
// year. A due date in a year without a calendar is kept provisional rather
// than failing the whole plan; other calendar errors propagate. Throws
// Errc::inval for a bad recurrence, naming the task.
std::vector<Subject> subjects_of(const Plan& plan, const WorkCalendar& calendar, Date as_of,
                                 const SubjectOptions& options = {});

// ---------------------------------------------------------------------------
// What is known about progress.

struct ProgressPoint {
  Date date;            // as of this day
  double percent = 0;   // 0..100
  friend bool operator==(const ProgressPoint&, const ProgressPoint&) = default;
};

// Values cross the C API and are stored: never renumber.
enum class Decision : int { pending = 0, approved = 1, refused = 2 };

std::string_view to_string(Decision decision) noexcept;
std::optional<Decision> decision_from_string(std::string_view text) noexcept;

// An extension request (延期申请). It must be made on or before the due date
// it would move (前 is inclusive); a later one is not honoured.
struct Extension {
  Date requested;                // when it was asked for
  Date until;                    // the new due date asked for; later than the due date it moves
  Decision decision = Decision::pending;
  std::optional<Date> decided;   // when it was approved or refused; default: the request day
  std::string note;
  friend bool operator==(const Extension&, const Extension&) = default;
};

struct ItemFacts {
  std::vector<ProgressPoint> progress;  // any order; the latest on or before as_of counts
  // When the work was done. Without it, the first report of 100 percent
  // counts as done on its date.
  std::optional<Date> done;
  std::vector<Extension> extensions;  // any order; taken in order of request
  friend bool operator==(const ItemFacts&, const ItemFacts&) = default;
};

// Facts for subjects nobody mentions are empty; facts for ids no subject has
// are ignored.
struct ProgressFacts {
  std::map<TaskId, ItemFacts> tasks;
  std::unordered_map<std::string, ItemFacts> instances;  // by Occurrence::id

  // The facts for a subject, or null.
  const ItemFacts* find(const Subject& subject) const;
  bool empty() const noexcept { return tasks.empty() && instances.empty(); }
  friend bool operator==(const ProgressFacts&, const ProgressFacts&) = default;
};

// The progress facts file (docs/progress.md): {"duban_progress": 1, "items":
// [{"task": KEY | "instance": ID, "done", "progress", "extensions"}]}. Task
// keys resolve through `plan`; an instance id must start with the key of a
// recurring task. Errors name `origin` and the field: Errc::parse (not
// JSON), Errc::encoding (not UTF-8), Errc::inval (a wrong or unknown field,
// an unknown task, a percent outside 0..100, an impossible extension).
ProgressFacts parse_progress_facts(std::string_view json, const Plan& plan,
                                   std::string_view origin = "progress facts");
ProgressFacts load_progress_facts(const std::string& path, const Plan& plan);

// ---------------------------------------------------------------------------
// The rules.

struct LightRules {
  // Yellow when not done and due within this many working days: the working
  // days after as_of up to the due date, so 0 is "due today".
  int due_soon_workdays = 3;
  // Yellow when progress lags the expected progress by at least lag_yellow
  // points (and at most lag_red); red when by more than lag_red. Lags are
  // compared rounded to hundredths of a point.
  double lag_yellow = 10;
  double lag_red = 30;
  // Four colours: blue when not done and due within approaching_workdays
  // working days but not yet within due_soon_workdays.
  bool four_colour = false;
  int approaching_workdays = 10;
  // The light of work done late (the rules leave it green).
  Light done_late = Light::green;
  friend bool operator==(const LightRules&, const LightRules&) = default;
};

// Which due date counts when an extension was approved. Values cross the C
// API: never renumber.
enum class DueBasis : int {
  current = 1,   // the date after approved extensions
  original = 2,  // the plan's date, as if no extension had been approved
};

std::string_view to_string(DueBasis basis) noexcept;
std::optional<DueBasis> due_basis_from_string(std::string_view text) noexcept;

struct StatusOptions {
  LightRules rules;
  DueBasis basis = DueBasis::current;
  // Measure expected progress in working days (the curve stands still over
  // National Day) rather than calendar days.
  bool workday_curve = true;
  Roll shift = Roll::following;  // an approved extension date that is not worked moves
  friend bool operator==(const StatusOptions&, const StatusOptions&) = default;
};

// ---------------------------------------------------------------------------
// The result.

// Why an item has its light. Which fields mean something depends on the
// code (see ReasonCode); the others are zero.
struct Reason {
  ReasonCode code = ReasonCode::not_yet_due;
  Light light = Light::green;  // the light this rule calls for; green for information
  Date date{};
  int workdays = 0;     // -1 when it cannot be counted (a provisional due date)
  int count = 0;
  double limit = 0;     // the rule's bound: working days, or points of lag
  double expected = 0;  // percent
  double actual = 0;    // percent
  std::size_t item = 0;  // instances: index in the report of the first worst instance

  double lag() const noexcept { return expected - actual; }
  friend bool operator==(const Reason&, const Reason&) = default;
};

// One item's status, compact (60 bytes): the reasons are not stored here
// but derived from these fields when asked for (StatusReport::reasons_of),
// so a report of a million instances stays small and its reasons always
// agree with its numbers. Percentages are kept to hundredths of a point.
struct ItemStatus {
  Status status = Status::not_yet_due;
  Light light = Light::green;        // the worst light of its reasons
  std::optional<Date> due;           // the date that counts (StatusOptions::basis)
  std::optional<Date> original_due;  // the plan's date, after the holiday shift
  std::optional<Date> current_due;   // after approved extensions; the original when none
  std::optional<Date> done;          // when done, if done on or before as_of
  std::optional<Date> reported;      // the date of the latest report on or before as_of
  // The date rule's count of working days: left (not_yet_due, due_soon) or
  // late (overdue, done_late); 0 otherwise; -1 when it cannot be counted.
  std::int32_t workdays = 0;
  // The reasons recorded rather than derived (extensions, a recurring
  // task's instances): StatusReport::recorded[first_recorded …].
  std::uint32_t first_recorded = 0;
  std::uint16_t recorded_count = 0;
  std::optional<float> expected;  // 序时进度 as of as_of, percent
  std::optional<float> actual;    // the latest reported percent on or before as_of
  friend bool operator==(const ItemStatus&, const ItemStatus&) = default;
};

struct LightCounts {
  int green = 0;
  int blue = 0;
  int yellow = 0;
  int red = 0;
  int of(Light light) const noexcept;
  int total() const noexcept { return green + blue + yellow + red; }
  friend bool operator==(const LightCounts&, const LightCounts&) = default;
};

struct StatusReport {
  Date as_of{};
  StatusOptions options;
  std::vector<Subject> subjects;  // in the order given
  std::vector<ItemStatus> items;  // items[i] is the status of subjects[i]
  std::vector<Reason> recorded;   // see ItemStatus::first_recorded

  // Item `item`'s reasons, in rule order: the date rule (or done, or
  // ongoing), lag, provisional_due, then the recorded ones (extensions in
  // request order, instances). Errc::range for an index not in the report.
  std::vector<Reason> reasons_of(std::size_t item) const;
  LightCounts counts() const noexcept;
};

// Status and light of each subject as of `as_of`. A recurring task's light
// is also the worst of its instances' (the instance subjects that share its
// task id). The lag rule needs a task subject with a valid `start` and a
// curve (milestones or a due date); instances have none. Throws
// Errc::inval for contradictory rules (due_soon_workdays < 0, lag_yellow >
// lag_red, …),
// impossible facts (a percent outside 0..100, an extension decided before
// it was asked for or not moving the date later) or milestones the curve
// cannot use, each naming the item; calendar errors pass through.
StatusReport evaluate(std::vector<Subject> subjects, const WorkCalendar& calendar, Date as_of,
                      const ProgressFacts& facts = {}, const StatusOptions& options = {});
// The same, into `into`, reusing its storage (its subjects are replaced by
// `subjects`, which may be moved out of `into` itself): for callers that
// refresh a large report again and again. On an error `into` is left empty.
void evaluate(StatusReport& into, std::vector<Subject> subjects, const WorkCalendar& calendar, Date as_of,
              const ProgressFacts& facts = {}, const StatusOptions& options = {});

// subjects_of(plan, …) then evaluate(…).
StatusReport evaluate(const Plan& plan, const WorkCalendar& calendar, Date as_of, const ProgressFacts& facts = {},
                      const StatusOptions& options = {}, const SubjectOptions& subjects = {});

// ---------------------------------------------------------------------------
// Views. Each lists indices into the report's items, in report order.

std::vector<std::size_t> items_with_light(const StatusReport& report, Light light);
LightCounts count_lights(const StatusReport& report, std::span<const std::size_t> items);

// Red, yellow, blue, green: a group per light that has items (blue only
// with four colours).
struct LightGroup {
  Light light = Light::green;
  std::vector<std::size_t> items;
};
std::vector<LightGroup> by_light(const StatusReport& report);

// One group per category of the plan, in plan order, then (category -1)
// the items of tasks in no category when there are any.
struct CategoryStatus {
  int category = -1;  // index into Plan::categories
  std::vector<std::size_t> items;
  LightCounts counts;
};
std::vector<CategoryStatus> by_category(const StatusReport& report, const Plan& plan);

// An item as one unit sees it: its role in the item's task.
struct UnitItem {
  std::size_t item = 0;
  Role role = Role::responsible;
  UnitId via_group = 0;  // as Assignment::via_group
  friend bool operator==(const UnitItem&, const UnitItem&) = default;
};

// What a unit leads, shares or supports (through its groups too, unless
// the query says otherwise): each of its tasks' items. Throws
// Errc::notfound for a unit the graph does not know.
std::vector<UnitItem> items_of_unit(const StatusReport& report, const ResponsibilityGraph& graph, UnitId unit,
                                    const TaskQuery& query = {});

struct UnitStatus {
  UnitId unit = 0;
  std::vector<UnitItem> items;
  LightCounts counts;
};
// One per unit holding a task (the matrix columns, in directory order).
std::vector<UnitStatus> by_unit(const StatusReport& report, const ResponsibilityGraph& graph);

// ---------------------------------------------------------------------------
// JSON (docs/progress.md): {"as_of", "due_basis", "four_colour", "counts",
// "items": [...]}, deterministic. The second form writes the chosen items
// only; the third a unit's view, each item with the unit's role.
std::string to_json(const StatusReport& report, const Plan& plan, int indent = 2);
std::string to_json(const StatusReport& report, const Plan& plan, std::span<const std::size_t> items,
                    int indent = 2);
std::string to_json(const StatusReport& report, const Plan& plan, const Directory& directory, UnitId unit,
                    std::span<const UnitItem> items, int indent = 2);

}  // namespace duban
