"""The archive link in the window: background sync on its own thread, its state in the status bar, the
Archive settings tab, and the USB (sneakernet) menu items.

The station itself sends what it sealed (station.workflow.syncing.open_service with user=None: the
archive token, not the person at the keyboard, is the credential; the audit log says "station"), so
the sync thread runs for the window's whole life, locked or not, and stops when the window closes.
It reads the store and settings afresh each round: after the Archive tab saves a new address or
token, `restart()` makes it start over with them. Statuses come back as an argument-less signal
(Mailbox's lesson: plain signals only across threads) and the GUI reads the latest snapshot.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from station.auth import Action, Session
from station.ui.resources import icon
from station.ui.workers import Jobs, StoppableThread, _emit, error_text

if TYPE_CHECKING:
    from station.sync import SyncStatus
    from station.ui.window import MainWindow

RETRY_SECONDS = 30.0  # a set-up problem (no token yet, a missing CA file): look again this often
REMOTE_KEYS = ("remote.url", "remote.ca_bundle", "remote.archive_cert_sha256")


class NoToken(Exception):
    """The archive is set up but the station has no access code yet (keyring or environment)."""


class SyncThread(StoppableThread):
    """`SyncService.run` on its own thread, for as long as the window lives; `restart()` rereads the set-up."""

    changed = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._round = threading.Event()
        self._send_all = threading.Event()
        self.snapshot: SyncStatus | None = None
        self.problem: Exception | None = None  # a set-up problem that keeps the service from starting

    def stop(self) -> None:
        super().stop()
        self._round.set()

    def restart(self) -> None:
        self._round.set()

    def send_now(self) -> None:
        """Every waiting package now, not at its backoff time (the archive may just have come back)."""
        self._send_all.set()
        self._round.set()

    def _status(self, status: SyncStatus) -> None:
        self.snapshot = status
        _emit(self.changed)

    def run(self) -> None:
        from station.workflow import Station, syncing

        while not self._stop.is_set():
            self._round = round_ = threading.Event()
            if self._stop.is_set():
                break
            try:
                station = Station(self.data_dir)
                try:
                    if not syncing.remote_show(station)["token"]:
                        raise NoToken  # said at once, not only when a package is about to go
                    service = syncing.open_service(station, user=None, on_status=self._status)
                    try:
                        self.problem = None
                        if self._send_all.is_set():
                            self._send_all.clear()
                            service.run_once()
                        service.run(round_)
                    finally:
                        service.store.close()
                finally:
                    station.close()
            except Exception as exc:  # a set-up problem: said in the status bar, tried again later
                self.problem = exc
                _emit(self.changed)
                round_.wait(RETRY_SECONDS)


class ClickLabel(QLabel):
    """A status-bar label that opens what it is about."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


