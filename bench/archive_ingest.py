#!/usr/bin/env python3
"""Archive ingest benchmark: tus upload throughput, submit latency, and the server's memory.

    .venv/bin/python bench/archive_ingest.py [--blob-mib 256] [--chunk-mib 4]

The archive runs as its own process (`python -m station.archive serve`) on loopback. Measured:
- a blob of --blob-mib MiB uploaded with tus (4 MiB chunks, each with its sha256 Upload-Checksum),
  MB/s wall; then terminated (it is not a package);
- two real sealed packages (real OCR and PAdES, setup not measured): upload + submit (the full
  package checks, durable store, signed receipt), seconds each;
- the server's peak resident memory (VmHWM of the server process) against the blob's size:
  uploads are streamed to disk, so the peak stays far below the blob.
Prints one JSON document. Wall times on a shared 2-core machine are inflated; the server's CPU
seconds (user+system of the server process) are given beside them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--blob-mib", type=int, default=256)
    parser.add_argument("--chunk-mib", type=int, default=4)
    args = parser.parse_args()

    import httpx
    import keyring

    from station.archive.service import Archive
    from station.workflow import sealing
    from tests.archive_fixtures import Package, Tus, chunk_checksum, metadata
    from tests.seal_fixtures import PASSPHRASE, SEALER, MemoryKeyring, approved_documents, write_ca

    work = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    try:
        keyring.set_keyring(MemoryKeyring())
        station, docs = approved_documents(work / "station", work, copies=2)
        _ca, _signer, ca_pem, p12 = write_ca(work / "ca")
        sealing.use_pkcs12(station, p12, PASSPHRASE)
        station.settings.set("signing.trust_roots", [str(ca_pem)])
        packages = []
        for doc in docs:
            result = sealing.seal(station, doc, user=SEALER)
            packages.append(Package(Path(result["package"]), result["package_id"], result["sha256"],
                                    int(result["bytes"])))
        station.close()

        data = work / "archive"
        archive = Archive(data)
        token = archive.create_token("bench")[0]
        archive.close()
        port = _port()
        server = subprocess.Popen([sys.executable, "-m", "station.archive", "serve", "--data", str(data),
                                   "--port", str(port), "--trust", str(ca_pem), "--reserve-bytes", "0"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                httpx.get(f"{url}/api/v1/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        tus = Tus(url, token)

        # The blob, written to disk block by block.
        blob = work / "blob.bin"
        digest = hashlib.sha256()
        with open(blob, "wb") as f:
            for _ in range(args.blob_mib):
                block = os.urandom(1 << 20)
                digest.update(block)
                f.write(block)
        size = blob.stat().st_size
        fake = Package(blob, "bench-blob", digest.hexdigest(), size)
        chunk = args.chunk_mib << 20
        t0 = time.perf_counter()
        location = tus.create(fake, meta=metadata(fake)).headers["Location"]
        offset = 0
        with open(blob, "rb") as f:
            while offset < size:
                block = f.read(chunk)
                r = tus.patch(location, offset, block, checksum=chunk_checksum(block))
                assert r.status_code == 204, r.text
                offset = int(r.headers["Upload-Offset"])
        upload_s = time.perf_counter() - t0
        tus.http.delete(location, headers={"Tus-Resumable": "1.0.0"})

        submits = []
        for package in packages:
            t0 = time.perf_counter()
            upload_id = tus.upload(package, chunk=chunk)
            t1 = time.perf_counter()
            r = tus.submit(package.package_id, upload_id, package.sha256)
            t2 = time.perf_counter()
            assert r.status_code == 200 and r.json()["receipt"]["status"] == "accepted", r.text
            submits.append({"bytes": package.size, "upload_s": round(t1 - t0, 3), "submit_s": round(t2 - t1, 3)})
        tus.close()
        status = Path(f"/proc/{server.pid}/status").read_text()
        peak_kib = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
        fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu_s = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        server.terminate()
        server.wait(30)
        print(json.dumps({
            "blob": {"bytes": size, "chunk_bytes": chunk, "seconds": round(upload_s, 3),
                     "mb_per_s": round(size / upload_s / 1e6, 1)},
            "packages": submits,
            "server": {"peak_rss_mib": round(peak_kib / 1024, 1), "cpu_s": round(cpu_s, 2),
                       "blob_mib": args.blob_mib},
        }, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
