// The indicator rules: ratio to target, year-over-year, bands, and the
// metric totals they (and formula inputs) read. A unit's value of a metric
// is what it reported itself plus its credited share of joint values
// (reported for the task as a whole, unit 0), shared by the item's split.
// The plan's value is every value once.
#include <algorithm>
#include <cmath>

#include "assess/engine.hpp"
#include "assess/number.hpp"
#include "duban/error.hpp"

namespace duban::scoring {
namespace {

std::string value_what(const Context& ctx, const IndicatorValue& v) {
  std::string w = v.metric + " = " + num(v.value);
  std::string detail;
  if (v.unit) {
    const std::uint32_t u = ctx.impl.unit_index(v.unit);
    detail += u == kNone ? "unit " + std::to_string(v.unit) : ctx.impl.units[u].name;
  } else {
    detail += "joint";
  }
  if (!v.area.empty()) detail += ", " + v.area;
  if (v.date) detail += ", " + format_date(*v.date);
  return w + " (" + detail + ")";
}

double split_share(CreditSplit split, double amount, double weight, std::size_t n, double weight_sum) {
  switch (split) {
    case CreditSplit::each:
      return amount;
    case CreditSplit::equal:
      return amount / static_cast<double>(n);
    case CreditSplit::weighted:
      return weight_sum > 0 ? amount * weight / weight_sum : 0.0;
  }
  return amount;
}

// The unit's weight for an indicator item; -1 when it is not judged on it.
double indicator_weight(const CompiledItem& c, std::uint32_t unit) {
  const std::int8_t role = c.metric_role[unit];
  if (role < 0) return -1;
  if (role == 0) return 1;
  return c.weights.of(static_cast<Role>(role));
}

// A unit's weight scales what it loses, never what it gains beyond the points.
double weigh(double score, double points, double weight) {
  return score >= points ? score : points - weight * (points - score);
}

}  // namespace

const MetricInfo* find_metric(const Assessor::Impl& impl, const std::string& metric) {
  auto it = impl.metrics.find(metric);
  return it == impl.metrics.end() ? nullptr : &it->second;
}

MetricTotals metric_totals(const Context& ctx, const CompiledItem& c, const std::string& metric,
                           const MetricInfo& info, bool per_area, const Sink& sink, Explanation* trace) {
  const auto& impl = ctx.impl;
  const std::uint32_t plan = impl.slots();
  const std::size_t n_areas = per_area ? ctx.data.areas.size() : 0;
  MetricTotals out;
  out.value.assign(plan + 1, 0.0);
  out.area_value.assign((plan + 1) * n_areas, 0.0);
  const auto& values = ctx.in.indicators;
  std::vector<std::uint32_t> credited;  // holder indices sharing a joint value

  for (std::size_t i = 0; i < values.size(); ++i) {
    const IndicatorValue& v = values[i];
    if (v.metric != metric || (v.date && ctx.as_of < *v.date)) continue;
    if (v.task < 0 || static_cast<std::uint64_t>(v.task) > impl.task_key.size()) {
      input_error("indicators", i, "no task " + std::to_string(v.task) + " in the plan");
    }
    std::size_t area = 0;
    if (per_area) {
      if (v.area.empty()) {
        input_error("indicators", i, "metric " + quote(metric) + " is judged per recipient area (县均): give its area");
      }
      const auto it = std::find(ctx.data.areas.begin(), ctx.data.areas.end(), v.area);
      if (it == ctx.data.areas.end()) {
        input_error("indicators", i, "area " + quote(v.area) + " is not one of the recipient areas");
      }
      area = static_cast<std::size_t>(it - ctx.data.areas.begin());
    }
    const auto add = [&](std::uint32_t slot, double amount, const std::string& how) {
      out.value[slot] += amount;
      if (per_area) out.area_value[slot * n_areas + area] += amount;
      if (trace && sink.only == slot) {
        Explanation n;
        n.what = value_what(ctx, v);
        n.rule = "value";
        n.points = amount;
        n.arithmetic = how;
        n.source = v.ref;
        trace->children.push_back(std::move(n));
      }
    };
    if (sink.wants(plan)) add(plan, v.value, "counted once for the plan");
    if (v.unit != 0) {
      const std::uint32_t u = impl.unit_index(v.unit);
      if (u == kNone) continue;
      const std::uint32_t slot = impl.units[u].slot;
      if (slot != kNone && sink.wants(slot)) add(slot, v.value, "reported by the unit");
      continue;
    }
    // A joint value: shared among the units of its task.
    std::uint32_t t = 0;
    if (v.task) {
      t = static_cast<std::uint32_t>(v.task - 1);
    } else if (info.tasks.size() == 1) {
      t = info.tasks.front();
    } else {
      input_error("indicators", i,
                  "a joint value of " + quote(metric) + " (no unit) must name its task: the metric belongs to " +
                      std::to_string(info.tasks.size()) + " tasks");
    }
    const double weight_sum = impl.credited(c, t, credited);
    for (std::uint32_t k : credited) {
      const Holder& h = impl.holders[k];
      const std::uint32_t slot = impl.units[h.unit].slot;
      if (slot == kNone || !sink.wants(slot)) continue;
      const double w = c.weights.of(h.role);
      const double share = split_share(c.item->split, v.value, w, credited.size(), weight_sum);
      add(slot, share,
          "joint value of " + impl.task_label(t) + ", split " + std::string(to_string(c.item->split)) + " among " +
              std::to_string(credited.size()) + " units → " + num(share));
    }
  }
  return out;
}

void score_ratio(const Context& ctx, const CompiledItem& c, const Sink& sink) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const double cap = r.cap ? *r.cap : points;
  const double target = *c.target;
  const std::uint32_t plan = impl.slots();
  if (c.per_area && ctx.data.areas.empty()) {
    throw Error(Errc::inval, ErrClass::argument,
                "item " + quote(c.item->id) + ": metric " + quote(c.metric) +
                    " is judged per recipient area (县均) but neither the scheme nor the input lists the areas");
  }
  Explanation* trace = sink.only != kNone ? sink.trace : nullptr;
  const MetricTotals totals = metric_totals(ctx, c, c.metric, c.metric_info, c.per_area, sink, trace);
  const auto raw = [&](double actual) {
    double v = 0;
    if (r.better == Better::higher) {
      v = points * actual / target;
    } else {
      v = actual > 0 ? points * target / actual : cap;
    }
    return std::clamp(v, 0.0, cap);
  };
  const auto formula = [&](double actual) {
    return r.better == Better::higher ? num(points) + " × " + num(actual) + " / " + num(target)
                                      : num(points) + " × " + num(target) + " / " + num(actual);
  };
  for (std::uint32_t slot = 0; slot <= plan; ++slot) {
    if (!sink.wants(slot)) continue;
    Tally& out = sink.out[slot];
    Explanation* node = sink.node(slot);
    double weight = 1;
    if (slot < plan) {
      weight = indicator_weight(c, impl.assessed[slot]);
      if (weight < 0) {
        out = {points, false, false, 0};
        if (node) node->arithmetic = "not judged on " + c.metric;
        continue;
      }
    }
    std::string arithmetic;
    double score = 0;
    if (!c.per_area) {
      score = raw(totals.value[slot]);
      arithmetic = "min(" + num(cap) + ", " + formula(totals.value[slot]) + ") = " + num(score);
    } else {
      const std::size_t n = ctx.data.areas.size();
      const double* a = &totals.area_value[slot * n];
      if (r.area_rule == AreaRule::each) {
        double sum = 0;
        for (std::size_t k = 0; k < n; ++k) {
          const double s = raw(a[k]);
          sum += s;
          arithmetic += ctx.data.areas[k] + " " + num(a[k]) + " → " + num(s) + "; ";
        }
        score = sum / static_cast<double>(n);
        arithmetic += "mean over " + std::to_string(n) + " areas = " + num(score);
      } else {
        double sum = 0;
        for (std::size_t k = 0; k < n; ++k) {
          sum += a[k];
          arithmetic += ctx.data.areas[k] + " " + num(a[k]) + "; ";
        }
        const double mean = sum / static_cast<double>(n);
        score = raw(mean);
        arithmetic += "mean " + num(mean) + " per area; min(" + num(cap) + ", " + formula(mean) + ") = " + num(score);
      }
    }
    out.score = weigh(score, points, weight);
    if (node) {
      if (weight != 1 && score < points) arithmetic += "; " + num(points) + " − " + num(weight) + " × (" +
                                                       num(points) + " − " + num(score) + ") = " + num(out.score);
      node->arithmetic = "target " + num(target) + (r.better == Better::lower ? " (lower is better)" : "") + "; " +
                         arithmetic;
    }
  }
}

