#include <stdlib.h>

#include "harness.h"

int test_failures = 0;

extern const test_case errors_tests[];
extern const test_case lifecycle_tests[];
extern const test_case query_tests[];
extern const test_case text_tests[];
extern const test_case db_tests[];
extern const test_case calendar_tests[];
extern const test_case status_tests[];
extern const test_case import_tests[];
extern const test_case report_tests[];
extern const test_case assess_tests[];
extern const test_case export_tests[];

static const struct {
  const char *name;
  const test_case *cases;
} groups[] = {
    {"errors", errors_tests}, {"lifecycle", lifecycle_tests}, {"query", query_tests},
    {"text", text_tests},     {"db", db_tests},           {"calendar", calendar_tests},
    {"status", status_tests}, {"import", import_tests},
    {"report", report_tests}, {"assess", assess_tests}, {"export", export_tests},
};

char *read_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  char *data;
  long size;
  if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    fprintf(stderr, "cannot read fixture %s\n", path);
    exit(2);
  }
  data = (char *)malloc((size_t)size + 1);
  if (data == NULL || fread(data, 1, (size_t)size, f) != (size_t)size) {
    fprintf(stderr, "cannot read fixture %s\n", path);
    exit(2);
  }
  fclose(f);
  data[size] = '\0';
  if (len_out != NULL) *len_out = (size_t)size;
  return data;
}

const char *scratch_path(const char *name) {
  static char path[4096];
  static const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
  size_t i;
  for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; ++i) {
    snprintf(path, sizeof path, "%s/%s%s", DUBAN_CAPI_SCRATCH_DIR, name, suffixes[i]);
    remove(path);
  }
  snprintf(path, sizeof path, "%s/%s", DUBAN_CAPI_SCRATCH_DIR, name);
  return path;
}

int main(int argc, char **argv) {
  size_t g;
  if (argc != 2) {
    fprintf(stderr, "usage: %s GROUP\n", argv[0]);
    return 2;
  }
  for (g = 0; g < sizeof groups / sizeof groups[0]; ++g) {
    const test_case *t;
    if (strcmp(groups[g].name, argv[1]) != 0) continue;
    for (t = groups[g].cases; t->name != NULL; ++t) {
      int before = test_failures;
      t->run();
      printf("%s %s.%s\n", test_failures == before ? "[  OK  ]" : "[FAILED]", groups[g].name, t->name);
    }
    return test_failures == 0 ? 0 : 1;
  }
  fprintf(stderr, "no test group named %s\n", argv[1]);
  return 2;
}
