// Expected progress (序时进度) from milestones, in calendar or working days.
#include <gtest/gtest.h>

#include "calendar/test_util.hpp"
#include "duban/deadline.hpp"

namespace duban {
namespace {

using namespace duban::testing;

const WorkCalendar& cal() { return *WorkCalendar::builtin(); }

const std::vector<Milestone> kQuarters = {
    {d(2024, 3, 31), "一季度", 0.25}, {d(2024, 6, 30), "二季度", 0.5}, {d(2024, 12, 31), "年底", 1.0}};

TEST(DeadlineProgress, PiecewiseLinearThroughTheMilestones) {
  const Date start = d(2024, 1, 1);
  EXPECT_DOUBLE_EQ(expected_progress(kQuarters, start, d(2023, 12, 1)), 0.0);
  EXPECT_DOUBLE_EQ(expected_progress(kQuarters, start, start), 0.0);
  EXPECT_DOUBLE_EQ(expected_progress(kQuarters, start, d(2024, 3, 31)), 0.25);
  EXPECT_DOUBLE_EQ(expected_progress(kQuarters, start, d(2024, 6, 30)), 0.5);
  EXPECT_DOUBLE_EQ(expected_progress(kQuarters, start, d(2024, 5, 15)), 0.25 + 0.25 * 45.0 / 91.0);
  EXPECT_DOUBLE_EQ(expected_progress(kQuarters, start, d(2024, 12, 31)), 1.0);
  EXPECT_DOUBLE_EQ(expected_progress(kQuarters, start, d(2025, 6, 1)), 1.0);
  EXPECT_DOUBLE_EQ(expected_progress(kQuarters, start, d(2024, 2, 15)), 0.25 * 45.0 / 90.0);
}

TEST(DeadlineProgress, UnweightedMilestonesShareTheWorkEvenly) {
  const std::vector<Milestone> m = {{d(2024, 4, 1), "a", 0}, {d(2024, 7, 1), "b", 0}, {d(2024, 10, 1), "c", 0}};
  EXPECT_DOUBLE_EQ(expected_progress(m, d(2024, 1, 1), d(2024, 4, 1)), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(expected_progress(m, d(2024, 1, 1), d(2024, 7, 1)), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(expected_progress(m, d(2024, 1, 1), d(2024, 10, 1)), 1.0);
}

TEST(DeadlineProgress, WorkingDaysStandStillOverNationalDay) {
  const std::vector<Milestone> m = {{d(2024, 10, 14), "完成", 1.0}};
  const Date start = d(2024, 9, 30);
  // Working days in (09-30, 10-14]: 8, 9, 10, 11, 12 (a worked Saturday), 14.
  EXPECT_DOUBLE_EQ(expected_progress(m, start, d(2024, 10, 7), cal()), 0.0);
  EXPECT_DOUBLE_EQ(expected_progress(m, start, d(2024, 10, 9), cal()), 2.0 / 6.0);
  EXPECT_DOUBLE_EQ(expected_progress(m, start, d(2024, 10, 14), cal()), 1.0);
  EXPECT_DOUBLE_EQ(expected_progress(m, start, d(2024, 10, 7)), 7.0 / 14.0);  // calendar days
}

TEST(DeadlineProgress, FromADeadline) {
  Deadline due;
  due.due = d(2024, 12, 31);
  EXPECT_DOUBLE_EQ(*expected_progress(due, d(2024, 1, 1), d(2024, 7, 1)), 182.0 / 365.0);
  EXPECT_DOUBLE_EQ(*expected_progress(due, d(2024, 1, 1), d(2024, 12, 31), cal()), 1.0);
  Deadline staged;
  staged.milestones = kQuarters;
  staged.due = d(2024, 6, 30);  // milestones win
  EXPECT_DOUBLE_EQ(*expected_progress(staged, d(2024, 1, 1), d(2024, 6, 30)), 0.5);
  Deadline ongoing;
  ongoing.ongoing = true;
  EXPECT_EQ(expected_progress(ongoing, d(2024, 1, 1), d(2024, 6, 30)), std::nullopt);
  EXPECT_EQ(expected_progress(ongoing, d(2024, 1, 1), d(2024, 6, 30), cal()), std::nullopt);
}

TEST(DeadlineProgress, Errors) {
  const auto fails = [](std::vector<Milestone> m, const std::string& message) {
    return throws_error([&] { expected_progress(m, d(2024, 1, 1), d(2024, 6, 1)); }, Errc::inval,
                        ErrClass::argument, message);
  };
  EXPECT_TRUE(fails({}, "expected_progress: no milestones"));
  EXPECT_TRUE(fails({{d(2024, 6, 30), "二季度", 0.5}, {d(2024, 3, 31), "一季度", 0.25}},
                    "expected_progress: milestone 2 (2024-03-31 '一季度') is not after milestone 1 (2024-06-30 '二季度')"));
  EXPECT_TRUE(fails({{d(2024, 3, 31), "a", 0.5}, {d(2024, 6, 30), "b", 0.25}},
                    "expected_progress: milestone 2 (2024-06-30 'b'): weight 0.250000 is less than the one before"));
  EXPECT_TRUE(fails({{d(2024, 3, 31), "", 1.5}}, "expected_progress: milestone 1 (2024-03-31): weight 1.500000 is outside 0..1"));
  EXPECT_TRUE(fails({{d(2023, 12, 31), "", 0.5}},
                    "expected_progress: milestone 1 (2023-12-31) is before the start 2024-01-01"));
  EXPECT_TRUE(fails({{d(2024, 2, 30), "", 0.5}}, "expected_progress: milestone 1 (2024-02-30): not a date"));
}

}  // namespace
}  // namespace duban
