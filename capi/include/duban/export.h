/*
 * duban/export.h — what people look at (docs/export.md): the 台账 workbook
 * (XLSX), the tasks, matrix and scores tables as CSV, everything as JSON,
 * the responsibility graph as Graphviz DOT, and the monthly report (月度报告)
 * as one self-contained HTML page.
 *
 * Every form is drawn from one duban_snapshot: a ledger's plan as of a date,
 * gathered once (plan, directory, lights, reports in effect and, under a
 * scheme, the assessment), so the workbook, the tables, the JSON and the
 * report of one moment agree. A snapshot is immutable and independent of
 * the ledger, calendar, scheme and inputs it was taken from: they may be
 * freed first, and it may be read from several threads at once. Every
 * rendering is deterministic: the same snapshot gives the same bytes.
 *
 * The library only writes DOT and never starts a program. SVG is Graphviz's
 * work: run `dot -Tsvg` on the DOT (the `duban export --format svg` command
 * does exactly that).
 */
#ifndef DUBAN_EXPORT_H
#define DUBAN_EXPORT_H

#include "duban/assess.h"
#include "duban/common.h"
#include "duban/status.h"

DUBAN_BEGIN_DECL

/** An immutable ledger snapshot as of a date. @since 0.1 */
typedef struct duban_snapshot duban_snapshot;

/**
 * What duban_snapshot_render and duban_snapshot_write produce. The CSV
 * tables are UTF-8 with a byte-order mark, CRLF line ends and RFC 4180
 * quoting, the columns of the workbook's sheets (docs/export.md). Never
 * renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_EXPORT_TASKS_CSV = 1,   /**< the 任务 sheet: one row per task (序号, 编号, 类别, 任务, 牵头单位, ...) */
  DUBAN_EXPORT_MATRIX_CSV = 2,  /**< the 矩阵 sheet: tasks × units, 牵/责/配 in the cells */
  DUBAN_EXPORT_SCORES_CSV = 3,  /**< the 得分 sheet: the ranking; the header alone without an assessment */
  DUBAN_EXPORT_JSON = 4,        /**< everything: plan, directory, tasks, status, items, reports, assessment */
  DUBAN_EXPORT_DOT = 5,         /**< the responsibility graph as a Graphviz digraph */
  DUBAN_EXPORT_MONTHLY_HTML = 6 /**< the monthly report (月度报告) of one month: self-contained, no scripts */
} duban_export_format_t;

#define DUBAN_SNAPSHOT_OPTIONS_VERSION 1

/**
 * What duban_snapshot_take gathers. Initialise with
 * DUBAN_SNAPSHOT_OPTIONS_INIT or duban_snapshot_options_init. Fields are
 * only ever appended. The handles are read during the call only: the
 * snapshot keeps what it needs of them, so they may be freed afterwards.
 * @since 0.1
 */
typedef struct {
  uint32_t version;                    /**< DUBAN_SNAPSHOT_OPTIONS_VERSION */
  int32_t ledger_inputs;               /**< with a scheme: 1 (default) scores the ledger's facts with `inputs`
                                            laid over them; 0 scores `inputs` alone (`duban assess --no-ledger`) */
  const duban_scheme *scheme;          /**< score under this scheme; NULL (default): no assessment, no scores */
  const duban_assess_input *inputs;    /**< facts for the scheme (events, baselines, corrections), read against
                                            the snapshot's plan; NULL (default) for none */
  const duban_calendar *calendar;      /**< the working-day calendar; NULL (default): the ledger's
                                            (duban_db_calendar) */
  const duban_status_options *status;  /**< the light rules; NULL (default): duban_status_options' defaults */
} duban_snapshot_options;

#define DUBAN_SNAPSHOT_OPTIONS_INIT {DUBAN_SNAPSHOT_OPTIONS_VERSION, 1, NULL, NULL, NULL, NULL}

/**
 * Sets `opts` to the defaults of the given version.
 * @param version DUBAN_SNAPSHOT_OPTIONS_VERSION (or an older one)
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know
 * @since 0.1
 */
DUBAN_API int duban_snapshot_options_init(duban_snapshot_options *opts, uint32_t version) DUBAN_NOEXCEPT;

#define DUBAN_SNAPSHOT_RENDER_OPTIONS_VERSION 1

/**
 * How duban_snapshot_render and duban_snapshot_write render. Initialise with
 * DUBAN_SNAPSHOT_RENDER_OPTIONS_INIT or duban_snapshot_render_options_init.
 * Each field is read by one format only. Fields are only ever appended.
 * @since 0.1
 */
typedef struct {
  uint32_t version; /**< DUBAN_SNAPSHOT_RENDER_OPTIONS_VERSION */
  int32_t month;    /**< DUBAN_EXPORT_MONTHLY_HTML: the month, 1..12, of the plan's year; 0 (default): the
                         as-of date's month, when that date is in the plan's year */
  int32_t indent;   /**< DUBAN_EXPORT_JSON: spaces per level, 0..16; -1 for one line; default 2 */
} duban_snapshot_render_options;

