// Appending events to the audit chain inside the caller's write
// transaction: each event gets the next seq, the transaction's timestamp,
// the previous link and its own hash; the head moves once, at the end.
#pragma once

#include <string>

#include "ledger/chain.hpp"
#include "ledger/storage.hpp"

namespace duban::ledger {

class Appender {
 public:
  // Reads the chain's head. Errc::corrupt when its record is missing.
  Appender(storage::Storage& storage, Hasher& hasher);

  // Fills seq, recorded, prev and hash, stores the event, returns its id.
  EventId append(storage::EventRecord& event);
  // Moves the head to the last event appended. Call before commit.
  void finish();

  // The timestamp every event of this transaction carries, and its date.
  const std::string& recorded() const noexcept { return recorded_; }
  std::string today() const { return recorded_.substr(0, 10); }

 private:
  storage::Storage& storage_;
  Hasher& hasher_;
  storage::ChainHead head_;
  bool moved_ = false;
  std::string recorded_;
};

// UTC now, to the millisecond: 2025-03-01T08:30:00.123Z.
std::string utc_now();

}  // namespace duban::ledger
