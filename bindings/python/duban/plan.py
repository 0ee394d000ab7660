"""Work plans (duban/plan.h): :class:`Plan`, its :class:`Task` list, and the
rows of a ledger's plan list (:class:`PlanInfo`)."""

from __future__ import annotations

import datetime
import json
from ctypes import POINTER, byref, c_size_t
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator, Optional, Union

from . import _ffi, _source
from ._errors import ErrorClass, NotFoundError
from ._handle import Handle, RowCursor
from ._lib import lib
from ._text import borrowed, to_nts
from ._values import Format, date_out, format_arg, take_text
from .directory import Directory
from .graph import Graph, Role

if TYPE_CHECKING:
    import os

    from .assess import Scheme
    from .assessment import Assessment
    from .calendar import Calendar
    from .db import Ledger

__all__ = ["Plan", "Task", "Responsibility", "Validation", "ValidationFinding", "PlanInfo", "PlanCursor", "parse_plan"]


@dataclass(frozen=True)
class Responsibility:
    """One entry of a task's unit list, as the plan writes it.

    Attributes:
        unit: the unit or group name as written.
        role: a :class:`Role`.
        collective: the name is a group (各街镇) or a collective nobody has
            listed members for.
    """

    unit: str
    role: Union[Role, int]
    collective: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "role": str(self.role), "collective": self.collective}


def _date(text: Optional[str]) -> Optional[datetime.date]:
    return datetime.date.fromisoformat(text) if text else None


