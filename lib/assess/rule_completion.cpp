// completion: a task done by its due date keeps its share of the item's
// points; done late it loses per_workday for each working day past the due
// date, but keeps at least floor_ratio of its share; not done by as_of
// (and due before it) it loses its share. A unit's share of the points is
// the item's points over the tasks it is judged on; its role weight scales
// what it loses.
#include <algorithm>
#include <cmath>

#include "assess/engine.hpp"
#include "assess/number.hpp"
#include "duban/error.hpp"

namespace duban::scoring {
namespace {

std::chrono::sys_days days(Date d) { return std::chrono::sys_days{d}; }

double loss_of(TaskStatus::Kind kind, std::int32_t late, double share, const Rule& r) {
  switch (kind) {
    case TaskStatus::late:
      return std::min(share * (1 - r.floor_ratio), r.per_workday * late);
    case TaskStatus::not_done:
      return share;
    default:
      return 0;
  }
}

double loss_of(const TaskStatus& s, double share, const Rule& r) { return loss_of(s.kind, s.late_workdays, share, r); }

// A unit's own fact on a task (rare), judged.
[[gnu::noinline]] Judged own(const Context& ctx, std::uint32_t task, std::uint32_t unit) {
  const std::uint64_t key = (static_cast<std::uint64_t>(task) << 32) | unit;
  if (auto it = ctx.data.unit_facts.find(key); it != ctx.data.unit_facts.end()) {
    const TaskStatus s = judge(ctx, task, &ctx.in.tasks[it->second]);
    return {s.kind, s.late_workdays};
  }
  return ctx.data.judged[task];
}

// A unit's standing on a task, packed.
inline Judged quick(const Context& ctx, std::uint32_t task, std::uint32_t unit) {
  if (ctx.data.unit_facts.empty()) [[likely]] return ctx.data.judged[task];
  return own(ctx, task, unit);
}

std::string loss_arithmetic(const TaskStatus& s, double share, const Rule& r, double weight, Role role) {
  std::string a;
  switch (s.kind) {
    case TaskStatus::late:
      a = "loss min(" + num(share) + " × (1 − " + num(r.floor_ratio) + "), " + num(r.per_workday) + " × " +
          std::to_string(s.late_workdays) + ") = " + num(loss_of(s, share, r));
      break;
    case TaskStatus::not_done:
      a = "loss " + num(share) + " (not done)";
      break;
    default:
      a = "loss 0";
      break;
  }
  if (weight != 1) a += " × " + num(weight) + " (" + std::string(to_string(role)) + ")";
  return a;
}

void task_node(const Context& ctx, Explanation* item_node, std::uint32_t t, const TaskStatus& s, double share,
               const Rule& r, double weight, Role role, bool with_role) {
  if (!item_node) return;
  Explanation n;
  n.what = ctx.impl.task_label(t);
  if (with_role) n.what += " (" + std::string(to_string(role)) + ")";
  n.rule = "completion";
  const double loss = weight * loss_of(s, share, r);
  n.points = share - loss;
  n.arithmetic = describe(ctx, s) + "; share " + num(share) + ", " + loss_arithmetic(s, share, r, weight, role) +
                 " → " + num(share - loss);
  if (s.fact != kNone && ctx.in.tasks[s.fact].ref) n.source = "event " + std::to_string(ctx.in.tasks[s.fact].ref);
  item_node->children.push_back(std::move(n));
}

}  // namespace

TaskStatus judge(const Context& ctx, std::uint32_t task, const TaskFact* fact) {
  TaskStatus s;
  const Scheme& scheme = ctx.impl.scheme;
  s.due = fact && fact->due ? fact->due : ctx.impl.plan_due[task];
  if (fact && fact->extended_due && scheme.extension == ExtensionPolicy::extended) {
    s.due = fact->extended_due;
    s.extended = true;
  }
  if (fact && fact->done && !(ctx.as_of < *fact->done)) s.done = fact->done;
  if (s.done) {
    if (!s.due || !(*s.due < *s.done)) {
      s.kind = TaskStatus::on_time;
    } else {
      s.kind = TaskStatus::late;
      // Working days after the due day, up to and including the day done.
      s.late_workdays = ctx.impl.calendar->workdays_between(Date{days(*s.due) + std::chrono::days{1}}, *s.done);
    }
  } else if (s.due && *s.due < ctx.as_of) {
    s.kind = TaskStatus::not_done;
  }
  return s;
}

TaskStatus status_of(const Context& ctx, std::uint32_t task, std::uint32_t unit) {
  std::uint32_t fact = ctx.data.fact_of[task];
  if (!ctx.data.unit_facts.empty() && unit != kNone) {
    const std::uint64_t key = (static_cast<std::uint64_t>(task) << 32) | unit;
    if (auto it = ctx.data.unit_facts.find(key); it != ctx.data.unit_facts.end()) fact = it->second;
  }
  TaskStatus s = judge(ctx, task, fact == kNone ? nullptr : &ctx.in.tasks[fact]);
  s.fact = fact;
  return s;
}

std::string describe(const Context& ctx, const TaskStatus& s) {
  (void)ctx;
  std::string due = s.due ? "due " + format_date(*s.due) + (s.extended ? " (extended)" : "") : "no hard date";
  switch (s.kind) {
    case TaskStatus::on_time:
      return "done " + format_date(*s.done) + ", " + due + ": on time";
    case TaskStatus::late:
      return "done " + format_date(*s.done) + ", " + due + ": " + std::to_string(s.late_workdays) +
             " working days late";
    case TaskStatus::not_done:
      return "not done, " + due;
    case TaskStatus::not_judged:
      break;
  }
  return "not done, " + due + ": not judged yet";
}

namespace {

// Every unit and the plan at once, walking the selected tasks in order:
// the big arrays (tasks, holders, standings) are read front to back and
// only the small per-unit sums are written at random. Each unit's loss is
// added in task order, as the one-unit walk below adds it, so the two agree
// to the bit; the plan's likewise with the one-slot plan walk.
void all_slots(const Context& ctx, const CompiledItem& c, const Sink& sink) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const auto& role_filter = c.item->select.role;
  const std::size_t n_units = impl.units.size();
  const Judged* const judged_of = ctx.data.judged.data();
  const std::uint32_t* const task_begin = impl.task_begin.data();
  const Holder* const holders = impl.holders.data();
  // Without units' own facts every holder stands as the task does, so a
  // task not judged is skipped whole and its holders are never read.
  const bool uniform = ctx.data.unit_facts.empty();
  // Not an exact shortcut when a weight is infinite (∞ × 0 is NaN).
  const bool skip_on_time = std::isfinite(c.weights.by_role[1]) && std::isfinite(c.weights.by_role[2]) &&
                            std::isfinite(c.weights.by_role[3]);

