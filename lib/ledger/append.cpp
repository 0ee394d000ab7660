#include "ledger/append.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "duban/error.hpp"
#include "ledger/rules.hpp"

namespace duban::ledger {

std::string utc_now() {
  using namespace std::chrono;
  const auto now = floor<milliseconds>(system_clock::now());
  const std::time_t seconds = system_clock::to_time_t(floor<std::chrono::seconds>(now));
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  const auto ms = static_cast<int>((now.time_since_epoch() % std::chrono::seconds(1)).count());
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

Appender::Appender(storage::Storage& storage, Hasher& hasher)
    : storage_(storage), hasher_(hasher), recorded_(utc_now()) {
  auto head = storage.chain_head();
  if (!head) {
    throw Error(Errc::corrupt, ErrClass::storage,
                ledger_name(storage) + " is damaged: the record of its audit chain's head is missing (run verify)");
  }
  head_ = *head;
}

EventId Appender::append(storage::EventRecord& event) {
  event.seq = head_.seq + 1;
  event.recorded = recorded_;
  event.prev = head_.hash;
  event.hash = hasher_.link(head_.hash, event);
  storage_.append_event(event);
  head_.seq = event.seq;
  head_.hash = event.hash;
  moved_ = true;
  return event.seq;
}

void Appender::finish() {
  if (moved_) storage_.put_chain_head(head_);
  moved_ = false;
}

}  // namespace duban::ledger
