"""The outbox: sealed packages waiting for the archive's receipt, in the station's own store.

A row is made by the seal itself (a trigger, migration 6) and moves sealed → uploading → uploaded
→ accepted | rejected. Everything the transfer learns (the upload's URL and offset, attempts, the
next attempt's time, the last error) is committed as it is learnt, so a station killed at any
instant resumes from the database. The final move happens in one transaction with the document's
state, the audit entry that carries the signed receipt, and (for a rejection) the withdrawal of
the seal, so the operator can fix and seal the document again.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from station.domain import DocState
from station.store import Store
from station.store.db import now

WAITING = ("sealed", "uploading", "uploaded")
STATES = (*WAITING, "accepted", "rejected")


@dataclass
class Item:
    package_id: str
    document_id: str
    path: Path
    sha256: str
    bytes: int | None
    state: str
    upload_url: str | None
    offset: int
    attempts: int
    next_attempt_at: float
    last_error: str | None

    @classmethod
    def from_row(cls, r: Any) -> Item:
        return cls(package_id=r["package_id"], document_id=r["document_id"], path=Path(r["package_path"]),
                   sha256=r["sha256"], bytes=r["bytes"], state=r["state"], upload_url=r["upload_url"],
                   offset=int(r["upload_offset"]), attempts=int(r["attempts"]),
                   next_attempt_at=float(r["next_attempt_at"]), last_error=r["last_error"])


class Outbox:
    """Reads and moves outbox rows; every method commits what it changes before returning."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading ----------------------------------------------------------------------------------
    def item(self, package_id: str) -> Item | None:
        r = self.store.db.execute("SELECT * FROM outbox WHERE package_id = ?", (package_id,)).fetchone()
        return None if r is None else Item.from_row(r)

    def waiting(self, *, due_before: float | None = None) -> list[Item]:
        """Packages without a receipt, oldest seal first; only those due by `due_before` when given."""
        sql = f"SELECT * FROM outbox WHERE state IN ({','.join('?' * len(WAITING))})"
        args: list[Any] = list(WAITING)
        if due_before is not None:
            sql += " AND next_attempt_at <= ?"
            args.append(due_before)
        return [Item.from_row(r) for r in self.store.db.execute(sql + " ORDER BY queued_at, package_id", args)]

    def count_waiting(self) -> int:
        return int(self.store.db.execute(
            f"SELECT COUNT(*) FROM outbox WHERE state IN ({','.join('?' * len(WAITING))})", WAITING).fetchone()[0])

    def next_due(self) -> float | None:
        row = self.store.db.execute(
            f"SELECT MIN(next_attempt_at) FROM outbox WHERE state IN ({','.join('?' * len(WAITING))})",
            WAITING).fetchone()
        return None if row[0] is None else float(row[0])

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATES, 0)
        for r in self.store.db.execute("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state"):
            out[r["state"]] = int(r["n"])
        return out

    def rows(self) -> list[dict[str, Any]]:
        rows = self.store.db.execute("SELECT * FROM outbox ORDER BY queued_at, package_id").fetchall()
        out = []
        for r in rows:
            d = dict(r)
            d["reasons"] = json.loads(d["reasons"]) if d["reasons"] else []
            d.pop("receipt")
            out.append(d)
        return out

    def receipt(self, package_id: str) -> dict[str, Any] | None:
        row = self.store.db.execute("SELECT receipt FROM outbox WHERE package_id = ?", (package_id,)).fetchone()
        return json.loads(row["receipt"]) if row and row["receipt"] else None

    # -- the transfer's progress -------------------------------------------------------------------
    def _update(self, package_id: str, **values: Any) -> None:
        values["updated_at"] = now()
        sets = ", ".join(f"{k} = ?" for k in values)
        with self.store.transaction():
            self.store.db.execute(f"UPDATE outbox SET {sets} WHERE package_id = ?", (*values.values(), package_id))

    def set_size(self, package_id: str, size: int) -> None:
        self._update(package_id, bytes=size)

    def started(self, package_id: str, upload_url: str | None, offset: int = 0) -> None:
        self._update(package_id, state="uploading", upload_url=upload_url, upload_offset=offset)

    def progressed(self, package_id: str, offset: int) -> None:
        self._update(package_id, upload_offset=offset)

    def forget_upload(self, package_id: str) -> None:
        """The archive no longer knows the upload (expired, terminated): the next try creates one."""
        self._update(package_id, state="sealed", upload_url=None, upload_offset=0)

    def uploaded(self, package_id: str, offset: int) -> None:
        self._update(package_id, state="uploaded", upload_offset=offset)

    def failed(self, package_id: str, error: str, delay: float) -> None:
        """A try that did not end with a receipt: count it and say when the next one is due."""
        with self.store.transaction():
            self.store.db.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ?"
                " WHERE package_id = ?", (error, time.time() + delay, now(), package_id))

    def make_due(self) -> None:
        """Someone asked to sync now: every waiting package is due at once."""
        with self.store.transaction():
            self.store.db.execute(
                f"UPDATE outbox SET next_attempt_at = 0 WHERE state IN ({','.join('?' * len(WAITING))})", WAITING)

    # -- the end of the road ----------------------------------------------------------------------
    def settle(self, item: Item, envelope: dict[str, Any], *, user: str | None, via: str) -> str:
        """Store a verified receipt: accepted → document synced; rejected → back to its operator.

        One transaction: the outbox row, the document's state, the seal's withdrawal (rejection) and
        the provenance entry in the audit log holding the receipt and its signature.
        """
        receipt = envelope["receipt"]
        status = receipt["status"]
        reasons = [str(r) for r in receipt.get("reasons") or []]
        stamp = now()
        with self.store.transaction():
            self.store.db.execute(
                "UPDATE outbox SET state = ?, receipt = ?, reasons = ?, last_error = NULL, settled_at = ?,"
                " updated_at = ? WHERE package_id = ?",
                (status, json.dumps(envelope, ensure_ascii=False, sort_keys=True), json.dumps(reasons, ensure_ascii=False),
                 stamp, stamp, item.package_id))
            doc = self.store.document(item.document_id)
            seal = self.store.seal(item.document_id)
            current = seal is not None and seal["package_id"] == item.package_id
            if status == "accepted" and current and doc["state"] == DocState.SEALED.value:
                self.store.set_state(item.document_id, DocState.SYNCED)
            elif status == "rejected" and current and doc["state"] == DocState.SEALED.value:
                note = ("The archive rejected package " + item.package_id + ": " + "; ".join(reasons or ["no reason given"])
                        + ". Fix the document, confirm it again and have it approved and sealed again.")
                self.store.set_state(item.document_id, DocState.REJECTED, reject_reason=note,
                                     decided_by=f"archive {receipt.get('archive_id', '')}".strip(), decided_at=stamp)
                # The seal is withdrawn (the outbox keeps the package and its receipt) so that the
                # document can be sealed again into a new package.
                self.store.db.execute("DELETE FROM seals WHERE document_id = ? AND package_id = ?",
                                      (item.document_id, item.package_id))
            self.store.log("archive_receipt", user=user, obj=item.document_id, package_id=item.package_id,
                           sha256=item.sha256, status=status, reasons=reasons, archive_id=receipt.get("archive_id"),
                           received_at=receipt.get("received_at"), station_id=receipt.get("station_id"),
                           via=via, receipt=receipt, signature=envelope["signature"])
        return str(status)

    # -- local copies after acceptance ----------------------------------------------------------
    def removable(self, keep_days: float, *, at: datetime | None = None) -> list[dict[str, Any]]:
        """Accepted packages whose local copy was kept the configured time and is still on disk."""
        limit = (at or datetime.now(UTC)) - timedelta(days=keep_days)
        rows = self.store.db.execute(
            "SELECT package_id, document_id, package_path, settled_at FROM outbox"
            " WHERE state = 'accepted' AND removed_at IS NULL AND settled_at IS NOT NULL").fetchall()
        out = []
        for r in rows:
            settled = datetime.fromisoformat(r["settled_at"].replace("Z", "+00:00"))
            if settled <= limit:
                out.append(dict(r))
        return out

    def mark_removed(self, package_id: str) -> None:
        self._update(package_id, removed_at=now())
