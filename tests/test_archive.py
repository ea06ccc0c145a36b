"""The archive's ingest service over HTTP on loopback: every endpoint and error code of the protocol.

Real sealed packages (Tesseract, pyHanko, the test CA) go through a real aiohttp server; receipts
are checked against the certificate the archive publishes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import socket
import time
from pathlib import Path

import httpx
import pytest
from asn1crypto import pem as asn1_pem

from station.archive import cli as archive_cli
from station.archive.service import Archive
from station.signing.receipts import canonical, certificate_fingerprint, verify_receipt
from tests import archive_fixtures
from tests.archive_fixtures import (
    API,
    TUS,
    LiveArchive,
    Sealed,
    Tus,
    chunk_checksum,
    metadata,
    sha256_file,
    tampered_copy,
)

live = archive_fixtures.live
sealed = archive_fixtures.sealed
pytestmark = pytest.mark.slow  # the session's sealed packages take real OCR and signing


def _token(archive: Archive, station: str, days: int = 30) -> str:
    return archive.create_token(station, days)[0]


def _cert(base: str) -> bytes:
    r = httpx.get(f"{base}{API}/archive-certificate")
    assert r.status_code == 200 and r.content.startswith(b"-----BEGIN CERTIFICATE-----")
    return r.content


def _error(r: httpx.Response, status: int, code: str) -> dict[str, str]:
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert body["code"] == code and body["error"].endswith(".") and len(body["error"]) > 20, body
    return body


def test_health_certificate_options_and_tus_version(live: LiveArchive) -> None:
    r = httpx.get(f"{live.url}{API}/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["archive_id"] == live.archive.archive_id and body["version"]
    assert dt.datetime.fromisoformat(body["time"].replace("Z", "+00:00"))
    # The certificate is public and stable: made once, kept in DIR/keys/.
    pem = _cert(live.url)
    assert pem == _cert(live.url) and (live.archive.data_dir / "keys" / "receipt.p12").is_file()
    token = _token(live.archive, "office-1")
    auth = {"Authorization": f"Bearer {token}"}
    r = httpx.options(f"{live.url}{API}/uploads/", headers=auth)
    assert r.status_code == 204 and r.headers["Tus-Version"] == "1.0.0"
    assert r.headers["Tus-Extension"] == "creation,checksum,termination"
    assert r.headers["Tus-Checksum-Algorithm"] == "sha256" and int(r.headers["Tus-Max-Size"]) > 0
    # tus requests without Tus-Resumable, or with another version: 412 and the version spoken.
    for headers in ({}, {"Tus-Resumable": "0.2.2"}):
        r = httpx.post(f"{live.url}{API}/uploads/", headers={**auth, **headers, "Upload-Length": "10"})
        _error(r, 412, "tus_version")
        assert r.headers["Tus-Version"] == "1.0.0"
    # Unknown addresses and methods answer in the protocol's JSON too.
    _error(httpx.get(f"{live.url}{API}/nothing", headers=auth), 404, "not_found")
    _error(httpx.put(f"{live.url}{API}/packages", headers=auth), 405, "method_not_allowed")


def test_tokens_missing_unknown_revoked_expired(live: LiveArchive) -> None:
    archive = live.archive
    url = f"{live.url}{API}/packages"
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic abc"}):
        r = httpx.get(url, headers=headers)
        _error(r, 401, "token_invalid")
        assert r.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    token = _token(archive, "office-1")
    assert httpx.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 200
    # Only the hash is stored.
    stored = [r[0] for r in archive.db.execute("SELECT token_sha256 FROM tokens")]
    assert stored == [hashlib.sha256(token.encode()).hexdigest()] and token not in stored
    assert archive.revoke_tokens(token=token) == 1
    _error(httpx.get(url, headers={"Authorization": f"Bearer {token}"}), 401, "token_invalid")
    expiring = _token(archive, "office-2", days=1)
    past = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).isoformat(timespec="seconds").replace("+00:00", "Z")
    archive.db.execute("UPDATE tokens SET expires_at=? WHERE station_id='office-2'", (past,))
    r = httpx.post(f"{live.url}{API}/uploads/", headers={**TUS, "Authorization": f"Bearer {expiring}",
                                                         "Upload-Length": "5"})
    _error(r, 401, "token_expired")
    assert r.headers["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    # Revoking a whole station.
    a, b = _token(archive, "office-3"), _token(archive, "office-3")
    assert archive.revoke_tokens(station_id="office-3") == 2
    for t in (a, b):
        _error(httpx.get(url, headers={"Authorization": f"Bearer {t}"}), 401, "token_invalid")


def test_upload_submit_receipt_and_listing(live: LiveArchive, sealed: Sealed, tmp_path: Path) -> None:
    archive = live.archive
    package = sealed.packages[0]
    tus = Tus(live.url, _token(archive, "office-1"))
    created = tus.create(package)
    assert created.status_code == 201 and created.headers["Tus-Resumable"] == "1.0.0"
    location = created.headers["Location"]
    assert location.startswith(f"{API}/uploads/")
    # A station that lost its upload URL gets the same upload back.
    assert tus.create(package).headers["Location"] == location
    head = tus.head(location)
    assert head.status_code == 200 and head.headers["Upload-Offset"] == "0"
    assert head.headers["Upload-Length"] == str(package.size) and head.headers["Cache-Control"] == "no-store"
    data = package.path.read_bytes()
    half = len(data) // 2
    r = tus.patch(location, 0, data[:half])
    assert r.status_code == 204 and r.headers["Upload-Offset"] == str(half)
    # Wrong offset: 409, nothing written.
    _error(tus.patch(location, 0, data[:10]), 409, "offset_mismatch")
    # A chunk whose checksum does not match: 460, discarded, offset unchanged.
    _error(tus.patch(location, half, data[half:], checksum=chunk_checksum(b"other bytes")), 460,
           "checksum_mismatch")
    _error(tus.patch(location, half, data[half:], checksum="md5 AAAA"), 400, "checksum_algorithm")
    assert tus.head(location).headers["Upload-Offset"] == str(half)
    # Submitting before the upload is complete: 422.
    upload_id = location.rsplit("/", 1)[1]
    _error(tus.submit(package.package_id, upload_id, package.sha256), 422, "upload_incomplete")
    bad_type = tus.http.patch(location, headers={**TUS, "Upload-Offset": str(half)}, content=data[half:])
    _error(bad_type, 415, "content_type")
    assert tus.patch(location, half, data[half:]).headers["Upload-Offset"] == str(len(data))
    # Idempotency-Key must name the package.
    r = tus.http.post(f"{API}/packages/{package.package_id}/submit", headers={"Idempotency-Key": "other"},
                      json={"upload_id": upload_id, "sha256": package.sha256})
    _error(r, 400, "bad_request")
    r = tus.submit(package.package_id, upload_id, package.sha256)
    assert r.status_code == 200, r.text
    signed = r.json()
    receipt = signed["receipt"]
    assert receipt["status"] == "accepted", receipt["reasons"]
    assert receipt == {**receipt, "package_id": package.package_id, "sha256": package.sha256, "reasons": [],
                       "archive_id": archive.archive_id, "station_id": "office-1"}
    pem = _cert(live.url)
    ok, detail = verify_receipt(signed, pem)
    assert ok, detail
    # Any change to the receipt breaks the signature; another archive's certificate does not verify it.
    assert not verify_receipt({**signed, "receipt": {**receipt, "status": "rejected"}}, pem)[0]
    other = Archive(tmp_path / "other")
    assert not verify_receipt(signed, other.signer.certificate_pem())[0]
    other.close()
    assert canonical(receipt) == json.dumps(receipt, sort_keys=True, separators=(",", ":"),
                                            ensure_ascii=False).encode()
    # Stored durably, byte-identical; the staging file is gone.
    stored = archive.data_dir / "store" / "packages" / "office-1" / f"{package.package_id}.zip"
    assert sha256_file(stored) == package.sha256 and not list((archive.data_dir / "uploads").iterdir())
    # Again: the same receipt, byte for byte; creation says it is stored.
    again = tus.submit(package.package_id, None, package.sha256)
    assert again.status_code == 200 and again.content == r.content
    assert tus.submit(package.package_id, upload_id, package.sha256).content == r.content
    created = tus.create(package)
    assert created.status_code == 200 and created.headers["Archive-Package-Status"] == "stored"
    assert "Location" not in created.headers
    # HEAD of the finished upload still answers; PATCH at its end says it is complete.
    assert tus.head(location).headers["Upload-Offset"] == str(len(data))
    # Listing: this station's packages only.
    listed = tus.http.get(f"{API}/packages").json()["packages"]
    assert listed == [{"package_id": package.package_id, "sha256": package.sha256, "station_id": "office-1",
                       "status": "accepted", "received_at": receipt["received_at"]}]
    one = tus.http.get(f"{API}/packages/{package.package_id}").json()
    assert one["receipt"] == signed and one["status"] == "accepted"
    stranger = Tus(live.url, _token(archive, "office-2"))
    assert stranger.http.get(f"{API}/packages").json() == {"packages": []}
    _error(stranger.http.get(f"{API}/packages/{package.package_id}"), 404, "not_found")
    assert stranger.head(location).status_code == 404  # HEAD answers carry no body
    _error(tus.http.get(f"{API}/packages/no-such-package"), 404, "not_found")
    tus.close()
    stranger.close()


def test_conflicts_and_submit_errors(live: LiveArchive, sealed: Sealed, tmp_path: Path) -> None:
    archive = live.archive
    package = sealed.packages[0]
    tus = Tus(live.url, _token(archive, "office-1"))
    # Nothing uploaded for this package: 422.
    _error(tus.submit(package.package_id, None, package.sha256), 422, "upload_incomplete")
    _error(tus.submit(package.package_id, "nonexistent", package.sha256), 404, "not_found")
    _error(tus.create(package, length=archive.max_size + 1), 413, "too_large")
    _error(tus.create(package, meta=metadata(package, sha256="xyz")), 400, "bad_metadata")
    _error(tus.create(package, meta="package_id !!!"), 400, "bad_metadata")
    # Uploaded bytes that are not what the station claims: 422 sha256_mismatch.
    other = tampered_copy(package, tmp_path / "other.zip")
    lying = Tus(live.url, _token(archive, "office-9"))
    created = lying.create(other, meta=metadata(package))  # claims the original's sha256
    location = created.headers["Location"]
    assert lying.patch(location, 0, other.path.read_bytes()).status_code == 204
    _error(lying.submit(package.package_id, location.rsplit("/", 1)[1], package.sha256), 422, "sha256_mismatch")
    # The real package stored; then the same id with other content: 409 at creation and at submit.
    upload_id = tus.upload(package)
    assert tus.submit(package.package_id, upload_id, package.sha256).json()["receipt"]["status"] == "accepted"
    _error(tus.create(other), 409, "conflict")
    _error(tus.submit(package.package_id, None, other.sha256), 409, "conflict")
    _error(lying.create(package), 409, "conflict")  # another station cannot claim it
    tus.close()
    lying.close()


def test_termination(live: LiveArchive, sealed: Sealed) -> None:
    package = sealed.packages[1]
    tus = Tus(live.url, _token(live.archive, "office-1"))
    location = tus.create(package).headers["Location"]
    data = package.path.read_bytes()
    assert tus.patch(location, 0, data[:1000]).status_code == 204
    part = live.archive.data_dir / "uploads" / f"{location.rsplit('/', 1)[1]}.part"
    assert part.stat().st_size == 1000
    r = tus.http.delete(location, headers=TUS)
    assert r.status_code == 204 and not part.exists()
    assert tus.head(location).status_code == 410
    _error(tus.patch(location, 1000, data[1000:2000]), 410, "gone")
    _error(tus.http.delete(location, headers=TUS), 410, "gone")
    # A new creation starts over.
    fresh = tus.create(package)
    assert fresh.status_code == 201 and fresh.headers["Location"] != location
    # Other bytes under the same id before anything is stored: the old upload is dropped, not kept around.
    fresh_part = live.archive.data_dir / "uploads" / f"{fresh.headers['Location'].rsplit('/', 1)[1]}.part"
    assert fresh_part.exists()
    other = tus.create(package, meta=metadata(package, sha256="0" * 64), length=package.size + 1)
    assert other.status_code == 201 and not fresh_part.exists()
    assert tus.head(fresh.headers["Location"]).status_code == 410
    # Uploads a station abandoned are dropped after a while (serve --expire-days).
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=20)).isoformat(timespec="seconds").replace("+00:00", "Z")
    live.archive.db.execute("UPDATE uploads SET updated_at=? WHERE state='active'", (old,))
    assert live.archive.expire_uploads(14) == 1
    assert tus.head(other.headers["Location"]).status_code == 410
    assert not list((live.archive.data_dir / "uploads").iterdir())
    tus.close()


def _cut_patch(url: str, token: str, location: str, offset: int, data: bytes, sent: int,
               checksum: bool) -> None:
    """A PATCH whose connection breaks after `sent` of len(data) body bytes."""
    host, port = url.removeprefix("http://").split(":")
    lines = [f"PATCH {location} HTTP/1.1", f"Host: {host}", f"Authorization: Bearer {token}",
             "Tus-Resumable: 1.0.0", "Content-Type: application/offset+octet-stream",
             f"Upload-Offset: {offset}", f"Content-Length: {len(data)}"]
    if checksum:
        lines.append(f"Upload-Checksum: {chunk_checksum(data)}")
    with socket.create_connection((host, int(port))) as s:
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + data[:sent])
        time.sleep(0.3)


def _settled(tus: Tus, location: str) -> int:
    """The offset once the server has finished with the broken request."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        r = tus.patch(location, 10**12, b"")
        if r.json()["code"] == "offset_mismatch":
            return int(r.headers["Upload-Offset"])
        time.sleep(0.05)
    raise AssertionError("the broken PATCH never finished")


