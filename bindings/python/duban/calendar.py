"""China's official working-day calendar (duban/calendar.h): which days are
worked, and arithmetic in working days. Dates are :class:`datetime.date`.

A :class:`Calendar` is immutable. :meth:`Calendar.builtin` knows the State
Council's notices for 2023–2026; :meth:`Calendar.load` adds years or local
rules (docs/calendar.md). A query that needs a year without data raises
:class:`~duban.OutOfRangeError` ("no published calendar for 2027 …") unless
the calendar was made with ``weekends_only_fallback=True``.

A ledger keeps calendar data too (``Ledger.load_calendar``, and
``Ledger.calendar`` for the result): the functions at the end of this module
do that work for :class:`duban.Ledger`.
"""

from __future__ import annotations

import datetime
import enum
import json
import os
from ctypes import byref, c_int
from dataclasses import dataclass
from typing import Any, Optional, Union

from . import _ffi, _source
from ._errors import ErrorClass, InvalidArgumentError
from ._handle import Handle
from ._lib import lib
from ._text import decode, to_nts
from ._values import date_in, date_out, take_text

__all__ = ["Calendar", "DayInfo", "DayKind", "Roll"]


class Roll(enum.IntEnum):
    """How a day that is not worked is moved (``duban_roll_t``). Functions
    taking a Roll also accept its name, e.g. ``"following"``."""

    NONE = 0
    FOLLOWING = 1
    PRECEDING = 2
    MODIFIED_FOLLOWING = 3
    MODIFIED_PRECEDING = 4

    def __str__(self) -> str:
        return self.name.lower()


class DayKind(enum.IntEnum):
    """Why a day is or is not worked (``duban_day_kind_t``)."""

    WEEKDAY = 1
    WEEKEND = 2
    HOLIDAY = 3
    ADJUSTED_WORKDAY = 4
    LOCAL_CLOSURE = 5
    LOCAL_WORKDAY = 6

    def __str__(self) -> str:
        return self.name.lower()


def _kind(value: int) -> Union[DayKind, int]:
    try:
        return DayKind(value)
    except ValueError:  # a kind added to the C API after this binding
        return value


def roll_arg(value: Union[str, int, Roll]) -> Roll:
    """A Roll from a name or value."""
    if isinstance(value, str):
        try:
            return Roll[value.upper()]
        except KeyError:
            pass
    elif isinstance(value, int) and not isinstance(value, bool) and value in Roll._value2member_map_:
        return Roll(value)
    names = ", ".join(repr(str(r)) for r in Roll)
    raise InvalidArgumentError(f"roll {value!r} is not one of {names}", klass=ErrorClass.ARGUMENT)


@dataclass(frozen=True)
class DayInfo:
    """Everything known about one day.

    Attributes:
        date: the day.
        kind: a :class:`DayKind`.
        working: whether it is worked.
        known: its year has data (False: decided by the weekends-only guess).
        name: the holiday or rule (``"国庆节"``), ``""`` for a plain day.
        source: the notice or local source, ``""`` for a plain day.
    """

    date: datetime.date
    kind: Union[DayKind, int]
    working: bool
    known: bool
    name: str
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "kind": str(self.kind),
            "working": self.working,
            "known": self.known,
            "name": self.name,
            "source": self.source,
        }


def _date(fill: Any) -> datetime.date:
    out = _ffi.duban_date()
    fill(byref(out))
    d = date_out(out)
    assert d is not None
    return d


def _int(fill: Any) -> int:
    out = c_int(0)
    fill(byref(out))
    return out.value


