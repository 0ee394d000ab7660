// The reasons an item's own fields imply. This is the one place the rules'
// reasons are spelled out: evaluate() takes an item's light from them and
// StatusReport::reasons_of() returns them, so the two cannot disagree.
#pragma once

#include <cmath>

#include "duban/progress.hpp"

namespace duban::progress {

// Percentages are kept to hundredths of a point, so lag bounds compare exactly.
inline double hundredths(double value) { return std::round(value * 100.0) / 100.0; }

inline Reason make_reason(ReasonCode code, Light light, Date date = {}) {
  Reason r;
  r.code = code;
  r.light = light;
  r.date = date;
  return r;
}

// Calls sink(reason) for the date rule (or done, or ongoing), the lag rule
// when it fires, and provisional_due, in that order.
template <class Sink>
void derive_reasons(const Subject& s, const ItemStatus& st, const LightRules& rules, Sink&& sink) {
  Reason r;
  switch (st.status) {
    case Status::ongoing:
      r = make_reason(ReasonCode::ongoing, Light::green);
      break;
    case Status::done_on_time:
      r = make_reason(ReasonCode::done_on_time, Light::green, st.done.value_or(Date{}));
      break;
    case Status::done_late:
      r = make_reason(ReasonCode::done_late, rules.done_late, st.done.value_or(Date{}));
      r.workdays = st.workdays;
      break;
    case Status::overdue:
      r = make_reason(ReasonCode::overdue, Light::red, st.due.value_or(Date{}));
      r.workdays = st.workdays;
      break;
    case Status::due_soon:
      r = make_reason(ReasonCode::due_soon, Light::yellow, st.due.value_or(Date{}));
      r.workdays = st.workdays;
      r.limit = rules.due_soon_workdays;
      break;
    case Status::not_yet_due:
      r = make_reason(ReasonCode::not_yet_due, Light::green, st.due.value_or(Date{}));
      r.workdays = st.workdays;
      if (rules.four_colour && st.workdays >= 0 && st.workdays <= rules.approaching_workdays) {
        r.code = ReasonCode::approaching;
        r.light = Light::blue;
        r.limit = rules.approaching_workdays;
      }
      break;
  }
  sink(r);

  // 序时进度 against the latest report: tasks not done, with a report and a curve.
  if (!s.is_instance() && !st.done && st.actual && st.expected && st.reported) {
    const double expected = hundredths(*st.expected);
    const double actual = hundredths(*st.actual);
    const double lag = hundredths(expected - actual);
    if (lag >= rules.lag_yellow) {
      Reason l = make_reason(ReasonCode::lag, Light::yellow, *st.reported);
      l.expected = expected;
      l.actual = actual;
      l.limit = rules.lag_yellow;
      if (lag > rules.lag_red) {
        l.light = Light::red;
        l.limit = rules.lag_red;
      }
      sink(l);
    }
  }

  if (s.provisional && s.due) sink(make_reason(ReasonCode::provisional_due, Light::green, s.due->nominal));
}

}  // namespace duban::progress
