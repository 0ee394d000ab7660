"""The task–responsibility graph (duban/graph.h): :class:`Graph` and its query results."""

from __future__ import annotations

import datetime
import enum
import json
from ctypes import POINTER, byref, c_size_t
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Optional, Sequence, Union

from . import _ffi
from ._errors import ErrorClass, InvalidArgumentError, NotFoundError
from ._handle import Handle, RowCursor
from ._lib import lib
from ._text import borrowed
from ._values import Format, date_out, format_arg, take_text
from .directory import Directory, Unit, UnitKind, UnitRef

if TYPE_CHECKING:  # plan.py imports this module; no cycle at run time
    from .plan import Plan, Task

__all__ = ["Role", "GroupMode", "Assignment", "LintFinding", "Graph", "TaskCursor", "UnitCursor"]


class Role(enum.IntEnum):
    """A unit's part in a task (``duban_role_t``). ``str()`` gives the name
    the plan format uses; :attr:`chinese` the term documents use."""

    LEAD = 1
    RESPONSIBLE = 2
    SUPPORT = 3

    def __str__(self) -> str:
        return self.name.lower()

    @property
    def chinese(self) -> str:
        """牵头, 责任 or 配合."""
        return _CHINESE[self]

    @classmethod
    def parse(cls, text: str) -> "Role":
        """A role from its name (``"lead"``) or a Chinese term (牵头, 主办,
        责任, 负责, 配合, 协办). Raises :class:`InvalidArgumentError`."""
        key = text.strip()
        role = _BY_TEXT.get(key.lower()) or _BY_TEXT.get(key)
        if role is None:
            raise InvalidArgumentError(
                f"unknown role {text!r}: expected lead, responsible or support (牵头, 责任, 配合)",
                klass=ErrorClass.ARGUMENT,
            )
        return role


_CHINESE = {Role.LEAD: "牵头", Role.RESPONSIBLE: "责任", Role.SUPPORT: "配合"}
_BY_TEXT = {
    "lead": Role.LEAD,
    "responsible": Role.RESPONSIBLE,
    "support": Role.SUPPORT,
    "牵头": Role.LEAD,
    "主办": Role.LEAD,
    "责任": Role.RESPONSIBLE,
    "负责": Role.RESPONSIBLE,
    "配合": Role.SUPPORT,
    "协办": Role.SUPPORT,
}


def role_out(value: int) -> Union[Role, int]:
    try:
        return Role(value)
    except ValueError:  # a role added to the C API after this binding
        return value


def _role_arg(role: Union[None, str, int, Role]) -> int:
    """0 (any) for None; a name is parsed here; any int goes to the library,
    which is the authority on which numbers are roles."""
    if role is None:
        return 0
    if isinstance(role, str):
        return int(Role.parse(role))
    if isinstance(role, int) and not isinstance(role, bool):
        return int(role)
    raise TypeError(f"role must be None, a duban.Role or its name, not {type(role).__name__}")


class GroupMode(enum.IntEnum):
    """How :meth:`Graph.units_of` treats a group the plan names
    (``duban_group_mode_t``)."""

    EXPAND = 1  #: each member unit in its place; a group with no known members stays itself
    KEEP = 2  #: the entries as written, groups included

    def __str__(self) -> str:
        return self.name.lower()


def _groups_arg(groups: Union[str, int, GroupMode]) -> int:
    if isinstance(groups, str):
        try:
            return int(GroupMode[groups.upper()])
        except KeyError:
            raise InvalidArgumentError(
                f"unknown group mode {groups!r}: expected 'expand' or 'keep'", klass=ErrorClass.ARGUMENT
            ) from None
    if isinstance(groups, int) and not isinstance(groups, bool):
        return int(groups)
    raise TypeError(f"groups must be 'expand', 'keep' or a duban.GroupMode, not {type(groups).__name__}")


