/* Status and warning lights through the C API, on the example plan
 * (examples/plans/east-west-2025.json) as of 2025-07-01. */
#include <stdlib.h>

#include "harness.h"

static char *plan_json;
static size_t plan_len;

static duban_plan *example_plan(void) {
  duban_plan *plan = NULL;
  if (plan_json == NULL) plan_json = read_file(DUBAN_CAPI_EXAMPLE_PLAN, &plan_len);
  CHECK_RC(duban_plan_parse(&plan, plan_json, plan_len, "east-west-2025.json"), DUBAN_OK);
  return plan;
}

static duban_date make_date(int y, int m, int d) {
  duban_date date;
  date.year = y;
  date.month = m;
  date.day = d;
  return date;
}

/* The index of the item with id `id`, or the count when there is none. */
static size_t find_item(const duban_status *status, const char *id) {
  size_t i, n = duban_status_count(status);
  for (i = 0; i < n; ++i) {
    const char *item = duban_status_item_id(status, i, NULL);
    if (item != NULL && strcmp(item, id) == 0) return i;
  }
  return n;
}

static void overdue_task_is_red(void) {
  duban_plan *plan = example_plan();
  duban_status *status = NULL;
  duban_date due = {0, 0, 0}, original = {0, 0, 0};
  duban_buf reasons = DUBAN_BUF_INIT;
  size_t i, count = 0, len = 0, n;
  double actual = 0, expected = 0;

  CHECK_RC(duban_status_evaluate(&status, plan, NULL, make_date(2025, 7, 1), NULL, 0, NULL), DUBAN_OK);
  duban_plan_free(plan); /* the report keeps what it needs */
  n = duban_status_count(status);
  CHECK(n >= 14);
  i = find_item(status, "4");
  CHECK(i < n);
  CHECK(duban_status_item_task(status, i) == 4);
  CHECK(duban_status_item_kind(status, i) == DUBAN_ITEM_TASK);
  CHECK(duban_status_item_status(status, i) == DUBAN_STATUS_OVERDUE);
  CHECK(duban_status_item_light(status, i) == DUBAN_LIGHT_RED);
  CHECK_RC(duban_status_item_due(&due, status, i), DUBAN_OK);
  CHECK(due.year == 2025 && due.month == 6 && due.day == 30);
  CHECK_RC(duban_status_item_original_due(&original, status, i), DUBAN_OK);
  CHECK(original.year == 2025 && original.month == 6 && original.day == 30);
  CHECK(duban_status_item_title(status, i, &len) != NULL && len > 0);
  CHECK_RC(duban_status_item_percent(&actual, &expected, status, i), DUBAN_OK);
  CHECK(actual == -1.0);     /* nothing reported */
  CHECK(expected == 100.0);  /* the due date has passed */
  CHECK_RC(duban_status_item_reasons(&reasons, &count, status, i), DUBAN_OK);
  CHECK(count == 1);
  CHECK_CONTAINS(reasons.ptr, "\"code\":\"overdue\"");
  CHECK_CONTAINS(reasons.ptr, "\"due\":\"2025-06-30\"");
  CHECK_CONTAINS(reasons.ptr, "\"workdays_late\":1");
  duban_buf_dispose(&reasons);

  CHECK(duban_status_light_count(status, DUBAN_LIGHT_RED) >= 1);
  CHECK(duban_status_light_count(status, DUBAN_LIGHT_GREEN) + duban_status_light_count(status, DUBAN_LIGHT_BLUE) +
            duban_status_light_count(status, DUBAN_LIGHT_YELLOW) + duban_status_light_count(status, DUBAN_LIGHT_RED) ==
        n);
  CHECK(duban_status_light_count(status, (duban_light_t)0) == 0);
  CHECK(duban_error_code() == DUBAN_EINVAL);

  /* An instance of the recurring task: its id says so. */
  for (i = 0; i < n; ++i) {
    if (duban_status_item_kind(status, i) == DUBAN_ITEM_INSTANCE) break;
  }
  CHECK(i < n);
  CHECK_CONTAINS(duban_status_item_id(status, i, NULL), "@2025-");

  CHECK(duban_status_item_status(status, n) == DUBAN_ERANGE);
  CHECK_CONTAINS(duban_error_message(), "is not in a report of");
  CHECK(duban_status_item_id(status, n, &len) == NULL && len == 0);
  duban_status_free(status);
}

