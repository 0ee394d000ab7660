// The assessment input file (docs/assess.md): what the assessment looks at,
// written by hand or exported, for trying a scheme before the report
// ledger holds anything, and for events the ledger does not keep
// (通报批评, 领导批示肯定), baselines and named values. Read strictly: an
// unknown field, task, unit or instance is an error naming the entry.
#include <fstream>
#include <map>
#include <tuple>
#include <sstream>

#include "duban/assess.hpp"
#include "duban/error.hpp"
#include "json/reader.hpp"

namespace duban {
namespace {

using json::Node;

constexpr std::string_view kVersionKey = "duban_assessment_input";
constexpr long long kFormatVersion = 1;

class Reader {
 public:
  Reader(const Plan& plan, const Directory& directory, const WorkCalendar& calendar, std::string_view origin)
      : plan_(plan), directory_(directory), calendar_(calendar), origin_(origin) {}

  Date date(const Node& n) const {
    try {
      return parse_date(n.string());
    } catch (const Error& e) {
      n.fail(e.what());
    }
  }

  TaskId task(const Node& n) const {
    const std::string key = n.string();
    const int index = plan_.find_task(key);
    if (index < 0) n.fail("no task with key " + quote(key) + " in the plan");
    return static_cast<TaskId>(index + 1);
  }

  UnitId unit(const Node& n) const {
    const std::string name = n.string();
    if (auto id = directory_.lookup(name)) return *id;
    n.fail("unknown unit " + quote(name));
  }

  std::string text_or(const Node& n, std::string_view key) const {
    auto v = n.optional(key);
    if (!v) return {};
    if (v->value().is_number_integer()) return std::to_string(v->integer());
    return v->string();
  }

  // The instances of a recurring task over the plan year, by period.
  const std::vector<Occurrence>& occurrences(TaskId id, const Node& where) {
    auto it = occurrences_.find(id);
    if (it != occurrences_.end()) return it->second;
    const Task& t = plan_.tasks[static_cast<std::size_t>(id - 1)];
    if (!t.deadline.recurrence) where.fail("task " + quote(t.key) + " is not a recurring task: give \"due\" instead");
    const int year = plan_.year;
    const Date from = std::chrono::year{year} / 1 / 1;
    const Date to = std::chrono::year{year} / 12 / 31;
    return occurrences_.emplace(id, expand(*t.deadline.recurrence, t.key, from, to, calendar_)).first->second;
  }

  Date instance_due(TaskId id, const std::string& period, const Node& where) {
    for (const Occurrence& o : occurrences(id, where)) {
      if (o.period == period || o.id == period) return o.due;
    }
    where.fail("task " + quote(plan_.tasks[static_cast<std::size_t>(id - 1)].key) + " has no instance " +
               quote(period) + " in " + std::to_string(plan_.year));
  }

  void reported(ReportFact& r, const Node& n) const {
    if (n.value().is_null()) return;  // missing
    if (n.value().is_number()) {
      const long long days = n.integer();
      if (days < 0) n.fail("working days late must be >= 0");
      r.reported = days == 0 ? r.due : calendar_.add_workdays(r.due, static_cast<int>(days));
      return;
    }
    r.reported = date(n);
  }

  TaskFact read_task(const Node& n) const {
    n.only({"task", "unit", "done", "due", "extended_due", "ref"});
    TaskFact f;
    f.task = task(n.required("task"));
    if (auto v = n.optional("unit")) f.unit = unit(*v);
    if (auto v = n.optional("done")) f.done = date(*v);
    if (auto v = n.optional("due")) f.due = date(*v);
    if (auto v = n.optional("extended_due")) f.extended_due = date(*v);
    if (auto v = n.optional("ref")) f.ref = v->integer();
    return f;
  }

