/*
 * duban/graph.h — the task–responsibility graph of one plan: which unit
 * leads, shares or supports which task, through which group.
 *
 * A duban_graph is built once from a plan and a directory and is immutable:
 * it may be read from several threads at once. Tasks are named by task ids
 * (1-based place in the plan), units and groups by unit ids; cursors over
 * a graph keep it alive, so a graph may be freed while they are in use.
 */
#ifndef DUBAN_GRAPH_H
#define DUBAN_GRAPH_H

#include "duban/common.h"

DUBAN_BEGIN_DECL

/**
 * A unit's part in a task. Values are stored in ledgers: never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_ROLE_ANY = 0,         /**< in queries only: every role */
  DUBAN_ROLE_LEAD = 1,        /**< 牵头 / 主办 */
  DUBAN_ROLE_RESPONSIBLE = 2, /**< 责任 / 负责: co-responsible */
  DUBAN_ROLE_SUPPORT = 3      /**< 配合 / 协办 */
} duban_role_t;

/**
 * How duban_unit_cursor_new treats a group the plan names (各街镇).
 * @since 0.1
 */
typedef enum {
  DUBAN_GROUPS_EXPAND = 1, /**< each member unit in its place; a group with no known members stays itself */
  DUBAN_GROUPS_KEEP = 2    /**< the entries as written, groups included */
} duban_group_mode_t;

#define DUBAN_TASK_QUERY_OPTIONS_VERSION 1

/**
 * What duban_task_cursor_new returns. Initialise with
 * DUBAN_TASK_QUERY_OPTIONS_INIT or duban_task_query_options_init. Fields are
 * only ever appended.
 * @since 0.1
 */
typedef struct {
  uint32_t version;       /**< DUBAN_TASK_QUERY_OPTIONS_VERSION */
  int32_t role;           /**< a duban_role_t; DUBAN_ROLE_ANY (default) for every role */
  int32_t through_groups; /**< 1 (default): also tasks given to a group that holds the unit */
} duban_task_query_options;

#define DUBAN_TASK_QUERY_OPTIONS_INIT {DUBAN_TASK_QUERY_OPTIONS_VERSION, DUBAN_ROLE_ANY, 1}

/**
 * Sets `opts` to the defaults of the given version.
 * @param version DUBAN_TASK_QUERY_OPTIONS_VERSION (or an older one)
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know
 * @since 0.1
 */
DUBAN_API int duban_task_query_options_init(duban_task_query_options *opts, uint32_t version) DUBAN_NOEXCEPT;

#define DUBAN_UNIT_QUERY_OPTIONS_VERSION 1

/**
 * What duban_unit_cursor_new returns. Initialise with
 * DUBAN_UNIT_QUERY_OPTIONS_INIT or duban_unit_query_options_init. Fields are
 * only ever appended.
 * @since 0.1
 */
typedef struct {
  uint32_t version; /**< DUBAN_UNIT_QUERY_OPTIONS_VERSION */
  int32_t role;     /**< a duban_role_t; DUBAN_ROLE_ANY (default) for every role */
  int32_t groups;   /**< a duban_group_mode_t; DUBAN_GROUPS_EXPAND by default */
} duban_unit_query_options;

#define DUBAN_UNIT_QUERY_OPTIONS_INIT {DUBAN_UNIT_QUERY_OPTIONS_VERSION, DUBAN_ROLE_ANY, DUBAN_GROUPS_EXPAND}

/**
 * Sets `opts` to the defaults of the given version.
 * @param version DUBAN_UNIT_QUERY_OPTIONS_VERSION (or an older one)
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know
 * @since 0.1
 */
DUBAN_API int duban_unit_query_options_init(duban_unit_query_options *opts, uint32_t version) DUBAN_NOEXCEPT;

/**
 * Builds the graph of a plan.
 * @param out receives the graph; set to NULL on failure
 * @param plan the plan (copied; may be freed afterwards)
 * @param dir the directory to resolve the plan's unit names against; may be
 *        NULL, meaning the plan's own (duban_plan_directory)
 * @return DUBAN_OK, DUBAN_ERANGE (a plan too large). A faulty plan (unknown
 *         units, cycles) still gives a graph: duban_graph_lint reports it.
 * @note caller frees with duban_graph_free
 * @since 0.1
 */
