/*
 * duban/report.h — the progress ledger: reports (进展填报) from the units,
 * the closure workflow (申请办结, 办结, 退回), extensions (延期), the history
 * of a task and the state of every item as of any date, and the audit chain
 * that makes tampering with all of it visible. docs/ledger.md gives the
 * rules; docs/c-api.md shows the calls.
 *
 * Nothing in a ledger is updated in place: a correction is a new report that
 * supersedes an earlier one, and every workflow step is a new event. Every
 * write below is one transaction, checked before anything is written:
 *  - a permission rule that refuses the acting unit is DUBAN_EPERM, with a
 *    message "refused: ACTOR may not ACTION: RULE";
 *  - a report or step that breaks a rule (a percent over 100, a date out of
 *    order, a missing reason) is DUBAN_EINVAL or DUBAN_ERANGE naming it;
 *  - an unknown plan, task, instance or event is DUBAN_ENOTFOUND;
 *  - a ledger opened read-only is DUBAN_EMISUSE; a file that cannot be
 *    written DUBAN_EIO, one locked too long DUBAN_EBUSY.
 * In every case nothing was written.
 *
 * Actors are units of the directory (ids, as duban_directory_lookup gives
 * them), and the person acting for one (free text, recorded, not checked).
 */
#ifndef DUBAN_REPORT_H
#define DUBAN_REPORT_H

#include "duban/common.h"
#include "duban/db.h"

DUBAN_BEGIN_DECL

/**
 * What a report says of its item. Values are stored: never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_REPORT_NOT_STARTED = 1, /**< 未开始 */
  DUBAN_REPORT_IN_PROGRESS = 2, /**< 推进中 (the default) */
  DUBAN_REPORT_DONE = 3,        /**< 已完成 */
  DUBAN_REPORT_BLOCKED = 4      /**< 受阻 */
} duban_report_status_t;

/**
 * What an event of the ledger is. Values are stored: never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_EVENT_REPORT = 1,
  DUBAN_EVENT_CLOSURE_SUBMITTED = 2,   /**< the lead asks for closure, with evidence (申请办结) */
  DUBAN_EVENT_CLOSURE_APPROVED = 3,    /**< the coordinating office closes the item (办结) */
  DUBAN_EVENT_CLOSURE_RETURNED = 4,    /**< returned with a reason (退回); the item reopens */
  DUBAN_EVENT_EXTENSION_REQUESTED = 5, /**< 申请延期 */
  DUBAN_EVENT_EXTENSION_APPROVED = 6,
  DUBAN_EVENT_EXTENSION_REFUSED = 7,
  DUBAN_EVENT_COORDINATOR_SET = 8, /**< the coordinating office changed */
  DUBAN_EVENT_DIRECTORY_SAVED = 9,
  DUBAN_EVENT_PLAN_SAVED = 10,
  DUBAN_EVENT_CALENDAR_LOADED = 11 /**< calendar data loaded into the ledger (docs/calendar.md) */
} duban_event_kind_t;

/**
 * Where an item stands in the closure workflow. Never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_CLOSURE_OPEN = 0,      /**< never submitted */
  DUBAN_CLOSURE_SUBMITTED = 1, /**< waiting for the coordinating office */
  DUBAN_CLOSURE_CLOSED = 2,    /**< approved (办结) */
  DUBAN_CLOSURE_RETURNED = 3   /**< returned (退回): open again */
} duban_closure_state_t;

/**
 * An extension request's decision, as known on a date. Never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_EXTENSION_PENDING = 0,
  DUBAN_EXTENSION_APPROVED = 1,
  DUBAN_EXTENSION_REFUSED = 2
} duban_extension_decision_t;

/**
 * What duban_db_verify found. Never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_CHAIN_INTACT = 0,
  DUBAN_CHAIN_ALTERED = 1,  /**< an event's content no longer matches its hash */
  DUBAN_CHAIN_REMOVED = 2,  /**< an event is missing from the chain */
  DUBAN_CHAIN_INSERTED = 3  /**< an event sits in the chain that was never appended to it */
} duban_chain_finding_t;

