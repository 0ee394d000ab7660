// Reading the duban plan file (docs/plan-format.md).
#include "duban/error.hpp"
#include "duban/json.hpp"
#include "json/reader.hpp"

namespace duban {
namespace {

using json::Node;

template <typename E>
E enum_field(const Node& n, std::optional<E> (*from)(std::string_view) noexcept, std::string_view what) {
  const std::string s = n.string();
  if (auto v = from(s)) return *v;
  n.fail("unknown " + std::string(what) + " " + quote(s));
}

Date date_field(const Node& n) {
  try {
    return parse_date(n.string());
  } catch (const Error& e) {
    n.fail(e.what());
  }
}

Unit read_unit(const Node& n) {
  n.only({"id", "name", "kind", "aliases", "members", "member_kinds"});
  Unit u;
  u.name = n.required("name").string();
  if (auto k = n.optional("kind")) u.kind = enum_field<UnitKind>(*k, unit_kind_from_string, "unit kind");
  if (auto a = n.optional("aliases")) {
    for (std::size_t i = 0; i < a->size(); ++i) u.aliases.push_back(a->at(i).string());
  }
  if (auto mk = n.optional("member_kinds")) {
    for (std::size_t i = 0; i < mk->size(); ++i) {
      u.member_kinds.push_back(enum_field<UnitKind>(mk->at(i), unit_kind_from_string, "unit kind"));
    }
  }
  return u;
}

Directory read_directory(const Node& root) {
  root.only({"units"});
  Directory dir;
  const Node units = root.required("units");
  // Members are named, and may name a unit listed later: add every unit
  // first, then the memberships.
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Node n = units.at(i);
    Unit u = read_unit(n);
    const bool has_members = n.optional("members").has_value();
    if ((has_members || !u.member_kinds.empty()) && u.kind == UnitKind::unspecified) u.kind = UnitKind::group;
    try {
      dir.add(std::move(u));
    } catch (const Error& e) {
      n.fail(e.what(), e.code());
    }
  }
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Node n = units.at(i);
    const auto members = n.optional("members");
    if (!members) continue;
    const UnitId group = *dir.lookup(n.required("name").string());
    for (std::size_t k = 0; k < members->size(); ++k) {
      const Node m = members->at(k);
      const auto id = dir.lookup(m.string());
      if (!id) m.fail("unknown member unit " + quote(m.string()));
      try {
        dir.add_member(group, *id);
      } catch (const Error& e) {
        m.fail(e.what());
      }
    }
  }
  return dir;
}

void read_deadline(const Node& n, Deadline& d) {
  if (auto v = n.optional("due")) d.due = date_field(*v);
  if (auto v = n.optional("due_text")) d.text = v->string();
  if (auto v = n.optional("due_defaulted")) d.defaulted = v->boolean();
  if (auto v = n.optional("ongoing")) d.ongoing = v->boolean();
  if (auto v = n.optional("within_days")) d.within_days = static_cast<int>(v->integer());
  if (auto v = n.optional("within_workdays")) d.within_workdays = v->boolean();
  if (auto r = n.optional("recurrence")) {
    r->only({"every", "day", "workday", "next_period", "month"});
    Recurrence rec;
    rec.every = enum_field<Every>(r->required("every"), every_from_string, "recurrence period");
    if (auto day = r->optional("day")) rec.day = static_cast<int>(day->integer());
    if (auto wd = r->optional("workday")) rec.workday = static_cast<int>(wd->integer());
    if (auto np = r->optional("next_period")) rec.next_period = np->boolean();
    if (auto m = r->optional("month")) rec.month = static_cast<int>(m->integer());
    d.recurrence = rec;
  }
  if (auto ms = n.optional("milestones")) {
    for (std::size_t i = 0; i < ms->size(); ++i) {
      const Node m = ms->at(i);
      m.only({"date", "text", "weight"});
      Milestone milestone;
      milestone.date = date_field(m.required("date"));
      milestone.text = m.string_or("text", "");
      if (auto w = m.optional("weight")) milestone.weight = w->number();
      d.milestones.push_back(std::move(milestone));
    }
  }
}

Target read_target(const Node& n) {
  n.only({"text", "metric", "op", "value", "unit", "scope", "baseline"});
  Target t;
  t.text = n.string_or("text", "");
  t.metric = n.string_or("metric", "");
  if (auto op = n.optional("op")) t.op = enum_field<TargetOp>(*op, target_op_from_string, "target operator");
  if (auto v = n.optional("value")) t.value = v->number();
  t.unit = n.string_or("unit", "");
  t.scope = n.string_or("scope", "");
  t.baseline = n.string_or("baseline", "");
  return t;
}

