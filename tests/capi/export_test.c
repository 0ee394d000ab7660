/* Exports through the C API (duban/export.h), on a ledger holding the
 * example plan (examples/plans/east-west-2025.json) and one report from
 * 区财政局: the 台账 workbook, the CSV tables, JSON, DOT, the monthly report,
 * scores under the example scheme, and the errors. */
#include <stdlib.h>

#include "harness.h"

#define TASK_FUNDS 7 /* 落实财政帮扶资金: 区财政局 leads; due 2025-06-30 */
#define BOM "\xEF\xBB\xBF"
#define TASKS_HEADER BOM "序号,编号,类别,任务,牵头单位,配合单位,完成时限,状态,灯,进度,最新进展,得分\r\n"
#define SCORES_HEADER BOM "名次,单位,得分,基础分,加分,等次,否决\r\n"

static const char narrative[] = "已拨付首批资金；（第一批）、ABC混合";

/* A C99 compound literal. */
#define ymd(y, m, d) ((duban_date){(y), (m), (d)})

/* A fresh ledger at `name` holding the example plan and one report on
 * TASK_FUNDS; *plan_out is the plan loaded back from it. */
static duban_db *example_ledger(const char *name, duban_plan **plan_out) {
  duban_db *db = NULL;
  duban_directory *dir = NULL;
  duban_report *r = NULL;
  int64_t plan_id = 0, office = 0, finance = 0, event = 0;
  size_t len = 0;
  char *json = read_file(DUBAN_CAPI_EXAMPLE_PLAN, &len);
  CHECK_RC(duban_db_open(&db, scratch_path(name), NULL), DUBAN_OK);
  CHECK_RC(duban_db_import_plan_json(&plan_id, db, json, len, DUBAN_IF_EXISTS_FAIL), DUBAN_OK);
  free(json);
  CHECK_RC(duban_directory_load(&dir, db), DUBAN_OK);
  CHECK_RC(duban_directory_lookup(&office, dir, "区合作交流办", DUBAN_NTS), DUBAN_OK);
  CHECK_RC(duban_directory_lookup(&finance, dir, "区财政局", DUBAN_NTS), DUBAN_OK);
  duban_directory_free(dir);
  CHECK_RC(duban_db_set_coordinator(NULL, db, office, 0, NULL), DUBAN_OK);
  CHECK_RC(duban_report_new(&r), DUBAN_OK);
  CHECK_RC(duban_report_set_item(r, plan_id, TASK_FUNDS, NULL), DUBAN_OK);
  CHECK_RC(duban_report_set_actor(r, finance, "测试员"), DUBAN_OK);
  CHECK_RC(duban_report_set_date(r, ymd(2025, 4, 10)), DUBAN_OK);
  CHECK_RC(duban_report_set_percent(r, 40), DUBAN_OK);
  CHECK_RC(duban_report_set_narrative(r, narrative, DUBAN_NTS), DUBAN_OK);
  CHECK_RC(duban_db_add_report(&event, db, r), DUBAN_OK);
  duban_report_free(r);
  CHECK_RC(duban_plan_load(plan_out, db, plan_id), DUBAN_OK);
  return db;
}

/* A snapshot as of `as_of` with default options; the ledger and plan are
 * freed before it is returned, which a snapshot allows. */
static duban_snapshot *example_snapshot(const char *name, duban_date as_of) {
  duban_plan *plan = NULL;
  duban_db *db = example_ledger(name, &plan);
  duban_snapshot *snapshot = NULL;
  CHECK_RC(duban_snapshot_take(&snapshot, db, plan, as_of, NULL), DUBAN_OK);
  duban_plan_free(plan);
  duban_db_free(db);
  return snapshot;
}

static size_t count_lines(const char *text) {
  size_t n = 0;
  for (; *text != '\0'; ++text) n += *text == '\n';
  return n;
}

