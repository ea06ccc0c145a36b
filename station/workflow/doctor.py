"""`station doctor`: what works on this machine and what to do about what does not."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "status": self.status, "detail": self.detail}


def _run(cmd: list[str], timeout: float = 20) -> tuple[int, str]:
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return 127, str(exc)
    return p.returncode, (p.stdout + p.stderr).strip()


def scanner_checks(escl_devices: list[dict[str, str]]) -> list[Check]:
    """One line per scanner driver: does it load, and which devices does it see."""
    from station.errors import ScannerError
    from station.scanner.escl import discover
    from station.scanner.registry import available_drivers

    checks: list[Check] = []
    if importlib.util.find_spec("sane") is None and sys.platform != "win32":
        checks.append(Check("scanner_sane", "warn", "SANE is not installed: USB scanners cannot be used; run "
                                                    "`make run` as root, or install sane-utils and libsane1"))
    for driver in available_drivers(escl_devices):
        try:
            devices = driver.list_devices()
        except ScannerError as exc:
            checks.append(Check(f"scanner_{driver.name}", "warn", exc.message))
            continue
        names = ", ".join(d.name for d in devices[:4]) + (" …" if len(devices) > 4 else "")
        checks.append(Check(f"scanner_{driver.name}", "ok" if devices or driver.name == "demo" else "warn",
                            f"{len(devices)} device(s){': ' + names if names else ''}"
                            + ("" if devices else "; connect a scanner or add one with `station devices add URL`")))
    found = discover(timeout=2.0)
    checks.append(Check("escl_discovery", "ok", f"{len(found)} network scanner(s) answered on this network"
                        + ("" if found else "; if yours is on another subnet, add it with `station devices add URL`")))
    return checks


def run_checks(data_dir: Path, escl_devices: list[dict[str, str]] | None = None) -> list[Check]:
    checks: list[Check] = []
    install = "run `make run` as root, or install the Debian package"
    if shutil.which("tesseract"):
        rc, out = _run(["tesseract", "--version"])
        version = out.splitlines()[0] if out else "?"
        checks.append(Check("tesseract", "ok" if rc == 0 else "fail", version))
        rc, out = _run(["tesseract", "--list-langs"])
        langs = set(out.splitlines()[1:]) if rc == 0 else set()
        for lang, pkg in (("vie", "tesseract-ocr-vie"), ("osd", "tesseract-ocr-osd")):
            checks.append(Check(f"tesseract_{lang}", "ok" if lang in langs else "fail",
                                "installed" if lang in langs else f"missing: {install} {pkg}"))
    else:
        checks.append(Check("tesseract", "fail", f"not found: {install} tesseract-ocr"))
    for tool, pkg in (("pdftoppm", "poppler-utils"), ("pdftotext", "poppler-utils")):
        checks.append(Check(tool, "ok" if shutil.which(tool) else "fail",
                            "found" if shutil.which(tool) else f"not found: {install} {pkg}"))
    checks += scanner_checks(escl_devices or [])
    from station import config
    from station.workflow.sealing import doctor_check

    checks.append(Check("signing", *doctor_check(data_dir, config.Settings.load(data_dir))))
    checks.append(Check("archive", "warn", "no archive is set (`station remote set URL`); packages stay in the outbox"))
    try:
        existing = data_dir
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        usage = shutil.disk_usage(existing)
        free_gb = usage.free / 2**30
        status = "ok" if free_gb >= 5 else ("warn" if free_gb >= 1 else "fail")
        checks.append(Check("disk", status, f"{free_gb:.1f} GiB free for {data_dir}"
                            + ("" if status == "ok" else "; free space before scanning more")))
    except OSError as exc:
        checks.append(Check("disk", "fail", f"{data_dir}: {exc}"))
    return checks
