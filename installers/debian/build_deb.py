"""Build the station's Debian package: `make deb` (or `python installers/debian/build_deb.py`).

The package carries its own Python environment so an office machine needs no network and no pip at
install time: a venv made with Debian's python3.11 at package time, the wheels installed into it
offline from a wheel folder filled at build time (build/wheels, reused between builds), and the
station's source with its resources beside it (`station/` and `resources/`, the layout the code
finds its samples and procedures in). The venv only points at /usr/bin/python3.11 (pyvenv.cfg's
`home`), so it works at its final path once the few build paths pip wrote into it are rewritten.

Qt: only PySide6-Essentials (QtCore, QtGui, QtWidgets, the SVG plug-in) is installed; the station's
window uses nothing from PySide6-Addons, which is about 400 MB more.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PACKAGE = "moet-station"
PREFIX = "/opt/moet-station"
APP_ID = "vn.edu.moet.Station"

# Debian's packages the station runs with: OCR and its data, PDF rendering for imports, fonts with
# Vietnamese glyphs, SANE with the eSCL backend, and the system libraries Qt's xcb platform loads
# (PySide6's wheels bring Qt itself).
DEPENDS = [
    "tesseract-ocr", "tesseract-ocr-vie", "tesseract-ocr-osd", "poppler-utils",
    "sane-utils", "libsane1", "sane-airscan",
    "fonts-liberation2", "fonts-dejavu-core",
    "libgl1", "libegl1", "libglib2.0-0", "libfontconfig1", "libdbus-1-3", "libxkbcommon0",
    "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
    "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1",
]
RECOMMENDS = ["jbig2dec", "qpdf"]


def _run(cmd: list[str], **kw: object) -> None:
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, **kw)  # type: ignore[call-overload]


def read_version(source: Path) -> str:
    text = (source / "station" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if not match:
        raise SystemExit(f"no __version__ in {source}/station/__init__.py")
    return match.group(1)


def requirements(source: Path) -> list[str]:
    """The project's dependencies, PySide6 narrowed to its Essentials wheel (see the module doc)."""
    deps = tomllib.loads((source / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return [re.sub(r"^PySide6(?=[<>=!~ ;]|$)", "PySide6-Essentials", d) for d in deps]


def fill_wheels(reqs: list[str], wheels: Path, python: str) -> None:
    """Every wheel the environment needs, fetched once (network at build time only)."""
    wheels.mkdir(parents=True, exist_ok=True)
    _run([python, "-m", "pip", "wheel", "-q", "--wheel-dir", str(wheels), "--find-links", str(wheels), *reqs])


def build(source: Path, out: Path, version: str, wheels: Path, base_python: str) -> Path:
    stage = out / f"stage-{version}"
    if stage.exists():
        shutil.rmtree(stage)
    root = stage / "root"
    dest = root / PREFIX.lstrip("/")
    reqs = requirements(source)
    fill_wheels(reqs, wheels, sys.executable)

    # The environment: Debian's interpreter, the vendored wheels, installed offline.
    _run([base_python, "-m", "venv", "--without-pip", str(dest / "venv")])
    venv_python = dest / "venv" / "bin" / "python"
    pyver = subprocess.run([str(venv_python), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                           check=True, capture_output=True, text=True).stdout.strip()
    _run([sys.executable, "-m", "pip", "--python", str(venv_python), "install", "-q", "--no-index",
          "--find-links", str(wheels), "--no-compile", "--no-warn-script-location", *reqs])
    site = dest / "venv" / "lib" / f"python{pyver}" / "site-packages"

    # The station itself, laid out as in the repository so resources/ sits beside station/.
    app = dest / "app"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts")
    shutil.copytree(source / "station", app / "station", ignore=ignore)
    shutil.copytree(source / "resources", app / "resources", ignore=ignore)
    i18n = app / "station" / "ui" / "resources" / "i18n"
    for ts in sorted((source / "station" / "ui" / "resources" / "i18n").glob("*.ts")):
        qm = i18n / ts.with_suffix(".qm").name
        if not qm.exists():
            lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) \
                or shutil.which("pyside6-lrelease")
            if lrelease is None:
                raise SystemExit("pyside6-lrelease is missing: run `make translations` first")
            _run([lrelease, "-silent", str(ts), "-qm", str(qm)])
    (site / "moet_station.pth").write_text(f"{PREFIX}/app\n", encoding="utf-8")

    # pip and venv wrote the build path into scripts and pyvenv.cfg: point them at the final path.
    for path in (dest / "venv").rglob("*"):
        if path.is_file() and not path.is_symlink() and (path.parent.name == "bin" or path.name == "pyvenv.cfg"):
            data = path.read_bytes()
            if str(dest).encode() in data:
                path.write_bytes(data.replace(str(dest).encode(), PREFIX.encode()))

    # Desktop integration and the command.
    files = HERE / "files"
    _install(files / "station", root / "usr/bin/station", 0o755)
    _install(files / f"{APP_ID}.desktop", root / f"usr/share/applications/{APP_ID}.desktop")
    _install(files / f"{APP_ID}.metainfo.xml", root / f"usr/share/metainfo/{APP_ID}.metainfo.xml")
    _install(source / "station/ui/resources/icons/app.svg", root / f"usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg")
    _install(files / "copyright", root / f"usr/share/doc/{PACKAGE}/copyright")
    (root / "etc/xdg/station").mkdir(parents=True)  # the machine (admin-locked) settings go here

    debian = root / "DEBIAN"
    debian.mkdir()
    for script in ("postinst", "prerm", "postrm"):
        _install(HERE / script, debian / script, 0o755)
    arch = subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()
    size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    control = {
        "Package": PACKAGE,
        "Version": version,
        "Architecture": arch,
        "Maintainer": "MOET digitisation team <station@moet.gov.vn>",
        "Installed-Size": str(size_kb),
        "Depends": ", ".join([f"python{pyver}", *DEPENDS]),
        "Recommends": ", ".join(RECOMMENDS),
        "Section": "graphics",
        "Priority": "optional",
        "Homepage": "https://moet.gov.vn",
        "Description": "scanning station for archival records (Vietnamese OCR, PDF/A, signatures)\n"
                       " Scans paper records, cleans the pages, reads them with Tesseract in Vietnamese,\n"
                       " suggests their metadata, and seals each document as a signed PDF/A in a BagIt\n"
                       " package for the archive. Trạm số hoá hồ sơ lưu trữ của Bộ Giáo dục và Đào tạo.",
    }
    (debian / "control").write_text("".join(f"{k}: {v}\n" for k, v in control.items()), encoding="utf-8")

    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{version}_{arch}.deb"
    # gzip: xz takes minutes on 300 MB with little gain for the USB stick it travels on.
    _run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(deb)])
    shutil.rmtree(stage)
    return deb


def _install(src: Path, dst: Path, mode: int = 0o644) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    os.chmod(dst, mode)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--source", type=Path, default=REPO, help="the station's source tree (default: this one)")
    p.add_argument("--out", type=Path, default=REPO / "build" / "deb")
    p.add_argument("--wheels", type=Path, default=REPO / "build" / "wheels")
    p.add_argument("--version", help="the package version (default: station.__version__)")
    p.add_argument("--python", default="/usr/bin/python3",
                   help="Debian's interpreter the package's environment runs on")
    args = p.parse_args(argv)
    base = os.path.realpath(args.python)
    deb = build(args.source.resolve(), args.out.resolve(), args.version or read_version(args.source),
                args.wheels.resolve(), base)
    print(deb)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
