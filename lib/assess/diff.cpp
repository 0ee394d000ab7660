// Comparing two results (to_json output): every total, rank, grade, group
// and item score that differs, for the plan and for each unit.
#include <map>
#include <sstream>

#include "assess/number.hpp"
#include "duban/assess.hpp"
#include "duban/error.hpp"
#include "json/reader.hpp"

namespace duban {
namespace {

using json::Json;

Json read_result(std::string_view text, std::string_view which) {
  Json j = json::parse(text, which);
  if (!j.is_object() || !j.contains("duban_assessment") || !j.contains("units") || !j.contains("total")) {
    throw Error(Errc::inval, ErrClass::argument, std::string(which) + ": not an assessment result (duban assess --json)");
  }
  return j;
}

std::optional<double> number_at(const Json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_number()) return std::nullopt;
  return j[key].get<double>();
}

std::map<std::string, double> scores(const Json& unit, const char* list, const char* key, const char* prefix) {
  std::map<std::string, double> out;
  if (!unit.contains(list)) return out;
  for (const Json& e : unit[list]) {
    if (e.contains(key) && e.contains("score")) out[prefix + e[key].get<std::string>()] = e["score"].get<double>();
  }
  return out;
}

void compare_unit(const std::string& name, const Json* a, const Json* b, std::vector<ScoreChange>& out) {
  if (!a || !b) {
    ScoreChange c;
    c.unit = name;
    c.field = "assessed";
    c.before_text = a ? "yes" : "no";
    c.after_text = b ? "yes" : "no";
    out.push_back(std::move(c));
    return;
  }
  const auto number = [&](const char* field) {
    const auto x = number_at(*a, field);
    const auto y = number_at(*b, field);
    if (x == y) return;
    out.push_back({name, field, x, y, {}, {}});
  };
  number("total");
  number("base");
  number("bonus");
  number("rank");
  const std::string ga = a->value("grade", "");
  const std::string gb = b->value("grade", "");
  if (ga != gb) out.push_back({name, "grade", std::nullopt, std::nullopt, ga, gb});
  for (const auto& [list, key, prefix] : {std::tuple{"groups", "group", "group:"}, std::tuple{"items", "item", "item:"}}) {
    const auto x = scores(*a, list, key, prefix);
    const auto y = scores(*b, list, key, prefix);
    std::map<std::string, std::pair<std::optional<double>, std::optional<double>>> both;
    for (const auto& [k, v] : x) both[k].first = v;
    for (const auto& [k, v] : y) both[k].second = v;
    for (const auto& [k, v] : both) {
      if (v.first != v.second) out.push_back({name, k, v.first, v.second, {}, {}});
    }
  }
}

}  // namespace

ResultDiff diff_results(std::string_view before_json, std::string_view after_json) {
  const Json a = read_result(before_json, "before");
  const Json b = read_result(after_json, "after");
  ResultDiff d;
  d.before_digest = a.value("digest", "");
  d.after_digest = b.value("digest", "");
  if (a.contains("scheme")) d.before_version = a["scheme"].value("version", "");
  if (b.contains("scheme")) d.after_version = b["scheme"].value("version", "");
  compare_unit("", &a["total"], &b["total"], d.changes);
  std::map<std::string, const Json*> before;
  for (const Json& u : a["units"]) before[u.value("unit", "")] = &u;
  std::map<std::string, const Json*> after;
  for (const Json& u : b["units"]) after[u.value("unit", "")] = &u;
  for (const Json& u : b["units"]) {
    const std::string name = u.value("unit", "");
    const auto it = before.find(name);
    compare_unit(name, it == before.end() ? nullptr : it->second, &u, d.changes);
  }
  for (const Json& u : a["units"]) {
    const std::string name = u.value("unit", "");
    if (!after.contains(name)) compare_unit(name, &u, nullptr, d.changes);
  }
  return d;
}

std::string to_text(const ResultDiff& d) {
  std::ostringstream out;
  if (d.before_version != d.after_version) {
    out << "scheme version: " << d.before_version << " → " << d.after_version << "\n";
  }
  if (d.same()) {
    out << "no score changed" << (d.before_digest == d.after_digest ? " (same inputs)" : "") << "\n";
    return out.str();
  }
  for (const ScoreChange& c : d.changes) {
    out << (c.unit.empty() ? std::string("plan") : c.unit) << "\t" << c.field << "\t";
    if (c.before || c.after) {
      const std::string x = c.before ? scoring::num(*c.before) : "-";
      const std::string y = c.after ? scoring::num(*c.after) : "-";
      std::string delta;
      if (c.before && c.after) {
        const double dv = *c.after - *c.before;
        delta = std::string(" (") + (dv > 0 ? "+" : "") + scoring::num(dv) + ")";
      }
      out << x << " → " << y << delta << "\n";
    } else {
      out << (c.before_text.empty() ? "-" : c.before_text) << " → " << (c.after_text.empty() ? "-" : c.after_text)
          << "\n";
    }
  }
  return out.str();
}

}  // namespace duban
