/* Importing documents and 台账 tables through the C API, on the import
 * fixtures of tests/data/import (their .expected.json files say what the
 * importer reads from them). */
#include <stdlib.h>

#include "harness.h"

static char *fixture(const char *name, size_t *len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", DUBAN_CAPI_IMPORT_DATA, name);
  return read_file(path, len);
}

/* Task `task_id`'s first unit must be `name` with `role`. */
static void check_first_unit(const duban_plan *plan, int64_t task_id, const char *name, int role) {
  duban_graph *graph = NULL;
  duban_unit_cursor *cur = NULL;
  CHECK_RC(duban_graph_new(&graph, plan, NULL), DUBAN_OK);
  CHECK_RC(duban_unit_cursor_new(&cur, graph, task_id, NULL), DUBAN_OK);
  CHECK_RC(duban_unit_cursor_next(cur), DUBAN_OK);
  CHECK_STR(duban_unit_cursor_name(cur, NULL), name);
  CHECK(duban_unit_cursor_role(cur) == role);
  duban_unit_cursor_free(cur);
  duban_graph_free(graph);
}

static void label_lines_document(void) {
  size_t len = 0;
  char *text = fixture("form1_label_lines.txt", &len);
  duban_plan *plan = NULL;
  duban_directory *dir = NULL;
  duban_buf diagnostics = DUBAN_BUF_INIT;
  int64_t id = 0;
  duban_date issued = {0, 0, 0};

  CHECK_RC(duban_import(&plan, &diagnostics, text, len, "form1_label_lines.txt", NULL, NULL), DUBAN_OK);
  free(text);
  CHECK(plan != NULL);
  CHECK(duban_plan_task_count(plan) == 5);
  CHECK_STR(duban_plan_title(plan, NULL), "2025年东湖区东西部协作工作要点");
  CHECK_STR(duban_plan_doc_number(plan, NULL), "东府办发〔2025〕7号");
  CHECK(duban_plan_year(plan) == 2025);
  CHECK_RC(duban_plan_issued(&issued, plan), DUBAN_OK);
  CHECK(issued.year == 2025 && issued.month == 2 && issued.day == 18);
  CHECK(duban_plan_id(plan) == 0);
  check_first_unit(plan, 1, "区合作交流办", DUBAN_ROLE_LEAD);

  /* A JSON array of findings; the person 王某某 is never taken for a unit. */
  CHECK(diagnostics.ptr != NULL && diagnostics.ptr[0] == '[');
  CHECK(diagnostics.ptr != NULL && strstr(diagnostics.ptr, "王某某") == NULL);
  duban_buf_dispose(&diagnostics);

  /* The units the document named are in the plan's directory. */
  CHECK_RC(duban_plan_directory(&dir, plan), DUBAN_OK);
  CHECK_RC(duban_directory_lookup(&id, dir, "区合作交流办", DUBAN_NTS), DUBAN_OK);
  CHECK(id >= 1);
  duban_directory_free(dir);
  duban_plan_free(plan);
}

static void xlsx_ledger_table(void) {
  size_t len = 0;
  char *bytes = fixture("table_ledger.xlsx", &len);
  duban_plan *plan = NULL;
  duban_import_options opts = DUBAN_IMPORT_OPTIONS_INIT;

  /* By name (auto), then by the format field with a name that says nothing. */
  CHECK_RC(duban_import(&plan, NULL, bytes, len, "table_ledger.xlsx", NULL, NULL), DUBAN_OK);
  CHECK(duban_plan_task_count(plan) == 3);
  CHECK_STR(duban_plan_title(plan, NULL), "2024年西湾区对口支援任务台账");
  CHECK(duban_plan_year(plan) == 2024);
  check_first_unit(plan, 1, "区教育局", DUBAN_ROLE_LEAD);
  duban_plan_free(plan);

  opts.format = DUBAN_IMPORT_XLSX;
  CHECK_RC(duban_import(&plan, NULL, bytes, len, "upload.bin", NULL, &opts), DUBAN_OK);
  CHECK(duban_plan_task_count(plan) == 3);
  duban_plan_free(plan);

  /* A workbook cut in half cannot be read. */
  CHECK_RC(duban_import(&plan, NULL, bytes, len / 2, "table_ledger.xlsx", NULL, &opts), DUBAN_EPARSE);
  CHECK(plan == NULL);
  CHECK(duban_error_code() == DUBAN_EPARSE);
  free(bytes);
}

