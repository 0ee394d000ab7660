"""Finds, loads and checks libduban; every other module calls C through :data:`lib`.

Where the library comes from, in order:

1. ``$DUBAN_LIBRARY``: the exact file to load. If it is set and cannot be
   loaded, the import fails; nothing else is tried, so a typo never silently
   picks up another copy.
2. A copy inside the package, ``duban/_native/libduban.so.N`` (what the
   build tree's staged package and wheels built from it carry).
3. The system's: ``libduban.so.N`` through the dynamic linker (ld.so.cache,
   ``LD_LIBRARY_PATH``), then whatever ``ctypes.util.find_library("duban")``
   names.

Then, before any other symbol is touched, the library's major version must
equal the binding's; then the whole function table of :mod:`duban._ffi` is
bound, and any missing symbol is named in the ImportError.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from pathlib import Path
from . import _errors, _ffi
from ._version import VERSION_MAJOR, VERSION_MINOR, __version__

ENV_VAR = "DUBAN_LIBRARY"
NATIVE_DIR = Path(__file__).resolve().parent / "_native"


def library_file_name(major: int = VERSION_MAJOR) -> str:
    """The platform's file name for libduban of a major version."""
    if sys.platform == "win32":
        return "duban.dll"
    if sys.platform == "darwin":
        return f"libduban.{major}.dylib"
    return f"libduban.so.{major}"


def _dlopen(path: str) -> ctypes.CDLL:
    return ctypes.CDLL(path)


def _load() -> tuple[ctypes.CDLL, str, str]:
    """(library, path, origin) where origin is "DUBAN_LIBRARY", "package" or "system"."""
    explicit = os.environ.get(ENV_VAR)
    if explicit:
        try:
            return _dlopen(explicit), explicit, ENV_VAR
        except OSError as e:
            raise ImportError(f"{ENV_VAR}={explicit!r} cannot be loaded: {e}") from e

    packaged = NATIVE_DIR / library_file_name()
    if packaged.exists():
        try:
            return _dlopen(str(packaged)), str(packaged), "package"
        except OSError as e:
            raise ImportError(f"the duban library inside the package, {str(packaged)!r}, cannot be loaded: {e}") from e

    tried = [library_file_name()]
    found = ctypes.util.find_library("duban")
    if found and found not in tried:
        tried.append(found)
    errors = []
    for name in tried:
        try:
            return _dlopen(name), name, "system"
        except OSError as e:
            errors.append(f"{name}: {e}")
    raise ImportError(
        "cannot find the duban C library: set "
        + ENV_VAR
        + " to the path of libduban, install it where the dynamic linker finds it, "
        + f"or install a package that carries it in {str(NATIVE_DIR)!r} (tried: "
        + "; ".join(errors)
        + ")"
    )


def _check_version(cdll: ctypes.CDLL, path: str) -> int:
    try:
        number_fn = _ffi.bind_one(cdll, _ffi.by_name("duban_version_number"))
    except AttributeError as e:
        raise ImportError(f"{path!r} is not the duban library: it has no duban_version_number") from e
    number = int(number_fn())
    major, minor = number // 1_000_000, number // 1_000 % 1_000
    text = f"{major}.{minor}.{number % 1_000}"
    if major != VERSION_MAJOR:
        raise ImportError(
            f"the duban library at {path!r} is version {text}, but this binding ({__version__}) "
            f"needs major version {VERSION_MAJOR}: install matching versions of libduban and the duban package"
        )
    if minor < VERSION_MINOR:
        raise ImportError(
            f"the duban library at {path!r} is version {text}, older than this binding ({__version__}) "
            f"needs ({VERSION_MAJOR}.{VERSION_MINOR} or newer)"
        )
    return number


def _read_last_error(rc: int) -> _errors.DubanError:
    # Read on the thread that failed, before any other duban_ call: the
    # message is only valid until then.
    message = lib.duban_error_message()
    code = lib.duban_error_code()
    klass = lib.duban_error_class()
    subcode = lib.duban_error_subcode()
    text = message.decode("utf-8", "replace") if message else ""
    if code >= 0:
        # A failure that recorded nothing would be a library bug; still
        # raise something that says what little is known.
        code = rc
    if not text:
        text = lib.duban_strerror(code).decode("utf-8", "replace")
    return _errors.error_for(code, klass, subcode, text)


_cdll, library_path, library_origin = _load()
version_number: int = _check_version(_cdll, library_path)
lib = _ffi.bind(_cdll)
_errors._read_last_error = _read_last_error


def library_version() -> tuple[int, int, int]:
    """The loaded library's version as (major, minor, patch)."""
    major, minor, patch = ctypes.c_int(), ctypes.c_int(), ctypes.c_int()
    lib.duban_version(ctypes.byref(major), ctypes.byref(minor), ctypes.byref(patch))
    return major.value, minor.value, patch.value


def library_version_string() -> str:
    """The loaded library's version as "major.minor.patch"."""
    return lib.duban_version_string().decode("ascii")


def strerror(code: int) -> str:
    """The library's short description of a status code ("not found")."""
    return lib.duban_strerror(code).decode("utf-8")
