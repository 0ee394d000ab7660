// Stored runs: each run's result JSON, with the scheme's name and version,
// the as-of date and the digest of its inputs, in a table of its own in
// the ledger file (assess_runs). The ledger layer does not know the table:
// it is outside the audit chain and the ledger's schema versions, so it
// can move into the ledger proper later without a migration of its data
// model — only of where the rows live.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>

#include "duban/assess.hpp"
#include "duban/error.hpp"

namespace duban {
namespace {

constexpr std::int64_t kLedgerApplicationId = 0x4442414E;  // "DBAN", as lib/ledger marks its files

struct Closer {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct Finalizer {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, Closer>;
using Stmt = std::unique_ptr<sqlite3_stmt, Finalizer>;

[[noreturn]] void fail(sqlite3* db, const std::string& path, const std::string& what, int rc) {
  const Errc code = rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? Errc::busy
                    : rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ? Errc::corrupt
                                                                  : Errc::io;
  throw Error(code, ErrClass::storage,
              "ledger " + quote(path, 1024) + ": cannot " + what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)),
              rc);
}

Stmt prepare(sqlite3* db, const std::string& path, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql, -1, &raw, nullptr);
  Stmt s(raw);
  if (rc != SQLITE_OK) fail(db, path, "prepare a statement", rc);
  return s;
}

std::int64_t scalar(sqlite3* db, const std::string& path, const char* sql) {
  Stmt s = prepare(db, path, sql);
  const int rc = sqlite3_step(s.get());
  if (rc != SQLITE_ROW) fail(db, path, "read it", rc);
  return sqlite3_column_int64(s.get(), 0);
}

Db open_ledger(const std::string& path, bool write) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw Error(Errc::notfound, ErrClass::storage, "ledger " + quote(path, 1024) + " does not exist");
  }
  sqlite3* raw = nullptr;
  const int flags = (write ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) fail(db.get(), path, "open it", rc);
  sqlite3_busy_timeout(db.get(), 5000);
  std::int64_t id = 0;
  try {
    id = scalar(db.get(), path, "PRAGMA application_id");
  } catch (const Error&) {
    throw Error(Errc::inval, ErrClass::storage, quote(path, 1024) + " is not a duban ledger");
  }
  if (id != kLedgerApplicationId) {
    throw Error(Errc::inval, ErrClass::storage, quote(path, 1024) + " is not a duban ledger");
  }
  return db;
}

void exec(sqlite3* db, const std::string& path, const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    const std::string m = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throw Error(Errc::io, ErrClass::storage, "ledger " + quote(path, 1024) + ": " + m, rc);
  }
}

bool has_table(sqlite3* db, const std::string& path) {
  return scalar(db, path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'assess_runs'") > 0;
}

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void bind_text(sqlite3_stmt* s, int i, const std::string& v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

std::string column_text(sqlite3_stmt* s, int i) {
  const auto* p = sqlite3_column_text(s, i);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(s, i)))
           : std::string();
}

}  // namespace

std::int64_t store_run(const std::string& path, const Assessment& result, std::int64_t plan_id) {
  const std::string json = to_json(result);
  Db db = open_ledger(path, true);
  exec(db.get(), path,
       "CREATE TABLE IF NOT EXISTS assess_runs ("
       " id INTEGER PRIMARY KEY,"
       " created TEXT NOT NULL,"
       " plan_id INTEGER NOT NULL,"
       " scheme_name TEXT NOT NULL,"
       " scheme_version TEXT NOT NULL,"
       " as_of TEXT NOT NULL,"
       " digest TEXT NOT NULL,"
       " result TEXT NOT NULL)");
  Stmt s = prepare(db.get(), path,
                   "INSERT INTO assess_runs (created, plan_id, scheme_name, scheme_version, as_of, digest, result) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?)");
  bind_text(s.get(), 1, now_utc());
  sqlite3_bind_int64(s.get(), 2, plan_id);
  bind_text(s.get(), 3, result.scheme_name);
  bind_text(s.get(), 4, result.scheme_version);
  bind_text(s.get(), 5, format_date(result.as_of));
  bind_text(s.get(), 6, result.digest);
  bind_text(s.get(), 7, json);
  const int rc = sqlite3_step(s.get());
  if (rc != SQLITE_DONE) fail(db.get(), path, "store the run", rc);
  return sqlite3_last_insert_rowid(db.get());
}

std::vector<StoredRun> stored_runs(const std::string& path) {
  Db db = open_ledger(path, false);
  std::vector<StoredRun> out;
  if (!has_table(db.get(), path)) return out;
  Stmt s = prepare(db.get(), path,
                   "SELECT id, created, scheme_name, scheme_version, as_of, digest FROM assess_runs ORDER BY id");
  int rc = 0;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    out.push_back({sqlite3_column_int64(s.get(), 0), column_text(s.get(), 1), column_text(s.get(), 2),
                   column_text(s.get(), 3), column_text(s.get(), 4), column_text(s.get(), 5)});
  }
  if (rc != SQLITE_DONE) fail(db.get(), path, "list the stored runs", rc);
  return out;
}

std::string load_run(const std::string& path, std::int64_t id) {
  Db db = open_ledger(path, false);
  if (has_table(db.get(), path)) {
    Stmt s = prepare(db.get(), path, "SELECT result FROM assess_runs WHERE id = ?");
    sqlite3_bind_int64(s.get(), 1, id);
    const int rc = sqlite3_step(s.get());
    if (rc == SQLITE_ROW) return column_text(s.get(), 0);
    if (rc != SQLITE_DONE) fail(db.get(), path, "read the run", rc);
  }
  throw Error(Errc::notfound, ErrClass::storage,
              "ledger " + quote(path, 1024) + " has no stored assessment run " + std::to_string(id));
}

}  // namespace duban