static void options_init_checks_versions(void) {
  duban_snapshot_options opts, macro = DUBAN_SNAPSHOT_OPTIONS_INIT;
  duban_snapshot_render_options render, render_macro = DUBAN_SNAPSHOT_RENDER_OPTIONS_INIT;
  CHECK_RC(duban_snapshot_options_init(&opts, 0), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_snapshot_options version 0");
  CHECK_RC(duban_snapshot_options_init(&opts, DUBAN_SNAPSHOT_OPTIONS_VERSION + 1), DUBAN_EINVAL);
  CHECK_RC(duban_snapshot_options_init(NULL, DUBAN_SNAPSHOT_OPTIONS_VERSION), DUBAN_EMISUSE);
  CHECK_RC(duban_snapshot_options_init(&opts, DUBAN_SNAPSHOT_OPTIONS_VERSION), DUBAN_OK);
  CHECK(opts.version == macro.version && opts.ledger_inputs == 1 && macro.ledger_inputs == 1);
  CHECK(opts.scheme == NULL && opts.inputs == NULL && opts.calendar == NULL && opts.status == NULL);

  CHECK_RC(duban_snapshot_render_options_init(&render, 0), DUBAN_EINVAL);
  CHECK_RC(duban_snapshot_render_options_init(&render, DUBAN_SNAPSHOT_RENDER_OPTIONS_VERSION + 1), DUBAN_EINVAL);
  CHECK_RC(duban_snapshot_render_options_init(&render, DUBAN_SNAPSHOT_RENDER_OPTIONS_VERSION), DUBAN_OK);
  CHECK(render.version == render_macro.version && render.month == 0 && render.indent == 2);
  CHECK(render_macro.month == 0 && render_macro.indent == 2);
}

static void snapshot_properties(void) {
  duban_snapshot *snapshot = example_snapshot("export-properties.duban", ymd(2025, 4, 30));
  duban_date as_of = {0, 0, 0};
  CHECK_RC(duban_snapshot_as_of(&as_of, snapshot), DUBAN_OK);
  CHECK(as_of.year == 2025 && as_of.month == 4 && as_of.day == 30);
  CHECK(duban_snapshot_plan_id(snapshot) == 1);
  CHECK(duban_snapshot_task_count(snapshot) == 18); /* 16 tasks in six categories, two guarantee measures */
  CHECK_RC(duban_snapshot_has_assessment(snapshot), 0);
  duban_snapshot_free(snapshot);
}

static void tables_as_csv(void) {
  duban_snapshot *snapshot = example_snapshot("export-csv.duban", ymd(2025, 4, 30));
  duban_buf buf = DUBAN_BUF_INIT;

  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_TASKS_CSV, NULL), DUBAN_OK);
  CHECK(strncmp(buf.ptr, TASKS_HEADER, strlen(TASKS_HEADER)) == 0);
  CHECK(strlen(buf.ptr) == buf.size);
  CHECK(count_lines(buf.ptr) == 1 + duban_snapshot_task_count(snapshot));
  CHECK_CONTAINS(buf.ptr, "7,7,资金支持,落实财政帮扶资金,区财政局,");
  CHECK_CONTAINS(buf.ptr, ",40,2025-04-10 已拨付首批资金；（第一批）、ABC混合,");

  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_MATRIX_CSV, NULL), DUBAN_OK);
  CHECK(strncmp(buf.ptr, BOM "序号,编号,任务,", strlen(BOM "序号,编号,任务,")) == 0);
  CHECK_CONTAINS(buf.ptr, "区财政局");
  CHECK_CONTAINS(buf.ptr, "牵");

  /* No scheme: the header alone. */
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_SCORES_CSV, NULL), DUBAN_OK);
  CHECK_STR(buf.ptr, SCORES_HEADER);

  duban_buf_dispose(&buf);
  duban_snapshot_free(snapshot);
}

