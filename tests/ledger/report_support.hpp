// Shared by the report, workflow, chain and concurrency suites: a ledger
// holding the example plan (examples/plans/east-west-2025.json) with
// 区合作交流办 as the coordinating office, units by name, and raw SQLite
// access for the tests that edit the file behind the ledger's back.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "duban/json.hpp"
#include "duban/ledger.hpp"
#include "ledger/ledger_support.hpp"

namespace duban::report_testing {

using ledger_testing::expect_error;
using ledger_testing::TempDir;
using ledger_testing::ymd;

inline PlanFile example_file() {
  std::ifstream in(std::string(DUBAN_SOURCE_DIR) + "/examples/plans/east-west-2025.json", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return parse_plan_file(text.str(), "east-west-2025.json");
}

// Task ids of the example plan (its keys are its numbers; m1, m2 are the
// guarantee measures).
inline constexpr TaskId kMonthly =
    3;  // 建立月度报告制度: 区合作交流办 leads, 领导小组成员单位 responsible; monthly, day 10
inline constexpr TaskId kCadres = 4;  // 选派挂职干部: 区委组织部 leads; due 2025-06-30
inline constexpr TaskId kExperts = 5;  // 选派专业技术人才: 区教育局 and 区卫生健康委 lead; due 2025-10-31
inline constexpr TaskId kFunds = 7;  // 落实财政帮扶资金: 区财政局 leads, 区合作交流办 responsible; due 2025-06-30
inline constexpr TaskId kSocial = 8;  // 动员社会帮扶资金: 区合作交流办 leads, 各街镇 support; ongoing
inline constexpr TaskId kParks = 9;   // 推进园区共建: 区商务委 leads; due 2025-12-31
inline constexpr TaskId kExchange = 16;  // 促进交往交流交融: due 2025-08-31 (a Sunday: 2025-09-01)

// A fresh ledger file with the example plan (plan 1) and its coordinator.
class ExampleLedger : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ledger = Ledger::open(path, options());
    plan = ledger.import_plan(example_file());
    ledger.set_coordinator(unit(ledger, "区合作交流办"));
  }

  virtual LedgerOptions options() const { return {}; }

  Ledger open() const { return Ledger::open(path, options()); }

  static UnitId unit(const Ledger& ledger, std::string_view name) {
    const auto id = ledger.load_directory().lookup(name);
    EXPECT_TRUE(id.has_value()) << name;
    return id.value_or(0);
  }

  Report report(const Ledger& ledger, TaskId task, std::string_view unit_name, Date date, double percent,
                std::string narrative = {}) const {
    Report r;
    r.item = ItemRef{plan, task, {}};
    r.actor = Actor{unit(ledger, unit_name), "测试员"};
    r.date = date;
    r.status = percent >= 100 ? ReportStatus::done : ReportStatus::in_progress;
    r.percent = percent;
    r.narrative = std::move(narrative);
    return r;
  }

  Step step(const Ledger& ledger, std::string_view unit_name, Date date, std::string reason = {},
            std::vector<std::string> evidence = {}) const {
    return Step{Actor{unit(ledger, unit_name), {}}, date, std::move(reason), std::move(evidence)};
  }

  TempDir tmp;
  const std::string path = tmp.file("reports.duban");
  PlanId plan = 0;
};

// Runs SQL on the file through a connection of its own, as someone editing
// the file by hand would.
inline void raw_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (message != nullptr ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

inline std::int64_t raw_count(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return -1;
  sqlite3_stmt* statement = nullptr;
  std::int64_t out = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    out = sqlite3_column_int64(statement, 0);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return out;
}

inline std::string raw_text(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return "(cannot open)";
  sqlite3_stmt* statement = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK) {
    while (sqlite3_step(statement) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(statement, 0);
      if (!out.empty()) out += "\n";
      out += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return out;
}

// Runs `body` in a child process and returns what it said (stdout of the
// body, through a pipe); the child never returns into the test runner.
inline std::string in_child(const std::function<std::string()>& body) {
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string out;
    try {
      out = body();
    } catch (const std::exception& e) {
      out = std::string("exception: ") + e.what();
    } catch (...) {
      out = "unexpected exception";
    }
    const ssize_t written = write(fds[1], out.data(), out.size());
    _exit(written == static_cast<ssize_t>(out.size()) ? 0 : 1);
  }
  close(fds[1]);
  std::string out;
  char buf[512];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return out;
}

}  // namespace duban::report_testing
