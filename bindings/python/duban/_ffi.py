"""The C API as ctypes sees it: value types, handle types, and ONE table of functions.

This module is declarative. :data:`FUNCTIONS` lists every C function the
binding calls with its argument types, result type and error check, in the
order of the C headers (``capi/include/duban/*.h``). :func:`bind` applies the
table to a loaded library once, at import, so a missing symbol fails the
import rather than the first call (clang's cindex ``register_function``).

Adding a C module means adding its structs and a block of rows here, and one
Python module that uses them. ``tests/test_ffi.py`` compares this table with
``capi/abi/symbols.txt``: every exported symbol is bound, or listed in
:data:`INTENTIONALLY_UNBOUND` with the reason.
"""

from __future__ import annotations

import ctypes
import types
from ctypes import (
    POINTER,
    Structure,
    c_char,
    c_char_p,
    c_double,
    c_int,
    c_int32,
    c_int64,
    c_size_t,
    c_uint32,
    c_void_p,
)
from typing import Any, Callable, NamedTuple, Optional, Sequence

from ._errors import last_error

# --- value types (duban/common.h) ------------------------------------------

NTS = ctypes.c_size_t(-1).value  # DUBAN_NTS: "NUL-terminated; measure it"
OK = 0  # DUBAN_OK
DONE = 1  # DUBAN_DONE: a cursor is exhausted


class duban_date(Structure):
    """duban_date; {0, 0, 0} means "no date". Layout frozen forever."""

    _fields_ = [("year", c_int32), ("month", c_int32), ("day", c_int32)]


class duban_buf(Structure):
    """duban_buf: library-owned text, released with duban_buf_dispose."""

    _fields_ = [("ptr", c_void_p), ("size", c_size_t), ("reserved", c_size_t)]


class duban_strarray(Structure):
    """duban_strarray, released with duban_strarray_dispose."""

    _fields_ = [("strings", POINTER(c_char_p)), ("count", c_size_t)]


class duban_idarray(Structure):
    """duban_idarray, released with duban_idarray_dispose."""

    _fields_ = [("ids", POINTER(c_int64)), ("count", c_size_t)]


# --- opaque handles ----------------------------------------------------------
# Distinct incomplete types, so ctypes refuses a plan where a graph belongs.


class duban_db(Structure):
    """duban_db"""


class duban_plan(Structure):
    """duban_plan"""


class duban_plan_cursor(Structure):
    """duban_plan_cursor"""


class duban_directory(Structure):
    """duban_directory"""


class duban_graph(Structure):
    """duban_graph"""


class duban_task_cursor(Structure):
    """duban_task_cursor"""


class duban_unit_cursor(Structure):
    """duban_unit_cursor"""


class duban_calendar(Structure):
    """duban_calendar"""


class duban_status(Structure):
    """duban_status"""


class duban_report(Structure):
    """duban_report"""


class duban_event_cursor(Structure):
    """duban_event_cursor"""


class duban_state_cursor(Structure):
    """duban_state_cursor"""


class duban_chain_check(Structure):
    """duban_chain_check"""


class duban_status_cursor(Structure):
    """duban_status_cursor"""


class duban_scheme(Structure):
    """duban_scheme"""


class duban_assess_input(Structure):
    """duban_assess_input"""


class duban_assessor(Structure):
    """duban_assessor"""


class duban_assessment(Structure):
    """duban_assessment"""


class duban_assess_run_cursor(Structure):
    """duban_assess_run_cursor"""


class duban_snapshot(Structure):
    """duban_snapshot"""


def _out(handle: type) -> Any:
    return POINTER(POINTER(handle))


# --- options structs (initialised only through the C _options_init functions) --

OPEN_OPTIONS_VERSION = 2
OPEN_FLAG_READ_ONLY = 0x1
OPEN_FLAG_NO_CREATE = 0x2
OPEN_FLAG_CHECK_INTEGRITY = 0x4


class duban_open_options(Structure):
    """duban_open_options, version 2 (version 1 ends after busy_timeout_ms)."""

    _fields_ = [
        ("version", c_uint32),
        ("flags", c_uint32),
        ("busy_timeout_ms", c_int32),
        ("hash", c_int32),
        ("busy_retries", c_int32),
        ("max_size", c_int64),
    ]


TASK_QUERY_OPTIONS_VERSION = 1


class duban_task_query_options(Structure):
    """duban_task_query_options, version 1."""

    _fields_ = [("version", c_uint32), ("role", c_int32), ("through_groups", c_int32)]


UNIT_QUERY_OPTIONS_VERSION = 1


class duban_unit_query_options(Structure):
    """duban_unit_query_options, version 1."""

    _fields_ = [("version", c_uint32), ("role", c_int32), ("groups", c_int32)]


IF_EXISTS_FAIL = 0
IF_EXISTS_REPLACE = 1

CALENDAR_OPTIONS_VERSION = 1


class duban_calendar_options(Structure):
    """duban_calendar_options, version 1."""

    _fields_ = [("version", c_uint32), ("weekends_only_fallback", c_int32)]


class duban_day_info(Structure):
    """duban_day_info; `name` and `source` are borrowed from the calendar."""

    _fields_ = [
        ("kind", c_int32),
        ("working", c_int32),
        ("known", c_int32),
        ("name", c_char_p),
        ("source", c_char_p),
    ]


STATUS_OPTIONS_VERSION = 1


