"""Text at the boundary: UTF-8 in and out, byte offsets turned into str indices.

The C API speaks UTF-8 and counts in bytes; Python users count in ``str``
indices. Chinese characters and full-width punctuation (；（）、) are three
bytes but one index, so every byte offset the library reports goes through
:func:`byte_to_index` before a user sees it.

Output from the library is guaranteed valid UTF-8, so it is decoded
strictly: a decoding error here is a library bug, not user data to hide.
"""

from __future__ import annotations

import bisect
import ctypes
from typing import Optional, Sequence, Tuple, Union

from ._errors import EncodingError, ErrorClass, OutOfRangeError

Text = Union[str, bytes, bytearray, memoryview]


def encode(text: Text, what: str = "text") -> bytes:
    """UTF-8 bytes for `text`. ``bytes`` pass through unchanged (the library
    checks them); a ``str`` that cannot be encoded (a lone surrogate) raises
    :class:`EncodingError` naming `what` and the index."""
    if isinstance(text, str):
        try:
            return text.encode("utf-8", "strict")
        except UnicodeEncodeError as e:
            raise EncodingError(
                f"{what} cannot be encoded as UTF-8: character {e.start} is {text[e.start]!r}",
                klass=ErrorClass.TEXT,
            ) from e
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"{what} must be str or bytes, not {type(text).__name__}")


def decode(data: bytes) -> str:
    """The ``str`` for UTF-8 `data` from the library."""
    return data.decode("utf-8", "strict")


def borrowed(ptr: Optional[int], size: int) -> str:
    """Copies a borrowed ``(const char *, size_t)`` pair into a ``str``.
    Must be called before the next C call can invalidate the pointer."""
    if not ptr:
        return ""
    return decode(ctypes.string_at(ptr, size))


def to_nts(text: str, what: str = "text") -> bytes:
    """UTF-8 bytes for a NUL-terminated C argument: an embedded NUL would cut
    it short silently, so it is refused."""
    data = encode(text, what)
    if b"\0" in data:
        raise ValueError(f"{what} contains a NUL character")
    return data


class ByteIndex:
    """Converts UTF-8 byte offsets in one text to ``str`` indices.

    Build it once per text and convert many offsets, each in O(log n)::

        idx = ByteIndex("会议；（一）A")
        idx.index(9)          # -> 3   (会议； is 9 bytes, 3 characters)
        idx.span(9, 12)       # -> (3, 4)
    """

    __slots__ = ("_starts", "_size")

    def __init__(self, text: Union[str, bytes]) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
        # Byte offset where each character starts; continuation bytes are
        # 0b10xxxxxx.
        self._starts: Sequence[int] = [i for i, b in enumerate(data) if b & 0xC0 != 0x80]
        self._size = len(data)

    def index(self, offset: int) -> int:
        """The ``str`` index of the character starting at byte `offset`
        (the text's length for the end). An offset inside a character, or
        past the end, raises :class:`OutOfRangeError`."""
        if offset == self._size:
            return len(self._starts)
        i = bisect.bisect_left(self._starts, offset)
        if offset < 0 or i == len(self._starts) or self._starts[i] != offset:
            raise OutOfRangeError(
                f"byte offset {offset} is not on a character boundary of a {self._size}-byte text",
                klass=ErrorClass.TEXT,
            )
        return i

    def span(self, begin: int, end: int) -> Tuple[int, int]:
        """A byte span ``[begin, end)`` as a ``str`` slice ``(start, stop)``."""
        return self.index(begin), self.index(end)


def byte_to_index(text: Union[str, bytes], offset: int) -> int:
    """One byte offset in `text` as a ``str`` index (see :class:`ByteIndex`)."""
    return ByteIndex(text).index(offset)


def index_to_byte(text: str, index: int) -> int:
    """The UTF-8 byte offset of ``text[index]`` (``len(text)`` for the end),
    for passing positions back to the library."""
    if not 0 <= index <= len(text):
        raise OutOfRangeError(f"index {index} is outside a text of {len(text)} characters", klass=ErrorClass.TEXT)
    return len(text[:index].encode("utf-8"))
