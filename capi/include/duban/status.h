/*
 * duban/status.h — the status and warning light of every task and every
 * recurring-obligation instance of a plan as of a date: what is due, what
 * is late, who is behind (docs/progress.md describes the rules).
 *
 * A duban_status is an immutable report: items are read by index, 0 to
 * duban_status_count() - 1, in plan order, each recurring task followed by
 * its instances. It keeps what it needs of the plan, so the plan and the
 * calendar may be freed first; it may be read from several threads at once.
 */
#ifndef DUBAN_STATUS_H
#define DUBAN_STATUS_H

#include "duban/common.h"
#include "duban/graph.h"

DUBAN_BEGIN_DECL

/**
 * An item's status. Values equal duban::Status and are stored: never
 * renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_STATUS_NOT_YET_DUE = 1,  /**< not done, due later than the due-soon window */
  DUBAN_STATUS_DUE_SOON = 2,     /**< not done, due within the due-soon window (today included) */
  DUBAN_STATUS_OVERDUE = 3,      /**< not done, the due date has passed */
  DUBAN_STATUS_DONE_ON_TIME = 4, /**< done on or before the due date (or done with no hard date) */
  DUBAN_STATUS_DONE_LATE = 5,    /**< done after the due date */
  DUBAN_STATUS_ONGOING = 6       /**< not done, no hard date (持续推进, 常态化, a recurring duty) */
} duban_status_code_t;

/**
 * A warning light, ordered by severity. Values equal duban::Light: never
 * renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_LIGHT_GREEN = 1,
  DUBAN_LIGHT_BLUE = 2, /**< approaching; only with four colours */
  DUBAN_LIGHT_YELLOW = 3,
  DUBAN_LIGHT_RED = 4
} duban_light_t;

/**
 * Which due date counts once an extension (延期) was approved. Values equal
 * duban::DueBasis: never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_DUE_BASIS_CURRENT = 1, /**< the date after approved extensions */
  DUBAN_DUE_BASIS_ORIGINAL = 2 /**< the plan's date, as if none had been approved */
} duban_due_basis_t;

/**
 * What an item is (duban_status_item_kind).
 * @since 0.1
 */
typedef enum {
  DUBAN_ITEM_TASK = 1,    /**< a plan task */
  DUBAN_ITEM_INSTANCE = 2 /**< one dated instance of a recurring task (3@2025-03) */
} duban_item_kind_t;

#define DUBAN_STATUS_OPTIONS_VERSION 1

/**
 * The light rules of duban_status_evaluate. Initialise with
 * DUBAN_STATUS_OPTIONS_INIT or duban_status_options_init. Fields are only
 * ever appended.
 * @since 0.1
 */
typedef struct {
  uint32_t version;             /**< DUBAN_STATUS_OPTIONS_VERSION */
  int32_t due_soon_workdays;    /**< yellow when due within this many working days (0: today); default 3 */
  double lag_yellow;            /**< yellow when progress lags the expected by at least this many points; default 10 */
  double lag_red;               /**< red when it lags by more than this; default 30 */
  int32_t four_colour;          /**< 1: blue when due within approaching_workdays; default 0 */
  int32_t approaching_workdays; /**< default 10 */
  int32_t due_basis;            /**< a duban_due_basis_t; default DUBAN_DUE_BASIS_CURRENT */
  int32_t done_late_light;      /**< a duban_light_t: the light of work done late; default DUBAN_LIGHT_GREEN */
  int32_t workday_curve;        /**< 1 (default): expected progress counts working days, not calendar days */
  int32_t shift;                /**< a duban_roll_t for due days that are not worked; default DUBAN_ROLL_FOLLOWING (1) */
} duban_status_options;

#define DUBAN_STATUS_OPTIONS_INIT {DUBAN_STATUS_OPTIONS_VERSION, 3, 10.0, 30.0, 0, 10, 1, 1, 1, 1}

/**
 * Sets `opts` to the defaults of the given version.
 * @param version DUBAN_STATUS_OPTIONS_VERSION (or an older one)
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know
 * @since 0.1
 */
DUBAN_API int duban_status_options_init(duban_status_options *opts, uint32_t version) DUBAN_NOEXCEPT;

/**
 * Evaluates every task and instance of `plan` as of `as_of`.
 * @param out receives the report; set to NULL on failure
 * @param cal the working-day calendar; NULL for the built-in one
 * @param facts_json progress facts (docs/progress.md, {"duban_progress": 1,
 *        "items": [...]}), task keys resolved through `plan`; NULL for none
 * @param len bytes of `facts_json`, or DUBAN_NTS when NUL-terminated
 * @param opts may be NULL for the defaults
 * @return DUBAN_OK, DUBAN_EPARSE (facts not JSON), DUBAN_EINVAL (a wrong
 *         fact, naming the item and field; contradictory rules; bad
 *         options), DUBAN_ERANGE (`as_of` in a year the calendar has no
 *         data for), DUBAN_EENCODING
 * @note caller frees with duban_status_free
 * @since 0.1
 */
