"""The audit log: reading, verifying and exporting the hash-chained entries the store appends.

Every change the station makes is written with `Store.log` (time, user, station, action, object,
details) in the same transaction as the change; each entry holds the hash of the one before
(station.store.chain). This module is what reads that chain:

- `verify(store)` walks the chain and names the first entry that was changed, removed or moved;
- `premis_events(store, doc_id)` gives a document's entries as PREMIS 3 event dicts, for the
  package's PREMIS file (the packaging issue writes them as XML);
- `extract(store, first, last)` gives a range as canonical JSON bytes, ready to be signed (CMS,
  detached) and stored by the archive; `verify_extract(data)` checks such an extract's own chain.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from station.errors import UsageError
from station.store import Store
from station.store.chain import GENESIS, HASHED_FIELDS, canonical, entry_hash

EXTRACT_FORMAT = "station-audit-extract/1"


@dataclass
class Verdict:
    ok: bool
    entries: int
    first_bad: dict[str, Any] | None = None
    problem: str = ""
    head: str = GENESIS

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"ok": self.ok, "entries": self.entries, "head": self.head}
        if not self.ok:
            out["first_bad"] = self.first_bad
            out["problem"] = self.problem
        return out


def _row_entry(row: Any) -> dict[str, Any]:
    try:
        detail = json.loads(row["detail"])
    except (TypeError, ValueError):
        detail = row["detail"]
    return {"seq": int(row["id"]), "at": row["at"], "user": row["user"], "station": row["station"],
            "action": row["action"], "object": row["object"], "detail": detail, "prev": row["prev_hash"],
            "hash": row["hash"]}


def entries(store: Store, *, obj: str | None = None, first: int | None = None,
            last: int | None = None) -> list[dict[str, Any]]:
    """Entries in order, each with seq, at, user, station, action, object, detail, prev, hash."""
    sql, args = "SELECT * FROM events WHERE 1=1", []
    if obj is not None:
        sql += " AND object = ?"
        args.append(obj)
    if first is not None:
        sql += " AND id >= ?"
        args.append(first)
    if last is not None:
        sql += " AND id <= ?"
        args.append(last)
    return [_row_entry(r) for r in store.db.execute(sql + " ORDER BY id", args)]


def _walk(items: list[dict[str, Any]], *, start_seq: int, start_prev: str) -> Verdict:
    expected_seq, prev = start_seq, start_prev
    for e in items:
        problem = ""
        if e["seq"] != expected_seq:
            problem = (f"entry {expected_seq} is missing: it was removed" if e["seq"] > expected_seq
                       else f"entry {e['seq']} is out of place")
        elif e["hash"] is None or entry_hash(e) != e["hash"]:
            problem = f"entry {e['seq']} does not match its hash: it was changed or moved"
        elif e["prev"] != prev:
            problem = f"entry {e['seq']} does not follow entry {e['seq'] - 1}: entries were removed or reordered"
        if problem:
            return Verdict(False, len(items), first_bad=e, problem=problem, head=prev)
        expected_seq, prev = e["seq"] + 1, e["hash"]
    return Verdict(True, len(items), head=prev)


def verify(store: Store) -> Verdict:
    """Check the whole chain and that its end is where the store says the last entry is."""
    items = entries(store)
    verdict = _walk(items, start_seq=1, start_prev=GENESIS)
    if not verdict.ok:
        return verdict
    head_seq, head_hash = store.audit_head()
    last_seq = items[-1]["seq"] if items else 0
    if (head_seq, head_hash) != (last_seq, verdict.head if items else GENESIS):
        missing = {"seq": head_seq, "hash": head_hash}
        return Verdict(False, len(items), first_bad=missing, head=verdict.head,
                       problem=f"the log ends at entry {last_seq} but entry {head_seq} was written: "
                               "the last entries were removed or changed")
    return verdict


# -- PREMIS ------------------------------------------------------------------------------------
# Station actions as PREMIS event types (Library of Congress vocabulary id.loc.gov/vocabulary/preservation/eventType).
PREMIS_EVENT_TYPES: dict[str, str] = {
    "scan": "capture",
    "import": "ingestion",
    "import_refused": "ingestion",
    "processed": "metadata extraction",
    "process_failed": "metadata extraction",
    "edit": "metadata modification",
    "confirm": "metadata modification",
    "approve": "validation",
    "reject": "validation",
    "sample_check": "validation",
    "export_pdf": "migration",
    "seal": "digital signature generation",
    "sync": "transfer",
    "denied": "authorization",
}


def premis_events(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """A document's audit entries as PREMIS 3 events (semantic units as keys), oldest first."""
    out = []
    for e in entries(store, obj=doc_id):
        refused = e["action"].endswith(("_refused", "_failed")) or e["action"] == "denied"
        detail = {k: v for k, v in (e["detail"] or {}).items()} if isinstance(e["detail"], dict) else {}
        agents = []
        if e["user"]:
            agents.append({"linkingAgentIdentifierType": "local", "linkingAgentIdentifierValue": e["user"],
                           "linkingAgentRole": "implementer"})
        if e["station"]:
            agents.append({"linkingAgentIdentifierType": "local", "linkingAgentIdentifierValue": e["station"],
                           "linkingAgentRole": "executing program"})
        out.append({
            "eventIdentifier": {"eventIdentifierType": "station-audit-sha256", "eventIdentifierValue": e["hash"]},
            "eventType": PREMIS_EVENT_TYPES.get(e["action"], e["action"].replace("_", " ")),
            "eventDateTime": e["at"],
            "eventDetailInformation": {"eventDetail": e["action"],
                                       "eventDetailExtension": {"seq": e["seq"], "prev": e["prev"], **detail}},
            "eventOutcomeInformation": {"eventOutcome": "failure" if refused or e["action"] == "reject"
                                        else "success"},
            "linkingAgentIdentifier": agents,
            "linkingObjectIdentifier": [{"linkingObjectIdentifierType": "local",
                                         "linkingObjectIdentifierValue": doc_id}],
        })
    return out


