// The SQLite backend of the ledger. Its SQL lives in this folder only:
// schema.cpp (the schema and its migrations), open.cpp (opening and
// recognising a file), directory.cpp and plans.cpp (the rows).
#pragma once

#include <string>

#include "ledger/sqlite/connection.hpp"
#include "ledger/storage.hpp"

namespace duban::storage::sqlite {

class SqliteStorage final : public Storage {
 public:
  // Opens, recognises and if need be creates or upgrades the file (open.cpp).
  static std::unique_ptr<SqliteStorage> open(std::string path, const LedgerOptions& options);

  SqliteStorage(Connection connection, bool read_only)
      : connection_(std::move(connection)), read_only_(read_only) {}

  const std::string& path() const noexcept override { return connection_.path(); }
  bool read_only() const noexcept override { return read_only_; }
  int schema_version() override;

  void begin(bool write, std::string_view what) override;
  void commit() override;
  void rollback() noexcept override;

  std::vector<Unit> load_units() override;
  void replace_directory(const Directory& directory) override;
  std::optional<UnitUse> find_unit_use(UnitId unit) override;

  std::optional<PlanId> find_same_plan(const Plan& plan) override;
  PlanId insert_plan(const Plan& plan, std::optional<PlanId> id) override;
  void delete_plan(PlanId id) override;
  std::optional<Plan> load_plan(PlanId id) override;
  std::vector<PlanSummary> plans() override;
  std::optional<PlanId> latest_plan() override;

 private:
  // A stored value the model cannot hold: the file was altered outside duban.
  [[noreturn]] void corrupt(const std::string& detail) const;
  template <typename E>
  E stored_enum(std::int64_t value, E first, E last, const char* what) const;
  Date stored_date(const std::string& text, const char* what) const;

  Connection connection_;
  bool read_only_;
  std::string outside_transaction_;  // the operation name begin() replaced
};

template <typename E>
E SqliteStorage::stored_enum(std::int64_t value, E first, E last, const char* what) const {
  if (value < static_cast<std::int64_t>(first) || value > static_cast<std::int64_t>(last)) {
    corrupt(std::string("unknown ") + what + " " + std::to_string(value));
  }
  return static_cast<E>(value);
}

// A date as stored: YYYY-MM-DD. Errc::range for a date outside 0001..9999
// or one that does not exist, naming `what`.
std::string storable_date(const Date& date, const std::string& what);

}  // namespace duban::storage::sqlite
