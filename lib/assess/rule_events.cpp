// Events (通报批评, 领导批示肯定, a veto's 重大事故): deduction takes their
// points off (at most cap, never below floor: 扣完为止), bonus adds them
// (at most the item's points), a veto holds when there is one. An event
// names a unit, or a task (all its units share it by the item's split),
// or neither (the plan's alone). A unit's role weight in the event's task
// scales what it loses or gains.
#include <algorithm>
#include <cmath>
#include <limits>

#include "assess/engine.hpp"
#include "assess/number.hpp"
#include "duban/error.hpp"

namespace duban::scoring {
namespace {

std::string event_what(const Context& ctx, const ScoreEvent& e) {
  std::string w = e.kind + " " + format_date(e.date);
  if (e.unit) {
    const std::uint32_t u = ctx.impl.unit_index(e.unit);
    w += ", " + (u == kNone ? "unit " + std::to_string(e.unit) : ctx.impl.units[u].name);
  }
  if (e.task) w += ", " + ctx.impl.task_label(static_cast<std::uint32_t>(e.task - 1));
  if (!e.reason.empty()) w += ": " + e.reason;
  return w;
}

}  // namespace

std::vector<double> event_sums(const Context& ctx, const CompiledItem& c, const std::vector<std::string>& kinds,
                               bool count, const Sink& sink, Explanation* trace) {
  const auto& impl = ctx.impl;
  const std::uint32_t plan = impl.slots();
  std::vector<double> sums(plan + 1, 0.0);
  const auto& role_filter = c.item->select.role;
  const auto& per_event = c.item->rule.per_event;
  const auto& events = ctx.in.events;
  std::vector<std::uint32_t> credited;

  for (std::size_t i = 0; i < events.size(); ++i) {
    const ScoreEvent& e = events[i];
    if (std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end() || ctx.as_of < e.date) continue;
    if (e.task < 0 || static_cast<std::uint64_t>(e.task) > impl.task_key.size()) {
      input_error("events", i, "no task " + std::to_string(e.task) + " in the plan");
    }
    if (!c.task_mask.empty() && (e.task == 0 || !c.task_mask[static_cast<std::size_t>(e.task - 1)])) continue;
    double points = 1;
    if (!count) {
      if (per_event) {
        points = *per_event;
      } else if (e.points) {
        points = *e.points;
      } else {
        input_error("events", i, "event " + quote(e.kind) + " has no points and item " + quote(c.item->id) +
                                     " no per_event");
      }
    }
    // `how` writes the arithmetic, only for the traced slot: a run adds up
    // thousands of events and prints none.
    const auto add = [&](std::uint32_t slot, double amount, const auto& how) {
      sums[slot] += amount;
      if (trace && sink.only == slot) {
        Explanation n;
        n.what = event_what(ctx, e);
        n.rule = "event";
        n.points = amount;
        n.arithmetic = how();
        n.source = e.ref;
        trace->children.push_back(std::move(n));
      }
    };
    const auto pts = [&] { return num(points); };
    if (sink.wants(plan)) add(plan, points, [&] { return pts() + " for the plan"; });
    if (e.unit != 0) {
      const std::uint32_t u = impl.unit_index(e.unit);
      if (u == kNone || (!c.unit_mask.empty() && !c.unit_mask[u])) continue;
      std::optional<Role> role;
      if (e.task) role = impl.role_in(static_cast<std::uint32_t>(e.task - 1), u);
      if (role_filter && role && *role != *role_filter) continue;
      const std::uint32_t slot = impl.units[u].slot;
      if (slot == kNone || !sink.wants(slot)) continue;
      const double w = count || !role ? 1.0 : c.weights.of(*role);
      add(slot, w * points, [&] {
        return w == 1 ? pts() : pts() + " × " + num(w) + " (" + std::string(to_string(*role)) + ") = " + num(w * points);
      });
      continue;
    }
    if (e.task == 0) continue;  // the plan's alone
    const auto t = static_cast<std::uint32_t>(e.task - 1);
    const double weight_sum = impl.credited(c, t, credited);
    for (std::uint32_t k : credited) {
      const Holder& h = impl.holders[k];
      const std::uint32_t slot = impl.units[h.unit].slot;
      if (slot == kNone || !sink.wants(slot)) continue;
      if (count) {
        add(slot, 1, [] { return std::string("1 (the task's)"); });
        continue;
      }
      const double w = c.weights.of(h.role);
      double share = points * w;
      if (c.item->split == CreditSplit::equal) {
        share = points / static_cast<double>(credited.size());
      } else if (c.item->split == CreditSplit::weighted) {
        share = weight_sum > 0 ? points * w / weight_sum : 0.0;
      }
      add(slot, share, [&] {
        std::string how = pts() + " × " + num(w) + " (" + std::string(to_string(h.role)) + ")";
        if (c.item->split == CreditSplit::equal) {
          how = pts() + " / " + std::to_string(credited.size()) + " units";
        } else if (c.item->split == CreditSplit::weighted) {
          how = pts() + " × " + num(w) + " / " + num(weight_sum) + " (" + std::string(to_string(h.role)) + ")";
        }
        return how + " = " + num(share);
      });
    }
  }
  return sums;
}

void score_events(const Context& ctx, const CompiledItem& c, const Sink& sink) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const std::uint32_t plan = impl.slots();
  Explanation* trace = sink.only != kNone ? sink.trace : nullptr;
  const bool veto = r.kind == RuleKind::veto;
  const std::vector<double> sums = event_sums(ctx, c, r.events, veto, sink, trace);
  const double cap = r.cap ? *r.cap : points > 0 ? points : std::numeric_limits<double>::infinity();
  const double floor = r.floor ? *r.floor : points > 0 ? 0.0 : -std::numeric_limits<double>::infinity();
  for (std::uint32_t slot = 0; slot <= plan; ++slot) {
    if (!sink.wants(slot)) continue;
    Tally& out = sink.out[slot];
    Explanation* node = sink.node(slot);
    if (slot < plan && !c.unit_mask.empty() && !c.unit_mask[impl.assessed[slot]]) {
      out = {veto ? 0.0 : r.kind == RuleKind::bonus ? 0.0 : points, false, false, 0};
      if (node) node->arithmetic = "not among the item's units";
      continue;
    }
    const double s = sums[slot];
    switch (r.kind) {
      case RuleKind::deduction: {
        const double taken = std::min(cap, s);
        out.score = std::max(floor, points - taken);
        out.lost = points - out.score;
        if (node) {
          node->arithmetic = num(points) + " − min(" + (std::isinf(cap) ? std::string("∞") : num(cap)) + ", " +
                             num(s) + ")";
          if (out.score != points - taken) node->arithmetic += ", floored at " + num(floor);
          node->arithmetic += " = " + num(out.score);
        }
        break;
      }
      case RuleKind::bonus:
        out.score = std::min(points, s);
        if (node) node->arithmetic = "min(" + num(points) + ", " + num(s) + ") = " + num(out.score);
        break;
      default:  // veto
        out.score = 0;
        out.hit = s > 0;
        if (node) {
          node->arithmetic = out.hit ? num(s) + " event(s): vetoed" : "no such event: not vetoed";
        }
        break;
    }
  }
}

}  // namespace duban::scoring
