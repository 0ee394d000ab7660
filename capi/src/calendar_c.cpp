// duban/calendar.h over duban::WorkCalendar.
#include "duban/calendar.h"

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "calendar_handle.hpp"
#include "duban/ledger.hpp"
#include "guard.hpp"
#include "handles.hpp"
#include "values.hpp"

using duban::capi::guard;
using duban::capi::guard_new;
using duban::capi::guard_value;
using duban::capi::require;

namespace duban::capi {

namespace {

std::string date_text(const duban_date& d) {
  char text[48];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(d.year), static_cast<int>(d.month),
                static_cast<int>(d.day));
  return text;
}

}  // namespace

Date date_in(const duban_date& d, const char* what) {
  if (d.year < 1 || d.year > 9999) {
    throw Error(Errc::range, ErrClass::time,
                std::string(what) + " " + date_text(d) + ": the year is outside 1..9999");
  }
  const Date date{std::chrono::year{d.year}, std::chrono::month{static_cast<unsigned>(d.month >= 1 ? d.month : 0)},
                  std::chrono::day{static_cast<unsigned>(d.day >= 1 ? d.day : 0)}};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31 || !date.ok()) {
    throw Error(Errc::inval, ErrClass::time, std::string(what) + " " + date_text(d) + " is not a date");
  }
  return date;
}

std::shared_ptr<const WorkCalendar> calendar_or_builtin(const duban_calendar* cal) {
  return cal != nullptr ? cal->calendar : WorkCalendar::builtin();
}

}  // namespace duban::capi

namespace {

const duban::WorkCalendar& calendar_of(const duban_calendar* cal) { return *require(cal, "cal").calendar; }

std::chrono::year_month month_in(int year, int month) {
  if (month < 1 || month > 12) {
    throw duban::Error(duban::Errc::inval, duban::ErrClass::time,
                       "month " + std::to_string(month) + " of " + std::to_string(year) + " is not a month (1..12)");
  }
  return duban::capi::date_in(duban_date{year, month, 1}, "month").year() / std::chrono::month{static_cast<unsigned>(month)};
}

// What describe() calls an adjusted working day (lib/calendar/tables.cpp).
constexpr std::string_view adjusted_workday_name = "调休上班";

// describe() copies its strings; the C caller borrows them from the
// calendar's own data instead, where every name and source it can return is
// kept for the calendar's lifetime (or from the one fixed name above).
const char* interned(const duban::CalendarData& data, const std::string& text) {
  if (text.empty()) return "";
  if (text == adjusted_workday_name) return adjusted_workday_name.data();
  for (const auto& year : data.years) {
    if (year.source == text) return year.source.c_str();
    for (const auto& h : year.holidays) {
      if (h.name == text) return h.name.c_str();
    }
  }
  for (const auto& rule : data.local) {
    if (rule.name == text) return rule.name.c_str();
    if (rule.source == text) return rule.source.c_str();
  }
  throw duban::Error(duban::Errc::error, duban::ErrClass::internal,
                     "calendar description " + duban::quote(text) + " is not in the calendar's data");
}

template <typename F>
int date_result(const char* function, duban_date* out, F&& body) noexcept {
  if (out != nullptr) *out = duban_date{0, 0, 0};
  return guard(function, [&] {
    auto& target = require(out, "out");
    target = duban::capi::date_out(body());
  });
}

template <typename F>
int int_result(const char* function, int* out, F&& body) noexcept {
  if (out != nullptr) *out = 0;
  return guard(function, [&] {
    auto& target = require(out, "out");
    target = body();
  });
}

}  // namespace

extern "C" {

int duban_calendar_options_init(duban_calendar_options* opts, uint32_t version) noexcept {
  return guard(__func__, [&] {
    duban::capi::init_versioned(opts, "opts", version, DUBAN_CALENDAR_OPTIONS_VERSION, "duban_calendar_options", duban_calendar_options DUBAN_CALENDAR_OPTIONS_INIT);
  });
}

int duban_calendar_builtin(duban_calendar** out) noexcept {
  return guard_new(__func__, out,
                   [&] { return std::make_unique<duban_calendar>(duban_calendar{duban::WorkCalendar::builtin()}); });
}

int duban_calendar_load(duban_calendar** out, const duban_calendar* base, const char* json, size_t len,
                        const char* origin, const duban_calendar_options* opts) noexcept {
  return guard_new(__func__, out, [&] {
    std::shared_ptr<const duban::WorkCalendar> calendar = duban::capi::calendar_or_builtin(base);
    if (json != nullptr) {
      const auto name = duban::capi::optional_text_in(origin, "origin", "calendar data");
      const auto text = duban::capi::text_in(json, len, name);
      calendar = calendar->with(duban::parse_calendar_data(text, name)).calendar;
    }
    if (opts != nullptr) {
      duban::capi::check_version(opts->version, DUBAN_CALENDAR_OPTIONS_VERSION, "duban_calendar_options");
      duban::CalendarOptions options = calendar->options();
      options.weekends_only_fallback = opts->weekends_only_fallback != 0;
      if (!(options == calendar->options())) {
        calendar = std::make_shared<const duban::WorkCalendar>(calendar->data(), options);
      }
    }
    return std::make_unique<duban_calendar>(duban_calendar{std::move(calendar)});
  });
}

void duban_calendar_free(duban_calendar* cal) noexcept { delete cal; }

int duban_calendar_has_year(const duban_calendar* cal, int year) noexcept {
  return guard_value(__func__, 0, [&] { return calendar_of(cal).has_year(year) ? 1 : 0; });
}

int duban_calendar_to_json(duban_buf* out, const duban_calendar* cal) noexcept {
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    duban::capi::fill(target, duban::to_json(calendar_of(cal).data()));
  });
}

