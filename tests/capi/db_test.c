/* The ledger through the C API: open, import, list, load, reopen. */
#include <stdlib.h>

#include "harness.h"

static char *fixture(size_t *len) { return read_file(DUBAN_CAPI_TEST_DATA "/plan.json", len); }

static void import_list_load_round_trip(void) {
  const char *path = scratch_path("round-trip.duban");
  duban_db *db = NULL;
  duban_plan *parsed = NULL, *loaded = NULL;
  duban_plan_cursor *plans = NULL;
  duban_buf before = DUBAN_BUF_INIT, after = DUBAN_BUF_INIT;
  int64_t id = 0, again = 0, latest = 0;
  size_t len;
  char *json = fixture(&len);

  CHECK_RC(duban_db_open(&db, path, NULL), DUBAN_OK);
  CHECK_RC(duban_db_latest_plan(&latest, db), DUBAN_ENOTFOUND);
  CHECK_RC(duban_db_import_plan_json(&id, db, json, len, DUBAN_IF_EXISTS_FAIL), DUBAN_OK);
  CHECK(id >= 1);
  CHECK_RC(duban_db_latest_plan(&latest, db), DUBAN_OK);
  CHECK(latest == id);

  /* The same plan again: refused, then replaced in place. */
  CHECK_RC(duban_db_import_plan_json(&again, db, json, len, DUBAN_IF_EXISTS_FAIL), DUBAN_EEXISTS);
  CHECK(again == 0);
  CHECK(duban_error_class() == DUBAN_ERRCLASS_STORAGE || duban_error_class() == DUBAN_ERRCLASS_ARGUMENT);
  CHECK_RC(duban_plan_parse(&parsed, json, len, NULL), DUBAN_OK);
  CHECK_RC(duban_db_import_plan(&again, db, parsed, DUBAN_IF_EXISTS_REPLACE), DUBAN_OK);
  CHECK(again == id);
  CHECK_RC(duban_db_import_plan(&again, db, parsed, (duban_if_exists_t)7), DUBAN_EINVAL);

  CHECK_RC(duban_plan_cursor_new(&plans, db), DUBAN_OK);
  CHECK(duban_plan_cursor_count(plans) == 1);
  CHECK_RC(duban_plan_cursor_next(plans), DUBAN_OK);
  CHECK(duban_plan_cursor_id(plans) == id);
  CHECK_STR(duban_plan_cursor_title(plans, NULL), "2025年东西部协作工作要点（试行）；ABC混合、测试");
  CHECK_STR(duban_plan_cursor_doc_number(plans, NULL), "静合组办〔2025〕1号");
  CHECK(duban_plan_cursor_year(plans) == 2025);
  CHECK(duban_plan_cursor_task_count(plans) == 4);
  {
    size_t created_len = 0;
    const char *created = duban_plan_cursor_created(plans, &created_len);
    CHECK(created != NULL && created_len == 20 && created[19] == 'Z');
  }
  CHECK_RC(duban_plan_cursor_next(plans), DUBAN_DONE);

  CHECK_RC(duban_plan_load(&loaded, db, id), DUBAN_OK);
  CHECK(duban_plan_id(loaded) == id);
  CHECK(duban_plan_task_count(loaded) == 4);
  CHECK_RC(duban_plan_to_json(&before, parsed), DUBAN_OK);
  CHECK_RC(duban_plan_to_json(&after, loaded), DUBAN_OK);
  CHECK_STR(after.ptr, before.ptr); /* saving then loading gives back an equal plan */

  duban_plan_free(loaded);
  CHECK_RC(duban_plan_load(&loaded, db, id + 100), DUBAN_ENOTFOUND);
  CHECK(loaded == NULL);

  duban_db_free(db); /* snapshots and cursors outlive the ledger handle */
  CHECK_RC(duban_plan_cursor_next(plans), DUBAN_DONE);
  CHECK(duban_plan_task_count(parsed) == 4);
  duban_plan_cursor_free(plans);
  duban_buf_dispose(&before);
  duban_buf_dispose(&after);
  duban_plan_free(parsed);
  free(json);
}

