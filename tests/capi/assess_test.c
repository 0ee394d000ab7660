/* Assessment through the C API: the example scheme
 * (examples/plans/east-west-2025.scheme.toml) over the example plan with its
 * sample inputs, as of 2025-12-31 — the same run `duban assess` prints in
 * docs/assess.md and the CLI tests check. */
#include <stdlib.h>

#include "harness.h"

/* `duban assess --db ew.duban --scheme east-west-2025.scheme.toml --inputs
 * east-west-2025.inputs.json --as-of 2025-12-31`, best first. Ties on the
 * total (99.4) are broken by the scheme's tie-breaks down to directory
 * order, so every unit has a rank of its own. */
static const char *const expected_ranking[] = {
    "前方工作机构", "江北商贸集团", "区合作交流办", "区妇联",         "团区委",         "滨江路街道",
    "北站街道",     "临江新村街道", "彭湾镇",       "区文化旅游局",   "区民族和宗教事务办", "区委办",
    "区政府办公室", "区慈善基金会", "区商务委",     "区教育局",       "区委宣传部",     "区国资委",
    "区投资促进办", "区卫生健康委", "区委组织部",   "区机关事务管理局", "区财政局",     "区工商联",
    "区人力资源和社会保障局", "临江城投集团"};
#define EXPECTED_UNITS (sizeof expected_ranking / sizeof expected_ranking[0])

/* A C99 compound literal. */
#define make_date(y, m, d) ((duban_date){(y), (m), (d)})

static duban_plan *example_plan(void) {
  duban_plan *plan = NULL;
  size_t len = 0;
  char *json = read_file(DUBAN_CAPI_EXAMPLE_PLAN, &len);
  CHECK_RC(duban_plan_parse(&plan, json, len, "east-west-2025.json"), DUBAN_OK);
  free(json);
  return plan;
}

static duban_scheme *example_scheme(void) {
  duban_scheme *scheme = NULL;
  CHECK_RC(duban_scheme_load(&scheme, DUBAN_CAPI_EXAMPLE_SCHEME), DUBAN_OK);
  return scheme;
}

/* The example's result; the plan, scheme, input and assessor are freed
 * before it is returned, which the handles allow. */
static duban_assessment *example_result(duban_date as_of) {
  duban_plan *plan = example_plan();
  duban_scheme *scheme = example_scheme();
  duban_assess_input *input = NULL;
  duban_assessor *assessor = NULL;
  duban_assessment *result = NULL;
  CHECK_RC(duban_assess_input_load(&input, plan, NULL, DUBAN_CAPI_EXAMPLE_INPUTS), DUBAN_OK);
  CHECK_RC(duban_assessor_new(&assessor, plan, NULL, NULL, scheme), DUBAN_OK);
  duban_plan_free(plan);
  duban_scheme_free(scheme);
  CHECK_RC(duban_assessor_run(&result, assessor, input, as_of, NULL), DUBAN_OK);
  duban_assess_input_free(input);
  duban_assessor_free(assessor);
  return result;
}

/* The unit id named `name` in `result`, or -1. */
static int64_t unit_named(const duban_assessment *result, const char *name) {
  duban_idarray ids = DUBAN_IDARRAY_INIT;
  int64_t found = -1;
  size_t i;
  CHECK_RC(duban_assessment_units(&ids, result), DUBAN_OK);
  for (i = 0; i < ids.count; ++i) {
    const char *unit = duban_assessment_unit_name(result, ids.ids[i], NULL);
    if (unit != NULL && strcmp(unit, name) == 0) found = ids.ids[i];
  }
  duban_idarray_dispose(&ids);
  return found;
}

static void scheme_from_file_and_text(void) {
  duban_scheme *scheme = example_scheme(), *again = NULL;
  duban_buf json = DUBAN_BUF_INIT, json2 = DUBAN_BUF_INIT;
  double total = 0, bonus_cap = 0;
  size_t groups = 0, items = 0, len = 0;
  char *toml;

  CHECK_STR(duban_scheme_name(scheme, &len), "2025年临江区东西部协作和对口支援工作考核");
  CHECK(len == strlen("2025年临江区东西部协作和对口支援工作考核"));
  CHECK_STR(duban_scheme_version(scheme, NULL), "2025.1");
  CHECK_CONTAINS(duban_scheme_origin(scheme, NULL), "east-west-2025.scheme.toml");
  CHECK_RC(duban_scheme_points(&total, &bonus_cap, scheme), DUBAN_OK);
  CHECK(total == 100.0 && bonus_cap == 10.0);
  CHECK_RC(duban_scheme_counts(&groups, &items, scheme), DUBAN_OK);
  CHECK(groups == 8 && items == 19);

  /* JSON out, JSON back in: the same scheme, the same JSON. */
  CHECK_RC(duban_scheme_to_json(&json, scheme), DUBAN_OK);
  CHECK_CONTAINS(json.ptr, "\"version\": \"2025.1\"");
  CHECK_RC(duban_scheme_parse_json(&again, json.ptr, json.size, "again.json"), DUBAN_OK);
  CHECK_STR(duban_scheme_origin(again, NULL), "again.json");
  CHECK_RC(duban_scheme_to_json(&json2, again), DUBAN_OK);
  CHECK(json.size == json2.size && memcmp(json.ptr, json2.ptr, json.size) == 0);
  duban_scheme_free(again);

  /* The TOML text itself, with a name of the caller's choosing. */
  toml = read_file(DUBAN_CAPI_EXAMPLE_SCHEME, &len);
  again = NULL;
  CHECK_RC(duban_scheme_parse_toml(&again, toml, len, "ew.toml"), DUBAN_OK);
  CHECK_STR(duban_scheme_origin(again, NULL), "ew.toml");
  CHECK_RC(duban_scheme_to_json(&json2, again), DUBAN_OK);
  CHECK(json.size == json2.size && memcmp(json.ptr, json2.ptr, json.size) == 0);
  free(toml);
  duban_scheme_free(again);
  duban_buf_dispose(&json);
  duban_buf_dispose(&json2);
  duban_scheme_free(scheme);
}

