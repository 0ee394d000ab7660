/*
 * duban/common.h — what every duban C module shares: the export and
 * declaration macros, status codes, error classes, and the small value types
 * the library fills for the caller (duban_buf, duban_strarray,
 * duban_idarray, duban_date).
 *
 * This header is part of the stable ABI: within a major version nothing here
 * is renumbered, removed or changes layout. New status codes and error
 * classes may be added.
 */
#ifndef DUBAN_COMMON_H
#define DUBAN_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* DUBAN_API marks an exported function. Define DUBAN_STATIC when linking
 * the static library (the CMake target and duban.pc do it for you). */
#if defined(DUBAN_STATIC)
#define DUBAN_API
#elif defined(_WIN32) || defined(__CYGWIN__)
#if defined(DUBAN_BUILDING)
#define DUBAN_API __declspec(dllexport)
#else
#define DUBAN_API __declspec(dllimport)
#endif
#elif defined(DUBAN_BUILDING) && (defined(__GNUC__) || defined(__clang__))
#define DUBAN_API __attribute__((visibility("default")))
#else
#define DUBAN_API
#endif

/* A deprecated function still works until the next major version. Define
 * DUBAN_DEPRECATE_HARD to turn every use into a compile error. */
#if defined(__GNUC__) || defined(__clang__)
#if defined(DUBAN_DEPRECATE_HARD) && defined(__clang__)
#define DUBAN_DEPRECATED(msg) __attribute__((unavailable(msg)))
#elif defined(DUBAN_DEPRECATE_HARD)
#define DUBAN_DEPRECATED(msg) __attribute__((error(msg)))
#else
#define DUBAN_DEPRECATED(msg) __attribute__((deprecated(msg)))
#endif
#elif defined(_MSC_VER)
#define DUBAN_DEPRECATED(msg) __declspec(deprecated(msg))
#else
#define DUBAN_DEPRECATED(msg)
#endif

/* No duban function throws. C++ callers see that in the type, and the
 * library's own definitions are checked against it (glibc's __THROW). */
#ifdef __cplusplus
#define DUBAN_NOEXCEPT noexcept
#else
#define DUBAN_NOEXCEPT
#endif

#ifdef __cplusplus
#define DUBAN_BEGIN_DECL extern "C" {
#define DUBAN_END_DECL }
#else
#define DUBAN_BEGIN_DECL
#define DUBAN_END_DECL
#endif

DUBAN_BEGIN_DECL

/**
 * Status codes. Every function that can fail returns an int: DUBAN_OK (0),
 * a negative error code, or — for a cursor's _next only — DUBAN_DONE. So
 * `rc < 0` always means "failed", and the thread's error state
 * (duban/error.h) then says why. Numbers are never reused; new codes may be
 * added, so treat an unknown negative code as DUBAN_ERROR.
 * @since 0.1
 */
typedef enum {
  DUBAN_OK = 0,         /**< success */
  DUBAN_DONE = 1,       /**< a cursor is exhausted (not an error) */
  DUBAN_ERROR = -1,     /**< generic or internal error */
  DUBAN_ENOMEM = -2,    /**< out of memory */
  DUBAN_EINVAL = -3,    /**< invalid argument or options version */
  DUBAN_ENOTFOUND = -4, /**< not found */
  DUBAN_EEXISTS = -5,   /**< already exists */
  DUBAN_EENCODING = -6, /**< input is not valid UTF-8 */
  DUBAN_ERANGE = -7,    /**< date, index or number outside the supported range */
  DUBAN_EPARSE = -8,    /**< input text not understood */
  DUBAN_EIO = -9,       /**< file or SQLite I/O */
  DUBAN_EBUSY = -10,    /**< SQLite busy or locked */
  DUBAN_ECORRUPT = -11, /**< stored data is corrupt */
  DUBAN_EMISUSE = -12,  /**< API misuse detected (e.g. a NULL handle) */
  DUBAN_EUSER = -13,    /**< a callback aborted */
  DUBAN_EPERM = -14     /**< a permission rule refuses the acting unit; nothing was written */
} duban_status_t;

/**
 * What kind of thing went wrong, as returned by duban_error_class().
 * @since 0.1
 */
typedef enum {
  DUBAN_ERRCLASS_NONE = 0,
  DUBAN_ERRCLASS_MEMORY = 1,
  DUBAN_ERRCLASS_ARGUMENT = 2,
  DUBAN_ERRCLASS_TEXT = 3,
  DUBAN_ERRCLASS_TIME = 4,
  DUBAN_ERRCLASS_GRAPH = 5,
  DUBAN_ERRCLASS_STORAGE = 6,
  DUBAN_ERRCLASS_INTERNAL = 7
} duban_errclass_t;

/**
 * Output formats for functions that render a report into a duban_buf. Each
 * function lists the formats it accepts and returns DUBAN_EINVAL for others.
 * @since 0.1
 */