Task read_task(const Node& n, int section, int category) {
  n.only({"key", "number", "title", "body", "kind", "responsibilities", "due", "due_text", "due_defaulted",
          "ongoing", "within_days", "within_workdays", "recurrence", "milestones", "open_ended", "targets",
          "depends_on", "line"});
  Task t;
  t.section = section;
  t.category = category;
  t.number = n.string_or("number", "");
  t.title = n.required("title").string();
  t.body = n.string_or("body", "");
  if (auto k = n.optional("kind")) t.kind = enum_field<TaskKind>(*k, task_kind_from_string, "task kind");
  t.key = n.string_or("key", "");
  if (t.key.empty()) t.key = t.kind == TaskKind::measure ? "m" + t.number : t.number;
  if (auto rs = n.optional("responsibilities")) {
    for (std::size_t i = 0; i < rs->size(); ++i) {
      const Node r = rs->at(i);
      r.only({"unit", "role", "collective"});
      Responsibility resp;
      resp.name = r.required("unit").string();
      resp.role = enum_field<Role>(r.required("role"), role_from_string, "role");
      if (auto c = r.optional("collective")) resp.collective = c->boolean();
      resp.position = static_cast<int>(i) + 1;
      t.responsibilities.push_back(std::move(resp));
    }
  }
  read_deadline(n, t.deadline);
  if (auto v = n.optional("open_ended")) t.open_ended = v->boolean();
  if (auto ts = n.optional("targets")) {
    for (std::size_t i = 0; i < ts->size(); ++i) t.targets.push_back(read_target(ts->at(i)));
  }
  if (auto ds = n.optional("depends_on")) {
    for (std::size_t i = 0; i < ds->size(); ++i) t.depends_on.push_back(ds->at(i).string());
  }
  if (auto l = n.optional("line")) t.line = static_cast<int>(l->integer());
  return t;
}

void read_tasks(const Node& parent, Plan& plan, int section, int category) {
  const auto tasks = parent.optional("tasks");
  if (!tasks) return;
  for (std::size_t i = 0; i < tasks->size(); ++i) plan.tasks.push_back(read_task(tasks->at(i), section, category));
}

// Categories inside a section, or (section -1) at the top for documents
// with a single heading level.
void read_categories(const Node& parent, Plan& plan, int section) {
  const auto cats = parent.optional("categories");
  if (!cats) return;
  for (std::size_t c = 0; c < cats->size(); ++c) {
    const Node cn = cats->at(c);
    cn.only({"number", "title", "tasks"});
    const int category = static_cast<int>(plan.categories.size());
    plan.categories.push_back({cn.string_or("number", ""), cn.required("title").string(), section});
    read_tasks(cn, plan, section, category);
  }
}

Plan read_plan(const Node& n) {
  n.only({"title", "doc_number", "issuer", "issued", "year", "sections", "categories", "tasks"});
  Plan plan;
  plan.title = n.required("title").string();
  plan.doc_number = n.string_or("doc_number", "");
  plan.issuer = n.string_or("issuer", "");
  if (auto v = n.optional("issued")) plan.issued = date_field(*v);
  plan.year = static_cast<int>(n.required("year").integer());
  if (auto sections = n.optional("sections")) {
    for (std::size_t s = 0; s < sections->size(); ++s) {
      const Node sn = sections->at(s);
      sn.only({"number", "title", "categories", "tasks"});
      const int section = static_cast<int>(plan.sections.size());
      plan.sections.push_back({sn.string_or("number", ""), sn.required("title").string()});
      read_categories(sn, plan, section);
      read_tasks(sn, plan, section, -1);
    }
  }
  read_categories(n, plan, -1);
  read_tasks(n, plan, -1, -1);
  return plan;
}

}  // namespace

PlanFile parse_plan_file(std::string_view text, std::string_view source) {
  const json::Json doc = json::parse(text, source);
  const Node root(doc, std::string(source), "");
  root.only({"duban", "directory", "plan"});
  const Node version = root.required("duban");
  const long long v = version.integer();
  if (v < 1 || v > plan_file_version) {
    version.fail("file format version " + std::to_string(v) + " is not supported (this duban reads 1.." +
                 std::to_string(plan_file_version) + ")");
  }
  PlanFile file;
  if (auto d = root.optional("directory")) file.directory = read_directory(*d);
  file.plan = read_plan(root.required("plan"));
  return file;
}

Directory parse_directory(std::string_view text, std::string_view source) {
  const json::Json doc = json::parse(text, source);
  const Node root(doc, std::string(source), "");
  if (root.value().is_object() && root.value().contains("directory")) {
    root.only({"duban", "directory", "plan"});
    return read_directory(root.required("directory"));
  }
  return read_directory(root);
}

}  // namespace duban
