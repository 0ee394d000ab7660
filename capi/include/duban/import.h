/*
 * duban/import.h — plans as offices receive them: the text of a 工作要点 or
 * 任务分工方案, or a 台账 table (CSV, XLSX), read into a plan.
 *
 * Bytes go in; a plan handle (with the diagnostics) or the JSON object of
 * `duban import --json` comes out. docs/import.md says what is read and
 * documents that JSON; docs/c-api.md shows the calls.
 *
 * Text is UTF-8 (with or without BOM), GB18030/GBK, or UTF-16 with a BOM,
 * detected. Any text gives a plan — possibly with no tasks and a diagnostic
 * saying so — in time linear in its size; bytes that are no text (a .docx,
 * a PDF, binary data) are DUBAN_EENCODING.
 */
#ifndef DUBAN_IMPORT_H
#define DUBAN_IMPORT_H

#include "duban/common.h"

DUBAN_BEGIN_DECL

/**
 * What the bytes are (duban_import_options.format). Values are stored:
 * never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_IMPORT_AUTO = 0, /**< chosen by content and name: an XLSX (ZIP) workbook, a .csv/.tsv table, else text */
  DUBAN_IMPORT_TEXT = 1, /**< document text */
  DUBAN_IMPORT_CSV = 2,  /**< a CSV/TSV 台账 */
  DUBAN_IMPORT_XLSX = 3  /**< an XLSX 台账: its first worksheet */
} duban_import_format_t;

#define DUBAN_IMPORT_OPTIONS_VERSION 1

/**
 * How duban_import reads. Initialise with DUBAN_IMPORT_OPTIONS_INIT or
 * duban_import_options_init. Fields are only ever appended.
 * @since 0.1
 */
typedef struct {
  uint32_t version;      /**< DUBAN_IMPORT_OPTIONS_VERSION */
  int32_t year;          /**< the plan year; 0 (default): from the title, else the issue date */
  int32_t first_is_lead; /**< 1: the first unit of a list that names no lead is the lead; default 0 */
  int32_t format;        /**< a duban_import_format_t; default DUBAN_IMPORT_AUTO */
} duban_import_options;

#define DUBAN_IMPORT_OPTIONS_INIT {DUBAN_IMPORT_OPTIONS_VERSION, 0, 0, DUBAN_IMPORT_AUTO}

/**
 * Sets `opts` to the defaults of the given version.
 * @param version DUBAN_IMPORT_OPTIONS_VERSION (or an older one)
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know,
 *         DUBAN_EMISUSE for a NULL `opts`
 * @since 0.1
 */
DUBAN_API int duban_import_options_init(duban_import_options *opts, uint32_t version) DUBAN_NOEXCEPT;

/**
 * Imports a document or table into a plan.
 *
 * The plan's directory (duban_plan_directory) is `base` plus every unit and
 * group the document named that `base` did not know, so duban_db_import_plan
 * stores the plan with the units it names. A plan with error diagnostics is
 * still returned: the caller decides whether to store it (`duban import`
 * refuses to).
 *
 * @param plan_out receives the plan; set to NULL on failure
 * @param diagnostics_json_out may be NULL; else filled with a JSON array of
 *        the diagnostics in line order, each {"severity", "line", "where",
 *        "message"} (as duban_plan_validate writes them); left as it was on
 *        failure
 * @param bytes the input; may be NULL only when `len` is 0
 * @param len bytes of `bytes`, or DUBAN_NTS when NUL-terminated
 * @param source_name names the input in messages and, with
 *        DUBAN_IMPORT_AUTO, tells a "x.csv" from text; may be NULL, meaning
 *        "document"
 * @param base units to resolve names against (aliases, width- and
 *        space-insensitive); may be NULL. Not changed.
 * @param opts may be NULL: the defaults
 * @return DUBAN_OK, DUBAN_EENCODING (not text in a supported encoding),
 *         DUBAN_EPARSE (an XLSX that cannot be read), DUBAN_EINVAL (a table
 *         with no header naming a task column; bad options), DUBAN_EMISUSE,
 *         DUBAN_ENOMEM
 * @note caller frees with duban_plan_free and releases the diagnostics with
 *       duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_import(duban_plan **plan_out, duban_buf *diagnostics_json_out, const char *bytes, size_t len,
                           const char *source_name, const duban_directory *base,
                           const duban_import_options *opts) DUBAN_NOEXCEPT;

/**
 * Imports a document or table and writes the result as the JSON object
 * `duban import --json` prints: {"plan", "tasks", "diagnostics", …}
 * (docs/import.md). Deterministic. Parameters and errors as duban_import.
 * @param out filled on success; left as it was on failure
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_import_json(duban_buf *out, const char *bytes, size_t len, const char *source_name,
                                const duban_directory *base, const duban_import_options *opts) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_IMPORT_H */
