// The light rules: each subject's status and light as of a date, with the
// reasons that produced them (docs/progress.md).
//
// One pass over the subjects settles each one's due date (extensions),
// status, working-day count and expected progress, and takes its light from
// the reasons those imply (progress/reasons.hpp); a second pass rolls each
// recurring task's instances up into it. Only the reasons that cannot be
// derived from an item's fields are stored. Each subject costs a few
// comparisons and at most one calendar count (remembered per due date), so
// a million instances take milliseconds.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "duban/error.hpp"
#include "progress/checks.hpp"
#include "progress/reasons.hpp"

namespace duban {
namespace {

using progress::hundredths;
using progress::make_reason;
using std::chrono::days;
using std::chrono::sys_days;

Date plus(Date date, int n) { return Date{sys_days{date} + days{n}}; }

std::int64_t day_number(Date date) { return sys_days{date}.time_since_epoch().count(); }

bool unknown_year(const Error& e) { return e.code() == Errc::range && e.klass() == ErrClass::time; }

// The working days between as_of and a due date (left before it, late
// after it), remembered per due date: a plan's instances share a few
// hundred due dates, so most counts become one array read. A count the
// calendar refuses is never stored, so its error comes again each time.
class DayCounts {
 public:
  DayCounts(const WorkCalendar& calendar, Date as_of)
      : calendar_(calendar), as_of_(as_of), as_of_day_(day_number(as_of)) {}

  // Working days in (as_of, due] for due >= as_of, in (due, as_of] for due < as_of.
  int between(Date due) const {
    const std::int64_t offset = day_number(due) - as_of_day_ + kWindow;
    if (!due.ok() || offset < 0 || offset >= 2 * kWindow + 1) return compute(due);
    if (cache_.empty()) cache_.assign(2 * kWindow + 1, kUnknown);
    int& slot = cache_[static_cast<std::size_t>(offset)];
    if (slot == kUnknown) slot = compute(due);
    return slot;
  }

 private:
  static constexpr std::int64_t kWindow = 3 * 366;  // days either side of as_of
  static constexpr int kUnknown = -1;

  int compute(Date due) const {
    return due < as_of_ ? calendar_.workdays_between(plus(due, 1), as_of_)
                        : calendar_.workdays_between(plus(as_of_, 1), due);
  }

  const WorkCalendar& calendar_;
  Date as_of_;
  std::int64_t as_of_day_;
  mutable std::vector<int> cache_;
};

class Evaluator {
 public:
  Evaluator(const WorkCalendar& calendar, Date as_of, const StatusOptions& options)
      : calendar_(calendar), as_of_(as_of), options_(options), counts_(calendar, as_of) {}

  // Fills `st` and appends the subject's recorded reasons to `recorded`.
  void run(const Subject& s, const ItemFacts* facts, ItemStatus& st, std::vector<Reason>& recorded) const {
    st = ItemStatus{};
    if (facts) {
      // The label is built only on failure: most items with facts are fine.
      try {
        progress::check_facts(*facts, {});
      } catch (const Error& e) {
        throw Error(e.code(), e.klass(), progress::label(s) + ": " + e.what());
      }
      known_on(*facts, st);
    }
    st.first_recorded = static_cast<std::uint32_t>(recorded.size());
    if (s.due) {
      const Date original = s.due->effective;
      const bool extended = facts != nullptr && !facts->extensions.empty();
      const Date current = extended ? extensions(s, *facts, original, &recorded) : original;
      st.original_due = original;
      st.current_due = current;
      st.due = options_.basis == DueBasis::current ? current : original;
    }
    if (recorded.size() - st.first_recorded > 60000) {
      throw Error(Errc::range, ErrClass::argument, progress::label(s) + ": too many extension requests");
    }
    st.recorded_count = static_cast<std::uint16_t>(recorded.size() - st.first_recorded);
    try {
      date_rule(st, true);
      expected(s, st);
    } catch (const Error& e) {
      if (!s.provisional || !unknown_year(e)) throw;
      // The working days to a date in an unknown year cannot be counted:
      // decide by the stated day alone; the provisional_due reason says so.
      st.expected.reset();
      date_rule(st, false);
    }
    Light light = Light::green;
    progress::derive_reasons(s, st, options_.rules, [&](const Reason& r) { light = std::max(light, r.light); });
    for (std::uint32_t i = 0; i < st.recorded_count; ++i) {
      light = std::max(light, recorded[st.first_recorded + i].light);
    }
    st.light = light;
  }

 private:
  void known_on(const ItemFacts& facts, ItemStatus& st) const {
    if (facts.done && !(as_of_ < *facts.done)) st.done = facts.done;
    std::optional<double> actual;
    for (const ProgressPoint& p : facts.progress) {
      if (as_of_ < p.date) continue;
      // The latest report counts; of two on one day, the one given later.
      if (!st.reported || !(p.date < *st.reported)) {
        st.reported = p.date;
        actual = p.percent;
      }
      if (p.percent >= 100.0 && (!st.done || p.date < *st.done)) st.done = p.date;
    }
    if (actual) st.actual = static_cast<float>(hundredths(*actual));
  }

