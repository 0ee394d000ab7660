"""The function table in _ffi.py against the committed ABI: nothing exported
is left unbound silently, and every row matches its C declaration."""

from __future__ import annotations

import ctypes
import re

import pytest
from conftest import HEADER_DIR, SYMBOLS_FILE

from duban import _ffi
from duban._lib import lib


def exported_symbols() -> set[str]:
    names = set()
    for line in SYMBOLS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names.add(line.split()[0])
    return names


_DECL = re.compile(r"DUBAN_API\s+([^;{}]*?)\b(duban_\w+)\s*\(([^)]*)\)\s*DUBAN_NOEXCEPT\s*;", re.S)


def declarations() -> dict[str, tuple[str, list[str]]]:
    """name -> (return type, [parameter declarations]) from the C headers."""
    decls: dict[str, tuple[str, list[str]]] = {}
    for header in sorted(HEADER_DIR.rglob("*.h*")):
        text = re.sub(r"/\*.*?\*/", " ", header.read_text(encoding="utf-8"), flags=re.S)
        for ret, name, params in _DECL.findall(text):
            plist = [" ".join(p.split()) for p in params.split(",")]
            decls[name] = (" ".join(ret.split()), [] if plist == ["void"] else plist)
    return decls


_SCALARS = {
    "int": ctypes.c_int,
    "int32_t": ctypes.c_int32,
    "int64_t": ctypes.c_int64,
    "uint32_t": ctypes.c_uint32,
    "size_t": ctypes.c_size_t,
    "double": ctypes.c_double,
    "char": ctypes.c_char,
}


def expected_ctype(c_type: str):
    """The ctypes type a C type must be bound as; a tuple when several are right."""
    words = c_type.replace("*", " * ").split()
    stars = words.count("*")
    base = [w for w in words if w not in ("*", "const")][0]
    if base == "void" and stars == 0:
        return None
    if base == "char" and stars == 1:
        # Text: c_char_p for NUL-terminated input and static strings, c_void_p
        # for borrowed output read with its length.
        return (ctypes.c_char_p, ctypes.c_void_p)
    if base in _SCALARS:
        t = _SCALARS[base]
    elif base.startswith("duban_") and base.endswith("_t"):
        t = ctypes.c_int  # an enum parameter
    else:
        t = getattr(_ffi, base)  # a struct or handle, named as in C
    for _ in range(stars):
        t = ctypes.POINTER(t)
    return t


def _param_type(param: str) -> str:
    # "const duban_plan *plan" -> "const duban_plan *"; "size_t len" -> "size_t"
    return re.sub(r"\b\w+$", "", param).strip()


def test_every_exported_symbol_is_bound_or_listed_as_unbound():
    exported = exported_symbols()
    bound = {f.name for f in _ffi.FUNCTIONS}
    unbound = set(_ffi.INTENTIONALLY_UNBOUND)
    assert len(exported) >= 80, "symbols.txt was not read"
    assert not (exported - bound - unbound), f"exported but not bound: {sorted(exported - bound - unbound)}"
    assert not (bound - exported), f"bound but not exported: {sorted(bound - exported)}"
    assert not (unbound - exported), f"listed as unbound but not exported: {sorted(unbound - exported)}"
    assert not (bound & unbound), f"both bound and listed as unbound: {sorted(bound & unbound)}"
    for name, reason in _ffi.INTENTIONALLY_UNBOUND.items():
        assert reason.strip(), f"{name} is unbound without a reason"


def test_table_has_no_duplicates():
    names = [f.name for f in _ffi.FUNCTIONS]
    assert len(names) == len(set(names))


def test_every_row_matches_its_c_declaration():
    decls = declarations()
    assert set(decls) == exported_symbols(), "the headers and symbols.txt disagree"
    problems = []
    for fn in _ffi.FUNCTIONS:
        ret, params = decls[fn.name]
        if len(params) != len(fn.argtypes):
            problems.append(f"{fn.name}: {len(fn.argtypes)} argtypes, C has {len(params)}")
            continue
        for i, (param, argtype) in enumerate(zip(params, fn.argtypes)):
            want = expected_ctype(_param_type(param))
            ok = argtype in want if isinstance(want, tuple) else argtype is want
            if not ok:
                problems.append(f"{fn.name} argument {i + 1} ({param}): bound as {argtype}, expected {want}")
        want = expected_ctype(ret)
        ok = fn.restype in want if isinstance(want, tuple) else fn.restype is want
        if not ok:
            problems.append(f"{fn.name} returns {ret}: bound as {fn.restype}, expected {want}")
    assert not problems, "\n".join(problems)


