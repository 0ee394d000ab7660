/*
 * Embedding duban from C: load a work plan into a ledger and ask who does
 * what.
 *
 *   duban_example_c PLAN.json [LEDGER.duban [UNIT]]
 *
 * Checks that the library is the version the headers describe, opens (or
 * creates) a ledger, imports the plan, lists the stored plans, prints the
 * tasks of one unit with its role in each (by default the lead of the first
 * task), prints the lint report, and frees everything. Every call's status
 * is checked; on failure the library's message says why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban.h"

static const char *role_name(int role) {
  switch (role) {
    case DUBAN_ROLE_LEAD: return "牵头";
    case DUBAN_ROLE_RESPONSIBLE: return "责任";
    case DUBAN_ROLE_SUPPORT: return "配合";
    default: return "?";
  }
}

/* Prints why a call failed; returns 1 so `if (failed(...)) goto done;` reads well. */
static int failed(int rc, const char *what) {
  if (rc >= 0) return 0;
  fprintf(stderr, "%s: %s (%s)\n", what, duban_error_message(), duban_strerror(rc));
  return 1;
}

static char *read_all(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  char *data = NULL;
  long size;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    data = (char *)malloc((size_t)size + 1);
    if (data != NULL && fread(data, 1, (size_t)size, f) == (size_t)size) {
      data[size] = '\0';
      *len_out = (size_t)size;
    } else {
      free(data);
      data = NULL;
    }
  }
  fclose(f);
  return data;
}

/* A fresh ledger each run: remove the file and SQLite's companions. */
static void remove_ledger(const char *path) {
  static const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
  char name[4096];
  size_t i;
  for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; ++i) {
    if (snprintf(name, sizeof name, "%s%s", path, suffixes[i]) < (int)sizeof name) remove(name);
  }
}

int main(int argc, char **argv) {
  const char *plan_path, *ledger_path, *unit_name = NULL;
  char default_ledger[4096];
  char *json = NULL;
  size_t json_len = 0;
  int status = 1;
  duban_open_options opts = DUBAN_OPEN_OPTIONS_INIT;
  duban_db *db = NULL;
  duban_plan_cursor *plans = NULL;
  duban_plan *plan = NULL;
  duban_graph *graph = NULL;
  duban_directory *dir = NULL;
  duban_unit_cursor *leads = NULL;
  duban_task_cursor *tasks = NULL;
  duban_buf report = DUBAN_BUF_INIT;
  int64_t plan_id = 0, unit_id = 0;
  size_t findings = 0;
  int rc;

  if (argc < 2 || argc > 4) {
    fprintf(stderr, "usage: %s PLAN.json [LEDGER.duban [UNIT]]\n", argv[0]);
    return 2;
  }
  plan_path = argv[1];
  if (argc >= 3) {
    ledger_path = argv[2];
  } else {
    const char *tmp = getenv("TMPDIR");
    snprintf(default_ledger, sizeof default_ledger, "%s/duban-example.duban", tmp != NULL ? tmp : "/tmp");
    ledger_path = default_ledger;
  }
  if (argc == 4) unit_name = argv[3];

  /* 1. The library must be the one these headers describe. */
  if (duban_version_number() != DUBAN_VERSION_NUMBER) {
    fprintf(stderr, "compiled against duban %s but running with %s\n", DUBAN_VERSION, duban_version_string());
    return 1;
  }
  printf("duban %s\n", duban_version_string());

  json = read_all(plan_path, &json_len);
  if (json == NULL) {
    fprintf(stderr, "cannot read %s\n", plan_path);
    return 1;
  }

  /* 2. A ledger, and the plan stored in it. */
  remove_ledger(ledger_path);
  if (failed(duban_db_open(&db, ledger_path, &opts), "open ledger")) goto done;
  if (failed(duban_db_import_plan_json(&plan_id, db, json, json_len, DUBAN_IF_EXISTS_REPLACE), "import plan"))
    goto done;

  if (failed(duban_plan_cursor_new(&plans, db), "list plans")) goto done;
  printf("plans in %s:\n", ledger_path);
  while ((rc = duban_plan_cursor_next(plans)) == DUBAN_OK) {
    printf("  #%lld %d %s (%zu tasks)\n", (long long)duban_plan_cursor_id(plans), duban_plan_cursor_year(plans),
           duban_plan_cursor_title(plans, NULL), duban_plan_cursor_task_count(plans));
  }
  if (failed(rc, "list plans")) goto done;

  /* 3. The plan's graph, read back from the ledger. */
  if (failed(duban_plan_load(&plan, db, plan_id), "load plan")) goto done;
  if (failed(duban_graph_new(&graph, plan, NULL), "build graph")) goto done;
  if (failed(duban_graph_directory(&dir, graph), "directory")) goto done;

  /* 4. One unit: named on the command line, or the lead of the first task. */
  if (unit_name != NULL) {
    if (failed(duban_directory_lookup(&unit_id, dir, unit_name, DUBAN_NTS), "find unit")) goto done;
  } else {
    duban_unit_query_options lead_only = DUBAN_UNIT_QUERY_OPTIONS_INIT;
    lead_only.role = DUBAN_ROLE_LEAD;
    if (failed(duban_unit_cursor_new(&leads, graph, 1, &lead_only), "leads of task 1")) goto done;
    if (duban_unit_cursor_next(leads) != DUBAN_OK) {
      fprintf(stderr, "task 1 has no lead unit\n");
      goto done;
    }
    unit_id = duban_unit_cursor_id(leads);
  }

  printf("\ntasks of %s:\n", duban_directory_unit_name(dir, unit_id, NULL));
  if (failed(duban_task_cursor_new(&tasks, graph, unit_id, NULL), "tasks of unit")) goto done;
  while ((rc = duban_task_cursor_next(tasks)) == DUBAN_OK) {
    duban_date due;
    int64_t via = duban_task_cursor_via_group(tasks);
    printf("  [%s] %s %s", role_name(duban_task_cursor_role(tasks)), duban_task_cursor_number(tasks, NULL),
           duban_task_cursor_title(tasks, NULL));
    if (via != 0) printf("（经%s）", duban_directory_unit_name(dir, via, NULL));
    if (duban_task_cursor_due(&due, tasks) == DUBAN_OK && due.year != 0) {
      printf("  due %04d-%02d-%02d", (int)due.year, (int)due.month, (int)due.day);
    }
    printf("\n");
  }
  if (failed(rc, "tasks of unit")) goto done;

  /* 5. What the coordinator should look at. */
  if (failed(duban_graph_lint(&report, &findings, graph, DUBAN_FORMAT_TEXT), "lint")) goto done;
  printf("\nlint: %zu finding(s)\n%s", findings, report.ptr);
  status = 0;

done:
  duban_buf_dispose(&report);
  duban_task_cursor_free(tasks);
  duban_unit_cursor_free(leads);
  duban_directory_free(dir);
  duban_graph_free(graph);
  duban_plan_free(plan);
  duban_plan_cursor_free(plans);
  duban_db_free(db);
  free(json);
  return status;
}