  // Status and working-day count; `counted` false when they cannot be counted.
  void date_rule(ItemStatus& st, bool counted) const {
    st.workdays = 0;
    if (!st.due) {
      st.status = st.done ? Status::done_on_time : Status::ongoing;
      return;
    }
    const Date due = *st.due;
    if (st.done) {
      if (!(due < *st.done)) {
        st.status = Status::done_on_time;
      } else {
        st.status = Status::done_late;
        st.workdays = counted ? calendar_.workdays_between(plus(due, 1), *st.done) : -1;
      }
      return;
    }
    if (due < as_of_) {
      st.status = Status::overdue;
      st.workdays = counted ? counts_.between(due) : -1;
      return;
    }
    st.status = Status::not_yet_due;
    if (!counted) {
      st.workdays = -1;
      return;
    }
    st.workdays = counts_.between(due);
    if (st.workdays <= options_.rules.due_soon_workdays) st.status = Status::due_soon;
  }

  // 序时进度 as of as_of; tasks only (an instance is a report that is either
  // in or not).
  void expected(const Subject& s, ItemStatus& st) const {
    if (s.is_instance() || !s.start.ok()) return;
    std::vector<Milestone> curve;
    if (s.milestones.empty()) {
      if (!st.due) return;
      curve.push_back(Milestone{*st.due, {}, 1.0});
    }
    const std::vector<Milestone>& points = s.milestones.empty() ? curve : s.milestones;
    Date start = s.start;
    // Work assigned after its first milestone: the curve starts there.
    for (const Milestone& m : points) {
      if (m.date.ok() && m.date < start) start = m.date;
    }
    double share = 0;
    try {
      share = options_.workday_curve ? expected_progress(points, start, as_of_, calendar_)
                                     : expected_progress(points, start, as_of_);
    } catch (const Error& e) {
      if (e.code() != Errc::inval) throw;
      throw Error(e.code(), e.klass(), progress::label(s) + ": " + e.what());
    }
    st.expected = static_cast<float>(hundredths(share * 100.0));
  }

  // Walks the requests known on as_of in request order, records what each
  // one did and returns the due date they leave.
  Date extensions(const Subject& s, const ItemFacts& facts, Date original, std::vector<Reason>* out) const {
    std::vector<std::size_t> order(facts.extensions.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return facts.extensions[a].requested < facts.extensions[b].requested;
    });
    Date current = original;
    for (const std::size_t i : order) {
      const Extension& e = facts.extensions[i];
      if (!(original < e.until)) {
        throw Error(Errc::inval, ErrClass::argument,
                    progress::label(s) + ": extensions[" + std::to_string(i) + "]: until " + format_date(e.until) +
                        " is not after the due date " + format_date(original));
      }
      if (as_of_ < e.requested) continue;
      const auto say = [&](ReasonCode code, Date date) { out->push_back(make_reason(code, Light::green, date)); };
      if (current < e.requested) {
        say(ReasonCode::extension_late, e.requested);
        continue;
      }
      const bool decided = !(as_of_ < e.decided.value_or(e.requested));
      if (e.decision == Decision::approved && decided) {
        const Date moved = calendar_.roll(e.until, options_.shift);
        if (current < moved) current = moved;
        say(ReasonCode::extension_approved, moved);
      } else if (e.decision == Decision::refused && decided) {
        say(ReasonCode::extension_refused, e.until);
      } else {
        say(ReasonCode::extension_pending, e.until);
      }
    }
    return current;
  }

  const WorkCalendar& calendar_;
  Date as_of_;
  const StatusOptions& options_;
  DayCounts counts_;
};

// Each recurring task takes the worst light of its instances, with a
// recorded reason naming how many share it and the first of them.
void roll_up(StatusReport& report) {
  std::unordered_map<TaskId, std::size_t> recurring;
  for (std::size_t i = 0; i < report.subjects.size(); ++i) {
    const Subject& s = report.subjects[i];
    if (s.recurring && !s.is_instance()) recurring.emplace(s.task, i);
  }
  std::vector<std::optional<Reason>> worst(report.items.size());
  for (std::size_t j = 0; j < report.subjects.size(); ++j) {
    const Subject& s = report.subjects[j];
    if (!s.is_instance()) continue;
    const auto it = recurring.find(s.task);
    if (it == recurring.end()) continue;
    const Light light = report.items[j].light;
    if (light == Light::green) continue;
    auto& r = worst[it->second];
    if (!r || r->light < light) {
      r = make_reason(ReasonCode::instances, light);
      r->count = 1;
      r->item = j;
    } else if (r->light == light) {
      ++r->count;
    }
  }
  for (std::size_t i = 0; i < worst.size(); ++i) {
    if (!worst[i]) continue;
    ItemStatus& st = report.items[i];
    // Keep the item's recorded reasons together: move them to the end.
    const auto at = static_cast<std::uint32_t>(report.recorded.size());
    for (std::uint32_t k = 0; k < st.recorded_count; ++k) {
      report.recorded.push_back(report.recorded[st.first_recorded + k]);
    }
    report.recorded.push_back(*worst[i]);
    st.first_recorded = at;
    st.recorded_count = static_cast<std::uint16_t>(st.recorded_count + 1);
    st.light = std::max(st.light, worst[i]->light);
  }
}

// Which instance ids have facts, as a bit per hash: most instances have
// none, and a miss in the facts' hash map costs a few cache misses where a
// bit costs one. A set bit may be a false positive; the map decides.
class FactsFilter {
 public:
  explicit FactsFilter(const ProgressFacts& facts) : facts_(facts) {
    if (facts.instances.size() < kMinimum) return;
    std::size_t size = 64;
    while (size < facts.instances.size() * 16) size *= 2;
    bits_.assign(size / 64, 0);
    mask_ = size - 1;
    for (const auto& [id, ignored] : facts.instances) set(std::hash<std::string>{}(id));
  }