def test_body_cut_short_keeps_or_discards(live: LiveArchive, sealed: Sealed) -> None:
    package = sealed.packages[0]
    token = _token(live.archive, "office-1")
    tus = Tus(live.url, token)
    location = tus.create(package).headers["Location"]
    data = package.path.read_bytes()
    # With a checksum the partial chunk is discarded...
    _cut_patch(live.url, token, location, 0, data[:200_000], 120_000, checksum=True)
    assert _settled(tus, location) == 0
    # ...without one, the bytes received are kept (and fsynced) and the station resumes after them.
    _cut_patch(live.url, token, location, 0, data[:200_000], 120_000, checksum=False)
    offset = _settled(tus, location)
    assert 0 < offset <= 120_000
    assert tus.patch(location, offset, data[offset:]).status_code == 204
    upload_id = location.rsplit("/", 1)[1]
    r = tus.submit(package.package_id, upload_id, package.sha256)
    assert r.status_code == 200 and r.json()["receipt"]["status"] == "accepted"
    tus.close()


def test_tampered_and_untrusted_packages_are_rejected_with_reasons(live: LiveArchive, sealed: Sealed,
                                                                   tmp_path: Path) -> None:
    archive = live.archive
    tampered = tampered_copy(sealed.packages[0], tmp_path / "tampered.zip")
    tus = Tus(live.url, _token(archive, "office-1"))
    r = tus.submit(tampered.package_id, tus.upload(tampered), tampered.sha256)
    assert r.status_code == 200
    receipt = r.json()["receipt"]
    assert receipt["status"] == "rejected" and receipt["sha256"] == tampered.sha256
    assert any(reason.startswith("bag: ") for reason in receipt["reasons"]), receipt["reasons"]
    assert verify_receipt(r.json(), _cert(live.url))[0]
    quarantine = archive.data_dir / "store" / "quarantine" / "office-1"
    assert sha256_file(quarantine / f"{tampered.package_id}.zip") == tampered.sha256
    assert json.loads((quarantine / f"{tampered.package_id}.receipt.json").read_bytes()) == r.json()
    assert tus.http.get(f"{API}/packages/{tampered.package_id}").json()["status"] == "rejected"
    # An archive that does not trust the organs' CA rejects a sound package, and says why.
    untrusting = Archive(tmp_path / "untrusting")
    server = LiveArchive(untrusting)
    try:
        other = Tus(server.url, _token(untrusting, "office-1"))
        package = sealed.packages[1]
        signed = other.submit(package.package_id, other.upload(package), package.sha256).json()
        assert signed["receipt"]["status"] == "rejected"
        failed = {reason.split(":")[0] for reason in signed["receipt"]["reasons"]}
        assert failed == {"bag_signature", "signature_chain"}, signed
        other.close()
    finally:
        server.close()
        untrusting.close()
    tus.close()


