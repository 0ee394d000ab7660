"""Assessment scoring (考核评价, duban/assess.h): schemes, the facts they
judge, and results with grades, rankings and an explanation of every point
(docs/assess.md)::

    with duban.open("district.duban") as ledger:
        result = ledger.assess("east-west-2025.scheme.toml", datetime.date(2025, 12, 31),
                               inputs="east-west-2025.inputs.json")
        for u in result.ranking:
            print(u.rank, u.name, u.score, u.grade)
        print(result.explain("区财政局"))

A :class:`Scheme` is read from TOML or JSON; an :class:`AssessmentInput`
holds the facts (from a ledger as of a date, from input files, or both,
merged); an :class:`Assessor` binds a scheme to a plan and runs it; an
:class:`Assessment` (:mod:`duban.assessment`) is the result. Every object is
immutable and keeps what it needs: the plan, scheme or ledger may be closed
while a result is read.
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Iterable, Mapping
from ctypes import POINTER, byref, c_double, c_size_t
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _ffi, _source
from ._errors import ErrorClass, InvalidArgumentError
from ._handle import Handle
from ._lib import lib
from ._refs import day as _day
from ._text import encode, to_nts
from ._values import date_in, take_ids, take_text
from .assess_runs import AssessRunCursor, StoredRun
from .assessment import Assessment, CategoryScore, TaskScore, UnitScore, Veto, diff_results, text_of
from .calendar import Calendar
from .directory import Directory
from .plan import Plan

if TYPE_CHECKING:
    from .db import Ledger

__all__ = [
    "Scheme",
    "AssessmentInput",
    "Assessor",
    "Assessment",
    "UnitScore",
    "Veto",
    "TaskScore",
    "CategoryScore",
    "StoredRun",
    "AssessRunCursor",
    "diff_results",
]

PathLike = Union[str, "os.PathLike[str]"]
SchemeLike = Union["Scheme", PathLike]
InputLike = Union["AssessmentInput", _source.JsonSource]
Inputs = Union[InputLike, Iterable[InputLike], None]


# --- schemes -----------------------------------------------------------------


class Scheme(Handle):
    """An assessment scheme: groups of items with points, rules and
    selectors, grades and tie-breaks (docs/assess.md, "Scheme files").

    Read one with :meth:`Scheme.load` (a ``.toml`` or JSON file) or
    :meth:`Scheme.parse` (text). A broken file raises
    :class:`ParseError` (not TOML or JSON) or :class:`InvalidArgumentError`
    (a field missing, unknown, of the wrong type or out of range), the
    message reading ``FILE:LINE: FIELD: what is wrong``.
    """

    def __init__(self, ptr: Any) -> None:
        super().__init__(ptr, lib.duban_scheme_free)

    @classmethod
    def load(cls, path: PathLike) -> "Scheme":
        """Reads a scheme file: TOML when its name ends in ``.toml``, else
        JSON. Raises :class:`StorageError` when it cannot be read."""
        out = POINTER(_ffi.duban_scheme)()
        lib.duban_scheme_load(byref(out), to_nts(os.fspath(path), "path"))
        return cls(out)

    @classmethod
    def parse(
        cls, text: Union[str, bytes], origin: Optional[str] = None, *, format: Optional[str] = None
    ) -> "Scheme":
        """Reads a scheme from text.

        Args:
            text: the scheme's TOML or JSON.
            origin: names the text in messages (``"ew.scheme.toml"``).
            format: ``"toml"`` or ``"json"``; by default JSON when `origin`
                ends in ``.json`` or the text starts with ``{``, else TOML.
        """
        data = encode(text, "scheme text")
        if format is None:
            looks_json = data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
            format = "json" if looks_json or (origin or "").lower().endswith(".json") else "toml"
        if format not in ("toml", "json"):
            raise InvalidArgumentError(f"format {format!r} is not 'toml' or 'json'", klass=ErrorClass.ARGUMENT)
        parse = lib.duban_scheme_parse_toml if format == "toml" else lib.duban_scheme_parse_json
        out = POINTER(_ffi.duban_scheme)()
        parse(byref(out), data, len(data), to_nts(origin, "origin") if origin is not None else None)
        return cls(out)

    @property
    def name(self) -> str:
        """The scheme's name."""
        return text_of(lib.duban_scheme_name, self._handle())

    @property
    def version(self) -> str:
        """The scheme's version (``"2025.1"``); ``""`` when it names none."""
        return text_of(lib.duban_scheme_version, self._handle())

    @property
    def origin(self) -> str:
        """The file or origin name it was read from."""
        return text_of(lib.duban_scheme_origin, self._handle())

    def _points(self) -> tuple[float, float]:
        total, cap = c_double(), c_double()
        lib.duban_scheme_points(byref(total), byref(cap), self._handle())
        return total.value, cap.value

    @property
    def total(self) -> float:
        """The base points the non-bonus items add up to (100)."""
        return self._points()[0]

    @property
    def bonus_cap(self) -> float:
        """The most the bonus groups give together; 0: their items' own points."""
        return self._points()[1]

    @property
    def group_count(self) -> int:
        groups = c_size_t()
        lib.duban_scheme_counts(byref(groups), None, self._handle())
        return groups.value

    @property
    def item_count(self) -> int:
        """Items of every group, veto items included."""
        items = c_size_t()
        lib.duban_scheme_counts(None, byref(items), self._handle())
        return items.value

    def to_json(self) -> str:
        """The scheme as deterministic JSON, which :meth:`parse` reads back."""
        h = self._handle()
        return take_text(lambda buf: lib.duban_scheme_to_json(buf, h))

    def to_dict(self) -> dict[str, Any]:
        """The scheme as plain data (``json.loads(self.to_json())``)."""
        return json.loads(self.to_json())

    def __repr__(self) -> str:
        if self.closed:
            return "<duban.Scheme (closed)>"
        version = f" {self.version}" if self.version else ""
        return f"<duban.Scheme {self.name!r}{version}: {self.item_count} items, {self.total:g} points>"


def scheme_arg(scheme: SchemeLike) -> tuple[Scheme, bool]:
    """A Scheme, and whether it was made here (and is the caller's to close)."""
    if isinstance(scheme, Scheme):
        return scheme, False
    if isinstance(scheme, (str, os.PathLike)):
        return Scheme.load(scheme), True
    raise TypeError(f"scheme must be a duban.Scheme or a path, not {type(scheme).__name__}")


# --- inputs ------------------------------------------------------------------

_PARTS = {
    "tasks": _ffi.INPUT_TASKS,
    "reports": _ffi.INPUT_REPORTS,
    "indicators": _ffi.INPUT_INDICATORS,
    "baselines": _ffi.INPUT_BASELINES,
    "events": _ffi.INPUT_EVENTS,
    "values": _ffi.INPUT_VALUES,
    "areas": _ffi.INPUT_AREAS,
}


class AssessmentInput(Handle):
    """The facts an assessment judges: task completion, reports on recurring
    tasks, indicator values, baselines (去年), deduction and bonus events,
    named values (docs/assess.md, "The input file").

    Read against a plan: task keys and unit names resolve through it, so run
    it with an assessor bound to the same plan.
    """

    def __init__(self, ptr: Any, plan: Plan) -> None:
        super().__init__(ptr, lib.duban_assess_input_free)
        self._plan = plan

    @classmethod
    def parse(
        cls,
        plan: Plan,
        source: _source.JsonSource,
        origin: Optional[str] = None,
        calendar: Optional[Calendar] = None,
    ) -> "AssessmentInput":
        """Reads an input file: JSON text, bytes, a dict, or a path.

        Raises :class:`ParseError` (not JSON), :class:`InvalidArgumentError`
        (an unknown task or unit, a wrong field; the message names the entry),
        :class:`StorageError` (a file that cannot be read)."""
        data, name = _source.read(source, "assessment input")
        name = origin if origin is not None else name
        out = POINTER(_ffi.duban_assess_input)()
        lib.duban_assess_input_parse(
            byref(out),
            plan._handle(),
            calendar._handle() if calendar is not None else None,
            data,
            len(data),
            to_nts(name, "origin") if name is not None else None,
        )
        return cls(out, plan)

    @classmethod
    def from_ledger(
        cls, ledger: "Ledger", plan: Plan, as_of: datetime.date, calendar: Optional[Calendar] = None
    ) -> "AssessmentInput":
        """What `ledger` says of `plan` (loaded from it) as of a date: task
        completion from closures and reports, each unit's report on each
        recurring instance due by then, the latest indicator values. Events,
        baselines and named values are not kept in a ledger: :meth:`merge`
        a file of them."""
        out = POINTER(_ffi.duban_assess_input)()
        lib.duban_assess_input_from_db(
            byref(out),
            ledger._handle(),
            plan._handle(),
            calendar._handle() if calendar is not None else None,
            date_in(_day(as_of, "as_of")),
        )
        return cls(out, plan)

    def merge(self, more: "AssessmentInput") -> "AssessmentInput":
        """A new input: this one with `more` laid over it (a task fact for the
        same task and unit, or a report on the same instance by the same
        unit, replaces this one's; everything else is added)."""
        out = POINTER(_ffi.duban_assess_input)()
        lib.duban_assess_input_merge(byref(out), self._handle(), more._handle())
        return AssessmentInput(out, self._plan)

    def counts(self) -> dict[str, int]:
        """Entries per part: ``{"tasks": 13, "reports": 312, ...}``."""
        h = self._handle()
        return {name: int(lib.duban_assess_input_count(h, part)) for name, part in _PARTS.items()}

    def __repr__(self) -> str:
        if self.closed:
            return "<duban.AssessmentInput (closed)>"
        parts = ", ".join(f"{n} {name}" for name, n in self.counts().items() if n)
        return f"<duban.AssessmentInput {parts or 'empty'}>"


def _input_items(inputs: Inputs) -> list[InputLike]:
    if inputs is None:
        return []
    if isinstance(inputs, (AssessmentInput, str, bytes, bytearray, os.PathLike, Mapping)):
        return [inputs]
    return list(inputs)


def combine_inputs(plan: Plan, inputs: Inputs, calendar: Optional[Calendar]) -> Optional[AssessmentInput]:
    """`inputs` merged over one another in order (None when there are none);
    files are read against `plan`. What is made here on the way is closed;
    the result is the caller's to close unless it is one of `inputs`."""
    current: Optional[AssessmentInput] = None
    made: list[AssessmentInput] = []
    try:
        for item in _input_items(inputs):
            more = item if isinstance(item, AssessmentInput) else AssessmentInput.parse(plan, item, calendar=calendar)
            if more is not item:
                made.append(more)
            if current is None:
                current = more
                continue
            merged = current.merge(more)
            made.append(merged)
            current = merged
    finally:
        for m in made:
            if m is not current:
                m.close()
    return current


# --- assessors ---------------------------------------------------------------------


class Assessor(Handle):
    """A scheme bound to a plan: selectors resolved, formulas compiled.
    Run it as often as wanted with :meth:`run`.

    Raises :class:`InvalidArgumentError` naming the scheme's file, line and
    field for what the plan contradicts (an unknown task, category, unit or
    metric; points that do not add up)."""

    def __init__(
        self,
        plan: Plan,
        scheme: SchemeLike,
        *,
        directory: Optional[Directory] = None,
        calendar: Optional[Calendar] = None,
    ) -> None:
        s, made = scheme_arg(scheme)
        try:
            out = POINTER(_ffi.duban_assessor)()
            lib.duban_assessor_new(
                byref(out),
                plan._handle(),
                directory._handle() if directory is not None else None,
                calendar._handle() if calendar is not None else None,
                s._handle(),
            )
        finally:
            if made:
                s.close()
        super().__init__(out, lib.duban_assessor_free)
        self._plan = plan
        self._calendar = calendar

    @property
    def unit_ids(self) -> list[int]:
        """The units the scheme assesses, in directory order."""
        h = self._handle()
        return take_ids(lambda arr: lib.duban_assessor_units(arr, h))

    def run(self, as_of: datetime.date, inputs: Inputs = None, *, digest: bool = True) -> Assessment:
        """Scores every assessed unit and the plan as of `as_of`.

        `inputs` are the facts: an :class:`AssessmentInput`, an input file
        (path, JSON text, bytes or dict), or several, merged in order; None
        for none. `digest` False skips the digest of the inputs.
        """
        day = _day(as_of, "as_of")
        items = _input_items(inputs)
        combined = combine_inputs(self._plan, items, self._calendar)
        opts = _ffi.duban_assess_options()
        lib.duban_assess_options_init(byref(opts), _ffi.ASSESS_OPTIONS_VERSION)
        opts.digest = 1 if digest else 0
        try:
            out = POINTER(_ffi.duban_assessment)()
            lib.duban_assessor_run(
                byref(out), self._handle(), combined._handle() if combined is not None else None, date_in(day), byref(opts)
            )
            return Assessment(out)
        finally:
            if combined is not None and not any(combined is i for i in items):
                combined.close()

    def __repr__(self) -> str:
        if self.closed:
            return "<duban.Assessor (closed)>"
        return f"<duban.Assessor over {self._plan.title!r}: {len(self.unit_ids)} units>"


def assess_plan(
    plan: Plan, scheme: SchemeLike, as_of: datetime.date, inputs: Inputs = None, calendar: Optional[Calendar] = None
) -> Assessment:
    """:meth:`Plan.assess`: the facts come from `inputs` alone."""
    with Assessor(plan, scheme, calendar=calendar) as assessor:
        return assessor.run(as_of, inputs)


class Assessing:
    """The assessment methods of :class:`~duban.Ledger`."""

    __slots__ = ()

    def assess(
        self,
        scheme: SchemeLike,
        as_of: datetime.date,
        inputs: Inputs = None,
        *,
        plan: Optional[Union[int, Plan]] = None,
        calendar: Optional[Calendar] = None,
        from_ledger: bool = True,
    ) -> Assessment:
        """Scores the plan's units under `scheme` as of `as_of`, what
        ``duban assess`` does.

        Args:
            scheme: a :class:`Scheme` or a scheme file.
            inputs: input files (or :class:`AssessmentInput` objects) laid
                over what the ledger says, in order: events, baselines and
                named values, which a ledger does not keep, or corrections.
            plan: a plan id or a Plan loaded from this ledger; the latest
                year's plan by default.
            calendar: the working-day calendar; the built-in one by default.
            from_ledger: False to take the facts from `inputs` alone.
        """
        ledger: Any = self
        day = _day(as_of, "as_of")
        loaded = plan if isinstance(plan, Plan) else ledger.load_plan(plan if plan is not None else ledger.latest_plan_id())
        try:
            with Assessor(loaded, scheme, calendar=calendar) as assessor:
                if not from_ledger:
                    return assessor.run(day, inputs)
                with AssessmentInput.from_ledger(ledger, loaded, day, calendar) as base:
                    return assessor.run(day, [base, *_input_items(inputs)])
        finally:
            if loaded is not plan:
                loaded.close()

    def iter_assessment_runs(self) -> AssessRunCursor:
        """The stored assessment runs in id order, as an iterator."""
        return AssessRunCursor(self)  # type: ignore[arg-type]

    def assessment_runs(self) -> list[StoredRun]:
        """The stored assessment runs in id order."""
        with self.iter_assessment_runs() as cursor:
            return list(cursor)

    def load_assessment_run(self, run_id: int) -> dict[str, Any]:
        """A stored run's result as plain data (its JSON). Raises
        :class:`NotFoundError` for an unknown id."""
        h = self._handle()  # type: ignore[attr-defined]
        return json.loads(take_text(lambda buf: lib.duban_assess_run_load(buf, h, run_id)))