@dataclass(frozen=True)
class Assignment:
    """One unit's part in one task: a row of :meth:`Graph.tasks_of` or
    :meth:`Graph.units_of`.

    When a unit holds a task several ways (named itself, and through 各街镇),
    the strongest role is kept (docs/graph.md, "strongest wins").

    Attributes:
        task: the task id (1-based place in the plan).
        task_key, task_number, task_title: the task as the plan writes it.
        unit: the unit's (or group's) id.
        unit_name: its name as the directory writes it.
        role: the :class:`Role` kept.
        due: the task's due date, or None (ongoing or recurring duties).
        via_group: the id of the group the plan wrote when the unit holds the
            task through it, else None.
        via_group_name: that group's name, else None.
        position: 1-based place, in the task's list, of the entry that gave
            the role; None in :meth:`Graph.tasks_of` rows (the C API does not
            report it there).
        collective: the unit is itself a group (kept as written, or one whose
            members nobody has listed).
    """

    task: int
    task_key: str
    task_number: str
    task_title: str
    unit: int
    unit_name: str
    role: Union[Role, int]
    due: Optional[datetime.date]
    via_group: Optional[int]
    via_group_name: Optional[str]
    position: Optional[int]
    collective: bool

    def to_dict(self) -> dict[str, Any]:
        """A plain dict: role by name, due as ``YYYY-MM-DD`` or None."""
        d = asdict(self)
        d["role"] = str(self.role)
        d["due"] = self.due.isoformat() if self.due else None
        return d


@dataclass(frozen=True)
class LintFinding:
    """One finding of :meth:`Graph.lint_findings`.

    Attributes:
        code: what kind (``"several_leads"``, ``"unresolved_group"``,
            ``"unknown_unit"``, ``"idle_unit"``, ...).
        severity: ``"error"``, ``"warning"`` or ``"note"``.
        tasks: task ids concerned.
        units: unit ids concerned.
        message: one line of English.
    """

    code: str
    severity: str
    tasks: tuple[int, ...]
    units: tuple[int, ...]
    message: str

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["tasks"], d["units"] = list(self.tasks), list(self.units)
        return d