def test_tuspy_client_uploads_a_package(live: LiveArchive, sealed: Sealed) -> None:
    """The independent tus client (tuspy), with its checksum extension switched to sha256."""
    import hashlib as _hashlib

    from tusclient import client as tus_client
    from tusclient.uploader import Uploader

    class Sha256Uploader(Uploader):
        CHECKSUM_ALGORITHM_PAIR = ("sha256", _hashlib.sha256)

    package = sealed.packages[1]
    token = _token(live.archive, "office-7")
    client = tus_client.TusClient(f"{live.url}{API}/uploads/", headers={"Authorization": f"Bearer {token}"})
    uploader = Sha256Uploader(file_path=str(package.path), client=client, chunk_size=100_000,
                              upload_checksum=True,
                              metadata={"package_id": package.package_id, "sha256": package.sha256,
                                        "filename": package.path.name})
    uploader.upload()
    assert uploader.offset == package.size
    upload_id = uploader.url.rsplit("/", 1)[1]
    tus = Tus(live.url, token)
    r = tus.submit(package.package_id, upload_id, package.sha256)
    assert r.status_code == 200 and r.json()["receipt"]["status"] == "accepted", r.text
    stored = live.archive.data_dir / "store" / "packages" / "office-7" / f"{package.package_id}.zip"
    assert stored.read_bytes() == package.path.read_bytes()
    tus.close()