def _clock(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    today = datetime.now().astimezone().date()
    return when.strftime("%H:%M") if when.date() == today else when.strftime("%d/%m %H:%M")


def problem_words(status: SyncStatus | None, problem: Exception | None) -> str | None:
    """An auth, TLS or set-up problem in plain words, with what to do; None when there is none."""
    if problem is not None:
        text = error_text(problem)
        if isinstance(problem, NoToken) or "has no archive token" in text:
            return QCoreApplication.translate(
                "archive", "The station has no archive access code — an administrator enters it in Settings → Archive")
        if "CA bundle" in text:
            return QCoreApplication.translate(
                "archive", "The ministry's CA file is missing — an administrator chooses it again in Settings → Archive")
        return text
    if status is None or not status.last_error:
        return None
    error = status.last_error
    if "TLS" in error:
        return QCoreApplication.translate(
            "archive", "The archive's certificate is not trusted — an administrator chooses the ministry's CA file "
                       "in Settings → Archive")
    if status.auth_problem and status.online is not False:  # offline says more than an older auth refusal
        if "expired" in error.lower():
            return QCoreApplication.translate(
                "archive", "The station's access code has expired — ask the archive's administrator for a new one")
        return QCoreApplication.translate(
            "archive", "The archive does not accept the station's access code — ask the archive's administrator "
                       "for a new one and enter it in Settings → Archive")
    return None


def archive_line(configured: bool, status: SyncStatus | None, problem: Exception | None) -> tuple[str, str, bool]:
    """(archive label, outbox label, is a problem) for the status bar."""
    none_waiting = QCoreApplication.translate("archive", "Packages waiting: —")
    if not configured:
        return QCoreApplication.translate("archive", "Archive: not set up — Settings → Archive"), none_waiting, False
    words = problem_words(status, problem)
    contact = _clock(status.last_contact) if status is not None else ""
    if status is not None and status.online:
        archive = QCoreApplication.translate("archive", "Archive: online (last contact %1)").replace("%1", contact)
    elif status is not None and status.online is False and contact:
        archive = QCoreApplication.translate(
            "archive", "Archive: offline (last contact %1) — retrying by itself").replace("%1", contact)
    elif status is not None and status.online is False:
        archive = QCoreApplication.translate("archive", "Archive: offline — retrying by itself")
    else:
        archive = QCoreApplication.translate("archive", "Archive: connecting…")
    if words:
        archive = QCoreApplication.translate("archive", "Archive: %1").replace("%1", words)
    if status is None:
        return archive, none_waiting, bool(words)
    outbox = QCoreApplication.translate("archive", "Packages waiting: %1").replace("%1", str(status.waiting))
    if status.sending:
        outbox += " · " + QCoreApplication.translate("archive", "sending %1 (%2 kB)").replace(
            "%1", status.sending[:8]).replace("%2", str(status.sent_bytes // 1024))
    return archive, outbox, bool(words)


class ArchiveLink(QObject):
    """The window's side of the archive: the sync thread, the status bar labels, the USB menu items."""

    def __init__(self, window: MainWindow, *, start: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.thread: SyncThread | None = None
        self.configured = bool(window.station.settings.get("remote.url"))
        self.enabled = start
        window.status_archive.clicked.connect(lambda: window.open_settings("archive"))
        window.status_outbox.clicked.connect(lambda: window.open_settings("archive"))
        for label in (window.status_archive, window.status_outbox):
            label.setCursor(Qt.CursorShape.PointingHandCursor)
            label.setToolTip(self.tr("Click to open the archive settings"))
        menu = window.supervision.menu
        menu.addSeparator()
        self.a_export = QAction(self.tr("Export packages to a USB folder…"), window)
        self.a_export.setObjectName("action_export_outbox")
        self.a_export.triggered.connect(self.export_dialog)
        self.a_import = QAction(self.tr("Import archive receipts from a USB folder…"), window)
        self.a_import.setObjectName("action_import_receipts")
        self.a_import.triggered.connect(self.import_dialog)
        for a in (self.a_export, self.a_import):
            menu.addAction(a)
        self.apply_role(window.supervision.session)
        if self.configured and start:
            self._start()
        self.show()

    # -- the thread ----------------------------------------------------------------------------------
    def _start(self) -> None:
        if self.thread is None and not self.window._closing:
            self.thread = SyncThread(self.window.data_dir, self)
            self.thread.changed.connect(self.show)
            self.thread.start()

    def remote_changed(self) -> None:
        """The Archive tab saved a new set-up: start syncing, or start over with it."""
        self.configured = bool(self.window.station.settings.get("remote.url"))
        if self.thread is not None:
            self.thread.snapshot = None
            self.thread.restart()
        elif self.configured and self.enabled:
            self._start()
        self.show()

    def send_now(self) -> None:
        if self.thread is not None:
            self.thread.send_now()
        elif self.configured:
            self._start()

    def shutdown(self) -> None:
        if self.thread is not None:
            self.thread.stop()
            self.thread.wait(60000)
            self.thread = None

    def status(self) -> SyncStatus | None:
        return self.thread.snapshot if self.thread is not None else None

    def show(self) -> None:
        if self.window._closing:
            return
        problem = self.thread.problem if self.thread is not None else None
        archive, outbox, bad = archive_line(self.configured, self.status(), problem)
        self.window.status_archive.setText(archive)
        self.window.status_archive.setStyleSheet("color: #c62828;" if bad else "")
        self.window.status_outbox.setText(outbox)

    def retranslate(self) -> None:
        self.a_export.setText(self.tr("Export packages to a USB folder…"))
        self.a_import.setText(self.tr("Import archive receipts from a USB folder…"))
        for label in (self.window.status_archive, self.window.status_outbox):
            label.setToolTip(self.tr("Click to open the archive settings"))
        self.show()

    # -- sneakernet --------------------------------------------------------------------------------
    def apply_role(self, session: Session) -> None:
        allowed = session.can(Action.SYNC)
        for a in (self.a_export, self.a_import):
            a.setVisible(allowed)
            a.setEnabled(allowed)

    def export_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export packages to a USB folder"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        from station.workflow import syncing

        session = self.window.supervision.session

        def done(report: dict[str, Any]) -> None:
            text = self.tr("%1 package(s) written to %2 for the archive.").replace(
                "%1", str(report["exported"])).replace("%2", str(report["folder"]))
            if report.get("problems"):
                text += " " + self.tr("%1 could not be written.").replace("%1", str(len(report["problems"])))
            self.window.say(text, error=bool(report.get("problems")))

        self.window.say(self.tr("Writing packages to %1…").replace("%1", str(folder)))
        self.window.run_task(lambda station: syncing.export_outbox(station, folder, user=session), done)

    def import_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import archive receipts from a USB folder"))
        if folder:
            self.import_from(Path(folder))

    def import_from(self, folder: Path) -> None:
        from station.workflow import syncing

        session = self.window.supervision.session

        def done(report: dict[str, Any]) -> None:
            accepted = report.get("accepted", 0)
            rejected = report.get("rejected", 0)
            self.window.say(self.tr("Receipts read: %1 accepted, %2 rejected by the archive.").replace(
                "%1", str(accepted)).replace("%2", str(rejected)), error=bool(rejected))
            self.window.refresh()
            if self.thread is not None:
                self.thread.restart()  # the waiting count changed

        self.window.run_task(lambda station: syncing.import_receipts(station, folder, user=session), done)


class ArchivePage(QWidget):
    """Settings → Archive: address, CA bundle, the archive's receipt certificate, the token, Send now.

    Only an administrator may change it (others see it read-only); settings an administrator locked
    in the machine's settings are shown, not editable. The token is typed once and goes to the
    system keyring through station.workflow.syncing.remote_set, on a worker (fetching the archive's
    certificate is a network call); it is never shown again.
    """

    remote_changed = Signal()

    def __init__(self, station: Any, session: Session | None, link: ArchiveLink | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.session = session
        self.link = link
        self.jobs = Jobs(station.data_dir, self)
        v = QVBoxLayout(self)
        self.current = QLabel()
        self.current.setObjectName("archive_current")
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.current)
        f = QFormLayout()
        s = station.settings
        self.url = QLineEdit(str(s.get("remote.url") or ""))
        self.url.setObjectName("archive_url")
        self.url.setPlaceholderText("https://archive.moet.gov.vn")
        f.addRow(self.tr("Archive address"), self.url)
        self.ca = QLineEdit()
        self.ca.setObjectName("archive_ca")
        self.ca.setPlaceholderText(self.tr("only when the ministry's own CA signed the archive's certificate"))
        self.ca_browse = QPushButton(self.tr("Choose…"))
        self.ca_browse.clicked.connect(self._choose_ca)
        row = QHBoxLayout()
        row.addWidget(self.ca, 1)
        row.addWidget(self.ca_browse)
        f.addRow(self.tr("CA file (PEM)"), row)
        self.cert_fetch = QRadioButton(self.tr("Fetch it from the archive and show its fingerprint"))
        self.cert_fetch.setObjectName("archive_cert_fetch")
        self.cert_file_choice = QRadioButton(self.tr("From a file:"))
        self.cert_file = QLineEdit()
        self.cert_file.setObjectName("archive_cert_file")
        self.cert_browse = QPushButton(self.tr("Choose…"))
        self.cert_browse.clicked.connect(self._choose_cert)
        self.cert_fetch.setChecked(True)
        cert_box = QVBoxLayout()
        cert_box.addWidget(self.cert_fetch)
        row = QHBoxLayout()
        row.addWidget(self.cert_file_choice)
        row.addWidget(self.cert_file, 1)
        row.addWidget(self.cert_browse)
        cert_box.addLayout(row)
        f.addRow(self.tr("Receipt certificate"), cert_box)
        self.token = QLineEdit()
        self.token.setObjectName("archive_token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("leave empty to keep the access code already set"))
        f.addRow(self.tr("Access code (token)"), self.token)
        v.addLayout(f)
        v.addWidget(_wrapped(self.tr("The access code is kept in the system keyring, never in a file, and is not "
                                     "shown again. Compare the certificate's fingerprint with the one the "
                                     "archive's administrator gave you.")))
        buttons = QHBoxLayout()
        self.apply_button = QPushButton(icon("confirm"), self.tr("Save and connect"))
        self.apply_button.setObjectName("archive_apply")
        self.apply_button.clicked.connect(self.apply)
        self.send_button = QPushButton(self.tr("Send now"))
        self.send_button.setObjectName("archive_send_now")
        self.send_button.clicked.connect(self.send_now)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.send_button)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.status = QLabel()
        self.status.setObjectName("archive_status")
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        v.addStretch(1)

        self.admin = session is not None and session.can(Action.REMOTE_SETUP)
        self.locked = any(s.locked(k) for k in REMOTE_KEYS)
        self.editable = self.admin and not self.locked
        self.editors = (self.url, self.ca, self.ca_browse, self.cert_fetch, self.cert_file_choice, self.cert_file,
                        self.cert_browse, self.token, self.apply_button)
        for w in self.editors:
            w.setEnabled(self.editable)
        self.send_button.setEnabled(link is not None and link.enabled and bool(s.get("remote.url")))
        if self.locked:
            note = QLabel(self.tr("Locked by the administrator"))
            note.setObjectName("archive_locked")
            v.insertWidget(1, note)
        elif not self.admin:
            note = QLabel(self.tr("Only an administrator may change the archive settings."))
            note.setObjectName("archive_admin_only")
            v.insertWidget(1, note)
        self.loaded = False

    def load(self) -> None:
        """Read the set-up (the keyring may take a while) on a worker, the first time the tab is looked at:
        a settings dialog opened for another tab starts no thread for this one."""
        from station.workflow.syncing import remote_show

        if self.loaded:
            return
        self.loaded = True
        self.current.setText(self.tr("Reading the archive settings…"))
        self.jobs.run(remote_show, self._show_current, self._refused)

    def showEvent(self, event: Any) -> None:
        self.load()
        super().showEvent(event)

    def _choose_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CA file"), "", self.tr("Certificates (*.pem *.crt)"))
        if path:
            self.ca.setText(path)

    def _choose_cert(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Receipt certificate"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer *.der)"))
        if path:
            self.cert_file.setText(path)
            self.cert_file_choice.setChecked(True)

    def _show_current(self, shown: dict[str, Any]) -> None:
        if not shown.get("url"):
            self.current.setText(self.tr("No archive is set up: sealed packages wait on this station. An "
                                         "administrator enters the archive's address and access code below."))
            return
        lines = [self.tr("Archive: %1").replace("%1", shown["url"]),
                 self.tr("Station: %1").replace("%1", shown["station_id"])]
        if shown.get("token") == "environment":
            lines.append(self.tr("Access code: given by the environment (STATION_ARCHIVE_TOKEN) of an unattended "
                                 "station"))
        elif shown.get("token"):
            lines.append(self.tr("Access code: kept in the system keyring"))
        else:
            lines.append(self.tr("Access code: not set — the station cannot send until an administrator enters it"))
        if shown.get("ca_bundle"):
            lines.append(self.tr("CA file: %1").replace("%1", shown["ca_bundle"]))
        if shown.get("archive_cert_sha256"):
            lines.append(self.tr("Receipt certificate fingerprint (SHA-256): %1").replace(
                "%1", _grouped(shown["archive_cert_sha256"])))
        cert = shown.get("archive_certificate") or {}
        if cert.get("subject"):
            lines.append(self.tr("Issued to: %1").replace("%1", cert["subject"]))
        self.current.setText("\n".join(lines))
        if self.link is not None and self.link.enabled:
            self.send_button.setEnabled(True)

    def apply(self) -> None:
        from station.workflow.syncing import remote_set

        if not self.editable:
            return
        url = self.url.text().strip()
        token = self.token.text().strip() or None
        ca = Path(self.ca.text().strip()) if self.ca.text().strip() else None
        cert = (Path(self.cert_file.text().strip())
                if self.cert_file_choice.isChecked() and self.cert_file.text().strip() else None)
        session = self.session

        def run(station: Any) -> dict[str, Any]:
            return remote_set(station, url, user=session, token=token, ca_bundle=ca, archive_cert=cert)

        self._busy(True)
        self.jobs.run(run, self._applied, self._refused)

    def _busy(self, busy: bool) -> None:
        for w in self.editors:
            w.setEnabled(self.editable and not busy)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Contacting the archive…") if busy else "")

    def _applied(self, shown: dict[str, Any]) -> None:
        from station.ui.settings import reload_user_settings

        self._busy(False)
        self.token.clear()
        reload_user_settings(self.station)
        self.status.setText(self.tr("Saved. Compare the fingerprint above with the archive administrator's; the "
                                    "station sends its packages from now on."))
        self._show_current(shown)
        if self.link is not None:
            self.link.remote_changed()
        self.remote_changed.emit()

    def send_now(self) -> None:
        if self.link is not None:
            self.link.send_now()
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Sending every waiting package now."))

    def _refused(self, exc: BaseException) -> None:
        self._busy(False)
        self.status.setStyleSheet("color: #c62828;")
        self.status.setText(error_text(exc))


def _grouped(hexdigest: str) -> str:
    """A fingerprint as people compare them aloud: pairs, in two lines of 16."""
    pairs = [hexdigest[i:i + 2].upper() for i in range(0, len(hexdigest), 2)]
    return ":".join(pairs[:16]) + "\n" + ":".join(pairs[16:])


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