int duban_calendar_is_workday(int* out, const duban_calendar* cal, duban_date date) noexcept {
  return int_result(__func__, out, [&] {
    const auto& c = calendar_of(cal);
    return c.is_workday(duban::capi::date_in(date, "date")) ? 1 : 0;
  });
}

int duban_calendar_describe(duban_day_info* out, const duban_calendar* cal, duban_date date) noexcept {
  if (out != nullptr) *out = duban_day_info{0, 0, 0, "", ""};
  return guard(__func__, [&] {
    auto& target = require(out, "out");
    const auto& c = calendar_of(cal);
    const duban::DayInfo info = c.describe(duban::capi::date_in(date, "date"));
    const char* name = interned(c.data(), info.name);
    const char* source = interned(c.data(), info.source);
    target = duban_day_info{static_cast<int32_t>(info.kind), info.working ? 1 : 0, info.known ? 1 : 0, name, source};
  });
}

int duban_calendar_next_workday(duban_date* out, const duban_calendar* cal, duban_date date) noexcept {
  return date_result(__func__, out, [&] {
    const auto& c = calendar_of(cal);
    return c.next_workday(duban::capi::date_in(date, "date"));
  });
}

int duban_calendar_previous_workday(duban_date* out, const duban_calendar* cal, duban_date date) noexcept {
  return date_result(__func__, out, [&] {
    const auto& c = calendar_of(cal);
    return c.previous_workday(duban::capi::date_in(date, "date"));
  });
}

int duban_calendar_add_workdays(duban_date* out, const duban_calendar* cal, duban_date date, int n) noexcept {
  return date_result(__func__, out, [&] {
    const auto& c = calendar_of(cal);
    return c.add_workdays(duban::capi::date_in(date, "date"), n);
  });
}

int duban_calendar_workdays_between(int* out, const duban_calendar* cal, duban_date from, duban_date to) noexcept {
  return int_result(__func__, out, [&] {
    const auto& c = calendar_of(cal);
    return c.workdays_between(duban::capi::date_in(from, "from"), duban::capi::date_in(to, "to"));
  });
}

int duban_calendar_workdays_in_month(int* out, const duban_calendar* cal, int year, int month) noexcept {
  return int_result(__func__, out, [&] {
    const auto& c = calendar_of(cal);
    return c.workdays_in_month(month_in(year, month));
  });
}

int duban_calendar_workdays_in_year(int* out, const duban_calendar* cal, int year) noexcept {
  return int_result(__func__, out, [&] {
    const auto& c = calendar_of(cal);
    return c.workdays_in_year(month_in(year, 1).year());
  });
}

int duban_calendar_nth_workday(duban_date* out, const duban_calendar* cal, int year, int month, int n) noexcept {
  return date_result(__func__, out, [&] {
    const auto& c = calendar_of(cal);
    return c.nth_workday(month_in(year, month), n);
  });
}

int duban_calendar_last_workday(duban_date* out, const duban_calendar* cal, int year, int month) noexcept {
  return date_result(__func__, out, [&] {
    const auto& c = calendar_of(cal);
    return c.last_workday(month_in(year, month));
  });
}

int duban_calendar_roll(duban_date* out, const duban_calendar* cal, duban_date date,
                        duban_roll_t convention) noexcept {
  return date_result(__func__, out, [&] {
    const auto& c = calendar_of(cal);
    const int v = duban::capi::enum_int(convention);
    if (v < DUBAN_ROLL_NONE || v > DUBAN_ROLL_MODIFIED_PRECEDING) {
      throw duban::Error(duban::Errc::inval, duban::ErrClass::argument,
                         "roll convention " + std::to_string(v) + " is not a duban_roll_t value");
    }
    return c.roll(duban::capi::date_in(date, "date"), static_cast<duban::Roll>(v));
  });
}

int duban_db_load_calendar(duban_buf* report_json_out, duban_db* db, const char* json, size_t len,
                           const char* origin) noexcept {
  return guard(__func__, [&] {
    duban::Ledger& ledger = *require(db, "db").ledger;
    const auto name = duban::capi::optional_text_in(origin, "origin", "api");
    const auto text = duban::capi::text_in(json, len, name);
    const duban::CalendarLoad load = ledger.load_calendar(duban::parse_calendar_data(text, name), name);
    // Filled after the write: a report that cannot be allocated loses no data.
    if (report_json_out != nullptr) duban::capi::fill(*report_json_out, duban::to_json(load));
  });
}

int duban_db_calendar(duban_calendar** out, duban_db* db) noexcept {
  return guard_new(__func__, out, [&] {
    const duban::Ledger& ledger = *require(db, "db").ledger;
    return std::make_unique<duban_calendar>(duban_calendar{ledger.calendar()});
  });
}

}  // extern "C"
