"""The one-folder PyInstaller build of installers/station.spec (the spec the Windows installer packs),
built here and run: `station --version` and `station demo` from the bundle, with Debian's Tesseract."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from station import __version__

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.is_file():
        pytest.fail("PyInstaller is missing: `make venv` installs the build extra (pip install -e '.[build]')")
    if not list((ROOT / "station/ui/resources/i18n").glob("*.qm")):
        from station.ui.resources import compile_translations

        compile_translations()
    work = tmp_path_factory.mktemp("pyinstaller")
    p = subprocess.run([str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath", str(work / "dist"),
                        "--workpath", str(work / "build"), str(ROOT / "installers" / "station.spec")],
                       cwd=ROOT, capture_output=True, text=True, timeout=1500)
    assert p.returncode == 0, p.stderr[-4000:]
    return work / "dist" / "station"


def _run(bundle: Path, *args: str, home: Path, timeout: float = 1200) -> subprocess.CompletedProcess[str]:
    # The bundle's own Python only: no PYTHONPATH or virtual environment of this test run leaks in.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(home), OMP_THREAD_LIMIT="1")
    env.pop("STATION_DATA_DIR", None)
    return subprocess.run([str(bundle / "station"), *args], capture_output=True, text=True, env=env,
                          timeout=timeout, cwd=home)


def test_bundle_holds_the_resources_the_station_finds(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (bundle / "station").is_file()
    assert sorted(p.name for p in (internal / "resources" / "samples").glob("*.json"))
    assert (internal / "resources" / "procedures.json").is_file()
    assert {p.name for p in (internal / "station/ui/resources/i18n").glob("*.qm")} >= {"station_vi.qm"}
    assert (internal / "station/ui/resources/icons/app.svg").is_file()
    # Only the Qt the window uses: no QtWebEngine, QtQuick or Qt3D (PySide6-Addons) in the folder.
    names = {p.name for p in (internal / "PySide6").iterdir()} if (internal / "PySide6").is_dir() else set()
    assert not any(n.startswith(("QtWebEngine", "QtQuick", "Qt3D")) for n in names), names


def test_bundle_runs_version_and_demo(bundle: Path, tmp_path: Path) -> None:
    if shutil.which("tesseract") is None:
        pytest.fail("Tesseract is missing: `make venv` installs tesseract-ocr")
    p = _run(bundle, "--version", home=tmp_path)
    assert p.returncode == 0 and p.stdout.strip() == f"station {__version__}", p.stderr
    p = _run(bundle, "demo", "--json", home=tmp_path)
    assert p.returncode == 0, p.stderr[-4000:]
    result = json.loads(p.stdout)
    assert result["ok"] is True
    assert len(result["documents"]) == len(list((ROOT / "resources" / "samples").glob("*.json")))
