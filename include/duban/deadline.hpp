// Deadlines as a plan states them: a due date, an ongoing duty, a recurring
// obligation, a list of milestones, or a span relative to assignment.
//
// These are plain values the model stores. Working-day arithmetic and the
// expansion of recurrences into dated instances live beside the calendar.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace duban
