"""How ledger calls name plans, tasks and units: ids as the C API takes them,
or the names people use (a task key, a unit name or alias), resolved through
the ledger's own plan and directory. One :class:`Refs` serves one call (or
one batch): it loads the directory and each plan at most once, and only when
a name needs it."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any, Optional, Union

from ._errors import ErrorClass, InvalidArgumentError
from .directory import Directory, Unit
from .plan import Plan, Task

PlanRef = Union[int, Plan, None]
TaskRef = Union[int, str, Task]
UnitRef = Union[int, str, Unit]


def plain_int(value: Any, what: str) -> int:
    """An int argument (not a bool, which ctypes would take as 0 or 1)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an int, not {type(value).__name__}")
    return value


def day(value: Any, what: str) -> datetime.date:
    """A required date argument as a datetime.date (a datetime gives its day)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if not isinstance(value, datetime.date):
        raise TypeError(f"{what} must be a datetime.date, not {type(value).__name__}")
    return value


class Refs:
    """Resolves plan, task and unit arguments for one ledger call."""

    __slots__ = ("_ledger", "_latest", "_directory", "_plans")

    def __init__(self, ledger: Any) -> None:  # a Ledger, or one of its mixins
        self._ledger = ledger
        self._latest: Optional[int] = None
        self._directory: Optional[Directory] = None
        self._plans: dict[int, Plan] = {}

    def plan(self, plan: PlanRef) -> int:
        """A plan id; None means the latest year's plan."""
        if plan is None:
            if self._latest is None:
                self._latest = self._ledger.latest_plan_id()
            return self._latest
        if isinstance(plan, Plan):
            if plan.id is None:
                raise InvalidArgumentError(
                    "the plan was parsed, not loaded from a ledger: store it first", klass=ErrorClass.ARGUMENT
                )
            return plan.id
        return plain_int(plan, "plan")

    def task(self, plan_id: int, task: TaskRef) -> int:
        """A task id: an id as given, a :class:`Task`'s, or a key's in the plan."""
        if isinstance(task, Task):
            return task.id
        if isinstance(task, str):
            loaded = self._plans.get(plan_id)
            if loaded is None:
                loaded = self._plans[plan_id] = self._ledger.load_plan(plan_id)
            return loaded.task(task).id
        return plain_int(task, "task")

    def unit(self, unit: Optional[UnitRef], what: str = "unit") -> int:
        """A unit id: an id as given (the library checks it), a :class:`Unit`'s,
        or a name's or alias's in the ledger's directory. None is 0, the host
        application."""
        if unit is None:
            return 0
        if isinstance(unit, Unit):
            return unit.id
        if isinstance(unit, str):
            if self._directory is None:
                self._directory = self._ledger.directory()
            return self._directory.id_of(unit)
        return plain_int(unit, what)

    def close(self) -> None:
        if self._directory is not None:
            self._directory.close()
        for plan in self._plans.values():
            plan.close()
        self._plans.clear()

    def __enter__(self) -> "Refs":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class LedgerPart:
    """Base of the classes that give :class:`~duban.Ledger` its progress
    methods (reports, workflow, history): they call C through the ledger's
    handle."""

    __slots__ = ()

    if TYPE_CHECKING:  # provided by Handle, which Ledger also derives from

        def _handle(self) -> Any: ...
