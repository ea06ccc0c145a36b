"""The station's sync parts that need no archive: the outbox queue, receipt checks, backoff, settings.

The transfer itself is tested against the real `station-archive` in test_sync.py.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import random
import sqlite3
from pathlib import Path

import pytest

from station.domain import DocState
from station.store import Store
from station.sync import Outbox
from station.sync.receipt import ReceiptRefused, canonical, fingerprint, verify
from station.sync.service import backoff
from station.workflow import Station
from tests.seal_fixtures import ACCOUNT_PASSWORD, MemoryKeyring


def _receipt_identity(cn: str = "Archive test receipts") -> tuple[object, bytes]:
    """A self-signed ECDSA certificate like the archive's receipt key, and its DER."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(hours=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    return (key, cert), cert.public_bytes(serialization.Encoding.DER)


def _sign(identity: tuple[object, object], receipt: dict[str, object]) -> dict[str, object]:
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign import signers

    key, cert = identity
    der_key = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,  # type: ignore[attr-defined]
                                serialization.NoEncryption())
    signer = signers.SimpleSigner(signing_cert=x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),  # type: ignore[attr-defined]
                                  signing_key=keys.PrivateKeyInfo.load(der_key), cert_registry=None)
    import asyncio

    info = asyncio.run(signer.async_sign_general_data(canonical(receipt), "sha256", detached=True))
    return {"receipt": receipt, "signature": base64.b64encode(info.dump()).decode()}


RECEIPT = {"package_id": "p-1", "sha256": "ab" * 32, "status": "accepted", "reasons": [], "archive_id": "arch",
           "received_at": "2026-01-01T00:00:00Z", "station_id": "station-x"}


def test_receipt_verifies_only_for_the_pinned_certificate_and_the_sent_sha256() -> None:
    ident, der = _receipt_identity()
    other, other_der = _receipt_identity("Someone else")
    good = _sign(ident, RECEIPT)
    assert verify(good, der, package_id="p-1", sha256="ab" * 32).status == "accepted"
    with pytest.raises(ReceiptRefused, match="sha256"):
        verify(good, der, package_id="p-1", sha256="cd" * 32)
    with pytest.raises(ReceiptRefused, match="receipt for package p-2|sent p-2"):
        verify(good, der, package_id="p-2", sha256="ab" * 32)
    with pytest.raises(ReceiptRefused, match="pinned|signature"):
        verify(_sign(other, RECEIPT), der, package_id="p-1", sha256="ab" * 32)
    tampered = {"receipt": {**RECEIPT, "status": "rejected"}, "signature": good["signature"]}
    with pytest.raises(ReceiptRefused):
        verify(tampered, der, package_id="p-1", sha256="ab" * 32)
    with pytest.raises(ReceiptRefused, match="malformed"):
        verify({"receipt": RECEIPT, "signature": "!!"}, der, package_id="p-1", sha256="ab" * 32)
    assert fingerprint(der) != fingerprint(other_der)


def test_backoff_grows_with_jitter_and_stays_under_the_cap() -> None:
    rng = random.Random(1)
    steps = [backoff(n, 1.0, 60.0, rng) for n in range(1, 12)]
    assert 0.5 <= steps[0] <= 1.0
    assert all(s <= 60.0 for s in steps) and max(steps) > 30
    assert len({round(backoff(5, 1.0, 60.0, rng), 6) for _ in range(20)}) > 10  # jitter spreads retries


def _fake_seal(store: Store, doc_state: DocState, package_id: str, path: Path) -> str:
    with store.transaction():
        batch = store.batch_id("b", create=True)
        doc = store.add_document(batch, [])
        store.db.execute("UPDATE documents SET state = ? WHERE id = ?", (doc_state.value, doc))
        store.record_seal(doc, package_id=package_id, package_path=str(path), package_sha256="ab" * 32,
                          sealed_by="chief", signature_level="B-B", certificate_serial="1", warnings=[])
    return doc