static void reopen_read_only_and_query(void) {
  const char *path = scratch_path("reopen.duban");
  duban_db *db = NULL;
  duban_open_options opts = DUBAN_OPEN_OPTIONS_INIT;
  duban_plan *plan = NULL;
  duban_directory *dir = NULL;
  duban_graph *graph = NULL;
  duban_task_cursor *cur = NULL;
  int64_t id = 0, latest = 0, unit = 0;
  size_t len;
  char *json = fixture(&len);

  CHECK_RC(duban_db_open(&db, path, NULL), DUBAN_OK);
  CHECK_RC(duban_db_import_plan_json(&id, db, json, len, DUBAN_IF_EXISTS_FAIL), DUBAN_OK);
  duban_db_free(db);

  opts.flags = DUBAN_OPEN_FLAG_READ_ONLY | DUBAN_OPEN_FLAG_CHECK_INTEGRITY;
  CHECK_RC(duban_db_open(&db, path, &opts), DUBAN_OK);
  CHECK_RC(duban_db_latest_plan(&latest, db), DUBAN_OK);
  CHECK(latest == id);
  CHECK_RC(duban_db_import_plan_json(NULL, db, json, len, DUBAN_IF_EXISTS_REPLACE), DUBAN_EMISUSE);

  CHECK_RC(duban_directory_load(&dir, db), DUBAN_OK);
  CHECK(duban_directory_count(dir) == 9);
  CHECK_RC(duban_plan_load(&plan, db, latest), DUBAN_OK);
  duban_db_free(db);

  CHECK_RC(duban_graph_new(&graph, plan, dir), DUBAN_OK);
  CHECK_RC(duban_directory_lookup(&unit, dir, "石门二路街道", DUBAN_NTS), DUBAN_OK);
  CHECK_RC(duban_task_cursor_new(&cur, graph, unit, NULL), DUBAN_OK);
  CHECK(duban_task_cursor_count(cur) == 1);
  CHECK_RC(duban_task_cursor_next(cur), DUBAN_OK);
  CHECK_STR(duban_task_cursor_key(cur, NULL), "2");

  duban_task_cursor_free(cur);
  duban_graph_free(graph);
  duban_directory_free(dir);
  duban_plan_free(plan);
  free(json);
}

static void a_file_that_is_not_a_ledger_is_refused_and_kept(void) {
  const char *path = scratch_path("not-a-ledger.txt");
  static const char text[] = "这不是一个账本 — not a ledger\n";
  duban_db *db = NULL;
  char *back;
  size_t len = 0;
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (f == NULL) return;
  fwrite(text, 1, sizeof text - 1, f);
  fclose(f);
  CHECK_RC(duban_db_open(&db, path, NULL), DUBAN_EINVAL);
  CHECK(db == NULL);
  CHECK(duban_error_class() == DUBAN_ERRCLASS_STORAGE);
  CHECK_CONTAINS(duban_error_message(), "not-a-ledger.txt");
  back = read_file(path, &len);
  CHECK(len == sizeof text - 1 && memcmp(back, text, len) == 0);
  free(back);
}

static void directory_saved_and_loaded(void) {
  const char *path = scratch_path("directory.duban");
  duban_db *db = NULL;
  duban_directory *dir = NULL, *loaded = NULL;
  int64_t id = 0;
  CHECK_RC(duban_directory_parse(&dir, "{\"units\": [{\"name\": \"区教育局\", \"aliases\": [\"教育局\"]}]}", DUBAN_NTS),
           DUBAN_OK);
  CHECK_RC(duban_db_open(&db, path, NULL), DUBAN_OK);
  CHECK_RC(duban_db_save_directory(db, dir), DUBAN_OK);
  CHECK_RC(duban_directory_load(&loaded, db), DUBAN_OK);
  CHECK(duban_directory_count(loaded) == 1);
  CHECK_RC(duban_directory_lookup(&id, loaded, "教育局", DUBAN_NTS), DUBAN_OK);
  CHECK_STR(duban_directory_unit_name(loaded, id, NULL), "区教育局");
  CHECK_RC(duban_db_save_directory(db, NULL), DUBAN_EMISUSE);
  duban_directory_free(loaded);
  duban_directory_free(dir);
  duban_db_free(db);
}

const test_case db_tests[] = {
    {"import_list_load_round_trip", import_list_load_round_trip},
    {"reopen_read_only_and_query", reopen_read_only_and_query},
    {"a_file_that_is_not_a_ledger_is_refused_and_kept", a_file_that_is_not_a_ledger_is_refused_and_kept},
    {"directory_saved_and_loaded", directory_saved_and_loaded},
    {NULL, NULL},
};
