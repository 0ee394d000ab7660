/* The working-day calendar through the C API: the pinned facts of the
 * built-in 2023–2026 notices, loaded data, and the failure modes. */
#include <stdlib.h>

#include "harness.h"

static duban_date make_date(int y, int m, int d) {
  duban_date date;
  date.year = y;
  date.month = m;
  date.day = d;
  return date;
}

#define CHECK_DATE(actual, y, m, d) CHECK((actual).year == (y) && (actual).month == (m) && (actual).day == (d))

static duban_calendar *builtin(void) {
  duban_calendar *cal = NULL;
  CHECK_RC(duban_calendar_builtin(&cal), DUBAN_OK);
  CHECK(cal != NULL);
  return cal;
}

static void pinned_facts(void) {
  duban_calendar *cal = builtin();
  duban_date out = {0, 0, 0};
  int n = -1;

  /* 2024-09-29 is a Sunday worked for National Day (调休上班). */
  CHECK_RC(duban_calendar_is_workday(&n, cal, make_date(2024, 9, 29)), DUBAN_OK);
  CHECK(n == 1);
  CHECK_RC(duban_calendar_is_workday(&n, cal, make_date(2024, 10, 1)), DUBAN_OK);
  CHECK(n == 0);
  CHECK_RC(duban_calendar_add_workdays(&out, cal, make_date(2024, 9, 30), 1), DUBAN_OK);
  CHECK_DATE(out, 2024, 10, 8);
  CHECK_RC(duban_calendar_add_workdays(&out, cal, make_date(2024, 10, 8), -1), DUBAN_OK);
  CHECK_DATE(out, 2024, 9, 30);
  CHECK_RC(duban_calendar_workdays_in_year(&n, cal, 2024), DUBAN_OK);
  CHECK(n == 251);
  CHECK_RC(duban_calendar_next_workday(&out, cal, make_date(2024, 9, 30)), DUBAN_OK);
  CHECK_DATE(out, 2024, 10, 8);
  CHECK_RC(duban_calendar_previous_workday(&out, cal, make_date(2024, 10, 8)), DUBAN_OK);
  CHECK_DATE(out, 2024, 9, 30);
  /* [2024-09-27, 2024-10-08]: 27, 29, 30 and 10-08. */
  CHECK_RC(duban_calendar_workdays_between(&n, cal, make_date(2024, 9, 27), make_date(2024, 10, 8)), DUBAN_OK);
  CHECK(n == 4);
  CHECK_RC(duban_calendar_workdays_between(&n, cal, make_date(2024, 10, 8), make_date(2024, 9, 27)), DUBAN_OK);
  CHECK(n == 0);
  CHECK_RC(duban_calendar_nth_workday(&out, cal, 2024, 10, 1), DUBAN_OK);
  CHECK_DATE(out, 2024, 10, 8);
  CHECK_RC(duban_calendar_last_workday(&out, cal, 2024, 9), DUBAN_OK);
  CHECK_DATE(out, 2024, 9, 30);
  CHECK_RC(duban_calendar_nth_workday(&out, cal, 2024, 9, -1), DUBAN_OK);
  CHECK_DATE(out, 2024, 9, 30);
  CHECK_RC(duban_calendar_roll(&out, cal, make_date(2024, 10, 1), DUBAN_ROLL_FOLLOWING), DUBAN_OK);
  CHECK_DATE(out, 2024, 10, 8);
  CHECK_RC(duban_calendar_roll(&out, cal, make_date(2024, 10, 1), DUBAN_ROLL_PRECEDING), DUBAN_OK);
  CHECK_DATE(out, 2024, 9, 30);
  CHECK_RC(duban_calendar_roll(&out, cal, make_date(2024, 10, 1), DUBAN_ROLL_MODIFIED_PRECEDING), DUBAN_OK);
  CHECK_DATE(out, 2024, 10, 8); /* preceding would leave October */
  CHECK_RC(duban_calendar_roll(&out, cal, make_date(2024, 10, 1), DUBAN_ROLL_NONE), DUBAN_OK);
  CHECK_DATE(out, 2024, 10, 1);
  CHECK(duban_calendar_has_year(cal, 2026) == 1);
  CHECK(duban_calendar_has_year(cal, 2027) == 0);
  duban_calendar_free(cal);
}

