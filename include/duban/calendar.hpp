// China's official working-day calendar: which days are worked, and
// arithmetic in working days.
//
// A day is a working day when a rule makes it one (an adjusted working day,
// 调休上班, or a local rule), or when it is Monday–Friday outside every
// holiday range and local closure. The rules are data: the State Council's
// yearly notices for 2023–2026 are built in, and more years or a district's
// own closures load at run time, each keeping the source it came from.
//
// A year with no published data is *unknown*: any query that needs one of
// its days throws Errc::range ("no published calendar for 2027 …") unless
// the calendar was built with CalendarOptions::weekends_only_fallback, which
// treats unknown years as Monday–Friday working weeks.
//
// Every query is O(1): the calendar precomputes, over the years it covers,
// the count of working days before each day and the position of each
// working day. A WorkCalendar is immutable once built, so one instance can
// be shared by any number of threads.
//
// Counting (the pinned relation between add_workdays and workdays_between):
//   workdays_between(a, b) counts working days in the closed range [a, b].
//   For n >= 1, add_workdays(d, n) is the n-th working day strictly after d,
//   the earliest t with workdays_between(d + 1 day, t) == n. For a working
//   day d that is: workdays_between(d, add_workdays(d, n)) == n + 1.
//   For n <= -1, add_workdays(d, n) is the |n|-th working day strictly before
//   d, the latest t with workdays_between(t, d - 1 day) == -n.
//   add_workdays(d, 0) is d when d is a working day, else the next one.
// The start day is never counted, as in 民法典 第201条: "15个工作日内" from
// an assignment on day d ends on add_workdays(d, 15).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace duban {

using Date = std::chrono::year_month_day;

// How a date that is not a working day is moved. Values cross the C API and
// are stored: never renumber.
enum class Roll : int {
  none = 0,                // keep the date as it is
  following = 1,           // the next working day (遇节假日顺延)
  preceding = 2,           // the previous working day (提前)
  modified_following = 3,  // following, unless that leaves the month: then preceding
  modified_preceding = 4,  // preceding, unless that leaves the month: then following
};

// "none", "following", "preceding", "modified_following", "modified_preceding".
std::string_view to_string(Roll roll) noexcept;
std::optional<Roll> roll_from_string(std::string_view text) noexcept;

// Why a day is or is not worked. Values cross the C API: never renumber.
enum class DayKind : int {
  weekday = 1,           // Monday–Friday, worked
  weekend = 2,           // Saturday or Sunday, not worked
  holiday = 3,           // inside a national holiday range, not worked
  adjusted_workday = 4,  // a Saturday or Sunday worked by notice (调休上班)
  local_closure = 5,     // closed by a local rule, not worked
  local_workday = 6,     // worked by a local rule
};

std::string_view to_string(DayKind kind) noexcept;

// One holiday range of a notice; weekend days inside it belong to it.
struct HolidayRange {
  std::string name;  // 春节, 中秋·国庆
  Date first;
  Date last;  // inclusive
  friend bool operator==(const HolidayRange&, const HolidayRange&) = default;
};

// What one year's notice says. Ranges may reach into the year before or
// after (2023's 元旦 starts on 2022-12-31), but the year is what the notice
// is about: a year counts as known only when it has its own YearCalendar.
struct YearCalendar {
  int year = 0;
  std::string source;  // 国办发明电〔2023〕7号
  std::vector<HolidayRange> holidays;
  std::vector<Date> workdays;  // adjusted working days: Saturdays and Sundays worked
  friend bool operator==(const YearCalendar&, const YearCalendar&) = default;
};

// A local rule on top of the national calendar: a district's closure (a
// typhoon day) or an extra working day. Local rules win over national ones.
struct LocalRule {
  std::string name;   // 台风停工
  std::string scope;  // the area it applies to, e.g. 浦东新区 (informational)
  Date first;
  Date last;  // inclusive
  bool working = false;
  std::string source;
  friend bool operator==(const LocalRule&, const LocalRule&) = default;
};

struct CalendarData {
  std::vector<YearCalendar> years;
  std::vector<LocalRule> local;
  friend bool operator==(const CalendarData&, const CalendarData&) = default;
};

// The built-in notices: 2023, 2024, 2025, 2026.
CalendarData builtin_calendar_data();

