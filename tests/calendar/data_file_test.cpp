// The calendar data file: reading, writing back, and every error it reports.
#include <gtest/gtest.h>

#include <fstream>

#include "calendar/test_util.hpp"
#include "duban/calendar.hpp"

namespace duban {
namespace {

using namespace duban::testing;

// Invented data for tests only: no real notice says this about 2027.
const char* kFixture = R"({
  "duban_calendar": 1,
  "years": [
    {
      "year": 2027,
      "source": "test fixture, not an official notice",
      "holidays": [
        {"name": "元旦", "first": "2027-01-01", "last": "2027-01-03"},
        {"name": "测试假期", "first": "2027-02-08", "last": "2027-02-10"}
      ],
      "workdays": ["2027-02-06"]
    }
  ],
  "local": [
    {"name": "台风停工", "scope": "测试区", "date": "2024-09-18", "source": "test source"},
    {"name": "补班", "scope": "测试区", "date": "2024-09-22", "working": true, "source": "test source"}
  ]
})";

TEST(CalendarDataFile, ParsesYearsAndLocalRules) {
  const CalendarData data = parse_calendar_data(kFixture, "fixture.json");
  ASSERT_EQ(data.years.size(), 1u);
  EXPECT_EQ(data.years[0].year, 2027);
  EXPECT_EQ(data.years[0].source, "test fixture, not an official notice");
  ASSERT_EQ(data.years[0].holidays.size(), 2u);
  EXPECT_EQ(data.years[0].holidays[1], (HolidayRange{"测试假期", d(2027, 2, 8), d(2027, 2, 10)}));
  EXPECT_EQ(data.years[0].workdays, std::vector<Date>{d(2027, 2, 6)});
  ASSERT_EQ(data.local.size(), 2u);
  EXPECT_EQ(data.local[0], (LocalRule{"台风停工", "测试区", d(2024, 9, 18), d(2024, 9, 18), false, "test source"}));
  EXPECT_TRUE(data.local[1].working);
}

TEST(CalendarDataFile, RoundTripsThroughJson) {
  const CalendarData builtin = builtin_calendar_data();
  EXPECT_EQ(parse_calendar_data(to_json(builtin)), builtin);
  const CalendarData fixture = parse_calendar_data(kFixture);
  EXPECT_EQ(parse_calendar_data(to_json(fixture)), fixture);
  EXPECT_EQ(to_json(fixture), to_json(parse_calendar_data(to_json(fixture))));  // deterministic
  EXPECT_NE(to_json(builtin).find("\"name\": \"春节\""), std::string::npos);     // UTF-8 kept, not escaped
}

TEST(CalendarDataFile, LoadsFromAFile) {
  const std::string path = ::testing::TempDir() + "duban_calendar_fixture.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBF" << kFixture;  // with a BOM, as Windows editors write it
  }
  EXPECT_EQ(load_calendar_data(path), parse_calendar_data(kFixture));
  std::remove(path.c_str());
  EXPECT_TRUE(throws_error([&] { load_calendar_data(path); }, Errc::io, ErrClass::storage,
                           "cannot read calendar data file '" + path + "'"));
}

