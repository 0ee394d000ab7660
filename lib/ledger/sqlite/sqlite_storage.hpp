// The SQLite backend of the ledger. Its SQL lives in this folder only:
// schema.cpp (the schema and its migrations), open.cpp (opening and
// recognising a file), directory.cpp and plans.cpp (the rows), events.cpp
// (reports, workflow events, the chain and the settings).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

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

  std::optional<std::string> setting(std::string_view key) override;
  void put_setting(std::string_view key, std::string_view value) override;
  std::optional<ChainHead> chain_head() override;
  void put_chain_head(const ChainHead& head) override;
  void append_event(const EventRecord& event) override;
  std::optional<EventRecord> load_event(EventId seq) override;
  std::int64_t event_count() override;
  std::vector<EventRecord> task_events(PlanId plan, TaskId task, const std::optional<std::string>& instance,
                                       std::string_view until_date, bool details) override;
  void scan_plan_events(PlanId plan, std::string_view until_date,
                        const std::function<void(const EventRecord&)>& visit) override;
  std::vector<EventRecord> indicator_reports(PlanId plan, std::string_view until_date) override;
  void scan_chain(const std::function<bool(const EventRecord&)>& visit) override;
  std::vector<EventId> referring(EventId seq) override;
  std::optional<UnitEvent> find_unit_event(UnitId unit) override;
  std::vector<std::pair<TaskId, std::string>> tasks_with_events(PlanId plan) override;
  std::vector<EventRecord> calendar_events() override;

  Connection& connection() noexcept { return connection_; }

 private:
  // Prepared once per connection and reused: appending a million events
  // must not parse the same SQL a million times. Keyed by the address of
  // the SQL literal.
  Statement& cached(const char* sql);
  // Fills indicators and evidence of records ordered by seq.
  void load_details(std::vector<EventRecord>& records);
  // A stored value the model cannot hold: the file was altered outside duban.
  [[noreturn]] void corrupt(const std::string& detail) const;
  template <typename E>
  E stored_enum(std::int64_t value, E first, E last, const char* what) const;
  Date stored_date(const std::string& text, const char* what) const;

  Connection connection_;
  bool read_only_;
  std::string outside_transaction_;  // the operation name begin() replaced
  // Declared after connection_, so destroyed (finalized) before it closes.
  std::unordered_map<const char*, std::unique_ptr<Statement>> statements_;
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
