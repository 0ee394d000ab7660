"""Progress reports (进展填报) into the ledger (duban/report.h): one at a time,
in all-or-nothing batches, and from CSV files::

    with duban.open("district.duban") as ledger:
        event = ledger.add_report(
            "7", unit="区财政局", date=datetime.date(2025, 4, 10), percent=40,
            narrative="已拨付第一批资金", indicators=[("财政帮扶资金", 1200, "万元")],
            evidence=["临财〔2025〕8号"])
        ids = ledger.add_reports(
            {"task": t, "unit": u, "date": d, "percent": p} for t, u, d, p in rows)

Tasks are named by id (1-based place in the plan), key (``"7"``) or
:class:`~duban.Task`; units by id, name or alias, or :class:`~duban.Unit`;
the plan defaults to the ledger's latest. Nothing is ever updated in place: a
correction is a new report with ``supersedes`` set to the report it corrects.
"""

from __future__ import annotations

import datetime
import enum
import os
from collections.abc import Iterable, Mapping, Sequence
from ctypes import POINTER, byref, c_int64, c_void_p, sizeof
from dataclasses import dataclass, field, fields
from typing import Any, Optional, Union

from . import _ffi
from ._errors import DubanError, ErrorClass, InvalidArgumentError, last_error
from ._lib import _cdll, lib
from ._refs import LedgerPart, PlanRef, Refs, TaskRef, UnitRef, day, plain_int
from ._text import encode, to_nts
from ._values import take_ids
from .directory import Unit
from .plan import Plan, Task
from .status import _enum_arg

__all__ = ["ReportStatus", "Indicator", "Report"]


class ReportStatus(enum.IntEnum):
    """What a report says of its item (``duban_report_status_t``). Arguments
    also take the names: ``"not_started"``, ``"in_progress"``, ``"done"``,
    ``"blocked"``."""

    NOT_STARTED = 1  # 未开始
    IN_PROGRESS = 2  # 推进中
    DONE = 3  # 已完成
    BLOCKED = 4  # 受阻

    def __str__(self) -> str:
        return self.name.lower()


StatusLike = Union[ReportStatus, str, int]


def status_arg(value: StatusLike) -> ReportStatus:
    """A ReportStatus from a member, a name or a value."""
    return _enum_arg(ReportStatus, value, "status")


@dataclass(frozen=True)
class Indicator:
    """A reported quantity: 选派教师 2 名 is ``Indicator("选派教师", 2, "名")``.

    Arguments that take indicators also take tuples ``(metric, value)`` and
    ``(metric, value, unit)``.
    """

    metric: str
    value: float
    unit: str = ""

    @classmethod
    def of(cls, value: Union["Indicator", Sequence[Any]]) -> "Indicator":
        """An Indicator from itself or a ``(metric, value[, unit])`` tuple."""
        if isinstance(value, Indicator):
            return value
        if isinstance(value, (tuple, list)) and len(value) in (2, 3):
            return cls(value[0], float(value[1]), value[2] if len(value) == 3 and value[2] is not None else "")
        raise TypeError(f"an indicator is an Indicator or a (metric, value[, unit]) tuple, not {value!r}")

    def to_dict(self) -> dict[str, Any]:
        return {"metric": self.metric, "value": self.value, "unit": self.unit}

    def __str__(self) -> str:
        value = int(self.value) if self.value.is_integer() else self.value
        return f"{self.metric}={value}{self.unit}"


IndicatorLike = Union[Indicator, Sequence[Any]]


@dataclass
class Report:
    """A progress report as a unit gives it, for :meth:`Ledger.add_reports`
    (which also takes plain dicts with these keys).

    Attributes:
        task: the task: id, key or :class:`~duban.Task`.
        unit: the reporting unit: id, name or alias, or :class:`~duban.Unit`.
        date: the day the report speaks for.
        status: a :class:`ReportStatus` or its name.
        percent: 0..100, or None.
        narrative: what was done (进展情况).
        indicators: reported quantities.
        evidence: file names, document numbers.
        user: who filled the report in for the unit.
        instance: one instance of a recurring task (``"3@2025-03"``), or None.
        supersedes: the event id of the earlier report this one corrects.
        plan: the plan (an id or a stored :class:`~duban.Plan`); None for
            the ledger's latest.
    """

    task: TaskRef
    unit: UnitRef
    date: datetime.date
    status: StatusLike = ReportStatus.IN_PROGRESS
    percent: Optional[float] = None
    narrative: str = ""
    indicators: Sequence[IndicatorLike] = field(default=())
    evidence: Sequence[str] = field(default=())
    user: str = ""
    instance: Optional[str] = None
    supersedes: Optional[int] = None
    plan: PlanRef = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        # Objects become the plain values that name them again.
        if isinstance(self.task, Task):
            out["task"] = self.task.key
        if isinstance(self.unit, Unit):
            out["unit"] = self.unit.name
        if isinstance(self.plan, Plan):
            out["plan"] = self.plan.id
        out["date"] = self.date.isoformat()
        out["status"] = str(status_arg(self.status))
        out["indicators"] = [Indicator.of(v).to_dict() for v in self.indicators]
        out["evidence"] = list(self.evidence)
        return out


_REPORT_KEYS = frozenset(f.name for f in fields(Report))
_IN_PROGRESS = ReportStatus.IN_PROGRESS
_Ptr = POINTER(_ffi.duban_report)


def _as_report(item: Union[Report, Mapping[str, Any]]) -> Report:
    if isinstance(item, Report):
        return item
    if isinstance(item, Mapping):
        unknown = set(item) - _REPORT_KEYS
        if unknown:
            raise TypeError(f"unknown report field(s) {', '.join(sorted(unknown))}")
        return Report(**item)
    raise TypeError(f"a report is a duban.Report or a dict, not {type(item).__name__}")


def _unchecked(name: str) -> Any:
    """The C function `name` as the table declares it, but without its
    errcheck: building a report is the binding's hot path (a batch of
    100,000 makes a million of these calls), so it checks each status
    inline instead of through one more Python call."""
    row = _ffi.by_name(name)
    fn = _cdll[name]
    fn.argtypes = list(row.argtypes)
    fn.restype = row.restype
    return fn


_new = _unchecked("duban_report_new")
# It writes the handle into a slot of the batch's array (byref(array,
# offset)), which ctypes types as the array, not as duban_report **.
_new.argtypes = [c_void_p]
_set_item = _unchecked("duban_report_set_item")
_set_actor = _unchecked("duban_report_set_actor")
_set_date = _unchecked("duban_report_set_date")
_set_status = _unchecked("duban_report_set_status")
_set_percent = _unchecked("duban_report_set_percent")
_set_narrative = _unchecked("duban_report_set_narrative")
_add_indicator = _unchecked("duban_report_add_indicator")
_add_evidence = _unchecked("duban_report_add_evidence")
_set_supersedes = _unchecked("duban_report_set_supersedes")


class _Dates(dict):
    """duban_date values by date: a batch's reports share few dates, and a
    ctypes structure costs more to make than to look up."""

    def __missing__(self, d: datetime.date) -> Any:
        value = self[d] = _ffi.duban_date(d.year, d.month, d.day)
        return value


class _Texts(dict):
    """NUL-terminated UTF-8 by text, for fields whose values repeat across a
    batch (users, metrics, units), checked once each."""

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def __missing__(self, text: str) -> bytes:
        value = self[text] = to_nts(text, self.what)
        return value


class _Batch:
    """What the reports of one call share: the plan and name resolution, and
    the converted values that repeat."""

    __slots__ = ("refs", "dates", "users", "metrics", "units")

    def __init__(self, refs: Refs) -> None:
        self.refs = refs
        self.dates = _Dates()
        self.users = _Texts("user")
        self.metrics = _Texts("metric")
        self.units = _Texts("unit")


_PTR_SIZE = sizeof(_Ptr)


def _build(batch: _Batch, r: Report, handles: Any, index: int) -> None:
    """Makes the C report handle for `r` in ``handles[index]`` (the caller
    frees it; on failure nothing is left to free). Calls are made only for
    fields that differ from a new report's defaults, and the common argument
    types are taken as they come: a batch pays for every call. The handle
    goes straight into the array the batch call takes, which spares a
    Python object per report (and the garbage collector's visits to it)."""
    rc = _new(byref(handles, index * _PTR_SIZE))
    if rc < 0:
        raise last_error(rc)
    ptr = handles[index]
    refs = batch.refs
    try:
        plan = r.plan
        plan_id = plan if type(plan) is int else refs.plan(plan)
        task = r.task
        task_id = task if type(task) is int else refs.task(plan_id, task)
        instance = None if r.instance is None else to_nts(r.instance, "instance")
        rc = _set_item(ptr, plan_id, task_id, instance)
        if rc >= 0:
            unit = r.unit
            unit_id = unit if type(unit) is int else refs.unit(unit)
            rc = _set_actor(ptr, unit_id, batch.users[r.user] if r.user else None)
        if rc >= 0:
            d = r.date
            if type(d) is not datetime.date:
                d = day(d, "date")
            rc = _set_date(ptr, batch.dates[d])
        if rc >= 0 and r.status is not _IN_PROGRESS:
            rc = _set_status(ptr, status_arg(r.status))
        if rc >= 0 and r.percent is not None:
            percent = float(r.percent)
            if percent != percent:  # NaN would mean "no percent" to the library
                raise InvalidArgumentError("percent is NaN", klass=ErrorClass.ARGUMENT)
            rc = _set_percent(ptr, percent)
        if rc >= 0 and r.narrative:
            text = encode(r.narrative, "narrative")
            rc = _set_narrative(ptr, text, len(text))
        for v in r.indicators:
            if rc < 0:
                break
            if type(v) is not Indicator:
                v = Indicator.of(v)
            rc = _add_indicator(ptr, batch.metrics[v.metric], v.value, batch.units[v.unit] if v.unit else None)
        for ref in r.evidence:
            if rc < 0:
                break
            rc = _add_evidence(ptr, to_nts(ref, "evidence"))
        if rc >= 0 and r.supersedes is not None:
            rc = _set_supersedes(ptr, plain_int(r.supersedes, "supersedes"))
        if rc < 0:
            raise last_error(rc)
    except BaseException:
        lib.duban_report_free(ptr)
        raise


def _at(index: int, e: Exception) -> Exception:
    """`e` again, its message naming the report's place in the batch."""
    if isinstance(e, DubanError):
        return type(e)(f"reports[{index}]: {e.message}", code=e.code, klass=e.klass, subcode=e.subcode)
    return type(e)(f"reports[{index}]: {e}")


class ReportWriting(LedgerPart):
    """The report-writing methods of :class:`~duban.Ledger`."""

    __slots__ = ()

    def add_report(
        self,
        task: TaskRef,
        *,
        unit: UnitRef,
        date: datetime.date,
        status: StatusLike = ReportStatus.IN_PROGRESS,
        percent: Optional[float] = None,
        narrative: str = "",
        indicators: Sequence[IndicatorLike] = (),
        evidence: Sequence[str] = (),
        user: str = "",
        instance: Optional[str] = None,
        supersedes: Optional[int] = None,
        plan: PlanRef = None,
    ) -> int:
        """Checks and appends one report; returns its event id.

        Raises:
            PermissionRefusedError: the unit holds no role in the task (or is
                a group, or corrects another unit's report).
            InvalidArgumentError, OutOfRangeError: a rule is broken (percent
                over 100, a correction dated before what it corrects…).
            NotFoundError: no such plan, task, instance, unit or event.
            MisuseError: the ledger was opened read-only.
            StorageError: the file could not be written.

        Nothing is written when it raises.
        """
        r = Report(task, unit, date, status, percent, narrative, indicators, evidence, user, instance, supersedes, plan)
        handle = (_Ptr * 1)()
        with Refs(self) as refs:
            _build(_Batch(refs), r, handle, 0)
        try:
            out = c_int64()
            lib.duban_db_add_report(byref(out), self._handle(), handle[0])
            return out.value
        finally:
            lib.duban_report_free(handle[0])

    def add_reports(self, reports: Iterable[Union[Report, Mapping[str, Any]]]) -> list[int]:
        """Checks and appends reports in one transaction, all or none; returns
        their event ids in order. Each report is a :class:`Report` or a dict
        with its fields (``task``, ``unit`` and ``date`` required).

        An error names the report at fault by its place (``reports[4]: …``)
        and raises as :meth:`add_report` does; nothing is written then.
        """
        items = reports if isinstance(reports, Sequence) else list(reports)
        count = len(items)
        handles = (_Ptr * count)()
        built = 0
        try:
            with Refs(self) as refs:
                batch = _Batch(refs)
                for index, item in enumerate(items):
                    try:
                        _build(batch, _as_report(item), handles, index)
                    except (DubanError, TypeError, ValueError) as e:
                        raise _at(index, e) from e
                    built += 1
            return take_ids(
                lambda ids: lib.duban_db_add_reports(ids, self._handle(), handles, count)
            )
        finally:
            free = lib.duban_report_free
            for index in range(built):
                free(handles[index])

    def import_reports_csv(
        self,
        source: Union[str, bytes, "os.PathLike[str]"],
        *,
        plan: PlanRef = None,
        origin: Optional[str] = None,
    ) -> list[int]:
        """Reads a CSV batch of reports (docs/ledger.md, "CSV batches") and
        appends it in one transaction; returns the event ids in row order.

        Args:
            source: the CSV as ``bytes``, as a ``str`` holding a line break,
                or a path (a ``str`` without one, or an ``os.PathLike``).
            plan: the plan the rows report on; the latest when None.
            origin: the name messages give the file; the path, or
                ``"reports.csv"`` for text.

        Raises:
            InvalidArgumentError: the message lists every problem found,
                each as ``ORIGIN:LINE: …``; the whole batch is rejected.
            EncodingError: bytes that are not UTF-8 (naming the line).
        """
        name = origin
        if isinstance(source, (bytes, bytearray, memoryview)):
            data = bytes(source)
        elif isinstance(source, str) and ("\n" in source or "\r" in source):
            data = encode(source, "CSV")
        elif isinstance(source, (str, os.PathLike)):
            with open(source, "rb") as f:
                data = f.read()
            if name is None:
                name = os.fspath(source)
        else:
            raise TypeError(f"source must be CSV text, bytes or a path, not {type(source).__name__}")
        with Refs(self) as refs:
            plan_id = refs.plan(plan)
        label = to_nts(name, "origin") if name else None
        return take_ids(
            lambda ids: lib.duban_db_import_reports_csv(ids, self._handle(), plan_id, data, len(data), label)
        )
