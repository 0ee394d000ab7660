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

/* Version 1 ended at 12 bytes; version 2 appended hash, busy_retries and
 * max_size (int64_t: 8-aligned on LP64 and on ARM, 4 on i386). */
DUBAN_LAYOUT(open_options_size, sizeof(duban_open_options) == offsetof(duban_open_options, max_size) + 8)
DUBAN_LAYOUT(open_options_version, offsetof(duban_open_options, version) == 0)
DUBAN_LAYOUT(open_options_flags, offsetof(duban_open_options, flags) == 4)
DUBAN_LAYOUT(open_options_busy_timeout_ms, offsetof(duban_open_options, busy_timeout_ms) == 8)
DUBAN_LAYOUT(open_options_hash, offsetof(duban_open_options, hash) == 12)
DUBAN_LAYOUT(open_options_busy_retries, offsetof(duban_open_options, busy_retries) == 16)
DUBAN_LAYOUT(open_options_max_size, offsetof(duban_open_options, max_size) == 24 ||
                                        (!DUBAN_PTR64 && offsetof(duban_open_options, max_size) == 20))

DUBAN_LAYOUT(step_size, sizeof(duban_step) == (DUBAN_PTR64 ? 56 : 40))
DUBAN_LAYOUT(step_version, offsetof(duban_step, version) == 0)
DUBAN_LAYOUT(step_date, offsetof(duban_step, date) == 4)
DUBAN_LAYOUT(step_unit_id, offsetof(duban_step, unit_id) == 16)
DUBAN_LAYOUT(step_user, offsetof(duban_step, user) == 24)
DUBAN_LAYOUT(step_reason, offsetof(duban_step, reason) == (DUBAN_PTR64 ? 32 : 28))
DUBAN_LAYOUT(step_evidence, offsetof(duban_step, evidence) == (DUBAN_PTR64 ? 40 : 32))
DUBAN_LAYOUT(step_evidence_count, offsetof(duban_step, evidence_count) == (DUBAN_PTR64 ? 48 : 36))

DUBAN_LAYOUT(history_options_size, sizeof(duban_history_options) == (DUBAN_PTR64 ? 24 : 20))
DUBAN_LAYOUT(history_options_version, offsetof(duban_history_options, version) == 0)
DUBAN_LAYOUT(history_options_as_of, offsetof(duban_history_options, as_of) == 4)
DUBAN_LAYOUT(history_options_instance, offsetof(duban_history_options, instance) == 16)

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

DUBAN_LAYOUT(assess_options_size, sizeof(duban_assess_options) == 8)
DUBAN_LAYOUT(assess_options_version, offsetof(duban_assess_options, version) == 0)
DUBAN_LAYOUT(assess_options_digest, offsetof(duban_assess_options, digest) == 4)

DUBAN_LAYOUT(result_json_options_size, sizeof(duban_result_json_options) == 12)
DUBAN_LAYOUT(result_json_options_version, offsetof(duban_result_json_options, version) == 0)
DUBAN_LAYOUT(result_json_options_indent, offsetof(duban_result_json_options, indent) == 4)
DUBAN_LAYOUT(result_json_options_explanations, offsetof(duban_result_json_options, explanations) == 8)

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

/* int32_t ledger_inputs fills the gap before the first pointer. */
DUBAN_LAYOUT(snapshot_options_size, sizeof(duban_snapshot_options) == (DUBAN_PTR64 ? 40 : 24))
DUBAN_LAYOUT(snapshot_options_version, offsetof(duban_snapshot_options, version) == 0)
DUBAN_LAYOUT(snapshot_options_ledger_inputs, offsetof(duban_snapshot_options, ledger_inputs) == 4)
DUBAN_LAYOUT(snapshot_options_scheme, offsetof(duban_snapshot_options, scheme) == 8)
DUBAN_LAYOUT(snapshot_options_inputs, offsetof(duban_snapshot_options, inputs) == (DUBAN_PTR64 ? 16 : 12))
DUBAN_LAYOUT(snapshot_options_calendar, offsetof(duban_snapshot_options, calendar) == (DUBAN_PTR64 ? 24 : 16))
DUBAN_LAYOUT(snapshot_options_status, offsetof(duban_snapshot_options, status) == (DUBAN_PTR64 ? 32 : 20))

DUBAN_LAYOUT(snapshot_render_options_size, sizeof(duban_snapshot_render_options) == 12)
DUBAN_LAYOUT(snapshot_render_options_version, offsetof(duban_snapshot_render_options, version) == 0)
DUBAN_LAYOUT(snapshot_render_options_month, offsetof(duban_snapshot_render_options, month) == 4)
DUBAN_LAYOUT(snapshot_render_options_indent, offsetof(duban_snapshot_render_options, indent) == 8)
DUBAN_LAYOUT(export_formats, DUBAN_EXPORT_TASKS_CSV == 1 && DUBAN_EXPORT_MONTHLY_HTML == 6)

/* Constants that are part of the ABI as much as the layouts. */
DUBAN_LAYOUT(status_done, DUBAN_DONE == 1)
DUBAN_LAYOUT(status_euser, DUBAN_EUSER == -13)
DUBAN_LAYOUT(status_eperm, DUBAN_EPERM == -14)
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
DUBAN_LAYOUT(input_parts, DUBAN_INPUT_TASKS == 1 && DUBAN_INPUT_EVENTS == 5 && DUBAN_INPUT_AREAS == 7)
DUBAN_LAYOUT(hashes, DUBAN_HASH_DEFAULT == 0 && DUBAN_HASH_SM3 == 1 && DUBAN_HASH_SHA256 == 2)
DUBAN_LAYOUT(report_statuses, DUBAN_REPORT_NOT_STARTED == 1 && DUBAN_REPORT_IN_PROGRESS == 2 &&
                                  DUBAN_REPORT_DONE == 3 && DUBAN_REPORT_BLOCKED == 4)
DUBAN_LAYOUT(event_kinds, DUBAN_EVENT_REPORT == 1 && DUBAN_EVENT_CLOSURE_RETURNED == 4 &&
                              DUBAN_EVENT_EXTENSION_REFUSED == 7 && DUBAN_EVENT_PLAN_SAVED == 10)
DUBAN_LAYOUT(closure_states, DUBAN_CLOSURE_OPEN == 0 && DUBAN_CLOSURE_SUBMITTED == 1 && DUBAN_CLOSURE_CLOSED == 2 &&
                                 DUBAN_CLOSURE_RETURNED == 3)
DUBAN_LAYOUT(extension_decisions,
             DUBAN_EXTENSION_PENDING == 0 && DUBAN_EXTENSION_APPROVED == 1 && DUBAN_EXTENSION_REFUSED == 2)
DUBAN_LAYOUT(chain_findings, DUBAN_CHAIN_INTACT == 0 && DUBAN_CHAIN_ALTERED == 1 && DUBAN_CHAIN_REMOVED == 2 &&
                                 DUBAN_CHAIN_INSERTED == 3)
DUBAN_LAYOUT(state_dates, DUBAN_STATE_SUBMITTED == 1 && DUBAN_STATE_CURRENT_DUE == 6)
