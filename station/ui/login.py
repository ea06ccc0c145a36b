"""Who is at the station: the login dialog, and on a fresh station the first admin's account.

Accounts, password hashing and the audit entries of every attempt are station.auth's; this dialog
only asks. A station with no account yet opens on "create the first admin" (issue 9: the first
admin is created at first run), not on an error.
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

from station.errors import StationError
from station.store import Store
from station.ui.workers import Mailbox, Task, Workers, error_text


class LoginDialog(QDialog):
    """Name and password; `user` holds the account's name once accepted."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from station.auth import Accounts

        self.store = Store(data_dir)
        self.accounts = Accounts(self.store)
        self.first_run = self.accounts.count() == 0
        self.user: str | None = None
        self.data_dir = data_dir
        self._checking = False
        self.mailbox = Mailbox(self)
        self.workers = Workers(self.mailbox, threads=1)
        self.setWindowTitle(self.tr("Create the first administrator") if self.first_run else self.tr("Log in"))
        layout = QVBoxLayout(self)
        self.setMinimumWidth(460)
        if self.first_run:
            layout.addWidget(intro := QLabel(self.tr(
                "This station has no accounts yet. Create the administrator's account; the administrator "
                "then creates the operators' and supervisors' accounts with the command station user add.")))
            intro.setWordWrap(True)
        form = QFormLayout()
        self.name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        self.repeat: QLineEdit | None = None
        if self.first_run:
            self.repeat = QLineEdit()
            self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(self.tr("Password again"), self.repeat)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                                  | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_login(self) -> None:
        """The scrypt check (about 0.1 s of CPU, more on a loaded machine) runs on a worker thread
        with its own connection; the dialog stays painted and says it is checking."""
        if self._checking:
            return
        name, password = self.name.text().strip(), self.password.text()
        first_run = self.first_run
        if first_run and self.repeat is not None and self.repeat.text() != password:
            self.message.setText(self.tr("The two passwords differ; type them again."))
            return
        self._set_checking(True)

        def check(station: Any) -> str:
            if first_run:
                station.accounts.add(name, "admin", password, by=None)
            return str(station.accounts.authenticate(name, password).user)

        def done(user: str) -> None:
            self._set_checking(False)
            self.user = user
            self.accept()

        def failed(exc: BaseException) -> None:
            self._set_checking(False)
            self.message.setText(exc.message if isinstance(exc, StationError) else error_text(exc))
            self.password.clear()
            self.password.setFocus()

        self.workers.task(Task(self.data_dir, check, self.mailbox, done, failed))

    def _set_checking(self, busy: bool) -> None:
        self._checking = busy
        for w in (self.name, self.password, self.repeat, self.buttons):
            if w is not None:
                w.setEnabled(not busy)
        if busy:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Checking the password…"))
        else:
            self.message.setStyleSheet("color: #b00020")
            self.message.clear()

    def done(self, result: int) -> None:
        self.workers.shutdown()
        self.store.close()
        super().done(result)