class duban_status_options(Structure):
    """duban_status_options, version 1."""

    _fields_ = [
        ("version", c_uint32),
        ("due_soon_workdays", c_int32),
        ("lag_yellow", c_double),
        ("lag_red", c_double),
        ("four_colour", c_int32),
        ("approaching_workdays", c_int32),
        ("due_basis", c_int32),
        ("done_late_light", c_int32),
        ("workday_curve", c_int32),
        ("shift", c_int32),
    ]


STATUS_QUERY_VERSION = 1


class duban_status_query(Structure):
    """duban_status_query, version 1."""

    _fields_ = [
        ("version", c_uint32),
        ("unit_id", c_int64),
        ("role", c_int32),
        ("through_groups", c_int32),
        ("light", c_int32),
    ]


IMPORT_OPTIONS_VERSION = 1


class duban_import_options(Structure):
    """duban_import_options, version 1."""

    _fields_ = [("version", c_uint32), ("year", c_int32), ("first_is_lead", c_int32), ("format", c_int32)]


ITEM_TASK = 1  # DUBAN_ITEM_TASK
ITEM_INSTANCE = 2  # DUBAN_ITEM_INSTANCE

ASSESS_OPTIONS_VERSION = 1


class duban_assess_options(Structure):
    """duban_assess_options, version 1."""

    _fields_ = [("version", c_uint32), ("digest", c_int32)]


RESULT_JSON_OPTIONS_VERSION = 1


class duban_result_json_options(Structure):
    """duban_result_json_options, version 1."""

    _fields_ = [("version", c_uint32), ("indent", c_int32), ("explanations", c_int32)]


# duban_input_part_t
INPUT_TASKS = 1
INPUT_REPORTS = 2
INPUT_INDICATORS = 3
INPUT_BASELINES = 4
INPUT_EVENTS = 5
INPUT_VALUES = 6
INPUT_AREAS = 7

STEP_VERSION = 1


class duban_step(Structure):
    """duban_step, version 1: one step of the closure or extension workflow."""

    _fields_ = [
        ("version", c_uint32),
        ("date", duban_date),
        ("unit_id", c_int64),
        ("user", c_char_p),
        ("reason", c_char_p),
        ("evidence", POINTER(c_char_p)),
        ("evidence_count", c_size_t),
    ]


HISTORY_OPTIONS_VERSION = 1


class duban_history_options(Structure):
    """duban_history_options, version 1."""

    _fields_ = [("version", c_uint32), ("as_of", duban_date), ("instance", c_char_p)]

SNAPSHOT_OPTIONS_VERSION = 1


class duban_snapshot_options(Structure):
    """duban_snapshot_options, version 1; the handles are read during the call only."""

    _fields_ = [
        ("version", c_uint32),
        ("ledger_inputs", c_int32),
        ("scheme", POINTER(duban_scheme)),
        ("inputs", POINTER(duban_assess_input)),
        ("calendar", POINTER(duban_calendar)),
        ("status", POINTER(duban_status_options)),
    ]


SNAPSHOT_RENDER_OPTIONS_VERSION = 1


class duban_snapshot_render_options(Structure):
    """duban_snapshot_render_options, version 1."""

    _fields_ = [("version", c_uint32), ("month", c_int32), ("indent", c_int32)]


# duban_export_format_t
EXPORT_TASKS_CSV = 1
EXPORT_MATRIX_CSV = 2
EXPORT_SCORES_CSV = 3
EXPORT_JSON = 4
EXPORT_DOT = 5
EXPORT_MONTHLY_HTML = 6

# --- error checks --------------------------------------------------------------
# ctypes calls errcheck(result, func, args) after every call and returns what
# it returns. They must read the error state before any other duban_ call.


def _status(rc: int, func: Any, args: Any) -> int:
    """Functions returning a status or a non-negative value: < 0 raises."""
    if rc < 0:
        raise last_error(rc)
    return rc


def _nonnull(ptr: Optional[int], func: Any, args: Any) -> int:
    """Functions returning a pointer: NULL means failure."""
    if not ptr:
        raise last_error(-1)
    return ptr


def _nonzero(value: int, func: Any, args: Any) -> int:
    """Functions returning an id that is 0 only on failure."""
    if value == 0:
        raise last_error(-1)
    return value


STATUS: Callable[..., Any] = _status
NONNULL: Callable[..., Any] = _nonnull
NONZERO: Callable[..., Any] = _nonzero


class Function(NamedTuple):
    name: str
    argtypes: Sequence[Any]
    restype: Any
    errcheck: Optional[Callable[..., Any]] = None


P = POINTER
size_p = P(c_size_t)
text_p = c_void_p  # borrowed const char *: read with its length, never as c_char_p

