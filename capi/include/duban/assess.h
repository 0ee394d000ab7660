/*
 * duban/assess.h — assessment scoring (考核评价): a scheme of rules and
 * points applied to a plan's units as of a date, with totals, grades, a
 * ranking, and an explanation of every point (docs/assess.md).
 *
 * Four handles, each immutable once made, so each may be read from several
 * threads at once:
 *  - duban_scheme: a scheme file, read strictly (TOML by hand, JSON for
 *    interchange); errors name the file, line and field;
 *  - duban_assess_input: the facts an assessment looks at (task completion,
 *    recurring reports, indicator values, baselines, events, named values),
 *    from an input file or from a ledger as of a date;
 *  - duban_assessor: a scheme bound to one plan, directory and calendar;
 *    run it as often as wanted;
 *  - duban_assessment: the result. Units are named by unit id; unit 0 is the
 *    plan as a whole.
 * Every handle keeps what it needs: plans, calendars, schemes, inputs and
 * assessors may be freed while what was made from them is still in use.
 */
#ifndef DUBAN_ASSESS_H
#define DUBAN_ASSESS_H

#include "duban/common.h"

DUBAN_BEGIN_DECL

/** An immutable assessment scheme. @since 0.1 */
typedef struct duban_scheme duban_scheme;
/** Immutable facts for an assessment. @since 0.1 */
typedef struct duban_assess_input duban_assess_input;
/** An immutable scheme bound to a plan. @since 0.1 */
typedef struct duban_assessor duban_assessor;
/** An immutable assessment result. @since 0.1 */
typedef struct duban_assessment duban_assessment;
/** A cursor over the assessment runs stored in a ledger. @since 0.1 */
typedef struct duban_assess_run_cursor duban_assess_run_cursor;
/** A walk over an assessment's units in ranking order (duban_ranking_cursor_new). @since 0.1 */
typedef struct duban_ranking_cursor duban_ranking_cursor;

/**
 * The parts of an assessment input, for duban_assess_input_count.
 * @since 0.1
 */
typedef enum {
  DUBAN_INPUT_TASKS = 1,      /**< task completion facts */
  DUBAN_INPUT_REPORTS = 2,    /**< reports on recurring tasks (on time, late or missing) */
  DUBAN_INPUT_INDICATORS = 3, /**< indicator values */
  DUBAN_INPUT_BASELINES = 4,  /**< last year's values (去年) */
  DUBAN_INPUT_EVENTS = 5,     /**< deduction, bonus and veto events */
  DUBAN_INPUT_VALUES = 6,     /**< named values for formulas and vetoes */
  DUBAN_INPUT_AREAS = 7       /**< recipient areas (受援县) */
} duban_input_part_t;

#define DUBAN_ASSESS_OPTIONS_VERSION 1

/**
 * How duban_assessor_run runs. Initialise with DUBAN_ASSESS_OPTIONS_INIT or
 * duban_assess_options_init. Fields are only ever appended.
 * @since 0.1
 */
typedef struct {
  uint32_t version; /**< DUBAN_ASSESS_OPTIONS_VERSION */
  int32_t digest;   /**< 1 (default): compute the digest of the run's inputs; 0: leave it "" */
} duban_assess_options;

#define DUBAN_ASSESS_OPTIONS_INIT {DUBAN_ASSESS_OPTIONS_VERSION, 1}

/**
 * Sets `opts` to the defaults of the given version.
 * @param version DUBAN_ASSESS_OPTIONS_VERSION (or an older one)
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know
 * @since 0.1
 */
DUBAN_API int duban_assess_options_init(duban_assess_options *opts, uint32_t version) DUBAN_NOEXCEPT;

#define DUBAN_RESULT_JSON_OPTIONS_VERSION 1

/**
 * How duban_assessment_to_json writes. Initialise with
 * DUBAN_RESULT_JSON_OPTIONS_INIT or duban_result_json_options_init. Fields
 * are only ever appended.
 * @since 0.1
 */
typedef struct {
  uint32_t version;     /**< DUBAN_RESULT_JSON_OPTIONS_VERSION */
  int32_t indent;       /**< spaces per level, 0..16; -1 for one line; default 2 */
  int32_t explanations; /**< 1 (default): each unit's explanation tree; 0: scores only */
} duban_result_json_options;

#define DUBAN_RESULT_JSON_OPTIONS_INIT {DUBAN_RESULT_JSON_OPTIONS_VERSION, 2, 1}

/**
 * Sets `opts` to the defaults of the given version.
 * @param version DUBAN_RESULT_JSON_OPTIONS_VERSION (or an older one)
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know
 * @since 0.1
 */
DUBAN_API int duban_result_json_options_init(duban_result_json_options *opts, uint32_t version) DUBAN_NOEXCEPT;

/* ------------------------------------------------------------------------
 * Schemes. */

/**
 * Reads a scheme written in TOML (docs/assess.md, "Scheme files").
 * @param out receives the scheme; set to NULL on failure
 * @param text the file's text
 * @param len bytes of `text`, or DUBAN_NTS when NUL-terminated
 * @param origin names the text in messages (a file name); NULL for
 *        "scheme.toml"
 * @return DUBAN_OK, DUBAN_EPARSE (not TOML), DUBAN_EINVAL (a field missing,
 *         unknown, of the wrong type or out of range), DUBAN_EENCODING. The
 *         message reads "ORIGIN:LINE: FIELD: what is wrong".
 * @note caller frees with duban_scheme_free
 * @since 0.1
 */
DUBAN_API int duban_scheme_parse_toml(duban_scheme **out, const char *text, size_t len,
                                      const char *origin) DUBAN_NOEXCEPT;

/**
 * Reads a scheme written in JSON (what duban_scheme_to_json writes).
 * @param out receives the scheme; set to NULL on failure
 * @param len bytes of `text`, or DUBAN_NTS when NUL-terminated
 * @param origin names the text in messages; NULL for "scheme.json"
 * @return DUBAN_OK, DUBAN_EPARSE, DUBAN_EINVAL, DUBAN_EENCODING, each
 *         message naming the origin, line and field
 * @note caller frees with duban_scheme_free
 * @since 0.1
 */
DUBAN_API int duban_scheme_parse_json(duban_scheme **out, const char *text, size_t len,
                                      const char *origin) DUBAN_NOEXCEPT;

/**
 * Reads a scheme file: TOML when the name ends in .toml, else JSON.
 * Messages name the path.
 * @param out receives the scheme; set to NULL on failure
 * @param path the file (UTF-8)
 * @return DUBAN_OK, DUBAN_EIO (cannot be read), DUBAN_EPARSE, DUBAN_EINVAL,
 *         DUBAN_EENCODING
 * @note caller frees with duban_scheme_free
 * @since 0.1
 */
DUBAN_API int duban_scheme_load(duban_scheme **out, const char *path) DUBAN_NOEXCEPT;

/**
 * Frees a scheme. Assessors made from it stay valid.
 * @param scheme may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_scheme_free(duban_scheme *scheme) DUBAN_NOEXCEPT;

/**
 * The scheme's name.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL for a NULL `scheme` (DUBAN_EMISUSE)
 * @note borrowed; valid until `scheme` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_scheme_name(const duban_scheme *scheme, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The scheme's version ("2025.1"); "" when it names none.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL for a NULL `scheme` (DUBAN_EMISUSE)
 * @note borrowed; valid until `scheme` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_scheme_version(const duban_scheme *scheme, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * What messages call the scheme's text: the path or origin it was read
 * from.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL for a NULL `scheme` (DUBAN_EMISUSE)
 * @note borrowed; valid until `scheme` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_scheme_origin(const duban_scheme *scheme, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The scheme's points: the base total its non-bonus items add up to (100)
 * and the most its bonus groups give together (0: their items' own points).
 * @param total_out may be NULL
 * @param bonus_cap_out may be NULL
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_scheme_points(double *total_out, double *bonus_cap_out, const duban_scheme *scheme) DUBAN_NOEXCEPT;

/**
 * The number of groups and of items (veto items included).
 * @param groups_out may be NULL
 * @param items_out may be NULL
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_scheme_counts(size_t *groups_out, size_t *items_out, const duban_scheme *scheme) DUBAN_NOEXCEPT;

/**
 * The scheme as deterministic JSON, which duban_scheme_parse_json reads
 * back to the same scheme.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_scheme_to_json(duban_buf *out, const duban_scheme *scheme) DUBAN_NOEXCEPT;

/* ------------------------------------------------------------------------
 * Inputs. Tasks are named by key and units by name in input files, and
 * resolved through `plan`: give duban_assessor_run an input read against
 * the plan (and directory) its assessor is bound to. */

