// The assessment's input from the ledger: closures, due dates and
// extensions of tasks, reports on recurring tasks' instances, and the
// indicator values units reported — as the record stood on the as-of date.
// The rules that judge them live in the rule files; this file only says
// what the record shows.
#include <map>
#include <tuple>

#include "duban/assess.hpp"
#include "duban/ledger.hpp"

namespace duban {
namespace {

// When the work was done: the approved closure, else the first report of
// done (or 100 percent) that counts and is not undone by a later return.
std::pair<std::optional<Date>, std::int64_t> done_of(const ItemState& st) {
  if (st.done) return {st.done, st.submission.value_or(0)};
  if (st.closure == ClosureState::returned) return {std::nullopt, 0};
  for (const ReportEntry& r : st.reports) {
    if (!r.counts) continue;
    if (r.status == ReportStatus::done || (r.percent && *r.percent >= 100.0)) return {r.date, r.id};
  }
  return {std::nullopt, 0};
}

}  // namespace

AssessmentInput assessment_input(const Ledger& ledger, std::int64_t plan_id, const Plan& plan,
                                 const ResponsibilityGraph& graph, const WorkCalendar& calendar, Date as_of) {
  AssessmentInput in;
  const std::vector<ItemState> states = ledger.states(plan_id, as_of);
  std::map<std::pair<TaskId, std::string>, const ItemState*> by_item;
  for (const ItemState& st : states) by_item[{st.item.task, st.item.instance}] = &st;
  const auto find = [&](TaskId t, const std::string& instance) -> const ItemState* {
    auto it = by_item.find({t, instance});
    return it == by_item.end() ? nullptr : it->second;
  };

  for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
    const Task& task = plan.tasks[i];
    const auto id = static_cast<TaskId>(i + 1);
    if (task.deadline.recurrence) {
      const Date from = std::chrono::year{plan.year} / 1 / 1;
      const Date to = std::chrono::year{plan.year} / 12 / 31;
      std::vector<Assignment> owing = graph.units_of(id);
      std::erase_if(owing, [](const Assignment& a) { return a.collective; });
      for (const Occurrence& o : expand(*task.deadline.recurrence, task.key, from, to, calendar)) {
        if (as_of < o.due) continue;
        const ItemState* st = find(id, o.id);
        for (const Assignment& a : owing) {
          ReportFact r;
          r.task = id;
          r.unit = a.unit;
          r.due = o.due;
          if (st) {
            for (const ReportEntry& e : st->reports) {
              if (e.unit != a.unit) continue;
              r.reported = e.date;
              r.ref = e.id;
              break;
            }
          }
          in.reports.push_back(r);
        }
      }
      continue;
    }
    const ItemState* st = find(id, "");
    if (!st) continue;
    TaskFact f;
    f.task = id;
    const auto [done, ref] = done_of(*st);
    f.done = done;
    f.ref = ref;
    f.due = st->original_due;
    if (st->current_due && st->current_due != st->original_due) f.extended_due = st->current_due;
    in.tasks.push_back(f);
  }

  // Indicator values: each unit's latest value per metric and area, from
  // the reports in effect (a later report restates the figure to date).
  std::map<std::tuple<TaskId, UnitId, std::string, std::string>, IndicatorValue> latest;
  std::map<std::tuple<TaskId, UnitId, std::string, std::string>, std::pair<Date, EventId>> when;
  for (const Event& e : ledger.indicator_reports(plan_id, as_of)) {
    const TaskId t = e.item.task;
    for (const Indicator& ind : e.indicators) {
      std::string metric = ind.metric;
      std::string area;
      if (const auto at = metric.find('@'); at != std::string::npos) {
        area = metric.substr(at + 1);
        metric = metric.substr(0, at);
      }
      const auto key = std::tuple{t, e.actor.unit, metric, area};
      const auto stamp = std::pair{e.date, e.id};
      auto it = when.find(key);
      if (it != when.end() && stamp < it->second) continue;
      when[key] = stamp;
      IndicatorValue v;
      v.metric = metric;
      v.unit = e.actor.unit;
      v.task = t;
      v.area = area;
      v.value = ind.value;
      v.date = e.date;
      v.ref = "event " + std::to_string(e.id);
      latest[key] = std::move(v);
    }
  }
  for (auto& [key, v] : latest) in.indicators.push_back(std::move(v));
  return in;
}

}  // namespace duban
