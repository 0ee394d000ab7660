#include "ledger/sqlite/connection.hpp"

#include <limits>

namespace duban::storage::sqlite {
namespace {

// SQLITE_TRANSIENT is an old-style cast in a macro; this is the same value.
const sqlite3_destructor_type kTransient = reinterpret_cast<sqlite3_destructor_type>(static_cast<std::intptr_t>(-1));

// Paths are long in temporary directories; keep them whole in messages.
constexpr std::size_t kPathQuote = 1024;

Errc errc_for(int rc) noexcept {
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Errc::busy;
    case SQLITE_NOMEM:
      return Errc::nomem;
    case SQLITE_CORRUPT:
      return Errc::corrupt;
    case SQLITE_NOTADB:
      return Errc::inval;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_PROTOCOL:
      return Errc::io;
    case SQLITE_CONSTRAINT:
      return rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY ? Errc::exists : Errc::inval;
    case SQLITE_TOOBIG:
      return Errc::range;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
      return Errc::misuse;
    default:
      return Errc::error;
  }
}

}  // namespace

Error sqlite_error(int rc, std::string_view path, std::string_view operation, std::string_view detail) {
  const Errc code = errc_for(rc);
  std::string message;
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
      message = quote(path, kPathQuote) + " is not a duban ledger";
      break;
    case SQLITE_CORRUPT:
      message = "ledger " + quote(path, kPathQuote) + " is damaged";
      break;
    case SQLITE_READONLY:
      message = "ledger " + quote(path, kPathQuote) + " is read-only";
      break;
    default:
      message = "ledger " + quote(path, kPathQuote);
      break;
  }
  message += ": cannot ";
  message += operation;
  message += ": ";
  message += detail.empty() ? std::string_view(sqlite3_errstr(rc)) : detail;
  message += " (SQLite result code " + std::to_string(rc) + ")";
  return Error(code, ErrClass::storage, message, rc);
}

void Connection::fail(int rc) const {
  // SQLite's message for the last call is only about `rc` when the codes
  // agree; otherwise fall back to the generic text for the code.
  const bool own = db_ && sqlite3_extended_errcode(db_.get()) == rc;
  throw sqlite_error(rc, path_, operation_, own ? sqlite3_errmsg(db_.get()) : sqlite3_errstr(rc));
}

void Connection::exec(const char* sql) const {
  const int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc);
}

std::int64_t Connection::query_integer(const char* sql) const {
  Statement statement(*this, sql);
  if (!statement.step()) return 0;
  return statement.integer(0);
}

Statement::Statement(const Connection& connection, std::string_view sql) : connection_(&connection) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v3(connection.get(), sql.data(), static_cast<int>(sql.size()), 0, &raw, nullptr);
  statement_.reset(raw);
  if (rc != SQLITE_OK) connection.fail(rc);
}

void Statement::check_bind(int rc) const {
  if (rc != SQLITE_OK) connection_->fail(rc);
}

Statement& Statement::bind_int(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(statement_.get(), index, value));
  return *this;
}

Statement& Statement::bind_real(int index, double value) {
  check_bind(sqlite3_bind_double(statement_.get(), index, value));
  return *this;
}

Statement& Statement::bind_text(int index, std::string_view value) {
  check_bind(sqlite3_bind_text64(statement_.get(), index, value.data(), value.size(), kTransient, SQLITE_UTF8));
  return *this;
}

Statement& Statement::bind_blob(int index, const void* data, std::size_t size) {
  check_bind(sqlite3_bind_blob64(statement_.get(), index, data, size, kTransient));
  return *this;
}

Statement& Statement::bind_null(int index) {
  check_bind(sqlite3_bind_null(statement_.get(), index));
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(statement_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  connection_->fail(rc);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() noexcept {
  sqlite3_reset(statement_.get());
  sqlite3_clear_bindings(statement_.get());
}

bool Statement::is_null(int column) const noexcept {
  return sqlite3_column_type(statement_.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const noexcept { return sqlite3_column_int64(statement_.get(), column); }

int Statement::int32(int column) const {
  const std::int64_t v = integer(column);
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
    throw sqlite_error(SQLITE_CORRUPT, connection_->path(), connection_->operation(),
                       "stored value " + std::to_string(v) + " in column " +
                           sqlite3_column_name(statement_.get(), column) + " is out of range");
  }
  return static_cast<int>(v);
}

double Statement::real(int column) const noexcept { return sqlite3_column_double(statement_.get(), column); }

std::string Statement::text(int column) const {
  const auto* p = sqlite3_column_text(statement_.get(), column);
  if (p == nullptr) return {};
  const int n = sqlite3_column_bytes(statement_.get(), column);
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

std::string_view Statement::blob(int column) const noexcept {
  const void* p = sqlite3_column_blob(statement_.get(), column);
  if (p == nullptr) return {};
  const int n = sqlite3_column_bytes(statement_.get(), column);
  return {static_cast<const char*>(p), static_cast<std::size_t>(n)};
}

}  // namespace duban::storage::sqlite
