// History and state as of a date. Nothing is stored as "current": the
// state of an item is always rebuilt from its events, so any past date is
// as easy to ask about as today.
#include "ledger/state.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "duban/error.hpp"
#include "ledger/reports.hpp"
#include "ledger/write.hpp"

namespace duban::ledger {
namespace {

[[noreturn]] void damaged(const storage::Storage& s, EventId seq, const std::string& what) {
  throw Error(Errc::corrupt, ErrClass::storage,
              ledger_name(s) + " is damaged: event " + std::to_string(seq) + " " + what + " (run verify)");
}

bool is(const storage::EventRecord& e, EventKind kind) { return e.kind == static_cast<std::int64_t>(kind); }

}  // namespace

Date event_date(std::string_view text, EventId seq, const storage::Storage& s) {
  try {
    return parse_date(text);
  } catch (const Error&) {
    damaged(s, seq, "holds " + quote(text) + ", which is not a date");
  }
}

Event to_event(const storage::EventRecord& r, const storage::Storage& s) {
  Event e;
  e.id = r.seq;
  if (r.kind < 1 || r.kind > static_cast<std::int64_t>(EventKind::calendar_loaded)) {
    damaged(s, r.seq, "is of unknown kind " + std::to_string(r.kind));
  }
  e.kind = static_cast<EventKind>(r.kind);
  e.item = ItemRef{r.plan.value_or(0), r.task.value_or(0), r.instance};
  e.task_key = r.task_key;
  e.actor = Actor{r.unit.value_or(0), r.user};
  e.date = event_date(r.date, r.seq, s);
  e.recorded = r.recorded;
  e.text = r.text;
  e.ref = r.ref;
  if (r.status) {
    if (*r.status < 1 || *r.status > static_cast<std::int64_t>(ReportStatus::blocked)) {
      damaged(s, r.seq, "has unknown report status " + std::to_string(*r.status));
    }
    e.status = static_cast<ReportStatus>(*r.status);
  }
  e.percent = r.percent;
  e.indicators = r.indicators;
  e.evidence = r.evidence;
  if (!r.until.empty()) e.until = event_date(r.until, r.seq, s);
  if (!r.due.empty()) e.due = event_date(r.due, r.seq, s);
  e.target = r.target.value_or(0);
  return e;
}

ItemState build_state(PlanRules& plan, const std::optional<UnitId>& coordinator, const ItemRef& item,
                      std::span<const storage::EventRecord> events, const storage::Storage& s) {
  ItemState st;
  st.item = item;
  st.task_key = plan.task(item.task).key;
  std::unordered_set<EventId> superseded;
  for (const auto& e : events) {
    if (is(e, EventKind::report) && e.ref) superseded.insert(*e.ref);
  }
  for (const auto& e : events) {
    const UnitId unit = e.unit.value_or(0);
    switch (static_cast<EventKind>(e.kind)) {
      case EventKind::report: {
        if (superseded.count(e.seq) != 0) break;
        ReportEntry r;
        r.id = e.seq;
        r.unit = unit;
        r.date = event_date(e.date, e.seq, s);
        if (e.status && *e.status >= 1 && *e.status <= static_cast<std::int64_t>(ReportStatus::blocked)) {
          r.status = static_cast<ReportStatus>(*e.status);
        }
        r.percent = e.percent;
        r.counts = (coordinator && *coordinator == unit) || plan.speaks_for(unit, item.task);
        st.reports.push_back(r);
        break;
      }
      case EventKind::closure_submitted:
        st.closure = ClosureState::submitted;
        st.submission = e.seq;
        st.submitted_by = unit;
        st.submitted = event_date(e.date, e.seq, s);
        st.decided.reset();
        break;
      case EventKind::closure_approved:
        if (e.ref && st.submission == *e.ref) {
          st.closure = ClosureState::closed;
          st.decided = event_date(e.date, e.seq, s);
          st.done = st.submitted;
        }
        break;
      case EventKind::closure_returned:
        if (e.ref && st.submission == *e.ref) {
          st.closure = ClosureState::returned;
          st.decided = event_date(e.date, e.seq, s);
          st.last_returned = st.decided;
          st.return_reason = e.text;
        }
        break;
      case EventKind::extension_requested: {
        ExtensionEntry x;
        x.request = e.seq;
        x.unit = unit;
        x.requested = event_date(e.date, e.seq, s);
        if (!e.until.empty()) x.until = event_date(e.until, e.seq, s);
        if (!e.due.empty()) x.due = event_date(e.due, e.seq, s);
        x.reason = e.text;
        st.extensions.push_back(std::move(x));
        break;
      }
      case EventKind::extension_approved:
      case EventKind::extension_refused:
        for (ExtensionEntry& x : st.extensions) {
          if (!e.ref || x.request != *e.ref || x.decision != ExtensionDecision::pending) continue;
          x.decision = is(e, EventKind::extension_approved) ? ExtensionDecision::approved : ExtensionDecision::refused;
          x.decided = event_date(e.date, e.seq, s);
          x.decision_reason = e.text;
        }
        break;
      default:
        break;
    }
  }
  std::stable_sort(st.reports.begin(), st.reports.end(),
                   [](const ReportEntry& a, const ReportEntry& b) { return a.date < b.date; });
  for (std::size_t i = st.reports.size(); i-- > 0;) {
    if (st.reports[i].counts) {
      st.latest = i;
      break;
    }
  }
  st.original_due = plan.due(item.task, item.instance);
  st.current_due = st.original_due;
  if (st.original_due) {
    for (const ExtensionEntry& x : st.extensions) {
      if (x.decision != ExtensionDecision::approved) continue;
      const Date moved = plan.shifted(x.until);
      if (*st.current_due < moved) st.current_due = moved;
    }
  }
  return st;
}

}  // namespace duban::ledger

