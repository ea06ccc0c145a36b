"""Signed audit extracts: the station's hash-chained log, range by range, kept by the archive.

A station sends `extract(store, first, last)` (canonical JSON that carries the hash of the entry
before `first`) with a detached CMS signature by its organ key. The archive keeps an extract only
when the signature is intact and chains to its trust roots (as for a package's bag), the extract's
own chain holds, it is the token's station's, and it continues exactly where the last stored
extract of that station ended: so the stored extracts of a station join into one chain from entry
1, and a removed or rewritten range at the station shows as a gap or a hash that does not join.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asn1crypto import cms

from station.audit import verify_extract
from station.errors import BadInput
from station.signing.cms import verify_detached
from station.signing.identity import describe
from station.store.chain import GENESIS

if TYPE_CHECKING:
    from station.archive.service import Archive

SCHEMA = """
CREATE TABLE IF NOT EXISTS audit_extracts (
    station_id TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL, prev TEXT NOT NULL,
    last_hash TEXT NOT NULL, sha256 TEXT NOT NULL, stored_at TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (station_id, first));
"""


def _error(status: int, code: str, message: str) -> Exception:
    from station.archive.service import ArchiveError

    return ArchiveError(status, code, message)


def _signed_by_test_identity(p7s: bytes) -> bool:
    """Whether the signer's certificate is a station TEST identity (only a demo archive keeps those)."""
    signed = cms.ContentInfo.load(p7s)["content"]
    sid = signed["signer_infos"][0]["sid"]
    for choice in signed["certificates"] or []:
        cert = choice.chosen
        if sid.name == "issuer_and_serial_number":
            match = (cert.issuer == sid.chosen["issuer"] and cert.serial_number == sid.chosen["serial_number"].native)
        else:
            match = cert.key_identifier == sid.chosen.native
        if match:
            return bool(describe(cert)["test_identity"])
    return False


def expected(archive: Archive, station_id: str) -> tuple[int, str]:
    """(the `first` the next extract of this station must have, the hash it must continue from)."""
    with archive._lock:
        row = archive.db.execute("SELECT last, last_hash FROM audit_extracts WHERE station_id=? "
                                 "ORDER BY last DESC LIMIT 1", (station_id,)).fetchone()
    return (1, GENESIS) if row is None else (int(row["last"]) + 1, str(row["last_hash"]))


def listing(archive: Archive, station_id: str) -> dict[str, Any]:
    with archive._lock:
        rows = archive.db.execute("SELECT first, last, sha256, stored_at FROM audit_extracts WHERE station_id=? "
                                  "ORDER BY first", (station_id,)).fetchall()
    next_first, last_hash = expected(archive, station_id)
    return {"station_id": station_id, "next_first": next_first, "last_hash": last_hash,
            "extracts": [dict(r) for r in rows]}


def store(archive: Archive, station_id: str, data: bytes, p7s: bytes, *, source: str) -> dict[str, Any]:
    """Check a signed extract and keep it durably; the answer (the stored one again for a repeat)."""
    intact, trusted, detail = verify_detached(data, p7s, archive.trust_roots())
    if not intact:
        raise _error(422, "signature_invalid", f"The extract's signature does not match it ({detail}); sign the "
                     "extract's exact bytes with the station's organ key.")
    if not trusted:
        raise _error(422, "signature_untrusted", f"The extract is {detail}; the archive's admin adds the organ's "
                     "CA to the archive's trust roots.")
    if _signed_by_test_identity(p7s) and not archive.accept_test_identities:
        raise _error(422, "test_identity", "The extract is signed by a station TEST identity, which this archive "
                     "does not keep; sign with the organ's certificate.")
    verdict = verify_extract(data)
    if not verdict.ok:
        raise _error(422, "audit_chain_broken", f"The extract's chain does not hold: {verdict.problem}; the "
                     "station's audit log must be checked (`station audit verify`).")
    doc = json.loads(data)
    first, last, prev = int(doc["first"]), int(doc["last"]), str(doc["prev"])
    if doc.get("station") != station_id:
        raise _error(403, "wrong_station", f"The extract is of station {doc.get('station')!r}, not of this token's "
                     f"station {station_id!r}; each station sends only its own log.")
    if last < first:
        raise _error(422, "audit_empty", "The extract holds no entries; send one when the log has new entries.")
    sha256 = hashlib.sha256(data).hexdigest()
    last_hash = str(doc["entries"][-1]["hash"])
    with archive._package_lock(f"audit:{station_id}"):
        with archive._lock:
            row = archive.db.execute("SELECT * FROM audit_extracts WHERE station_id=? AND first=?",
                                     (station_id, first)).fetchone()
        if row is not None and int(row["last"]) == last and row["sha256"] == sha256:
            return _answer(station_id, first, last, str(row["stored_at"]))
        next_first, after = expected(archive, station_id)
        if first != next_first or prev != after:
            why = "it does not start there" if first != next_first else \
                f"its prev is not the hash of entry {first - 1} the archive holds"
            raise _error(409, "audit_gap", f"The archive expects this station's next extract to start at entry "
                         f"{next_first} ({why}); send the extract from entry {next_first}.")
        from station.archive.service import _full, now_iso
        from station.archive.storage import StorageFull

        key = f"audit/{station_id}/{first}-{last}"
        stored_at = now_iso()
        try:
            archive.storage.put_bytes(f"{key}.p7s", p7s)
            archive.storage.put_bytes(f"{key}.json", data)
        except StorageFull as exc:
            raise _full(exc) from exc
        with archive.transaction() as db:
            db.execute("INSERT INTO audit_extracts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (station_id, first, last, prev, last_hash, sha256, stored_at, source))
    return _answer(station_id, first, last, stored_at)


def _answer(station_id: str, first: int, last: int, stored_at: str) -> dict[str, Any]:
    return {"station_id": station_id, "first": first, "last": last, "stored_at": stored_at}


def _first_of(path: Path) -> int:
    head = path.stem.split("-", 1)[0]
    return int(head) if head.isdigit() else 0


def import_folder(archive: Archive, folder: Path, station_id: str) -> list[dict[str, Any]]:
    """`folder/audit/*.json` (+ `.p7s`) of one station's sneakernet outbox, oldest range first."""
    from station.archive.service import ArchiveError

    audit_dir = folder / "audit"
    if not audit_dir.is_dir():
        return []
    results = []
    for path in sorted(audit_dir.glob("*.json"), key=lambda p: (_first_of(p), p.name)):
        out: dict[str, Any] = {"station_id": station_id, "file": path.name}
        try:
            p7s_path = path.with_suffix(".p7s")
            if not p7s_path.is_file():
                raise BadInput(f"{p7s_path.name} (the extract's signature) is missing; export the outbox again.")
            answer = store(archive, station_id, path.read_bytes(), p7s_path.read_bytes(), source="import")
        except (ArchiveError, BadInput) as exc:
            results.append({**out, "result": "error", "error": exc.message})
            continue
        results.append({**out, "result": "stored", "first": answer["first"], "last": answer["last"]})
    return results
