/*
 * duban/calendar.h — China's official working-day calendar: which days are
 * worked (national holidays, 调休 adjusted working days, local closures),
 * and arithmetic in working days, for systems that only want the calendar.
 *
 * A duban_calendar is immutable: it may be read from several threads at
 * once. The State Council's notices for 2023–2026 are built in; more years
 * or a district's own rules load at run time (docs/calendar.md describes
 * the data file). A query that needs a day of a year with no data fails
 * with DUBAN_ERANGE ("no published calendar for 2027 …") unless the
 * calendar was made with the weekends-only fallback.
 *
 * Counting: duban_calendar_workdays_between counts the closed range
 * [from, to]. duban_calendar_add_workdays(d, n) for n >= 1 is the n-th
 * working day strictly after d (the start day is never counted, 民法典
 * 第201条), for n <= -1 the |n|-th strictly before, for 0 d itself when it
 * is worked, else the next working day.
 *
 * Every function taking a duban_date returns DUBAN_EINVAL for a date that
 * does not exist (2024-02-30) and DUBAN_ERANGE for a year outside 1..9999.
 */
#ifndef DUBAN_CALENDAR_H
#define DUBAN_CALENDAR_H

#include "duban/common.h"

DUBAN_BEGIN_DECL

/**
 * How a day that is not worked is moved (duban_calendar_roll). Values are
 * stored: never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_ROLL_NONE = 0,               /**< keep the date */
  DUBAN_ROLL_FOLLOWING = 1,          /**< the next working day (遇节假日顺延) */
  DUBAN_ROLL_PRECEDING = 2,          /**< the previous working day (提前) */
  DUBAN_ROLL_MODIFIED_FOLLOWING = 3, /**< following, unless that leaves the month: then preceding */
  DUBAN_ROLL_MODIFIED_PRECEDING = 4  /**< preceding, unless that leaves the month: then following */
} duban_roll_t;

/**
 * Why a day is or is not worked (duban_day_info.kind). Never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_DAY_WEEKDAY = 1,          /**< Monday–Friday, worked */
  DUBAN_DAY_WEEKEND = 2,          /**< Saturday or Sunday, not worked */
  DUBAN_DAY_HOLIDAY = 3,          /**< inside a national holiday range, not worked */
  DUBAN_DAY_ADJUSTED_WORKDAY = 4, /**< a Saturday or Sunday worked by notice (调休上班) */
  DUBAN_DAY_LOCAL_CLOSURE = 5,    /**< closed by a local rule, not worked */
  DUBAN_DAY_LOCAL_WORKDAY = 6     /**< worked by a local rule */
} duban_day_kind_t;

#define DUBAN_CALENDAR_OPTIONS_VERSION 1

/**
 * How duban_calendar_load builds a calendar. Initialise with
 * DUBAN_CALENDAR_OPTIONS_INIT or duban_calendar_options_init. Fields are
 * only ever appended.
 * @since 0.1
 */
typedef struct {
  uint32_t version;               /**< DUBAN_CALENDAR_OPTIONS_VERSION */
  int32_t weekends_only_fallback; /**< 1: a year with no data is Monday–Friday instead of DUBAN_ERANGE; default 0 */
} duban_calendar_options;

#define DUBAN_CALENDAR_OPTIONS_INIT {DUBAN_CALENDAR_OPTIONS_VERSION, 0}

/**
 * Sets `opts` to the defaults of the given version.
 * @param version DUBAN_CALENDAR_OPTIONS_VERSION (or an older one)
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know
 * @since 0.1
 */
DUBAN_API int duban_calendar_options_init(duban_calendar_options *opts, uint32_t version) DUBAN_NOEXCEPT;

/**
 * What is known about one day (duban_calendar_describe).
 * @since 0.1
 */
typedef struct {
  int32_t kind;       /**< a duban_day_kind_t */
  int32_t working;    /**< 1 when the day is worked */
  int32_t known;      /**< 1 when its year has data; 0: decided by the weekends-only guess */
  const char *name;   /**< the holiday or rule (春节, 台风停工); "" for a plain day. Borrowed: valid until the calendar is freed */
  const char *source; /**< the notice (国办发明电〔2023〕7号) or local source; "" for a plain day. Borrowed, as `name` */
} duban_day_info;

/**
 * The built-in calendar: the national notices for 2023–2026, no fallback.
 * @param out receives the calendar; set to NULL on failure
 * @return DUBAN_OK, DUBAN_ENOMEM
 * @note caller frees with duban_calendar_free
 * @since 0.1
 */
DUBAN_API int duban_calendar_builtin(duban_calendar **out) DUBAN_NOEXCEPT;