/**
 * Reads an assessment input file (docs/assess.md, "The input file").
 * @param out receives the input; set to NULL on failure
 * @param plan resolves task keys and unit names
 * @param cal expands recurring instances ("3@2025-03"); NULL for the
 *        built-in calendar
 * @param json the text
 * @param len bytes of `json`, or DUBAN_NTS when NUL-terminated
 * @param origin names the text in messages; NULL for "inputs"
 * @return DUBAN_OK, DUBAN_EPARSE, DUBAN_EINVAL (naming the entry and
 *         field), DUBAN_EENCODING
 * @note caller frees with duban_assess_input_free
 * @since 0.1
 */
DUBAN_API int duban_assess_input_parse(duban_assess_input **out, const duban_plan *plan, const duban_calendar *cal,
                                       const char *json, size_t len, const char *origin) DUBAN_NOEXCEPT;

/**
 * Reads an assessment input file from disk; messages name the path.
 * @param out receives the input; set to NULL on failure
 * @param cal NULL for the built-in calendar
 * @return DUBAN_OK, DUBAN_EIO, DUBAN_EPARSE, DUBAN_EINVAL, DUBAN_EENCODING
 * @note caller frees with duban_assess_input_free
 * @since 0.1
 */
DUBAN_API int duban_assess_input_load(duban_assess_input **out, const duban_plan *plan, const duban_calendar *cal,
                                      const char *path) DUBAN_NOEXCEPT;

/**
 * What the ledger says as of a date (docs/assess.md, "From the ledger"):
 * task completion (closures, reports of done), each unit's report on each
 * recurring instance due by `as_of`, the latest indicator values. Events,
 * baselines and named values are not kept in a ledger: merge an input file
 * of them (duban_assess_input_merge).
 * @param out receives the input; set to NULL on failure
 * @param db the ledger
 * @param plan a plan loaded from `db` (duban_plan_load)
 * @param cal NULL for the built-in calendar
 * @return DUBAN_OK, DUBAN_EINVAL (`plan` was not loaded from a ledger),
 *         DUBAN_ENOTFOUND (`db` does not hold it), DUBAN_ERANGE (a year the
 *         calendar has no data for), DUBAN_EIO
 * @note caller frees with duban_assess_input_free
 * @since 0.1
 */
DUBAN_API int duban_assess_input_from_db(duban_assess_input **out, duban_db *db, const duban_plan *plan,
                                         const duban_calendar *cal, duban_date as_of) DUBAN_NOEXCEPT;

/**
 * `base` with `more` laid over it, as a new input: a task fact for the
 * same task and unit, or a report on the same instance by the same unit,
 * replaces the one in `base`; everything else is added. Neither argument
 * changes.
 * @param out receives the merged input; set to NULL on failure
 * @return DUBAN_OK, DUBAN_EINVAL (the two were read against different
 *         plans)
 * @note caller frees with duban_assess_input_free
 * @since 0.1
 */
DUBAN_API int duban_assess_input_merge(duban_assess_input **out, const duban_assess_input *base,
                                       const duban_assess_input *more) DUBAN_NOEXCEPT;

/**
 * The number of entries of one part.
 * @param part a duban_input_part_t
 * @return the count, or 0 for a NULL `input` (DUBAN_EMISUSE) or another
 *         part (DUBAN_EINVAL)
 * @since 0.1
 */
DUBAN_API size_t duban_assess_input_count(const duban_assess_input *input, duban_input_part_t part) DUBAN_NOEXCEPT;

