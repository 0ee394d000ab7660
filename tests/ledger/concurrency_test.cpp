// Many writers, crashes and full disks: every report is present exactly
// once, a batch is all there or not at all, the file stays sound and the
// chain intact. Processes are forked; each opens the ledger on its own.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "ledger/report_support.hpp"

namespace duban {
namespace {

using namespace std::chrono_literals;
using report_testing::ExampleLedger;
using report_testing::expect_error;
using report_testing::in_child;
using report_testing::kCadres;
using report_testing::kExperts;
using report_testing::kFunds;
using report_testing::kParks;
using report_testing::raw_count;
using report_testing::raw_text;
using report_testing::ymd;

class LedgerConcurrency : public ExampleLedger {
 protected:
  // `count` reports by `unit_name` on `task`, each narrative `tag`-N.
  std::vector<Report> reports(const Ledger& ledger, TaskId task, const char* unit_name, const std::string& tag,
                              int count) const {
    std::vector<Report> out;
    out.reserve(static_cast<std::size_t>(count));
    Report r = report(ledger, task, unit_name, ymd(2025, 5, 1), 50);
    r.indicators = {{"指标", 1, "项"}};
    r.evidence = {"佐证.pdf"};
    for (int i = 0; i < count; ++i) {
      r.narrative = tag + "-" + std::to_string(i);
      r.date = ymd(2025, 5, 1 + static_cast<unsigned>(i % 28));
      out.push_back(r);
    }
    return out;
  }

  std::string integrity() const { return raw_text(path, "PRAGMA integrity_check"); }
};

TEST_F(LedgerConcurrency, FourProcessesWriteAThousandReportsEach) {
  struct Writer {
    TaskId task;
    const char* unit;
  };
  const std::vector<Writer> writers = {
      {kExperts, "区教育局"}, {kCadres, "区委组织部"}, {kParks, "区商务委"}, {kFunds, "区财政局"}};
  constexpr int kPerProcess = 1000;
  std::vector<std::pair<pid_t, int>> children;
  for (std::size_t w = 0; w < writers.size(); ++w) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      std::string said = "ok";
      try {
        auto ledger = open();
        const auto all = reports(ledger, writers[w].task, writers[w].unit, "p" + std::to_string(w), kPerProcess);
        // Half one transaction each, half in batches of ten: both kinds
        // of write take turns with the other processes.
        std::size_t i = 0;
        for (; i < all.size() / 2; ++i) ledger.add_report(all[i]);
        for (; i < all.size(); i += 10) ledger.add_reports(std::span<const Report>(all).subspan(i, 10));
      } catch (const std::exception& e) {
        said = e.what();
      }
      const ssize_t n = write(fds[1], said.data(), said.size());
      _exit(n == static_cast<ssize_t>(said.size()) ? 0 : 1);
    }
    close(fds[1]);
    children.emplace_back(pid, fds[0]);
  }
  for (const auto& [pid, fd] : children) {
    std::string said;
    char buf[512];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) said.append(buf, static_cast<std::size_t>(n));
    close(fd);
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_EQ(said, "ok");
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }

  auto ledger = open();
  EXPECT_EQ(ledger.event_count(), 3 + 4 * kPerProcess);
  // Every report once: 4,000 distinct narratives, none twice, none missing.
  EXPECT_EQ(raw_count(path, "SELECT count(*) FROM events WHERE kind = 1"), 4 * kPerProcess);
  EXPECT_EQ(raw_count(path, "SELECT count(DISTINCT text) FROM events WHERE kind = 1"), 4 * kPerProcess);
  for (std::size_t w = 0; w < writers.size(); ++w) {
    EXPECT_EQ(raw_count(path, "SELECT count(*) FROM events WHERE text LIKE 'p" + std::to_string(w) + "-%'"),
              kPerProcess);
  }
  // Seqs are dense: no gap, no repeat.
  EXPECT_EQ(raw_count(path, "SELECT max(seq) - min(seq) + 1 - count(*) FROM events"), 0);
  EXPECT_EQ(raw_count(path, "SELECT count(*) FROM event_values"), 4 * kPerProcess);
  const ChainCheck check = ledger.verify();
  EXPECT_TRUE(check.intact()) << check.message;
  EXPECT_EQ(check.events, 3 + 4 * kPerProcess);
  EXPECT_EQ(integrity(), "ok");
}

