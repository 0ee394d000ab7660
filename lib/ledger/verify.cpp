// Walking the audit chain. Each stored event carries the previous event's
// hash (prev) and its own (hash = H(prev || content)). An event whose hash
// no longer matches its content was altered; one whose prev does not match
// the event before it follows a removal; one the event after it skips was
// inserted. The chain_head row pins the last event, so removing or adding
// events at the end shows too. docs/ledger.md, "The audit chain".
#include <optional>

#include "duban/error.hpp"
#include "ledger/chain.hpp"
#include "ledger/write.hpp"

namespace duban::ledger {
namespace {

std::string after(EventId seq) { return seq <= 0 ? std::string("the chain's start") : "event " + std::to_string(seq); }

class Walk {
 public:
  Walk(Hasher& hasher, std::optional<storage::ChainHead> head) : hasher_(hasher), head_(head) {}

  // Takes the next row; returns false once a finding is made.
  bool feed(const storage::EventRecord& row) {
    if (held_) examine(*held_, &row);
    held_ = row;
    return !found_;
  }

  void finish() {
    if (found_) return;
    if (held_) examine(*held_, nullptr);
    if (found_) return;
    if (!head_) return say(ChainFinding::altered, 0, "the record of the chain's head is missing");
    const EventId last = expected_ - 1;
    if (head_->seq > last) {
      return say(ChainFinding::removed, last + 1,
                 "event " + std::to_string(last + 1) + " was removed: the ledger recorded " +
                     std::to_string(head_->seq) + " events and the chain ends at " + after(last));
    }
    if (head_->hash != prev_) {
      return say(ChainFinding::altered, last,
                 "event " + std::to_string(last) + " was altered: the chain's head records another hash for it");
    }
  }

  bool found() const noexcept { return found_; }
  ChainFinding finding() const noexcept { return finding_; }
  EventId event() const noexcept { return event_; }
  const std::string& message() const noexcept { return message_; }
  const storage::Digest& last_hash() const noexcept { return prev_; }

 private:
  bool consistent(const storage::EventRecord& row) { return hasher_.link(row.prev, row) == row.hash; }

  void examine(const storage::EventRecord& row, const storage::EventRecord* next) {
    const EventId n = row.seq;
    if (head_ && n > head_->seq) {
      return say(ChainFinding::inserted, n,
                 "event " + std::to_string(n) + " was inserted after the last event the ledger recorded (" +
                     after(head_->seq) + ")");
    }
    if (n > expected_) {
      return say(ChainFinding::removed, expected_,
                 "event " + std::to_string(expected_) + " was removed: the chain goes from " + after(expected_ - 1) +
                     " to event " + std::to_string(n));
    }
    const bool self = consistent(row);
    if (self && row.prev == prev_) {
      before_ = prev_;
      prev_ = row.hash;
      expected_ = n + 1;
      return;
    }
    // This event and the one before it both follow the event before that:
    // one of them was slipped in with a valid hash. The one the next event
    // does not follow is the intruder (of two copies, the later).
    if (self && n > 1 && row.prev == before_) {
      const bool later = next != nullptr && next->prev == prev_;
      const EventId intruder = later ? n : n - 1;
      const std::string follows = later ? "event " + std::to_string(next->seq) + " follows " + after(n - 1)
                                        : "event " + std::to_string(n) + " follows " + after(n - 2);
      return say(ChainFinding::inserted, intruder,
                 "event " + std::to_string(intruder) + " was inserted: it is not part of the chain (" + follows + ")");
    }
    if (next != nullptr && next->prev == prev_ && consistent(*next)) {
      return say(ChainFinding::inserted, n,
                 "event " + std::to_string(n) + " was inserted: it is not part of the chain (event " +
                     std::to_string(next->seq) + " follows " + after(n - 1) + ")");
    }
    if (self) {
      return say(ChainFinding::removed, n,
                 "event " + std::to_string(n) + " was removed: the event now numbered " + std::to_string(n) +
                     " does not follow " + after(n - 1) + " (or " + after(n - 1) + " was rewritten with a new hash)");
    }
    say(ChainFinding::altered, n,
        "event " + std::to_string(n) + " was altered: its content no longer matches its hash");
  }

  void say(ChainFinding finding, EventId event, std::string message) {
    found_ = true;
    finding_ = finding;
    event_ = event;
    message_ = std::move(message);
  }

  Hasher& hasher_;
  std::optional<storage::ChainHead> head_;
  std::optional<storage::EventRecord> held_;
  storage::Digest prev_{};    // the hash of the last event accepted
  storage::Digest before_{};  // the hash of the event before that
  EventId expected_ = 1;
  bool found_ = false;
  ChainFinding finding_ = ChainFinding::intact;
  EventId event_ = 0;
  std::string message_;
};

}  // namespace
}  // namespace duban::ledger

namespace duban {

ChainCheck Ledger::verify() const {
  storage::Storage& s = store();
  Rules& r = rules();
  return ledger::in_read(s, r, "verify its audit chain", [&] {
    ChainCheck out;
    out.algorithm = r.algorithm;
    out.events = s.event_count();
    ledger::Walk walk(r.hasher(s), s.chain_head());
    s.scan_chain([&](const storage::EventRecord& row) { return walk.feed(row); });
    walk.finish();
    if (walk.found()) {
      out.finding = walk.finding();
      out.event = walk.event();
      out.message = walk.message();
      return out;
    }
    out.head = ledger::to_hex(walk.last_hash());
    out.message = "intact: " + std::to_string(out.events) + " events, " + std::string(to_string(out.algorithm)) +
                  ", head " + out.head;
    return out;
  });
}

}  // namespace duban
