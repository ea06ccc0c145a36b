"""Progress toward 100 %: the inventory of paper records and what the station has done with them.

`import_inventory` reads the office's list of paper files (CSV: file_code, procedure,
expected_documents, expected_pages[, title]); `progress_report` counts, per procedure and overall,
documents and pages digitized (processed, past OCR), approved (approved, sealed or synced) and
archived (synced to the archive) against that inventory, and per operator and per day; the sync
backlog is what is sealed and not yet at the archive. Only real data: nothing is estimated.
`report_csv` and `report_pdf` write the same figures for people who print or open them in a
spreadsheet. The GUI's dashboard reads `progress_report` too.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station.auth import Action, Session
from station.domain import DocState
from station.errors import BadInput
from station.files import atomic_write
from station.store.db import now

if TYPE_CHECKING:
    from station.workflow.station import Station

INVENTORY_COLUMNS = ("file_code", "procedure", "expected_documents", "expected_pages")
# Headers as offices write them in Vietnamese spreadsheets, folded to the station's names.
HEADER_ALIASES = {
    "file_code": "file_code", "mã hồ sơ": "file_code", "ma ho so": "file_code",
    "procedure": "procedure", "procedure_code": "procedure", "thủ tục": "procedure", "mã thủ tục": "procedure",
    "expected_documents": "expected_documents", "documents": "expected_documents", "số văn bản": "expected_documents",
    "expected_pages": "expected_pages", "pages": "expected_pages", "số trang": "expected_pages",
    "title": "title", "tiêu đề hồ sơ": "title", "tên hồ sơ": "title",
}
MAX_INVENTORY_BYTES = 50 * 1024 * 1024

DIGITIZED = tuple(s.value for s in DocState if s not in (DocState.PROCESSING, DocState.FAILED))
APPROVED = (DocState.APPROVED.value, DocState.SEALED.value, DocState.SYNCED.value)
ARCHIVED = (DocState.SYNCED.value,)
NO_PROCEDURE = ""


def _nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def _count(value: str, line: int, column: str) -> int:
    try:
        n = int(value.strip())
    except ValueError:
        raise BadInput(f"Line {line} of the inventory: {column} must be a whole number, not {value!r}; "
                       "fix the file and import it again.") from None
    if n < 0:
        raise BadInput(f"Line {line} of the inventory: {column} cannot be negative; fix the file and import it again.")
    return n


def read_inventory(path: Path) -> list[dict[str, Any]]:
    """Rows of an inventory CSV (UTF-8, with or without BOM; comma or semicolon); BadInput names the line."""
    if not path.is_file():
        raise BadInput(f"{path}: there is no such file; check the path.")
    if path.stat().st_size > MAX_INVENTORY_BYTES:
        raise BadInput(f"{path} is larger than {MAX_INVENTORY_BYTES // 2**20} MiB; split the inventory.")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput(f"{path} is not UTF-8 text; save the inventory as CSV UTF-8 and import it again.") from None
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header:
        raise BadInput(f"{path} is empty; an inventory has a header line: {', '.join(INVENTORY_COLUMNS)}.")
    names = [HEADER_ALIASES.get(_nfc(h).casefold(), _nfc(h).casefold()) for h in header]
    missing = [c for c in INVENTORY_COLUMNS if c not in names]
    if missing:
        raise BadInput(f"{path} lacks the column(s) {', '.join(missing)}; the header must name "
                       f"{', '.join(INVENTORY_COLUMNS)} (title is optional).")
    rows: dict[str, dict[str, Any]] = {}
    for line, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(names):
            raise BadInput(f"Line {line} of the inventory has {len(values)} fields, the header {len(names)}; "
                           "fix the file and import it again.")
        raw = dict(zip(names, values, strict=True))
        code = _nfc(raw["file_code"])
        if not code:
            raise BadInput(f"Line {line} of the inventory has no file_code; fix the file and import it again.")
        if code in rows:
            raise BadInput(f"Line {line} of the inventory repeats file_code {code}; each paper file is listed once.")
        rows[code] = {
            "file_code": code,
            "procedure": _nfc(raw["procedure"]),
            "expected_documents": _count(raw["expected_documents"], line, "expected_documents"),
            "expected_pages": _count(raw["expected_pages"], line, "expected_pages"),
            "title": _nfc(raw.get("title", "")),
        }
    if not rows:
        raise BadInput(f"{path} lists no paper files; add one line per file under the header.")
    return list(rows.values())


def import_inventory(station: Station, path: Path, *, user: str | Session) -> dict[str, Any]:
    """Add or update the listed paper files (all or nothing); files not listed stay as they were."""
    actor = station.accounts.require(user, Action.INVENTORY_IMPORT, str(path)).name
    rows = read_inventory(path)
    stamp = now()
    with station.store.transaction():
        known = {r[0] for r in station.store.db.execute("SELECT file_code FROM inventory")}
        for r in rows:
            station.store.db.execute(
                "INSERT INTO inventory(file_code, procedure, expected_documents, expected_pages, title, imported_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(file_code) DO UPDATE SET procedure = excluded.procedure,"
                " expected_documents = excluded.expected_documents, expected_pages = excluded.expected_pages,"
                " title = excluded.title, imported_at = excluded.imported_at",
                (r["file_code"], r["procedure"], r["expected_documents"], r["expected_pages"], r["title"], stamp))
        added = sum(r["file_code"] not in known for r in rows)
        station.store.log("inventory_import", user=actor, obj=path.name, added=added, updated=len(rows) - added)
    return {"files": len(rows), "added": added, "updated": len(rows) - added,
            "expected_documents": sum(r["expected_documents"] for r in rows),
            "expected_pages": sum(r["expected_pages"] for r in rows)}


# -- figures ---------------------------------------------------------------------------------------
def _blank_figures() -> dict[str, int]:
    return {f"{what}_{unit}": 0 for what in ("digitized", "approved", "archived") for unit in ("documents", "pages")}


def _add(fig: dict[str, int], state: str, pages: int) -> None:
    for what, states in (("digitized", DIGITIZED), ("approved", APPROVED), ("archived", ARCHIVED)):
        if state in states:
            fig[f"{what}_documents"] += 1
            fig[f"{what}_pages"] += pages


def _percent(done: int, expected: int) -> float | None:
    return round(100.0 * done / expected, 1) if expected else None


def _with_percent(fig: dict[str, Any]) -> dict[str, Any]:
    for what in ("digitized", "approved", "archived"):
        fig[f"{what}_percent"] = _percent(fig[f"{what}_documents"], fig.get("expected_documents", 0))
    return fig


def _documents(station: Station) -> list[dict[str, Any]]:
    """Every document with what the report needs: state, pages kept, file codes, procedure, people, dates."""
    from station.workflow.review import procedure_of

    rows = station.store.db.execute(
        "SELECT d.id, d.state, d.metadata, d.batch_id, d.confirmed_by, d.created_at, d.confirmed_at, d.decided_at,"
        " d.updated_at, (SELECT COUNT(*) FROM pages p LEFT JOIN page_stages s ON s.page_id = p.id"
        "   AND s.stage = 'cleanup' WHERE p.document_id = d.id"
        "   AND (p.keep_blank OR COALESCE(json_extract(s.result, '$.blank'), 0) = 0)) AS pages"
        " FROM documents d ORDER BY d.created_at, d.id").fetchall()
    batches: dict[int, dict[str, Any]] = {}
    out = []
    for r in rows:
        if r["batch_id"] not in batches:
            batches[r["batch_id"]] = station.store.batch_settings(r["batch_id"])
        batch = batches[r["batch_id"]]
        meta = json.loads(r["metadata"])
        codes = {str(v).strip() for v in (meta.get("file_code"), meta.get("paper_file_code"),
                                          batch.get("file_code"), batch.get("paper_file_code")) if v}
        out.append({**dict(r), "codes": codes, "procedure": procedure_of({"metadata": meta}, batch)})
    return out


def progress_report(station: Station) -> dict[str, Any]:
    """The dashboard's figures (and `station report --json`)."""
    inventory = [dict(r) for r in station.store.db.execute("SELECT * FROM inventory ORDER BY procedure, file_code")]
    by_code = {r["file_code"]: r for r in inventory}
    procedures: dict[str, dict[str, Any]] = {}

    def proc(name: str) -> dict[str, Any]:
        return procedures.setdefault(name, {"procedure": name, "files": 0, "expected_documents": 0,
                                            "expected_pages": 0, **_blank_figures()})

    for r in inventory:
        p = proc(r["procedure"])
        p["files"] += 1
        p["expected_documents"] += r["expected_documents"]
        p["expected_pages"] += r["expected_pages"]
    unmatched = _blank_figures()
    operators: dict[str, dict[str, Any]] = {}
    days: dict[str, dict[str, int]] = defaultdict(lambda: {"digitized_documents": 0, "digitized_pages": 0,
                                                           "confirmed_documents": 0, "approved_documents": 0})
    backlog = {"documents": 0, "pages": 0}
    outside: dict[str, int] = defaultdict(int)
    for d in _documents(station):
        match = next((by_code[c] for c in sorted(d["codes"]) if c in by_code), None)
        # Against the inventory: a document counts for its paper file's procedure; one whose file code
        # is not in the inventory is reported apart, so it never inflates a percentage.
        _add(proc(match["procedure"]) if match else unmatched, d["state"], d["pages"])
        if not match and d["state"] in DIGITIZED:
            outside[d["procedure"]] += 1
        if d["state"] in DIGITIZED:
            day = days[d["created_at"][:10]]
            day["digitized_documents"] += 1
            day["digitized_pages"] += d["pages"]
        if d["confirmed_by"] and d["state"] not in (DocState.PROCESSING.value, DocState.NEEDS_REVIEW.value):
            op = operators.setdefault(d["confirmed_by"], {"operator": d["confirmed_by"], "confirmed_documents": 0,
                                                          "confirmed_pages": 0, "approved_documents": 0,
                                                          "rejected_documents": 0})
            op["confirmed_documents"] += 1
            op["confirmed_pages"] += d["pages"]
            op["approved_documents"] += d["state"] in APPROVED
            op["rejected_documents"] += d["state"] == DocState.REJECTED.value
            if d["confirmed_at"]:
                days[d["confirmed_at"][:10]]["confirmed_documents"] += 1
        if d["state"] in APPROVED and d["decided_at"]:
            days[d["decided_at"][:10]]["approved_documents"] += 1
        if d["state"] == DocState.SEALED.value:
            backlog["documents"] += 1
            backlog["pages"] += d["pages"]
    overall = {"files": len(inventory), "expected_documents": sum(r["expected_documents"] for r in inventory),
               "expected_pages": sum(r["expected_pages"] for r in inventory), **_blank_figures()}
    for p in procedures.values():
        for key in _blank_figures():
            overall[key] += p[key]
    return {
        "generated_at": now(),
        "station": station.store.station_id,
        "overall": _with_percent(overall),
        "procedures": [_with_percent(procedures[k]) for k in sorted(procedures)],
        "outside_inventory": {**unmatched, "by_procedure": [{"procedure": k, "digitized_documents": outside[k]}
                                                            for k in sorted(outside)]},
        "operators": [operators[k] for k in sorted(operators, key=str.casefold)],
        "days": [{"day": k, **days[k]} for k in sorted(days)],
        "sync_backlog": backlog,
    }


