// Calendar data kept in the ledger: a load is an audited event, the
// ledger's due dates follow it, and it says which deadlines it moved. The
// 2027 notices used here are made up (tests/data/calendar/README.md).
#include <gtest/gtest.h>

#include "duban/json.hpp"
#include "ledger/report_support.hpp"

namespace duban {
namespace {

using report_testing::ExampleLedger;
using report_testing::expect_error;
using report_testing::raw_exec;
using report_testing::raw_text;
using report_testing::ymd;

const std::string kData = std::string(DUBAN_SOURCE_DIR) + "/tests/data/calendar/";
const std::string kTestNotice = "测试用通知（虚构，非真实2027年安排）";

// Task ids of plan-2027.json.
constexpr TaskId kMechanism = 1;  // due 2027-04-30 (a Friday)
constexpr TaskId kMonthly = 3;    // monthly, day 10
constexpr TaskId kCadres = 4;     // due 2027-10-08 (a Friday)

class CalendarStore : public ExampleLedger {
 protected:
  void SetUp() override {
    ExampleLedger::SetUp();
    auto ledger = open();
    const std::string text = ledger_testing::read_bytes(kData + "plan-2027.json");
    plan27 = ledger.import_plan(parse_plan_file(text, "plan-2027.json"));
  }

  static CalendarData data(const std::string& name) { return load_calendar_data(kData + name); }

  DeadlineMove move(TaskId task, std::string instance, const char* title, Date before, Date after) const {
    return DeadlineMove{plan27, task, std::to_string(task), std::move(instance), title, before, after};
  }