double baseline_for(const Context& ctx, const CompiledItem& c, const std::string& metric, std::uint32_t slot,
                    std::string* source) {
  const auto& impl = ctx.impl;
  if (c.item->rule.baseline && metric == c.metric) {
    if (source) *source = "the scheme";
    return *c.item->rule.baseline;
  }
  const bool plan = slot == impl.slots();
  const UnitId unit = plan ? 0 : impl.units[impl.assessed[slot]].id;
  const BaselineValue* own = nullptr;
  const BaselineValue* joint = nullptr;
  double unit_sum = 0;
  bool any_unit = false;
  for (const BaselineValue& b : ctx.in.baselines) {
    if (b.metric != metric) continue;
    if (b.unit == 0 && !joint) joint = &b;
    if (b.unit != 0) {
      unit_sum += b.value;
      any_unit = true;
      if (b.unit == unit && !own) own = &b;
    }
  }
  if (own) {
    if (source) *source = own->ref;
    return own->value;
  }
  if (joint) {
    if (source) *source = joint->ref;
    return joint->value;
  }
  if (plan && any_unit) {
    if (source) *source = "the units' baselines added up";
    return unit_sum;
  }
  throw Error(Errc::inval, ErrClass::argument,
              "item " + quote(c.item->id) + ": no baseline (去年) of metric " + quote(metric) + " for " +
                  (plan ? std::string("the plan") : quote(impl.units[impl.assessed[slot]].name)) +
                  ": add one to the input's baselines");
}