/**
 * Frees an input. Assessments made from it stay valid.
 * @param input may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_assess_input_free(duban_assess_input *input) DUBAN_NOEXCEPT;

/* ------------------------------------------------------------------------
 * Assessors. */

/**
 * Binds a scheme to a plan: selectors resolved, formulas compiled, the
 * responsibility table laid out for scoring.
 * @param out receives the assessor; set to NULL on failure
 * @param plan the plan (its data is copied)
 * @param dir the directory to resolve the plan's unit names against; NULL
 *        for the plan's own (duban_plan_directory)
 * @param cal the working-day calendar; NULL for the built-in one
 * @param scheme the scheme (copied)
 * @return DUBAN_OK, DUBAN_EINVAL for what the plan contradicts (an unknown
 *         task, category, unit, metric without a target, grade or group;
 *         repeated item ids; a formula that does not parse; base points not
 *         adding up to the total), naming the scheme's origin, line and field
 * @note caller frees with duban_assessor_free
 * @since 0.1
 */
DUBAN_API int duban_assessor_new(duban_assessor **out, const duban_plan *plan, const duban_directory *dir,
                                 const duban_calendar *cal, const duban_scheme *scheme) DUBAN_NOEXCEPT;

/**
 * Frees an assessor. Assessments it made stay valid.
 * @param assessor may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_assessor_free(duban_assessor *assessor) DUBAN_NOEXCEPT;

/**
 * The units the scheme assesses, in directory order.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @note caller releases `out` with duban_idarray_dispose
 * @since 0.1
 */
DUBAN_API int duban_assessor_units(duban_idarray *out, const duban_assessor *assessor) DUBAN_NOEXCEPT;

/**
 * Scores every assessed unit and the plan as of a date. Deterministic: the
 * same plan, scheme, input and date give the same result, byte for byte in
 * JSON.
 * @param out receives the result; set to NULL on failure
 * @param input the facts; NULL for none (every task not done, every report
 *        missing)
 * @param as_of the assessment date
 * @param opts may be NULL for the defaults
 * @return DUBAN_OK, DUBAN_EINVAL (input that contradicts the plan, naming
 *         the entry; an input read against another plan; bad options),
 *         DUBAN_ERANGE (a date the calendar has no data for)
 * @note caller frees with duban_assessment_free
 * @since 0.1
 */
DUBAN_API int duban_assessor_run(duban_assessment **out, const duban_assessor *assessor,
                                 const duban_assess_input *input, duban_date as_of,
                                 const duban_assess_options *opts) DUBAN_NOEXCEPT;

/* ------------------------------------------------------------------------
 * Results. A unit is named by its unit id; unit 0 is the plan as a whole.
 * An id that was not assessed is DUBAN_ENOTFOUND. */

/**
 * Frees a result. Strings borrowed from it become invalid.
 * @param result may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_assessment_free(duban_assessment *result) DUBAN_NOEXCEPT;

/**
 * The date the result is as of.
 * @param out receives the date; {0, 0, 0} on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_assessment_as_of(duban_date *out, const duban_assessment *result) DUBAN_NOEXCEPT;

/**
 * The name of the scheme the result was scored under.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL on failure (DUBAN_EMISUSE)
 * @note borrowed; valid until `result` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_assessment_scheme_name(const duban_assessment *result, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The version of the scheme the result was scored under; "" when none.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL on failure (DUBAN_EMISUSE)
 * @note borrowed; valid until `result` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_assessment_scheme_version(const duban_assessment *result,
                                                      size_t *len_out) DUBAN_NOEXCEPT;

/**
 * SHA-256 (64 hex digits) over the plan, the directory's names, the
 * scheme, the input and the date: two results with the same digest saw
 * the same things. "" when the run was asked not to compute it.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated text, or NULL on failure (DUBAN_EMISUSE)
 * @note borrowed; valid until `result` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_assessment_digest(const duban_assessment *result, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * What a unit (or the plan) can score: the scheme's base total and its
 * bonus cap (0: the bonus items' own points).
 * @param total_out may be NULL
 * @param bonus_cap_out may be NULL
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_assessment_points(double *total_out, double *bonus_cap_out,
                                      const duban_assessment *result) DUBAN_NOEXCEPT;

/**
 * The number of assessed units (the plan not counted).
 * @return the count, or 0 for a NULL `result` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_assessment_unit_count(const duban_assessment *result) DUBAN_NOEXCEPT;

/**
 * The assessed units' ids, in directory order.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @note caller releases `out` with duban_idarray_dispose
 * @since 0.1
 */