static void json_is_the_cli_object(void) {
  size_t len = 0;
  char *text = fixture("form1_label_lines.txt", &len);
  duban_buf out = DUBAN_BUF_INIT;
  duban_import_options opts = DUBAN_IMPORT_OPTIONS_INIT;

  opts.year = 2026;
  CHECK_RC(duban_import_json(&out, text, len, "form1_label_lines.txt", NULL, &opts), DUBAN_OK);
  CHECK(out.ptr != NULL && out.ptr[0] == '{');
  CHECK_CONTAINS(out.ptr, "\"plan\"");
  CHECK_CONTAINS(out.ptr, "\"tasks\"");
  CHECK_CONTAINS(out.ptr, "\"diagnostics\"");
  CHECK_CONTAINS(out.ptr, "召开领导小组会议");
  CHECK_CONTAINS(out.ptr, "\"year\": 2026");
  duban_buf_dispose(&out);
  free(text);
}

static void base_directory_resolves_aliases(void) {
  const char *text = "2025年工作要点\n一、重点工作\n1. 推进结对帮扶。开展结对帮扶活动。（牵头单位：教育局）\n";
  duban_directory *base = NULL, *dir = NULL;
  duban_plan *plan = NULL;
  int64_t id = 0;

  CHECK_RC(duban_directory_parse(&base, "{\"units\": [{\"name\": \"区教育局\", \"aliases\": [\"教育局\"]}]}",
                                 DUBAN_NTS),
           DUBAN_OK);
  CHECK_RC(duban_import(&plan, NULL, text, DUBAN_NTS, NULL, base, NULL), DUBAN_OK);
  duban_directory_free(base); /* the plan holds a copy */
  CHECK(duban_plan_task_count(plan) == 1);
  check_first_unit(plan, 1, "区教育局", DUBAN_ROLE_LEAD);
  CHECK_RC(duban_plan_directory(&dir, plan), DUBAN_OK);
  CHECK(duban_directory_count(dir) == 1);
  CHECK_RC(duban_directory_lookup(&id, dir, "教育局", DUBAN_NTS), DUBAN_OK);
  duban_directory_free(dir);
  duban_plan_free(plan);
}

static void stored_in_a_ledger(void) {
  size_t len = 0;
  char *text = fixture("form1_label_lines.txt", &len);
  duban_plan *plan = NULL;
  duban_db *db = NULL;
  duban_directory *dir = NULL;
  int64_t plan_id = 0, unit_id = 0;

  CHECK_RC(duban_import(&plan, NULL, text, len, "form1_label_lines.txt", NULL, NULL), DUBAN_OK);
  free(text);
  CHECK_RC(duban_db_open(&db, scratch_path("import.db"), NULL), DUBAN_OK);
  CHECK_RC(duban_db_import_plan(&plan_id, db, plan, DUBAN_IF_EXISTS_FAIL), DUBAN_OK);
  CHECK(plan_id >= 1);
  CHECK_RC(duban_directory_load(&dir, db), DUBAN_OK);
  CHECK_RC(duban_directory_lookup(&unit_id, dir, "区合作交流办", DUBAN_NTS), DUBAN_OK);
  duban_directory_free(dir);
  duban_db_free(db);
  duban_plan_free(plan);
}

static void bad_bytes_are_encoding_errors(void) {
  static const char pdf[] = "%PDF-1.7\n\x80\x81\xfe\xff\x00\x01\x02 binary";
  static const char invalid[] = "\x81\x30\xff\xfe\xfd\xfc\x80\x80\x80\x80\x80\x80";
  duban_plan *plan = NULL;
  duban_buf diagnostics = DUBAN_BUF_INIT;
  duban_buf out = DUBAN_BUF_INIT;
  duban_import_options opts = DUBAN_IMPORT_OPTIONS_INIT;

  CHECK_RC(duban_import(&plan, &diagnostics, pdf, sizeof pdf - 1, "plan.txt", NULL, NULL), DUBAN_EENCODING);
  CHECK(plan == NULL);
  CHECK(diagnostics.ptr == NULL);
  CHECK_CONTAINS(duban_error_message(), "plan.txt");
  opts.format = DUBAN_IMPORT_TEXT;
  CHECK_RC(duban_import(&plan, NULL, invalid, sizeof invalid - 1, "plan.txt", NULL, &opts), DUBAN_EENCODING);
  CHECK(plan == NULL);
  CHECK_RC(duban_import_json(&out, invalid, sizeof invalid - 1, "plan.txt", NULL, &opts), DUBAN_EENCODING);
  CHECK(out.ptr == NULL);
  opts.format = DUBAN_IMPORT_CSV;
  CHECK_RC(duban_import(&plan, NULL, invalid, sizeof invalid - 1, "t.csv", NULL, &opts), DUBAN_EENCODING);
  CHECK(plan == NULL);
}