  std::vector<std::uint32_t> judged(n_units, 0);
  std::uint32_t plan_judged = 0;
  for (std::uint32_t t : c.tasks) {
    const bool task_judged = judged_of[t].kind != TaskStatus::not_judged;
    plan_judged += task_judged ? 1 : 0;
    if (uniform && !task_judged) continue;
    for (std::uint32_t k = task_begin[t]; k < task_begin[t + 1]; ++k) {
      const Holder h = holders[k];
      if (role_filter && h.role != *role_filter) continue;
      if (uniform || quick(ctx, t, h.unit).kind != TaskStatus::not_judged) ++judged[h.unit];
    }
  }
  std::vector<double> share(n_units, 0.0);
  for (std::size_t u = 0; u < n_units; ++u) share[u] = judged[u] ? points / judged[u] : 0.0;
  const double plan_share = plan_judged ? points / plan_judged : 0.0;

  std::vector<double> loss(n_units, 0.0);
  double plan_loss = 0;
  TaskScore* const task_scores = sink.task_scores ? sink.task_scores->data() : nullptr;
  for (std::uint32_t t : c.tasks) {
    const Judged j = judged_of[t];
    if (j.kind != TaskStatus::not_judged) {
      const double l = loss_of(j.kind, j.late_workdays, plan_share, r);
      plan_loss += l;
      if (task_scores) {
        task_scores[t].possible += plan_share;
        task_scores[t].earned += plan_share - l;
      }
    }
    // An on-time task costs its units nothing: adding 0 would change no sum.
    if (uniform && (j.kind == TaskStatus::not_judged || (skip_on_time && j.kind == TaskStatus::on_time))) continue;
    for (std::uint32_t k = task_begin[t]; k < task_begin[t + 1]; ++k) {
      const Holder h = holders[k];
      if (role_filter && h.role != *role_filter) continue;
      const Judged own = uniform ? j : quick(ctx, t, h.unit);
      if (own.kind == TaskStatus::not_judged) continue;
      loss[h.unit] += c.weights.of(h.role) * loss_of(own.kind, own.late_workdays, share[h.unit], r);
    }
  }

