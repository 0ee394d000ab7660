"""The one lifetime pattern every object owning a C handle follows.

* ``close()`` frees the handle now; it is idempotent.
* ``with obj:`` closes on leaving the block.
* A ``weakref.finalize`` frees the handle if the object is dropped without
  ``close()``, and at interpreter exit for objects still alive then. Unlike
  ``__del__`` it never sees a half-torn-down module, and it holds the free
  function and the pointer, not the object.
* A child (a cursor, a graph) keeps a strong reference to the Python object
  it came from. The C side does not need it (children keep their parents'
  data alive there), but it keeps Python-side data the child reads, such as
  a plan's task list, and makes lifetimes obvious.

Objects follow the C threading contract: one thread at a time per object.
There are no hidden locks.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable, Generic, Optional, TypeVar

from ._errors import ClosedError, ErrorClass

H = TypeVar("H", bound="Handle")
R = TypeVar("R")

_DONE = 1  # DUBAN_DONE: the cursor is exhausted (_ffi.DONE; _ffi is not imported here)


class Handle:
    """Base of every class that owns a C handle."""

    __slots__ = ("_ptr", "_finalizer", "__weakref__")

    def __init__(self, ptr: Any, free: Callable[[Any], None]) -> None:
        if not ptr:
            raise ValueError(f"{type(self).__name__}: NULL handle")
        self._ptr: Optional[Any] = ptr
        self._finalizer = weakref.finalize(self, free, ptr)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run."""
        return self._ptr is None

    def close(self) -> None:
        """Frees the C handle. Calling it again does nothing."""
        if self._ptr is not None:
            self._ptr = None
            self._finalizer()

    def _handle(self) -> Any:
        """The live C handle; :class:`ClosedError` after :meth:`close`."""
        ptr = self._ptr
        if ptr is None:
            raise ClosedError(f"this {type(self).__name__} is closed", klass=ErrorClass.ARGUMENT)
        return ptr

    def __enter__(self: H) -> H:
        self._handle()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __reduce__(self) -> Any:
        raise TypeError(f"a {type(self).__name__} holds a C handle and cannot be pickled")


class RowCursor(Handle, Generic[R]):
    """Base of the iterators over a C cursor whose rows are fixed when it is
    made: the count is read once, so ``len()`` works after :meth:`close`;
    :meth:`_row` copies each row before the next C call; the cursor frees
    itself when exhausted."""

    def __init__(self, ptr: Any, free: Callable[[Any], None], step: Callable[[Any], int],
                 count: Callable[[Any], int]) -> None:
        super().__init__(ptr, free)
        self._step = step
        self._count = int(count(ptr))

    def __iter__(self: H) -> H:
        return self

    def __len__(self) -> int:
        return self._count

    def __next__(self) -> R:
        if self.closed:
            raise StopIteration
        h = self._handle()
        if self._step(h) == _DONE:
            self.close()
            raise StopIteration
        return self._row(h)

    def _row(self, h: Any) -> R:
        """The current row, copied out of the C cursor."""
        raise NotImplementedError
