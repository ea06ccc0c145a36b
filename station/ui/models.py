"""Qt models over the store, updated in place: a change touches its rows, never reloads the view.

Rows are read by a pool task (one light query, no JSON decoding of OCR results); the GUI thread
only compares them with what it shows and emits the smallest change it can: changed rows,
rows added at the end, or, when documents were split, merged or undone, a reset.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap

from station.ui.resources import icon
from station.ui.texts import flag_name, state_name


@dataclass(frozen=True)
class DocRow:
    id: str
    batch: str
    ordinal: int
    state: str
    pages: int
    title: str


def read_documents(db: Any, batch: str | None) -> list[DocRow]:
    """Runs on a pool thread with that thread's own connection."""
    sql = (
        "SELECT d.id, b.name, d.ordinal, d.state,"
        " (SELECT COUNT(*) FROM pages p WHERE p.document_id = d.id),"
        " COALESCE(json_extract(d.metadata, '$.subject'), json_extract(d.suggestions, '$.subject.value'), '')"
        " FROM documents d JOIN batches b ON b.id = d.batch_id"
        + (" WHERE b.name = ?" if batch else "")
        + " ORDER BY b.id, d.ordinal"
    )
    return [DocRow(r[0], r[1], int(r[2]), r[3], int(r[4]), r[5] or "") for r in db.execute(sql, (batch,) if batch
                                                                                        else ())]


def read_pipeline_counts(db: Any) -> tuple[int, int]:
    """Pages waiting for cleanup, and cleaned pages waiting for OCR, in documents being processed."""
    row = db.execute(
        "SELECT SUM(c.page_id IS NULL), SUM(c.page_id IS NOT NULL AND o.page_id IS NULL)"
        " FROM pages p JOIN documents d ON d.id = p.document_id"
        " LEFT JOIN page_stages c ON c.page_id = p.id AND c.stage = 'cleanup' AND c.status = 'done'"
        " LEFT JOIN page_stages o ON o.page_id = p.id AND o.stage = 'ocr' AND o.status = 'done'"
        " WHERE d.state = 'processing'"
    ).fetchone()
    return int(row[0] or 0), int(row[1] or 0)


class DocumentModel(QAbstractTableModel):
    COLUMNS = 4  # state, number, title, pages

    counts_changed = Signal(dict)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DocRow] = []
        self._index: dict[str, int] = {}
        self.resets = 0  # for tests: how often the model had to start over

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("State"), self.tr("No."), self.tr("Document"), self.tr("Pages")][section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return state_name(row.state)
            if col == 1:
                return f"{row.batch} · {row.ordinal}"
            if col == 2:
                return row.title or self.tr("(no title yet)")
            return row.pages
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return icon(f"state-{row.state}")
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.id} — {state_name(row.state)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, doc_id: str) -> int:
        return self._index.get(doc_id, -1)

    def apply(self, rows: list[DocRow]) -> None:
        n = len(self.rows)
        if [r.id for r in rows[:n]] != [r.id for r in self.rows]:
            self.beginResetModel()
            self.rows = list(rows)
            self._index = {r.id: i for i, r in enumerate(self.rows)}
            self.endResetModel()
            self.resets += 1
        else:
            changed = [i for i in range(n) if self.rows[i] != rows[i]]
            self.rows[:n] = rows[:n]
            if changed:
                self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], self.COLUMNS - 1))
            if len(rows) > n:
                self.beginInsertRows(QModelIndex(), n, len(rows) - 1)
                self.rows.extend(rows[n:])
                self._index.update({r.id: i for i, r in enumerate(rows[n:], start=n)})
                self.endInsertRows()
        self.counts_changed.emit(dict(Counter(r.state for r in self.rows)))


@dataclass(frozen=True)
class PageRow:
    id: int
    idx: int
    name: str
    source_blob: str
    cleaned_blob: str | None
    cleanup: str | None  # None, "done", "failed"
    ocr: str | None
    blank: bool
    keep_blank: bool
    flags: tuple[str, ...]

    @property
    def thumb_blob(self) -> str:
        return self.cleaned_blob or self.source_blob


def read_pages(db: Any, doc_id: str) -> list[PageRow]:
    rows = db.execute(
        "SELECT p.id, p.idx, p.source_name, p.source_blob, p.keep_blank, c.status, c.blob,"
        " COALESCE(json_extract(c.result, '$.blank'), 0), json_extract(c.result, '$.flags'), o.status"
        " FROM pages p LEFT JOIN page_stages c ON c.page_id = p.id AND c.stage = 'cleanup'"
        " LEFT JOIN page_stages o ON o.page_id = p.id AND o.stage = 'ocr'"
        " WHERE p.document_id = ? ORDER BY p.idx",
        (doc_id,),
    )
    import json

    out = []
    for r in rows:
        flags = tuple(json.loads(r[8])) if r[8] else ()
        out.append(PageRow(int(r[0]), int(r[1]), r[2], r[3], r[6] if r[5] == "done" else None, r[5], r[9],
                           bool(r[7]), bool(r[4]), flags))
    return out


