// SQLite handles with RAII, prepared statements with bound parameters, and
// the one translation of SQLite result codes into duban::Error.
//
// Private to lib/ledger/sqlite: no sqlite3 type leaves this folder.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "duban/error.hpp"

namespace duban::storage::sqlite {

struct CloseDb {
  // close_v2 never fails: with statements still open it defers the close.
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};
using DbPtr = std::unique_ptr<sqlite3, CloseDb>;
using StatementPtr = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// The one place an SQLite result code becomes a duban::Error: the code by
// kind of failure, class storage, subcode the extended result code, and a
// message naming the file and what was being done.
Error sqlite_error(int rc, std::string_view path, std::string_view operation, std::string_view detail);

class Connection {
 public:
  Connection(DbPtr db, std::string path) : db_(std::move(db)), path_(std::move(path)) {}

  sqlite3* get() const noexcept { return db_.get(); }
  const std::string& path() const noexcept { return path_; }
  const std::string& operation() const noexcept { return operation_; }
  // Sets what the connection is doing, for messages; returns the previous.
  std::string exchange_operation(std::string operation) { return std::exchange(operation_, std::move(operation)); }

  // Throws the error for `rc`, with SQLite's message for the last failure on
  // this connection when it belongs to `rc`.
  [[noreturn]] void fail(int rc) const;

  // Runs SQL that carries no values: schema steps and transaction control.
  // Anything with a value goes through Statement and its bind calls.
  void exec(const char* sql) const;
  // The first column of the first row of a value-free query (a PRAGMA).
  std::int64_t query_integer(const char* sql) const;

 private:
  DbPtr db_;
  std::string path_;
  std::string operation_ = "use";
};

// Names what the connection is doing ("load plan 3") for error messages,
// for the lifetime of this object.
class Operation {
 public:
  Operation(Connection& connection, std::string name)
      : connection_(connection), saved_(connection.exchange_operation(std::move(name))) {}
  Operation(const Operation&) = delete;
  Operation& operator=(const Operation&) = delete;
  ~Operation() { connection_.exchange_operation(std::move(saved_)); }

 private:
  Connection& connection_;
  std::string saved_;
};

class Statement {
 public:
  Statement(const Connection& connection, std::string_view sql);

  // Parameters count from 1, as in SQLite.
  Statement& bind_int(int index, std::int64_t value);
  Statement& bind_bool(int index, bool value) { return bind_int(index, value ? 1 : 0); }
  Statement& bind_real(int index, double value);
  Statement& bind_text(int index, std::string_view value);
  Statement& bind_null(int index);
  Statement& bind_blob(int index, const void* data, std::size_t size);
  Statement& bind_int(int index, const std::optional<std::int64_t>& value) {
    return value ? bind_int(index, *value) : bind_null(index);
  }
  Statement& bind_real(int index, const std::optional<double>& value) {
    return value ? bind_real(index, *value) : bind_null(index);
  }

  // True when a row is ready; false when the statement is done.
  bool step();
  // Steps a statement that returns no rows, then resets it for reuse.
  void run();
  // Ready to run again with new bindings.
  void reset() noexcept;

  // Columns count from 0, as in SQLite.
  bool is_null(int column) const noexcept;
  std::int64_t integer(int column) const noexcept;
  int int32(int column) const;  // Errc::corrupt when the value does not fit
  double real(int column) const noexcept;
  std::string text(int column) const;
  // Valid until the next step or reset.
  std::string_view blob(int column) const noexcept;

 private:
  void check_bind(int rc) const;

  const Connection* connection_;
  StatementPtr statement_;
};

// Resets a (cached) statement when the scope ends, however it ends, so
// that it holds no read lock and no old bindings when it is next used.
class Rewind {
 public:
  explicit Rewind(Statement& statement) : statement_(statement) {}
  Rewind(const Rewind&) = delete;
  Rewind& operator=(const Rewind&) = delete;
  ~Rewind() { statement_.reset(); }

 private:
  Statement& statement_;
};

}  // namespace duban::storage::sqlite
