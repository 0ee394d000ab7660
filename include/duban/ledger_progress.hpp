// The progress engine's input, read from the ledger: what the reports,
// closures and extensions on record say about each task and instance of a
// plan as of a date (docs/ledger.md, "Progress from the ledger").
#pragma once

#include <span>

#include "duban/ledger.hpp"
#include "duban/progress.hpp"
#include "duban/report.hpp"

namespace duban {

// The facts as of `as_of`, from Ledger::states(plan, as_of):
//  - progress: one point per report in effect from a unit that speaks for
//    the item (its lead units, or the coordinating office), at the reported
//    percent, or 100 for status done and 0 for not_started when no percent
//    was given;
//  - done: the date of the submission the coordinating office approved.
//    A return (退回) reopens the item and rejects the claims before it:
//    reports of 100 percent dated on or before the latest return are left
//    out, or the engine would count the first of them as done;
//  - extensions: every request, decided as known on `as_of`.
ProgressFacts progress_facts(const Ledger& ledger, PlanId plan, Date as_of);
ProgressFacts progress_facts(std::span<const ItemState> states);

}  // namespace duban
