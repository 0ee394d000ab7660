"""Finding and checking libduban at import: the lookup order, the major-version
check, and the missing-symbol check, each against a real library file."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import PACKAGE_PARENT, SOURCE_DIR, UNDER_CTEST, run_python

import duban
from duban import _lib


def c_compiler() -> str:
    cc = os.environ.get("DUBAN_TEST_CC") or shutil.which("cc") or shutil.which("gcc")
    if not cc:
        if UNDER_CTEST:
            pytest.fail("no C compiler to build the fake libraries with (DUBAN_TEST_CC is not set)")
        pytest.skip("no C compiler to build the fake libraries with")
    return cc


def build_fake(tmp_path: Path, name: str, source: str) -> Path:
    """A shared library made from `source`: a stand-in for libduban."""
    c_file = tmp_path / f"{name}.c"
    c_file.write_text(source, encoding="utf-8")
    out = tmp_path / f"lib{name}.so"
    subprocess.run([c_compiler(), "-shared", "-fPIC", "-o", str(out), str(c_file)], check=True)
    return out


def import_error_of(library: Path) -> str:
    r = run_python("import duban", DUBAN_LIBRARY=str(library))
    assert r.returncode != 0, f"importing with {library} succeeded:\n{r.stdout}"
    assert "ImportError" in r.stderr, r.stderr
    return r.stderr.strip().splitlines()[-1]


def test_loaded_library_is_the_one_asked_for():
    expected = os.environ.get("DUBAN_LIBRARY")
    if expected:
        assert duban.library_origin == "DUBAN_LIBRARY"
        assert duban.library_path == expected


def test_library_version_matches_the_binding_major():
    major, minor, patch = duban.library_version()
    assert major == int(duban.__version__.split(".")[0])
    assert duban.library_version_string() == f"{major}.{minor}.{patch}"
    assert _lib.version_number == major * 1_000_000 + minor * 1_000 + patch


def test_binding_version_matches_the_project_version():
    cmake = (SOURCE_DIR / "CMakeLists.txt").read_text(encoding="utf-8")
    m = re.search(r"project\(duban\s+VERSION\s+(\d+\.\d+\.\d+)", cmake)
    assert m, "no project(VERSION) in CMakeLists.txt"
    assert duban.__version__ == m.group(1)


def test_a_different_major_version_is_refused(tmp_path: Path):
    fake = build_fake(
        tmp_path,
        "duban_v1",
        """
        int duban_version_number(void) { return 1002003; }
        const char *duban_version_string(void) { return "1.2.3"; }
        """,
    )
    err = import_error_of(fake)
    assert "is version 1.2.3" in err
    assert f"needs major version {duban.__version__.split('.')[0]}" in err
    assert str(fake) in err


def test_an_older_minor_version_is_refused(tmp_path: Path):
    major = int(duban.__version__.split(".")[0])
    fake = build_fake(tmp_path, "duban_old", f"int duban_version_number(void) {{ return {major * 1_000_000}; }}\n")
    err = import_error_of(fake)
    assert f"is version {major}.0.0, older than this binding" in err


def test_missing_symbols_are_named_at_import(tmp_path: Path):
    number = _lib.version_number
    fake = build_fake(
        tmp_path,
        "duban_partial",
        f"""
        int duban_version_number(void) {{ return {number}; }}
        int duban_error_code(void) {{ return 0; }}
        """,
    )
    err = import_error_of(fake)
    assert "lacks" in err
    assert "duban_db_open" in err and "duban_graph_lint" in err
    assert "duban_error_code," not in err  # present symbols are not listed


def test_a_library_that_is_not_duban_is_refused(tmp_path: Path):
    fake = build_fake(tmp_path, "other", "int other_function(void) { return 0; }\n")
    assert "is not the duban library" in import_error_of(fake)


def test_a_bad_duban_library_setting_is_not_silently_replaced(tmp_path: Path):
    missing = tmp_path / "no-such-libduban.so"
    err = import_error_of(missing)
    assert "DUBAN_LIBRARY=" in err and str(missing) in err


def test_the_copy_inside_the_package_comes_after_duban_library():
    native = PACKAGE_PARENT / "duban" / "_native" / _lib.library_file_name()
    if not native.exists():
        if UNDER_CTEST:
            pytest.fail(f"the staged package has no {native}")
        pytest.skip("this package has no library copy inside (not the staged one)")
    r = run_python("import duban; print(duban.library_origin); print(duban.library_path)", DUBAN_LIBRARY=None)
    assert r.returncode == 0, r.stderr
    origin, path = r.stdout.split()
    assert origin == "package"
    assert Path(path) == native


def test_the_system_library_comes_last(tmp_path: Path):
    # A package without a library copy (the source tree), no DUBAN_LIBRARY:
    # the dynamic linker's search path decides.
    library = os.environ.get("DUBAN_LIBRARY")
    if not library:
        pytest.skip("needs DUBAN_LIBRARY to know where a built library is")
    lib_dir = tmp_path / "lib"
    lib_dir.mkdir()
    shutil.copy(library, lib_dir / _lib.library_file_name())
    source_package = SOURCE_DIR / "bindings" / "python"
    assert not (source_package / "duban" / "_native").exists(), "the source tree must not carry a library copy"
    code = "import duban; print(duban.library_origin, duban.library_path)"
    r = run_python(code, DUBAN_LIBRARY=None, PYTHONPATH=str(source_package), LD_LIBRARY_PATH=str(lib_dir))
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["system", _lib.library_file_name()]

    r = run_python(code, DUBAN_LIBRARY=None, PYTHONPATH=str(source_package), LD_LIBRARY_PATH=None)
    if r.returncode == 0:
        assert r.stdout.split()[0] == "system"  # installed system-wide on this machine
    else:
        assert "cannot find the duban C library" in r.stderr
        assert "DUBAN_LIBRARY" in r.stderr


def test_under_ctest_the_staged_package_is_tested_and_current():
    if not UNDER_CTEST:
        pytest.skip("only under CTest, which stages the package")
    staged = Path(os.environ["PYTHONPATH"].split(os.pathsep)[0]).resolve()
    assert Path(duban.__file__).resolve().parent == staged / "duban"
    # A stale copy would test old code: the stage must equal the sources.
    sources = SOURCE_DIR / "bindings" / "python" / "duban"
    names = sorted(p.name for p in sources.iterdir() if p.is_file() and p.suffix in (".py", ".typed"))
    assert names, sources
    stale = [n for n in names if (staged / "duban" / n).read_bytes() != (sources / n).read_bytes()]
    assert not stale, f"the staged package is older than the sources ({stale}): build target duban_python_stage"