DUBAN_API int duban_status_evaluate(duban_status **out, const duban_plan *plan, const duban_calendar *cal,
                                    duban_date as_of, const char *facts_json, size_t len,
                                    const duban_status_options *opts) DUBAN_NOEXCEPT;

/**
 * Frees a report. Strings borrowed from it become invalid.
 * @param status may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_status_free(duban_status *status) DUBAN_NOEXCEPT;

/**
 * The number of items.
 * @return the count, or 0 for a NULL `status` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_status_count(const duban_status *status) DUBAN_NOEXCEPT;

/**
 * The number of items of one light.
 * @param light a duban_light_t
 * @return the count, or 0 for a NULL `status` (DUBAN_EMISUSE) or another
 *         light value (DUBAN_EINVAL)
 * @since 0.1
 */
DUBAN_API size_t duban_status_light_count(const duban_status *status, duban_light_t light) DUBAN_NOEXCEPT;

/**
 * The report as JSON (docs/progress.md): {"as_of", "due_basis",
 * "four_colour", "counts", "items": [...]}. Deterministic.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_status_to_json(duban_buf *out, const duban_status *status) DUBAN_NOEXCEPT;

/* Items. Each accessor takes an index below duban_status_count(); another
 * index is DUBAN_ERANGE. */

/**
 * The item's task id (1-based place in the plan; for an instance, its
 * recurring task's).
 * @return the id, or 0 on failure (DUBAN_EMISUSE, DUBAN_ERANGE)
 * @since 0.1
 */
DUBAN_API int64_t duban_status_item_task(const duban_status *status, size_t index) DUBAN_NOEXCEPT;

/**
 * The item's id: the task key for a task ("4"), the instance id for an
 * instance ("3@2025-03").
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL on failure
 * @note borrowed; valid until `status` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_status_item_id(const duban_status *status, size_t index, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The title of the item's task.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL on failure
 * @note borrowed; valid until `status` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_status_item_title(const duban_status *status, size_t index,
                                              size_t *len_out) DUBAN_NOEXCEPT;

/**
 * Whether the item is a task or an instance.
 * @return a duban_item_kind_t, or < 0 on failure
 * @since 0.1
 */
DUBAN_API int duban_status_item_kind(const duban_status *status, size_t index) DUBAN_NOEXCEPT;

/**
 * The item's status.
 * @return a duban_status_code_t, or < 0 on failure
 * @since 0.1
 */
DUBAN_API int duban_status_item_status(const duban_status *status, size_t index) DUBAN_NOEXCEPT;

/**
 * The item's light: the worst of its reasons.
 * @return a duban_light_t, or < 0 on failure
 * @since 0.1
 */
DUBAN_API int duban_status_item_light(const duban_status *status, size_t index) DUBAN_NOEXCEPT;

/**
 * The due date that counts (the options' due basis).
 * @param out receives the date; {0, 0, 0} when the item has no hard date
 *        or on failure
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ERANGE
 * @since 0.1
 */
DUBAN_API int duban_status_item_due(duban_date *out, const duban_status *status, size_t index) DUBAN_NOEXCEPT;

/**
 * The plan's due date after the holiday shift, before any extension.
 * @param out receives the date; {0, 0, 0} when the item has no hard date
 *        or on failure
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ERANGE
 * @since 0.1
 */
DUBAN_API int duban_status_item_original_due(duban_date *out, const duban_status *status,
                                             size_t index) DUBAN_NOEXCEPT;

/**
 * Progress in percent: the latest reported on or before the report date,
 * and the expected progress (序时进度).
 * @param actual_out may be NULL; receives 0..100, or -1 when nothing was
 *        reported
 * @param expected_out may be NULL; receives 0..100, or -1 when the item
 *        has no curve (instances, items without a date)
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ERANGE
 * @since 0.1
 */
DUBAN_API int duban_status_item_percent(double *actual_out, double *expected_out, const duban_status *status,
                                        size_t index) DUBAN_NOEXCEPT;

/**
 * Why the item has its light: the reasons as a JSON array, in rule order,
 * each {"code", "light", ...the fields of its rule} as in duban_status_to_json.
 * @param out filled on success; left as it was on failure
 * @param count_out may be NULL; receives the number of reasons
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ERANGE
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_status_item_reasons(duban_buf *out, size_t *count_out, const duban_status *status,
                                        size_t index) DUBAN_NOEXCEPT;

/**
 * The name of a status code: "not_yet_due", "due_soon", "overdue",
 * "done_on_time", "done_late", "ongoing".
 * @return static NUL-terminated text, or NULL for another value
 *         (DUBAN_EINVAL)
 * @since 0.1
 */
DUBAN_API const char *duban_status_code_name(int code) DUBAN_NOEXCEPT;

/**
 * The name of a light: "green", "blue", "yellow", "red".
 * @return static NUL-terminated text, or NULL for another value
 *         (DUBAN_EINVAL)
 * @since 0.1
 */
DUBAN_API const char *duban_light_name(int light) DUBAN_NOEXCEPT;