namespace duban {

namespace {

std::string as_of_text(const std::optional<Date>& as_of) {
  return as_of ? ledger::stored_date("as-of", *as_of, "the as-of date") : std::string();
}

}  // namespace

Event Ledger::event(EventId id) const {
  storage::Storage& s = store();
  return ledger::in_read(s, rules(), "read event " + std::to_string(id), [&] {
    const auto record = s.load_event(id);
    if (!record) {
      throw Error(Errc::notfound, ErrClass::argument, ledger::ledger_name(s) + " has no event " + std::to_string(id));
    }
    return ledger::to_event(*record, s);
  });
}

std::vector<Event> Ledger::history(PlanId plan, TaskId task, const HistoryQuery& query) const {
  storage::Storage& s = store();
  Rules& r = rules();
  const std::string until = as_of_text(query.as_of);
  return ledger::in_read(s, r, "read the history of task " + std::to_string(task), [&] {
    (void)ledger::require_item(s, r, ItemRef{plan, task, {}}, "");
    const auto records = s.task_events(plan, task, query.instance, until, true);
    std::vector<Event> out;
    out.reserve(records.size());
    std::unordered_map<EventId, std::size_t> index;
    for (const auto& record : records) {
      index.emplace(record.seq, out.size());
      out.push_back(ledger::to_event(record, s));
    }
    // Corrections known on the as-of date: those among the events read.
    for (const Event& e : out) {
      if (e.kind != EventKind::report || !e.ref) continue;
      const auto it = index.find(*e.ref);
      if (it != index.end() && !out[it->second].superseded_by) out[it->second].superseded_by = e.id;
    }
    return out;
  });
}

ItemState Ledger::state(const ItemRef& item, std::optional<Date> as_of) const {
  storage::Storage& s = store();
  Rules& r = rules();
  const std::string until = as_of_text(as_of);
  return ledger::in_read(s, r, "rebuild the state of task " + std::to_string(item.task), [&] {
    ledger::PlanRules& plan = ledger::require_item(s, r, item, "");
    const auto records = s.task_events(item.plan, item.task, item.instance, until, false);
    return ledger::build_state(plan, r.coordinator, item, records, s);
  });
}

std::vector<ItemState> Ledger::states(PlanId plan_id, Date as_of) const {
  storage::Storage& s = store();
  Rules& r = rules();
  const std::string until = as_of_text(as_of);
  return ledger::in_read(s, r, "rebuild the state of plan " + std::to_string(plan_id), [&] {
    ledger::PlanRules& plan = r.plan(s, plan_id);
    std::vector<ItemState> out;
    std::vector<storage::EventRecord> group;
    const auto flush = [&] {
      if (group.empty()) return;
      const ItemRef item{plan_id, *group.front().task, group.front().instance};
      // Events on a task the plan no longer has (history kept across a
      // replacement refuses that) are skipped rather than invented.
      if (plan.has_task(item.task)) out.push_back(ledger::build_state(plan, r.coordinator, item, group, s));
      group.clear();
    };
    s.scan_plan_events(plan_id, until, [&](const storage::EventRecord& e) {
      if (!group.empty() && (group.front().task != e.task || group.front().instance != e.instance)) flush();
      group.push_back(e);
    });
    flush();
    return out;
  });
}

std::vector<Event> Ledger::indicator_reports(PlanId plan_id, Date as_of) const {
  storage::Storage& s = store();
  Rules& r = rules();
  const std::string until = as_of_text(as_of);
  return ledger::in_read(s, r, "read the indicator values of plan " + std::to_string(plan_id), [&] {
    ledger::PlanRules& plan = r.plan(s, plan_id);
    std::vector<Event> out;
    for (const auto& record : s.indicator_reports(plan_id, until)) {
      if (plan.has_task(record.task.value_or(0))) out.push_back(ledger::to_event(record, s));
    }
    return out;
  });
}

std::int64_t Ledger::event_count() const {
  storage::Storage& s = store();
  storage::Transaction transaction(s, false, "count its events");
  const auto n = s.event_count();
  transaction.commit();
  return n;
}

}  // namespace duban
