// The audit chain: verify says "intact" for a ledger duban wrote, and names
// the first event altered, removed or inserted when the SQLite file is
// edited behind its back.
#include "ledger/chain.hpp"

#include <gtest/gtest.h>

#include "ledger/report_support.hpp"

namespace duban {
namespace {

using report_testing::ExampleLedger;
using report_testing::expect_error;
using report_testing::kExperts;
using report_testing::raw_count;
using report_testing::raw_exec;
using report_testing::ymd;

// Events 1..3 are the import (directory, plan) and the coordinator; 4..13
// ten reports, each with an indicator and evidence.
class LedgerChain : public ExampleLedger {
 protected:
  void SetUp() override {
    ExampleLedger::SetUp();
    auto ledger = open();
    std::vector<Report> reports;
    for (int i = 0; i < 10; ++i) {
      Report r = report(ledger, kExperts, "区教育局", ymd(2025, 4, static_cast<unsigned>(i + 1)), i * 10.0,
                        "第" + std::to_string(i + 1) + "次报送");
      r.indicators = {{"选派教师", static_cast<double>(i), "名"}};
      r.evidence = {"临教〔2025〕" + std::to_string(i + 1) + "号"};
      reports.push_back(std::move(r));
    }
    ledger.add_reports(reports);
    ASSERT_EQ(ledger.event_count(), 13);
  }

  ChainCheck verify() const { return open().verify(); }

  // Moves events (and their rows) numbered `from` and later up by one, as
  // someone making room for a forged event would.
  void make_room(int from) const {
    const std::string k = std::to_string(from);
    for (const char* table : {"events", "event_values", "event_evidence"}) {
      const std::string column = std::string(table) == "events" ? "seq" : "event";
      raw_exec(path,
               "UPDATE " + std::string(table) + " SET " + column + " = -" + column + " WHERE " + column + " >= " + k);
      raw_exec(path,
               "UPDATE " + std::string(table) + " SET " + column + " = -" + column + " + 1 WHERE " + column + " < 0");
    }
  }