# fmt: off
FUNCTIONS: tuple[Function, ...] = (
    # common.h
    Function("duban_buf_dispose", [P(duban_buf)], None),
    Function("duban_strarray_dispose", [P(duban_strarray)], None),
    Function("duban_idarray_dispose", [P(duban_idarray)], None),

    # version.h
    Function("duban_version_number", [], c_int),
    Function("duban_version_string", [], c_char_p),
    Function("duban_version", [P(c_int), P(c_int), P(c_int)], None),

    # error.h — never checked: they are what the checks read.
    Function("duban_error_code", [], c_int),
    Function("duban_error_class", [], c_int),
    Function("duban_error_subcode", [], c_int),
    Function("duban_error_message", [], c_char_p),
    Function("duban_error_clear", [], None),
    Function("duban_strerror", [c_int], c_char_p),

    # db.h
    Function("duban_open_options_init", [P(duban_open_options), c_uint32], c_int, STATUS),
    Function("duban_db_open", [_out(duban_db), c_char_p, P(duban_open_options)], c_int, STATUS),
    Function("duban_db_free", [P(duban_db)], None),
    Function("duban_db_import_plan", [P(c_int64), P(duban_db), P(duban_plan), c_int], c_int, STATUS),
    Function("duban_db_import_plan_json", [P(c_int64), P(duban_db), c_char_p, c_size_t, c_int], c_int, STATUS),
    Function("duban_db_save_directory", [P(duban_db), P(duban_directory)], c_int, STATUS),
    Function("duban_db_latest_plan", [P(c_int64), P(duban_db)], c_int, STATUS),

    # plan.h
    Function("duban_plan_parse", [_out(duban_plan), c_char_p, c_size_t, c_char_p], c_int, STATUS),
    Function("duban_plan_free", [P(duban_plan)], None),
    Function("duban_plan_id", [P(duban_plan)], c_int64),
    Function("duban_plan_title", [P(duban_plan), size_p], text_p, NONNULL),
    Function("duban_plan_doc_number", [P(duban_plan), size_p], text_p, NONNULL),
    Function("duban_plan_issuer", [P(duban_plan), size_p], text_p, NONNULL),
    Function("duban_plan_year", [P(duban_plan)], c_int),
    Function("duban_plan_issued", [P(duban_date), P(duban_plan)], c_int, STATUS),
    Function("duban_plan_task_count", [P(duban_plan)], c_size_t),
    Function("duban_plan_validate", [P(duban_buf), size_p, P(duban_plan), c_int], c_int, STATUS),
    Function("duban_plan_directory", [_out(duban_directory), P(duban_plan)], c_int, STATUS),
    Function("duban_plan_to_json", [P(duban_buf), P(duban_plan)], c_int, STATUS),
    Function("duban_plan_load", [_out(duban_plan), P(duban_db), c_int64], c_int, STATUS),
    Function("duban_plan_cursor_new", [_out(duban_plan_cursor), P(duban_db)], c_int, STATUS),
    Function("duban_plan_cursor_next", [P(duban_plan_cursor)], c_int, STATUS),
    Function("duban_plan_cursor_count", [P(duban_plan_cursor)], c_size_t),
    Function("duban_plan_cursor_id", [P(duban_plan_cursor)], c_int64, NONZERO),
    Function("duban_plan_cursor_title", [P(duban_plan_cursor), size_p], text_p, NONNULL),
    Function("duban_plan_cursor_doc_number", [P(duban_plan_cursor), size_p], text_p, NONNULL),
    Function("duban_plan_cursor_year", [P(duban_plan_cursor)], c_int),
    Function("duban_plan_cursor_task_count", [P(duban_plan_cursor)], c_size_t),
    Function("duban_plan_cursor_created", [P(duban_plan_cursor), size_p], text_p, NONNULL),
    Function("duban_plan_cursor_free", [P(duban_plan_cursor)], None),

    # directory.h
    Function("duban_directory_parse", [_out(duban_directory), c_char_p, c_size_t], c_int, STATUS),
    Function("duban_directory_free", [P(duban_directory)], None),
    Function("duban_directory_count", [P(duban_directory)], c_size_t),
    Function("duban_directory_id_at", [P(duban_directory), c_size_t], c_int64, NONZERO),
    Function("duban_directory_lookup", [P(c_int64), P(duban_directory), c_char_p, c_size_t], c_int, STATUS),
    Function("duban_directory_unit_name", [P(duban_directory), c_int64, size_p], text_p, NONNULL),
    Function("duban_directory_unit_kind", [P(duban_directory), c_int64], c_int, STATUS),
    Function("duban_directory_unit_aliases", [P(duban_strarray), P(duban_directory), c_int64], c_int, STATUS),
    Function("duban_directory_expand", [P(duban_idarray), P(duban_directory), c_int64], c_int, STATUS),
    Function("duban_directory_groups_of", [P(duban_idarray), P(duban_directory), c_int64], c_int, STATUS),
    Function("duban_directory_to_json", [P(duban_buf), P(duban_directory)], c_int, STATUS),
    Function("duban_directory_load", [_out(duban_directory), P(duban_db)], c_int, STATUS),

    # graph.h
    Function("duban_task_query_options_init", [P(duban_task_query_options), c_uint32], c_int, STATUS),
    Function("duban_unit_query_options_init", [P(duban_unit_query_options), c_uint32], c_int, STATUS),
    Function("duban_graph_new", [_out(duban_graph), P(duban_plan), P(duban_directory)], c_int, STATUS),
    Function("duban_graph_free", [P(duban_graph)], None),
    Function("duban_graph_task_count", [P(duban_graph)], c_size_t),
    Function("duban_graph_directory", [_out(duban_directory), P(duban_graph)], c_int, STATUS),
    Function("duban_graph_lint", [P(duban_buf), size_p, P(duban_graph), c_int], c_int, STATUS),
    Function("duban_graph_matrix", [P(duban_buf), P(duban_graph), c_int], c_int, STATUS),
    Function("duban_graph_to_dot", [P(duban_buf), P(duban_graph)], c_int, STATUS),
    Function("duban_task_cursor_new", [_out(duban_task_cursor), P(duban_graph), c_int64, P(duban_task_query_options)], c_int, STATUS),
    Function("duban_task_cursor_next", [P(duban_task_cursor)], c_int, STATUS),
    Function("duban_task_cursor_count", [P(duban_task_cursor)], c_size_t),
    Function("duban_task_cursor_id", [P(duban_task_cursor)], c_int64, NONZERO),
    Function("duban_task_cursor_key", [P(duban_task_cursor), size_p], text_p, NONNULL),
    Function("duban_task_cursor_number", [P(duban_task_cursor), size_p], text_p, NONNULL),
    Function("duban_task_cursor_title", [P(duban_task_cursor), size_p], text_p, NONNULL),
    Function("duban_task_cursor_role", [P(duban_task_cursor)], c_int, STATUS),
    Function("duban_task_cursor_via_group", [P(duban_task_cursor)], c_int64),
    Function("duban_task_cursor_due", [P(duban_date), P(duban_task_cursor)], c_int, STATUS),
    Function("duban_task_cursor_free", [P(duban_task_cursor)], None),
    Function("duban_unit_cursor_new", [_out(duban_unit_cursor), P(duban_graph), c_int64, P(duban_unit_query_options)], c_int, STATUS),
    Function("duban_unit_cursor_next", [P(duban_unit_cursor)], c_int, STATUS),
    Function("duban_unit_cursor_count", [P(duban_unit_cursor)], c_size_t),
    Function("duban_unit_cursor_id", [P(duban_unit_cursor)], c_int64, NONZERO),
    Function("duban_unit_cursor_name", [P(duban_unit_cursor), size_p], text_p, NONNULL),
    Function("duban_unit_cursor_role", [P(duban_unit_cursor)], c_int, STATUS),
    Function("duban_unit_cursor_position", [P(duban_unit_cursor)], c_int, NONZERO),
    Function("duban_unit_cursor_via_group", [P(duban_unit_cursor)], c_int64),
    Function("duban_unit_cursor_collective", [P(duban_unit_cursor)], c_int, STATUS),
    Function("duban_unit_cursor_free", [P(duban_unit_cursor)], None),

    # calendar.h
    Function("duban_calendar_options_init", [P(duban_calendar_options), c_uint32], c_int, STATUS),
    Function("duban_calendar_builtin", [_out(duban_calendar)], c_int, STATUS),
    Function("duban_calendar_load", [_out(duban_calendar), P(duban_calendar), c_char_p, c_size_t, c_char_p, P(duban_calendar_options)], c_int, STATUS),
    Function("duban_calendar_free", [P(duban_calendar)], None),
    Function("duban_calendar_has_year", [P(duban_calendar), c_int], c_int),
    Function("duban_calendar_to_json", [P(duban_buf), P(duban_calendar)], c_int, STATUS),
    Function("duban_calendar_is_workday", [P(c_int), P(duban_calendar), duban_date], c_int, STATUS),
    Function("duban_calendar_describe", [P(duban_day_info), P(duban_calendar), duban_date], c_int, STATUS),
    Function("duban_calendar_next_workday", [P(duban_date), P(duban_calendar), duban_date], c_int, STATUS),
    Function("duban_calendar_previous_workday", [P(duban_date), P(duban_calendar), duban_date], c_int, STATUS),
    Function("duban_calendar_add_workdays", [P(duban_date), P(duban_calendar), duban_date, c_int], c_int, STATUS),
    Function("duban_calendar_workdays_between", [P(c_int), P(duban_calendar), duban_date, duban_date], c_int, STATUS),
    Function("duban_calendar_workdays_in_month", [P(c_int), P(duban_calendar), c_int, c_int], c_int, STATUS),
    Function("duban_calendar_workdays_in_year", [P(c_int), P(duban_calendar), c_int], c_int, STATUS),
    Function("duban_calendar_nth_workday", [P(duban_date), P(duban_calendar), c_int, c_int, c_int], c_int, STATUS),
    Function("duban_calendar_last_workday", [P(duban_date), P(duban_calendar), c_int, c_int], c_int, STATUS),
    Function("duban_calendar_roll", [P(duban_date), P(duban_calendar), duban_date, c_int], c_int, STATUS),
    Function("duban_db_load_calendar", [P(duban_buf), P(duban_db), c_char_p, c_size_t, c_char_p], c_int, STATUS),
    Function("duban_db_calendar", [_out(duban_calendar), P(duban_db)], c_int, STATUS),

    # status.h
    Function("duban_status_options_init", [P(duban_status_options), c_uint32], c_int, STATUS),
    Function("duban_status_evaluate", [_out(duban_status), P(duban_plan), P(duban_calendar), duban_date, c_char_p, c_size_t, P(duban_status_options)], c_int, STATUS),
    Function("duban_status_free", [P(duban_status)], None),
    Function("duban_status_count", [P(duban_status)], c_size_t),
    Function("duban_status_light_count", [P(duban_status), c_int], c_size_t),
    Function("duban_status_to_json", [P(duban_buf), P(duban_status)], c_int, STATUS),
    Function("duban_status_item_task", [P(duban_status), c_size_t], c_int64, NONZERO),
    Function("duban_status_item_id", [P(duban_status), c_size_t, size_p], text_p, NONNULL),
    Function("duban_status_item_title", [P(duban_status), c_size_t, size_p], text_p, NONNULL),
    Function("duban_status_item_kind", [P(duban_status), c_size_t], c_int, STATUS),
    Function("duban_status_item_status", [P(duban_status), c_size_t], c_int, STATUS),
    Function("duban_status_item_light", [P(duban_status), c_size_t], c_int, STATUS),
    Function("duban_status_item_due", [P(duban_date), P(duban_status), c_size_t], c_int, STATUS),
    Function("duban_status_item_original_due", [P(duban_date), P(duban_status), c_size_t], c_int, STATUS),
    Function("duban_status_item_percent", [P(c_double), P(c_double), P(duban_status), c_size_t], c_int, STATUS),
    Function("duban_status_item_reasons", [P(duban_buf), size_p, P(duban_status), c_size_t], c_int, STATUS),
    Function("duban_db_status", [_out(duban_status), P(duban_db), P(duban_plan), P(duban_calendar), duban_date, P(duban_status_options)], c_int, STATUS),
    Function("duban_status_item_category", [P(c_int32), P(duban_status), c_size_t], c_int, STATUS),
    Function("duban_status_query_init", [P(duban_status_query), c_uint32], c_int, STATUS),
    Function("duban_status_cursor_new", [_out(duban_status_cursor), P(duban_status), P(duban_graph), P(duban_status_query)], c_int, STATUS),
    Function("duban_status_cursor_next", [P(duban_status_cursor)], c_int, STATUS),
    Function("duban_status_cursor_count", [P(duban_status_cursor)], c_size_t),
    Function("duban_status_cursor_item", [P(c_size_t), P(duban_status_cursor)], c_int, STATUS),
    Function("duban_status_cursor_role", [P(duban_status_cursor)], c_int, STATUS),
    Function("duban_status_cursor_via_group", [P(duban_status_cursor)], c_int64),
    Function("duban_status_cursor_free", [P(duban_status_cursor)], None),
    Function("duban_status_code_name", [c_int], c_char_p, NONNULL),
    Function("duban_light_name", [c_int], c_char_p, NONNULL),

    # import.h — bytes as c_char_p: ctypes passes a bytes object's buffer whole, NULs included.
    Function("duban_import_options_init", [P(duban_import_options), c_uint32], c_int, STATUS),
    Function("duban_import", [_out(duban_plan), P(duban_buf), c_char_p, c_size_t, c_char_p, P(duban_directory), P(duban_import_options)], c_int, STATUS),
    Function("duban_import_json", [P(duban_buf), c_char_p, c_size_t, c_char_p, P(duban_directory), P(duban_import_options)], c_int, STATUS),

    # assess.h — schemes
    Function("duban_assess_options_init", [P(duban_assess_options), c_uint32], c_int, STATUS),
    Function("duban_result_json_options_init", [P(duban_result_json_options), c_uint32], c_int, STATUS),
    Function("duban_scheme_parse_toml", [_out(duban_scheme), c_char_p, c_size_t, c_char_p], c_int, STATUS),
    Function("duban_scheme_parse_json", [_out(duban_scheme), c_char_p, c_size_t, c_char_p], c_int, STATUS),
    Function("duban_scheme_load", [_out(duban_scheme), c_char_p], c_int, STATUS),
    Function("duban_scheme_free", [P(duban_scheme)], None),
    Function("duban_scheme_name", [P(duban_scheme), size_p], text_p, NONNULL),
    Function("duban_scheme_version", [P(duban_scheme), size_p], text_p, NONNULL),
    Function("duban_scheme_origin", [P(duban_scheme), size_p], text_p, NONNULL),
    Function("duban_scheme_points", [P(c_double), P(c_double), P(duban_scheme)], c_int, STATUS),
    Function("duban_scheme_counts", [size_p, size_p, P(duban_scheme)], c_int, STATUS),
    Function("duban_scheme_to_json", [P(duban_buf), P(duban_scheme)], c_int, STATUS),

    # assess.h — inputs
    Function("duban_assess_input_parse", [_out(duban_assess_input), P(duban_plan), P(duban_calendar), c_char_p, c_size_t, c_char_p], c_int, STATUS),
    Function("duban_assess_input_load", [_out(duban_assess_input), P(duban_plan), P(duban_calendar), c_char_p], c_int, STATUS),
    Function("duban_assess_input_from_db", [_out(duban_assess_input), P(duban_db), P(duban_plan), P(duban_calendar), duban_date], c_int, STATUS),
    Function("duban_assess_input_merge", [_out(duban_assess_input), P(duban_assess_input), P(duban_assess_input)], c_int, STATUS),
    Function("duban_assess_input_count", [P(duban_assess_input), c_int], c_size_t),
    Function("duban_assess_input_free", [P(duban_assess_input)], None),

    # assess.h — assessors and results
    Function("duban_assessor_new", [_out(duban_assessor), P(duban_plan), P(duban_directory), P(duban_calendar), P(duban_scheme)], c_int, STATUS),
    Function("duban_assessor_free", [P(duban_assessor)], None),
    Function("duban_assessor_units", [P(duban_idarray), P(duban_assessor)], c_int, STATUS),
    Function("duban_assessor_run", [_out(duban_assessment), P(duban_assessor), P(duban_assess_input), duban_date, P(duban_assess_options)], c_int, STATUS),
    Function("duban_assessment_free", [P(duban_assessment)], None),
    Function("duban_assessment_as_of", [P(duban_date), P(duban_assessment)], c_int, STATUS),
    Function("duban_assessment_scheme_name", [P(duban_assessment), size_p], text_p, NONNULL),
    Function("duban_assessment_scheme_version", [P(duban_assessment), size_p], text_p, NONNULL),
    Function("duban_assessment_digest", [P(duban_assessment), size_p], text_p, NONNULL),
    Function("duban_assessment_points", [P(c_double), P(c_double), P(duban_assessment)], c_int, STATUS),
    Function("duban_assessment_unit_count", [P(duban_assessment)], c_size_t),
    Function("duban_assessment_units", [P(duban_idarray), P(duban_assessment)], c_int, STATUS),
    Function("duban_assessment_ranking", [P(duban_idarray), P(duban_assessment)], c_int, STATUS),
    Function("duban_assessment_unit_name", [P(duban_assessment), c_int64, size_p], text_p, NONNULL),
    Function("duban_assessment_unit_scores", [P(c_double), P(c_double), P(c_double), P(c_double), P(duban_assessment), c_int64], c_int, STATUS),
    Function("duban_assessment_unit_grade", [P(duban_assessment), c_int64, size_p], text_p, NONNULL),
    Function("duban_assessment_unit_rank", [P(duban_assessment), c_int64], c_int, STATUS),
    Function("duban_assessment_unit_vetoes", [P(duban_buf), size_p, P(duban_assessment), c_int64], c_int, STATUS),
    Function("duban_assessment_task_count", [P(duban_assessment)], c_size_t),
    Function("duban_assessment_task_score", [P(c_int64), P(c_double), P(c_double), P(duban_assessment), c_size_t], c_int, STATUS),
    Function("duban_assessment_category_count", [P(duban_assessment)], c_size_t),
    Function("duban_assessment_category_score", [P(c_double), P(c_double), P(duban_assessment), c_size_t], c_int, STATUS),
    Function("duban_assessment_category_title", [P(duban_assessment), c_size_t, size_p], text_p, NONNULL),
    Function("duban_assessment_to_json", [P(duban_buf), P(duban_assessment), P(duban_result_json_options)], c_int, STATUS),
    Function("duban_assessment_explanation", [P(duban_buf), P(duban_assessment), c_int64], c_int, STATUS),
    Function("duban_assessment_explain", [P(duban_buf), P(duban_assessment), c_int64], c_int, STATUS),

    # assess.h — stored runs and comparisons
    Function("duban_assessment_store", [P(c_int64), P(duban_db), P(duban_assessment), c_int64], c_int, STATUS),
    Function("duban_assess_run_cursor_new", [_out(duban_assess_run_cursor), P(duban_db)], c_int, STATUS),
    Function("duban_assess_run_cursor_next", [P(duban_assess_run_cursor)], c_int, STATUS),
    Function("duban_assess_run_cursor_count", [P(duban_assess_run_cursor)], c_size_t),
    Function("duban_assess_run_cursor_id", [P(duban_assess_run_cursor)], c_int64, NONZERO),
    Function("duban_assess_run_cursor_created", [P(duban_assess_run_cursor), size_p], text_p, NONNULL),
    Function("duban_assess_run_cursor_scheme_name", [P(duban_assess_run_cursor), size_p], text_p, NONNULL),
    Function("duban_assess_run_cursor_scheme_version", [P(duban_assess_run_cursor), size_p], text_p, NONNULL),
    Function("duban_assess_run_cursor_as_of", [P(duban_date), P(duban_assess_run_cursor)], c_int, STATUS),
    Function("duban_assess_run_cursor_digest", [P(duban_assess_run_cursor), size_p], text_p, NONNULL),
    Function("duban_assess_run_cursor_free", [P(duban_assess_run_cursor)], None),
    Function("duban_assess_run_load", [P(duban_buf), P(duban_db), c_int64], c_int, STATUS),
    Function("duban_assess_diff", [P(duban_buf), size_p, c_char_p, c_size_t, c_char_p, c_size_t], c_int, STATUS),

    # report.h — reports
    Function("duban_report_new", [_out(duban_report)], c_int, STATUS),
    Function("duban_report_free", [P(duban_report)], None),
    Function("duban_report_set_item", [P(duban_report), c_int64, c_int64, c_char_p], c_int, STATUS),
    Function("duban_report_set_actor", [P(duban_report), c_int64, c_char_p], c_int, STATUS),
    Function("duban_report_set_date", [P(duban_report), duban_date], c_int, STATUS),
    Function("duban_report_set_status", [P(duban_report), c_int], c_int, STATUS),
    Function("duban_report_set_percent", [P(duban_report), c_double], c_int, STATUS),
    Function("duban_report_set_narrative", [P(duban_report), c_char_p, c_size_t], c_int, STATUS),
    Function("duban_report_add_indicator", [P(duban_report), c_char_p, c_double, c_char_p], c_int, STATUS),
    Function("duban_report_add_evidence", [P(duban_report), c_char_p], c_int, STATUS),
    Function("duban_report_set_supersedes", [P(duban_report), c_int64], c_int, STATUS),
    Function("duban_db_add_report", [P(c_int64), P(duban_db), P(duban_report)], c_int, STATUS),
    Function("duban_db_add_reports", [P(duban_idarray), P(duban_db), P(P(duban_report)), c_size_t], c_int, STATUS),
    Function("duban_db_import_reports_csv", [P(duban_idarray), P(duban_db), c_int64, c_char_p, c_size_t, c_char_p], c_int, STATUS),

    # report.h — the workflow
    Function("duban_step_init", [P(duban_step), c_uint32], c_int, STATUS),
    Function("duban_db_submit_closure", [P(c_int64), P(duban_db), c_int64, c_int64, c_char_p, P(duban_step)], c_int, STATUS),
    Function("duban_db_approve_closure", [P(c_int64), P(duban_db), c_int64, P(duban_step)], c_int, STATUS),
    Function("duban_db_return_closure", [P(c_int64), P(duban_db), c_int64, P(duban_step)], c_int, STATUS),
    Function("duban_db_request_extension", [P(c_int64), P(duban_db), c_int64, c_int64, c_char_p, duban_date, P(duban_step)], c_int, STATUS),
    Function("duban_db_approve_extension", [P(c_int64), P(duban_db), c_int64, P(duban_step)], c_int, STATUS),
    Function("duban_db_refuse_extension", [P(c_int64), P(duban_db), c_int64, P(duban_step)], c_int, STATUS),
    Function("duban_db_set_coordinator", [P(c_int64), P(duban_db), c_int64, c_int64, c_char_p], c_int, STATUS),
    Function("duban_db_coordinator", [P(c_int64), P(duban_db)], c_int, STATUS),

    # report.h — history
    Function("duban_history_options_init", [P(duban_history_options), c_uint32], c_int, STATUS),
    Function("duban_event_cursor_new", [_out(duban_event_cursor), P(duban_db), c_int64, c_int64, P(duban_history_options)], c_int, STATUS),
    Function("duban_event_cursor_one", [_out(duban_event_cursor), P(duban_db), c_int64], c_int, STATUS),
    Function("duban_event_cursor_next", [P(duban_event_cursor)], c_int, STATUS),
    Function("duban_event_cursor_count", [P(duban_event_cursor)], c_size_t),
    Function("duban_event_cursor_id", [P(duban_event_cursor)], c_int64, NONZERO),
    Function("duban_event_cursor_kind", [P(duban_event_cursor)], c_int, STATUS),
    Function("duban_event_cursor_plan", [P(duban_event_cursor)], c_int64),
    Function("duban_event_cursor_task", [P(duban_event_cursor)], c_int64),
    Function("duban_event_cursor_task_key", [P(duban_event_cursor), size_p], text_p, NONNULL),
    Function("duban_event_cursor_instance", [P(duban_event_cursor), size_p], text_p, NONNULL),
    Function("duban_event_cursor_unit", [P(duban_event_cursor)], c_int64),
    Function("duban_event_cursor_user", [P(duban_event_cursor), size_p], text_p, NONNULL),
    Function("duban_event_cursor_date", [P(duban_date), P(duban_event_cursor)], c_int, STATUS),
    Function("duban_event_cursor_recorded", [P(duban_event_cursor), size_p], text_p, NONNULL),
    Function("duban_event_cursor_text", [P(duban_event_cursor), size_p], text_p, NONNULL),
    Function("duban_event_cursor_status", [P(duban_event_cursor)], c_int, STATUS),
    Function("duban_event_cursor_percent", [P(c_double), P(duban_event_cursor)], c_int, STATUS),
    Function("duban_event_cursor_indicator_count", [P(duban_event_cursor)], c_size_t),
    Function("duban_event_cursor_indicator", [P(P(c_char)), size_p, P(c_double), P(P(c_char)), size_p, P(duban_event_cursor), c_size_t], c_int, STATUS),
    Function("duban_event_cursor_evidence_count", [P(duban_event_cursor)], c_size_t),
    Function("duban_event_cursor_evidence", [P(duban_event_cursor), c_size_t, size_p], text_p, NONNULL),
    Function("duban_event_cursor_ref", [P(duban_event_cursor)], c_int64),
    Function("duban_event_cursor_superseded_by", [P(duban_event_cursor)], c_int64),
    Function("duban_event_cursor_until", [P(duban_date), P(duban_event_cursor)], c_int, STATUS),
    Function("duban_event_cursor_due", [P(duban_date), P(duban_event_cursor)], c_int, STATUS),
    Function("duban_event_cursor_target", [P(duban_event_cursor)], c_int64),
    Function("duban_event_cursor_free", [P(duban_event_cursor)], None),

    # report.h — states as of a date
    Function("duban_state_cursor_new", [_out(duban_state_cursor), P(duban_db), c_int64, duban_date], c_int, STATUS),
    Function("duban_state_cursor_next", [P(duban_state_cursor)], c_int, STATUS),
    Function("duban_state_cursor_count", [P(duban_state_cursor)], c_size_t),
    Function("duban_state_cursor_task", [P(duban_state_cursor)], c_int64, NONZERO),
    Function("duban_state_cursor_task_key", [P(duban_state_cursor), size_p], text_p, NONNULL),
    Function("duban_state_cursor_instance", [P(duban_state_cursor), size_p], text_p, NONNULL),
    Function("duban_state_cursor_closure", [P(duban_state_cursor)], c_int, STATUS),
    Function("duban_state_cursor_submission", [P(duban_state_cursor)], c_int64),
    Function("duban_state_cursor_submitted_by", [P(duban_state_cursor)], c_int64),
    Function("duban_state_cursor_date", [P(duban_date), P(duban_state_cursor), c_int], c_int, STATUS),
    Function("duban_state_cursor_return_reason", [P(duban_state_cursor), size_p], text_p, NONNULL),
    Function("duban_state_cursor_latest_report", [P(c_int64), P(c_int64), P(duban_date), P(c_int), P(c_double), P(duban_state_cursor)], c_int, STATUS),
    Function("duban_state_cursor_extension_count", [P(duban_state_cursor)], c_size_t),
    Function("duban_state_cursor_extension", [P(c_int64), P(duban_date), P(c_int), P(duban_state_cursor), c_size_t], c_int, STATUS),
    Function("duban_state_cursor_free", [P(duban_state_cursor)], None),

    # report.h — the audit chain, and names
    Function("duban_db_verify", [_out(duban_chain_check), P(duban_db)], c_int, STATUS),
    Function("duban_chain_check_free", [P(duban_chain_check)], None),
    Function("duban_chain_check_finding", [P(duban_chain_check)], c_int, STATUS),
    Function("duban_chain_check_event", [P(duban_chain_check)], c_int64),
    Function("duban_chain_check_events", [P(duban_chain_check)], c_int64),
    Function("duban_chain_check_algorithm", [P(duban_chain_check)], c_int, STATUS),
    Function("duban_chain_check_head", [P(duban_chain_check), size_p], text_p, NONNULL),
    Function("duban_chain_check_message", [P(duban_chain_check), size_p], text_p, NONNULL),
    Function("duban_report_status_name", [c_int], c_char_p, NONNULL),
    Function("duban_event_kind_name", [c_int], c_char_p, NONNULL),
    Function("duban_closure_state_name", [c_int], c_char_p, NONNULL),

    # export.h
    Function("duban_snapshot_options_init", [P(duban_snapshot_options), c_uint32], c_int, STATUS),
    Function("duban_snapshot_render_options_init", [P(duban_snapshot_render_options), c_uint32], c_int, STATUS),
    Function("duban_snapshot_take", [_out(duban_snapshot), P(duban_db), P(duban_plan), duban_date, P(duban_snapshot_options)], c_int, STATUS),
    Function("duban_snapshot_free", [P(duban_snapshot)], None),
    Function("duban_snapshot_as_of", [P(duban_date), P(duban_snapshot)], c_int, STATUS),
    Function("duban_snapshot_plan_id", [P(duban_snapshot)], c_int64, NONZERO),
    Function("duban_snapshot_task_count", [P(duban_snapshot)], c_size_t),
    Function("duban_snapshot_has_assessment", [P(duban_snapshot)], c_int, STATUS),
    Function("duban_snapshot_write_xlsx", [P(duban_snapshot), c_char_p], c_int, STATUS),
    Function("duban_snapshot_render", [P(duban_buf), P(duban_snapshot), c_int, P(duban_snapshot_render_options)], c_int, STATUS),
    Function("duban_snapshot_write", [P(duban_snapshot), c_char_p, c_int, P(duban_snapshot_render_options)], c_int, STATUS),
)
# fmt: on

