// A ledger as of a date, gathered once: the plan, the lights, the reports in
// effect and (with a scheme) the assessment, so that every view of one
// moment — 台账, CSV, JSON, monthly report — shows the same facts.
#include <algorithm>
#include <map>
#include <memory>
#include <utility>

#include "duban/export.hpp"
#include "duban/ledger_progress.hpp"

namespace duban {
namespace {

// The reports of the plan's tasks (and their instances) dated on or before
// `as_of` that no correction dated by then has replaced, by date, then in
// the order written.
std::vector<Event> reports_in_effect(const Ledger& ledger, PlanId plan, std::size_t tasks, Date as_of) {
  std::vector<Event> out;
  HistoryQuery query;
  query.as_of = as_of;
  for (std::size_t t = 1; t <= tasks; ++t) {
    for (Event& e : ledger.history(plan, static_cast<TaskId>(t), query)) {
      if (e.kind == EventKind::report && !e.superseded_by) out.push_back(std::move(e));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Event& a, const Event& b) {
    return a.date != b.date ? a.date < b.date : a.id < b.id;
  });
  return out;
}

std::string category_of(const Plan& plan, const Task& task) {
  if (task.category >= 0 && static_cast<std::size_t>(task.category) < plan.categories.size()) {
    return plan.categories[static_cast<std::size_t>(task.category)].title;
  }
  return task.kind == TaskKind::measure ? "保障措施" : "";
}

// The latest report that speaks for the task: on the task itself or, for
// a recurring duty, on any of its instances.
const ReportEntry* latest_counting(std::span<const ItemState> states, TaskId task) {
  const ReportEntry* best = nullptr;
  for (const ItemState& st : states) {
    if (st.item.task != task || !st.latest) continue;
    const ReportEntry& r = st.reports[*st.latest];
    if (!best || best->date < r.date || (best->date == r.date && best->id < r.id)) best = &r;
  }
  return best;
}

std::vector<TaskRow> task_rows(const Snapshot& s) {
  std::map<EventId, const Event*> by_id;
  for (const Event& e : s.reports) by_id.emplace(e.id, &e);
  std::map<TaskId, std::size_t> status_of;  // the task's own subject, not an instance
  for (std::size_t i = 0; i < s.status.subjects.size(); ++i) {
    if (!s.status.subjects[i].is_instance()) status_of.emplace(s.status.subjects[i].task, i);
  }
  std::map<TaskId, double> scores;
  if (s.assessment) {
    for (const TaskScore& t : s.assessment->tasks) scores.emplace(t.task, t.earned);
  }

  std::vector<TaskRow> rows;
  rows.reserve(s.plan.tasks.size());
  for (std::size_t i = 0; i < s.plan.tasks.size(); ++i) {
    const Task& task = s.plan.tasks[i];
    TaskRow row;
    row.task = static_cast<TaskId>(i + 1);
    row.number = task.number;
    row.category = category_of(s.plan, task);
    row.title = task.title;
    for (const Role role : {Role::lead, Role::responsible, Role::support}) {
      for (const Responsibility& r : task.responsibilities) {
        if (r.role == role) (role == Role::lead ? row.leads : row.others).push_back(r.name);
      }
    }
    row.due = due_text(task.deadline);
    if (const auto it = status_of.find(row.task); it != status_of.end()) {
      row.status = s.status.items[it->second].status;
      row.light = s.status.items[it->second].light;
    }
    if (const ReportEntry* latest = latest_counting(s.states, row.task)) {
      row.latest_date = latest->date;
      row.percent = latest->percent;
      if (const auto it = by_id.find(latest->id); it != by_id.end()) row.latest = it->second->text;
    }
    if (const auto it = scores.find(row.task); it != scores.end()) row.score = it->second;
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

Snapshot take_snapshot(const Ledger& ledger, PlanId plan, Date as_of, const SnapshotOptions& options) {
  Snapshot s;
  s.as_of = as_of;
  s.plan_id = plan;
  s.plan = ledger.load_plan(plan);
  s.directory = ledger.load_directory();
  s.graph = std::make_shared<const ResponsibilityGraph>(s.plan, s.directory);
  const auto calendar = options.calendar ? options.calendar : ledger.calendar();

  s.states = ledger.states(plan, as_of);
  s.status = evaluate(s.plan, *calendar, as_of, progress_facts(s.states), options.status);
  s.reports = reports_in_effect(ledger, plan, s.plan.tasks.size(), as_of);

  if (options.scheme) {
    const Assessor assessor(s.plan, s.directory, *s.graph, calendar, *options.scheme);
    AssessmentInput input;
    if (options.ledger_inputs) input = assessment_input(ledger, plan, s.plan, *s.graph, *calendar, as_of);
    if (options.inputs) merge(input, *options.inputs);
    s.assessment = assessor.run(std::make_shared<const AssessmentInput>(std::move(input)), as_of);  // not copied
  }
  s.tasks = task_rows(s);
  return s;
}

}  // namespace duban
