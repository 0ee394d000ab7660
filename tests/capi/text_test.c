/* STYLE.md enforcement item 7: Chinese text keeps its exact bytes through
 * the C API, lengths are in bytes, and input that is not UTF-8 is refused
 * with DUBAN_EENCODING. */
#include <stdlib.h>

#include "harness.h"

static const char title[] = "2025年东西部协作工作要点（试行）；ABC混合、测试";

/* A strict UTF-8 check, independent of the library's own. */
static int valid_utf8(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    size_t len, k;
    unsigned long cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1Fu; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0Fu; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07u; }
    else return 0;
    if (i + len > n) return 0;
    for (k = 1; k < len; ++k) {
      unsigned char b = (unsigned char)s[i + k];
      if ((b & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    i += len;
  }
  return 1;
}

static duban_plan *parse(const char *json, size_t len) {
  duban_plan *plan = NULL;
  CHECK_RC(duban_plan_parse(&plan, json, len, NULL), DUBAN_OK);
  return plan;
}

static void chinese_punctuation_keeps_exact_bytes(void) {
  size_t len = 0, json_len;
  char *json = read_file(DUBAN_CAPI_TEST_DATA "/plan.json", &json_len);
  duban_plan *plan = parse(json, json_len);
  const char *got = duban_plan_title(plan, &len);
  CHECK(sizeof title - 1 == 67); /* 4 digits, 3 ASCII letters, 20 CJK characters and marks at 3 bytes */
  CHECK(len == sizeof title - 1);
  CHECK(got != NULL && memcmp(got, title, sizeof title) == 0); /* the NUL included */
  duban_plan_free(plan);
  free(json);
}

static void plan_json_round_trip_is_byte_exact(void) {
  size_t json_len, len = 0;
  char *json = read_file(DUBAN_CAPI_TEST_DATA "/plan.json", &json_len);
  duban_plan *plan = parse(json, json_len), *again;
  duban_buf first = DUBAN_BUF_INIT, second = DUBAN_BUF_INIT;
  duban_graph *graph = NULL;
  duban_task_cursor *cur = NULL;

  CHECK_RC(duban_plan_to_json(&first, plan), DUBAN_OK);
  CHECK(valid_utf8(first.ptr, first.size));
  CHECK(strlen(first.ptr) == first.size);
  CHECK_CONTAINS(first.ptr, title); /* written as UTF-8, not \u escapes */
  CHECK_CONTAINS(first.ptr, "\"number\": \"（一）\"");
  CHECK_CONTAINS(first.ptr, "区卫生健康委（区中医药管理局）");

  again = parse(first.ptr, first.size);
  CHECK(memcmp(duban_plan_title(again, &len), title, sizeof title) == 0 && len == sizeof title - 1);
  CHECK_RC(duban_plan_to_json(&second, again), DUBAN_OK);
  CHECK(first.size == second.size && memcmp(first.ptr, second.ptr, first.size) == 0);

  /* Titles with ；（）、 come back from a cursor unchanged too. */
  CHECK_RC(duban_graph_new(&graph, again, NULL), DUBAN_OK);
  {
    duban_directory *dir = NULL;
    int64_t ndrc = 0;
    CHECK_RC(duban_graph_directory(&dir, graph), DUBAN_OK);
    CHECK_RC(duban_directory_lookup(&ndrc, dir, "区发改委", DUBAN_NTS), DUBAN_OK);
    CHECK_RC(duban_task_cursor_new(&cur, graph, ndrc, NULL), DUBAN_OK);
    duban_directory_free(dir);
  }
  CHECK_RC(duban_task_cursor_next(cur), DUBAN_OK);
  CHECK_STR(duban_task_cursor_title(cur, &len), "召开领导小组会议；研究部署年度工作（每季度1次）");
  CHECK(len == strlen("召开领导小组会议；研究部署年度工作（每季度1次）"));

  duban_task_cursor_free(cur);
  duban_graph_free(graph);
  duban_buf_dispose(&first);
  duban_buf_dispose(&second);
  duban_plan_free(again);
  duban_plan_free(plan);
  free(json);
}

static void lengths_are_bytes_and_input_need_not_be_terminated(void) {
  /* The name is followed by more text: only `len` bytes are read. */
  static const char names[] = "区发改委区教育局";
  duban_plan *plan;
  duban_directory *dir = NULL;
  int64_t a = 0, b = 0;
  size_t json_len;
  char *json = read_file(DUBAN_CAPI_TEST_DATA "/plan.json", &json_len);
  plan = parse(json, json_len);
  CHECK_RC(duban_plan_directory(&dir, plan), DUBAN_OK);
  CHECK_RC(duban_directory_lookup(&a, dir, names, 12), DUBAN_OK);
  CHECK_RC(duban_directory_lookup(&b, dir, names + 12, 12), DUBAN_OK);
  CHECK_STR(duban_directory_unit_name(dir, a, NULL), "区发展改革委");
  CHECK_STR(duban_directory_unit_name(dir, b, NULL), "区教育局");
  /* A length that cuts a character in half is not UTF-8. */
  CHECK_RC(duban_directory_lookup(&a, dir, names, 11), DUBAN_EENCODING);
  duban_directory_free(dir);
  duban_plan_free(plan);
  free(json);
}

static void invalid_utf8_is_refused(void) {
  static const char truncated[] = "{\"units\": [{\"name\": \"区\xE5\x8C\"}]}";
  static const char overlong[] = "{\"units\": [{\"name\": \"\xC0\xAF\"}]}";
  static const char surrogate[] = "{\"units\": [{\"name\": \"\xED\xA0\x80\"}]}";
  static const char plan_json[] = "{\"duban\": 1, \"plan\": {\"title\": \"\xFF\", \"year\": 2025}}";
  duban_directory *dir = NULL;
  duban_plan *plan = NULL;
  duban_db *db = NULL;
  int64_t id = 0;

  CHECK_RC(duban_directory_parse(&dir, truncated, DUBAN_NTS), DUBAN_EENCODING);
  CHECK(dir == NULL);
  CHECK(duban_error_class() == DUBAN_ERRCLASS_TEXT);
  CHECK(valid_utf8(duban_error_message(), strlen(duban_error_message())));
  CHECK_RC(duban_directory_parse(&dir, overlong, DUBAN_NTS), DUBAN_EENCODING);
  CHECK_RC(duban_directory_parse(&dir, surrogate, DUBAN_NTS), DUBAN_EENCODING);
  CHECK_RC(duban_plan_parse(&plan, plan_json, DUBAN_NTS, NULL), DUBAN_EENCODING);
  CHECK(plan == NULL);
  CHECK_RC(duban_plan_parse(&plan, "{}", 2, "bad\xFFname"), DUBAN_EENCODING);

  CHECK_RC(duban_directory_parse(&dir, "{\"units\": [{\"name\": \"区教育局\"}]}", DUBAN_NTS), DUBAN_OK);
  CHECK_RC(duban_directory_lookup(&id, dir, "区\xFF", DUBAN_NTS), DUBAN_EENCODING);
  CHECK_CONTAINS(duban_error_message(), "unit name");
  duban_directory_free(dir);

  CHECK_RC(duban_db_open(&db, "/tmp/\xFE\xFF.duban", NULL), DUBAN_EENCODING);
  CHECK(db == NULL);
  CHECK_RC(duban_db_open(&db, scratch_path("text.duban"), NULL), DUBAN_OK);
  CHECK_RC(duban_db_import_plan_json(&id, db, plan_json, DUBAN_NTS, DUBAN_IF_EXISTS_FAIL), DUBAN_EENCODING);
  CHECK(id == 0);
  duban_db_free(db);
}

static void messages_quote_input_on_character_boundaries(void) {
  char name[3 * 100 + 1];
  duban_directory *dir = NULL;
  int64_t id = 0;
  size_t i;
  const char *message;
  for (i = 0; i < 100; ++i) memcpy(name + 3 * i, "区", 3);
  name[300] = '\0';
  CHECK_RC(duban_directory_parse(&dir, "{\"units\": []}", DUBAN_NTS), DUBAN_OK);
  CHECK_RC(duban_directory_lookup(&id, dir, name, DUBAN_NTS), DUBAN_ENOTFOUND);
  message = duban_error_message();
  CHECK(strlen(message) < 200); /* the name is cut */
  CHECK_CONTAINS(message, "区区区");
  CHECK_CONTAINS(message, "…");
  CHECK(valid_utf8(message, strlen(message)));
  duban_directory_free(dir);
}

const test_case text_tests[] = {
    {"chinese_punctuation_keeps_exact_bytes", chinese_punctuation_keeps_exact_bytes},
    {"plan_json_round_trip_is_byte_exact", plan_json_round_trip_is_byte_exact},
    {"lengths_are_bytes_and_input_need_not_be_terminated", lengths_are_bytes_and_input_need_not_be_terminated},
    {"invalid_utf8_is_refused", invalid_utf8_is_refused},
    {"messages_quote_input_on_character_boundaries", messages_quote_input_on_character_boundaries},
    {NULL, NULL},
};
