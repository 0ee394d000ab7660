"""Shared fixtures for the binding's tests.

Run under CTest (`ctest -L python`), which sets DUBAN_LIBRARY to the built
library and PYTHONPATH to the staged package; or by hand:

    DUBAN_LIBRARY=build/dev/capi/libduban.so PYTHONPATH=bindings/python \
        /usr/bin/python3 -m pytest -q bindings/python/tests
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Optional

import pytest

import duban

SOURCE_DIR = Path(os.environ.get("DUBAN_SOURCE_DIR") or Path(__file__).resolve().parents[3])
EXAMPLE_PLAN = SOURCE_DIR / "examples" / "plans" / "east-west-2025.json"
SYMBOLS_FILE = SOURCE_DIR / "capi" / "abi" / "symbols.txt"
HEADER_DIR = SOURCE_DIR / "capi" / "include"
PACKAGE_PARENT = Path(duban.__file__).resolve().parents[1]
UNDER_CTEST = os.environ.get("DUBAN_TEST_STAGED") == "1"


@pytest.fixture(scope="session")
def example_path() -> Path:
    assert EXAMPLE_PLAN.is_file(), f"missing {EXAMPLE_PLAN}"
    return EXAMPLE_PLAN


@pytest.fixture(scope="session")
def example_text(example_path: Path) -> str:
    return example_path.read_text(encoding="utf-8")


@pytest.fixture
def example_dict(example_text: str) -> dict[str, Any]:
    return json.loads(example_text)


@pytest.fixture
def plan(example_path: Path):
    with duban.parse_plan(example_path) as p:
        yield p


@pytest.fixture
def graph(plan):
    with plan.graph() as g:
        yield g


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duban"


@pytest.fixture
def ledger(ledger_path: Path):
    with duban.open(ledger_path) as db:
        yield db


@pytest.fixture
def stored(ledger, example_path: Path):
    """A ledger holding the example plan; yields (ledger, plan id)."""
    return ledger, ledger.import_plan(example_path)


def child_env(**overrides: Optional[str]) -> dict[str, str]:
    """The environment for a child interpreter: this one's, with the package
    importable, no bytecode written, and `overrides` applied (None removes)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PACKAGE_PARENT), env.get("PYTHONPATH")) if p)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run_python(code: str, *, cwd: Optional[Path] = None, **env: Optional[str]) -> subprocess.CompletedProcess:
    """Runs `code` in a fresh interpreter (the one running the tests)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env=child_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )
