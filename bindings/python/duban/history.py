"""What the ledger remembers (duban/report.h): the history of a task as
events, the state of every item as of any date, and the audit chain::

    for event in ledger.history("7", as_of=datetime.date(2025, 6, 30)):
        print(event.id, event.kind, event.date, event.text)
    for state in ledger.states(datetime.date(2025, 7, 1)):
        print(state.task_key, state.closure, state.current_due)
    check = ledger.verify()
    assert check.intact, check.message

Events and states are values: copied out of the C cursor as they are read,
they stay valid whatever happens to the ledger afterwards.
"""

from __future__ import annotations

import datetime
import enum
from ctypes import POINTER, byref, c_char, c_double, c_int, c_int64, c_size_t
from dataclasses import dataclass, field
from typing import Any, Optional, Union

from . import _ffi
from ._handle import Handle
from ._lib import lib
from ._refs import LedgerPart, PlanRef, Refs, TaskRef, day
from ._text import borrowed, to_nts
from ._values import date_out
from .reports import Indicator, ReportStatus

__all__ = [
    "EventKind",
    "Event",
    "EventCursor",
    "ClosureState",
    "ExtensionDecision",
    "LatestReport",
    "ExtensionEntry",
    "ItemState",
    "HashAlgorithm",
    "ChainFinding",
    "ChainCheck",
]


class _Named(enum.IntEnum):
    def __str__(self) -> str:
        return self.name.lower()


class EventKind(_Named):
    """What an event is (``duban_event_kind_t``)."""

    REPORT = 1
    CLOSURE_SUBMITTED = 2  # 申请办结
    CLOSURE_APPROVED = 3  # 办结
    CLOSURE_RETURNED = 4  # 退回
    EXTENSION_REQUESTED = 5  # 申请延期
    EXTENSION_APPROVED = 6
    EXTENSION_REFUSED = 7
    COORDINATOR_SET = 8
    DIRECTORY_SAVED = 9
    PLAN_SAVED = 10
    CALENDAR_LOADED = 11  # calendar data loaded into the ledger


class ClosureState(_Named):
    """Where an item stands in the closure workflow (``duban_closure_state_t``)."""

    OPEN = 0
    SUBMITTED = 1
    CLOSED = 2
    RETURNED = 3


class ExtensionDecision(_Named):
    """An extension request's decision (``duban_extension_decision_t``)."""

    PENDING = 0
    APPROVED = 1
    REFUSED = 2


class HashAlgorithm(_Named):
    """The audit chain's hash (``duban_hash_t``). :func:`duban.open` also
    takes the names ``"sm3"`` and ``"sha256"``."""

    SM3 = 1
    SHA256 = 2


class ChainFinding(_Named):
    """What :meth:`Ledger.verify` found (``duban_chain_finding_t``)."""

    INTACT = 0
    ALTERED = 1
    REMOVED = 2
    INSERTED = 3


def _known(kind: type, value: int) -> Any:
    try:
        return kind(value)
    except ValueError:  # a value added to the C API after this binding
        return value


def _iso(d: Optional[datetime.date]) -> Optional[str]:
    return d.isoformat() if d is not None else None


@dataclass(frozen=True)
class Event:
    """One event of the ledger's history. Fields the event's kind does not
    use are empty (None, ``""``, ``()``).

    Attributes:
        id: its place in the audit chain, from 1.
        kind: an :class:`EventKind`.
        plan, task: what it is about (ids).
        task_key: the task's key when the event was written.
        instance: the instance id, or ``""`` for the task itself.
        unit: the acting unit's id; 0 for the host application.
        user: who acted for the unit.
        date: the day the event speaks for.
        recorded: when it was written, UTC (``2025-03-01T08:30:00.123Z``).
        text: a report's narrative, a step's reason.
        status, percent, indicators: what a report says.
        evidence: references of a report or a submission.
        ref: the report a correction corrects, or the submission or request
            a decision decides.
        superseded_by: the report correcting this one (as of the query's date).
        until, due: an extension request's new and old due dates.
        target: the new coordinating office of a ``COORDINATOR_SET``.
    """

    id: int
    kind: Union[EventKind, int]
    plan: int
    task: int
    task_key: str
    instance: str
    unit: int
    user: str
    date: datetime.date
    recorded: str
    text: str
    status: Optional[Union[ReportStatus, int]] = None
    percent: Optional[float] = None
    indicators: tuple[Indicator, ...] = field(default=())
    evidence: tuple[str, ...] = field(default=())
    ref: Optional[int] = None
    superseded_by: Optional[int] = None
    until: Optional[datetime.date] = None
    due: Optional[datetime.date] = None
    target: Optional[int] = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": str(self.kind),
            "plan": self.plan,
            "task": self.task,
            "task_key": self.task_key,
            "instance": self.instance,
            "unit": self.unit,
            "user": self.user,
            "date": self.date.isoformat(),
            "recorded": self.recorded,
            "text": self.text,
            "status": str(self.status) if self.status is not None else None,
            "percent": self.percent,
            "indicators": [v.to_dict() for v in self.indicators],
            "evidence": list(self.evidence),
            "ref": self.ref,
            "superseded_by": self.superseded_by,
            "until": _iso(self.until),
            "due": _iso(self.due),
            "target": self.target,
        }

    def __repr__(self) -> str:
        what = self.instance or self.task_key
        return f"<duban.Event #{self.id} {self.kind} {what} {self.date.isoformat()} by unit {self.unit}>"


