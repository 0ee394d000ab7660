// The SQLite schema of a duban ledger, as an ordered list of migration steps
// (docs/ledger.md, "Schema versions").
#pragma once

#include <cstdint>

#include "ledger/sqlite/connection.hpp"

namespace duban::storage::sqlite {

// PRAGMA application_id of every duban ledger: "DBAN" in ASCII.
inline constexpr std::int32_t kApplicationId = 0x4442414E;

// The schema version this build writes (PRAGMA user_version); it reads
// every version from 1 up to this one.
int latest_schema_version() noexcept;

// Brings the schema from `from` to the latest version, marking the file as a
// duban ledger. Runs inside the caller's write transaction, so a fresh file
// gets every step or none.
void migrate(const Connection& connection, int from);

}  // namespace duban::storage::sqlite
