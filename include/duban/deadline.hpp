// Deadlines as a plan states them: a due date, an ongoing duty, a recurring
// obligation, a list of milestones, or a span relative to assignment.
//
// These are plain values the model stores. The functions at the end settle
// them on a WorkCalendar: a deadline's effective due date (遇节假日顺延 by
// default), a recurrence's dated instances, and the expected progress
// (序时进度) that milestones describe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duban/calendar.hpp"

namespace duban {

using Date = std::chrono::year_month_day;

// Values are stored in ledgers and cross the C API: never renumber.
enum class Every : int { none = 0, week = 1, month = 2, quarter = 3, half_year = 4, year = 5 };

std::string_view to_string(Every every) noexcept;
std::optional<Every> every_from_string(std::string_view text) noexcept;

struct Recurrence {
  Every every = Every::none;
  // Day of the month; for weekly the ISO weekday (1 = Monday); for quarterly
  // the day in the quarter's due month; 0 means the period's last day.
  int day = 0;
  // Instead of `day`: the N-th working day of the due month (每月第3个工作日),
  // negative counting from the month's end (-1 = its last working day); 0
  // means use `day`. Not for weekly.
  int workday = 0;
  // Due in the period after the one reported on: 每月5日前报送上月情况, a
  // quarterly report due in the next quarter's first month, a year-end
  // summary (年终总结) due in January of the next year.
  bool next_period = false;
  // Which month of the due period holds the due date, 1-based (1..3 for
  // quarterly, 1..6 half-yearly, 1..12 yearly: 次年2月底前 is yearly,
  // next_period, month 2, day 0). 0 is the period's last month, or its first
  // month with next_period. Must be 0 for weekly and monthly.
  int month = 0;
  friend bool operator==(const Recurrence&, const Recurrence&) = default;
};

struct Milestone {
  Date date;
  std::string text;
  double weight = 0;  // share of the task expected done by `date`, 0..1
  friend bool operator==(const Milestone&, const Milestone&) = default;
};

struct Deadline {
  std::optional<Date> due;
  bool defaulted = false;  // no phrase: due at the end of the plan year
  bool ongoing = false;    // 持续推进, 常态化: no hard date
  std::optional<Recurrence> recurrence;
  std::vector<Milestone> milestones;
  // 15个工作日内 / 30日内: due this many (working) days after assignment.
  std::optional<int> within_days;
  bool within_workdays = false;
  std::string text;  // the phrase as written

  bool empty() const noexcept {
    return !due && !ongoing && !recurrence && milestones.empty() && !within_days && text.empty();
  }
  friend bool operator==(const Deadline&, const Deadline&) = default;
};

// ---------------------------------------------------------------------------
// Settling deadlines on a calendar. Calendar errors pass through unchanged:
// a due date in a year without published data throws Errc::range ("no
// published calendar for 2027 …") unless the calendar has the weekends-only
// fallback. Bad arguments throw Errc::inval naming the deadline or key.

// What a one-off deadline needs beside the calendar.
struct DueContext {
  std::optional<Date> assigned;  // the assignment date, for within_days
  int plan_year = 0;             // for a defaulted deadline (due at the year's end)
  Roll shift = Roll::following;  // a due day that is not worked moves (遇节假日顺延)
  friend bool operator==(const DueContext&, const DueContext&) = default;
};

struct Due {
  Date nominal;    // as the plan states it (or as counted from the assignment)
  Date effective;  // after the holiday shift
  friend bool operator==(const Due&, const Due&) = default;
};

// The due date of a one-off deadline, in this order: `due`; `within_days`
// from the assignment; the last milestone; the plan year's 12-31 when
// `defaulted`. Nullopt for a deadline with no hard date (ongoing, or only a
// recurrence: expand() gives its dates).
std::optional<Due> resolve(const Deadline& deadline, const WorkCalendar& calendar, const DueContext& context = {});

// 15个工作日内 / 30日内 from `assigned`. The assignment day is not counted
// (民法典 第201条): working days give add_workdays(assigned, days), already a
// working day; calendar days give assigned + days, then shifted. days >= 0.
Due due_within(Date assigned, int days, bool workdays, const WorkCalendar& calendar,
               Roll shift = Roll::following);

// The key of the period of `every` that contains `date`: "2024-03",
// "2024-Q1", "2024-H1", "2024", or the ISO week "2024-W05" (whose year is the
// ISO week-year: 2024-12-30 is in "2025-W01").
std::string period_key(Every every, Date date);

// One dated instance of a recurring obligation.
struct Occurrence {
  std::string id;      // "<key>@<period>": the same obligation and period always give the same id
  std::string period;  // the period reported on, as period_key() spells it
  Date period_first;
  Date period_last;
  Date nominal;  // the due day by the rule (day clamped to the month's end)
  Date due;      // after the holiday shift
  friend bool operator==(const Occurrence&, const Occurrence&) = default;
};

struct ExpandOptions {
  Roll shift = Roll::following;
  friend bool operator==(const ExpandOptions&, const ExpandOptions&) = default;
};

// The instances whose *period ends* in [from, to], in period order: over a
// plan year that is each month (quarter, …) of the year, including a
// December or Q4 report that is due in the next year; adjacent ranges never
// share an instance. Throws Errc::inval for a bad recurrence (day, workday or
// month out of range, both day and workday), an empty key, or from > to.
std::vector<Occurrence> expand(const Recurrence& recurrence, std::string_view key, Date from, Date to,
                               const WorkCalendar& calendar, const ExpandOptions& options = {});

// Instances (matched by id) whose due date differs between two expansions,
// e.g. before and after loading calendar data. Ids in only one are left out.
struct DueMove {
  std::string id;
  Date before;
  Date after;
  friend bool operator==(const DueMove&, const DueMove&) = default;
};
std::vector<DueMove> moved_dues(const std::vector<Occurrence>& before, const std::vector<Occurrence>& after);

// Expected progress (序时进度) as of a date, 0..1: 0 at `start`, each
// milestone's weight at its date, linear in between, the last weight after
// it. Weights are cumulative shares; when every weight is 0 the milestones
// share the work evenly (1/n, 2/n, … 1). The calendar overloads measure time
// in working days instead of calendar days. Throws Errc::inval for
// milestones out of date order, weights outside 0..1 or decreasing, or a
// milestone before `start`.
double expected_progress(const std::vector<Milestone>& milestones, Date start, Date as_of);
double expected_progress(const std::vector<Milestone>& milestones, Date start, Date as_of,
                         const WorkCalendar& calendar);
// A deadline's milestones, or else its due date as the one milestone (1.0);
// nullopt when it has neither.
std::optional<double> expected_progress(const Deadline& deadline, Date start, Date as_of);
std::optional<double> expected_progress(const Deadline& deadline, Date start, Date as_of,
                                        const WorkCalendar& calendar);

}  // namespace duban
