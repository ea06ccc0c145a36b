"""Settings: language, scanners, profiles and every setting with its layer; admin-locked ones are read-only."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.config import DEFAULTS
from station.errors import StationError
from station.ui.resources import LANGUAGES, icon
from station.ui.workers import Jobs, error_text


def reload_user_settings(station: Any) -> None:
    """A worker's Station wrote the settings file: this window's copy follows, so a later save keeps it."""
    from station.config import Settings

    station.settings.user.clear()
    station.settings.user.update(Settings.load(station.data_dir).user)


class SettingsDialog(QDialog):
    def __init__(self, station: Any, parent: QWidget | None = None, *, session: Any = None,
                 link: Any = None) -> None:
        super().__init__(parent)
        from station.ui.archive import ArchivePage

        self.station = station
        self.link = link
        self.settings = station.settings
        self.language_changed_to: str | None = None
        self.jobs = Jobs(station.data_dir, self)
        self.setWindowTitle(self.tr("Settings"))
        self.resize(760, 520)
        v = QVBoxLayout(self)
        self.tabs = QTabWidget()
        v.addWidget(self.tabs)
        self.tabs.addTab(self._general(), self.tr("General"))
        self.tabs.addTab(self._scanners(), self.tr("Scanners"))
        self.tabs.addTab(self._profiles(), self.tr("Scan profiles"))
        self.archive = ArchivePage(station, session, link)
        self.tabs.addTab(self.archive, self.tr("Archive"))
        self.signing = SigningPage(station)
        self.tabs.addTab(self.signing, self.tr("Signing"))
        self.tabs.addTab(self._all(), self.tr("All settings"))
        self.tabs.currentChanged.connect(lambda _i: self.archive.load() if self.tabs.currentWidget() is self.archive
                                         else None)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        v.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        # Qt ships no Vietnamese catalogue of its own: the standard buttons are named here.
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        v.addWidget(buttons)

    def _locked_note(self, key: str) -> str:
        return self.tr("Locked by the administrator") if self.settings.locked(key) else ""

    def _general(self) -> QWidget:
        w = QWidget()
        f = QFormLayout(w)
        self.language = QComboBox()
        self.language.setObjectName("language_box")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.get("ui.language"))))
        locked = self.settings.locked("ui.language")
        self.language.setEnabled(not locked)
        f.addRow(self.tr("Language"), self.language)
        if locked:
            f.addRow("", QLabel(self._locked_note("ui.language")))
        f.addRow(self.tr("Data folder"), QLabel(str(self.station.data_dir)))
        note = QLabel(self.tr("A new language applies at once, in every open window."))
        note.setWordWrap(True)
        f.addRow("", note)
        return w

    def _scanners(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(QLabel(self.tr("Network scanners added by address (for networks where they are not found "
                                   "by themselves):")))
        self.net_list = QListWidget()
        for d in self.settings.get("scanner.escl_devices"):
            self.net_list.addItem(f"{d['name']} — {d['url']}")
        v.addWidget(self.net_list)
        row = QHBoxLayout()
        self.net_url = QLineEdit()
        self.net_url.setPlaceholderText("http://192.168.1.20/eSCL")
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self._add_scanner)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_scanner)
        row.addWidget(self.net_url, 1)
        row.addWidget(add)
        row.addWidget(remove)
        v.addLayout(row)
        locked = self.settings.locked("scanner.escl_devices")
        for x in (self.net_url, add, remove):
            x.setEnabled(not locked)
        if locked:
            v.addWidget(QLabel(self._locked_note("scanner.escl_devices")))
        return w

    def _add_scanner(self) -> None:
        """On a worker: the settings file is written durably and the change goes to the audit log."""
        from station.workflow.scanning import add_network_scanner

        url = self.net_url.text().strip()

        def done(entry: dict[str, str]) -> None:
            reload_user_settings(self.station)
            self.net_list.addItem(f"{entry['name']} — {entry['url']}")
            self.net_url.clear()

        self.jobs.run(lambda station: add_network_scanner(station, url, None), done, self._refused)

    def _remove_scanner(self) -> None:
        from station.workflow.scanning import remove_network_scanner

        item = self.net_list.currentItem()
        if item is None:
            return
        url = item.text().split(" — ", 1)[1]

        def done(_result: Any) -> None:
            reload_user_settings(self.station)
            self.net_list.takeItem(self.net_list.row(item))

        self.jobs.run(lambda station: remove_network_scanner(station, url), done, self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.message.setText(error_text(exc))

    def _profiles(self) -> QWidget:
        from station.config import admin_settings_file
        from station.scanner.profiles import ProfileStore

        table = QTableWidget()
        headers = [self.tr("Name"), self.tr("Resolution"), self.tr("Colour"), self.tr("Source"),
                   self.tr("Page size"), self.tr("Split")]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        try:
            profiles = ProfileStore(self.station.data_dir, admin_settings_file().parent / "profiles.json").list()
        except StationError as exc:
            profiles = []
            self.message.setText(exc.message)
        table.setRowCount(len(profiles))
        for r, p in enumerate(profiles):
            values = [p.name, f"{p.dpi} dpi", p.color_mode, p.source, p.page_size, p.split]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if p.locked and c == 0:
                    item.setIcon(icon("lock"))
                    item.setToolTip(self.tr("Locked by the administrator"))
                table.setItem(r, c, item)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _all(self) -> QWidget:
        table = QTableWidget(len(DEFAULTS), 3)
        table.setObjectName("all_settings")
        table.setHorizontalHeaderLabels([self.tr("Setting"), self.tr("Value"), self.tr("Set by")])
        self._editable: dict[str, QTableWidgetItem] = {}
        self._shown: dict[str, str] = {}  # only what was edited here is saved from this table
        for r, key in enumerate(sorted(DEFAULTS)):
            name = QTableWidgetItem(key)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            value = QTableWidgetItem(json.dumps(self.settings.get(key), ensure_ascii=False))
            if self.settings.locked(key):
                layer = self.tr("administrator (locked)")
                value.setFlags(value.flags() & ~Qt.ItemFlag.ItemIsEditable)
                name.setIcon(icon("lock"))
            elif key.startswith("remote."):
                # The archive's address decides where the station's token is sent: it is changed only in
                # the Archive tab, by an administrator, through remote_set (checked and audited).
                layer = self.tr("Archive tab (administrator)")
                value.setFlags(value.flags() & ~Qt.ItemFlag.ItemIsEditable)
            else:
                layer = self.tr("you") if key in self.settings.user else self.tr("default")
                self._editable[key] = value
                self._shown[key] = value.text()
            src = QTableWidgetItem(layer)
            src.setFlags(src.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(r, 0, name)
            table.setItem(r, 1, value)
            table.setItem(r, 2, src)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        return table

    def save(self) -> None:
        try:
            if not self.settings.locked("ui.language") and self.language.currentData() != self.settings.get(
                    "ui.language"):
                self.settings.set("ui.language", self.language.currentData())
                self.language_changed_to = self.language.currentData()
            for key, item in self._editable.items():
                if item.text() == self._shown[key]:
                    continue
                try:
                    value = json.loads(item.text())
                except ValueError:
                    self.message.setText(self.tr("%1: not a valid value").replace("%1", key))
                    return
                if value != self.settings.get(key) and key != "ui.language":
                    self.settings.set(key, value)
        except StationError as exc:
            self.message.setText(exc.message)
            return
        self.accept()
        if self.link is not None and any(k.startswith("sync.") and self._editable[k].text() != self._shown[k]
                                         for k in self._editable):
            self.link.remote_changed()  # the sync thread starts over with the new timings
        if self.language_changed_to:
            from station.ui.language import switch_language

            switch_language(self.language_changed_to)  # live: every open window is re-worded now

    def done(self, result: int) -> None:
        self.signing.jobs.shutdown()
        self.archive.jobs.shutdown()
        self.jobs.shutdown()
        super().done(result)


class _GivenSecret:
    """The token PIN typed in the form, handed to the core's SecretPrompt on the worker (never stored)."""

    def __init__(self, pin: str) -> None:
        self.pin = pin

    def secret(self, question: str) -> str | None:
        return self.pin or None