static void broken_schemes_say_where(void) {
  /* Line 5 has a field of the wrong type; line 4 of the second is not TOML. */
  static const char wrong_type[] =
      "duban_scheme = 1\n"
      "[scheme]\n"
      "name = \"x\"\n"
      "# comment\n"
      "total = \"a lot\"\n";
  static const char not_toml[] =
      "duban_scheme = 1\n"
      "[scheme]\n"
      "name = \"x\"\n"
      "total = = 3\n";
  duban_scheme *scheme = (duban_scheme *)(void *)&scheme;

  CHECK_RC(duban_scheme_parse_toml(&scheme, wrong_type, DUBAN_NTS, "broken.toml"), DUBAN_EINVAL);
  CHECK(scheme == NULL);
  CHECK_CONTAINS(duban_error_message(), "broken.toml:5:");
  CHECK_CONTAINS(duban_error_message(), "total");
  CHECK_RC(duban_scheme_parse_toml(&scheme, not_toml, DUBAN_NTS, "broken.toml"), DUBAN_EPARSE);
  CHECK(scheme == NULL);
  CHECK_CONTAINS(duban_error_message(), "broken.toml:4");
  CHECK_RC(duban_scheme_parse_json(&scheme, "{\"duban_scheme\": 1,", DUBAN_NTS, "broken.json"), DUBAN_EPARSE);
  CHECK_CONTAINS(duban_error_message(), "broken.json");
  CHECK_RC(duban_scheme_parse_toml(&scheme, "name = \"\xff\"", DUBAN_NTS, NULL), DUBAN_EENCODING);
  CHECK_RC(duban_scheme_load(&scheme, DUBAN_CAPI_SCRATCH_DIR "/no-such-scheme.toml"), DUBAN_EIO);
  CHECK_CONTAINS(duban_error_message(), "no-such-scheme.toml");
  CHECK(scheme == NULL);
}