static void describe_borrows_names(void) {
  duban_calendar *cal = builtin();
  duban_day_info info;
  CHECK_RC(duban_calendar_describe(&info, cal, make_date(2024, 10, 1)), DUBAN_OK);
  CHECK(info.kind == DUBAN_DAY_HOLIDAY && info.working == 0 && info.known == 1);
  CHECK_CONTAINS(info.name, "国庆");
  CHECK_CONTAINS(info.source, "国办发明电");
  CHECK_RC(duban_calendar_describe(&info, cal, make_date(2024, 9, 29)), DUBAN_OK);
  CHECK(info.kind == DUBAN_DAY_ADJUSTED_WORKDAY && info.working == 1);
  CHECK_STR(info.name, "调休上班");
  CHECK_CONTAINS(info.source, "国办发明电");
  CHECK_RC(duban_calendar_describe(&info, cal, make_date(2024, 9, 27)), DUBAN_OK);
  CHECK(info.kind == DUBAN_DAY_WEEKDAY && info.working == 1);
  CHECK_STR(info.name, "");
  CHECK_STR(info.source, "");
  /* An unknown year is described, not refused. */
  CHECK_RC(duban_calendar_describe(&info, cal, make_date(2027, 1, 2)), DUBAN_OK);
  CHECK(info.known == 0 && info.kind == DUBAN_DAY_WEEKEND && info.working == 0);
  duban_calendar_free(cal);
}

static void unknown_year_is_out_of_range(void) {
  duban_calendar *cal = builtin();
  duban_date out = {1, 1, 1};
  int n = 7;
  CHECK_RC(duban_calendar_is_workday(&n, cal, make_date(2027, 3, 1)), DUBAN_ERANGE);
  CHECK(n == 0);
  CHECK_CONTAINS(duban_error_message(), "no published calendar for 2027");
  CHECK(duban_error_class() == DUBAN_ERRCLASS_TIME);
  CHECK_RC(duban_calendar_add_workdays(&out, cal, make_date(2026, 12, 31), 1), DUBAN_ERANGE);
  CHECK_DATE(out, 0, 0, 0);
  CHECK_RC(duban_calendar_workdays_in_year(&n, cal, 2027), DUBAN_ERANGE);
  CHECK_CONTAINS(duban_error_message(), "2027");
  duban_calendar_free(cal);
}

