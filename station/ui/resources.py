"""Icons and translations shipped with the station (resources/), and the language in use."""

from __future__ import annotations

import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon

HERE = Path(__file__).resolve().parent / "resources"
ICONS = HERE / "icons"
I18N = HERE / "i18n"
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


@cache
def icon(name: str) -> QIcon:
    path = ICONS / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


def lrelease() -> str | None:
    """pyside6-lrelease from this environment (next to the interpreter), else from PATH."""
    local = Path(sys.executable).with_name("pyside6-lrelease")
    return str(local) if local.is_file() else shutil.which("pyside6-lrelease")


def compile_translations(force: bool = False) -> list[Path]:
    """The build step: every .ts into its .qm, when missing or older than its source."""
    out = []
    tool = lrelease()
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if force or not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            if tool is None:
                raise RuntimeError("pyside6-lrelease is missing; install PySide6 to build the translations")
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


_installed: list[QTranslator] = []


def install_language(language: str) -> str:
    """Vietnamese unless English was chosen; English is the source text, so it needs no catalogue."""
    app = QCoreApplication.instance()
    assert app is not None
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    language = language if language in LANGUAGES else "vi"
    compile_translations()
    qm = I18N / f"station_{language}.qm"
    translator = QTranslator(app)
    if qm.exists() and translator.load(str(qm)):
        app.installTranslator(translator)
        _installed.append(translator)
    # Qt's own words (Save, Cancel, context menus) from the catalogues PySide6 ships.
    qt_own = QTranslator(app)
    if language != "en" and qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    return language
