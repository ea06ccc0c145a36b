"""The supervisor's side: the review queue, the four-eyes rule, sampling, and the gate before sealing.

The GUI's review screen is built on these functions:
- `review_queue(station, operator=, procedure=, flags=)`: documents waiting for approval, oldest
  confirmation first, each with its flags and `changes` (what was suggested, what the operator
  typed, where each value came from);
- `operator_queue(station, operator)`: what goes back to an operator, rejected ones first with the
  supervisor's note;
- `pick_sample(station, user=)` and `record_sample_check(...)`: the sampling mode (a configurable
  share of the queue is picked for a full page-by-page check; a picked document is approved only
  after a passing check by someone other than its operator);
- `require_sealable(station, doc, user)`: signing and packaging only for an approved document, by a
  role that may seal.
"""

from __future__ import annotations

import json
import math
import random
from typing import TYPE_CHECKING, Any

from station.auth import Accounts, Action, Session, account_key
from station.domain import DocState
from station.errors import NotAllowed, UsageError
from station.store.db import now

if TYPE_CHECKING:
    from station.workflow.station import Station

LOW_CONFIDENCE = 0.80  # a page whose OCR confidence is lower than this is flagged for the reviewer
QUEUE_FLAGS = ("edited", "sampled", "sample_pending", "rejected_before", "low_confidence", "blank_pages")


def _user_name(user: str | Session | None) -> str | None:
    return user.user if isinstance(user, Session) else user


def four_eyes(accounts: Accounts, confirmed_by: str | None, deciding: str | Session | None) -> bool:
    """True when the person deciding is not the operator who confirmed."""
    return not accounts.same_person(confirmed_by, _user_name(deciding))


def procedure_of(doc: dict[str, Any], batch_settings: dict[str, Any]) -> str:
    """The procedure a document belongs to: its own field, else its batch's."""
    for value in (doc["metadata"].get("procedure_code"), batch_settings.get("procedure_code"),
                  batch_settings.get("procedure")):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def entered_fields(station: Station, doc_id: str) -> list[str]:
    """Keys a person typed at the last confirmation (the audit log says so)."""
    for e in reversed(station.store.events(doc_id)):
        if e["action"] == "confirm":
            return list(e["detail"].get("entered", []))
    return []