def test_every_seal_enters_the_outbox_and_a_rejection_goes_back_to_the_operator(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    doc = _fake_seal(store, DocState.SEALED, "p-1", tmp_path / "p-1.zip")
    outbox = Outbox(store)
    item = outbox.item("p-1")
    assert item is not None and item.state == "sealed" and item.sha256 == "ab" * 32
    assert outbox.count_waiting() == 1
    envelope = {"receipt": {**RECEIPT, "status": "rejected", "reasons": ["PDF/A: fonts not embedded"]},
                "signature": "c2ln"}
    assert outbox.settle(item, envelope, user="chief", via="network") == "rejected"
    d = store.document(doc)
    assert d["state"] == DocState.REJECTED.value and "fonts not embedded" in d["reject_reason"]
    assert store.seal(doc) is None  # withdrawn: the document can be sealed again
    assert outbox.item("p-1").state == "rejected" and outbox.count_waiting() == 0  # type: ignore[union-attr]
    entry = [e for e in store.events(doc) if e["action"] == "archive_receipt"][-1]
    assert entry["detail"]["status"] == "rejected" and entry["detail"]["signature"] == "c2ln"
    store.close()


def test_seals_made_before_the_outbox_existed_are_queued_by_the_migration(tmp_path: Path) -> None:
    from station.store import migrations

    data = tmp_path / "data"
    data.mkdir()
    db = sqlite3.connect(data / "station.sqlite3", isolation_level=None)
    for number, sql in migrations.MIGRATIONS:
        if sql.lstrip().startswith("CREATE TABLE outbox"):
            break
        db.executescript(sql)
        db.execute(f"PRAGMA user_version={number}")
    db.execute("INSERT INTO batches(id, name, created_at) VALUES (1, 'b', 'now')")
    for doc, state in (("d1", "sealed"), ("d2", "synced")):
        db.execute("INSERT INTO documents(id, batch_id, ordinal, state, created_at, updated_at)"
                   " VALUES (?, 1, ?, ?, 'now', 'now')", (doc, int(doc[1]), state))
        db.execute("INSERT INTO seals(document_id, package_id, package_path, package_sha256, sealed_at, sealed_by,"
                   " signature_level, certificate_serial) VALUES (?, ?, ?, ?, 'now', 'x', 'B-B', '1')",
                   (doc, f"p-{doc}", f"/x/{doc}.zip", "ab" * 32))
    db.close()
    store = Store(data)
    counts = Outbox(store).counts()
    assert counts["sealed"] == 1 and counts["accepted"] == 1
    store.close()


def test_accepted_copies_become_removable_after_the_kept_time(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    _fake_seal(store, DocState.SEALED, "p-1", tmp_path / "p-1.zip")
    outbox = Outbox(store)
    outbox.settle(outbox.item("p-1"), {"receipt": RECEIPT, "signature": "c2ln"}, user=None,  # type: ignore[arg-type]
                  via="network")
    assert outbox.removable(30) == []
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=31)
    assert [r["package_id"] for r in outbox.removable(30, at=later)] == ["p-1"]
    store.close()



def test_command_line_offline_sync_fails_with_exit_6_and_keeps_the_package(
        tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from asn1crypto import pem

    from station.cli import main
    from tests.sync_fixtures import free_port

    data = tmp_path / "data"
    station = Station(data)
    station.accounts.add("admin", "admin", ACCOUNT_PASSWORD, by=None)
    station.accounts.add("chief", "supervisor", ACCOUNT_PASSWORD, by="admin")
    package = tmp_path / "p-1.zip"
    package.write_bytes(b"PK not really a package")
    _fake_seal(station.store, DocState.SEALED, "p-1", package)
    station.store.db.execute("UPDATE outbox SET sha256 = ?", (hashlib.sha256(package.read_bytes()).hexdigest(),))
    station.close()
    _ident, der = _receipt_identity()
    cert = tmp_path / "archive.pem"
    cert.write_bytes(pem.armor("CERTIFICATE", der))
    monkeypatch.setenv("STATION_PASSWORD", ACCOUNT_PASSWORD)
    monkeypatch.delenv("STATION_ARCHIVE_TOKEN", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("the-token\n"))
    url = f"http://127.0.0.1:{free_port()}"  # nobody listens there
    assert main(["remote", "set", url, "--token-stdin", "--archive-cert", str(cert), "--user", "admin",
                 "--data-dir", str(data), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["url"] == url and shown["token"] == "keyring" and shown["archive_cert_sha256"] == fingerprint(der)
    assert ("station-archive", f"token:{shown['station_id']}") in memory_keyring.items
    assert main(["sync", "--once", "--user", "lan", "--data-dir", str(data)]) == 7  # no such account
    capsys.readouterr()
    assert main(["sync", "--once", "--json", "--user", "chief", "--data-dir", str(data)]) == 6
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert {k: result[k] for k in ("sent", "already_there", "failed", "pending")} == {
        "sent": 0, "already_there": 0, "failed": 1, "pending": 1}
    assert "stay in the outbox" in err and "the-token" not in out + err
    # cli.md's `sync [--once] [--json]`: nobody named, the station itself sends, and the log says so.
    monkeypatch.delenv("STATION_PASSWORD")
    assert main(["sync", "--once", "--json", "--data-dir", str(data)]) == 6
    assert json.loads(capsys.readouterr().out)["pending"] == 1
    station = Station(data)
    assert Outbox(station.store).item("p-1").state == "sealed"  # type: ignore[union-attr]
    events = station.store.events()
    actions = [e["action"] for e in events]
    assert "remote_set" in actions and "sync" in actions and "login_failed" in actions
    assert [e["user"] for e in events if e["action"] == "sync"] == ["chief", "station"]
    station.close()


def test_accepted_local_copies_are_removed_after_the_kept_time(tmp_path: Path) -> None:
    from station.workflow.syncing import purge_local_copies

    station = Station(tmp_path / "data")
    package = tmp_path / "p-1.zip"
    package.write_bytes(b"zip")
    _fake_seal(station.store, DocState.SEALED, "p-1", package)
    outbox = Outbox(station.store)
    outbox.settle(outbox.item("p-1"), {"receipt": RECEIPT, "signature": "c2ln"}, user=None,  # type: ignore[arg-type]
                  via="network")
    assert purge_local_copies(station, user="chief") == [] and package.is_file()
    station.settings.set("sync.keep_days", 0)
    assert purge_local_copies(station, user="chief") == ["p-1"] and not package.exists()
    assert [e for e in station.store.events() if e["action"] == "package_removed"]
    station.close()
