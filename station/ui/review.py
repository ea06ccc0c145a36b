"""The supervisor's review queue: documents waiting for approval, pages and metadata side by side.

Built on station.workflow.review (queue, flags, what was suggested against what the operator kept,
sampling) and Station.approve / Station.reject, which check the role and the four-eyes rule and
write every decision, and every refusal, to the audit log. The queue is read and every decision
is made on a worker thread (window.run_task); the GUI thread only shows.

Sampling mode: the configured share (setting review.sample_share) of the documents not yet
considered is picked for a full page-by-page check; the supervisor ticks every page, then records
"passed" (the document may be approved) or "failed" with a note (it is then rejected back to its
operator with that note).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QObject, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.auth import Action
from station.errors import NotAllowed
from station.ui import texts
from station.ui.resources import icon
from station.ui.texts import flag_name
from station.ui.viewer import PageViewer

if TYPE_CHECKING:
    from station.ui.supervision import Supervision
    from station.ui.window import MainWindow

THUMB = 160
FLAGS = ("edited", "sampled", "sample_pending", "rejected_before", "low_confidence", "blank_pages")


def queue_flag_name(flag: str) -> str:
    names = {
        "edited": QCoreApplication.translate("texts", "changed by the operator"),
        "sampled": QCoreApplication.translate("texts", "picked for checking"),
        "sample_pending": QCoreApplication.translate("texts", "page check pending"),
        "rejected_before": QCoreApplication.translate("texts", "sent back before"),
        "low_confidence": QCoreApplication.translate("texts", "uncertain text recognition"),
        "blank_pages": QCoreApplication.translate("texts", "blank pages"),
    }
    return names.get(flag) or flag_name(flag)


def source_name(source: str) -> str:
    names = {
        "operator": QCoreApplication.translate("texts", "typed by the operator"),
        "suggestion": QCoreApplication.translate("texts", "suggestion kept"),
        "not_kept": QCoreApplication.translate("texts", "suggestion left out"),
        "default": QCoreApplication.translate("texts", "from the profile"),
    }
    return names.get(source, source)


def field_label(key: str) -> str:
    from station.ui.form import LABELS

    return QCoreApplication.translate("MetadataForm", LABELS.get(key, key))


class QueueModel(QAbstractTableModel):
    """The queue as review_queue gives it, oldest confirmation first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[dict[str, Any]] = []

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Confirmed"), self.tr("Operator"), self.tr("Procedure"), self.tr("Document"),
                    self.tr("Flags"))[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return item["id"]
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return (item["confirmed_at"] or "")[:16].replace("T", " ")
            if col == 1:
                return item["confirmed_by"] or ""
            if col == 2:
                return item["procedure"] or "—"
            if col == 3:
                return item["title"] or self.tr("(no title)")
            return ", ".join(queue_flag_name(f) for f in item["flags"])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item['batch']} · {item['id']} · " + self.tr("%1 page(s)").replace("%1", str(item["page_count"]))
        return None

    def apply(self, items: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def row_of(self, doc_id: str | None) -> int:
        return next((i for i, it in enumerate(self.items) if it["id"] == doc_id), -1)


class NoteDialog(QDialog):
    """A reason for the operator (a rejection, a failed page check); OK only once something is written."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        v = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        v.addWidget(label)
        self.text = QPlainTextEdit()
        self.text.setObjectName("note_text")
        v.addWidget(self.text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        v.addWidget(self.buttons)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.text.textChanged.connect(lambda: self.ok.setEnabled(bool(self.note())))

    def note(self) -> str:
        return self.text.toPlainText().strip()


class ReviewScreen(QWidget):
    def __init__(self, window: MainWindow, supervision: Supervision) -> None:
        super().__init__()
        self.setObjectName("review_screen")
        self.window_ = window
        self.supervision = supervision
        self.current: dict[str, Any] | None = None
        self.items: list[dict[str, Any]] = []
        self._loading = False
        self._again = False
        self._busy = False
        self._thumbs: dict[str, QPixmap] = {}
        self._pages: list[Any] = []
        self._suggestions: dict[str, Any] = {}
        self._mark: tuple[int, Any] | None = None  # (page row, bbox) of the suggestion in view
        self.ask_note: Any = None  # tests replace the dialog with a function returning the note (or None)

        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        filters = QHBoxLayout()
        self.operator_box = self._combo("operator_box", self.tr("All operators"))
        self.procedure_box = self._combo("procedure_box", self.tr("All procedures"))
        self.flag_box = self._combo("flag_box", self.tr("Any flag"))
        for f in FLAGS:
            self.flag_box.addItem(queue_flag_name(f), f)
        for label, box in ((self.tr("Operator:"), self.operator_box), (self.tr("Procedure:"), self.procedure_box),
                           (self.tr("Flag:"), self.flag_box)):
            filters.addWidget(QLabel(label))
            filters.addWidget(box)
        filters.addSpacing(16)
        self.sampling = QCheckBox(self.tr("Sampling mode"))
        self.sampling.setObjectName("sampling_mode")
        self.sampling.setToolTip(self.tr("Show the documents picked for a full page-by-page check"))
        self.sampling.toggled.connect(self._sampling_toggled)
        filters.addWidget(self.sampling)
        self.pick_button = QPushButton(self.tr("Pick documents to check"))
        self.pick_button.setObjectName("pick_sample")
        self.pick_button.clicked.connect(self.pick_sample)
        filters.addWidget(self.pick_button)
        filters.addStretch(1)
        self.count = QLabel()
        self.count.setObjectName("queue_count")
        filters.addWidget(self.count)
        v.addLayout(filters)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = QueueModel(self)
        self.view = QTableView()
        self.view.setObjectName("queue_view")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        for col in (0, 1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(4, 150)
        self.view.setWordWrap(False)
        self.view.selectionModel().currentRowChanged.connect(self._selected)
        split.addWidget(self.view)

        middle = QWidget()
        mv = QVBoxLayout(middle)
        mv.setContentsMargins(0, 0, 0, 0)
        self.pages = QListWidget()
        self.pages.setObjectName("review_pages")
        self.pages.setFlow(QListWidget.Flow.LeftToRight)
        self.pages.setWrapping(False)
        self.pages.setIconSize(QSize(80, 112))
        self.pages.setFixedHeight(160)
        self.pages.currentRowChanged.connect(self._page_selected)
        self.pages.itemChanged.connect(lambda _i: self._update_buttons())
        mv.addWidget(self.pages)
        self.viewer = PageViewer()
        self.viewer.setObjectName("review_viewer")
        mv.addWidget(self.viewer, 1)
        split.addWidget(middle)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(4, 0, 4, 0)
        self.heading = QLabel()
        self.heading.setObjectName("review_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        rv.addWidget(self.heading)
        self.changes = QTableWidget(0, 4)
        self.changes.setObjectName("changes")
        self.changes.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Suggested"), self.tr("Confirmed"),
                                                self.tr("Where from")])
        self.changes.verticalHeader().hide()
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.setWordWrap(True)
        hh = self.changes.horizontalHeader()
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.changes.currentCellChanged.connect(lambda row, *_: self._change_selected(row))
        rv.addWidget(self.changes, 1)
        self.legend = QLabel(self.tr("Rows in yellow: the operator typed a value other than the suggestion."))
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555;")
        rv.addWidget(self.legend)
        self.message = QLabel()
        self.message.setObjectName("review_message")
        self.message.setWordWrap(True)
        rv.addWidget(self.message)
        checks = QHBoxLayout()
        self.pass_button = QPushButton(self.tr("Every page checked: passed"))
        self.pass_button.setObjectName("check_passed")
        self.pass_button.clicked.connect(lambda: self.record_check(True))
        self.fail_button = QPushButton(self.tr("Check failed…"))
        self.fail_button.setObjectName("check_failed")
        self.fail_button.clicked.connect(lambda: self.record_check(False))
        checks.addWidget(self.pass_button)
        checks.addWidget(self.fail_button)
        rv.addLayout(checks)
        decide = QHBoxLayout()
        self.reject_button = QPushButton(icon("undo"), self.tr("Send back…"))
        self.reject_button.setObjectName("reject_button")
        self.reject_button.clicked.connect(self.reject)
        self.approve_button = QPushButton(icon("confirm"), self.tr("Approve (Ctrl+Enter)"))
        self.approve_button.setObjectName("approve_button")
        self.approve_button.clicked.connect(self.approve)
        decide.addWidget(self.reject_button)
        decide.addWidget(self.approve_button, 1)
        rv.addLayout(decide)
        split.addWidget(right)
        split.setSizes([560, 400, 480])
        split.setStretchFactor(1, 1)
        v.addWidget(split, 1)
        for box in (self.operator_box, self.procedure_box, self.flag_box):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self._show(None)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    def _combo(self, name: str, everything: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setMinimumWidth(140)
        box.addItem(everything, None)
        return box

    def apply_role(self) -> None:
        s = self.supervision.session
        self.approve_button.setVisible(s.can(Action.APPROVE))
        self.reject_button.setVisible(s.can(Action.REJECT))
        sampling = s.can(Action.SAMPLE_CHECK)
        self.sampling.setVisible(sampling)
        self._update_buttons()

    def shutdown(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # -- Ctrl+Enter ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter approves while the queue is in view (the window's own Ctrl+Enter confirms)."""
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if (event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                or not event.modifiers() & Qt.KeyboardModifier.ControlModifier or not self.isVisible()
                or not isinstance(watched, QWidget) or watched.window() is not self.window_
                or QApplication.activeModalWidget() is not None):
            return False
        event.accept()
        if event.type() == QEvent.Type.KeyPress and not event.isAutoRepeat():
            self.approve()
        return True

    # -- reading -------------------------------------------------------------------------------------
    def filters(self) -> dict[str, Any]:
        flags = [f for f in (self.flag_box.currentData(),) if f]
        if self.sampling.isChecked():
            flags.append("sampled")
        return {"operator": self.operator_box.currentData(), "procedure": self.procedure_box.currentData(),
                "flags": flags}

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        wanted = self.filters()

        def read(station: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            from station.workflow.review import review_queue

            everything = review_queue(station)
            shown = review_queue(station, operator=wanted["operator"], procedure=wanted["procedure"],
                                 flags=wanted["flags"])
            return everything, shown

        def done(result: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
            self._loading = False
            everything, shown = result
            self._fill_filter(self.operator_box, sorted({i["confirmed_by"] for i in everything if i["confirmed_by"]},
                                                        key=str.casefold))
            self._fill_filter(self.procedure_box, sorted({i["procedure"] for i in everything}))
            self.apply(shown, len(everything))
            if self._again:
                self._again = False
                self.refresh()

        def failed(exc: BaseException) -> None:
            self._loading = False
            self.window_.say(self.window_._error_text(exc), error=True)

        self.window_.run_task(read, done, failed)

    def _fill_filter(self, box: QComboBox, values: list[str]) -> None:
        have = [box.itemData(i) for i in range(1, box.count())]
        for value in values:
            if value not in have:
                box.blockSignals(True)
                box.addItem(value or self.tr("(no procedure)"), value)
                box.blockSignals(False)

    def apply(self, items: list[dict[str, Any]], total: int) -> None:
        keep = self.current["id"] if self.current else None
        self.items = items
        self.model.apply(items)
        self.count.setText(self.tr("%1 of %2 waiting").replace("%1", str(len(items))).replace("%2", str(total)))
        row = self.model.row_of(keep)
        if row < 0 and items:
            row = 0
        if row >= 0:
            self.view.selectRow(row)
            self.view.setCurrentIndex(self.model.index(row, 0))
            self._show(items[row], same=items[row]["id"] == keep)
        else:
            self._show(None)

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and 0 <= current.row() < len(self.items):
            item = self.items[current.row()]
            if not self.current or item["id"] != self.current["id"]:
                self._show(item)

    # -- showing one document ------------------------------------------------------------------------
    def _show(self, item: dict[str, Any] | None, same: bool = False) -> None:
        self.current = item
        if item is None:
            self.heading.setText(self.tr("Nothing waiting for approval."))
            self.changes.setRowCount(0)
            self.pages.clear()
            self._pages = []
            self.viewer.show_message(self.tr("No page"))
            self._update_buttons()
            return
        lines = [f"{item['batch']} · {item['title'] or self.tr('(no title)')}",
                 self.tr("Confirmed by %1 at %2").replace("%1", item["confirmed_by"] or "?").replace(
                     "%2", (item["confirmed_at"] or "")[:16].replace("T", " "))]
        if item["procedure"]:
            lines.append(self.tr("Procedure: %1").replace("%1", item["procedure"]))
        if item["reject_reason"]:
            lines.append(self.tr("Sent back before: %1").replace("%1", texts.reject_note(item["reject_reason"])))
        sample = item.get("sample")
        if sample:
            state = {None: self.tr("not checked yet"), "pass": self.tr("passed"), "fail": self.tr("failed")}.get(
                sample["result"], sample["result"])
            lines.append(self.tr("Picked for a page-by-page check: %1").replace("%1", state))
        self.heading.setText("\n".join(lines))
        if not same:
            self._fill_pages(item["id"])
        self._fill_changes(item["changes"])
        self._update_buttons()

    def _fill_changes(self, changes: list[dict[str, Any]]) -> None:
        self.changes.setRowCount(len(changes))
        typed = QBrush(QColor("#fff3c4"))
        for r, c in enumerate(changes):
            cells = [field_label(c["field"]), "" if c["suggested"] is None else str(c["suggested"]),
                     "" if c["value"] is None else str(c["value"]), source_name(c["source"])]
            for col, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, c["field"])
                cell.setToolTip(text)
                if c["source"] == "operator" and c["suggested"] is not None or c["source"] == "not_kept":
                    cell.setBackground(typed)
                if col == 1 and c["confidence"] is not None:
                    cell.setToolTip(text + "\n" + self.tr("confidence %1%").replace(
                        "%1", str(round(100 * c["confidence"]))))
                self.changes.setItem(r, col, cell)
        self.changes.resizeColumnToContents(0)
        self.changes.resizeColumnToContents(3)
        self.changes.resizeRowsToContents()

    def _fill_pages(self, doc_id: str) -> None:
        from station.ui.models import read_pages

        self.pages.blockSignals(True)
        self.pages.clear()
        self._pages = read_pages(self.window_.station.store.db, doc_id)
        self._suggestions = self.window_.station.store.document(doc_id)["suggestions"]
        self._mark = None
        checkable = self.sampling.isChecked() and self._sample_open()
        for row in self._pages:
            item = QListWidgetItem(self.tr("Page %1").replace("%1", str(row.idx)))
            item.setData(Qt.ItemDataRole.UserRole, row.idx)
            if checkable:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            pixmap = self._thumbs.get(row.thumb_blob)
            if pixmap is not None:
                item.setIcon(QIcon(pixmap))
            else:
                self._load(row.thumb_blob, THUMB)
            self.pages.addItem(item)
        self.pages.blockSignals(False)
        if self._pages:
            self.pages.setCurrentRow(0)
            self._page_selected(0)
        else:
            self.viewer.show_message(self.tr("No page"))

    def _sample_open(self) -> bool:
        sample = (self.current or {}).get("sample")
        return bool(sample) and sample["result"] != "pass"

    def _load(self, blob: str, size: int) -> None:
        path = self.window_.station.store.blobs.path(blob)
        self.window_.workers.image(path, size, lambda image: self._loaded(blob, size, image))

    def _loaded(self, blob: str, size: int, image: QImage) -> None:
        if self.window_._closing or image.isNull():
            return
        if size == THUMB:
            self._thumbs[blob] = QPixmap.fromImage(image)
            for i, row in enumerate(self._pages):
                if row.thumb_blob == blob and (item := self.pages.item(i)) is not None:
                    item.setIcon(QIcon(self._thumbs[blob]))
        elif blob == self._viewer_blob():
            self.viewer.set_image(image)
            if self._mark is not None and self._mark[0] == self.pages.currentRow():
                self.viewer.highlight(self._mark[1])

    def _viewer_blob(self) -> str | None:
        i = self.pages.currentRow()
        return self._pages[i].thumb_blob if 0 <= i < len(self._pages) else None

    def _page_selected(self, row: int) -> None:
        blob = self._viewer_blob()
        if blob is None:
            return
        self.viewer.show_message(self.tr("Loading…"))
        self._load(blob, 0)

    def _change_selected(self, row: int) -> None:
        """Where the selected field's suggestion was read: its page in view, the words outlined."""
        cell = self.changes.item(row, 0) if row >= 0 else None
        s = self._suggestions.get(cell.data(Qt.ItemDataRole.UserRole)) if cell is not None else None
        if not s or not s.get("bbox"):
            self._mark = None
            self.viewer.highlight(None)
            return
        page_row = int(s.get("page") or 1) - 1
        if not 0 <= page_row < len(self._pages):
            return
        self._mark = (page_row, s["bbox"])
        if self.pages.currentRow() != page_row:
            self.pages.setCurrentRow(page_row)  # the image loads, then the mark is drawn
        else:
            self.viewer.highlight(s["bbox"])

    def pages_checked(self) -> list[int]:
        out = []
        for i in range(self.pages.count()):
            item = self.pages.item(i)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _update_buttons(self) -> None:
        s = self.supervision.session
        has = self.current is not None and not self._busy
        self.approve_button.setEnabled(has and s.can(Action.APPROVE))
        self.reject_button.setEnabled(has and s.can(Action.REJECT))
        checking = has and self.sampling.isChecked() and self._sample_open() and s.can(Action.SAMPLE_CHECK)
        self.pass_button.setVisible(self.sampling.isChecked())
        self.fail_button.setVisible(self.sampling.isChecked())
        self.pick_button.setVisible(self.sampling.isChecked() and s.can(Action.SAMPLE_CHECK))
        all_ticked = checking and len(self.pages_checked()) == len(self._pages) > 0
        self.pass_button.setEnabled(all_ticked)
        self.fail_button.setEnabled(all_ticked)  # the workflow wants every page looked at, either way

    def _sampling_toggled(self, _on: bool) -> None:
        self.current = None
        self.refresh()

    # -- deciding ------------------------------------------------------------------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)
        self.window_.say(text, error=error)

    def _run(self, fn: Any, done_text: str, item: dict[str, Any], action: str, keep: bool = False) -> None:
        """A decision on a worker; the four-eyes refusal said in the supervisor's language."""
        self._busy = True
        self._update_buttons()
        user = self.supervision.session

        def done(_result: Any) -> None:
            self._busy = False
            self.say(done_text)
            if not keep:
                self.current = None
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._update_buttons()
            if isinstance(exc, NotAllowed) and "four-eyes" in exc.message:
                self.say(self.four_eyes_text(action, item), error=True)
            elif isinstance(exc, NotAllowed) and "was picked for a page-by-page check" in exc.message:
                self.say(self.tr("This document was picked for a page-by-page check: turn on the sampling mode, "
                                 "tick every page and record the result before approving it."), error=True)
            elif isinstance(exc, NotAllowed) and "failed its page-by-page check" in exc.message:
                self.say(self.tr("This document failed its page-by-page check: send it back to its operator."),
                         error=True)
            else:
                self.say(self.window_._error_text(exc), error=True)

        self.window_.run_task(lambda station: fn(station, item["id"], user), done, failed)

    def four_eyes_text(self, action: str, item: dict[str, Any]) -> str:
        texts = {
            "approve": self.tr("You confirmed this document yourself, so you cannot approve it: another "
                               "supervisor approves it (four-eyes rule)."),
            "reject": self.tr("You confirmed this document yourself, so you cannot send it back: another "
                              "supervisor decides on it (four-eyes rule)."),
            "check": self.tr("You confirmed this document yourself, so you cannot check it: another "
                             "supervisor checks it (four-eyes rule)."),
        }
        return texts[action]

    def approve(self) -> None:
        item = self.current
        if item is None or self._busy or not self.approve_button.isEnabled():
            return
        self._run(lambda station, doc, user: station.approve(doc, user=user), self.tr("Approved."), item, "approve")

    def _note(self, title: str, prompt: str) -> str | None:
        if self.ask_note is not None:
            return self.ask_note(title, prompt)  # type: ignore[no-any-return]
        dialog = NoteDialog(title, prompt, self)
        dialog.setObjectName("note_dialog")
        return dialog.note() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def reject(self) -> None:
        item = self.current
        if item is None or self._busy:
            return
        reason = self._note(self.tr("Send back to the operator"), self.tr(
            "Say what the operator must correct; %1 sees this note with the document.").replace(
            "%1", item["confirmed_by"] or "?"))
        if not reason:
            return
        self._run(lambda station, doc, user: station.reject(doc, reason=reason, user=user),
                  self.tr("Sent back to %1.").replace("%1", item["confirmed_by"] or "?"), item, "reject")

    def pick_sample(self) -> None:
        def pick(station: Any) -> tuple[int, float]:
            from station.workflow.review import pick_sample

            picked = pick_sample(station, user=self.supervision.session)
            return len(picked), float(station.settings.get("review.sample_share"))

        def done(result: tuple[int, float]) -> None:
            n, share = result
            self.say(self.tr("%1 document(s) picked for a page-by-page check (share %2 %).").replace(
                "%1", str(n)).replace("%2", f"{100 * share:g}"))
            self.refresh()

        self.window_.run_task(pick, done, lambda e: self.say(self.window_._error_text(e), error=True))

    def record_check(self, passed: bool) -> None:
        item = self.current
        if item is None or self._busy:
            return
        pages = self.pages_checked()
        note = ""
        if not passed:
            got = self._note(self.tr("Page check failed"), self.tr("Say what is wrong; the note goes to the operator."))
            if not got:
                return
            note = got

        def check(station: Any, doc: str, user: Any) -> Any:
            from station.workflow.review import record_sample_check

            result = record_sample_check(station, doc, user=user, passed=passed, pages_checked=pages, note=note)
            if not passed:  # a failed check goes back to its operator with the same note
                station.reject(doc, reason=note, user=user)
            return result

        self._run(check, self.tr("Page check recorded: passed; the document may be approved.") if passed else
                  self.tr("Page check recorded: failed; the document went back to %1 with the note.").replace(
                      "%1", item["confirmed_by"] or "?"), item, "check", keep=passed)