# -- signed extracts ---------------------------------------------------------------------------
def extract(store: Store, first: int | None = None, last: int | None = None) -> bytes:
    """Entries first..last (default: all) as canonical JSON, for a CMS signature and the archive.

    It carries the hash of the entry before `first`, so consecutive extracts join into one chain
    the archive can check without the station.
    """
    head_seq, _ = store.audit_head()
    first = 1 if first is None else first
    last = head_seq if last is None else last
    if first < 1 or last < first - 1 or last > head_seq:
        raise UsageError(f"The audit log holds entries 1 to {head_seq}; choose a range within it.")
    items = entries(store, first=first, last=last)
    before = entries(store, first=first - 1, last=first - 1) if first > 1 else []
    prev = before[0]["hash"] if before else GENESIS
    return canonical({
        "format": EXTRACT_FORMAT,
        "station": store.station_id,
        "first": first,
        "last": last,
        "prev": prev,
        "entries": [{k: e[k] for k in (*HASHED_FIELDS, "hash")} for e in items],
    })


def verify_extract(data: bytes) -> Verdict:
    """Check an extract's chain on its own (its signature is checked by whoever signed it)."""
    try:
        doc = json.loads(data.decode("utf-8"))
        if doc.get("format") != EXTRACT_FORMAT:
            raise ValueError(doc.get("format"))
        items = list(doc["entries"])
        start, prev, last = int(doc["first"]), str(doc["prev"]), int(doc["last"])
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
        return Verdict(False, 0, problem="this is not a station audit extract")
    verdict = _walk(items, start_seq=start, start_prev=prev)
    if verdict.ok and start + len(items) - 1 != last:
        return Verdict(False, len(items), problem=f"the extract says it ends at {last} but holds "
                                                  f"{len(items)} entries from {start}")
    return verdict


__all__ = ["Verdict", "entries", "extract", "premis_events", "verify", "verify_extract"]
