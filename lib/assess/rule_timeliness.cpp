// timeliness: the reports a unit owes on recurring tasks (月度报告, 季度报告),
// each instance due on or before as_of counted once per reporting unit.
// Reported by the due date: on time; later: late (迟报); not reported, or
// only after as_of: missing (漏报).
//  - rate: points × (1 − Σ weight × miss / n), a late report missing
//    (1 − late_credit) of an on-time one;
//  - deduct: points − min(cap, Σ weight × (per_late | per_missing)), never
//    below 0 (扣完为止).
#include <algorithm>
#include <limits>

#include "assess/engine.hpp"
#include "assess/number.hpp"
#include "duban/error.hpp"

namespace duban::scoring {
namespace {

enum class Outcome { on_time = 0, late = 1, missing = 2 };

double miss_of(Outcome o, const Rule& r) {
  if (r.mode == TimelinessMode::rate) {
    return o == Outcome::on_time ? 0.0 : o == Outcome::late ? 1 - r.late_credit : 1.0;
  }
  return o == Outcome::on_time ? 0.0 : o == Outcome::late ? r.per_late : r.per_missing;
}

[[gnu::noinline]] void report_node(const Context& ctx, Explanation* node, std::size_t index, const ReportFact& f,
                                   Outcome o, const Rule& r, double weight, Role role) {
  if (!node) return;
  Explanation n;
  const std::uint32_t t = static_cast<std::uint32_t>(f.task - 1);
  const std::uint32_t u = ctx.impl.unit_index(f.unit);
  n.what = ctx.impl.task_label(t) + ", report due " + format_date(f.due) + " by " + ctx.impl.units[u].name;
  n.rule = "timeliness";
  std::string state;
  switch (o) {
    case Outcome::on_time:
      state = "reported " + format_date(*f.reported) + ": on time";
      break;
    case Outcome::late:
      state = "reported " + format_date(*f.reported) + ": " +
              std::to_string(ctx.impl.calendar->workdays_between(
                  Date{std::chrono::sys_days{f.due} + std::chrono::days{1}}, *f.reported)) +
              " working days late (迟报)";
      break;
    case Outcome::missing:
      state = f.reported ? "reported " + format_date(*f.reported) + ", after the as-of date: missing (漏报)"
                         : "not reported (漏报)";
      break;
  }
  const double miss = miss_of(o, r);
  n.points = -weight * miss;
  n.arithmetic = state + "; " + (r.mode == TimelinessMode::rate ? "miss " : "deduct ") + num(miss);
  if (weight != 1) n.arithmetic += " × " + num(weight) + " (" + std::string(to_string(role)) + ")";
  n.source = f.ref ? "event " + std::to_string(f.ref) : "reports[" + std::to_string(index) + "]";
  node->children.push_back(std::move(n));
}

[[noreturn, gnu::cold, gnu::noinline]] void no_task(std::size_t i, const ReportFact& f) {
  input_error("reports", i, "no task " + std::to_string(f.task) + " in the plan");
}

[[noreturn, gnu::cold, gnu::noinline]] void owes_none(const Context& ctx, std::size_t i, const ReportFact& f) {
  input_error("reports", i,
              "unit " + std::to_string(f.unit) + " does not hold " +
                  ctx.impl.task_label(static_cast<std::uint32_t>(f.task - 1)) + ": it owes no report");
}

}  // namespace

// Dates as one ordered integer, so the loop over millions of reports
// compares words instead of year, month and day in turn.
inline std::int32_t packed(Date d) noexcept {
  return (static_cast<std::int32_t>(d.year()) << 9) | (static_cast<std::int32_t>(static_cast<unsigned>(d.month())) << 5) |
         static_cast<std::int32_t>(static_cast<unsigned>(d.day()));
}

namespace {

// One holder of the task whose facts are being read: whether its reports
// count for this item, where they go and what each outcome costs it. Set
// once per run of facts on a task, so the loop over the facts does no
// role, mask or weight look-ups.
struct alignas(64) Lane {
  double weighted[3] = {0, 0, 0};  // weight × miss by outcome: the product the one-slot walk takes too
  double plan[3] = {0, 0, 0};      // miss by outcome, or 0 when the item does not count this holder
  std::uint32_t plan_count = 0;    // 1 when the item counts this holder
  std::uint32_t slot = 0;          // where its sums go: a slot, or the spare one past the plan's
  Role role = Role::responsible;
  bool counts = false;
};
// One cache line, and an index into the lanes is a shift.
static_assert(sizeof(Lane) == 64);

// Per slot, how many reports were due and what they missed; the plan's
// slot is `plan`, and one more (spare) takes what belongs to no one.
struct Totals {
  std::vector<std::uint32_t> count;
  std::vector<double> miss;
};

// The item's view of the task being read, and which of its holders each
// unit is (task << 32 | lane, by unit index; another task's stamp: none).
class Lanes {
 public:
  Lanes(const Context& ctx, const CompiledItem& c)
      : impl_(ctx.impl), c_(c), holder_of_(ctx.impl.units.size(), ~std::uint64_t{0}) {
    const Rule& r = c.item->rule;
    miss_by_[0] = miss_of(Outcome::on_time, r);
    miss_by_[1] = miss_of(Outcome::late, r);
    miss_by_[2] = miss_of(Outcome::missing, r);
  }

