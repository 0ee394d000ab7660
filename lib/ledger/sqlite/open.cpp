// Opening a ledger file. Nothing is written until the file is known to be a
// duban ledger this build can read (or an empty file to create one in):
// a foreign, newer or damaged file is refused exactly as it was found.
#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <thread>

#include "ledger/sqlite/schema.hpp"
#include "ledger/sqlite/sqlite_storage.hpp"

namespace duban::storage {

std::unique_ptr<Storage> open_sqlite(std::string path, const LedgerOptions& options) {
  return sqlite::SqliteStorage::open(std::move(path), options);
}

namespace sqlite {
namespace {

constexpr std::size_t kPathQuote = 1024;

// Each ledger owns its connection and is used by one thread at a time, so
// connections are opened without SQLite's mutexes (SQLITE_OPEN_NOMUTEX);
// that is only safe when the library was built thread-safe at all.
void require_thread_safe_sqlite() {
  static const bool thread_safe = sqlite3_threadsafe() != 0;
  if (!thread_safe) {
    throw Error(Errc::error, ErrClass::storage,
                "the SQLite library was built without thread support (SQLITE_THREADSAFE=0); duban needs it");
  }
}

struct Mark {
  std::int64_t application_id = 0;
  std::int64_t version = 0;
  std::int64_t objects = 0;  // tables, indexes, views, triggers

  bool ours() const noexcept { return application_id == kApplicationId; }
  // An empty SQLite file (or a new one): a ledger may be created in it.
  bool blank() const noexcept { return objects == 0 && version == 0 && (application_id == 0 || ours()); }
};

// Reads only the header and the schema table, in the caller's transaction:
// three separate reads could straddle another process creating the schema.
// For a file that is not an SQLite database at all this is where SQLite
// says so (SQLITE_NOTADB).
Mark read_mark(const Connection& connection) {
  Mark mark;
  mark.application_id = connection.query_integer("PRAGMA application_id");
  mark.version = connection.query_integer("PRAGMA user_version");
  mark.objects = connection.query_integer("SELECT count(*) FROM sqlite_master");
  return mark;
}

std::string hex32(std::int64_t value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08llX", static_cast<unsigned long long>(value) & 0xFFFFFFFFULL);
  return buf;
}

// Errors that need no SQLite result code: the file is readable, but not as
// a ledger this build may use.
void require_usable(const Mark& mark, const std::string& path, bool read_only) {
  const int latest = latest_schema_version();
  if (!mark.ours() && !mark.blank()) {
    throw Error(Errc::inval, ErrClass::storage,
                quote(path, kPathQuote) + " is not a duban ledger: it is an SQLite database of another application " +
                    "(application_id " + hex32(mark.application_id) + ", not duban's " + hex32(kApplicationId) + ")");
  }
  if (mark.ours() && mark.version > latest) {
    throw Error(Errc::range, ErrClass::storage,
                "ledger " + quote(path, kPathQuote) + " was written by a newer duban (schema " +
                    std::to_string(mark.version) + ", this build reads up to " + std::to_string(latest) + ")");
  }
  if (mark.ours() && mark.version < 1 && !mark.blank()) {
    throw sqlite_error(SQLITE_CORRUPT, path, "open it", "it is marked as a duban ledger but has no schema version");
  }
  if (read_only && mark.blank()) {
    throw Error(Errc::inval, ErrClass::storage,
                quote(path, kPathQuote) + " is not a duban ledger: it is empty (open it for writing to create one)");
  }
  if (read_only && mark.version < latest) {
    throw Error(Errc::inval, ErrClass::storage,
                "ledger " + quote(path, kPathQuote) + " has schema " + std::to_string(mark.version) +
                    "; open it for writing once to upgrade it to schema " + std::to_string(latest));
  }
}

void check_integrity(const Connection& connection) {
  Statement check(connection, "PRAGMA quick_check(5)");
  std::string findings;
  while (check.step()) {
    std::string row = check.text(0);
    if (row == "ok") return;
    // One finding per line; keep the message on one line.
    std::replace(row.begin(), row.end(), '\n', ' ');
    findings += (findings.empty() ? "" : "; ") + row;
  }
  throw sqlite_error(SQLITE_CORRUPT, connection.path(), connection.operation(), findings);
}

// WAL lets readers work while one process writes. Switching a new file to
// it needs an exclusive lock, and SQLite may answer SQLITE_BUSY at once
// rather than wait in the busy handler; when several processes create one
// ledger together, retry within the busy timeout. A file already in WAL
// mode takes no lock here.
void use_wal(const Connection& connection, std::chrono::milliseconds busy_timeout) {
  const auto give_up = std::chrono::steady_clock::now() + busy_timeout;
  for (;;) {
    try {
      bool wal_already = false;
      {
        Statement mode(connection, "PRAGMA journal_mode");
        wal_already = mode.step() && mode.text(0) == "wal";
      }  // finalized: a live statement would hold a read transaction open
      if (wal_already) return;
      // The result is the mode in force: "memory" for an in-memory ledger.
      Statement wal(connection, "PRAGMA journal_mode = WAL");
      wal.step();
      return;
    } catch (const Error& e) {
      if (e.code() != Errc::busy || std::chrono::steady_clock::now() >= give_up) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

// The chain's hash is chosen once, when the chain starts: with a new file,
// or with the upgrade that adds the chain. Asking for another hash later is
// refused rather than ignored, so a caller never believes it got SHA-256
// when the file uses SM3.
void apply_hash_choice(SqliteStorage& storage, HashAlgorithm wanted, bool chain_starts) {
  const std::string name(to_string(wanted));
  const auto stored = storage.setting("hash_algorithm");
  if (stored && *stored == name) return;
  if (chain_starts) {
    storage.put_setting("hash_algorithm", name);
    return;
  }
  throw Error(Errc::inval, ErrClass::storage,
              "ledger " + quote(storage.path(), kPathQuote) + " keeps its audit chain with " +
                  (stored ? *stored : std::string("an unknown hash")) + "; it cannot change to " + name);
}

// SQLite's max_page_count is per connection: set on every open. A ceiling
// below the file's size is raised by SQLite to that size, so existing data
// always stays readable.
void apply_max_size(const Connection& connection, std::int64_t max_size) {
  if (max_size <= 0) return;
  const std::int64_t page_size = std::max<std::int64_t>(connection.query_integer("PRAGMA page_size"), 512);
  const std::int64_t pages = std::max<std::int64_t>(max_size / page_size, 1);
  Statement ceiling(connection, "PRAGMA max_page_count = " + std::to_string(pages));
  while (ceiling.step()) {
  }
}

}  // namespace

std::unique_ptr<SqliteStorage> SqliteStorage::open(std::string path, const LedgerOptions& options) {
  if (path.empty()) throw Error(Errc::inval, ErrClass::storage, "ledger path is empty");
  require_thread_safe_sqlite();
  const bool memory = path == ":memory:";
  if (!memory && (!options.create || options.read_only)) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      throw Error(Errc::notfound, ErrClass::storage, "ledger " + quote(path, kPathQuote) + " does not exist");
    }
  }

  int flags = SQLITE_OPEN_NOMUTEX;
  if (options.read_only) {
    flags |= SQLITE_OPEN_READONLY;
  } else {
    flags |= SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0);
  }
#ifdef SQLITE_OPEN_EXRESCODE
  flags |= SQLITE_OPEN_EXRESCODE;
#endif
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  DbPtr db(raw);  // SQLite hands out a handle even on failure; it must be closed
  if (rc != SQLITE_OK) {
    throw sqlite_error(rc, path, "open it", db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(rc));
  }
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), static_cast<int>(std::clamp<std::chrono::milliseconds::rep>(
                                     options.busy_timeout.count(), 0, INT_MAX)));

