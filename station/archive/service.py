"""The archive's ingest service without HTTP: tokens, resumable uploads, submit, receipts, listing, import.

The HTTP layer (server.py) and the command line (cli.py) both call this, so the sneakernet import
runs exactly the checks and writes exactly the receipts that an upload gets.

State lives in SQLite in the data folder (WAL, synchronous=FULL): tokens (only their sha256),
uploads with their committed offset, packages with their signed receipt bytes. An upload's bytes
go to `uploads/<id>.part`; a chunk is fsynced before its new offset is committed, so after a
crash (even SIGKILL) the file's first `offset` bytes are exactly what was acknowledged, and any
tail beyond it is cut off at the next PATCH. The running sha256 of those bytes is kept in memory
beside the offset it belongs to; hashlib state cannot be saved, so after a restart it is rebuilt
once by reading the committed prefix back (streamed), and from then on grows chunk by chunk.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import re
import secrets
import sqlite3
import tempfile
import threading
import uuid
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station import __version__
from station.archive import audit as audit_extracts
from station.archive.receipts import ReceiptSigner, make_receipt_key
from station.archive.storage import FolderStorage, Storage, StorageFull
from station.errors import BadInput, StationError, UsageError
from station.files import atomic_write, fsync_dir
from station.signing.identity import load_trust_roots

DEFAULT_MAX_SIZE = 2 * 1024**3
DEFAULT_TOKEN_DAYS = 365
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")

SCHEMA_VERSION = 1  # the next change adds numbered migrations from here, as the station's store does
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (
    token_sha256 TEXT PRIMARY KEY, station_id TEXT NOT NULL, created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS uploads (
    id TEXT PRIMARY KEY, station_id TEXT NOT NULL, package_id TEXT NOT NULL, sha256 TEXT NOT NULL,
    length INTEGER NOT NULL, "offset" INTEGER NOT NULL DEFAULT 0, filename TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS uploads_package ON uploads (station_id, package_id, state);
CREATE TABLE IF NOT EXISTS packages (
    package_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, sha256 TEXT NOT NULL, bytes INTEGER NOT NULL,
    status TEXT NOT NULL, reasons TEXT NOT NULL, received_at TEXT NOT NULL, storage_key TEXT NOT NULL,
    receipt BLOB NOT NULL, source TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS packages_station ON packages (station_id, received_at);
"""


