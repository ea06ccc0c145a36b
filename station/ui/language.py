"""Switching the language while the station runs: swap the translator, then re-word every open window.

Widgets are built with `tr()` once, so after a QTranslator swap their texts are still the old
language. Rather than a hand-written retranslate method per screen (which every new screen would
have to remember), the open windows are walked: each text is looked up in the catalogue — as
English source or as its Vietnamese translation, with `%1`-style arguments matched — and put back
in the new language. Texts the catalogue does not know (names, numbers, file paths) stay as they
are; item views repaint, so their models translate as they draw.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTableWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from station.ui.resources import I18N, install_language

_ARG = re.compile(r"%(\d)")


class Catalogue:
    """Source ⇄ Vietnamese from the .ts file (the same text the compiled .qm holds)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.vi: dict[str, str] = {}
        self.source: dict[str, str] = {}
        self.patterns: list[tuple[re.Pattern[str], str]] = []
        for source, translation in pairs:
            self.vi.setdefault(source, translation)
            for text in (source, translation):
                self.source.setdefault(text, source)
                if _ARG.search(text):
                    parts = _ARG.split(text)  # literal, digit, literal, digit, ...
                    rx = "".join(re.escape(p) if i % 2 == 0 else f"(?P<a{p}>.+?)" for i, p in enumerate(parts))
                    try:
                        self.patterns.append((re.compile(f"^{rx}$", re.S), source))
                    except re.error:  # the same argument twice: not worth matching
                        continue

        # The most specific pattern first: "User: %1 (%2)" before "User: %1", which would swallow the role.
        self.patterns.sort(key=lambda p: (-p[0].groups, -len(_ARG.sub("", p[1]))))

    def reword(self, text: str, language: str) -> str | None:
        """`text` (in either language) in `language`, or None when the catalogue does not know it."""
        if not text or not text.strip():
            return None
        core = text.strip()
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        for mark in (" *", ":"):  # a required field's star, a label's colon added in code
            if core.endswith(mark) and core not in self.source and core[: -len(mark)] in self.source:
                core, trail = core[: -len(mark)], mark + trail
                break
        args: dict[str, str] = {}
        source = self.source.get(core)
        if source is None:
            for rx, src in self.patterns:
                m = rx.match(core)
                if m:
                    source, args = src, {k[1:]: v for k, v in m.groupdict().items()}
                    break
        if source is None:
            return None
        out = self.vi.get(source, source) if language == "vi" else source
        for n, value in args.items():  # an argument may be words of the catalogue too ("Scanner: %1")
            out = out.replace(f"%{n}", self.reword(value, language) or value)
        return lead + out + trail


@cache
def catalogue() -> Catalogue:
    pairs = []
    for m in ET.parse(I18N / "station_vi.ts").getroot().iter("message"):
        source, translation = m.findtext("source"), m.findtext("translation")
        if source and translation:
            pairs.append((source, translation))
    return Catalogue(pairs)


def switch_language(language: str) -> str:
    """Install `language` and re-word every open window now; returns the language installed."""
    language = install_language(language)
    cat = catalogue()
    for top in QApplication.topLevelWidgets():
        retranslate(top, cat, language)
    return language


def retranslate(top: QWidget, cat: Catalogue, language: str) -> None:
    def put(text: str, setter: object) -> None:
        new = cat.reword(text, language)
        if new is not None and new != text:
            setter(new)  # type: ignore[operator]

    def put_tip(text: str, setter: object) -> None:
        # "Scan (F5)": the action's words, then its shortcut.
        if text.endswith(")") and " (" in text:
            head, tail = text.rsplit(" (", 1)
            new = cat.reword(head, language)
            if new is not None:
                setter(f"{new} ({tail}")  # type: ignore[operator]
                return
        put(text, setter)

    widgets = [top, *top.findChildren(QWidget)]
    for w in widgets:
        if w.isWindow() or isinstance(w, QToolBar):
            put(w.windowTitle(), w.setWindowTitle)
        if w.toolTip():
            put_tip(w.toolTip(), w.setToolTip)
        if isinstance(w, QLabel):
            put(w.text(), w.setText)
        elif isinstance(w, QAbstractButton):
            put(w.text(), w.setText)
        elif isinstance(w, QGroupBox):
            put(w.title(), w.setTitle)
        elif isinstance(w, QLineEdit):
            put(w.placeholderText(), w.setPlaceholderText)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                put(w.itemText(i), lambda t, i=i, w=w: w.setItemText(i, t))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                put(w.tabText(i), lambda t, i=i, w=w: w.setTabText(i, t))
        if isinstance(w, QTableWidget):
            for c in range(w.columnCount()):
                item = w.horizontalHeaderItem(c)
                if item is not None:
                    put(item.text(), item.setText)
            for r in range(w.rowCount()):
                for c in range(w.columnCount()):
                    item = w.item(r, c)
                    if item is not None:
                        put(item.text(), item.setText)
                        if item.toolTip():
                            put(item.toolTip(), item.setToolTip)
        elif isinstance(w, QListWidget):
            for r in range(w.count()):
                item = w.item(r)
                put(item.text(), item.setText)
        if isinstance(w, QAbstractItemView):
            # Models translate in data(): a repaint asks again, in the new language.
            w.viewport().update()
            header = getattr(w, "horizontalHeader", None)
            if header is not None:
                header().viewport().update()
    actions = set(top.findChildren(QAction))
    for w in widgets:
        actions.update(w.actions())
    for a in actions:
        put(a.text(), a.setText)
        put(a.iconText(), a.setIconText)
        put_tip(a.toolTip(), a.setToolTip)
    if isinstance(top, QMainWindow):
        top.statusBar().clearMessage()
