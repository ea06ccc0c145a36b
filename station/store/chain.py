"""The hash chain of the audit log: how one entry's hash is computed.

It lives in the store because the store is the only writer of audit entries (Store.log), and the
hash of an entry must be computed in the same transaction that appends it. station.audit reads,
verifies and exports the chain with these same functions, and so can the archive: the rule is

    hash = sha256(canonical JSON of {"seq", "at", "user", "station", "action", "object",
                                     "detail", "prev"})

where canonical JSON is UTF-8, keys sorted, no whitespace, non-ASCII kept as is; `prev` is the
hash of the entry before (GENESIS for the first); `seq` is the entry's position (1, 2, …), so an
entry moved to another place no longer matches its hash.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS = "0" * 64

HASHED_FIELDS = ("seq", "at", "user", "station", "action", "object", "detail", "prev")


def canonical(value: Any) -> bytes:
    """One byte string per value: what is hashed, and what a signed extract carries."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def entry_hash(entry: dict[str, Any]) -> str:
    """The hash of an entry given as a dict with HASHED_FIELDS (other keys are ignored)."""
    return hashlib.sha256(canonical({k: entry.get(k) for k in HASHED_FIELDS})).hexdigest()