// A writer killed (SIGKILL) while its batch is on its way into the file:
// in round 0 during its first batch, in round 1 during its second, after
// the first was committed. The write-ahead log shows when a batch is under
// way: SQLite spills the batch's pages into it long before the commit.
TEST_F(LedgerConcurrency, AProcessKilledInTheMiddleOfABatchLeavesItWhollyAbsent) {
  constexpr int kBatch = 40000;
  const std::string wal = path + "-wal";
  const auto stamp = [&] {
    std::error_code ec;
    const auto size = std::filesystem::file_size(wal, ec);
    const auto time = std::filesystem::last_write_time(wal, ec);
    return std::make_pair(ec ? 0U : size, time.time_since_epoch().count());
  };
  for (int round = 0; round < 2; ++round) {
    const std::int64_t before = open().event_count();
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      auto ledger = open();
      for (int k = 0;; ++k) {
        const auto batch =
            reports(ledger, kExperts, "区教育局", "r" + std::to_string(round) + "b" + std::to_string(k), kBatch);
        const char ready = 'r';
        if (write(fds[1], &ready, 1) != 1) _exit(1);
        ledger.add_reports(batch);
        const char done = 'c';
        if (write(fds[1], &done, 1) != 1) _exit(1);
      }
    }
    close(fds[1]);
    int commits = 0;
    char c = 0;
    // Skip the batches to commit this round, then wait for the next one to
    // be handed to the ledger.
    for (;;) {
      ASSERT_EQ(read(fds[0], &c, 1), 1);
      if (c == 'c') ++commits;
      if (c == 'r' && commits == round) break;
    }
    const auto quiet = stamp();
    const auto give_up = std::chrono::steady_clock::now() + 120s;
    bool killed = false;
    while (std::chrono::steady_clock::now() < give_up) {
      if (stamp() != quiet) {
        // Well into the batch, well before its end (writing 40,000
        // reports takes hundreds of milliseconds).
        std::this_thread::sleep_for(20ms);
        ASSERT_EQ(kill(pid, SIGKILL), 0);
        killed = true;
        break;
      }
      std::this_thread::sleep_for(200us);
    }
    ASSERT_TRUE(killed) << "the batch never reached the write-ahead log";
    int status = 0;
    waitpid(pid, &status, 0);
    // Nothing more was committed after the kill was decided.
    for (ssize_t n; (n = read(fds[0], &c, 1)) > 0;) commits += c == 'c';
    close(fds[0]);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    EXPECT_EQ(commits, round);

    // Reopened: the committed batches whole, the one in flight absent.
    EXPECT_EQ(integrity(), "ok");
    auto ledger = open();
    const ChainCheck check = ledger.verify();
    EXPECT_TRUE(check.intact()) << check.message;
    EXPECT_EQ(ledger.event_count(), before + static_cast<std::int64_t>(commits) * kBatch);
    const std::string tag = "r" + std::to_string(round) + "b";
    for (int k = 0; k <= commits; ++k) {
      EXPECT_EQ(raw_count(path, "SELECT count(*) FROM events WHERE text LIKE '" + tag + std::to_string(k) + "-%'"),
                k < commits ? kBatch : 0)
          << "batch " << k;
    }
    // And the ledger goes on.
    EXPECT_NO_THROW(ledger.add_report(report(ledger, kExperts, "区教育局", ymd(2025, 6, 1), 60)));
    EXPECT_TRUE(ledger.verify().intact());
  }
}

TEST_F(LedgerConcurrency, BusyWritesAreRetriedABoundedNumberOfTimes) {
  // Another connection holds the write lock for 250 ms. Waiting 100 ms at
  // a time, a writer with three retries gets through; one without fails.
  const auto hold = [&](std::chrono::milliseconds how_long) {
    sqlite3* other = nullptr;
    EXPECT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    return std::thread([other, how_long] {
      std::this_thread::sleep_for(how_long);
      sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
      sqlite3_close(other);
    });
  };
  {
    auto ledger = Ledger::open(path, {.busy_timeout = 100ms, .busy_retries = 0});
    const Report r = report(ledger, kExperts, "区教育局", ymd(2025, 5, 1), 10);
    std::thread holder = hold(250ms);
    const Error e = expect_error([&] { ledger.add_report(r); }, Errc::busy);
    EXPECT_EQ(std::string(e.what()),
              "ledger '" + path + "': cannot add a report: database is locked (SQLite result code 5)");
    holder.join();
  }
  auto ledger = Ledger::open(path, {.busy_timeout = 100ms, .busy_retries = 3});
  const Report r = report(ledger, kExperts, "区教育局", ymd(2025, 5, 1), 10);
  std::thread holder = hold(250ms);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_NO_THROW(ledger.add_report(r));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 200ms);
  holder.join();
  EXPECT_TRUE(ledger.verify().intact());
}

