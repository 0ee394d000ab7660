// Expected progress (序时进度): the share of a task that should be done by a
// date, read off the milestones as a piecewise-linear curve through
// (start, 0), (m1, w1), … (mk, wk).
#include <functional>

#include "calendar/iso_date.hpp"
#include "duban/deadline.hpp"
#include "duban/error.hpp"

namespace duban {
namespace {

using std::chrono::sys_days;

// Elapsed time in (a, b]: calendar days or working days.
using Elapsed = std::function<double(Date, Date)>;

[[noreturn]] void bad(const std::string& what) {
  throw Error(Errc::inval, ErrClass::argument, "expected_progress: " + what);
}

std::string milestone_label(std::size_t i, const Milestone& m) {
  // Appended piece by piece: GCC 12 at -O2 warns (-Wrestrict, a false
  // positive) on a chain that starts with a literal.
  std::string out = "milestone ";
  out += std::to_string(i + 1);
  out += " (";
  out += calendar::iso(m.date);
  if (!m.text.empty()) {
    out += ' ';
    out += quote(m.text);
  }
  out += ')';
  return out;
}

double curve(const std::vector<Milestone>& milestones, Date start, Date as_of, const Elapsed& elapsed) {
  if (!start.ok()) bad("start " + calendar::iso(start) + " is not a date");
  if (!as_of.ok()) bad("as_of " + calendar::iso(as_of) + " is not a date");
  if (milestones.empty()) bad("no milestones");
  bool all_zero = true;
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    const Milestone& m = milestones[i];
    if (!m.date.ok()) bad(milestone_label(i, m) + ": not a date");
    if (m.date < start) bad(milestone_label(i, m) + " is before the start " + calendar::iso(start));
    if (!(m.weight >= 0.0 && m.weight <= 1.0)) {
      bad(milestone_label(i, m) + ": weight " + std::to_string(m.weight) + " is outside 0..1");
    }
    if (i > 0 && !(milestones[i - 1].date < m.date)) {
      bad(milestone_label(i, m) + " is not after " + milestone_label(i - 1, milestones[i - 1]));
    }
    if (i > 0 && m.weight < milestones[i - 1].weight) {
      bad(milestone_label(i, m) + ": weight " + std::to_string(m.weight) + " is less than the one before");
    }
    all_zero = all_zero && m.weight == 0.0;
  }
  const auto weight = [&](std::size_t i) {
    return all_zero ? static_cast<double>(i + 1) / static_cast<double>(milestones.size()) : milestones[i].weight;
  };
  if (!(start < as_of)) return 0.0;
  Date from = start;
  double done = 0.0;
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    const Date until = milestones[i].date;
    const double target = weight(i);
    if (as_of < until) {
      const double span = elapsed(from, until);
      if (span <= 0.0) return done;
      return done + (target - done) * elapsed(from, as_of) / span;
    }
    from = until;
    done = target;
  }
  return done;
}

}  // namespace

double expected_progress(const std::vector<Milestone>& milestones, Date start, Date as_of) {
  return curve(milestones, start, as_of, [](Date a, Date b) {
    return static_cast<double>((sys_days{b} - sys_days{a}).count());
  });
}

double expected_progress(const std::vector<Milestone>& milestones, Date start, Date as_of,
                         const WorkCalendar& calendar) {
  return curve(milestones, start, as_of, [&](Date a, Date b) {
    return static_cast<double>(calendar.workdays_between(Date{sys_days{a} + std::chrono::days{1}}, b));
  });
}

namespace {

std::optional<std::vector<Milestone>> points(const Deadline& deadline) {
  if (!deadline.milestones.empty()) return deadline.milestones;
  if (deadline.due) return std::vector<Milestone>{{*deadline.due, deadline.text, 1.0}};
  return std::nullopt;
}

}  // namespace

std::optional<double> expected_progress(const Deadline& deadline, Date start, Date as_of) {
  const auto p = points(deadline);
  if (!p) return std::nullopt;
  return expected_progress(*p, start, as_of);
}

std::optional<double> expected_progress(const Deadline& deadline, Date start, Date as_of,
                                        const WorkCalendar& calendar) {
  const auto p = points(deadline);
  if (!p) return std::nullopt;
  return expected_progress(*p, start, as_of, calendar);
}

}  // namespace duban
