// Rebuilding what an item's events add up to, as of a date: the reports in
// effect, the closure, the extensions, the due dates.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "duban/report.hpp"
#include "ledger/rules.hpp"
#include "ledger/storage.hpp"

namespace duban::ledger {

// `events` are the item's events dated on or before the as-of date, in
// chain order.
ItemState build_state(PlanRules& plan, const std::optional<UnitId>& coordinator, const ItemRef& item,
                      std::span<const storage::EventRecord> events, const storage::Storage& s);

// An event for the public API; Errc::corrupt when a stored value cannot be
// one (an impossible date, an unknown kind), naming the event.
Event to_event(const storage::EventRecord& record, const storage::Storage& s);

// A stored date; Errc::corrupt naming the event when it is not one.
Date event_date(std::string_view text, EventId seq, const storage::Storage& s);

}  // namespace duban::ledger