def check_package(staged: str, package_id: str, trust_files: list[str], tmp_dir: str,
                  accept_test_identities: bool) -> list[str]:
    """Why the package zip at `staged` is rejected (empty: accepted): the station's own package checks,
    plus the id in the bag matching the id it was sent under. A plain function so a worker process runs it."""
    from station.package.bag import read_info, unzip_package
    from station.verify import package_checks

    with tempfile.TemporaryDirectory(dir=tmp_dir, prefix="check-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            root = unzip_package(Path(staged), tmp / "bag")
        except BadInput as exc:
            return [f"package: {exc.message}"]
        checks, extra = package_checks(root, load_trust_roots(trust_files), tmp)
        reasons = [f"{c['name']}: {c['detail']}" for c in checks if not c["ok"]]
        if extra.get("signer", {}).get("test_identity") and not accept_test_identities:
            reasons.append("signer: signed by a station TEST identity (`station signing test-identity`), "
                           "not for archiving; seal with the organ's certificate")
        bag_id = read_info(root).get("Package-Id")
        if bag_id != package_id:
            reasons.append(f"package_id: the bag's Package-Id {bag_id!r} is not {package_id!r}")
        return reasons


class ArchiveError(StationError):
    """An answer other than success: the HTTP status, the protocol's code, one sentence."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.headers = headers or {}


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _full(exc: StorageFull) -> ArchiveError:
    return ArchiveError(507, "storage_full", exc.message)


@dataclass
class Upload:
    id: str
    station_id: str
    package_id: str
    sha256: str
    length: int
    offset: int
    filename: str
    state: str  # active | complete | terminated | stored


class ChunkWriter:
    """One PATCH body: bytes appended at the committed offset, kept or discarded as a whole at the end."""

    def __init__(self, archive: Archive, upload: Upload, checksum: bytes | None) -> None:
        self.archive = archive
        self.upload = upload
        self.checksum = checksum
        self.received = 0
        self.chunk_hash = hashlib.sha256()
        self.running = archive._running_hash(upload).copy()
        self.file = open(archive.part_path(upload.id), "r+b")  # noqa: SIM115 - closed in finish()
        self.file.truncate(upload.offset)  # a tail written before a crash was never acknowledged
        self.file.seek(upload.offset)

    def write(self, data: bytes) -> None:
        if self.upload.offset + self.received + len(data) > self.upload.length:
            raise ArchiveError(413, "too_large", f"The chunk goes past Upload-Length ({self.upload.length} "
                               "bytes); send only the bytes the upload still lacks.")
        try:
            self.file.write(data)
        except OSError as exc:
            raise ArchiveError(507, "storage_full", f"The archive's disk could not take the chunk ({exc.strerror});"
                               " free disk space on the archive, then resume.") from exc
        self.chunk_hash.update(data)
        self.running.update(data)
        self.received += len(data)

    def _discard(self) -> None:
        self.file.truncate(self.upload.offset)
        self.file.close()

    def finish(self, *, complete: bool) -> int:
        """Commit the chunk (fsync, then the offset) or discard it; the upload's committed offset."""
        if self.checksum is not None and (not complete or self.chunk_hash.digest() != self.checksum):
            self._discard()
            if complete:
                raise ArchiveError(460, "checksum_mismatch", "The chunk's sha256 does not match Upload-Checksum; "
                                   "it was discarded, send it again from the same offset.")
            return self.upload.offset
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
        except OSError as exc:
            self._discard()
            raise ArchiveError(507, "storage_full", f"The archive's disk could not keep the chunk ({exc.strerror});"
                               " free disk space on the archive, then resume.") from exc
        self.file.close()
        return self.archive._commit_offset(self.upload, self.upload.offset + self.received, self.running)

    def abort(self) -> None:
        if not self.file.closed:
            self._discard()


class Archive:
    """One archive data folder: its database, staging folder, storage, receipt key and trust roots."""

    def __init__(self, data_dir: Path, *, storage: Storage | None = None, trust: list[Path] | None = None,
                 receipt_key: Path | None = None, max_size: int = DEFAULT_MAX_SIZE,
                 reserve_bytes: int = 0, capacity_bytes: int | None = None,
                 accept_test_identities: bool = False) -> None:
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.staging = data_dir / "uploads"
        self.staging.mkdir(exist_ok=True)
        self.tmp = data_dir / "tmp"
        self.tmp.mkdir(exist_ok=True)
        self.storage = storage or FolderStorage(data_dir / "store", capacity_bytes=capacity_bytes,
                                                reserve_bytes=reserve_bytes)
        self.max_size = max_size
        self.accept_test_identities = accept_test_identities  # a demo archive may; a real one never
        self._lock = threading.RLock()
        self._package_locks: dict[str, threading.Lock] = {}
        self._hashes: dict[str, tuple[int, Any]] = {}
        self.db = sqlite3.connect(data_dir / "archive.sqlite3", check_same_thread=False, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA + audit_extracts.SCHEMA)
        with self.transaction():
            row = self.db.execute("SELECT value FROM meta WHERE key='archive_id'").fetchone()
            if row is None:
                self.db.execute("INSERT INTO meta VALUES ('archive_id', ?)", (f"archive-{uuid.uuid4()}",))
                self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        version = int(self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])
        if version > SCHEMA_VERSION:
            self.db.close()
            raise UsageError(f"The archive data in {data_dir} was written by a newer station-archive (schema "
                             f"{version}); upgrade station-archive.")
        self.archive_id = self.db.execute("SELECT value FROM meta WHERE key='archive_id'").fetchone()[0]
        self._trust_files = list(trust or [])
        self._receipt_key = receipt_key
        self._signer: ReceiptSigner | None = None
        # Package checks are CPU-bound Python (pyHanko, veraPDF rules): the server runs them in worker
        # processes so two checks use two cores; None runs them in the calling thread.
        self.check_pool: Executor | None = None

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    # -- keys and trust ----------------------------------------------------------------------
    @property
    def signer(self) -> ReceiptSigner:
        """The receipt key: the one given, else DIR/keys/receipt.p12, made at first use."""
        if self._signer is None:
            path = self._receipt_key or self.data_dir / "keys" / "receipt.p12"
            if self._receipt_key is None and not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.parent.chmod(0o700)
                make_receipt_key(path, self.archive_id)
            self._signer = ReceiptSigner(path)
        return self._signer

    def trust_files(self) -> list[str]:
        """`--trust` files and every certificate file in DIR/trust/, listed afresh so an admin can add one live."""
        folder = self.data_dir / "trust"
        files = [str(p) for p in self._trust_files]
        if folder.is_dir():
            files += sorted(str(p) for p in folder.iterdir()
                            if p.suffix.lower() in (".pem", ".crt", ".cer", ".der") and p.is_file())
        return files

    def trust_roots(self) -> list[Any]:
        return load_trust_roots(self.trust_files())

    # -- tokens ------------------------------------------------------------------------------
    def create_token(self, station_id: str, days: int = DEFAULT_TOKEN_DAYS) -> tuple[str, str]:
        """(token, expires_at); only the token's sha256 is kept."""
        if not SAFE_ID.match(station_id):
            raise UsageError(f"{station_id!r} is not a station id; use letters, digits, '.', '_' and '-'.")
        if days < 1:
            raise UsageError("--days must be at least 1.")
        token = secrets.token_urlsafe(32)
        created = dt.datetime.now(dt.UTC)
        expires = (created + dt.timedelta(days=days)).isoformat(timespec="seconds").replace("+00:00", "Z")
        with self.transaction() as db:
            db.execute("INSERT INTO tokens VALUES (?, ?, ?, ?, NULL)",
                       (hashlib.sha256(token.encode()).hexdigest(), station_id,
                        created.isoformat(timespec="seconds").replace("+00:00", "Z"), expires))
        return token, expires

    def revoke_tokens(self, *, station_id: str | None = None, token: str | None = None) -> int:
        if bool(station_id) == bool(token):
            raise UsageError("Give either --station ID (every token of that station) or --token TOKEN.")
        with self.transaction() as db:
            if token:
                cur = db.execute("UPDATE tokens SET revoked_at=? WHERE token_sha256=? AND revoked_at IS NULL",
                                 (now_iso(), hashlib.sha256(token.encode()).hexdigest()))
            else:
                cur = db.execute("UPDATE tokens SET revoked_at=? WHERE station_id=? AND revoked_at IS NULL",
                                 (now_iso(), station_id))
        return cur.rowcount

    def authenticate(self, header: str | None) -> str:
        """The station id the bearer token belongs to, or 401."""
        challenge = {"WWW-Authenticate": 'Bearer error="invalid_token"'}
        scheme, _, token = (header or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ArchiveError(401, "token_invalid", "This request carries no bearer token; set the station's "
                               "token with `station remote set`.", challenge)
        with self._lock:
            row = self.db.execute("SELECT * FROM tokens WHERE token_sha256=?",
                                  (hashlib.sha256(token.strip().encode()).hexdigest(),)).fetchone()
        if row is None or row["revoked_at"] is not None:
            raise ArchiveError(401, "token_invalid", "The archive does not know this token or it was revoked; ask "
                               "the archive's admin for a new one (`station-archive token create`).", challenge)
        if row["expires_at"] <= now_iso():
            raise ArchiveError(401, "token_expired", f"The token expired on {row['expires_at']}; ask the archive's "
                               "admin for a new one (`station-archive token create`).", challenge)
        return str(row["station_id"])

    # -- uploads -----------------------------------------------------------------------------
    def part_path(self, upload_id: str) -> Path:
        return self.staging / f"{upload_id}.part"

    def _upload(self, row: sqlite3.Row | None) -> Upload | None:
        if row is None:
            return None
        return Upload(row["id"], row["station_id"], row["package_id"], row["sha256"], row["length"],
                      row["offset"], row["filename"], row["state"])

    def get_upload(self, station_id: str, upload_id: str) -> Upload:
        with self._lock:
            up = self._upload(self.db.execute("SELECT * FROM uploads WHERE id=?", (upload_id,)).fetchone())
        if up is None or up.station_id != station_id:
            raise ArchiveError(404, "not_found", "The archive has no such upload for this station; create a new "
                               "upload with POST /api/v1/uploads/.")
        if up.state == "terminated":
            raise ArchiveError(410, "gone", "This upload was terminated; create a new upload.")
        return up

    def package(self, package_id: str) -> sqlite3.Row | None:
        with self._lock:
            return self.db.execute("SELECT * FROM packages WHERE package_id=?", (package_id,)).fetchone()

    def _pending_bytes(self, exclude: str | None = None) -> int:
        with self._lock:
            row = self.db.execute('SELECT COALESCE(SUM(length - "offset"), 0) FROM uploads '
                                  "WHERE state='active' AND id IS NOT ?", (exclude,)).fetchone()
        return int(row[0])

    def _check_space(self, needed: int, exclude: str | None = None) -> None:
        free = self.storage.free_bytes()
        if free is None:
            return
        left = free - self._pending_bytes(exclude)
        if needed > left:
            raise ArchiveError(507, "storage_full", f"The archive has room for {max(left, 0)} more bytes and this "
                               f"needs {needed}; the archive's admin must free disk space, then send again.")

    def create_upload(self, station_id: str, length: int, metadata: dict[str, str]) -> tuple[Upload | None, str]:
        """(upload, "created" | "resumed") or (None, "stored") when the package is already in the archive."""
        package_id = metadata.get("package_id", "")
        sha256 = metadata.get("sha256", "").lower()
        if not SAFE_ID.match(package_id):
            raise ArchiveError(400, "bad_metadata", "Upload-Metadata must carry package_id (letters, digits, '.', "
                               "'_', '-'); send the package's id.")
        if not HEX64.match(sha256):
            raise ArchiveError(400, "bad_metadata", "Upload-Metadata must carry sha256, the hex sha256 of the "
                               "whole zip.")
        if length < 1:
            raise ArchiveError(400, "bad_length", "Upload-Length must be a positive number of bytes.")
        if length > self.max_size:
            raise ArchiveError(413, "too_large", f"The package is {length} bytes; the archive takes at most "
                               f"{self.max_size} (Tus-Max-Size).")
        stored = self.package(package_id)
        if stored is not None:
            if stored["sha256"] == sha256 and stored["station_id"] == station_id:
                return None, "stored"
            raise ArchiveError(409, "conflict", f"Package {package_id} is already in the archive with other "
                               "content; a changed document must be sealed as a new package.")
        with self.transaction() as db:
            row = db.execute("SELECT * FROM uploads WHERE station_id=? AND package_id=? AND state IN "
                             "('active', 'complete') ORDER BY created_at DESC", (station_id, package_id)).fetchone()
            existing = self._upload(row)
            if existing is not None and existing.sha256 == sha256 and existing.length == length:
                return existing, "resumed"
            if existing is not None:  # the station now sends other bytes under this id: the old ones go
                db.execute("UPDATE uploads SET state='terminated', updated_at=? WHERE id=?", (now_iso(), existing.id))
                self.part_path(existing.id).unlink(missing_ok=True)
                self._hashes.pop(existing.id, None)
            self._check_space(length)
            upload = Upload(secrets.token_hex(16), station_id, package_id, sha256, length, 0,
                            metadata.get("filename", "")[:255], "active")
            part = self.part_path(upload.id)
            part.touch()
            fsync_dir(self.staging)
            db.execute("INSERT INTO uploads VALUES (?, ?, ?, ?, ?, 0, ?, 'active', ?, ?)",
                       (upload.id, station_id, package_id, sha256, length, upload.filename, now_iso(), now_iso()))
        return upload, "created"

    def _running_hash(self, upload: Upload) -> Any:
        cached = self._hashes.get(upload.id)
        if cached is not None and cached[0] == upload.offset:
            return cached[1]
        h = hashlib.sha256()
        remaining = upload.offset
        with open(self.part_path(upload.id), "rb") as f:
            while remaining:
                block = f.read(min(remaining, 1 << 20))
                if not block:
                    raise ArchiveError(500, "upload_damaged", "The upload's staged bytes are shorter than its "
                                       "committed offset; terminate it and upload again.")
                h.update(block)
                remaining -= len(block)
        self._hashes[upload.id] = (upload.offset, h)
        return h

    def begin_chunk(self, station_id: str, upload_id: str, offset: int, checksum: str | None) -> ChunkWriter:
        upload = self.get_upload(station_id, upload_id)
        if upload.state != "active" and upload.offset == upload.length:
            if offset == upload.offset:
                raise ArchiveError(409, "upload_complete", "The upload is complete; submit the package.")
        if offset != upload.offset:
            raise ArchiveError(409, "offset_mismatch", f"Upload-Offset {offset} is not the archive's offset "
                               f"{upload.offset}; ask with HEAD and resume from there.",
                               {"Upload-Offset": str(upload.offset)})
        digest = None
        if checksum is not None:
            algorithm, _, value = checksum.strip().partition(" ")
            if algorithm.lower() != "sha256":
                raise ArchiveError(400, "checksum_algorithm", "Upload-Checksum must use sha256.")
            try:
                digest = base64.b64decode(value.strip(), validate=True)
            except (binascii.Error, ValueError) as exc:
                raise ArchiveError(400, "bad_checksum", "Upload-Checksum must be 'sha256 <base64 digest>'.") from exc
        self._check_space(upload.length - upload.offset, exclude=upload.id)
        return ChunkWriter(self, upload, digest)

    def _commit_offset(self, upload: Upload, offset: int, running: Any) -> int:
        state = "complete" if offset == upload.length else "active"
        with self.transaction() as db:
            db.execute('UPDATE uploads SET "offset"=?, state=?, updated_at=? WHERE id=? AND state IN '
                       "('active', 'complete')", (offset, state, now_iso(), upload.id))
        self._hashes[upload.id] = (offset, running)
        upload.offset, upload.state = offset, state
        return offset

    def expire_uploads(self, days: int) -> int:
        """Terminate unfinished uploads untouched for `days` (a station that never came back), freeing their space."""
        cutoff = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="seconds").replace(
            "+00:00", "Z")
        with self.transaction() as db:
            ids = [r[0] for r in db.execute("SELECT id FROM uploads WHERE state IN ('active', 'complete') "
                                            "AND updated_at < ?", (cutoff,))]
            db.executemany("UPDATE uploads SET state='terminated', updated_at=? WHERE id=?",
                           [(now_iso(), i) for i in ids])
        for upload_id in ids:
            self.part_path(upload_id).unlink(missing_ok=True)
            self._hashes.pop(upload_id, None)
        return len(ids)

    def terminate(self, station_id: str, upload_id: str) -> None:
        upload = self.get_upload(station_id, upload_id)
        if upload.state == "stored":
            raise ArchiveError(409, "upload_stored", "This upload became a stored package; it cannot be "
                               "terminated.")
        with self.transaction() as db:
            db.execute("UPDATE uploads SET state='terminated', updated_at=? WHERE id=?", (now_iso(), upload.id))
        self._hashes.pop(upload.id, None)
        self.part_path(upload.id).unlink(missing_ok=True)
        fsync_dir(self.staging)

    # -- submit ------------------------------------------------------------------------------
    def _package_lock(self, package_id: str) -> threading.Lock:
        with self._lock:
            return self._package_locks.setdefault(package_id, threading.Lock())

    def _stored_answer(self, station_id: str, package_id: str, sha256: str) -> bytes | None:
        stored = self.package(package_id)
        if stored is None:
            return None
        if stored["sha256"] != sha256 or stored["station_id"] != station_id:
            raise ArchiveError(409, "conflict", f"Package {package_id} is already in the archive with other "
                               "content; a changed document must be sealed as a new package.")
        return bytes(stored["receipt"])

    def submit(self, station_id: str, package_id: str, upload_id: str | None, sha256: str) -> bytes:
        """The signed receipt's JSON bytes (the stored ones again for a repeated submit)."""
        sha256 = str(sha256 or "").lower()
        if not HEX64.match(sha256):
            raise ArchiveError(400, "bad_request", "The body must carry sha256, the hex sha256 of the package zip.")
        with self._package_lock(package_id):
            answer = self._stored_answer(station_id, package_id, sha256)
            if answer is not None:
                return answer
            if upload_id is None:
                raise ArchiveError(422, "upload_incomplete", f"Package {package_id} is not in the archive; upload "
                                   "it first, then submit with its upload_id.")
            upload = self.get_upload(station_id, str(upload_id))
            if upload.package_id != package_id:
                raise ArchiveError(422, "upload_incomplete", f"Upload {upload_id} holds package {upload.package_id},"
                                   f" not {package_id}; submit the right upload.")
            if upload.state == "stored":
                raise ArchiveError(409, "conflict", "This upload was already stored under its package.")
            if upload.offset != upload.length:
                raise ArchiveError(422, "upload_incomplete", f"The upload has {upload.offset} of {upload.length} "
                                   "bytes; resume it (HEAD, then PATCH) before submitting.")
            if not self.part_path(upload.id).exists():
                self._restage(upload)
            actual = self._running_hash(upload).hexdigest()
            if actual != sha256 or upload.sha256 != sha256:
                raise ArchiveError(422, "sha256_mismatch", f"The uploaded bytes have sha256 {actual}, not {sha256};"
                                   " terminate the upload and send the package again.")
            answer = self._ingest(station_id, package_id, sha256, self.part_path(upload.id), "upload")
            with self.transaction() as db:
                db.execute("UPDATE uploads SET state='stored', updated_at=? WHERE id=?", (now_iso(), upload.id))
            self._hashes.pop(upload.id, None)
            return answer

    def _restage(self, upload: Upload) -> None:
        """A crash between storing the package and recording it left the object stored and no record:
        bring the bytes back to staging (streamed) so the submit runs again from the start."""
        for area in ("packages", "quarantine"):
            key = f"{area}/{upload.station_id}/{upload.package_id}.zip"
            if self.storage.exists(key):
                with self.storage.open(key) as src, open(self.part_path(upload.id), "wb") as dst:
                    for block in iter(lambda: src.read(1 << 20), b""):
                        dst.write(block)
                    dst.flush()
                    os.fsync(dst.fileno())
                self.storage.delete(key)
                self._hashes.pop(upload.id, None)
                return
        raise ArchiveError(500, "upload_damaged", "The upload's staged bytes are gone; terminate it and upload "
                           "the package again.")

    def _ingest(self, station_id: str, package_id: str, sha256: str, staged: Path, source: str) -> bytes:
        """Check the staged zip, store it (durably) with its signed receipt, record it; the receipt bytes.

        `staged` is consumed. The caller holds the package lock and has checked the sha256.
        """
        size = staged.stat().st_size
        self._check_space(size)  # before the checks, which take seconds
        args = (str(staged), package_id, self.trust_files(), str(self.tmp), self.accept_test_identities)
        reasons = (self.check_pool.submit(check_package, *args).result() if self.check_pool is not None
                   else check_package(*args))
        status = "rejected" if reasons else "accepted"
        area = "packages" if status == "accepted" else "quarantine"
        key = f"{area}/{station_id}/{package_id}.zip"
        receipt = {"package_id": package_id, "sha256": sha256, "status": status, "reasons": reasons,
                   "archive_id": self.archive_id, "received_at": now_iso(), "station_id": station_id}
        body = json.dumps(self.signer.sign(receipt), ensure_ascii=False).encode("utf-8")
        try:
            self.storage.put_file(key, staged)
            self.storage.put_bytes(f"{area}/{station_id}/{package_id}.receipt.json", body)
        except StorageFull as exc:
            raise _full(exc) from exc
        with self.transaction() as db:
            db.execute("INSERT INTO packages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (package_id, station_id, sha256, size, status, json.dumps(reasons, ensure_ascii=False),
                        receipt["received_at"], key, body, source))
        return body

    # -- listing -----------------------------------------------------------------------------
    @staticmethod
    def _summary(row: sqlite3.Row) -> dict[str, Any]:
        return {"package_id": row["package_id"], "sha256": row["sha256"], "station_id": row["station_id"],
                "status": row["status"], "received_at": row["received_at"]}

    def list_packages(self, station_id: str | None = None) -> list[dict[str, Any]]:
        with self._lock:
            if station_id is None:
                rows = self.db.execute("SELECT * FROM packages ORDER BY received_at, package_id").fetchall()
            else:
                rows = self.db.execute("SELECT * FROM packages WHERE station_id=? ORDER BY received_at, package_id",
                                       (station_id,)).fetchall()
        return [self._summary(r) for r in rows]

    def package_detail(self, station_id: str, package_id: str) -> dict[str, Any]:
        row = self.package(package_id)
        if row is None or row["station_id"] != station_id:
            raise ArchiveError(404, "not_found", f"The archive has no package {package_id} from this station.")
        return {**self._summary(row), "receipt": json.loads(bytes(row["receipt"]))}

    def health(self) -> dict[str, Any]:
        return {"status": "ok", "archive_id": self.archive_id, "version": __version__, "time": now_iso()}

    # -- sneakernet --------------------------------------------------------------------------
    def import_folder(self, usb: Path) -> dict[str, Any]:
        """Every outbox under USB/station-outbox/*/: the same checks and receipts as a submit."""
        outboxes = usb / "station-outbox"
        if not outboxes.is_dir():
            raise BadInput(f"{usb} holds no station-outbox folder; give the drive's folder that "
                           "`station export-outbox` wrote to.")
        results: list[dict[str, Any]] = []
        audit: list[dict[str, Any]] = []
        for folder in sorted(p for p in outboxes.iterdir() if p.is_dir()):
            results += self._import_outbox(usb, folder)
            if SAFE_ID.match(folder.name):
                audit += audit_extracts.import_folder(self, folder, folder.name)
        counts = {k: sum(1 for r in results if r["result"] == k) for k in ("accepted", "rejected", "error")}
        counts["error"] += sum(1 for r in audit if r["result"] == "error")
        return {"archive_id": self.archive_id, "packages": results, "audit": audit, **counts}

    # -- signed audit extracts (station.archive.audit) ------------------------------------------
    def store_audit_extract(self, station_id: str, data: bytes, p7s: bytes) -> dict[str, Any]:
        return audit_extracts.store(self, station_id, data, p7s, source="upload")

    def audit_extracts(self, station_id: str) -> dict[str, Any]:
        return audit_extracts.listing(self, station_id)

    def _import_outbox(self, usb: Path, folder: Path) -> list[dict[str, Any]]:
        station_id = folder.name
        results: list[dict[str, Any]] = []
        try:
            index = json.loads((folder / "index.json").read_bytes())
            entries = list(index["packages"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            return [{"station_id": station_id, "package_id": None, "result": "error",
                     "error": f"{folder}/index.json cannot be read ({exc.__class__.__name__}); export the outbox "
                              "again."}]
        if index.get("station_id") != station_id or not SAFE_ID.match(station_id):
            return [{"station_id": station_id, "package_id": None, "result": "error",
                     "error": f"index.json names station {index.get('station_id')!r}, not the folder's "
                              f"{station_id!r}; export the outbox again."}]
        receipts_dir = usb / "station-receipts" / station_id
        written: list[dict[str, Any]] = []
        for entry in entries:
            package_id = str(entry.get("package_id", "")) if isinstance(entry, dict) else ""
            out = {"station_id": station_id, "package_id": package_id}
            try:
                body = self._import_one(folder, station_id, entry)
            except (ArchiveError, BadInput) as exc:
                results.append({**out, "result": "error", "error": exc.message})
                continue
            signed = json.loads(body)
            atomic_write(receipts_dir / f"{package_id}.json", body)
            written.append({"package_id": package_id, "sha256": signed["receipt"]["sha256"],
                            "status": signed["receipt"]["status"], "file": f"{package_id}.json"})
            results.append({**out, "result": signed["receipt"]["status"], "reasons": signed["receipt"]["reasons"]})
        if written:
            previous: list[dict[str, Any]] = []
            try:
                previous = json.loads((receipts_dir / "index.json").read_bytes())["receipts"]
            except (OSError, ValueError, KeyError, TypeError):
                pass
            merged = {r["package_id"]: r for r in previous if isinstance(r, dict) and "package_id" in r}
            merged.update({r["package_id"]: r for r in written})
            atomic_write(receipts_dir / "index.json", json.dumps(
                {"station_id": station_id, "archive_id": self.archive_id, "written_at": now_iso(),
                 "receipts": sorted(merged.values(), key=lambda r: r["package_id"])},
                ensure_ascii=False, indent=2).encode("utf-8"))
        return results

    def _import_one(self, folder: Path, station_id: str, entry: Any) -> bytes:
        if not isinstance(entry, dict):
            raise BadInput("an index entry is not an object; export the outbox again.")
        package_id = str(entry.get("package_id", ""))
        sha256 = str(entry.get("sha256", "")).lower()
        name = str(entry.get("file", f"{package_id}.zip"))
        if not SAFE_ID.match(package_id) or not HEX64.match(sha256):
            raise BadInput(f"the index entry {package_id!r} lacks a valid package_id or sha256.")
        if "/" in name or "\\" in name or name.startswith(".") or not name:
            raise BadInput(f"the index names an unsafe file {name!r}.")
        with self._package_lock(package_id):
            answer = self._stored_answer(station_id, package_id, sha256)
            if answer is not None:
                return answer
            src = folder / name
            if not src.is_file():
                raise BadInput(f"{src} is missing; export the outbox again.")
            self._check_space(src.stat().st_size)
            staged = self.staging / f"import-{secrets.token_hex(8)}.part"
            try:
                h = hashlib.sha256()
                with open(src, "rb") as fin, open(staged, "wb") as fout:
                    for block in iter(lambda: fin.read(1 << 20), b""):
                        h.update(block)
                        fout.write(block)
                if h.hexdigest() != sha256:
                    raise ArchiveError(422, "sha256_mismatch", f"{src.name} has sha256 {h.hexdigest()}, not the "
                                       f"index's {sha256}; the copy on the drive is damaged, export it again.")
                return self._ingest(station_id, package_id, sha256, staged, "import")
            finally:
                staged.unlink(missing_ok=True)

