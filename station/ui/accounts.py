"""The administrator's accounts screen: list, create, reset a password, disable or enable.

Every change goes through station.auth.Accounts with the logged-in Session, which checks the role
(only an admin manages accounts; a supervisor sees the list) and writes the audit entry. Creating
an account and resetting a password hash with scrypt, so they run on a worker thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.auth import Account, Action, Role, Session

if TYPE_CHECKING:
    from station.ui.window import MainWindow


class PasswordForm(QDialog):
    """Name (new accounts only), role and the password typed twice."""

    def __init__(self, title: str, parent: QWidget | None = None, *, name: str | None = None) -> None:
        super().__init__(parent)
        from station.ui.supervision import role_name

        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        v = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(name or "")
        self.name.setObjectName("account_name")
        self.name.setReadOnly(name is not None)
        form.addRow(self.tr("Name"), self.name)
        self.role = QComboBox()
        self.role.setObjectName("account_role")
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        if name is None:
            form.addRow(self.tr("Role"), self.role)
        else:
            self.role.hide()
        self.password = QLineEdit()
        self.password.setObjectName("account_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("account_repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        v.addLayout(form)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        v.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)

    def _check(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ; type them again."))
            return
        self.accept()


class AccountsDialog(QDialog):
    def __init__(self, window: MainWindow, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accounts_dialog")
        self.window_ = window
        self.session = session
        self.accounts: list[Account] = []
        self.busy = False
        self.ask_form: Any = None  # tests: a function (title, name) -> (name, role, password) or None
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(760, 440)
        v = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("accounts_table")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Active"),
                                              self.tr("Created"), self.tr("Created by")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        v.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("accounts_message")
        self.message.setWordWrap(True)
        v.addWidget(self.message)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("New account…"))
        self.add_button.setObjectName("add_account")
        self.add_button.clicked.connect(self.add_dialog)
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.reset_button.setObjectName("reset_password")
        self.reset_button.clicked.connect(self.reset_dialog)
        self.active_button = QPushButton(self.tr("Disable"))
        self.active_button.setObjectName("toggle_active")
        self.active_button.clicked.connect(self.toggle_active)
        for b in (self.add_button, self.reset_button, self.active_button):
            row.addWidget(b)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        v.addLayout(row)
        manage = session.can(Action.USER_MANAGE)
        for b in (self.add_button, self.reset_button, self.active_button):
            b.setVisible(manage)
        if not manage:
            self.message.setText(self.tr("Only an administrator creates accounts and resets passwords."))
        self.refresh()

    # -- reading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        session = self.session

        def read(station: Any) -> list[Account]:
            station.accounts.require(session, Action.USER_LIST)
            return station.accounts.list()

        self.window_.run_task(read, self._show, self._failed)

    def _show(self, accounts: list[Account]) -> None:
        from station.ui.supervision import role_name

        keep = self.selected()
        self.accounts = accounts
        self.table.setRowCount(len(accounts))
        for r, a in enumerate(accounts):
            for c, text in enumerate((a.name, role_name(a.role), self.tr("yes") if a.active else self.tr("no"),
                                      a.created_at[:16].replace("T", " "), a.created_by or "—")):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if keep is not None and a.name == keep.name:
                self.table.selectRow(r)
        self._update_buttons()

    def selected(self) -> Account | None:
        r = self.table.currentRow()
        return self.accounts[r] if 0 <= r < len(self.accounts) else None

    def _update_buttons(self) -> None:
        a = self.selected()
        self.add_button.setEnabled(not self.busy)
        self.reset_button.setEnabled(a is not None and not self.busy)
        self.active_button.setEnabled(a is not None and not self.busy)
        self.active_button.setText(self.tr("Enable") if a is not None and not a.active else self.tr("Disable"))

    # -- changing ------------------------------------------------------------------------------------
    def _run(self, fn: Any, done_text: str) -> None:
        self.busy = True
        self._update_buttons()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Working…"))

        def done(_result: Any) -> None:
            self.busy = False
            self._update_buttons()
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(done_text)
            self.refresh()

        self.window_.run_task(fn, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(self.window_._error_text(exc))

    def _form(self, title: str, name: str | None) -> tuple[str, str, str] | None:
        if self.ask_form is not None:
            return self.ask_form(title, name)  # type: ignore[no-any-return]
        form = PasswordForm(title, self, name=name)
        if form.exec() != QDialog.DialogCode.Accepted:
            return None
        return form.name.text().strip(), str(form.role.currentData()), form.password.text()

    def add_dialog(self) -> None:
        got = self._form(self.tr("New account"), None)
        if got is not None:
            self.add(*got)

    def add(self, name: str, role: str, password: str) -> None:
        session = self.session
        self._run(lambda station: station.accounts.add(name, role, password, by=session),
                  self.tr("Account %1 created.").replace("%1", name))

    def reset_dialog(self) -> None:
        a = self.selected()
        if a is None:
            return
        got = self._form(self.tr("Reset the password of %1").replace("%1", a.name), a.name)
        if got is not None:
            self.reset(a.name, got[2])

    def reset(self, name: str, password: str) -> None:
        session = self.session
        self._run(lambda station: station.accounts.reset_password(name, password, by=session),
                  self.tr("The password of %1 was reset.").replace("%1", name))

    def toggle_active(self) -> None:
        a = self.selected()
        if a is None:
            return
        session, active = self.session, not a.active
        self._run(lambda station: station.accounts.set_active(a.name, active, by=session),
                  (self.tr("Account %1 enabled.") if active else self.tr("Account %1 disabled.")).replace(
                      "%1", a.name))
