// Closure (办结/退回) and extensions (延期): each step checked against the
// item's state as the ledger holds it now, then appended as an event with
// its actor, date and reason.
#include "duban/error.hpp"
#include "ledger/reports.hpp"
#include "ledger/state.hpp"
#include "ledger/write.hpp"

namespace duban::ledger {
namespace {

// The item's state from every event it has, whatever its date.
ItemState current(storage::Storage& s, Ledger::Rules& rules, PlanRules& plan, const ItemRef& item) {
  const auto records = s.task_events(item.plan, item.task, item.instance, "", false);
  return build_state(plan, rules.coordinator, item, records, s);
}

void require_reason(const Step& step, const std::string& what) {
  if (step.reason.empty()) invalid("", what + " needs a reason");
  require_text("", step.reason, "the reason");
}

// The step may not be dated before the step it answers or follows: the
// workflow's order and its dates then agree, which is what makes the state
// on a past date a prefix of the steps.
void require_not_before(const Date& date, const std::optional<Date>& earlier, const std::string& what) {
  if (earlier && date < *earlier) {
    invalid("", "the step is dated " + format_date(date) + ", before " + what + " (" + format_date(*earlier) + ")");
  }
}

storage::EventRecord step_event(EventKind kind, const ItemRef& item, const PlanRules& plan, const Step& step) {
  storage::EventRecord e;
  e.kind = static_cast<std::int64_t>(kind);
  e.plan = item.plan;
  e.task = item.task;
  e.task_key = plan.task(item.task).key;
  e.instance = item.instance;
  e.unit = step.actor.unit;
  require_text("", step.actor.user, "the user");
  e.user = step.actor.user;
  e.date = stored_date("", step.date, "the step's date");
  require_text("", step.reason, "the reason");
  e.text = step.reason;
  return e;
}

EventId append_one(storage::Storage& s, Ledger::Rules& rules, storage::EventRecord& e) {
  Appender appender(s, rules.hasher(s));
  const EventId id = appender.append(e);
  appender.finish();
  return id;
}

bool may_lead(Ledger::Rules& rules, PlanRules& plan, const Actor& actor, TaskId task) {
  return plan.leads(actor.unit, task) || (rules.coordinator && *rules.coordinator == actor.unit);
}

// The event a decision answers: it must exist and be of the kind asked.
storage::EventRecord answered(storage::Storage& s, EventId id, EventKind kind, const char* what) {
  auto e = s.load_event(id);
  if (!e) throw Error(Errc::notfound, ErrClass::argument, ledger_name(s) + " has no event " + std::to_string(id));
  if (e->kind != static_cast<std::int64_t>(kind) || !e->plan || !e->task) {
    invalid("", "event " + std::to_string(id) + " is not " + what + " (it is a " +
                    std::string(to_string(static_cast<EventKind>(e->kind))) + ")");
  }
  return std::move(*e);
}

EventId decide_closure(storage::Storage& s, Ledger::Rules& rules, EventId submission, const Step& step, bool approve) {
  const auto asked = answered(s, submission, EventKind::closure_submitted, "a closure submission");
  const ItemRef item{*asked.plan, *asked.task, asked.instance};
  PlanRules& plan = require_item(s, rules, item, "");
  const Directory& directory = rules.directory(s);
  const std::string verb = approve ? "approve" : "return";
  const std::string action = verb + " the closure of " + plan.label(item.task, item.instance);
  require_acting_unit("", directory, step.actor, action);
  require_coordinator("", rules, directory, step.actor, action, verb + " closures");
  const ItemState st = current(s, rules, plan, item);
  if (st.submission != submission) {
    invalid("", "submission " + std::to_string(submission) + " of " + plan.label(item.task, item.instance) +
                    " was followed by submission " + std::to_string(st.submission.value_or(0)) + "; decide that one");
  }
  if (st.closure != ClosureState::submitted) {
    invalid("", "submission " + std::to_string(submission) + " of " + plan.label(item.task, item.instance) +
                    " was already " + (st.closure == ClosureState::closed ? "approved" : "returned") + " on " +
                    format_date(*st.decided));
  }
  if (!approve) require_reason(step, "returning a closure (退回)");
  require_not_before(step.date, st.submitted, "the submission");
  storage::EventRecord e =
      step_event(approve ? EventKind::closure_approved : EventKind::closure_returned, item, plan, step);
  e.ref = submission;
  return append_one(s, rules, e);
}

EventId decide_extension(storage::Storage& s, Ledger::Rules& rules, EventId request, const Step& step, bool approve) {
  const auto asked = answered(s, request, EventKind::extension_requested, "an extension request");
  const ItemRef item{*asked.plan, *asked.task, asked.instance};
  PlanRules& plan = require_item(s, rules, item, "");
  const Directory& directory = rules.directory(s);
  const std::string verb = approve ? "approve" : "refuse";
  const std::string action = verb + " an extension of " + plan.label(item.task, item.instance);
  require_acting_unit("", directory, step.actor, action);
  require_coordinator("", rules, directory, step.actor, action, "decide extensions");
  const ItemState st = current(s, rules, plan, item);
  const ExtensionEntry* x = nullptr;
  for (const ExtensionEntry& candidate : st.extensions) {
    if (candidate.request == request) x = &candidate;
  }
  if (x == nullptr) invalid("", "extension request " + std::to_string(request) + " is not one of this item's");
  if (x->decision != ExtensionDecision::pending) {
    invalid("", "extension request " + std::to_string(request) + " was already " + std::string(to_string(x->decision)) +
                    " on " + format_date(*x->decided));
  }
  if (!approve) require_reason(step, "refusing an extension");
  require_not_before(step.date, x->requested, "the request");
  storage::EventRecord e =
      step_event(approve ? EventKind::extension_approved : EventKind::extension_refused, item, plan, step);
  e.ref = request;
  return append_one(s, rules, e);
}

}  // namespace
}  // namespace duban::ledger

