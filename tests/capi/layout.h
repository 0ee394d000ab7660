/* The committed layout of every transparent struct in the C API (STYLE.md
 * enforcement item 3). A failing line here is an ABI break: within a major
 * version, fix the code, never the number. Pointer-sized fields are given
 * for both 64-bit (LP64) and 32-bit (ILP32) targets.
 *
 * The includer defines DUBAN_LAYOUT(name, condition) to assert each line in
 * its language (C99 has no static_assert). */
#include <stddef.h>

#include "duban.h"

#define DUBAN_PTR64 (sizeof(void *) == 8)

DUBAN_LAYOUT(date_size, sizeof(duban_date) == 12)
DUBAN_LAYOUT(date_year, offsetof(duban_date, year) == 0)
DUBAN_LAYOUT(date_month, offsetof(duban_date, month) == 4)
DUBAN_LAYOUT(date_day, offsetof(duban_date, day) == 8)

DUBAN_LAYOUT(buf_size, sizeof(duban_buf) == (DUBAN_PTR64 ? 24 : 12))
DUBAN_LAYOUT(buf_ptr, offsetof(duban_buf, ptr) == 0)
DUBAN_LAYOUT(buf_size_field, offsetof(duban_buf, size) == (DUBAN_PTR64 ? 8 : 4))
DUBAN_LAYOUT(buf_reserved, offsetof(duban_buf, reserved) == (DUBAN_PTR64 ? 16 : 8))

DUBAN_LAYOUT(strarray_size, sizeof(duban_strarray) == (DUBAN_PTR64 ? 16 : 8))
DUBAN_LAYOUT(strarray_strings, offsetof(duban_strarray, strings) == 0)
DUBAN_LAYOUT(strarray_count, offsetof(duban_strarray, count) == (DUBAN_PTR64 ? 8 : 4))

DUBAN_LAYOUT(idarray_size, sizeof(duban_idarray) == (DUBAN_PTR64 ? 16 : 8))
DUBAN_LAYOUT(idarray_ids, offsetof(duban_idarray, ids) == 0)
DUBAN_LAYOUT(idarray_count, offsetof(duban_idarray, count) == (DUBAN_PTR64 ? 8 : 4))

DUBAN_LAYOUT(open_options_size, sizeof(duban_open_options) == 12)
DUBAN_LAYOUT(open_options_version, offsetof(duban_open_options, version) == 0)
DUBAN_LAYOUT(open_options_flags, offsetof(duban_open_options, flags) == 4)
DUBAN_LAYOUT(open_options_busy_timeout_ms, offsetof(duban_open_options, busy_timeout_ms) == 8)

DUBAN_LAYOUT(task_query_options_size, sizeof(duban_task_query_options) == 12)
DUBAN_LAYOUT(task_query_options_version, offsetof(duban_task_query_options, version) == 0)
DUBAN_LAYOUT(task_query_options_role, offsetof(duban_task_query_options, role) == 4)
DUBAN_LAYOUT(task_query_options_through_groups, offsetof(duban_task_query_options, through_groups) == 8)

DUBAN_LAYOUT(unit_query_options_size, sizeof(duban_unit_query_options) == 12)
DUBAN_LAYOUT(unit_query_options_version, offsetof(duban_unit_query_options, version) == 0)
DUBAN_LAYOUT(unit_query_options_role, offsetof(duban_unit_query_options, role) == 4)
DUBAN_LAYOUT(unit_query_options_groups, offsetof(duban_unit_query_options, groups) == 8)

/* Constants that are part of the ABI as much as the layouts. */
DUBAN_LAYOUT(status_done, DUBAN_DONE == 1)
DUBAN_LAYOUT(status_euser, DUBAN_EUSER == -13)
DUBAN_LAYOUT(errclass_internal, DUBAN_ERRCLASS_INTERNAL == 7)
DUBAN_LAYOUT(role_support, DUBAN_ROLE_SUPPORT == 3)
DUBAN_LAYOUT(unit_group, DUBAN_UNIT_GROUP == 7)
DUBAN_LAYOUT(format_dot, DUBAN_FORMAT_DOT == 4)
DUBAN_LAYOUT(if_exists_replace, DUBAN_IF_EXISTS_REPLACE == 1)
DUBAN_LAYOUT(open_flags, DUBAN_OPEN_FLAG_READ_ONLY == 1 && DUBAN_OPEN_FLAG_NO_CREATE == 2 &&
                             DUBAN_OPEN_FLAG_CHECK_INTEGRITY == 4)
