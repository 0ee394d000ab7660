// Formula items and veto predicates (`when`): a muParser expression over
// named inputs, each read from a source (indicator, ratio, baseline, value,
// item, events) for the unit being scored. A formula's result is clamped
// to [floor, cap] (by default [0, points]); a result that is not a number
// (a division by zero) scores the floor, and the explanation says so.
#include <algorithm>
#include <cmath>

#include "assess/engine.hpp"
#include "assess/formula.hpp"
#include "assess/number.hpp"
#include "duban/error.hpp"

namespace duban::scoring {

void input_error(std::string_view where, std::size_t index, const std::string& message) {
  throw Error(Errc::inval, ErrClass::argument,
              "input " + std::string(where) + "[" + std::to_string(index) + "]: " + message);
}

std::vector<double> source_values(const Context& ctx, const CompiledItem& c, const SourceRef& source,
                                  const Sink& sink, const Earlier& earlier, Explanation* trace) {
  const auto& impl = ctx.impl;
  const std::uint32_t plan = impl.slots();
  std::vector<double> out(plan + 1, 0.0);
  static const MetricInfo no_metric;
  switch (source.kind) {
    case SourceKind::indicator:
    case SourceKind::ratio: {
      const MetricInfo* info = find_metric(impl, source.name);
      const MetricInfo& use = source.name == c.metric ? c.metric_info : info ? *info : no_metric;
      const MetricTotals totals = metric_totals(ctx, c, source.name, use, false, sink, trace);
      out = totals.value;
      if (source.kind == SourceKind::ratio) {
        const double target = source.name == c.metric && c.target ? *c.target : *use.target;
        for (double& v : out) v = v / target * 100;
        if (trace) trace->arithmetic = "÷ target " + num(target) + " × 100";
      }
      return out;
    }
    case SourceKind::baseline:
      for (std::uint32_t slot = 0; slot <= plan; ++slot) {
        if (!sink.wants(slot)) continue;
        std::string from;
        out[slot] = baseline_for(ctx, c, source.name, slot, &from);
        if (trace && sink.only == slot) trace->source = from;
      }
      return out;
    case SourceKind::value:
      for (std::uint32_t slot = 0; slot <= plan; ++slot) {
        if (!sink.wants(slot)) continue;
        const UnitId unit = slot == plan ? 0 : impl.units[impl.assessed[slot]].id;
        const NamedValue* own = nullptr;
        const NamedValue* joint = nullptr;
        for (const NamedValue& v : ctx.in.values) {
          if (v.name != source.name) continue;
          if (v.unit == unit && !own) own = &v;
          if (v.unit == 0 && !joint) joint = &v;
        }
        const NamedValue* use = own ? own : joint;
        out[slot] = use ? use->value : 0.0;
        if (trace && sink.only == slot) {
          trace->source = use ? use->ref : std::string();
          if (!use) trace->arithmetic = "no value given: 0";
        }
      }
      return out;
    case SourceKind::item: {
      std::size_t index = 0;
      for (const CompiledItem& other : impl.items) {
        if (other.item->id == source.name) index = other.index;
      }
      for (std::uint32_t slot = 0; slot <= plan; ++slot) {
        if (sink.wants(slot)) out[slot] = earlier[index][slot].score;
      }
      if (trace) trace->source = "item " + source.name;
      return out;
    }
    case SourceKind::events:
      return event_sums(ctx, c, {source.name}, true, sink, trace);
  }
  return out;
}

void score_formula(const Context& ctx, const CompiledItem& c, const Sink& sink, const Earlier& earlier) {
  const auto& impl = ctx.impl;
  const Rule& r = c.item->rule;
  const double points = c.item->points;
  const std::uint32_t plan = impl.slots();
  const bool veto = r.kind == RuleKind::veto;
  std::vector<std::string> names;
  for (const NamedSource& in : r.inputs) names.push_back(in.name);
  Formula formula(r.expr, names);

  // One pass per input over the facts, for every slot at once.
  std::vector<std::vector<double>> values;
  std::vector<Explanation> input_nodes;
  for (std::size_t k = 0; k < c.inputs.size(); ++k) {
    Explanation n;
    Explanation* trace = sink.only != kNone ? &n : nullptr;
    values.push_back(source_values(ctx, c, c.inputs[k], sink, earlier, trace));
    if (trace) {
      n.what = r.inputs[k].name + " = " + r.inputs[k].source;
      n.rule = "input";
      n.points = values.back()[sink.only];
      input_nodes.push_back(std::move(n));
    }
  }
  const double cap = r.cap ? *r.cap : points;
  const double floor = r.floor ? *r.floor : 0.0;
  std::vector<double> args(c.inputs.size());
  for (std::uint32_t slot = 0; slot <= plan; ++slot) {
    if (!sink.wants(slot)) continue;
    Tally& out = sink.out[slot];
    Explanation* node = sink.node(slot);
    if (slot < plan && !c.unit_mask.empty() && !c.unit_mask[impl.assessed[slot]]) {
      out = {veto ? 0.0 : points, false, false, 0};
      if (node) node->arithmetic = "not among the item's units";
      continue;
    }
    for (std::size_t k = 0; k < args.size(); ++k) args[k] = values[k][slot];
    const double v = formula.eval(args, points);
    std::string bindings;
    if (node) {
      for (std::size_t k = 0; k < args.size(); ++k) bindings += names[k] + " = " + num(args[k]) + ", ";
      bindings += "points = " + num(points);
      for (Explanation& n : input_nodes) node->children.push_back(std::move(n));
    }
    if (veto) {
      out.score = 0;
      out.hit = std::isfinite(v) && v != 0;
      if (node) node->arithmetic = r.expr + " with " + bindings + " = " + num(v) + (out.hit ? ": vetoed" : ": not vetoed");
      continue;
    }
    if (!std::isfinite(v)) {
      out.score = floor;
      if (node) node->arithmetic = r.expr + " with " + bindings + " is not a number: " + num(floor);
      continue;
    }
    out.score = std::clamp(v, floor, std::max(floor, cap));
    if (node) {
      node->arithmetic = r.expr + " with " + bindings + " = " + num(v);
      if (out.score != v) node->arithmetic += ", kept within [" + num(floor) + ", " + num(cap) + "] → " + num(out.score);
    }
  }
}

void score_item(const Context& ctx, const CompiledItem& c, const Sink& sink, const Earlier& earlier) {
  switch (c.item->rule.kind) {
    case RuleKind::completion:
      score_completion(ctx, c, sink);
      break;
    case RuleKind::timeliness:
      score_timeliness(ctx, c, sink);
      break;
    case RuleKind::ratio:
      score_ratio(ctx, c, sink);
      break;
    case RuleKind::yoy:
      score_yoy(ctx, c, sink);
      break;
    case RuleKind::bands:
      score_bands(ctx, c, sink, earlier);
      break;
    case RuleKind::deduction:
    case RuleKind::bonus:
      score_events(ctx, c, sink);
      break;
    case RuleKind::veto:
      if (c.item->rule.events.empty()) {
        score_formula(ctx, c, sink, earlier);
      } else {
        score_events(ctx, c, sink);
      }
      break;
    case RuleKind::formula:
      score_formula(ctx, c, sink, earlier);
      break;
  }
  for (std::uint32_t slot = 0; slot < sink.out.size(); ++slot) {
    if (!sink.wants(slot)) continue;
    Tally& t = sink.out[slot];
    t.score = round_to(t.score, ctx.precision);
    t.lost = round_to(t.lost, ctx.precision);
  }
}

}  // namespace duban::scoring
