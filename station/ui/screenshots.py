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


class StandInArchive:
    """A loopback stand-in for the archive that answers as the real one does when a station's token has
    expired (health 200, everything else 401 `token_expired`, protocol.md), so the status bar's states are
    the real sync thread's, not drawn by hand."""

    def __init__(self) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                if self.path.endswith("/api/v1/health"):
                    status, body = 200, {"status": "ok", "archive_id": "stand-in", "version": "screenshots",
                                         "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
                else:
                    status, body = 401, {"error": "This station's token has expired; ask for a new one.",
                                         "code": "token_expired"}
                raw = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Tus-Resumable", "1.0.0")
                if status == 401:
                    self.send_header("WWW-Authenticate", 'Bearer error="invalid_token"')
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)

            do_GET = do_POST = do_HEAD = do_PATCH = do_DELETE = do_OPTIONS = _answer

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)


def self_signed_pem(path: Path) -> Path:
    """A stand-in for the archive's receipt certificate (the Archive tab shows its fingerprint)."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Bộ Giáo dục và Đào tạo"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "Kho lưu trữ trung tâm — biên nhận")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=365)).sign(key, hashes.SHA256()))
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


def _waiting_packages(station: object, count: int) -> None:
    """Sealed documents whose package files wait in the outbox (small zips: the stand-in refuses them unread)."""
    import hashlib
    import uuid
    import zipfile

    from station.domain import DocState

    store = station.store  # type: ignore[attr-defined]
    folder = station.data_dir / "packages"  # type: ignore[attr-defined]
    folder.mkdir(parents=True, exist_ok=True)
    for _ in range(count):
        package_id = str(uuid.uuid4())
        path = folder / f"{package_id}.zip"
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr(f"{package_id}/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        with store.transaction():
            doc = store.add_document(store.batch_id("Lô 03", create=True), [])
            store.db.execute("UPDATE documents SET state = ? WHERE id = ?", (DocState.SEALED.value, doc))
            store.record_seal(doc, package_id=package_id, package_path=str(path), package_sha256=sha,
                              sealed_by="minh", signature_level="B-LT", certificate_serial="screenshots", warnings=[])


def archive_screens(app: QApplication, tmp: Path, out: Path, lang: str, suffix: str) -> None:
    """Settings → Archive (an admin's, an operator's) and the status bar's archive states: packages waiting
    and an expired access code (the stand-in archive), then the archive gone (offline, retrying by itself)."""
    from station.auth import Role, Session
    from station.sync.remote import TOKEN_ENV
    from station.ui.settings import SettingsDialog
    from station.ui.window import MainWindow
    from station.workflow import Station, syncing

    stand_in = StandInArchive()
    data = tmp / f"archive-{lang}{suffix}"
    station = Station(data)
    try:
        station.accounts.add("admin", "admin", PASSWORD, by=None)
        station.accounts.add("lan", "operator", PASSWORD, by="admin")
        for key, value in (("sync.poll_seconds", 0.5), ("sync.backoff_base_seconds", 0.2),
                           ("sync.backoff_max_seconds", 1.0), ("sync.timeout_seconds", 2.0)):
            station.settings.set(key, value)
        os.environ[TOKEN_ENV] = "screenshot-token"  # no desktop keyring under xvfb: the environment keeps it
        syncing.remote_set(station, stand_in.url, user="admin", token="screenshot-token",
                           archive_cert=self_signed_pem(tmp / "archive-receipts.pem"))
    finally:
        station.close()
    # Nothing waiting: the station looks the archive up and says it is online, with the time.
    w = MainWindow(data, session=Session(user="admin", role=Role.ADMIN), start_pipeline=False, find_scanners=False)
    fit_screen(w, 1440, 900)
    w.show()
    spin(app, 20, lambda: (s := w.archive.status()) is not None and s.online is True)
    spin(app, 0.5)
    shoot(w.statusBar(), out / f"13a-statusbar-archive-online-{lang}{suffix}.png")
    w.close()
    station = Station(data)
    try:
        _waiting_packages(station, 2)
    finally:
        station.close()
    w = MainWindow(data, session=Session(user="admin", role=Role.ADMIN), start_pipeline=False, find_scanners=False)
    fit_screen(w, 1440, 900)
    w.show()
    spin(app, 20, lambda: (s := w.archive.status()) is not None and s.auth_problem)
    spin(app, 0.5)
    shoot(w, out / f"13-status-archive-token-expired-{lang}{suffix}.png")
    shoot(w.statusBar(), out / f"13b-statusbar-token-expired-{lang}{suffix}.png")
    dialog = SettingsDialog(w.station, w, session=w.supervision.session, link=w.archive)
    fit_screen(dialog, 760, 560)
    dialog.tabs.setCurrentWidget(dialog.archive)
    dialog.show()
    spin(app, 5, lambda: dialog.archive.jobs.running == 0)
    spin(app, 0.3)
    shoot(dialog, out / f"14-settings-archive-{lang}{suffix}.png")
    dialog.close()
    stand_in.close()
    spin(app, 30, lambda: (s := w.archive.status()) is not None and s.online is False)
    spin(app, 0.5)
    shoot(w.statusBar(), out / f"15-statusbar-archive-offline-{lang}{suffix}.png")
    w.close()
    operator = MainWindow(data, session=Session(user="lan", role=Role.OPERATOR), start_pipeline=False,
                          find_scanners=False, start_sync=False)
    dialog = SettingsDialog(operator.station, operator, session=operator.supervision.session, link=operator.archive)
    fit_screen(dialog, 760, 560)
    dialog.tabs.setCurrentWidget(dialog.archive)
    dialog.show()
    spin(app, 5, lambda: dialog.archive.jobs.running == 0)
    spin(app, 0.3)
    shoot(dialog, out / f"16-settings-archive-operator-{lang}{suffix}.png")
    dialog.close()
    operator.close()
    os.environ.pop(TOKEN_ENV, None)


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
            install_language(lang)  # back from the live switch above: these screens are in `lang` too
            supervisor_screens(app, data, out, lang)
            archive_screens(app, Path(tmp), out, lang, suffix)
    return 0


if __name__ == "__main__":
    # A second argument tags the files, e.g. "150" for a run under QT_SCALE_FACTOR=1.5.
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots"),
                          sys.argv[2] if len(sys.argv) > 2 else ""))
