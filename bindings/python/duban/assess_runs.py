"""Assessment runs kept in a ledger (duban/assess.h): what
:meth:`Assessment.store` wrote, listed by :meth:`Ledger.assessment_runs`."""

from __future__ import annotations

import datetime
from ctypes import POINTER, byref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import _ffi
from ._handle import RowCursor
from ._lib import lib
from ._values import date_out
from .assessment import text_of

if TYPE_CHECKING:
    from .db import Ledger

__all__ = ["StoredRun", "AssessRunCursor"]


@dataclass(frozen=True)
class StoredRun:
    """An assessment run kept in a ledger (:meth:`Ledger.assessment_runs`).

    Attributes:
        id: for :meth:`Ledger.load_assessment_run`.
        created: when it was stored (timezone-aware UTC).
        scheme_name, scheme_version: the scheme it was scored under.
        as_of: the date it was as of.
        digest: the digest of what it saw.
    """

    id: int
    created: datetime.datetime
    scheme_name: str
    scheme_version: str
    as_of: datetime.date
    digest: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created": self.created.isoformat().replace("+00:00", "Z"),
            "scheme_name": self.scheme_name,
            "scheme_version": self.scheme_version,
            "as_of": self.as_of.isoformat(),
            "digest": self.digest,
        }


class AssessRunCursor(RowCursor[StoredRun]):
    """An iterator over a ledger's stored runs, in id order; rows are read
    when it is made and copied into :class:`StoredRun` objects."""

    def __init__(self, ledger: "Ledger") -> None:
        out = POINTER(_ffi.duban_assess_run_cursor)()
        lib.duban_assess_run_cursor_new(byref(out), ledger._handle())
        super().__init__(
            out, lib.duban_assess_run_cursor_free, lib.duban_assess_run_cursor_next, lib.duban_assess_run_cursor_count
        )
        self._ledger = ledger

    def _row(self, h: Any) -> StoredRun:
        d = _ffi.duban_date()
        lib.duban_assess_run_cursor_as_of(byref(d), h)
        as_of = date_out(d)
        assert as_of is not None
        created = text_of(lib.duban_assess_run_cursor_created, h)
        return StoredRun(
            id=int(lib.duban_assess_run_cursor_id(h)),
            created=datetime.datetime.fromisoformat(created.replace("Z", "+00:00")),
            scheme_name=text_of(lib.duban_assess_run_cursor_scheme_name, h),
            scheme_version=text_of(lib.duban_assess_run_cursor_scheme_version, h),
            as_of=as_of,
            digest=text_of(lib.duban_assess_run_cursor_digest, h),
        )
