/*
 * duban/plan.h — work plans: parse a plan file or load a stored plan, read
 * its properties, validate it, write it back as JSON; list a ledger's plans.
 *
 * A duban_plan is an immutable snapshot of a plan together with the
 * directory its responsibilities are resolved against: the plan file's own
 * directory when parsed, the ledger's when loaded from one. It may be read
 * from several threads at once.
 */
#ifndef DUBAN_PLAN_H
#define DUBAN_PLAN_H

#include "duban/common.h"

DUBAN_BEGIN_DECL

/**
 * Parses a plan file (JSON, docs/plan-format.md): a directory and a plan.
 * Responsibilities are resolved against the file's directory; names it does
 * not know are kept and reported by duban_plan_validate, not rejected here.
 * @param out receives the plan; set to NULL on failure
 * @param json UTF-8 JSON text
 * @param len bytes of `json`, or DUBAN_NTS when NUL-terminated
 * @param source_name names the text in messages (e.g. a file name); may be
 *        NULL, meaning "plan"
 * @return DUBAN_OK, DUBAN_EPARSE (bad JSON, with line:column), DUBAN_EINVAL
 *         (a wrong or missing field, with its path), DUBAN_EEXISTS (a unit
 *         name used twice), DUBAN_EENCODING (not UTF-8)
 * @note caller frees with duban_plan_free
 * @since 0.1
 */
DUBAN_API int duban_plan_parse(duban_plan **out, const char *json, size_t len, const char *source_name) DUBAN_NOEXCEPT;

/**
 * Frees a plan. Strings borrowed from it become invalid; directories and
 * graphs made from it stay valid.
 * @param plan may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_plan_free(duban_plan *plan) DUBAN_NOEXCEPT;

/**
 * The plan's id in the ledger it was loaded from or imported into.
 * @return the id (>= 1), or 0 for a plan only parsed, or for a NULL `plan`
 *         (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int64_t duban_plan_id(const duban_plan *plan) DUBAN_NOEXCEPT;

/**
 * The plan's title (关于…的通知 / …工作要点), as written.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL for a NULL `plan` (DUBAN_EMISUSE)
 * @note borrowed; valid until `plan` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_plan_title(const duban_plan *plan, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The document number (临合组办〔2025〕2号); "" when the plan has none.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL for a NULL `plan` (DUBAN_EMISUSE)
 * @note borrowed; valid until `plan` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_plan_doc_number(const duban_plan *plan, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The issuing body; "" when the plan does not say.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL for a NULL `plan` (DUBAN_EMISUSE)
 * @note borrowed; valid until `plan` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_plan_issuer(const duban_plan *plan, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The plan year (the year its deadlines default to).
 * @return the year, or 0 for a NULL `plan` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int duban_plan_year(const duban_plan *plan) DUBAN_NOEXCEPT;

/**
 * The issue date.
 * @param out receives the date, or {0, 0, 0} when the plan has none
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_plan_issued(duban_date *out, const duban_plan *plan) DUBAN_NOEXCEPT;

/**
 * The number of tasks (guarantee measures included). Task ids run from 1 to
 * this number, in plan order.
 * @return the count, or 0 for a NULL `plan` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_plan_task_count(const duban_plan *plan) DUBAN_NOEXCEPT;

/**
 * Checks the plan against its directory: empty titles and names, duplicate
 * task numbers or keys, unknown units, dependencies on missing tasks and
 * dependency cycles, each finding saying what and where.
 * @param report_out receives the findings: for DUBAN_FORMAT_TEXT one per
 *        line, "[source[:line]: ]severity: where: message" (e.g.
 *        "plan.json: error: task 3, responsibilities[1]: unknown unit
 *        '区发改'"), "" for a clean plan; for DUBAN_FORMAT_JSON an array of
 *        {"severity", "line", "where", "message"} objects, "[]" when clean
 * @param errors_out may be NULL; receives the number of findings of
 *        severity error (warnings are reported but not counted)
 * @param format DUBAN_FORMAT_TEXT or DUBAN_FORMAT_JSON
 * @return DUBAN_OK whether or not the plan has findings; DUBAN_EINVAL for
 *         another format
 * @note caller releases `report_out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_plan_validate(duban_buf *report_out, size_t *errors_out, const duban_plan *plan,
                                  duban_format_t format) DUBAN_NOEXCEPT;

/**
 * The directory the plan's responsibilities are resolved against.
 * @param out receives the directory; set to NULL on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @note caller frees with duban_directory_free; it stays valid after `plan`
 *       is freed
 * @since 0.1
 */
DUBAN_API int duban_plan_directory(duban_directory **out, const duban_plan *plan) DUBAN_NOEXCEPT;

/**
 * The plan as a complete plan file (JSON): duban_plan_parse reads it back to
 * an equal plan. Deterministic: the same plan always gives the same bytes.
 * Only the units the plan names, and the members of its groups, are
 * written.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_plan_to_json(duban_buf *out, const duban_plan *plan) DUBAN_NOEXCEPT;

/**
 * Reads a stored plan, with the ledger's directory, as a snapshot.
 * @param out receives the plan; set to NULL on failure
 * @return DUBAN_OK, DUBAN_ENOTFOUND (no such plan), DUBAN_EIO,
 *         DUBAN_ECORRUPT
 * @note caller frees with duban_plan_free; it does not depend on `db`
 * @since 0.1
 */
DUBAN_API int duban_plan_load(duban_plan **out, duban_db *db, int64_t plan_id) DUBAN_NOEXCEPT;

/**
 * Starts a walk over the stored plans, in id order. The rows are read when
 * the cursor is made: later writes to the ledger do not show.
 * @param out receives the cursor, before its first row; NULL on failure
 * @return DUBAN_OK, DUBAN_EIO
 * @note caller frees with duban_plan_cursor_free; it does not depend on `db`
 * @since 0.1
 */
DUBAN_API int duban_plan_cursor_new(duban_plan_cursor **out, duban_db *db) DUBAN_NOEXCEPT;

/**
 * Moves to the next row.
 * @return DUBAN_OK (a row is current), DUBAN_DONE (no more rows), < 0 on
 *         error
 * @since 0.1
 */
DUBAN_API int duban_plan_cursor_next(duban_plan_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The number of rows the cursor walks, whatever its position.
 * @return the count, or 0 for a NULL `cursor` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_plan_cursor_count(const duban_plan_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current plan's id, for duban_plan_load.
 * @return the id (>= 1), or 0 when there is no current row (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int64_t duban_plan_cursor_id(const duban_plan_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current plan's title.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL when there is no current row
 *         (DUBAN_EMISUSE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_plan_cursor_title(const duban_plan_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The current plan's document number; "" when it has none.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL when there is no current row
 *         (DUBAN_EMISUSE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_plan_cursor_doc_number(const duban_plan_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The current plan's year.
 * @return the year, or 0 when there is no current row (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int duban_plan_cursor_year(const duban_plan_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current plan's number of tasks.
 * @return the count, or 0 when there is no current row (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_plan_cursor_task_count(const duban_plan_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * When this version of the plan was stored, UTC, as 2025-03-01T08:30:00Z.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated text, or NULL when there is no current row
 *         (DUBAN_EMISUSE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_plan_cursor_created(const duban_plan_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * Frees a cursor.
 * @param cursor may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_plan_cursor_free(duban_plan_cursor *cursor) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_PLAN_H */
