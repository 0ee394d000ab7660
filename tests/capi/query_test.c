/* Plans, directories and graph queries through the C API, on
 * data/plan.json. */
#include <stdlib.h>

#include "harness.h"

static char *plan_json;
static size_t plan_len;

static duban_plan *parse_fixture(void) {
  duban_plan *plan = NULL;
  if (plan_json == NULL) plan_json = read_file(DUBAN_CAPI_TEST_DATA "/plan.json", &plan_len);
  CHECK_RC(duban_plan_parse(&plan, plan_json, plan_len, "plan.json"), DUBAN_OK);
  return plan;
}

static int64_t unit_id(const duban_directory *dir, const char *name) {
  int64_t id = 0;
  CHECK_RC(duban_directory_lookup(&id, dir, name, DUBAN_NTS), DUBAN_OK);
  return id;
}

static void plan_properties(void) {
  duban_plan *plan = parse_fixture();
  duban_date issued = {0, 0, 0};
  size_t len = 0;
  CHECK_STR(duban_plan_doc_number(plan, &len), "静合组办〔2025〕1号");
  CHECK(len == strlen("静合组办〔2025〕1号"));
  CHECK_STR(duban_plan_issuer(plan, NULL), "区东西部协作领导小组办公室");
  CHECK(duban_plan_year(plan) == 2025);
  CHECK(duban_plan_task_count(plan) == 4);
  CHECK(duban_plan_id(plan) == 0);
  CHECK_RC(duban_plan_issued(&issued, plan), DUBAN_OK);
  CHECK(issued.year == 2025 && issued.month == 2 && issued.day == 10);
  duban_plan_free(plan);
}

static void validation_reports_what_and_where(void) {
  static const char bad[] =
      "{\"duban\": 1, \"directory\": {\"units\": [{\"name\": \"区教育局\"}]},"
      " \"plan\": {\"title\": \"计划\", \"year\": 2025, \"tasks\": ["
      "{\"key\": \"1\", \"number\": \"1\", \"title\": \"任务一\", \"depends_on\": [\"9\"],"
      " \"responsibilities\": [{\"unit\": \"区教育局\", \"role\": \"lead\"}, {\"unit\": \"区发改\", \"role\": \"support\"}]}]}}";
  duban_plan *plan = NULL;
  duban_buf text = DUBAN_BUF_INIT;
  duban_buf json = DUBAN_BUF_INIT;
  size_t errors = 0;
  CHECK_RC(duban_plan_parse(&plan, bad, sizeof bad - 1, "bad.json"), DUBAN_OK);
  CHECK_RC(duban_plan_validate(&text, &errors, plan, DUBAN_FORMAT_TEXT), DUBAN_OK);
  CHECK(errors == 2);
  CHECK_CONTAINS(text.ptr, "bad.json: error: task 1, responsibilities[1]: unknown unit '区发改'\n");
  CHECK_CONTAINS(text.ptr, "depends on task '9', which does not exist");
  CHECK_RC(duban_plan_validate(&json, NULL, plan, DUBAN_FORMAT_JSON), DUBAN_OK);
  CHECK_CONTAINS(json.ptr, "\"where\": \"task 1, responsibilities[1]\"");
  CHECK_CONTAINS(json.ptr, "\"severity\": \"error\"");
  duban_buf_dispose(&text);
  duban_buf_dispose(&json);
  duban_plan_free(plan);
}