def changes(station: Station, doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Field by field: the suggestion, the value kept, and where it came from.

    source: "suggestion" (accepted as suggested), "operator" (typed, over a suggestion or not),
    "default" (profile, batch or count, nobody typed it).
    """
    typed = set(entered_fields(station, doc["id"]))
    out = []
    for key in sorted(set(doc["suggestions"]) | set(doc["metadata"])):
        s = doc["suggestions"].get(key) or {}
        value = doc["metadata"].get(key)
        suggested = s.get("value")
        if key in typed and value != suggested:
            source = "operator"
        elif suggested is not None and value == suggested:
            source = "suggestion"
        elif suggested is not None and value is None:
            source = "not_kept"
        else:
            source = "default"
        out.append({"field": key, "suggested": suggested, "confidence": s.get("confidence"), "value": value,
                    "source": source})
    return out


def _page_facts(station: Station, doc_id: str) -> tuple[set[str], int, float | None]:
    flags: set[str] = set()
    blanks = 0
    low: float | None = None
    rows = station.store.db.execute(
        "SELECT s.stage, s.result FROM pages p JOIN page_stages s ON s.page_id = p.id"
        " WHERE p.document_id = ? AND s.status = 'done'", (doc_id,))
    for r in rows:
        result = json.loads(r["result"])
        if r["stage"] == "cleanup":
            flags.update(result.get("flags", []))
            blanks += bool(result.get("blank"))
        elif r["stage"] == "ocr" and result.get("confidence") is not None:
            conf = float(result["confidence"])
            low = conf if low is None else min(low, conf)
    return flags, blanks, low


def _sample_row(station: Station, doc_id: str) -> dict[str, Any] | None:
    row = station.store.db.execute("SELECT * FROM review_samples WHERE document_id = ?", (doc_id,)).fetchone()
    return None if row is None else dict(row)


def queue_item(station: Station, doc_id: str) -> dict[str, Any]:
    doc = station.store.document(doc_id)
    batch = station.store.batch_settings(doc["batch_id"])
    page_flags, blanks, low = _page_facts(station, doc_id)
    item_changes = changes(station, doc)
    flags = set(page_flags)
    if any(c["source"] == "operator" and c["suggested"] is not None for c in item_changes):
        flags.add("edited")
    sample = _sample_row(station, doc_id)
    if sample and sample["picked"]:
        flags.add("sampled")
        if sample["result"] != "pass":
            flags.add("sample_pending")
    if any(e["action"] == "reject" for e in station.store.events(doc_id)):
        flags.add("rejected_before")
    if low is not None and low < LOW_CONFIDENCE:
        flags.add("low_confidence")
    if blanks:
        flags.add("blank_pages")
    return {
        "id": doc_id, "batch": doc["batch"], "state": doc["state"],
        "page_count": int(station.store.db.execute("SELECT COUNT(*) FROM pages WHERE document_id = ?",
                                                   (doc_id,)).fetchone()[0]),
        "title": doc["metadata"].get("subject", ""),
        "procedure": procedure_of(doc, batch),
        "confirmed_by": doc["confirmed_by"], "confirmed_at": doc["confirmed_at"],
        "reject_reason": doc["reject_reason"],
        "flags": sorted(flags),
        "lowest_ocr_confidence": low,
        "sample": None if sample is None or not sample["picked"] else {
            "result": sample["result"], "checked_by": sample["checked_by"], "note": sample["note"]},
        "changes": item_changes,
    }


def review_queue(station: Station, *, operator: str | None = None, procedure: str | None = None,
                 flags: list[str] | tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Documents waiting for approval, the longest waiting first; every filter given must match."""
    rows = station.store.db.execute(
        "SELECT id, confirmed_by FROM documents WHERE state = ? ORDER BY confirmed_at, created_at, id",
        (DocState.CONFIRMED.value,)).fetchall()
    out = []
    for r in rows:
        if operator and account_key(r["confirmed_by"] or "") != account_key(operator):
            continue
        item = queue_item(station, r["id"])
        if procedure is not None and item["procedure"] != procedure:
            continue
        if flags and not set(flags) <= set(item["flags"]):
            continue
        out.append(item)
    return out


def operator_queue(station: Station, operator: str) -> list[dict[str, Any]]:
    """What an operator has to do: their rejected documents first (with the note), then new ones."""
    rejected = station.store.db.execute(
        "SELECT id, confirmed_by FROM documents WHERE state = ? ORDER BY decided_at, id",
        (DocState.REJECTED.value,)).fetchall()
    out = [queue_item(station, r["id"]) for r in rejected
           if account_key(r["confirmed_by"] or "") == account_key(operator)]
    waiting = station.store.db.execute(
        "SELECT id FROM documents WHERE state = ? ORDER BY created_at, id", (DocState.NEEDS_REVIEW.value,))
    return out + [queue_item(station, r["id"]) for r in waiting.fetchall()]


# -- sampling ------------------------------------------------------------------------------------
def pick_sample(station: Station, *, user: str | Session, share: float | None = None,
                rng: random.Random | None = None) -> list[str]:
    """Pick `share` (default: setting review.sample_share) of the queued documents not yet considered.

    Each document is considered once, so running the sampling mode again only draws from what
    arrived since; at least one document is picked when the share is above zero.
    """
    actor = station.accounts.require(user, Action.SAMPLE_CHECK).name
    share = float(station.settings.get("review.sample_share") if share is None else share)
    if not 0.0 <= share <= 1.0:
        raise UsageError(f"The sampling share must be between 0 and 1, not {share}.")
    ids = [r["id"] for r in station.store.db.execute(
        "SELECT d.id FROM documents d LEFT JOIN review_samples s ON s.document_id = d.id"
        " WHERE d.state = ? AND s.document_id IS NULL ORDER BY d.confirmed_at, d.id",
        (DocState.CONFIRMED.value,))]
    k = min(len(ids), math.ceil(share * len(ids))) if share > 0 else 0
    picked = set((rng or random.SystemRandom()).sample(ids, k))
    stamp = now()
    with station.store.transaction():
        for doc_id in ids:
            station.store.db.execute(
                "INSERT INTO review_samples(document_id, picked, share, considered_at, considered_by)"
                " VALUES (?, ?, ?, ?, ?)", (doc_id, int(doc_id in picked), share, stamp, actor))
            if doc_id in picked:
                station.store.log("sample_pick", user=actor, obj=doc_id, share=share)
        station.store.log("sample_round", user=actor, considered=len(ids), picked=len(picked), share=share)
    return [d for d in ids if d in picked]


def record_sample_check(station: Station, ref: str, *, user: str | Session, passed: bool,
                        pages_checked: list[int], note: str = "") -> dict[str, Any]:
    """The result of a full page-by-page check of a picked document: every page must be looked at."""
    doc_id = station.store.resolve_document(ref)
    actor = station.accounts.require(user, Action.SAMPLE_CHECK, doc_id).name
    doc = station.store.document(doc_id)
    sample = _sample_row(station, doc_id)
    if sample is None or not sample["picked"]:
        raise UsageError(f"Document {doc_id} was not picked for a page-by-page check.")
    if doc["state"] != DocState.CONFIRMED.value:
        raise UsageError(f"Document {doc_id} is {doc['state']}; only a confirmed document is checked.")
    if not four_eyes(station.accounts, doc["confirmed_by"], actor):
        station.store.log("sample_check_refused", user=actor, obj=doc_id, reason="four eyes")
        raise NotAllowed(f"{actor} confirmed document {doc_id}; another supervisor must check it (four-eyes rule).")
    all_pages = {p.idx for p in station.store.pages(doc_id)}
    missing = sorted(all_pages - set(pages_checked))
    if missing:
        raise UsageError(f"Check every page of document {doc_id}: page(s) {', '.join(map(str, missing))} "
                         "were not checked.")
    if not passed and not note.strip():
        raise UsageError("Say what is wrong with the document: a failed check needs a note for the operator.")
    with station.store.transaction():
        station.store.db.execute(
            "UPDATE review_samples SET result = ?, checked_by = ?, checked_at = ?, pages_checked = ?, note = ?"
            " WHERE document_id = ?", ("pass" if passed else "fail", actor, now(), len(all_pages), note.strip(),
                                       doc_id))
        station.store.log("sample_check", user=actor, obj=doc_id, result="pass" if passed else "fail",
                          pages=len(all_pages), **({"note": note.strip()} if note.strip() else {}))
    return queue_item(station, doc_id)


def reset_sample_check(station: Station, doc_id: str) -> None:
    """A document confirmed again after a rejection is checked again (call inside the confirm's transaction)."""
    station.store.db.execute(
        "UPDATE review_samples SET result = NULL, checked_by = NULL, checked_at = NULL, pages_checked = NULL,"
        " note = NULL WHERE document_id = ? AND picked = 1", (doc_id,))


def approval_blocker(station: Station, doc_id: str) -> str | None:
    """Why a document may not be approved yet because of sampling, or None."""
    sample = _sample_row(station, doc_id)
    if sample is None or not sample["picked"] or sample["result"] == "pass":
        return None
    if sample["result"] == "fail":
        return (f"Document {doc_id} failed its page-by-page check ({sample['note']}); reject it so that its "
                "operator fixes it.")
    return f"Document {doc_id} was picked for a page-by-page check; record the check before approving it."


def require_sealable(station: Station, ref: str, user: str | Session) -> str:
    """Signing and packaging only after approval, by someone whose role may seal; returns the doc id."""
    return sealable(station, ref, user)[0]


def sealable(station: Station, ref: str, user: str | Session) -> tuple[str, str]:
    """require_sealable's check; returns the doc id and the account name of the one sealing."""
    doc_id = station.store.resolve_document(ref)
    actor = station.accounts.require(user, Action.SEAL, doc_id).name
    doc = station.store.document(doc_id)
    if doc["state"] != DocState.APPROVED.value:
        station.store.log("seal_refused", user=actor, obj=doc_id, reason=f"state {doc['state']}")
        raise NotAllowed(f"Document {doc_id} is {doc['state']}; only an approved document is signed and "
                         "packaged: a supervisor approves it first.")
    return doc_id, actor
