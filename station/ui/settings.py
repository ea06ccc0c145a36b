"""Settings: language, scanners, profiles and every setting with its layer; admin-locked ones are read-only."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from station.config import DEFAULTS
from station.errors import StationError
from station.ui.resources import LANGUAGES, icon


class SettingsDialog(QDialog):
    def __init__(self, station: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.settings = station.settings
        self.setWindowTitle(self.tr("Settings"))
        self.resize(760, 520)
        v = QVBoxLayout(self)
        self.tabs = QTabWidget()
        v.addWidget(self.tabs)
        self.tabs.addTab(self._general(), self.tr("General"))
        self.tabs.addTab(self._scanners(), self.tr("Scanners"))
        self.tabs.addTab(self._profiles(), self.tr("Scan profiles"))
        self.tabs.addTab(self._archive(), self.tr("Archive and signing"))
        self.tabs.addTab(self._all(), self.tr("All settings"))
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
        note = QLabel(self.tr("A new language is used from the next start of the station."))
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
        from station.workflow.scanning import add_network_scanner

        try:
            entry = add_network_scanner(self.station, self.net_url.text().strip(), None)
        except StationError as exc:
            self.message.setText(exc.message)
            return
        self.net_list.addItem(f"{entry['name']} — {entry['url']}")
        self.net_url.clear()

    def _remove_scanner(self) -> None:
        from station.workflow.scanning import remove_network_scanner

        item = self.net_list.currentItem()
        if item is None:
            return
        try:
            remove_network_scanner(self.station, item.text().split(" — ", 1)[1])
        except StationError as exc:
            self.message.setText(exc.message)
            return
        self.net_list.takeItem(self.net_list.row(item))

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

    def _archive(self) -> QWidget:
        w = QWidget()
        f = QFormLayout(w)
        # Sync and signing are not part of this station build yet; say so rather than show a form that saves nothing.
        f.addRow(self.tr("Archive address"), QLabel(self.tr("not configured")))
        f.addRow(self.tr("Archive token"), QLabel(self.tr("not configured (kept in the system keyring once set)")))
        f.addRow(self.tr("Signing certificate or token"), QLabel(self.tr("not configured")))
        return w

    def _all(self) -> QWidget:
        table = QTableWidget(len(DEFAULTS), 3)
        table.setObjectName("all_settings")
        table.setHorizontalHeaderLabels([self.tr("Setting"), self.tr("Value"), self.tr("Set by")])
        self._editable: dict[str, QTableWidgetItem] = {}
        for r, key in enumerate(sorted(DEFAULTS)):
            name = QTableWidgetItem(key)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            value = QTableWidgetItem(json.dumps(self.settings.get(key), ensure_ascii=False))
            if self.settings.locked(key):
                layer = self.tr("administrator (locked)")
                value.setFlags(value.flags() & ~Qt.ItemFlag.ItemIsEditable)
                name.setIcon(icon("lock"))
            else:
                layer = self.tr("you") if key in self.settings.user else self.tr("default")
                self._editable[key] = value
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
            for key, item in self._editable.items():
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