@dataclass(frozen=True)
class Task:
    """One task (or guarantee measure) of a plan, as a value.

    Attributes:
        id: 1-based place in the plan: the id the graph uses.
        key: unique in the plan; what ``depends_on`` names.
        number: as printed (``"7"``, ``"（一）"``); may be ``""``.
        title: the task's title as written.
        kind: ``"task"`` or ``"measure"``.
        body: the full text, ``""`` when the plan has none.
        responsibilities: the unit list, in the plan's order.
        due: the due date, or None (ongoing, recurring, relative).
        due_text: the deadline phrase as written (``6月底前``).
        ongoing: 持续推进 / 常态化: no hard date.
        depends_on: keys of tasks that must finish first.
        section: the title of the section it is in (重点任务), or None.
        category: the title of its category (组织领导), or None.
        line: source line, when the plan came from a document.
        data: the task's whole entry in the plan file (recurrence,
            milestones, targets, ...), as plain data.
    """

    id: int
    key: str
    number: str
    title: str
    kind: str = "task"
    body: str = ""
    responsibilities: tuple[Responsibility, ...] = ()
    due: Optional[datetime.date] = None
    due_text: str = ""
    ongoing: bool = False
    depends_on: tuple[str, ...] = ()
    section: Optional[str] = None
    category: Optional[str] = None
    line: Optional[int] = None
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The plan-file entry, plus ``id``, ``section`` and ``category``."""
        return {"id": self.id, **self.data, "section": self.section, "category": self.category}

    @classmethod
    def _from_json(cls, task_id: int, t: dict[str, Any], section: Optional[str], category: Optional[str]) -> "Task":
        return cls(
            id=task_id,
            key=t.get("key", ""),
            number=t.get("number", ""),
            title=t.get("title", ""),
            kind=t.get("kind", "task"),
            body=t.get("body", ""),
            responsibilities=tuple(
                Responsibility(r["unit"], _role_from_name(r["role"]), bool(r.get("collective", False)))
                for r in t.get("responsibilities", ())
            ),
            due=_date(t.get("due")),
            due_text=t.get("due_text", ""),
            ongoing=bool(t.get("ongoing", False)),
            depends_on=tuple(t.get("depends_on", ())),
            section=section,
            category=category,
            line=t.get("line"),
            data=t,
        )


def _role_from_name(name: str) -> Union[Role, int]:
    try:
        return Role[name.upper()]
    except KeyError:
        return 0


def _tasks_of_plan_file(doc: dict[str, Any]) -> tuple[Task, ...]:
    """Tasks in plan order. duban_plan_to_json writes them section by section,
    each section's categories before its own tasks, loose tasks last: the
    order duban_plan_parse numbers them in."""
    p = doc["plan"]
    rows: list[tuple[dict[str, Any], Optional[str], Optional[str]]] = []
    for s in p.get("sections", ()):
        for c in s.get("categories", ()):
            rows.extend((t, s.get("title"), c.get("title")) for t in c.get("tasks", ()))
        rows.extend((t, s.get("title"), None) for t in s.get("tasks", ()))
    rows.extend((t, None, None) for t in p.get("tasks", ()))
    return tuple(Task._from_json(i, t, s, c) for i, (t, s, c) in enumerate(rows, start=1))


@dataclass(frozen=True)
class ValidationFinding:
    """One finding of :meth:`Plan.findings`: ``severity`` (``"error"`` or
    ``"warning"``), the source ``line`` when known, ``where`` (``task 3,
    responsibilities[1]``) and ``message``."""

    severity: str
    line: Optional[int]
    where: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"severity": self.severity, "line": self.line, "where": self.where, "message": self.message}


@dataclass(frozen=True)
class Validation:
    """What :meth:`Plan.validate` found: the `report` in the format asked
    for and the number of `errors` (warnings are reported, not counted)."""

    report: str
    errors: int
    format: Format

    @property
    def ok(self) -> bool:
        """True when there are no errors."""
        return self.errors == 0

    def to_dict(self) -> dict[str, Any]:
        return {"report": self.report, "errors": self.errors, "format": str(self.format)}


class Plan(Handle):
    """An immutable snapshot of a work plan and the directory its
    responsibilities are resolved against.

    Parse one with :meth:`Plan.parse` (or :func:`duban.parse_plan`), or load
    one from a ledger (:meth:`Ledger.load_plan`, :meth:`Ledger.latest_plan`).
    ``len(plan)`` is the number of tasks; ``for task in plan`` walks them.
    A plan may be read from several threads at once, and stays valid after
    the ledger it came from is closed.
    """

    def __init__(self, ptr: Any) -> None:
        super().__init__(ptr, lib.duban_plan_free)
        self._tasks: Optional[tuple[Task, ...]] = None
        self._directory: Optional[Directory] = None

    @classmethod
    def parse(cls, source: _source.JsonSource, source_name: Optional[str] = None) -> "Plan":
        """Parses a plan file (docs/plan-format.md): JSON text, bytes, a dict
        or a path. Unknown unit names are kept, not rejected: :meth:`validate`
        reports them.

        Args:
            source_name: names the text in messages; defaults to the file's
                path, or ``"plan"``.

        Raises:
            ParseError: bad JSON; ``.line`` and ``.column`` say where.
            InvalidArgumentError: a wrong or missing field, with its path.
            AlreadyExistsError: a unit name used twice.
            EncodingError: bytes that are not UTF-8.
        """
        data, name = _source.read(source, "plan JSON")
        name = source_name if source_name is not None else name
        out = POINTER(_ffi.duban_plan)()
        lib.duban_plan_parse(byref(out), data, len(data), to_nts(name, "source_name") if name else None)
        return cls(out)

    from_json = parse

    @classmethod
    def _load(cls, ledger: "Ledger", plan_id: int) -> "Plan":
        out = POINTER(_ffi.duban_plan)()
        lib.duban_plan_load(byref(out), ledger._handle(), plan_id)
        return cls(out)

    # -- properties ------------------------------------------------------------

    @property
    def id(self) -> Optional[int]:
        """The id in the ledger it was loaded from; None when only parsed."""
        value = lib.duban_plan_id(self._handle())
        return int(value) if value else None

    def _text(self, fn: Any) -> str:
        size = c_size_t()
        return borrowed(fn(self._handle(), byref(size)), size.value)

    @property
    def title(self) -> str:
        """The title as written (…工作要点)."""
        return self._text(lib.duban_plan_title)

    @property
    def doc_number(self) -> str:
        """The document number (临合组办〔2025〕2号); ``""`` when none."""
        return self._text(lib.duban_plan_doc_number)

    @property
    def issuer(self) -> str:
        """The issuing body; ``""`` when the plan does not say."""
        return self._text(lib.duban_plan_issuer)

    @property
    def year(self) -> int:
        """The plan year: deadlines without a year fall in it."""
        return int(lib.duban_plan_year(self._handle()))

    @property
    def issued(self) -> Optional[datetime.date]:
        """The date on the document, or None."""
        d = _ffi.duban_date()
        lib.duban_plan_issued(byref(d), self._handle())
        return date_out(d)

    @property
    def task_count(self) -> int:
        """The number of tasks (guarantee measures included)."""
        return int(lib.duban_plan_task_count(self._handle()))

    def __len__(self) -> int:
        return self.task_count

    @property
    def tasks(self) -> tuple[Task, ...]:
        """Every task, in plan order (``tasks[i].id == i + 1``)."""
        if self._tasks is None:
            self._tasks = _tasks_of_plan_file(json.loads(self.to_json()))
        return self._tasks

    def __iter__(self) -> Iterator[Task]:
        return iter(self.tasks)

    def task(self, key: Union[int, str]) -> Task:
        """A task by id (1-based) or by key. Raises :class:`NotFoundError`."""
        tasks = self.tasks
        if isinstance(key, int) and not isinstance(key, bool):
            if 1 <= key <= len(tasks):
                return tasks[key - 1]
            raise NotFoundError(f"task {key} is not in a plan of {len(tasks)} tasks", klass=ErrorClass.ARGUMENT)
        for t in tasks:
            if t.key == key:
                return t
        raise NotFoundError(f"no task has key {key!r}", klass=ErrorClass.ARGUMENT)

    @property
    def directory(self) -> Directory:
        """The directory the plan's responsibilities are resolved against."""
        if self._directory is None:
            out = POINTER(_ffi.duban_directory)()
            lib.duban_plan_directory(byref(out), self._handle())
            self._directory = Directory(out, _parent=self)
        return self._directory

    # -- checks and output -------------------------------------------------------

    def validate(self, format: Union[str, Format] = "text") -> Validation:
        """Checks the plan against its directory: empty titles and names,
        duplicate numbers or keys, unknown units, missing dependencies and
        cycles. Findings are data, not exceptions: look at ``.errors``."""
        fmt = format_arg(format, (Format.TEXT, Format.JSON))
        h = self._handle()
        errors = c_size_t()
        report = take_text(lambda out: lib.duban_plan_validate(out, byref(errors), h, fmt))
        return Validation(report, int(errors.value), fmt)

    def findings(self) -> list[ValidationFinding]:
        """:meth:`validate`'s findings as objects."""
        return [
            ValidationFinding(f.get("severity", ""), f.get("line"), f.get("where", ""), f.get("message", ""))
            for f in json.loads(self.validate(Format.JSON).report)
        ]

    def to_json(self) -> str:
        """The plan as a complete plan file, readable by :meth:`parse`.
        Deterministic: the same plan always gives the same text."""
        h = self._handle()
        return take_text(lambda out: lib.duban_plan_to_json(out, h))

    def to_dict(self) -> dict[str, Any]:
        """The plan file as plain data (``json.loads(self.to_json())``)."""
        return json.loads(self.to_json())

    def graph(self, directory: Optional[Directory] = None) -> Graph:
        """The plan's task–responsibility graph (see :class:`Graph`)."""
        return Graph(self, directory)

    def assess(
        self,
        scheme: Union["Scheme", str, "os.PathLike[str]"],
        as_of: datetime.date,
        inputs: Any = None,
        *,
        calendar: Optional["Calendar"] = None,
    ) -> "Assessment":
        """Scores the plan's units under `scheme` (a :class:`Scheme` or a
        scheme file) as of `as_of`, the facts taken from `inputs` alone:
        input files (paths, JSON text, dicts) or :class:`AssessmentInput`
        objects, merged in order. :meth:`Ledger.assess` adds what a ledger
        records. See :mod:`duban.assess`."""
        from .assess import assess_plan  # assess builds on this module

        return assess_plan(self, scheme, as_of, inputs, calendar)

    def __repr__(self) -> str:
        if self.closed:
            return "<duban.Plan (closed)>"
        where = f" id={self.id}" if self.id else ""
        return f"<duban.Plan{where} {self.year} {self.title!r} ({self.task_count} tasks)>"


