// Helpers for the progress suites: subjects built by hand, one-subject
// evaluation, and reading a report's reasons back.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "calendar/test_util.hpp"
#include "duban/progress.hpp"

namespace duban::testing {

inline const WorkCalendar& cal() { return *WorkCalendar::builtin(); }

// A task subject due on `due` (already a working day, or shifted by the caller).
inline Subject task_due(Date due, Date start = d(2024, 1, 1), TaskId id = 1) {
  Subject s;
  s.task = id;
  s.due = Due{due, due};
  s.start = start;
  return s;
}

inline Subject instance_due(std::string id, Date due, TaskId task = 1) {
  Subject s;
  s.task = task;
  s.instance = std::move(id);
  s.period = s.instance.substr(s.instance.find('@') + 1);
  s.due = Due{due, due};
  return s;
}

inline StatusReport one(const Subject& s, Date as_of, const ItemFacts& facts = {}, const StatusOptions& options = {}) {
  ProgressFacts all;
  if (!(facts == ItemFacts{})) {
    if (s.is_instance()) {
      all.instances.emplace(s.instance, facts);
    } else {
      all.tasks.emplace(s.task, facts);
    }
  }
  return evaluate(std::vector<Subject>{s}, cal(), as_of, all, options);
}

inline std::vector<ReasonCode> codes(const StatusReport& report, std::size_t item = 0) {
  std::vector<ReasonCode> out;
  for (const Reason& r : report.reasons_of(item)) out.push_back(r.code);
  return out;
}

inline Reason first_reason(const StatusReport& report, std::size_t item = 0) {
  const auto reasons = report.reasons_of(item);
  if (reasons.empty()) {
    ADD_FAILURE() << "item " << item << " has no reason";
    return {};
  }
  return reasons.front();
}

// The reason with this code, or a failure.
inline Reason reason_with(const StatusReport& report, ReasonCode code, std::size_t item = 0) {
  for (const Reason& r : report.reasons_of(item)) {
    if (r.code == code) return r;
  }
  ADD_FAILURE() << "item " << item << " has no reason " << to_string(code);
  return {};
}

inline ItemFacts progress_at(Date date, double percent) {
  ItemFacts f;
  f.progress.push_back({date, percent});
  return f;
}

}  // namespace duban::testing
