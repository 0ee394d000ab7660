// The status report as JSON (docs/progress.md). Each reason carries the
// fields its rule uses, under names that say what they are, so a reader
// never has to know which generic slot a code fills.
#include <nlohmann/json.hpp>

#include <cmath>

#include "duban/error.hpp"
#include "duban/progress.hpp"

namespace duban {
namespace {

using Json = nlohmann::ordered_json;

Json date_or_null(const std::optional<Date>& date) { return date ? Json(format_date(*date)) : Json(nullptr); }

// Percentages are kept to hundredths; print them so, not as the float holds them.
Json percent_or_null(const std::optional<float>& value) {
  return value ? Json(std::round(static_cast<double>(*value) * 100.0) / 100.0) : Json(nullptr);
}

// A provisional due date lies in a year without a calendar, so its
// working-day counts are unknown (-1): null, never a made-up number.
Json workdays(int n) { return n < 0 ? Json(nullptr) : Json(n); }

Json reason_json(const StatusReport& report, const Reason& r) {
  Json j;
  j["code"] = to_string(r.code);
  j["light"] = to_string(r.light);
  switch (r.code) {
    case ReasonCode::not_yet_due:
      j["due"] = format_date(r.date);
      j["workdays_left"] = workdays(r.workdays);
      break;
    case ReasonCode::approaching:
    case ReasonCode::due_soon:
      j["due"] = format_date(r.date);
      j["workdays_left"] = workdays(r.workdays);
      j["limit"] = r.limit;
      break;
    case ReasonCode::overdue:
      j["due"] = format_date(r.date);
      j["workdays_late"] = workdays(r.workdays);
      break;
    case ReasonCode::done_on_time:
      j["done"] = format_date(r.date);
      break;
    case ReasonCode::done_late:
      j["done"] = format_date(r.date);
      j["workdays_late"] = workdays(r.workdays);
      break;
    case ReasonCode::ongoing:
      break;
    case ReasonCode::lag:
      j["reported"] = format_date(r.date);
      j["expected"] = r.expected;
      j["actual"] = r.actual;
      j["lag"] = std::round((r.expected - r.actual) * 100.0) / 100.0;
      j["limit"] = r.limit;
      break;
    case ReasonCode::extension_approved:
    case ReasonCode::extension_refused:
    case ReasonCode::extension_pending:
      j["until"] = format_date(r.date);
      break;
    case ReasonCode::extension_late:
      j["requested"] = format_date(r.date);
      break;
    case ReasonCode::instances:
      j["count"] = r.count;
      j["instance"] = r.item < report.subjects.size() ? Json(report.subjects[r.item].instance) : Json(nullptr);
      break;
    case ReasonCode::provisional_due:
      j["due"] = format_date(r.date);
      break;
  }
  return j;
}

Json item_json(const StatusReport& report, const Plan& plan, std::size_t i) {
  const Subject& s = report.subjects.at(i);
  const ItemStatus& st = report.items.at(i);
  const Task* task = nullptr;
  if (s.task >= 1 && static_cast<std::size_t>(s.task) <= plan.tasks.size()) {
    task = &plan.tasks[static_cast<std::size_t>(s.task - 1)];
  }
  Json j;
  j["task_id"] = s.task;
  j["key"] = task ? Json(task->key) : Json(nullptr);
  j["number"] = task ? Json(task->number) : Json(nullptr);
  j["title"] = task ? Json(task->title) : Json(nullptr);
  const bool has_category =
      task && task->category >= 0 && static_cast<std::size_t>(task->category) < plan.categories.size();
  j["category"] = has_category ? Json(plan.categories[static_cast<std::size_t>(task->category)].title) : Json(nullptr);
  j["instance"] = s.is_instance() ? Json(s.instance) : Json(nullptr);
  j["period"] = s.is_instance() ? Json(s.period) : Json(nullptr);
  j["status"] = to_string(st.status);
  j["light"] = to_string(st.light);
  j["due"] = date_or_null(st.due);
  j["original_due"] = date_or_null(st.original_due);
  j["current_due"] = date_or_null(st.current_due);
  j["nominal_due"] = s.due ? Json(format_date(s.due->nominal)) : Json(nullptr);
  j["provisional"] = s.provisional;
  j["done"] = date_or_null(st.done);
  j["expected"] = percent_or_null(st.expected);
  j["actual"] = percent_or_null(st.actual);
  j["reported"] = date_or_null(st.reported);
  Json reasons = Json::array();
  for (const Reason& r : report.reasons_of(i)) reasons.push_back(reason_json(report, r));
  j["reasons"] = std::move(reasons);
  return j;
}

Json counts_json(const LightCounts& c) {
  Json j;
  j["red"] = c.red;
  j["yellow"] = c.yellow;
  j["blue"] = c.blue;
  j["green"] = c.green;
  return j;
}

Json head(const StatusReport& report) {
  Json j;
  j["as_of"] = format_date(report.as_of);
  j["due_basis"] = to_string(report.options.basis);
  j["four_colour"] = report.options.rules.four_colour;
  return j;
}

void check_index(const StatusReport& report, std::size_t i) {
  if (i >= report.items.size()) {
    throw Error(Errc::range, ErrClass::argument,
                "status JSON: item " + std::to_string(i) + " is not in the report (it has " +
                    std::to_string(report.items.size()) + ")");
  }
}

}  // namespace

std::string to_json(const StatusReport& report, const Plan& plan, std::span<const std::size_t> items, int indent) {
  for (const std::size_t i : items) check_index(report, i);
  Json out = head(report);
  out["counts"] = counts_json(count_lights(report, items));
  Json list = Json::array();
  for (const std::size_t i : items) list.push_back(item_json(report, plan, i));
  out["items"] = std::move(list);
  return out.dump(indent);
}

std::string to_json(const StatusReport& report, const Plan& plan, int indent) {
  std::vector<std::size_t> all(report.items.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return to_json(report, plan, all, indent);
}

std::string to_json(const StatusReport& report, const Plan& plan, const Directory& directory, UnitId unit,
                    std::span<const UnitItem> items, int indent) {
  Json out = head(report);
  out["unit"] = directory.at(unit).name;
  std::vector<std::size_t> indices;
  indices.reserve(items.size());
  for (const UnitItem& u : items) {
    check_index(report, u.item);
    indices.push_back(u.item);
  }
  out["counts"] = counts_json(count_lights(report, indices));
  Json list = Json::array();
  for (const UnitItem& u : items) {
    Json j = item_json(report, plan, u.item);
    j["role"] = to_string(u.role);
    j["via_group"] = u.via_group != 0 ? Json(directory.at(u.via_group).name) : Json(nullptr);
    list.push_back(std::move(j));
  }
  out["items"] = std::move(list);
  return out.dump(indent);
}

}  // namespace duban
