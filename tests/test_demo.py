"""The demo's local archive: the archive's app served in-process, and the station pointed at it.

The whole demo (real OCR, sealing, a sync pass into the archive) runs end to end in
tests/test_cli.py; these check, quickly, what it relies on: the in-thread server leaves no thread
or socket behind, and the archive token goes where `remote set` keeps it and nowhere else.
"""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import httpx
import keyring
import pytest

from station.archive.server import ThreadedServer
from station.archive.service import Archive
from station.sync import remote as rm
from station.workflow.demo import ADMIN, send_to_local_archive
from station.workflow.station import Station
from tests.seal_fixtures import MemoryKeyring


def refused(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    with socket.socket() as s:
        s.settimeout(2)
        return s.connect_ex((host, int(port))) != 0


def live_threads() -> set[int]:
    return {t.ident for t in threading.enumerate() if t.ident is not None}



def test_threaded_server_serves_and_leaves_nothing_running(tmp_path: Path) -> None:
    before = live_threads()
    archive = Archive(tmp_path / "archive")
    server = ThreadedServer(archive)
    try:
        url = server.start()
        assert server.running
        health = httpx.get(f"{url}/api/v1/health", timeout=10)
        assert health.status_code == 200 and health.json()["archive_id"] == archive.archive_id
        # The certificate is read in the app's worker pool: its threads must end with the server too.
        assert httpx.get(f"{url}/api/v1/archive-certificate", timeout=10).text.startswith("-----BEGIN CERTIFICATE")
        assert live_threads() - before  # the loop's thread and a pool thread are running now
    finally:
        server.close()
        archive.close()
    assert not server.running and live_threads() <= before
    assert refused(url)
    server.close()  # closing twice is harmless


def test_demo_archive_token_goes_to_the_keyring_only(tmp_path: Path, memory_keyring: MemoryKeyring,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`send_to_local_archive` on a station with nothing sealed: remote set, one (empty) sync pass, the
    server gone afterwards; the token in the keyring, never in a file, and the environment untouched."""
    monkeypatch.setenv(rm.TOKEN_ENV, "token-of-a-real-archive")
    made: list[str] = []
    create_token = Archive.create_token

    def spy(self: Archive, station_id: str, days: int = 365) -> tuple[str, str]:
        token, expires = create_token(self, station_id, days)
        made.append(token)
        return token, expires

    monkeypatch.setattr(Archive, "create_token", spy)
    station = Station(tmp_path / "data")
    station.accounts.add(ADMIN, "admin", "mật-khẩu-demo", by=None)
    said: list[str] = []
    before = live_threads()
    try:
        sent = send_to_local_archive(station, tmp_path / "archive", say=said.append)
        station_id = station.store.station_id
        url = station.settings.get("remote.url")
    finally:
        station.close()
    assert live_threads() <= before and refused(sent["archive_url"]) and url == sent["archive_url"]
    assert sent["token_in"] == "keyring" and sent["sent"] == 0 and sent["failed"] == 0 and sent["receipts"] == {}
    (token,) = made
    assert memory_keyring.get_password(rm.KEYRING_SERVICE, f"token:{station_id}") == token
    assert any("token kept in the OS keyring" in line for line in said)
    assert os.environ[rm.TOKEN_ENV] == "token-of-a-real-archive"
    for path in [*(tmp_path / "data").rglob("*"), *(tmp_path / "archive").rglob("*")]:
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    assert token not in "\n".join(said)
    assert rm.forget_token(station_id) and memory_keyring.items == {}


def test_without_a_keyring_the_token_lives_in_this_process_only(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A headless machine (no keyring backend): the unattended stations' STATION_ARCHIVE_TOKEN carries
    the token for the sync pass, and is gone again afterwards."""
    from keyring.backends.fail import Keyring as NoKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    monkeypatch.delenv(rm.TOKEN_ENV, raising=False)
    station = Station(tmp_path / "data")
    station.accounts.add(ADMIN, "admin", "mật-khẩu-demo", by=None)
    said: list[str] = []
    try:
        sent = send_to_local_archive(station, tmp_path / "archive", say=said.append)
        shown_after = rm.token_for(station.store.station_id)
    finally:
        station.close()
        keyring.set_keyring(previous)
    assert sent["token_in"] == "environment" and sent["failed"] == 0 and sent["archive_lists"] == 0
    assert any(f"token kept in this process's {rm.TOKEN_ENV}" in line for line in said)
    assert rm.TOKEN_ENV not in os.environ and shown_after is None
    assert refused(sent["archive_url"])


@pytest.mark.slow
def test_a_sealed_package_reaches_the_in_process_archive_and_nothing_keeps_running(
        tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    """One document sealed with the demo's self-signed test identity, sent as the demo sends it: the
    archive accepts it (test identities accepted explicitly), lists it once with the outbox's sha256,
    and when the call returns no thread of the server, its loop or its worker pool is left."""
    import hashlib

    from station.signing.identity import PASSPHRASE_ENV
    from station.sync.outbox import Outbox
    from station.workflow import sealing
    from tests.seal_fixtures import ACCOUNT_PASSWORD, SEALER, approved_documents

    monkeypatch.setenv(PASSPHRASE_ENV, "demo passphrase")
    station, (doc,) = approved_documents(tmp_path / "data", tmp_path)
    try:
        station.accounts.add(ADMIN, "admin", ACCOUNT_PASSWORD, by="admin")
        assert sealing.test_identity(station, organization="Station demo")["kind"] == "test"
        sealed = sealing.seal(station, doc, user=SEALER)
        before = live_threads()
        sent = send_to_local_archive(station, tmp_path / "archive", say=lambda line: None,
                                     labels={sealed["package_id"]: "the sample"})
        after = live_threads()
        outbox = {r["package_id"]: r for r in Outbox(station.store).rows()}
        station_id = station.store.station_id
    finally:
        station.close()
    assert after <= before and refused(sent["archive_url"])
    assert (sent["sent"], sent["accepted"], sent["failed"], sent["archive_lists"]) == (1, 1, 0, 1)
    receipt = sent["receipts"][sealed["package_id"]]
    assert receipt["status"] == "accepted" and receipt["sha256"] == sealed["sha256"] == outbox[sealed["package_id"]]["sha256"]
    archive = Archive(tmp_path / "archive")
    try:
        (listed,) = archive.list_packages(station_id)
        assert listed["package_id"] == sealed["package_id"] and listed["sha256"] == sealed["sha256"]
        with archive.storage.open(archive.package(sealed["package_id"])["storage_key"]) as f:
            assert hashlib.sha256(f.read()).hexdigest() == sealed["sha256"]
    finally:
        archive.close()
