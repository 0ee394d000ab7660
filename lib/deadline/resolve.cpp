// One-off deadlines: the date a plan states (or implies) and the date that
// counts once the holiday shift is applied.
#include "calendar/iso_date.hpp"
#include "duban/deadline.hpp"
#include "duban/error.hpp"

namespace duban {
namespace {

std::string label(const Deadline& deadline) {
  return deadline.text.empty() ? std::string("deadline") : "deadline " + quote(deadline.text);
}

Due shifted(Date nominal, const WorkCalendar& calendar, Roll shift) {
  return {nominal, calendar.roll(nominal, shift)};
}

}  // namespace

Due due_within(Date assigned, int days, bool workdays, const WorkCalendar& calendar, Roll shift) {
  if (days < 0) {
    throw Error(Errc::inval, ErrClass::argument,
                "due_within(" + calendar::iso(assigned) + ", " + std::to_string(days) +
                    "): the number of days must not be negative");
  }
  if (!assigned.ok()) {
    throw Error(Errc::inval, ErrClass::argument,
                "due_within(" + calendar::iso(assigned) + ", " + std::to_string(days) + "): " +
                    calendar::iso(assigned) + " is not a date");
  }
  if (workdays) {
    // add_workdays lands on a working day, so there is nothing to shift.
    const Date due = calendar.add_workdays(assigned, days);
    return {due, due};
  }
  return shifted(Date{std::chrono::sys_days{assigned} + std::chrono::days{days}}, calendar, shift);
}

std::optional<Due> resolve(const Deadline& deadline, const WorkCalendar& calendar, const DueContext& context) {
  if (deadline.due) return shifted(*deadline.due, calendar, context.shift);
  if (deadline.within_days) {
    if (!context.assigned) {
      throw Error(Errc::inval, ErrClass::argument,
                  label(deadline) + ": a relative deadline needs the assignment date (DueContext::assigned)");
    }
    return due_within(*context.assigned, *deadline.within_days, deadline.within_workdays, calendar, context.shift);
  }
  if (!deadline.milestones.empty()) {
    Date last = deadline.milestones.front().date;
    for (const auto& m : deadline.milestones) last = std::max(last, m.date);
    return shifted(last, calendar, context.shift);
  }
  if (deadline.defaulted) {
    if (context.plan_year <= 0) {
      throw Error(Errc::inval, ErrClass::argument,
                  label(deadline) + ": a defaulted deadline needs the plan year (DueContext::plan_year)");
    }
    return shifted(std::chrono::year{context.plan_year} / 12 / 31, calendar, context.shift);
  }
  return std::nullopt;
}

}  // namespace duban
