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

DUBAN_LAYOUT(calendar_options_size, sizeof(duban_calendar_options) == 8)
DUBAN_LAYOUT(calendar_options_version, offsetof(duban_calendar_options, version) == 0)
DUBAN_LAYOUT(calendar_options_fallback, offsetof(duban_calendar_options, weekends_only_fallback) == 4)

DUBAN_LAYOUT(day_info_size, sizeof(duban_day_info) == (DUBAN_PTR64 ? 32 : 20))
DUBAN_LAYOUT(day_info_kind, offsetof(duban_day_info, kind) == 0)
DUBAN_LAYOUT(day_info_working, offsetof(duban_day_info, working) == 4)
DUBAN_LAYOUT(day_info_known, offsetof(duban_day_info, known) == 8)
DUBAN_LAYOUT(day_info_name, offsetof(duban_day_info, name) == (DUBAN_PTR64 ? 16 : 12))
DUBAN_LAYOUT(day_info_source, offsetof(duban_day_info, source) == (DUBAN_PTR64 ? 24 : 16))

DUBAN_LAYOUT(import_options_size, sizeof(duban_import_options) == 16)
DUBAN_LAYOUT(import_options_version, offsetof(duban_import_options, version) == 0)
DUBAN_LAYOUT(import_options_year, offsetof(duban_import_options, year) == 4)
DUBAN_LAYOUT(import_options_first_is_lead, offsetof(duban_import_options, first_is_lead) == 8)
DUBAN_LAYOUT(import_options_format, offsetof(duban_import_options, format) == 12)

/* Doubles are 8-aligned at offsets 8 and 16 on every target. */
DUBAN_LAYOUT(status_options_size, sizeof(duban_status_options) == 48)
DUBAN_LAYOUT(status_options_version, offsetof(duban_status_options, version) == 0)
DUBAN_LAYOUT(status_options_due_soon, offsetof(duban_status_options, due_soon_workdays) == 4)
DUBAN_LAYOUT(status_options_lag_yellow, offsetof(duban_status_options, lag_yellow) == 8)
DUBAN_LAYOUT(status_options_lag_red, offsetof(duban_status_options, lag_red) == 16)
DUBAN_LAYOUT(status_options_four_colour, offsetof(duban_status_options, four_colour) == 24)
DUBAN_LAYOUT(status_options_approaching, offsetof(duban_status_options, approaching_workdays) == 28)
DUBAN_LAYOUT(status_options_due_basis, offsetof(duban_status_options, due_basis) == 32)
DUBAN_LAYOUT(status_options_done_late_light, offsetof(duban_status_options, done_late_light) == 36)
DUBAN_LAYOUT(status_options_workday_curve, offsetof(duban_status_options, workday_curve) == 40)
DUBAN_LAYOUT(status_options_shift, offsetof(duban_status_options, shift) == 44)

/* Constants that are part of the ABI as much as the layouts. */
DUBAN_LAYOUT(status_done, DUBAN_DONE == 1)
DUBAN_LAYOUT(status_euser, DUBAN_EUSER == -13)
DUBAN_LAYOUT(errclass_internal, DUBAN_ERRCLASS_INTERNAL == 7)
DUBAN_LAYOUT(role_support, DUBAN_ROLE_SUPPORT == 3)
DUBAN_LAYOUT(unit_group, DUBAN_UNIT_GROUP == 7)
DUBAN_LAYOUT(format_dot, DUBAN_FORMAT_DOT == 4)
DUBAN_LAYOUT(if_exists_replace, DUBAN_IF_EXISTS_REPLACE == 1)
DUBAN_LAYOUT(roll_values, DUBAN_ROLL_NONE == 0 && DUBAN_ROLL_FOLLOWING == 1 && DUBAN_ROLL_MODIFIED_PRECEDING == 4)
DUBAN_LAYOUT(day_kinds, DUBAN_DAY_WEEKDAY == 1 && DUBAN_DAY_LOCAL_WORKDAY == 6)
DUBAN_LAYOUT(status_codes, DUBAN_STATUS_NOT_YET_DUE == 1 && DUBAN_STATUS_OVERDUE == 3 && DUBAN_STATUS_ONGOING == 6)
DUBAN_LAYOUT(lights, DUBAN_LIGHT_GREEN == 1 && DUBAN_LIGHT_BLUE == 2 && DUBAN_LIGHT_YELLOW == 3 && DUBAN_LIGHT_RED == 4)
DUBAN_LAYOUT(due_basis, DUBAN_DUE_BASIS_CURRENT == 1 && DUBAN_DUE_BASIS_ORIGINAL == 2)
DUBAN_LAYOUT(item_kinds, DUBAN_ITEM_TASK == 1 && DUBAN_ITEM_INSTANCE == 2)
DUBAN_LAYOUT(import_formats, DUBAN_IMPORT_AUTO == 0 && DUBAN_IMPORT_TEXT == 1 && DUBAN_IMPORT_CSV == 2 &&
                                  DUBAN_IMPORT_XLSX == 3)
DUBAN_LAYOUT(open_flags, DUBAN_OPEN_FLAG_READ_ONLY == 1 && DUBAN_OPEN_FLAG_NO_CREATE == 2 &&
                             DUBAN_OPEN_FLAG_CHECK_INTEGRITY == 4)
