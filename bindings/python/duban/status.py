"""Status and warning lights as of a date (duban/status.h): what is due,
what is late, who is behind, for every task of a plan and every instance of
its recurring obligations (docs/progress.md describes the rules)::

    report = duban.evaluate(plan, datetime.date(2025, 7, 1), facts="facts.json")
    for item in report.items:
        if item.light is duban.Light.RED:
            print(item.id, item.title, item.status, item.due)

The name ``duban.Status`` is taken by the library's status codes (errors),
so an item's status is a :class:`StatusCode` and the report a
:class:`StatusReport`.
"""

from __future__ import annotations

import datetime
import enum
import json
from ctypes import byref, c_double, c_int32, c_size_t
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _ffi, _source
from ._errors import ErrorClass, InvalidArgumentError
from ._handle import Handle
from ._lib import lib
from ._text import borrowed
from ._values import date_in, date_out, take_text
from .calendar import Calendar, roll_arg
from .graph import Role, _role_arg

if TYPE_CHECKING:
    from .db import Ledger
    from .directory import UnitRef
    from .graph import Graph
    from .plan import Plan

__all__ = ["StatusReport", "StatusItem", "ViewRow", "StatusCode", "Light", "DueBasis", "ItemKind", "evaluate"]


class StatusCode(enum.IntEnum):
    """An item's status (``duban_status_code_t``)."""

    NOT_YET_DUE = 1
    DUE_SOON = 2
    OVERDUE = 3
    DONE_ON_TIME = 4
    DONE_LATE = 5
    ONGOING = 6

    def __str__(self) -> str:
        return self.name.lower()


class Light(enum.IntEnum):
    """A warning light, ordered by severity (``duban_light_t``)."""

    GREEN = 1
    BLUE = 2
    YELLOW = 3
    RED = 4

    def __str__(self) -> str:
        return self.name.lower()


class DueBasis(enum.IntEnum):
    """Which due date counts once an extension was approved (``duban_due_basis_t``)."""

    CURRENT = 1
    ORIGINAL = 2

    def __str__(self) -> str:
        return self.name.lower()


class ItemKind(enum.IntEnum):
    """A plan task or one instance of a recurring task (``duban_item_kind_t``)."""

    TASK = 1
    INSTANCE = 2

    def __str__(self) -> str:
        return self.name.lower()


def _out(kind: type, value: int) -> Any:
    try:
        return kind(value)
    except ValueError:  # a value added to the C API after this binding
        return value


def _enum_arg(kind: type, value: Any, what: str) -> Any:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return kind[value.upper()]
        except KeyError:
            pass
    elif isinstance(value, int) and not isinstance(value, bool) and value in kind._value2member_map_:
        return kind(value)
    names = ", ".join(repr(str(m)) for m in kind)
    raise InvalidArgumentError(f"{what} {value!r} is not one of {names}", klass=ErrorClass.ARGUMENT)


_OPTION_NAMES = (
    "due_soon_workdays",
    "lag_yellow",
    "lag_red",
    "four_colour",
    "approaching_workdays",
    "due_basis",
    "done_late_light",
    "workday_curve",
    "shift",
)


def _options(options: dict[str, Any]) -> Optional[_ffi.duban_status_options]:
    unknown = sorted(set(options) - set(_OPTION_NAMES))
    if unknown:
        raise TypeError(f"evaluate() got unknown option(s) {', '.join(unknown)}; known: {', '.join(_OPTION_NAMES)}")
    if not options:
        return None
    opts = _ffi.duban_status_options()
    lib.duban_status_options_init(byref(opts), _ffi.STATUS_OPTIONS_VERSION)
    for name, value in options.items():
        if name == "due_basis":
            value = int(_enum_arg(DueBasis, value, "due_basis"))
        elif name == "done_late_light":
            value = int(_enum_arg(Light, value, "done_late_light"))
        elif name == "shift":
            value = int(roll_arg(value))
        elif name in ("four_colour", "workday_curve"):
            value = 1 if value else 0
        setattr(opts, name, value)
    return opts


