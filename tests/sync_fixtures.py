"""Shared by the sync tests and bench/sync.py: real sealed packages, many of them cheaply, and the
real `station-archive` server as a subprocess.

Sealing is slow (real OCR, PDF/A, PAdES), so a few documents are sealed for real and further
packages are derived from them: a new Package-Id (bag-info, metadata.json, METS) and this
station's Station-Id, the bag's manifests written again and the tag manifest signed again with
the same organ key (`write_bag` + `sign_detached`, as sealing does). Each derived package is
therefore a distinct package that passes every check the archive makes (bag, CMS signature over
the tag manifest, the PAdES signature and PDF/A of the unchanged document.pdf, metadata, METS).
The station records each as a sealed document (a document row without pages: the pages stay
with the document it was derived from), which the outbox trigger queues like any seal.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station.domain import DocState
from station.package.bag import write_bag, zip_bag
from station.signing.cms import sign_detached
from station.signing.identity import LoadedSigner, load_pkcs12_file
from station.store import Store

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Template:
    """A package sealed for real, unpacked, plus the organ key that signed it."""

    root: Path  # the bag folder
    package_id: str
    p12: Path
    passphrase: str
    ca_pem: Path

    def signer(self) -> LoadedSigner:
        return load_pkcs12_file(self.p12, self.passphrase)


def seal_templates(work: Path, copies: int = 1, pages: int = 1) -> tuple[list[Template], Path]:
    """Seal `copies` real documents with a (non-test) CA-issued organ key; their bags, unpacked."""
    import keyring

    from station.workflow import sealing
    from tests.seal_fixtures import PASSPHRASE, SEALER, MemoryKeyring, approved_documents, write_ca

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        station, docs = approved_documents(work / "sealed-data", work, copies=copies, pages=pages)
        _ca, _signer, ca_pem, p12 = write_ca(work / "ca")
        sealing.use_pkcs12(station, p12, PASSPHRASE)
        station.settings.set("signing.trust_roots", [str(ca_pem)])
        out = []
        for doc in docs:
            result = sealing.seal(station, doc, user=SEALER)
            folder = work / "templates" / result["package_id"]
            with zipfile.ZipFile(result["package"]) as zf:
                zf.extractall(folder)
            out.append(Template(folder / result["package_id"], result["package_id"], p12, PASSPHRASE, ca_pem))
        station.close()
    finally:
        keyring.set_keyring(previous)
    return out, ca_pem


def derive_package(template: Template, signer: LoadedSigner, station_id: str, out_dir: Path, *,
                   package_id: str | None = None, edit: dict[str, str] | None = None) -> tuple[str, Path, str]:
    """A new, distinct, validly signed package from a sealed one: (package_id, zip, sha256).

    `edit` changes metadata.json fields (so that the archive's checks find it inconsistent)."""
    new_id = package_id or str(uuid.uuid4())
    old = template.package_id
    src = template.root
    info = {}
    for line in (src / "bag-info.txt").read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key.strip() and key.strip() != "Payload-Oxum":
            info[key.strip()] = value.strip()
    info["Package-Id"] = new_id
    info["Station-Id"] = station_id
    meta = json.loads((src / "data" / "metadata.json").read_bytes())
    meta["package_id"] = new_id
    meta["fields"].update(edit or {})
    mets = (src / "data" / "METS.xml").read_bytes().replace(old.encode(), new_id.encode())
    with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
        bag = Path(tmp) / new_id
        write_bag(bag, {"document.pdf": src / "data" / "document.pdf",
                        "metadata.json": json.dumps(meta, ensure_ascii=False, indent=2).encode(),
                        "METS.xml": mets}, info, lambda data: sign_detached(data, signer))
        target = out_dir / f"{new_id}.zip"
        sha = zip_bag(bag, target)
    return new_id, target, sha


def add_sealed_packages(store: Store, templates: list[Template], count: int, *, signers: list[LoadedSigner] | None = None,
                        package_id: str | None = None, edit: dict[str, str] | None = None,
                        ) -> list[tuple[str, str, Path, str]]:
    """`count` derived packages recorded as sealed documents of this station: (doc_id, package_id, zip, sha256)."""
    signers = signers or [t.signer() for t in templates]
    out_dir = store.data_dir / "packages"
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(count):
        template = templates[n % len(templates)]
        new_id, path, sha = derive_package(template, signers[n % len(templates)], store.station_id, out_dir,
                                           package_id=package_id, edit=edit)
        with store.transaction():
            batch = store.batch_id("derived", create=True)
            doc = store.add_document(batch, [])
            store.db.execute("UPDATE documents SET state = ?, confirmed_by = 'lan', confirmed_at = 'x' WHERE id = ?",
                             (DocState.SEALED.value, doc))
            store.record_seal(doc, package_id=new_id, package_path=str(path), package_sha256=sha,
                              sealed_by="chief", signature_level="B-B", certificate_serial="derived", warnings=[])
            store.log("seal", user="chief", obj=doc, package_id=new_id, sha256=sha, derived_from=template.package_id)
        made.append((doc, new_id, path, sha))
    return made


# -- the real archive ------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def archive_cli() -> list[str]:
    exe = Path(sys.executable).with_name("station-archive")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "station.archive"]


class Archive:
    """`station-archive serve` in a subprocess on loopback, with its data dir; restartable."""

    def __init__(self, data: Path, trust_roots: list[Path], *, port: int | None = None,
                 extra: list[str] | None = None, env: dict[str, str] | None = None) -> None:
        self.data = data
        self.trust_roots = trust_roots
        self.port = port or free_port()
        self.extra = extra or []
        self.env = {**os.environ, **(env or {})}
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = data.parent / f"{data.name}-serve.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def serve_args(self) -> list[str]:
        return [*archive_cli(), "serve", "--data", str(self.data), "--host", "127.0.0.1", "--port", str(self.port),
                *self.extra]

    def start(self, timeout: float = 60, *, scheme: str = "http", ca: str | None = None) -> Archive:
        import ssl

        import httpx

        verify: ssl.SSLContext | bool = ssl.create_default_context(cafile=ca) if ca else True
        self.data.mkdir(parents=True, exist_ok=True)
        # The organs' CA the archive trusts: DATA/trust/*.pem serves `serve` and `import` alike.
        (self.data / "trust").mkdir(exist_ok=True)
        for root in self.trust_roots:
            shutil.copyfile(root, self.data / "trust" / root.name)
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(self.serve_args(), stdout=log, stderr=subprocess.STDOUT, env=self.env,
                                         start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"station-archive serve exited {self.proc.returncode}: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{scheme}://127.0.0.1:{self.port}/api/v1/health", timeout=1,
                             verify=verify).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"station-archive did not answer in {timeout} s: {self.log.read_text()[-2000:]}")

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, sig)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.proc = None

    def token(self, station_id: str, *extra: str) -> str:
        p = subprocess.run([*archive_cli(), "token", "create", "--station", station_id, "--data", str(self.data),
                            *extra], capture_output=True, text=True, env=self.env, timeout=60)
        if p.returncode != 0:
            raise RuntimeError(f"token create failed: {p.stderr}")
        return p.stdout.strip().splitlines()[-1].strip()

    def listing(self) -> list[dict[str, Any]]:
        p = subprocess.run([*archive_cli(), "list", "--data", str(self.data), "--json"], capture_output=True,
                           text=True, env=self.env, timeout=60)
        if p.returncode != 0:
            raise RuntimeError(f"list failed: {p.stderr}")
        return list(json.loads(p.stdout)["packages"])

