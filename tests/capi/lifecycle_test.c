/* STYLE.md enforcement items 4 and 5: options versions, NULL-safe
 * destructors, constructors that leave nothing behind on failure, and NULL
 * handles reported as misuse rather than crashing. */
#include <stdlib.h>

#include "harness.h"

/* Any non-NULL value, to see constructors overwrite it on failure. */
#define SENTINEL(type) ((type *)(void *)&sentinel_storage)
static int sentinel_storage;

static void every_destructor_accepts_null(void) {
  duban_db_free(NULL);
  duban_plan_free(NULL);
  duban_plan_cursor_free(NULL);
  duban_directory_free(NULL);
  duban_graph_free(NULL);
  duban_task_cursor_free(NULL);
  duban_unit_cursor_free(NULL);
  duban_buf_dispose(NULL);
  duban_strarray_dispose(NULL);
  duban_idarray_dispose(NULL);
  CHECK(1); /* reaching here is the test */
}

#define CHECK_FAILED_CONSTRUCTOR(var, call, expected)                                                     \
  do {                                                                                                    \
    duban_error_clear();                                                                                  \
    CHECK_RC(call, expected);                                                                             \
    CHECK((var) == NULL);                                                                                 \
    CHECK(strlen(duban_error_message()) > 0);                                                            \
  } while (0)

static void every_constructor_leaves_out_null_on_failure(void) {
  duban_db *db = SENTINEL(duban_db);
  duban_plan *plan = SENTINEL(duban_plan);
  duban_plan_cursor *plans = SENTINEL(duban_plan_cursor);
  duban_directory *dir = SENTINEL(duban_directory);
  duban_graph *graph = SENTINEL(duban_graph);
  duban_task_cursor *tasks = SENTINEL(duban_task_cursor);
  duban_unit_cursor *units = SENTINEL(duban_unit_cursor);
  duban_open_options opts = DUBAN_OPEN_OPTIONS_INIT;
  duban_plan *good_plan = NULL;
  duban_graph *good_graph = NULL;
  size_t len;
  char *json = read_file(DUBAN_CAPI_TEST_DATA "/plan.json", &len);

  opts.flags = DUBAN_OPEN_FLAG_NO_CREATE;
  CHECK_FAILED_CONSTRUCTOR(db, duban_db_open(&db, scratch_path("missing.duban"), &opts), DUBAN_ENOTFOUND);
  db = SENTINEL(duban_db);
  CHECK_FAILED_CONSTRUCTOR(db, duban_db_open(&db, NULL, NULL), DUBAN_EMISUSE);
  CHECK_FAILED_CONSTRUCTOR(plan, duban_plan_parse(&plan, "{}", DUBAN_NTS, NULL), DUBAN_EINVAL);
  plan = SENTINEL(duban_plan);
  CHECK_FAILED_CONSTRUCTOR(plan, duban_plan_load(&plan, NULL, 1), DUBAN_EMISUSE);
  CHECK_FAILED_CONSTRUCTOR(plans, duban_plan_cursor_new(&plans, NULL), DUBAN_EMISUSE);
  CHECK_FAILED_CONSTRUCTOR(dir, duban_directory_parse(&dir, "[1, 2", DUBAN_NTS), DUBAN_EPARSE);
  dir = SENTINEL(duban_directory);
  CHECK_FAILED_CONSTRUCTOR(dir, duban_directory_load(&dir, NULL), DUBAN_EMISUSE);
  dir = SENTINEL(duban_directory);
  CHECK_FAILED_CONSTRUCTOR(dir, duban_plan_directory(&dir, NULL), DUBAN_EMISUSE);
  dir = SENTINEL(duban_directory);
  CHECK_FAILED_CONSTRUCTOR(dir, duban_graph_directory(&dir, NULL), DUBAN_EMISUSE);
  CHECK_FAILED_CONSTRUCTOR(graph, duban_graph_new(&graph, NULL, NULL), DUBAN_EMISUSE);

  CHECK_RC(duban_plan_parse(&good_plan, json, len, "plan.json"), DUBAN_OK);
  CHECK_RC(duban_graph_new(&good_graph, good_plan, NULL), DUBAN_OK);
  CHECK_FAILED_CONSTRUCTOR(tasks, duban_task_cursor_new(&tasks, good_graph, 9999, NULL), DUBAN_ENOTFOUND);
  CHECK_FAILED_CONSTRUCTOR(units, duban_unit_cursor_new(&units, good_graph, 0, NULL), DUBAN_ENOTFOUND);
  {
    duban_task_query_options tq = DUBAN_TASK_QUERY_OPTIONS_INIT;
    duban_unit_query_options uq = DUBAN_UNIT_QUERY_OPTIONS_INIT;
    tq.role = 77;
    tasks = SENTINEL(duban_task_cursor);
    CHECK_FAILED_CONSTRUCTOR(tasks, duban_task_cursor_new(&tasks, good_graph, 1, &tq), DUBAN_EINVAL);
    CHECK_CONTAINS(duban_error_message(), "role 77");
    uq.groups = 0;
    units = SENTINEL(duban_unit_cursor);
    CHECK_FAILED_CONSTRUCTOR(units, duban_unit_cursor_new(&units, good_graph, 1, &uq), DUBAN_EINVAL);
    CHECK_CONTAINS(duban_error_message(), "group mode 0");
  }

  /* A NULL `out` is misuse too, and nothing is written anywhere. */
  CHECK_RC(duban_plan_parse(NULL, json, len, NULL), DUBAN_EMISUSE);
  CHECK_STR(duban_error_message(), "duban_plan_parse: 'out' is NULL");

  duban_graph_free(good_graph);
  duban_plan_free(good_plan);
  free(json);
}