/**
 * The dates of an item's state (duban_state_cursor_date). Never renumbered.
 * @since 0.1
 */
typedef enum {
  DUBAN_STATE_SUBMITTED = 1,     /**< the latest submission for closure */
  DUBAN_STATE_DECIDED = 2,       /**< when the latest submission was approved or returned */
  DUBAN_STATE_DONE = 3,          /**< when the work was done: the approved submission's date */
  DUBAN_STATE_LAST_RETURNED = 4, /**< the latest return, even if a later submission was approved */
  DUBAN_STATE_ORIGINAL_DUE = 5,  /**< the plan's due date (after the holiday shift) */
  DUBAN_STATE_CURRENT_DUE = 6    /**< the due date after approved extensions */
} duban_state_date_t;

/* ------------------------------------------------------------------------ */
/* Reports                                                                   */

/**
 * A new, empty report: status DUBAN_REPORT_IN_PROGRESS, no percent, no
 * date (a date must be set before it is added). Set its fields, add it with
 * duban_db_add_report or duban_db_add_reports; it may be added again, or
 * changed and added again.
 * @param out receives the report; set to NULL on failure
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ENOMEM
 * @note caller frees with duban_report_free
 * @since 0.1
 */
DUBAN_API int duban_report_new(duban_report **out) DUBAN_NOEXCEPT;

/**
 * Frees a report.
 * @param report may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_report_free(duban_report *report) DUBAN_NOEXCEPT;

/**
 * What the report is about: a task of a stored plan, or one instance of a
 * recurring task. Checked when the report is added.
 * @param plan_id a stored plan's id
 * @param task_id the task's id (1-based place in the plan)
 * @param instance an instance id ("3@2025-03"); NULL or "" for the task itself
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_EENCODING
 * @since 0.1
 */
DUBAN_API int duban_report_set_item(duban_report *report, int64_t plan_id, int64_t task_id,
                                    const char *instance) DUBAN_NOEXCEPT;

/**
 * Who reports: the unit, and the person filling the report in for it.
 * @param user may be NULL (none)
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_EENCODING
 * @since 0.1
 */
DUBAN_API int duban_report_set_actor(duban_report *report, int64_t unit_id, const char *user) DUBAN_NOEXCEPT;

/**
 * The day the report speaks for.
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ERANGE (a year outside 1..9999),
 *         DUBAN_EINVAL (a day that does not exist)
 * @since 0.1
 */
DUBAN_API int duban_report_set_date(duban_report *report, duban_date date) DUBAN_NOEXCEPT;

/**
 * @param status a duban_report_status_t
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_EINVAL (another value)
 * @since 0.1
 */
DUBAN_API int duban_report_set_status(duban_report *report, duban_report_status_t status) DUBAN_NOEXCEPT;

/**
 * The progress in percent. A value outside 0..100 is refused when the
 * report is added (DUBAN_EINVAL naming it).
 * @param percent 0..100; NaN removes the percent (the report gives none)
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_report_set_percent(duban_report *report, double percent) DUBAN_NOEXCEPT;

/**
 * The narrative (进展情况).
 * @param len bytes of `text`, or DUBAN_NTS when NUL-terminated
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_EENCODING
 * @since 0.1
 */
DUBAN_API int duban_report_set_narrative(duban_report *report, const char *text, size_t len) DUBAN_NOEXCEPT;

/**
 * Appends a reported quantity: 选派教师 2 名 is ("选派教师", 2, "名").
 * @param unit may be NULL (none)
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_EENCODING, DUBAN_EINVAL (an
 *         empty metric, a value that is not finite)
 * @since 0.1
 */
DUBAN_API int duban_report_add_indicator(duban_report *report, const char *metric, double value,
                                         const char *unit) DUBAN_NOEXCEPT;