DUBAN_API int duban_assessment_units(duban_idarray *out, const duban_assessment *result) DUBAN_NOEXCEPT;

/**
 * The assessed units' ids, best first, by the scheme's tie-breaks; units
 * still tied share a rank and keep directory order.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @note caller releases `out` with duban_idarray_dispose
 * @since 0.1
 */
DUBAN_API int duban_assessment_ranking(duban_idarray *out, const duban_assessment *result) DUBAN_NOEXCEPT;

/**
 * A unit's name; for unit 0, the plan's title.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL on failure (DUBAN_EMISUSE,
 *         DUBAN_ENOTFOUND)
 * @note borrowed; valid until `result` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_assessment_unit_name(const duban_assessment *result, int64_t unit,
                                                 size_t *len_out) DUBAN_NOEXCEPT;

/**
 * A unit's (or the plan's) scores.
 * @param total_out may be NULL; base + bonus, or 0 when a veto zeroed it
 * @param base_out may be NULL; the non-bonus groups
 * @param bonus_out may be NULL; the bonus groups, at most the bonus cap
 * @param deductions_out may be NULL; the points lost in deduction items
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ENOTFOUND; every output 0 on
 *         failure
 * @since 0.1
 */
DUBAN_API int duban_assessment_unit_scores(double *total_out, double *base_out, double *bonus_out,
                                           double *deductions_out, const duban_assessment *result,
                                           int64_t unit) DUBAN_NOEXCEPT;

/**
 * A unit's (or the plan's) grade (好); "" when the scheme has no grades.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL on failure (DUBAN_EMISUSE,
 *         DUBAN_ENOTFOUND)
 * @note borrowed; valid until `result` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_assessment_unit_grade(const duban_assessment *result, int64_t unit,
                                                  size_t *len_out) DUBAN_NOEXCEPT;

/**
 * A unit's rank, 1 for the best; tied units share one. 0 for the plan.
 * @return the rank, or < 0 on failure (DUBAN_EMISUSE, DUBAN_ENOTFOUND)
 * @since 0.1
 */
DUBAN_API int duban_assessment_unit_rank(const duban_assessment *result, int64_t unit) DUBAN_NOEXCEPT;

/**
 * A cursor over the assessed units, best first (ties share a rank and keep
 * directory order): what a ranking table shows, row by row.
 * @param out receives the cursor, before its first row; NULL on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @note caller frees with duban_ranking_cursor_free; the cursor holds its
 *       own copy of the rows, so the result may be freed first
 * @since 0.1
 */
DUBAN_API int duban_ranking_cursor_new(duban_ranking_cursor **out, const duban_assessment *result) DUBAN_NOEXCEPT;

/**
 * Moves to the next row.
 * @return DUBAN_OK with a row current, DUBAN_DONE after the last,
 *         DUBAN_EMISUSE for a NULL cursor
 * @since 0.1
 */
