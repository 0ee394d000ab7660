// Explanations: one unit's scores retraced, item by item, with the same
// rule functions the run used restricted to that unit, so each node's
// number is the run's number and its children are the facts behind it.
#include <sstream>

#include "assess/engine.hpp"
#include "assess/number.hpp"
#include "duban/error.hpp"

namespace duban {
namespace {

using namespace scoring;

std::uint32_t slot_of(const Assessor::Impl& impl, UnitId unit) {
  if (unit == 0) return impl.slots();
  const std::uint32_t u = impl.unit_index(unit);
  return u == kNone ? kNone : impl.units[u].slot;
}

std::string points_of(double score, double points) { return num(score) + " of " + num(points); }

void render(std::ostringstream& out, const Explanation& n, int depth) {
  out << std::string(static_cast<std::size_t>(depth) * 2, ' ') << n.what;
  if (n.points) out << ": " << num(*n.points);
  if (!n.arithmetic.empty()) out << " — " << n.arithmetic;
  if (!n.source.empty()) out << " [" << n.source << "]";
  out << "\n";
  for (const Explanation& c : n.children) render(out, c, depth + 1);
}

}  // namespace

Explanation explanation(const Assessment& result, UnitId unit) {
  if (!result.state) {
    throw Error(Errc::misuse, ErrClass::argument, "explanation: the assessment carries no run state");
  }
  const Assessment::State& st = *result.state;
  const Assessor::Impl& impl = *st.impl;
  const Scheme& s = impl.scheme;
  const UnitScore* us = result.find(unit);
  const std::uint32_t slot = slot_of(impl, unit);
  if (!us || slot == kNone) {
    throw Error(Errc::notfound, ErrClass::argument, "unit " + std::to_string(unit) + " was not assessed");
  }
  const Context ctx{impl, *st.input, st.as_of, *st.data, s.precision};
  std::vector<Tally> tallies(impl.slots() + 1);

  Explanation root;
  root.what = unit == 0 ? "plan " + impl.plan_title : us->name;
  root.points = us->total;
  root.rule = "total";
  root.arithmetic = "base " + num(us->base) + " + bonus " + num(us->bonus);
  if (s.bonus_cap > 0) root.arithmetic += " (at most " + num(s.bonus_cap) + ")";
  bool zeroed = false;
  for (const VetoHit& v : us->vetoes) zeroed = zeroed || v.effect == VetoEffect::zero_total;
  root.arithmetic += zeroed ? "; vetoed: total 0" : " = " + num(us->total);
  if (!us->grade.empty()) root.arithmetic += "; grade " + us->grade;
  if (unit != 0) root.arithmetic += "; rank " + std::to_string(us->rank) + " of " + std::to_string(result.units.size());

  std::vector<Explanation> groups(s.groups.size());
  for (std::size_t g = 0; g < s.groups.size(); ++g) {
    groups[g].what = "group " + s.groups[g].name + (s.groups[g].bonus ? " (bonus)" : "");
    groups[g].points = us->groups[g].score;
    groups[g].rule = "sum";
  }
  std::vector<std::string> terms(s.groups.size());
  for (const CompiledItem& c : impl.items) {
    const Item& item = *c.item;
    const ItemScore& is = us->items[c.index];
    Explanation node;
    node.what = "item " + item.id + " " + item.name;
    node.rule = std::string(to_string(item.rule.kind));
    const Sink sink{tallies, slot, &node, nullptr};
    score_item(ctx, c, sink, st.scores);
    // The retraced number, so a test can hold it against the run's.
    node.points = is.vetoed ? 0.0 : tallies[slot].score;
    if (item.rule.kind != RuleKind::veto) node.what += " (" + num(item.points) + " points)";
    if (!is.applicable) {
      node.arithmetic += s.not_applicable == NotApplicable::full ? "; not applicable: scores its points"
                                                                   : "; not applicable: left out and the base rescaled";
    }
    if (is.vetoed) {
      for (const VetoHit& v : us->vetoes) {
        if (v.effect == VetoEffect::zero_group && v.target == s.groups[c.group].name) {
          node.arithmetic += "; zeroed by veto " + v.item;
          break;
        }
      }
    }
    terms[c.group] += (terms[c.group].empty() ? "" : " + ") + num(is.score);
    groups[c.group].children.push_back(std::move(node));
  }
  for (std::size_t g = 0; g < s.groups.size(); ++g) {
    groups[g].arithmetic = (terms[g].empty() ? std::string("0") : terms[g]) + " = " +
                           points_of(us->groups[g].score, us->groups[g].points);
    root.children.push_back(std::move(groups[g]));
  }
  if (s.not_applicable == NotApplicable::rescale) {
    Explanation n;
    n.what = "base";
    n.points = us->base;
    n.rule = "rescale";
    n.arithmetic = "applicable items' scores × " + num(s.total) + " / their points";
    root.children.push_back(std::move(n));
  }
  for (const VetoHit& v : us->vetoes) {
    Explanation n;
    n.what = "veto " + v.item;
    n.rule = "veto";
    switch (v.effect) {
      case VetoEffect::zero_group:
        n.arithmetic = "group " + v.target + " scores 0";
        break;
      case VetoEffect::zero_total:
        n.arithmetic = "the total is 0";
        break;
      case VetoEffect::cap_grade:
        n.arithmetic = "the grade is at best " + v.target;
        break;
    }
    root.children.push_back(std::move(n));
  }
  if (!us->grade.empty()) {
    Explanation n;
    n.what = "grade " + us->grade;
    n.rule = "grade";
    for (const Grade& g : s.grades) {
      n.arithmetic += (n.arithmetic.empty() ? "" : ", ") + g.name + " ≥ " + num(g.min);
    }
    root.children.push_back(std::move(n));
  }
  return root;
}

std::string explain(const Assessment& result, UnitId unit) {
  std::ostringstream out;
  render(out, explanation(result, unit), 0);
  return out.str();
}

}  // namespace duban
