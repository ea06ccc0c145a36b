"""Signed audit extracts: the station sends its log to the archive after a sync (and on a USB
drive), the archive keeps only signed, intact, continuous extracts of the token's own station."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import keyring
import pytest

from station.archive.service import Archive
from station.audit import EXTRACT_FORMAT, extract, verify_extract
from station.signing import testca
from station.signing.cms import sign_detached
from station.signing.identity import LoadedSigner, load_pkcs12_file
from station.store.chain import GENESIS, canonical
from station.workflow import sealing, syncing
from station.workflow.station import Station
from tests.archive_fixtures import LiveArchive
from tests.seal_fixtures import ACCOUNT_PASSWORD, PASSPHRASE, MemoryKeyring, write_ca

API = "/api/v1/audit-extracts"


@dataclass
class World:
    station: Station
    archive: Archive
    live: LiveArchive
    p12: Path
    token: str
    tmp: Path

    @property
    def sid(self) -> str:
        return self.station.store.station_id

    def signer(self) -> LoadedSigner:
        return load_pkcs12_file(self.p12, PASSPHRASE)

    def http(self, token: str | None = None) -> httpx.Client:
        return httpx.Client(base_url=self.live.url, headers={"Authorization": f"Bearer {token or self.token}"},
                            timeout=60)

    def post(self, data: bytes, p7s: bytes, token: str | None = None) -> httpx.Response:
        with self.http(token) as client:
            return client.post(API, json={"extract": base64.b64encode(data).decode(),
                                          "signature": base64.b64encode(p7s).decode()})


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    _ca, _signer, ca_pem, p12 = write_ca(tmp_path_factory.mktemp("audit-ca"))
    return ca_pem, p12


@pytest.fixture
def world(tmp_path: Path, ca: tuple[Path, Path]) -> Iterator[World]:
    ca_pem, p12 = ca
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    station = Station(tmp_path / "data")
    archive = Archive(tmp_path / "archive", trust=[ca_pem])
    live = LiveArchive(archive)
    try:
        station.accounts.add("admin", "admin", ACCOUNT_PASSWORD, by=None)
        sealing.use_pkcs12(station, p12, PASSPHRASE)
        token, _ = archive.create_token(station.store.station_id)
        cert = tmp_path / "archive.pem"
        cert.write_bytes(archive.signer.certificate_pem())
        syncing.remote_set(station, live.url, user="admin", token=token, archive_cert=cert)
        yield World(station, archive, live, p12, token, tmp_path)
    finally:
        live.close()
        archive.close()
        station.close()
        keyring.set_keyring(previous)


def _stored(world: World, first: int, last: int) -> bytes:
    return world.archive.storage.path(f"audit/{world.sid}/{first}-{last}.json").read_bytes()  # type: ignore[attr-defined]


def test_two_syncs_store_two_extracts_that_join_into_one_verified_chain(world: World) -> None:
    first = syncing.sync(world.station, user=None, once=True)
    sent = first.audit["sent"]
    assert len(sent) == 1 and sent[0]["first"] == 1
    one_last = sent[0]["last"]
    one = json.loads(_stored(world, 1, one_last))
    assert one["station"] == world.sid and one["prev"] == GENESIS
    assert world.archive.storage.path(f"audit/{world.sid}/1-{one_last}.p7s").stat().st_size > 0  # type: ignore[attr-defined]

    world.station.store.log("note", user="admin", text="between the two syncs")
    second = syncing.sync(world.station, user=None, once=True)
    assert second.audit["sent"][0]["first"] == one_last + 1  # the first sync's own log entry goes here
    two_last = second.audit["sent"][0]["last"]
    two = json.loads(_stored(world, one_last + 1, two_last))
    assert two["prev"] == one["entries"][-1]["hash"]
    joined = canonical({"format": EXTRACT_FORMAT, "station": world.sid, "first": 1, "last": two_last,
                        "prev": GENESIS, "entries": one["entries"] + two["entries"]})
    verdict = verify_extract(joined)
    assert verdict.ok and verdict.entries == two_last
    assert joined == extract(world.station.store, 1, two_last)  # exactly the station's own log
    assert world.station.store.meta("audit.archived_last") == str(two_last)

    with world.http() as client:
        listing = client.get(API).json()
    assert listing["next_first"] == two_last + 1
    assert [(e["first"], e["last"]) for e in listing["extracts"]] == [(1, one_last), (one_last + 1, two_last)]


def test_a_lost_answer_is_sent_again_from_what_the_archive_expects(world: World) -> None:
    store = world.station.store
    head = store.audit_head()[0]
    data = extract(store, 1, head)
    with world.signer() as signer:
        first = world.post(data, sign_detached(data, signer))
        again = world.post(data, sign_detached(data, signer))  # re-signed: another CMS, the same extract
    assert first.status_code == 200 and again.json() == first.json()
    assert first.json()["first"] == 1 and first.json()["last"] == head
    # The station never heard the answer (archived_last still 0): it asks, and sends only what follows.
    assert store.meta("audit.archived_last") is None
    result = syncing.sync(world.station, user=None, once=True)
    assert result.audit["sent"][0]["first"] == head + 1  # `sync_start` was logged after the lost answer
    assert store.meta("audit.archived_last") == str(result.audit["sent"][-1]["last"])


def test_the_archive_refuses_tampered_untrusted_foreign_and_gapped_extracts(world: World) -> None:
    store = world.station.store
    for n in range(6):
        store.log("note", user="admin", n=n)
    head = store.audit_head()[0]
    data = extract(store, 1, 5)
    doc = json.loads(data)
    doc["entries"][2]["detail"] = {"changed": True}  # a changed entry, signed afterwards by the real key
    changed = canonical(doc)
    with world.signer() as signer:
        good = sign_detached(data, signer)
        r = world.post(changed, sign_detached(changed, signer))
        assert r.status_code == 422 and r.json()["code"] == "audit_chain_broken"
        assert "entry 3" in r.json()["error"]
        r = world.post(changed, good)  # changed after signing
        assert r.status_code == 422 and r.json()["code"] == "signature_invalid"
        # Nothing stored yet: an extract that does not start at 1 leaves a gap.
        later = extract(store, 3, 5)
        r = world.post(later, sign_detached(later, signer))
        assert r.status_code == 409 and r.json()["code"] == "audit_gap" and "entry 1" in r.json()["error"]
        assert world.post(data, good).status_code == 200
        tail = extract(store, 7, head)
        r = world.post(tail, sign_detached(tail, signer))
        assert r.status_code == 409 and r.json()["code"] == "audit_gap" and "entry 6" in r.json()["error"]

    # A key whose CA the archive does not trust, and a station TEST identity under a trusted CA.
    stranger = testca.issue(testca.make_ca("Stranger CA", test=False), "Stranger", test=False)
    test_ca = testca.make_ca("Station test CA", organization="Sở thử")
    test_signer = testca.issue(test_ca, "Sở thử (test signer)", organization="Sở thử")
    (world.archive.data_dir / "trust").mkdir(exist_ok=True)
    (world.archive.data_dir / "trust" / "test-ca.pem").write_bytes(test_ca.cert_pem())
    nxt = extract(store, 6, head)
    for identity, code in ((stranger, "signature_untrusted"), (test_signer, "test_identity")):
        p12 = world.tmp / f"{code}.p12"
        p12.write_bytes(identity.pkcs12(b"pw"))
        with load_pkcs12_file(p12, "pw") as other:
            r = world.post(nxt, sign_detached(nxt, other))
        assert r.status_code == 422 and r.json()["code"] == code, r.json()
    r = world.post(nxt, b"")
    assert r.status_code == 422 and r.json()["code"] == "signature_invalid"

    # Another station's token cannot store this station's log.
    other_token, _ = world.archive.create_token("station-other")
    with world.signer() as signer:
        r = world.post(nxt, sign_detached(nxt, signer), token=other_token)
    assert r.status_code == 403 and r.json()["code"] == "wrong_station"
    with world.http(other_token) as client:
        assert client.get(API).json()["next_first"] == 1
    with world.http() as client:
        assert client.get(API).json()["next_first"] == 6
    assert not world.archive.storage.exists(f"audit/{world.sid}/6-{head}.json")


def test_a_key_that_needs_a_person_holds_back_only_the_audit_extract(world: World) -> None:
    world.station.settings.set("signing.kind", "pkcs11")
    result = syncing.sync(world.station, user=None, once=True)
    assert "PIN" in result.audit["error"] and result.failed == 0
    world.station.settings.set("signing.kind", "pkcs12")
    keyring.get_keyring().items.clear()  # type: ignore[attr-defined]  # the passphrase (and token) gone
    keyring.get_keyring().set_password("station-archive", f"token:{world.sid}", world.token)
    result = syncing.sync(world.station, user=None, once=True)
    assert "passphrase" in result.audit["error"] and result.blocking_error is None
    with world.http() as client:
        assert client.get(API).json()["next_first"] == 1


def test_sneakernet_export_and_import_store_the_extracts(world: World) -> None:
    usb = world.tmp / "usb"
    usb.mkdir()
    out = syncing.export_outbox(world.station, usb, user=None)
    files = out["audit"]["files"]
    assert len(files) == 1 and files[0].startswith("1-")
    world.station.store.log("note", user="admin", text="after the first export")
    out = syncing.export_outbox(world.station, usb, user=None)
    assert len(out["audit"]["files"]) == 1
    result = world.archive.import_folder(usb)
    assert [a["result"] for a in result["audit"]] == ["stored", "stored"] and result["error"] == 0
    stored = world.archive.audit_extracts(world.sid)
    assert stored["extracts"][0]["first"] == 1
    assert stored["extracts"][1]["first"] == stored["extracts"][0]["last"] + 1
    again = world.archive.import_folder(usb)  # the same drive twice: the same answers, nothing new
    assert [a["result"] for a in again["audit"]] == ["stored", "stored"]
    assert world.archive.audit_extracts(world.sid)["extracts"] == stored["extracts"]
    # A file changed on the drive is refused and reported.
    path = usb / "station-outbox" / world.sid / "audit" / out["audit"]["files"][0]
    path.write_bytes(path.read_bytes().replace(b"after the first export", b"after the first expert"))
    refused = world.archive.import_folder(usb)
    assert [a["result"] for a in refused["audit"]] == ["stored", "error"]
    # The network then carries on from where the drive left off.
    result2 = syncing.sync(world.station, user=None, once=True)
    assert result2.audit["sent"][0]["first"] == stored["next_first"]
