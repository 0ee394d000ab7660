/* The smallest useful program against an installed duban: check the
 * version, open a ledger, store a plan, read it back. Built both through
 * find_package(duban) and through pkg-config. */
#include <stdio.h>

#include <duban.h>

static const char plan[] =
    "{\"duban\": 1,"
    " \"directory\": {\"units\": [{\"name\": \"区合作交流办\"}, {\"name\": \"区教育局\"}]},"
    " \"plan\": {\"title\": \"东西部协作工作要点\", \"year\": 2025, \"tasks\": ["
    "  {\"number\": \"1\", \"title\": \"健全工作机制\","
    "   \"responsibilities\": [{\"unit\": \"区合作交流办\", \"role\": \"lead\"},"
    "                          {\"unit\": \"区教育局\", \"role\": \"support\"}]}]}}";

int main(int argc, char **argv) {
  duban_db *db = NULL;
  duban_plan *loaded = NULL;
  int64_t id = 0;
  int status = 1;

  if (argc != 2) {
    fprintf(stderr, "usage: %s LEDGER\n", argv[0]);
    return 2;
  }
  printf("duban %s\n", duban_version_string());
  if (duban_version_number() != DUBAN_VERSION_NUMBER) {
    fprintf(stderr, "headers %s, library %s\n", DUBAN_VERSION, duban_version_string());
    return 1;
  }
  remove(argv[1]);
  if (duban_db_open(&db, argv[1], NULL) < 0 ||
      duban_db_import_plan_json(&id, db, plan, sizeof plan - 1, DUBAN_IF_EXISTS_REPLACE) < 0 ||
      duban_plan_load(&loaded, db, id) < 0) {
    fprintf(stderr, "error: %s\n", duban_error_message());
    goto done;
  }
  printf("plan %lld: %s, %zu task(s)\n", (long long)id, duban_plan_title(loaded, NULL), duban_plan_task_count(loaded));
  status = duban_plan_task_count(loaded) == 1 ? 0 : 1;
done:
  duban_plan_free(loaded);
  duban_db_free(db);
  return status;
}
