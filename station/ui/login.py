"""Who is at the station: the login dialog, the lock screen, and on a fresh station the first admin's account.

Accounts, password hashing and the audit entries of every attempt are station.auth's; this dialog
only asks. A station with no account yet opens on "create the first admin" (issue 9: the first
admin is created at first run), not on an error. Each scrypt check costs about 0.1 s of CPU (more
on a busy machine), so it runs on a worker thread: the dialog keeps painting and says it is checking.

Locked (`locked=` a Session): the same person unlocks that session with the password, or another
person logs in with their own name; either way the window behind keeps everything it showed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from station.auth import DEFAULT_IDLE_SECONDS, Accounts, Session
from station.errors import StationError
from station.store import Store
from station.ui.workers import Mailbox, Task, Workers


class LoginDialog(QDialog):
    """Name and password; `user` and `session` hold the account's name and Session once accepted."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None, *, locked: Session | None = None,
                 idle_seconds: float | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.store = Store(self.data_dir)
        self.accounts = Accounts(self.store)
        self.locked = locked
        self.first_run = locked is None and self.accounts.count() == 0
        if idle_seconds is None:
            from station import config

            minutes = config.Settings.load(self.data_dir).get("auth.idle_lock_minutes")
            idle_seconds = DEFAULT_IDLE_SECONDS if minutes is None else 60.0 * float(minutes)
        self.idle_seconds = idle_seconds
        self.user: str | None = None
        self.session: Session | None = None
        self.mailbox = Mailbox(self)
        self.workers: Workers | None = None
        self.busy = False
        if locked is not None:
            self.setWindowTitle(self.tr("Station locked"))
        else:
            self.setWindowTitle(self.tr("Create the first administrator") if self.first_run else self.tr("Log in"))
        layout = QVBoxLayout(self)
        self.setMinimumWidth(460)
        if self.first_run:
            layout.addWidget(intro := QLabel(self.tr(
                "This station has no accounts yet. Create the administrator's account; the administrator "
                "then creates the operators' and supervisors' accounts with the command station user add.")))
            intro.setWordWrap(True)
        if locked is not None:
            layout.addWidget(intro := QLabel(self.tr(
                "The station is locked; nothing was lost. %1 types the password to carry on, or another "
                "person logs in with their own name.").replace("%1", locked.user)))
            intro.setObjectName("lock_note")
            intro.setWordWrap(True)
        form = QFormLayout()
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        if locked is not None:
            self.name.setText(locked.user)
            self.password.setFocus()
        self.repeat: QLineEdit | None = None
        if self.first_run:
            self.repeat = QLineEdit()
            self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(self.tr("Password again"), self.repeat)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("login_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | (QDialogButtonBox.StandardButton.NoButton if locked is not None
                                           else QDialogButtonBox.StandardButton.Cancel))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def try_login(self) -> None:
        """Check on a worker thread; the answer comes back through the mailbox."""
        if self.busy:
            return
        name, password = self.name.text().strip(), self.password.text()
        if self.first_run and self.repeat is not None and self.repeat.text() != password:
            self.message.setText(self.tr("The two passwords differ; type them again."))
            return
        first, locked, idle = self.first_run, self.locked, self.idle_seconds

        def check(station: Any) -> Session:
            accounts = Accounts(station.store)
            if locked is not None and accounts.same_person(name, locked.user):
                accounts.unlock(locked, password)
                return locked
            if first:
                accounts.add(name, "admin", password, by=None)
            return accounts.authenticate(name, password, idle_seconds=idle)

        self.busy = True
        self.buttons.setEnabled(False)
        self.message.setStyleSheet("color: palette(text)")
        self.message.setText(self.tr("Checking the password…"))
        if self.workers is None:
            self.workers = Workers(self.mailbox, threads=1)
        self.workers.task(Task(self.data_dir, check, self.mailbox, self._accepted, self._refused))

    def _accepted(self, session: Session) -> None:
        self.busy = False
        self.session = session
        self.user = str(session.user)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        from station.ui.workers import error_text

        self.busy = False
        self.buttons.setEnabled(True)
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(exc.message if isinstance(exc, StationError) else error_text(exc))
        self.password.clear()
        self.password.setFocus()

    def reject(self) -> None:
        if self.locked is None:  # a locked station is left only by logging in
            super().reject()

    def done(self, result: int) -> None:
        if self.workers is not None:
            self.workers.shutdown()
            self.workers = None
        if self.store is not None:
            self.store.close()
            self.store = None  # type: ignore[assignment]
        super().done(result)