static void nulls_are_misuse(void) {
  duban_plan *plan = NULL;
  duban_buf out = DUBAN_BUF_INIT;

  CHECK_RC(duban_import(NULL, NULL, "x", 1, NULL, NULL, NULL), DUBAN_EMISUSE);
  CHECK_CONTAINS(duban_error_message(), "duban_import");
  CHECK_RC(duban_import(&plan, NULL, NULL, 5, NULL, NULL, NULL), DUBAN_EMISUSE);
  CHECK(plan == NULL);
  CHECK_CONTAINS(duban_error_message(), "'bytes' is NULL");
  CHECK_RC(duban_import_json(NULL, "x", 1, NULL, NULL, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_import_json(&out, NULL, 1, NULL, NULL, NULL), DUBAN_EMISUSE);
  CHECK(out.ptr == NULL);
  CHECK_RC(duban_import_options_init(NULL, DUBAN_IMPORT_OPTIONS_VERSION), DUBAN_EMISUSE);

  /* No bytes at all is an empty document: a plan with no tasks. */
  CHECK_RC(duban_import(&plan, NULL, NULL, 0, NULL, NULL, NULL), DUBAN_OK);
  CHECK(duban_plan_task_count(plan) == 0);
  duban_plan_free(plan);
}

static void options_are_checked(void) {
  duban_import_options opts;
  duban_plan *plan = NULL;

  memset(&opts, 0x5a, sizeof opts);
  CHECK_RC(duban_import_options_init(&opts, DUBAN_IMPORT_OPTIONS_VERSION), DUBAN_OK);
  CHECK(opts.version == DUBAN_IMPORT_OPTIONS_VERSION);
  CHECK(opts.year == 0 && opts.first_is_lead == 0 && opts.format == DUBAN_IMPORT_AUTO);
  CHECK_RC(duban_import_options_init(&opts, 0), DUBAN_EINVAL);
  CHECK_RC(duban_import_options_init(&opts, DUBAN_IMPORT_OPTIONS_VERSION + 1), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_import_options version 2");

  CHECK_RC(duban_import_options_init(&opts, DUBAN_IMPORT_OPTIONS_VERSION), DUBAN_OK);
  opts.version = 7;
  CHECK_RC(duban_import(&plan, NULL, "x", 1, NULL, NULL, &opts), DUBAN_EINVAL);
  CHECK(plan == NULL);
  opts.version = DUBAN_IMPORT_OPTIONS_VERSION;
  opts.format = 9;
  CHECK_RC(duban_import(&plan, NULL, "x", 1, NULL, NULL, &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_import_options.format 9");
  opts.format = DUBAN_IMPORT_AUTO;
  opts.first_is_lead = 2;
  CHECK_RC(duban_import(&plan, NULL, "x", 1, NULL, NULL, &opts), DUBAN_EINVAL);
  opts.first_is_lead = 0;
  opts.year = -1;
  CHECK_RC(duban_import(&plan, NULL, "x", 1, NULL, NULL, &opts), DUBAN_EINVAL);
  CHECK(plan == NULL);
}

static void first_is_lead_option(void) {
  const char *text = "2025年工作要点\n一、重点工作\n1. 推进结对帮扶。开展结对帮扶活动。（责任单位：区教育局、区财政局）\n";
  duban_plan *plan = NULL;
  duban_import_options opts = DUBAN_IMPORT_OPTIONS_INIT;

  CHECK_RC(duban_import(&plan, NULL, text, DUBAN_NTS, NULL, NULL, &opts), DUBAN_OK);
  check_first_unit(plan, 1, "区教育局", DUBAN_ROLE_RESPONSIBLE);
  duban_plan_free(plan);
  opts.first_is_lead = 1;
  CHECK_RC(duban_import(&plan, NULL, text, DUBAN_NTS, NULL, NULL, &opts), DUBAN_OK);
  check_first_unit(plan, 1, "区教育局", DUBAN_ROLE_LEAD);
  duban_plan_free(plan);
}

const test_case import_tests[] = {
    {"label_lines_document", label_lines_document},
    {"xlsx_ledger_table", xlsx_ledger_table},
    {"json_is_the_cli_object", json_is_the_cli_object},
    {"base_directory_resolves_aliases", base_directory_resolves_aliases},
    {"stored_in_a_ledger", stored_in_a_ledger},
    {"bad_bytes_are_encoding_errors", bad_bytes_are_encoding_errors},
    {"nulls_are_misuse", nulls_are_misuse},
    {"options_are_checked", options_are_checked},
    {"first_is_lead_option", first_is_lead_option},
    {NULL, NULL},
};
