"""The closure workflow (申请办结, 办结, 退回), extensions (延期) and the
coordinating office (duban/report.h)::

    s = ledger.submit_closure("7", unit="区财政局", date=d1, evidence=["临财〔2025〕8号"])
    ledger.return_closure(s, unit="区合作交流办", date=d2, reason="缺少资金拨付凭证")
    s = ledger.submit_closure("7", unit="区财政局", date=d3, evidence=["拨付凭证.pdf"])
    ledger.approve_closure(s, unit="区合作交流办", date=d4)

Every step is an event with its actor, date and reason, and returns its
event id. Only the task's lead (or the coordinating office) submits and asks
for extensions; only the coordinating office decides. A refusal raises
:class:`~duban.PermissionRefusedError` and writes nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from ctypes import byref, c_char_p, c_int64
from typing import Any, Callable, Optional

from . import _ffi
from ._lib import lib
from ._refs import LedgerPart, PlanRef, Refs, TaskRef, UnitRef, day, plain_int
from ._text import to_nts

__all__: list[str] = []


def _step(refs: Refs, unit: UnitRef, date: datetime.date, reason: str, user: str, evidence: Sequence[str]) -> Any:
    """A duban_step. ctypes keeps the bytes and the array its fields point
    to alive with the step (its _objects); the library copies them."""
    step = _ffi.duban_step()
    lib.duban_step_init(byref(step), _ffi.STEP_VERSION)
    d = day(date, "date")
    step.date = _ffi.duban_date(d.year, d.month, d.day)
    step.unit_id = refs.unit(unit)
    step.user = to_nts(user, "user") if user else None
    step.reason = to_nts(reason, "reason") if reason else None
    if isinstance(evidence, str):
        raise TypeError("evidence is a list of references, not one str")
    refs_bytes = [to_nts(e, "evidence") for e in evidence]
    array = (c_char_p * max(len(refs_bytes), 1))(*refs_bytes)
    step.evidence = array
    step.evidence_count = len(refs_bytes)
    return step


def _event(call: Callable[[Any], Any]) -> int:
    out = c_int64()
    call(byref(out))
    return out.value


class Workflow(LedgerPart):
    """The workflow methods of :class:`~duban.Ledger`."""

    __slots__ = ()

    def submit_closure(
        self,
        task: TaskRef,
        *,
        unit: UnitRef,
        date: datetime.date,
        evidence: Sequence[str],
        reason: str = "",
        user: str = "",
        instance: Optional[str] = None,
        plan: PlanRef = None,
    ) -> int:
        """The lead unit says the item is done, with at least one piece of
        evidence (申请办结). Returns the submission's event id, which
        :meth:`approve_closure` and :meth:`return_closure` take.

        Raises:
            PermissionRefusedError: `unit` is not the task's lead (nor the
                coordinating office).
            InvalidArgumentError: no evidence; a submission is pending; the
                item is closed.
        """
        h = self._handle()
        with Refs(self) as refs:
            plan_id = refs.plan(plan)
            task_id = refs.task(plan_id, task)
            step = _step(refs, unit, date, reason, user, evidence)
        inst = None if instance is None else to_nts(instance, "instance")
        return _event(lambda out: lib.duban_db_submit_closure(out, h, plan_id, task_id, inst, byref(step)))

    def _decide(self, fn: Any, event: int, unit: UnitRef, date: datetime.date, reason: str, user: str) -> int:
        h = self._handle()
        with Refs(self) as refs:
            step = _step(refs, unit, date, reason, user, ())
        target = plain_int(event, "event")
        return _event(lambda out: fn(out, h, target, byref(step)))

    def approve_closure(
        self, submission: int, *, unit: UnitRef, date: datetime.date, reason: str = "", user: str = ""
    ) -> int:
        """The coordinating office closes the item (办结). `submission` is
        the pending submission's event id. Raises
        :class:`~duban.PermissionRefusedError` for anyone else."""
        return self._decide(lib.duban_db_approve_closure, submission, unit, date, reason, user)

    def return_closure(
        self, submission: int, *, unit: UnitRef, date: datetime.date, reason: str, user: str = ""
    ) -> int:
        """The coordinating office returns the submission with a reason
        (退回); the item reopens."""
        return self._decide(lib.duban_db_return_closure, submission, unit, date, reason, user)

    def request_extension(
        self,
        task: TaskRef,
        until: datetime.date,
        *,
        unit: UnitRef,
        date: datetime.date,
        reason: str,
        user: str = "",
        instance: Optional[str] = None,
        plan: PlanRef = None,
    ) -> int:
        """The lead asks, with a reason, on or before the item's current due
        date, to move it to `until` (申请延期). Returns the request's event id."""
        h = self._handle()
        with Refs(self) as refs:
            plan_id = refs.plan(plan)
            task_id = refs.task(plan_id, task)
            step = _step(refs, unit, date, reason, user, ())
        new_due = day(until, "until")
        inst = None if instance is None else to_nts(instance, "instance")
        c_until = _ffi.duban_date(new_due.year, new_due.month, new_due.day)
        return _event(lambda out: lib.duban_db_request_extension(out, h, plan_id, task_id, inst, c_until, byref(step)))

    def approve_extension(
        self, request: int, *, unit: UnitRef, date: datetime.date, reason: str = "", user: str = ""
    ) -> int:
        """The coordinating office approves a pending extension request."""
        return self._decide(lib.duban_db_approve_extension, request, unit, date, reason, user)

    def refuse_extension(
        self, request: int, *, unit: UnitRef, date: datetime.date, reason: str, user: str = ""
    ) -> int:
        """The coordinating office refuses a pending extension request, with a reason."""
        return self._decide(lib.duban_db_refuse_extension, request, unit, date, reason, user)

    def set_coordinator(self, unit: UnitRef, *, by: Optional[UnitRef] = None, user: str = "") -> int:
        """Names the coordinating office (督办/牵头协调部门). `by` is who acts:
        None for the host application. Once an office is set, only it (or
        the host) may hand the role on. Returns the event id."""
        h = self._handle()
        with Refs(self) as refs:
            office = refs.unit(unit)
            actor = refs.unit(by, "by")
        who = to_nts(user, "user") if user else None
        return _event(lambda out: lib.duban_db_set_coordinator(out, h, office, actor, who))

    @property
    def coordinator(self) -> Optional[int]:
        """The coordinating office's unit id; None while none is set."""
        out = c_int64()
        lib.duban_db_coordinator(byref(out), self._handle())
        return out.value or None
