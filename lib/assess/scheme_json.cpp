// The scheme as JSON for interchange: what parse_scheme_json reads back
// to an equal scheme. Only what differs from the defaults is written, so
// the JSON form of a hand-written TOML scheme stays as short as the TOML.
#include "assess/json_out.hpp"
#include "duban/assess.hpp"

namespace duban {
namespace {

using scoring::number_json;
using scoring::OJson;

OJson roles_json(const RoleWeights& w) {
  OJson j = OJson::object();
  j["lead"] = number_json(w.lead);
  j["responsible"] = number_json(w.responsible);
  j["support"] = number_json(w.support);
  return j;
}

OJson strings_json(const std::vector<std::string>& v) {
  OJson j = OJson::array();
  for (const std::string& s : v) j.push_back(s);
  return j;
}

OJson select_json(const Selector& s) {
  OJson j = OJson::object();
  if (s.all) j["all"] = true;
  if (!s.tasks.empty()) j["tasks"] = strings_json(s.tasks);
  if (!s.category.empty()) j["category"] = s.category;
  if (!s.metric.empty()) j["metric"] = s.metric;
  if (!s.units.empty()) j["units"] = strings_json(s.units);
  if (s.role) j["role"] = std::string(to_string(*s.role));
  return j;
}

OJson item_json(const Item& it) {
  const Rule& r = it.rule;
  const Rule d{};
  OJson j = OJson::object();
  j["id"] = it.id;
  j["name"] = it.name;
  if (r.kind != RuleKind::veto) j["points"] = number_json(it.points);
  j["rule"] = std::string(to_string(r.kind));
  const OJson select = select_json(it.select);
  if (!select.empty()) j["select"] = select;
  if (it.roles) j["roles"] = roles_json(*it.roles);
  if (it.split != CreditSplit::each) j["split"] = std::string(to_string(it.split));
  if (r.per_workday != d.per_workday) j["per_workday"] = number_json(r.per_workday);
  if (r.floor_ratio != d.floor_ratio) j["floor_ratio"] = number_json(r.floor_ratio);
  if (r.kind == RuleKind::timeliness) j["mode"] = std::string(to_string(r.mode));
  if (r.late_credit != d.late_credit) j["late_credit"] = number_json(r.late_credit);
  if (r.per_late != d.per_late) j["per_late"] = number_json(r.per_late);
  if (r.per_missing != d.per_missing) j["per_missing"] = number_json(r.per_missing);
  if (r.target) j["target"] = number_json(*r.target);
  if (r.baseline) j["baseline"] = number_json(*r.baseline);
  if (r.better != d.better) j["better"] = std::string(to_string(r.better));
  if (!r.scope.empty()) j["scope"] = r.scope;
  if (r.area_rule != d.area_rule) j["area_rule"] = std::string(to_string(r.area_rule));
  if (r.cap) j["cap"] = number_json(*r.cap);
  if (r.floor) j["floor"] = number_json(*r.floor);
  if (!r.bands.empty()) {
    OJson bands = OJson::array();
    for (const Band& b : r.bands) {
      OJson bj = OJson::object();
      if (b.from) bj["from"] = number_json(*b.from);
      if (b.to) bj["to"] = number_json(*b.to);
      bj["points"] = number_json(b.points);
      bands.push_back(std::move(bj));
    }
    j["bands"] = std::move(bands);
  }
  if (!r.source.empty()) j["source"] = r.source;
  if (!r.events.empty()) j["events"] = strings_json(r.events);
  if (r.per_event) j["per_event"] = number_json(*r.per_event);
  if (r.kind == RuleKind::veto) {
    j["effect"] = std::string(to_string(r.effect));
    if (!r.group.empty()) j["group"] = r.group;
    if (!r.grade.empty()) j["grade"] = r.grade;
  }
  if (!r.expr.empty()) j[r.kind == RuleKind::veto ? "when" : "expr"] = r.expr;
  if (!r.inputs.empty()) {
    OJson inputs = OJson::object();
    for (const NamedSource& in : r.inputs) inputs[in.name] = in.source;
    j["inputs"] = std::move(inputs);
  }
  return j;
}

}  // namespace

std::string to_json(const Scheme& s, int indent) {
  OJson root = OJson::object();
  root["duban_scheme"] = 1;
  OJson head = OJson::object();
  head["name"] = s.name;
  if (!s.version.empty()) head["version"] = s.version;
  head["total"] = number_json(s.total);
  head["bonus_cap"] = number_json(s.bonus_cap);
  head["precision"] = s.precision;
  head["extension"] = std::string(to_string(s.extension));
  head["not_applicable"] = std::string(to_string(s.not_applicable));
  if (!s.areas.empty()) head["areas"] = strings_json(s.areas);
  if (!s.units.empty()) head["units"] = strings_json(s.units);
  if (!s.unit_kinds.empty()) {
    OJson kinds = OJson::array();
    for (UnitKind k : s.unit_kinds) kinds.push_back(std::string(to_string(k)));
    head["unit_kinds"] = std::move(kinds);
  }
  head["roles"] = roles_json(s.roles);
  if (!s.tie_break.empty()) head["tie_break"] = strings_json(s.tie_break);
  root["scheme"] = std::move(head);
  OJson grades = OJson::array();
  for (const Grade& g : s.grades) grades.push_back(OJson{{"name", g.name}, {"min", number_json(g.min)}});
  root["grades"] = std::move(grades);
  OJson groups = OJson::array();
  for (const Group& g : s.groups) {
    OJson gj = OJson::object();
    gj["name"] = g.name;
    if (!g.category.empty()) gj["category"] = g.category;
    if (g.bonus) gj["bonus"] = true;
    OJson items = OJson::array();
    for (const Item& it : g.items) items.push_back(item_json(it));
    gj["items"] = std::move(items);
    groups.push_back(std::move(gj));
  }
  root["groups"] = std::move(groups);
  return root.dump(indent);
}

}  // namespace duban
