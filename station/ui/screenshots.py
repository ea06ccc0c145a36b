"""`make screenshots`: each main screen in Vietnamese and English, as PNG files, for review by eye.

Runs the real station on a fresh data dir: two sample pages come from the demo scanner and go
through the real pipeline first, so the screens show real thumbnails, suggestions and flags.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QWidget

from station.ui.app import application
from station.ui.resources import install_language

PASSWORD = "mật-khẩu-ảnh-1"  # the screenshot station's accounts (a throwaway data dir)


def spin(app: QApplication, seconds: float, until: object = None) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if callable(until) and until():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            return
        time.sleep(0.02)


def prepare(data: Path) -> None:
    from station.domain import SplitMode
    from station.scanner.base import ScanOptions
    from station.scanner.demo import DEVICE, DemoDriver
    from station.workflow import Station
    from station.workflow.scanning import scan_into

    station = Station(data)
    try:
        driver = DemoDriver(samples=["01_quyet_dinh_bgddt", "02_cong_van_bgddt_gddh"])
        scan_into(station, driver, DEVICE, ScanOptions(source="adf", dpi=200, color_mode="gray"), batch="Lô 01",
                  split=SplitMode.PAGE, user="demo")
        # A second batch, confirmed by an operator, for the supervisor's screens.
        accounts = station.accounts
        accounts.add("admin", "admin", PASSWORD, by=None)
        for name, role in (("lan", "operator"), ("hoa", "operator"), ("minh", "supervisor")):
            accounts.add(name, role, PASSWORD, by="admin")
        scan_into(station, driver, DEVICE, ScanOptions(source="adf", dpi=200, color_mode="gray"), batch="Lô 02",
                  split=SplitMode.PAGE, user="lan")
        docs = [d["id"] for d in station.list_documents() if d["batch"] == "Lô 02"]
        for i, (doc, who) in enumerate(zip(docs, ("lan", "hoa"), strict=False)):
            station.confirm(doc, accept_suggestions=True, user=who, sets={
                "file_code": f"000.00.00.G03.2021.0{i + 1}", "paper_file_code": f"G03.K1-02-05.000{i + 1}",
                "issued_date": "2021-03-05", **({"subject": "Về việc công nhận tốt nghiệp năm 2021"} if i == 0 else {})})
        inventory = data / "inventory.csv"
        inventory.write_text("Mã hồ sơ;Thủ tục;Số văn bản;Số trang\nG03.K1-02-05.0001;1.001;4;10\n"
                             "G03.K1-02-05.0002;1.001;3;6\nG03.K1-02-06.0001;2.002;5;5\n", encoding="utf-8")
        from station.workflow.progress import import_inventory

        import_inventory(station, inventory, user="minh")
    finally:
        station.close()


def supervisor_screens(app: QApplication, data: Path, out: Path, lang: str) -> None:
    """Review queue, sampling, dashboard, accounts and the lock screen, as a supervisor and an admin see them."""
    from station.auth import Role, Session
    from station.ui.accounts import AccountsDialog
    from station.ui.window import MainWindow

    w = MainWindow(data, session=Session(user="minh", role=Role.SUPERVISOR), start_pipeline=False)
    w.show()
    sup = w.supervision
    sup.show_tab(sup.review_tab)
    rv = sup.review
    spin(app, 10, lambda: rv.current is not None and rv.viewer.image_size[0] > 0)
    spin(app, 1)
    shoot(w, out / f"07-review-queue-{lang}.png")
    rv.sampling.setChecked(True)
    spin(app, 3, lambda: not rv._loading)
    rv.pick_sample()
    spin(app, 5, lambda: rv.current is not None and rv.pages.count() > 0)
    spin(app, 1)
    if rv.pages.count():
        rv.pages.item(0).setCheckState(Qt.CheckState.Checked)
    shoot(w, out / f"08-review-sampling-{lang}.png")
    rv.sampling.setChecked(False)
    sup.show_tab(sup.dashboard_tab)
    spin(app, 5, lambda: sup.dashboard.report is not None)
    spin(app, 0.5)
    shoot(w, out / f"09-dashboard-{lang}.png")
    accounts = AccountsDialog(w, Session(user="admin", role=Role.ADMIN), w)
    accounts.show()
    spin(app, 3, lambda: accounts.table.rowCount() > 0)
    spin(app, 0.3)
    shoot(accounts, out / f"10-accounts-{lang}.png")
    accounts.close()
    sup.lock("idle")
    spin(app, 1)
    shoot(w, out / f"11-locked-{lang}.png")
    shoot(sup.lock_dialog, out / f"12-lock-dialog-{lang}.png")
    w.close()


def shoot(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path, file=sys.stderr)


def fit_screen(widget: QWidget, width: int, height: int) -> None:
    """The size asked for, or the screen's when smaller: at 150 % a 1920×1080 screen is 1280×720."""
    screen = widget.screen().availableGeometry()
    widget.resize(min(width, screen.width()), min(height, screen.height()))


