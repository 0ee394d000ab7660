// The input's summary for one Assessor and as-of date (InputSummaries):
// the task facts checked and each task judged, and the report facts
// counted per task and holder. Made once and kept with the input, so runs
// after the first read a few bytes per responsibility instead of every
// fact. Counts are whole numbers, so a total made from them does not
// depend on the order the facts were met in: a run reading the counts and
// an explanation walking the facts one by one agree to the bit.
#include <algorithm>
#include <bit>

#include "assess/engine.hpp"
#include "duban/error.hpp"

namespace duban {
namespace {

using namespace scoring;

// At most this many summaries stay with an input: each holds a few bytes
// per task and responsibility, and a caller moving through many dates
// should not keep them all.
constexpr std::size_t kKept = 4;

bool has_rule(const Assessor::Impl& impl, RuleKind kind) {
  return std::any_of(impl.items.begin(), impl.items.end(),
                     [&](const CompiledItem& c) { return c.item->rule.kind == kind; });
}

void summarize_tasks(const Assessor::Impl& impl, const AssessmentInput& in, Date as_of, Summary& out) {
  const std::size_t n_tasks = impl.task_key.size();
  std::vector<std::uint32_t> fact_of(n_tasks, kNone);
  for (std::size_t i = 0; i < in.tasks.size(); ++i) {
    const TaskFact& f = in.tasks[i];
    if (f.task < 1 || static_cast<std::uint64_t>(f.task) > n_tasks) {
      input_error("tasks", i, "no task " + std::to_string(f.task) + " in the plan");
    }
    const auto t = static_cast<std::uint32_t>(f.task - 1);
    if (f.unit == 0) {
      if (fact_of[t] != kNone) {
        input_error("tasks", i, impl.task_label(t) + " already has a fact (tasks[" + std::to_string(fact_of[t]) + "])");
      }
      fact_of[t] = static_cast<std::uint32_t>(i);
      continue;
    }
    const std::uint32_t u = impl.unit_index(f.unit);
    if (u == kNone || !impl.role_in(t, u)) {
      input_error("tasks", i, "unit " + std::to_string(f.unit) + " does not hold " + impl.task_label(t));
    }
    const std::uint64_t key = (static_cast<std::uint64_t>(t) << 32) | u;
    if (!out.unit_facts.emplace(key, static_cast<std::uint32_t>(i)).second) {
      input_error("tasks", i, impl.task_label(t) + " already has a fact for " + impl.units[u].name);
    }
  }
  if (!has_rule(impl, RuleKind::completion)) return;
  // Judged only once every fact has been checked, in task order, so that a
  // calendar error never comes before an input error of a later fact.
  const RunData data;
  const Context ctx{impl, in, as_of, data, impl.scheme.precision};
  out.judged.resize(n_tasks);
  for (std::uint32_t t = 0; t < n_tasks; ++t) {
    const std::uint32_t f = fact_of[t];
    if (f == kNone) {
      // What judge() makes of a task without a fact, without building a
      // whole TaskStatus for each of what may be most of the tasks.
      const std::optional<Date>& due = impl.plan_due[t];
      out.judged[t] = {due && *due < as_of ? TaskStatus::not_done : TaskStatus::not_judged, 0};
      continue;
    }
    const TaskStatus s = judge(ctx, t, &in.tasks[f]);
    out.judged[t] = {s.kind, s.late_workdays};
  }
  out.fact_of = std::move(fact_of);
}

// Each holder's standing, laid out as the unit walks read it (a unit's own
// fact, rare, judged here rather than looked up on every run), and what
// each unit's walk needs of them, in one pass over the responsibilities.
// The lists are reserved for every responsibility: capacity never written
// costs no pages, and they never grow by copying.
void summarize_standings(const Assessor::Impl& impl, const AssessmentInput& in, Date as_of, Summary& out) {
  const RunData data;
  const Context ctx{impl, in, as_of, data, impl.scheme.precision};
  const std::size_t n_units = impl.units.size();
  out.held_judged.resize(impl.held.size());
  out.unit_judged.assign(n_units, {0, 0, 0, 0});
  out.judged_begin.assign(n_units + 1, 0);
  out.losing_begin.assign(n_units + 1, 0);
  out.judged_held.reserve(impl.held.size());
  out.losing.reserve(impl.held.size());
  const bool own_facts = !out.unit_facts.empty();
  const Judged* const judged = out.judged.data();
  const Held* const held = impl.held.data();
  Judged* const standing = out.held_judged.data();
  const std::size_t n_held = impl.held.size();
  constexpr std::size_t kAhead = 16;
  // A unit's lists are written to scratch space without a branch (which
  // standings count follows no pattern a predictor learns), every entry
  // written and the end moved on only past those that count, then copied
  // out whole.
  std::vector<std::uint32_t> judged_scratch;
  std::vector<Losing> losing_scratch;
  for (std::uint32_t u = 0; u < n_units; ++u) {
    const std::uint32_t first = impl.unit_begin[u];
    const std::uint32_t last = impl.unit_begin[u + 1];
    if (judged_scratch.size() < last - first) {
      judged_scratch.resize(last - first);
      losing_scratch.resize(last - first);
    }
    std::uint32_t* const judged_out = judged_scratch.data();
    Losing* const losing_out = losing_scratch.data();
    std::uint32_t n_judged = 0;
    std::uint32_t n_losing = 0;
    std::array<std::uint32_t, 4> by_role = {0, 0, 0, 0};
    for (std::uint32_t k = first; k < last; ++k) {
      const Held h = held[k];
      // A unit's tasks lie all over the task table: fetched ahead, their
      // standings are in cache by the time they are read.
      if (k + kAhead < n_held) __builtin_prefetch(judged + held[k + kAhead].task);
      Judged j = judged[h.task];
      if (own_facts) {
        const auto own = out.unit_facts.find(static_cast<std::uint64_t>(h.task) << 32 | u);
        if (own != out.unit_facts.end()) {
          const TaskStatus s = judge(ctx, h.task, &in.tasks[own->second]);
          j = {s.kind, s.late_workdays};
        }
      }
      j = j.held_as(h.role);
      standing[k] = j;
      const auto role = static_cast<std::uint32_t>(h.role) & 3;
      const std::uint32_t counts = j.kind() != TaskStatus::not_judged ? 1 : 0;
      by_role[role] += counts;
      judged_out[n_judged] = h.task << 2 | role;
      n_judged += counts;
      losing_out[n_losing] = {h.task, j};
      n_losing += j.loses() ? 1 : 0;
    }
    out.unit_judged[u] = by_role;
    out.judged_held.insert(out.judged_held.end(), judged_out, judged_out + n_judged);
    out.losing.insert(out.losing.end(), losing_out, losing_out + n_losing);
    out.judged_begin[u + 1] = static_cast<std::uint32_t>(out.judged_held.size());
    out.losing_begin[u + 1] = static_cast<std::uint32_t>(out.losing.size());
  }
  for (const Judged j : out.judged) out.judged_tasks += j.kind() != TaskStatus::not_judged ? 1 : 0;
}

// A holder's counts while the facts are read: the group it goes to
// (unit index × 4 + role) in place of its task, which the list of tasks
// gives back when the records are regrouped.
struct Staged {
  std::uint32_t group = 0;
  std::uint32_t n[3] = {0, 0, 0};
};

// Which of a task's holders, up to four, made a fact by `unit`, as the
// index of the first (4: none). `h` holds their ids, the places past the
// last one holding the first again, which a first match never reaches:
// all are compared at once, as which holder a fact names follows no
// pattern a predictor learns.
inline std::uint32_t holder_of(const UnitId (&h)[4], UnitId unit) noexcept {
  const unsigned match =
      (unit == h[0] ? 1u : 0u) | (unit == h[1] ? 2u : 0u) | (unit == h[2] ? 4u : 0u) | (unit == h[3] ? 8u : 0u);
  return static_cast<std::uint32_t>(std::countr_zero(match | 16u));
}

// Counts the facts of one task's run from `p` on into its holders'
// records, laid out already, for up to four holders (`h`, as holder_of
// reads them). Stops at the run's end or at a fact no holder made, which
// the caller refuses. Apart from the caller, whose many values would
// leave too few registers for the pass over millions of facts.
[[gnu::noinline]] const ReportFact* count_run(const ReportFact* p, const ReportFact* const end, const TaskId id,
                                              const std::int32_t day, const UnitId (&h)[4], Staged* const records) noexcept {
  const UnitId ids[4] = {h[0], h[1], h[2], h[3]};
  for (; p != end && p->task == id; ++p) {
    const std::int32_t due = packed(p->due);
    if (day < due) continue;
    const std::uint32_t k = holder_of(ids, p->unit);
    if (k == 4) break;
    ++records[k].n[report_outcome(*p, due, day)];
  }
  return p;
}

// One pass over the facts, in input order, counting into a record per
// holder of each task laid out when the task's first fact due by as_of is
// met; a fact the fact-by-fact walk would refuse is noted instead of
// counted, and refused only by the items that would meet it. Then the
// records are regrouped by unit and role, each group in task order.
// Facts usually come in runs of one task (assessment_input writes them
// so), and a task's holders and records are looked up once a run; the
// staging lists are reserved for their largest size (capacity never
// written costs no pages), so they never grow by copying and a run's
// records stay where they are.
void summarize_reports(const Assessor::Impl& impl, const AssessmentInput& in, Date as_of, Summary& out) {
  const std::size_t n_tasks = impl.task_key.size();
  const std::int32_t day = packed(as_of);
  std::vector<Staged> staged;  // task by task, in the order first met; each task's in the order of Impl::holders
  std::vector<std::uint32_t> tasks;  // with records, in the order first met
  // By task index: where its records start. Needed only once a task comes
  // back after a later one; facts in task order never make it.
  std::vector<std::uint32_t> records_of;
  tasks.reserve(std::min(n_tasks, in.reports.size()));
  staged.reserve(in.reports.empty() ? 0 : impl.holders.size());
  const std::uint32_t* const task_begin = impl.task_begin.data();
  const Holder* const holders = impl.holders.data();
  // Groups are counted as their records are laid out, while the task's
  // holders are still in cache, rather than read again for the regroup.
  out.report_begin.assign(impl.units.size() * 4 + 1, 0);
  std::uint32_t* const group_size = out.report_begin.data() + 1;
  // A run of facts on one task at a time: its holders (by UnitId, which a
  // fact names, so a fact is matched without looking its unit up) and its
  // records, which the reserve keeps in place.
  constexpr std::uint32_t kFew = 4;
  std::vector<UnitId> unit_id(impl.units.size());
  for (std::size_t u = 0; u < unit_id.size(); ++u) unit_id[u] = impl.units[u].id;
  const ReportFact* const facts = in.reports.data();
  const std::size_t n_facts = in.reports.size();
  for (std::size_t i = 0; i < n_facts;) {
    const TaskId id = facts[i].task;
    const auto t = static_cast<std::uint64_t>(id - 1);
    if (t >= n_tasks) {
      out.refused.push_back(static_cast<std::uint32_t>(i++));
      continue;
    }
    const std::uint32_t first = task_begin[t];
    const std::uint32_t n_holders = task_begin[t + 1] - first;
    Staged* records = nullptr;
    if (!tasks.empty() && (!records_of.empty() || t <= tasks.back())) {
      if (records_of.empty()) {
        records_of.assign(n_tasks, kNone);
        std::uint32_t at = 0;
        for (const std::uint32_t m : tasks) {
          records_of[m] = at;
          at += task_begin[m + 1] - task_begin[m];
        }
      }
      if (records_of[t] != kNone) records = staged.data() + records_of[t];
    }
    const bool few = n_holders <= kFew && n_holders > 0;
    UnitId h[kFew] = {};
    if (few) {
      for (std::uint32_t k = 0; k < kFew; ++k) h[k] = unit_id[holders[first + (k < n_holders ? k : 0)].unit];
    }
    while (i < n_facts && facts[i].task == id) {
      if (few && records) {
        i = static_cast<std::size_t>(count_run(facts + i, facts + n_facts, id, day, h, records) - facts);
        if (i == n_facts || facts[i].task != id) break;
      }
      // The fact count_run stopped at (refused), or one met before the
      // task's records are laid out, or with many holders.
      const ReportFact& f = facts[i++];
      const std::int32_t due = packed(f.due);
      if (day < due) continue;
      std::uint32_t k = 0;
      if (few) {
        k = std::min(holder_of(h, f.unit), n_holders);
      } else {
        const std::uint32_t u = impl.unit_index(f.unit);
        while (k < n_holders && holders[first + k].unit != u) ++k;
      }
      if (k == n_holders) {
        out.refused.push_back(static_cast<std::uint32_t>(i - 1));
        continue;
      }
      if (!records) {
        if (!records_of.empty()) records_of[t] = static_cast<std::uint32_t>(staged.size());
        tasks.push_back(static_cast<std::uint32_t>(t));
        for (std::uint32_t j = first; j < first + n_holders; ++j) {
          const std::uint32_t g = holders[j].unit * 4 + (static_cast<std::uint32_t>(holders[j].role) & 3);
          staged.push_back(Staged{g, {0, 0, 0}});
          ++group_size[g];
        }
        records = staged.data() + staged.size() - n_holders;
      }
      ++records[k].n[report_outcome(f, due, day)];
    }
  }
  for (std::size_t g = 1; g < out.report_begin.size(); ++g) out.report_begin[g] += out.report_begin[g - 1];
  out.report_counts.resize(staged.size());
  std::vector<std::uint32_t> next(out.report_begin.begin(), out.report_begin.end() - 1);
  ReportCounts* const placed = out.report_counts.data();
  // Each task's records, its holders' in turn, go to their groups' next
  // places, the tasks taken in task order; the writes land all over the
  // groups, so the place of a record a few ahead is fetched early.
  const auto place = [&](const std::uint32_t* task, const std::uint32_t* end, auto start_of) {
    constexpr std::size_t kAhead = 16;
    for (; task != end; ++task) {
      const std::uint32_t t = *task;
      const std::uint32_t at = start_of(t);
      const std::uint32_t n = task_begin[t + 1] - task_begin[t];
      for (std::uint32_t j = at; j < at + n; ++j) {
        if (j + kAhead < staged.size()) __builtin_prefetch(placed + next[staged[j + kAhead].group], 1);
        const Staged& r = staged[j];
        placed[next[r.group]++] = ReportCounts{t, {r.n[0], r.n[1], r.n[2]}};
      }
    }
  };
  if (records_of.empty()) {
    // Every task met once, in task order: their records follow each other.
    std::uint32_t at = 0;
    place(tasks.data(), tasks.data() + tasks.size(), [&](std::uint32_t t) {
      const std::uint32_t start = at;
      at += task_begin[t + 1] - task_begin[t];
      return start;
    });
    return;
  }
  std::sort(tasks.begin(), tasks.end());
  place(tasks.data(), tasks.data() + tasks.size(), [&](std::uint32_t t) { return records_of[t]; });
}

// Made over the vectors the input holds now.
bool same_facts(const InputSummaries::Entry& e, const AssessmentInput& in) {
  return e.tasks == in.tasks.data() && e.n_tasks == in.tasks.size() && e.reports == in.reports.data() &&
         e.n_reports == in.reports.size();
}

bool fits(const InputSummaries::Entry& e, const std::shared_ptr<const Assessor::Impl>& impl,
          const AssessmentInput& in, Date as_of) {
  return !e.impl.owner_before(impl) && !impl.owner_before(e.impl) && e.as_of == as_of && same_facts(e, in);
}

}  // namespace

namespace scoring {

std::shared_ptr<Summary> summarize(const Assessor::Impl& impl, const AssessmentInput& in, Date as_of) {
  auto out = std::make_shared<Summary>();
  summarize_tasks(impl, in, as_of, *out);
  // Reports before standings (neither throws for the other's input): so
  // measured faster, the report pass's staging, freed, being memory the
  // standings' lists then fill instead of fresh pages.
  if (has_rule(impl, RuleKind::timeliness)) summarize_reports(impl, in, as_of, *out);
  if (has_rule(impl, RuleKind::completion)) summarize_standings(impl, in, as_of, *out);
  return out;
}

}  // namespace scoring

InputSummaries& InputSummaries::operator=(const InputSummaries& other) noexcept {
  if (this != &other) clear();
  return *this;
}

InputSummaries::InputSummaries(InputSummaries&& other) noexcept {
  const std::lock_guard lock(other.mutex_);
  entries_ = std::move(other.entries_);
  other.entries_.clear();
}

InputSummaries& InputSummaries::operator=(InputSummaries&& other) noexcept {
  if (this == &other) return *this;
  const std::scoped_lock lock(mutex_, other.mutex_);
  entries_ = std::move(other.entries_);
  other.entries_.clear();
  return *this;
}

InputSummaries::~InputSummaries() = default;

void InputSummaries::clear() noexcept {
  const std::lock_guard lock(mutex_);
  entries_.clear();
}

std::size_t InputSummaries::size() const noexcept {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

std::shared_ptr<const InputSummaries::Entry> Assessor::summary(const AssessmentInput& input, Date as_of) const {
  const InputSummaries& kept = input.summaries;
  {
    const std::lock_guard lock(kept.mutex_);
    for (const auto& e : kept.entries_) {
      if (fits(*e, impl_, input, as_of)) return e;
    }
  }
  // Made outside the lock: two threads may both make one, and both are right.
  auto entry = std::make_shared<InputSummaries::Entry>();
  entry->impl = impl_;
  entry->as_of = as_of;
  entry->tasks = input.tasks.data();
  entry->n_tasks = input.tasks.size();
  entry->reports = input.reports.data();
  entry->n_reports = input.reports.size();
  entry->summary = summarize(*impl_, input, as_of);
  const std::lock_guard lock(kept.mutex_);
  // Those that can never fit again go (their Assessor is gone, or the
  // input's vectors moved or changed length), and one for the same stamp
  // another thread made meanwhile; then the oldest, past kKept.
  std::erase_if(kept.entries_, [&](const auto& e) {
    return e->impl.expired() || !same_facts(*e, input) || fits(*e, impl_, input, as_of);
  });
  if (kept.entries_.size() >= kKept) kept.entries_.erase(kept.entries_.begin());
  kept.entries_.push_back(entry);
  return entry;
}

void Assessor::prepare(const AssessmentInput& input, Date as_of) const { (void)summary(input, as_of); }

}  // namespace duban