  const ItemFacts* find(const Subject& s) const {
    if (!bits_.empty() && s.is_instance() && !test(std::hash<std::string>{}(s.instance))) return nullptr;
    return facts_.find(s);
  }

 private:
  // Below this many the map's own misses are cheap enough.
  static constexpr std::size_t kMinimum = 512;

  void set(std::size_t h) { bits_[(h & mask_) / 64] |= std::uint64_t{1} << (h % 64); }
  bool test(std::size_t h) const { return (bits_[(h & mask_) / 64] >> (h % 64)) & 1u; }

  const ProgressFacts& facts_;
  std::vector<std::uint64_t> bits_;
  std::size_t mask_ = 0;
};

}  // namespace

int LightCounts::of(Light light) const noexcept {
  switch (light) {
    case Light::green: return green;
    case Light::blue: return blue;
    case Light::yellow: return yellow;
    case Light::red: return red;
  }
  return 0;
}

std::vector<Reason> StatusReport::reasons_of(std::size_t item) const {
  if (item >= items.size() || item >= subjects.size()) {
    throw Error(Errc::range, ErrClass::argument,
                "reasons_of: item " + std::to_string(item) + " is not in the report (it has " +
                    std::to_string(items.size()) + ")");
  }
  const ItemStatus& st = items[item];
  std::vector<Reason> out;
  progress::derive_reasons(subjects[item], st, options.rules, [&](const Reason& r) { out.push_back(r); });
  for (std::uint32_t k = 0; k < st.recorded_count; ++k) out.push_back(recorded.at(st.first_recorded + k));
  return out;
}

LightCounts StatusReport::counts() const noexcept {
  LightCounts c;
  for (const ItemStatus& st : items) {
    switch (st.light) {
      case Light::green: ++c.green; break;
      case Light::blue: ++c.blue; break;
      case Light::yellow: ++c.yellow; break;
      case Light::red: ++c.red; break;
    }
  }
  return c;
}

void evaluate(StatusReport& into, std::vector<Subject> subjects, const WorkCalendar& calendar, Date as_of,
              const ProgressFacts& facts, const StatusOptions& options) {
  if (!as_of.ok()) throw Error(Errc::inval, ErrClass::argument, "evaluate: as_of is not a date");
  progress::check_rules(options.rules);
  // Reuse the report's storage: a caller refreshing a large report keeps
  // its memory instead of asking the system for it again.
  into.as_of = as_of;
  into.options = options;
  into.items.resize(subjects.size());
  into.recorded.clear();
  const Evaluator evaluator(calendar, as_of, into.options);
  const bool no_facts = facts.empty();
  const FactsFilter filter(facts);
  bool recurring = false;
  try {
    for (std::size_t i = 0; i < subjects.size(); ++i) {
      const Subject& s = subjects[i];
      recurring = recurring || s.recurring;
      evaluator.run(s, no_facts ? nullptr : filter.find(s), into.items[i], into.recorded);
    }
  } catch (...) {
    // Leave a consistent, empty report rather than half of one.
    into.subjects.clear();
    into.items.clear();
    into.recorded.clear();
    throw;
  }
  into.subjects = std::move(subjects);
  if (recurring) roll_up(into);
}

StatusReport evaluate(std::vector<Subject> subjects, const WorkCalendar& calendar, Date as_of,
                      const ProgressFacts& facts, const StatusOptions& options) {
  StatusReport report;
  evaluate(report, std::move(subjects), calendar, as_of, facts, options);
  return report;
}

StatusReport evaluate(const Plan& plan, const WorkCalendar& calendar, Date as_of, const ProgressFacts& facts,
                      const StatusOptions& options, const SubjectOptions& subjects) {
  return evaluate(subjects_of(plan, calendar, as_of, subjects), calendar, as_of, facts, options);
}

}  // namespace duban
