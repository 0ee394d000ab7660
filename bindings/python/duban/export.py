"""Exports (duban/export.h): the 台账 workbook, CSV tables, JSON, the
responsibility graph as DOT, and the monthly report (月度报告) as HTML, all
drawn from one :class:`Snapshot` of a ledger as of a date (docs/export.md)::

    with duban.open("district.duban") as ledger:
        with ledger.snapshot(datetime.date(2025, 12, 31), scheme="ew.scheme.toml") as s:
            s.write_xlsx("台账.xlsx")
            s.write("tasks.csv")                 # the format from the suffix
            s.write("2025-12.html")              # the as-of month's report
            rows = list(csv.reader(io.StringIO(s.tasks_csv().lstrip("\\ufeff"))))

A snapshot is immutable and independent of the ledger, plan, scheme and
calendar it was taken from: they may be closed while it is read. Every
rendering is deterministic. The library writes DOT only and never starts a
program: for SVG, run Graphviz (``dot -Tsvg``) on :meth:`Snapshot.to_dot`.
"""

from __future__ import annotations

import datetime
import json
import os
from ctypes import POINTER, byref, pointer
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _ffi
from ._errors import ErrorClass, InvalidArgumentError, OutOfRangeError, StorageError
from ._handle import Handle
from ._lib import lib
from ._refs import day as _day
from ._refs import plain_int
from ._text import to_nts
from ._values import date_in, date_out, take_text
from .assess import Inputs, SchemeLike, combine_inputs, scheme_arg
from .assess import _input_items as input_items
from .calendar import Calendar
from .plan import Plan

if TYPE_CHECKING:
    from .db import Ledger

__all__ = ["Snapshot", "EXPORT_FORMATS", "CSV_TABLES"]

PathLike = Union[str, "os.PathLike[str]"]

#: What :meth:`Snapshot.write` writes, by name; each file suffix names one.
EXPORT_FORMATS = ("xlsx", "csv", "json", "dot", "html")
#: The tables a CSV file can hold.
CSV_TABLES = ("tasks", "matrix", "scores")

_SUFFIXES = {
    ".xlsx": "xlsx",
    ".csv": "csv",
    ".json": "json",
    ".dot": "dot",
    ".gv": "dot",
    ".html": "html",
    ".htm": "html",
}
_CSV = {"tasks": _ffi.EXPORT_TASKS_CSV, "matrix": _ffi.EXPORT_MATRIX_CSV, "scores": _ffi.EXPORT_SCORES_CSV}
_INT32_MAX = 2**31 - 1


def _int32(value: Any, what: str, message: str) -> int:
    value = plain_int(value, what)
    # The C fields are int32_t, which ctypes would wrap silently; within
    # them the library itself says what is wrong.
    if abs(value) > _INT32_MAX:
        raise OutOfRangeError(message.format(value), klass=ErrorClass.ARGUMENT)
    return value


def _render_options(month: Optional[int] = None, indent: int = 2) -> _ffi.duban_snapshot_render_options:
    opts = _ffi.duban_snapshot_render_options()
    lib.duban_snapshot_render_options_init(byref(opts), _ffi.SNAPSHOT_RENDER_OPTIONS_VERSION)
    if month is not None:
        opts.month = _int32(month, "month", "month {} is outside 1..12")
    opts.indent = _int32(indent, "indent", "indent {} is not -1 (one line) or 0..16")
    return opts


def _format_of(path: str, format: Optional[str]) -> str:
    if format is None:
        suffix = os.path.splitext(path)[1].lower()
        if suffix == ".svg":
            raise InvalidArgumentError(
                "duban writes the graph as DOT and never runs programs: write a .dot file and run Graphviz "
                "(dot -Tsvg), or use `duban export --format svg`",
                klass=ErrorClass.ARGUMENT,
            )
        if suffix not in _SUFFIXES:
            raise InvalidArgumentError(
                f"cannot tell the format of {path!r} from its suffix: name one of {', '.join(EXPORT_FORMATS)}",
                klass=ErrorClass.ARGUMENT,
            )
        return _SUFFIXES[suffix]
    if format not in EXPORT_FORMATS:
        raise InvalidArgumentError(
            f"format {format!r} is not one of {', '.join(EXPORT_FORMATS)}", klass=ErrorClass.ARGUMENT
        )
    return format