  for (std::uint32_t slot = 0; slot < impl.slots(); ++slot) {
    const std::uint32_t u = impl.assessed[slot];
    Tally& out = sink.out[slot];
    if ((!c.unit_mask.empty() && !c.unit_mask[u]) || judged[u] == 0) {
      out = {points, false, false, 0};
      continue;
    }
    out.score = std::max(0.0, points - loss[u]);
  }
  Tally& out = sink.out[impl.slots()];
  if (plan_judged == 0) {
    out = {points, false, false, 0};
  } else {
    out.score = std::max(0.0, points - plan_loss);
  }
}

// One unit, with its explanation: the unit's own tasks, in task order.
void one_unit(const Context& ctx, const CompiledItem& c, const Sink& sink) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const auto& role_filter = c.item->select.role;
  const std::uint32_t slot = sink.only;
  Tally& out = sink.out[slot];
  const std::uint32_t u = impl.assessed[slot];
  Explanation* node = sink.node(slot);
  if (!c.unit_mask.empty() && !c.unit_mask[u]) {
    out = {points, false, false, 0};
    if (node) node->arithmetic = "not among the item's units";
    return;
  }
  const std::uint32_t first = impl.unit_begin[u];
  const std::uint32_t last = impl.unit_begin[u + 1];
  std::uint32_t judged = 0;
  for (std::uint32_t k = first; k < last; ++k) {
    const Held h = impl.held[k];
    if (!c.task_mask[h.task] || (role_filter && h.role != *role_filter)) continue;
    if (quick(ctx, h.task, u).kind != TaskStatus::not_judged) ++judged;
  }
  if (judged == 0) {
    out = {points, false, false, 0};
    if (node) node->arithmetic = "no task of the item due or done";
    return;
  }
  const double share = points / judged;
  double loss = 0;
  for (std::uint32_t k = first; k < last; ++k) {
    const Held h = impl.held[k];
    if (!c.task_mask[h.task] || (role_filter && h.role != *role_filter)) continue;
    const Judged j = quick(ctx, h.task, u);
    if (j.kind == TaskStatus::not_judged) continue;
    const double w = c.weights.of(h.role);
    loss += w * loss_of(j.kind, j.late_workdays, share, r);
    if (node) task_node(ctx, node, h.task, status_of(ctx, h.task, u), share, r, w, h.role, true);
  }
  out.score = std::max(0.0, points - loss);
  if (node) {
    node->arithmetic = num(points) + " over " + std::to_string(judged) + " tasks (share " + num(share) + "); " +
                       num(points) + " − " + num(loss) + " = " + num(out.score);
  }
}

}  // namespace

void score_completion(const Context& ctx, const CompiledItem& c, const Sink& sink) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  if (sink.only == kNone) {
    all_slots(ctx, c, sink);
    return;
  }
  if (sink.only < impl.slots()) {
    one_unit(ctx, c, sink);
    return;
  }

  // The plan, traced: every selected task once, no role weights.
  const std::uint32_t plan = impl.slots();
  Tally& out = sink.out[plan];
  Explanation* node = sink.node(plan);
  std::uint32_t judged = 0;
  for (std::uint32_t t : c.tasks) {
    if (ctx.data.judged[t].kind != TaskStatus::not_judged) ++judged;
  }
  if (judged == 0) {
    out = {points, false, false, 0};
    if (node) node->arithmetic = "no task of the item due or done";
    return;
  }
  const double share = points / judged;
  double loss = 0;
  for (std::uint32_t t : c.tasks) {
    const Judged j = ctx.data.judged[t];
    if (j.kind == TaskStatus::not_judged) continue;
    const double l = loss_of(j.kind, j.late_workdays, share, r);
    loss += l;
    if (sink.task_scores) {
      TaskScore& ts = (*sink.task_scores)[t];
      ts.possible += share;
      ts.earned += share - l;
    }
    if (node) task_node(ctx, node, t, status_of(ctx, t, kNone), share, r, 1, Role::lead, false);
  }
  out.score = std::max(0.0, points - loss);
  if (node) {
    node->arithmetic = num(points) + " over " + std::to_string(judged) + " tasks (share " + num(share) + "); " +
                       num(points) + " − " + num(loss) + " = " + num(out.score);
  }
}

}  // namespace duban::scoring
