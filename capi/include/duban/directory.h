/*
 * duban/directory.h — the directory of units: departments, streets, towns,
 * enterprises and the groups that stand for several of them (各街镇,
 * 领导小组成员单位).
 *
 * A duban_directory is an immutable snapshot: taken from a plan file, parsed
 * from JSON, or loaded from a ledger. Units are named by int64_t ids (>= 1);
 * names come back exactly as written, never width-folded. A directory may be
 * read from several threads at once.
 */
#ifndef DUBAN_DIRECTORY_H
#define DUBAN_DIRECTORY_H

#include "duban/common.h"

DUBAN_BEGIN_DECL

/**
 * What a unit is. Values are stored in ledgers: never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_UNIT_UNSPECIFIED = 0,
  DUBAN_UNIT_DEPARTMENT = 1,   /**< party or government department (区委办, 区财政局) */
  DUBAN_UNIT_STREET = 2,       /**< 街道 */
  DUBAN_UNIT_TOWN = 3,         /**< 镇 */
  DUBAN_UNIT_ENTERPRISE = 4,   /**< state-owned enterprise */
  DUBAN_UNIT_ORGANISATION = 5, /**< people's organisation (区妇联, 团区委) */
  DUBAN_UNIT_FRONTLINE = 6,    /**< front-line agency posted to the partner region */
  DUBAN_UNIT_GROUP = 7         /**< a set of units (各街镇) */
} duban_unit_kind_t;

/**
 * Parses a directory from JSON: either {"units": [...]} or a whole plan file
 * (its "directory" part). The format is docs/plan-format.md.
 * @param out receives the directory; set to NULL on failure
 * @param json UTF-8 JSON text
 * @param len bytes of `json`, or DUBAN_NTS when NUL-terminated
 * @return DUBAN_OK, DUBAN_EPARSE (bad JSON, with line:column), DUBAN_EINVAL
 *         (a wrong or missing field, with its path), DUBAN_EEXISTS (a name
 *         used twice), DUBAN_EENCODING (not UTF-8)
 * @note caller frees with duban_directory_free
 * @since 0.1
 */
DUBAN_API int duban_directory_parse(duban_directory **out, const char *json, size_t len) DUBAN_NOEXCEPT;

/**
 * Frees a directory. Strings borrowed from it become invalid;
 * graphs and cursors made from it stay valid.
 * @param dir may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_directory_free(duban_directory *dir) DUBAN_NOEXCEPT;

/**
 * The number of units (groups included).
 * @return 0 when `dir` is NULL (and the error is DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_directory_count(const duban_directory *dir) DUBAN_NOEXCEPT;

/**
 * The id of the unit at `index` in directory order (0 <= index < count).
 * @return the id (>= 1), or 0 for a NULL `dir` (DUBAN_EMISUSE) or an index
 *         out of range (DUBAN_ERANGE)
 * @since 0.1
 */
DUBAN_API int64_t duban_directory_id_at(const duban_directory *dir, size_t index) DUBAN_NOEXCEPT;

/**
 * Finds a unit by name or alias. Matching ignores whitespace and full-/half-
 * width differences (（区） matches (区)); nothing else is folded.
 * @param out receives the id; 0 on failure
 * @param name UTF-8
 * @param len bytes of `name`, or DUBAN_NTS
 * @return DUBAN_OK, DUBAN_ENOTFOUND (no unit has that name),
 *         DUBAN_EENCODING
 * @since 0.1
 */
DUBAN_API int duban_directory_lookup(int64_t *out, const duban_directory *dir, const char *name, size_t len) DUBAN_NOEXCEPT;

/**
 * The name of a unit, as written.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL for a NULL `dir` (DUBAN_EMISUSE) or an
 *         unknown id (DUBAN_ENOTFOUND)
 * @note borrowed; valid until `dir` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_directory_unit_name(const duban_directory *dir, int64_t id, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The kind of a unit.
 * @return a duban_unit_kind_t value, or a negative code (DUBAN_EMISUSE,
 *         DUBAN_ENOTFOUND)
 * @since 0.1
 */
DUBAN_API int duban_directory_unit_kind(const duban_directory *dir, int64_t id) DUBAN_NOEXCEPT;

/**
 * The other names of a unit, in the order they were given.
 * @param out filled on success; must be DUBAN_STRARRAY_INIT or disposed
 * @return DUBAN_OK, DUBAN_ENOTFOUND
 * @note caller releases `out` with duban_strarray_dispose
 * @since 0.1
 */
DUBAN_API int duban_directory_unit_aliases(duban_strarray *out, const duban_directory *dir, int64_t id) DUBAN_NOEXCEPT;

/**
 * The units a group stands for, through nested groups and member kinds, in
 * directory order without repeats. A plain unit yields itself; a group with
 * no known members yields nothing.
 * @param out filled on success; must be DUBAN_IDARRAY_INIT or disposed
 * @return DUBAN_OK, DUBAN_ENOTFOUND
 * @note caller releases `out` with duban_idarray_dispose
 * @since 0.1
 */
DUBAN_API int duban_directory_expand(duban_idarray *out, const duban_directory *dir, int64_t id) DUBAN_NOEXCEPT;

/**
 * The groups that hold a unit, directly or through other groups.
 * @param out filled on success; must be DUBAN_IDARRAY_INIT or disposed
 * @return DUBAN_OK, DUBAN_ENOTFOUND
 * @note caller releases `out` with duban_idarray_dispose
 * @since 0.1
 */
DUBAN_API int duban_directory_groups_of(duban_idarray *out, const duban_directory *dir, int64_t id) DUBAN_NOEXCEPT;

/**
 * The directory as JSON ({"units": [...]}, docs/plan-format.md), which
 * duban_directory_parse reads back to an equal directory.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_directory_to_json(duban_buf *out, const duban_directory *dir) DUBAN_NOEXCEPT;

/**
 * Reads the ledger's directory as a snapshot.
 * @param out receives the directory; set to NULL on failure
 * @return DUBAN_OK, DUBAN_EIO, DUBAN_ECORRUPT
 * @note caller frees with duban_directory_free; it does not depend on `db`
 * @since 0.1
 */
DUBAN_API int duban_directory_load(duban_directory **out, duban_db *db) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_DIRECTORY_H */
