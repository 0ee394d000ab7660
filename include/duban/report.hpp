// Progress reports (进展填报) and the events of the ledger's history: what a
// unit reports on a task, how a task is closed (办结) or returned (退回),
// how its due date is extended (延期), and the audit chain over all of it.
//
// These are plain values; duban::Ledger (ledger.hpp) stores and checks them.
// Nothing here is ever updated in place: a correction is a new report that
// supersedes an earlier one, and every step of a workflow is a new event,
// so the state of the ledger on any past date can be rebuilt.
// docs/ledger.md describes the rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duban/plan.hpp"
#include "duban/units.hpp"

namespace duban {

// A stored plan's id: assigned by the ledger, never reused within one file.
using PlanId = std::int64_t;

// An event's place in the ledger's audit chain, counted from 1. Every event
// has one: reports, closure and extension steps, and changes to the plan,
// the directory or the ledger's settings.
using EventId = std::int64_t;

// Values are stored in ledgers and cross the C API: never renumber.
enum class ReportStatus : int {
  not_started = 1,  // 未开始
  in_progress = 2,  // 推进中
  done = 3,         // 已完成
  blocked = 4,      // 受阻
};

enum class EventKind : int {
  report = 1,
  closure_submitted = 2,    // the lead asks for the task to be closed, with evidence (申请办结)
  closure_approved = 3,     // the coordinating office closes it (办结)
  closure_returned = 4,     // the coordinating office returns it with a reason (退回); the task reopens
  extension_requested = 5,  // 申请延期
  extension_approved = 6,
  extension_refused = 7,
  coordinator_set = 8,  // the coordinating office changed
  directory_saved = 9,
  plan_saved = 10,
  // Calendar data (more years, local rules) loaded into the ledger: `text`
  // holds the data as calendar JSON (to_json(CalendarData)), evidence[0]
  // where it came from ("2027.json", "api"), the rest the notices it cites.
  calendar_loaded = 11,
};

// The hash of the audit chain, chosen when the chain starts and kept for
// the ledger's life. SM3 (GB/T 32905) is what government systems are asked
// to use; SHA-256 is there for systems that must match other tools.
enum class HashAlgorithm : int { sm3 = 1, sha256 = 2 };

enum class ClosureState : int {
  open = 0,       // never submitted
  submitted = 1,  // waiting for the coordinating office
  closed = 2,     // approved (办结)
  returned = 3,   // returned (退回): open again
};

enum class ExtensionDecision : int { pending = 0, approved = 1, refused = 2 };

// "not_started", "in_progress", "done", "blocked"; report_status_from_string
// also accepts 未开始, 推进中 (进行中), 已完成 (完成), 受阻.
std::string_view to_string(ReportStatus status) noexcept;
std::optional<ReportStatus> report_status_from_string(std::string_view text) noexcept;
// "report", "closure_submitted", … as the enumerators are spelt.
std::string_view to_string(EventKind kind) noexcept;
std::optional<EventKind> event_kind_from_string(std::string_view text) noexcept;
// "sm3", "sha256".
std::string_view to_string(HashAlgorithm algorithm) noexcept;
std::optional<HashAlgorithm> hash_algorithm_from_string(std::string_view text) noexcept;
std::string_view to_string(ClosureState state) noexcept;
std::string_view to_string(ExtensionDecision decision) noexcept;

// A reported quantity: 选派教师 2 名, 财政帮扶资金 1200 万元.
struct Indicator {
  std::string metric{};
  double value = 0;
  std::string unit{};
  friend bool operator==(const Indicator&, const Indicator&) = default;
};

// "METRIC=VALUE[UNIT]": 选派教师=2名, 财政帮扶资金=1200.5万元, 能耗=-3.5%.
// A full-width ＝ works too; spaces around the parts are dropped. Throws
// Errc::parse quoting the text when there is no metric or no number.
Indicator parse_indicator(std::string_view text);
// The same form back: "选派教师=2名".
std::string to_string(const Indicator& indicator);

// Who acts: a unit of the directory, and the person acting for it (free
// text, kept in the record; may be empty). Unit 0 is the host application
// itself, acting as the ledger's administrator: it may load plans and
// directories and set the coordinating office, never report or decide.
struct Actor {
  UnitId unit = 0;
  std::string user{};
  friend bool operator==(const Actor&, const Actor&) = default;
};

// What an event is about: a task of a stored plan, or one dated instance of
// a recurring task, named by its Occurrence id ("3@2025-03").
struct ItemRef {
  PlanId plan = 0;
  TaskId task = 0;
  std::string instance{};  // empty: the task itself
  friend bool operator==(const ItemRef&, const ItemRef&) = default;
};

// A progress report, as a unit gives it.
struct Report {
  ItemRef item{};
  Actor actor{};  // the reporting unit, and who filled it in
  Date date{};    // the day the report speaks for
  ReportStatus status = ReportStatus::in_progress;
  std::optional<double> percent{};  // 0..100
  std::string narrative{};
  std::vector<Indicator> indicators{};
  std::vector<std::string> evidence{};  // file names, document numbers
  // The earlier report on the same item this one corrects. From its date
  // on, the earlier one no longer counts; before it, it still does.
  std::optional<EventId> supersedes{};
  friend bool operator==(const Report&, const Report&) = default;
};

// One step of the closure or extension workflow.
struct Step {
  Actor actor{};
  Date date{};
  std::string reason{};                 // required to return, to refuse and to request an extension
  std::vector<std::string> evidence{};  // required to submit for closure
  friend bool operator==(const Step&, const Step&) = default;
};

// An event as stored. Which fields mean something depends on the kind; the
// others are empty.
struct Event {
  EventId id = 0;
  EventKind kind = EventKind::report;
  ItemRef item{};          // plan 0 for ledger-wide events (coordinator_set, directory_saved)
  std::string task_key{};  // the task's key when the event was written
  Actor actor{};           // unit 0: the host application
  Date date{};             // the day the event speaks for
  std::string recorded{};  // when it was written, UTC: 2025-03-01T08:30:00.123Z
  std::string text{};      // the narrative, the reason or the note
  // report: the report it supersedes; approvals, returns and decisions:
  // the submission or request decided.
  std::optional<EventId> ref{};
  ReportStatus status = ReportStatus::in_progress;  // report
  std::optional<double> percent{};                  // report
  std::vector<Indicator> indicators{};              // report
  std::vector<std::string> evidence{};              // report, closure_submitted
  std::optional<Date> until{};                      // extension_requested: the new due date asked for
  std::optional<Date> due{};                        // extension_requested: the due date it would move
  UnitId target = 0;                                // coordinator_set: the new coordinating office
  // Filled by Ledger::history: the report that corrects this one, among
  // the events it read (with an as-of date: dated on or before it).
  std::optional<EventId> superseded_by{};
  friend bool operator==(const Event&, const Event&) = default;
};

// ---------------------------------------------------------------------------
// The state of one item as of a date, rebuilt from its events.

// A report in effect: not superseded as of the date.
struct ReportEntry {
  EventId id = 0;
  UnitId unit = 0;
  Date date{};
  ReportStatus status = ReportStatus::in_progress;
  std::optional<double> percent{};
  // From a unit whose report speaks for the item: the task's lead units
  // (through their groups too; without a lead, the units of its strongest
  // role) and the coordinating office. Other units report their share.
  bool counts = false;
  friend bool operator==(const ReportEntry&, const ReportEntry&) = default;
};

struct ExtensionEntry {
  EventId request = 0;
  UnitId unit = 0;
  Date requested{};
  Date until{};
  std::optional<Date> due{};  // the due date it would move, as the ledger knew it then
  std::string reason{};
  ExtensionDecision decision = ExtensionDecision::pending;  // as known on the as-of date
  std::optional<Date> decided{};
  std::string decision_reason{};
  friend bool operator==(const ExtensionEntry&, const ExtensionEntry&) = default;
};

struct ItemState {
  ItemRef item{};
  std::string task_key{};
  std::vector<ReportEntry> reports{};   // in effect, by date, then in the order written
  std::optional<std::size_t> latest{};  // index into reports: the latest that counts
  ClosureState closure = ClosureState::open;
  std::optional<EventId> submission{};  // the latest submission (pending, approved or returned)
  UnitId submitted_by = 0;              // the unit that made it; 0 when none
  std::optional<Date> submitted{};
  std::optional<Date> decided{};        // when the latest submission was approved or returned
  std::string return_reason{};          // the latest return's reason
  std::optional<Date> last_returned{};  // the latest return, even if a later submission was approved
  // When the work was done: the date of the submission that was approved.
  std::optional<Date> done{};
  std::vector<ExtensionEntry> extensions{};  // in request order
  // The item's due date as the plan states it (after the holiday shift
  // when its year has a calendar), and after approved extensions. Empty
  // for an item with no hard date (持续推进).
  std::optional<Date> original_due{};
  std::optional<Date> current_due{};
  friend bool operator==(const ItemState&, const ItemState&) = default;
};

// ---------------------------------------------------------------------------
// The audit chain.

enum class ChainFinding : int {
  intact = 0,
  altered = 1,   // an event's content no longer matches its hash
  removed = 2,   // an event is missing from the chain
  inserted = 3,  // an event sits in the chain that was never appended to it
};

std::string_view to_string(ChainFinding finding) noexcept;

struct ChainCheck {
  ChainFinding finding = ChainFinding::intact;
  EventId event = 0;        // the first event concerned; 0 when intact
  std::int64_t events = 0;  // how many events the file holds
  HashAlgorithm algorithm = HashAlgorithm::sm3;
  std::string head{};  // the chain's last hash, lower-case hex: keep it elsewhere to pin the ledger
  // One line for a person: "intact: 1234 events, sm3, head 5f3a…" or
  // "event 17 was altered: its content no longer matches its hash".
  std::string message{};

  bool intact() const noexcept { return finding == ChainFinding::intact; }
};

}  // namespace duban
