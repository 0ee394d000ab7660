// Large reports: facts looked up among thousands of instances, a report
// evaluated again in place, and a failed evaluation leaving nothing behind.
#include <gtest/gtest.h>

#include "progress/progress_util.hpp"

namespace duban {
namespace {

using namespace duban::testing;

// 6,000 monthly-report instances due across 2024; every seventh has a done
// date (every fourteenth of them late): more facts than the evaluation
// looks up directly (lib/progress/evaluate.cpp, FactsFilter).
struct Bulk {
  std::vector<Subject> subjects;
  ProgressFacts facts;
};

Bulk bulk() {
  Bulk b;
  for (int i = 0; i < 6000; ++i) {
    const Date due = cal().roll(plus_days(d(2024, 1, 10), (i * 37) % 360), Roll::following);
    Subject s = instance_due("义务" + std::to_string(i) + "@2024-" + std::to_string(i % 12 + 1), due, i + 1);
    if (i % 7 == 0) b.facts.instances[s.instance].done = plus_days(due, i % 14 == 0 ? 3 : -1);
    b.subjects.push_back(std::move(s));
  }
  return b;
}

TEST(ProgressBulk, FactsAreFoundAmongThousandsOfInstances) {
  const Bulk b = bulk();
  const Date as_of = d(2024, 12, 31);
  const StatusReport r = evaluate(b.subjects, cal(), as_of, b.facts);
  ASSERT_EQ(r.items.size(), 6000u);
  int done = 0;
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const auto it = b.facts.instances.find(r.subjects[i].instance);
    if (it == b.facts.instances.end()) {
      EXPECT_FALSE(r.items[i].done.has_value()) << i;
      continue;
    }
    ++done;
    const Date when = *it->second.done;
    if (as_of < when) {
      EXPECT_FALSE(r.items[i].done.has_value()) << i;
    } else {
      EXPECT_EQ(r.items[i].done, when) << i;
      EXPECT_EQ(r.items[i].status, i % 14 == 0 ? Status::done_late : Status::done_on_time) << i;
    }
  }
  EXPECT_EQ(done, 858);  // ceil(6000 / 7)
  // Item by item, the same answers as alone.
  for (std::size_t i = 0; i < r.items.size(); i += 611) {
    const ItemFacts* f = b.facts.find(r.subjects[i]);
    const StatusReport single = one(r.subjects[i], as_of, f ? *f : ItemFacts{});
    EXPECT_EQ(single.items[0], r.items[i]) << i;
    EXPECT_EQ(single.reasons_of(0), r.reasons_of(i)) << i;
  }
}

TEST(ProgressBulk, AReportEvaluatedAgainInPlaceEqualsAFreshOne) {
  const Bulk b = bulk();
  StatusReport report = evaluate(b.subjects, cal(), d(2024, 3, 1), b.facts);
  evaluate(report, std::move(report.subjects), cal(), d(2024, 9, 27), b.facts);
  const StatusReport fresh = evaluate(b.subjects, cal(), d(2024, 9, 27), b.facts);
  EXPECT_EQ(report.as_of, d(2024, 9, 27));
  EXPECT_EQ(report.subjects, fresh.subjects);
  EXPECT_EQ(report.items, fresh.items);
  EXPECT_EQ(report.recorded, fresh.recorded);
  EXPECT_EQ(report.counts(), fresh.counts());
}

TEST(ProgressBulk, AFailedEvaluationLeavesAnEmptyReport) {
  Bulk b = bulk();
  StatusReport report = evaluate(b.subjects, cal(), d(2024, 3, 1));
  b.facts.instances[b.subjects[100].instance].progress.push_back({d(2024, 2, 1), 150});
  EXPECT_TRUE(throws_error([&] { evaluate(report, b.subjects, cal(), d(2024, 3, 1), b.facts); }, Errc::inval,
                           ErrClass::argument,
                           "instance '义务100@2024-5': progress[0] (2024-02-01): percent 150 is outside 0..100"));
  EXPECT_TRUE(report.items.empty());
  EXPECT_TRUE(report.subjects.empty());
  EXPECT_TRUE(report.recorded.empty());
}

TEST(ProgressBulk, ReasonsOfAnItemNotInTheReport) {
  const StatusReport r = evaluate(std::vector<Subject>{task_due(d(2024, 3, 1))}, cal(), d(2024, 2, 1));
  EXPECT_TRUE(throws_error([&] { (void)r.reasons_of(1); }, Errc::range, ErrClass::argument,
                           "reasons_of: item 1 is not in the report (it has 1)"));
}

}  // namespace
}  // namespace duban