def _text(fn: Any, h: Any) -> str:
    size = c_size_t()
    return borrowed(fn(h, byref(size)), size.value)


def _date(fn: Any, h: Any) -> Optional[datetime.date]:
    d = _ffi.duban_date()
    fn(byref(d), h)
    return date_out(d)


def _event_row(h: Any) -> Event:
    """The cursor's current event, copied (the C side's text is borrowed)."""
    kind = _known(EventKind, lib.duban_event_cursor_kind(h))
    is_report = kind == EventKind.REPORT
    percent = c_double(-1)
    indicators: list[Indicator] = []
    if is_report:
        lib.duban_event_cursor_percent(byref(percent), h)
        metric, unit = POINTER(c_char)(), POINTER(c_char)()
        metric_len, unit_len, value = c_size_t(), c_size_t(), c_double()
        for i in range(lib.duban_event_cursor_indicator_count(h)):
            lib.duban_event_cursor_indicator(
                byref(metric), byref(metric_len), byref(value), byref(unit), byref(unit_len), h, i
            )
            indicators.append(
                Indicator(borrowed(metric, metric_len.value), value.value, borrowed(unit, unit_len.value))
            )
    size = c_size_t()
    evidence = tuple(
        borrowed(lib.duban_event_cursor_evidence(h, i, byref(size)), size.value)
        for i in range(lib.duban_event_cursor_evidence_count(h))
    )
    ref = lib.duban_event_cursor_ref(h)
    superseded = lib.duban_event_cursor_superseded_by(h)
    target = lib.duban_event_cursor_target(h)
    return Event(
        id=lib.duban_event_cursor_id(h),
        kind=kind,
        plan=lib.duban_event_cursor_plan(h),
        task=lib.duban_event_cursor_task(h),
        task_key=_text(lib.duban_event_cursor_task_key, h),
        instance=_text(lib.duban_event_cursor_instance, h),
        unit=lib.duban_event_cursor_unit(h),
        user=_text(lib.duban_event_cursor_user, h),
        date=_date(lib.duban_event_cursor_date, h),  # type: ignore[arg-type]
        recorded=_text(lib.duban_event_cursor_recorded, h),
        text=_text(lib.duban_event_cursor_text, h),
        status=_known(ReportStatus, lib.duban_event_cursor_status(h)) if is_report else None,
        percent=percent.value if percent.value >= 0 else None,
        indicators=tuple(indicators),
        evidence=evidence,
        ref=ref or None,
        superseded_by=superseded or None,
        until=_date(lib.duban_event_cursor_until, h),
        due=_date(lib.duban_event_cursor_due, h),
        target=target or None,
    )


class EventCursor(Handle):
    """An iterator over a task's events in chain order (made by
    :meth:`Ledger.history`). ``len()`` is the number of events; each is
    copied into an :class:`Event` as it is read. Close it, or use it as a
    context manager, to free it early."""

    __slots__ = ("_ledger",)

    def __init__(self, ptr: Any, ledger: Any) -> None:
        super().__init__(ptr, lib.duban_event_cursor_free)
        self._ledger = ledger  # the cursor is the ledger's child

    def __len__(self) -> int:
        return lib.duban_event_cursor_count(self._handle())

    def __iter__(self) -> "EventCursor":
        return self

    def __next__(self) -> Event:
        h = self._handle()
        if lib.duban_event_cursor_next(h) == _ffi.DONE:
            raise StopIteration
        return _event_row(h)

    def __repr__(self) -> str:
        return "<duban.EventCursor closed>" if self.closed else f"<duban.EventCursor of {len(self)} events>"