def test_disk_full_gives_507_and_nothing_half_stored(live: LiveArchive, sealed: Sealed) -> None:
    """A quota on the storage stands in for a full disk: refused up front, mid-upload and at submit."""
    archive = live.archive
    storage = archive.storage
    first, second = sealed.packages
    tus = Tus(live.url, _token(archive, "office-1"))
    storage.capacity_bytes = first.size + second.size // 2  # room for one package, not two
    assert tus.submit(first.package_id, tus.upload(first), first.sha256).json()["receipt"]["status"] == "accepted"
    _error(tus.create(second), 507, "storage_full")
    assert not list((archive.data_dir / "uploads").iterdir())
    assert archive.db.execute("SELECT COUNT(*) FROM uploads WHERE package_id=?", (second.package_id,)).fetchone()[0] == 0
    # Space frees (the admin adds a disk): creation works; the disk fills again mid-upload: 507, offset kept.
    storage.capacity_bytes = None
    location = tus.create(second).headers["Location"]
    data = second.path.read_bytes()
    assert tus.patch(location, 0, data[:50_000]).status_code == 204
    storage.capacity_bytes = storage._used + 10_000
    _error(tus.patch(location, 50_000, data[50_000:]), 507, "storage_full")
    assert tus.head(location).headers["Upload-Offset"] == "50000"
    storage.capacity_bytes = None
    assert tus.patch(location, 50_000, data[50_000:]).status_code == 204
    # Full at submit: 507, nothing stored, the complete upload kept for the retry.
    storage.capacity_bytes = storage._used + 10_000
    upload_id = location.rsplit("/", 1)[1]
    _error(tus.submit(second.package_id, upload_id, second.sha256), 507, "storage_full")
    assert archive.package(second.package_id) is None
    assert not (archive.data_dir / "store" / "packages" / "office-1" / f"{second.package_id}.zip").exists()
    storage.capacity_bytes = None
    r = tus.submit(second.package_id, upload_id, second.sha256)
    assert r.status_code == 200 and r.json()["receipt"]["status"] == "accepted"
    assert sha256_file(archive.data_dir / "store" / "packages" / "office-1" / f"{second.package_id}.zip") \
        == second.sha256
    tus.close()


