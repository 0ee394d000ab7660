// Files the ledger must refuse — newer, foreign, damaged, write-protected,
// locked, missing — each with a clear error, and each left as it was found.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "duban/ledger.hpp"
#include "ledger/ledger_support.hpp"

namespace duban {
namespace {

using namespace std::chrono_literals;
using ledger_testing::expect_error;
using ledger_testing::read_bytes;
using ledger_testing::sample_directory;
using ledger_testing::sample_plan;
using ledger_testing::TempDir;
using ledger_testing::write_bytes;

// A ledger of several pages: the sample plan plus many long tasks, so that
// damage in the middle of the file lands in table and index pages.
void build_ledger(const std::string& path) {
  auto ledger = Ledger::open(path);
  ledger.save_directory(sample_directory());
  Plan plan = sample_plan();
  for (int i = 1; i <= 300; ++i) {
    Task t;
    t.key = "b" + std::to_string(i);
    t.number = t.key;
    t.title = "第" + std::to_string(i) + "项任务";
    for (int k = 0; k < 20; ++k) t.body += "推进东西部协作，";
    Responsibility r;
    r.unit = 31;
    r.name = "区教育局";
    r.role = Role::lead;
    r.position = 1;
    t.responsibilities.push_back(r);
    plan.tasks.push_back(std::move(t));
  }
  ledger.save_plan(plan);
}

// Opens and reads every part of the ledger.
void read_everything(const std::string& path, const LedgerOptions& options = {}) {
  auto ledger = Ledger::open(path, options);
  (void)ledger.load_directory();
  for (const PlanSummary& s : ledger.plans()) (void)ledger.load_plan(s.id);
}

void raw_exec(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  EXPECT_EQ(rc, SQLITE_OK) << (message != nullptr ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
}

TEST(LedgerErrors, NewerSchemaIsRefusedAndTheFileIsUnchanged) {
  TempDir tmp;
  const std::string path = tmp.file("newer.duban");
  build_ledger(path);
  const int newer = Ledger::latest_schema_version() + 1;
  raw_exec(path, ("PRAGMA user_version = " + std::to_string(newer)).c_str());
  const std::string before = read_bytes(path);

  const std::string expected = "ledger '" + path + "' was written by a newer duban (schema " + std::to_string(newer) +
                               ", this build reads up to " + std::to_string(Ledger::latest_schema_version()) + ")";
  const Error e = expect_error([&] { (void)Ledger::open(path); }, Errc::range);
  EXPECT_EQ(e.klass(), ErrClass::storage);
  EXPECT_EQ(std::string(e.what()), expected);
  const Error ro = expect_error([&] { (void)Ledger::open(path, {.read_only = true}); }, Errc::range);
  EXPECT_EQ(std::string(ro.what()), expected);
  EXPECT_EQ(read_bytes(path), before);
}

TEST(LedgerErrors, TextFileIsNotALedgerAndIsUnchanged) {
  TempDir tmp;
  for (const std::string& text : {std::string("hello\n"), [] {
         std::string s;
         for (int i = 0; i < 200; ++i) s += "这不是数据库。This is not a database.\n";
         return s;
       }()}) {
    const std::string path = tmp.file("notes.txt");
    write_bytes(path, text);
    const Error e = expect_error([&] { (void)Ledger::open(path); }, Errc::inval);
    EXPECT_EQ(e.klass(), ErrClass::storage);
    EXPECT_EQ(e.subcode(), SQLITE_NOTADB);
    EXPECT_EQ(std::string(e.what()),
              "'" + path + "' is not a duban ledger: cannot open it: file is not a database (SQLite result code 26)");
    EXPECT_EQ(read_bytes(path), text);
    // Nothing was left beside it either.
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
    EXPECT_FALSE(std::filesystem::exists(path + "-journal"));
  }
}

TEST(LedgerErrors, ForeignSqliteDatabaseIsNotALedgerAndIsUnchanged) {
  TempDir tmp;
  const std::string other = tmp.file("other.db");
  raw_exec(other,
           "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
           "INSERT INTO notes (body) VALUES ('督办');"
           "PRAGMA application_id = 305419896;");  // 0x12345678
  const std::string before = read_bytes(other);
  const Error e = expect_error([&] { (void)Ledger::open(other); }, Errc::inval);
  EXPECT_EQ(std::string(e.what()), "'" + other +
                                       "' is not a duban ledger: it is an SQLite database of another application "
                                       "(application_id 0x12345678, not duban's 0x4442414E)");
  EXPECT_EQ(read_bytes(other), before);

  const std::string unmarked = tmp.file("unmarked.db");
  raw_exec(unmarked, "CREATE TABLE plans (id INTEGER PRIMARY KEY);");
  const std::string unmarked_before = read_bytes(unmarked);
  const Error u = expect_error([&] { (void)Ledger::open(unmarked); }, Errc::inval);
  EXPECT_EQ(std::string(u.what()), "'" + unmarked +
                                       "' is not a duban ledger: it is an SQLite database of another application "
                                       "(application_id 0x00000000, not duban's 0x4442414E)");
  EXPECT_EQ(read_bytes(unmarked), unmarked_before);
}

TEST(LedgerErrors, EmptyFileBecomesALedger) {
  TempDir tmp;
  const std::string path = tmp.file("empty.duban");
  write_bytes(path, "");
  const Error ro = expect_error([&] { (void)Ledger::open(path, {.read_only = true}); }, Errc::inval);
  EXPECT_EQ(std::string(ro.what()),
            "'" + path + "' is not a duban ledger: it is empty (open it for writing to create one)");
  auto ledger = Ledger::open(path, {.create = false});
  EXPECT_EQ(ledger.schema_version(), Ledger::latest_schema_version());
  ledger.close();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int64(st, 0), 0x4442414E);
  sqlite3_finalize(st);
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))), "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST(LedgerErrors, DamagedFileIsCorruptAndIsUnchanged) {
  TempDir tmp;
  const std::string path = tmp.file("damaged.duban");
  build_ledger(path);
  std::string bytes = read_bytes(path);
  ASSERT_GT(bytes.size(), 40000U);
  // Overwrite the middle third, page-aligned, with garbage.
  const std::size_t page = 4096;
  const std::size_t from = bytes.size() / 3 / page * page;
  for (std::size_t i = from; i < from + bytes.size() / 3; ++i) bytes[i] = '\x5A';
  write_bytes(path, bytes);

  for (const bool check : {false, true}) {
    const Error e = expect_error([&] { read_everything(path, {.check_integrity = check}); }, Errc::corrupt);
    EXPECT_EQ(e.klass(), ErrClass::storage);
    EXPECT_EQ(e.subcode() & 0xff, SQLITE_CORRUPT) << e.subcode();
    const std::string message = e.what();
    EXPECT_EQ(message.rfind("ledger '" + path + "' is damaged: cannot ", 0), 0U) << message;
    EXPECT_NE(message.find("(SQLite result code " + std::to_string(e.subcode()) + ")"), std::string::npos) << message;
    if (check) {
      EXPECT_NE(message.find("cannot check its integrity: "), std::string::npos) << message;
    }
  }
  EXPECT_EQ(read_bytes(path), bytes);
}