@dataclass(frozen=True)
class LatestReport:
    """The latest report in effect from a unit that speaks for the item."""

    event: int
    unit: int
    date: datetime.date
    status: Union[ReportStatus, int]
    percent: Optional[float]

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "unit": self.unit,
            "date": self.date.isoformat(),
            "status": str(self.status),
            "percent": self.percent,
        }


@dataclass(frozen=True)
class ExtensionEntry:
    """One extension request of an item, decided as known on the state's date."""

    request: int
    until: datetime.date
    decision: Union[ExtensionDecision, int]

    def to_dict(self) -> dict[str, Any]:
        return {"request": self.request, "until": self.until.isoformat(), "decision": str(self.decision)}


@dataclass(frozen=True)
class ItemState:
    """One task or instance as its events add up to on a date.

    Attributes:
        task, task_key: the task.
        instance: the instance id, ``""`` for the task itself.
        closure: a :class:`ClosureState`.
        submission: the latest submission's event id (pending, approved or
            returned), or None.
        submitted, decided: that submission's date, and when it was approved
            or returned.
        done: when the work was done: the approved submission's date.
        last_returned: the latest return, even when a later submission was
            approved.
        return_reason: the latest return's reason.
        original_due, current_due: the plan's due date, and the due date
            after approved extensions (None for an item without a hard date).
        latest_report: a :class:`LatestReport`, or None.
        extensions: every extension request, in request order.
        submitted_by: the unit that made the latest submission (the lead, or
            the coordinating office for it), or None.
    """

    task: int
    task_key: str
    instance: str
    closure: Union[ClosureState, int]
    submission: Optional[int]
    submitted: Optional[datetime.date]
    decided: Optional[datetime.date]
    done: Optional[datetime.date]
    last_returned: Optional[datetime.date]
    return_reason: str
    original_due: Optional[datetime.date]
    current_due: Optional[datetime.date]
    latest_report: Optional[LatestReport]
    extensions: tuple[ExtensionEntry, ...] = field(default=())
    submitted_by: Optional[int] = None

    @property
    def id(self) -> str:
        """The item's id: the instance id, or the task key."""
        return self.instance or self.task_key

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "task_key": self.task_key,
            "instance": self.instance,
            "closure": str(self.closure),
            "submission": self.submission,
            "submitted_by": self.submitted_by,
            "submitted": _iso(self.submitted),
            "decided": _iso(self.decided),
            "done": _iso(self.done),
            "last_returned": _iso(self.last_returned),
            "return_reason": self.return_reason,
            "original_due": _iso(self.original_due),
            "current_due": _iso(self.current_due),
            "latest_report": self.latest_report.to_dict() if self.latest_report else None,
            "extensions": [x.to_dict() for x in self.extensions],
        }

    def __repr__(self) -> str:
        return f"<duban.ItemState {self.id} {self.closure}, due {_iso(self.current_due)}>"


_STATE_DATES = ("submitted", "decided", "done", "last_returned", "original_due", "current_due")


def _state_row(h: Any) -> ItemState:
    dates: dict[str, Optional[datetime.date]] = {}
    d = _ffi.duban_date()
    for which, name in enumerate(_STATE_DATES, start=1):
        lib.duban_state_cursor_date(byref(d), h, which)
        dates[name] = date_out(d)
    event, unit, status, percent = c_int64(), c_int64(), c_int(), c_double()
    lib.duban_state_cursor_latest_report(byref(event), byref(unit), byref(d), byref(status), byref(percent), h)
    latest = None
    if event.value:
        latest = LatestReport(
            event.value,
            unit.value,
            date_out(d),  # type: ignore[arg-type]
            _known(ReportStatus, status.value),
            percent.value if percent.value >= 0 else None,
        )
    extensions = []
    request, decision = c_int64(), c_int()
    for i in range(lib.duban_state_cursor_extension_count(h)):
        lib.duban_state_cursor_extension(byref(request), byref(d), byref(decision), h, i)
        until = date_out(d)
        assert until is not None  # a request always asks for a date
        extensions.append(ExtensionEntry(request.value, until, _known(ExtensionDecision, decision.value)))
    return ItemState(
        task=lib.duban_state_cursor_task(h),
        task_key=_text(lib.duban_state_cursor_task_key, h),
        instance=_text(lib.duban_state_cursor_instance, h),
        closure=_known(ClosureState, lib.duban_state_cursor_closure(h)),
        submission=lib.duban_state_cursor_submission(h) or None,
        submitted_by=lib.duban_state_cursor_submitted_by(h) or None,
        return_reason=_text(lib.duban_state_cursor_return_reason, h),
        latest_report=latest,
        extensions=tuple(extensions),
        **dates,
    )