static void json_dot_and_html(void) {
  duban_snapshot *snapshot = example_snapshot("export-text.duban", ymd(2025, 4, 30));
  duban_buf buf = DUBAN_BUF_INIT, again = DUBAN_BUF_INIT;
  duban_snapshot_render_options opts = DUBAN_SNAPSHOT_RENDER_OPTIONS_INIT;

  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_JSON, NULL), DUBAN_OK);
  CHECK(buf.ptr[0] == '{' && buf.ptr[buf.size - 1] == '}');
  CHECK_CONTAINS(buf.ptr, "\n  \"duban_snapshot\": 1,\n  \"as_of\": \"2025-04-30\",\n  \"plan_id\": 1,");
  CHECK_CONTAINS(buf.ptr, "\"tasks\": [");
  CHECK_CONTAINS(buf.ptr, "\"reports\": [");
  CHECK_CONTAINS(buf.ptr, "\"text\": \"已拨付首批资金；（第一批）、ABC混合\"");
  CHECK_CONTAINS(buf.ptr, "\"assessment\": null");
  opts.indent = -1;
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_JSON, &opts), DUBAN_OK);
  CHECK(strchr(buf.ptr, '\n') == NULL);
  CHECK_CONTAINS(buf.ptr, "{\"duban_snapshot\":1,\"as_of\":\"2025-04-30\"");

  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_DOT, NULL), DUBAN_OK);
  CHECK(strncmp(buf.ptr, "digraph", 7) == 0);
  CHECK_CONTAINS(buf.ptr, "区财政局");

  /* Month 0 is the as-of month: the same page as naming April. */
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_MONTHLY_HTML, NULL), DUBAN_OK);
  CHECK_CONTAINS(buf.ptr, "2025年4月督办月度报告");
  CHECK_CONTAINS(buf.ptr, "已拨付首批资金；（第一批）、ABC混合");
  CHECK(strstr(buf.ptr, "<script") == NULL);
  opts.month = 4;
  CHECK_RC(duban_snapshot_render(&again, snapshot, DUBAN_EXPORT_MONTHLY_HTML, &opts), DUBAN_OK);
  CHECK(again.size == buf.size && memcmp(again.ptr, buf.ptr, buf.size) == 0);
  opts.month = 3;
  CHECK_RC(duban_snapshot_render(&again, snapshot, DUBAN_EXPORT_MONTHLY_HTML, &opts), DUBAN_OK);
  CHECK_CONTAINS(again.ptr, "2025年3月督办月度报告");

  duban_buf_dispose(&buf);
  duban_buf_dispose(&again);
  duban_snapshot_free(snapshot);
}

static void files_written_whole(void) {
  duban_snapshot *snapshot = example_snapshot("export-files.duban", ymd(2025, 4, 30));
  duban_buf json = DUBAN_BUF_INIT;
  char head[4] = {0, 0, 0, 0};
  char path[4200];
  char *text;
  size_t len = 0;
  FILE *f;

  snprintf(path, sizeof path, "%s", scratch_path("台账.xlsx"));
  CHECK_RC(duban_snapshot_write_xlsx(snapshot, path), DUBAN_OK);
  f = fopen(path, "rb");
  CHECK(f != NULL);
  if (f != NULL) {
    CHECK(fread(head, 1, 4, f) == 4);
    fclose(f);
  }
  CHECK(memcmp(head, "PK\x03\x04", 4) == 0);

  /* The JSON file is the rendering and a final line end. */
  snprintf(path, sizeof path, "%s", scratch_path("快照.json"));
  CHECK_RC(duban_snapshot_write(snapshot, path, DUBAN_EXPORT_JSON, NULL), DUBAN_OK);
  CHECK_RC(duban_snapshot_render(&json, snapshot, DUBAN_EXPORT_JSON, NULL), DUBAN_OK);
  text = read_file(path, &len);
  CHECK(len == json.size + 1 && memcmp(text, json.ptr, json.size) == 0 && text[json.size] == '\n');
  free(text);

  /* A folder that does not exist: DUBAN_EIO naming the path, nothing written. */
  snprintf(path, sizeof path, "%s/no-such-folder/台账.xlsx", DUBAN_CAPI_SCRATCH_DIR);
  CHECK_RC(duban_snapshot_write_xlsx(snapshot, path), DUBAN_EIO);
  CHECK_CONTAINS(duban_error_message(), "no-such-folder/台账.xlsx");
  CHECK(duban_error_class() == DUBAN_ERRCLASS_STORAGE);
  snprintf(path, sizeof path, "%s/no-such-folder/tasks.csv", DUBAN_CAPI_SCRATCH_DIR);
  CHECK_RC(duban_snapshot_write(snapshot, path, DUBAN_EXPORT_TASKS_CSV, NULL), DUBAN_EIO);
  CHECK_CONTAINS(duban_error_message(), "no-such-folder/tasks.csv");
  /* A path that is a folder. */
  CHECK_RC(duban_snapshot_write_xlsx(snapshot, DUBAN_CAPI_SCRATCH_DIR), DUBAN_EIO);

  duban_buf_dispose(&json);
  duban_snapshot_free(snapshot);
}

