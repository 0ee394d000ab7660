// The progress facts file: what a caller knows, read strictly.
#include <gtest/gtest.h>

#include "progress/progress_util.hpp"

namespace duban {
namespace {

using namespace duban::testing;

Plan small_plan() {
  Plan p;
  p.year = 2024;
  Task a;
  a.key = "1";
  a.title = "甲";
  a.deadline.due = d(2024, 9, 30);
  Task b;
  b.key = "月报";
  b.title = "乙";
  Recurrence r;
  r.every = Every::month;
  r.day = 10;
  b.deadline.recurrence = r;
  p.tasks = {a, b};
  return p;
}

TEST(ProgressFactsFile, ReadsTasksAndInstances) {
  const ProgressFacts f = parse_progress_facts(R"({
    "duban_progress": 1,
    "items": [
      {"task": "1", "progress": [{"date": "2024-06-30", "percent": 40}, {"date": "2024-03-31", "percent": 10.5}],
       "extensions": [{"requested": "2024-09-20", "until": "2024-10-31", "decision": "approved",
                       "decided": "2024-09-25", "note": "资金未到位"}]},
      {"instance": "月报@2024-02", "done": "2024-02-18"}
    ]})",
                                               small_plan(), "facts.json");
  ASSERT_EQ(f.tasks.size(), 1u);
  const ItemFacts& t = f.tasks.at(1);
  ASSERT_EQ(t.progress.size(), 2u);
  EXPECT_EQ(t.progress[1], (ProgressPoint{d(2024, 3, 31), 10.5}));
  ASSERT_EQ(t.extensions.size(), 1u);
  EXPECT_EQ(t.extensions[0].decision, Decision::approved);
  EXPECT_EQ(t.extensions[0].decided, d(2024, 9, 25));
  EXPECT_EQ(t.extensions[0].note, "资金未到位");
  EXPECT_EQ(f.instances.at("月报@2024-02").done, d(2024, 2, 18));
  // Used as they are: the extension moves the due date.
  const StatusReport r = evaluate(small_plan(), cal(), d(2024, 10, 15), f);
  EXPECT_EQ(r.items[0].current_due, d(2024, 10, 31));
  EXPECT_EQ(r.items[0].actual, 40.0);
}

TEST(ProgressFactsFile, AnEmptyFileHasNoFacts) {
  EXPECT_TRUE(parse_progress_facts(R"({"duban_progress": 1})", small_plan()).empty());
  EXPECT_TRUE(parse_progress_facts(R"({"duban_progress": 1, "items": []})", small_plan()).empty());
}

void fails(const std::string& text, Errc code, const std::string& message) {
  EXPECT_TRUE(throws_error([&] { (void)parse_progress_facts(text, small_plan(), "facts.json"); }, code,
                           code == Errc::parse ? ErrClass::text : ErrClass::argument, message))
      << text;
}

TEST(ProgressFactsFile, ErrorsNameTheFileAndTheField) {
  fails(R"({"items": []})", Errc::inval, "facts.json: not a progress facts file (expected \"duban_progress\": 1)");
  fails(R"({"duban_progress": 2})", Errc::inval,
        "facts.json: not a progress facts file (expected \"duban_progress\": 1)");
  fails(R"({"duban_progress": 1, "item": []})", Errc::inval, "facts.json: unknown field \"item\"");
  fails(R"({"duban_progress": 1, "items": [{"task": "9"}]})", Errc::inval,
        "facts.json: items[0].task: no task with key '9' in the plan");
  fails(R"({"duban_progress": 1, "items": [{"task": "1", "instance": "月报@2024-01"}]})", Errc::inval,
        "facts.json: items[0]: give either \"task\" or \"instance\"");
  fails(R"({"duban_progress": 1, "items": [{"instance": "1@2024-01"}]})", Errc::inval,
        "facts.json: items[0].instance: task '1' has no recurrence");
  fails(R"({"duban_progress": 1, "items": [{"instance": "月报"}]})", Errc::inval,
        "facts.json: items[0].instance: '月报' is not an instance id (KEY@PERIOD, e.g. 3@2025-03)");
  fails(R"({"duban_progress": 1, "items": [{"task": "1"}, {"task": "1"}]})", Errc::inval,
        "facts.json: items[1].task: task '1' is listed twice");
  fails(R"({"duban_progress": 1, "items": [{"task": "1", "done": "2024-02-30"}]})", Errc::inval,
        "facts.json: items[0].done: date '2024-02-30' does not exist");
  fails(R"({"duban_progress": 1, "items": [{"task": "1", "progress": [{"date": "2024-03-01", "percent": 101}]}]})",
        Errc::inval, "facts.json: items[0]: progress[0] (2024-03-01): percent 101 is outside 0..100");
  fails(R"({"duban_progress": 1, "items": [{"task": "1", "progress": [{"date": "2024-03-01", "pct": 1}]}]})",
        Errc::inval, "facts.json: items[0].progress[0]: unknown field \"pct\"");
  fails(R"({"duban_progress": 1, "items": [{"task": "1", "extensions": [
          {"requested": "2024-09-20", "until": "2024-10-31", "decision": "ok"}]}]})",
        Errc::inval, "facts.json: items[0].extensions[0].decision: unknown decision 'ok' (pending, approved or refused)");
  fails(R"({"duban_progress": 1, "items": [{"task": "1", "extensions": [
          {"requested": "2024-09-20", "until": "2024-09-10"}]}]})",
        Errc::inval, "facts.json: items[0]: extensions[0]: until 2024-09-10 is not after the request 2024-09-20");
  try {
    (void)parse_progress_facts("{\"duban_progress\": 1,\n \"items\": [}", small_plan(), "facts.json");
    ADD_FAILURE() << "bad JSON was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::parse);
    EXPECT_EQ(std::string(e.what()).rfind("facts.json:2:12: ", 0), 0u) << e.what();
    EXPECT_NE(std::string(e.what()).find("unexpected '}'"), std::string::npos) << e.what();
  }
}

TEST(ProgressFactsFile, AMissingFileIsAnIoError) {
  EXPECT_TRUE(throws_error([&] { (void)load_progress_facts("/nonexistent/facts.json", small_plan()); }, Errc::io,
                           ErrClass::storage, "/nonexistent/facts.json: cannot open the file for reading"));
}

}  // namespace
}  // namespace duban
