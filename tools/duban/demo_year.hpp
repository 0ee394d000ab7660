// The demo's year of progress (2025): monthly reports from several units,
// one monthly report late and one missing, closures (one returned and
// resubmitted), an extension and a correction, written through the ledger
// so that history, status and verify have something real to show.
#pragma once

#include <iosfwd>

#include "duban/ledger.hpp"

namespace duban::tool {

// Writes the year into the ledger unless the plan already has history
// (a second demo run keeps what the first wrote). Returns whether it wrote.
bool record_demo_year(Ledger& ledger, PlanId plan);

// The "Progress ledger" section of the demo: what the ledger holds as of
// the end of 2025, and the audit chain.
void print_demo_year(std::ostream& out, const Ledger& ledger, PlanId plan);

}  // namespace duban::tool