static void ranking_matches_the_cli(void) {
  duban_assessment *result = example_result(make_date(2025, 12, 31));
  duban_idarray ranking = DUBAN_IDARRAY_INIT, units = DUBAN_IDARRAY_INIT;
  duban_date as_of = {0, 0, 0};
  double total = -1, base = -1, bonus = -1, deductions = -1, points = 0, cap = 0;
  size_t i, len = 0;

  CHECK(result != NULL);
  CHECK_RC(duban_assessment_as_of(&as_of, result), DUBAN_OK);
  CHECK(as_of.year == 2025 && as_of.month == 12 && as_of.day == 31);
  CHECK_STR(duban_assessment_scheme_name(result, NULL), "2025年临江区东西部协作和对口支援工作考核");
  CHECK_STR(duban_assessment_scheme_version(result, NULL), "2025.1");
  CHECK(duban_assessment_digest(result, &len) != NULL && len == 64);
  CHECK_RC(duban_assessment_points(&points, &cap, result), DUBAN_OK);
  CHECK(points == 100.0 && cap == 10.0);

  CHECK(duban_assessment_unit_count(result) == EXPECTED_UNITS);
  CHECK_RC(duban_assessment_ranking(&ranking, result), DUBAN_OK);
  CHECK_RC(duban_assessment_units(&units, result), DUBAN_OK);
  CHECK(ranking.count == EXPECTED_UNITS && units.count == EXPECTED_UNITS);
  for (i = 0; i < ranking.count && i < EXPECTED_UNITS; ++i) {
    CHECK_STR(duban_assessment_unit_name(result, ranking.ids[i], NULL), expected_ranking[i]);
    CHECK(duban_assessment_unit_rank(result, ranking.ids[i]) == (int)i + 1);
  }

  /* The first and the last, as `duban assess` prints them. */
  CHECK_RC(duban_assessment_unit_scores(&total, &base, &bonus, &deductions, result, ranking.ids[0]), DUBAN_OK);
  CHECK(total == 101.0 && base == 100.0 && bonus == 1.0 && deductions == 0.0);
  CHECK_STR(duban_assessment_unit_grade(result, ranking.ids[0], NULL), "好");
  CHECK_RC(duban_assessment_unit_scores(&total, NULL, NULL, NULL, result, ranking.ids[EXPECTED_UNITS - 1]),
           DUBAN_OK);
  CHECK(total == 80.0);
  CHECK_STR(duban_assessment_unit_grade(result, ranking.ids[EXPECTED_UNITS - 1], NULL), "较好");

  /* The plan is unit 0: 61.32, base 52.32 + bonus 9, grade 一般, rank 0. */
  CHECK_RC(duban_assessment_unit_scores(&total, &base, &bonus, NULL, result, 0), DUBAN_OK);
  CHECK(total > 61.3199 && total < 61.3201 && base > 52.3199 && base < 52.3201 && bonus == 9.0);
  CHECK_STR(duban_assessment_unit_grade(result, 0, NULL), "一般");
  CHECK(duban_assessment_unit_rank(result, 0) == 0);
  CHECK_STR(duban_assessment_unit_name(result, 0, NULL), "2025年临江区东西部协作和对口支援工作要点");

  /* The same table through the ranking cursor, read after the result is gone. */
  {
    duban_ranking_cursor *rows = NULL;
    double score = -1;
    int rc;
    CHECK_RC(duban_ranking_cursor_new(&rows, result), DUBAN_OK);
    duban_assessment_free(result);
    result = NULL;
    CHECK(duban_ranking_cursor_count(rows) == EXPECTED_UNITS);
    CHECK(duban_ranking_cursor_name(rows, NULL) == NULL); /* no row yet */
    CHECK(duban_error_code() == DUBAN_EMISUSE);
    for (i = 0; (rc = duban_ranking_cursor_next(rows)) == DUBAN_OK; ++i) {
      CHECK(i < EXPECTED_UNITS);
      if (i >= EXPECTED_UNITS) break;
      CHECK(duban_ranking_cursor_unit(rows) == ranking.ids[i]);
      CHECK_STR(duban_ranking_cursor_name(rows, NULL), expected_ranking[i]);
      CHECK(duban_ranking_cursor_rank(rows) == (int)i + 1);
      CHECK_RC(duban_ranking_cursor_score(&score, rows), DUBAN_OK);
      if (i == 0) {
        CHECK(score == 101.0);
        CHECK_STR(duban_ranking_cursor_grade(rows, NULL), "好");
      }
    }
    CHECK(rc == DUBAN_DONE && i == EXPECTED_UNITS);
    CHECK(duban_ranking_cursor_rank(rows) == DUBAN_EMISUSE); /* past the end */
    duban_ranking_cursor_free(rows);
    CHECK_RC(duban_ranking_cursor_new(&rows, NULL), DUBAN_EMISUSE);
    CHECK(rows == NULL);
    duban_ranking_cursor_free(NULL);
  }

  duban_idarray_dispose(&ranking);
  duban_idarray_dispose(&units);
  duban_assessment_free(result);
}

static void vetoes_tasks_and_categories(void) {
  duban_assessment *result = example_result(make_date(2025, 12, 31));
  duban_buf vetoes = DUBAN_BUF_INIT;
  size_t count = 99, i, n;
  int64_t task = 0;
  double earned = -1, possible = -1, sum_possible = 0;
  const char *title;

  CHECK_RC(duban_assessment_unit_vetoes(&vetoes, &count, result, unit_named(result, "临江城投集团")), DUBAN_OK);
  CHECK(count == 1);
  CHECK_STR(vetoes.ptr, "[{\"item\":\"8.2\",\"effect\":\"zero_group\",\"target\":\"资金支持\"}]");
  CHECK_RC(duban_assessment_unit_vetoes(&vetoes, &count, result, unit_named(result, "江北商贸集团")), DUBAN_OK);
  CHECK(count == 1);
  CHECK_CONTAINS(vetoes.ptr, "\"effect\":\"cap_grade\",\"target\":\"一般\"");
  CHECK_RC(duban_assessment_unit_vetoes(&vetoes, &count, result, unit_named(result, "区财政局")), DUBAN_OK);
  CHECK(count == 0);
  CHECK_STR(vetoes.ptr, "[]");
  duban_buf_dispose(&vetoes);

  n = duban_assessment_task_count(result);
  CHECK(n > 0);
  for (i = 0; i < n; ++i) {
    CHECK_RC(duban_assessment_task_score(&task, &earned, &possible, result, i), DUBAN_OK);
    CHECK(task >= 1 && task <= 18 && possible > 0 && earned >= 0 && earned <= possible + 1e-9);
  }
  CHECK_RC(duban_assessment_task_score(&task, &earned, &possible, result, n), DUBAN_ERANGE);
  CHECK(task == 0 && earned == 0 && possible == 0);

  n = duban_assessment_category_count(result);
  CHECK(n > 0);
  for (i = 0; i < n; ++i) {
    CHECK_RC(duban_assessment_category_score(&earned, &possible, result, i), DUBAN_OK);
    sum_possible += possible;
    CHECK(duban_assessment_category_title(result, i, NULL) != NULL);
  }
  title = duban_assessment_category_title(result, 0, NULL);
  CHECK(title != NULL && strlen(title) > 0);
  CHECK(sum_possible > 0);
  CHECK(duban_assessment_category_title(result, n, NULL) == NULL);
  CHECK(duban_error_code() == DUBAN_ERANGE);
  duban_assessment_free(result);
}

