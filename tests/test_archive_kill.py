"""SIGKILL of the archive server process mid-upload (and mid-submit), restart, resume: byte-identical.

The server runs as its own process (`python -m station.archive serve`), as in production.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from station.archive.service import Archive
from station.signing.receipts import verify_receipt
from tests import archive_fixtures
from tests.archive_fixtures import API, Sealed, Tus, sha256_file

sealed = archive_fixtures.sealed
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerProcess:
    def __init__(self, data: Path, trust: Path, port: int, *extra: str, verify: Any = True) -> None:
        self.url = f"{'https' if extra else 'http'}://127.0.0.1:{port}"
        self.log = (data.parent / f"server-{time.monotonic_ns()}.log").open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "station.archive", "serve", "--data", str(data), "--port", str(port),
             "--trust", str(trust), "--reserve-bytes", "0", *extra], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, "the archive server exited"
            try:
                if httpx.get(f"{self.url}{API}/health", timeout=1, verify=verify).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError("the archive server did not start")

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)
        self.log.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(20)
        self.log.close()


@pytest.fixture
def servers() -> Iterator[list[ServerProcess]]:
    started: list[ServerProcess] = []
    yield started
    for server in started:
        if server.proc.poll() is None:
            server.stop()


def test_sigkill_mid_upload_then_resume_to_an_identical_package(sealed: Sealed, tmp_path: Path,
                                                                 servers: list[ServerProcess]) -> None:
    data = tmp_path / "archive"
    archive = Archive(data)
    token = archive.create_token("office-1")[0]
    archive.close()
    port = _free_port()
    package = sealed.packages[0]
    body = package.path.read_bytes()
    servers.append(ServerProcess(data, sealed.ca_pem, port))
    tus = Tus(servers[0].url, token)
    location = tus.create(package).headers["Location"]
    upload_id = location.rsplit("/", 1)[1]
    first, cut = len(body) // 4, len(body) * 3 // 4
    assert tus.patch(location, 0, body[:first]).status_code == 204
    # The next chunk is half sent (no checksum, so a clean cut would keep it) when the server dies.
    part = data / "uploads" / f"{upload_id}.part"
    host_port = ("127.0.0.1", port)
    with socket.create_connection(host_port) as s:
        head = (f"PATCH {location} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                "Tus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\n"
                f"Upload-Offset: {first}\r\nContent-Length: {len(body) - first}\r\n\r\n").encode()
        s.sendall(head + body[first:cut])
        deadline = time.monotonic() + 10
        while part.stat().st_size < cut - 8192 and time.monotonic() < deadline:  # the writer buffers 8 KiB
            time.sleep(0.05)
        assert part.stat().st_size > first + 8192  # bytes on disk that were never acknowledged
        servers[0].kill()
    tus.close()
    servers.append(ServerProcess(data, sealed.ca_pem, port))
    tus = Tus(servers[1].url, token)
    head_r = tus.head(location)
    assert head_r.status_code == 200 and head_r.headers["Upload-Offset"] == str(first)
    # A station that lost the URL too gets the same upload back, and resumes from the archive's offset.
    assert tus.create(package).headers["Location"] == location
    r = tus.patch(location, first, body[first:])
    assert r.status_code == 204 and r.headers["Upload-Offset"] == str(len(body))
    answer = tus.submit(package.package_id, upload_id, package.sha256)
    assert answer.status_code == 200, answer.text
    assert answer.json()["receipt"]["status"] == "accepted"
    cert = httpx.get(f"{servers[1].url}{API}/archive-certificate").content
    assert verify_receipt(answer.json(), cert)[0]
    stored = data / "store" / "packages" / "office-1" / f"{package.package_id}.zip"
    assert stored.read_bytes() == body and sha256_file(stored) == package.sha256
    listed = tus.http.get(f"{API}/packages").json()["packages"]
    assert [p["package_id"] for p in listed] == [package.package_id]
    tus.close()
    # The check workers the submit started end with a SIGKILLed server instead of lingering.
    children = _children(servers[1].proc.pid)
    assert children
    servers[1].kill()
    deadline = time.monotonic() + 15
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [c for c in children if _alive(c)]


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_crash_between_storing_and_recording_is_recovered(sealed: Sealed, tmp_path: Path) -> None:
    """The object is in storage but the record and receipt are not (a crash right after `put`):
    the station's repeated submit stores it once and gets a receipt."""
    from station.archive.storage import FolderStorage

    package = sealed.packages[1]
    archive = Archive(tmp_path / "archive", trust=[sealed.ca_pem])
    station = "office-1"
    upload, _ = archive.create_upload(station, package.size, {"package_id": package.package_id,
                                                             "sha256": package.sha256})
    assert upload is not None
    writer = archive.begin_chunk(station, upload.id, 0, None)
    writer.write(package.path.read_bytes())
    writer.finish(complete=True)
    # What a crash after put_file leaves: the staged file moved into storage, no package row.
    archive.storage.put_file(f"packages/{station}/{package.package_id}.zip", archive.part_path(upload.id))
    archive.close()
    archive = Archive(tmp_path / "archive", trust=[sealed.ca_pem])
    signed = json.loads(archive.submit(station, package.package_id, upload.id, package.sha256))
    assert signed["receipt"]["status"] == "accepted"
    stored = tmp_path / "archive" / "store" / "packages" / station / f"{package.package_id}.zip"
    assert sha256_file(stored) == package.sha256
    assert isinstance(archive.storage, FolderStorage)
    assert archive.storage._used == sum(p.stat().st_size for p in (tmp_path / "archive" / "store").rglob("*")
                                        if p.is_file())
    assert archive.list_packages() == [{"package_id": package.package_id, "sha256": package.sha256,
                                        "station_id": station, "status": "accepted",
                                        "received_at": signed["receipt"]["received_at"]}]
    archive.close()


