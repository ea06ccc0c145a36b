"""SQLite store in WAL mode, one connection per process, explicit write transactions.

Page images go to the content-addressed folder first (atomic write, fsync); only then does a
transaction record them, so the database never points at a file that is not on disk.
"""

from __future__ import annotations

import json
import secrets
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from station.domain import TRANSITIONS, DocState, Stage
from station.errors import NotFound, StationError, UsageError
from station.files import BlobStore
from station.store.chain import GENESIS, entry_hash
from station.store.migrations import LATEST, MIGRATIONS

DB_NAME = "station.sqlite3"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass
class PageRow:
    id: int
    document_id: str
    idx: int
    source_name: str
    source_page: int
    source_blob: str
    width: int
    height: int
    dpi: float
    dpi_source: str
    mode: str
    keep_blank: bool


@dataclass
class NewPage:
    """A decoded page whose image is already durable in the blob store."""

    blob: str
    width: int
    height: int
    dpi: float
    dpi_source: str
    mode: str
    source_name: str
    source_page: int


class Store:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.blobs = BlobStore(data_dir / "pages")
        self.path = data_dir / DB_NAME
        self._migrate_with_backup()
        self.db = self._connect()
        self._station_id: str | None = None
        self._chain_legacy_events()

    # -- connection and schema ------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, isolation_level=None, timeout=30, check_same_thread=False)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA busy_timeout=30000")
        except sqlite3.DatabaseError as exc:
            raise StationError(
                f"The station's database {self.path} cannot be opened ({exc}); restore it from its backup "
                "or choose another --data-dir."
            ) from exc
        return db

    def _migrate_with_backup(self) -> None:
        existed = self.path.exists()
        db = self._connect()
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > LATEST:
                raise StationError(
                    f"The data in {self.data_dir} was written by a newer station (schema {version}); "
                    "install the newer station to open it."
                )
            if version == LATEST:
                return
            if existed and version > 0:
                # Vorta's habit: a copy of the database before any migration touches it.
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                backup = self.path.with_name(f"{DB_NAME}.v{version}.bak")
                shutil.copy2(self.path, backup)
            for number, sql in MIGRATIONS:
                if number <= version:
                    continue
                db.execute("BEGIN IMMEDIATE")
                try:
                    for statement in _statements(sql):
                        db.execute(statement)
                    db.execute(f"PRAGMA user_version={number}")
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
        finally:
            db.close()

    def close(self) -> None:
        self.db.close()

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # -- events: the audit log ------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM station_meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO station_meta(key, value) VALUES (?, ?)"
                        " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    @property
    def station_id(self) -> str:
        """This station's identifier, made once when the store is first used; it marks every audit entry."""
        if self._station_id is None:
            value = self.meta("station.id")
            if value is None:
                if self.db.in_transaction:
                    value = f"station-{secrets.token_hex(6)}"
                    self.set_meta("station.id", value)
                else:
                    with self.transaction():
                        value = self.meta("station.id")
                        if value is None:
                            value = f"station-{secrets.token_hex(6)}"
                            self.set_meta("station.id", value)
            self._station_id = value
        return self._station_id

    def audit_head(self) -> tuple[int, str]:
        """(seq, hash) of the last audit entry: kept apart so that removing the last entries shows."""
        value = self.meta("audit.head")
        if not value:
            return 0, GENESIS
        seq, _, digest = value.partition(":")
        return int(seq), digest

    def log(self, action: str, *, user: str | None = None, obj: str | None = None, **detail: Any) -> None:
        """Append one audit entry, chained to the one before (station.store.chain).

        Inside a transaction, the entry commits or rolls back with the change it records; outside
        one, it gets a transaction of its own, so two processes never chain onto the same head.
        """
        if not self.db.in_transaction:
            with self.transaction():
                self.log(action, user=user, obj=obj, **detail)
            return
        station = self.station_id
        seq, prev = self.audit_head()
        entry = {"seq": seq + 1, "at": now(), "user": user, "station": station, "action": action,
                 "object": obj, "detail": json.loads(_json(detail)), "prev": prev}
        digest = entry_hash(entry)
        self.db.execute(
            "INSERT INTO events(id, at, user, station, action, object, detail, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (entry["seq"], entry["at"], user, station, action, obj, _canonical_json(entry["detail"]), prev, digest),
        )
        self.set_meta("audit.head", f"{entry['seq']}:{digest}")

    def _chain_legacy_events(self) -> None:
        """Chain, once, the events written before the audit log existed (migration 2 counted them)."""
        upto = int(self.meta("audit.legacy_upto") or 0)
        if upto <= 0:
            return
        with self.transaction():
            seq, prev = 0, GENESIS
            for r in self.db.execute("SELECT * FROM events WHERE id <= ? ORDER BY id", (upto,)).fetchall():
                seq = int(r["id"])
                entry = {"seq": seq, "at": r["at"], "user": r["user"], "station": r["station"],
                         "action": r["action"], "object": r["object"], "detail": json.loads(r["detail"]),
                         "prev": prev}
                prev = entry_hash(entry)
                self.db.execute("UPDATE events SET prev_hash = ?, hash = ?, detail = ? WHERE id = ?",
                                (entry["prev"], prev, _canonical_json(entry["detail"]), seq))
            if seq:
                self.set_meta("audit.head", f"{seq}:{prev}")
            self.set_meta("audit.legacy_upto", "0")

    def events(self, obj: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM events" + (" WHERE object = ?" if obj else "") + " ORDER BY id"
        rows = self.db.execute(sql, (obj,) if obj else ())
        return [{**dict(r), "detail": json.loads(r["detail"])} for r in rows]

    # -- batches -----------------------------------------------------------------------------
    def batch_id(self, name: str, *, create: bool) -> int:
        row = self.db.execute("SELECT id FROM batches WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row["id"])
        if not create:
            raise NotFound(f"There is no batch named {name!r}; `station list` shows the batches.")
        cur = self.db.execute("INSERT INTO batches(name, created_at) VALUES (?, ?)", (name, now()))
        return int(cur.lastrowid or 0)

    def batch_name(self, batch_id: int) -> str:
        return str(self.db.execute("SELECT name FROM batches WHERE id = ?", (batch_id,)).fetchone()["name"])

    def batch_settings(self, batch_id: int) -> dict[str, Any]:
        row = self.db.execute("SELECT settings FROM batches WHERE id = ?", (batch_id,)).fetchone()
        return dict(json.loads(row["settings"]))

    BATCH_CONTEXT = ("organ_id", "file_code", "paper_file_code", "procedure_code")

    def batch_context(self, batch_id: int) -> dict[str, str]:
        """The batch's organ, file codes and procedure (issue 5); unset ones are absent."""
        row = self.db.execute(
            f"SELECT {', '.join(self.BATCH_CONTEXT)} FROM batches WHERE id = ?", (batch_id,)
        ).fetchone()
        return {k: row[k] for k in self.BATCH_CONTEXT if row and row[k]}

    def set_batch_context(self, batch_id: int, **values: str | None) -> None:
        """Set the given context fields (None leaves one as it is); call inside a transaction."""
        for key, value in values.items():
            if key not in self.BATCH_CONTEXT:
                raise ValueError(key)
            if value is not None:
                self.db.execute(f"UPDATE batches SET {key} = ? WHERE id = ?", (value, batch_id))

    def likely_duplicates(self, doc_id: str, number: str, notation: str, organ: str, issued: str) -> list[str]:
        """Other documents with the same number, notation, organ and date (ND 30's duplicate rule),
        in what a person confirmed or, before that, in what the station read off the page."""
        rows = self.db.execute(
            "SELECT id FROM documents WHERE id != ? AND ("
            " (json_extract(metadata, '$.code_number') = ? AND json_extract(metadata, '$.code_notation') = ?"
            "  AND json_extract(metadata, '$.organ_name') = ? AND json_extract(metadata, '$.issued_date') = ?)"
            " OR (json_extract(metadata, '$.code_number') IS NULL"
            "  AND json_extract(suggestions, '$.code_number.value') = ?"
            "  AND json_extract(suggestions, '$.code_notation.value') = ?"
            "  AND json_extract(suggestions, '$.organ_name.value') = ?"
            "  AND json_extract(suggestions, '$.issued_date.value') = ?)) ORDER BY created_at",
            (doc_id, number, notation, organ, issued, number, notation, organ, issued),
        )
        return [str(r["id"]) for r in rows]

    # -- documents ---------------------------------------------------------------------------
    def add_document(self, batch_id: int, pages: list[NewPage]) -> str:
        """Record a document and its pages; call inside a transaction."""
        doc_id = secrets.token_hex(6)
        ordinal = self.db.execute(
            "SELECT COALESCE(MAX(ordinal), 0) + 1 FROM documents WHERE batch_id = ?", (batch_id,)
        ).fetchone()[0]
        stamp = now()
        self.db.execute(
            "INSERT INTO documents(id, batch_id, ordinal, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            (doc_id, batch_id, ordinal, DocState.PROCESSING.value, stamp, stamp),
        )
        self.append_pages(doc_id, pages)
        return doc_id

    def append_pages(self, doc_id: str, pages: list[NewPage]) -> None:
        """Add pages at the end of a document (a scan still feeding); call inside a transaction."""
        for page in pages:
            if not self.blobs.exists(page.blob):
                raise StationError(f"page image {page.blob} is missing from the store")
        start = self.db.execute("SELECT COALESCE(MAX(idx), 0) FROM pages WHERE document_id = ?", (doc_id,)).fetchone()[0]
        stamp = now()
        for idx, page in enumerate(pages, start=start + 1):
            self.db.execute(
                "INSERT INTO pages(document_id, idx, source_name, source_page, source_blob, width, height, dpi,"
                " dpi_source, mode, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, idx, page.source_name, page.source_page, page.blob, page.width, page.height,
                 page.dpi, page.dpi_source, page.mode, stamp),
            )

    def resolve_document(self, ref: str) -> str:
        """A full id or an unambiguous prefix of at least four characters."""
        ref = ref.strip().lower()
        row = self.db.execute("SELECT id FROM documents WHERE id = ?", (ref,)).fetchone()
        if row:
            return str(row["id"])
        if len(ref) >= 4:
            rows = self.db.execute(
                "SELECT id FROM documents WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                (ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
            ).fetchall()
            if len(rows) == 1:
                return str(rows[0]["id"])
            if len(rows) > 1:
                raise UsageError(f"{ref!r} matches more than one document; give more of its id.")
        raise NotFound(f"There is no document {ref!r}; `station list` shows the documents.")

    def document(self, doc_id: str) -> dict[str, Any]:
        row = self.db.execute(
            "SELECT d.*, b.name AS batch FROM documents d JOIN batches b ON b.id = d.batch_id WHERE d.id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no document {doc_id!r}; `station list` shows the documents.")
        doc = dict(row)
        doc["suggestions"] = json.loads(doc["suggestions"])
        doc["metadata"] = json.loads(doc["metadata"])
        doc["confirmation"] = json.loads(doc.get("confirmation") or "{}")
        return doc

    def documents(self, batch: str | None = None, state: str | None = None) -> list[dict[str, Any]]:
        sql = (
            "SELECT d.id, b.name AS batch, d.state, d.ordinal, d.metadata, d.suggestions,"
            " (SELECT COUNT(*) FROM pages p WHERE p.document_id = d.id) AS page_count"
            " FROM documents d JOIN batches b ON b.id = d.batch_id WHERE 1=1"
        )
        args: list[Any] = []
        if batch is not None:
            sql += " AND b.name = ?"
            args.append(batch)
        if state is not None:
            sql += " AND d.state = ?"
            args.append(state)
        sql += " ORDER BY b.id, d.ordinal"
        out = []
        for r in self.db.execute(sql, args):
            d = dict(r)
            d["metadata"] = json.loads(d["metadata"])
            d["suggestions"] = json.loads(d["suggestions"])
            out.append(d)
        return out

    def set_state(self, doc_id: str, new: DocState, **fields: Any) -> None:
        """Move a document along its life cycle; call inside a transaction."""
        current = DocState(self.document(doc_id)["state"])
        if new != current and new not in TRANSITIONS[current]:
            raise UsageError(f"Document {doc_id} is {current.value}; it cannot become {new.value}.")
        assignments = ["state = ?", "updated_at = ?"]
        values: list[Any] = [new.value, now()]
        for key, value in fields.items():
            if key not in {"suggestions", "metadata", "confirmed_by", "confirmed_at", "decided_by",
                           "decided_at", "reject_reason", "error", "confirmation"}:
                raise ValueError(key)
            assignments.append(f"{key} = ?")
            values.append(_json(value) if key in {"suggestions", "metadata", "confirmation"} else value)
        self.db.execute(f"UPDATE documents SET {', '.join(assignments)} WHERE id = ?", (*values, doc_id))

    # -- pages and stage results ---------------------------------------------------------------
    def pages(self, doc_id: str) -> list[PageRow]:
        rows = self.db.execute(
            "SELECT id, document_id, idx, source_name, source_page, source_blob, width, height, dpi,"
            " dpi_source, mode, keep_blank FROM pages WHERE document_id = ? ORDER BY idx",
            (doc_id,),
        )
        return [PageRow(**{**dict(r), "keep_blank": bool(r["keep_blank"])}) for r in rows]

    def page(self, page_id: int) -> PageRow:
        r = self.db.execute(
            "SELECT id, document_id, idx, source_name, source_page, source_blob, width, height, dpi,"
            " dpi_source, mode, keep_blank FROM pages WHERE id = ?",
            (page_id,),
        ).fetchone()
        return PageRow(**{**dict(r), "keep_blank": bool(r["keep_blank"])})

    def kept_page_count(self, doc_id: str) -> int:
        """Pages that count (metadata.md page_amount): blank ones only when an operator kept them."""
        return int(self.db.execute(
            "SELECT COUNT(*) FROM pages p LEFT JOIN page_stages s ON s.page_id = p.id AND s.stage = 'cleanup'"
            " WHERE p.document_id = ? AND (p.keep_blank OR COALESCE(json_extract(s.result, '$.blank'), 0) = 0)",
            (doc_id,),
        ).fetchone()[0])

    def stage_results(self, page_id: int) -> dict[str, dict[str, Any]]:
        rows = self.db.execute("SELECT * FROM page_stages WHERE page_id = ?", (page_id,))
        return {r["stage"]: {**dict(r), "result": json.loads(r["result"])} for r in rows}

    def record_stage(
        self,
        page_id: int,
        stage: Stage,
        *,
        ok: bool,
        result: dict[str, Any] | None = None,
        blob: str | None = None,
        error: str | None = None,
        seconds: float | None = None,
    ) -> None:
        """One row per page and stage: a rerun replaces, never duplicates. Call inside a transaction."""
        if blob is not None and not self.blobs.exists(blob):
            raise StationError(f"stage output {blob} is missing from the store")
        self.db.execute(
            "INSERT INTO page_stages(page_id, stage, status, result, blob, error, attempts, seconds, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)"
            " ON CONFLICT(page_id, stage) DO UPDATE SET status = excluded.status, result = excluded.result,"
            " blob = excluded.blob, error = excluded.error, attempts = page_stages.attempts + 1,"
            " seconds = excluded.seconds, updated_at = excluded.updated_at",
            (page_id, stage.value, "done" if ok else "failed", _json(result or {}), blob, error, seconds, now()),
        )

    def pending_pages(self, states: tuple[DocState, ...], batch: str | None) -> list[int]:
        """Pages of documents in `states` that still miss a successful stage."""
        n_stages = len(Stage)
        sql = (
            "SELECT p.id FROM pages p JOIN documents d ON d.id = p.document_id JOIN batches b ON b.id = d.batch_id"
            f" WHERE d.state IN ({','.join('?' * len(states))})"
            + (" AND b.name = ?" if batch is not None else "")
            + " AND (SELECT COUNT(*) FROM page_stages s WHERE s.page_id = p.id AND s.status = 'done') < ?"
            " ORDER BY b.id, d.ordinal, p.idx"
        )
        args: list[Any] = [s.value for s in states]
        if batch is not None:
            args.append(batch)
        args.append(n_stages)
        return [int(r[0]) for r in self.db.execute(sql, args)]

    # -- seals -----------------------------------------------------------------------------------
    def record_seal(self, doc_id: str, *, package_id: str, package_path: str, package_sha256: str,
                    sealed_by: str | None, signature_level: str, certificate_serial: str,
                    warnings: list[str]) -> None:
        """The sealed package of a document, for the outbox to pick up; call inside a transaction."""
        self.db.execute(
            "INSERT INTO seals(document_id, package_id, package_path, package_sha256, sealed_at, sealed_by,"
            " signature_level, certificate_serial, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, package_id, package_path, package_sha256, now(), sealed_by, signature_level,
             certificate_serial, _json(warnings)),
        )

    def seal(self, doc_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM seals WHERE document_id = ?", (doc_id,)).fetchone()
        return None if row is None else {**dict(row), "warnings": json.loads(row["warnings"])}


def _canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _statements(script: str) -> list[str]:
    """Split a migration into statements; a trigger's body keeps its inner semicolons."""
    out: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                out.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        out.append(pending.strip())
    return out