  // Out of line: it runs once per task, and inlined it crowded the fact
  // loop's registers until its sums went through memory.
  [[gnu::noinline]] bool enter(std::uint32_t t) {
    if (!c_.task_mask[t]) return false;
    const auto& role_filter = c_.item->select.role;
    const std::uint32_t first = impl_.task_begin[t];
    const std::uint32_t last = impl_.task_begin[t + 1];
    const std::uint32_t spare = impl_.slots() + 1;
    if (lanes_.size() < last - first) lanes_.resize(last - first);
    for (std::uint32_t k = first; k < last; ++k) {
      const Holder h = impl_.holders[k];
      Lane& lane = lanes_[k - first];
      holder_of_[h.unit] = static_cast<std::uint64_t>(t) << 32 | (k - first);
      lane.counts = (!role_filter || h.role == *role_filter) && (c_.unit_mask.empty() || c_.unit_mask[h.unit]);
      lane.role = h.role;
      const std::uint32_t slot = impl_.unit_slot[h.unit];
      lane.slot = lane.counts && slot != kNone ? slot : spare;
      lane.plan_count = lane.counts ? 1 : 0;
      for (int o = 0; o < 3; ++o) {
        lane.weighted[o] = c_.weights.of(h.role) * miss_by_[o];
        lane.plan[o] = lane.counts ? miss_by_[o] : 0.0;
      }
    }
    return true;
  }

  // The holders of a task a few runs ahead: they lie apart in memory
  // (recurring tasks are a few among many), and waiting for each in turn
  // cost as much as reading all the facts.
  void prefetch(TaskId task) const noexcept {
    const auto t = static_cast<std::uint64_t>(task - 1);
    if (t < impl_.task_key.size()) __builtin_prefetch(&impl_.holders[impl_.task_begin[t]]);
  }

  const std::uint64_t* holder_of() const noexcept { return holder_of_.data(); }
  const Lane* lanes() const noexcept { return lanes_.data(); }
  double miss_by(int o) const noexcept { return miss_by_[o]; }

 private:
  const Assessor::Impl& impl_;
  const CompiledItem& c_;
  std::vector<std::uint64_t> holder_of_;
  std::vector<Lane> lanes_;
  double miss_by_[3] = {0, 0, 0};
};

// How far ahead (in facts) the holders of a coming task, and the facts
// themselves, are fetched: the loop does too little per fact for the
// hardware to run far enough ahead on its own (a third of the time went
// waiting for facts without it).
constexpr std::ptrdiff_t kAhead = 128;
constexpr std::ptrdiff_t kStream = 64;

// Every fact once, in input order, so each slot's sum is added in the same
// order whether all slots are wanted (Traced = false) or one is traced.
// Adding 0.0 leaves a sum as it is, so the untraced loop adds the plan's
// and the spare slot's terms without asking whether they count.
template <bool Traced>
void tally(const Context& ctx, const CompiledItem& c, const Sink& sink, Totals& totals) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const std::uint32_t plan = impl.slots();
  const std::uint32_t spare = plan + 1;
  const std::int32_t as_of = packed(ctx.as_of);
  const bool wants_plan = sink.wants(plan);
  Lanes lanes(ctx, c);
  // Plain pointers and sizes: the stores into the sums would otherwise make
  // the compiler reload every vector's bounds for each fact.
  std::uint32_t* const count = totals.count.data();
  double* const miss = totals.miss.data();
  const std::uint32_t* const index_by_id = impl.index_by_id.data();
  const auto n_ids = static_cast<std::uint64_t>(impl.index_by_id.size());
  const std::uint64_t* const holder_of = lanes.holder_of();
  const ReportFact* const first = ctx.in.reports.data();
  const ReportFact* const end = first + ctx.in.reports.size();
  std::uint32_t plan_count = 0;
  double plan_miss = 0;