static void scored_under_the_example_scheme(void) {
  duban_plan *plan = NULL;
  duban_db *db = example_ledger("export-scored.duban", &plan);
  duban_scheme *scheme = NULL;
  duban_assess_input *inputs = NULL;
  duban_calendar *cal = NULL;
  duban_snapshot *snapshot = NULL;
  duban_snapshot_options opts = DUBAN_SNAPSHOT_OPTIONS_INIT;
  duban_status_options status = DUBAN_STATUS_OPTIONS_INIT;
  duban_buf buf = DUBAN_BUF_INIT;

  CHECK_RC(duban_scheme_load(&scheme, DUBAN_CAPI_EXAMPLE_SCHEME), DUBAN_OK);
  CHECK_RC(duban_assess_input_load(&inputs, plan, NULL, DUBAN_CAPI_EXAMPLE_INPUTS), DUBAN_OK);
  CHECK_RC(duban_calendar_builtin(&cal), DUBAN_OK);
  status.four_colour = 1;
  opts.scheme = scheme;
  opts.inputs = inputs;
  opts.ledger_inputs = 0; /* the inputs hold every fact, as `duban demo` exports */
  opts.calendar = cal;
  opts.status = &status;
  CHECK_RC(duban_snapshot_take(&snapshot, db, plan, ymd(2025, 12, 31), &opts), DUBAN_OK);
  /* The snapshot keeps what it needs of every handle. */
  duban_scheme_free(scheme);
  duban_assess_input_free(inputs);
  duban_calendar_free(cal);
  duban_plan_free(plan);
  duban_db_free(db);

  CHECK_RC(duban_snapshot_has_assessment(snapshot), 1);
  /* The ranking of `duban assess` on the same inputs (docs/assess.md). */
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_SCORES_CSV, NULL), DUBAN_OK);
  CHECK(strncmp(buf.ptr, SCORES_HEADER "1,前方工作机构,", strlen(SCORES_HEADER "1,前方工作机构,")) == 0);
  CHECK(count_lines(buf.ptr) == 1 + 26);
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_JSON, NULL), DUBAN_OK);
  CHECK_CONTAINS(buf.ptr, "\"four_colour\": true");
  CHECK(strstr(buf.ptr, "\"assessment\": null") == NULL);
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_MONTHLY_HTML, NULL), DUBAN_OK);
  CHECK_CONTAINS(buf.ptr, "2025年12月督办月度报告");
  CHECK_CONTAINS(buf.ptr, "前方工作机构");

  duban_buf_dispose(&buf);
  duban_snapshot_free(snapshot);
}

