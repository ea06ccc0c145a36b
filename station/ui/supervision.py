"""The main window's supervision side: the review queue, the dashboard and the accounts, by role, and the idle lock.

Kept out of window.py on purpose: `Supervision(window, session)` wraps the window's central widget
in tabs (Documents, then Review queue and Progress for those whose role may see them), adds a
Supervision menu, and watches for idle time. What a person may see follows
`station.auth.PERMISSIONS` through `Session.can`; what a person may do is checked again by the
workflow, which writes every action (and every refusal) to the audit log.

Idle lock: every key press, click or wheel turn anywhere in the application touches the session;
a timer asks `Session.idle()`; once idle, the station writes a `lock` entry, covers the window and
opens the lock dialog (station.ui.login). The window underneath is left as it was, so a half-typed
form is still there after the unlock. Another person may log in instead; the window then works
under their name and role.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QTabWidget, QToolBar

from station.auth import DEFAULT_IDLE_SECONDS, Accounts, Action, Role, Session
from station.ui.resources import icon

if TYPE_CHECKING:
    from station.ui.window import MainWindow

IDLE_CHECK_MS = 5000
_INPUT = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin)


def session_for(window: MainWindow, name: str) -> Session:
    """The window's session when it was opened with a name only (tests, screenshots): the account's role.

    A name without an account gets the operator's view; the workflow refuses its actions anyway.
    """
    account = Accounts(window.station.store).get(name)
    minutes = window.station.settings.get("auth.idle_lock_minutes")
    idle = DEFAULT_IDLE_SECONDS if minutes is None else 60.0 * float(minutes)
    return Session(user=account.name if account else name, role=account.role if account else Role.OPERATOR,
                   idle_seconds=idle)


class Supervision(QObject):
    def __init__(self, window: MainWindow, session: Session | None = None, *,
                 check_ms: int = IDLE_CHECK_MS) -> None:
        super().__init__(window)
        from station.ui.dashboard import Dashboard
        from station.ui.review import ReviewScreen

        self.window = window
        self.session = session or session_for(window, window.user)
        window.user = self.session.user
        self.lock_dialog: Any = None
        # tabs around the window's own body
        body = window.takeCentralWidget()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(body, icon("scan"), self.tr("Documents"))
        self.review = ReviewScreen(window, self)
        self.review_tab = self.tabs.addTab(self.review, icon("confirm"), self.tr("Review queue"))
        self.dashboard = Dashboard(window, self)
        self.dashboard_tab = self.tabs.addTab(self.dashboard, self.tr("Progress"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.cover = QLabel()
        self.cover.setObjectName("lock_cover")
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setStyleSheet("font-size: 16pt; color: #555;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.cover)
        window.setCentralWidget(self.stack)
        # the Supervision menu
        menu = window.menuBar().addMenu(self.tr("S&upervision"))
        self.a_review = self._action("review", self.tr("Review queue"), lambda: self.show_tab(self.review_tab), "F9")
        self.a_dashboard = self._action("dashboard", self.tr("Progress dashboard"),
                                        lambda: self.show_tab(self.dashboard_tab), "F10")
        self.a_inventory = self._action("inventory", self.tr("Import inventory (CSV)…"),
                                        self.dashboard.import_inventory_dialog)
        self.a_accounts = self._action("accounts", self.tr("Accounts…"), self.open_accounts, "Ctrl+Shift+U")
        self.a_lock = self._action("lock", self.tr("Lock the station"), lambda: self.lock("by hand"), "Ctrl+Shift+L")
        for a in (self.a_review, self.a_dashboard, self.a_inventory, self.a_accounts):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.a_lock)
        self.menu = menu
        self.apply_role()
        # idle lock
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check_idle)
        self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.docs.counts_changed.connect(self._data_changed)

    def _action(self, name: str, text: str, slot: Any, shortcut: str | None = None) -> QAction:
        a = QAction(icon(name), text, self.window)
        a.setObjectName(f"action_{name}")
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        self.window.addAction(a)
        return a

    # -- roles ---------------------------------------------------------------------------------------
    def can(self, action: Action) -> bool:
        return self.session.can(action)

    def apply_role(self) -> None:
        """Show only what this role may use (the workflow checks again when it is used)."""
        review = self.session.can(Action.APPROVE)
        report = self.session.can(Action.VIEW_REPORT)
        self.tabs.setTabVisible(self.review_tab, review)
        self.tabs.setTabVisible(self.dashboard_tab, report)
        self.tabs.tabBar().setVisible(review or report)
        self.a_review.setVisible(review)
        self.a_review.setEnabled(review)
        self.a_dashboard.setVisible(report)
        self.a_dashboard.setEnabled(report)
        self.a_inventory.setVisible(self.session.can(Action.INVENTORY_IMPORT))
        self.a_inventory.setEnabled(self.session.can(Action.INVENTORY_IMPORT))
        self.a_accounts.setVisible(self.session.can(Action.USER_LIST))
        self.a_accounts.setEnabled(self.session.can(Action.USER_LIST))
        self.review.apply_role()
        self.dashboard.apply_role()
        if getattr(self.window, "archive", None) is not None:
            self.window.archive.apply_role(self.session)
        if not self.tabs.isTabVisible(self.tabs.currentIndex()):
            self.tabs.setCurrentIndex(0)
        from PySide6.QtCore import QCoreApplication

        # One translatable text with both arguments, so a live language switch re-words the role too.
        self.window.status_user.setText(QCoreApplication.translate("MainWindow", "User: %1 (%2)").replace(
            "%1", self.session.user).replace("%2", role_name(self.session.role)))

    def show_tab(self, index: int) -> None:
        if self.tabs.isTabVisible(index):
            self.tabs.setCurrentIndex(index)

    def _tab_changed(self, index: int) -> None:
        if index == self.review_tab:
            self.review.refresh()
        elif index == self.dashboard_tab:
            self.dashboard.refresh()

    def _data_changed(self, _counts: dict[str, int]) -> None:
        """The store changed (the window noticed): refresh the screen in view."""
        if self.window._closing or self.session.locked:
            return
        self._tab_changed(self.tabs.currentIndex())

    def open_accounts(self) -> None:
        from station.ui.accounts import AccountsDialog

        if not self.session.can(Action.USER_LIST):
            return
        dialog = AccountsDialog(self.window, self.session, self.window)
        dialog.exec()

    # -- idle lock -----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and not self.session.locked:
            self.session.touch()
        return False

    def check_idle(self) -> None:
        if not self.session.locked and self.session.idle():
            self.lock("idle")

    def lock(self, reason: str = "idle") -> None:
        from station.ui.login import LoginDialog

        if self.lock_dialog is not None:
            return
        Accounts(self.window.station.store).lock(self.session, reason=reason)
        self.cover.setText(self.tr("Locked — %1 is away").replace("%1", self.session.user))
        self.stack.setCurrentWidget(self.cover)
        self.window.statusBar().clearMessage()
        self.window.menuBar().setEnabled(False)
        for bar in self.window.findChildren(QToolBar):
            bar.setEnabled(False)
        dialog = LoginDialog(self.window.data_dir, self.window, locked=self.session,
                             idle_seconds=self.session.idle_seconds)
        dialog.setObjectName("lock_dialog")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._unlocked(dialog))
        self.lock_dialog = dialog
        dialog.open()

    def _unlocked(self, dialog: Any) -> None:
        self.lock_dialog = None
        session = dialog.session
        dialog.deleteLater()
        if session is None:
            return
        self.session = session
        self.window.user = session.user
        self.stack.setCurrentWidget(self.tabs)
        self.window.menuBar().setEnabled(True)
        for bar in self.window.findChildren(QToolBar):
            bar.setEnabled(True)
        self.apply_role()
        self.window.refresh()

    def shutdown(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.review.shutdown()
        if self.lock_dialog is not None:
            self.lock_dialog.done(0)
            self.lock_dialog = None


def role_name(role: Role | str) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        "operator": QCoreApplication.translate("texts", "operator"),
        "supervisor": QCoreApplication.translate("texts", "supervisor"),
        "admin": QCoreApplication.translate("texts", "administrator"),
    }
    return names.get(str(Role(role).value), str(role))