def parse_plan(source: _source.JsonSource, source_name: Optional[str] = None) -> Plan:
    """Same as :meth:`Plan.parse`."""
    return Plan.parse(source, source_name)


@dataclass(frozen=True)
class PlanInfo:
    """A row of :meth:`Ledger.plans`: a stored plan, without loading it.

    Attributes:
        id: the id for :meth:`Ledger.load_plan`.
        title, doc_number, year: as stored.
        task_count: its number of tasks.
        created: when this version was stored (timezone-aware UTC).
    """

    id: int
    title: str
    doc_number: str
    year: int
    task_count: int
    created: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "doc_number": self.doc_number,
            "year": self.year,
            "task_count": self.task_count,
            "created": self.created.isoformat().replace("+00:00", "Z"),
        }


def _utc(text: str) -> datetime.datetime:
    # "2025-03-01T08:30:00Z"; fromisoformat reads "Z" only from Python 3.11.
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


class PlanCursor(RowCursor[PlanInfo]):
    """An iterator over a ledger's stored plans (:meth:`Ledger.iter_plans`),
    in id order. Rows are read when the cursor is made: later writes do not
    show. Each row is copied into a :class:`PlanInfo` before the next C call."""

    def __init__(self, ledger: "Ledger") -> None:
        out = POINTER(_ffi.duban_plan_cursor)()
        lib.duban_plan_cursor_new(byref(out), ledger._handle())
        super().__init__(out, lib.duban_plan_cursor_free, lib.duban_plan_cursor_next, lib.duban_plan_cursor_count)
        self._ledger = ledger

    def _row(self, h: Any) -> PlanInfo:
        size = c_size_t()
        title = borrowed(lib.duban_plan_cursor_title(h, byref(size)), size.value)
        doc_number = borrowed(lib.duban_plan_cursor_doc_number(h, byref(size)), size.value)
        created = borrowed(lib.duban_plan_cursor_created(h, byref(size)), size.value)
        return PlanInfo(
            id=int(lib.duban_plan_cursor_id(h)),
            title=title,
            doc_number=doc_number,
            year=int(lib.duban_plan_cursor_year(h)),
            task_count=int(lib.duban_plan_cursor_task_count(h)),
            created=_utc(created),
        )

    def __repr__(self) -> str:
        return f"<duban.PlanCursor {len(self)} plans" + (", closed>" if self.closed else ">")
