"""The ledger (duban/db.h): :func:`open` and :class:`Ledger`."""

from __future__ import annotations

import datetime
import os
from ctypes import POINTER, byref, c_int64
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _ffi, _source
from ._errors import ErrorClass, InvalidArgumentError, OutOfRangeError, StorageError
from ._handle import Handle
from ._lib import lib
from ._text import to_nts
from .assess import Assessing
from .directory import Directory
from .export import Exporting
from .history import HashAlgorithm, History
from .plan import Plan, PlanCursor, PlanInfo
from .reports import ReportWriting
from .workflow import Workflow

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


def _hash_arg(value: Union[str, HashAlgorithm]) -> int:
    if isinstance(value, HashAlgorithm):
        return int(value)
    if isinstance(value, str) and value.upper() in HashAlgorithm.__members__:
        return int(HashAlgorithm[value.upper()])
    raise InvalidArgumentError(f"hash {value!r} is not 'sm3' or 'sha256'", klass=ErrorClass.ARGUMENT)


def _int32(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    if not -_INT32_MAX - 1 <= value <= _INT32_MAX:
        raise OutOfRangeError(f"{what} {value} does not fit the library's int32_t", klass=ErrorClass.ARGUMENT)
    return value


class Ledger(Handle, ReportWriting, Workflow, History, Assessing, Exporting):
    """An open ledger: one SQLite file holding the unit directory, any
    number of plans, and their progress: reports, closures, extensions, and
    the audit chain over all of it. Open one with :func:`duban.open`; use it
    as a context manager or call :meth:`close`.

    The progress methods come from :mod:`duban.reports`
    (:meth:`add_report`, :meth:`add_reports`, :meth:`import_reports_csv`),
    :mod:`duban.workflow` (:meth:`submit_closure`, :meth:`approve_closure`,
    :meth:`return_closure`, :meth:`request_extension`,
    :meth:`approve_extension`, :meth:`refuse_extension`,
    :meth:`set_coordinator`, :attr:`coordinator`) and :mod:`duban.history`
    (:meth:`history`, :meth:`states`, :meth:`verify`); the exports from
    :mod:`duban.export` (:meth:`snapshot`).

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

    # -- calendar ----------------------------------------------------------------

    def calendar(self) -> "Calendar":
        """The ledger's working-day calendar: the built-in notices with every
        calendar data set loaded into this ledger applied, oldest first. A
        snapshot: it stays valid after the ledger is closed."""
        from .calendar import ledger_calendar

        return ledger_calendar(self)

    def load_calendar(self, source: _source.JsonSource, origin: Optional[str] = None) -> dict[str, Any]:
        """Keeps calendar data (a path, JSON text or bytes, or a dict in the
        calendar data format) in the ledger, as an audited event with its
        origin (a file's name by default, else ``"api"``), and returns what
        changed: ``{"event": id or None, "years_added": [...],
        "years_replaced": [...], "days": [{"date", "was_working",
        "now_working", "was_known", "now_known", "reason"}], "moved":
        [{"plan", "task", "key", "instance", "title", "before", "after"}]}``
        with dates as :class:`datetime.date`. ``"moved"`` lists every task
        and instance of every stored plan whose due date the data moved.
        Data the ledger already holds change nothing (``"event"`` is None).

        Raises:
            ParseError: not calendar data (the message names the field).
            InvalidArgumentError: contradictory data, naming the origin.
            MisuseError: the ledger was opened read-only.
        """
        from .calendar import load_into_ledger

        return load_into_ledger(self, source, origin)

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
    hash: Union[str, HashAlgorithm, None] = None,  # noqa: A002 - the name the C field and the docs use
    busy_retries: Optional[int] = None,
    max_size: Optional[int] = None,
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
        hash: the audit chain's hash when this open starts the chain (a new
            ledger): ``"sm3"`` (the default) or ``"sha256"``. Another hash
            than an existing chain's is :class:`InvalidArgumentError`.
        busy_retries: how often a write that found the file busy is tried
            again before :class:`BusyError` (the library's default: 3).
        max_size: a ceiling on the file's size in bytes: a write past it
            fails as on a full disk (:class:`StorageError`) and changes
            nothing.

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
    if hash is not None:
        opts.hash = _hash_arg(hash)
    if busy_retries is not None:
        opts.busy_retries = _int32(busy_retries, "busy_retries")
    if max_size is not None:
        opts.max_size = max_size
    out = POINTER(_ffi.duban_db)()
    try:
        lib.duban_db_open(byref(out), to_nts(text, "path"), byref(opts))
    except StorageError as e:
        e.filename = text
        raise
    return Ledger(out, text, read_only)
