"""Fixtures for the accounts, audit and review tests: documents ready for review without OCR."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from station.domain import DocState
from station.store.db import NewPage
from station.workflow import Station

PW = "mật-khẩu-thử-1"

# Everything a document needs to be confirmed (metadata.md) that the profile does not give.
FIELDS = {
    "type_name": "QUYẾT ĐỊNH", "code_number": "15", "code_notation": "QĐ-BGDĐT", "issued_date": "2021-03-05",
    "organ_name": "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "subject": "Về việc công nhận tốt nghiệp",
    "file_code": "000.00.00.G03.2026.01", "paper_file_code": "G03.K1-02-05.0001",
}


def staffed(data: Path) -> Station:
    """A station with an admin, two operators and two supervisors, all with password PW."""
    station = Station(data)
    a = station.accounts
    a.add("admin", "admin", PW, by=None)
    for name, role in (("lan", "operator"), ("hoa", "operator"), ("minh", "supervisor"), ("tuan", "supervisor")):
        a.add(name, role, PW, by="admin")
    return station


def new_document(station: Station, *, batch: str = "b1", pages: int = 2, suggestions: dict[str, Any] | None = None,
                 batch_settings: dict[str, Any] | None = None) -> str:
    """A document with `pages` pages, processed (needs_review) with the given suggestions."""
    store = station.store
    with store.transaction():
        batch_id = store.batch_id(batch, create=True)
        if batch_settings is not None:
            import json

            store.db.execute("UPDATE batches SET settings = ? WHERE id = ?", (json.dumps(batch_settings), batch_id))
        new = [NewPage(blob=store.blobs.put(f"{batch}-{i}-{id(station)}".encode(), ".png"), width=10, height=20,
                       dpi=300, dpi_source="file", mode="gray", source_name=f"p{i}.png", source_page=1)
               for i in range(pages)]
        doc_id = store.add_document(batch_id, new)
        sugg = {k: {"value": v, "confidence": 0.9, "page": 1, "bbox": [0, 0, 1, 1]}
                for k, v in (suggestions or {}).items()}
        store.set_state(doc_id, DocState.NEEDS_REVIEW, suggestions=sugg)
    return doc_id


def confirmed(station: Station, by: str = "lan", **kw: Any) -> str:
    doc_id = new_document(station, **kw)
    station.confirm(doc_id, sets=dict(FIELDS), accept_suggestions=True, user=by)
    return doc_id