/**
 * A calendar made of `base` and more data: years in `json` replace the same
 * years of `base`, its local rules are added.
 * @param out receives the calendar; set to NULL on failure
 * @param base the calendar to start from; NULL for the built-in one. Not
 *        changed (calendars are immutable) and may be freed afterwards.
 * @param json calendar data, UTF-8 JSON with "years" and "local"
 *        (docs/calendar.md); NULL for no more data (only the options change)
 * @param len bytes of `json`, or DUBAN_NTS when NUL-terminated
 * @param origin names the data in messages (e.g. "2027.json"); may be NULL,
 *        meaning "calendar data"
 * @param opts may be NULL: keep the options of `base` (of the built-in
 *        calendar: no fallback)
 * @return DUBAN_OK, DUBAN_EPARSE (not JSON, a wrong field type, a date that
 *         is not YYYY-MM-DD; with the field), DUBAN_EINVAL (contradictory
 *         data, naming the year and rule; bad options), DUBAN_EENCODING
 * @note caller frees with duban_calendar_free
 * @since 0.1
 */
DUBAN_API int duban_calendar_load(duban_calendar **out, const duban_calendar *base, const char *json, size_t len,
                                  const char *origin, const duban_calendar_options *opts) DUBAN_NOEXCEPT;

/**
 * Frees a calendar. Strings borrowed from it become invalid; status reports
 * made with it stay valid.
 * @param cal may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_calendar_free(duban_calendar *cal) DUBAN_NOEXCEPT;

/**
 * Whether the calendar has data for `year`.
 * @return 1 or 0; 0 for a NULL `cal` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API int duban_calendar_has_year(const duban_calendar *cal, int year) DUBAN_NOEXCEPT;

/**
 * The calendar's data (built-in and loaded) as JSON that duban_calendar_load
 * reads back. Deterministic.
 * @param out filled on success; left as it was on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @note caller releases `out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_calendar_to_json(duban_buf *out, const duban_calendar *cal) DUBAN_NOEXCEPT;

/**
 * Whether `date` is a working day.
 * @param out receives 1 (worked) or 0; 0 on failure
 * @return DUBAN_OK, DUBAN_ERANGE (a year without data), DUBAN_EINVAL
 * @since 0.1
 */
DUBAN_API int duban_calendar_is_workday(int *out, const duban_calendar *cal, duban_date date) DUBAN_NOEXCEPT;

/**
 * Everything known about one day. Never fails for a year without data: it
 * says known = 0 and answers by the weekends-only guess.
 * @param out receives the description; {0, 0, 0, "", ""} on failure
 * @return DUBAN_OK, DUBAN_EINVAL (no such date), DUBAN_ERANGE (year outside
 *         1..9999)
 * @note the strings in `out` are borrowed from `cal`: valid until it is freed
 * @since 0.1
 */
DUBAN_API int duban_calendar_describe(duban_day_info *out, const duban_calendar *cal, duban_date date) DUBAN_NOEXCEPT;

/**
 * The first working day strictly after `date`.
 * @param out receives the day; {0, 0, 0} on failure
 * @return DUBAN_OK, DUBAN_ERANGE (a year without data), DUBAN_EINVAL
 * @since 0.1
 */
DUBAN_API int duban_calendar_next_workday(duban_date *out, const duban_calendar *cal, duban_date date) DUBAN_NOEXCEPT;

/**
 * The last working day strictly before `date`.
 * @param out receives the day; {0, 0, 0} on failure
 * @return DUBAN_OK, DUBAN_ERANGE (a year without data), DUBAN_EINVAL
 * @since 0.1
 */
DUBAN_API int duban_calendar_previous_workday(duban_date *out, const duban_calendar *cal,
                                              duban_date date) DUBAN_NOEXCEPT;

/**
 * `n` working days from `date` (see the counting rules above):
 * add(2024-09-30, 1) is 2024-10-08, the first working day after National
 * Day; "15个工作日内" from an assignment on d ends on add(d, 15).
 * @param out receives the day; {0, 0, 0} on failure
 * @return DUBAN_OK, DUBAN_ERANGE (a year without data), DUBAN_EINVAL
 * @since 0.1
 */
DUBAN_API int duban_calendar_add_workdays(duban_date *out, const duban_calendar *cal, duban_date date,
                                          int n) DUBAN_NOEXCEPT;

/**
 * The working days in the closed range [from, to]; 0 when from > to.
 * @param out receives the count; 0 on failure
 * @return DUBAN_OK, DUBAN_ERANGE (a year without data), DUBAN_EINVAL
 * @since 0.1
 */
DUBAN_API int duban_calendar_workdays_between(int *out, const duban_calendar *cal, duban_date from,
                                              duban_date to) DUBAN_NOEXCEPT;