typedef enum {
  DUBAN_FORMAT_TEXT = 1, /**< aligned plain text for people, UTF-8 */
  DUBAN_FORMAT_CSV = 2,  /**< RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark, CRLF line ends */
  DUBAN_FORMAT_JSON = 3, /**< JSON, UTF-8 */
  DUBAN_FORMAT_DOT = 4   /**< Graphviz DOT */
} duban_format_t;

/* Opaque handles. Each module's header documents its own; they are declared
 * here once so that modules can name each other's handles (C99 does not
 * allow a typedef to be repeated). */

/** An open ledger (duban/db.h). @since 0.1 */
typedef struct duban_db duban_db;
/** An immutable plan snapshot (duban/plan.h). @since 0.1 */
typedef struct duban_plan duban_plan;
/** A cursor over the plans of a ledger (duban/plan.h). @since 0.1 */
typedef struct duban_plan_cursor duban_plan_cursor;
/** An immutable directory of units (duban/directory.h). @since 0.1 */
typedef struct duban_directory duban_directory;
/** An immutable task–responsibility graph (duban/graph.h). @since 0.1 */
typedef struct duban_graph duban_graph;
/** A cursor over the tasks of a unit (duban/graph.h). @since 0.1 */
typedef struct duban_task_cursor duban_task_cursor;
/** A cursor over the units of a task (duban/graph.h). @since 0.1 */
typedef struct duban_unit_cursor duban_unit_cursor;
/** An immutable working-day calendar (duban/calendar.h). @since 0.1 */
typedef struct duban_calendar duban_calendar;
/** An immutable status report of a plan as of a date (duban/status.h). @since 0.1 */
typedef struct duban_status duban_status;
/** A walk over some items of a status report: a unit's, or one light's (duban/status.h). @since 0.1 */
typedef struct duban_status_cursor duban_status_cursor;
/** A progress report being put together (duban/report.h). @since 0.1 */
typedef struct duban_report duban_report;
/** A cursor over the events of a task's history (duban/report.h). @since 0.1 */
typedef struct duban_event_cursor duban_event_cursor;
/** A cursor over the states of a plan's items as of a date (duban/report.h). @since 0.1 */
typedef struct duban_state_cursor duban_state_cursor;
/** The result of checking a ledger's audit chain (duban/report.h). @since 0.1 */
typedef struct duban_chain_check duban_chain_check;

/**
 * Passed as a length, means "the text is NUL-terminated; measure it".
 * @since 0.1
 */
#define DUBAN_NTS SIZE_MAX

/**
 * A calendar date (proleptic Gregorian). {0, 0, 0} means "no date" wherever
 * a date is optional. This layout is frozen forever.
 * @since 0.1
 */
typedef struct {
  int32_t year;
  int32_t month; /**< 1..12 */
  int32_t day;   /**< 1..31 */
} duban_date;

/**
 * Text the library owns and the caller holds: always NUL-terminated, `size`
 * bytes of UTF-8 before the NUL. Initialise with DUBAN_BUF_INIT; a buffer may
 * be passed again to be refilled (its memory is reused); release it with
 * duban_buf_dispose. A function that fails leaves the buffer as it was.
 * @since 0.1
 */
typedef struct {
  char *ptr;       /**< the text, NUL-terminated; NULL while empty and unused */
  size_t size;     /**< bytes before the NUL */
  size_t reserved; /**< bytes the library allocated at ptr; 0 if it owns none */
} duban_buf;

#define DUBAN_BUF_INIT {NULL, 0, 0}

/**
 * Strings the library owns and the caller holds. Initialise with
 * DUBAN_STRARRAY_INIT and release with duban_strarray_dispose. Each string is
 * NUL-terminated UTF-8.
 * @since 0.1
 */
typedef struct {
  char **strings;
  size_t count;
} duban_strarray;

#define DUBAN_STRARRAY_INIT {NULL, 0}

/**
 * Ids (units, tasks, plans) the library owns and the caller holds.
 * Initialise with DUBAN_IDARRAY_INIT and release with duban_idarray_dispose.
 * @since 0.1
 */
typedef struct {
  int64_t *ids;
  size_t count;
} duban_idarray;

#define DUBAN_IDARRAY_INIT {NULL, 0}

/**
 * Frees what a duban function put into `buf` and resets it to
 * DUBAN_BUF_INIT, so it may be reused or disposed again.
 * @param buf may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_buf_dispose(duban_buf *buf) DUBAN_NOEXCEPT;

/**
 * Frees every string in `array` and the array, and resets it to
 * DUBAN_STRARRAY_INIT.
 * @param array may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_strarray_dispose(duban_strarray *array) DUBAN_NOEXCEPT;

/**
 * Frees the ids in `array` and resets it to DUBAN_IDARRAY_INIT.
 * @param array may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_idarray_dispose(duban_idarray *array) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_COMMON_H */