#define DUBAN_SNAPSHOT_RENDER_OPTIONS_INIT {DUBAN_SNAPSHOT_RENDER_OPTIONS_VERSION, 0, 2}

/**
 * Sets `opts` to the defaults of the given version.
 * @param version DUBAN_SNAPSHOT_RENDER_OPTIONS_VERSION (or an older one)
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know
 * @since 0.1
 */
DUBAN_API int duban_snapshot_render_options_init(duban_snapshot_render_options *opts,
                                                 uint32_t version) DUBAN_NOEXCEPT;

/**
 * Gathers a plan of a ledger as of a date: the plan and the ledger's
 * directory, the status and light of every task and recurring instance (as
 * duban_db_status gives them), the reports dated on or before `as_of` still
 * in effect then and, with a scheme, the assessment (as `duban assess`).
 * @param out receives the snapshot; set to NULL on failure
 * @param db the ledger
 * @param plan a plan loaded from `db` (duban_plan_load); one only parsed is
 *        DUBAN_EINVAL
 * @param as_of the date the snapshot is as of
 * @param opts may be NULL for the defaults (no scheme, the ledger's
 *        calendar, the default light rules)
 * @return DUBAN_OK; DUBAN_EINVAL (a plan not loaded from a ledger; bad
 *         options; inputs or ledger_inputs 0 without a scheme; inputs read
 *         against another plan; what the plan contradicts in the scheme);
 *         DUBAN_ENOTFOUND (`db` holds no such plan); DUBAN_ERANGE (`as_of`
 *         in a year the calendar has no data for); DUBAN_EIO
 * @note caller frees with duban_snapshot_free
 * @since 0.1
 */
DUBAN_API int duban_snapshot_take(duban_snapshot **out, duban_db *db, const duban_plan *plan, duban_date as_of,
                                  const duban_snapshot_options *opts) DUBAN_NOEXCEPT;

/**
 * Frees a snapshot.
 * @param snapshot may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_snapshot_free(duban_snapshot *snapshot) DUBAN_NOEXCEPT;

/**
 * The date the snapshot is as of.
 * @param out receives the date; {0, 0, 0} on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_snapshot_as_of(duban_date *out, const duban_snapshot *snapshot) DUBAN_NOEXCEPT;

/**
 * The id of the snapshot's plan in its ledger.
 * @return the id (>= 1), or 0 for a NULL `snapshot` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int64_t duban_snapshot_plan_id(const duban_snapshot *snapshot) DUBAN_NOEXCEPT;

/**
 * The number of the plan's tasks: the rows of the tasks table.
 * @return the count, or 0 for a NULL `snapshot` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_snapshot_task_count(const duban_snapshot *snapshot) DUBAN_NOEXCEPT;

/**
 * Whether the snapshot was scored under a scheme (its tables then carry
 * scores and its JSON an assessment).
 * @return 1 or 0, or < 0 for a NULL `snapshot` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int duban_snapshot_has_assessment(const duban_snapshot *snapshot) DUBAN_NOEXCEPT;

/**
 * Writes the 台账 workbook (docs/export.md): sheets 任务, 矩阵 and 得分, frozen
 * header rows, autofilters, widths that fit Chinese text, lights as cell
 * fills. The file is written whole or not at all (into a temporary file
 * beside `path`, renamed over it once complete): on failure an existing
 * file at `path` is left as it was. The same snapshot gives the same bytes.
 * @param path the file (UTF-8)
 * @return DUBAN_OK, DUBAN_EIO (a folder that does not exist or cannot be
 *         written, a path that is a folder; the message names the path),
 *         DUBAN_ERANGE (a cell longer than Excel holds, naming the sheet,
 *         row and column), DUBAN_EENCODING (a path that is not UTF-8)
 * @since 0.1
 */
DUBAN_API int duban_snapshot_write_xlsx(const duban_snapshot *snapshot, const char *path) DUBAN_NOEXCEPT;

/**
 * Renders the snapshot in one of the text formats.
 * @param out filled on success; left as it was on failure
 * @param format a duban_export_format_t
 * @param opts may be NULL for the defaults
 * @return DUBAN_OK; DUBAN_EINVAL (another format; bad options; month 0
 *         when the as-of date is outside the plan's year); DUBAN_ERANGE (a
 *         month outside 0..12); DUBAN_EMISUSE
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_snapshot_render(duban_buf *out, const duban_snapshot *snapshot, duban_export_format_t format,
                                    const duban_snapshot_render_options *opts) DUBAN_NOEXCEPT;

/**
 * Renders the snapshot as duban_snapshot_render does and writes it to a
 * file, whole or not at all as duban_snapshot_write_xlsx does.
 * @param path the file (UTF-8)
 * @param format a duban_export_format_t
 * @param opts may be NULL for the defaults
 * @return what duban_snapshot_render returns, and DUBAN_EIO naming the path
 * @since 0.1
 */
DUBAN_API int duban_snapshot_write(const duban_snapshot *snapshot, const char *path, duban_export_format_t format,
                                   const duban_snapshot_render_options *opts) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_EXPORT_H */
