/*
 * duban.h — the duban C API (督办): work-plan task–responsibility graphs,
 * kept in a ledger, behind a stable C ABI.
 *
 * Include this one header. Modules: duban/common.h (status codes, owned
 * buffers), duban/version.h, duban/error.h, duban/db.h (the ledger),
 * duban/plan.h, duban/directory.h, duban/graph.h, duban/calendar.h (working
 * days), duban/status.h (status and warning lights), duban/import.h
 * (documents and 台账 tables into plans), duban/report.h (progress
 * reports, closure and extensions, history, the audit chain),
 * duban/assess.h (assessment
 * schemes, scores, rankings and explanations), duban/export.h (the 台账
 * workbook, CSV, JSON, DOT and the monthly report from a ledger
 * snapshot). docs/c-api.md is the guide.
 *
 * Conventions, in short:
 *  - Functions return int: DUBAN_OK (0), negative on error, DUBAN_DONE (1)
 *    only from a cursor's _next. After a failure, duban_error_message() says
 *    why, on the same thread.
 *  - Constructors write the new handle to their first argument (`out`), or
 *    NULL on failure, and then nothing needs freeing. Every _free accepts
 *    NULL. Handles made from other handles keep what they need alive, so
 *    objects may be freed in any order.
 *  - Text is UTF-8 in and out; lengths are in bytes; input that is not
 *    UTF-8 is rejected with DUBAN_EENCODING. Inputs are copied before a call
 *    returns. Borrowed results say how long they stay valid.
 *
 * Threads: duban handles are not internally synchronised. Different handles
 * may be used at the same time from different threads. One handle, and
 * every cursor derived from it, must be used by one thread at a time; the
 * caller serialises access. Objects documented as immutable (a parsed plan,
 * a directory, a graph, a calendar, a status report) may be shared
 * read-only across threads. Error state (duban_error_*) is per thread. There is no global initialisation call; the
 * library's internal one-time setup is thread-safe.
 */
#ifndef DUBAN_H
#define DUBAN_H

#include "duban/common.h"
#include "duban/version.h"
#include "duban/error.h"
#include "duban/directory.h"
#include "duban/plan.h"
#include "duban/graph.h"
#include "duban/db.h"
#include "duban/calendar.h"
#include "duban/status.h"
#include "duban/import.h"
#include "duban/report.h"
#include "duban/assess.h"
#include "duban/export.h"

#endif /* DUBAN_H */