static void explanations(void) {
  duban_assessment *result = example_result(make_date(2025, 12, 31));
  duban_buf text = DUBAN_BUF_INIT, json = DUBAN_BUF_INIT;
  int64_t unit = unit_named(result, "区财政局");

  CHECK(unit > 0);
  CHECK_RC(duban_assessment_explain(&text, result, unit), DUBAN_OK);
  CHECK(text.size > 0 && strlen(text.ptr) == text.size);
  CHECK(strncmp(text.ptr, "区财政局: 94.1", strlen("区财政局: 94.1")) == 0);
  CHECK_CONTAINS(text.ptr, "rank 23 of 26");
  CHECK_CONTAINS(text.ptr, "item 1.2 月度报告报送 (7 points): 6.6");
  CHECK_CONTAINS(text.ptr, "1 working days late (迟报)");
  CHECK_RC(duban_assessment_explanation(&json, result, unit), DUBAN_OK);
  CHECK(json.ptr[0] == '{');
  CHECK_CONTAINS(json.ptr, "\"what\": \"区财政局\"");
  CHECK_CONTAINS(json.ptr, "\"children\"");

  /* The plan's own tree, and a unit that was not assessed. */
  CHECK_RC(duban_assessment_explain(&text, result, 0), DUBAN_OK);
  CHECK_CONTAINS(text.ptr, "veto 8.2");
  CHECK_RC(duban_assessment_explain(&text, result, 9999), DUBAN_ENOTFOUND);
  CHECK_CONTAINS(duban_error_message(), "unit 9999 was not assessed");
  CHECK_CONTAINS(text.ptr, "veto 8.2"); /* a failed call leaves the buffer as it was */
  CHECK_RC(duban_assessment_explanation(&json, result, 9999), DUBAN_ENOTFOUND);
  CHECK(duban_assessment_unit_name(result, 9999, NULL) == NULL);
  CHECK(duban_assessment_unit_rank(result, 9999) == DUBAN_ENOTFOUND);
  duban_buf_dispose(&text);
  duban_buf_dispose(&json);
  duban_assessment_free(result);
}