  PlanId plan27 = 0;
};

TEST_F(CalendarStore, ALoadedYearSaysWhatItChangedAndWhichDeadlinesMoved) {
  auto ledger = open();
  // Without 2027 data a 2027 due date is provisional: as the plan states it.
  EXPECT_EQ(ledger.state(ItemRef{plan27, kCadres, ""}).original_due, ymd(2027, 10, 8));
  EXPECT_FALSE(ledger.calendar()->has_year(2027));
  const std::int64_t events = ledger.event_count();

  const CalendarLoad load = ledger.load_calendar(data("2027-test.json"), "2027-test.json");
  EXPECT_EQ(load.event, events + 1);
  EXPECT_EQ(load.years_added, std::vector<int>{2027});
  EXPECT_TRUE(load.years_replaced.empty());
  // The weekday holidays (元旦 1, 春节 5, 劳动节 3, 国庆·中秋 6) and the three
  // adjusted working days: the days that differ from a weekends-only guess.
  ASSERT_EQ(load.days.size(), 18U);
  EXPECT_EQ(load.days.front(), (DayChange{ymd(2027, 1, 1), true, false, false, true, "元旦 (" + kTestNotice + ")"}));
  const auto oct8 = std::find_if(load.days.begin(), load.days.end(),
                                 [](const DayChange& d) { return d.date == ymd(2027, 10, 8); });
  ASSERT_NE(oct8, load.days.end());
  EXPECT_FALSE(oct8->now_working);
  EXPECT_EQ(load.days.back().date, ymd(2027, 10, 9));
  EXPECT_TRUE(load.days.back().now_working);

  // Exactly the deadlines that moved: the monthly reports due on a weekend
  // or in 春节 and 国庆, and task 4 out of 国庆 onto the worked Saturday.
  // Nothing of the 2025 plan moves.
  const char* monthly = "建立月度报告制度";
  const std::vector<DeadlineMove> expected{
      move(kMonthly, "3@2027-01", monthly, ymd(2027, 1, 10), ymd(2027, 1, 11)),
      move(kMonthly, "3@2027-02", monthly, ymd(2027, 2, 10), ymd(2027, 2, 15)),
      move(kMonthly, "3@2027-04", monthly, ymd(2027, 4, 10), ymd(2027, 4, 12)),
      move(kMonthly, "3@2027-07", monthly, ymd(2027, 7, 10), ymd(2027, 7, 12)),
      move(kMonthly, "3@2027-10", monthly, ymd(2027, 10, 10), ymd(2027, 10, 11)),
      move(kCadres, "", "选派挂职干部", ymd(2027, 10, 8), ymd(2027, 10, 9)),
  };
  EXPECT_EQ(load.moved, expected);

  // The ledger's dates follow the loaded data.
  EXPECT_EQ(ledger.state(ItemRef{plan27, kCadres, ""}).original_due, ymd(2027, 10, 9));
  EXPECT_EQ(ledger.state(ItemRef{plan27, kMonthly, "3@2027-10"}).original_due, ymd(2027, 10, 11));
  EXPECT_EQ(ledger.state(ItemRef{plan, report_testing::kCadres, ""}).original_due, ymd(2025, 6, 30));
  const auto calendar = ledger.calendar();
  EXPECT_TRUE(calendar->has_year(2027));
  EXPECT_TRUE(calendar->is_workday(ymd(2027, 10, 9)));
  EXPECT_EQ(calendar->describe(ymd(2027, 10, 8)).source, kTestNotice);
  // The built-in years are still there.
  EXPECT_EQ(calendar->workdays_in_year(std::chrono::year{2024}), 251);
}

TEST_F(CalendarStore, TheDataIsAnEventOfTheAuditChain) {
  auto ledger = open();
  const CalendarData loaded = data("2027-test.json");
  const UnitId office = unit(ledger, "区合作交流办");
  const CalendarLoad load = ledger.load_calendar(loaded, "2027-test.json", Actor{office, "张三"});
  const Event e = ledger.event(load.event);
  EXPECT_EQ(e.kind, EventKind::calendar_loaded);
  EXPECT_EQ(to_string(e.kind), "calendar_loaded");
  EXPECT_EQ(e.item, ItemRef{});
  EXPECT_EQ(e.actor, (Actor{office, "张三"}));
  EXPECT_EQ(e.text, to_json(loaded));
  EXPECT_EQ(parse_calendar_data(e.text), loaded);
  EXPECT_EQ(e.evidence, (std::vector<std::string>{"2027-test.json", kTestNotice}));
  EXPECT_EQ(raw_text(path, "SELECT count(*) FROM events WHERE kind = 11"), "1");

  const ChainCheck check = ledger.verify();
  EXPECT_TRUE(check.intact()) << check.message;
  EXPECT_EQ(check.events, load.event);
}

TEST_F(CalendarStore, EditingTheStoredDataIsCaughtByVerify) {
  EventId id = 0;
  {
    auto ledger = open();
    id = ledger.load_calendar(data("2027-test.json"), "2027-test.json").event;
  }
  // Someone shortens 国庆 by hand, in the file: still calendar data, but no
  // longer what was loaded.
  raw_exec(path, "UPDATE events SET text = replace(text, '2027-10-08', '2027-10-07') WHERE kind = 11");
  auto ledger = open();
  const ChainCheck check = ledger.verify();
  EXPECT_EQ(check.finding, ChainFinding::altered);
  EXPECT_EQ(check.event, id);
  EXPECT_EQ(check.message, "event " + std::to_string(id) + " was altered: its content no longer matches its hash");

  // Data that no longer read at all are damage, named with the event.
  raw_exec(path, "UPDATE events SET text = '{\"years\": 1}' WHERE kind = 11");
  auto again = open();
  const Error e = expect_error([&] { (void)again.calendar(); }, Errc::corrupt);
  EXPECT_EQ(std::string(e.what()).rfind("ledger '" + path + "' is damaged: event " + std::to_string(id) +
                                            " (calendar_loaded) holds calendar data that no longer read: 2027-test.json",
                                        0),
            0U)
      << e.what();
}

TEST_F(CalendarStore, OnlyTheCoordinatingOfficeMayLoadDataAndARefusalWritesNothing) {
  auto ledger = open();
  const ChainCheck before = ledger.verify();
  const std::string revision = raw_text(path, "SELECT value FROM settings WHERE key = 'revision'");
  const Error e = expect_error(
      [&] {
        ledger.load_calendar(data("2027-test.json"), "2027-test.json", Actor{unit(ledger, "区教育局"), "李四"});
      },
      Errc::perm);
  EXPECT_EQ(e.klass(), ErrClass::argument);
  EXPECT_EQ(std::string(e.what()),
            "refused: 区教育局 (user '李四') may not load calendar data: only the coordinating office (区合作交流办) "
            "may change the calendar");
  EXPECT_EQ(ledger.event_count(), before.events);
  EXPECT_EQ(ledger.verify().head, before.head);
  EXPECT_EQ(raw_text(path, "SELECT value FROM settings WHERE key = 'revision'"), revision);
  EXPECT_FALSE(ledger.calendar()->has_year(2027));
  EXPECT_EQ(ledger.state(ItemRef{plan27, kCadres, ""}).original_due, ymd(2027, 10, 8));
}

TEST_F(CalendarStore, ContradictoryDataNameTheirOriginAndWriteNothing) {
  auto ledger = open();
  const std::int64_t events = ledger.event_count();
  CalendarData bad = data("2027-test.json");
  bad.years[0].workdays.push_back(ymd(2027, 10, 12));  // a Tuesday
  const Error own = expect_error([&] { ledger.load_calendar(bad, "bad.json"); }, Errc::inval);
  EXPECT_EQ(std::string(own.what()), "bad.json: 2027: adjusted working day 2027-10-12 is a weekday, already a working day");

  // Data that agree with themselves but not with the years already held.
  ledger.load_calendar(data("2027-test.json"), "2027-test.json");
  const std::int64_t loaded = ledger.event_count();
  EXPECT_EQ(loaded, events + 1);
  CalendarData clash;
  clash.years.push_back(YearCalendar{2028, "测试用通知（虚构）", {}, {ymd(2027, 10, 2)}});
  const Error held = expect_error([&] { ledger.load_calendar(clash, "2028.json"); }, Errc::inval);
  EXPECT_EQ(std::string(held.what()),
            "2028.json (with the calendar the ledger holds): 2028: adjusted working day 2027-10-02 lies inside "
            "2027's holiday 国庆·中秋 (2027-10-01–2027-10-08)");

  expect_error([&] { ledger.load_calendar(data("2027-local-test.json"), ""); }, Errc::inval);
  CalendarData not_utf8 = data("2027-local-test.json");
  not_utf8.local[0].name = "\xff";
  expect_error([&] { ledger.load_calendar(not_utf8, "local.json"); }, Errc::encoding);
  EXPECT_EQ(ledger.event_count(), loaded);
  EXPECT_TRUE(ledger.verify().intact());
}

TEST_F(CalendarStore, TheSameDataTwiceChangesAndMovesNothing) {
  auto ledger = open();
  const CalendarLoad first = ledger.load_calendar(data("2027-test.json"), "2027-test.json");
  EXPECT_FALSE(first.moved.empty());
  const std::int64_t events = ledger.event_count();
  const CalendarLoad second = ledger.load_calendar(data("2027-test.json"), "copy of 2027-test.json");
  EXPECT_EQ(second.event, 0);
  EXPECT_TRUE(second.years_added.empty());
  EXPECT_TRUE(second.years_replaced.empty());
  EXPECT_TRUE(second.days.empty());
  EXPECT_TRUE(second.moved.empty());
  EXPECT_EQ(ledger.event_count(), events);
}

TEST_F(CalendarStore, ACorrectedNoticeReplacesItsYearAndMovesTheDeadlineBack) {
  auto ledger = open();
  ledger.load_calendar(data("2027-test.json"), "2027-test.json");
  const CalendarLoad fix = ledger.load_calendar(data("2027-test-corrected.json"), "2027-test-corrected.json");
  EXPECT_NE(fix.event, 0);
  EXPECT_TRUE(fix.years_added.empty());
  EXPECT_EQ(fix.years_replaced, std::vector<int>{2027});
  EXPECT_EQ(fix.days, (std::vector<DayChange>{{ymd(2027, 10, 8), false, true, true, true, "weekday"}}));
  EXPECT_EQ(fix.moved,
            (std::vector<DeadlineMove>{move(kCadres, "", "选派挂职干部", ymd(2027, 10, 9), ymd(2027, 10, 8))}));
  EXPECT_EQ(ledger.calendar()->data().years.back().source, "测试用通知（虚构，更正版）");
}

TEST_F(CalendarStore, ALocalClosureMovesWhatFallsOnIt) {
  auto ledger = open();
  ledger.load_calendar(data("2027-test.json"), "2027-test.json");
  const CalendarLoad local = ledger.load_calendar(data("2027-local-test.json"), "2027-local-test.json");
  EXPECT_TRUE(local.years_added.empty());
  ASSERT_EQ(local.days.size(), 1U);
  EXPECT_EQ(local.days[0].reason, "台风停工 (测试用区防汛防台指挥部通知（虚构）)");
  // 2027-04-30 closed; 05-01..05-05 劳动节: the next working day is 05-06.
  EXPECT_EQ(local.moved,
            (std::vector<DeadlineMove>{move(kMechanism, "", "健全工作机制", ymd(2027, 4, 30), ymd(2027, 5, 6))}));
  EXPECT_EQ(ledger.event(local.event).evidence,
            (std::vector<std::string>{"2027-local-test.json", "测试用区防汛防台指挥部通知（虚构）"}));
}

TEST_F(CalendarStore, ReopeningAndOtherConnectionsSeeTheSameCalendar) {
  auto reader = open();
  EXPECT_FALSE(reader.calendar()->has_year(2027));  // now cached
  CalendarData expected;
  {
    auto writer = open();
    writer.load_calendar(data("2027-test.json"), "2027-test.json");
    writer.load_calendar(data("2027-local-test.json"), "2027-local-test.json");
    expected = writer.calendar()->data();
  }
  // The revision moved: the open reader drops its cached calendar.
  EXPECT_EQ(reader.calendar()->data(), expected);
  EXPECT_EQ(reader.state(ItemRef{plan27, kCadres, ""}).original_due, ymd(2027, 10, 9));
  auto reopened = Ledger::open(path, {.read_only = true});
  EXPECT_EQ(reopened.calendar()->data(), expected);
  EXPECT_TRUE(reopened.calendar()->has_year(2023));
  // A calendar handed out stays as it was when the ledger closes.
  const auto kept = reopened.calendar();
  reopened.close();
  EXPECT_TRUE(kept->has_year(2027));
}

TEST_F(CalendarStore, ApprovedExtensionsAreShiftedOnTheLedgersCalendar) {
  auto ledger = open();
  ledger.load_calendar(data("2027-test.json"), "2027-test.json");
  const ItemRef item{plan27, kCadres, ""};
  // Until Sunday 2027-10-10: the extended due date moves to Monday.
  const EventId request =
      ledger.request_extension(item, ymd(2027, 10, 10), step(ledger, "区委组织部", ymd(2027, 9, 1), "人选待定"));
  ledger.approve_extension(request, step(ledger, "区合作交流办", ymd(2027, 9, 3)));
  const ItemState st = ledger.state(item);
  EXPECT_EQ(st.original_due, ymd(2027, 10, 9));
  EXPECT_EQ(st.current_due, ymd(2027, 10, 11));
  ASSERT_EQ(st.extensions.size(), 1U);
  EXPECT_EQ(st.extensions[0].due, ymd(2027, 10, 9));
}

}  // namespace
}  // namespace duban