def _tls_files(folder: Path) -> tuple[Path, Path, Path]:
    """A CA standing in for the ministry's own, and a server certificate for 127.0.0.1 under it."""
    import datetime as dt
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.x509.oid import NameOID

    from station.signing import testca

    ca = testca.make_ca("Ministry test CA", test=False)
    key = testca.new_key("ec")
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "archive.test")]))
            .issuer_name(ca.cert.subject).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(ca.key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ca.pem").write_bytes(ca.cert_pem())
    (folder / "server.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "server.key").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                          serialization.PrivateFormat.PKCS8,
                                                          serialization.NoEncryption()))
    return folder / "ca.pem", folder / "server.pem", folder / "server.key"


def test_serve_over_tls_and_token_revoke_cli(sealed: Sealed, tmp_path: Path, servers: list[ServerProcess],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    import ssl

    from station.archive import cli as archive_cli

    data = tmp_path / "archive"
    assert archive_cli.main(["token", "create", "--station", "office-1", "--data", str(data)]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    ca, cert, key = _tls_files(tmp_path / "tls")
    assert archive_cli.main(["serve", "--data", str(data), "--tls-cert", str(cert)]) == 2
    assert "--tls-key" in capsys.readouterr().err
    context = ssl.create_default_context(cafile=str(ca))
    servers.append(ServerProcess(data, sealed.ca_pem, _free_port(), "--tls-cert", str(cert), "--tls-key", str(key),
                                 verify=context))
    url = servers[0].url
    assert url.startswith("https://")
    with pytest.raises(httpx.ConnectError):  # the system's CAs do not know the ministry's CA
        httpx.get(f"{url}{API}/health")
    package = sealed.packages[1]
    tus = Tus(url, token)
    tus.http = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, verify=context, timeout=60)
    r = tus.submit(package.package_id, tus.upload(package), package.sha256)
    assert r.status_code == 200 and r.json()["receipt"]["status"] == "accepted"
    assert archive_cli.main(["token", "revoke", "--station", "office-1", "--data", str(data)]) == 0
    assert "revoked 1 token(s)" in capsys.readouterr().out
    assert tus.http.get(f"{API}/packages").json()["code"] == "token_invalid"
    assert archive_cli.main(["token", "revoke", "--data", str(data)]) == 2
    tus.close()