/**
 * Evaluates a plan stored in a ledger as of `as_of`, its progress read
 * from the ledger's reports and workflow events as they stood that day
 * (docs/ledger.md): the latest report that counts, closures approved,
 * extensions decided.
 * @param out receives the report; set to NULL on failure
 * @param plan a plan loaded from `db` (duban_plan_load); one only parsed
 *        is DUBAN_EINVAL
 * @param cal the working-day calendar; NULL for the ledger's own
 *        (duban_db_calendar: the built-in one with the calendar data loaded
 *        into the ledger)
 * @param opts may be NULL for the defaults
 * @return DUBAN_OK, DUBAN_EINVAL, DUBAN_ENOTFOUND (the ledger holds no such
 *         plan), DUBAN_ERANGE (`as_of` in a year the calendar has no data
 *         for), DUBAN_EIO
 * @note caller frees with duban_status_free
 * @since 0.1
 */
DUBAN_API int duban_db_status(duban_status **out, duban_db *db, const duban_plan *plan, const duban_calendar *cal,
                              duban_date as_of, const duban_status_options *opts) DUBAN_NOEXCEPT;

/**
 * The plan category of the item's task, for views by category.
 * @param out receives its 0-based place among the plan's categories, or
 *        -1 for a task in no category (a guarantee measure) and on failure
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ERANGE
 * @since 0.1
 */
DUBAN_API int duban_status_item_category(int32_t *out, const duban_status *status, size_t index) DUBAN_NOEXCEPT;

#define DUBAN_STATUS_QUERY_VERSION 1

/**
 * Which items duban_status_cursor_new walks: everything, a unit's view
 * (what it leads, shares or supports, through its groups too), one
 * light's, or both at once. Initialise with DUBAN_STATUS_QUERY_INIT or
 * duban_status_query_init. Fields are only ever appended.
 * @since 0.1
 */
typedef struct {
  uint32_t version;       /**< DUBAN_STATUS_QUERY_VERSION */
  int64_t unit_id;        /**< 0 (default): every item; else this unit's items (needs the graph) */
  int32_t role;           /**< with unit_id: a duban_role_t; DUBAN_ROLE_ANY (default) for every role */
  int32_t through_groups; /**< with unit_id: 1 (default) also the tasks given to a group holding it */
  int32_t light;          /**< 0 (default): any light; else a duban_light_t */
} duban_status_query;

#define DUBAN_STATUS_QUERY_INIT {DUBAN_STATUS_QUERY_VERSION, 0, DUBAN_ROLE_ANY, 1, 0}

/**
 * Sets `query` to the defaults of the given version.
 * @param version DUBAN_STATUS_QUERY_VERSION (or an older one)
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know
 * @since 0.1
 */
DUBAN_API int duban_status_query_init(duban_status_query *query, uint32_t version) DUBAN_NOEXCEPT;

/**
 * A cursor over the items `query` selects, in report order.
 * @param out receives the cursor, before its first row; NULL on failure
 * @param graph the plan's responsibility graph; needed only with a unit,
 *        may be NULL otherwise. It must be built from the plan the report
 *        was evaluated for (DUBAN_EINVAL when the task counts differ).
 * @param query may be NULL for every item
 * @return DUBAN_OK, DUBAN_EINVAL (bad query, no graph for a unit),
 *         DUBAN_ENOTFOUND (a unit the graph does not know)
 * @note caller frees with duban_status_cursor_free; the cursor holds item
 *       indices only, so the report and graph may be freed first
 * @since 0.1
 */
DUBAN_API int duban_status_cursor_new(duban_status_cursor **out, const duban_status *status,
                                      const duban_graph *graph, const duban_status_query *query) DUBAN_NOEXCEPT;

/**
 * Moves to the next row.
 * @return DUBAN_OK with a row current, DUBAN_DONE after the last,
 *         DUBAN_EMISUSE for a NULL cursor
 * @since 0.1
 */
DUBAN_API int duban_status_cursor_next(duban_status_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The number of rows the cursor walks, whatever its position.
 * @return the count, or 0 for a NULL `cursor` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_status_cursor_count(const duban_status_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current row's item: an index for the duban_status_item_* accessors
 * of the report the cursor was made from.
 * @param out receives the index
 * @return DUBAN_OK, DUBAN_EMISUSE when there is no current row
 * @since 0.1
 */
DUBAN_API int duban_status_cursor_item(size_t *out, const duban_status_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The query unit's role in the current item's task.
 * @return a duban_role_t value; DUBAN_ROLE_ANY (0) when the query named no
 *         unit; < 0 when there is no current row (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int duban_status_cursor_role(const duban_status_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The group through which the query unit holds the current item's task.
 * @return its unit id; 0 when held directly or when the query named no
 *         unit; < 0 when there is no current row (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int64_t duban_status_cursor_via_group(const duban_status_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * Frees a cursor.
 * @param cursor may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_status_cursor_free(duban_status_cursor *cursor) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_STATUS_H */