def test_cli_token_list_and_import(sealed: Sealed, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "archive"
    assert archive_cli.main(["token", "create", "--station", "office-1", "--data", str(data), "--days", "10"]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert len(base64.urlsafe_b64decode(token + "=")) == 32
    assert archive_cli.main(["token", "create", "--station", "bad id!", "--data", str(data)]) == 2
    assert "not a station id" in capsys.readouterr().err
    # A sneakernet drive as `station export-outbox` writes it: two stations, one damaged copy.
    usb = tmp_path / "usb"
    station = sealed.station_id
    outbox = usb / "station-outbox" / station
    outbox.mkdir(parents=True)
    entries = []
    for package in sealed.packages:
        (outbox / f"{package.package_id}.zip").write_bytes(package.path.read_bytes())
        entries.append({"package_id": package.package_id, "sha256": package.sha256, "bytes": package.size,
                        "file": f"{package.package_id}.zip"})
    (outbox / "index.json").write_text(json.dumps({"station_id": station, "exported_at": "2026-11-23T10:00:00Z",
                                                   "packages": entries}))
    wrong = usb / "station-outbox" / "office-x"
    wrong.mkdir()
    (wrong / "index.json").write_text(json.dumps({"station_id": "office-y", "packages": []}))
    code = archive_cli.main(["import", str(usb), "--data", str(data), "--trust", str(sealed.ca_pem), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 3 and result["accepted"] == 2 and result["error"] == 1
    assert "office-y" in next(p["error"] for p in result["packages"] if p["result"] == "error")
    archive = Archive(data)
    pem = archive.signer.certificate_pem()
    receipts = usb / "station-receipts" / station
    index = json.loads((receipts / "index.json").read_bytes())
    assert index["station_id"] == station and len(index["receipts"]) == 2
    for package in sealed.packages:
        signed = json.loads((receipts / f"{package.package_id}.json").read_bytes())
        assert verify_receipt(signed, pem)[0]
        assert signed["receipt"]["status"] == "accepted" and signed["receipt"]["sha256"] == package.sha256
        assert signed["receipt"]["station_id"] == station
    archive.close()
    # Importing the drive again: the same receipts, no duplicates.
    before = {p.name: p.read_bytes() for p in receipts.glob("*.json") if p.name != "index.json"}
    (usb / "station-outbox" / "office-x" / "index.json").unlink()
    (usb / "station-outbox" / "office-x").rmdir()
    assert archive_cli.main(["import", str(usb), "--data", str(data)]) == 0
    capsys.readouterr()
    assert {p.name: p.read_bytes() for p in receipts.glob("*.json") if p.name != "index.json"} == before
    assert archive_cli.main(["list", "--data", str(data), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["packages"]
    assert sorted(p["package_id"] for p in listed) == sorted(p.package_id for p in sealed.packages)
    assert {p["status"] for p in listed} == {"accepted"} and {p["station_id"] for p in listed} == {station}
    # A damaged copy on the drive (sha256 differs from the index) is not imported.
    damaged_usb = tmp_path / "usb2"
    box = damaged_usb / "station-outbox" / "office-2"
    box.mkdir(parents=True)
    package = sealed.packages[0]
    (box / "p.zip").write_bytes(package.path.read_bytes()[:-10])
    (box / "index.json").write_text(json.dumps({"station_id": "office-2", "packages": [
        {"package_id": "another-id", "sha256": package.sha256, "bytes": package.size, "file": "p.zip"}]}))
    assert archive_cli.main(["import", str(damaged_usb), "--data", str(data)]) == 3
    assert "damaged" in capsys.readouterr().out
    assert certificate_fingerprint(pem) == hashlib.sha256(asn1_pem.unarmor(pem)[2]).hexdigest()


def test_data_of_a_newer_archive_is_refused(tmp_path: Path) -> None:
    import sqlite3

    from station.errors import UsageError

    Archive(tmp_path / "a").close()
    with sqlite3.connect(tmp_path / "a" / "archive.sqlite3") as db:
        db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(UsageError, match="newer station-archive"):
        Archive(tmp_path / "a")
