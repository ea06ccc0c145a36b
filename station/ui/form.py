"""The metadata form, built from station.metadata.fields: suggestions marked by confidence, checks as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from station.metadata.fields import FIELDS, Field, to_iso_date, validate
from station.ui.texts import problem_text

# English labels are the source text; the Vietnamese catalogue carries metadata.md's own labels.
LABELS = {
    "type_name": QT_TRANSLATE_NOOP("MetadataForm", "Document type"),
    "code_number": QT_TRANSLATE_NOOP("MetadataForm", "Number"),
    "code_notation": QT_TRANSLATE_NOOP("MetadataForm", "Notation"),
    "code_year": QT_TRANSLATE_NOOP("MetadataForm", "Year (legal documents)"),
    "issued_date": QT_TRANSLATE_NOOP("MetadataForm", "Date issued"),
    "place": QT_TRANSLATE_NOOP("MetadataForm", "Place"),
    "organ_name": QT_TRANSLATE_NOOP("MetadataForm", "Issuing organ"),
    "parent_organ": QT_TRANSLATE_NOOP("MetadataForm", "Parent organ"),
    "subject": QT_TRANSLATE_NOOP("MetadataForm", "Subject"),
    "signer_position": QT_TRANSLATE_NOOP("MetadataForm", "Signer's position"),
    "signer_authority": QT_TRANSLATE_NOOP("MetadataForm", "Signing authority"),
    "signer_name": QT_TRANSLATE_NOOP("MetadataForm", "Signer's name"),
    "language": QT_TRANSLATE_NOOP("MetadataForm", "Language"),
    "page_amount": QT_TRANSLATE_NOOP("MetadataForm", "Number of pages"),
    "file_code": QT_TRANSLATE_NOOP("MetadataForm", "File code"),
    "doc_ordinal": QT_TRANSLATE_NOOP("MetadataForm", "Document number in the file"),
    "procedure_code": QT_TRANSLATE_NOOP("MetadataForm", "Administrative procedure code"),
    "dossier_code": QT_TRANSLATE_NOOP("MetadataForm", "Procedure dossier code"),
    "maintenance": QT_TRANSLATE_NOOP("MetadataForm", "Retention period"),
    "rights": QT_TRANSLATE_NOOP("MetadataForm", "Access rights"),
    "confidence_level": QT_TRANSLATE_NOOP("MetadataForm", "Reliability"),
    "paper_file_code": QT_TRANSLATE_NOOP("MetadataForm", "Paper file code"),
    "physical_condition": QT_TRANSLATE_NOOP("MetadataForm", "Physical condition"),
    "keywords": QT_TRANSLATE_NOOP("MetadataForm", "Keywords"),
    "description": QT_TRANSLATE_NOOP("MetadataForm", "Notes"),
}
READ_ONLY = ("page_amount",)  # counted from the pages kept


def iso_to_display(value: str) -> str:
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    return value


class _Row:
    def __init__(self, spec: Field, editor: QLineEdit | QComboBox, badge: QLabel, message: QLabel) -> None:
        self.spec, self.editor, self.badge, self.message = spec, editor, badge, message
        self.suggested: str | None = None


class MetadataForm(QScrollArea):
    field_focused = Signal(str)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        outer = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        outer.addWidget(self.heading)
        layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(layout)
        outer.addStretch(1)
        self.setWidget(body)
        self.rows: dict[str, _Row] = {}
        for spec in FIELDS:
            editor: QLineEdit | QComboBox
            if spec.codes:
                combo = QComboBox()
                if not spec.required:
                    combo.addItem("", "")
                for code, label in spec.codes.items():
                    combo.addItem(f"{code} — {label}", code)
                combo.currentIndexChanged.connect(self._changed)
                editor = combo
            else:
                line = QLineEdit()
                line.setMinimumWidth(120)
                if spec.max_length:
                    line.setMaxLength(spec.max_length + 20)  # over-long text is shown as a problem, not cut
                if spec.type == "date":
                    line.setPlaceholderText(self.tr("dd/mm/yyyy"))
                line.setReadOnly(spec.key in READ_ONLY)
                line.textEdited.connect(self._changed)
                editor = line
            editor.setObjectName(f"field_{spec.key}")
            badge = QLabel()
            badge.setMinimumWidth(56)
            message = QLabel()
            message.setObjectName(f"problem_{spec.key}")
            message.setWordWrap(True)
            message.setStyleSheet("color: #c62828;")
            message.hide()
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(1)
            top = QHBoxLayout()
            top.addWidget(editor, 1)
            top.addWidget(badge)
            box.addLayout(top)
            box.addWidget(message)
            label = QCoreApplication.translate("MetadataForm", LABELS.get(spec.key, spec.key))
            layout.addRow(label + (" *" if spec.required else ""), cell)
            self.rows[spec.key] = _Row(spec, editor, badge, message)
        self.setEnabled(False)
        self._editors = {id(row.editor): key for key, row in self.rows.items()}
        app = QApplication.instance()
        assert app is not None
        app.focusChanged.connect(self._focus_changed)  # type: ignore[attr-defined]

    def detach(self) -> None:
        """Stop listening to the application before the window goes away."""
        app = QApplication.instance()
        if app is not None:
            try:
                app.focusChanged.disconnect(self._focus_changed)  # type: ignore[attr-defined]
            except (RuntimeError, TypeError):
                pass

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        key = self._editors.get(id(new)) if new is not None else None
        if key is not None:
            self.field_focused.emit(key)

    # -- filling ---------------------------------------------------------------------------------
    def load(self, draft: dict[str, str], suggestions: dict[str, dict[str, Any]], entered: dict[str, str],
             heading: str, editable: bool) -> None:
        self.heading.setText(heading)
        for key, row in self.rows.items():
            value = draft.get(key, "")
            s = suggestions.get(key)
            row.suggested = s.get("value") if s and key not in entered else None
            self._set(row, iso_to_display(value) if row.spec.type == "date" else value)
            self._mark(row, s if row.suggested is not None else None)
        self.setEnabled(editable)
        self.check()

    def _set(self, row: _Row, value: str) -> None:
        ed = row.editor
        if isinstance(ed, QComboBox):
            i = ed.findData(value)
            ed.blockSignals(True)
            ed.setCurrentIndex(i if i >= 0 else 0)
            ed.blockSignals(False)
        else:
            ed.setText(value)

    def _mark(self, row: _Row, suggestion: dict[str, Any] | None) -> None:
        if suggestion is None:
            row.badge.setText("")
            row.badge.setToolTip("")
            row.editor.setStyleSheet("")
            return
        conf = float(suggestion.get("confidence") or 0.0)
        colour = "#2e7d32" if conf >= 0.9 else "#ef6c00" if conf >= 0.6 else "#c62828"
        tint = "#eef7ee" if conf >= 0.9 else "#fff3e0" if conf >= 0.6 else "#fdecea"
        row.badge.setText(f"<span style='color:{colour}'>●</span> {round(conf * 100)}%")
        row.badge.setToolTip(self.tr("Suggested from page %1, confidence %2%").replace(
            "%1", str(suggestion.get("page", "?"))).replace("%2", str(round(conf * 100))))
        row.editor.setStyleSheet(f"background: {tint};")

    def clear(self, heading: str = "") -> None:
        self.load({}, {}, {}, heading, False)

    # -- reading and checking --------------------------------------------------------------------
    def raw(self, key: str) -> str:
        ed = self.rows[key].editor
        return str(ed.currentData() or "") if isinstance(ed, QComboBox) else ed.text()

    def values(self) -> tuple[dict[str, str], dict[str, str]]:
        """The form's values as the core stores them (dates ISO), and problems of conversion."""
        out: dict[str, str] = {}
        problems: dict[str, str] = {}
        for key, row in self.rows.items():
            value = self.raw(key).strip()
            if row.spec.type == "date" and value:
                try:
                    value = to_iso_date(value)
                except ValueError as exc:
                    problems[key] = problem_text(f"{key}: {exc}")
                    continue
            out[key] = value
        return out, problems

    def entered(self) -> dict[str, str]:
        """What confirm sends: every field but the counted ones."""
        values, _ = self.values()
        return {k: v for k, v in values.items() if k not in READ_ONLY}

    def check(self) -> dict[str, str]:
        values, problems = self.values()
        for p in validate({k: v for k, v in values.items() if v}):
            problems.setdefault(p.field, problem_text(p.message))
        self.show_problems(problems)
        return problems

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, row in self.rows.items():
            text = problems.get(key, "")
            row.message.setText(text)
            row.message.setVisible(bool(text))

    def focus_first_problem(self) -> None:
        for row in self.rows.values():
            if row.message.isVisible():
                row.editor.setFocus()
                self.ensureWidgetVisible(row.editor)
                return

    def _changed(self, *_args: object) -> None:
        sender = self.sender()
        for row in self.rows.values():
            if row.editor is sender and row.suggested is not None:
                self._mark(row, None)  # the operator's own value now
                row.suggested = None
        self.check()
        self.edited.emit()

