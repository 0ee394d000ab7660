"""Status codes, error classes, and the one translator from C failures to exceptions.

Every C call that returns a status goes through :func:`check`. It reads the
thread's error state (``duban_error_code/class/subcode/message``) right away,
on the OS thread that made the failing call, and raises the exception class
that :data:`_BY_CODE` names for the code. Codes the binding does not know
(the C API may add some) raise plain :class:`DubanError`.
"""

from __future__ import annotations

import enum
import re
from typing import Callable, Optional, Union

__all__ = [
    "Status",
    "ErrorClass",
    "DubanError",
    "NotFoundError",
    "InvalidArgumentError",
    "AlreadyExistsError",
    "EncodingError",
    "OutOfRangeError",
    "ParseError",
    "OutOfMemoryError",
    "StorageError",
    "BusyError",
    "CorruptError",
    "MisuseError",
    "ClosedError",
    "PermissionRefusedError",
]


class Status(enum.IntEnum):
    """The C API's status codes (``duban_status_t``)."""

    OK = 0
    DONE = 1
    ERROR = -1
    ENOMEM = -2
    EINVAL = -3
    ENOTFOUND = -4
    EEXISTS = -5
    EENCODING = -6
    ERANGE = -7
    EPARSE = -8
    EIO = -9
    EBUSY = -10
    ECORRUPT = -11
    EMISUSE = -12
    EUSER = -13
    EPERM = -14


class ErrorClass(enum.IntEnum):
    """What kind of thing failed (``duban_errclass_t``)."""

    NONE = 0
    MEMORY = 1
    ARGUMENT = 2
    TEXT = 3
    TIME = 4
    GRAPH = 5
    STORAGE = 6
    INTERNAL = 7


def _known(enum_type: type, value: int) -> Union[int, enum.IntEnum]:
    try:
        return enum_type(value)
    except ValueError:
        return value


class DubanError(Exception):
    """Base class of every error duban raises.

    Attributes:
        code: the C status code (a :class:`Status`, or a plain ``int`` for a
            code newer than this binding).
        klass: the error class (an :class:`ErrorClass`, or an ``int``).
        subcode: detail from below duban, e.g. SQLite's extended result code;
            0 when there is none.
        message: the library's one-line English message.
    """

    default_code: int = Status.ERROR

    def __init__(
        self,
        message: str,
        *,
        code: Optional[int] = None,
        klass: int = ErrorClass.NONE,
        subcode: int = 0,
    ) -> None:
        # Exception.args is the message alone, so that pickling and the
        # OSError/UnicodeError bases see a plain one-argument exception.
        super().__init__(message)
        self.message: str = message
        self.code: Union[int, Status] = _known(Status, self.default_code if code is None else code)
        self.klass: Union[int, ErrorClass] = _known(ErrorClass, klass)
        self.subcode: int = subcode

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        code = self.code.name if isinstance(self.code, Status) else self.code
        return f"{type(self).__name__}({self.message!r}, code={code})"

    def __reduce__(self) -> tuple:
        # Keeps code, class and subcode across pickling (multiprocessing).
        return (_rebuild, (type(self), self.message, int(self.code), int(self.klass), self.subcode))


def _rebuild(cls: type, message: str, code: int, klass: int, subcode: int) -> DubanError:
    return cls(message, code=code, klass=klass, subcode=subcode)


class NotFoundError(DubanError, LookupError):
    """No such unit, task, plan or file (``DUBAN_ENOTFOUND``)."""

    default_code = Status.ENOTFOUND


class InvalidArgumentError(DubanError, ValueError):
    """An invalid argument, an invalid plan, a file that is not a ledger (``DUBAN_EINVAL``)."""

    default_code = Status.EINVAL


class AlreadyExistsError(DubanError, ValueError):
    """The thing to create is already there, e.g. the same plan (``DUBAN_EEXISTS``)."""

    default_code = Status.EEXISTS


class EncodingError(DubanError, UnicodeError):
    """Text that is not valid UTF-8 (``DUBAN_EENCODING``).

    Raised when bytes given to duban are not UTF-8, or a ``str`` cannot be
    encoded as UTF-8 (a lone surrogate).
    """

    default_code = Status.EENCODING