namespace duban {

EventId Ledger::submit_closure(const ItemRef& item, const Step& step) {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_write(s, r, "submit a closure", [&] {
    ledger::PlanRules& plan = ledger::require_item(s, r, item, "");
    const Directory& directory = r.directory(s);
    const std::string label = plan.label(item.task, item.instance);
    const std::string action = "submit " + label + " for closure";
    ledger::require_acting_unit("", directory, step.actor, action);
    if (!ledger::may_lead(r, plan, step.actor, item.task)) {
      ledger::refuse("", ledger::actor_name(directory, step.actor), action,
                     "only the task's lead unit or the coordinating office may submit completion");
    }
    if (step.evidence.empty()) ledger::invalid("", "submitting " + label + " for closure needs evidence (佐证材料)");
    for (const std::string& ref : step.evidence) {
      if (ref.empty()) ledger::invalid("", "an evidence reference is empty");
      ledger::require_text("", ref, "an evidence reference");
    }
    const ItemState st = ledger::current(s, r, plan, item);
    if (st.closure == ClosureState::submitted) {
      ledger::invalid("", label + " was submitted for closure on " + format_date(*st.submitted) + " (event " +
                              std::to_string(*st.submission) + "), which is not decided yet");
    }
    if (st.closure == ClosureState::closed) {
      ledger::invalid("", label + " was closed (办结) on " + format_date(*st.decided));
    }
    ledger::require_not_before(step.date, st.decided, "the return of the last submission");
    storage::EventRecord e = ledger::step_event(EventKind::closure_submitted, item, plan, step);
    e.evidence = step.evidence;
    return ledger::append_one(s, r, e);
  });
}

EventId Ledger::approve_closure(EventId submission, const Step& step) {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_write(s, r, "approve a closure",
                          [&] { return ledger::decide_closure(s, r, submission, step, true); });
}

EventId Ledger::return_closure(EventId submission, const Step& step) {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_write(s, r, "return a closure",
                          [&] { return ledger::decide_closure(s, r, submission, step, false); });
}

EventId Ledger::request_extension(const ItemRef& item, Date until, const Step& step) {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_write(s, r, "request an extension", [&] {
    ledger::PlanRules& plan = ledger::require_item(s, r, item, "");
    const Directory& directory = r.directory(s);
    const std::string label = plan.label(item.task, item.instance);
    const std::string action = "request an extension of " + label;
    ledger::require_acting_unit("", directory, step.actor, action);
    if (!ledger::may_lead(r, plan, step.actor, item.task)) {
      ledger::refuse("", ledger::actor_name(directory, step.actor), action,
                     "only the task's lead unit or the coordinating office may request an extension");
    }
    ledger::require_reason(step, "requesting an extension (延期)");
    const ItemState st = ledger::current(s, r, plan, item);
    if (st.closure == ClosureState::closed) {
      ledger::invalid("", label + " was closed (办结) on " + format_date(*st.decided));
    }
    std::optional<Date> last_decision;
    for (const ExtensionEntry& x : st.extensions) {
      if (x.decision == ExtensionDecision::pending) {
        ledger::invalid("", "extension request " + std::to_string(x.request) + " of " + label + " (until " +
                                format_date(x.until) + ") is not decided yet");
      }
      last_decision = x.decided;
    }
    if (!st.current_due) ledger::invalid("", label + " has no due date to extend");
    const std::string until_text = ledger::stored_date("", until, "the date asked for");
    if (*st.current_due < step.date) {
      ledger::invalid("", "an extension is requested on or before the due date: " + label + " was due " +
                              format_date(*st.current_due) + ", the request is dated " + format_date(step.date));
    }
    if (!(*st.current_due < until)) {
      ledger::invalid(
          "", "the date asked for, " + until_text + ", is not after the due date " + format_date(*st.current_due));
    }
    ledger::require_not_before(step.date, last_decision, "the decision on the last request");
    storage::EventRecord e = ledger::step_event(EventKind::extension_requested, item, plan, step);
    e.until = until_text;
    e.due = format_date(*st.current_due);
    return ledger::append_one(s, r, e);
  });
}

EventId Ledger::approve_extension(EventId request, const Step& step) {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_write(s, r, "approve an extension",
                          [&] { return ledger::decide_extension(s, r, request, step, true); });
}

EventId Ledger::refuse_extension(EventId request, const Step& step) {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_write(s, r, "refuse an extension",
                          [&] { return ledger::decide_extension(s, r, request, step, false); });
}

}  // namespace duban
