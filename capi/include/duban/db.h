/*
 * duban/db.h — the ledger: one SQLite file holding the unit directory and
 * any number of plans (years, districts).
 *
 * A duban_db owns its own connection. Use it from one thread at a time;
 * different duban_db handles (on the same file or not) may be used from
 * different threads or processes at once. Every write is one transaction:
 * it happens whole or not at all. Snapshots read from a ledger (plans,
 * directories) do not depend on it: they stay valid after duban_db_free.
 */
#ifndef DUBAN_DB_H
#define DUBAN_DB_H

#include "duban/common.h"

DUBAN_BEGIN_DECL

/**
 * Flags for duban_open_options.flags; combine with |.
 * @since 0.1
 */
#define DUBAN_OPEN_FLAG_READ_ONLY 0x1u       /**< never write the file, not even to upgrade its schema */
#define DUBAN_OPEN_FLAG_NO_CREATE 0x2u       /**< a missing file is DUBAN_ENOTFOUND instead of a new ledger */
#define DUBAN_OPEN_FLAG_CHECK_INTEGRITY 0x4u /**< check the whole file on open (reads all of it) */

/**
 * The hash of a ledger's audit chain, chosen when the chain starts and kept
 * for the ledger's life. Values are stored: never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_HASH_DEFAULT = 0, /**< in options: the ledger's own; SM3 for a new ledger */
  DUBAN_HASH_SM3 = 1,     /**< SM3 (GB/T 32905), what government systems are asked to use */
  DUBAN_HASH_SHA256 = 2   /**< SHA-256 */
} duban_hash_t;

#define DUBAN_OPEN_OPTIONS_VERSION 2

/**
 * How duban_db_open opens a ledger. Initialise with DUBAN_OPEN_OPTIONS_INIT
 * or duban_open_options_init. Fields are only ever appended: a struct of
 * version 1 ends after busy_timeout_ms, and the library reads no further.
 * @since 0.1
 */
typedef struct {
  uint32_t version;        /**< DUBAN_OPEN_OPTIONS_VERSION */
  uint32_t flags;          /**< DUBAN_OPEN_FLAG_* bits; 0 (default): read-write, create if missing */
  int32_t busy_timeout_ms; /**< how long a write waits for another writer; default 5000, 0 = not at all */
  /* version 2 */
  int32_t hash;         /**< a duban_hash_t for the audit chain when this open starts one (a new ledger);
                             default DUBAN_HASH_DEFAULT. Another hash than an existing chain's is
                             DUBAN_EINVAL: the hash never changes */
  int32_t busy_retries; /**< how often a write that found the file busy is tried again, after a short
                             pause, before DUBAN_EBUSY; default 3 */
  int64_t max_size;     /**< a ceiling on the file's size in bytes (a write past it is DUBAN_EIO, as a
                             full disk); default 0: none */
} duban_open_options;

#define DUBAN_OPEN_OPTIONS_INIT {DUBAN_OPEN_OPTIONS_VERSION, 0u, 5000, DUBAN_HASH_DEFAULT, 3, 0}

/**
 * Sets `opts` to the defaults of the given version, writing only the
 * fields that version has (a version 1 caller's struct is 12 bytes).
 * @param version DUBAN_OPEN_OPTIONS_VERSION (or an older one)
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know
 * @since 0.1
 */
DUBAN_API int duban_open_options_init(duban_open_options *opts, uint32_t version) DUBAN_NOEXCEPT;

/**
 * What importing a plan does when the ledger already holds the same plan
 * (same year and document number; without a document number, same year,
 * title and issuer).
 * @since 0.1
 */
typedef enum {
  DUBAN_IF_EXISTS_FAIL = 0,   /**< DUBAN_EEXISTS; nothing is written */
  DUBAN_IF_EXISTS_REPLACE = 1 /**< the stored plan is replaced and keeps its id */
} duban_if_exists_t;

/**
 * Opens, by default creating, the ledger at `path`. On any failure the file
 * is left exactly as it was.
 * @param out receives the handle; set to NULL on failure
 * @param path UTF-8 file path
 * @param opts may be NULL for the defaults
 * @return DUBAN_OK, DUBAN_ENOTFOUND (missing and NO_CREATE or READ_ONLY),
 *         DUBAN_EINVAL (not a duban ledger, or bad options), DUBAN_ERANGE
 *         (written by a newer duban), DUBAN_EIO (cannot be read or created),
 *         DUBAN_ECORRUPT (damaged), DUBAN_EBUSY (locked too long),
 *         DUBAN_EENCODING (path not UTF-8)
 * @note caller frees with duban_db_free
 * @since 0.1
 */
DUBAN_API int duban_db_open(duban_db **out, const char *path, const duban_open_options *opts) DUBAN_NOEXCEPT;

/**
 * Closes the ledger. Plans, directories and graphs read from it stay valid.
 * @param db may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_db_free(duban_db *db) DUBAN_NOEXCEPT;

/**
 * Stores a plan and its directory: merges the plan's directory into the
 * stored one, resolves the plan's unit names through the result, checks the
 * plan and writes both in one transaction.
 * @param plan_id_out may be NULL; receives the stored plan's id (0 on failure)
 * @param plan a parsed plan (duban_plan_parse) or one loaded from a ledger
 * @return DUBAN_OK, DUBAN_EINVAL (the plan does not pass validation; the
 *         message lists the errors), DUBAN_EEXISTS (see if_exists),
 *         DUBAN_EMISUSE (read-only ledger), DUBAN_EIO, DUBAN_EBUSY
 * @since 0.1
 */
DUBAN_API int duban_db_import_plan(int64_t *plan_id_out, duban_db *db, const duban_plan *plan,
                                   duban_if_exists_t if_exists) DUBAN_NOEXCEPT;

/**
 * duban_plan_parse, then duban_db_import_plan.
 * @param plan_id_out may be NULL; receives the stored plan's id (0 on failure)
 * @param json a plan file, UTF-8 JSON (docs/plan-format.md)
 * @param len bytes of `json`, or DUBAN_NTS when NUL-terminated
 * @return the codes of both
 * @since 0.1
 */
DUBAN_API int duban_db_import_plan_json(int64_t *plan_id_out, duban_db *db, const char *json, size_t len,
                                        duban_if_exists_t if_exists) DUBAN_NOEXCEPT;

/**
 * Replaces the stored directory, keeping its ids.
 * @return DUBAN_OK, DUBAN_EINVAL (a unit a stored plan assigns would go;
 *         the message names it), DUBAN_EMISUSE (read-only ledger), DUBAN_EIO
 * @since 0.1
 */
DUBAN_API int duban_db_save_directory(duban_db *db, const duban_directory *dir) DUBAN_NOEXCEPT;

/**
 * The plan of the latest year; among plans of one year, the one stored last.
 * @param out receives the plan id; 0 on failure
 * @return DUBAN_OK, DUBAN_ENOTFOUND (the ledger holds no plan)
 * @since 0.1
 */
DUBAN_API int duban_db_latest_plan(int64_t *out, duban_db *db) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_DB_H */