class OutOfRangeError(DubanError, ValueError):
    """A date, index or number outside what duban supports, or a ledger
    written by a newer duban (``DUBAN_ERANGE``)."""

    default_code = Status.ERANGE


_POSITION = re.compile(r"^(?P<source>.*?):(?P<line>\d+):(?P<column>\d+): ")


class ParseError(DubanError, ValueError):
    """Input text that is not understood, e.g. bad JSON (``DUBAN_EPARSE``).

    Attributes:
        source: the name the input was given in messages (a file name, or
            ``"plan"``), when the message names one.
        line: 1-based line of the problem, or ``None``.
        column: 1-based column, counted in characters (as ``str`` indices
            count), or ``None``.
    """

    default_code = Status.EPARSE

    def __init__(self, message: str, **kwargs) -> None:
        super().__init__(message, **kwargs)
        m = _POSITION.match(message)
        self.source: Optional[str] = m.group("source") if m else None
        self.line: Optional[int] = int(m.group("line")) if m else None
        self.column: Optional[int] = int(m.group("column")) if m else None


class OutOfMemoryError(DubanError, MemoryError):
    """The library ran out of memory (``DUBAN_ENOMEM``)."""

    default_code = Status.ENOMEM


class StorageError(DubanError, OSError):
    """The ledger file could not be read or written (``DUBAN_EIO``).

    ``filename`` is set when the binding knows which file was involved.
    """

    default_code = Status.EIO


class BusyError(StorageError):
    """Another connection held the ledger locked for longer than the busy
    timeout (``DUBAN_EBUSY``)."""

    default_code = Status.EBUSY


class CorruptError(StorageError):
    """The ledger file is damaged (``DUBAN_ECORRUPT``)."""

    default_code = Status.ECORRUPT


class MisuseError(DubanError, ValueError):
    """The API was used in a way it does not allow, e.g. writing a ledger
    opened read-only (``DUBAN_EMISUSE``)."""

    default_code = Status.EMISUSE


class ClosedError(MisuseError):
    """An object was used after :meth:`close` (raised by the binding; the
    code is ``DUBAN_EMISUSE``)."""


class PermissionRefusedError(DubanError, PermissionError):
    """A permission rule refuses the acting unit: a unit reporting on a task
    where it holds no role, anyone but the coordinating office deciding a
    closure (``DUBAN_EPERM``). The message says who, what and which rule
    (``refused: 区财政局 may not report on task '9' …``); nothing was written.

    A subclass of the built-in :class:`PermissionError` (an ``OSError``), so
    ``except PermissionError`` catches it too.
    """

    default_code = Status.EPERM


_BY_CODE: dict[int, type[DubanError]] = {
    Status.ENOMEM: OutOfMemoryError,
    Status.EINVAL: InvalidArgumentError,
    Status.ENOTFOUND: NotFoundError,
    Status.EEXISTS: AlreadyExistsError,
    Status.EENCODING: EncodingError,
    Status.ERANGE: OutOfRangeError,
    Status.EPARSE: ParseError,
    Status.EIO: StorageError,
    Status.EBUSY: BusyError,
    Status.ECORRUPT: CorruptError,
    Status.EMISUSE: MisuseError,
    Status.EPERM: PermissionRefusedError,
}


def error_for(code: int, klass: int, subcode: int, message: str) -> DubanError:
    """The exception for a failure the C side reported (not raised here)."""
    cls = _BY_CODE.get(code, DubanError)
    return cls(message, code=code, klass=klass, subcode=subcode)


# Set by _lib once the library is loaded: reads the thread's error state.
_read_last_error: Optional[Callable[[int], DubanError]] = None


def last_error(rc: int) -> DubanError:
    """The exception for this thread's last failure; `rc` is the status the
    failing call returned (used when the error state names no code)."""
    assert _read_last_error is not None, "duban._lib has not loaded the library"
    return _read_last_error(rc)


def check(rc: int) -> int:
    """Returns `rc` when it is not an error (``DUBAN_OK``, ``DUBAN_DONE``,
    or any other non-negative value); raises the matching exception otherwise."""
    if rc >= 0:
        return rc
    raise last_error(rc)