@dataclass(frozen=True)
class StatusItem:
    """One task's or instance's status as of the report date.

    Attributes:
        index: place in the report.
        task_id: the task's id (for an instance, its recurring task's).
        id: the task key (``"4"``) or the instance id (``"3@2025-03"``).
        title: the task's title.
        kind: an :class:`ItemKind`.
        status: a :class:`StatusCode`.
        light: a :class:`Light`.
        due: the due date that counts; None without a hard date.
        original_due: the plan's date after the holiday shift.
        actual: the latest reported percent, None when nothing was reported.
        expected: the expected progress (序时进度), None without a curve.
        reasons: why it has its light, each a dict as in the JSON report.
        category: the 0-based place of its task's category in the plan,
            -1 for a task in no category (a guarantee measure).
    """

    index: int
    task_id: int
    id: str
    title: str
    kind: Union[ItemKind, int]
    status: Union[StatusCode, int]
    light: Union[Light, int]
    due: Optional[datetime.date]
    original_due: Optional[datetime.date]
    actual: Optional[float]
    expected: Optional[float]
    reasons: tuple[dict[str, Any], ...] = field(default=())
    category: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "task_id": self.task_id,
            "category": self.category,
            "id": self.id,
            "title": self.title,
            "kind": str(self.kind),
            "status": str(self.status),
            "light": str(self.light),
            "due": self.due.isoformat() if self.due else None,
            "original_due": self.original_due.isoformat() if self.original_due else None,
            "actual": self.actual,
            "expected": self.expected,
            "reasons": list(self.reasons),
        }


def _percent(value: float) -> Optional[float]:
    return None if value < 0 else value


@dataclass(frozen=True)
class ViewRow:
    """An item as a view shows it (:meth:`StatusReport.view`).

    Attributes:
        item: the :class:`StatusItem`.
        role: the unit's :class:`Role` in the item's task; None in a view
            that names no unit.
        via_group: the id of the group through which the unit holds the
            task; 0 when it holds it directly or the view names no unit.
    """

    item: StatusItem
    role: Optional[Union[Role, int]]
    via_group: int

    def to_dict(self) -> dict[str, Any]:
        return {"item": self.item.to_dict(), "role": str(self.role) if self.role else None, "via_group": self.via_group}


class StatusReport(Handle):
    """The status of every item of a plan as of a date. Made by :func:`evaluate`."""

    __slots__ = ("_as_of", "_items")

    def __init__(self, ptr: Any, as_of: datetime.date) -> None:
        super().__init__(ptr, lib.duban_status_free)
        self._as_of = as_of
        self._items: Optional[tuple[StatusItem, ...]] = None

    @property
    def as_of(self) -> datetime.date:
        return self._as_of

    def __len__(self) -> int:
        return lib.duban_status_count(self._handle())

    def _item(self, i: int) -> StatusItem:
        h = self._handle()
        size = c_size_t(0)
        item_id = borrowed(lib.duban_status_item_id(h, i, byref(size)), size.value)
        title = borrowed(lib.duban_status_item_title(h, i, byref(size)), size.value)
        due = _ffi.duban_date()
        original = _ffi.duban_date()
        lib.duban_status_item_due(byref(due), h, i)
        lib.duban_status_item_original_due(byref(original), h, i)
        actual = c_double(-1)
        expected = c_double(-1)
        lib.duban_status_item_percent(byref(actual), byref(expected), h, i)
        reasons = json.loads(take_text(lambda buf: lib.duban_status_item_reasons(buf, None, h, i)))
        category = c_int32(-1)
        lib.duban_status_item_category(byref(category), h, i)
        return StatusItem(
            index=i,
            task_id=lib.duban_status_item_task(h, i),
            id=item_id,
            title=title,
            kind=_out(ItemKind, lib.duban_status_item_kind(h, i)),
            status=_out(StatusCode, lib.duban_status_item_status(h, i)),
            light=_out(Light, lib.duban_status_item_light(h, i)),
            due=date_out(due),
            original_due=date_out(original),
            actual=_percent(actual.value),
            expected=_percent(expected.value),
            reasons=tuple(reasons),
            category=int(category.value),
        )

    @property
    def items(self) -> tuple[StatusItem, ...]:
        """Every item, in plan order, each recurring task followed by its instances."""
        if self._items is None:
            self._items = tuple(self._item(i) for i in range(len(self)))
        return self._items

    def __iter__(self) -> Any:
        return iter(self.items)

    def __getitem__(self, key: Union[int, str]) -> StatusItem:
        """An item by index, or by id (task key or instance id)."""
        if isinstance(key, str):
            for item in self.items:
                if item.id == key:
                    return item
            raise KeyError(key)
        return self.items[key]

    def count(self, light: Union[str, int, Light]) -> int:
        """The number of items of one light."""
        return lib.duban_status_light_count(self._handle(), int(_enum_arg(Light, light, "light")))

    def counts(self) -> dict[str, int]:
        """{"red": n, "yellow": n, "blue": n, "green": n}."""
        return {str(light): self.count(light) for light in (Light.RED, Light.YELLOW, Light.BLUE, Light.GREEN)}

    def with_light(self, light: Union[str, int, Light]) -> list[StatusItem]:
        want = _enum_arg(Light, light, "light")
        return [item for item in self.items if item.light == want]

    def view(
        self,
        unit: Optional["UnitRef"] = None,
        *,
        graph: Optional["Graph"] = None,
        role: Union[None, str, int, Role] = None,
        through_groups: bool = True,
        light: Union[None, str, int, Light] = None,
    ) -> list[ViewRow]:
        """The items a unit holds, or one light's, or both, in report order.

        Args:
            unit: a unit (a :class:`Unit`, an id, or a name or alias); None
                for every item. Needs `graph`, built from the same plan.
            role: with a unit, only the tasks where it has this role.
            through_groups: with a unit, also the tasks given to a group
                that holds it (a street holds what 各街镇 is given).
            light: only items of this light.

        Raises:
            NotFoundError: the unit is not in the graph's directory.
            InvalidArgumentError: a role without a unit, a graph of another
                plan, a value that is not a role or a light.
        """
        query = _ffi.duban_status_query()
        lib.duban_status_query_init(byref(query), _ffi.STATUS_QUERY_VERSION)
        if unit is not None:
            if graph is None:
                raise TypeError("view(unit=...) needs the plan's graph: view(unit, graph=duban.Graph(plan))")
            query.unit_id = graph.directory.id_of(unit)
        query.role = _role_arg(role)
        query.through_groups = 1 if through_groups else 0
        query.light = 0 if light is None else int(_enum_arg(Light, light, "light"))
        out = _ffi.POINTER(_ffi.duban_status_cursor)()
        lib.duban_status_cursor_new(byref(out), self._handle(), graph._handle() if graph is not None else None, byref(query))
        rows: list[ViewRow] = []
        try:
            index = c_size_t(0)
            while lib.duban_status_cursor_next(out) == _ffi.OK:
                lib.duban_status_cursor_item(byref(index), out)
                code = lib.duban_status_cursor_role(out)
                rows.append(
                    ViewRow(
                        item=self.items[index.value],
                        role=_out(Role, code) if code else None,
                        via_group=int(lib.duban_status_cursor_via_group(out)),
                    )
                )
        finally:
            lib.duban_status_cursor_free(out)
        return rows

    def to_json(self) -> str:
        """The report as JSON (docs/progress.md); deterministic."""
        return take_text(lambda buf: lib.duban_status_to_json(buf, self._handle()))

    def to_dict(self) -> dict[str, Any]:
        return json.loads(self.to_json())

    def __repr__(self) -> str:
        if self.closed:
            return "<duban.StatusReport closed>"
        counts = ", ".join(f"{k} {v}" for k, v in self.counts().items() if v)
        return f"<duban.StatusReport as of {self._as_of.isoformat()}: {len(self)} items ({counts})>"


