// What loading calendar data did, as JSON for scripts, the C API and the
// command line's --json (the shape is in ledger.hpp, next to to_json).
#include <nlohmann/json.hpp>

#include "duban/ledger.hpp"

namespace duban {

std::string to_json(const CalendarLoad& load, int indent) {
  using Json = nlohmann::ordered_json;
  Json out;
  out["event"] = load.event != 0 ? Json(load.event) : Json(nullptr);
  out["years_added"] = load.years_added;
  out["years_replaced"] = load.years_replaced;
  Json days = Json::array();
  for (const DayChange& d : load.days) {
    days.push_back(Json{{"date", format_date(d.date)},
                        {"was_working", d.was_working},
                        {"now_working", d.now_working},
                        {"was_known", d.was_known},
                        {"now_known", d.now_known},
                        {"reason", d.reason}});
  }
  out["days"] = std::move(days);
  Json moved = Json::array();
  for (const DeadlineMove& m : load.moved) {
    moved.push_back(Json{{"plan", m.plan},
                         {"task", m.task},
                         {"key", m.key},
                         {"instance", m.instance},
                         {"title", m.title},
                         {"before", format_date(m.before)},
                         {"after", format_date(m.after)}});
  }
  out["moved"] = std::move(moved);
  return out.dump(indent);
}

}  // namespace duban
