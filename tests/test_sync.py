"""Sync against the real archive (`station-archive serve`, a subprocess on loopback), through a fault proxy.

Packages are real: two documents are sealed for real (OCR, PDF/A, PAdES, bag) with a CA-issued
organ key the archive trusts, and further distinct packages are derived from them by re-signing
(tests/sync_fixtures.py). After each fault: every package is in the archive exactly once with the
station's sha256 (its stored file hashed), and nothing is lost on the station (every package file
still there, every outbox row accepted, every document synced), and the operator was told.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from station.sync import SyncService, SyncStatus
from station.workflow import Station, syncing
from station.workflow.review import operator_queue
from tests.fault_proxy import FaultProxy
from tests.seal_fixtures import ACCOUNT_PASSWORD, MemoryKeyring
from tests.sync_fixtures import Archive, Template, add_sealed_packages, derive_package, seal_templates

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("memory_keyring")]

ADMIN, SUPERVISOR = "admin", "chief"



@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Template], Path]:
    return seal_templates(tmp_path_factory.mktemp("sealed"), copies=2)


class World:
    def __init__(self, tmp: Path, templates: list[Template], ca_pem: Path) -> None:
        self.tmp = tmp
        self.templates = templates
        self.archive = Archive(tmp / "archive", [ca_pem]).start()
        self.proxy = FaultProxy(self.archive.port)
        self.station = Station(tmp / "station")
        accounts = self.station.accounts
        accounts.add(ADMIN, "admin", ACCOUNT_PASSWORD, by=None)
        accounts.add(SUPERVISOR, "supervisor", ACCOUNT_PASSWORD, by=ADMIN)
        accounts.add("lan", "operator", ACCOUNT_PASSWORD, by=ADMIN)
        self.token = self.archive.token(self.station.store.station_id)
        syncing.remote_set(self.station, self.proxy.url, user=ADMIN, token=self.token)
        for key, value in (("sync.chunk_bytes", 64 * 1024), ("sync.timeout_seconds", 2.0),
                           ("sync.backoff_base_seconds", 0.05), ("sync.backoff_max_seconds", 0.4),
                           ("sync.poll_seconds", 0.2)):
            self.station.settings.set(key, value)
        self.packages: list[tuple[str, str, Path, str]] = []

    def add(self, count: int, **kw: Any) -> list[tuple[str, str, Path, str]]:
        made = add_sealed_packages(self.station.store, self.templates, count, **kw)
        self.packages += made
        return made

    def sync(self, *, once: bool = False, timeout: float = 120) -> Any:
        stop = threading.Event()
        timer = threading.Timer(timeout, stop.set)
        timer.start()
        try:
            return syncing.sync(self.station, user=SUPERVISOR, once=once, stop=stop)
        finally:
            timer.cancel()

    def stored_files(self, package_id: str) -> list[Path]:
        return [p for p in self.archive.data.rglob(f"{package_id}.zip") if "upload" not in str(p).lower()]

    def check_all_there(self, packages: list[tuple[str, str, Path, str]] | None = None) -> None:
        """Exactly once in the archive, byte-identical; nothing lost on the station."""
        packages = self.packages if packages is None else packages
        listed = self.archive.listing()
        ids = [p["package_id"] for p in listed]
        assert len(ids) == len(set(ids)), "a package is listed twice"
        by_id = {p["package_id"]: p for p in listed}
        store = self.station.store
        for doc, package_id, path, sha in packages:
            assert by_id[package_id]["sha256"] == sha and by_id[package_id]["status"] == "accepted"
            stored = self.stored_files(package_id)
            assert len(stored) == 1, f"{package_id} stored {len(stored)} times: {stored}"
            assert hashlib.sha256(stored[0].read_bytes()).hexdigest() == sha
            assert path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == sha  # kept locally
            item = syncing.Outbox(store).item(package_id)
            assert item is not None and item.state == "accepted"
            assert store.document(doc)["state"] == "synced"
            receipt = [e for e in store.events(doc) if e["action"] == "archive_receipt"]
            assert len(receipt) == 1 and receipt[0]["detail"]["sha256"] == sha
        assert syncing.Outbox(store).count_waiting() == 0

    def close(self) -> None:
        self.proxy.close()
        self.archive.stop()
        self.station.close()


@pytest.fixture
def world(tmp_path: Path, templates: tuple[list[Template], Path]) -> Iterator[World]:
    w = World(tmp_path, *templates)
    yield w
    w.close()


def test_remote_set_pins_the_archive_certificate_and_keeps_the_token_only_in_the_keyring(
        world: World, memory_keyring: MemoryKeyring) -> None:
    shown = syncing.remote_show(world.station)
    pem = httpx.get(f"{world.archive.url}/api/v1/archive-certificate").content
    from station.sync.receipt import fingerprint, pem_to_der

    assert shown["archive_cert_sha256"] == fingerprint(pem_to_der(pem))
    assert shown["token"] == "keyring" and shown["url"] == world.proxy.url
    assert world.token in memory_keyring.items.values()
    for path in [world.station.settings.user_file, *world.station.data_dir.rglob("*.sqlite3*")]:
        assert world.token.encode() not in path.read_bytes(), f"the token leaked into {path}"
    entry = [e for e in world.station.store.events() if e["action"] == "remote_set"][-1]
    assert entry["user"] == ADMIN and world.token not in json.dumps(entry)
    from station.errors import NotAllowed

    with pytest.raises(NotAllowed):
        syncing.remote_set(world.station, world.proxy.url, user=SUPERVISOR)
    with pytest.raises(NotAllowed):
        syncing.sync(world.station, user="lan", once=True)


def test_cuts_stalls_and_server_errors_resume_and_deliver_each_package_once(world: World) -> None:
    world.add(4)
    # Cut twice mid-upload (100 KB into a connection: in the second 64 KiB chunk), stall once, then 503 and 500.
    world.proxy.cut_after(100_000, times=2)
    first = world.sync(once=True)
    assert first.failed >= 1 and first.pending >= 1
    assert any("connection broke" in e["error"] for e in first.errors)
    resumed_from = [i.offset for i in syncing.Outbox(world.station.store).waiting() if i.upload_url]
    world.proxy.stall(4.0, times=1)
    world.proxy.answer(503, times=2)
    second = world.sync(once=True)
    world.proxy.answer(500, times=1)
    rest = world.sync()
    assert world.proxy.cuts == 2 and world.proxy.stalls == 1 and world.proxy.answers >= 2
    assert rest.pending == 0, (second.errors, rest.errors[:3], rest.errors[-3:], len(rest.errors))
    assert second.failed + first.failed >= 2
    assert any(o > 0 for o in resumed_from), "a cut upload restarted from zero instead of the archive's offset"
    world.check_all_there()
    # Run again: nothing to do, nothing sent twice.
    again = world.sync(once=True)
    assert again.sent == again.failed == again.pending == 0
    world.check_all_there()


def test_sigkill_of_station_sync_mid_upload_then_restart(world: World, tmp_path: Path) -> None:
    (_doc, package_id, path, _sha), = world.add(1)
    world.station.settings.set("sync.chunk_bytes", 16 * 1024)
    env = {**os.environ, "STATION_PASSWORD": ACCOUNT_PASSWORD, "STATION_ARCHIVE_TOKEN": world.token,
           "STATION_DATA_DIR": str(world.station.data_dir)}
    cmd = [sys.executable, "-m", "station", "sync", "--user", SUPERVISOR, "--json"]
    # Small chunks, each committed: kill once 32 KiB are acknowledged.
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    db = sqlite3.connect(world.station.data_dir / "station.sqlite3", timeout=30)
    offset = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        row = db.execute("SELECT upload_offset FROM outbox WHERE package_id = ?", (package_id,)).fetchone()
        offset = int(row[0])
        if offset >= 32 * 1024:
            break
        time.sleep(0.005)
    size = path.stat().st_size
    assert proc.poll() is None and 0 < offset < size, f"no mid-upload moment to kill at (offset {offset}/{size})"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(10)
    db.close()
    url = syncing.Outbox(world.station.store).item(package_id).upload_url  # type: ignore[union-attr]
    assert url is not None
    server_offset = int(httpx.head(url.replace(world.proxy.url, world.archive.url),
                                   headers={"Tus-Resumable": "1.0.0", "Authorization": f"Bearer {world.token}"}
                                   ).headers["Upload-Offset"])
    assert server_offset >= offset
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["sent"] == 1 and result["pending"] == 0 and result["failed"] == 0
    world.check_all_there()


def test_a_receipt_for_another_sha256_is_refused_and_the_operator_told(world: World, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (doc, package_id, _path, sha), = world.add(1)
    # A genuine receipt signed with the archive's key for the same package id and other content:
    # a second archive with the same receipt key (a mirror) receives that id from another station.
    mirror = Archive(tmp_path / "mirror", world.archive.trust_roots,
                     extra=["--receipt-key", str(world.archive.data / "keys" / "receipt.p12")]).start()
    other = Station(tmp_path / "other")
    token2 = mirror.token(other.store.station_id)
    signer = world.templates[0].signer()
    _pid, other_zip, other_sha = derive_package(world.templates[0], signer, other.store.station_id, tmp_path,
                                                package_id=package_id)
    from station.sync.tus import TusClient

    with httpx.Client(headers={"Authorization": f"Bearer {token2}"}, timeout=30) as client:
        tus = TusClient(client, mirror.url)
        url = tus.create(package_id, other_sha, other_zip.stat().st_size)
        assert url is not None
        tus.upload(url, other_zip, other_zip.stat().st_size, start=0)
        status, foreign = tus.submit(package_id, url.rsplit("/", 1)[-1], other_sha)
    other.close()
    mirror.stop()
    assert status == 200 and foreign["receipt"]["sha256"] == other_sha != sha

    # The archive's answer to this station's submit is replaced by that receipt, once.
    real_submit = TusClient.submit
    calls = []

    def swapped(self: TusClient, pid: str, upload_id: str | None, digest: str) -> tuple[int, dict[str, Any]]:
        calls.append(pid)
        if len(calls) == 1:
            real_submit(self, pid, upload_id, digest)
            return 200, foreign
        return real_submit(self, pid, upload_id, digest)

    monkeypatch.setattr(TusClient, "submit", swapped)
    said: list[str] = []
    result = syncing.sync(world.station, user=SUPERVISOR, once=True, say=said.append)
    assert result.failed == 1 and result.sent == 0
    assert "sha256" in result.errors[0]["error"] and "refused" in result.errors[0]["error"]
    code, sentence = syncing.sync_exit(result)
    assert code == 6 and sentence and "did not reach the archive" in sentence
    item = syncing.Outbox(world.station.store).item(package_id)
    assert item is not None and item.state == "uploaded" and "sha256" in (item.last_error or "")
    assert world.station.store.document(doc)["state"] == "sealed"
    refused = [e for e in world.station.store.events(doc) if e["action"] == "receipt_refused"]
    assert refused and refused[0]["detail"]["claimed"]["sha256"] == other_sha

    # The same foreign receipt on a USB drive is refused too.
    usb = tmp_path / "usb"
    (usb / "station-receipts" / world.station.store.station_id).mkdir(parents=True)
    (usb / "station-receipts" / world.station.store.station_id / f"{package_id}.json").write_text(json.dumps(foreign))
    imported = syncing.import_receipts(world.station, usb, user=SUPERVISOR)
    assert imported["accepted"] == 0 and len(imported["refused"]) == 1

    # The real receipt then settles it; the archive holds this station's package once.
    assert world.sync().pending == 0
    listed = [p for p in world.archive.listing() if p["package_id"] == package_id]
    assert {p["sha256"] for p in listed} >= {sha}
    item = syncing.Outbox(world.station.store).item(package_id)
    assert item is not None and item.state == "accepted"


def test_an_expired_token_stops_sync_and_says_to_ask_for_a_new_one(world: World, memory_keyring: MemoryKeyring
                                                                    ) -> None:
    world.add(2)
    expired = world.archive.token(world.station.store.station_id, "--days", "1")
    # A year later: the archive's token row says it expired yesterday (the archive keeps only its sha256).
    db = sqlite3.connect(world.archive.data / "archive.sqlite3", timeout=30)
    db.execute("UPDATE tokens SET expires_at = '2000-01-01T00:00:00Z' WHERE token_sha256 = ?",
               (hashlib.sha256(expired.encode()).hexdigest(),))
    db.commit()
    db.close()
    syncing.remote_set(world.station, world.proxy.url, user=ADMIN, token=expired)
    result = world.sync()
    assert result.blocking_error and "expired" in result.blocking_error and "new token" in result.blocking_error
    code, sentence = syncing.sync_exit(result)
    assert code == 6 and "remote set" in (sentence or "")
    assert syncing.Outbox(world.station.store).count_waiting() == 2
    assert any(e["action"] == "sync_auth_failed" for e in world.station.store.events())
    # The admin sets the new token through the command line; sync then completes.
    env = {**os.environ, "STATION_PASSWORD": ACCOUNT_PASSWORD, "STATION_DATA_DIR": str(world.station.data_dir)}
    env.pop("STATION_ARCHIVE_TOKEN", None)
    p = subprocess.run([sys.executable, "-m", "station", "remote", "show", "--json"], env=env, capture_output=True,
                       text=True, timeout=60)
    assert p.returncode == 0 and json.loads(p.stdout)["url"] == world.proxy.url
    syncing.remote_set(world.station, world.proxy.url, user=ADMIN, token=world.token)
    assert world.sync().pending == 0
    world.check_all_there()


def test_archive_unreachable_then_reachable_resumes_by_itself(world: World) -> None:
    world.add(3)
    world.proxy.down()
    statuses: list[SyncStatus] = []
    service = syncing.open_service(world.station, user=SUPERVISOR, on_status=statuses.append)
    stop = threading.Event()
    outcome: list[Any] = []
    worker = threading.Thread(target=lambda: outcome.append(service.run(stop, until_empty=True)))
    worker.start()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and service.status().online is not False:
        time.sleep(0.05)
    assert service.status().online is False and service.status().waiting == 3
    time.sleep(1.0)
    world.proxy.up()
    worker.join(60)
    stop.set()
    assert not worker.is_alive()
    assert service.status().online is True and service.status().waiting == 0
    assert outcome[0].sent == 3
    assert any(s.online is False for s in statuses) and statuses[-1].waiting == 0
    service.store.close()
    world.check_all_there()


def test_sneakernet_export_import_and_receipts_back(world: World, tmp_path: Path) -> None:
    world.add(3)
    usb = tmp_path / "usb"
    usb.mkdir()
    exported = syncing.export_outbox(world.station, usb, user=SUPERVISOR)
    assert exported["exported"] == 3 and not exported["problems"]
    index = json.loads((usb / "station-outbox" / world.station.store.station_id / "index.json").read_text())
    assert {p["package_id"] for p in index["packages"]} == {p[1] for p in world.packages}
    from tests.sync_fixtures import archive_cli

    p = subprocess.run([*archive_cli(), "import", str(usb), "--data", str(world.archive.data)], capture_output=True,
                       text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    back = syncing.import_receipts(world.station, usb, user=SUPERVISOR)
    assert back["accepted"] == 3 and back["pending"] == 0 and not back["refused"]
    world.check_all_there()
    # A network sync afterwards has nothing to send.
    assert world.sync(once=True).sent == 0


def test_a_rejected_package_goes_back_to_its_operator_with_the_reasons(world: World) -> None:
    (doc, package_id, _path, _sha), = world.add(1, edit={"subject": "Một trích yếu khác với PDF"})
    result = world.sync(once=True)
    assert result.rejected == 1 and result.pending == 0
    d = world.station.store.document(doc)
    assert d["state"] == "rejected" and "archive rejected" in d["reject_reason"].lower()
    assert world.station.store.seal(doc) is None
    queue = operator_queue(world.station, "lan")
    assert [q["id"] for q in queue if q["id"] == doc] and queue[0]["reject_reason"] == d["reject_reason"]
    listed = {p["package_id"]: p for p in world.archive.listing()}
    assert listed[package_id]["status"] == "rejected"


def _offset_in_db(data_dir: Path, package_id: str) -> int:
    db = sqlite3.connect(data_dir / "station.sqlite3", timeout=30)
    try:
        return int(db.execute("SELECT upload_offset FROM outbox WHERE package_id = ?", (package_id,)).fetchone()[0])
    finally:
        db.close()


def test_sigkill_of_the_archive_mid_upload_then_restart(world: World) -> None:
    made = world.add(2)
    world.station.settings.set("sync.chunk_bytes", 16 * 1024)
    service = SyncService(world.station.store, world.station.settings, world.station.data_dir, user=SUPERVISOR)
    stop = threading.Event()
    outcome: list[Any] = []
    worker = threading.Thread(target=lambda: outcome.append(service.run(stop, until_empty=True)))
    worker.start()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _offset_in_db(world.station.data_dir, made[0][1]) < 32 * 1024:
            time.sleep(0.005)
        world.archive.stop(signal.SIGKILL)
        time.sleep(1.0)
        world.archive.start()
        worker.join(90)
    finally:
        stop.set()
        worker.join(10)
    assert outcome and outcome[0].pending == 0
    world.check_all_there()


def test_the_archive_disk_full_keeps_packages_and_resumes_when_space_is_freed(world: World) -> None:
    world.add(3)
    world.archive.stop()
    world.archive.extra = ["--capacity-bytes", "200000"]  # room for one package of about 131 KB
    world.archive.start()
    said: list[str] = []
    first = syncing.sync(world.station, user=SUPERVISOR, once=True, say=said.append)
    assert first.sent == 1 and first.failed == 2 and first.pending == 2
    assert all(e["kind"] == "storage_full" and "disk is full" in e["error"] for e in first.errors)
    code, sentence = syncing.sync_exit(first)
    assert code == 6 and "stay in the outbox" in (sentence or "")
    world.archive.stop()
    world.archive.extra = []  # the archive's admin freed space
    world.archive.start()
    assert world.sync().pending == 0
    world.check_all_there()


def test_a_package_id_the_archive_holds_with_other_content_waits_for_a_person(world: World, tmp_path: Path) -> None:
    (doc, package_id, _path, _sha), = world.add(1)
    other = Station(tmp_path / "other")
    other.accounts.add(ADMIN, "admin", ACCOUNT_PASSWORD, by=None)
    other.accounts.add(SUPERVISOR, "supervisor", ACCOUNT_PASSWORD, by=ADMIN)
    syncing.remote_set(other, world.archive.url, user=ADMIN, token=world.archive.token(other.store.station_id))
    add_sealed_packages(other.store, world.templates, 1, package_id=package_id)
    assert syncing.sync(other, user=SUPERVISOR, once=True).sent == 1
    other.close()
    result = world.sync(timeout=60)  # not --once: it still ends, since no retry can fix this
    assert result.pending == 1 and result.errors and result.errors[-1]["kind"] == "conflict"
    assert "other content" in result.errors[-1]["error"]
    item = syncing.Outbox(world.station.store).item(package_id)
    assert item is not None and item.state != "accepted" and world.station.store.document(doc)["state"] == "sealed"


def _tls_pair(folder: Path) -> tuple[Path, Path, Path]:
    """A ministry-like CA and the archive's TLS certificate for 127.0.0.1 issued by it."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test ministry CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(hours=1))
          .not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(ca_key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (folder / "tls.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "tls.key").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    return folder / "ca.pem", folder / "tls.pem", folder / "tls.key"


def test_tls_is_verified_and_the_ministry_ca_bundle_makes_it_work(world: World, tmp_path: Path) -> None:
    world.add(1)
    ca, cert, key = _tls_pair(tmp_path / "tls")
    world.archive.stop()
    world.archive.extra = ["--tls-cert", str(cert), "--tls-key", str(key)]
    world.archive.start(scheme="https", ca=str(ca))
    url = f"https://127.0.0.1:{world.archive.port}"
    from station.errors import NetworkError

    with pytest.raises(NetworkError, match="does not trust"):
        syncing.remote_set(world.station, url, user=ADMIN)
    syncing.remote_set(world.station, url, user=ADMIN, archive_cert=world.station.data_dir / "sync" /
                       "archive-certificate.pem")
    refused = world.sync()
    assert refused.pending == 1 and refused.blocking_error and "--ca-bundle" in refused.blocking_error
    syncing.remote_set(world.station, url, user=ADMIN, ca_bundle=ca)
    assert syncing.remote_show(world.station)["ca_bundle"].endswith("ca-bundle.pem")
    assert world.sync().pending == 0
    world.check_all_there()
