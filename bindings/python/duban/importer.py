"""Plans as offices receive them (duban/import.h): the text of a 工作要点 or
任务分工方案, or a 台账 table (CSV, XLSX), read into a :class:`Plan`::

    result = duban.import_document(Path("2025年工作要点.txt"), directory=ledger.directory())
    for d in result.diagnostics:
        print(d.line, d.severity, d.message)
    if not result.has_errors:
        ledger.import_plan(result.plan)

docs/import.md says what is read; :func:`import_json` gives the object
``duban import --json`` prints.
"""

from __future__ import annotations

import enum
import json
import os
from ctypes import POINTER, byref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

from . import _ffi
from ._errors import ErrorClass, InvalidArgumentError
from ._lib import lib
from ._text import to_nts
from ._values import take_text
from .directory import Directory
from .plan import Plan

__all__ = ["ImportFormat", "ImportDiagnostic", "ImportResult", "import_document", "import_json"]

Document = Union[bytes, bytearray, memoryview, str, "os.PathLike[str]"]


class ImportFormat(enum.IntEnum):
    """What the input is (``duban_import_format_t``)."""

    AUTO = 0  # by content and name: an XLSX workbook, a .csv/.tsv table, else text
    TEXT = 1
    CSV = 2
    XLSX = 3

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class ImportDiagnostic:
    """What the importer repaired, guessed or could not read.

    Attributes:
        line: the 1-based source line; None when the finding has none.
        severity: ``"error"``, ``"warning"`` or ``"info"``.
        message: what and why, quoting the text it is about.
        where: the task or field it is about (may be ``""``).
    """

    line: Optional[int]
    severity: str
    message: str
    where: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "severity": self.severity, "message": self.message, "where": self.where}


@dataclass(frozen=True)
class ImportResult:
    """A plan read from a document and what the import said about it.

    ``plan.directory`` is the base directory plus every unit the document
    named that it did not know, so :meth:`Ledger.import_plan` stores them.
    Use as a context manager to free the plan early.
    """

    plan: Plan
    diagnostics: list[ImportDiagnostic]

    @property
    def has_errors(self) -> bool:
        """True when a diagnostic is an error (``duban import`` then stores nothing)."""
        return any(d.severity == "error" for d in self.diagnostics)

    def __enter__(self) -> "ImportResult":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.plan.close()


def _format_arg(value: Union[ImportFormat, str, int]) -> ImportFormat:
    if isinstance(value, ImportFormat):
        return value
    if isinstance(value, str):
        try:
            return ImportFormat[value.upper()]
        except KeyError:
            pass
    elif isinstance(value, int) and not isinstance(value, bool) and value in ImportFormat._value2member_map_:
        return ImportFormat(value)
    names = ", ".join(repr(str(m)) for m in ImportFormat)
    raise InvalidArgumentError(f"format {value!r} is not one of {names}", klass=ErrorClass.ARGUMENT)


def _read(data: Document) -> tuple[bytes, Optional[str]]:
    """The bytes to import and the name they came with.

    ``bytes`` are passed as they are (any supported encoding, or a workbook);
    an ``os.PathLike`` is a file; a ``str`` is document text, unless it is one
    line naming an existing file."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data), None
    if isinstance(data, str) and ("\n" in data or "\r" in data or not os.path.isfile(data)):
        return to_nts(data, "document text"), None
    if isinstance(data, (str, os.PathLike)):
        return Path(data).read_bytes(), os.fspath(data)
    raise TypeError(f"data must be bytes, text or a path, not {type(data).__name__}")


def _call(
    data: Document,
    year: Optional[int],
    first_is_lead: bool,
    format: Union[ImportFormat, str, int],
    directory: Optional[Directory],
    source_name: Optional[str],
) -> tuple[bytes, Optional[bytes], Any, _ffi.duban_import_options]:
    if directory is not None and not isinstance(directory, Directory):
        raise TypeError(f"directory must be a duban.Directory, not {type(directory).__name__}")
    payload, name = _read(data)
    name = source_name if source_name is not None else name
    opts = _ffi.duban_import_options()
    lib.duban_import_options_init(byref(opts), _ffi.IMPORT_OPTIONS_VERSION)
    opts.year = 0 if year is None else int(year)
    opts.first_is_lead = 1 if first_is_lead else 0
    opts.format = int(_format_arg(format))
    base = directory._handle() if directory is not None else None
    return payload, (to_nts(name, "source_name") if name else None), base, opts


def import_document(
    data: Document,
    *,
    year: Optional[int] = None,
    first_is_lead: bool = False,
    format: Union[ImportFormat, str, int] = "auto",
    directory: Optional[Directory] = None,
    source_name: Optional[str] = None,
) -> ImportResult:
    """Imports a document or 台账 table into a plan.

    Args:
        data: bytes (UTF-8, GB18030/GBK or UTF-16 with a BOM, or an XLSX
            workbook), document text, or a path.
        year: the plan year; None reads it from the title, else the issue date.
        first_is_lead: the first unit of a list that names no lead is the lead.
        format: ``"auto"`` (by content and name), ``"text"``, ``"csv"`` or ``"xlsx"``.
        directory: units to resolve names against (aliases, widths); not changed.
        source_name: names the input in messages; defaults to the path.

    Raises:
        EncodingError: bytes that are no text in a supported encoding.
        ParseError: an XLSX workbook that cannot be read.
        InvalidArgumentError: a table with no task column; a bad option.
    """
    payload, name, base, opts = _call(data, year, first_is_lead, format, directory, source_name)
    out = POINTER(_ffi.duban_plan)()
    text = take_text(lambda buf: lib.duban_import(byref(out), buf, payload, len(payload), name, base, byref(opts)))
    plan = Plan(out)
    findings = json.loads(text)
    diagnostics = [
        ImportDiagnostic(f.get("line") or None, f.get("severity", ""), f.get("message", ""), f.get("where", ""))
        for f in findings
    ]
    return ImportResult(plan, diagnostics)


def import_json(
    data: Document,
    *,
    year: Optional[int] = None,
    first_is_lead: bool = False,
    format: Union[ImportFormat, str, int] = "auto",
    directory: Optional[Directory] = None,
    source_name: Optional[str] = None,
) -> dict[str, Any]:
    """The import result as the object ``duban import --json`` prints
    (docs/import.md): ``{"plan", "tasks", "diagnostics", …}``. Arguments and
    errors as :func:`import_document`."""
    payload, name, base, opts = _call(data, year, first_is_lead, format, directory, source_name)
    text = take_text(lambda b: lib.duban_import_json(b, payload, len(payload), name, base, byref(opts)))
    result: dict[str, Any] = json.loads(text)
    return result