@dataclass(frozen=True)
class DocDetail:
    """The open document as a worker read it; `draft` is None when the form already shows this version."""

    doc_id: str
    doc: dict[str, Any] | None  # None: the document is gone (merged, undone)
    pages: list[PageRow]
    key: tuple[str, str] | None
    draft: dict[str, str] | None


def read_detail(station: Any, doc_id: str, known: tuple[str, str] | None) -> DocDetail:
    """Runs on a worker with its own Station: the document, its pages, and its draft when it changed."""
    from station.errors import StationError

    try:
        doc = station.store.document(doc_id)
    except StationError:
        return DocDetail(doc_id, None, [], None, None)
    key = (doc["state"], doc["updated_at"])
    draft = None
    if key != known:
        draft = station.draft_metadata(doc_id) if doc["state"] != "processing" else {}
    return DocDetail(doc_id, doc, read_pages(station.store.db, doc_id), key, draft)


PAGE_MIME = "application/x-station-page"


class PageModel(QAbstractListModel):
    """The page strip: thumbnails are asked for only when the view paints a page (lazy)."""

    thumbnail_wanted = Signal(str)  # blob
    move_requested = Signal(int, int)  # page id, new 1-based position

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc_id: str | None = None
        self.rows: list[PageRow] = []
        self.thumbs: dict[str, QPixmap] = {}
        self._asked: set[str] = set()
        self._placeholder = QPixmap(90, 128)
        self._placeholder.fill(QColor("#e8eaed"))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = ""
            if row.cleanup == "failed" or row.ocr == "failed":
                mark = " ⚠"
            elif row.blank and not row.keep_blank:
                mark = " ○"
            elif row.flags:
                mark = " !"
            return f"{row.idx}{mark}"
        if role == Qt.ItemDataRole.DecorationRole:
            blob = row.thumb_blob
            if blob in self.thumbs:
                return QIcon(self.thumbs[blob])
            if blob not in self._asked:
                self._asked.add(blob)
                self.thumbnail_wanted.emit(blob)
            return QIcon(self._placeholder)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [row.name]
            if row.cleanup is None:
                parts.append(self.tr("waiting for cleanup"))
            elif row.ocr is None:
                parts.append(self.tr("waiting for OCR"))
            if row.cleanup == "failed" or row.ocr == "failed":
                parts.append(self.tr("processing failed: rescan this page"))
            if row.blank:
                parts.append(self.tr("blank page, kept") if row.keep_blank else self.tr("blank page, left out"))
            parts += [flag_name(f) for f in row.flags]
            return "\n".join(parts)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.BackgroundRole and row.blank and not row.keep_blank:
            return QColor("#fff4e0")
        return None

    def set_thumbnail(self, blob: str, image: QImage) -> None:
        self.thumbs[blob] = QPixmap.fromImage(image)
        for i, r in enumerate(self.rows):
            if r.thumb_blob == blob:
                ix = self.index(i)
                self.dataChanged.emit(ix, ix, [Qt.ItemDataRole.DecorationRole])

    def apply(self, doc_id: str | None, rows: list[PageRow]) -> None:
        if doc_id != self.doc_id or [r.id for r in rows[: len(self.rows)]] != [r.id for r in self.rows]:
            self.beginResetModel()
            self.doc_id, self.rows = doc_id, rows
            self.endResetModel()
            return
        old = self.rows
        for i, (a, b) in enumerate(zip(old, rows, strict=False)):
            if a != b:
                self.rows[i] = b
                ix = self.index(i)
                self.dataChanged.emit(ix, ix)
        if len(rows) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(rows) - 1)
            self.rows = rows
            self.endInsertRows()

    # drag to reorder
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PAGE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            data.setData(PAGE_MIME, str(self.rows[indexes[0].row()].id).encode())
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex) -> bool:
        if not data.hasFormat(PAGE_MIME):
            return False
        page_id = int(bytes(data.data(PAGE_MIME).data()).decode())
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        current = next((i for i, r in enumerate(self.rows) if r.id == page_id), None)
        if current is None:
            return False
        target = row if row <= current else row - 1
        self.move_requested.emit(page_id, max(1, min(len(self.rows), target + 1)))
        return False  # the store moves it; the model follows on its next refresh