void score_yoy(const Context& ctx, const CompiledItem& c, const Sink& sink) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const std::uint32_t plan = impl.slots();
  Explanation* trace = sink.only != kNone ? sink.trace : nullptr;
  const MetricTotals totals = metric_totals(ctx, c, c.metric, c.metric_info, false, sink, trace);
  for (std::uint32_t slot = 0; slot <= plan; ++slot) {
    if (!sink.wants(slot)) continue;
    Tally& out = sink.out[slot];
    Explanation* node = sink.node(slot);
    double weight = 1;
    if (slot < plan) {
      weight = indicator_weight(c, impl.assessed[slot]);
      if (weight < 0) {
        out = {points, false, false, 0};
        if (node) node->arithmetic = "not judged on " + c.metric;
        continue;
      }
    }
    std::string from;
    const double base = baseline_for(ctx, c, c.metric, slot, node ? &from : nullptr);
    const double actual = totals.value[slot];
    double score = points;
    std::string arithmetic;
    if (r.better == Better::higher) {
      if (actual >= base) {
        arithmetic = num(actual) + " ≥ baseline " + num(base) + ": full " + num(points);
      } else {
        score = base > 0 ? points * std::max(0.0, actual) / base : 0.0;
        arithmetic = num(actual) + " < baseline " + num(base) + ": " + num(points) + " × " + num(actual) + " / " +
                     num(base) + " = " + num(score);
      }
    } else {
      if (actual <= base) {
        arithmetic = num(actual) + " ≤ baseline " + num(base) + ": full " + num(points);
      } else {
        score = actual > 0 ? points * std::max(0.0, base) / actual : points;
        arithmetic = num(actual) + " > baseline " + num(base) + ": " + num(points) + " × " + num(base) + " / " +
                     num(actual) + " = " + num(score);
      }
    }
    out.score = weigh(score, points, weight);
    if (node) {
      if (weight != 1 && score < points) arithmetic += "; " + num(points) + " − " + num(weight) + " × (" +
                                                       num(points) + " − " + num(score) + ") = " + num(out.score);
      node->arithmetic = arithmetic;
      if (!from.empty()) node->source = "baseline: " + from;
    }
  }
}

void score_bands(const Context& ctx, const CompiledItem& c, const Sink& sink, const Earlier& earlier) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const std::uint32_t plan = impl.slots();
  Explanation* trace = sink.only != kNone ? sink.trace : nullptr;
  const std::vector<double> values = source_values(ctx, c, *c.band_source, sink, earlier, trace);
  for (std::uint32_t slot = 0; slot <= plan; ++slot) {
    if (!sink.wants(slot)) continue;
    Tally& out = sink.out[slot];
    Explanation* node = sink.node(slot);
    double weight = 1;
    if (slot < plan && !c.metric_role.empty()) {
      weight = indicator_weight(c, impl.assessed[slot]);
      if (weight < 0) {
        out = {points, false, false, 0};
        if (node) node->arithmetic = c.metric.empty() ? "holds none of the item's tasks" : "not judged on " + c.metric;
        continue;
      }
    } else if (slot < plan && !c.unit_mask.empty() && !c.unit_mask[impl.assessed[slot]]) {
      out = {points, false, false, 0};
      if (node) node->arithmetic = "not among the item's units";
      continue;
    }
    const double v = values[slot];
    double score = 0;
    std::string which = "no band";
    for (const Band& b : r.bands) {
      if ((!b.from || v >= *b.from) && (!b.to || v < *b.to)) {
        score = b.points;
        which = "band [" + (b.from ? num(*b.from) : std::string("−∞")) + ", " +
                (b.to ? num(*b.to) : std::string("∞")) + ")";
        break;
      }
    }
    out.score = weigh(score, points, weight);
    if (node) {
      node->arithmetic = std::string(to_string(c.band_source->kind)) + ":" + c.band_source->name + " = " + num(v) +
                         ": " + which + " → " + num(score);
      if (weight != 1 && score < points) node->arithmetic += "; " + num(points) + " − " + num(weight) + " × (" +
                                                             num(points) + " − " + num(score) + ") = " + num(out.score);
    }
  }
}

}  // namespace duban::scoring