static void errors_say_what(void) {
  duban_plan *plan = NULL, *parsed = NULL;
  duban_db *db = example_ledger("export-errors.duban", &plan);
  static char sentinel;
  duban_snapshot *snapshot = (duban_snapshot *)(void *)&sentinel; /* a failed take must reset it */
  duban_snapshot_options opts = DUBAN_SNAPSHOT_OPTIONS_INIT;
  duban_snapshot_render_options render = DUBAN_SNAPSHOT_RENDER_OPTIONS_INIT;
  duban_status_options status = DUBAN_STATUS_OPTIONS_INIT;
  duban_assess_input *inputs = NULL;
  duban_buf buf = DUBAN_BUF_INIT;
  duban_date as_of = {1, 1, 1};
  FILE *written;
  size_t len = 0;
  char *json = read_file(DUBAN_CAPI_EXAMPLE_PLAN, &len);

  /* NULLs are misuse; the constructor's *out is NULL after any failure. */
  CHECK_RC(duban_snapshot_take(NULL, db, plan, ymd(2025, 4, 30), NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_snapshot_take(&snapshot, NULL, plan, ymd(2025, 4, 30), NULL), DUBAN_EMISUSE);
  CHECK(snapshot == NULL);
  CHECK_CONTAINS(duban_error_message(), "duban_snapshot_take: 'db' is NULL");
  CHECK_RC(duban_snapshot_take(&snapshot, db, NULL, ymd(2025, 4, 30), NULL), DUBAN_EMISUSE);
  CHECK(snapshot == NULL);

  /* A plan only parsed has no ledger behind it. */
  CHECK_RC(duban_plan_parse(&parsed, json, len, "east-west-2025.json"), DUBAN_OK);
  CHECK_RC(duban_snapshot_take(&snapshot, db, parsed, ymd(2025, 4, 30), NULL), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "not loaded from a ledger");
  CHECK(snapshot == NULL);

  /* Facts without a scheme to score them. */
  CHECK_RC(duban_assess_input_load(&inputs, plan, NULL, DUBAN_CAPI_EXAMPLE_INPUTS), DUBAN_OK);
  opts.inputs = inputs;
  CHECK_RC(duban_snapshot_take(&snapshot, db, plan, ymd(2025, 4, 30), &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "scheme is NULL");
  opts.inputs = NULL;
  opts.ledger_inputs = 0;
  CHECK_RC(duban_snapshot_take(&snapshot, db, plan, ymd(2025, 4, 30), &opts), DUBAN_EINVAL);
  opts.ledger_inputs = 1;

  /* Options of an unknown version, and bad light rules. */
  opts.version = DUBAN_SNAPSHOT_OPTIONS_VERSION + 1;
  CHECK_RC(duban_snapshot_take(&snapshot, db, plan, ymd(2025, 4, 30), &opts), DUBAN_EINVAL);
  opts.version = DUBAN_SNAPSHOT_OPTIONS_VERSION;
  status.due_basis = 9;
  opts.status = &status;
  CHECK_RC(duban_snapshot_take(&snapshot, db, plan, ymd(2025, 4, 30), &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_status_options.due_basis 9");
  CHECK(snapshot == NULL);

  /* As of a day after the plan's year: the monthly report needs a month. */
  CHECK_RC(duban_snapshot_take(&snapshot, db, plan, ymd(2026, 1, 15), NULL), DUBAN_OK);
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_MONTHLY_HTML, NULL), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "2026-01-15 is not in the plan's year 2025");
  CHECK(buf.ptr == NULL && buf.size == 0);
  render.month = 12;
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_MONTHLY_HTML, &render), DUBAN_OK);
  CHECK_CONTAINS(buf.ptr, "2025年12月督办月度报告");

  /* Month 13 and -1 are out of range, and a failed call leaves `buf` as it was. */
  render.month = 13;
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_MONTHLY_HTML, &render), DUBAN_ERANGE);
  CHECK_CONTAINS(duban_error_message(), "month 13 is outside 1..12");
  CHECK_CONTAINS(buf.ptr, "2025年12月督办月度报告");
  render.month = -1;
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_MONTHLY_HTML, &render), DUBAN_ERANGE);
  CHECK_RC(duban_snapshot_write(snapshot, scratch_path("m13.html"), DUBAN_EXPORT_MONTHLY_HTML, &render),
           DUBAN_ERANGE);
  written = fopen(scratch_path("m13.html"), "rb");
  CHECK(written == NULL);
  if (written != NULL) fclose(written);
  render.month = 0;
  render.indent = 17;
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_JSON, &render), DUBAN_EINVAL);
  render.indent = 2;
  render.version = 0;
  CHECK_RC(duban_snapshot_render(&buf, snapshot, DUBAN_EXPORT_JSON, &render), DUBAN_EINVAL);
  CHECK_RC(duban_snapshot_render(&buf, snapshot, (duban_export_format_t)99, NULL), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "format 99 is not a duban_export_format_t value");

  /* NULLs in the other calls. */
  CHECK_RC(duban_snapshot_render(NULL, snapshot, DUBAN_EXPORT_JSON, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_snapshot_render(&buf, NULL, DUBAN_EXPORT_JSON, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_snapshot_write_xlsx(NULL, scratch_path("null.xlsx")), DUBAN_EMISUSE);
  CHECK_RC(duban_snapshot_write_xlsx(snapshot, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_snapshot_write(snapshot, NULL, DUBAN_EXPORT_JSON, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_snapshot_write_xlsx(snapshot, "bad\xff.xlsx"), DUBAN_EENCODING);
  CHECK_RC(duban_snapshot_as_of(NULL, snapshot), DUBAN_EMISUSE);
  CHECK_RC(duban_snapshot_as_of(&as_of, NULL), DUBAN_EMISUSE);
  CHECK(as_of.year == 0 && as_of.month == 0 && as_of.day == 0);
  CHECK(duban_snapshot_plan_id(NULL) == 0);
  CHECK(duban_snapshot_task_count(NULL) == 0);
  CHECK_RC(duban_snapshot_has_assessment(NULL), DUBAN_EMISUSE);
  duban_snapshot_free(NULL);

  free(json);
  duban_buf_dispose(&buf);
  duban_snapshot_free(snapshot);
  duban_assess_input_free(inputs);
  duban_plan_free(parsed);
  duban_plan_free(plan);
  duban_db_free(db);
}

const test_case export_tests[] = {
    {"options_init_checks_versions", options_init_checks_versions},
    {"snapshot_properties", snapshot_properties},
    {"tables_as_csv", tables_as_csv},
    {"json_dot_and_html", json_dot_and_html},
    {"files_written_whole", files_written_whole},
    {"scored_under_the_example_scheme", scored_under_the_example_scheme},
    {"errors_say_what", errors_say_what},
    {NULL, NULL},
};
