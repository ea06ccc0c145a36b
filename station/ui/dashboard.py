"""The progress dashboard: how far the office is from digitizing 100 % of its paper records.

Shows station.workflow.progress.progress_report as it is (the same figures as `station report
--json`): per procedure and overall, digitized / approved / archived against the inventory, per
operator and per day, and the sync backlog. The report is computed on a worker thread; the CSV and
PDF exports and the inventory import are progress.py's, run on a worker too, each checked against
the role and written to the audit log.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station.auth import Action

if TYPE_CHECKING:
    from station.ui.supervision import Supervision
    from station.ui.window import MainWindow


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} %"


class Dashboard(QWidget):
    def __init__(self, window: MainWindow, supervision: Supervision) -> None:
        super().__init__()
        self.setObjectName("dashboard")
        self.window_ = window
        self.supervision = supervision
        self.report: dict[str, Any] | None = None
        self._loading = False
        self._again = False

        v = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Progress toward 100 %"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        top.addWidget(title)
        self.generated = QLabel()
        self.generated.setObjectName("generated")
        self.generated.setStyleSheet("color: #555;")
        top.addWidget(self.generated)
        top.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.inventory_button = QPushButton(self.tr("Import inventory (CSV)…"))
        self.inventory_button.setObjectName("inventory_button")
        self.inventory_button.clicked.connect(self.import_inventory_dialog)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.setObjectName("export_csv")
        self.csv_button.clicked.connect(lambda: self.export_dialog("csv"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.setObjectName("export_pdf")
        self.pdf_button.clicked.connect(lambda: self.export_dialog("pdf"))
        for b in (self.refresh_button, self.inventory_button, self.csv_button, self.pdf_button):
            top.addWidget(b)
        v.addLayout(top)

        grid = QGridLayout()
        self.bars: dict[str, QProgressBar] = {}
        self.figures: dict[str, QLabel] = {}
        names = {"digitized": self.tr("Digitized"), "approved": self.tr("Approved"), "archived": self.tr("Archived")}
        for row, (key, name) in enumerate(names.items()):
            label = QLabel(name)
            label.setStyleSheet("font-weight: 600;")
            grid.addWidget(label, row, 0)
            bar = QProgressBar()
            bar.setObjectName(f"bar_{key}")
            bar.setRange(0, 1000)
            bar.setTextVisible(True)
            grid.addWidget(bar, row, 1)
            figure = QLabel()
            figure.setObjectName(f"figure_{key}")
            grid.addWidget(figure, row, 2)
            self.bars[key], self.figures[key] = bar, figure
        grid.setColumnStretch(1, 1)
        v.addLayout(grid)
        self.notes = QLabel()
        self.notes.setObjectName("dashboard_notes")
        self.notes.setWordWrap(True)
        v.addWidget(self.notes)

        self.procedures = self._table("procedures", [
            self.tr("Procedure"), self.tr("Files"), self.tr("Documents expected"), self.tr("Pages expected"),
            self.tr("Documents digitized"), self.tr("Pages digitized"), self.tr("% digitized"),
            self.tr("Documents approved"), self.tr("% approved"), self.tr("Documents archived"), self.tr("% archived")])
        self.operators = self._table("operators", [
            self.tr("Operator"), self.tr("Documents confirmed"), self.tr("Pages"), self.tr("Approved"),
            self.tr("Sent back")])
        self.days = self._table("days", [
            self.tr("Day"), self.tr("Documents digitized"), self.tr("Pages digitized"), self.tr("Confirmed"),
            self.tr("Approved")])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self._titled(self.tr("Per procedure"), self.procedures))
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self._titled(self.tr("Per operator"), self.operators))
        lower.addWidget(self._titled(self.tr("Per day"), self.days))
        split.addWidget(lower)
        v.addWidget(split, 1)

    def _table(self, name: str, headers: list[str]) -> QTableWidget:
        t = QTableWidget(0, len(headers))
        t.setObjectName(name)
        t.setHorizontalHeaderLabels(headers)
        t.verticalHeader().hide()
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setMinimumSectionSize(70)
        return t

    def _titled(self, title: str, table: QTableWidget) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.setContentsMargins(0, 4, 0, 0)
        label = QLabel(title)
        label.setStyleSheet("font-weight: 600;")
        v.addWidget(label)
        v.addWidget(table)
        return w

    def apply_role(self) -> None:
        s = self.supervision.session
        self.inventory_button.setVisible(s.can(Action.INVENTORY_IMPORT))
        for b in (self.csv_button, self.pdf_button, self.refresh_button):
            b.setEnabled(s.can(Action.VIEW_REPORT))

    # -- reading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        user = self.supervision.session

        def read(station: Any) -> dict[str, Any]:
            from station.workflow.progress import progress_report

            station.accounts.require(user, Action.VIEW_REPORT)
            return progress_report(station)

        def done(report: dict[str, Any]) -> None:
            self._loading = False
            self.show_report(report)
            if self._again:
                self._again = False
                self.refresh()

        def failed(exc: BaseException) -> None:
            self._loading = False
            self.window_.say(self.window_._error_text(exc), error=True)

        self.window_.run_task(read, done, failed)

    def show_report(self, report: dict[str, Any]) -> None:
        self.report = report
        o = report["overall"]
        self.generated.setText(self.tr("as of %1").replace("%1", report["generated_at"][:16].replace("T", " ")))
        for key, bar in self.bars.items():
            percent = o[f"{key}_percent"]
            bar.setValue(0 if percent is None else min(1000, round(10 * percent)))
            bar.setFormat(_pct(percent))
            self.figures[key].setText(
                self.tr("%1 of %2 documents · %3 of %4 pages").replace("%1", str(o[f"{key}_documents"])).replace(
                    "%2", str(o["expected_documents"])).replace("%3", str(o[f"{key}_pages"])).replace(
                    "%4", str(o["expected_pages"])))
        notes = []
        if not o["files"]:
            notes.append(self.tr("No inventory yet: import the list of paper files (Supervision → Import "
                                 "inventory) to see percentages."))
        else:
            notes.append(self.tr("Inventory: %1 paper file(s).").replace("%1", str(o["files"])))
        outside = report["outside_inventory"]["digitized_documents"]
        if outside:
            notes.append(self.tr("%1 digitized document(s) are not in the inventory (their file code is not "
                                 "listed); they are not counted in the percentages.").replace("%1", str(outside)))
        b = report["sync_backlog"]
        notes.append(self.tr("Waiting to go to the archive: %1 document(s), %2 page(s).").replace(
            "%1", str(b["documents"])).replace("%2", str(b["pages"])))
        self.notes.setText("\n".join(notes))
        rows = [[p["procedure"] or self.tr("(no procedure)"), p["files"], p["expected_documents"],
                 p["expected_pages"], p["digitized_documents"], p["digitized_pages"], _pct(p["digitized_percent"]),
                 p["approved_documents"], _pct(p["approved_percent"]), p["archived_documents"],
                 _pct(p["archived_percent"])] for p in report["procedures"]]
        rows.append([self.tr("Total"), o["files"], o["expected_documents"], o["expected_pages"],
                     o["digitized_documents"], o["digitized_pages"], _pct(o["digitized_percent"]),
                     o["approved_documents"], _pct(o["approved_percent"]), o["archived_documents"],
                     _pct(o["archived_percent"])])
        self._fill(self.procedures, rows, bold_last=True)
        self._fill(self.operators, [[x["operator"], x["confirmed_documents"], x["confirmed_pages"],
                                     x["approved_documents"], x["rejected_documents"]] for x in report["operators"]])
        self._fill(self.days, [[d["day"], d["digitized_documents"], d["digitized_pages"], d["confirmed_documents"],
                                d["approved_documents"]] for d in reversed(report["days"])])

    def _fill(self, table: QTableWidget, rows: list[list[Any]], bold_last: bool = False) -> None:
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                cell = QTableWidgetItem(str(value))
                if c:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if bold_last and r == len(rows) - 1:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                table.setItem(r, c, cell)

    # -- exports and the inventory -------------------------------------------------------------------
    def export_dialog(self, kind: str) -> None:
        filters = {"csv": self.tr("CSV table (*.csv)"), "pdf": self.tr("PDF document (*.pdf)")}
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the progress report"),
                                              f"bao-cao-tien-do.{kind}", filters[kind])
        if path:
            self.export(kind, Path(path))

    def export(self, kind: str, path: Path) -> None:
        user = self.supervision.session

        def write(station: Any) -> Path:
            from station.workflow import progress

            actor = station.accounts.require(user, Action.VIEW_REPORT, path.name).name
            report = progress.progress_report(station)
            (progress.report_csv if kind == "csv" else progress.report_pdf)(report, path)
            station.store.log("report_export", user=actor, obj=path.name, format=kind)
            return path

        self.window_.say(self.tr("Writing the report…"))
        self.window_.run_task(write, lambda p: self.window_.say(self.tr("Report written to %1").replace("%1", str(p))))

    def import_inventory_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import the inventory of paper files"), "",
                                              self.tr("CSV table (*.csv)"))
        if path:
            self.import_inventory(Path(path))

    def import_inventory(self, path: Path) -> None:
        user = self.supervision.session

        def load(station: Any) -> dict[str, Any]:
            from station.workflow.progress import import_inventory

            return import_inventory(station, path, user=user)

        def done(result: dict[str, Any]) -> None:
            self.window_.say(self.tr("Inventory imported: %1 paper file(s), %2 new.").replace(
                "%1", str(result["files"])).replace("%2", str(result["added"])))
            self.refresh()

        self.window_.run_task(load, done)
