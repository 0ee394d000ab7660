// Transactions as the Ledger's calls use them: a write takes the write
// lock, refreshes the cached rules, runs, commits; when the file is busy
// past what SQLite's own wait covers, the whole write is tried again a few
// times (LedgerOptions::busy_retries). Whatever a failed write had read
// into the cache is dropped with it.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>

#include "duban/error.hpp"
#include "ledger/rules.hpp"
#include "ledger/storage.hpp"

namespace duban::ledger {

template <typename Body>
auto in_write(storage::Storage& s, Ledger::Rules& rules, std::string_view what, Body&& body) {
  if (s.read_only()) {
    throw Error(Errc::misuse, ErrClass::storage, ledger_name(s) + " is open read-only: cannot " + std::string(what));
  }
  for (int attempt = 0;; ++attempt) {
    try {
      storage::Transaction transaction(s, true, what);
      rules.refresh(s);
      if constexpr (std::is_void_v<decltype(body())>) {
        body();
        transaction.commit();
        return;
      } else {
        auto result = body();
        transaction.commit();
        return result;
      }
    } catch (const Error& e) {
      rules.invalidate();
      if (e.code() != Errc::busy || attempt >= rules.busy_retries) throw;
    } catch (...) {
      rules.invalidate();
      throw;
    }
    // Back off a little more each time, with jitter, so that writers that
    // collided do not collide again in step.
    const auto jitter = std::chrono::steady_clock::now().time_since_epoch().count() % 3000;
    const auto pause = std::chrono::milliseconds(5 * (attempt + 1)) + std::chrono::microseconds(jitter);
    std::this_thread::sleep_for(pause);
  }
}

// What writes of ledger-wide data (directory, plans, coordinator, calendar)
// share, inside in_write (ledger.cpp):
// moves the `revision` setting, so every open ledger drops what it cached;
void bump_revision(storage::Storage& s);
// returns for the host (unit 0) or the coordinating office, else refuses
// `by` naming the action and the rule ("only the coordinating office may RULE").
void check_office(storage::Storage& s, Ledger::Rules& rules, const Actor& by, const std::string& action,
                  const std::string& rule);

template <typename Body>
auto in_read(storage::Storage& s, Ledger::Rules& rules, std::string_view what, Body&& body) {
  storage::Transaction transaction(s, false, what);
  rules.refresh(s);
  if constexpr (std::is_void_v<decltype(body())>) {
    body();
    transaction.commit();
  } else {
    auto result = body();
    transaction.commit();
    return result;
  }
}

}  // namespace duban::ledger
