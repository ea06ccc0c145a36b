"""Page work on a document before it is confirmed: reorder, rotate, blank, remove, rescan, insert, split, merge.

Every change is journalled with a snapshot of the documents it touches (their rows, pages,
stage results and bin), so the operator can undo it, in reverse order, until the document is
confirmed. Snapshots hold rows, not images: page images are content-addressed and never
deleted, so restoring a row restores its picture.

Page work waits until a document's pages are processed (needs review, rejected or failed): a
page still in the pipeline could otherwise have its result recorded after the change. A change
that alters what the pages say (rotate, rescan, insert, remove, split, merge) sends the document
back to processing, so its OCR and metadata suggestions are made again by the next pipeline run.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image

from station.domain import DocState, Stage
from station.errors import NotAllowed, NotFound, ScannerError, StationError, UsageError
from station.store.db import NewPage, now

if TYPE_CHECKING:
    from station.scanner.base import CancelToken, ScanEvents, ScanOptions
    from station.workflow.station import Station

EDITABLE = (DocState.NEEDS_REVIEW, DocState.REJECTED, DocState.FAILED)
_PAGE_COLUMNS = ("id", "document_id", "idx", "source_name", "source_page", "source_blob", "width", "height", "dpi",
                 "dpi_source", "mode", "keep_blank", "created_at")
_TRANSPOSE = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_90}


@dataclass
class BinEntry:
    id: int
    document_id: str
    removed_at: str
    removed_by: str | None
    source_name: str
    page_id: int


class PageWork:
    """The page operations of one station; each call is one transaction and one undo step."""

    def __init__(self, station: Station) -> None:
        self.station = station
        self.store = station.store
        self.db = station.store.db

    # -- checks and journal ------------------------------------------------------------------
    def _page(self, page_id: int) -> dict[str, Any]:
        row = self.db.execute("SELECT * FROM pages WHERE id = ?", (page_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no page {page_id}; it may have been removed to the bin.")
        return dict(row)

    def _editable(self, doc_id: str) -> dict[str, Any]:
        doc = self.store.document(doc_id)
        if DocState(doc["state"]) not in EDITABLE:
            if doc["state"] == DocState.PROCESSING.value:
                raise UsageError(f"Document {doc_id} is still being processed; wait until its pages are ready.")
            raise NotAllowed(f"Document {doc_id} is {doc['state']}; its pages can no longer be changed.")
        return doc

    def _snapshot(self, doc_ids: list[str]) -> dict[str, Any]:
        snap: dict[str, Any] = {}
        for doc_id in doc_ids:
            row = self.db.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                snap[doc_id] = None
                continue
            pages = [dict(r) for r in self.db.execute("SELECT * FROM pages WHERE document_id = ?", (doc_id,))]
            stages = [dict(r) for r in self.db.execute(
                "SELECT s.* FROM page_stages s JOIN pages p ON p.id = s.page_id WHERE p.document_id = ?", (doc_id,))]
            binned = [dict(r) for r in self.db.execute("SELECT * FROM page_bin WHERE document_id = ?", (doc_id,))]
            snap[doc_id] = {"document": dict(row), "pages": pages, "stages": stages, "bin": binned}
        return snap

    @contextmanager
    def _change(self, action: str, doc_ids: list[str], user: str | None, **detail: Any) -> Iterator[list[str]]:
        """One transaction and one journal entry; documents the change creates go in the yielded list."""
        with self.store.transaction():
            before = self._snapshot(doc_ids)
            created: list[str] = []
            yield created
            for new_id in created:
                before[new_id] = None  # undo deletes it again
            doc_ids = doc_ids + created
            self.store.log(f"page_{action}", user=user, obj=doc_ids[0], **detail)
            event_id = self.db.execute("SELECT MAX(id) FROM events").fetchone()[0]
            self.db.execute(
                "INSERT INTO page_actions(at, user, action, event_id, documents, before) VALUES (?, ?, ?, ?, ?, ?)",
                (now(), user, action, event_id, json.dumps(doc_ids), json.dumps(before, ensure_ascii=False)),
            )

    def _reprocess(self, doc_id: str) -> None:
        if self.store.document(doc_id)["state"] != DocState.PROCESSING.value:
            self.store.set_state(doc_id, DocState.PROCESSING, error=None)

    def _renumber(self, doc_id: str, ordered: list[int]) -> None:
        self.db.execute("UPDATE pages SET idx = -idx - 1000000 WHERE document_id = ?", (doc_id,))
        for idx, page_id in enumerate(ordered, start=1):
            self.db.execute("UPDATE pages SET idx = ?, document_id = ? WHERE id = ?", (idx, doc_id, page_id))

    def _order(self, doc_id: str) -> list[int]:
        return [int(r[0]) for r in self.db.execute(
            "SELECT id FROM pages WHERE document_id = ? ORDER BY idx", (doc_id,))]

    # -- operations ----------------------------------------------------------------------------
    def move(self, page_id: int, to_index: int, *, user: str | None = None) -> None:
        """Put a page at 1-based position `to_index` of its document."""
        page = self._page(page_id)
        doc_id = page["document_id"]
        self._editable(doc_id)
        order = self._order(doc_id)
        if not 1 <= to_index <= len(order):
            raise UsageError(f"Position {to_index} is outside the document's pages 1-{len(order)}.")
        if order.index(page_id) + 1 == to_index:
            return
        with self._change("move", [doc_id], user, page=page_id, to=to_index):
            order.remove(page_id)
            order.insert(to_index - 1, page_id)
            self._renumber(doc_id, order)

    def rotate(self, page_id: int, degrees: int, *, user: str | None = None) -> None:
        """Turn a page clockwise by 90, 180 or 270 degrees; its OCR runs again on the turned page."""
        degrees %= 360
        if degrees not in _TRANSPOSE:
            raise UsageError(f"A page turns by 90, 180 or 270 degrees, not {degrees}.")
        page = self._page(page_id)
        doc_id = page["document_id"]
        self._editable(doc_id)
        stages = self.store.stage_results(page_id)
        cleanup = stages.get(Stage.CLEANUP.value)
        with self._change("rotate", [doc_id], user, page=page_id, degrees=degrees):
            if cleanup and cleanup["status"] == "done" and cleanup["blob"]:
                blob, width, height = self._turned(cleanup["blob"], degrees)
                result = dict(cleanup["result"])
                result["width"], result["height"] = width, height
                result["orientation_deg"] = (int(result.get("orientation_deg") or 0) - degrees) % 360
                result["turned_by_operator"] = (int(result.get("turned_by_operator") or 0) + degrees) % 360
                self.store.record_stage(page_id, Stage.CLEANUP, ok=True, result=result, blob=blob,
                                        seconds=cleanup["seconds"])
                self.db.execute("DELETE FROM page_stages WHERE page_id = ? AND stage = ?", (page_id, Stage.OCR.value))
            else:
                blob, width, height = self._turned(page["source_blob"], degrees)
                self.db.execute("UPDATE pages SET source_blob = ?, width = ?, height = ? WHERE id = ?",
                                (blob, width, height, page_id))
                self.db.execute("DELETE FROM page_stages WHERE page_id = ?", (page_id,))
            self._reprocess(doc_id)

    def _turned(self, blob: str, degrees: int) -> tuple[str, int, int]:
        path = self.store.blobs.path(blob)
        with Image.open(path) as im:
            dpi = im.info.get("dpi")
            fmt = "PNG" if path.suffix.lower() == ".png" else "JPEG" if path.suffix.lower() in (".jpg", ".jpeg") \
                else "TIFF"
            turned = im.transpose(_TRANSPOSE[degrees])
        buf = io.BytesIO()
        options: dict[str, Any] = {"dpi": dpi} if dpi else {}
        if fmt == "JPEG":
            options["quality"] = 90
        turned.save(buf, fmt, **options)
        return self.store.blobs.put(buf.getvalue(), path.suffix.lower()), turned.width, turned.height

    def set_blank(self, page_id: int, blank: bool, *, user: str | None = None) -> None:
        """Mark a page blank (left out of the PDF) or keep it; the cleanup's own finding is kept beside."""
        page = self._page(page_id)
        doc_id = page["document_id"]
        self._editable(doc_id)
        cleanup = self.store.stage_results(page_id).get(Stage.CLEANUP.value)
        if not cleanup or cleanup["status"] != "done":
            raise UsageError(f"Page {page['idx']} has not been cleaned yet; rescan or remove it instead.")
        result = dict(cleanup["result"])
        detected = bool(result.get("blank_detected", result.get("blank")))
        with self._change("blank" if blank else "unblank", [doc_id], user, page=page_id):
            result["blank_detected"] = detected
            if blank:
                result["blank"] = True
                keep = False
            else:
                # A page the cleanup found blank stays marked so, kept by the operator; one the
                # operator marked is simply unmarked.
                result["blank"] = detected
                keep = detected
            self.store.record_stage(page_id, Stage.CLEANUP, ok=True, result=result, blob=cleanup["blob"],
                                    seconds=cleanup["seconds"])
            self.db.execute("UPDATE pages SET keep_blank = ? WHERE id = ?", (int(keep), page_id))

    def remove(self, page_id: int, *, user: str | None = None) -> int:
        """Move a page to its document's bin, from where `restore` brings it back."""
        page = self._page(page_id)
        doc_id = page["document_id"]
        self._editable(doc_id)
        order = self._order(doc_id)
        if len(order) == 1:
            raise UsageError("This is the document's only page; scan a replacement first, or rescan it in place.")
        stages = [dict(r) for r in self.db.execute("SELECT * FROM page_stages WHERE page_id = ?", (page_id,))]
        with self._change("remove", [doc_id], user, page=page_id):
            cur = self.db.execute(
                "INSERT INTO page_bin(document_id, removed_at, removed_by, page, stages) VALUES (?, ?, ?, ?, ?)",
                (doc_id, now(), user, json.dumps(page, ensure_ascii=False), json.dumps(stages, ensure_ascii=False)),
            )
            self.db.execute("DELETE FROM pages WHERE id = ?", (page_id,))
            order.remove(page_id)
            self._renumber(doc_id, order)
            self._reprocess(doc_id)
        return int(cur.lastrowid or 0)

    def bin(self, doc_id: str) -> list[BinEntry]:
        rows = self.db.execute("SELECT * FROM page_bin WHERE document_id = ? ORDER BY id", (doc_id,))
        out = []
        for r in rows:
            page = json.loads(r["page"])
            out.append(BinEntry(int(r["id"]), r["document_id"], r["removed_at"], r["removed_by"],
                                page["source_name"], int(page["id"])))
        return out

    def restore(self, bin_id: int, *, user: str | None = None) -> int:
        """Bring a removed page back to the end of its document, with its cleanup and OCR."""
        row = self.db.execute("SELECT * FROM page_bin WHERE id = ?", (bin_id,)).fetchone()
        if row is None:
            raise NotFound(f"There is no page {bin_id} in the bin.")
        doc_id = row["document_id"]
        self._editable(doc_id)
        page = json.loads(row["page"])
        with self._change("restore", [doc_id], user, bin=bin_id):
            order = self._order(doc_id)
            page["idx"] = len(order) + 1
            page["document_id"] = doc_id
            self._insert_rows([page], json.loads(row["stages"]))
            self.db.execute("DELETE FROM page_bin WHERE id = ?", (bin_id,))
            self._reprocess(doc_id)
        return int(page["id"])

    def replace(self, page_id: int, new: NewPage, *, user: str | None = None) -> None:
        """Rescan in place: the page keeps its position and gets the new image, processed again."""
        page = self._page(page_id)
        doc_id = page["document_id"]
        self._editable(doc_id)
        with self._change("rescan", [doc_id], user, page=page_id):
            self.db.execute(
                "UPDATE pages SET source_blob = ?, width = ?, height = ?, dpi = ?, dpi_source = ?, mode = ?,"
                " source_name = ?, source_page = ?, keep_blank = 0 WHERE id = ?",
                (new.blob, new.width, new.height, new.dpi, new.dpi_source, new.mode, new.source_name,
                 new.source_page, page_id),
            )
            self.db.execute("DELETE FROM page_stages WHERE page_id = ?", (page_id,))
            self._reprocess(doc_id)

    def insert(self, doc_id: str, position: int, pages: list[NewPage], *, user: str | None = None) -> list[int]:
        """New pages (scanned or imported) at 1-based `position`; `position` past the end appends."""
        self._editable(doc_id)
        if not pages:
            raise UsageError("No pages to insert were given.")
        with self._change("insert", [doc_id], user, position=position, pages=len(pages)):
            order = self._order(doc_id)
            position = max(1, min(position, len(order) + 1))
            stamp = now()
            fresh = []
            for n, p in enumerate(pages):
                cur = self.db.execute(
                    "INSERT INTO pages(document_id, idx, source_name, source_page, source_blob, width, height, dpi,"
                    " dpi_source, mode, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (doc_id, 1000000 + n, p.source_name, p.source_page, p.blob, p.width, p.height, p.dpi,
                     p.dpi_source, p.mode, stamp),
                )
                fresh.append(int(cur.lastrowid or 0))
            order[position - 1:position - 1] = fresh
            self._renumber(doc_id, order)
            self._reprocess(doc_id)
        return fresh

    def split(self, page_id: int, *, user: str | None = None) -> str:
        """A new document in the same batch, from this page to the end."""
        page = self._page(page_id)
        doc_id = page["document_id"]
        doc = self._editable(doc_id)
        order = self._order(doc_id)
        at = order.index(page_id)
        if at == 0:
            raise UsageError("Split at a page after the first: the first page already starts this document.")
        with self._change("split", [doc_id], user, page=page_id) as created:
            new_id = self.store.add_document(int(doc["batch_id"]), [])
            created.append(new_id)
            self._renumber(new_id, order[at:])
            self._renumber(doc_id, order[:at])
            self._reprocess(doc_id)
        return new_id

    def merge(self, doc_id: str, other_id: str, *, user: str | None = None) -> None:
        """Append the other document's pages (and bin) to this one; the other document goes away."""
        if doc_id == other_id:
            raise UsageError("A document cannot be merged with itself; pick another document.")
        doc = self._editable(doc_id)
        other = self._editable(other_id)
        if doc["batch_id"] != other["batch_id"]:
            raise UsageError(f"Documents {doc_id} and {other_id} are in different batches; merge documents of one "
                             "batch.")
        with self._change("merge", [doc_id, other_id], user, merged=other_id):
            self._renumber(doc_id, self._order(doc_id) + self._order(other_id))
            self.db.execute("UPDATE page_bin SET document_id = ? WHERE document_id = ?", (doc_id, other_id))
            self.db.execute("DELETE FROM documents WHERE id = ?", (other_id,))
            self._reprocess(doc_id)

    # -- undo ------------------------------------------------------------------------------------
    def last_change(self, doc_id: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT id, at, action, event_id, documents FROM page_actions"
            " WHERE EXISTS (SELECT 1 FROM json_each(page_actions.documents) WHERE value = ?) ORDER BY id DESC LIMIT 1",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        return {"id": int(row["id"]), "at": row["at"], "action": row["action"], "event_id": int(row["event_id"]),
                "documents": json.loads(row["documents"])}

    def can_undo(self, doc_id: str) -> str | None:
        """The action an undo would revert, or None when there is nothing (left) to undo."""
        try:
            self._undoable(doc_id)
        except StationError:
            return None
        change = self.last_change(doc_id)
        return change["action"] if change else None

    def _undoable(self, doc_id: str) -> dict[str, Any]:
        change = self.last_change(doc_id)
        if change is None:
            raise UsageError(f"There is no page change to undo on document {doc_id}.")
        later = self.db.execute("SELECT documents FROM page_actions WHERE id > ?", (change["id"],)).fetchall()
        for r in later:
            shared = set(json.loads(r["documents"])) & set(change["documents"])
            if shared:
                raise UsageError(f"Undo the later change to document {sorted(shared)[0]} first.")
        for other in change["documents"]:
            if self.db.execute("SELECT 1 FROM documents WHERE id = ?", (other,)).fetchone() is None:
                continue
            self._editable(other)
            confirmed_since = self.db.execute(
                "SELECT 1 FROM events WHERE object = ? AND action = 'confirm' AND id > ? LIMIT 1",
                (other, change["event_id"]),
            ).fetchone()
            if confirmed_since:
                raise NotAllowed(f"Document {other} was confirmed after this change; it can no longer be undone.")
        return change

    def undo(self, doc_id: str, *, user: str | None = None) -> str:
        """Revert the latest page change on this document; returns what it was (move, rotate, …)."""
        change = self._undoable(doc_id)
        row = self.db.execute("SELECT before FROM page_actions WHERE id = ?", (change["id"],)).fetchone()
        before: dict[str, Any] = json.loads(row["before"])
        with self.store.transaction():
            for d in before:
                self.db.execute("DELETE FROM page_bin WHERE document_id = ?", (d,))
                self.db.execute("DELETE FROM pages WHERE document_id = ?", (d,))
            for d, snap in before.items():
                if snap is None:
                    self.db.execute("DELETE FROM documents WHERE id = ?", (d,))
                    continue
                self._put_document(snap["document"])
            for snap in before.values():
                if snap is None:
                    continue
                self._insert_rows(snap["pages"], snap["stages"])
                for b in snap["bin"]:
                    self.db.execute(
                        "INSERT INTO page_bin(id, document_id, removed_at, removed_by, page, stages)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        (b["id"], b["document_id"], b["removed_at"], b["removed_by"], b["page"], b["stages"]))
            self.db.execute("DELETE FROM page_actions WHERE id = ?", (change["id"],))
            self.store.log("page_undo", user=user, obj=doc_id, undone=change["action"])
        return str(change["action"])

    def _put_document(self, doc: dict[str, Any]) -> None:
        columns = list(doc)
        exists = self.db.execute("SELECT 1 FROM documents WHERE id = ?", (doc["id"],)).fetchone()
        if exists:
            sets = ", ".join(f"{c} = ?" for c in columns if c != "id")
            self.db.execute(f"UPDATE documents SET {sets} WHERE id = ?",
                            (*[doc[c] for c in columns if c != "id"], doc["id"]))
        else:
            self.db.execute(f"INSERT INTO documents({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            tuple(doc[c] for c in columns))

    def _insert_rows(self, pages: list[dict[str, Any]], stages: list[dict[str, Any]]) -> None:
        for p in pages:
            cols = [c for c in _PAGE_COLUMNS if c in p]
            self.db.execute(f"INSERT INTO pages({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                            tuple(p[c] for c in cols))
        for s in stages:
            cols = list(s)
            self.db.execute(f"INSERT INTO page_stages({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                            tuple(s[c] for c in cols))


def scan_pages(
    station: Station,
    device_id: str,
    options: ScanOptions,
    *,
    cancel: CancelToken,
    events: ScanEvents,
    on_page: Callable[[NewPage], None] | None = None,
) -> list[NewPage]:
    """Pages from a scanner made durable but not yet placed: for rescan in place and insert.

    Pages received before a fault are returned with it in the ScannerError's detail, never lost.
    """
    from station.scanner.registry import available_drivers, find_device
    from station.workflow.scanning import page_record

    found = find_device(device_id, available_drivers(station.settings.get("scanner.escl_devices")))
    max_pixels = int(station.settings.get("import.max_pixels"))
    got: list[NewPage] = []

    def take(page: Any) -> None:
        record = page_record(page, station.store, max_pixels)
        got.append(record)
        if on_page:
            on_page(record)

    try:
        found.driver.scan(found.device, options, cancel, events, take)
    except ScannerError as exc:
        exc.detail = {"pages": got}
        raise
    return got


def import_pages(station: Station, paths: list[Path]) -> list[NewPage]:
    """Pages of image or PDF files, decoded in the isolated process, for insert."""
    from station.errors import BadInput
    from station.intake.decode import Limits
    from station.intake.sandbox import decode_file_isolated

    s = station.settings
    limits = Limits(max_pixels=int(s.get("import.max_pixels")), max_pages=int(s.get("import.max_pages_per_file")),
                    seconds=float(s.get("import.seconds_per_file")), render_dpi=int(s.get("import.render_dpi")))
    out: list[NewPage] = []
    for path in station.expand_inputs(list(paths)):
        if not path.is_file():
            raise BadInput(f"{path}: there is no such file; check the path.")
        for d in decode_file_isolated(path, station.store.blobs.root, limits):
            out.append(NewPage(blob=d.blob, width=d.width, height=d.height, dpi=d.dpi, dpi_source=d.dpi_source,
                               mode=d.mode, source_name=d.source_name, source_page=d.source_page))
    return out