  void read_reports(const Node& n, std::vector<ReportFact>& out) {
    n.only({"task", "unit", "instance", "due", "reported", "late_workdays", "periods", "ref"});
    ReportFact base;
    base.task = task(n.required("task"));
    base.unit = unit(n.required("unit"));
    if (auto v = n.optional("ref")) base.ref = v->integer();
    if (auto periods = n.optional("periods")) {
      if (n.optional("instance") || n.optional("due") || n.optional("reported") || n.optional("late_workdays")) {
        n.fail("give either periods, or one instance (or due) with reported or late_workdays");
      }
      periods->expect_object();
      for (auto it = periods->value().begin(); it != periods->value().end(); ++it) {
        const Node p(it.value(), origin_, periods->path() + "." + it.key());
        ReportFact r = base;
        r.due = instance_due(r.task, it.key(), p);
        reported(r, p);
        out.push_back(r);
      }
      return;
    }
    ReportFact r = base;
    const auto instance = n.optional("instance");
    const auto due = n.optional("due");
    if (instance.has_value() == due.has_value()) n.fail("give instance (\"3@2025-03\" or \"2025-03\") or due");
    if (instance) {
      std::string period = instance->string();
      r.due = instance_due(r.task, period, *instance);
    } else {
      r.due = date(*due);
    }
    const auto rep = n.optional("reported");
    const auto late = n.optional("late_workdays");
    if (rep && late) n.fail("give reported or late_workdays, not both");
    if (rep) reported(r, *rep);
    if (late) reported(r, *late);
    out.push_back(r);
  }

  IndicatorValue read_indicator(const Node& n) const {
    n.only({"metric", "unit", "task", "area", "value", "date", "ref"});
    IndicatorValue v;
    v.metric = n.required("metric").string();
    if (v.metric.empty()) n.required("metric").fail("must not be empty");
    if (auto u = n.optional("unit")) v.unit = unit(*u);
    if (auto t = n.optional("task")) v.task = task(*t);
    v.area = n.string_or("area", "");
    v.value = n.required("value").number();
    if (auto d = n.optional("date")) v.date = date(*d);
    v.ref = text_or(n, "ref");
    return v;
  }

  BaselineValue read_baseline(const Node& n) const {
    n.only({"metric", "unit", "value", "ref"});
    BaselineValue b;
    b.metric = n.required("metric").string();
    if (auto u = n.optional("unit")) b.unit = unit(*u);
    b.value = n.required("value").number();
    b.ref = text_or(n, "ref");
    return b;
  }

  ScoreEvent read_event(const Node& n) const {
    n.only({"kind", "unit", "task", "date", "points", "reason", "ref"});
    ScoreEvent e;
    e.kind = n.required("kind").string();
    if (e.kind.empty()) n.required("kind").fail("must not be empty");
    if (auto u = n.optional("unit")) e.unit = unit(*u);
    if (auto t = n.optional("task")) e.task = task(*t);
    e.date = date(n.required("date"));
    if (auto p = n.optional("points")) {
      e.points = p->number();
      if (*e.points < 0) p->fail("must be >= 0: the item says whether it adds or takes off");
    }
    e.reason = n.string_or("reason", "");
    e.ref = text_or(n, "ref");
    return e;
  }

  NamedValue read_value(const Node& n) const {
    n.only({"name", "unit", "value", "ref"});
    NamedValue v;
    v.name = n.required("name").string();
    if (auto u = n.optional("unit")) v.unit = unit(*u);
    v.value = n.required("value").number();
    v.ref = text_or(n, "ref");
    return v;
  }