TEST(CalendarDataFile, StructureErrorsNameTheField) {
  const auto parse = [](std::string text) { return [text] { parse_calendar_data(text, "x.json"); }; };
  EXPECT_TRUE(throws_error(parse(R"({"years": []})"), Errc::parse, ErrClass::time,
                           "x.json: missing field \"duban_calendar\" (the format version, 1)"));
  EXPECT_TRUE(throws_error(parse(R"({"duban_calendar": 2})"), Errc::parse, ErrClass::time,
                           "x.json: duban_calendar: format version 2 is not supported (this reader knows 1)"));
  EXPECT_TRUE(throws_error(parse(R"([1])"), Errc::parse, ErrClass::time, "x.json: expected a JSON object, found array"));
  EXPECT_TRUE(throws_error(parse(R"({"duban_calendar": 1, "yaers": []})"), Errc::parse, ErrClass::time,
                           "x.json: unknown field \"yaers\""));
  EXPECT_TRUE(throws_error(parse(R"({"duban_calendar": 1, "years": [{"year": "2027", "source": "s"}]})"),
                           Errc::parse, ErrClass::time, "x.json: years[0].year: expected an integer, found string"));
  EXPECT_TRUE(throws_error(parse(R"({"duban_calendar": 1, "years": [{"year": 2027}]})"), Errc::parse,
                           ErrClass::time, "x.json: years[0]: missing field \"source\""));
  EXPECT_TRUE(throws_error(
      parse(R"({"duban_calendar": 1, "years": [{"year": 2027, "source": "s", "holiday": []}]})"), Errc::parse,
      ErrClass::time, "x.json: years[0]: unknown field \"holiday\""));
  EXPECT_TRUE(throws_error(
      parse(R"({"duban_calendar": 1, "years": [{"year": 2027, "source": "s",
                 "holidays": [{"name": "a", "date": "2027-01-01"}, {"name": "b", "first": "2027-02-01", "last": "2027-02-30"}]}]})"),
      Errc::parse, ErrClass::time,
      "x.json: years[0].holidays[1].last: expected a date YYYY-MM-DD, found '2027-02-30'"));
  EXPECT_TRUE(throws_error(
      parse(R"({"duban_calendar": 1, "years": [{"year": 2027, "source": "s", "workdays": ["2027/02/06"]}]})"),
      Errc::parse, ErrClass::time, "x.json: years[0].workdays[0]: expected a date YYYY-MM-DD, found '2027/02/06'"));
  EXPECT_TRUE(throws_error(
      parse(R"({"duban_calendar": 1, "local": [{"name": "a", "date": "2024-09-18", "first": "2024-09-18", "source": "s"}]})"),
      Errc::parse, ErrClass::time, "x.json: local[0]: give either \"date\" or \"first\" and \"last\", not both"));
  EXPECT_TRUE(throws_error(
      parse(R"({"duban_calendar": 1, "local": [{"name": "a", "date": "2024-09-18", "working": "no", "source": "s"}]})"),
      Errc::parse, ErrClass::time, "x.json: local[0].working: expected true or false, found string"));
  EXPECT_TRUE(throws_error(parse(R"({"duban_calendar": 1, "years": [{"year": 20270, "source": "s"}]})"),
                           Errc::parse, ErrClass::time, "x.json: years[0].year: year 20270 is outside 1900..2199"));
}

TEST(CalendarDataFile, SyntaxAndEncodingErrors) {
  try {
    parse_calendar_data("{\n  \"duban_calendar\": 1,\n  \"years\": [,]\n}", "x.json");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), Errc::parse);
    EXPECT_EQ(std::string(e.what()).rfind("x.json:3:", 0), 0u) << e.what();
  }
  EXPECT_TRUE(throws_error([] { parse_calendar_data("{\"duban_calendar\": 1, \"x\": \"\xFF\"}", "x.json"); },
                           Errc::encoding, ErrClass::text, "x.json: not valid UTF-8 at byte 28"));
}