def test_error_checks_follow_the_return_convention():
    decls = declarations()
    outputs = ("duban_buf", "duban_strarray", "duban_idarray", "duban_date", "int64_t", "size_t")
    for fn in _ffi.FUNCTIONS:
        ret, params = decls[fn.name]
        first = _param_type(params[0]) if params else ""
        if fn.name.startswith(("duban_error_", "duban_version")) or fn.name == "duban_strerror":
            assert fn.errcheck is None, f"{fn.name}: the checks themselves read it"
        elif ret == "void":
            assert fn.errcheck is None, fn.name
        elif ret == "int" and ("**" in first or first.replace("const", "").strip().rstrip("*").strip() in outputs):
            # Constructors and functions filling an output return a status.
            assert fn.errcheck is _ffi.STATUS, f"{fn.name} returns a status and must be checked"
        elif ret.endswith("*"):
            assert fn.errcheck is _ffi.NONNULL, f"{fn.name} returns NULL on failure and must be checked"


def test_loaded_library_has_the_table_applied():
    for fn in _ffi.FUNCTIONS:
        f = getattr(lib, fn.name)
        assert f.restype is fn.restype, fn.name
        assert list(f.argtypes) == list(fn.argtypes), fn.name


def test_namespace_holds_only_table_functions():
    # A misspelt name must not become an untyped foreign call.
    with pytest.raises(AttributeError):
        lib.duban_plan_titel  # noqa: B018
    assert sorted(vars(lib)) == sorted(f.name for f in _ffi.FUNCTIONS)


def test_struct_layouts_match_the_c_api():
    # The same numbers tests/capi/layout.h commits to, on LP64.
    assert ctypes.sizeof(_ffi.duban_date) == 12
    assert ctypes.sizeof(_ffi.duban_buf) == 3 * ctypes.sizeof(ctypes.c_size_t)
    assert ctypes.sizeof(_ffi.duban_strarray) == 2 * ctypes.sizeof(ctypes.c_void_p)
    assert ctypes.sizeof(_ffi.duban_idarray) == 2 * ctypes.sizeof(ctypes.c_void_p)
    assert ctypes.sizeof(_ffi.duban_open_options) == 32  # version 2; version 1 ended at 12
    assert _ffi.duban_open_options.busy_timeout_ms.offset == 8
    assert _ffi.duban_open_options.hash.offset == 12
    assert _ffi.duban_open_options.max_size.offset == 24
    assert ctypes.sizeof(_ffi.duban_step) == 56
    assert _ffi.duban_step.unit_id.offset == 16 and _ffi.duban_step.evidence_count.offset == 48
    assert ctypes.sizeof(_ffi.duban_history_options) == 24
    assert _ffi.duban_history_options.instance.offset == 16
    assert ctypes.sizeof(_ffi.duban_task_query_options) == 12
    assert ctypes.sizeof(_ffi.duban_unit_query_options) == 12
    assert ctypes.sizeof(_ffi.duban_calendar_options) == 8
    assert ctypes.sizeof(_ffi.duban_day_info) == 12 + 4 + 2 * ctypes.sizeof(ctypes.c_void_p)
    assert ctypes.sizeof(_ffi.duban_status_options) == 48
    assert _ffi.duban_status_options.lag_red.offset == 16
    assert _ffi.duban_status_options.shift.offset == 44
    assert ctypes.sizeof(_ffi.duban_import_options) == 16
    assert _ffi.duban_import_options.format.offset == 12


def test_options_init_fills_the_library_defaults():
    opts = _ffi.duban_open_options()
    lib.duban_open_options_init(ctypes.byref(opts), _ffi.OPEN_OPTIONS_VERSION)
    assert (opts.version, opts.flags, opts.busy_timeout_ms) == (2, 0, 5000)
    assert (opts.hash, opts.busy_retries, opts.max_size) == (0, 3, 0)
    step = _ffi.duban_step()
    lib.duban_step_init(ctypes.byref(step), _ffi.STEP_VERSION)
    assert (step.version, step.unit_id, step.user, step.evidence_count) == (1, 0, None, 0)
    h = _ffi.duban_history_options()
    lib.duban_history_options_init(ctypes.byref(h), _ffi.HISTORY_OPTIONS_VERSION)
    assert (h.version, h.as_of.year, h.instance) == (1, 0, None)
    t = _ffi.duban_task_query_options()
    lib.duban_task_query_options_init(ctypes.byref(t), _ffi.TASK_QUERY_OPTIONS_VERSION)
    assert (t.version, t.role, t.through_groups) == (1, 0, 1)
    u = _ffi.duban_unit_query_options()
    lib.duban_unit_query_options_init(ctypes.byref(u), _ffi.UNIT_QUERY_OPTIONS_VERSION)
    assert (u.version, u.role, u.groups) == (1, 0, 1)
    c = _ffi.duban_calendar_options()
    lib.duban_calendar_options_init(ctypes.byref(c), _ffi.CALENDAR_OPTIONS_VERSION)
    assert (c.version, c.weekends_only_fallback) == (1, 0)
    s = _ffi.duban_status_options()
    lib.duban_status_options_init(ctypes.byref(s), _ffi.STATUS_OPTIONS_VERSION)
    assert (s.version, s.due_soon_workdays, s.lag_yellow, s.lag_red, s.four_colour) == (1, 3, 10.0, 30.0, 0)
    assert (s.approaching_workdays, s.due_basis, s.done_late_light, s.workday_curve, s.shift) == (10, 1, 1, 1, 1)
    i = _ffi.duban_import_options()
    lib.duban_import_options_init(ctypes.byref(i), _ffi.IMPORT_OPTIONS_VERSION)
    assert (i.version, i.year, i.first_is_lead, i.format) == (1, 0, 0, 0)