 private:
  const Plan& plan_;
  const Directory& directory_;
  const WorkCalendar& calendar_;
  std::string origin_;
  std::map<TaskId, std::vector<Occurrence>> occurrences_;
};

}  // namespace

AssessmentInput parse_assessment_input(std::string_view text, const Plan& plan, const Directory& directory,
                                       const WorkCalendar& calendar, std::string_view origin) {
  const json::Json doc = json::parse(text, origin);
  const Node root(doc, std::string(origin), "$");
  root.expect_object();
  root.only({kVersionKey, "areas", "tasks", "reports", "indicators", "baselines", "events", "values"});
  const long long version = root.required(kVersionKey).integer();
  if (version < 1 || version > kFormatVersion) {
    root.required(kVersionKey).fail("this duban reads format 1, not " + std::to_string(version));
  }
  Reader reader(plan, directory, calendar, origin);
  AssessmentInput in;
  if (auto a = root.optional("areas")) {
    for (std::size_t i = 0; i < a->size(); ++i) in.areas.push_back(a->at(i).string());
  }
  if (auto a = root.optional("tasks")) {
    for (std::size_t i = 0; i < a->size(); ++i) in.tasks.push_back(reader.read_task(a->at(i)));
  }
  if (auto a = root.optional("reports")) {
    for (std::size_t i = 0; i < a->size(); ++i) reader.read_reports(a->at(i), in.reports);
  }
  if (auto a = root.optional("indicators")) {
    for (std::size_t i = 0; i < a->size(); ++i) in.indicators.push_back(reader.read_indicator(a->at(i)));
  }
  if (auto a = root.optional("baselines")) {
    for (std::size_t i = 0; i < a->size(); ++i) in.baselines.push_back(reader.read_baseline(a->at(i)));
  }
  if (auto a = root.optional("events")) {
    for (std::size_t i = 0; i < a->size(); ++i) in.events.push_back(reader.read_event(a->at(i)));
  }
  if (auto a = root.optional("values")) {
    for (std::size_t i = 0; i < a->size(); ++i) in.values.push_back(reader.read_value(a->at(i)));
  }
  return in;
}

AssessmentInput load_assessment_input(const std::string& path, const Plan& plan, const Directory& directory,
                                      const WorkCalendar& calendar) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(Errc::io, ErrClass::argument, "cannot read assessment input " + quote(path, 1024));
  std::ostringstream text;
  text << file.rdbuf();
  return parse_assessment_input(text.str(), plan, directory, calendar, path);
}

void merge(AssessmentInput& into, const AssessmentInput& more) {
  // Summaries describe the facts as they were: none survives a change.
  into.summaries.clear();
  // A fact on the same task and unit, or a report on the same instance by
  // the same unit, replaces the one known.
  std::map<std::pair<TaskId, UnitId>, std::size_t> tasks;
  for (std::size_t i = 0; i < into.tasks.size(); ++i) tasks.emplace(std::pair{into.tasks[i].task, into.tasks[i].unit}, i);
  for (const TaskFact& f : more.tasks) {
    const auto [it, added] = tasks.emplace(std::pair{f.task, f.unit}, into.tasks.size());
    if (added) {
      into.tasks.push_back(f);
    } else {
      into.tasks[it->second] = f;
    }
  }
  std::map<std::tuple<TaskId, UnitId, long>, std::size_t> reports;
  const auto key = [](const ReportFact& r) {
    return std::tuple{r.task, r.unit, static_cast<long>(std::chrono::sys_days{r.due}.time_since_epoch().count())};
  };
  for (std::size_t i = 0; i < into.reports.size(); ++i) reports.emplace(key(into.reports[i]), i);
  for (const ReportFact& r : more.reports) {
    const auto [it, added] = reports.emplace(key(r), into.reports.size());
    if (added) {
      into.reports.push_back(r);
    } else {
      into.reports[it->second] = r;
    }
  }
  into.indicators.insert(into.indicators.end(), more.indicators.begin(), more.indicators.end());
  into.baselines.insert(into.baselines.end(), more.baselines.begin(), more.baselines.end());
  into.events.insert(into.events.end(), more.events.begin(), more.events.end());
  into.values.insert(into.values.end(), more.values.begin(), more.values.end());
  if (into.areas.empty()) into.areas = more.areas;
}

}  // namespace duban
