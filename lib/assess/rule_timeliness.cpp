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

void score_timeliness(const Context& ctx, const CompiledItem& c, const Sink& sink) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const auto& role_filter = c.item->select.role;
  const std::uint32_t plan = impl.slots();
  const std::size_t n_tasks = impl.task_key.size();
  std::vector<std::uint32_t> count(plan + 1, 0);
  std::vector<double> miss(plan + 1, 0.0);
  const double miss_by[3] = {miss_of(Outcome::on_time, r), miss_of(Outcome::late, r), miss_of(Outcome::missing, r)};
  const std::int32_t as_of = packed(ctx.as_of);
  const bool every_unit = c.unit_mask.empty();
  const bool tracing = sink.only != kNone;
  std::uint32_t plan_count = 0;
  double plan_miss = 0;

  const auto& reports = ctx.in.reports;
  // Facts come grouped by task (as the ledger lists them): the task's
  // selection and holders are looked up once per run of facts.
  std::uint32_t last_task = kNone;
  bool selected = false;
  std::uint32_t first_holder = 0;
  std::uint32_t end_holder = 0;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const ReportFact& f = reports[i];
    const auto t = static_cast<std::uint64_t>(f.task - 1);
    if (t >= n_tasks) [[unlikely]] no_task(i, f);
    if (t != last_task) {
      last_task = static_cast<std::uint32_t>(t);
      selected = c.task_mask[t] != 0;
      first_holder = impl.task_begin[t];
      end_holder = impl.task_begin[t + 1];
    }
    if (!selected) continue;
    const std::int32_t due = packed(f.due);
    if (as_of < due) continue;
    const std::uint32_t u = impl.unit_index(f.unit);
    // Every holder is looked at, so the loop runs as often for each fact
    // of a task and the branch predictor is never wrong about its end.
    std::uint32_t k = end_holder;
    for (std::uint32_t j = first_holder; j < end_holder; ++j) k = impl.holders[j].unit == u ? j : k;
    if (k == end_holder || u == kNone) [[unlikely]] owes_none(ctx, i, f);
    const Role role = impl.holders[k].role;
    if (role_filter && role != *role_filter) continue;
    if (!every_unit && !c.unit_mask[u]) continue;
    const std::int32_t reported = f.reported ? packed(*f.reported) : std::numeric_limits<std::int32_t>::max();
    const int o = reported > as_of ? 2 : reported > due ? 1 : 0;
    const double m = miss_by[o];
    const std::uint32_t slot = impl.unit_slot[u];
    if (!tracing) {
      ++plan_count;
      plan_miss += m;
      if (slot != kNone) {
        ++count[slot];
        miss[slot] += c.weights.of(role) * m;
      }
      continue;
    }
    if (sink.wants(plan)) {
      ++plan_count;
      plan_miss += m;
      report_node(ctx, sink.node(plan), i, f, static_cast<Outcome>(o), r, 1, role);
    }
    if (slot != kNone && sink.wants(slot)) {
      const double w = c.weights.of(role);
      ++count[slot];
      miss[slot] += w * m;
      report_node(ctx, sink.node(slot), i, f, static_cast<Outcome>(o), r, w, role);
    }
  }
  count[plan] = plan_count;
  miss[plan] = plan_miss;

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
