/* The public header as a strict C99 program sees it (STYLE.md enforcement
 * items 1 and 3): compiled with -std=c99 -Wall -Wextra -pedantic -Werror, so
 * a C++-ism, a missing prototype or a non-C99 construct in any installed
 * header breaks the build; the layout table is checked at compile time. */
#include "duban.h"

#include <stdio.h>

#define DUBAN_LAYOUT(name, condition) typedef char duban_layout_##name[(condition) ? 1 : -1];
#include "layout.h"

int main(void) {
  duban_buf buf = DUBAN_BUF_INIT;
  duban_strarray strings = DUBAN_STRARRAY_INIT;
  duban_idarray ids = DUBAN_IDARRAY_INIT;
  duban_open_options open_opts = DUBAN_OPEN_OPTIONS_INIT;
  duban_task_query_options task_opts = DUBAN_TASK_QUERY_OPTIONS_INIT;
  duban_unit_query_options unit_opts = DUBAN_UNIT_QUERY_OPTIONS_INIT;
  duban_calendar_options cal_opts = DUBAN_CALENDAR_OPTIONS_INIT;
  duban_status_options status_opts = DUBAN_STATUS_OPTIONS_INIT;
  duban_import_options import_opts = DUBAN_IMPORT_OPTIONS_INIT;
  duban_date date = {2025, 6, 30};
  int (*evaluate_fn)(duban_status **, const duban_plan *, const duban_calendar *, duban_date, const char *, size_t,
                     const duban_status_options *) = duban_status_evaluate;
  int (*import_fn)(duban_plan **, duban_buf *, const char *, size_t, const char *, const duban_directory *,
                   const duban_import_options *) = duban_import;
  int (*add_fn)(duban_date *, const duban_calendar *, duban_date, int) = duban_calendar_add_workdays;
  /* Function pointers pin each signature as C sees it. */
  int (*open_fn)(duban_db **, const char *, const duban_open_options *) = duban_db_open;
  void (*free_fn)(duban_db *) = duban_db_free;
  const char *(*message_fn)(void) = duban_error_message;
  (void)open_fn;
  (void)free_fn;
  (void)evaluate_fn;
  (void)add_fn;
  (void)import_fn;
  duban_buf_dispose(&buf);
  duban_strarray_dispose(&strings);
  duban_idarray_dispose(&ids);
  printf("duban %s (headers %s): open options v%u, task query v%u, unit query v%u, calendar v%u, status v%u, import v%u, "
         "%d-%02d-%02d, %s\n",
         duban_version_string(), DUBAN_VERSION, (unsigned)open_opts.version, (unsigned)task_opts.version,
         (unsigned)unit_opts.version, (unsigned)cal_opts.version, (unsigned)status_opts.version, (unsigned)import_opts.version, (int)date.year, (int)date.month, (int)date.day, message_fn());
  return duban_version_number() == DUBAN_VERSION_NUMBER ? 0 : 1;
}
