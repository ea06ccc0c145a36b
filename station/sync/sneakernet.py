"""Sneakernet: the outbox to a USB drive, and the archive's receipts back from it (protocol.md).

`DIR/station-outbox/<station_id>/<package_id>.zip` + `index.json` (each file written atomically,
the index last, so a drive pulled out early holds no index that names a missing file), and
`DIR/station-receipts/<station_id>/<package_id>.json`, each verified like a receipt that came over
the network before it moves a package.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from station.errors import UsageError
from station.files import atomic_write, fsync_dir
from station.store import Store
from station.sync.outbox import WAITING, Outbox
from station.sync.receipt import ReceiptRefused, verify
from station.sync.service import sha256_of


def _copy_atomic(src: Path, dst: Path) -> None:
    """Streamed copy, fsync, rename: the package is never read whole into memory."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dst.parent, prefix=f".{dst.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as f:
            shutil.copyfileobj(f, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dst)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(dst.parent)


def export_outbox(store: Store, folder: Path, *, user: str | None) -> dict[str, Any]:
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder; give the USB drive's folder.")
    station_id = store.station_id
    target = folder / "station-outbox" / station_id
    outbox = Outbox(store)
    packages: list[dict[str, Any]] = []
    problems: list[str] = []
    for item in outbox.waiting():
        if not item.path.is_file() or sha256_of(item.path) != item.sha256:
            problems.append(f"{item.package_id}: the package file is missing or changed since sealing")
            continue
        name = f"{item.package_id}.zip"
        dst = target / name
        if not (dst.is_file() and dst.stat().st_size == item.path.stat().st_size and sha256_of(dst) == item.sha256):
            _copy_atomic(item.path, dst)
        packages.append({"package_id": item.package_id, "sha256": item.sha256, "bytes": dst.stat().st_size,
                         "file": name})
    index = {"station_id": station_id,
             "exported_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
             "packages": packages}
    target.mkdir(parents=True, exist_ok=True)
    atomic_write(target / "index.json", json.dumps(index, ensure_ascii=False, indent=2).encode())
    store.log("export_outbox", user=user, folder=str(folder), packages=[p["package_id"] for p in packages],
              problems=problems)
    return {"folder": str(target), "station_id": station_id, "exported": len(packages),
            "bytes": sum(p["bytes"] for p in packages), "problems": problems}


def import_receipts(store: Store, folder: Path, pinned_der: bytes, *, user: str | None) -> dict[str, Any]:
    station_id = store.station_id
    source = folder / "station-receipts" / station_id
    if not source.is_dir():
        raise UsageError(f"{folder} holds no receipts for this station ({station_id}); bring the drive back from "
                         "the archive after `station-archive import`.")
    outbox = Outbox(store)
    out: dict[str, Any] = {"accepted": 0, "rejected": 0, "already": 0, "refused": [], "unknown": []}
    for path in sorted(source.glob("*.json")):
        if path.name == "index.json":
            continue
        try:
            envelope = json.loads(path.read_bytes())
            package_id = str(envelope["receipt"]["package_id"])
        except (OSError, ValueError, KeyError, TypeError):
            out["refused"].append({"file": path.name, "error": "not a receipt"})
            continue
        item = outbox.item(package_id)
        if item is None:
            out["unknown"].append(package_id)
            continue
        if item.state not in WAITING:
            out["already"] += 1
            continue
        try:
            verified = verify(envelope, pinned_der, package_id=item.package_id, sha256=item.sha256)
        except ReceiptRefused as exc:
            store.log("receipt_refused", user=user, obj=item.document_id, package_id=item.package_id,
                      sha256=item.sha256, reason=exc.message, via="sneakernet")
            out["refused"].append({"file": path.name, "package_id": package_id, "error": exc.message})
            continue
        status = outbox.settle(item, {"receipt": verified.receipt, "signature": envelope["signature"]}, user=user,
                               via="sneakernet")
        out[status] += 1
    store.log("import_receipts", user=user, folder=str(folder), accepted=out["accepted"], rejected=out["rejected"],
              refused=len(out["refused"]), unknown=len(out["unknown"]))
    out["pending"] = outbox.count_waiting()
    return out