TEST(CalendarDataFile, ContradictionsNameTheYearAndRule) {
  const auto check = [](CalendarData data, const std::string& message) {
    return throws_error([&] { const WorkCalendar c(data); }, Errc::inval, ErrClass::time, message);
  };
  CalendarData twice = builtin_calendar_data();
  twice.years.push_back(twice.years[1]);
  EXPECT_TRUE(check(twice, "calendar data: year 2024 appears twice"));

  CalendarData backwards = builtin_calendar_data();
  backwards.years[1].holidays[1] = {"春节", d(2024, 2, 17), d(2024, 2, 10)};
  EXPECT_TRUE(check(backwards, "calendar data: 2024: holiday 春节 (2024-02-17–2024-02-10) ends before it starts"));

  CalendarData weekday = builtin_calendar_data();
  weekday.years[1].workdays.push_back(d(2024, 2, 5));
  EXPECT_TRUE(check(weekday, "calendar data: 2024: adjusted working day 2024-02-05 is a weekday, already a working day"));

  CalendarData inside = builtin_calendar_data();
  inside.years[1].workdays.push_back(d(2024, 2, 11));
  EXPECT_TRUE(check(inside, "calendar data: 2024: adjusted working day 2024-02-11 lies inside 2024's holiday 春节 "
                            "(2024-02-10–2024-02-17)"));

  CalendarData across = builtin_calendar_data();
  across.years[0].workdays.push_back(d(2023, 12, 31));
  across.years[1].holidays[0] = {"元旦", d(2023, 12, 30), d(2024, 1, 1)};
  EXPECT_TRUE(check(across, "calendar data: 2024: holiday 元旦 (2023-12-30–2024-01-01) contains 2023-12-31, which "
                            "2023's adjusted working day 2023-12-31 makes a working day"));

  CalendarData far = builtin_calendar_data();
  far.years[1].holidays.push_back({"国庆", d(2025, 10, 1), d(2025, 10, 7)});
  EXPECT_TRUE(check(far, "calendar data: 2024: holiday 国庆 (2025-10-01–2025-10-07) does not touch 2024"));

  CalendarData nameless = builtin_calendar_data();
  nameless.years[1].holidays.push_back({"", d(2024, 3, 1), d(2024, 3, 1)});
  EXPECT_TRUE(check(nameless, "calendar data: 2024: a holiday (2024-03-01–2024-03-01) has no name"));

  CalendarData bad_date = builtin_calendar_data();
  bad_date.years[1].holidays.push_back({"x", d(2024, 2, 30), d(2024, 3, 1)});
  EXPECT_TRUE(check(bad_date, "calendar data: 2024: holiday x: first 2024-02-30 is not a date"));

  CalendarData no_source;
  no_source.years.push_back({2027, "", {}, {}});
  EXPECT_TRUE(check(no_source, "calendar data: 2027: the source is empty (name the notice the data come from)"));

  CalendarData old;
  old.years.push_back({1800, "s", {}, {}});
  EXPECT_TRUE(check(old, "calendar data: year 1800 is outside 1900..2199"));

  CalendarData dup;
  dup.years.push_back({2027, "s", {}, {d(2027, 2, 6), d(2027, 2, 6)}});
  EXPECT_TRUE(check(dup, "calendar data: 2027: adjusted working day 2027-02-06 is listed twice"));

  CalendarData disagree = builtin_calendar_data();
  disagree.local.push_back({"A", "", d(2024, 9, 18), d(2024, 9, 18), false, "s"});
  disagree.local.push_back({"B", "", d(2024, 9, 18), d(2024, 9, 19), true, "s"});
  EXPECT_TRUE(check(disagree, "calendar data: local rule A (2024-09-18–2024-09-18) and local rule B "
                              "(2024-09-18–2024-09-19) disagree on 2024-09-18"));

  CalendarData long_rule;
  long_rule.local.push_back({"封控", "", d(2024, 1, 1), d(2025, 6, 1), false, "s"});
  EXPECT_TRUE(check(long_rule, "calendar data: local rule 封控 (2024-01-01–2025-06-01) spans more than 366 days"));

  CalendarData sourceless;
  sourceless.local.push_back({"A", "", d(2024, 9, 18), d(2024, 9, 18), false, ""});
  EXPECT_TRUE(check(sourceless, "calendar data: local rule A (2024-09-18–2024-09-18): the source is empty"));

  // A file names itself in the same messages.
  EXPECT_TRUE(throws_error(
      [] {
        parse_calendar_data(R"({"duban_calendar": 1, "years": [{"year": 2027, "source": "s",
                                  "workdays": ["2027-02-08"]}]})",
                            "2027.json");
      },
      Errc::inval, ErrClass::time, "2027.json: 2027: adjusted working day 2027-02-08 is a weekday, already a working day"));
}

}  // namespace
}  // namespace duban
