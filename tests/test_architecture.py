"""The house rules, checked on every run: layers import downwards only, Qt stays in station/ui/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_import_contracts_hold() -> None:
    p = subprocess.run([str(BIN / "lint-imports")], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stdout + p.stderr


def test_ruff_is_clean() -> None:
    p = subprocess.run([str(BIN / "ruff"), "check", "station", "tests", "bench"], capture_output=True, text=True,
                       cwd=ROOT)
    assert p.returncode == 0, p.stdout + p.stderr


def test_core_imports_without_qt() -> None:
    """Everything outside station/ui/ must import on a machine without PySide6."""
    code = (
        "import sys, importlib, pkgutil, station\n"
        "sys.modules['PySide6'] = None\n"
        "for m in pkgutil.walk_packages(station.__path__, 'station.'):\n"
        "    if not m.name.startswith('station.ui'):\n"
        "        importlib.import_module(m.name)\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
