// Reading a scheme (docs/assess.md) from the located tree, whichever file
// format it came from. Everything that can be checked without the plan is
// checked here, so a scheme file that loads is well-formed; the Assessor
// checks the rest (tasks, categories, units, metrics) against the plan.
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "assess/doc.hpp"
#include "assess/formula.hpp"
#include "assess/source.hpp"
#include "duban/assess.hpp"
#include "duban/error.hpp"

namespace duban {
namespace {

using scoring::Doc;
using scoring::Field;

constexpr long long kFormatVersion = 1;

template <typename E>
E enum_field(const Field& f, std::optional<E> (*from)(std::string_view) noexcept, std::string_view choices) {
  const std::string s = f.string();
  if (auto v = from(s)) return *v;
  f.fail("unknown value " + quote(s) + " (" + std::string(choices) + ")");
}

double non_negative(const Field& f) {
  const double v = f.number();
  if (v < 0) f.fail("must be >= 0");
  return v;
}

double share(const Field& f) {
  const double v = f.number();
  if (v < 0 || v > 1) f.fail("must be between 0 and 1");
  return v;
}

RoleWeights read_roles(const Field& f) {
  f.only({"lead", "responsible", "support"});
  RoleWeights w;
  if (auto v = f.optional("lead")) w.lead = non_negative(*v);
  if (auto v = f.optional("responsible")) w.responsible = non_negative(*v);
  if (auto v = f.optional("support")) w.support = non_negative(*v);
  return w;
}

Role role_field(const Field& f) {
  const std::string s = f.string();
  if (auto r = role_from_string(s)) return *r;
  if (s == "牵头") return Role::lead;
  if (s == "责任" || s == "负责") return Role::responsible;
  if (s == "配合") return Role::support;
  f.fail("unknown role " + quote(s) + " (lead, responsible, support)");
}

Selector read_select(const Field& f) {
  f.only({"all", "task", "tasks", "category", "metric", "unit", "units", "role"});
  Selector s;
  if (auto v = f.optional("all")) s.all = v->boolean();
  if (auto v = f.optional("task")) s.tasks.push_back(v->string());
  if (auto v = f.optional("tasks")) {
    for (std::string& t : v->strings()) s.tasks.push_back(std::move(t));
  }
  if (auto v = f.optional("category")) s.category = v->string();
  if (auto v = f.optional("metric")) s.metric = v->string();
  if (auto v = f.optional("unit")) s.units.push_back(v->string());
  if (auto v = f.optional("units")) {
    for (std::string& u : v->strings()) s.units.push_back(std::move(u));
  }
  if (auto v = f.optional("role")) s.role = role_field(*v);
  const int kinds = (s.all ? 1 : 0) + (s.tasks.empty() ? 0 : 1) + (s.category.empty() ? 0 : 1);
  if (kinds > 1) f.fail("choose one of all, task(s) and category");
  return s;
}

std::vector<NamedSource> read_inputs(const Field& f) {
  std::vector<NamedSource> out;
  for (const auto& [name, value] : f.members()) {
    if (!scoring::valid_variable_name(name) || name == scoring::kPointsVariable) {
      value.fail("is not a usable variable name (letters, digits and _, not starting with a digit; not 'points')");
    }
    const std::string src = value.string();
    if (!scoring::parse_source(src)) {
      value.fail("unknown source " + quote(src) +
                 " (indicator:METRIC, ratio:METRIC, baseline:METRIC, value:NAME, item:ID, events:KIND)");
    }
    out.push_back({name, src});
  }
  return out;
}

std::vector<Band> read_bands(const Field& f, double points) {
  std::vector<Band> out;
  for (const Field& b : f.elements()) {
    b.only({"from", "to", "points"});
    Band band;
    if (auto v = b.optional("from")) band.from = v->number();
    if (auto v = b.optional("to")) band.to = v->number();
    const Field p = b.required("points");
    band.points = non_negative(p);
    if (band.points > points + 1e-9) p.fail("is more than the item's points (" + std::to_string(points) + ")");
    if (band.from && band.to && !(*band.from < *band.to)) b.fail("from must be less than to");
    out.push_back(band);
  }
  if (out.empty()) f.fail("needs at least one band");
  return out;
}

std::vector<std::string_view> keys_for(RuleKind kind) {
  std::vector<std::string_view> keys{"id", "name", "points", "rule", "select", "roles", "split"};
  const auto add = [&](std::initializer_list<std::string_view> more) { keys.insert(keys.end(), more); };
  switch (kind) {
    case RuleKind::completion:
      add({"per_workday", "floor_ratio"});
      break;
    case RuleKind::timeliness:
      add({"mode", "late_credit", "per_late", "per_missing", "cap"});
      break;
    case RuleKind::ratio:
      add({"target", "better", "cap", "scope", "area_rule"});
      break;
    case RuleKind::yoy:
      add({"baseline", "better"});
      break;
    case RuleKind::bands:
      add({"bands", "source"});
      break;
    case RuleKind::deduction:
      add({"events", "per_event", "cap", "floor"});
      break;
    case RuleKind::bonus:
      add({"events", "per_event"});
      break;
    case RuleKind::veto:
      add({"events", "when", "inputs", "effect", "group", "grade"});
      break;
    case RuleKind::formula:
      add({"expr", "inputs", "cap", "floor"});
      break;
  }
  return keys;
}

// What the earlier items are called, for item:ID sources.
using Known = std::set<std::string, std::less<>>;

void check_sources(const Field& where, const std::vector<NamedSource>& inputs, const Known& earlier) {
  for (const NamedSource& in : inputs) {
    const auto ref = scoring::parse_source(in.source);
    if (ref && ref->kind == scoring::SourceKind::item && !earlier.contains(ref->name)) {
      where.required("inputs").required(in.name).fail("item " + quote(ref->name) +
                                                      " is not an item listed before this one");
    }
  }
}

Item read_item(const Field& f, std::size_t g, std::size_t i, const Known& earlier) {
  f.expect_table();
  Item item;
  item.line = f.line();
  const Field rule = f.required("rule");
  item.rule.kind = enum_field<RuleKind>(rule, rule_kind_from_string,
                                        "completion, timeliness, ratio, yoy, bands, deduction, bonus, veto, formula");
  f.only(keys_for(item.rule.kind), std::string("rule ") + std::string(to_string(item.rule.kind)));
  item.id = f.has("id") ? f.required("id").string() : std::to_string(g + 1) + "." + std::to_string(i + 1);
  if (item.id.empty()) f.required("id").fail("must not be empty");
  item.name = f.has("name") ? f.required("name").string() : item.id;
  Rule& r = item.rule;
  if (r.kind == RuleKind::veto) {
    if (auto p = f.optional("points"); p && p->number() != 0) p->fail("a veto has no points: it zeroes or caps");
  } else {
    item.points = non_negative(f.required("points"));
  }
  if (auto v = f.optional("select")) item.select = read_select(*v);
  if (auto v = f.optional("roles")) item.roles = read_roles(*v);
  if (auto v = f.optional("split")) item.split = enum_field<CreditSplit>(*v, credit_split_from_string, "each, equal, weighted");

  if (auto v = f.optional("per_workday")) r.per_workday = non_negative(*v);
  if (auto v = f.optional("floor_ratio")) r.floor_ratio = share(*v);
  if (auto v = f.optional("mode")) r.mode = enum_field<TimelinessMode>(*v, timeliness_mode_from_string, "rate, deduct");
  if (auto v = f.optional("late_credit")) r.late_credit = share(*v);
  if (auto v = f.optional("per_late")) r.per_late = non_negative(*v);
  if (auto v = f.optional("per_missing")) r.per_missing = non_negative(*v);
  if (auto v = f.optional("target")) {
    r.target = v->number();
    if (*r.target <= 0) v->fail("must be > 0");
  }
  if (auto v = f.optional("baseline")) r.baseline = v->number();
  if (auto v = f.optional("better")) r.better = enum_field<Better>(*v, better_from_string, "higher, lower");
  if (auto v = f.optional("scope")) r.scope = v->string();
  if (auto v = f.optional("area_rule")) r.area_rule = enum_field<AreaRule>(*v, area_rule_from_string, "each, average");
  if (auto v = f.optional("cap")) r.cap = non_negative(*v);
  if (auto v = f.optional("floor")) r.floor = v->number();
  if (auto v = f.optional("bands")) r.bands = read_bands(*v, item.points);
  if (auto v = f.optional("source")) {
    r.source = v->string();
    if (!scoring::parse_source(r.source)) v->fail("unknown source " + quote(r.source));
  }
  if (auto v = f.optional("events")) {
    r.events = v->strings();
    if (r.events.empty()) v->fail("needs at least one event kind");
  }
  if (auto v = f.optional("per_event")) r.per_event = non_negative(*v);
  if (auto v = f.optional("effect")) {
    r.effect = enum_field<VetoEffect>(*v, veto_effect_from_string, "zero_group, zero_total, cap_grade");
  }
  if (auto v = f.optional("group")) r.group = v->string();
  if (auto v = f.optional("grade")) r.grade = v->string();
  if (auto v = f.optional("inputs")) r.inputs = read_inputs(*v);
  if (auto v = f.optional("when")) r.expr = v->string();
  if (auto v = f.optional("expr")) r.expr = v->string();

  switch (r.kind) {
    case RuleKind::completion:
    case RuleKind::timeliness:
      if (!item.select.metric.empty()) f.required("select").required("metric").fail("has no meaning for this rule");
      break;
    case RuleKind::ratio:
    case RuleKind::yoy:
      if (item.select.metric.empty()) f.fail("select.metric is required: the indicator this rule judges");
      break;
    case RuleKind::bands:
      if (r.source.empty() && item.select.metric.empty()) f.fail("give source, or select.metric");
      if (!f.has("bands")) f.required("bands");
      break;
    case RuleKind::deduction:
    case RuleKind::bonus:
      if (r.events.empty()) f.required("events");
      break;
    case RuleKind::veto:
      if (r.events.empty() == r.expr.empty()) f.fail("a veto needs either events or when");
      if (f.has("inputs") && r.expr.empty()) f.required("inputs").fail("has no meaning without when");
      if (r.effect == VetoEffect::cap_grade && r.grade.empty()) f.required("grade");
      if (r.effect != VetoEffect::cap_grade && !r.grade.empty()) f.required("grade").fail("only for effect cap_grade");
      if (r.effect != VetoEffect::zero_group && !r.group.empty()) f.required("group").fail("only for effect zero_group");
      break;
    case RuleKind::formula:
      if (r.expr.empty()) f.required("expr");
      break;
  }
  if (r.cap && r.kind == RuleKind::timeliness && r.mode != TimelinessMode::deduct) {
    f.required("cap").fail("only for mode deduct: the most late and missing reports may take off");
  }
  if ((r.per_late > 0 || r.per_missing > 0) && r.mode != TimelinessMode::deduct) {
    f.fail("per_late and per_missing need mode = \"deduct\"");
  }
  if (!r.expr.empty()) {
    std::vector<std::string> names;
    for (const NamedSource& in : r.inputs) names.push_back(in.name);
    const std::string problem = scoring::check_formula(r.expr, names);
    if (!problem.empty()) f.required(r.kind == RuleKind::veto ? "when" : "expr").fail(problem);
    check_sources(f, r.inputs, earlier);
  }
  if (!r.source.empty()) {
    const auto ref = scoring::parse_source(r.source);
    if (ref->kind == scoring::SourceKind::item && !earlier.contains(ref->name)) {
      f.required("source").fail("item " + quote(ref->name) + " is not an item listed before this one");
    }
  }
  return item;
}

void check_tie_break(const Field& f, const Scheme& s) {
  for (std::size_t i = 0; i < s.tie_break.size(); ++i) {
    const std::string& t = s.tie_break[i];
    const Field e = f.doc().type == Doc::Type::array ? f.at(i) : f;
    if (t == "base" || t == "bonus" || t == "deductions" || t == "name" || t == "directory") continue;
    if (t.starts_with("group:")) {
      bool found = false;
      for (const Group& g : s.groups) found = found || g.name == t.substr(6);
      if (!found) e.fail("no group named " + quote(t.substr(6)));
      continue;
    }
    if (t.starts_with("item:")) {
      bool found = false;
      for (const Group& g : s.groups) {
        for (const Item& it : g.items) found = found || it.id == t.substr(5);
      }
      if (!found) e.fail("no item with id " + quote(t.substr(5)));
      continue;
    }
    e.fail("unknown tie-break " + quote(t) + " (base, bonus, deductions, group:NAME, item:ID, name, directory)");
  }
}

Scheme read_scheme(const Doc& doc, std::string_view origin) {
  const Field root(doc, std::string(origin), "");
  root.expect_table();
  root.only({"duban_scheme", "scheme", "grades", "groups"});
  if (auto v = root.optional("duban_scheme")) {
    const long long version = v->integer();
    if (version < 1 || version > kFormatVersion) {
      v->fail("this duban reads scheme format 1, not " + std::to_string(version));
    }
  }
  Scheme s;
  s.origin = std::string(origin);
  const Field head = root.required("scheme");
  head.only({"name", "version", "total", "bonus_cap", "precision", "extension", "not_applicable", "areas", "units",
             "unit_kinds", "roles", "tie_break"});
  s.name = head.required("name").string();
  if (auto v = head.optional("version")) s.version = v->string();
  if (auto v = head.optional("total")) s.total = non_negative(*v);
  if (auto v = head.optional("bonus_cap")) s.bonus_cap = non_negative(*v);
  if (auto v = head.optional("precision")) {
    const long long p = v->integer();
    if (p < 0 || p > 6) v->fail("must be between 0 and 6");
    s.precision = static_cast<int>(p);
  }
  if (auto v = head.optional("extension")) {
    s.extension = enum_field<ExtensionPolicy>(*v, extension_policy_from_string, "extended, original");
  }
  if (auto v = head.optional("not_applicable")) {
    s.not_applicable = enum_field<NotApplicable>(*v, not_applicable_from_string, "full, rescale");
  }
  if (auto v = head.optional("areas")) s.areas = v->strings();
  if (auto v = head.optional("units")) s.units = v->strings();
  if (auto v = head.optional("unit_kinds")) {
    for (const Field& k : v->elements()) {
      s.unit_kinds.push_back(enum_field<UnitKind>(k, unit_kind_from_string,
                                                  "department, street, town, enterprise, organisation, frontline"));
    }
  }
  if (auto v = head.optional("roles")) s.roles = read_roles(*v);

  if (auto grades = root.optional("grades")) {
    for (const Field& g : grades->elements()) {
      g.only({"name", "min"});
      Grade grade{g.required("name").string(), g.required("min").number()};
      if (grade.name.empty()) g.required("name").fail("must not be empty");
      for (const Grade& before : s.grades) {
        if (before.name == grade.name) g.required("name").fail("grade " + quote(grade.name) + " appears twice");
        if (!(grade.min < before.min)) {
          g.required("min").fail("grades go from best to worst: each min must be lower than the one before");
        }
      }
      s.grades.push_back(std::move(grade));
    }
  }

  Known ids;
  const Field groups = root.required("groups");
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    const Field g = groups.at(gi);
    g.only({"name", "category", "bonus", "items"});
    Group group;
    group.line = g.line();
    group.name = g.required("name").string();
    if (group.name.empty()) g.required("name").fail("must not be empty");
    for (const Group& before : s.groups) {
      if (before.name == group.name) g.required("name").fail("group " + quote(group.name) + " appears twice");
    }
    if (auto v = g.optional("category")) group.category = v->string();
    if (auto v = g.optional("bonus")) group.bonus = v->boolean();
    const Field items = g.required("items");
    for (std::size_t ii = 0; ii < items.size(); ++ii) {
      const Field f = items.at(ii);
      Item item = read_item(f, gi, ii, ids);
      if (ids.contains(item.id)) f.fail("item id " + quote(item.id) + " appears twice");
      ids.insert(item.id);
      if (group.bonus && item.rule.kind == RuleKind::deduction) {
        f.fail("a deduction cannot sit in a bonus group");
      }
      group.items.push_back(std::move(item));
    }
    s.groups.push_back(std::move(group));
  }
  if (s.groups.empty()) groups.fail("needs at least one group");

