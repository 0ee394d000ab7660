"""Assessment results (duban/assess.h): the scores, grades and ranking of
an assessment as of a date, and the explanation of every number. Made by
:meth:`Assessor.run`, :meth:`Plan.assess` or :meth:`Ledger.assess`
(see :mod:`duban.assess`)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from ctypes import byref, c_double, c_int64, c_size_t
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _ffi
from ._errors import ErrorClass, NotFoundError
from ._handle import Handle
from ._lib import lib
from ._text import borrowed, encode
from ._values import date_out, take_ids, take_text

if TYPE_CHECKING:
    from .db import Ledger

__all__ = ["Assessment", "UnitScore", "Veto", "TaskScore", "CategoryScore", "diff_results"]

UnitLike = Union[int, str, "UnitScore", None]


def text_of(fn: Any, *args: Any) -> str:
    """Calls a C accessor returning borrowed text with its length (the length
    pointer last) and copies the text."""
    size = c_size_t()
    return borrowed(fn(*args, byref(size)), size.value)


@dataclass(frozen=True)
class Veto:
    """A veto (一票否决) that applied: the veto `item`, its `effect`
    (``"zero_group"``, ``"zero_total"`` or ``"cap_grade"``) and its `target`
    (the group zeroed, or the best grade left)."""

    item: str
    effect: str
    target: str

    def to_dict(self) -> dict[str, str]:
        return {"item": self.item, "effect": self.effect, "target": self.target}


@dataclass(frozen=True)
class UnitScore:
    """One unit's result (or, with ``unit_id`` 0, the plan's).

    Attributes:
        unit_id: the unit's id in the plan's directory; 0 for the plan.
        name: the unit's name (for the plan, its title).
        score: the total: base + bonus, or 0 when a veto zeroed it.
        base: the non-bonus groups.
        bonus: the bonus groups, at most the scheme's bonus cap.
        deductions: points lost in deduction items.
        grade: 好 / 较好 / ...; ``""`` when the scheme has no grades.
        rank: 1 for the best (tied units share one); 0 for the plan.
        vetoes: the vetoes that applied.
    """

    unit_id: int
    name: str
    score: float
    base: float
    bonus: float
    deductions: float
    grade: str
    rank: int
    vetoes: tuple[Veto, ...] = ()

    @property
    def total(self) -> float:
        """The same as :attr:`score`."""
        return self.score

    @property
    def vetoed(self) -> bool:
        """True when any veto applied."""
        return bool(self.vetoes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "unit_id": self.unit_id,
            "name": self.name,
            "score": self.score,
            "base": self.base,
            "bonus": self.bonus,
            "deductions": self.deductions,
            "grade": self.grade,
            "rank": self.rank,
            "vetoes": [v.to_dict() for v in self.vetoes],
        }


@dataclass(frozen=True)
class TaskScore:
    """A task's points in the plan's score: what it `earned` of what it
    could (`possible`). ``task_id`` is its 1-based place in the plan."""

    task_id: int
    earned: float
    possible: float

    def to_dict(self) -> dict[str, Any]:
        return {"task_id": self.task_id, "earned": self.earned, "possible": self.possible}


@dataclass(frozen=True)
class CategoryScore:
    """A plan category's points in the plan's score; `title` is ``""`` for
    the tasks in no category."""

    title: str
    earned: float
    possible: float

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "earned": self.earned, "possible": self.possible}


class Assessment(Handle):
    """The result of an assessment as of a date: every assessed unit's score,
    grade and rank, the plan's own score, per-task and per-category points,
    and the explanation of every number.

    ``len(result)`` is the number of units; ``for u in result`` walks the
    :attr:`ranking`; ``result["区财政局"]`` finds a unit by name (or id).
    """

    __slots__ = ("_units", "_plan_score", "_by_name")

    def __init__(self, ptr: Any) -> None:
        super().__init__(ptr, lib.duban_assessment_free)
        self._units: Optional[tuple[UnitScore, ...]] = None
        self._plan_score: Optional[UnitScore] = None
        self._by_name: Optional[dict[str, UnitScore]] = None

    # -- about the run ------------------------------------------------------------

    @property
    def as_of(self) -> datetime.date:
        d = _ffi.duban_date()
        lib.duban_assessment_as_of(byref(d), self._handle())
        day = date_out(d)
        assert day is not None
        return day

    @property
    def scheme_name(self) -> str:
        return text_of(lib.duban_assessment_scheme_name, self._handle())

    @property
    def scheme_version(self) -> str:
        return text_of(lib.duban_assessment_scheme_version, self._handle())

    @property
    def digest(self) -> str:
        """SHA-256 (hex) over what the run saw: plan, directory names,
        scheme, input and date. ``""`` when the run was asked not to."""
        return text_of(lib.duban_assessment_digest, self._handle())

    @property
    def points(self) -> float:
        """What a unit can score without bonus: the scheme's total."""
        total = c_double()
        lib.duban_assessment_points(byref(total), None, self._handle())
        return total.value

    @property
    def bonus_cap(self) -> float:
        cap = c_double()
        lib.duban_assessment_points(None, byref(cap), self._handle())
        return cap.value

    # -- scores --------------------------------------------------------------------

    def _score(self, unit_id: int) -> UnitScore:
        h = self._handle()
        total, base, bonus, deductions = c_double(), c_double(), c_double(), c_double()
        lib.duban_assessment_unit_scores(byref(total), byref(base), byref(bonus), byref(deductions), h, unit_id)
        vetoes = json.loads(take_text(lambda buf: lib.duban_assessment_unit_vetoes(buf, None, h, unit_id)))
        return UnitScore(
            unit_id=unit_id,
            name=text_of(lib.duban_assessment_unit_name, h, unit_id),
            score=total.value,
            base=base.value,
            bonus=bonus.value,
            deductions=deductions.value,
            grade=text_of(lib.duban_assessment_unit_grade, h, unit_id),
            rank=int(lib.duban_assessment_unit_rank(h, unit_id)),
            vetoes=tuple(Veto(v["item"], v["effect"], v["target"]) for v in vetoes),
        )

    @property
    def units(self) -> tuple[UnitScore, ...]:
        """Every assessed unit, in directory order."""
        if self._units is None:
            h = self._handle()
            ids = take_ids(lambda arr: lib.duban_assessment_units(arr, h))
            self._units = tuple(self._score(i) for i in ids)
        return self._units

    @property
    def plan(self) -> UnitScore:
        """The plan's own score (unit 0): every task, report, value and event
        once, no role weights."""
        if self._plan_score is None:
            self._plan_score = self._score(0)
        return self._plan_score

    @property
    def ranking(self) -> list[UnitScore]:
        """The units best first, by the scheme's tie-breaks."""
        h = self._handle()
        order = take_ids(lambda arr: lib.duban_assessment_ranking(arr, h))
        by_id = {u.unit_id: u for u in self.units}
        return [by_id[i] for i in order]

    def unit(self, unit: UnitLike) -> UnitScore:
        """A unit's score by name, id or :class:`UnitScore`; None or 0 is the
        plan's. Raises :class:`NotFoundError` for a unit not assessed."""
        unit_id = self._unit_id(unit)
        if unit_id == 0:
            return self.plan
        for u in self.units:
            if u.unit_id == unit_id:
                return u
        raise NotFoundError(f"unit {unit!r} was not assessed", klass=ErrorClass.ARGUMENT)

    def _unit_id(self, unit: UnitLike) -> int:
        if unit is None:
            return 0
        if isinstance(unit, UnitScore):
            return unit.unit_id
        if isinstance(unit, str):
            if self._by_name is None:
                self._by_name = {u.name: u for u in self.units}
            found = self._by_name.get(unit)
            if found is None:
                raise NotFoundError(
                    f"unit {unit!r} was not assessed (it holds no task, or the scheme's units leave it out)",
                    klass=ErrorClass.ARGUMENT,
                )
            return found.unit_id
        if isinstance(unit, int) and not isinstance(unit, bool):
            return unit
        raise TypeError(f"unit must be a name, an id or a UnitScore, not {type(unit).__name__}")

    def __len__(self) -> int:
        return int(lib.duban_assessment_unit_count(self._handle()))

    def __iter__(self) -> Iterator[UnitScore]:
        return iter(self.ranking)

    def __getitem__(self, unit: Union[int, str]) -> UnitScore:
        try:
            return self.unit(unit)
        except NotFoundError as e:
            raise KeyError(unit) from e

    @property
    def tasks(self) -> tuple[TaskScore, ...]:
        """The plan's tasks with points, in plan order."""
        h = self._handle()
        rows = []
        for i in range(int(lib.duban_assessment_task_count(h))):
            task, earned, possible = c_int64(), c_double(), c_double()
            lib.duban_assessment_task_score(byref(task), byref(earned), byref(possible), h, i)
            rows.append(TaskScore(int(task.value), earned.value, possible.value))
        return tuple(rows)

    @property
    def categories(self) -> tuple[CategoryScore, ...]:
        """The plan's categories with points."""
        h = self._handle()
        rows = []
        for i in range(int(lib.duban_assessment_category_count(h))):
            earned, possible = c_double(), c_double()
            lib.duban_assessment_category_score(byref(earned), byref(possible), h, i)
            rows.append(CategoryScore(text_of(lib.duban_assessment_category_title, h, i), earned.value, possible.value))
        return tuple(rows)

    # -- explanations and output -------------------------------------------------------

    def explain(self, unit: UnitLike = None) -> str:
        """Why a unit (by name, id or :class:`UnitScore`; None: the plan)
        has its scores, as indented text: the total, each group, each item
        with its arithmetic, down to the reports, values and events."""
        unit_id = self._unit_id(unit)
        h = self._handle()
        return take_text(lambda buf: lib.duban_assessment_explain(buf, h, unit_id))

    def explanation(self, unit: UnitLike = None) -> dict[str, Any]:
        """The same tree as :meth:`explain`, as nested dicts of ``what``,
        ``points``, ``rule``, ``arithmetic``, ``source`` and ``children``."""
        unit_id = self._unit_id(unit)
        h = self._handle()
        return json.loads(take_text(lambda buf: lib.duban_assessment_explanation(buf, h, unit_id)))

    def to_json(self, *, indent: Optional[int] = 2, explanations: bool = True) -> str:
        """The whole result as JSON (docs/assess.md, "JSON"): byte-identical
        for the same plan, scheme, input and date. `indent` None writes one
        line; `explanations` False leaves the trees out."""
        opts = _ffi.duban_result_json_options()
        lib.duban_result_json_options_init(byref(opts), _ffi.RESULT_JSON_OPTIONS_VERSION)
        opts.indent = -1 if indent is None else indent
        opts.explanations = 1 if explanations else 0
        h = self._handle()
        return take_text(lambda buf: lib.duban_assessment_to_json(buf, h, byref(opts)))

    def to_dict(self, *, explanations: bool = True) -> dict[str, Any]:
        """The result as plain data (the JSON of :meth:`to_json`)."""
        return json.loads(self.to_json(indent=None, explanations=explanations))

    def diff(self, before: Union["Assessment", str]) -> str:
        """What changed since `before` (an Assessment, or its JSON): one line
        per number, ``UNIT\\tFIELD\\tBEFORE → AFTER (+DELTA)``."""
        old = before.to_json() if isinstance(before, Assessment) else before
        return diff_results(old, self.to_json())

    def store(self, ledger: "Ledger", plan_id: Optional[int] = None) -> int:
        """Keeps the result in the ledger file (outside its audit chain);
        returns the run's id. Raises :class:`MisuseError` for a ledger opened
        read-only."""
        out = c_int64()
        lib.duban_assessment_store(byref(out), ledger._handle(), self._handle(), plan_id or 0)
        return int(out.value)

    def __repr__(self) -> str:
        if self.closed:
            return "<duban.Assessment (closed)>"
        version = f" ({self.scheme_version})" if self.scheme_version else ""
        ranking = self.ranking
        best = f", best {ranking[0].name} {ranking[0].score:g}" if ranking else ""
        return (
            f"<duban.Assessment {self.scheme_name!r}{version} as of {self.as_of.isoformat()}: "
            f"{len(ranking)} units{best}>"
        )


def diff_results(before_json: Union[str, bytes], after_json: Union[str, bytes]) -> str:
    """Compares two results' JSON (:meth:`Assessment.to_json`, or a stored
    run): one line per number that differs, or ``no score changed (same
    inputs)``. Raises :class:`ParseError` / :class:`InvalidArgumentError`
    naming ``before`` or ``after`` for text that is not a result."""
    a = encode(before_json, "before")
    b = encode(after_json, "after")
    return take_text(lambda buf: lib.duban_assess_diff(buf, None, a, len(a), b, len(b)))
