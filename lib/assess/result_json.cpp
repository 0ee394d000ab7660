// The result as JSON (docs/assess.md): deterministic — members in a fixed
// order, units in directory order, numbers rounded to 6 decimals — so the
// same plan, scheme, input and date give byte-identical text.
#include "assess/engine.hpp"
#include "assess/json_out.hpp"
#include "duban/error.hpp"

namespace duban {
namespace {

using scoring::number_json;
using scoring::OJson;

OJson explanation_json(const Explanation& e) {
  OJson j = OJson::object();
  j["what"] = e.what;
  if (e.points) j["points"] = number_json(*e.points);
  if (!e.rule.empty()) j["rule"] = e.rule;
  if (!e.arithmetic.empty()) j["arithmetic"] = e.arithmetic;
  if (!e.source.empty()) j["source"] = e.source;
  if (!e.children.empty()) {
    OJson children = OJson::array();
    for (const Explanation& c : e.children) children.push_back(explanation_json(c));
    j["children"] = std::move(children);
  }
  return j;
}

OJson unit_json(const Assessment& result, const Assessor::Impl& impl, const UnitScore& u,
                const ResultJsonOptions& options) {
  OJson j = OJson::object();
  j["unit"] = u.name;
  if (u.unit != 0) {
    j["id"] = u.unit;
    j["rank"] = u.rank;
  }
  j["total"] = number_json(u.total);
  j["base"] = number_json(u.base);
  j["bonus"] = number_json(u.bonus);
  j["deductions"] = number_json(u.deductions);
  j["grade"] = u.grade;
  OJson vetoes = OJson::array();
  for (const VetoHit& v : u.vetoes) {
    OJson vj = OJson::object();
    vj["item"] = v.item;
    vj["effect"] = std::string(to_string(v.effect));
    if (!v.target.empty()) vj["target"] = v.target;
    vetoes.push_back(std::move(vj));
  }
  j["vetoes"] = std::move(vetoes);
  OJson groups = OJson::array();
  for (std::size_t g = 0; g < u.groups.size(); ++g) {
    OJson gj = OJson::object();
    gj["group"] = impl.scheme.groups[g].name;
    gj["score"] = number_json(u.groups[g].score);
    gj["points"] = number_json(u.groups[g].points);
    if (u.groups[g].vetoed) gj["vetoed"] = true;
    groups.push_back(std::move(gj));
  }
  j["groups"] = std::move(groups);
  OJson items = OJson::array();
  for (const scoring::CompiledItem& c : impl.items) {
    const ItemScore& is = u.items[c.index];
    OJson ij = OJson::object();
    ij["item"] = c.item->id;
    ij["score"] = number_json(is.score);
    if (!is.applicable) ij["applicable"] = false;
    if (is.vetoed) ij["vetoed"] = true;
    items.push_back(std::move(ij));
  }
  j["items"] = std::move(items);
  if (options.explanations) j["explanation"] = explanation_json(explanation(result, u.unit));
  return j;
}

}  // namespace

std::string to_json(const Explanation& explanation, int indent) { return explanation_json(explanation).dump(indent); }

std::string to_json(const Assessment& result, const ResultJsonOptions& options) {
  if (!result.state) throw Error(Errc::misuse, ErrClass::argument, "to_json: the assessment carries no run state");
  const Assessor::Impl& impl = *result.state->impl;
  const Scheme& s = impl.scheme;
  OJson root = OJson::object();
  root["duban_assessment"] = 1;
  root["scheme"] = OJson{{"name", s.name}, {"version", s.version}};
  root["plan"] = OJson{{"title", impl.plan_title}, {"doc_number", impl.plan_doc_number}, {"year", impl.plan_year}};
  root["as_of"] = format_date(result.as_of);
  root["digest"] = result.digest;
  OJson groups = OJson::array();
  for (const Group& g : s.groups) {
    double points = 0;
    for (const Item& it : g.items) points += it.points;
    groups.push_back(OJson{{"name", g.name}, {"points", number_json(points)}, {"bonus", g.bonus}});
  }
  root["groups"] = std::move(groups);
  OJson items = OJson::array();
  for (const scoring::CompiledItem& c : impl.items) {
    items.push_back(OJson{{"id", c.item->id},
                          {"name", c.item->name},
                          {"group", s.groups[c.group].name},
                          {"rule", std::string(to_string(c.item->rule.kind))},
                          {"points", number_json(c.item->points)}});
  }
  root["items"] = std::move(items);
  root["total"] = unit_json(result, impl, result.plan, options);
  OJson units = OJson::array();
  for (const UnitScore& u : result.units) units.push_back(unit_json(result, impl, u, options));
  root["units"] = std::move(units);
  OJson ranking = OJson::object();
  OJson tie = OJson::array();
  for (const std::string& t : s.tie_break) tie.push_back(t);
  ranking["tie_break"] = std::move(tie);
  ranking["ties"] = "units still tied share a rank and are listed in directory order";
  OJson order = OJson::array();
  for (std::size_t i : result.ranking) {
    const UnitScore& u = result.units[i];
    order.push_back(OJson{{"rank", u.rank}, {"unit", u.name}, {"total", number_json(u.total)}, {"grade", u.grade}});
  }
  ranking["order"] = std::move(order);
  root["ranking"] = std::move(ranking);
  OJson tasks = OJson::array();
  for (const TaskScore& t : result.tasks) {
    const auto i = static_cast<std::size_t>(t.task - 1);
    tasks.push_back(OJson{{"task", impl.task_key[i]},
                          {"title", impl.task_title[i]},
                          {"earned", number_json(t.earned)},
                          {"possible", number_json(t.possible)}});
  }
  root["tasks"] = std::move(tasks);
  OJson categories = OJson::array();
  for (const CategoryScore& c : result.categories) {
    const std::string title = c.category >= 0 ? impl.category_title[static_cast<std::size_t>(c.category)] : "";
    categories.push_back(
        OJson{{"category", title}, {"earned", number_json(c.earned)}, {"possible", number_json(c.possible)}});
  }
  root["categories"] = std::move(categories);
  return root.dump(options.indent);
}

}  // namespace duban
