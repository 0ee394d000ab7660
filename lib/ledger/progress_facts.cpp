// From the ledger's item states to the progress engine's facts. The light
// rules live in lib/progress; this file only says what the record shows.
#include "duban/ledger_progress.hpp"

namespace duban {
namespace {

std::optional<double> percent_of(const ReportEntry& r) {
  if (r.percent) return r.percent;
  if (r.status == ReportStatus::done) return 100.0;
  if (r.status == ReportStatus::not_started) return 0.0;
  return std::nullopt;
}

Decision decision_of(ExtensionDecision d) {
  switch (d) {
    case ExtensionDecision::approved:
      return Decision::approved;
    case ExtensionDecision::refused:
      return Decision::refused;
    case ExtensionDecision::pending:
      break;
  }
  return Decision::pending;
}

ItemFacts facts_of(const ItemState& st) {
  ItemFacts facts;
  // A return reopens the item and rejects every claim of completion made
  // before it: the engine would otherwise take the first report of 100
  // percent as done, whatever the office decided.
  for (const ReportEntry& r : st.reports) {
    if (!r.counts) continue;
    const auto percent = percent_of(r);
    if (!percent) continue;
    if (st.last_returned && *percent >= 100.0 && !(*st.last_returned < r.date)) continue;
    facts.progress.push_back({r.date, *percent});
  }
  facts.done = st.done;
  for (const ExtensionEntry& x : st.extensions) {
    Extension e;
    e.requested = x.requested;
    e.until = x.until;
    e.decision = decision_of(x.decision);
    e.decided = x.decided;
    e.note = x.decision_reason.empty() ? x.reason : x.decision_reason;
    facts.extensions.push_back(std::move(e));
  }
  return facts;
}

}  // namespace

ProgressFacts progress_facts(std::span<const ItemState> states) {
  ProgressFacts out;
  for (const ItemState& st : states) {
    ItemFacts facts = facts_of(st);
    if (facts.progress.empty() && !facts.done && facts.extensions.empty()) continue;
    if (st.item.instance.empty()) {
      out.tasks[st.item.task] = std::move(facts);
    } else {
      out.instances[st.item.instance] = std::move(facts);
    }
  }
  return out;
}

ProgressFacts progress_facts(const Ledger& ledger, PlanId plan, Date as_of) {
  const auto states = ledger.states(plan, as_of);
  return progress_facts(states);
}

}  // namespace duban