/**
 * Appends an evidence reference: a file name or a document number.
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_EENCODING, DUBAN_EINVAL (empty)
 * @since 0.1
 */
DUBAN_API int duban_report_add_evidence(duban_report *report, const char *ref) DUBAN_NOEXCEPT;

/**
 * Makes the report a correction of an earlier report on the same item:
 * from its date on, the earlier one no longer counts.
 * @param event_id the report corrected; 0 for none (the default)
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_EINVAL (negative)
 * @since 0.1
 */
DUBAN_API int duban_report_set_supersedes(duban_report *report, int64_t event_id) DUBAN_NOEXCEPT;

/**
 * Checks and appends one report.
 * @param event_id_out may be NULL; receives the new event's id (0 on failure)
 * @return DUBAN_OK, DUBAN_EPERM (the unit holds no role in the task; a
 *         group; a correction by another unit), DUBAN_EINVAL, DUBAN_ERANGE,
 *         DUBAN_ENOTFOUND, DUBAN_EMISUSE, DUBAN_EIO, DUBAN_EBUSY; the
 *         message starts with "report: "
 * @since 0.1
 */
DUBAN_API int duban_db_add_report(int64_t *event_id_out, duban_db *db, const duban_report *report) DUBAN_NOEXCEPT;

/**
 * Checks and appends reports in one transaction: all are written, or none.
 * @param ids_out may be NULL; receives the events' ids in the order of
 *        `reports`; left as it was on failure
 * @param reports `count` reports; may be NULL when `count` is 0
 * @return the codes of duban_db_add_report; the message names the first
 *         report at fault by its index ("reports[4]: …")
 * @note caller releases `ids_out` with duban_idarray_dispose
 * @since 0.1
 */
DUBAN_API int duban_db_add_reports(duban_idarray *ids_out, duban_db *db, const duban_report *const *reports,
                                   size_t count) DUBAN_NOEXCEPT;

/**
 * Reads a CSV batch of reports for plan `plan_id` (docs/ledger.md, "CSV
 * batches": a header row naming the columns task, unit, date, status, …;
 * tasks by key, units by name) and appends it in one transaction. Every
 * problem found is listed in the message, each on its own line as
 * "ORIGIN:LINE: …", and rejects the whole batch.
 * @param ids_out may be NULL; receives the events' ids in row order; left
 *        as it was on failure
 * @param len bytes of `csv`, or DUBAN_NTS when NUL-terminated
 * @param origin names the file in messages; may be NULL ("reports.csv")
 * @return DUBAN_OK, DUBAN_EINVAL, DUBAN_EPARSE, DUBAN_EPERM,
 *         DUBAN_ENOTFOUND, DUBAN_EENCODING, DUBAN_EMISUSE, DUBAN_EIO
 * @note caller releases `ids_out` with duban_idarray_dispose
 * @since 0.1
 */
DUBAN_API int duban_db_import_reports_csv(duban_idarray *ids_out, duban_db *db, int64_t plan_id, const char *csv,
                                          size_t len, const char *origin) DUBAN_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Closure (办结, 退回), extensions (延期) and the coordinating office         */

#define DUBAN_STEP_VERSION 1

/**
 * One step of the closure or extension workflow: who acts, on which day,
 * why, with what evidence. Initialise with DUBAN_STEP_INIT or
 * duban_step_init. The strings are copied by the call that takes the step.
 * Fields are only ever appended.
 * @since 0.1
 */
typedef struct {
  uint32_t version;            /**< DUBAN_STEP_VERSION */
  duban_date date;             /**< the day the step speaks for */
  int64_t unit_id;             /**< the acting unit */
  const char *user;            /**< who acts for it; may be NULL */
  const char *reason;          /**< required to return, to refuse and to request an extension; may be NULL */
  const char *const *evidence; /**< `evidence_count` references; required to submit for closure */
  size_t evidence_count;
} duban_step;

#define DUBAN_STEP_INIT {DUBAN_STEP_VERSION, {0, 0, 0}, 0, NULL, NULL, NULL, 0}

