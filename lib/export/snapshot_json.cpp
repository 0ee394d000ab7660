// A snapshot as one JSON document (docs/export.md). The plan, the directory,
// the status report and the assessment keep the layouts their own layers
// document (plan-format.md, progress.md, assess.md): they are embedded, not
// written a second way.
#include <nlohmann/json.hpp>

#include "assess/json_out.hpp"
#include "duban/export.hpp"
#include "duban/error.hpp"
#include "duban/json.hpp"

namespace duban {
namespace {

using Json = nlohmann::ordered_json;
using scoring::number_json;

Json date_or_null(const std::optional<Date>& date) { return date ? Json(format_date(*date)) : Json(nullptr); }
Json number_or_null(const std::optional<double>& value) { return value ? number_json(*value) : Json(nullptr); }

std::string unit_name(const Directory& directory, UnitId id) {
  if (id == 0) return {};
  const Unit* u = directory.find(id);
  return u ? u->name : std::string();
}

Json task_json(const TaskRow& row) {
  Json j;
  j["id"] = row.task;
  j["number"] = row.number;
  j["category"] = row.category;
  j["title"] = row.title;
  j["leads"] = row.leads;
  j["others"] = row.others;
  j["due"] = row.due;
  j["status"] = to_string(row.status);
  j["light"] = to_string(row.light);
  j["latest_date"] = date_or_null(row.latest_date);
  j["latest"] = row.latest;
  j["percent"] = number_or_null(row.percent);
  j["score"] = number_or_null(row.score);
  return j;
}

Json report_json(const Event& e, const Directory& directory) {
  Json j;
  j["id"] = e.id;
  j["task"] = e.item.task;
  j["task_key"] = e.task_key;
  j["instance"] = e.item.instance;
  j["unit"] = e.actor.unit;
  j["unit_name"] = unit_name(directory, e.actor.unit);
  j["user"] = e.actor.user;
  j["date"] = format_date(e.date);
  j["recorded"] = e.recorded;
  j["status"] = to_string(e.status);
  j["percent"] = number_or_null(e.percent);
  j["text"] = e.text;
  Json indicators = Json::array();
  for (const Indicator& i : e.indicators) {
    indicators.push_back(Json{{"metric", i.metric}, {"value", number_json(i.value)}, {"unit", i.unit}});
  }
  j["indicators"] = std::move(indicators);
  j["evidence"] = e.evidence;
  j["supersedes"] = e.ref ? Json(*e.ref) : Json(nullptr);
  return j;
}

Json extension_json(const ExtensionEntry& x, const Directory& directory) {
  Json j;
  j["request"] = x.request;
  j["unit_name"] = unit_name(directory, x.unit);
  j["requested"] = format_date(x.requested);
  j["until"] = format_date(x.until);
  j["reason"] = x.reason;
  j["decision"] = to_string(x.decision);
  j["decided"] = date_or_null(x.decided);
  j["decision_reason"] = x.decision_reason;
  return j;
}

Json item_json(const ItemState& st, const Directory& directory) {
  Json j;
  j["task"] = st.item.task;
  j["task_key"] = st.task_key;
  j["instance"] = st.item.instance;
  j["reports"] = st.reports.size();
  j["closure"] = to_string(st.closure);
  j["submitted"] = date_or_null(st.submitted);
  j["submitted_by"] = st.submitted_by != 0 ? Json(st.submitted_by) : Json(nullptr);
  j["submitted_by_name"] = st.submitted_by != 0 ? unit_name(directory, st.submitted_by) : std::string();
  j["decided"] = date_or_null(st.decided);
  j["done"] = date_or_null(st.done);
  j["last_returned"] = date_or_null(st.last_returned);
  j["return_reason"] = st.return_reason;
  j["original_due"] = date_or_null(st.original_due);
  j["current_due"] = date_or_null(st.current_due);
  Json extensions = Json::array();
  for (const ExtensionEntry& x : st.extensions) extensions.push_back(extension_json(x, directory));
  j["extensions"] = std::move(extensions);
  return j;
}

}  // namespace

std::string to_json(const Snapshot& s, int indent) {
  Json root;
  root["duban_snapshot"] = 1;
  root["as_of"] = format_date(s.as_of);
  root["plan_id"] = s.plan_id;
  root["plan"] = Json::parse(to_json(s.plan, s.directory, -1));
  root["directory"] = Json::parse(to_json(s.directory, -1));
  Json tasks = Json::array();
  for (const TaskRow& row : s.tasks) tasks.push_back(task_json(row));
  root["tasks"] = std::move(tasks);
  root["status"] = Json::parse(to_json(s.status, s.plan, -1));
  Json items = Json::array();
  for (const ItemState& st : s.states) items.push_back(item_json(st, s.directory));
  root["items"] = std::move(items);
  Json reports = Json::array();
  for (const Event& e : s.reports) reports.push_back(report_json(e, s.directory));
  root["reports"] = std::move(reports);
  root["assessment"] = s.assessment ? Json::parse(to_json(*s.assessment)) : Json(nullptr);
  try {
    return root.dump(indent);
  } catch (const Json::type_error& e) {
    // Text that is not UTF-8; everything the ledger holds was checked, so
    // this is a snapshot filled by hand.
    throw Error(Errc::encoding, ErrClass::text, std::string("snapshot JSON: ") + e.what());
  }
}

}  // namespace duban
