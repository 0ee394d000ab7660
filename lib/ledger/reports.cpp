// Reports: checked against the plan, the directory and the permission
// rules, then appended. Everything here runs inside one write transaction,
// so a batch is written whole or not at all.
#include "ledger/reports.hpp"

#include <cmath>

#include "duban/error.hpp"
#include "ledger/write.hpp"

namespace duban::ledger {
namespace {

std::string number(double value) {
  std::string text = std::to_string(value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

void check_correction(storage::Storage& s, Ledger::Rules& rules, PlanRules& plan, const Report& r,
                      std::string_view where) {
  const EventId old_id = *r.supersedes;
  const std::string old_name = "report " + std::to_string(old_id);
  const auto old = s.load_event(old_id);
  if (!old) invalid(where, "the report to correct, " + old_name + ", does not exist");
  if (old->kind != static_cast<std::int64_t>(EventKind::report)) {
    invalid(where, "event " + std::to_string(old_id) + " is not a report and cannot be corrected");
  }
  if (old->plan != r.item.plan || old->task != r.item.task || old->instance != r.item.instance) {
    invalid(where, old_name + " is about another item than " + plan.label(r.item.task, r.item.instance));
  }
  for (const EventId id : s.referring(old_id)) {
    const auto later = s.load_event(id);
    if (later && later->kind == static_cast<std::int64_t>(EventKind::report)) {
      invalid(where, old_name + " was already corrected by report " + std::to_string(id) + "; correct that one");
    }
  }
  if (format_date(r.date) < old->date) {
    invalid(where, "a correction is dated no earlier than the report it corrects (" + old_name + " is dated " +
                       old->date + ")");
  }
  const bool own = old->unit && *old->unit == r.actor.unit;
  const bool office = rules.coordinator && *rules.coordinator == r.actor.unit;
  if (!own && !office) {
    refuse(where, actor_name(rules.directory(s), r.actor), "correct " + old_name,
           "only the unit that made a report, or the coordinating office, may correct it");
  }
}

storage::EventRecord checked(storage::Storage& s, Ledger::Rules& rules, const Report& r, std::string_view where) {
  PlanRules& plan = require_item(s, rules, r.item, where);
  const Directory& directory = rules.directory(s);
  const Unit* unit = directory.find(r.actor.unit);
  if (unit == nullptr || unit->is_group()) {
    require_acting_unit(where, directory, r.actor, "report on " + plan.label(r.item.task, r.item.instance));
  }
  if (!plan.holds_role(r.actor.unit, r.item.task)) {
    refuse(where, actor_name(directory, r.actor), "report on " + plan.label(r.item.task, r.item.instance),
           "a unit may report only on tasks where it holds a role, directly or through its groups");
  }
  const int status = static_cast<int>(r.status);
  if (to_string(r.status).empty()) invalid(where, "unknown report status " + std::to_string(status));
  if (r.percent && (!std::isfinite(*r.percent) || *r.percent < 0 || *r.percent > 100)) {
    invalid(where, "percent " + number(*r.percent) + " is outside 0..100");
  }
  storage::EventRecord e;
  e.kind = static_cast<std::int64_t>(EventKind::report);
  e.plan = r.item.plan;
  e.task = r.item.task;
  e.task_key = plan.task(r.item.task).key;
  e.instance = r.item.instance;
  e.unit = r.actor.unit;
  require_text(where, r.actor.user, "the user");
  e.user = r.actor.user;
  e.date = stored_date(where, r.date, "the report's date");
  e.status = status;
  e.percent = r.percent;
  require_text(where, r.narrative, "the narrative");
  e.text = r.narrative;
  for (std::size_t i = 0; i < r.indicators.size(); ++i) {
    const Indicator& v = r.indicators[i];
    const std::string which = "indicator " + std::to_string(i + 1);
    if (v.metric.empty()) invalid(where, which + " has no metric");
    require_text(where, v.metric, "an indicator's metric");
    require_text(where, v.unit, "an indicator's unit");
    if (!std::isfinite(v.value)) invalid(where, which + " (" + quote(v.metric) + ") has no finite value");
  }
  e.indicators = r.indicators;
  for (const std::string& ref : r.evidence) {
    if (ref.empty()) invalid(where, "an evidence reference is empty");
    require_text(where, ref, "an evidence reference");
  }
  e.evidence = r.evidence;
  if (r.supersedes) {
    check_correction(s, rules, plan, r, where);
    e.ref = *r.supersedes;
  }
  return e;
}

}  // namespace

PlanRules& require_item(storage::Storage& s, Ledger::Rules& rules, const ItemRef& item, std::string_view where) {
  PlanRules* plan = nullptr;
  try {
    plan = &rules.plan(s, item.plan);
  } catch (const Error& e) {
    if (e.code() != Errc::notfound) throw;
    throw Error(Errc::notfound, ErrClass::argument,
                (where.empty() ? std::string() : std::string(where) + ": ") + e.what());
  }
  if (!plan->has_task(item.task)) {
    throw Error(Errc::notfound, ErrClass::argument,
                (where.empty() ? std::string() : std::string(where) + ": ") + "plan " + std::to_string(item.plan) +
                    " has no task " + std::to_string(item.task) + " (it has " +
                    std::to_string(plan->plan().tasks.size()) + ")");
  }
  if (!item.instance.empty()) {
    require_text(where, item.instance, "the instance");
    const std::string problem = plan->instance_problem(item.task, item.instance);
    if (!problem.empty())
      throw Error(Errc::notfound, ErrClass::argument, std::string(where) + (where.empty() ? "" : ": ") + problem);
  }
  return *plan;
}

std::vector<EventId> append_reports(storage::Storage& s, Ledger::Rules& rules, std::span<const Report> reports,
                                    const std::function<std::string(std::size_t)>& where) {
  std::vector<EventId> ids;
  ids.reserve(reports.size());
  Appender appender(s, rules.hasher(s));
  for (std::size_t i = 0; i < reports.size(); ++i) {
    storage::EventRecord e = checked(s, rules, reports[i], where(i));
    ids.push_back(appender.append(e));
  }
  appender.finish();
  return ids;
}

}  // namespace duban::ledger

namespace duban {

EventId Ledger::add_report(const Report& report) {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_write(s, r, "add a report", [&] {
    return ledger::append_reports(s, r, std::span<const Report>(&report, 1),
                                  [](std::size_t) { return std::string("report"); })
        .front();
  });
}

std::vector<EventId> Ledger::add_reports(std::span<const Report> reports) {
  storage::Storage& s = store();
  Rules& r = rules();
  if (reports.empty()) return {};
  return ledger::in_write(s, r, "add " + std::to_string(reports.size()) + " reports", [&] {
    return ledger::append_reports(s, r, reports, [](std::size_t i) { return "reports[" + std::to_string(i) + "]"; });
  });
}

}  // namespace duban
