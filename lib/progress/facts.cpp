#include <cmath>

#include "duban/error.hpp"
#include "progress/checks.hpp"

namespace duban {

const ItemFacts* ProgressFacts::find(const Subject& subject) const {
  if (subject.is_instance()) {
    if (instances.empty()) return nullptr;
    const auto it = instances.find(subject.instance);
    return it == instances.end() ? nullptr : &it->second;
  }
  if (tasks.empty()) return nullptr;
  const auto it = tasks.find(subject.task);
  return it == tasks.end() ? nullptr : &it->second;
}

namespace progress {
namespace {

[[noreturn]] void bad(std::string_view where, const std::string& what) {
  throw Error(Errc::inval, ErrClass::argument, where.empty() ? what : std::string(where) + ": " + what);
}

std::string number(double value) {
  // Enough digits to show what was passed, without trailing zeros.
  std::string text = std::to_string(value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::string label(const Subject& subject) {
  if (subject.is_instance()) return "instance " + quote(subject.instance);
  return "task " + std::to_string(subject.task);
}

void check_facts(const ItemFacts& facts, std::string_view where) {
  if (facts.done && !facts.done->ok()) bad(where, "done is not a date");
  for (std::size_t i = 0; i < facts.progress.size(); ++i) {
    const ProgressPoint& p = facts.progress[i];
    const std::string at = "progress[" + std::to_string(i) + "]";
    if (!p.date.ok()) bad(where, at + ": not a date");
    if (!std::isfinite(p.percent) || p.percent < 0.0 || p.percent > 100.0) {
      bad(where, at + " (" + format_date(p.date) + "): percent " + number(p.percent) + " is outside 0..100");
    }
  }
  for (std::size_t i = 0; i < facts.extensions.size(); ++i) {
    const Extension& e = facts.extensions[i];
    const std::string at = "extensions[" + std::to_string(i) + "]";
    if (!e.requested.ok()) bad(where, at + ": requested is not a date");
    if (!e.until.ok()) bad(where, at + ": until is not a date");
    if (to_string(e.decision).empty()) {
      bad(where, at + ": unknown decision " + std::to_string(static_cast<int>(e.decision)));
    }
    if (e.decided) {
      if (!e.decided->ok()) bad(where, at + ": decided is not a date");
      if (e.decision == Decision::pending) {
        bad(where, at + ": a pending request has no decision date (decided " + format_date(*e.decided) + ")");
      }
      if (*e.decided < e.requested) {
        bad(where, at + ": decided " + format_date(*e.decided) + " is before the request " +
                       format_date(e.requested));
      }
    }
    if (!(e.requested < e.until)) {
      bad(where, at + ": until " + format_date(e.until) + " is not after the request " + format_date(e.requested));
    }
  }
}

void check_rules(const LightRules& rules) {
  const auto fail = [](const std::string& what) {
    throw Error(Errc::inval, ErrClass::argument, "light rules: " + what);
  };
  if (rules.due_soon_workdays < 0) {
    fail("due_soon_workdays " + std::to_string(rules.due_soon_workdays) + " is negative");
  }
  if (!std::isfinite(rules.lag_yellow) || rules.lag_yellow < 0.0) {
    fail("lag_yellow " + number(rules.lag_yellow) + " is not a number of points >= 0");
  }
  if (!std::isfinite(rules.lag_red) || rules.lag_red < rules.lag_yellow) {
    fail("lag_red " + number(rules.lag_red) + " is below lag_yellow " + number(rules.lag_yellow));
  }
  if (rules.four_colour && rules.approaching_workdays < rules.due_soon_workdays) {
    fail("approaching_workdays " + std::to_string(rules.approaching_workdays) + " is below due_soon_workdays " +
         std::to_string(rules.due_soon_workdays));
  }
  if (to_string(rules.done_late).empty()) {
    fail("done_late is not a light (" + std::to_string(static_cast<int>(rules.done_late)) + ")");
  }
}

}  // namespace progress
}  // namespace duban