/**
 * Sets `step` to an empty step of the given version.
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know,
 *         DUBAN_EMISUSE for a NULL `step`
 * @since 0.1
 */
DUBAN_API int duban_step_init(duban_step *step, uint32_t version) DUBAN_NOEXCEPT;

/**
 * The lead unit (or the coordinating office) says the item is done, with
 * at least one piece of evidence (申请办结).
 * @param event_id_out may be NULL; receives the submission's event id
 * @param instance NULL or "" for the task itself
 * @return DUBAN_OK, DUBAN_EPERM (not the lead), DUBAN_EINVAL (no evidence,
 *         a submission pending, already closed), DUBAN_ENOTFOUND, and the
 *         storage codes
 * @since 0.1
 */
DUBAN_API int duban_db_submit_closure(int64_t *event_id_out, duban_db *db, int64_t plan_id, int64_t task_id,
                                      const char *instance, const duban_step *step) DUBAN_NOEXCEPT;

/**
 * The coordinating office closes the item (办结).
 * @param submission_id the pending submission's event id
 * @return DUBAN_OK, DUBAN_EPERM (not the coordinating office),
 *         DUBAN_EINVAL (not pending, dated before it), DUBAN_ENOTFOUND,
 *         and the storage codes
 * @since 0.1
 */
DUBAN_API int duban_db_approve_closure(int64_t *event_id_out, duban_db *db, int64_t submission_id,
                                       const duban_step *step) DUBAN_NOEXCEPT;

/**
 * The coordinating office returns the submission with a reason (退回);
 * the item reopens.
 * @return as duban_db_approve_closure; DUBAN_EINVAL without a reason
 * @since 0.1
 */
DUBAN_API int duban_db_return_closure(int64_t *event_id_out, duban_db *db, int64_t submission_id,
                                      const duban_step *step) DUBAN_NOEXCEPT;

/**
 * The lead (or the coordinating office) asks, with a reason, on or before
 * the item's current due date, to move it to `until` (申请延期).
 * @return DUBAN_OK, DUBAN_EPERM, DUBAN_EINVAL (no reason, `until` not
 *         later, a request pending, the item has no due date or is
 *         closed), DUBAN_ENOTFOUND, and the storage codes
 * @since 0.1
 */
DUBAN_API int duban_db_request_extension(int64_t *event_id_out, duban_db *db, int64_t plan_id, int64_t task_id,
                                         const char *instance, duban_date until,
                                         const duban_step *step) DUBAN_NOEXCEPT;

/**
 * The coordinating office approves a pending extension request.
 * @return DUBAN_OK, DUBAN_EPERM, DUBAN_EINVAL, DUBAN_ENOTFOUND, and the
 *         storage codes
 * @since 0.1
 */
DUBAN_API int duban_db_approve_extension(int64_t *event_id_out, duban_db *db, int64_t request_id,
                                         const duban_step *step) DUBAN_NOEXCEPT;

/**
 * The coordinating office refuses a pending extension request, with a
 * reason.
 * @return as duban_db_approve_extension
 * @since 0.1
 */
DUBAN_API int duban_db_refuse_extension(int64_t *event_id_out, duban_db *db, int64_t request_id,
                                        const duban_step *step) DUBAN_NOEXCEPT;

/**
 * Names the coordinating office (督办/牵头协调部门): who decides closures
 * and extensions and may change the plan and the directory. Once one is
 * set, only it (or the host application, unit 0) may hand the role on.
 * @param unit_id a unit (not a group) of the directory
 * @param by_unit_id who acts: 0 for the host application
 * @param by_user may be NULL
 * @return DUBAN_OK, DUBAN_EPERM, DUBAN_EINVAL (not a unit), and the
 *         storage codes
 * @since 0.1
 */
DUBAN_API int duban_db_set_coordinator(int64_t *event_id_out, duban_db *db, int64_t unit_id, int64_t by_unit_id,
                                       const char *by_user) DUBAN_NOEXCEPT;

