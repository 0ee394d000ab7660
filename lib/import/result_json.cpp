// The JSON form of an import (docs/import.md): a public contract. Field order
// is fixed (ordered_json) and every field is always present, so consumers
// and diffs can rely on the shape.
#include <nlohmann/json.hpp>

#include "duban/import.hpp"

namespace duban {
namespace {

using OJson = nlohmann::ordered_json;

OJson date_or_null(const std::optional<Date>& d) { return d ? OJson(format_date(*d)) : OJson(nullptr); }

OJson target_json(const Target& t) {
  OJson j;
  j["text"] = t.text;
  j["metric"] = t.metric;
  j["op"] = t.op == TargetOp::unspecified ? OJson(nullptr) : OJson(to_string(t.op));
  j["value"] = t.value ? OJson(*t.value) : OJson(nullptr);
  j["unit"] = t.unit;
  j["scope"] = t.scope;
  j["baseline"] = t.baseline;
  return j;
}

OJson task_json(const Task& t, const Plan& plan) {
  OJson j;
  j["number"] = t.number;
  j["kind"] = to_string(t.kind);
  j["title"] = t.title;
  j["category"] = t.category >= 0 && static_cast<std::size_t>(t.category) < plan.categories.size()
                      ? OJson(plan.categories[static_cast<std::size_t>(t.category)].title)
                      : OJson(nullptr);
  OJson rs = OJson::array();
  for (const Responsibility& r : t.responsibilities) {
    OJson rj;
    rj["unit"] = r.name;
    rj["role"] = to_string(r.role);
    rj["collective"] = r.collective;
    rs.push_back(std::move(rj));
  }
  j["responsibilities"] = std::move(rs);
  j["open_ended"] = t.open_ended;
  const Deadline& d = t.deadline;
  j["due"] = date_or_null(d.due);
  j["due_defaulted"] = d.defaulted;
  j["ongoing"] = d.ongoing;
  if (d.recurrence) {
    OJson rj;
    rj["every"] = to_string(d.recurrence->every);
    rj["day"] = d.recurrence->day;
    // Beyond {every, day}, only when they say something.
    if (d.recurrence->workday != 0) rj["workday"] = d.recurrence->workday;
    if (d.recurrence->month != 0) rj["month"] = d.recurrence->month;
    if (d.recurrence->next_period) rj["next_period"] = true;
    j["recurrence"] = std::move(rj);
  } else {
    j["recurrence"] = nullptr;
  }
  OJson ms = OJson::array();
  for (const Milestone& m : d.milestones) ms.push_back(format_date(m.date));
  j["milestones"] = std::move(ms);
  OJson ts = OJson::array();
  for (const Target& g : t.targets) ts.push_back(target_json(g));
  j["targets"] = std::move(ts);
  return j;
}

}  // namespace

std::string import_result_json(const ImportResult& result, int indent) {
  const Plan& plan = result.plan;
  OJson j;
  OJson pj;
  pj["title"] = plan.title;
  pj["doc_number"] = plan.doc_number;
  pj["issuer"] = plan.issuer;
  pj["issued"] = date_or_null(plan.issued);
  pj["year"] = plan.year;
  j["plan"] = std::move(pj);
  OJson tasks = OJson::array();
  for (const Task& t : plan.tasks) tasks.push_back(task_json(t, plan));
  j["tasks"] = std::move(tasks);
  OJson diags = OJson::array();
  for (const Diagnostic& d : result.diagnostics) {
    OJson dj;
    dj["line"] = d.line;
    dj["severity"] = to_string(d.severity);
    dj["message"] = d.where.empty() ? d.message : d.where + ": " + d.message;
    diags.push_back(std::move(dj));
  }
  j["diagnostics"] = std::move(diags);
  return j.dump(indent, ' ', false, OJson::error_handler_t::replace) + (indent >= 0 ? "\n" : "");
}

}  // namespace duban
