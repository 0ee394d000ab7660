// The audit chain: every event's hash covers the previous event's hash and
// the event's stored values, so changing, removing or inserting an event
// breaks the chain at that event (docs/ledger.md, "The audit chain").
//
// OpenSSL's EVP interface computes SM3 or SHA-256; nothing of OpenSSL
// leaves this pair of files.
#pragma once

#include <memory>
#include <string>

#include "duban/report.hpp"
#include "ledger/storage.hpp"

namespace duban::ledger {

class Hasher {
 public:
  // Errc::error (class storage) when this OpenSSL cannot compute the
  // algorithm (SM3 is missing from some FIPS-only builds).
  explicit Hasher(HashAlgorithm algorithm);
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  ~Hasher();

  HashAlgorithm algorithm() const noexcept { return algorithm_; }

  // H(prev || encoding of every stored field of `event` but seq, prev and
  // hash). The seq is left out on purpose: renumbering events is caught by
  // the links, and verify can then tell an insertion from an alteration.
  storage::Digest link(const storage::Digest& prev, const storage::EventRecord& event);

 private:
  struct Context;
  HashAlgorithm algorithm_;
  std::unique_ptr<Context> context_;
  std::string buffer_;  // reused encoding buffer
};

std::string to_hex(const storage::Digest& digest);

// The hash a ledger names in its settings; Errc::corrupt for a name this
// build does not know.
HashAlgorithm stored_algorithm(const std::optional<std::string>& name, const std::string& ledger_name);

}  // namespace duban::ledger
