"""Units and groups (duban/directory.h): :class:`Directory` and :class:`Unit`."""

from __future__ import annotations

import enum
import json
from ctypes import POINTER, byref, c_int64, c_size_t
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional, Union

from . import _ffi, _source
from ._errors import NotFoundError
from ._handle import Handle
from ._lib import lib
from ._text import borrowed, encode
from ._values import take_ids, take_strings, take_text

__all__ = ["UnitKind", "Unit", "Directory", "UnitRef"]


class UnitKind(enum.IntEnum):
    """What a unit is (``duban_unit_kind_t``); ``str()`` gives the name the
    plan format uses (``"department"``)."""

    UNSPECIFIED = 0
    DEPARTMENT = 1
    STREET = 2
    TOWN = 3
    ENTERPRISE = 4
    ORGANISATION = 5
    FRONTLINE = 6
    GROUP = 7

    def __str__(self) -> str:
        return self.name.lower()


def _kind(value: int) -> Union[UnitKind, int]:
    try:
        return UnitKind(value)
    except ValueError:  # a kind added to the C API after this binding
        return value


@dataclass(frozen=True)
class Unit:
    """One unit or group of a directory, as a value: copying it out of the
    directory means it stays valid whatever happens to the directory.

    Attributes:
        id: the unit's id in its directory (>= 1).
        name: the name exactly as written (never width-folded).
        kind: a :class:`UnitKind`.
        aliases: the other names, in the order given.
    """

    id: int
    name: str
    kind: Union[UnitKind, int]
    aliases: tuple[str, ...] = field(default=())

    @property
    def is_group(self) -> bool:
        """True for a group (各街镇), which stands for other units."""
        return self.kind == UnitKind.GROUP

    def to_dict(self) -> dict[str, Any]:
        """A plain dict: ``{"id", "name", "kind", "aliases"}``, kind by name."""
        return {"id": self.id, "name": self.name, "kind": str(self.kind), "aliases": list(self.aliases)}

    def __str__(self) -> str:
        return self.name


UnitRef = Union[Unit, int, str]
"""A unit as an argument: a :class:`Unit`, its id, or a name or alias."""


class Directory(Handle):
    """An immutable snapshot of a unit directory.

    Get one from :meth:`Ledger.directory`, :attr:`Plan.directory`,
    :attr:`Graph.directory` or :meth:`Directory.parse`. It behaves as a
    read-only collection of :class:`Unit`: ``len(d)``, ``for unit in d``,
    ``d["区合作交流办"]`` (name or alias, matched width- and
    space-insensitively), ``d[3]`` (by id), ``"各街镇" in d``.

    A directory may be read from several threads at once.
    """

    def __init__(self, ptr: Any, *, _parent: Any = None) -> None:
        super().__init__(ptr, lib.duban_directory_free)
        self._parent = _parent
        self._units: Optional[list[Unit]] = None

    @classmethod
    def parse(cls, source: _source.JsonSource) -> "Directory":
        """Parses ``{"units": [...]}`` or a whole plan file (its directory):
        JSON text, bytes, a dict, or a path (docs/plan-format.md).

        Raises:
            ParseError: bad JSON (with line and column).
            InvalidArgumentError: a wrong or missing field (with its path).
            AlreadyExistsError: a name used twice.
            EncodingError: bytes that are not UTF-8.
        """
        data, _ = _source.read(source, "directory JSON")
        out = POINTER(_ffi.duban_directory)()
        lib.duban_directory_parse(byref(out), data, len(data))
        return cls(out)

    # -- the collection ------------------------------------------------------

    def __len__(self) -> int:
        return int(lib.duban_directory_count(self._handle()))

    def __iter__(self) -> Iterator[Unit]:
        return iter(self.units())

    def units(self) -> list[Unit]:
        """Every unit and group, in directory order."""
        if self._units is None:
            h = self._handle()
            count = lib.duban_directory_count(h)
            self._units = [self.unit(lib.duban_directory_id_at(h, i)) for i in range(count)]
        return list(self._units)

    def ids(self) -> list[int]:
        """Every unit id, in directory order."""
        return [u.id for u in self.units()]

    def __getitem__(self, key: UnitRef) -> Unit:
        return self.unit(self.id_of(key))

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, (Unit, int, str)) or isinstance(key, bool):
            return False
        return self.get(key) is not None

    def get(self, key: UnitRef, default: Optional[Unit] = None) -> Optional[Unit]:
        """Like ``d[key]``, but `default` instead of :class:`NotFoundError`."""
        try:
            return self[key]
        except NotFoundError:
            return default

    # -- single units ----------------------------------------------------------

    def unit(self, unit_id: int) -> Unit:
        """The unit with that id. Raises :class:`NotFoundError` for an unknown id."""
        h = self._handle()
        size = c_size_t()
        name = borrowed(lib.duban_directory_unit_name(h, unit_id, byref(size)), size.value)
        kind = _kind(lib.duban_directory_unit_kind(h, unit_id))
        aliases = take_strings(lambda out: lib.duban_directory_unit_aliases(out, h, unit_id))
        return Unit(int(unit_id), name, kind, tuple(aliases))

    def lookup(self, name: str) -> Unit:
        """The unit a name or alias means. Matching ignores whitespace and
        full-/half-width differences (``（区）`` finds ``(区)``); the unit's
        name comes back as written.

        Raises:
            NotFoundError: no unit has that name.
        """
        data = encode(name, "unit name")
        out = c_int64()
        lib.duban_directory_lookup(byref(out), self._handle(), data, len(data))
        return self.unit(out.value)

    def id_of(self, unit: UnitRef) -> int:
        """The id of a :class:`Unit`, an id (checked), or a name (looked up)."""
        if isinstance(unit, Unit):
            return unit.id
        if isinstance(unit, bool):
            raise TypeError("a unit is a Unit, an id or a name, not a bool")
        if isinstance(unit, int):
            # Checks the id exists (NotFoundError names it otherwise).
            lib.duban_directory_unit_kind(self._handle(), unit)
            return unit
        if isinstance(unit, str):
            data = encode(unit, "unit name")
            out = c_int64()
            lib.duban_directory_lookup(byref(out), self._handle(), data, len(data))
            return out.value
        raise TypeError(f"a unit is a Unit, an id or a name, not {type(unit).__name__}")

    def expand(self, unit: UnitRef) -> list[Unit]:
        """The units a group stands for, through nested groups and member
        kinds, in directory order without repeats. A plain unit gives itself;
        a group nobody has listed members for gives nothing."""
        uid = self.id_of(unit)
        h = self._handle()
        return [self.unit(i) for i in take_ids(lambda out: lib.duban_directory_expand(out, h, uid))]

    def groups_of(self, unit: UnitRef) -> list[Unit]:
        """The groups that hold a unit, directly or through other groups."""
        uid = self.id_of(unit)
        h = self._handle()
        return [self.unit(i) for i in take_ids(lambda out: lib.duban_directory_groups_of(out, h, uid))]

    # -- whole directory -------------------------------------------------------

    def to_json(self) -> str:
        """``{"units": [...]}`` with ids, readable by :meth:`parse`."""
        h = self._handle()
        return take_text(lambda out: lib.duban_directory_to_json(out, h))

    def to_dict(self) -> dict[str, Any]:
        """The directory as plain data (``json.loads(self.to_json())``)."""
        return json.loads(self.to_json())

    def __repr__(self) -> str:
        if self.closed:
            return "<duban.Directory (closed)>"
        return f"<duban.Directory {len(self)} units>"
