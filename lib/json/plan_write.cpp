// Writing plans and directories as JSON. ordered_json keeps fields in the
// order written, so output is deterministic and diffs stay readable.
#include <set>

#include "duban/json.hpp"
#include <nlohmann/json.hpp>

namespace duban {
namespace {

using OJson = nlohmann::ordered_json;

OJson unit_json(const Unit& u, const Directory& dir, bool with_id) {
  OJson j;
  if (with_id) j["id"] = u.id;
  j["name"] = u.name;
  j["kind"] = to_string(u.kind);
  if (!u.aliases.empty()) j["aliases"] = u.aliases;
  if (!u.members.empty()) {
    OJson members = OJson::array();
    for (UnitId m : u.members) members.push_back(dir.at(m).name);
    j["members"] = std::move(members);
  }
  if (!u.member_kinds.empty()) {
    OJson kinds = OJson::array();
    for (UnitKind k : u.member_kinds) kinds.push_back(to_string(k));
    j["member_kinds"] = std::move(kinds);
  }
  return j;
}

OJson task_json(const Task& t) {
  OJson j;
  j["key"] = t.key;
  j["number"] = t.number;
  j["title"] = t.title;
  if (!t.body.empty()) j["body"] = t.body;
  j["kind"] = to_string(t.kind);
  OJson rs = OJson::array();
  for (const auto& r : t.responsibilities) {
    OJson rj;
    rj["unit"] = r.name;
    rj["role"] = to_string(r.role);
    if (r.collective) rj["collective"] = true;
    rs.push_back(std::move(rj));
  }
  j["responsibilities"] = std::move(rs);
  const Deadline& d = t.deadline;
  if (d.due) j["due"] = format_date(*d.due);
  if (!d.text.empty()) j["due_text"] = d.text;
  if (d.defaulted) j["due_defaulted"] = true;
  if (d.ongoing) j["ongoing"] = true;
  if (d.within_days) j["within_days"] = *d.within_days;
  if (d.within_workdays) j["within_workdays"] = true;
  if (d.recurrence) {
    const Recurrence& r = *d.recurrence;
    OJson rj;
    rj["every"] = to_string(r.every);
    rj["day"] = r.day;
    if (r.workday != 0) rj["workday"] = r.workday;
    if (r.next_period) rj["next_period"] = true;
    if (r.month != 0) rj["month"] = r.month;
    j["recurrence"] = std::move(rj);
  }
  if (!d.milestones.empty()) {
    OJson ms = OJson::array();
    for (const auto& m : d.milestones) {
      ms.push_back({{"date", format_date(m.date)}, {"text", m.text}, {"weight", m.weight}});
    }
    j["milestones"] = std::move(ms);
  }
  if (t.open_ended) j["open_ended"] = true;
  if (!t.targets.empty()) {
    OJson ts = OJson::array();
    for (const auto& g : t.targets) {
      OJson tj;
      tj["text"] = g.text;
      if (!g.metric.empty()) tj["metric"] = g.metric;
      if (g.op != TargetOp::unspecified) tj["op"] = to_string(g.op);
      if (g.value) tj["value"] = *g.value;
      if (!g.unit.empty()) tj["unit"] = g.unit;
      if (!g.scope.empty()) tj["scope"] = g.scope;
      if (!g.baseline.empty()) tj["baseline"] = g.baseline;
      ts.push_back(std::move(tj));
    }
    j["targets"] = std::move(ts);
  }
  if (!t.depends_on.empty()) j["depends_on"] = t.depends_on;
  if (t.line > 0) j["line"] = t.line;
  return j;
}

// A categorised task is written inside its category, whatever its own
// section index says, so no task is ever left out of the file.
OJson tasks_where(const Plan& plan, int section, int category) {
  OJson out = OJson::array();
  for (const Task& t : plan.tasks) {
    const bool here = category >= 0 ? t.category == category : (t.category < 0 && t.section == section);
    if (here) out.push_back(task_json(t));
  }
  return out;
}

OJson categories_of(const Plan& plan, int section) {
  OJson cats = OJson::array();
  for (std::size_t c = 0; c < plan.categories.size(); ++c) {
    if (plan.categories[c].section != section) continue;
    OJson cj;
    cj["number"] = plan.categories[c].number;
    cj["title"] = plan.categories[c].title;
    cj["tasks"] = tasks_where(plan, section, static_cast<int>(c));
    cats.push_back(std::move(cj));
  }
  return cats;
}

OJson plan_json(const Plan& plan) {
  OJson j;
  j["title"] = plan.title;
  j["doc_number"] = plan.doc_number;
  j["issuer"] = plan.issuer;
  j["issued"] = plan.issued ? OJson(format_date(*plan.issued)) : OJson(nullptr);
  j["year"] = plan.year;
  OJson sections = OJson::array();
  for (std::size_t s = 0; s < plan.sections.size(); ++s) {
    OJson sj;
    sj["number"] = plan.sections[s].number;
    sj["title"] = plan.sections[s].title;
    OJson cats = categories_of(plan, static_cast<int>(s));
    if (!cats.empty()) sj["categories"] = std::move(cats);
    OJson direct = tasks_where(plan, static_cast<int>(s), -1);
    if (!direct.empty()) sj["tasks"] = std::move(direct);
    sections.push_back(std::move(sj));
  }
  j["sections"] = std::move(sections);
  OJson top_categories = categories_of(plan, -1);
  if (!top_categories.empty()) j["categories"] = std::move(top_categories);
  OJson loose = tasks_where(plan, -1, -1);
  if (!loose.empty()) j["tasks"] = std::move(loose);
  return j;
}

OJson directory_json(const Directory& dir, const std::set<UnitId>* only, bool with_id) {
  OJson units = OJson::array();
  for (const Unit& u : dir.units()) {
    if (only == nullptr || only->count(u.id) != 0) units.push_back(unit_json(u, dir, with_id));
  }
  return {{"units", std::move(units)}};
}

std::string dump(const OJson& j, int indent) {
  // Invalid UTF-8 cannot reach here (inputs are validated), but replace
  // rather than throw so output never fails half-way.
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + (indent >= 0 ? "\n" : "");
}

}  // namespace

std::string to_json(const Plan& plan, const Directory&, int indent) { return dump(plan_json(plan), indent); }

std::string to_json(const Directory& directory, int indent) {
  return dump(directory_json(directory, nullptr, true), indent);
}

std::string to_plan_file(const Plan& plan, const Directory& directory, int indent) {
  // Write the units the plan names, and everything their groups reach, so
  // the file stands on its own.
  std::set<UnitId> used;
  std::vector<UnitId> todo;
  for (const Task& t : plan.tasks) {
    for (const auto& r : t.responsibilities) {
      if (r.unit != 0 && directory.find(r.unit) != nullptr) todo.push_back(r.unit);
    }
  }
  while (!todo.empty()) {
    const UnitId id = todo.back();
    todo.pop_back();
    if (!used.insert(id).second) continue;
    const Unit& u = directory.at(id);
    for (UnitId m : u.members) todo.push_back(m);
    if (!u.member_kinds.empty()) {
      for (UnitId m : directory.expand(id)) todo.push_back(m);
    }
  }
  OJson j;
  j["duban"] = plan_file_version;
  j["directory"] = directory_json(directory, &used, false);
  j["plan"] = plan_json(plan);
  return dump(j, indent);
}

}  // namespace duban