  static constexpr const char* kColumns =
      "kind, plan_id, task, task_key, instance, unit_id, user, date, recorded, status, percent, text, ref, until, "
      "due, target, prev, hash";
};

TEST_F(LedgerChain, ALedgerDubanWroteIsIntact) {
  const ChainCheck check = verify();
  EXPECT_TRUE(check.intact());
  EXPECT_EQ(check.finding, ChainFinding::intact);
  EXPECT_EQ(check.event, 0);
  EXPECT_EQ(check.events, 13);
  EXPECT_EQ(check.algorithm, HashAlgorithm::sm3);
  ASSERT_EQ(check.head.size(), 64U);
  EXPECT_EQ(check.head.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(check.message, "intact: 13 events, sm3, head " + check.head);
  EXPECT_EQ(open().hash_algorithm(), HashAlgorithm::sm3);
  // The head moves with every event.
  auto ledger = open();
  ledger.add_report(report(ledger, kExperts, "区教育局", ymd(2025, 5, 1), 50));
  const ChainCheck later = ledger.verify();
  EXPECT_TRUE(later.intact());
  EXPECT_EQ(later.events, 14);
  EXPECT_NE(later.head, check.head);
}

TEST_F(LedgerChain, AnAlteredReportIsNamed) {
  raw_exec(path, "UPDATE events SET percent = 99 WHERE seq = 6");
  const ChainCheck check = verify();
  EXPECT_FALSE(check.intact());
  EXPECT_EQ(check.finding, ChainFinding::altered);
  EXPECT_EQ(check.event, 6);
  EXPECT_EQ(check.message, "event 6 was altered: its content no longer matches its hash");
  EXPECT_EQ(check.head, "");
}

TEST_F(LedgerChain, EveryStoredPartOfAnEventIsCovered) {
  const std::vector<std::pair<std::string, std::string>> edits = {
      {"UPDATE events SET text = '第8次报送（改）' WHERE seq = 11", "event 11"},
      {"UPDATE events SET date = '2025-03-31' WHERE seq = 5", "event 5"},
      {"UPDATE events SET unit_id = 1 WHERE seq = 9", "event 9"},
      {"UPDATE event_values SET value = 20 WHERE event = 7", "event 7"},
      {"UPDATE event_values SET unit = '人' WHERE event = 8", "event 8"},
      {"DELETE FROM event_evidence WHERE event = 10", "event 10"},
      {"INSERT INTO event_evidence (event, position, ref) VALUES (12, 2, '补充.pdf')", "event 12"},
      {"UPDATE events SET text = 'x' WHERE seq = 2", "event 2"},  // the plan's import
  };
  const std::string pristine = ledger_testing::read_bytes(path);
  for (const auto& [sql, who] : edits) {
    ledger_testing::write_bytes(path, pristine);
    ASSERT_TRUE(verify().intact());
    raw_exec(path, sql);
    const ChainCheck check = verify();
    EXPECT_EQ(check.finding, ChainFinding::altered) << sql;
    EXPECT_EQ(check.message, who + " was altered: its content no longer matches its hash") << sql;
  }
}

TEST_F(LedgerChain, ARemovedEventIsNamed) {
  raw_exec(path, "DELETE FROM events WHERE seq = 6");
  const ChainCheck check = verify();
  EXPECT_EQ(check.finding, ChainFinding::removed);
  EXPECT_EQ(check.event, 6);
  EXPECT_EQ(check.message, "event 6 was removed: the chain goes from event 5 to event 7");
  EXPECT_EQ(check.events, 12);
}

TEST_F(LedgerChain, ARemovalHiddenByRenumberingIsNamed) {
  // Event 6 and its rows go; the later events and their rows move down.
  for (const char* table : {"events", "event_values", "event_evidence"}) {
    const std::string column = std::string(table) == "events" ? "seq" : "event";
    raw_exec(path, "DELETE FROM " + std::string(table) + " WHERE " + column + " = 6");
    raw_exec(path, "UPDATE " + std::string(table) + " SET " + column + " = -" + column + " WHERE " + column + " > 6");
    raw_exec(path,
             "UPDATE " + std::string(table) + " SET " + column + " = -" + column + " - 1 WHERE " + column + " < 0");
  }
  raw_exec(path, "UPDATE chain_head SET seq = 12");
  const ChainCheck check = verify();
  EXPECT_EQ(check.finding, ChainFinding::removed);
  EXPECT_EQ(check.event, 6);
  EXPECT_EQ(check.message,
            "event 6 was removed: the event now numbered 6 does not follow event 5 (or event 5 was rewritten with a "
            "new hash)");
}

TEST_F(LedgerChain, RemovingTheLastEventsIsNamed) {
  raw_exec(path, "DELETE FROM events WHERE seq >= 12");
  const ChainCheck check = verify();
  EXPECT_EQ(check.finding, ChainFinding::removed);
  EXPECT_EQ(check.event, 12);
  EXPECT_EQ(check.message, "event 12 was removed: the ledger recorded 13 events and the chain ends at event 11");
}

TEST_F(LedgerChain, AnEventAddedAtTheEndIsNamed) {
  raw_exec(path, std::string("INSERT INTO events (seq, ") + kColumns + ") SELECT 14, " + kColumns +
                     " FROM events WHERE seq = 13");
  const ChainCheck check = verify();
  EXPECT_EQ(check.finding, ChainFinding::inserted);
  EXPECT_EQ(check.event, 14);
  EXPECT_EQ(check.message, "event 14 was inserted after the last event the ledger recorded (event 13)");
}

TEST_F(LedgerChain, AForgedEventInTheMiddleIsNamed) {
  make_room(6);
  raw_exec(path, std::string("INSERT INTO events (seq, ") + kColumns + ") SELECT 6, " +
                     "kind, plan_id, task, task_key, instance, unit_id, user, '2025-04-02', recorded, status, 100, "
                     "'伪造', ref, until, due, target, prev, zeroblob(32) FROM events WHERE seq = 5");
  raw_exec(path, "UPDATE chain_head SET seq = 14");
  const ChainCheck check = verify();
  EXPECT_EQ(check.finding, ChainFinding::inserted);
  EXPECT_EQ(check.event, 6);
  EXPECT_EQ(check.message, "event 6 was inserted: it is not part of the chain (event 7 follows event 5)");
}

TEST_F(LedgerChain, AReplayedEventIsNamed) {
  // A copy of event 6, with its valid hash, slipped in after it.
  make_room(7);
  raw_exec(path, std::string("INSERT INTO events (seq, ") + kColumns + ") SELECT 7, " + kColumns +
                     " FROM events WHERE seq = 6");
  raw_exec(path, "INSERT INTO event_values SELECT 7, position, metric, value, unit FROM event_values WHERE event = 6");
  raw_exec(path, "INSERT INTO event_evidence SELECT 7, position, ref FROM event_evidence WHERE event = 6");
  raw_exec(path, "UPDATE chain_head SET seq = 14");
  const ChainCheck check = verify();
  EXPECT_EQ(check.finding, ChainFinding::inserted);
  EXPECT_EQ(check.event, 7);
  EXPECT_EQ(check.message, "event 7 was inserted: it is not part of the chain (event 8 follows event 6)");
}

TEST_F(LedgerChain, AMissingHeadIsReportedAndStopsWrites) {
  raw_exec(path, "DELETE FROM chain_head");
  const ChainCheck check = verify();
  EXPECT_EQ(check.finding, ChainFinding::altered);
  EXPECT_EQ(check.event, 0);
  EXPECT_EQ(check.message, "the record of the chain's head is missing");
  auto ledger = open();
  const Error e = expect_error([&] { ledger.add_report(report(ledger, kExperts, "区教育局", ymd(2025, 5, 1), 50)); },
                               Errc::corrupt);
  EXPECT_EQ(std::string(e.what()),
            "ledger '" + path + "' is damaged: the record of its audit chain's head is missing (run verify)");
  EXPECT_EQ(raw_count(path, "SELECT count(*) FROM events"), 13);
}

TEST_F(LedgerChain, AnEditedHeadIsNamed) {
  raw_exec(path, "UPDATE chain_head SET hash = zeroblob(32)");
  const ChainCheck check = verify();
  EXPECT_EQ(check.finding, ChainFinding::altered);
  EXPECT_EQ(check.message, "event 13 was altered: the chain's head records another hash for it");
}

TEST(LedgerChainHash, Sha256IsSelectableAndKeptForTheLedgersLife) {
  report_testing::TempDir tmp;
  const std::string path = tmp.file("sha.duban");
  {
    auto ledger = Ledger::open(path, {.hash = HashAlgorithm::sha256});
    ledger.import_plan(report_testing::example_file());
    EXPECT_EQ(ledger.hash_algorithm(), HashAlgorithm::sha256);
  }
  auto ledger = Ledger::open(path);
  EXPECT_EQ(ledger.hash_algorithm(), HashAlgorithm::sha256);
  const ChainCheck check = ledger.verify();
  EXPECT_TRUE(check.intact()) << check.message;
  EXPECT_EQ(check.message, "intact: 2 events, sha256, head " + check.head);
  ledger.close();
  EXPECT_EQ(raw_count(path, "SELECT count(*) FROM settings WHERE key = 'hash_algorithm' AND value = 'sha256'"), 1);

  const Error e = expect_error([&] { (void)Ledger::open(path, {.hash = HashAlgorithm::sm3}); }, Errc::inval);
  EXPECT_EQ(std::string(e.what()), "ledger '" + path + "' keeps its audit chain with sha256; it cannot change to sm3");
  EXPECT_NO_THROW((void)Ledger::open(path, {.hash = HashAlgorithm::sha256}));
  // An unknown hash name in the file is damage, not a guess.
  raw_exec(path, "UPDATE settings SET value = 'md5' WHERE key = 'hash_algorithm'");
  const Error bad = expect_error([&] { (void)Ledger::open(path).verify(); }, Errc::corrupt);
  EXPECT_EQ(std::string(bad.what()),
            "ledger '" + path + "' is damaged: its audit chain names the hash 'md5', which this build does not know");
}

// The encoding and the hashes are part of the file format: a change here
// would make every ledger in the field fail verify. These digests pin them.
TEST(LedgerChainHash, TheEncodingIsPinned) {
  storage::EventRecord e;
  e.kind = 1;
  e.plan = 1;
  e.task = 5;
  e.task_key = "5";
  e.unit = 6;
  e.user = "张三";
  e.date = "2025-04-10";
  e.recorded = "2025-04-10T08:30:00.000Z";
  e.status = 2;
  e.percent = 40;
  e.text = "已选派教师2名";
  e.indicators = {{"选派教师", 2, "名"}};
  e.evidence = {"临教〔2025〕12号"};
  const storage::Digest zero{};
  ledger::Hasher sm3(HashAlgorithm::sm3);
  ledger::Hasher sha(HashAlgorithm::sha256);
  const std::string sm3_hex = ledger::to_hex(sm3.link(zero, e));
  const std::string sha_hex = ledger::to_hex(sha.link(zero, e));
  // Reproduced outside duban: the encoding (docs/ledger.md) written by a
  // short Python script, hashed with `openssl dgst -sm3` and hashlib.sha256.
  EXPECT_EQ(sm3_hex, "ecf449aaecdbb69b5b7ce7984af0fdd63f8c4dd2556e021503050d9fbc5a4b96");
  EXPECT_EQ(sha_hex, "454cb60fa208263b1522fe289d03a76e33c9b5145af29b253899d91e490b0fc8");
  // The seq is not hashed (so renumbering shows as a broken link), every
  // other field is.
  storage::EventRecord renumbered = e;
  renumbered.seq = 99;
  EXPECT_EQ(ledger::to_hex(sm3.link(zero, renumbered)), sm3_hex);
  storage::EventRecord other_user = e;
  other_user.user = "李四";
  EXPECT_NE(ledger::to_hex(sm3.link(zero, other_user)), sm3_hex);
  storage::Digest one{};
  one[31] = 1;
  EXPECT_NE(ledger::to_hex(sm3.link(one, e)), sm3_hex);
}

}  // namespace
}  // namespace duban
