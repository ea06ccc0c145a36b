from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from station.domain import DocState, Stage
from station.errors import NotFound, StationError, UsageError
from station.files import BlobStore, atomic_write
from station.store import Store, migrations
from station.store.db import NewPage


def _page(store: Store, data: bytes = b"page") -> NewPage:
    blob = store.blobs.put(data, ".png")
    return NewPage(blob=blob, width=10, height=20, dpi=300, dpi_source="file", mode="gray",
                   source_name="a.png", source_page=1)


def test_database_is_wal_with_schema_version(tmp_path: Path) -> None:
    store = Store(tmp_path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_version == migrations.LATEST
    store.close()
    assert Store(tmp_path).schema_version == migrations.LATEST


def test_migration_copies_the_database_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path)
    with store.transaction():
        store.batch_id("b1", create=True)
    store.close()
    extra = (migrations.LATEST + 1, "ALTER TABLE batches ADD COLUMN note TEXT")
    monkeypatch.setattr("station.store.db.MIGRATIONS", [*migrations.MIGRATIONS, extra])
    monkeypatch.setattr("station.store.db.LATEST", extra[0])
    store = Store(tmp_path)
    assert store.schema_version == extra[0]
    backup = tmp_path / f"station.sqlite3.v{migrations.LATEST}.bak"
    assert backup.exists()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    assert old.execute("SELECT name FROM batches").fetchall() == [("b1",)]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    Store(tmp_path).close()
    db = sqlite3.connect(tmp_path / "station.sqlite3")
    db.execute(f"PRAGMA user_version={migrations.LATEST + 5}")
    db.commit()
    db.close()
    with pytest.raises(StationError, match="newer station"):
        Store(tmp_path)


def test_blobs_are_content_addressed_and_atomic(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    a = blobs.put(b"hello", ".png")
    assert a == blobs.put(b"hello", ".png")
    assert blobs.read(a) == b"hello"
    assert blobs.path(a).parent.name == a[:2]
    assert not list(tmp_path.rglob("*.tmp"))
    with pytest.raises(ValueError):
        blobs.path("../etc/passwd")


def test_atomic_write_leaves_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    atomic_write(target, b"old")

    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_document_refuses_pages_missing_from_disk(tmp_path: Path) -> None:
    store = Store(tmp_path)
    ghost = NewPage(blob="0" * 64 + ".png", width=1, height=1, dpi=300, dpi_source="file", mode="gray",
                    source_name="x", source_page=1)
    with pytest.raises(StationError), store.transaction():
        store.add_document(store.batch_id("b", create=True), [ghost])
    assert store.documents() == []


def test_state_machine_and_prefix_lookup(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.transaction():
        doc = store.add_document(store.batch_id("b", create=True), [_page(store)])
    assert store.resolve_document(doc[:6]) == doc
    with pytest.raises(NotFound):
        store.resolve_document("zzzzzz")
    with store.transaction():
        store.set_state(doc, DocState.NEEDS_REVIEW)
    with pytest.raises(UsageError, match="cannot become approved"), store.transaction():
        store.set_state(doc, DocState.APPROVED)
    assert store.document(doc)["state"] == "needs_review"


def test_stage_results_are_one_row_per_page_and_stage(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.transaction():
        doc = store.add_document(store.batch_id("b", create=True), [_page(store)])
    page = store.pages(doc)[0]
    assert store.pending_pages((DocState.PROCESSING,), None) == [page.id]
    with store.transaction():
        store.record_stage(page.id, Stage.CLEANUP, ok=False, error="boom")
        store.record_stage(page.id, Stage.CLEANUP, ok=True, result={"a": 1})
        store.record_stage(page.id, Stage.OCR, ok=True, result={"lines": []})
    rows = store.db.execute("SELECT COUNT(*) FROM page_stages").fetchone()[0]
    assert rows == 2
    assert store.stage_results(page.id)["cleanup"]["attempts"] == 2
    assert store.pending_pages((DocState.PROCESSING,), None) == []
