// completion: a task done by its due date keeps its share of the item's
// points; done late it loses per_workday for each working day past the due
// date, but keeps at least floor_ratio of its share; not done by as_of
// (and due before it) it loses its share. A unit's share of the points is
// the item's points over the tasks it is judged on; its role weight scales
// what it loses.
#include <algorithm>

#include "assess/engine.hpp"
#include "assess/number.hpp"
#include "duban/error.hpp"

namespace duban::scoring {
namespace {

std::chrono::sys_days days(Date d) { return std::chrono::sys_days{d}; }

// What a judged standing loses of a share: min(share × scale, cap). Late:
// scale 1 − floor_ratio, cap per_workday × the days late; not done: the
// whole share (scale 1, no cap); on time: nothing (scale 0). Written
// without a branch on the status: the statuses of a million tasks follow
// no pattern a branch predictor could learn.
class Lose {
 public:
  Lose(const Rule& r, double share) noexcept
      : share_(share), scale_{0, 0, 1 - r.floor_ratio, 1}, per_workday_(r.per_workday) {}
  double operator()(Judged j) const noexcept {
    const double cap = j.kind() == TaskStatus::late ? per_workday_ * j.late_workdays()
                                                    : std::numeric_limits<double>::infinity();
    return std::min(share_ * scale_[j.kind()], cap);
  }