TEST(LedgerErrors, TruncatedFileIsCorruptAndIsUnchanged) {
  TempDir tmp;
  const std::string path = tmp.file("truncated.duban");
  build_ledger(path);
  const std::string bytes = read_bytes(path).substr(0, read_bytes(path).size() / 2);
  write_bytes(path, bytes);
  const Error e = expect_error([&] { read_everything(path); }, Errc::corrupt);
  EXPECT_EQ(e.subcode() & 0xff, SQLITE_CORRUPT) << e.subcode();
  EXPECT_NE(std::string(e.what()).find("' is damaged: cannot "), std::string::npos) << e.what();
  EXPECT_EQ(read_bytes(path), bytes);
}

TEST(LedgerErrors, RowsEditedOutsideDubanAreCorrupt) {
  TempDir tmp;
  const std::string path = tmp.file("edited.duban");
  build_ledger(path);

  raw_exec(path, "UPDATE tasks SET kind = 9 WHERE position = 2");
  {
    auto ledger = Ledger::open(path);
    const Error e = expect_error([&] { (void)ledger.load_plan(1); }, Errc::corrupt);
    EXPECT_EQ(e.subcode(), SQLITE_CORRUPT);
    EXPECT_EQ(std::string(e.what()),
              "ledger '" + path + "' is damaged: cannot load plan 1: unknown task kind 9 (SQLite result code 11)");
  }

  raw_exec(path, "UPDATE tasks SET kind = 1, due = '2025-02-30' WHERE position = 2");
  {
    auto ledger = Ledger::open(path);
    const Error e = expect_error([&] { (void)ledger.load_plan(1); }, Errc::corrupt);
    EXPECT_EQ(std::string(e.what()), "ledger '" + path +
                                         "' is damaged: cannot load plan 1: a due date holds '2025-02-30', which is "
                                         "not a date (SQLite result code 11)");
  }

  raw_exec(path, "UPDATE units SET name = '区教育局' WHERE id = 30");
  {
    auto ledger = Ledger::open(path);
    const Error e = expect_error([&] { (void)ledger.load_directory(); }, Errc::corrupt);
    EXPECT_EQ(std::string(e.what()), "ledger '" + path +
                                         "' is damaged: its directory breaks the directory's rules: unit name "
                                         "'区教育局' already names unit '区教育局'");
  }
}