// The calendar data file (docs/calendar.md): JSON with "years" and "local".
// Errors name `origin` and the field, e.g. "2027.json: years[0].holidays[1].last: …".
// Throws Errc::parse (not JSON, wrong field type, a date that is not
// YYYY-MM-DD), Errc::encoding (not UTF-8) or Errc::inval (contradictory data).
CalendarData parse_calendar_data(std::string_view json, std::string_view origin = "calendar data");
// Reads and parses a file; Errc::io when it cannot be read.
CalendarData load_calendar_data(const std::filesystem::path& path);
// Deterministic JSON that parse_calendar_data reads back to equal data.
std::string to_json(const CalendarData& data, int indent = 2);

struct CalendarOptions {
  // Treat a year with no data as Monday–Friday instead of throwing. Days
  // decided this way report known == false in describe().
  bool weekends_only_fallback = false;
  friend bool operator==(const CalendarOptions&, const CalendarOptions&) = default;
};

// Everything known about one day.
struct DayInfo {
  Date date;
  bool known = false;  // its year has data; false days follow the weekends-only guess
  bool working = false;
  DayKind kind = DayKind::weekday;
  std::string name;    // the holiday or rule name, empty for plain days
  std::string source;  // the notice or local source, empty for plain days
  friend bool operator==(const DayInfo&, const DayInfo&) = default;
};

// A day whose working status differs between two calendars. An unknown day
// counts as the weekends-only fallback would treat it, so a newly loaded
// year lists only its holidays on weekdays and its adjusted working days:
// the days that would move a date computed with the fallback.
struct DayChange {
  Date date;
  bool was_working = false;
  bool now_working = false;
  bool was_known = false;
  bool now_known = false;
  std::string reason;  // what decides the day now: "春节 (国办发明电〔2023〕7号)", "weekday"
  friend bool operator==(const DayChange&, const DayChange&) = default;
};

struct CalendarDiff {
  std::vector<int> years_added;    // known after, not before
  std::vector<int> years_removed;  // known before, not after
  std::vector<DayChange> days;     // in date order
  bool empty() const noexcept { return years_added.empty() && years_removed.empty() && days.empty(); }
};

class WorkCalendar;

struct CalendarUpdate {
  std::shared_ptr<const WorkCalendar> calendar;
  std::vector<int> years_replaced;  // years whose data the new data replaced by different data
  CalendarDiff changes;
};

// Immutable once built; copies are cheap and share the precomputed tables.
class WorkCalendar {
 public:
  // A calendar that knows no year.
  WorkCalendar();
  // Throws Errc::inval naming the year and the rule when the data contradict
  // themselves (a range that ends before it starts, an adjusted working day
  // on a weekday or inside a holiday, the same year twice, a local closure
  // and a local working day on one day).
  explicit WorkCalendar(CalendarData data, CalendarOptions options = {});

  // The built-in 2023–2026 calendar, built once, shared.
  static std::shared_ptr<const WorkCalendar> builtin();

  const CalendarData& data() const noexcept;
  const CalendarOptions& options() const noexcept;
  bool has_year(int year) const noexcept;
  std::vector<int> years() const;  // ascending

  // Each query throws Errc::inval for a date that does not exist (2024-02-30),
  // Errc::range for a year outside 1..9999 or for an unknown year (above).
  bool is_workday(Date date) const;
  Date next_workday(Date date) const;      // strictly after
  Date previous_workday(Date date) const;  // strictly before
  Date add_workdays(Date date, int n) const;
  // Working days in [from, to]; 0 when from > to.
  int workdays_between(Date from, Date to) const;
  int workdays_in_month(std::chrono::year_month month) const;
  int workdays_in_year(std::chrono::year year) const;
  // n >= 1: the n-th working day of the month; n <= -1 counts from the end
  // (-1 is the last). Errc::inval for 0, Errc::range when the month has fewer.
  Date nth_workday(std::chrono::year_month month, int n) const;
  Date last_workday(std::chrono::year_month month) const;
  Date roll(Date date, Roll convention) const;
  // Never throws for an unknown year: it says known == false.
  DayInfo describe(Date date) const;

  // A new calendar with `more` added: its years replace the same years here,
  // its local rules are added. The update says what changed.
  CalendarUpdate with(const CalendarData& more) const;

  // Opaque: the precomputed counts, defined in lib/calendar/tables.hpp.
  struct Tables;

 private:
  friend CalendarDiff diff(const WorkCalendar& before, const WorkCalendar& after);
  std::shared_ptr<const Tables> tables_;
};

// Differences between two calendars, in the sense of DayChange.
CalendarDiff diff(const WorkCalendar& before, const WorkCalendar& after);

}  // namespace duban