 private:
  double share_;
  double scale_[4];
  double per_workday_;
};

double loss_of(const TaskStatus& s, double share, const Rule& r) {
  return Lose(r, share)(Judged{s.kind, s.late_workdays});
}

// Each task an item selects, in task order: a range when it selects them
// all, so a million-entry list need not be read.
template <class F>
void each_task(const CompiledItem& c, std::size_t n_tasks, F&& f) {
  if (c.tasks.size() == n_tasks) {
    for (std::uint32_t t = 0; t < n_tasks; ++t) f(t);
  } else {
    for (const std::uint32_t t : c.tasks) f(t);
  }
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
  std::uint32_t fact = ctx.summary().fact_of[task];
  if (!ctx.summary().unit_facts.empty() && unit != kNone) {
    const std::uint64_t key = (static_cast<std::uint64_t>(task) << 32) | unit;
    if (auto it = ctx.summary().unit_facts.find(key); it != ctx.summary().unit_facts.end()) fact = it->second;
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

// One unit: the item's share of its points over the unit's tasks judged,
// less what its late and undone tasks lose. An item over every task takes
// the unit's count from the summary, an item over some counts the unit's
// tasks judged against its selection; both then add up the unit's losing
// standings. An explanation walks the unit's whole row of the
// responsibility table instead, writing a node per task judged, and adds
// the same terms in the same (task) order. `terms` is scratch space.
void score_unit(const Context& ctx, const CompiledItem& c, std::uint32_t slot, Tally& out, Explanation* node,
                std::vector<double>& terms) {
  const auto& impl = ctx.impl;
  const Summary& sum = ctx.summary();
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const auto& role_filter = c.item->select.role;
  const std::uint32_t u = impl.assessed[slot];
  if (!c.unit_mask.empty() && !c.unit_mask[u]) {
    out = {points, false, false, 0};
    if (node) node->arithmetic = "not among the item's units";
    return;
  }
  const bool all_tasks = c.tasks.size() == impl.task_key.size();
  const Held* const held = impl.held.data();
  const Judged* const standing = sum.held_judged.data();
  const Role only = role_filter.value_or(Role{});
  // Whether the item selects a task held in a role, without a branch:
  // which of a unit's tasks an item selects follows no pattern a predictor
  // learns.
  const auto selected = [&](std::uint32_t task, Role role) -> unsigned {
    const unsigned task_in = all_tasks ? 1u : c.selects(task);
    const unsigned role_in = !role_filter | (role == only);
    return task_in & role_in;
  };
  const std::uint32_t first = impl.unit_begin[u];
  const std::uint32_t last = impl.unit_begin[u + 1];
  std::uint32_t judged = 0;
  if (node) {
    for (std::uint32_t k = first; k < last; ++k) {
      judged += selected(held[k].task, standing[k].role()) &
                static_cast<unsigned>(standing[k].kind() != TaskStatus::not_judged);
    }
  } else if (all_tasks) {
    const auto& by_role = sum.unit_judged[u];
    judged = role_filter ? by_role[static_cast<std::size_t>(*role_filter) & 3] : by_role[1] + by_role[2] + by_role[3];
  } else {
    const std::uint32_t* const end = sum.judged_held.data() + sum.judged_begin[u + 1];
    for (const std::uint32_t* j = sum.judged_held.data() + sum.judged_begin[u]; j != end; ++j) {
      judged += selected(*j >> 2, static_cast<Role>(*j & 3));
    }
  }
  if (judged == 0) {
    out = {points, false, false, 0};
    if (node) node->arithmetic = "no task of the item due or done";
    return;
  }
  const double share = points / judged;
  const Lose lose(r, share);
  double loss = 0;
  if (!node) {
    // The terms first, then their sum: computed apart, the terms do not
    // wait on the additions, which must follow one another in task order.
    // An unselected standing's term is 0, which leaves the sum as it is.
    const Losing* const losing = sum.losing.data() + sum.losing_begin[u];
    const std::uint32_t n = sum.losing_begin[u + 1] - sum.losing_begin[u];
    terms.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) {
      const Judged s = losing[i].standing;
      const double term = c.weights.of(s.role()) * lose(s);
      terms[i] = selected(losing[i].task, s.role()) != 0 ? term : 0.0;
    }
    for (std::uint32_t i = 0; i < n; ++i) loss += terms[i];
  } else {
    for (std::uint32_t k = first; k < last; ++k) {
      const Judged s = standing[k];
      if (!selected(held[k].task, s.role()) || s.kind() == TaskStatus::not_judged) continue;
      const double w = c.weights.of(s.role());
      if (s.loses()) loss += w * lose(s);
      task_node(ctx, node, held[k].task, status_of(ctx, held[k].task, u), share, r, w, s.role(), true);
    }
  }
  out.score = std::max(0.0, points - loss);
  if (node) {
    node->arithmetic = num(points) + " over " + std::to_string(judged) + " tasks (share " + num(share) + "); " +
                       num(points) + " − " + num(loss) + " = " + num(out.score);
  }
}

// The plan: every selected task once, no role weights. A run keeps each
// task's share of the points in `shares`.
void score_plan(const Context& ctx, const CompiledItem& c, Tally& out, Explanation* node, TaskShares* shares) {
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const std::size_t n_tasks = ctx.impl.task_key.size();
  const Judged* const judged_of = ctx.summary().judged.data();
  std::uint32_t judged = 0;
  if (c.tasks.size() == n_tasks) {
    judged = ctx.summary().judged_tasks;
  } else {
    for (const std::uint32_t t : c.tasks) judged += judged_of[t].kind() != TaskStatus::not_judged ? 1 : 0;
  }
  if (judged == 0) {
    out = {points, false, false, 0};
    if (node) node->arithmetic = "no task of the item due or done";
    return;
  }
  const double share = points / judged;
  const Lose lose(r, share);
  double loss = 0;
  if (node) {
    for (const std::uint32_t t : c.tasks) {
      const Judged j = judged_of[t];
      if (j.kind() == TaskStatus::not_judged) continue;
      loss += lose(j);
      task_node(ctx, node, t, status_of(ctx, t, kNone), share, r, 1, Role::lead, false);
    }
  } else {
    // Apart from the traced loop, whose calls would keep the sums in memory.
    // A task with nothing possible (an item of 0 points) is no task score.
    if (!(share > 0)) shares = nullptr;
    const std::size_t none = ctx.impl.category_title.size();
    const int* const category_of = ctx.impl.task_category.data();
    std::size_t at = none + 1;  // the category whose sums are carried in locals
    double earned = 0;
    double possible = 0;
    if (shares) {
      shares->tasks.reserve(judged);
      shares->earned.assign(none + 1, 0.0);
      shares->possible.assign(none + 1, 0.0);
    }
    each_task(c, n_tasks, [&](std::uint32_t t) {
      const Judged j = judged_of[t];
      if (j.kind() == TaskStatus::not_judged) return;
      const double l = lose(j);
      loss += l;
      if (!shares) return;
      shares->tasks.push_back({static_cast<TaskId>(t + 1), share - l, share});
      const std::size_t here = category_of[t] >= 0 ? static_cast<std::size_t>(category_of[t]) : none;
      if (here != at) {
        if (at <= none) {
          shares->earned[at] = earned;
          shares->possible[at] = possible;
        }
        at = here;
        earned = shares->earned[at];
        possible = shares->possible[at];
      }
      earned += share - l;
      possible += share;
    });
    if (shares && at <= none) {
      shares->earned[at] = earned;
      shares->possible[at] = possible;
    }
  }
  out.score = std::max(0.0, points - loss);
  if (node) {
    node->arithmetic = num(points) + " over " + std::to_string(judged) + " tasks (share " + num(share) + "); " +
                       num(points) + " − " + num(loss) + " = " + num(out.score);
  }
}

}  // namespace

void score_completion(const Context& ctx, const CompiledItem& c, const Sink& sink) {
  const std::uint32_t plan = ctx.impl.slots();
  std::vector<double> terms;
  if (sink.only == kNone) {
    for (std::uint32_t slot = 0; slot < plan; ++slot) score_unit(ctx, c, slot, sink.out[slot], nullptr, terms);
    score_plan(ctx, c, sink.out[plan], nullptr, sink.task_scores);
  } else if (sink.only < plan) {
    score_unit(ctx, c, sink.only, sink.out[sink.only], sink.node(sink.only), terms);
  } else {
    score_plan(ctx, c, sink.out[plan], sink.node(plan), sink.task_scores);
  }
}

}  // namespace duban::scoring