static void directory_queries(void) {
  duban_plan *plan = parse_fixture();
  duban_directory *dir = NULL;
  duban_idarray ids = DUBAN_IDARRAY_INIT;
  duban_strarray aliases = DUBAN_STRARRAY_INIT;
  int64_t ndrc, street, town, all_streets, id = 7;
  size_t i, len = 0;

  CHECK_RC(duban_plan_directory(&dir, plan), DUBAN_OK);
  duban_plan_free(plan); /* the directory keeps what it needs */
  CHECK(duban_directory_count(dir) == 9);
  for (i = 0; i < duban_directory_count(dir); ++i) CHECK(duban_directory_id_at(dir, i) >= 1);
  CHECK(duban_directory_id_at(dir, 9) == 0);
  CHECK(duban_error_code() == DUBAN_ERANGE);

  ndrc = unit_id(dir, "区发展改革委");
  CHECK(unit_id(dir, "区发改委") == ndrc);      /* alias */
  CHECK(unit_id(dir, " 区发改委 ") == ndrc);    /* spaces ignored */
  CHECK(unit_id(dir, "区卫生健康委(区中医药管理局)") == unit_id(dir, "区卫生健康委（区中医药管理局）"));
  CHECK_STR(duban_directory_unit_name(dir, ndrc, &len), "区发展改革委");
  CHECK(len == 18);
  CHECK(duban_directory_unit_kind(dir, ndrc) == DUBAN_UNIT_DEPARTMENT);
  CHECK_RC(duban_directory_unit_aliases(&aliases, dir, ndrc), DUBAN_OK);
  CHECK(aliases.count == 2);
  if (aliases.count == 2) CHECK_STR(aliases.strings[1], "区发展和改革委员会");

  CHECK_RC(duban_directory_lookup(&id, dir, "区不存在局", DUBAN_NTS), DUBAN_ENOTFOUND);
  CHECK(id == 0);
  CHECK_STR(duban_error_message(), "no unit is named '区不存在局'");
  CHECK(duban_directory_unit_name(dir, 999, NULL) == NULL);
  CHECK(duban_error_code() == DUBAN_ENOTFOUND);
  CHECK(duban_directory_unit_kind(dir, 999) == DUBAN_ENOTFOUND);

  street = unit_id(dir, "石门二路街道");
  town = unit_id(dir, "彭浦镇");
  all_streets = unit_id(dir, "各街镇");
  CHECK(duban_directory_unit_kind(dir, all_streets) == DUBAN_UNIT_GROUP);
  CHECK_RC(duban_directory_expand(&ids, dir, all_streets), DUBAN_OK);
  CHECK(ids.count == 2 && ids.ids[0] == street && ids.ids[1] == town);
  CHECK_RC(duban_directory_groups_of(&ids, dir, town), DUBAN_OK);
  CHECK(ids.count == 1 && ids.ids[0] == all_streets);
  CHECK_RC(duban_directory_expand(&ids, dir, unit_id(dir, "区相关部门")), DUBAN_OK);
  CHECK(ids.count == 0);
  CHECK_RC(duban_directory_expand(&ids, dir, 999), DUBAN_ENOTFOUND);

  duban_idarray_dispose(&ids);
  duban_strarray_dispose(&aliases);
  duban_directory_free(dir);
}

static void directory_json_round_trip(void) {
  duban_plan *plan = parse_fixture();
  duban_directory *dir = NULL, *again = NULL;
  duban_buf first = DUBAN_BUF_INIT, second = DUBAN_BUF_INIT;
  CHECK_RC(duban_plan_directory(&dir, plan), DUBAN_OK);
  CHECK_RC(duban_directory_to_json(&first, dir), DUBAN_OK);
  CHECK_RC(duban_directory_parse(&again, first.ptr, first.size), DUBAN_OK);
  CHECK_RC(duban_directory_to_json(&second, again), DUBAN_OK);
  CHECK(first.size == second.size && memcmp(first.ptr, second.ptr, first.size) == 0);
  CHECK(duban_directory_count(again) == 9);
  duban_buf_dispose(&first);
  duban_buf_dispose(&second);
  duban_directory_free(dir);
  duban_directory_free(again);
  duban_plan_free(plan);
}