  // Veto targets.
  for (std::size_t gi = 0; gi < s.groups.size(); ++gi) {
    for (std::size_t ii = 0; ii < s.groups[gi].items.size(); ++ii) {
      const Rule& r = s.groups[gi].items[ii].rule;
      if (r.kind != RuleKind::veto) continue;
      const Field f = groups.at(gi).required("items").at(ii);
      if (!r.group.empty()) {
        bool found = false;
        for (const Group& g : s.groups) found = found || g.name == r.group;
        if (!found) f.required("group").fail("no group named " + quote(r.group));
      }
      if (!r.grade.empty()) {
        bool found = false;
        for (const Grade& g : s.grades) found = found || g.name == r.grade;
        if (!found) f.required("grade").fail("no grade named " + quote(r.grade));
      }
    }
  }

  double base = 0;
  for (const Group& g : s.groups) {
    if (g.bonus) continue;
    for (const Item& it : g.items) base += it.points;
  }
  if (std::fabs(base - s.total) > 1e-6) {
    const Field total = head.optional("total") ? head.required("total") : head;
    std::ostringstream m;
    m << "the items of the non-bonus groups add up to " << base << " points, not the scheme's total " << s.total;
    total.fail(m.str());
  }
  if (auto v = head.optional("tie_break")) {
    s.tie_break = v->strings();
    check_tie_break(*v, s);
  }
  return s;
}

}  // namespace

Scheme parse_scheme_toml(std::string_view text, std::string_view origin) {
  return read_scheme(scoring::doc_from_toml(text, origin), origin);
}

Scheme parse_scheme_json(std::string_view text, std::string_view origin) {
  return read_scheme(scoring::doc_from_json(text, origin), origin);
}

Scheme load_scheme(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Errc::io, ErrClass::argument, "cannot read scheme file " + quote(path, 1024));
  std::ostringstream text;
  text << in.rdbuf();
  if (path.ends_with(".toml")) return parse_scheme_toml(text.str(), path);
  return parse_scheme_json(text.str(), path);
}

}  // namespace duban
