// The ledger's working-day calendar: the built-in notices with the calendar
// data stored in the ledger's history applied (ledger/calendar.cpp).
#pragma once

#include <memory>

#include "duban/calendar.hpp"
#include "ledger/storage.hpp"

namespace duban::ledger {

// The built-in calendar, then the data of every calendar_loaded event in
// chain order. Errc::corrupt naming the event when its data no longer read
// (the file was edited outside duban). Call inside a transaction.
std::shared_ptr<const WorkCalendar> stored_calendar(storage::Storage& s);

}  // namespace duban::ledger