class Graph(Handle):
    """The task–responsibility graph of one plan: immutable once built, so it
    may be read from several threads at once.

    ``Graph(plan)`` resolves the plan's unit names against its own directory;
    ``Graph(plan, directory)`` against another (a ledger's). Faulty plans
    still give a graph: :meth:`lint` reports what is wrong.
    """

    def __init__(self, plan: "Plan", directory: Optional[Directory] = None) -> None:
        out = POINTER(_ffi.duban_graph)()
        dir_handle = directory._handle() if directory is not None else None
        # The plan's task list is read now, while the plan is certainly open:
        # units_of() rows are filled from it.
        tasks = plan.tasks
        lib.duban_graph_new(byref(out), plan._handle(), dir_handle)
        super().__init__(out, lib.duban_graph_free)
        self._plan = plan
        self._tasks: Sequence["Task"] = tasks
        self._directory: Optional[Directory] = None

    @property
    def plan(self) -> "Plan":
        """The plan the graph was built from."""
        return self._plan

    @property
    def directory(self) -> Directory:
        """The directory the graph's unit ids refer to."""
        if self._directory is None:
            out = POINTER(_ffi.duban_directory)()
            lib.duban_graph_directory(byref(out), self._handle())
            self._directory = Directory(out, _parent=self)
        return self._directory

    @property
    def task_count(self) -> int:
        """The number of tasks; ids run from 1 to this number."""
        return int(lib.duban_graph_task_count(self._handle()))

    def __len__(self) -> int:
        return self.task_count

    # -- queries ---------------------------------------------------------------

    def iter_tasks_of(
        self, unit: UnitRef, role: Union[None, str, int, Role] = None, through_groups: bool = True
    ) -> "TaskCursor":
        """Like :meth:`tasks_of`, as an iterator over a live cursor."""
        directory = self.directory
        uid = directory.id_of(unit)
        opts = _ffi.duban_task_query_options()
        lib.duban_task_query_options_init(byref(opts), _ffi.TASK_QUERY_OPTIONS_VERSION)
        opts.role = _role_arg(role)
        opts.through_groups = 1 if through_groups else 0
        out = POINTER(_ffi.duban_task_cursor)()
        lib.duban_task_cursor_new(byref(out), self._handle(), uid, byref(opts))
        return TaskCursor(out, self, directory.unit(uid))

    def tasks_of(
        self, unit: UnitRef, role: Union[None, str, int, Role] = None, through_groups: bool = True
    ) -> list[Assignment]:
        """The tasks a unit holds, one :class:`Assignment` per task in plan order.

        Args:
            unit: a :class:`Unit`, an id, or a name or alias.
            role: only this role (a :class:`Role` or its name); None for all.
            through_groups: also the tasks given to a group that holds the unit
                (a street holds what 各街镇 is given).

        Raises:
            NotFoundError: the unit is not in the graph's directory.
            InvalidArgumentError: `role` is not a role.
        """
        with self.iter_tasks_of(unit, role, through_groups) as cursor:
            return list(cursor)

    def iter_units_of(
        self,
        task: Union[int, str, "Task"],
        role: Union[None, str, int, Role] = None,
        groups: Union[str, int, GroupMode] = GroupMode.EXPAND,
    ) -> "UnitCursor":
        """Like :meth:`units_of`, as an iterator over a live cursor."""
        tid = self._task_id(task)
        opts = _ffi.duban_unit_query_options()
        lib.duban_unit_query_options_init(byref(opts), _ffi.UNIT_QUERY_OPTIONS_VERSION)
        opts.role = _role_arg(role)
        opts.groups = _groups_arg(groups)
        out = POINTER(_ffi.duban_unit_cursor)()
        lib.duban_unit_cursor_new(byref(out), self._handle(), tid, byref(opts))
        return UnitCursor(out, self, self._tasks[tid - 1] if 0 < tid <= len(self._tasks) else None)

    def units_of(
        self,
        task: Union[int, str, "Task"],
        role: Union[None, str, int, Role] = None,
        groups: Union[str, int, GroupMode] = GroupMode.EXPAND,
    ) -> list[Assignment]:
        """The units of a task, one :class:`Assignment` each.

        Args:
            task: a task id, a task key, or a :class:`Task`.
            role: only this role; None for all.
            groups: ``"expand"`` (default): one row per member unit, ordered by
                place in the task's list then directory order; ``"keep"``: one
                row per entry as written, groups included.

        Raises:
            NotFoundError: no such task.
        """
        with self.iter_units_of(task, role, groups) as cursor:
            return list(cursor)

    def _task_id(self, task: Union[int, str, "Task"]) -> int:
        if isinstance(task, bool):
            raise TypeError("a task is an id, a key or a Task, not a bool")
        if isinstance(task, int):
            return task
        if isinstance(task, str):
            for t in self._tasks:
                if t.key == task:
                    return t.id
            raise NotFoundError(f"no task has key {task!r}", klass=ErrorClass.GRAPH)
        task_id = getattr(task, "id", None)
        if isinstance(task_id, int):
            return task_id
        raise TypeError(f"a task is an id, a key or a Task, not {type(task).__name__}")

    # -- reports ---------------------------------------------------------------

    def matrix(self, format: Union[str, Format] = "text") -> str:
        """The responsibility matrix: a row per task, a column per unit that
        holds one, 牵/责/配 in the cells.

        ``"text"`` is an aligned table for terminals. ``"csv"`` is a
        spreadsheet file: it starts with a byte-order mark (U+FEFF) and ends
        lines with CRLF, so write it unchanged:
        ``open(p, "w", encoding="utf-8", newline="").write(g.matrix("csv"))``.
        """
        fmt = format_arg(format, (Format.TEXT, Format.CSV))
        h = self._handle()
        return take_text(lambda out: lib.duban_graph_matrix(out, h, fmt))

    def dot(self) -> str:
        """The graph in Graphviz DOT (deterministic)."""
        h = self._handle()
        return take_text(lambda out: lib.duban_graph_to_dot(out, h))

    def lint(self, format: Union[str, Format] = "text") -> str:
        """What is wrong or doubtful in the plan's responsibilities: tasks
        with no unit or several leads, unresolved groups, idle and unknown
        units, missing dependencies, cycles. ``"text"``: one finding per line,
        ``""`` when clean; ``"json"``: a JSON array."""
        fmt = format_arg(format, (Format.TEXT, Format.JSON))
        h = self._handle()
        count = c_size_t()
        return take_text(lambda out: lib.duban_graph_lint(out, byref(count), h, fmt))

    def lint_findings(self) -> list[LintFinding]:
        """:meth:`lint` as :class:`LintFinding` objects."""
        return [
            LintFinding(
                code=f.get("code", ""),
                severity=f.get("severity", ""),
                tasks=tuple(f.get("tasks") or ()),
                units=tuple(f.get("units") or ()),
                message=f.get("message", ""),
            )
            for f in json.loads(self.lint(Format.JSON))
        ]

    def __repr__(self) -> str:
        if self.closed:
            return "<duban.Graph (closed)>"
        return f"<duban.Graph {self.task_count} tasks, {len(self.directory)} units>"