# Exported symbols the binding deliberately does not call, each with the
# reason. Empty today: every symbol of libduban 0.1 is bound.
_RANKING_CURSOR = "Assessment.ranking reads the same rows through duban_assessment_ranking and the unit accessors"
INTENTIONALLY_UNBOUND: dict[str, str] = {
    name: _RANKING_CURSOR
    for name in (
        "duban_ranking_cursor_new",
        "duban_ranking_cursor_next",
        "duban_ranking_cursor_count",
        "duban_ranking_cursor_unit",
        "duban_ranking_cursor_name",
        "duban_ranking_cursor_rank",
        "duban_ranking_cursor_score",
        "duban_ranking_cursor_grade",
        "duban_ranking_cursor_free",
    )
}


def bind_one(cdll: ctypes.CDLL, fn: Function) -> Any:
    """Looks `fn` up in `cdll` and sets its types; AttributeError if missing."""
    f = getattr(cdll, fn.name)
    f.argtypes = list(fn.argtypes)
    f.restype = fn.restype
    if fn.errcheck is not None:
        f.errcheck = fn.errcheck
    return f


def bind(cdll: ctypes.CDLL, table: Sequence[Function] = FUNCTIONS) -> types.SimpleNamespace:
    """Applies `table` to `cdll`. Returns a namespace holding exactly the
    table's functions (so a misspelt name is an AttributeError, never an
    untyped call). Raises ImportError naming every missing symbol."""
    bound: dict[str, Any] = {}
    missing: list[str] = []
    for fn in table:
        try:
            bound[fn.name] = bind_one(cdll, fn)
        except AttributeError:
            missing.append(fn.name)
    if missing:
        raise ImportError(
            f"the duban library at {cdll._name!r} lacks {len(missing)} function(s) this binding needs: "
            + ", ".join(missing)
            + " (is it older than the binding?)"
        )
    return types.SimpleNamespace(**bound)


def by_name(name: str) -> Function:
    """The table row for `name` (KeyError when the binding does not bind it)."""
    for fn in FUNCTIONS:
        if fn.name == name:
            return fn
    raise KeyError(name)