static void facts_and_options(void) {
  static const char facts[] =
      "{\"duban_progress\": 1, \"items\": [{\"task\": \"4\", \"done\": \"2025-06-27\"}]}";
  duban_plan *plan = example_plan();
  duban_status *status = NULL;
  duban_status_options opts;
  duban_buf json = DUBAN_BUF_INIT;
  size_t i;

  CHECK_RC(duban_status_options_init(&opts, DUBAN_STATUS_OPTIONS_VERSION), DUBAN_OK);
  CHECK(opts.due_soon_workdays == 3 && opts.lag_yellow == 10.0 && opts.lag_red == 30.0 && opts.four_colour == 0);
  CHECK(opts.approaching_workdays == 10 && opts.due_basis == DUBAN_DUE_BASIS_CURRENT);
  CHECK(opts.done_late_light == DUBAN_LIGHT_GREEN && opts.workday_curve == 1 && opts.shift == DUBAN_ROLL_FOLLOWING);
  opts.four_colour = 1;
  CHECK_RC(duban_status_evaluate(&status, plan, NULL, make_date(2025, 7, 1), facts, DUBAN_NTS, &opts), DUBAN_OK);
  i = find_item(status, "4");
  CHECK(duban_status_item_status(status, i) == DUBAN_STATUS_DONE_ON_TIME);
  CHECK(duban_status_item_light(status, i) == DUBAN_LIGHT_GREEN);
  CHECK_RC(duban_status_to_json(&json, status), DUBAN_OK);
  CHECK_CONTAINS(json.ptr, "\"as_of\": \"2025-07-01\"");
  CHECK_CONTAINS(json.ptr, "\"four_colour\": true");
  CHECK_CONTAINS(json.ptr, "\"status\": \"done_on_time\"");
  duban_buf_dispose(&json);
  duban_status_free(status);

  status = (duban_status *)&i;
  CHECK_RC(duban_status_evaluate(&status, plan, NULL, make_date(2025, 7, 1),
                                 "{\"duban_progress\": 1, \"items\": [{\"task\": \"99\"}]}", DUBAN_NTS, NULL),
           DUBAN_EINVAL);
  CHECK(status == NULL);
  CHECK_CONTAINS(duban_error_message(), "99");
  opts.lag_yellow = 40.0;
  CHECK_RC(duban_status_evaluate(&status, plan, NULL, make_date(2025, 7, 1), NULL, 0, &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "lag_red");
  CHECK_RC(duban_status_options_init(&opts, 1), DUBAN_OK);
  opts.due_basis = 7;
  CHECK_RC(duban_status_evaluate(&status, plan, NULL, make_date(2025, 7, 1), NULL, 0, &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_status_options.due_basis 7");
  /* as_of in a year without a calendar */
  CHECK_RC(duban_status_evaluate(&status, plan, NULL, make_date(2027, 7, 1), NULL, 0, NULL), DUBAN_ERANGE);
  CHECK_CONTAINS(duban_error_message(), "2027");
  duban_plan_free(plan);
}

static void explicit_calendar(void) {
  duban_plan *plan = example_plan();
  duban_calendar *cal = NULL;
  duban_status *status = NULL;
  CHECK_RC(duban_calendar_builtin(&cal), DUBAN_OK);
  CHECK_RC(duban_status_evaluate(&status, plan, cal, make_date(2025, 6, 26), NULL, 0, NULL), DUBAN_OK);
  duban_calendar_free(cal);
  /* 06-30 is two working days after 06-26: due soon, yellow. */
  CHECK(duban_status_item_status(status, find_item(status, "4")) == DUBAN_STATUS_DUE_SOON);
  CHECK(duban_status_item_light(status, find_item(status, "4")) == DUBAN_LIGHT_YELLOW);
  duban_status_free(status);
  duban_plan_free(plan);
}

static void names_misuse_and_versions(void) {
  duban_status_options opts;
  duban_status *status = NULL;
  duban_date date = {0, 0, 0};
  CHECK_STR(duban_status_code_name(DUBAN_STATUS_OVERDUE), "overdue");
  CHECK_STR(duban_status_code_name(DUBAN_STATUS_DONE_ON_TIME), "done_on_time");
  CHECK(duban_status_code_name(0) == NULL);
  CHECK(duban_error_code() == DUBAN_EINVAL);
  CHECK_STR(duban_light_name(DUBAN_LIGHT_RED), "red");
  CHECK_STR(duban_light_name(DUBAN_LIGHT_BLUE), "blue");
  CHECK(duban_light_name(5) == NULL);

  CHECK_RC(duban_status_options_init(&opts, 0), DUBAN_EINVAL);
  CHECK_RC(duban_status_options_init(&opts, DUBAN_STATUS_OPTIONS_VERSION + 1), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_status_options version 2 is not supported");
  CHECK_RC(duban_status_options_init(NULL, 1), DUBAN_EMISUSE);
  CHECK_RC(duban_status_evaluate(&status, NULL, NULL, make_date(2025, 7, 1), NULL, 0, NULL), DUBAN_EMISUSE);
  CHECK_CONTAINS(duban_error_message(), "duban_status_evaluate: 'plan' is NULL");
  CHECK(status == NULL);
  CHECK(duban_status_count(NULL) == 0);
  CHECK(duban_error_code() == DUBAN_EMISUSE);
  CHECK(duban_status_item_light(NULL, 0) == DUBAN_EMISUSE);
  CHECK(duban_status_item_task(NULL, 0) == 0);
  CHECK_RC(duban_status_item_due(&date, NULL, 0), DUBAN_EMISUSE);
  CHECK_RC(duban_status_to_json(NULL, NULL), DUBAN_EMISUSE);
  duban_status_free(NULL);
}


/* A plan stored in a ledger, evaluated from the ledger, and the views a
 * unit and a light give of it. */
static void ledger_status_and_views(void) {
  const char *path = scratch_path("status-views.duban");
  duban_db *db = NULL;
  duban_plan *parsed = example_plan(), *plan = NULL;
  duban_directory *dir = NULL;
  duban_graph *graph = NULL;
  duban_status *status = NULL, *plain = NULL;
  duban_status_cursor *cursor = NULL;
  duban_task_cursor *tasks = NULL;
  duban_status_query query;
  int64_t id = 0, unit = 0;
  size_t item = 0, task_rows = 0, red = 0;
  int32_t category = 99;
  int rc;

  CHECK_RC(duban_db_open(&db, path, NULL), DUBAN_OK);
  CHECK_RC(duban_db_import_plan(&id, db, parsed, DUBAN_IF_EXISTS_FAIL), DUBAN_OK);
  /* Only a plan loaded from the ledger says which ledger plan it is. */
  CHECK_RC(duban_db_status(&status, db, parsed, NULL, make_date(2025, 7, 1), NULL), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_plan_load");
  CHECK(status == NULL);
  CHECK_RC(duban_plan_load(&plan, db, id), DUBAN_OK);
  CHECK_RC(duban_db_status(&status, db, plan, NULL, make_date(2025, 7, 1), NULL), DUBAN_OK);
  CHECK_RC(duban_status_evaluate(&plain, plan, NULL, make_date(2025, 7, 1), NULL, 0, NULL), DUBAN_OK);
  /* Nothing reported yet: the ledger's view is the plan's own. */
  CHECK(duban_status_count(status) == duban_status_count(plain));
  CHECK(duban_status_item_light(status, find_item(status, "4")) == DUBAN_LIGHT_RED);
  CHECK_RC(duban_status_item_category(&category, status, find_item(status, "4")), DUBAN_OK);
  CHECK(category >= 0);
  CHECK_RC(duban_status_item_category(&category, status, duban_status_count(status)), DUBAN_ERANGE);
  CHECK(category == -1);

  /* A unit's view: one row per item of each task it holds. */
  CHECK_RC(duban_plan_directory(&dir, plan), DUBAN_OK);
  CHECK_RC(duban_directory_lookup(&unit, dir, "区合作交流办", DUBAN_NTS), DUBAN_OK);
  CHECK_RC(duban_graph_new(&graph, plan, dir), DUBAN_OK);
  CHECK_RC(duban_task_cursor_new(&tasks, graph, unit, NULL), DUBAN_OK);
  CHECK_RC(duban_status_query_init(&query, DUBAN_STATUS_QUERY_VERSION), DUBAN_OK);
  query.unit_id = unit;
  CHECK_RC(duban_status_cursor_new(&cursor, status, graph, &query), DUBAN_OK);
  CHECK_RC(duban_status_cursor_item(&item, cursor), DUBAN_EMISUSE); /* before the first row */
  while ((rc = duban_status_cursor_next(cursor)) == DUBAN_OK) {
    CHECK_RC(duban_status_cursor_item(&item, cursor), DUBAN_OK);
    CHECK(item < duban_status_count(status));
    CHECK(duban_status_cursor_role(cursor) >= DUBAN_ROLE_LEAD);
    CHECK(duban_status_cursor_via_group(cursor) >= 0);
    if (duban_status_item_kind(status, item) == DUBAN_ITEM_TASK) ++task_rows;
  }
  CHECK(rc == DUBAN_DONE);
  CHECK(task_rows == duban_task_cursor_count(tasks));
  CHECK(task_rows > 0);
  duban_status_cursor_free(cursor);

  /* One light's view, freed after the report it came from. */
  query.unit_id = 0;
  query.light = DUBAN_LIGHT_RED;
  CHECK_RC(duban_status_cursor_new(&cursor, status, NULL, &query), DUBAN_OK);
  CHECK(duban_status_cursor_count(cursor) == duban_status_light_count(status, DUBAN_LIGHT_RED));
  duban_status_free(status);
  while (duban_status_cursor_next(cursor) == DUBAN_OK) {
    CHECK_RC(duban_status_cursor_item(&item, cursor), DUBAN_OK);
    CHECK(duban_status_item_light(plain, item) == DUBAN_LIGHT_RED);
    CHECK(duban_status_cursor_role(cursor) == DUBAN_ROLE_ANY);
    ++red;
  }
  CHECK(red > 0);
  duban_status_cursor_free(cursor);

  /* Queries that cannot be answered. */
  query.light = 9;
  CHECK_RC(duban_status_cursor_new(&cursor, plain, NULL, &query), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_status_query.light 9");
  CHECK(cursor == NULL);
  query.light = 0;
  query.role = DUBAN_ROLE_LEAD;
  CHECK_RC(duban_status_cursor_new(&cursor, plain, NULL, &query), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "without a unit_id");
  query.unit_id = unit;
  CHECK_RC(duban_status_cursor_new(&cursor, plain, NULL, &query), DUBAN_EMISUSE);
  CHECK_CONTAINS(duban_error_message(), "'graph' is NULL");
  query.unit_id = 999999;
  CHECK_RC(duban_status_cursor_new(&cursor, plain, graph, &query), DUBAN_ENOTFOUND);
  query.version = 2;
  CHECK_RC(duban_status_cursor_new(&cursor, plain, graph, &query), DUBAN_EINVAL);
  CHECK(duban_status_cursor_count(NULL) == 0);
  CHECK(duban_status_cursor_next(NULL) == DUBAN_EMISUSE);
  duban_status_cursor_free(NULL);

  duban_task_cursor_free(tasks);
  duban_graph_free(graph);
  duban_directory_free(dir);
  duban_status_free(plain);
  duban_plan_free(plan);
  duban_plan_free(parsed);
  duban_db_free(db);
}

const test_case status_tests[] = {
    {"overdue_task_is_red", overdue_task_is_red},
    {"facts_and_options", facts_and_options},
    {"explicit_calendar", explicit_calendar},
    {"names_misuse_and_versions", names_misuse_and_versions},
    {"ledger_status_and_views", ledger_status_and_views},
    {NULL, NULL},
};
