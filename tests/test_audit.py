"""The audit log's hash chain: every change, removal and reordering is found; exports for the archive."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from station import audit
from station.store import Store, migrations
from station.store.chain import GENESIS, canonical, entry_hash
from station.workflow import Station
from tests.helpers import station as run_cli
from tests.people import confirmed, staffed


def _flow(tmp_path: Path) -> tuple[Station, str]:
    station = staffed(tmp_path)
    doc = confirmed(station, by="lan")
    station.reject(doc, reason="Sai số ký hiệu", user="minh")
    station.confirm(doc, sets={"code_number": "16"}, user="lan")
    station.approve(doc, user="minh")
    return station, doc


def _raw(tmp_path: Path) -> sqlite3.Connection:
    """The database as someone with file access sees it: the append-only triggers can be dropped."""
    db = sqlite3.connect(tmp_path / "station.sqlite3", isolation_level=None)
    db.execute("DROP TRIGGER events_no_update")
    db.execute("DROP TRIGGER events_no_delete")
    return db


def test_each_entry_holds_the_hash_of_the_one_before(tmp_path: Path) -> None:
    station, doc = _flow(tmp_path)
    items = audit.entries(station.store)
    assert items[0]["prev"] == GENESIS
    for before, after in zip(items, items[1:], strict=False):
        assert after["prev"] == before["hash"] and after["seq"] == before["seq"] + 1
    assert all(e["hash"] == entry_hash(e) and e["station"] == station.store.station_id for e in items)
    verdict = audit.verify(station.store)
    assert verdict.ok and verdict.entries == len(items) and verdict.head == items[-1]["hash"]
    actions = [e["action"] for e in audit.entries(station.store, obj=doc)]
    assert actions == ["edit", "confirm", "reject", "edit", "confirm", "approve"]
    assert {"user_add", "edit", "confirm", "reject", "approve"} <= {e["action"] for e in items}


def test_the_database_refuses_edits_and_deletions_of_entries(tmp_path: Path) -> None:
    station, _ = _flow(tmp_path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        station.store.db.execute("UPDATE events SET user = 'x' WHERE id = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        station.store.db.execute("DELETE FROM events WHERE id = 2")


@pytest.mark.parametrize("tamper, bad_seq, words", [
    ("UPDATE events SET detail = json_set(detail, '$.reason', 'Đúng') WHERE action = 'reject'", None, "changed"),
    ("UPDATE events SET user = 'hoa' WHERE id = 3", 3, "changed"),
    ("DELETE FROM events WHERE id = 4", 5, "removed"),
    ("DELETE FROM events WHERE id = 1", 2, "removed"),
    # Reordered: entries 3 and 4 swap places (their contents and hashes move, their positions stay).
    ("UPDATE events SET id = -3 WHERE id = 3; UPDATE events SET id = 3 WHERE id = 4;"
     " UPDATE events SET id = 4 WHERE id = -3", 3, "changed or moved"),
    ("DELETE FROM events WHERE id = (SELECT MAX(id) FROM events)", None, "last entries were removed"),
])
def test_verify_finds_changed_removed_and_reordered_entries(tmp_path: Path, tamper: str, bad_seq: int | None,
                                                            words: str) -> None:
    station, _ = _flow(tmp_path)
    reject_seq = next(e["seq"] for e in audit.entries(station.store) if e["action"] == "reject")
    station.close()
    db = _raw(tmp_path)
    for statement in tamper.split(";"):
        db.execute(statement)
    db.close()
    station = Station(tmp_path)
    verdict = audit.verify(station.store)
    assert not verdict.ok and words in verdict.problem
    expected = bad_seq or (reject_seq if "reject" in tamper else None)
    if expected is not None:
        assert verdict.first_bad is not None and verdict.first_bad["seq"] == expected
    else:
        assert verdict.first_bad is not None


def test_cli_audit_verify_exits_4_with_the_first_bad_entry(tmp_path: Path) -> None:
    station, _ = _flow(tmp_path)
    n = len(audit.entries(station.store))
    station.close()
    ok = json.loads(run_cli("audit", "verify", "--json", data_dir=tmp_path).stdout)
    assert ok["ok"] is True and ok["entries"] == n
    db = _raw(tmp_path)
    db.execute("UPDATE events SET object = 'another' WHERE id = 6")
    db.close()
    p = run_cli("audit", "verify", "--json", data_dir=tmp_path, check=4)
    broken = json.loads(p.stdout)
    assert broken["ok"] is False and broken["first_bad"]["seq"] == 6 and "changed" in broken["problem"]
    assert "tampered" in p.stderr
    human = run_cli("audit", "verify", data_dir=tmp_path, check=4)
    assert "first bad entry" in human.stdout


def test_events_written_before_the_audit_log_are_chained_once_on_upgrade(tmp_path: Path) -> None:
    old = sqlite3.connect(tmp_path / "station.sqlite3", isolation_level=None)  # a store of schema 1
    old.executescript(migrations.MIGRATIONS[0][1])
    old.execute("PRAGMA user_version=1")
    for i in range(3):
        old.execute("INSERT INTO events(at, user, action, object, detail) VALUES (?, ?, ?, ?, ?)",
                    (f"2026-01-0{i + 1}T00:00:00Z", "lan", "import", f"doc{i}", json.dumps({"pages": i})))
    old.close()
    store = Store(tmp_path)
    assert audit.verify(store).ok and len(audit.entries(store)) == 3
    store.log("login", user="minh")
    assert audit.verify(store).ok and audit.entries(store)[-1]["seq"] == 4
    store.close()
    store = Store(tmp_path)  # opening again adopts nothing more
    assert audit.verify(store).ok and len(audit.entries(store)) == 4


def test_a_row_slipped_in_without_a_hash_is_found(tmp_path: Path) -> None:
    station, _ = _flow(tmp_path)
    n = len(audit.entries(station.store))
    station.store.db.execute("INSERT INTO events(id, at, user, action, object, detail) VALUES (?, ?, ?, ?, ?, ?)",
                             (n + 1, "2026-01-01T00:00:00Z", "lan", "approve", "x", "{}"))
    verdict = audit.verify(station.store)
    assert not verdict.ok and verdict.first_bad is not None and verdict.first_bad["seq"] == n + 1


def test_premis_events_for_a_document(tmp_path: Path) -> None:
    station, doc = _flow(tmp_path)
    events = audit.premis_events(station.store, doc)
    assert [e["eventType"] for e in events] == ["metadata modification", "metadata modification", "validation",
                                               "metadata modification", "metadata modification", "validation"]
    reject, approve = events[2], events[5]
    assert reject["eventOutcomeInformation"]["eventOutcome"] == "failure"
    assert approve["eventOutcomeInformation"]["eventOutcome"] == "success"
    assert approve["linkingAgentIdentifier"][0]["linkingAgentIdentifierValue"] == "minh"
    assert approve["linkingAgentIdentifier"][1]["linkingAgentIdentifierValue"] == station.store.station_id
    assert approve["linkingObjectIdentifier"][0]["linkingObjectIdentifierValue"] == doc
    assert reject["eventDetailInformation"]["eventDetailExtension"]["reason"] == "Sai số ký hiệu"
    assert len({e["eventIdentifier"]["eventIdentifierValue"] for e in events}) == len(events)
    json.dumps(events)  # plain data, ready for the package's PREMIS writer


def test_extracts_are_canonical_and_join_into_one_chain(tmp_path: Path) -> None:
    station, _ = _flow(tmp_path)
    head, _ = station.store.audit_head()
    whole = audit.extract(station.store)
    assert whole == canonical(json.loads(whole))  # canonical: what is signed is what is parsed
    assert audit.verify_extract(whole).ok
    first, second = audit.extract(station.store, 1, 5), audit.extract(station.store, 6, head)
    assert audit.verify_extract(first).ok and audit.verify_extract(second).ok
    assert json.loads(second)["prev"] == json.loads(first)["entries"][-1]["hash"]
    doc = json.loads(second)
    doc["entries"][1]["user"] = "hoa"
    assert not audit.verify_extract(canonical(doc)).ok
    doc = json.loads(second)
    del doc["entries"][0]
    assert not audit.verify_extract(canonical(doc)).ok
    assert not audit.verify_extract(b"not json").ok
    with pytest.raises(Exception, match="choose a range"):
        audit.extract(station.store, 1, head + 5)


def _append(data: str, who: str, n: int) -> None:
    store = Store(Path(data))
    for i in range(n):
        store.log("test_entry", user=who, obj=str(i))
    store.close()


def test_two_processes_appending_at_once_keep_one_chain(tmp_path: Path) -> None:
    import multiprocessing

    Store(tmp_path).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append, args=(str(tmp_path), who, 40)) for who in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    store = Store(tmp_path)
    verdict = audit.verify(store)
    assert verdict.ok and verdict.entries == 80


def test_import_and_processing_are_in_the_chain(tmp_path: Path) -> None:
    from station.samples import write_sample_files

    station = Station(tmp_path / "data")
    files = write_sample_files(tmp_path / "in", dpi=100)[:1]
    report = station.import_files(files, batch="b", user="lan")
    doc = report.documents[0]["id"]
    entry = audit.entries(station.store, obj=doc)[0]
    assert entry["action"] == "import" and entry["user"] == "lan" and entry["detail"]["pages"] >= 1
    assert audit.premis_events(station.store, doc)[0]["eventType"] == "ingestion"
    assert audit.verify(station.store).ok
