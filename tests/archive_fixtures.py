"""Shared by the archive tests: real sealed packages (once per session), a loopback archive, a tus client."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import shutil
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import keyring
import pytest
from aiohttp import web

from station.archive.server import make_app
from station.archive.service import Archive
from station.workflow import sealing
from tests.seal_fixtures import PASSPHRASE, SEALER, MemoryKeyring, approved_documents, write_ca

API = "/api/v1"
TUS = {"Tus-Resumable": "1.0.0"}


@dataclass
class Package:
    path: Path
    package_id: str
    sha256: str
    size: int


@dataclass
class Sealed:
    packages: list[Package]
    ca_pem: Path
    station_id: str


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def sealed(tmp_path_factory: pytest.TempPathFactory) -> Sealed:
    """Two documents through the real pipeline (Tesseract), sealed by a test CA's signer (pyHanko)."""
    work = tmp_path_factory.mktemp("archive-sealed")
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        station, docs = approved_documents(work / "data", work, copies=2)
        _ca, _signer, ca_pem, p12 = write_ca(work / "ca")
        sealing.use_pkcs12(station, p12, PASSPHRASE)
        station.settings.set("signing.trust_roots", [str(ca_pem)])
        packages = []
        for doc in docs:
            result = sealing.seal(station, doc, user=SEALER)
            out = work / "packages" / f"{result['package_id']}.zip"
            out.parent.mkdir(exist_ok=True)
            shutil.copyfile(result["package"], out)
            packages.append(Package(out, result["package_id"], result["sha256"], out.stat().st_size))
        station_id = station.store.station_id
        station.close()
    finally:
        keyring.set_keyring(previous)
    return Sealed(packages, ca_pem, station_id)


def tampered_copy(package: Package, out: Path, *, member: str = "data/METS.xml") -> Package:
    """The same package id with one byte of a member changed: another sha256, a bag that fails its manifest."""
    with zipfile.ZipFile(package.path) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == f"{package.package_id}/{member}":
                data = data[:100] + bytes([data[100] ^ 0x01]) + data[101:]
            dst.writestr(info, data)
    return Package(out, package.package_id, sha256_file(out), out.stat().st_size)


class LiveArchive:
    """The aiohttp app on a loopback port, in a thread with its own event loop; tests talk HTTP to it."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.runner = web.AppRunner(make_app(archive), access_log=None)
        self._run(self.runner.setup())
        self.site = web.TCPSite(self.runner, "127.0.0.1", 0)
        self._run(self.site.start())
        port = self.runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}"

    def _run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(30)

    def close(self) -> None:
        self._run(self.runner.cleanup())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture
def live(tmp_path: Path, sealed: Sealed) -> Iterator[LiveArchive]:
    archive = Archive(tmp_path / "archive", trust=[sealed.ca_pem], reserve_bytes=0)
    server = LiveArchive(archive)
    yield server
    server.close()
    archive.close()


def metadata(package: Package, **extra: str) -> str:
    values = {"package_id": package.package_id, "sha256": package.sha256, "filename": package.path.name, **extra}
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


def chunk_checksum(data: bytes) -> str:
    return "sha256 " + base64.b64encode(hashlib.sha256(data).digest()).decode()


class Tus:
    """A small tus client over httpx, as the protocol describes the station's, to drive each step."""

    def __init__(self, base: str, token: str) -> None:
        self.base = base
        self.http = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60)

    def create(self, package: Package, **kw: Any) -> httpx.Response:
        headers = {**TUS, "Upload-Length": str(kw.pop("length", package.size)),
                   "Upload-Metadata": kw.pop("meta", metadata(package))}
        return self.http.post(f"{API}/uploads/", headers=headers)

    def head(self, location: str) -> httpx.Response:
        return self.http.head(location, headers=TUS)

    def patch(self, location: str, offset: int, data: bytes, *, checksum: str | None = "auto") -> httpx.Response:
        headers = {**TUS, "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"}
        if checksum == "auto":
            headers["Upload-Checksum"] = chunk_checksum(data)
        elif checksum is not None:
            headers["Upload-Checksum"] = checksum
        return self.http.patch(location, headers=headers, content=data)

    def upload(self, package: Package, chunk: int = 64 * 1024) -> str:
        created = self.create(package)
        assert created.status_code == 201, created.text
        location = created.headers["Location"]
        data = package.path.read_bytes()
        offset = int(self.head(location).headers["Upload-Offset"])
        while offset < len(data):
            r = self.patch(location, offset, data[offset:offset + chunk])
            assert r.status_code == 204, r.text
            offset = int(r.headers["Upload-Offset"])
        return location.rsplit("/", 1)[1]

    def submit(self, package_id: str, upload_id: str | None, sha256: str) -> httpx.Response:
        return self.http.post(f"{API}/packages/{package_id}/submit", headers={"Idempotency-Key": package_id},
                              json={"upload_id": upload_id, "sha256": sha256})

    def close(self) -> None:
        self.http.close()
