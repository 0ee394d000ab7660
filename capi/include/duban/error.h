/*
 * duban/error.h — the thread's last error.
 *
 * Every duban function that returns a negative code first records, for the
 * calling thread, the code, a class, a subcode and a one-line message. Read
 * them right after the failure, on the same thread: the message is valid
 * until the next duban_ call on that thread. Success does not promise to
 * clear the state, so read it only after a failure.
 */
#ifndef DUBAN_ERROR_H
#define DUBAN_ERROR_H

#include "duban/common.h"

DUBAN_BEGIN_DECL

/**
 * The status code of this thread's last failure.
 * @return a negative duban_status_t value, or DUBAN_OK when none is recorded
 * @since 0.1
 */
DUBAN_API int duban_error_code(void) DUBAN_NOEXCEPT;

/**
 * The class of this thread's last failure.
 * @return a duban_errclass_t value, DUBAN_ERRCLASS_NONE when none is recorded
 * @since 0.1
 */
DUBAN_API int duban_error_class(void) DUBAN_NOEXCEPT;

/**
 * A detail code from below the library, e.g. SQLite's extended result code
 * for a DUBAN_EIO or DUBAN_EBUSY; 0 when there is none.
 * @since 0.1
 */
DUBAN_API int duban_error_subcode(void) DUBAN_NOEXCEPT;

/**
 * One line of English (UTF-8) saying what went wrong and where; user text
 * inside it is quoted and cut on a character boundary.
 * @return never NULL; "" when no error is recorded
 * @note borrowed; valid until the next duban_ call on this thread
 * @since 0.1
 */
DUBAN_API const char *duban_error_message(void) DUBAN_NOEXCEPT;

/**
 * Forgets this thread's last error: code DUBAN_OK, class NONE, message "".
 * @since 0.1
 */
DUBAN_API void duban_error_clear(void) DUBAN_NOEXCEPT;

/**
 * A short static description of a status code ("not found").
 * @return never NULL; "unknown status code" for a number duban does not use
 * @note static; valid for the life of the process
 * @since 0.1
 */
DUBAN_API const char *duban_strerror(int code) DUBAN_NOEXCEPT;

DUBAN_END_DECL

#endif /* DUBAN_ERROR_H */