DUBAN_API int duban_ranking_cursor_next(duban_ranking_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The number of rows: the assessed units.
 * @return the count, or 0 for a NULL `cursor` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_ranking_cursor_count(const duban_ranking_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current row's unit id.
 * @return the id, or 0 when there is no current row (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int64_t duban_ranking_cursor_unit(const duban_ranking_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current row's unit name, as the directory writes it.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL when there is no current row
 * @note borrowed; valid until the cursor is freed
 * @since 0.1
 */
DUBAN_API const char *duban_ranking_cursor_name(const duban_ranking_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The current row's rank (1 for the best; tied units share one).
 * @return the rank, or < 0 when there is no current row (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int duban_ranking_cursor_rank(const duban_ranking_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current row's total score (base plus bonus; 0 when a veto zeroed it).
 * @param out receives the score; 0 on failure
 * @return DUBAN_OK, DUBAN_EMISUSE when there is no current row
 * @since 0.1
 */
DUBAN_API int duban_ranking_cursor_score(double *out, const duban_ranking_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current row's grade (好, 较好, 一般, 较差 or the scheme's own).
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL when there is no current row
 * @note borrowed; valid until the cursor is freed
 * @since 0.1
 */
DUBAN_API const char *duban_ranking_cursor_grade(const duban_ranking_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * Frees a cursor.
 * @param cursor may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_ranking_cursor_free(duban_ranking_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The vetoes (一票否决) that applied to a unit (or the plan): a JSON array
 * of {"item", "effect", "target"}, effect one of "zero_group" (target: the
 * group), "zero_total", "cap_grade" (target: the best grade left); "[]"
 * when none did.
 * @param out filled on success; left as it was on failure
 * @param count_out may be NULL; receives the number of vetoes
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ENOTFOUND
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_assessment_unit_vetoes(duban_buf *out, size_t *count_out, const duban_assessment *result,
                                           int64_t unit) DUBAN_NOEXCEPT;

/**
 * The number of tasks with points in the plan's score (those completion
 * items, and items selecting one task, judge).
 * @return the count, or 0 for a NULL `result` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_assessment_task_count(const duban_assessment *result) DUBAN_NOEXCEPT;

/**
 * One task's points in the plan's score, by index below
 * duban_assessment_task_count(), in plan order.
 * @param task_out may be NULL; receives the task id (1-based place in the
 *        plan)
 * @param earned_out may be NULL; the points it earned
 * @param possible_out may be NULL; the points it could earn
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ERANGE (another index)
 * @since 0.1
 */
DUBAN_API int duban_assessment_task_score(int64_t *task_out, double *earned_out, double *possible_out,
                                          const duban_assessment *result, size_t index) DUBAN_NOEXCEPT;

/**
 * The number of plan categories with points in the plan's score.
 * @return the count, or 0 for a NULL `result` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_assessment_category_count(const duban_assessment *result) DUBAN_NOEXCEPT;

/**
 * One category's points in the plan's score, by index below
 * duban_assessment_category_count().
 * @param earned_out may be NULL
 * @param possible_out may be NULL
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ERANGE
 * @since 0.1
 */
DUBAN_API int duban_assessment_category_score(double *earned_out, double *possible_out,
                                              const duban_assessment *result, size_t index) DUBAN_NOEXCEPT;

/**
 * One category's title (组织领导); "" for the tasks in no category.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL on failure (DUBAN_EMISUSE,
 *         DUBAN_ERANGE)
 * @note borrowed; valid until `result` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_assessment_category_title(const duban_assessment *result, size_t index,
                                                      size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The whole result as JSON (docs/assess.md, "JSON"): byte-identical for the
 * same plan, scheme, input and date.
 * @param out filled on success; left as it was on failure
 * @param opts may be NULL for the defaults
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_EINVAL (bad options)
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_assessment_to_json(duban_buf *out, const duban_assessment *result,
                                       const duban_result_json_options *opts) DUBAN_NOEXCEPT;

/**
 * The tree behind a unit's (or the plan's) scores as JSON: nodes of
 * {"what", "points", "rule", "arithmetic", "source", "children"}, from the
 * total through groups and items down to the reports, values and events.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ENOTFOUND
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_assessment_explanation(duban_buf *out, const duban_assessment *result,
                                           int64_t unit) DUBAN_NOEXCEPT;

/**
 * The same tree as indented text for a person, one node a line, what
 * `duban assess --explain` prints.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ENOTFOUND
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_assessment_explain(duban_buf *out, const duban_assessment *result, int64_t unit) DUBAN_NOEXCEPT;

/* ------------------------------------------------------------------------
 * Stored runs and comparing results. */

/**
 * Keeps a result in the ledger file (table assess_runs, outside the audit
 * chain) with its scheme version and digest.
 * @param run_id_out receives the run's id; 0 on failure
 * @param db an open ledger, not read-only
 * @param plan_id the plan assessed, or 0 to leave it unrecorded
 * @return DUBAN_OK, DUBAN_EMISUSE (a read-only ledger), DUBAN_EIO,
 *         DUBAN_EBUSY
 * @since 0.1
 */
DUBAN_API int duban_assessment_store(int64_t *run_id_out, duban_db *db, const duban_assessment *result,
                                     int64_t plan_id) DUBAN_NOEXCEPT;

/**
 * Starts a walk over the stored runs, in id order. The rows are read when
 * the cursor is made: later writes do not show.
 * @param out receives the cursor, before its first row; NULL on failure
 * @return DUBAN_OK, DUBAN_EIO
 * @note caller frees with duban_assess_run_cursor_free; it does not depend
 *       on `db`
 * @since 0.1
 */
DUBAN_API int duban_assess_run_cursor_new(duban_assess_run_cursor **out, duban_db *db) DUBAN_NOEXCEPT;

/**
 * Moves to the next row.
 * @return DUBAN_OK (a row is current), DUBAN_DONE (no more rows), < 0 on
 *         error
 * @since 0.1
 */
DUBAN_API int duban_assess_run_cursor_next(duban_assess_run_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The number of rows the cursor walks, whatever its position.
 * @return the count, or 0 for a NULL `cursor` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_assess_run_cursor_count(const duban_assess_run_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current run's id, for duban_assess_run_load.
 * @return the id (>= 1), or 0 when there is no current row (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int64_t duban_assess_run_cursor_id(const duban_assess_run_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * When the run was stored, UTC, as 2025-03-01T08:30:00Z.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated text, or NULL when there is no current row
 *         (DUBAN_EMISUSE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_assess_run_cursor_created(const duban_assess_run_cursor *cursor,
                                                      size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The current run's scheme name.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL when there is no current row
 *         (DUBAN_EMISUSE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_assess_run_cursor_scheme_name(const duban_assess_run_cursor *cursor,
                                                          size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The current run's scheme version; "" when the scheme named none.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL when there is no current row
 *         (DUBAN_EMISUSE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_assess_run_cursor_scheme_version(const duban_assess_run_cursor *cursor,
                                                             size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The date the current run was as of.
 * @param out receives the date; {0, 0, 0} on failure
 * @return DUBAN_OK, DUBAN_EMISUSE (no current row), DUBAN_ECORRUPT (a
 *         stored date that is not one)
 * @since 0.1
 */
DUBAN_API int duban_assess_run_cursor_as_of(duban_date *out, const duban_assess_run_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current run's digest (duban_assessment_digest).
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated text, or NULL when there is no current row
 *         (DUBAN_EMISUSE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_assess_run_cursor_digest(const duban_assess_run_cursor *cursor,
                                                     size_t *len_out) DUBAN_NOEXCEPT;

/**
 * Frees a cursor.
 * @param cursor may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_assess_run_cursor_free(duban_assess_run_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * A stored run's result, as duban_assessment_to_json wrote it with the
 * default options.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK, DUBAN_ENOTFOUND (no such run), DUBAN_EIO
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_assess_run_load(duban_buf *out, duban_db *db, int64_t run_id) DUBAN_NOEXCEPT;

/**
 * Compares two results written by duban_assessment_to_json (or loaded with
 * duban_assess_run_load): one line per number that differs, "UNIT\tFIELD\t
 * BEFORE → AFTER (+DELTA)", fields total, base, bonus, rank, grade,
 * group:NAME, item:ID, the plan first; or "no score changed (same
 * inputs)".
 * @param out filled on success; left as it was on failure
 * @param count_out may be NULL; receives the number of changes (0: the
 *        same scores)
 * @param before_len, after_len bytes, or DUBAN_NTS when NUL-terminated
 * @return DUBAN_OK, DUBAN_EPARSE (not JSON), DUBAN_EINVAL (JSON that is
 *         not a result), each naming which of the two, DUBAN_EENCODING
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_assess_diff(duban_buf *out, size_t *count_out, const char *before_json, size_t before_len,
                                const char *after_json, size_t after_len) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_ASSESS_H */