// Runs `body` in a child process, as an unprivileged user when this one is
// root (root may write any file, so a write-protected file would not stop
// it), and returns what the child reported.
std::string run_unprivileged(const std::function<std::string()>& body) {
  int fds[2];
  if (pipe(fds) != 0) return "pipe failed";
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::string out;
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) {
      out = "setuid failed";
    } else {
      try {
        out = body();
      } catch (...) {
        out = "unexpected exception";
      }
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

TEST(LedgerErrors, WriteProtectedFileOpenedForWritingIsRefused) {
  TempDir tmp;
  const std::string path = tmp.file("protected.duban");
  build_ledger(path);
  std::filesystem::permissions(tmp.path(), std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                               std::filesystem::perms::group_exec |
                                               std::filesystem::perms::others_read |
                                               std::filesystem::perms::others_exec);
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                         std::filesystem::perms::others_read);
  const std::string before = read_bytes(path);

  const std::string report = run_unprivileged([&]() -> std::string {
    try {
      (void)Ledger::open(path);
      return "opened";
    } catch (const Error& e) {
      return std::to_string(static_cast<int>(e.code())) + "|" + std::to_string(e.subcode()) + "|" + e.what();
    }
  });
  EXPECT_EQ(report, std::to_string(static_cast<int>(Errc::io)) + "|" + std::to_string(SQLITE_READONLY) +
                        "|ledger '" + path +
                        "' is read-only: cannot open it for writing: the file is write-protected (open it "
                        "read-only to read it) (SQLite result code 8)");
  EXPECT_EQ(read_bytes(path), before);
}

TEST(LedgerErrors, WriterHeldByAnotherConnectionGivesBusy) {
  TempDir tmp;
  const std::string path = tmp.file("busy.duban");
  Ledger::open(path).save_directory(sample_directory());

  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

  auto ledger = Ledger::open(path, {.busy_timeout = 50ms});
  // A writer does not block readers.
  EXPECT_EQ(ledger.load_directory(), sample_directory());
  const Error e = expect_error([&] { ledger.save_plan(sample_plan()); }, Errc::busy);
  EXPECT_EQ(e.klass(), ErrClass::storage);
  EXPECT_EQ(e.subcode(), SQLITE_BUSY);
  EXPECT_EQ(std::string(e.what()),
            "ledger '" + path + "': cannot save a plan: database is locked (SQLite result code 5)");

  ASSERT_EQ(sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);
  EXPECT_EQ(ledger.save_plan(sample_plan()), 1);
}

TEST(LedgerErrors, MissingFileAndBadPaths) {
  TempDir tmp;
  const std::string missing = tmp.file("missing.duban");
  const Error nf = expect_error([&] { (void)Ledger::open(missing, {.create = false}); }, Errc::notfound);
  EXPECT_EQ(std::string(nf.what()), "ledger '" + missing + "' does not exist");
  expect_error([&] { (void)Ledger::open(missing, {.read_only = true}); }, Errc::notfound);
  EXPECT_FALSE(std::filesystem::exists(missing));

  const Error empty = expect_error([] { (void)Ledger::open(""); }, Errc::inval);
  EXPECT_EQ(std::string(empty.what()), "ledger path is empty");

  const std::string nowhere = tmp.file("no/such/dir/l.duban");
  const Error io = expect_error([&] { (void)Ledger::open(nowhere); }, Errc::io);
  EXPECT_EQ(io.subcode() & 0xff, SQLITE_CANTOPEN);
  EXPECT_EQ(std::string(io.what()),
            "ledger '" + nowhere + "': cannot open it: unable to open database file (SQLite result code 14)");
}

}  // namespace
}  // namespace duban