static void tasks_of_a_unit_with_roles_and_groups(void) {
  duban_plan *plan = parse_fixture();
  duban_graph *graph = NULL;
  duban_directory *dir = NULL;
  duban_task_cursor *cur = NULL;
  duban_task_query_options opts = DUBAN_TASK_QUERY_OPTIONS_INIT;
  duban_date due = {9, 9, 9};
  size_t len = 0;
  int64_t ndrc, street, all_streets;

  CHECK_RC(duban_graph_new(&graph, plan, NULL), DUBAN_OK);
  duban_plan_free(plan);
  CHECK(duban_graph_task_count(graph) == 4);
  CHECK_RC(duban_graph_directory(&dir, graph), DUBAN_OK);
  ndrc = unit_id(dir, "区发改委");
  street = unit_id(dir, "石门二路街道");
  all_streets = unit_id(dir, "各街镇");

  CHECK_RC(duban_task_cursor_new(&cur, graph, ndrc, NULL), DUBAN_OK);
  CHECK(duban_task_cursor_count(cur) == 2);
  /* Before the first _next there is no row. */
  CHECK(duban_task_cursor_id(cur) == 0 && duban_error_code() == DUBAN_EMISUSE);
  CHECK_CONTAINS(duban_error_message(), "duban_task_cursor_id: the cursor has no current row");
  CHECK_RC(duban_task_cursor_next(cur), DUBAN_OK);
  CHECK(duban_task_cursor_id(cur) == 1);
  CHECK_STR(duban_task_cursor_key(cur, &len), "1");
  CHECK(len == 1);
  CHECK(duban_task_cursor_role(cur) == DUBAN_ROLE_SUPPORT);
  CHECK(duban_task_cursor_via_group(cur) == 0);
  CHECK_RC(duban_task_cursor_due(&due, cur), DUBAN_OK);
  CHECK(due.year == 2025 && due.month == 3 && due.day == 31);
  CHECK_RC(duban_task_cursor_next(cur), DUBAN_OK);
  CHECK(duban_task_cursor_id(cur) == 3);
  CHECK_STR(duban_task_cursor_number(cur, NULL), "3");
  CHECK(duban_task_cursor_role(cur) == DUBAN_ROLE_LEAD);
  CHECK_RC(duban_task_cursor_due(&due, cur), DUBAN_OK);
  CHECK(due.year == 0 && due.month == 0 && due.day == 0); /* 持续推进: no date */
  CHECK_RC(duban_task_cursor_next(cur), DUBAN_DONE);
  CHECK_RC(duban_task_cursor_next(cur), DUBAN_DONE); /* stays done */
  CHECK(duban_task_cursor_title(cur, NULL) == NULL && duban_error_code() == DUBAN_EMISUSE);
  duban_task_cursor_free(cur);

  /* Only leads. */
  opts.role = DUBAN_ROLE_LEAD;
  CHECK_RC(duban_task_cursor_new(&cur, graph, ndrc, &opts), DUBAN_OK);
  CHECK(duban_task_cursor_count(cur) == 1);
  duban_task_cursor_free(cur);

  /* A street holds task 2 through 各街镇, unless groups are left out. */
  CHECK_RC(duban_task_cursor_new(&cur, graph, street, NULL), DUBAN_OK);
  duban_graph_free(graph); /* the cursor keeps what it needs */
  graph = NULL;
  CHECK_RC(duban_task_cursor_next(cur), DUBAN_OK);
  CHECK(duban_task_cursor_id(cur) == 2);
  CHECK_STR(duban_task_cursor_title(cur, NULL), "开展教育帮扶（选派教师、校长）");
  CHECK(duban_task_cursor_role(cur) == DUBAN_ROLE_SUPPORT);
  CHECK(duban_task_cursor_via_group(cur) == all_streets);
  CHECK_RC(duban_task_cursor_next(cur), DUBAN_DONE);
  duban_task_cursor_free(cur);

  duban_directory_free(dir);
}

static void units_of_a_task_expanded_and_kept(void) {
  duban_plan *plan = parse_fixture();
  duban_graph *graph = NULL;
  duban_unit_cursor *cur = NULL;
  duban_unit_query_options opts;
  size_t len = 0;

  CHECK_RC(duban_graph_new(&graph, plan, NULL), DUBAN_OK);
  CHECK_RC(duban_unit_cursor_new(&cur, graph, 2, NULL), DUBAN_OK);
  CHECK(duban_unit_cursor_count(cur) == 3);
  CHECK_RC(duban_unit_cursor_next(cur), DUBAN_OK);
  CHECK_STR(duban_unit_cursor_name(cur, &len), "区教育局");
  CHECK(len == 12);
  CHECK(duban_unit_cursor_role(cur) == DUBAN_ROLE_LEAD);
  CHECK(duban_unit_cursor_position(cur) == 1);
  CHECK(duban_unit_cursor_collective(cur) == 0);
  CHECK_RC(duban_unit_cursor_next(cur), DUBAN_OK);
  CHECK_STR(duban_unit_cursor_name(cur, NULL), "石门二路街道");
  CHECK(duban_unit_cursor_role(cur) == DUBAN_ROLE_SUPPORT);
  CHECK(duban_unit_cursor_position(cur) == 2);
  CHECK(duban_unit_cursor_via_group(cur) != 0);
  CHECK_RC(duban_unit_cursor_next(cur), DUBAN_OK);
  CHECK_STR(duban_unit_cursor_name(cur, NULL), "彭浦镇");
  CHECK_RC(duban_unit_cursor_next(cur), DUBAN_DONE);
  duban_unit_cursor_free(cur);

  CHECK_RC(duban_unit_query_options_init(&opts, DUBAN_UNIT_QUERY_OPTIONS_VERSION), DUBAN_OK);
  opts.groups = DUBAN_GROUPS_KEEP;
  CHECK_RC(duban_unit_cursor_new(&cur, graph, 2, &opts), DUBAN_OK);
  CHECK(duban_unit_cursor_count(cur) == 2);
  CHECK_RC(duban_unit_cursor_next(cur), DUBAN_OK);
  CHECK_RC(duban_unit_cursor_next(cur), DUBAN_OK);
  CHECK_STR(duban_unit_cursor_name(cur, NULL), "各街镇");
  CHECK(duban_unit_cursor_collective(cur) == 1);
  duban_unit_cursor_free(cur);

  CHECK_RC(duban_unit_cursor_new(&cur, graph, 5, NULL), DUBAN_ENOTFOUND);
  CHECK(cur == NULL);
  duban_graph_free(graph);
  duban_plan_free(plan);
}