static void options_init_rejects_unknown_versions(void) {
  duban_open_options open_opts;
  duban_task_query_options task_opts;
  duban_unit_query_options unit_opts;

  CHECK_RC(duban_open_options_init(&open_opts, 0), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_open_options version 0");
  CHECK_RC(duban_open_options_init(&open_opts, DUBAN_OPEN_OPTIONS_VERSION + 1), DUBAN_EINVAL);
  CHECK_RC(duban_task_query_options_init(&task_opts, 0), DUBAN_EINVAL);
  CHECK_RC(duban_task_query_options_init(&task_opts, DUBAN_TASK_QUERY_OPTIONS_VERSION + 1), DUBAN_EINVAL);
  CHECK_RC(duban_unit_query_options_init(&unit_opts, 0), DUBAN_EINVAL);
  CHECK_RC(duban_unit_query_options_init(&unit_opts, DUBAN_UNIT_QUERY_OPTIONS_VERSION + 1), DUBAN_EINVAL);
  CHECK_RC(duban_open_options_init(NULL, DUBAN_OPEN_OPTIONS_VERSION), DUBAN_EMISUSE);

  /* The function and the macro agree. */
  {
    duban_open_options by_macro = DUBAN_OPEN_OPTIONS_INIT;
    duban_task_query_options task_macro = DUBAN_TASK_QUERY_OPTIONS_INIT;
    duban_unit_query_options unit_macro = DUBAN_UNIT_QUERY_OPTIONS_INIT;
    memset(&open_opts, 0xAB, sizeof open_opts);
    CHECK_RC(duban_open_options_init(&open_opts, DUBAN_OPEN_OPTIONS_VERSION), DUBAN_OK);
    CHECK(open_opts.version == by_macro.version && open_opts.flags == by_macro.flags &&
          open_opts.busy_timeout_ms == by_macro.busy_timeout_ms);
    CHECK(open_opts.busy_timeout_ms == 5000 && open_opts.flags == 0);
    CHECK_RC(duban_task_query_options_init(&task_opts, DUBAN_TASK_QUERY_OPTIONS_VERSION), DUBAN_OK);
    CHECK(task_opts.version == task_macro.version && task_opts.role == task_macro.role &&
          task_opts.through_groups == task_macro.through_groups);
    CHECK_RC(duban_unit_query_options_init(&unit_opts, DUBAN_UNIT_QUERY_OPTIONS_VERSION), DUBAN_OK);
    CHECK(unit_opts.version == unit_macro.version && unit_opts.role == unit_macro.role &&
          unit_opts.groups == unit_macro.groups);
  }

  /* Options structs carrying a bad version are refused where they are used. */
  {
    duban_db *db = NULL;
    duban_open_options bad = DUBAN_OPEN_OPTIONS_INIT;
    bad.version = 0;
    CHECK_RC(duban_db_open(&db, scratch_path("bad-options.duban"), &bad), DUBAN_EINVAL);
    CHECK(db == NULL);
    bad.version = DUBAN_OPEN_OPTIONS_VERSION;
    bad.flags = 0x80u;
    CHECK_RC(duban_db_open(&db, scratch_path("bad-options.duban"), &bad), DUBAN_EINVAL);
    CHECK_CONTAINS(duban_error_message(), "unknown bits 128");
    bad.flags = 0;
    bad.busy_timeout_ms = -1;
    CHECK_RC(duban_db_open(&db, scratch_path("bad-options.duban"), &bad), DUBAN_EINVAL);
    CHECK(db == NULL);
  }
}

static void null_handles_are_misuse_not_crashes(void) {
  size_t len = 99;
  duban_buf buf = DUBAN_BUF_INIT;
  duban_strarray strings = DUBAN_STRARRAY_INIT;
  duban_idarray ids = DUBAN_IDARRAY_INIT;
  duban_date date = {1, 1, 1};
  int64_t id = 5;

  CHECK(duban_directory_count(NULL) == 0 && duban_error_code() == DUBAN_EMISUSE);
  CHECK(duban_directory_id_at(NULL, 0) == 0 && duban_error_code() == DUBAN_EMISUSE);
  CHECK_RC(duban_directory_lookup(&id, NULL, "x", 1), DUBAN_EMISUSE);
  CHECK(id == 0);
  CHECK(duban_directory_unit_name(NULL, 1, &len) == NULL && len == 0);
  CHECK(duban_directory_unit_kind(NULL, 1) == DUBAN_EMISUSE);
  CHECK_RC(duban_directory_unit_aliases(&strings, NULL, 1), DUBAN_EMISUSE);
  CHECK_RC(duban_directory_expand(&ids, NULL, 1), DUBAN_EMISUSE);
  CHECK_RC(duban_directory_groups_of(&ids, NULL, 1), DUBAN_EMISUSE);
  CHECK_RC(duban_directory_to_json(&buf, NULL), DUBAN_EMISUSE);

  CHECK(duban_plan_id(NULL) == 0);
  CHECK(duban_plan_title(NULL, &len) == NULL && len == 0);
  CHECK(duban_plan_doc_number(NULL, NULL) == NULL);
  CHECK(duban_plan_issuer(NULL, NULL) == NULL);
  CHECK(duban_plan_year(NULL) == 0);
  CHECK_RC(duban_plan_issued(&date, NULL), DUBAN_EMISUSE);
  CHECK(date.year == 0 && date.month == 0 && date.day == 0);
  CHECK(duban_plan_task_count(NULL) == 0);
  CHECK_RC(duban_plan_validate(&buf, NULL, NULL, DUBAN_FORMAT_TEXT), DUBAN_EMISUSE);
  CHECK_RC(duban_plan_to_json(&buf, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_plan_cursor_next(NULL), DUBAN_EMISUSE);
  CHECK(duban_plan_cursor_count(NULL) == 0);
  CHECK(duban_plan_cursor_id(NULL) == 0);
  CHECK(duban_plan_cursor_title(NULL, NULL) == NULL);
  CHECK(duban_plan_cursor_doc_number(NULL, NULL) == NULL);
  CHECK(duban_plan_cursor_year(NULL) == 0);
  CHECK(duban_plan_cursor_task_count(NULL) == 0);
  CHECK(duban_plan_cursor_created(NULL, NULL) == NULL);

  CHECK(duban_graph_task_count(NULL) == 0);
  CHECK_RC(duban_graph_lint(&buf, NULL, NULL, DUBAN_FORMAT_TEXT), DUBAN_EMISUSE);
  CHECK_RC(duban_graph_matrix(&buf, NULL, DUBAN_FORMAT_CSV), DUBAN_EMISUSE);
  CHECK_RC(duban_graph_to_dot(&buf, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_task_cursor_next(NULL), DUBAN_EMISUSE);
  CHECK(duban_task_cursor_count(NULL) == 0);
  CHECK(duban_task_cursor_id(NULL) == 0);
  CHECK(duban_task_cursor_key(NULL, NULL) == NULL);
  CHECK(duban_task_cursor_number(NULL, NULL) == NULL);
  CHECK(duban_task_cursor_title(NULL, NULL) == NULL);
  CHECK(duban_task_cursor_role(NULL) == DUBAN_EMISUSE);
  CHECK(duban_task_cursor_via_group(NULL) == 0);
  CHECK_RC(duban_task_cursor_due(&date, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_unit_cursor_next(NULL), DUBAN_EMISUSE);
  CHECK(duban_unit_cursor_count(NULL) == 0);
  CHECK(duban_unit_cursor_id(NULL) == 0);
  CHECK(duban_unit_cursor_name(NULL, NULL) == NULL);
  CHECK(duban_unit_cursor_role(NULL) == DUBAN_EMISUSE);
  CHECK(duban_unit_cursor_position(NULL) == 0);
  CHECK(duban_unit_cursor_via_group(NULL) == 0);
  CHECK(duban_unit_cursor_collective(NULL) == DUBAN_EMISUSE);

  CHECK_RC(duban_db_import_plan(&id, NULL, NULL, DUBAN_IF_EXISTS_FAIL), DUBAN_EMISUSE);
  CHECK_RC(duban_db_import_plan_json(&id, NULL, "{}", 2, DUBAN_IF_EXISTS_FAIL), DUBAN_EMISUSE);
  CHECK_RC(duban_db_save_directory(NULL, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_db_latest_plan(&id, NULL), DUBAN_EMISUSE);
  CHECK(buf.ptr == NULL && strings.strings == NULL && ids.ids == NULL);
}

const test_case lifecycle_tests[] = {
    {"every_destructor_accepts_null", every_destructor_accepts_null},
    {"every_constructor_leaves_out_null_on_failure", every_constructor_leaves_out_null_on_failure},
    {"options_init_rejects_unknown_versions", options_init_rejects_unknown_versions},
    {"null_handles_are_misuse_not_crashes", null_handles_are_misuse_not_crashes},
    {NULL, NULL},
};