def evaluate(
    plan: "Plan",
    as_of: datetime.date,
    facts: Optional[_source.JsonSource] = None,
    calendar: Optional[Calendar] = None,
    **options: Any,
) -> StatusReport:
    """The status and light of every task and instance of `plan` as of
    `as_of`.

    `facts` are progress facts (a path, JSON text or bytes, or a dict in the
    ``{"duban_progress": 1, "items": [...]}`` format); `calendar` defaults to
    the built-in one. `options` are the light rules: ``due_soon_workdays``
    (3), ``lag_yellow`` (10), ``lag_red`` (30), ``four_colour`` (False),
    ``approaching_workdays`` (10), ``due_basis`` ("current"),
    ``done_late_light`` ("green"), ``workday_curve`` (True), ``shift``
    ("following")."""
    opts = _options(options)
    text: Optional[bytes] = None
    if facts is not None:
        text, _ = _source.read(facts, "progress facts")
    d = date_in(as_of)
    out = _ffi.POINTER(_ffi.duban_status)()
    lib.duban_status_evaluate(
        byref(out),
        plan._handle(),
        calendar._handle() if calendar is not None else None,
        d,
        text,
        len(text) if text is not None else 0,
        byref(opts) if opts is not None else None,
    )
    day = as_of.date() if isinstance(as_of, datetime.datetime) else as_of
    return StatusReport(out, day)




def ledger_status(
    ledger: "Ledger",
    as_of: datetime.date,
    plan: Optional["Plan"] = None,
    calendar: Optional[Calendar] = None,
    **options: Any,
) -> StatusReport:
    """The status of a stored plan (the latest one by default) as of
    `as_of`, its progress read from the ledger's reports and workflow events
    as they stood that day. `options` as for :func:`evaluate`. Use
    :meth:`Ledger.status`."""
    opts = _options(options)
    if plan is None:
        plan = ledger.latest_plan()
    out = _ffi.POINTER(_ffi.duban_status)()
    lib.duban_db_status(
        byref(out),
        ledger._handle(),
        plan._handle(),
        calendar._handle() if calendar is not None else None,
        date_in(as_of),
        byref(opts) if opts is not None else None,
    )
    day = as_of.date() if isinstance(as_of, datetime.datetime) else as_of
    return StatusReport(out, day)