# -- CSV and PDF -----------------------------------------------------------------------------------
CSV_COLUMNS = ("section", "name", "expected_documents", "expected_pages", "digitized_documents", "digitized_pages",
               "approved_documents", "approved_pages", "archived_documents", "archived_pages", "digitized_percent",
               "approved_percent", "archived_percent", "confirmed_documents", "rejected_documents")


def report_csv(report: dict[str, Any], out: Path) -> None:
    """One table, a `section` column (overall, procedure, operator, day, sync_backlog); UTF-8 with BOM for Excel."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerow({"section": "overall", "name": "", **report["overall"]})
    for p in report["procedures"]:
        writer.writerow({"section": "procedure", "name": p["procedure"], **p})
    if report["outside_inventory"]["digitized_documents"]:
        writer.writerow({"section": "outside_inventory", "name": "", **report["outside_inventory"]})
    for o in report["operators"]:
        writer.writerow({"section": "operator", "name": o["operator"], "digitized_pages": o["confirmed_pages"],
                         "approved_documents": o["approved_documents"], **o})
    for d in report["days"]:
        writer.writerow({"section": "day", "name": d["day"], **d})
    writer.writerow({"section": "sync_backlog", "name": "", "approved_documents": "",
                     "digitized_documents": report["sync_backlog"]["documents"],
                     "digitized_pages": report["sync_backlog"]["pages"]})
    atomic_write(out, buf.getvalue().encode("utf-8-sig"))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} %"


def report_pdf(report: dict[str, Any], out: Path, *, office: str = "") -> None:
    """A printable report in Vietnamese with an embedded TrueType font (station.pdf's font finder)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from station.pdf.textlayer import fonts

    font = fonts()[0].name
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=20, spaceAfter=4 * mm)
    head = ParagraphStyle("head", fontName=font, fontSize=12, leading=15, spaceBefore=4 * mm, spaceAfter=2 * mm)
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)

    def table(rows: list[list[Any]]) -> Table:
        t = Table([[str(c) for c in row] for row in rows], repeatRows=1)
        t.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), font, 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde4ee")),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ]))
        return t

    o = report["overall"]
    story: list[Any] = [
        Paragraph("Báo cáo tiến độ số hóa hồ sơ", title),
        Paragraph(f"Trạm: {report['station']}{' — ' + office if office else ''} · Lập lúc: {report['generated_at']}",
                  body),
        Paragraph("Tổng hợp theo thủ tục hành chính", head),
    ]
    header = ["Thủ tục", "Hồ sơ", "VB dự kiến", "Trang dự kiến", "VB đã số hóa", "Trang đã số hóa", "% số hóa",
              "VB đã duyệt", "% duyệt", "VB đã lưu trữ", "% lưu trữ"]
    rows: list[list[Any]] = [header]
    for p in report["procedures"]:
        rows.append([p["procedure"] or "(chưa có thủ tục)", p["files"], p["expected_documents"], p["expected_pages"],
                     p["digitized_documents"], p["digitized_pages"], _pct(p["digitized_percent"]),
                     p["approved_documents"], _pct(p["approved_percent"]), p["archived_documents"],
                     _pct(p["archived_percent"])])
    rows.append(["Tổng cộng", o["files"], o["expected_documents"], o["expected_pages"], o["digitized_documents"],
                 o["digitized_pages"], _pct(o["digitized_percent"]), o["approved_documents"],
                 _pct(o["approved_percent"]), o["archived_documents"], _pct(o["archived_percent"])])
    story.append(table(rows))
    outside = report["outside_inventory"]["digitized_documents"]
    if outside:
        story.append(Paragraph(f"Văn bản không thuộc danh mục hồ sơ: {outside}", body))
    story.append(Paragraph("Theo người thực hiện", head))
    story.append(table([["Người xác nhận", "VB đã xác nhận", "Trang", "VB đã duyệt", "VB bị trả lại"]]
                       + [[x["operator"], x["confirmed_documents"], x["confirmed_pages"], x["approved_documents"],
                           x["rejected_documents"]] for x in report["operators"]]))
    story.append(Paragraph("Theo ngày", head))
    story.append(table([["Ngày", "VB đã số hóa", "Trang đã số hóa", "VB đã xác nhận", "VB đã duyệt"]]
                       + [[d["day"], d["digitized_documents"], d["digitized_pages"], d["confirmed_documents"],
                           d["approved_documents"]] for d in report["days"]]))
    b = report["sync_backlog"]
    story += [Spacer(1, 4 * mm),
              Paragraph(f"Chờ đồng bộ lên kho lưu trữ: {b['documents']} văn bản, {b['pages']} trang", body)]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), title="Báo cáo tiến độ số hóa", author="station",
                            leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
                            initialFontName=font, invariant=True)
    doc.build(story)
    atomic_write(out, buf.getvalue())

