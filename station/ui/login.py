"""Who is at the station: the login dialog, and on a fresh station the first admin's account.

Accounts, password hashing and the audit entries of every attempt are station.auth's; this dialog
only asks. A station with no account yet opens on "create the first admin" (issue 9: the first
admin is created at first run), not on an error.
"""

from __future__ import annotations

from pathlib import Path

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


class LoginDialog(QDialog):
    """Name and password; `user` holds the account's name once accepted."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from station.auth import Accounts

        self.store = Store(data_dir)
        self.accounts = Accounts(self.store)
        self.first_run = self.accounts.count() == 0
        self.user: str | None = None
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_login(self) -> None:
        """One scrypt check (about 0.1 s of CPU): short enough to run while the dialog waits."""
        name, password = self.name.text().strip(), self.password.text()
        try:
            if self.first_run:
                if self.repeat is not None and self.repeat.text() != password:
                    self.message.setText(self.tr("The two passwords differ; type them again."))
                    return
                self.accounts.add(name, "admin", password, by=None)
            session = self.accounts.authenticate(name, password)
        except StationError as exc:
            self.message.setText(exc.message)
            self.password.clear()
            return
        self.user = str(session.user)
        self.accept()

    def done(self, result: int) -> None:
        self.store.close()
        super().done(result)