class Snapshot(Handle):
    """A ledger's plan as of a date, gathered once: the plan and directory,
    the status and light of every task and recurring instance, the reports
    in effect and, under a scheme, the assessment. Every view of it shows
    the same facts. Take one with :meth:`duban.Ledger.snapshot`; use it as a
    context manager or call :meth:`close`.

    Text comes back as ``str``; the CSV tables start with the byte-order mark
    ``"\\ufeff"`` (kept, so a file written from the text opens in Excel as
    UTF-8) and end lines with ``"\\r\\n"``.
    """

    def __init__(self, ptr: Any) -> None:
        super().__init__(ptr, lib.duban_snapshot_free)

    # -- what it is -----------------------------------------------------------------

    @property
    def as_of(self) -> datetime.date:
        """The date the snapshot is as of."""
        d = _ffi.duban_date()
        lib.duban_snapshot_as_of(byref(d), self._handle())
        value = date_out(d)
        assert value is not None
        return value

    @property
    def plan_id(self) -> int:
        """The id of the snapshot's plan in its ledger."""
        return int(lib.duban_snapshot_plan_id(self._handle()))

    @property
    def task_count(self) -> int:
        """The number of the plan's tasks: the rows of the tasks table."""
        return int(lib.duban_snapshot_task_count(self._handle()))

    @property
    def scored(self) -> bool:
        """True when taken under a scheme: the tables carry scores and the
        JSON an assessment."""
        return lib.duban_snapshot_has_assessment(self._handle()) == 1

    # -- renderings -------------------------------------------------------------------

    def _render(self, fmt: int, opts: Optional[_ffi.duban_snapshot_render_options] = None) -> str:
        h = self._handle()
        return take_text(lambda buf: lib.duban_snapshot_render(buf, h, fmt, byref(opts) if opts is not None else None))

    def tasks_csv(self) -> str:
        """The 任务 sheet as CSV: 序号, 编号, 类别, 任务, 牵头单位, 配合单位,
        完成时限, 状态, 灯, 进度, 最新进展, 得分; one row per task, in plan order."""
        return self._render(_ffi.EXPORT_TASKS_CSV)

    def matrix_csv(self) -> str:
        """The 矩阵 sheet as CSV: 序号, 编号, 任务, then a column per unit with
        牵, 责 or 配 in the cells (``配（各街镇）`` when held through a group)."""
        return self._render(_ffi.EXPORT_MATRIX_CSV)

    def scores_csv(self) -> str:
        """The 得分 sheet as CSV: 名次, 单位, 得分, 基础分, 加分, 等次, 否决, best
        first; the header alone when the snapshot was not scored."""
        return self._render(_ffi.EXPORT_SCORES_CSV)

    def to_json(self, indent: int = 2) -> str:
        """Everything as one JSON document (docs/export.md, "JSON"): plan,
        directory, tasks, status, items, reports, assessment. `indent` is
        spaces per level (0..16), or -1 for one line."""
        return self._render(_ffi.EXPORT_JSON, _render_options(indent=indent))

    def to_dict(self) -> dict[str, Any]:
        """The JSON document as plain data."""
        return json.loads(self.to_json(indent=-1))

    def to_dot(self) -> str:
        """The responsibility graph as a Graphviz digraph. Render it with
        Graphviz (``dot -Tsvg``): the library runs no programs."""
        return self._render(_ffi.EXPORT_DOT)

    def monthly_report_html(self, month: Optional[int] = None) -> str:
        """The monthly report (月度报告) for `month` (1..12) of the plan's
        year; None for the as-of date's month. One self-contained page: no
        network, no scripts; it prints on A4.

        Raises:
            OutOfRangeError: a month outside 1..12.
            InvalidArgumentError: no month given and the as-of date is not
                in the plan's year.
        """
        return self._render(_ffi.EXPORT_MONTHLY_HTML, _render_options(month=month))

    # -- files --------------------------------------------------------------------

    def write_xlsx(self, path: PathLike) -> None:
        """Writes the 台账 workbook (sheets 任务, 矩阵, 得分), whole or not at
        all: on failure a file already at `path` is left as it was.

        Raises:
            StorageError: the folder does not exist or cannot be written, or
                `path` is a folder (``.filename`` is `path`).
            OutOfRangeError: a cell longer than Excel holds.
        """
        text = os.fspath(path)
        try:
            lib.duban_snapshot_write_xlsx(self._handle(), to_nts(text, "path"))
        except StorageError as e:
            e.filename = text
            raise

    def write(
        self,
        path: PathLike,
        format: Optional[str] = None,  # noqa: A002 - the word the CLI uses
        *,
        table: str = "tasks",
        month: Optional[int] = None,
    ) -> None:
        """Writes one form to `path`, whole or not at all.

        Args:
            format: ``"xlsx"``, ``"csv"``, ``"json"``, ``"dot"`` or
                ``"html"``; by default from the suffix (``.xlsx``, ``.csv``,
                ``.json``, ``.dot``/``.gv``, ``.html``/``.htm``). ``.svg`` is
                refused: SVG is Graphviz's work.
            table: for CSV, ``"tasks"``, ``"matrix"`` or ``"scores"``.
            month: for HTML, as :meth:`monthly_report_html`.

        The JSON file is :meth:`to_json` and a final line end, as
        ``duban export`` writes it.

        Raises:
            InvalidArgumentError: an unknown format, suffix or table.
            StorageError: the file cannot be written (``.filename`` is
                `path`).
        """
        text = os.fspath(path)
        fmt = _format_of(text, format)
        if fmt == "xlsx":
            self.write_xlsx(text)
            return
        if fmt == "csv":
            if table not in _CSV:
                raise InvalidArgumentError(
                    f"table {table!r} is not one of {', '.join(CSV_TABLES)}", klass=ErrorClass.ARGUMENT
                )
            code = _CSV[table]
        else:
            code = {"json": _ffi.EXPORT_JSON, "dot": _ffi.EXPORT_DOT, "html": _ffi.EXPORT_MONTHLY_HTML}[fmt]
        opts = _render_options(month=month)
        try:
            lib.duban_snapshot_write(self._handle(), to_nts(text, "path"), code, byref(opts))
        except StorageError as e:
            e.filename = text
            raise

    def __repr__(self) -> str:
        if self.closed:
            return "<duban.Snapshot (closed)>"
        scored = ", scored" if self.scored else ""
        return f"<duban.Snapshot plan {self.plan_id} as of {self.as_of.isoformat()}: {self.task_count} tasks{scored}>"