class TaskCursor(RowCursor[Assignment]):
    """An iterator over the tasks a unit holds (:meth:`Graph.iter_tasks_of`).
    Each row is copied into an :class:`Assignment` before the next C call.
    ``len()`` is the number of rows, whatever has been read."""

    def __init__(self, ptr: Any, graph: Graph, unit: Unit) -> None:
        super().__init__(ptr, lib.duban_task_cursor_free, lib.duban_task_cursor_next, lib.duban_task_cursor_count)
        self._graph = graph
        self._unit = unit

    def _row(self, h: Any) -> Assignment:
        size = c_size_t()
        key = borrowed(lib.duban_task_cursor_key(h, byref(size)), size.value)
        number = borrowed(lib.duban_task_cursor_number(h, byref(size)), size.value)
        title = borrowed(lib.duban_task_cursor_title(h, byref(size)), size.value)
        due = _ffi.duban_date()
        lib.duban_task_cursor_due(byref(due), h)
        via = lib.duban_task_cursor_via_group(h)
        directory = self._graph.directory
        return Assignment(
            task=int(lib.duban_task_cursor_id(h)),
            task_key=key,
            task_number=number,
            task_title=title,
            unit=self._unit.id,
            unit_name=self._unit.name,
            role=role_out(lib.duban_task_cursor_role(h)),
            due=date_out(due),
            via_group=int(via) if via else None,
            via_group_name=directory.unit(via).name if via else None,
            position=None,
            collective=self._unit.kind == UnitKind.GROUP,
        )

    def __repr__(self) -> str:
        state = f"{len(self)} rows" + (", closed" if self.closed else "")
        return f"<duban.TaskCursor of {self._unit.name!r} ({state})>"


class UnitCursor(RowCursor[Assignment]):
    """An iterator over the units of a task (:meth:`Graph.iter_units_of`).
    Each row is copied into an :class:`Assignment` before the next C call."""

    def __init__(self, ptr: Any, graph: Graph, task: Optional["Task"]) -> None:
        super().__init__(ptr, lib.duban_unit_cursor_free, lib.duban_unit_cursor_next, lib.duban_unit_cursor_count)
        self._graph = graph
        self._task = task

    def _row(self, h: Any) -> Assignment:
        size = c_size_t()
        name = borrowed(lib.duban_unit_cursor_name(h, byref(size)), size.value)
        via = lib.duban_unit_cursor_via_group(h)
        task = self._task
        return Assignment(
            task=task.id if task else 0,
            task_key=task.key if task else "",
            task_number=task.number if task else "",
            task_title=task.title if task else "",
            unit=int(lib.duban_unit_cursor_id(h)),
            unit_name=name,
            role=role_out(lib.duban_unit_cursor_role(h)),
            due=task.due if task else None,
            via_group=int(via) if via else None,
            via_group_name=self._graph.directory.unit(via).name if via else None,
            position=int(lib.duban_unit_cursor_position(h)),
            collective=bool(lib.duban_unit_cursor_collective(h)),
        )

    def __repr__(self) -> str:
        state = f"{len(self)} rows" + (", closed" if self.closed else "")
        what = f"task {self._task.id}" if self._task else "a task"
        return f"<duban.UnitCursor of {what} ({state})>"