def test_options_versions_match_the_headers():
    text = "".join(p.read_text(encoding="utf-8") for p in HEADER_DIR.rglob("*.h"))
    for macro, value in [
        ("DUBAN_OPEN_OPTIONS_VERSION", _ffi.OPEN_OPTIONS_VERSION),
        ("DUBAN_TASK_QUERY_OPTIONS_VERSION", _ffi.TASK_QUERY_OPTIONS_VERSION),
        ("DUBAN_UNIT_QUERY_OPTIONS_VERSION", _ffi.UNIT_QUERY_OPTIONS_VERSION),
        ("DUBAN_CALENDAR_OPTIONS_VERSION", _ffi.CALENDAR_OPTIONS_VERSION),
        ("DUBAN_STATUS_OPTIONS_VERSION", _ffi.STATUS_OPTIONS_VERSION),
        ("DUBAN_IMPORT_OPTIONS_VERSION", _ffi.IMPORT_OPTIONS_VERSION),
        ("DUBAN_OPEN_FLAG_READ_ONLY", _ffi.OPEN_FLAG_READ_ONLY),
        ("DUBAN_OPEN_FLAG_NO_CREATE", _ffi.OPEN_FLAG_NO_CREATE),
        ("DUBAN_OPEN_FLAG_CHECK_INTEGRITY", _ffi.OPEN_FLAG_CHECK_INTEGRITY),
    ]:
        m = re.search(rf"#define {macro} (0x[0-9a-fA-F]+|\d+)u?\b", text)
        assert m, macro
        assert int(m.group(1), 0) == value, macro


def test_enums_match_the_headers():
    import duban

    text = "".join(p.read_text(encoding="utf-8") for p in HEADER_DIR.rglob("*.h"))

    def c_value(name: str) -> int:
        m = re.search(rf"\b{name}\s*=\s*(-?\d+)", text)
        assert m, name
        return int(m.group(1))

    for s in duban.Status:
        assert c_value(f"DUBAN_{s.name}") == s.value
    for k in duban.ErrorClass:
        assert c_value(f"DUBAN_ERRCLASS_{k.name}") == k.value
    for f in duban.Format:
        assert c_value(f"DUBAN_FORMAT_{f.name}") == f.value
    for r in duban.Role:
        assert c_value(f"DUBAN_ROLE_{r.name}") == r.value
    for g in duban.GroupMode:
        assert c_value(f"DUBAN_GROUPS_{g.name}") == g.value
    for u in duban.UnitKind:
        assert c_value(f"DUBAN_UNIT_{u.name}") == u.value
    for r in duban.Roll:
        assert c_value(f"DUBAN_ROLL_{r.name}") == r.value
    for d in duban.DayKind:
        assert c_value(f"DUBAN_DAY_{d.name}") == d.value
    for c in duban.StatusCode:
        assert c_value(f"DUBAN_STATUS_{c.name}") == c.value
    for light in duban.Light:
        assert c_value(f"DUBAN_LIGHT_{light.name}") == light.value
    for b in duban.DueBasis:
        assert c_value(f"DUBAN_DUE_BASIS_{b.name}") == b.value
    for k in duban.ItemKind:
        assert c_value(f"DUBAN_ITEM_{k.name}") == k.value
    for i in duban.ImportFormat:
        assert c_value(f"DUBAN_IMPORT_{i.name}") == i.value
    assert c_value("DUBAN_IF_EXISTS_FAIL") == _ffi.IF_EXISTS_FAIL
    assert c_value("DUBAN_IF_EXISTS_REPLACE") == _ffi.IF_EXISTS_REPLACE
