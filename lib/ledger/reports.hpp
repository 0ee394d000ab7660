// Checking reports and appending them to the chain, shared by the single
// and batch calls and the CSV import.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "duban/ledger.hpp"
#include "ledger/append.hpp"
#include "ledger/rules.hpp"

namespace duban::ledger {

// Checks every report and appends it, in the caller's write transaction.
// Errors name the report through `where(i)`; the caller's rollback undoes
// the reports appended before it.
std::vector<EventId> append_reports(storage::Storage& s, Ledger::Rules& rules, std::span<const Report> reports,
                                    const std::function<std::string(std::size_t)>& where);

// The item an event is about must exist in the plan as stored now: the
// plan, the task, the instance. Returns the plan's rules.
PlanRules& require_item(storage::Storage& s, Ledger::Rules& rules, const ItemRef& item, std::string_view where);

}  // namespace duban::ledger