/**
 * The coordinating office's unit id.
 * @param out receives it; 0 while none is set (and on failure)
 * @return DUBAN_OK, DUBAN_EMISUSE, and the storage codes
 * @since 0.1
 */
DUBAN_API int duban_db_coordinator(int64_t *out, duban_db *db) DUBAN_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* History                                                                   */

#define DUBAN_HISTORY_OPTIONS_VERSION 1

/**
 * Which events duban_event_cursor_new walks. Initialise with
 * DUBAN_HISTORY_OPTIONS_INIT or duban_history_options_init. Fields are
 * only ever appended.
 * @since 0.1
 */
typedef struct {
  uint32_t version;     /**< DUBAN_HISTORY_OPTIONS_VERSION */
  duban_date as_of;     /**< only events dated on or before it, each superseded as it stood then;
                             {0, 0, 0} (default): every event, superseded as it stands now */
  const char *instance; /**< NULL (default): the task and all its instances; "": the task only;
                             else one instance ("3@2025-03") */
} duban_history_options;

#define DUBAN_HISTORY_OPTIONS_INIT {DUBAN_HISTORY_OPTIONS_VERSION, {0, 0, 0}, NULL}

/**
 * Sets `opts` to the defaults of the given version.
 * @return DUBAN_OK, DUBAN_EINVAL for a version this library does not know,
 *         DUBAN_EMISUSE for a NULL `opts`
 * @since 0.1
 */
DUBAN_API int duban_history_options_init(duban_history_options *opts, uint32_t version) DUBAN_NOEXCEPT;

/**
 * The events of one task (and its instances) in chain order. The events
 * are read when the cursor is made: it does not depend on `db` afterwards.
 * @param out receives the cursor, before its first row; NULL on failure
 * @param opts may be NULL for the defaults
 * @return DUBAN_OK, DUBAN_ENOTFOUND (no such plan or task), DUBAN_EINVAL
 *         (bad options), DUBAN_ERANGE (a bad as_of date), DUBAN_EMISUSE,
 *         and the storage codes
 * @note caller frees with duban_event_cursor_free
 * @since 0.1
 */
DUBAN_API int duban_event_cursor_new(duban_event_cursor **out, duban_db *db, int64_t plan_id, int64_t task_id,
                                     const duban_history_options *opts) DUBAN_NOEXCEPT;

/**
 * A cursor over one event, found by its id (a submission named by a state
 * cursor, a report an evidence list names), read through the same
 * accessors as a task's history; its superseded_by is as the ledger stands.
 * @param out receives the cursor, before its row; NULL on failure
 * @return DUBAN_OK, DUBAN_ENOTFOUND (no such event), DUBAN_EMISUSE, and the
 *         storage codes
 * @note caller frees with duban_event_cursor_free
 * @since 0.1
 */
DUBAN_API int duban_event_cursor_one(duban_event_cursor **out, duban_db *db, int64_t event_id) DUBAN_NOEXCEPT;

/**
 * Moves to the next event.
 * @return DUBAN_OK (an event is current), DUBAN_DONE, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_event_cursor_next(duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The number of events the cursor walks, whatever its position.
 * @return the count, or 0 for a NULL `cursor` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_event_cursor_count(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/* The current event. Each accessor below fails with DUBAN_EMISUSE when no
 * event is current; borrowed text is valid until the next _next or _free on
 * this cursor. Fields an event's kind does not use are empty (0, "", no
 * date). */

