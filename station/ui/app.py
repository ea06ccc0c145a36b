"""Starting the GUI: one QApplication, the chosen language, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from station import config
from station.ui.resources import icon, install_language


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        # Worker threads in this process (the pipeline's coordinator, image decoding) hand the GIL
        # back to the GUI thread within 1 ms instead of Python's default 5 ms: each call from Qt into
        # Python (a model's data(), a slot) may wait that long, many times per repaint.
        sys.setswitchinterval(0.001)
        # Fractional scaling (125 %, 150 %) as the screen asks, rather than rounded to 100 or 200 %.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName("station")
        app.setApplicationDisplayName("Station")
        app.setWindowIcon(icon("app"))
    assert isinstance(app, QApplication)
    return app


def run(data_dir: str | os.PathLike[str] | None = None, language: str | None = None) -> int:
    from station.ui.window import MainWindow

    app = application()
    data = config.data_dir(data_dir)
    install_language(language or str(config.Settings.load(data).get("ui.language")))
    from station.ui.login import LoginDialog

    login = LoginDialog(Path(data))
    if login.exec() != LoginDialog.DialogCode.Accepted or login.user is None:
        return 0  # nobody logged in: nothing to show
    window = MainWindow(Path(data), user=login.user, session=login.session)
    room = window.screen().availableGeometry()  # at 150 % a 1920×1080 screen leaves 1280×720
    if window.width() > room.width() or window.height() > room.height():
        window.resize(min(window.width(), room.width()), min(window.height(), room.height()))
    window.show()
    return app.exec()