DUBAN_API int duban_graph_new(duban_graph **out, const duban_plan *plan, const duban_directory *dir) DUBAN_NOEXCEPT;

/**
 * Frees a graph. Cursors made from it stay valid.
 * @param graph may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_graph_free(duban_graph *graph) DUBAN_NOEXCEPT;

/**
 * The number of tasks; task ids run from 1 to this number.
 * @return the count, or 0 for a NULL `graph` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_graph_task_count(const duban_graph *graph) DUBAN_NOEXCEPT;

/**
 * The directory the graph's unit ids refer to.
 * @param out receives the directory; set to NULL on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @note caller frees with duban_directory_free
 * @since 0.1
 */
DUBAN_API int duban_graph_directory(duban_directory **out, const duban_graph *graph) DUBAN_NOEXCEPT;

/**
 * The findings about the plan's responsibilities: tasks with no unit or
 * several leads, unresolved groups, idle units, unknown units, missing
 * dependencies and cycles.
 * @param report_out for DUBAN_FORMAT_TEXT one line per finding
 *        ("warning: several_leads: …"), "" when clean; for DUBAN_FORMAT_JSON
 *        an array of {"code", "severity", "tasks", "units", "message"}
 * @param count_out may be NULL; receives the number of findings
 * @param format DUBAN_FORMAT_TEXT or DUBAN_FORMAT_JSON
 * @return DUBAN_OK whether or not there are findings; DUBAN_EINVAL for
 *         another format
 * @note caller releases `report_out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_graph_lint(duban_buf *report_out, size_t *count_out, const duban_graph *graph,
                               duban_format_t format) DUBAN_NOEXCEPT;

/**
 * The responsibility matrix: a row per task (plan order), a column per unit
 * holding at least one task (directory order; a group whose members are
 * unknown is a column of its own), the role in each cell.
 * @param out for DUBAN_FORMAT_CSV a spreadsheet file (UTF-8 with a
 *        byte-order mark, CRLF line ends; header 序号, 编号, 任务, then the
 *        unit names; cells 牵/责/配, followed by the group in full-width
 *        brackets when held through one: 配（各街镇）); for DUBAN_FORMAT_TEXT
 *        an aligned table for terminals (CJK counted two columns wide) ending
 *        with a legend
 * @param format DUBAN_FORMAT_CSV or DUBAN_FORMAT_TEXT
 * @return DUBAN_OK, DUBAN_EINVAL for another format
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_graph_matrix(duban_buf *out, const duban_graph *graph, duban_format_t format) DUBAN_NOEXCEPT;

/**
 * The graph in Graphviz DOT: categories as clusters of tasks, units and
 * groups, task → unit edges styled by role, dependencies. Deterministic.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_graph_to_dot(duban_buf *out, const duban_graph *graph) DUBAN_NOEXCEPT;

/**
 * Starts a walk over the tasks a unit holds, one row per task in plan
 * order. For a group: the tasks naming it (and, through_groups, a group
 * holding it).
 * @param out receives the cursor, before its first row; NULL on failure
 * @param unit_id a unit or group of the graph's directory
 * @param opts may be NULL for the defaults
 * @return DUBAN_OK, DUBAN_ENOTFOUND (unit not in the directory),
 *         DUBAN_EINVAL (bad options)
 * @note caller frees with duban_task_cursor_free; the cursor keeps the
 *       graph's data alive
 * @since 0.1
 */
DUBAN_API int duban_task_cursor_new(duban_task_cursor **out, const duban_graph *graph, int64_t unit_id,
                                    const duban_task_query_options *opts) DUBAN_NOEXCEPT;

/**
 * Moves to the next row.
 * @return DUBAN_OK (a row is current), DUBAN_DONE (no more rows), < 0 on
 *         error
 * @since 0.1
 */
