// timeliness: the reports a unit owes on recurring tasks (月度报告, 季度报告),
// each instance due on or before as_of counted once per reporting unit.
// Reported by the due date: on time; later: late (迟报); not reported, or
// only after as_of: missing (漏报).
//  - rate: points × (1 − Σ weight × miss / n), a late report missing
//    (1 − late_credit) of an on-time one;
//  - deduct: points − min(cap, Σ weight × (per_late | per_missing)), never
//    below 0 (扣完为止).
#include <algorithm>

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

// Reports counted by role (0: the plan's, weight 1) and outcome.
struct Counts {
  std::uint64_t n[4][3] = {};
  std::uint64_t total() const noexcept {
    std::uint64_t sum = 0;
    for (const auto& role : n) sum += role[0] + role[1] + role[2];
    return sum;
  }
};

// What counted reports miss: weight × miss for each role and outcome, times
// how many, added in one fixed order. Whole counts and one order make the
// total the same whether the counts came from the input's summary or from
// walking the facts for an explanation.
double missed(const Counts& counts, const CompiledItem& c) {
  const Rule& r = c.item->rule;
  double miss = 0;
  for (int role = 0; role < 4; ++role) {
    for (int o = 0; o < 3; ++o) {
      const std::uint64_t n = counts.n[role][o];
      if (n != 0) miss += c.weights.by_role[role] * miss_of(static_cast<Outcome>(o), r) * static_cast<double>(n);
    }
  }
  return miss;
}

// Every slot from the summary: each unit's records, role by role.
void count_all(const Context& ctx, const CompiledItem& c, std::vector<Counts>& counts) {
  const auto& impl = ctx.impl;
  const Summary& s = ctx.summary();
  const std::size_t n_tasks = impl.task_key.size();
  for (const std::uint32_t i : s.refused) {
    const ReportFact& f = ctx.in.reports[i];
    const auto t = static_cast<std::uint64_t>(f.task - 1);
    if (t >= n_tasks) no_task(i, f);
    if (c.task_mask[t]) owes_none(ctx, i, f);
  }
  const auto& role_filter = c.item->select.role;
  const bool all_tasks = c.tasks.size() == impl.task_key.size();
  const std::uint32_t* const begin = s.report_begin.data();
  const ReportCounts* const records = s.report_counts.data();
  std::uint64_t plan[3] = {0, 0, 0};
  for (std::uint32_t u = 0; u < impl.units.size(); ++u) {
    if (!c.unit_mask.empty() && !c.unit_mask[u]) continue;
    const std::uint32_t slot = impl.unit_slot[u];
    for (int role = 1; role < 4; ++role) {
      if (role_filter && role != static_cast<int>(*role_filter)) continue;
      const std::size_t g = static_cast<std::size_t>(u) * 4 + static_cast<std::size_t>(role);
      std::uint64_t n[3] = {0, 0, 0};
      for (const ReportCounts* r = records + begin[g]; r != records + begin[g + 1]; ++r) {
        // Counted or not without a branch: which tasks an item selects
        // follows no pattern a predictor learns.
        const std::uint64_t in = all_tasks ? ~std::uint64_t{0} : std::uint64_t{0} - c.selects(r->task);
        n[0] += r->n[0] & in;
        n[1] += r->n[1] & in;
        n[2] += r->n[2] & in;
      }
      for (int o = 0; o < 3; ++o) {
        plan[o] += n[o];
        if (slot != kNone) counts[slot].n[role][o] = n[o];
      }
    }
  }
  for (int o = 0; o < 3; ++o) counts[impl.slots()].n[0][o] = plan[o];
}

// One slot (or the plan), walking every fact in input order so that each
// report gets its node.
void count_one(const Context& ctx, const CompiledItem& c, const Sink& sink, std::vector<Counts>& counts) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const auto& role_filter = c.item->select.role;
  const std::uint32_t plan = impl.slots();
  const std::int32_t as_of = packed(ctx.as_of);
  for (std::size_t i = 0; i < ctx.in.reports.size(); ++i) {
    const ReportFact& f = ctx.in.reports[i];
    const auto t = static_cast<std::uint64_t>(f.task - 1);
    if (t >= impl.task_key.size()) no_task(i, f);
    if (!c.task_mask[t]) continue;
    const std::int32_t due = packed(f.due);
    if (as_of < due) continue;
    const std::uint32_t u = impl.unit_index(f.unit);
    const auto role = u == kNone ? std::nullopt : impl.role_in(static_cast<std::uint32_t>(t), u);
    if (!role) owes_none(ctx, i, f);
    if ((role_filter && *role != *role_filter) || (!c.unit_mask.empty() && !c.unit_mask[u])) continue;
    const int o = report_outcome(f, due, as_of);
    if (sink.wants(plan)) {
      ++counts[plan].n[0][o];
      report_node(ctx, sink.node(plan), i, f, static_cast<Outcome>(o), r, 1, *role);
    }
    const std::uint32_t slot = impl.unit_slot[u];
    if (slot != kNone && sink.wants(slot)) {
      ++counts[slot].n[static_cast<int>(*role) & 3][o];
      report_node(ctx, sink.node(slot), i, f, static_cast<Outcome>(o), r, c.weights.of(*role), *role);
    }
  }
}

}  // namespace

void score_timeliness(const Context& ctx, const CompiledItem& c, const Sink& sink) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const std::uint32_t plan = impl.slots();
  std::vector<Counts> counts(plan + 1);
  if (sink.only == kNone) {
    count_all(ctx, c, counts);
  } else {
    count_one(ctx, c, sink, counts);
  }

  const double cap = r.cap ? *r.cap : points;
  for (std::uint32_t slot = 0; slot <= plan; ++slot) {
    if (!sink.wants(slot)) continue;
    Tally& out = sink.out[slot];
    Explanation* node = sink.node(slot);
    const std::uint64_t count = counts[slot].total();
    if (count == 0) {
      out = {points, false, false, 0};
      if (node) node->arithmetic = "no report due";
      continue;
    }
    const double miss = missed(counts[slot], c);
    if (r.mode == TimelinessMode::rate) {
      const double rate = 1 - miss / static_cast<double>(count);
      out.score = std::max(0.0, points * rate);
      if (node) {
        node->arithmetic = num(points) + " × (1 − " + num(miss) + " / " + std::to_string(count) +
                           " reports) = " + num(out.score);
      }
    } else {
      const double taken = std::min(cap, miss);
      out.score = std::max(0.0, points - taken);
      out.lost = points - out.score;
      if (node) {
        node->arithmetic = num(points) + " − min(" + num(cap) + ", " + num(miss) + ") over " + std::to_string(count) +
                           " reports = " + num(out.score);
      }
    }
  }
}

}  // namespace duban::scoring