class Calendar(Handle):
    """An immutable working-day calendar. Use :meth:`builtin` or :meth:`load`."""

    __slots__ = ()

    def __init__(self, ptr: Any) -> None:
        super().__init__(ptr, lib.duban_calendar_free)

    @classmethod
    def builtin(cls) -> "Calendar":
        """The built-in 2023–2026 calendar, without fallback."""
        out = _ffi.POINTER(_ffi.duban_calendar)()
        lib.duban_calendar_builtin(byref(out))
        return cls(out)

    @classmethod
    def load(
        cls,
        data: Optional[_source.JsonSource] = None,
        *,
        base: Optional["Calendar"] = None,
        origin: Optional[str] = None,
        weekends_only_fallback: Optional[bool] = None,
    ) -> "Calendar":
        """A calendar made of `base` (the built-in one by default) and more
        data: a path, JSON text or bytes, or a dict in the calendar data
        format. Years in `data` replace the same years of `base`; local rules
        are added. `weekends_only_fallback` None keeps `base`'s setting."""
        text: Optional[bytes] = None
        if data is not None:
            text, name = _source.read(data, "calendar data")
            if origin is None:
                origin = name
        opts = None
        if weekends_only_fallback is not None:
            opts = _ffi.duban_calendar_options()
            lib.duban_calendar_options_init(byref(opts), _ffi.CALENDAR_OPTIONS_VERSION)
            opts.weekends_only_fallback = 1 if weekends_only_fallback else 0
        out = _ffi.POINTER(_ffi.duban_calendar)()
        lib.duban_calendar_load(
            byref(out),
            base._handle() if base is not None else None,
            text,
            len(text) if text is not None else 0,
            to_nts(origin, "origin") if origin else None,
            byref(opts) if opts is not None else None,
        )
        return cls(out)

    def has_year(self, year: int) -> bool:
        """Whether the calendar has data for `year`."""
        return bool(lib.duban_calendar_has_year(self._handle(), year))

    def is_workday(self, date: datetime.date) -> bool:
        """Whether `date` is worked."""
        return bool(_int(lambda p: lib.duban_calendar_is_workday(p, self._handle(), date_in(date))))

    def describe(self, date: datetime.date) -> DayInfo:
        """Everything known about `date`; never fails for a year without data."""
        info = _ffi.duban_day_info()
        lib.duban_calendar_describe(byref(info), self._handle(), date_in(date))
        return DayInfo(
            date=date if not isinstance(date, datetime.datetime) else date.date(),
            kind=_kind(info.kind),
            working=bool(info.working),
            known=bool(info.known),
            name=decode(info.name or b""),
            source=decode(info.source or b""),
        )

    def next_workday(self, date: datetime.date) -> datetime.date:
        """The first working day strictly after `date`."""
        return _date(lambda p: lib.duban_calendar_next_workday(p, self._handle(), date_in(date)))

    def previous_workday(self, date: datetime.date) -> datetime.date:
        """The last working day strictly before `date`."""
        return _date(lambda p: lib.duban_calendar_previous_workday(p, self._handle(), date_in(date)))

    def add_workdays(self, date: datetime.date, n: int) -> datetime.date:
        """`n` working days from `date`, the start day never counted:
        ``add_workdays(date(2024, 9, 30), 1) == date(2024, 10, 8)``."""
        return _date(lambda p: lib.duban_calendar_add_workdays(p, self._handle(), date_in(date), n))

    def workdays_between(self, first: datetime.date, last: datetime.date) -> int:
        """Working days in the closed range [first, last]; 0 when first > last."""
        return _int(lambda p: lib.duban_calendar_workdays_between(p, self._handle(), date_in(first), date_in(last)))

    def workdays_in_month(self, year: int, month: int) -> int:
        return _int(lambda p: lib.duban_calendar_workdays_in_month(p, self._handle(), year, month))

    def workdays_in_year(self, year: int) -> int:
        return _int(lambda p: lib.duban_calendar_workdays_in_year(p, self._handle(), year))

    def nth_workday(self, year: int, month: int, n: int) -> datetime.date:
        """The n-th working day of a month; n <= -1 counts from the end."""
        return _date(lambda p: lib.duban_calendar_nth_workday(p, self._handle(), year, month, n))

    def last_workday(self, year: int, month: int) -> datetime.date:
        return _date(lambda p: lib.duban_calendar_last_workday(p, self._handle(), year, month))

    def roll(self, date: datetime.date, convention: Union[str, int, Roll] = Roll.FOLLOWING) -> datetime.date:
        """Moves a day that is not worked by `convention`; a working day stays."""
        r = roll_arg(convention)
        return _date(lambda p: lib.duban_calendar_roll(p, self._handle(), date_in(date), int(r)))

    def to_json(self) -> str:
        """The calendar's data as JSON that :meth:`load` reads back."""
        return take_text(lambda buf: lib.duban_calendar_to_json(buf, self._handle()))

    def to_dict(self) -> dict[str, Any]:
        return json.loads(self.to_json())

    def __repr__(self) -> str:
        if self.closed:
            return "<duban.Calendar closed>"
        years = [y for y in range(2000, 2100) if self.has_year(y)]
        span = f"{years[0]}–{years[-1]}" if years else "no years"
        return f"<duban.Calendar {span}>"


def ledger_calendar(ledger: Any) -> Calendar:
    """What :meth:`duban.Ledger.calendar` returns: the ledger's calendar."""
    out = _ffi.POINTER(_ffi.duban_calendar)()
    lib.duban_db_calendar(byref(out), ledger._handle())
    return Calendar(out)


def load_into_ledger(ledger: Any, source: _source.JsonSource, origin: Optional[str]) -> dict[str, Any]:
    """What :meth:`duban.Ledger.load_calendar` does. A file's origin is its
    name (not its path), as ``duban calendar load`` keeps it."""
    text, name = _source.read(source, "calendar data")
    if origin is None and name is not None:
        origin = os.path.basename(name)
    handle = ledger._handle()
    c_origin = to_nts(origin, "origin") if origin is not None else None
    report = json.loads(take_text(lambda buf: lib.duban_db_load_calendar(buf, handle, text, len(text), c_origin)))
    for day in report["days"]:
        day["date"] = datetime.date.fromisoformat(day["date"])
    for move in report["moved"]:
        move["before"] = datetime.date.fromisoformat(move["before"])
        move["after"] = datetime.date.fromisoformat(move["after"])
    return report
