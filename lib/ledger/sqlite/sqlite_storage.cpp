#include "ledger/sqlite/sqlite_storage.hpp"

#include "duban/plan.hpp"

namespace duban::storage::sqlite {

int SqliteStorage::schema_version() {
  Operation operation(connection_, "read its schema version");
  return static_cast<int>(connection_.query_integer("PRAGMA user_version"));
}

void SqliteStorage::begin(bool write, std::string_view what) {
  outside_transaction_ = connection_.exchange_operation(std::string(what));
  // IMMEDIATE takes the write lock now: a writer that first reads and then
  // writes could otherwise find another writer ahead of it and fail with
  // SQLITE_BUSY halfway, after the busy timeout had no chance to help.
  try {
    connection_.exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
  } catch (...) {
    connection_.exchange_operation(std::move(outside_transaction_));
    throw;
  }
}

void SqliteStorage::commit() {
  connection_.exec("COMMIT");
  connection_.exchange_operation(std::move(outside_transaction_));
}

void SqliteStorage::rollback() noexcept {
  // After some errors (SQLITE_FULL, SQLITE_IOERR) SQLite has already rolled
  // back; a second ROLLBACK would only fail.
  if (sqlite3_get_autocommit(connection_.get()) == 0) {
    sqlite3_exec(connection_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  connection_.exchange_operation(std::move(outside_transaction_));
}

void SqliteStorage::corrupt(const std::string& detail) const {
  throw sqlite_error(SQLITE_CORRUPT, connection_.path(), connection_.operation(), detail);
}

Date SqliteStorage::stored_date(const std::string& text, const char* what) const {
  try {
    return parse_date(text);
  } catch (const Error&) {
    corrupt(std::string(what) + " holds " + quote(text) + ", which is not a date");
  }
}

std::string storable_date(const Date& date, const std::string& what) {
  const int year = static_cast<int>(date.year());
  if (!date.ok() || year < 1 || year > 9999) {
    throw Error(Errc::range, ErrClass::storage,
                what + ": the date is not one a ledger can hold (years 1 to 9999, days that exist)");
  }
  return format_date(date);
}

}  // namespace duban::storage::sqlite
