"""JSON input in the forms Python users hold it: text, bytes, a dict, or a file."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Optional, Union

from ._text import encode

JsonSource = Union[str, bytes, bytearray, Mapping[str, Any], "os.PathLike[str]"]


def looks_like_json(text: str) -> bool:
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped.startswith("{") or stripped.startswith("[")


def read(source: JsonSource, what: str) -> tuple[bytes, Optional[str]]:
    """The UTF-8 bytes of `source` and the name messages should give it.

    * a ``dict`` (any mapping) is serialised;
    * ``bytes`` are passed through unchanged: the library checks the UTF-8;
    * an ``os.PathLike`` is a file, read as bytes and named by its path;
    * a ``str`` is JSON text when it starts with ``{`` or ``[`` (after any
      BOM and whitespace), and a file path otherwise.
    """
    if isinstance(source, Mapping):
        return json.dumps(source, ensure_ascii=False).encode("utf-8"), None
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None
    if isinstance(source, str) and looks_like_json(source):
        return encode(source, what), None
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        return path.read_bytes(), os.fspath(source)
    raise TypeError(f"{what} must be JSON text, bytes, a dict or a path, not {type(source).__name__}")