DUBAN_API int duban_task_cursor_next(duban_task_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The number of rows the cursor walks, whatever its position.
 * @return the count, or 0 for a NULL `cursor` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_task_cursor_count(const duban_task_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current task's id.
 * @return the id (>= 1), or 0 when there is no current row (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int64_t duban_task_cursor_id(const duban_task_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current task's key (unique in the plan; what dependencies name).
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL when there is no current row
 *         (DUBAN_EMISUSE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_task_cursor_key(const duban_task_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The current task's number as printed ("7", "（一）"); may be "".
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL when there is no current row
 *         (DUBAN_EMISUSE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_task_cursor_number(const duban_task_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The current task's title, as written.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL when there is no current row
 *         (DUBAN_EMISUSE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_task_cursor_title(const duban_task_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The unit's role in the current task (the strongest, when it holds the
 * task several ways).
 * @return a duban_role_t value, or DUBAN_EMISUSE when there is no current row
 * @since 0.1
 */
DUBAN_API int duban_task_cursor_role(const duban_task_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The group the plan wrote when the unit holds the current task through it
 * (各街镇 for a street).
 * @return the group's unit id, or 0 when the plan names the unit itself (or
 *         there is no current row: DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int64_t duban_task_cursor_via_group(const duban_task_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current task's due date.
 * @param out receives the date, or {0, 0, 0} when the task states none (an
 *        ongoing duty, a recurring obligation)
 * @return DUBAN_OK, DUBAN_EMISUSE when there is no current row
 * @since 0.1
 */
DUBAN_API int duban_task_cursor_due(duban_date *out, const duban_task_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * Frees a cursor.
 * @param cursor may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_task_cursor_free(duban_task_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * Starts a walk over the units of a task: with DUBAN_GROUPS_EXPAND one row
 * per unit, ordered by place in the task's list then directory order; with
 * DUBAN_GROUPS_KEEP one row per entry as written.
 * @param out receives the cursor, before its first row; NULL on failure
 * @param task_id 1..duban_graph_task_count
 * @param opts may be NULL for the defaults
 * @return DUBAN_OK, DUBAN_ENOTFOUND (no such task), DUBAN_EINVAL (bad
 *         options)
 * @note caller frees with duban_unit_cursor_free; the cursor keeps the
 *       graph's data alive
 * @since 0.1
 */
DUBAN_API int duban_unit_cursor_new(duban_unit_cursor **out, const duban_graph *graph, int64_t task_id,
                                    const duban_unit_query_options *opts) DUBAN_NOEXCEPT;

/**
 * Moves to the next row.
 * @return DUBAN_OK (a row is current), DUBAN_DONE (no more rows), < 0 on
 *         error
 * @since 0.1
 */
DUBAN_API int duban_unit_cursor_next(duban_unit_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The number of rows the cursor walks, whatever its position.
 * @return the count, or 0 for a NULL `cursor` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_unit_cursor_count(const duban_unit_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current unit's id (a group's id when the group is kept as written).
 * @return the id (>= 1), or 0 when there is no current row (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int64_t duban_unit_cursor_id(const duban_unit_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The current unit's name, as the directory writes it.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL when there is no current row
 *         (DUBAN_EMISUSE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_unit_cursor_name(const duban_unit_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The current unit's role in the task.
 * @return a duban_role_t value, or DUBAN_EMISUSE when there is no current row
 * @since 0.1
 */
DUBAN_API int duban_unit_cursor_role(const duban_unit_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The 1-based place, in the task's list, of the entry that gave the role.
 * @return the position, or 0 when there is no current row (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int duban_unit_cursor_position(const duban_unit_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The group the plan wrote when the unit was reached through it.
 * @return the group's unit id, or 0 (named directly, or no current row)
 * @since 0.1
 */
DUBAN_API int64_t duban_unit_cursor_via_group(const duban_unit_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * Whether the current row is itself a group (kept as written, or one whose
 * members nobody has listed).
 * @return 1 or 0; DUBAN_EMISUSE when there is no current row
 * @since 0.1
 */
DUBAN_API int duban_unit_cursor_collective(const duban_unit_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * Frees a cursor.
 * @param cursor may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_unit_cursor_free(duban_unit_cursor *cursor) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_GRAPH_H */