@dataclass(frozen=True)
class ChainCheck:
    """What :meth:`Ledger.verify` found.

    Attributes:
        finding: a :class:`ChainFinding`.
        event: the first event concerned; None when intact.
        events: how many events the file holds.
        algorithm: the chain's :class:`HashAlgorithm`.
        head: the chain's last hash, lower-case hex: keep it elsewhere to
            pin the ledger as of today.
        message: one line for a person.
    """

    finding: Union[ChainFinding, int]
    event: Optional[int]
    events: int
    algorithm: Union[HashAlgorithm, int]
    head: str
    message: str

    @property
    def intact(self) -> bool:
        return self.finding == ChainFinding.INTACT

    def __bool__(self) -> bool:
        return self.intact

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, Any]:
        return {
            "intact": self.intact,
            "finding": str(self.finding),
            "event": self.event,
            "events": self.events,
            "algorithm": str(self.algorithm),
            "head": self.head,
            "message": self.message,
        }


class History(LedgerPart):
    """The history, state and verification methods of :class:`~duban.Ledger`."""

    __slots__ = ()

    def history(
        self,
        task: TaskRef,
        *,
        as_of: Optional[datetime.date] = None,
        instance: Optional[str] = None,
        plan: PlanRef = None,
    ) -> EventCursor:
        """The events of one task in chain order, as an iterator of :class:`Event`.

        Args:
            task: id, key or :class:`~duban.Task`.
            as_of: only events dated on or before it, each with
                ``superseded_by`` as it stood then; None for every event.
            instance: None for the task and all its instances, ``""`` for
                the task only, or one instance id (``"3@2025-03"``).
            plan: the plan; the latest when None.

        Raises:
            NotFoundError: no such plan or task.
        """
        opts = _ffi.duban_history_options()
        lib.duban_history_options_init(byref(opts), _ffi.HISTORY_OPTIONS_VERSION)
        if as_of is not None:
            d = day(as_of, "as_of")
            opts.as_of = _ffi.duban_date(d.year, d.month, d.day)
        if instance is not None:
            opts.instance = to_nts(instance, "instance")
        with Refs(self) as refs:
            plan_id = refs.plan(plan)
            task_id = refs.task(plan_id, task)
        out = POINTER(_ffi.duban_event_cursor)()
        lib.duban_event_cursor_new(byref(out), self._handle(), plan_id, task_id, byref(opts))
        return EventCursor(out, self)

    def event(self, event_id: int) -> Event:
        """One event by its id (a state's ``submission``, a report's ``ref``),
        as :meth:`history` gives it, with ``superseded_by`` as the ledger
        stands now.

        Raises:
            NotFoundError: no such event.
        """
        out = POINTER(_ffi.duban_event_cursor)()
        lib.duban_event_cursor_one(byref(out), self._handle(), int(event_id))
        with EventCursor(out, self) as cursor:
            return next(cursor)

    def states(self, as_of: Optional[datetime.date] = None, *, plan: PlanRef = None) -> list[ItemState]:
        """Every item (task or instance) of the plan with at least one event
        on or before `as_of` (today when None), as its events add up to on
        that day, by task then instance."""
        d = day(as_of, "as_of") if as_of is not None else datetime.date.today()
        with Refs(self) as refs:
            plan_id = refs.plan(plan)
        out = POINTER(_ffi.duban_state_cursor)()
        lib.duban_state_cursor_new(byref(out), self._handle(), plan_id, _ffi.duban_date(d.year, d.month, d.day))
        try:
            rows = []
            while lib.duban_state_cursor_next(out) != _ffi.DONE:
                rows.append(_state_row(out))
            return rows
        finally:
            lib.duban_state_cursor_free(out)

    def verify(self) -> ChainCheck:
        """Walks the whole audit chain. Finding tampering is a result, not an
        error: check :attr:`ChainCheck.intact`. Raises only when the file
        cannot be read."""
        out = POINTER(_ffi.duban_chain_check)()
        lib.duban_db_verify(byref(out), self._handle())
        try:
            event = lib.duban_chain_check_event(out)
            return ChainCheck(
                finding=_known(ChainFinding, lib.duban_chain_check_finding(out)),
                event=event or None,
                events=lib.duban_chain_check_events(out),
                algorithm=_known(HashAlgorithm, lib.duban_chain_check_algorithm(out)),
                head=_text(lib.duban_chain_check_head, out),
                message=_text(lib.duban_chain_check_message, out),
            )
        finally:
            lib.duban_chain_check_free(out)
