// The public header as a C++20 program sees it: strict warnings (the
// project's own set, old-style casts included), every function noexcept,
// and the layout table as static_asserts.
#include "duban.h"

#include <cstdio>
#include <type_traits>

#define DUBAN_LAYOUT(name, condition) static_assert(condition, #name);
#include "layout.h"

static_assert(noexcept(duban_version_number()));
static_assert(noexcept(duban_db_open(nullptr, nullptr, nullptr)));
static_assert(noexcept(duban_task_cursor_next(nullptr)));
static_assert(std::is_same_v<decltype(&duban_db_open), int (*)(duban_db**, const char*, const duban_open_options*) noexcept>);
static_assert(noexcept(duban_calendar_free(nullptr)));
static_assert(std::is_same_v<decltype(&duban_status_evaluate),
                             int (*)(duban_status**, const duban_plan*, const duban_calendar*, duban_date, const char*,
                                     size_t, const duban_status_options*) noexcept>);
static_assert(std::is_same_v<decltype(&duban_import),
                             int (*)(duban_plan**, duban_buf*, const char*, size_t, const char*, const duban_directory*,
                                     const duban_import_options*) noexcept>);
static_assert(noexcept(duban_import_json(nullptr, nullptr, 0, nullptr, nullptr, nullptr)));
static_assert(std::is_trivially_copyable_v<duban_import_options> && std::is_standard_layout_v<duban_import_options>);
static_assert(std::is_trivially_copyable_v<duban_status_options> && std::is_standard_layout_v<duban_day_info>);
static_assert(std::is_standard_layout_v<duban_buf> && std::is_trivially_copyable_v<duban_open_options>);

int main() {
  duban_buf buf = DUBAN_BUF_INIT;
  duban_open_options opts = DUBAN_OPEN_OPTIONS_INIT;
  duban_task_query_options task_opts = DUBAN_TASK_QUERY_OPTIONS_INIT;
  duban_unit_query_options unit_opts = DUBAN_UNIT_QUERY_OPTIONS_INIT;
  duban_calendar_options cal_opts = DUBAN_CALENDAR_OPTIONS_INIT;
  duban_status_options status_opts = DUBAN_STATUS_OPTIONS_INIT;
  duban_import_options import_opts = DUBAN_IMPORT_OPTIONS_INIT;
  duban_buf_dispose(&buf);
  std::printf("duban %s, options v%u/%u/%u/%u/%u/%u\n", duban_version_string(), opts.version,
              task_opts.version, unit_opts.version, cal_opts.version, status_opts.version, import_opts.version);
  return duban_version_number() == DUBAN_VERSION_NUMBER ? 0 : 1;
}