/** The event's id: its place in the audit chain, from 1. @return the id, 0 on failure. @since 0.1 */
DUBAN_API int64_t duban_event_cursor_id(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/** @return a duban_event_kind_t, or < 0 on failure. @since 0.1 */
DUBAN_API int duban_event_cursor_kind(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/** The plan the event is about; 0 for ledger-wide events (and on failure). @since 0.1 */
DUBAN_API int64_t duban_event_cursor_plan(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/** The task the event is about; 0 for ledger-wide events (and on failure). @since 0.1 */
DUBAN_API int64_t duban_event_cursor_task(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The task's key when the event was written.
 * @param len_out may be NULL; receives the length in bytes
 * @return NUL-terminated UTF-8, or NULL on failure
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_event_cursor_task_key(const duban_event_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The instance id, "" when the event is about the task itself.
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_event_cursor_instance(const duban_event_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/** The acting unit; 0 for the host application (and on failure). @since 0.1 */
DUBAN_API int64_t duban_event_cursor_unit(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * Who acted for the unit, "" when not given.
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_event_cursor_user(const duban_event_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The day the event speaks for.
 * @param out receives the date; {0, 0, 0} on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_event_cursor_date(duban_date *out, const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * When the event was written, UTC: "2025-03-01T08:30:00.123Z".
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_event_cursor_recorded(const duban_event_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The narrative of a report, the reason of a step, or the note.
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_event_cursor_text(const duban_event_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/** A report's status: a duban_report_status_t, or < 0 on failure. @since 0.1 */
DUBAN_API int duban_event_cursor_status(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * A report's percent.
 * @param out receives 0..100, or -1 when the report gave none (and for
 *        other events, and on failure)
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_event_cursor_percent(double *out, const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/** The number of a report's indicator values; 0 on failure. @since 0.1 */
DUBAN_API size_t duban_event_cursor_indicator_count(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * One indicator value of a report.
 * @param metric_out may be NULL; receives the metric (NUL-terminated)
 * @param metric_len_out may be NULL; receives its length in bytes
 * @param value_out may be NULL; receives the value
 * @param unit_out may be NULL; receives the unit ("" when none)
 * @param unit_len_out may be NULL; receives its length in bytes
 * @param index below duban_event_cursor_indicator_count()
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ERANGE (another index); the
 *         outputs are NULL, 0 on failure
 * @note the texts are borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API int duban_event_cursor_indicator(const char **metric_out, size_t *metric_len_out, double *value_out,
                                           const char **unit_out, size_t *unit_len_out,
                                           const duban_event_cursor *cursor, size_t index) DUBAN_NOEXCEPT;

/** The number of evidence references (reports, submissions); 0 on failure. @since 0.1 */
DUBAN_API size_t duban_event_cursor_evidence_count(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * One evidence reference.
 * @param index below duban_event_cursor_evidence_count()
 * @return NUL-terminated UTF-8, or NULL on failure (DUBAN_EMISUSE,
 *         DUBAN_ERANGE)
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_event_cursor_evidence(const duban_event_cursor *cursor, size_t index,
                                                  size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The event this one refers to: for a report, the report it corrects; for
 * an approval, a return or a decision, the submission or request decided.
 * @return the id, 0 for none (and on failure)
 * @since 0.1
 */
DUBAN_API int64_t duban_event_cursor_ref(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The report that corrects this one, among the events the cursor read (with
 * an as-of date: dated on or before it).
 * @return the id, 0 for none (and on failure)
 * @since 0.1
 */
DUBAN_API int64_t duban_event_cursor_superseded_by(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * An extension request's new due date asked for.
 * @param out receives it; {0, 0, 0} for other events and on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_event_cursor_until(duban_date *out, const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The due date an extension request would move.
 * @param out receives it; {0, 0, 0} for other events and on failure
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_event_cursor_due(duban_date *out, const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/** The new coordinating office of a DUBAN_EVENT_COORDINATOR_SET; 0 otherwise. @since 0.1 */
DUBAN_API int64_t duban_event_cursor_target(const duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * Frees a cursor.
 * @param cursor may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_event_cursor_free(duban_event_cursor *cursor) DUBAN_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* State as of a date                                                        */

/**
 * Every item (task or instance) of the plan with at least one event on or
 * before `as_of`, as its events add up to on that day, by task then
 * instance. The states are computed when the cursor is made: it does not
 * depend on `db` afterwards.
 * @param out receives the cursor, before its first row; NULL on failure
 * @return DUBAN_OK, DUBAN_ENOTFOUND (no such plan), DUBAN_ERANGE,
 *         DUBAN_EINVAL (a bad date), DUBAN_EMISUSE, and the storage codes
 * @note caller frees with duban_state_cursor_free
 * @since 0.1
 */
DUBAN_API int duban_state_cursor_new(duban_state_cursor **out, duban_db *db, int64_t plan_id,
                                     duban_date as_of) DUBAN_NOEXCEPT;

/**
 * Moves to the next item.
 * @return DUBAN_OK (an item is current), DUBAN_DONE, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_state_cursor_next(duban_state_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The number of items the cursor walks, whatever its position.
 * @return the count, or 0 for a NULL `cursor` (DUBAN_EMISUSE)
 * @since 0.1
 */
DUBAN_API size_t duban_state_cursor_count(const duban_state_cursor *cursor) DUBAN_NOEXCEPT;

/* The current item. Each accessor below fails with DUBAN_EMISUSE when no
 * item is current; borrowed text is valid until the next _next or _free on
 * this cursor. */

/** The item's task id; 0 on failure. @since 0.1 */
DUBAN_API int64_t duban_state_cursor_task(const duban_state_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The task's key.
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_state_cursor_task_key(const duban_state_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The instance id, "" for the task itself.
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_state_cursor_instance(const duban_state_cursor *cursor, size_t *len_out) DUBAN_NOEXCEPT;

/** Where the item stands: a duban_closure_state_t, or < 0 on failure. @since 0.1 */
DUBAN_API int duban_state_cursor_closure(const duban_state_cursor *cursor) DUBAN_NOEXCEPT;

/** The latest submission for closure (pending, approved or returned); 0 for none. @since 0.1 */
DUBAN_API int64_t duban_state_cursor_submission(const duban_state_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * The unit that made the latest submission: the lead, or the coordinating
 * office submitting for it; 0 for none. @since 0.1
 */
DUBAN_API int64_t duban_state_cursor_submitted_by(const duban_state_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * One of the item's dates.
 * @param out receives it; {0, 0, 0} when the item has none (no submission,
 *        no hard due date…) and on failure
 * @param which a duban_state_date_t
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_EINVAL (another value)
 * @since 0.1
 */
DUBAN_API int duban_state_cursor_date(duban_date *out, const duban_state_cursor *cursor,
                                      duban_state_date_t which) DUBAN_NOEXCEPT;

/**
 * The latest return's reason, "" when never returned.
 * @note borrowed; valid until the next call on this cursor
 * @since 0.1
 */
DUBAN_API const char *duban_state_cursor_return_reason(const duban_state_cursor *cursor,
                                                       size_t *len_out) DUBAN_NOEXCEPT;

/**
 * The latest report in effect from a unit that speaks for the item (its
 * lead units, or the coordinating office).
 * @param event_out may be NULL; receives the report's event id, 0 when no
 *        such report is in effect (the other outputs are then empty)
 * @param unit_out may be NULL; receives the reporting unit
 * @param date_out may be NULL; receives the report's date
 * @param status_out may be NULL; receives a duban_report_status_t
 * @param percent_out may be NULL; receives 0..100, or -1 when none given
 * @return DUBAN_OK, DUBAN_EMISUSE
 * @since 0.1
 */
DUBAN_API int duban_state_cursor_latest_report(int64_t *event_out, int64_t *unit_out, duban_date *date_out,
                                               int *status_out, double *percent_out,
                                               const duban_state_cursor *cursor) DUBAN_NOEXCEPT;

/** The number of the item's extension requests; 0 on failure. @since 0.1 */
DUBAN_API size_t duban_state_cursor_extension_count(const duban_state_cursor *cursor) DUBAN_NOEXCEPT;

/**
 * One extension request of the item, in request order, decided as known on
 * the cursor's date.
 * @param request_out may be NULL; receives the request's event id
 * @param until_out may be NULL; receives the due date asked for
 * @param decision_out may be NULL; receives a duban_extension_decision_t
 * @param index below duban_state_cursor_extension_count()
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_ERANGE (another index)
 * @since 0.1
 */
DUBAN_API int duban_state_cursor_extension(int64_t *request_out, duban_date *until_out, int *decision_out,
                                           const duban_state_cursor *cursor, size_t index) DUBAN_NOEXCEPT;

/**
 * Frees a cursor.
 * @param cursor may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_state_cursor_free(duban_state_cursor *cursor) DUBAN_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* The audit chain                                                           */

/**
 * Walks the whole audit chain and names the first event that was altered,
 * removed or inserted, or says the ledger is intact. Finding tampering is
 * a result, not an error.
 * @param out receives the result; NULL on failure
 * @return DUBAN_OK, DUBAN_EMISUSE, DUBAN_EIO, DUBAN_ECORRUPT (the file
 *         cannot be read as a ledger), DUBAN_EBUSY
 * @note caller frees with duban_chain_check_free
 * @since 0.1
 */
DUBAN_API int duban_db_verify(duban_chain_check **out, duban_db *db) DUBAN_NOEXCEPT;

/**
 * Frees a result.
 * @param check may be NULL (no-op)
 * @since 0.1
 */
DUBAN_API void duban_chain_check_free(duban_chain_check *check) DUBAN_NOEXCEPT;

/** @return a duban_chain_finding_t, or < 0 on failure. @since 0.1 */
DUBAN_API int duban_chain_check_finding(const duban_chain_check *check) DUBAN_NOEXCEPT;

/** The first event concerned; 0 when intact (and on failure). @since 0.1 */
DUBAN_API int64_t duban_chain_check_event(const duban_chain_check *check) DUBAN_NOEXCEPT;

/** How many events the file holds; 0 on failure. @since 0.1 */
DUBAN_API int64_t duban_chain_check_events(const duban_chain_check *check) DUBAN_NOEXCEPT;

/** The chain's hash: a duban_hash_t, or < 0 on failure. @since 0.1 */
DUBAN_API int duban_chain_check_algorithm(const duban_chain_check *check) DUBAN_NOEXCEPT;

/**
 * The chain's last hash, lower-case hex ("" for an empty ledger): keep it
 * elsewhere to pin the ledger as of today.
 * @return NUL-terminated text, or NULL on failure
 * @note borrowed; valid until `check` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_chain_check_head(const duban_chain_check *check, size_t *len_out) DUBAN_NOEXCEPT;

/**
 * One line for a person: "intact: 117 events, sm3, head 6f6f12…" or
 * "event 6 was altered: its content no longer matches its hash".
 * @return NUL-terminated UTF-8, or NULL on failure
 * @note borrowed; valid until `check` is freed
 * @since 0.1
 */
DUBAN_API const char *duban_chain_check_message(const duban_chain_check *check, size_t *len_out) DUBAN_NOEXCEPT;

/* ------------------------------------------------------------------------ */
/* Names                                                                     */

/**
 * "not_started", "in_progress", "done", "blocked".
 * @return static text, or NULL for another value (DUBAN_EINVAL)
 * @since 0.1
 */
DUBAN_API const char *duban_report_status_name(int status) DUBAN_NOEXCEPT;

/**
 * "report", "closure_submitted", "closure_approved", "closure_returned",
 * "extension_requested", "extension_approved", "extension_refused",
 * "coordinator_set", "directory_saved", "plan_saved", "calendar_loaded".
 * @return static text, or NULL for another value (DUBAN_EINVAL)
 * @since 0.1
 */
DUBAN_API const char *duban_event_kind_name(int kind) DUBAN_NOEXCEPT;

/**
 * "open", "submitted", "closed", "returned".
 * @return static text, or NULL for another value (DUBAN_EINVAL)
 * @since 0.1
 */
DUBAN_API const char *duban_closure_state_name(int state) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_REPORT_H */
