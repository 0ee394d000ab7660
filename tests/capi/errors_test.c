/* The error model, the version twins and the owned-result types. */
#include <stdlib.h>

#include "harness.h"

static void header_version_matches_library(void) {
  int major = -1, minor = -1, patch = -1;
  char expected[64];
  CHECK(duban_version_number() == DUBAN_VERSION_NUMBER);
  CHECK_STR(duban_version_string(), DUBAN_VERSION);
  duban_version(&major, &minor, &patch);
  CHECK(major == DUBAN_VERSION_MAJOR && minor == DUBAN_VERSION_MINOR && patch == DUBAN_VERSION_PATCH);
  CHECK(DUBAN_VERSION_NUMBER == major * 1000000 + minor * 1000 + patch);
  snprintf(expected, sizeof expected, "%d.%d.%d", major, minor, patch);
  CHECK_STR(DUBAN_VERSION, expected);
  CHECK(DUBAN_SOVERSION == DUBAN_VERSION_MAJOR);
  CHECK(DUBAN_VERSION_CHECK(DUBAN_VERSION_MAJOR, DUBAN_VERSION_MINOR, DUBAN_VERSION_PATCH));
  CHECK(!DUBAN_VERSION_CHECK(DUBAN_VERSION_MAJOR + 1, 0, 0));
  CHECK(DUBAN_VERSION_CHECK(0, 0, 0));
  duban_version(NULL, NULL, NULL); /* each part may be NULL */
}

static void strerror_names_every_code(void) {
  CHECK_STR(duban_strerror(DUBAN_OK), "no error");
  CHECK_STR(duban_strerror(DUBAN_DONE), "iteration finished");
  CHECK_STR(duban_strerror(DUBAN_ENOTFOUND), "not found");
  CHECK_STR(duban_strerror(DUBAN_EENCODING), "input is not valid UTF-8");
  CHECK_STR(duban_strerror(DUBAN_EMISUSE), "API misuse");
  CHECK_STR(duban_strerror(-9999), "unknown status code");
  CHECK_STR(duban_strerror(42), "unknown status code");
  {
    int code;
    for (code = DUBAN_EPERM; code <= DUBAN_DONE; ++code) {
      CHECK(duban_strerror(code) != NULL);
      CHECK(strcmp(duban_strerror(code), "unknown status code") != 0);
    }
  }
}

static void failure_sets_thread_error_and_clear_resets_it(void) {
  duban_directory *dir = NULL;
  duban_error_clear();
  CHECK(duban_error_code() == DUBAN_OK);
  CHECK(duban_error_class() == DUBAN_ERRCLASS_NONE);
  CHECK_STR(duban_error_message(), "");

  CHECK_RC(duban_directory_parse(&dir, "{\"units\": [", DUBAN_NTS), DUBAN_EPARSE);
  CHECK(dir == NULL);
  CHECK(duban_error_code() == DUBAN_EPARSE);
  CHECK(strlen(duban_error_message()) > 0);
  /* Reading the error does not change it. */
  CHECK(duban_error_code() == DUBAN_EPARSE);

  duban_error_clear();
  CHECK(duban_error_code() == DUBAN_OK);
  CHECK(duban_error_subcode() == 0);
  CHECK(duban_error_message() != NULL);
  CHECK_STR(duban_error_message(), "");
}

static void misuse_message_names_the_function_and_argument(void) {
  duban_error_clear();
  CHECK(duban_directory_count(NULL) == 0);
  CHECK(duban_error_code() == DUBAN_EMISUSE);
  CHECK(duban_error_class() == DUBAN_ERRCLASS_ARGUMENT);
  CHECK_STR(duban_error_message(), "duban_directory_count: 'dir' is NULL");
}

static void buffers_dispose_and_reuse(void) {
  duban_buf buf = DUBAN_BUF_INIT;
  duban_strarray strings = DUBAN_STRARRAY_INIT;
  duban_idarray ids = DUBAN_IDARRAY_INIT;
  duban_directory *dir = NULL;
  char *big;

  /* Disposing what was never filled, twice, or NULL is fine. */
  duban_buf_dispose(&buf);
  duban_buf_dispose(&buf);
  duban_buf_dispose(NULL);
  duban_strarray_dispose(&strings);
  duban_strarray_dispose(NULL);
  duban_idarray_dispose(&ids);
  duban_idarray_dispose(NULL);

  CHECK_RC(duban_directory_parse(&dir, "{\"units\": [{\"name\": \"A\", \"aliases\": [\"a1\", \"a2\"]}]}", DUBAN_NTS),
           DUBAN_OK);
  CHECK_RC(duban_directory_to_json(&buf, dir), DUBAN_OK);
  CHECK(buf.ptr != NULL && buf.size == strlen(buf.ptr) && buf.reserved > buf.size);
  CHECK_CONTAINS(buf.ptr, "\"a2\"");

  /* Refilling reuses the buffer; a larger text grows it. */
  big = (char *)malloc(buf.size + 1);
  memcpy(big, buf.ptr, buf.size + 1);
  CHECK_RC(duban_directory_to_json(&buf, dir), DUBAN_OK);
  CHECK_STR(buf.ptr, big);
  free(big);

  CHECK_RC(duban_directory_unit_aliases(&strings, dir, duban_directory_id_at(dir, 0)), DUBAN_OK);
  CHECK(strings.count == 2);
  if (strings.count == 2) {
    CHECK_STR(strings.strings[0], "a1");
    CHECK_STR(strings.strings[1], "a2");
  }
  CHECK_RC(duban_directory_expand(&ids, dir, duban_directory_id_at(dir, 0)), DUBAN_OK);
  CHECK(ids.count == 1 && ids.ids[0] == duban_directory_id_at(dir, 0));

  duban_buf_dispose(&buf);
  CHECK(buf.ptr == NULL && buf.size == 0 && buf.reserved == 0);
  duban_strarray_dispose(&strings);
  CHECK(strings.strings == NULL && strings.count == 0);
  duban_idarray_dispose(&ids);
  CHECK(ids.ids == NULL && ids.count == 0);
  duban_directory_free(dir);
}

static void failed_call_leaves_buffer_as_it_was(void) {
  duban_buf buf = DUBAN_BUF_INIT;
  duban_plan *plan = NULL;
  size_t len;
  char *json = read_file(DUBAN_CAPI_TEST_DATA "/plan.json", &len);
  CHECK_RC(duban_plan_parse(&plan, json, len, NULL), DUBAN_OK);
  CHECK_RC(duban_plan_validate(&buf, NULL, plan, DUBAN_FORMAT_JSON), DUBAN_OK);
  CHECK_STR(buf.ptr, "[]\n");
  CHECK_RC(duban_plan_validate(&buf, NULL, plan, DUBAN_FORMAT_DOT), DUBAN_EINVAL);
  CHECK_CONTAINS(duban_error_message(), "format 4");
  CHECK_STR(buf.ptr, "[]\n");
  duban_buf_dispose(&buf);
  duban_plan_free(plan);
  free(json);
}

const test_case errors_tests[] = {
    {"header_version_matches_library", header_version_matches_library},
    {"strerror_names_every_code", strerror_names_every_code},
    {"failure_sets_thread_error_and_clear_resets_it", failure_sets_thread_error_and_clear_resets_it},
    {"misuse_message_names_the_function_and_argument", misuse_message_names_the_function_and_argument},
    {"buffers_dispose_and_reuse", buffers_dispose_and_reuse},
    {"failed_call_leaves_buffer_as_it_was", failed_call_leaves_buffer_as_it_was},
    {NULL, NULL},
};
