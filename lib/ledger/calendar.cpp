// Calendar data kept in the ledger. Each load is an event of the audit
// chain (calendar_loaded) whose text is the data as calendar JSON, so the
// chain protects it like any report and nothing loaded is ever lost: the
// ledger's calendar is rebuilt from the built-in notices and those events,
// in chain order, whenever the cached one is stale.
#include "ledger/calendar.hpp"

#include <algorithm>

#include "calendar/validate.hpp"
#include "duban/error.hpp"
#include "ledger/append.hpp"
#include "ledger/rules.hpp"
#include "ledger/write.hpp"

namespace duban::ledger {
namespace {

// Every text of the data must be UTF-8 before it becomes JSON: a C++
// caller can build CalendarData by hand.
void require_utf8(std::string_view origin, const CalendarData& data) {
  const std::string where(origin);
  for (const YearCalendar& y : data.years) {
    require_text(where, y.source, "a source");
    for (const HolidayRange& h : y.holidays) require_text(where, h.name, "a holiday name");
  }
  for (const LocalRule& r : data.local) {
    require_text(where, r.name, "a local rule's name");
    require_text(where, r.scope, "a local rule's scope");
    require_text(where, r.source, "a local rule's source");
  }
}

// The data on top of the ledger's calendar. The data were checked alone;
// here they meet the years already held (an adjusted working day inside
// another year's holiday), and the message names `origin`, not the
// calendar's generic "calendar data".
CalendarUpdate merged(const WorkCalendar& before, const CalendarData& data, std::string_view origin) {
  try {
    return before.with(data);
  } catch (const Error& e) {
    if (e.code() != Errc::inval) throw;
    std::string what = e.what();
    constexpr std::string_view generic = "calendar data: ";
    if (what.starts_with(generic)) what.erase(0, generic.size());
    throw Error(e.code(), e.klass(), std::string(origin) + " (with the calendar the ledger holds): " + what);
  }
}

// The origin, then each notice the data cite, once: a reader of the
// history sees where the data came from without reading the JSON.
std::vector<std::string> evidence_of(const CalendarData& data, std::string_view origin) {
  std::vector<std::string> out{std::string(origin)};
  const auto add = [&](const std::string& source) {
    if (!source.empty() && std::find(out.begin() + 1, out.end(), source) == out.end()) out.push_back(source);
  };
  for (const YearCalendar& y : data.years) add(y.source);
  for (const LocalRule& r : data.local) add(r.source);
  return out;
}

// Each task's and instance's due date on the calendar before and after,
// for every stored plan. The "before" rules are the cached ones.
std::vector<DeadlineMove> moved_deadlines(storage::Storage& s, Ledger::Rules& rules,
                                          const std::shared_ptr<const WorkCalendar>& after) {
  std::vector<DeadlineMove> out;
  for (const PlanSummary& summary : s.plans()) {
    PlanRules& old_rules = rules.plan(s, summary.id);
    PlanRules new_rules(summary.id, old_rules.plan(), rules.directory(s), after);
    const auto tasks = static_cast<TaskId>(old_rules.plan().tasks.size());
    for (TaskId task = 1; task <= tasks; ++task) {
      const Task& t = old_rules.task(task);
      const auto before_due = old_rules.due(task, "");
      const auto after_due = new_rules.due(task, "");
      if (before_due && after_due && *before_due != *after_due) {
        out.push_back({summary.id, task, t.key, "", t.title, *before_due, *after_due});
      }
      if (!t.deadline.recurrence) continue;
      for (const DueMove& m : moved_dues(old_rules.occurrences(task), new_rules.occurrences(task))) {
        out.push_back({summary.id, task, t.key, m.id, t.title, m.before, m.after});
      }
    }
  }
  return out;
}

}  // namespace

std::shared_ptr<const WorkCalendar> stored_calendar(storage::Storage& s) {
  std::shared_ptr<const WorkCalendar> calendar = WorkCalendar::builtin();
  for (const storage::EventRecord& e : s.calendar_events()) {
    const std::string origin = e.evidence.empty() ? std::string("calendar data") : e.evidence.front();
    try {
      calendar = calendar->with(parse_calendar_data(e.text, origin)).calendar;
    } catch (const Error& error) {
      if (error.code() == Errc::nomem) throw;
      throw Error(Errc::corrupt, ErrClass::storage,
                  ledger_name(s) + " is damaged: event " + std::to_string(e.seq) +
                      " (calendar_loaded) holds calendar data that no longer read: " + error.what() + " (run verify)");
    }
  }
  return calendar;
}

}  // namespace duban::ledger

namespace duban {

std::shared_ptr<const WorkCalendar> Ledger::calendar() const {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_read(s, r, "read its calendar", [&] { return r.calendar(s); });
}

CalendarLoad Ledger::load_calendar(const CalendarData& data, std::string_view origin) {
  return load_calendar(data, origin, Actor{});
}

CalendarLoad Ledger::load_calendar(const CalendarData& data, std::string_view origin, const Actor& by) {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_write(s, r, "load calendar data", [&] {
    ledger::check_office(s, r, by, "load calendar data", "change the calendar");
    ledger::require_text("", origin, "the origin of calendar data");
    if (origin.empty()) ledger::invalid("", "calendar data need an origin (a file name, or \"api\")");
    ledger::require_utf8(origin, data);
    calendar::validate(data, origin);
    const auto before = r.calendar(s);
    const CalendarUpdate update = ledger::merged(*before, data, origin);
    CalendarLoad out;
    if (update.calendar->data() == before->data()) return out;
    out.years_added = update.changes.years_added;
    out.years_replaced = update.years_replaced;
    out.days = update.changes.days;
    out.moved = ledger::moved_deadlines(s, r, update.calendar);

    ledger::Appender appender(s, r.hasher(s));
    storage::EventRecord e;
    e.kind = static_cast<std::int64_t>(EventKind::calendar_loaded);
    if (by.unit != 0) e.unit = by.unit;
    e.user = by.user;
    e.date = appender.today();
    e.text = to_json(data);
    e.evidence = ledger::evidence_of(data, origin);
    out.event = appender.append(e);
    appender.finish();
    ledger::bump_revision(s);
    return out;
  });
}

}  // namespace duban