/**
 * The working days of one month.
 * @param month 1..12
 * @param out receives the count; 0 on failure
 * @return DUBAN_OK, DUBAN_ERANGE (a year without data), DUBAN_EINVAL (no
 *         such month)
 * @since 0.1
 */
DUBAN_API int duban_calendar_workdays_in_month(int *out, const duban_calendar *cal, int year,
                                               int month) DUBAN_NOEXCEPT;

/**
 * The working days of one year (2024: 251).
 * @param out receives the count; 0 on failure
 * @return DUBAN_OK, DUBAN_ERANGE (a year without data)
 * @since 0.1
 */
DUBAN_API int duban_calendar_workdays_in_year(int *out, const duban_calendar *cal, int year) DUBAN_NOEXCEPT;

/**
 * The n-th working day of a month: n >= 1 counts from the start, n <= -1
 * from the end (-1 is the last).
 * @param out receives the day; {0, 0, 0} on failure
 * @return DUBAN_OK, DUBAN_EINVAL (n == 0, no such month), DUBAN_ERANGE (the
 *         month has fewer working days; a year without data)
 * @since 0.1
 */
DUBAN_API int duban_calendar_nth_workday(duban_date *out, const duban_calendar *cal, int year, int month,
                                         int n) DUBAN_NOEXCEPT;

/**
 * The last working day of a month.
 * @param out receives the day; {0, 0, 0} on failure
 * @return DUBAN_OK, DUBAN_ERANGE (a year without data), DUBAN_EINVAL
 * @since 0.1
 */
DUBAN_API int duban_calendar_last_workday(duban_date *out, const duban_calendar *cal, int year,
                                          int month) DUBAN_NOEXCEPT;

/**
 * Moves a day that is not worked by `convention`; a working day stays.
 * @param out receives the day; {0, 0, 0} on failure
 * @return DUBAN_OK, DUBAN_EINVAL (not a duban_roll_t value; no such date),
 *         DUBAN_ERANGE (a year without data)
 * @since 0.1
 */
DUBAN_API int duban_calendar_roll(duban_date *out, const duban_calendar *cal, duban_date date,
                                  duban_roll_t convention) DUBAN_NOEXCEPT;

/**
 * Keeps calendar data in a ledger: its years replace the same years of the
 * ledger's calendar, its local rules are added, and the data are stored as
 * a calendar_loaded event of the audit chain (docs/calendar.md, "Calendar
 * data in the ledger"), with `origin` as its first evidence. Acts as the
 * host application. Nothing is written on any error, nor when the ledger's
 * calendar already holds exactly these data.
 * @param report_json_out filled on success with what the load did, as
 *        JSON: {"event": N or null, "years_added": [2027],
 *        "years_replaced": [], "days": [{"date", "was_working",
 *        "now_working", "was_known", "now_known", "reason"}], "moved":
 *        [{"plan", "task", "key", "instance", "title", "before", "after"}]}
 *        where "moved" lists every task and instance of every stored plan
 *        whose due date the data moved; left as it was on failure. May be
 *        NULL when the report is not wanted.
 * @param db an open ledger, not read-only
 * @param json calendar data, UTF-8 JSON (docs/calendar.md)
 * @param len bytes of `json`, or DUBAN_NTS when NUL-terminated
 * @param origin where the data come from (a file name), kept in the
 *        ledger's history and named in messages; NULL means "api"
 * @return DUBAN_OK, DUBAN_EPARSE (not calendar data; with the field),
 *         DUBAN_EINVAL (contradictory data, alone or with the years the
 *         ledger holds; naming `origin`), DUBAN_EENCODING, DUBAN_EMISUSE
 *         (a read-only ledger), DUBAN_EIO, DUBAN_EBUSY
 * @note caller releases `report_json_out` with duban_buf_dispose
 * @since 0.1
 */
DUBAN_API int duban_db_load_calendar(duban_buf *report_json_out, duban_db *db, const char *json, size_t len,
                                     const char *origin) DUBAN_NOEXCEPT;

/**
 * The ledger's calendar: the built-in notices with every calendar data
 * set loaded into the ledger applied, oldest first. The ledger's due dates
 * (states, extensions) are settled on it; pass it to duban_db_status to
 * see status on the same calendar.
 * @param out receives the calendar; set to NULL on failure
 * @param db an open ledger
 * @return DUBAN_OK, DUBAN_ECORRUPT (stored calendar data no longer read),
 *         DUBAN_EIO, DUBAN_EMISUSE
 * @note caller frees with duban_calendar_free; it stays valid after `db`
 *       is freed and does not follow later loads
 * @since 0.1
 */
DUBAN_API int duban_db_calendar(duban_calendar **out, duban_db *db) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_CALENDAR_H */