TEST_F(LedgerConcurrency, AFullDiskIsAClearErrorAndChangesNothing) {
  // No tmpfs without privileges here: SQLite's max_page_count (what
  // LedgerOptions::max_size sets) makes the file full at a chosen size,
  // and SQLite answers SQLITE_FULL exactly as for a full disk.
  const auto size = static_cast<std::int64_t>(std::filesystem::file_size(path));
  auto ledger = Ledger::open(path, {.max_size = size + 16 * 4096});
  const ChainCheck before = ledger.verify();
  const auto batch = reports(ledger, kExperts, "区教育局", "full", 5000);
  const Error e = expect_error([&] { ledger.add_reports(batch); }, Errc::io);
  EXPECT_EQ(e.klass(), ErrClass::storage);
  EXPECT_EQ(e.subcode() & 0xff, SQLITE_FULL);
  EXPECT_EQ(std::string(e.what()),
            "ledger '" + path + "': cannot add 5000 reports: database or disk is full (SQLite result code 13)");
  EXPECT_EQ(ledger.event_count(), before.events);
  const ChainCheck after = ledger.verify();
  EXPECT_TRUE(after.intact());
  EXPECT_EQ(after.head, before.head);
  // What fits still goes in.
  EXPECT_NO_THROW(ledger.add_report(batch.front()));
  ledger.close();
  EXPECT_EQ(integrity(), "ok");
  EXPECT_EQ(raw_count(path, "SELECT count(*) FROM events WHERE text LIKE 'full-%'"), 1);
}

TEST_F(LedgerConcurrency, AWriteTheSystemRefusesChangesNothing) {
  // A file-size limit (RLIMIT_FSIZE) makes the operating system refuse the
  // write itself, as a full disk does; the process ignores SIGXFSZ so that
  // the refusal comes back as an error.
  const ChainCheck before = open().verify();
  const std::string said = in_child([&]() -> std::string {
    signal(SIGXFSZ, SIG_IGN);
    auto ledger = open();
    const auto batch = reports(ledger, kExperts, "区教育局", "limit", 5000);
    rlimit limit{};
    limit.rlim_cur = limit.rlim_max = 256 * 1024;
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) return "setrlimit failed";
    try {
      ledger.add_reports(batch);
      return "written";
    } catch (const Error& e) {
      return std::to_string(static_cast<int>(e.code())) + "|" + e.what();
    }
  });
  // SQLite reports the refused write as SQLITE_IOERR_WRITE (778).
  EXPECT_EQ(said, std::to_string(static_cast<int>(Errc::io)) + "|ledger '" + path +
                      "': cannot add 5000 reports: disk I/O error (SQLite result code 778)");
  EXPECT_EQ(integrity(), "ok");
  auto ledger = open();
  const ChainCheck after = ledger.verify();
  EXPECT_TRUE(after.intact()) << after.message;
  EXPECT_EQ(after.head, before.head);
  EXPECT_EQ(raw_count(path, "SELECT count(*) FROM events WHERE text LIKE 'limit-%'"), 0);
}

TEST_F(LedgerConcurrency, AReadOnlyLedgerRefusesEveryWriteAndIsUnchanged) {
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                         std::filesystem::perms::others_read);
  const std::string bytes = ledger_testing::read_bytes(path);
  auto ledger = Ledger::open(path, {.read_only = true});
  EXPECT_TRUE(ledger.verify().intact());
  const std::string prefix = "ledger '" + path + "' is open read-only: cannot ";
  const auto refused = [&](const std::function<void()>& f, const std::string& what) {
    const Error e = expect_error(f, Errc::misuse);
    EXPECT_EQ(std::string(e.what()), prefix + what);
  };
  const Report r = report(ledger, kExperts, "区教育局", ymd(2025, 5, 1), 10);
  refused([&] { ledger.add_report(r); }, "add a report");
  refused([&] { ledger.add_reports(std::vector<Report>{r, r}); }, "add 2 reports");
  refused([&] { ledger.import_reports("task,unit,date,status\n5,区教育局,2025-05-01,done\n", plan, "x.csv"); },
          "import reports from x.csv");
  refused([&] { ledger.submit_closure(r.item, step(ledger, "区教育局", ymd(2025, 5, 1), "", {"a"})); },
          "submit a closure");
  refused([&] { ledger.approve_closure(4, step(ledger, "区合作交流办", ymd(2025, 5, 1))); }, "approve a closure");
  refused([&] { ledger.request_extension(r.item, ymd(2025, 12, 1), step(ledger, "区教育局", ymd(2025, 5, 1), "x")); },
          "request an extension");
  refused([&] { ledger.set_coordinator(unit(ledger, "区教育局")); }, "set the coordinating office");
  ledger.close();
  EXPECT_EQ(ledger_testing::read_bytes(path), bytes);
}

}  // namespace
}  // namespace duban