SIGNING_KEYS = ("signing.kind", "signing.pkcs12_path", "signing.pkcs11_module", "signing.token_label",
                "signing.key_label")


class SigningPage(QWidget):
    """The signing certificate: a PKCS#12 file (its passphrase goes to the keyring) or a PKCS#11 token.

    Setting it up opens the key (PKCS#12 decryption, a token login): that runs on a worker through
    station.workflow.sealing, never on the GUI thread. Admin-locked signing settings: shown, not editable.
    """

    def __init__(self, station: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.jobs = Jobs(station.data_dir, self)
        v = QVBoxLayout(self)
        self.current = QLabel()
        self.current.setObjectName("signing_current")
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.current)
        kind = QHBoxLayout()
        self.use_file = QRadioButton(self.tr("Certificate file (PKCS#12: .p12, .pfx)"))
        self.use_file.setObjectName("signing_file")
        self.use_token = QRadioButton(self.tr("USB token or smart card (PKCS#11)"))
        self.use_token.setObjectName("signing_token")
        kind.addWidget(self.use_file)
        kind.addWidget(self.use_token)
        kind.addStretch(1)
        v.addLayout(kind)

        self.file_box = QGroupBox(self.tr("Certificate file"))
        f = QFormLayout(self.file_box)
        self.p12_path = QLineEdit()
        self.p12_path.setObjectName("p12_path")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_p12)
        row = QHBoxLayout()
        row.addWidget(self.p12_path, 1)
        row.addWidget(browse)
        f.addRow(self.tr("File"), row)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("p12_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        f.addRow(self.tr("Passphrase"), self.passphrase)
        f.addRow("", _wrapped(self.tr("The passphrase is kept in the system keyring, never in a file.")))
        v.addWidget(self.file_box)

        self.token_box = QGroupBox(self.tr("Token"))
        t = QFormLayout(self.token_box)
        self.module = QLineEdit()
        self.module.setObjectName("pkcs11_module")
        self.module.setPlaceholderText("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")
        choose_module = QPushButton(self.tr("Choose…"))
        choose_module.clicked.connect(self._choose_module)
        row = QHBoxLayout()
        row.addWidget(self.module, 1)
        row.addWidget(choose_module)
        t.addRow(self.tr("Driver library"), row)
        self.token_label = QLineEdit()
        self.token_label.setObjectName("token_label")
        t.addRow(self.tr("Token label"), self.token_label)
        self.key_label = QLineEdit()
        self.key_label.setObjectName("key_label")
        t.addRow(self.tr("Key label"), self.key_label)
        self.pin = QLineEdit()
        self.pin.setObjectName("token_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        t.addRow(self.tr("PIN (to read the certificate now; not kept)"), self.pin)
        v.addWidget(self.token_box)

        self.apply_button = QPushButton(icon("confirm"), self.tr("Use this certificate"))
        self.apply_button.setObjectName("signing_apply")
        self.apply_button.clicked.connect(self.apply)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        v.addLayout(buttons)
        self.status = QLabel()
        self.status.setObjectName("signing_status")
        self.status.setWordWrap(True)
        v.addWidget(self.status)
        v.addStretch(1)

        s = station.settings
        self.use_token.setChecked(s.get("signing.kind") == "pkcs11")
        self.use_file.setChecked(not self.use_token.isChecked())
        self.p12_path.setText("" if s.get("signing.kind") == "test" else str(s.get("signing.pkcs12_path")))
        self.module.setText(str(s.get("signing.pkcs11_module")))
        self.token_label.setText(str(s.get("signing.token_label")))
        self.key_label.setText(str(s.get("signing.key_label")))
        self.use_file.toggled.connect(self._kind_changed)
        self.locked = any(s.locked(k) for k in SIGNING_KEYS)
        for w in (self.use_file, self.use_token, self.file_box, self.token_box, self.apply_button):
            w.setEnabled(not self.locked)
        if self.locked:
            lock = QLabel(self.tr("Locked by the administrator"))
            lock.setObjectName("signing_locked")
            v.insertWidget(1, lock)
        self._kind_changed()
        self._show_current()

    def _kind_changed(self, *_args: object) -> None:
        self.file_box.setVisible(self.use_file.isChecked())
        self.token_box.setVisible(self.use_token.isChecked())

    def _choose_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Certificate file"), "",
                                              self.tr("PKCS#12 files (*.p12 *.pfx)"))
        if path:
            self.p12_path.setText(path)

    def _choose_module(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Driver library"), "", self.tr("Libraries (*.so *.dll)"))
        if path:
            self.module.setText(path)

    def _show_current(self, shown: dict[str, Any] | None = None) -> None:
        from station.workflow.sealing import show

        try:
            shown = shown if shown is not None else show(self.station)  # one small PEM file
        except StationError as exc:
            self.current.setText(exc.message)
            return
        cert = shown.get("certificate")
        if not shown.get("kind"):
            self.current.setText(self.tr("No signing certificate is set up: documents cannot be sealed yet."))
            return
        kinds = {"pkcs12": self.tr("certificate file"), "pkcs11": self.tr("token"),
                 "test": self.tr("test identity (not for real documents)")}
        text = self.tr("In use: %1").replace("%1", kinds.get(shown["kind"], shown["kind"]))
        if cert:
            text += "\n" + self.tr("Holder: %1").replace("%1", cert["subject"])
            text += "\n" + self.tr("Valid until %1 (%2 days left)").replace("%1", cert["not_after"][:10]).replace(
                "%2", str(cert["days_left"]))
        elif shown["kind"] == "pkcs11":
            text += "\n" + self.tr("The certificate is read from the token when a document is sealed.")
        self.current.setText(text)

    def apply(self) -> None:
        """Hand the choice to the core on a worker; the page is locked and says so until it answers."""
        from pathlib import Path

        from station.workflow.sealing import use_pkcs12, use_token

        if self.locked:
            return
        if self.use_file.isChecked():
            file, passphrase = Path(self.p12_path.text().strip()), self.passphrase.text()

            def run(station: Any) -> dict[str, Any]:
                return use_pkcs12(station, file, passphrase)
        else:
            module, token, key = self.module.text().strip(), self.token_label.text().strip(), self.key_label.text()
            prompt = _GivenSecret(self.pin.text()) if self.pin.text() else None

            def run(station: Any) -> dict[str, Any]:
                return use_token(station, module, token or None, key.strip() or None, prompt)

        self._busy(True)
        self.jobs.run(run, self._applied, self._refused)

    def _busy(self, busy: bool) -> None:
        self.apply_button.setEnabled(not busy)
        self.file_box.setEnabled(not busy)
        self.token_box.setEnabled(not busy)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Opening the key…") if busy else "")

    def _applied(self, shown: dict[str, Any]) -> None:
        self._busy(False)
        self.passphrase.clear()
        self.pin.clear()
        reload_user_settings(self.station)
        self.status.setText(self.tr("Saved: documents are sealed with this certificate from now on."))
        self._show_current(shown)

    def _refused(self, exc: BaseException) -> None:
        self._busy(False)
        self.status.setStyleSheet("color: #c62828;")
        self.status.setText(error_text(exc))


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label