static void lint_matrix_and_dot(void) {
  duban_plan *plan = parse_fixture();
  duban_graph *graph = NULL;
  duban_buf buf = DUBAN_BUF_INIT;
  size_t count = 0;

  CHECK_RC(duban_graph_new(&graph, plan, NULL), DUBAN_OK);
  CHECK_RC(duban_graph_lint(&buf, &count, graph, DUBAN_FORMAT_TEXT), DUBAN_OK);
  CHECK(count >= 2);
  CHECK_CONTAINS(buf.ptr, "several_leads: ");
  CHECK_CONTAINS(buf.ptr, "unresolved_group: ");
  CHECK_CONTAINS(buf.ptr, "区相关部门");
  CHECK_RC(duban_graph_lint(&buf, NULL, graph, DUBAN_FORMAT_JSON), DUBAN_OK);
  CHECK(buf.ptr[0] == '[');
  CHECK_CONTAINS(buf.ptr, "\"code\": \"several_leads\"");
  CHECK_CONTAINS(buf.ptr, "\"tasks\": [\n      4\n    ]");
  CHECK_RC(duban_graph_lint(&buf, NULL, graph, DUBAN_FORMAT_CSV), DUBAN_EINVAL);

  CHECK_RC(duban_graph_matrix(&buf, graph, DUBAN_FORMAT_CSV), DUBAN_OK);
  CHECK(buf.size > 3 && memcmp(buf.ptr, "\xEF\xBB\xBF", 3) == 0); /* the spreadsheet BOM */
  CHECK_CONTAINS(buf.ptr, "序号,编号,任务,");
  CHECK_CONTAINS(buf.ptr, "配（各街镇）");
  CHECK_RC(duban_graph_matrix(&buf, graph, DUBAN_FORMAT_TEXT), DUBAN_OK);
  CHECK_CONTAINS(buf.ptr, "区教育局");
  CHECK_RC(duban_graph_matrix(&buf, graph, DUBAN_FORMAT_JSON), DUBAN_EINVAL);
  CHECK_RC(duban_graph_to_dot(&buf, graph), DUBAN_OK);
  CHECK(strncmp(buf.ptr, "digraph", 7) == 0);
  CHECK_CONTAINS(buf.ptr, "区合作交流办");

  duban_buf_dispose(&buf);
  duban_graph_free(graph);
  duban_plan_free(plan);
}

static void graph_against_another_directory(void) {
  /* The same plan resolved against a directory that lacks 区妇联. */
  static const char units[] = "{\"units\": [{\"name\": \"区发展改革委\", \"aliases\": [\"区发改委\", \"区发展和改革委员会\"]}]}";
  duban_plan *plan = parse_fixture();
  duban_directory *dir = NULL;
  duban_graph *graph = NULL;
  duban_task_cursor *cur = NULL;
  duban_buf lint = DUBAN_BUF_INIT;
  CHECK_RC(duban_directory_parse(&dir, units, DUBAN_NTS), DUBAN_OK);
  CHECK_RC(duban_graph_new(&graph, plan, dir), DUBAN_OK);
  CHECK_RC(duban_task_cursor_new(&cur, graph, 1, NULL), DUBAN_OK);
  CHECK(duban_task_cursor_count(cur) == 2);
  CHECK_RC(duban_graph_lint(&lint, NULL, graph, DUBAN_FORMAT_TEXT), DUBAN_OK);
  CHECK_CONTAINS(lint.ptr, "区妇联");
  duban_buf_dispose(&lint);
  duban_task_cursor_free(cur);
  duban_graph_free(graph);
  duban_directory_free(dir);
  duban_plan_free(plan);
}

static void release_fixture(void) {
  free(plan_json);
  plan_json = NULL;
  CHECK(1);
}

const test_case query_tests[] = {
    {"plan_properties", plan_properties},
    {"validation_reports_what_and_where", validation_reports_what_and_where},
    {"directory_queries", directory_queries},
    {"directory_json_round_trip", directory_json_round_trip},
    {"tasks_of_a_unit_with_roles_and_groups", tasks_of_a_unit_with_roles_and_groups},
    {"units_of_a_task_expanded_and_kept", units_of_a_task_expanded_and_kept},
    {"lint_matrix_and_dot", lint_matrix_and_dot},
    {"graph_against_another_directory", graph_against_another_directory},
    {"release_fixture", release_fixture},
    {NULL, NULL},
};