  auto storage = std::make_unique<SqliteStorage>(Connection(std::move(db), std::move(path)), options.read_only);
  Connection& connection = storage->connection_;
  Operation operation(connection, "open it");

  // SQLite quietly opens a write-protected file read-only; say so now
  // rather than at the first save.
  if (!options.read_only && sqlite3_db_readonly(connection.get(), "main") == 1) {
    throw sqlite_error(SQLITE_READONLY, connection.path(), "open it for writing",
                       "the file is write-protected (open it read-only to read it)");
  }

  Mark mark;
  {
    Transaction reading(*storage, false, "open it");
    mark = read_mark(connection);
    reading.commit();
  }
  require_usable(mark, connection.path(), options.read_only);
  if (options.check_integrity) {
    Operation checking(connection, "check its integrity");
    check_integrity(connection);
  }

  connection.exec("PRAGMA foreign_keys = ON");
  if (options.read_only) {
    if (options.hash) {
      Transaction reading(*storage, false, "read its settings");
      apply_hash_choice(*storage, *options.hash, false);
      reading.commit();
    }
    return storage;
  }

  use_wal(connection, options.busy_timeout);
  apply_max_size(connection, options.max_size);

  if (mark.blank() || mark.version < latest_schema_version() || options.hash) {
    Transaction transaction(*storage, true, mark.blank() ? "create its schema" : "upgrade its schema");
    // Another process may have created or upgraded the file while this one
    // waited for the write lock: decide again under the lock.
    const Mark now = read_mark(connection);
    require_usable(now, connection.path(), false);
    const bool chain_starts = now.blank() || now.version < 2;
    if (now.blank() || now.version < latest_schema_version()) migrate(connection, static_cast<int>(now.version));
    if (options.hash) {
      const auto head = storage->chain_head();
      apply_hash_choice(*storage, *options.hash, chain_starts || (head && head->seq == 0));
    }
    transaction.commit();
  }
  return storage;
}

}  // namespace sqlite
}  // namespace duban::storage
