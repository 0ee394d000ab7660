"""The ledger (duban/db.h): :func:`open` and :class:`Ledger`."""

from __future__ import annotations

import datetime
import os
from ctypes import POINTER, byref, c_int64
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _ffi, _source
from ._errors import ErrorClass, OutOfRangeError, StorageError
from ._handle import Handle
from ._lib import lib
from ._text import to_nts
from .directory import Directory
from .plan import Plan, PlanCursor, PlanInfo

if TYPE_CHECKING:
    from .calendar import Calendar
    from .status import StatusReport

__all__ = ["Ledger", "open"]

_INT32_MAX = 2**31 - 1

Timeout = Union[int, float, datetime.timedelta]


def _timeout_ms(value: Timeout) -> int:
    seconds = value.total_seconds() if isinstance(value, datetime.timedelta) else float(value)
    ms = round(seconds * 1000)
    # The C field is int32_t: ctypes would wrap a larger value silently.
    # Negative values go through so the library rejects them itself.
    if ms > _INT32_MAX:
        raise OutOfRangeError(f"busy_timeout of {seconds} s is longer than duban supports", klass=ErrorClass.ARGUMENT)
    return max(ms, -_INT32_MAX - 1)


class Ledger(Handle):
    """An open ledger: one SQLite file holding the unit directory and any
    number of plans. Open one with :func:`duban.open`; use it as a context
    manager or call :meth:`close`.

    Every write is one transaction. Plans and directories read from a ledger
    are snapshots: they stay valid after it is closed. A ledger is used by one
    thread at a time; open one per thread to work in parallel (on the same
    file or not).
    """

    def __init__(self, ptr: object, path: str, read_only: bool) -> None:
        super().__init__(ptr, lib.duban_db_free)
        self._path = path
        self._read_only = read_only

    @property
    def path(self) -> str:
        """The file path as given to :func:`open`."""
        return self._path

    @property
    def read_only(self) -> bool:
        """True when opened with ``read_only=True``."""
        return self._read_only

    # -- plans -------------------------------------------------------------------

    def import_plan(self, source: Union[Plan, _source.JsonSource], *, replace: bool = False) -> int:
        """Stores a plan with its directory (merged into the ledger's) and
        returns the stored plan's id.

        Args:
            source: a :class:`Plan`, or a plan file as JSON text, bytes, a
                dict, or a path (messages then name the file).
            replace: when the ledger already holds the same plan (same year
                and document number), replace it, keeping its id. Otherwise
                that is :class:`AlreadyExistsError`.

        Raises:
            InvalidArgumentError: the plan does not pass validation (the
                message lists the errors).
            AlreadyExistsError: the plan is already stored and not `replace`.
            ParseError, EncodingError: for JSON input.
            MisuseError: the ledger was opened read-only.
            StorageError: the file could not be written (BusyError: locked).
        """
        rule = _ffi.IF_EXISTS_REPLACE if replace else _ffi.IF_EXISTS_FAIL
        out = c_int64()
        if isinstance(source, Plan):
            lib.duban_db_import_plan(byref(out), self._handle(), source._handle(), rule)
            return int(out.value)
        data, name = _source.read(source, "plan JSON")
        if name is not None:
            # Parsed here so that messages carry the file's name.
            with Plan.parse(data, name) as plan:
                lib.duban_db_import_plan(byref(out), self._handle(), plan._handle(), rule)
        else:
            lib.duban_db_import_plan_json(byref(out), self._handle(), data, len(data), rule)
        return int(out.value)

    def iter_plans(self) -> PlanCursor:
        """The stored plans in id order, as an iterator of :class:`PlanInfo`."""
        return PlanCursor(self)

    def plans(self) -> list[PlanInfo]:
        """The stored plans in id order."""
        with self.iter_plans() as cursor:
            return list(cursor)

    def load_plan(self, plan_id: int) -> Plan:
        """Reads a stored plan, resolved against the ledger's directory.
        Raises :class:`NotFoundError` for an unknown id."""
        return Plan._load(self, plan_id)

    def latest_plan_id(self) -> int:
        """The id of the latest year's plan (the last stored, within a year).
        Raises :class:`NotFoundError` when the ledger holds no plan."""
        out = c_int64()
        lib.duban_db_latest_plan(byref(out), self._handle())
        return int(out.value)

    def latest_plan(self) -> Plan:
        """The latest year's plan, loaded (see :meth:`latest_plan_id`)."""
        return self.load_plan(self.latest_plan_id())

    def status(
        self,
        as_of: datetime.date,
        plan: Optional[Plan] = None,
        calendar: "Optional[Calendar]" = None,
        **options: "Any",
    ) -> "StatusReport":
        """The status and light of every task and instance of a stored plan
        (the latest by default) as of `as_of`, progress read from this
        ledger's reports, closures and extensions as they stood that day.
        `plan` must be loaded from this ledger. `options` are the light rules
        of :func:`duban.evaluate`."""
        from .status import ledger_status

        return ledger_status(self, as_of, plan, calendar, **options)

    # -- directory ---------------------------------------------------------------

    def directory(self) -> Directory:
        """A snapshot of the ledger's unit directory."""
        out = POINTER(_ffi.duban_directory)()
        lib.duban_directory_load(byref(out), self._handle())
        return Directory(out)

    def save_directory(self, directory: Directory) -> None:
        """Replaces the stored directory, keeping ids. Raises
        :class:`InvalidArgumentError` when a unit a stored plan assigns would go."""
        lib.duban_db_save_directory(self._handle(), directory._handle())

    def __repr__(self) -> str:
        state = "closed" if self.closed else ("read-only" if self._read_only else "open")
        return f"<duban.Ledger {self._path!r} ({state})>"


def open(  # noqa: A001 - duban.open mirrors sqlite3.connect / builtins.open on purpose
    path: Union[str, "os.PathLike[str]"],
    *,
    create: bool = True,
    read_only: bool = False,
    busy_timeout: Optional[Timeout] = None,
    check_integrity: bool = False,
) -> Ledger:
    """Opens, by default creating, the ledger at `path`.

    Args:
        path: the file (UTF-8 path).
        create: create the ledger when the file is missing; with False a
            missing file is :class:`NotFoundError`.
        read_only: never write the file, not even to upgrade its schema.
        busy_timeout: how long a write waits for another writer, in seconds
            (or a ``timedelta``); the library's default (5 s) when None; 0
            means not at all.
        check_integrity: check the whole file on open (reads all of it).

    Raises:
        NotFoundError: missing, and not to be created.
        InvalidArgumentError: not a duban ledger (another application's
            SQLite file, or not SQLite at all).
        OutOfRangeError: written by a newer duban.
        StorageError: cannot be read or created (``.filename`` is `path`);
            CorruptError when damaged, BusyError when locked too long.

    On any failure the file is left exactly as it was.
    """
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    opts = _ffi.duban_open_options()
    lib.duban_open_options_init(byref(opts), _ffi.OPEN_OPTIONS_VERSION)
    flags = 0
    if read_only:
        flags |= _ffi.OPEN_FLAG_READ_ONLY
    if not create:
        flags |= _ffi.OPEN_FLAG_NO_CREATE
    if check_integrity:
        flags |= _ffi.OPEN_FLAG_CHECK_INTEGRITY
    opts.flags = flags
    if busy_timeout is not None:
        opts.busy_timeout_ms = _timeout_ms(busy_timeout)
    out = POINTER(_ffi.duban_db)()
    try:
        lib.duban_db_open(byref(out), to_nts(text, "path"), byref(opts))
    except StorageError as e:
        e.filename = text
        raise
    return Ledger(out, text, read_only)