static void json_is_deterministic(void) {
  duban_assessment *a = example_result(make_date(2025, 12, 31));
  duban_assessment *b = example_result(make_date(2025, 12, 31));
  duban_buf ja = DUBAN_BUF_INIT, jb = DUBAN_BUF_INIT, small = DUBAN_BUF_INIT;
  duban_result_json_options opts;

  CHECK_RC(duban_assessment_to_json(&ja, a, NULL), DUBAN_OK);
  CHECK_RC(duban_assessment_to_json(&jb, b, NULL), DUBAN_OK);
  CHECK(ja.size == jb.size && memcmp(ja.ptr, jb.ptr, ja.size) == 0);
  CHECK_CONTAINS(ja.ptr, "\"duban_assessment\": 1");
  CHECK_CONTAINS(ja.ptr, "\"explanation\"");
  CHECK_STR(duban_assessment_digest(a, NULL), duban_assessment_digest(b, NULL));

  CHECK_RC(duban_result_json_options_init(&opts, DUBAN_RESULT_JSON_OPTIONS_VERSION), DUBAN_OK);
  CHECK(opts.indent == 2 && opts.explanations == 1);
  opts.indent = -1;
  opts.explanations = 0;
  CHECK_RC(duban_assessment_to_json(&small, a, &opts), DUBAN_OK);
  CHECK(strchr(small.ptr, '\n') == NULL && strstr(small.ptr, "\"explanation\"") == NULL);
  CHECK(small.size < ja.size / 4);
  opts.indent = 17;
  CHECK_RC(duban_assessment_to_json(&small, a, &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "indent 17");
  CHECK_RC(duban_result_json_options_init(&opts, 2), DUBAN_EINVAL);
  CHECK_RC(duban_result_json_options_init(&opts, 0), DUBAN_EINVAL);

  duban_buf_dispose(&ja);
  duban_buf_dispose(&jb);
  duban_buf_dispose(&small);
  duban_assessment_free(a);
  duban_assessment_free(b);
}

static void run_options_and_input_checks(void) {
  duban_plan *plan = example_plan(), *other = NULL;
  duban_scheme *scheme = example_scheme();
  duban_assessor *assessor = NULL;
  duban_assess_input *input = NULL, *foreign = NULL, *merged = NULL;
  duban_assessment *result = (duban_assessment *)(void *)&result;
  duban_assess_options opts = DUBAN_ASSESS_OPTIONS_INIT;
  duban_idarray units = DUBAN_IDARRAY_INIT;
  size_t len = 99, other_len = 0;
  char *other_json = read_file(DUBAN_CAPI_TEST_DATA "/plan.json", &other_len);

  CHECK_RC(duban_assessor_new(&assessor, plan, NULL, NULL, scheme), DUBAN_OK);
  CHECK_RC(duban_assessor_units(&units, assessor), DUBAN_OK);
  CHECK(units.count == EXPECTED_UNITS);
  duban_idarray_dispose(&units);

  /* No input: nothing done, and the yoy item has no baseline to judge by. */
  CHECK_RC(duban_assessor_run(&result, assessor, NULL, make_date(2025, 12, 31), NULL), DUBAN_EINVAL);
  CHECK(result == NULL);
  CHECK_CONTAINS(duban_error_message(), "no baseline");

  CHECK_RC(duban_assess_input_load(&input, plan, NULL, DUBAN_CAPI_EXAMPLE_INPUTS), DUBAN_OK);
  CHECK(duban_assess_input_count(input, DUBAN_INPUT_TASKS) == 13);
  CHECK(duban_assess_input_count(input, DUBAN_INPUT_REPORTS) > 100);
  CHECK(duban_assess_input_count(input, DUBAN_INPUT_EVENTS) > 0);
  CHECK(duban_assess_input_count(input, (duban_input_part_t)42) == 0);
  CHECK(duban_error_code() == DUBAN_EINVAL);

  CHECK_RC(duban_assess_options_init(&opts, DUBAN_ASSESS_OPTIONS_VERSION), DUBAN_OK);
  CHECK(opts.digest == 1);
  opts.digest = 0;
  CHECK_RC(duban_assessor_run(&result, assessor, input, make_date(2025, 12, 31), &opts), DUBAN_OK);
  CHECK_STR(duban_assessment_digest(result, &len), "");
  CHECK(len == 0);
  duban_assessment_free(result);
  opts.version = 2;
  CHECK_RC(duban_assessor_run(&result, assessor, input, make_date(2025, 12, 31), &opts), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_assess_options version 2");
  CHECK_RC(duban_assessor_run(&result, assessor, input, make_date(2025, 2, 30), NULL), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "as_of 2025-02-30");

  /* An input read against another plan is refused, not misread. */
  CHECK_RC(duban_plan_parse(&other, other_json, other_len, "plan.json"), DUBAN_OK);
  CHECK_RC(duban_assess_input_parse(&foreign, other, NULL, "{\"duban_assessment_input\": 1}", DUBAN_NTS, NULL),
           DUBAN_OK);
  CHECK_RC(duban_assessor_run(&result, assessor, foreign, make_date(2025, 12, 31), NULL), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "another plan");
  CHECK_RC(duban_assess_input_merge(&merged, input, foreign), DUBAN_EINVAL);
  CHECK(merged == NULL);

  /* An assessor given a directory of its own: equal to the plan's, so the
   * input read against the plan still fits it. */
  {
    duban_directory *dir = NULL;
    duban_assessor *own = NULL;
    CHECK_RC(duban_plan_directory(&dir, plan), DUBAN_OK);
    CHECK_RC(duban_assessor_new(&own, plan, dir, NULL, scheme), DUBAN_OK);
    duban_directory_free(dir);
    CHECK_RC(duban_assessor_run(&result, own, input, make_date(2025, 12, 31), NULL), DUBAN_OK);
    CHECK(duban_assessment_unit_count(result) == EXPECTED_UNITS);
    duban_assessment_free(result);
    duban_assessor_free(own);
  }

  /* Merging: a correction laid over the file replaces its task fact. */
  duban_assess_input_free(foreign);
  foreign = NULL;
  CHECK_RC(duban_assess_input_parse(&foreign, plan, NULL,
                                    "{\"duban_assessment_input\": 1, \"tasks\": [{\"task\": \"6\", \"done\": "
                                    "\"2025-11-28\"}]}",
                                    DUBAN_NTS, "fix.json"),
           DUBAN_OK);
  CHECK_RC(duban_assess_input_merge(&merged, input, foreign), DUBAN_OK);
  CHECK(duban_assess_input_count(merged, DUBAN_INPUT_TASKS) == 13);
  CHECK(duban_assess_input_count(input, DUBAN_INPUT_TASKS) == 13); /* unchanged */
  CHECK_RC(duban_assessor_run(&result, assessor, merged, make_date(2025, 12, 31), NULL), DUBAN_OK);
  duban_assessment_free(result);

  /* Input errors name the origin and the entry. */
  duban_assess_input_free(foreign);
  foreign = (duban_assess_input *)(void *)&foreign;
  CHECK_RC(duban_assess_input_parse(&foreign, plan, NULL,
                                    "{\"duban_assessment_input\": 1, \"tasks\": [{\"task\": \"99\"}]}", DUBAN_NTS,
                                    "bad.json"),
           DUBAN_EINVAL);
  CHECK(foreign == NULL);
  CHECK_CONTAINS(duban_error_message(), "bad.json");
  CHECK_CONTAINS(duban_error_message(), "99");
  CHECK_RC(duban_assess_input_load(&foreign, plan, NULL, DUBAN_CAPI_SCRATCH_DIR "/none.json"), DUBAN_EIO);

  free(other_json);
  duban_assess_input_free(input);
  duban_assess_input_free(merged);
  duban_assessor_free(assessor);
  duban_scheme_free(scheme);
  duban_plan_free(plan);
  duban_plan_free(other);
}

static void assessor_errors_name_the_scheme(void) {
  /* A valid scheme whose item (line 7) selects a task the plan does not have. */
  static const char unknown_task[] =
      "duban_scheme = 1\n"
      "[scheme]\n"
      "name = \"unknown\"\n"
      "total = 10\n"
      "[[groups]]\n"
      "name = \"组织领导\"\n"
      "  [[groups.items]]\n"
      "  id = \"1\"\n"
      "  name = \"工作机制\"\n"
      "  points = 10\n"
      "  rule = \"completion\"\n"
      "  select = { task = \"nope\" }\n";
  duban_plan *plan = example_plan();
  duban_scheme *scheme = NULL;
  duban_assessor *assessor = (duban_assessor *)(void *)&assessor;

  CHECK_RC(duban_scheme_parse_toml(&scheme, unknown_task, DUBAN_NTS, "unknown.toml"), DUBAN_OK);
  CHECK_RC(duban_assessor_new(&assessor, plan, NULL, NULL, scheme), DUBAN_EINVAL);
  CHECK(assessor == NULL);
  CHECK_CONTAINS(duban_error_message(), "unknown.toml:7: groups[0].items[0].select.tasks:");
  CHECK_CONTAINS(duban_error_message(), "nope");
  duban_scheme_free(scheme);
  duban_plan_free(plan);
}

static void null_arguments_are_misuse(void) {
  duban_scheme *scheme = (duban_scheme *)(void *)&scheme;
  duban_assess_input *input = (duban_assess_input *)(void *)&input;
  duban_assessor *assessor = (duban_assessor *)(void *)&assessor;
  duban_assessment *result = (duban_assessment *)(void *)&result;
  duban_assess_run_cursor *runs = (duban_assess_run_cursor *)(void *)&runs;
  duban_buf buf = DUBAN_BUF_INIT;
  duban_idarray ids = DUBAN_IDARRAY_INIT;
  duban_date date = {1, 1, 1};
  double d = 5;
  int64_t id = 5;

  CHECK_RC(duban_scheme_parse_toml(&scheme, NULL, 0, NULL), DUBAN_EMISUSE);
  CHECK(scheme == NULL);
  CHECK_CONTAINS(duban_error_message(), "duban_scheme_parse_toml:");
  CHECK_RC(duban_scheme_parse_json(NULL, "{}", DUBAN_NTS, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_scheme_load(&scheme, NULL), DUBAN_EMISUSE);
  CHECK(duban_scheme_name(NULL, NULL) == NULL);
  CHECK(duban_error_code() == DUBAN_EMISUSE);
  CHECK_RC(duban_scheme_points(&d, NULL, NULL), DUBAN_EMISUSE);
  CHECK(d == 0);
  CHECK_RC(duban_scheme_to_json(&buf, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_assess_input_parse(&input, NULL, NULL, "{}", DUBAN_NTS, NULL), DUBAN_EMISUSE);
  CHECK(input == NULL);
  CHECK_RC(duban_assess_input_load(&input, NULL, NULL, "x.json"), DUBAN_EMISUSE);
  CHECK_RC(duban_assess_input_from_db(&input, NULL, NULL, NULL, date), DUBAN_EMISUSE);
  CHECK_RC(duban_assess_input_merge(&input, NULL, NULL), DUBAN_EMISUSE);
  CHECK(duban_assess_input_count(NULL, DUBAN_INPUT_TASKS) == 0);
  CHECK_RC(duban_assessor_new(&assessor, NULL, NULL, NULL, NULL), DUBAN_EMISUSE);
  CHECK(assessor == NULL);
  CHECK_CONTAINS(duban_error_message(), "'plan' is NULL");
  CHECK_RC(duban_assessor_units(&ids, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_assessor_run(&result, NULL, NULL, date, NULL), DUBAN_EMISUSE);
  CHECK(result == NULL);
  CHECK_RC(duban_assessment_as_of(&date, NULL), DUBAN_EMISUSE);
  CHECK(date.year == 0);
  CHECK(duban_assessment_unit_count(NULL) == 0);
  CHECK(duban_assessment_unit_rank(NULL, 1) == DUBAN_EMISUSE);
  CHECK(duban_assessment_digest(NULL, NULL) == NULL);
  CHECK_RC(duban_assessment_ranking(&ids, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_assessment_to_json(&buf, NULL, NULL), DUBAN_EMISUSE);
  CHECK_RC(duban_assessment_explain(NULL, NULL, 0), DUBAN_EMISUSE);
  CHECK_RC(duban_assessment_store(&id, NULL, NULL, 0), DUBAN_EMISUSE);
  CHECK(id == 0);
  CHECK_RC(duban_assess_run_cursor_new(&runs, NULL), DUBAN_EMISUSE);
  CHECK(runs == NULL);
  CHECK(duban_assess_run_cursor_next(NULL) == DUBAN_EMISUSE);
  CHECK(duban_assess_run_cursor_id(NULL) == 0);
  CHECK_RC(duban_assess_run_load(&buf, NULL, 1), DUBAN_EMISUSE);
  CHECK_RC(duban_assess_diff(&buf, NULL, NULL, 0, "{}", DUBAN_NTS), DUBAN_EMISUSE);
  CHECK_RC(duban_assess_options_init(NULL, 1), DUBAN_EMISUSE);
  CHECK(buf.ptr == NULL && ids.ids == NULL);

  duban_scheme_free(NULL);
  duban_assess_input_free(NULL);
  duban_assessor_free(NULL);
  duban_assessment_free(NULL);
  duban_assess_run_cursor_free(NULL);
}

/* The ledger as the source of facts, runs stored in it, and comparisons. */
static void ledger_runs_and_diff(void) {
  const char *path = scratch_path("assess-runs.duban");
  duban_db *db = NULL;
  duban_plan *parsed = example_plan(), *plan = NULL;
  duban_scheme *scheme = example_scheme();
  duban_assessor *assessor = NULL;
  duban_assess_input *from_db = NULL, *file = NULL, *all = NULL;
  duban_assessment *june = NULL, *year_end = NULL;
  duban_assess_run_cursor *runs = NULL;
  duban_buf json = DUBAN_BUF_INIT, stored = DUBAN_BUF_INIT, diff = DUBAN_BUF_INIT, june_json = DUBAN_BUF_INIT;
  duban_date as_of = {0, 0, 0};
  int64_t plan_id = 0, run1 = 0, run2 = 0;
  size_t changes = 99;

  CHECK_RC(duban_db_open(&db, path, NULL), DUBAN_OK);
  CHECK_RC(duban_db_import_plan(&plan_id, db, parsed, DUBAN_IF_EXISTS_FAIL), DUBAN_OK);
  /* Only a plan loaded from the ledger says which stored plan it is. */
  CHECK_RC(duban_assess_input_from_db(&from_db, db, parsed, NULL, make_date(2025, 12, 31)), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "duban_plan_load");
  CHECK_RC(duban_plan_load(&plan, db, plan_id), DUBAN_OK);
  CHECK_RC(duban_assess_input_from_db(&from_db, db, plan, NULL, make_date(2025, 12, 31)), DUBAN_OK);
  /* Nothing reported yet: every monthly report of every holder is missing. */
  CHECK(duban_assess_input_count(from_db, DUBAN_INPUT_TASKS) == 0);
  CHECK(duban_assess_input_count(from_db, DUBAN_INPUT_REPORTS) > 100);
  CHECK_RC(duban_assess_input_load(&file, plan, NULL, DUBAN_CAPI_EXAMPLE_INPUTS), DUBAN_OK);
  CHECK_RC(duban_assess_input_merge(&all, from_db, file), DUBAN_OK);

  CHECK_RC(duban_assessor_new(&assessor, plan, NULL, NULL, scheme), DUBAN_OK);
  CHECK_RC(duban_assessor_run(&year_end, assessor, all, make_date(2025, 12, 31), NULL), DUBAN_OK);
  CHECK_RC(duban_assessor_run(&june, assessor, all, make_date(2025, 6, 30), NULL), DUBAN_OK);

  CHECK_RC(duban_assessment_store(&run1, db, june, plan_id), DUBAN_OK);
  CHECK_RC(duban_assessment_store(&run2, db, year_end, plan_id), DUBAN_OK);
  CHECK(run1 >= 1 && run2 == run1 + 1);

  CHECK_RC(duban_assess_run_cursor_new(&runs, db), DUBAN_OK);
  CHECK(duban_assess_run_cursor_count(runs) == 2);
  CHECK(duban_assess_run_cursor_id(runs) == 0); /* no current row yet */
  CHECK(duban_error_code() == DUBAN_EMISUSE);
  CHECK_RC(duban_assess_run_cursor_next(runs), DUBAN_OK);
  CHECK(duban_assess_run_cursor_id(runs) == run1);
  CHECK_RC(duban_assess_run_cursor_as_of(&as_of, runs), DUBAN_OK);
  CHECK(as_of.year == 2025 && as_of.month == 6 && as_of.day == 30);
  CHECK_STR(duban_assess_run_cursor_scheme_name(runs, NULL), "2025年临江区东西部协作和对口支援工作考核");
  CHECK_STR(duban_assess_run_cursor_scheme_version(runs, NULL), "2025.1");
  CHECK_STR(duban_assess_run_cursor_digest(runs, NULL), duban_assessment_digest(june, NULL));
  CHECK_CONTAINS(duban_assess_run_cursor_created(runs, NULL), "T");
  CHECK_RC(duban_assess_run_cursor_next(runs), DUBAN_OK);
  CHECK(duban_assess_run_cursor_id(runs) == run2);
  CHECK_RC(duban_assess_run_cursor_next(runs), DUBAN_DONE);
  CHECK_RC(duban_assess_run_cursor_next(runs), DUBAN_DONE);
  duban_assess_run_cursor_free(runs);

  /* A stored run reads back as the result's JSON. */
  CHECK_RC(duban_assessment_to_json(&json, year_end, NULL), DUBAN_OK);
  CHECK_RC(duban_assess_run_load(&stored, db, run2), DUBAN_OK);
  CHECK(stored.size == json.size && memcmp(stored.ptr, json.ptr, json.size) == 0);
  CHECK_RC(duban_assess_run_load(&stored, db, 999), DUBAN_ENOTFOUND);

  /* Compared with itself: nothing changed. With June: the year's work. */
  CHECK_RC(duban_assess_diff(&diff, &changes, stored.ptr, stored.size, json.ptr, DUBAN_NTS), DUBAN_OK);
  CHECK(changes == 0);
  CHECK_CONTAINS(diff.ptr, "no score changed");
  CHECK_RC(duban_assessment_to_json(&june_json, june, NULL), DUBAN_OK);
  CHECK_RC(duban_assess_diff(&diff, &changes, june_json.ptr, june_json.size, json.ptr, json.size), DUBAN_OK);
  CHECK(changes > 0);
  CHECK_CONTAINS(diff.ptr, "区财政局\ttotal\t");
  CHECK_RC(duban_assess_diff(&diff, &changes, "{", DUBAN_NTS, json.ptr, json.size), DUBAN_EPARSE);
  CHECK_CONTAINS(duban_error_message(), "before");
  CHECK(changes == 0);
  CHECK_RC(duban_assess_diff(&diff, NULL, json.ptr, json.size, "{\"x\": 1}", DUBAN_NTS), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "after");

  duban_buf_dispose(&json);
  duban_buf_dispose(&stored);
  duban_buf_dispose(&diff);
  duban_buf_dispose(&june_json);
  duban_assessment_free(june);
  duban_assessment_free(year_end);
  duban_assessor_free(assessor);
  duban_assess_input_free(from_db);
  duban_assess_input_free(file);
  duban_assess_input_free(all);
  duban_scheme_free(scheme);
  duban_plan_free(plan);
  duban_plan_free(parsed);
  duban_db_free(db);
}

static void read_only_ledger_does_not_store(void) {
  const char *path = scratch_path("assess-ro.duban");
  duban_db *db = NULL;
  duban_plan *plan = example_plan();
  duban_open_options opts = DUBAN_OPEN_OPTIONS_INIT;
  duban_assessment *result = example_result(make_date(2025, 12, 31));
  int64_t plan_id = 0, run = 7;

  CHECK_RC(duban_db_open(&db, path, NULL), DUBAN_OK);
  CHECK_RC(duban_db_import_plan(&plan_id, db, plan, DUBAN_IF_EXISTS_FAIL), DUBAN_OK);
  duban_db_free(db);
  db = NULL;
  opts.flags = DUBAN_OPEN_FLAG_READ_ONLY;
  CHECK_RC(duban_db_open(&db, path, &opts), DUBAN_OK);
  CHECK_RC(duban_assessment_store(&run, db, result, plan_id), DUBAN_EMISUSE);
  CHECK(run == 0);
  CHECK_CONTAINS(duban_error_message(), "read-only");
  duban_db_free(db);
  duban_assessment_free(result);
  duban_plan_free(plan);
}

const test_case assess_tests[] = {
    {"scheme_from_file_and_text", scheme_from_file_and_text},
    {"broken_schemes_say_where", broken_schemes_say_where},
    {"ranking_matches_the_cli", ranking_matches_the_cli},
    {"vetoes_tasks_and_categories", vetoes_tasks_and_categories},
    {"explanations", explanations},
    {"json_is_deterministic", json_is_deterministic},
    {"run_options_and_input_checks", run_options_and_input_checks},
    {"assessor_errors_name_the_scheme", assessor_errors_name_the_scheme},
    {"null_arguments_are_misuse", null_arguments_are_misuse},
    {"ledger_runs_and_diff", ledger_runs_and_diff},
    {"read_only_ledger_does_not_store", read_only_ledger_does_not_store},
    {NULL, NULL},
};