def main(out: Path, tag: str = "") -> int:
    from station.scanner.base import PaperJam
    from station.ui.settings import SettingsDialog
    from station.ui.window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    app = application()
    suffix = f"-{tag}" if tag else ""
    with tempfile.TemporaryDirectory() as tmp:
        # An administrator's locked settings, so the settings screens show how locks look.
        admin = Path(tmp) / "admin-settings.json"
        admin.write_text(json.dumps({"metadata.rights": "01", "ocr.language": "vie"}), encoding="utf-8")
        os.environ["STATION_ADMIN_SETTINGS"] = str(admin)
        data = Path(tmp) / "data"
        prepare(data)
        for lang in ("vi", "en"):
            install_language(lang)
            empty = MainWindow(Path(tmp) / f"empty-{lang}", user="operator", start_pipeline=False)
            fit_screen(empty, 1440, 900)
            empty.show()
            spin(app, 3, lambda w=empty: w.middle.currentIndex() == 1)
            shoot(empty, out / f"01-first-run-{lang}{suffix}.png")
            empty.close()

            w = MainWindow(data, user="operator", start_pipeline=False)
            fit_screen(w, 1440, 900)
            w.show()
            spin(app, 10, lambda w=w: w.pages.rowCount() > 0 and w.viewer.image_size[0] > 0)
            spin(app, 1)
            w.activateWindow()
            w.form.rows["subject"].editor.setFocus()
            w._field_focused("subject")
            spin(app, 1)
            shoot(w, out / f"02-main-{lang}{suffix}.png")
            date = w.form.rows["issued_date"].editor
            date.setFocus()
            date.setText("31/02/2021")
            w.form.check()
            w.a_words.setChecked(True)
            w.toggle_words()
            spin(app, 1)
            shoot(w, out / f"03-check-and-ocr-words-{lang}{suffix}.png")
            w._scan_failed(PaperJam("Paper jam in the feeder after page 3."))
            spin(app, 0.5)
            shoot(w, out / f"04-scanner-error-{lang}{suffix}.png")
            dialog = SettingsDialog(w.station, w)
            fit_screen(dialog, 760, 520)
            dialog.show()
            spin(app, 0.5)
            shoot(dialog, out / f"05-settings-{lang}{suffix}.png")
            dialog.tabs.setCurrentIndex(dialog.tabs.indexOf(dialog.signing))
            spin(app, 0.3)
            shoot(dialog, out / f"06-settings-signing-{lang}{suffix}.png")
            dialog.tabs.setCurrentIndex(dialog.tabs.count() - 1)
            spin(app, 0.3)
            shoot(dialog, out / f"07-settings-all-{lang}{suffix}.png")
            dialog.close()
            if lang == "vi":
                # The language switched while the window is open (Settings → Language), not restarted.
                from station.ui.language import switch_language

                switch_language("en")
                spin(app, 0.5)
                shoot(w, out / f"08-main-switched-live-to-en{suffix}.png")
            w.close()
            supervisor_screens(app, data, out, lang)
    return 0


if __name__ == "__main__":
    # A second argument tags the files, e.g. "150" for a run under QT_SCALE_FACTOR=1.5.
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots"),
                          sys.argv[2] if len(sys.argv) > 2 else ""))
