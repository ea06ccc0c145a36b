"""The main window: documents on the left, pages and viewer in the middle, the metadata form on the right.

Widgets only show the store and send commands to the core (station.workflow); anything that
takes time runs in station.ui.workers and comes back as a signal.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from station.auth import Session
from station.errors import StationError
from station.ui import texts
from station.ui.archive import ArchiveLink, ClickLabel
from station.ui.form import MetadataForm
from station.ui.models import (
    DocDetail,
    DocRow,
    DocumentModel,
    PageModel,
    read_detail,
    read_documents,
    read_pipeline_counts,
)
from station.ui.resources import icon
from station.ui.supervision import Supervision
from station.ui.viewer import PageViewer
from station.ui.workers import (
    Mailbox,
    PipelineThread,
    ScanThread,
    Task,
    Workers,
    error_text,
    preload,
    running_threads,
    stop_all,
)
from station.workflow import Station

REFRESH_MS = 400
THUMB = 160
VIEW = 1800  # the viewer's first image (long side): sharp at fit on any screen, cheap to paint
DETAIL = 0  # full size, loaded when the operator zooms in past VIEW


class MainWindow(QMainWindow):
    def __init__(self, data_dir: Path, *, user: str | None = None, start_pipeline: bool = True,
                 find_scanners: bool = True, session: Session | None = None, start_sync: bool = True) -> None:
        super().__init__()
        preload()
        # Page workers (cleanup, OCR) started from this window run at a lower priority than the window.
        os.environ.setdefault("STATION_WORKER_NICE", "5")
        self.station = Station(data_dir)
        self.data_dir = self.station.data_dir
        self.user = session.user if session is not None else (user or getpass.getuser())
        self.setWindowTitle(self.tr("Scanning station"))
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.resize(1440, 900)
        self.current_doc: str | None = None
        self.current_page: int | None = None
        self.show_original = False
        self.show_words = False
        self.scan_thread: ScanThread | None = None
        self._doc_detail: dict[str, Any] = {}
        self._data_version = -1
        self._loading_docs = False
        self.mailbox = Mailbox(self)
        self.workers = Workers(self.mailbox)
        self.batch_filter: str | None = None
        self.last_problem = ""
        self._closing = False
        self.settings_dialog: Any = None
        self._refresh_again = False
        self._follow_doc: str | None = None  # a document a scan is filling: shown as soon as it exists
        self._confirming = False
        self._doc_state: str | None = None
        self._pending_highlight: Any = None
        self._pending_highlight_for: str | None = None
        self._word_boxes: dict[tuple[int, str | None], list[tuple[float, ...]]] = {}

        self._build_actions()
        self._build_toolbar()
        self._build_body()
        self._build_status()
        self.supervision = Supervision(self, session)  # review queue, dashboard, accounts, idle lock (by role)
        self.archive = ArchiveLink(self, start=start_sync)  # background sync, its status, the USB menu items

        self.pipeline = PipelineThread(self.data_dir, self)
        self.pipeline.progress.connect(self._pipeline_progress)
        self.pipeline.finished_run.connect(self._pipeline_finished)
        self.pipeline.failed.connect(lambda text: self.say(text, error=True))
        if start_pipeline:
            self.pipeline.start()
            self.pipeline.poke()  # finish whatever an earlier session left
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._poll)
        self.timer.start()
        self.refresh()
        if find_scanners:
            self._load_devices()

    # -- building ----------------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Callable[[], Any], shortcut: str | QKeySequence | None = None,
                icon_name: str | None = None) -> QAction:
        a = QAction(icon(icon_name) if icon_name else icon(name), text, self)
        a.setObjectName(f"action_{name}")
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
            a.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        self.a_scan = self._action("scan", self.tr("Scan"), self.scan, "F5")
        self.a_scan_more = self._action("scan-more", self.tr("Scan more"), self.scan_more, "Shift+F5")
        self.a_stop = self._action("stop", self.tr("Stop"), self.stop_scan, "Esc")
        self.a_stop.setEnabled(False)
        self.a_import = self._action("import", self.tr("Import files…"), self.import_files_dialog, "Ctrl+O")
        self.a_import_dir = self._action("import-folder", self.tr("Import folder…"), self.import_folder_dialog,
                                         "Ctrl+Shift+O", icon_name="import")
        self.a_rotate_l = self._action("rotate-left", self.tr("Turn left"), lambda: self.rotate(270), "Ctrl+L")
        self.a_rotate_r = self._action("rotate-right", self.tr("Turn right"), lambda: self.rotate(90), "Ctrl+R")
        self.a_blank = self._action("blank", self.tr("Mark blank / keep"), self.toggle_blank, "Ctrl+B")
        self.a_remove = self._action("remove", self.tr("Remove page"), self.remove_page, "Delete")
        self.a_restore = self._action("restore", self.tr("Restore removed page"), self.restore_page,
                                      "Ctrl+Shift+Z")
        self.a_rescan = self._action("rescan", self.tr("Rescan this page"), self.rescan_page, "Ctrl+F5")
        self.a_insert = self._action("insert", self.tr("Insert pages from files…"), self.insert_files, "Ctrl+I")
        self.a_split = self._action("split", self.tr("Split document here"), self.split_here, "Ctrl+T")
        self.a_merge = self._action("merge", self.tr("Merge with next document"), self.merge_next, "Ctrl+M")
        self.a_undo = self._action("undo", self.tr("Undo"), self.undo, QKeySequence.StandardKey.Undo)
        self.a_left = self._action("move-left", self.tr("Move page left"), lambda: self.move_page(-1),
                                   "Ctrl+Shift+Left", icon_name="")
        self.a_right = self._action("move-right", self.tr("Move page right"), lambda: self.move_page(1),
                                    "Ctrl+Shift+Right", icon_name="")
        self.a_confirm = self._action("confirm", self.tr("Confirm"), self.confirm, "Ctrl+Return")
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.confirm)
        self.a_next = self._action("next-doc", self.tr("Next document"), lambda: self.step_document(1),
                                   "Ctrl+PgDown", icon_name="")
        self.a_prev = self._action("prev-doc", self.tr("Previous document"), lambda: self.step_document(-1),
                                   "Ctrl+PgUp", icon_name="")
        self.a_next_page = self._action("next-page", self.tr("Next page"), lambda: self.step_page(1), "PgDown",
                                        icon_name="")
        self.a_prev_page = self._action("prev-page", self.tr("Previous page"), lambda: self.step_page(-1), "PgUp",
                                        icon_name="")
        self.a_fit = self._action("fit", self.tr("Fit page"), lambda: self.viewer.fit(), "Ctrl+0")
        self.a_zoom_in = self._action("zoom-in", self.tr("Zoom in"), lambda: self.viewer.zoom(1.25), "Ctrl++")
        self.a_zoom_out = self._action("zoom-out", self.tr("Zoom out"), lambda: self.viewer.zoom(0.8), "Ctrl+-")
        self.a_original = self._action("original", self.tr("Show original"), self.toggle_original, "Ctrl+Shift+B")
        self.a_original.setCheckable(True)
        self.a_words = self._action("words", self.tr("Show OCR words"), self.toggle_words, "Ctrl+Shift+W")
        self.a_words.setCheckable(True)
        self.a_settings = self._action("settings", self.tr("Settings…"), self.open_settings, "Ctrl+,")
        self.a_quit = self._action("quit", self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit, icon_name="")

        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        for a in (self.a_import, self.a_import_dir, self.a_settings, self.a_quit):
            m.addAction(a)
        m = bar.addMenu(self.tr("&Scan"))
        for a in (self.a_scan, self.a_scan_more, self.a_stop, self.a_rescan):
            m.addAction(a)
        m = bar.addMenu(self.tr("&Pages"))
        for a in (self.a_undo, self.a_rotate_l, self.a_rotate_r, self.a_blank, self.a_remove, self.a_restore,
                  self.a_left, self.a_right, self.a_insert, self.a_split, self.a_merge):
            m.addAction(a)
        m = bar.addMenu(self.tr("&View"))
        for a in (self.a_fit, self.a_zoom_in, self.a_zoom_out, self.a_original, self.a_words, self.a_next_page,
                  self.a_prev_page, self.a_next, self.a_prev):
            m.addAction(a)

    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Scanning"), self)
        tb.setObjectName("scan_toolbar")
        tb.setIconSize(QSize(22, 22))
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(tb)
        tb.addWidget(QLabel(self.tr("Scanner:") + " "))
        self.device_box = QComboBox()
        self.device_box.setObjectName("device_box")
        self.device_box.setMinimumWidth(220)
        default = str(self.station.settings.get("scanner.default_device"))
        self.device_box.addItem(default, default)
        tb.addWidget(self.device_box)
        tb.addWidget(QLabel("  " + self.tr("Profile:") + " "))
        self.profile_box = QComboBox()
        self.profile_box.setObjectName("profile_box")
        for p in self._profiles():
            self.profile_box.addItem(f"{p.name} · {p.dpi} dpi · {p.color_mode} · {p.source}", p.name)
        tb.addWidget(self.profile_box)
        tb.addSeparator()
        for a in (self.a_scan, self.a_scan_more, self.a_stop):
            tb.addAction(a)
        tb.addSeparator()
        tb.addAction(self.a_import)
        tb.addSeparator()
        self.scan_state = QLabel(self.tr("Scanner ready"))
        self.scan_state.setObjectName("scan_state")
        tb.addWidget(self.scan_state)
        pt = QToolBar(self.tr("Pages"), self)
        pt.setObjectName("page_toolbar")
        pt.setIconSize(QSize(20, 20))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, pt)
        for a in (self.a_undo, self.a_rotate_l, self.a_rotate_r, self.a_blank, self.a_remove, self.a_restore,
                  self.a_rescan, self.a_insert, self.a_split, self.a_merge):
            pt.addAction(a)
        pt.addSeparator()
        for a in (self.a_fit, self.a_zoom_in, self.a_zoom_out, self.a_original, self.a_words):
            pt.addAction(a)
        pt.addSeparator()
        pt.addAction(self.a_settings)

    def _profiles(self) -> list[Any]:
        from station.config import admin_settings_file
        from station.scanner.profiles import ProfileStore

        try:
            return ProfileStore(self.data_dir, admin_settings_file().parent / "profiles.json").list()
        except StationError as exc:
            self.last_problem = exc.message
            return []

    def _build_body(self) -> None:
        split = QSplitter(Qt.Orientation.Horizontal)
        # left: batches and documents
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(4, 4, 4, 4)
        self.batch_box = QComboBox()
        self.batch_box.setObjectName("batch_box")
        self.batch_box.addItem(self.tr("All batches"), None)
        self.batch_box.currentIndexChanged.connect(self._batch_changed)
        lv.addWidget(self.batch_box)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.counts.setWordWrap(True)
        lv.addWidget(self.counts)
        self.docs = DocumentModel(self)
        self.docs.counts_changed.connect(self._counts_changed)
        self.doc_view = QTableView()
        self.doc_view.setObjectName("doc_view")
        self.doc_view.setModel(self.docs)
        self.doc_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.doc_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.doc_view.verticalHeader().hide()
        self.doc_view.verticalHeader().setDefaultSectionSize(26)
        self.doc_view.setShowGrid(False)
        self.doc_view.setAlternatingRowColors(True)
        h = self.doc_view.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        h.setMinimumSectionSize(32)
        self._fit_columns()
        self.doc_view.selectionModel().currentRowChanged.connect(self._doc_selected)
        lv.addWidget(self.doc_view, 1)
        split.addWidget(left)
        # middle: page strip and viewer (or the first-run guide)
        self.middle = QStackedWidget()
        centre = QWidget()
        cv = QVBoxLayout(centre)
        cv.setContentsMargins(0, 0, 0, 0)
        self.pages = PageModel(self)
        self.pages.thumbnail_wanted.connect(lambda blob: self._load_image(blob, THUMB))
        self.pages.move_requested.connect(lambda page, pos: self._page_op(
            lambda w: w.move(page, pos, user=self.user)))
        self.strip = QListView()
        self.strip.setObjectName("page_strip")
        self.strip.setModel(self.pages)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setUniformItemSizes(True)
        self.strip.setIconSize(QSize(96, 136))
        self.strip.setFixedHeight(190)
        self.strip.setSpacing(4)
        self.strip.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.strip.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.strip.setDropIndicatorShown(True)
        self.strip.selectionModel().currentChanged.connect(self._page_selected)
        cv.addWidget(self.strip)
        self.viewer = PageViewer()
        self.viewer.setObjectName("viewer")
        self.viewer.detail_wanted.connect(self._detail_wanted)
        cv.addWidget(self.viewer, 1)
        self.middle.addWidget(centre)
        self.guide = self._build_guide()
        self.middle.addWidget(self.guide)
        split.addWidget(self.middle)
        # right: the form
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(4, 4, 4, 4)
        self.form = MetadataForm()
        self.form.setObjectName("form")
        self.form.field_focused.connect(self._field_focused)
        rv.addWidget(self.form, 1)
        self.confirm_button = QPushButton(icon("confirm"), self.tr("Confirm and go to the next (Ctrl+Enter)"))
        self.confirm_button.setObjectName("confirm_button")
        self.confirm_button.clicked.connect(self.confirm)
        rv.addWidget(self.confirm_button)
        split.addWidget(right)
        split.setSizes([320, 640, 480])
        split.setStretchFactor(1, 1)
        self.setCentralWidget(split)

    def _fit_columns(self) -> None:
        """State and number as wide as their words in this language, the title takes the rest. Measured
        from the font, not ResizeToContents: that one reads up to 1,000 rows on every change."""
        fm = self.doc_view.fontMetrics()
        horizontal = Qt.Orientation.Horizontal
        states = [texts.state_name(s) for s in ("processing", "needs_review", "confirmed", "approved", "rejected",
                                                 "sealed", "synced", "failed")]
        pad = 2 * fm.horizontalAdvance("M")
        icon_room = self.doc_view.iconSize().width() if self.doc_view.iconSize().width() > 0 else 16
        self.doc_view.setColumnWidth(0, max(fm.horizontalAdvance(t) for t in [*states, self.docs.headerData(
            0, horizontal)]) + icon_room + pad)
        self.doc_view.setColumnWidth(1, max(fm.horizontalAdvance("Lô 00 · 00"), fm.horizontalAdvance(
            self.docs.headerData(1, horizontal))) + pad)
        self.doc_view.setColumnWidth(3, max(fm.horizontalAdvance("0000"), fm.horizontalAdvance(
            self.docs.headerData(3, horizontal))) + pad)

    def _build_guide(self) -> QWidget:
        frame = QFrame()
        frame.setObjectName("guide")
        v = QVBoxLayout(frame)
        v.setContentsMargins(48, 48, 48, 48)
        title = QLabel(self.tr("Welcome to the scanning station"))
        title.setStyleSheet("font-size: 18pt; font-weight: 600;")
        v.addWidget(title)
        steps = QLabel(self.tr(
            "<ol>"
            "<li>Choose a scanner and a profile above. Until a scanner is set up, the <b>demo scanner</b> feeds "
            "sample pages so you can try everything.</li>"
            "<li>Put the paper in and press <b>Scan</b> (F5), or drop image and PDF files on this window.</li>"
            "<li>Pages appear as they arrive; cleanup and text recognition run in the background.</li>"
            "<li>Check the pages, correct the fields on the right (suggestions are coloured by confidence) "
            "and press <b>Ctrl+Enter</b> to confirm and go to the next document.</li>"
            "</ol>"))
        steps.setWordWrap(True)
        steps.setTextFormat(Qt.TextFormat.RichText)
        steps.setStyleSheet("font-size: 12pt;")
        v.addWidget(steps)
        row = QHBoxLayout()
        b = QPushButton(icon("scan"), self.tr("Try the demo scanner"))
        b.setObjectName("guide_scan")
        b.clicked.connect(self.scan)
        row.addWidget(b)
        b2 = QPushButton(icon("import"), self.tr("Import files…"))
        b2.clicked.connect(self.import_files_dialog)
        row.addWidget(b2)
        row.addStretch(1)
        v.addLayout(row)
        v.addStretch(1)
        return frame

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.status_user = QLabel(self.tr("User: %1").replace("%1", self.user))
        self.status_scanner = QLabel()
        self.status_pipeline = QLabel(self.tr("Pipeline: idle"))
        self.status_pipeline.setObjectName("status_pipeline")
        # Filled in by station.ui.archive.ArchiveLink; a click opens Settings → Archive.
        self.status_archive = ClickLabel()
        self.status_archive.setObjectName("status_archive")
        self.status_outbox = ClickLabel()
        self.status_outbox.setObjectName("status_outbox")
        for w in (self.status_user, self.status_scanner, self.status_pipeline, self.status_archive,
                  self.status_outbox):
            sb.addPermanentWidget(w)
        self._set_scanner_state(self.tr("Scanner ready"))

    # -- messages ------------------------------------------------------------------------------------
    def say(self, text: str, *, error: bool = False) -> None:
        if error:
            self.last_problem = text
        self.statusBar().showMessage(text, 15000 if error else 6000)

    def _error_text(self, exc: BaseException) -> str:
        return error_text(exc)

    def _set_scanner_state(self, text: str) -> None:
        self.scan_state.setText(text)
        self.status_scanner.setText(self.tr("Scanner: %1").replace("%1", text))

    # -- background work -------------------------------------------------------------------------
    def run_task(self, fn: Callable[[Station], Any], done: Callable[[Any], None] | None = None,
                 failed: Callable[[BaseException], None] | None = None) -> None:
        def finish(result: Any) -> None:
            if not self._closing and done:
                done(result)

        def fail(exc: BaseException) -> None:
            if not self._closing:
                (failed or (lambda e: self.say(self._error_text(e), error=True)))(exc)

        self.workers.task(Task(self.data_dir, fn, self.mailbox, finish, fail))

    def _load_image(self, blob: str, size: int) -> None:
        self.workers.image(self.station.store.blobs.path(blob), size,
                           lambda image: self._image_loaded(blob, size, image))

    def _image_loaded(self, blob: str, size: int, image: QImage) -> None:
        if self._closing:
            return
        if size == THUMB:
            self.pages.set_thumbnail(blob, image)
        elif blob == self._viewer_blob():
            if size == DETAIL:
                self.viewer.set_image(image, keep_overlays=True)
                return
            self.viewer.set_image(image)
            self._overlays()
            if self._pending_highlight_for == blob:
                self.viewer.highlight(self._pending_highlight)
            if self.viewer.needs_detail():
                self._load_image(blob, DETAIL)

    def _detail_wanted(self) -> None:
        blob = self._viewer_blob()
        if blob is not None:
            self._load_image(blob, DETAIL)

    # -- refreshing from the store -----------------------------------------------------------------
    def _poll(self) -> None:
        if self._closing:
            return
        version = self.station.store.db.execute("PRAGMA data_version").fetchone()[0]
        if version != self._data_version:
            self._data_version = version
            self.refresh()

    def refresh(self) -> None:
        """Read the documents (and the open one) on a worker; the models apply only what changed.

        A refresh asked for while one is reading runs again when it is back, so no change is missed.
        """
        if self._loading_docs:
            self._refresh_again = True
            return
        self._loading_docs = True
        self._refresh_again = False
        batch = self.batch_filter
        doc_id, known = self.current_doc, self._doc_detail.get("key")

        def read(station: Station) -> tuple[list[DocRow], tuple[int, int], list[str], DocDetail | None]:
            db = station.store.db
            batches = [r[0] for r in db.execute("SELECT name FROM batches ORDER BY id")]
            return (read_documents(db, batch), read_pipeline_counts(db), batches,
                    read_detail(station, doc_id, known) if doc_id else None)

        def done(result: tuple[list[DocRow], tuple[int, int], list[str], DocDetail | None]) -> None:
            self._loading_docs = False
            rows, (to_clean, to_ocr), batches, detail = result
            self._apply_batches(batches)
            self.docs.apply(rows)
            self._pipeline_counts(to_clean, to_ocr)
            self.middle.setCurrentIndex(1 if not rows and self.batch_filter is None else 0)
            follow = self._follow_doc
            if follow is not None and follow != self.current_doc and self.docs.row_of(follow) >= 0:
                self._follow_doc = None
                self.select_document(follow)  # a scan's new document: its pages show as they come
            elif self.current_doc is None and rows:
                self.select_document(rows[0].id)
            elif detail is not None and detail.doc_id == self.current_doc:
                self._apply_detail(detail)
            if self._refresh_again:
                self.refresh()

        def failed(exc: BaseException) -> None:
            self._loading_docs = False
            self.say(self._error_text(exc), error=True)

        self.run_task(read, done, failed)

    def _apply_batches(self, batches: list[str]) -> None:
        have = [self.batch_box.itemData(i) for i in range(1, self.batch_box.count())]
        for name in batches:
            if name not in have:
                self.batch_box.addItem(name, name)

    def _batch_changed(self, index: int) -> None:
        self.batch_filter = self.batch_box.itemData(index)
        self.current_doc = None
        self.refresh()

    def _counts_changed(self, counts: dict[str, int]) -> None:
        order = ["needs_review", "processing", "failed", "rejected", "confirmed", "approved", "sealed", "synced"]
        parts = [f"{texts.state_name(s)}: {counts[s]}" for s in order if counts.get(s)]
        total = sum(counts.values())
        self.counts.setText(self.tr("%1 documents").replace("%1", str(total)) + (" — " + " · ".join(parts)
                                                                                  if parts else ""))

    def _pipeline_counts(self, to_clean: int, to_ocr: int) -> None:
        if to_clean or to_ocr:
            self.status_pipeline.setText(self.tr("Waiting: %1 for cleanup, %2 for OCR").replace(
                "%1", str(to_clean)).replace("%2", str(to_ocr)))
        else:
            self.status_pipeline.setText(self.tr("Pipeline: idle"))

    def _pipeline_finished(self) -> None:
        if not self._closing:
            self.refresh()

    def _pipeline_progress(self, done: int, total: int) -> None:
        pass  # the counts read from the store say more than one run's progress

    # -- documents ---------------------------------------------------------------------------------
    def select_document(self, doc_id: str | None) -> None:
        row = self.docs.row_of(doc_id) if doc_id else -1
        if row < 0:
            return
        self.doc_view.selectionModel().setCurrentIndex(
            self.docs.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.doc_view.scrollTo(self.docs.index(row, 0))

    def _doc_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        doc_id = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        if doc_id == self.current_doc:
            return
        self.current_doc = doc_id
        self.current_page = None
        self._doc_detail = {}
        self._doc_state = None
        self._update_actions()
        self._refresh_current()

    def _refresh_current(self) -> None:
        """The open document's pages, state and form, read on a worker (never the GUI thread)."""
        doc_id, known = self.current_doc, self._doc_detail.get("key")
        if doc_id is None:
            self.pages.apply(None, [])
            self.form.clear()
            return

        def done(detail: DocDetail) -> None:
            if detail.doc_id == self.current_doc:
                self._apply_detail(detail)

        self.run_task(lambda station: read_detail(station, doc_id, known), done)

    def _apply_detail(self, detail: DocDetail) -> None:
        if detail.doc is None:  # merged away or undone
            self.current_doc = None
            self._doc_state = None
            self.pages.apply(None, [])
            self.form.clear()
            self._update_actions()
            return
        doc = detail.doc
        self._doc_state = doc["state"]
        self.pages.apply(detail.doc_id, detail.pages)
        if self.current_page is None or all(r.id != self.current_page for r in detail.pages):
            if detail.pages:
                self.strip.setCurrentIndex(self.pages.index(len(detail.pages) - 1 if self._following_scan()
                                                            else 0))
        else:
            self._show_page()  # its cleaned image may have just arrived
        if self._following_scan() and detail.pages:
            self.strip.scrollTo(self.pages.index(len(detail.pages) - 1))  # the page that just came in
        if detail.draft is not None and not self._confirming:
            self._doc_detail = {"key": detail.key, "suggestions": doc["suggestions"]}
            self._fill_form(doc, detail.draft)
        self._update_actions()

    def _following_scan(self) -> bool:
        return self.scan_thread is not None

    def changeEvent(self, event: QEvent) -> None:
        """A language switch (station.ui.language): words composed here are composed again."""
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "form"):
            doc = self._doc_detail.get("doc")
            if doc is not None:
                self.form.heading.setText(self._heading(doc))
            if not self._closing:
                self._fit_columns()
                if getattr(self, "archive", None) is not None:
                    self.archive.retranslate()
                self.refresh()  # the counts and the pipeline line
        super().changeEvent(event)

    def _fill_form(self, doc: dict[str, Any], draft: dict[str, str]) -> None:
        self._doc_detail["doc"] = doc
        editable = doc["state"] in ("needs_review", "rejected")
        self.form.load(draft, doc["suggestions"] if doc["state"] != "processing" else {}, doc["metadata"],
                       self._heading(doc), editable)

    def _heading(self, doc: dict[str, Any]) -> str:
        state = doc["state"]
        heading = f"{doc['batch']} · {doc['ordinal']} — {texts.state_name(state)}"
        if doc.get("reject_reason") and state == "rejected":
            heading += "\n" + self.tr("Sent back: %1").replace("%1", texts.reject_note(doc["reject_reason"]))
        if state == "failed" and doc.get("error"):
            heading += "\n" + self.tr("Processing failed: %1").replace("%1", doc["error"])
        if state == "processing":
            heading += "\n" + self.tr("The pages are being cleaned and read; the fields fill in when they are done.")
        return heading

    def _update_actions(self) -> None:
        state = self._doc_state if self.current_doc else None
        page_work = state in ("needs_review", "rejected", "failed") and not self._confirming
        for a in (self.a_rotate_l, self.a_rotate_r, self.a_blank, self.a_remove, self.a_rescan, self.a_insert,
                  self.a_split, self.a_merge, self.a_left, self.a_right, self.a_restore, self.a_scan_more):
            a.setEnabled(page_work and self.scan_thread is None)
        self.a_undo.setEnabled(page_work)
        can_confirm = state in ("needs_review", "rejected") and not self._confirming
        self.a_confirm.setEnabled(can_confirm)
        self.confirm_button.setEnabled(can_confirm)

    def step_document(self, delta: int) -> None:
        row = self.doc_view.currentIndex().row()
        target = max(0, min(self.docs.rowCount() - 1, row + delta))
        if self.docs.rows:
            self.select_document(self.docs.rows[target].id)

    def next_waiting(self) -> str | None:
        """The next document waiting for review after the current one, wrapping round."""
        rows = self.docs.rows
        start = self.docs.row_of(self.current_doc) if self.current_doc else -1
        for i in list(range(start + 1, len(rows))) + list(range(0, max(start, 0))):
            if rows[i].state in ("needs_review", "rejected") and rows[i].id != self.current_doc:
                return rows[i].id
        return None

    # -- pages ---------------------------------------------------------------------------------------
    def _page_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_page = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        self._show_page()

    def _page_row(self) -> Any:
        return next((r for r in self.pages.rows if r.id == self.current_page), None)

    def _viewer_blob(self) -> str | None:
        row = self._page_row()
        if row is None:
            return None
        return row.source_blob if self.show_original or not row.cleaned_blob else row.cleaned_blob

    def _show_page(self) -> None:
        blob = self._viewer_blob()
        if blob is None:
            self.viewer.show_message(self.tr("No page"))
            self.viewer.set_flags("")
            return
        if getattr(self, "_shown_blob", None) != blob:
            self._shown_blob = blob
            self._load_image(blob, VIEW)
        row = self._page_row()
        notes = [texts.flag_name(f) for f in row.flags]
        if row.blank:
            notes.insert(0, self.tr("blank page, kept") if row.keep_blank else self.tr("blank page, left out"))
        if row.cleanup is None:
            notes.insert(0, self.tr("original — cleanup pending"))
        self.viewer.set_flags(" · ".join(notes))

    def _overlays(self) -> None:
        """OCR word boxes: decoding a page's OCR result is a worker's job, kept per page once read."""
        page, row = self.current_page, self._page_row()
        if not (self.show_words and not self.show_original and page is not None and row is not None):
            self.viewer.show_boxes([])
            return
        key = (page, row.cleaned_blob)
        if key in self._word_boxes:
            self.viewer.show_boxes(self._word_boxes[key])
            return

        def read(station: Station) -> list[tuple[float, ...]]:
            ocr = station.store.stage_results(page).get("ocr", {})
            return [(*w["bbox"], w["conf"]) for line in (ocr.get("result") or {}).get("lines", [])
                    for w in line.get("words", [])]

        def done(boxes: list[tuple[float, ...]]) -> None:
            if boxes:
                self._word_boxes[key] = boxes
            if page == self.current_page and self.show_words and not self.show_original:
                self.viewer.show_boxes(boxes)

        self.run_task(read, done)

    def step_page(self, delta: int) -> None:
        row = self.strip.currentIndex().row()
        target = max(0, min(self.pages.rowCount() - 1, row + delta))
        if self.pages.rowCount():
            self.strip.setCurrentIndex(self.pages.index(target))

    def toggle_original(self) -> None:
        self.show_original = self.a_original.isChecked()
        self._show_page()

    def toggle_words(self) -> None:
        self.show_words = self.a_words.isChecked()
        self._overlays()

    def _field_focused(self, key: str) -> None:
        s = self._doc_detail.get("suggestions", {}).get(key)
        if not s or not s.get("bbox"):
            self._pending_highlight_for = None
            self.viewer.highlight(None)
            return
        page_no = int(s.get("page") or 1)
        if 1 <= page_no <= len(self.pages.rows):
            target = self.pages.rows[page_no - 1].id
            if target != self.current_page:
                self.strip.setCurrentIndex(self.pages.index(page_no - 1))
        self._pending_highlight = s["bbox"]
        self._pending_highlight_for = self._viewer_blob()  # put back once that page's image arrives
        self.viewer.highlight(s["bbox"])

    # -- page work -----------------------------------------------------------------------------------
    def _page_op(self, op: Callable[[Any], Any], poke: bool = True) -> None:
        from station.workflow.pages import PageWork

        def run(station: Station) -> Any:
            return op(PageWork(station))

        def done(_result: Any) -> None:
            if poke:
                self.pipeline.poke()
            self.refresh()

        self.run_task(run, done)

    def rotate(self, degrees: int) -> None:
        if self.current_page is not None:
            page = self.current_page
            self._page_op(lambda w: w.rotate(page, degrees, user=self.user))

    def toggle_blank(self) -> None:
        row = self._page_row()
        if row is not None:
            blank = not (row.blank and not row.keep_blank)
            self._page_op(lambda w: w.set_blank(row.id, blank, user=self.user), poke=False)

    def remove_page(self) -> None:
        if self.current_page is not None:
            page = self.current_page
            self._page_op(lambda w: w.remove(page, user=self.user))

    def restore_page(self) -> None:
        doc = self.current_doc
        if doc is None:
            return

        def op(w: Any) -> Any:
            entries = w.bin(doc)
            if not entries:
                raise StationError(self.tr("The bin of this document is empty."))
            return w.restore(entries[-1].id, user=self.user)

        self._page_op(op)

    def move_page(self, delta: int) -> None:
        row = self._page_row()
        if row is not None:
            to = max(1, min(len(self.pages.rows), row.idx + delta))
            self._page_op(lambda w: w.move(row.id, to, user=self.user), poke=False)

    def split_here(self) -> None:
        if self.current_page is not None:
            page = self.current_page
            self._page_op(lambda w: w.split(page, user=self.user))

    def merge_next(self) -> None:
        doc = self.current_doc
        row = self.docs.row_of(doc) if doc else -1
        if row < 0 or row + 1 >= len(self.docs.rows):
            self.say(self.tr("There is no next document to merge with."), error=True)
            return
        other = self.docs.rows[row + 1].id
        self._page_op(lambda w: w.merge(doc, other, user=self.user))

    def undo(self) -> None:
        doc = self.current_doc
        if doc is None:
            return

        def done(action: Any) -> None:
            self.say(self.tr("Undone: %1").replace("%1", str(action)))
            self.pipeline.poke()
            self.refresh()

        from station.workflow.pages import PageWork

        self.run_task(lambda s: PageWork(s).undo(doc, user=self.user), done)

    def insert_files(self) -> None:
        doc = self.current_doc
        if doc is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Insert pages"), "",
                                                self.tr("Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)"))
        if paths:
            self.insert_paths(doc, [Path(p) for p in paths])

    def insert_paths(self, doc: str, paths: list[Path]) -> None:
        from station.workflow.pages import import_pages

        row = self._page_row()
        position = row.idx + 1 if row is not None else 10**6
        self._page_op(lambda w: w.insert(doc, position, import_pages(w.station, paths), user=self.user))

    # -- confirming ----------------------------------------------------------------------------------
    def confirm(self) -> bool:
        """Check the form here (instant), then confirm on a worker: the store's transaction and the
        audit entry never hold the GUI thread. The form is locked and the button says so meanwhile."""
        doc = self.current_doc
        if doc is None or self._confirming or not self.confirm_button.isEnabled():
            return False
        problems = self.form.check()
        if problems:
            self.form.focus_first_problem()
            self.say(self.tr("Not confirmed: correct the fields marked in red."), error=True)
            return False
        sets, user = self.form.entered(), self.user
        self._set_confirming(True)

        def done(_result: Any) -> None:
            self._set_confirming(False)
            self.say(self.tr("Confirmed."))
            nxt = self.next_waiting()
            self._doc_detail = {}
            if nxt:
                self.select_document(nxt)
            self.refresh()

        def failed(exc: BaseException) -> None:
            self._set_confirming(False)
            detail = exc.detail if isinstance(exc, StationError) and isinstance(exc.detail, list) else []
            self.form.show_problems({d["field"]: texts.problem_text(d["message"]) for d in detail})
            self.form.focus_first_problem()
            self.say(self._error_text(exc), error=True)

        self.run_task(lambda station: station.confirm(doc, sets=sets, accept_suggestions=False, user=user),
                      done, failed)
        return True

    def _set_confirming(self, busy: bool) -> None:
        self._confirming = busy
        self.form.setEnabled(not busy and self._doc_state in ("needs_review", "rejected"))
        self.confirm_button.setText(self.tr("Confirming…") if busy
                                    else self.tr("Confirm and go to the next (Ctrl+Enter)"))
        self._update_actions()

    # -- scanning ------------------------------------------------------------------------------------
    def _load_devices(self) -> None:
        from station.workflow.scanning import device_list

        def done(listed: dict[str, Any]) -> None:
            current = self.device_box.currentData()
            self.device_box.clear()
            for d in listed["devices"]:
                self.device_box.addItem(d["name"] + ("" if "sources" in d else " " + self.tr("(not answering)")),
                                        d["id"])
            i = self.device_box.findData(current)
            self.device_box.setCurrentIndex(max(i, 0))

        self.run_task(device_list, done, lambda _e: None)

    def _start_scan(self, **kwargs: Any) -> None:
        if self.scan_thread is not None:
            return
        device = self.device_box.currentData() or str(self.station.settings.get("scanner.default_device"))
        profile = self.profile_box.currentData() or "default"
        self.pipeline.hold()
        t = ScanThread(self.data_dir, device, profile, user=self.user, pipeline=self.pipeline, parent=self,
                       **kwargs)
        t.status.connect(lambda m: self._set_scanner_state(m))
        t.page_started.connect(lambda i: self._set_scanner_state(self.tr("Scanning page %1").replace("%1", str(i))))
        t.page_added.connect(self._page_arrived)
        self._scanned = 0
        t.failed.connect(self._scan_failed)
        t.finished_scan.connect(self._scan_done)
        t.finished.connect(self._scan_thread_ended)
        self.scan_thread = t
        self.a_stop.setEnabled(True)
        self.a_scan.setEnabled(False)
        self._update_actions()
        self._set_scanner_state(self.tr("Scanning…"))
        t.start()

    def scan(self) -> None:
        self._start_scan(batch=self.batch_filter)

    def scan_more(self) -> None:
        if self.current_doc is not None:
            self._start_scan(into=self.current_doc)

    def rescan_page(self) -> None:
        if self.current_page is not None:
            self._start_scan(replace_page=self.current_page)

    def _page_arrived(self, doc_id: str) -> None:
        """A page is in the store: follow its document and read the strip now, not at the next poll."""
        if self._closing:
            return
        self._scanned += 1
        if doc_id:
            self._follow_doc = doc_id
        self._set_scanner_state(self.tr("%1 page(s) received").replace("%1", str(self._scanned)))
        self.refresh()

    def stop_scan(self) -> None:
        if self.scan_thread is not None:
            self.scan_thread.cancel.cancel()
            self._set_scanner_state(self.tr("Stopping…"))

    def _scan_failed(self, failure: BaseException | str) -> None:
        text = failure if isinstance(failure, str) else self._error_text(failure)
        self._set_scanner_state(text)
        self.say(text, error=True)

    def _scan_done(self) -> None:
        if self._closing:
            return
        if not self.last_problem.startswith(self.scan_state.text()):
            self._set_scanner_state(self.tr("Scanner ready"))
        self.pipeline.poke()
        self.refresh()

    def _scan_thread_ended(self) -> None:
        t = self.scan_thread
        self.scan_thread = None
        if t is not None:
            t.deleteLater()
        if self._closing:
            return
        self.pipeline.release()
        self.a_stop.setEnabled(False)
        self.a_scan.setEnabled(True)
        self._update_actions()

    # -- import --------------------------------------------------------------------------------------
    def import_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import files"), "",
                                                self.tr("Images and PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)"))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        batch = self.batch_filter

        def done(report: Any) -> None:
            n = len(report.documents)
            self.say(self.tr("Imported %1 document(s); %2 file(s) refused.").replace("%1", str(n)).replace(
                "%2", str(len(report.refused))), error=bool(report.refused))
            self.pipeline.poke()
            self.refresh()

        self.say(self.tr("Importing…"))
        self.run_task(lambda s: s.import_files(paths, batch=batch, user=self.user), done)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # -- settings and closing -----------------------------------------------------------------------
    def open_settings(self, tab: str | None = None) -> None:
        from station.ui.settings import SettingsDialog

        dialog = SettingsDialog(self.station, self, session=self.supervision.session, link=self.archive)
        if tab == "archive":
            dialog.tabs.setCurrentWidget(dialog.archive)
        self.settings_dialog = dialog  # the tests reach the open dialog through it
        dialog.exec()
        self.settings_dialog = None
        dialog.deleteLater()
        if dialog.language_changed_to:
            self.refresh()  # counts and states in the new words

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True
        self.timer.stop()
        self.supervision.shutdown()
        self.archive.shutdown()
        threads = running_threads()
        if self.scan_thread is not None:
            self.scan_thread.stop()
        stop_all(threads)
        self.workers.shutdown()
        self.form.detach()
        self.station.close()
        super().closeEvent(event)


def show_problem(parent: QWidget, text: str) -> None:
    QMessageBox.warning(parent, parent.tr("Scanning station"), text)