def take_snapshot(
    ledger: "Ledger",
    as_of: datetime.date,
    plan: Optional[Union[int, Plan]],
    scheme: Optional[SchemeLike],
    inputs: Inputs,
    ledger_inputs: bool,
    calendar: Optional[Calendar],
    options: dict[str, Any],
) -> Snapshot:
    """:meth:`duban.Ledger.snapshot`."""
    from .status import _options as status_options

    day = _day(as_of, "as_of")
    if scheme is None and inputs is not None:
        raise InvalidArgumentError("inputs are scored under a scheme: give scheme too", klass=ErrorClass.ARGUMENT)
    status = status_options(options)
    opts = _ffi.duban_snapshot_options()
    lib.duban_snapshot_options_init(byref(opts), _ffi.SNAPSHOT_OPTIONS_VERSION)
    opts.ledger_inputs = 1 if ledger_inputs else 0
    if status is not None:
        opts.status = pointer(status)
    if calendar is not None:
        opts.calendar = calendar._handle()
    made: list[Handle] = []  # closed once the snapshot is taken: it keeps what it needs
    loaded = plan if isinstance(plan, Plan) else ledger.load_plan(plan if plan is not None else ledger.latest_plan_id())
    if loaded is not plan:
        made.append(loaded)
    try:
        if scheme is not None:
            s, made_scheme = scheme_arg(scheme)
            if made_scheme:
                made.append(s)
            opts.scheme = s._handle()
        items = input_items(inputs)
        if items:
            # Input files name recurring instances by date: read them on the
            # calendar the snapshot uses (the ledger's unless one is given).
            cal = calendar
            if cal is None:
                cal = ledger.calendar()
                made.append(cal)
            combined = combine_inputs(loaded, items, cal)
            if combined is not None:
                if not any(combined is i for i in items):
                    made.append(combined)
                opts.inputs = combined._handle()
        out = POINTER(_ffi.duban_snapshot)()
        lib.duban_snapshot_take(byref(out), ledger._handle(), loaded._handle(), date_in(day), byref(opts))
        return Snapshot(out)
    finally:
        for h in made:
            h.close()


class Exporting:
    """The export method of :class:`~duban.Ledger`."""

    __slots__ = ()

    def snapshot(
        self,
        as_of: datetime.date,
        plan: Optional[Union[int, Plan]] = None,
        scheme: Optional[SchemeLike] = None,
        inputs: Inputs = None,
        ledger_inputs: bool = True,
        calendar: Optional[Calendar] = None,
        **options: Any,
    ) -> Snapshot:
        """A stored plan (the latest year's by default) as of `as_of`, for
        the exports: :meth:`Snapshot.write_xlsx`, the CSV tables, JSON, DOT,
        the monthly report.

        Args:
            as_of: the date; lights and reports are as they stood that day.
            plan: a plan id or a Plan loaded from this ledger.
            scheme: score under this :class:`Scheme` (or scheme file), as
                :meth:`assess` does; without one there are no scores.
            inputs: facts laid over the ledger's (input files, dicts or
                :class:`AssessmentInput` objects, merged in order); only
                with a scheme.
            ledger_inputs: False to score `inputs` alone, not what the
                ledger records (``duban assess --no-ledger``); only with a
                scheme.
            calendar: the working-day calendar; the ledger's by default.
            options: the light rules, as for :func:`duban.evaluate`
                (``four_colour=True``, ``due_soon_workdays=5``, ...).

        Raises:
            NotFoundError: the ledger holds no such plan.
            InvalidArgumentError: a plan not loaded from this ledger;
                `inputs` or ``ledger_inputs=False`` without a scheme; what
                the plan contradicts in the scheme; bad light rules.
            OutOfRangeError: a date the calendar has no data for.
        """
        ledger: Any = self
        return take_snapshot(ledger, as_of, plan, scheme, inputs, ledger_inputs, calendar, options)