static void bad_dates_and_values(void) {
  duban_calendar *cal = builtin();
  duban_date out;
  int n;
  CHECK_RC(duban_calendar_is_workday(&n, cal, make_date(2024, 2, 30)), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "2024-02-30 is not a date");
  CHECK_RC(duban_calendar_is_workday(&n, cal, make_date(2024, 257, 1)), DUBAN_EINVAL);
  CHECK_RC(duban_calendar_is_workday(&n, cal, make_date(0, 1, 1)), DUBAN_ERANGE);
  CHECK_RC(duban_calendar_workdays_in_month(&n, cal, 2024, 13), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "month 13 of 2024 is not a month");
  CHECK_RC(duban_calendar_workdays_in_month(&n, cal, 2024, 10), DUBAN_OK);
  CHECK(n == 19); /* with Saturday 10-12, worked */
  CHECK_RC(duban_calendar_nth_workday(&out, cal, 2024, 10, 0), DUBAN_EINVAL);
  CHECK_RC(duban_calendar_nth_workday(&out, cal, 2024, 10, 40), DUBAN_ERANGE);
  CHECK_RC(duban_calendar_roll(&out, cal, make_date(2024, 10, 1), (duban_roll_t)9), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_roll_t");
  duban_calendar_free(cal);
}

static void load_more_data_and_fallback(void) {
  static const char more[] =
      "{\"duban_calendar\": 1, \"years\": [{\"year\": 2027, \"source\": \"测试通知\", \"holidays\": [{\"name\": \"元旦\", \"first\": "
      "\"2027-01-01\", \"last\": \"2027-01-03\"}], \"workdays\": []}], \"local\": []}";
  duban_calendar *cal = NULL, *fallback = NULL;
  duban_calendar_options opts;
  duban_day_info info;
  duban_buf json = DUBAN_BUF_INIT;
  int n = -1;

  CHECK_RC(duban_calendar_load(&cal, NULL, more, DUBAN_NTS, "2027.json", NULL), DUBAN_OK);
  CHECK(duban_calendar_has_year(cal, 2027) == 1 && duban_calendar_has_year(cal, 2024) == 1);
  CHECK_RC(duban_calendar_is_workday(&n, cal, make_date(2027, 1, 1)), DUBAN_OK);
  CHECK(n == 0);
  CHECK_RC(duban_calendar_describe(&info, cal, make_date(2027, 1, 1)), DUBAN_OK);
  CHECK_STR(info.name, "元旦");
  CHECK_STR(info.source, "测试通知");
  CHECK_RC(duban_calendar_to_json(&json, cal), DUBAN_OK);
  CHECK_CONTAINS(json.ptr, "测试通知");
  duban_buf_dispose(&json);

  CHECK_RC(duban_calendar_options_init(&opts, DUBAN_CALENDAR_OPTIONS_VERSION), DUBAN_OK);
  CHECK(opts.weekends_only_fallback == 0);
  opts.weekends_only_fallback = 1;
  CHECK_RC(duban_calendar_load(&fallback, cal, NULL, 0, NULL, &opts), DUBAN_OK);
  duban_calendar_free(cal); /* the new calendar does not depend on its base */
  CHECK_RC(duban_calendar_is_workday(&n, fallback, make_date(2028, 3, 1)), DUBAN_OK);
  CHECK(n == 1);
  CHECK_RC(duban_calendar_is_workday(&n, fallback, make_date(2027, 1, 1)), DUBAN_OK);
  CHECK(n == 0);
  duban_calendar_free(fallback);

  cal = (duban_calendar *)&n;
  CHECK_RC(duban_calendar_load(&cal, NULL, "{\"duban_calendar\": 1, \"years\": 3}", DUBAN_NTS, "bad.json", NULL), DUBAN_EPARSE);
  CHECK(cal == NULL);
  CHECK_CONTAINS(duban_error_message(), "bad.json");
  CHECK_RC(duban_calendar_load(&cal, NULL, "{\"duban_calendar\": 1, \"years\": [{\"year\": 2027, \"source\": \"x\", \"holidays\": "
                                           "[{\"name\": \"y\", \"first\": \"2027-01-05\", \"last\": \"2027-01-01\"}]}]}",
                               DUBAN_NTS, "bad.json", NULL),
           DUBAN_EINVAL);
  CHECK(cal == NULL);
}

static void misuse_and_versions(void) {
  duban_calendar_options opts;
  duban_calendar *cal = NULL;
  duban_date out;
  int n;
  CHECK_RC(duban_calendar_options_init(&opts, 0), DUBAN_EINVAL);
  CHECK_RC(duban_calendar_options_init(&opts, DUBAN_CALENDAR_OPTIONS_VERSION + 1), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_calendar_options version 2 is not supported");
  CHECK_RC(duban_calendar_options_init(NULL, 1), DUBAN_EMISUSE);
  opts.version = 0;
  opts.weekends_only_fallback = 0;
  CHECK_RC(duban_calendar_load(&cal, NULL, NULL, 0, NULL, &opts), DUBAN_EINVAL);
  CHECK(cal == NULL);
  CHECK_RC(duban_calendar_builtin(NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_calendar_is_workday(&n, NULL, make_date(2024, 1, 2)), DUBAN_EMISUSE);
  CHECK_CONTAINS(duban_error_message(), "duban_calendar_is_workday: 'cal' is NULL");
  CHECK_RC(duban_calendar_add_workdays(&out, NULL, make_date(2024, 1, 2), 1), DUBAN_EMISUSE);
  CHECK_RC(duban_calendar_describe(NULL, NULL, make_date(2024, 1, 2)), DUBAN_EMISUSE);
  CHECK(duban_calendar_has_year(NULL, 2024) == 0);
  CHECK(duban_error_code() == DUBAN_EMISUSE);
  duban_calendar_free(NULL);
}

/* Calendar data kept in a ledger (the 2027 notice is made up:
 * tests/data/calendar/README.md): the report names the deadlines moved, and
 * the ledger's calendar outlives the ledger handle. */
static void db_load_calendar(void) {
  const char *path = scratch_path("calendar-load.duban");
  duban_db *db = NULL, *ro = NULL;
  duban_calendar *cal = NULL;
  duban_buf report = DUBAN_BUF_INIT;
  duban_open_options opts;
  int64_t plan = 0;
  int n = -1;
  size_t plan_len = 0, data_len = 0;
  char *plan_json = read_file(DUBAN_CAPI_CALENDAR_DATA "/plan-2027.json", &plan_len);
  char *data = read_file(DUBAN_CAPI_CALENDAR_DATA "/2027-test.json", &data_len);

  CHECK_RC(duban_db_open(&db, path, NULL), DUBAN_OK);
  CHECK_RC(duban_db_import_plan_json(&plan, db, plan_json, plan_len, DUBAN_IF_EXISTS_FAIL), DUBAN_OK);
  CHECK_RC(duban_db_calendar(&cal, db), DUBAN_OK);
  CHECK(duban_calendar_has_year(cal, 2027) == 0);
  duban_calendar_free(cal);

  CHECK_RC(duban_db_load_calendar(&report, db, data, data_len, "2027-test.json"), DUBAN_OK);
  CHECK_CONTAINS(report.ptr, "\"event\": 3,");
  CHECK_CONTAINS(report.ptr, "\"years_added\": [\n    2027\n  ]");
  CHECK_CONTAINS(report.ptr, "\"instance\": \"3@2027-10\",\n      \"title\": \"建立月度报告制度\",\n      "
                             "\"before\": \"2027-10-10\",\n      \"after\": \"2027-10-11\"");
  CHECK_CONTAINS(report.ptr, "\"key\": \"4\",\n      \"instance\": \"\",\n      \"title\": \"选派挂职干部\",\n      "
                             "\"before\": \"2027-10-08\",\n      \"after\": \"2027-10-09\"");
  duban_buf_dispose(&report);

  CHECK_RC(duban_db_calendar(&cal, db), DUBAN_OK);
  duban_db_free(db); /* the calendar does not depend on the ledger handle */
  CHECK(duban_calendar_has_year(cal, 2027) == 1);
  CHECK_RC(duban_calendar_is_workday(&n, cal, make_date(2027, 10, 9)), DUBAN_OK);
  CHECK(n == 1);
  duban_calendar_free(cal);

  /* Reopened: the same calendar; the same data again change nothing. */
  CHECK_RC(duban_db_open(&db, path, NULL), DUBAN_OK);
  CHECK_RC(duban_db_load_calendar(&report, db, data, data_len, NULL), DUBAN_OK);
  CHECK_CONTAINS(report.ptr, "\"event\": null,");
  CHECK_CONTAINS(report.ptr, "\"moved\": []");
  duban_buf_dispose(&report);
  CHECK_RC(duban_db_load_calendar(NULL, db, data, data_len, "again.json"), DUBAN_OK); /* no report wanted */

  /* Errors name the origin ("api" without one), and write nothing. */
  CHECK_RC(duban_db_load_calendar(&report, db, "{\"duban_calendar\": 1, \"years\": 3}", DUBAN_NTS, NULL), DUBAN_EPARSE);
  CHECK_CONTAINS(duban_error_message(), "api: years");
  CHECK(report.ptr == NULL);
  CHECK_RC(duban_db_load_calendar(&report, db,
                                  "{\"duban_calendar\": 1, \"years\": [{\"year\": 2028, \"source\": \"x\", "
                                  "\"workdays\": [\"2027-10-02\"]}]}",
                                  DUBAN_NTS, "2028.json"),
           DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "2028.json (with the calendar the ledger holds): 2028: adjusted working day");
  CHECK_RC(duban_db_load_calendar(&report, db, "\xff", DUBAN_NTS, "x.json"), DUBAN_EENCODING);
  CHECK_RC(duban_db_load_calendar(&report, NULL, data, data_len, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_db_load_calendar(&report, db, NULL, 0, NULL), DUBAN_EMISUSE);
  duban_db_free(db);

  /* A read-only ledger reads its calendar and refuses a load. */
  CHECK_RC(duban_open_options_init(&opts, DUBAN_OPEN_OPTIONS_VERSION), DUBAN_OK);
  opts.flags = DUBAN_OPEN_FLAG_READ_ONLY;
  CHECK_RC(duban_db_open(&ro, path, &opts), DUBAN_OK);
  CHECK_RC(duban_db_load_calendar(&report, ro, data, data_len, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_db_calendar(&cal, ro), DUBAN_OK);
  CHECK(duban_calendar_has_year(cal, 2027) == 1);
  duban_calendar_free(cal);
  cal = (duban_calendar *)&n;
  CHECK_RC(duban_db_calendar(&cal, NULL), DUBAN_EMISUSE);
  CHECK(cal == NULL);
  CHECK_RC(duban_db_calendar(NULL, ro), DUBAN_EMISUSE);
  duban_db_free(ro);
  free(plan_json);
  free(data);
}

const test_case calendar_tests[] = {
    {"pinned_facts", pinned_facts},
    {"describe_borrows_names", describe_borrows_names},
    {"unknown_year_is_out_of_range", unknown_year_is_out_of_range},
    {"bad_dates_and_values", bad_dates_and_values},
    {"load_more_data_and_fallback", load_more_data_and_fallback},
    {"misuse_and_versions", misuse_and_versions},
    {"db_load_calendar", db_load_calendar},
    {NULL, NULL},
};