  // Facts come grouped by task (as the ledger lists them): each run of
  // facts on one task is read with that task's lanes.
  for (const ReportFact* f = first; f != end;) {
    const TaskId task = f->task;
    const auto t = static_cast<std::uint64_t>(task - 1);
    if (t >= impl.task_key.size()) [[unlikely]] no_task(static_cast<std::size_t>(f - first), *f);
    if (end - f > kAhead) lanes.prefetch(f[kAhead].task);
    if (!lanes.enter(static_cast<std::uint32_t>(t))) {
      while (f != end && f->task == task) ++f;
      continue;
    }
    const Lane* const lane_at = lanes.lanes();
    for (; f != end && f->task == task; ++f) {
      __builtin_prefetch(f + kStream);
      const std::int32_t due = packed(f->due);
      if (as_of < due) continue;
      const auto id = static_cast<std::uint64_t>(f->unit);
      const std::uint32_t u = id < n_ids ? index_by_id[id] : impl.sparse_index(f->unit);
      if (u == kNone || holder_of[u] >> 32 != t) [[unlikely]] owes_none(ctx, static_cast<std::size_t>(f - first), *f);
      const Lane& lane = lane_at[static_cast<std::uint32_t>(holder_of[u])];
      const std::int32_t reported = f->reported ? packed(*f->reported) : std::numeric_limits<std::int32_t>::max();
      // due <= as_of here: late when after the due date, missing when after as_of too.
      const int o = (reported > due ? 1 : 0) + (reported > as_of ? 1 : 0);
      if constexpr (!Traced) {
        const std::uint32_t slot = lane.slot;  // read once: the count store could alias it
        plan_count += lane.plan_count;
        plan_miss += lane.plan[o];
        ++count[slot];
        miss[slot] += lane.weighted[o];
      } else {
        if (!lane.counts) continue;
        const std::size_t i = static_cast<std::size_t>(f - first);
        if (wants_plan) {
          ++plan_count;
          plan_miss += lanes.miss_by(o);
          report_node(ctx, sink.node(plan), i, *f, static_cast<Outcome>(o), r, 1, lane.role);
        }
        if (lane.slot != spare && sink.wants(lane.slot)) {
          ++count[lane.slot];
          miss[lane.slot] += lane.weighted[o];
          report_node(ctx, sink.node(lane.slot), i, *f, static_cast<Outcome>(o), r, c.weights.of(lane.role), lane.role);
        }
      }
    }
  }
  count[plan] = plan_count;
  miss[plan] = plan_miss;
}

}  // namespace

void score_timeliness(const Context& ctx, const CompiledItem& c, const Sink& sink) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const std::uint32_t plan = impl.slots();
  Totals totals{std::vector<std::uint32_t>(plan + 2, 0), std::vector<double>(plan + 2, 0.0)};
  if (sink.only == kNone) {
    tally<false>(ctx, c, sink, totals);
  } else {
    tally<true>(ctx, c, sink, totals);
  }
  const std::vector<std::uint32_t>& count = totals.count;
  const std::vector<double>& miss = totals.miss;

  const double cap = r.cap ? *r.cap : points;
  for (std::uint32_t slot = 0; slot <= plan; ++slot) {
    if (!sink.wants(slot)) continue;
    Tally& out = sink.out[slot];
    Explanation* node = sink.node(slot);
    if (count[slot] == 0) {
      out = {points, false, false, 0};
      if (node) node->arithmetic = "no report due";
      continue;
    }
    if (r.mode == TimelinessMode::rate) {
      const double rate = 1 - miss[slot] / count[slot];
      out.score = std::max(0.0, points * rate);
      if (node) {
        node->arithmetic = num(points) + " × (1 − " + num(miss[slot]) + " / " + std::to_string(count[slot]) +
                           " reports) = " + num(out.score);
      }
    } else {
      const double taken = std::min(cap, miss[slot]);
      out.score = std::max(0.0, points - taken);
      out.lost = points - out.score;
      if (node) {
        node->arithmetic = num(points) + " − min(" + num(cap) + ", " + num(miss[slot]) + ") over " +
                           std::to_string(count[slot]) + " reports = " + num(out.score);
      }
    }
  }
}

}  // namespace duban::scoring
