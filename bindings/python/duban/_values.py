"""The value types of duban/common.h on the Python side: formats, dates, and
the owned buffers (duban_buf, duban_strarray, duban_idarray), each copied
into Python objects and disposed before the helper returns."""

from __future__ import annotations

import datetime
import enum
from ctypes import byref
from typing import Any, Callable, Optional, Union

from . import _ffi
from ._errors import ErrorClass, InvalidArgumentError, OutOfRangeError
from ._lib import lib
from ._text import borrowed, decode


class Format(enum.IntEnum):
    """Output formats (``duban_format_t``). Functions taking a format also
    accept its name: ``"text"``, ``"csv"``, ``"json"``, ``"dot"``."""

    TEXT = 1
    CSV = 2
    JSON = 3
    DOT = 4

    def __str__(self) -> str:
        return self.name.lower()


def format_arg(value: Union[str, int, Format], allowed: tuple[Format, ...]) -> Format:
    """A Format from a name or value; only `allowed` ones pass."""
    if isinstance(value, str):
        try:
            fmt = Format[value.upper()]
        except KeyError:
            fmt = None
    elif isinstance(value, int) and not isinstance(value, bool):
        fmt = Format(value) if value in Format._value2member_map_ else None
    else:
        raise TypeError(f"format must be a str or duban.Format, not {type(value).__name__}")
    if fmt not in allowed:
        names = ", ".join(repr(str(f)) for f in allowed)
        raise InvalidArgumentError(f"format {value!r} is not one of {names}", klass=ErrorClass.ARGUMENT)
    return fmt


def date_out(d: _ffi.duban_date) -> Optional[datetime.date]:
    """A duban_date as a datetime.date; {0, 0, 0} is None."""
    if d.year == 0 and d.month == 0 and d.day == 0:
        return None
    try:
        return datetime.date(d.year, d.month, d.day)
    except ValueError as e:
        raise OutOfRangeError(
            f"date {d.year:04d}-{d.month:02d}-{d.day:02d} cannot be a datetime.date: {e}", klass=ErrorClass.TIME
        ) from e


def date_in(value: Optional[datetime.date]) -> _ffi.duban_date:
    """A datetime.date (or None for "no date") as a duban_date."""
    if value is None:
        return _ffi.duban_date(0, 0, 0)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if not isinstance(value, datetime.date):
        raise TypeError(f"expected a datetime.date, not {type(value).__name__}")
    return _ffi.duban_date(value.year, value.month, value.day)


def take_text(fill: Callable[[Any], Any]) -> str:
    """Calls ``fill(byref(buf))`` with a fresh duban_buf and returns its text."""
    buf = _ffi.duban_buf()
    try:
        fill(byref(buf))
        return borrowed(buf.ptr, buf.size)
    finally:
        lib.duban_buf_dispose(byref(buf))


def take_strings(fill: Callable[[Any], Any]) -> list[str]:
    """Calls ``fill(byref(array))`` with a fresh duban_strarray and returns the strings."""
    array = _ffi.duban_strarray()
    try:
        fill(byref(array))
        return [decode(array.strings[i]) for i in range(array.count)]
    finally:
        lib.duban_strarray_dispose(byref(array))


def take_ids(fill: Callable[[Any], Any]) -> list[int]:
    """Calls ``fill(byref(array))`` with a fresh duban_idarray and returns the ids."""
    array = _ffi.duban_idarray()
    try:
        fill(byref(array))
        return [array.ids[i] for i in range(array.count)]
    finally:
        lib.duban_idarray_dispose(byref(array))
