#!/usr/bin/env python3
"""Sync load benchmark: several stations sync their outboxes at once to one archive on loopback.

    .venv/bin/python bench/sync.py [--stations 3] [--packages 500] [--small 10] [--chunk-bytes 4194304]

The archive is the real `station-archive serve` (a subprocess); each station is a real `station
sync --user chief --json` subprocess on its own data dir, all started together. Packages are
real: two documents are sealed for real (OCR, PDF/A-2b, PAdES, bag) with a CA-issued organ key
the archive trusts, and each station's packages are derived from them by re-signing (a new
Package-Id and the station's Station-Id, manifests rewritten, tag manifest signed again: see
tests/sync_fixtures.py), so the archive's full checks run on every one.

Prints one JSON document: all accepted, duplicates, bytes and packages per second over the
concurrent phase (wall time, loopback, the archive's checks included), and each station's peak
RSS (VmHWM of its `station sync` process, read every 50 ms until it exits) when syncing `--small` packages alone
and its share of the load at once: the memory should be flat (streamed chunks, never a whole
package in memory). The machine is shared (2 cores), so the throughput is a lower bound.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "mật-khẩu-thử-1"


def make_station(data: Path, archive, templates, count: int, chunk: int) -> tuple[dict[str, str], list[tuple]]:  # type: ignore[no-untyped-def]
    from station.workflow import Station, syncing
    from tests.sync_fixtures import add_sealed_packages

    station = Station(data)
    station.accounts.add("admin", "admin", PASSWORD, by=None)
    station.accounts.add("chief", "supervisor", PASSWORD, by="admin")
    token = archive.token(station.store.station_id)
    syncing.remote_set(station, archive.url, user="admin", token=token)
    station.settings.set("sync.chunk_bytes", chunk)
    station.settings.set("sync.backoff_base_seconds", 0.2)
    station.settings.set("sync.backoff_max_seconds", 5.0)
    signers = [t.signer() for t in templates]
    made = add_sealed_packages(station.store, templates, count, signers=signers)
    station.close()
    env = {**os.environ, "STATION_DATA_DIR": str(data), "STATION_PASSWORD": PASSWORD, "STATION_ARCHIVE_TOKEN": token}
    return env, made


def run_syncs(envs: list[dict[str, str]]) -> tuple[float, list[dict[str, object]]]:
    """Start every station's `station sync` at once; wall seconds, and per station its result and peak RSS."""
    cmd = [sys.executable, "-m", "station", "sync", "--user", "chief", "--json"]
    t0 = time.perf_counter()
    procs = []
    for env in envs:
        out = tempfile.TemporaryFile()
        err = tempfile.TemporaryFile()
        procs.append((subprocess.Popen(cmd, env=env, stdout=out, stderr=err), out, err))
    results: list[dict[str, object]] = [{} for _ in procs]
    pending = {p.pid: i for i, (p, _o, _e) in enumerate(procs)}
    hwm = dict.fromkeys(pending, 0)
    while pending:
        # VmHWM is the high-water mark of the process's own memory since its exec (ru_maxrss is not:
        # Linux carries the forking parent's size over into it).
        for pid in list(pending):
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        hwm[pid] = max(hwm[pid], int(line.split()[1]))
            except OSError:
                pass
        pid, status, usage = os.wait4(-1, os.WNOHANG)
        if pid == 0:
            time.sleep(0.05)
            continue
        if pid not in pending:
            continue
        i = pending.pop(pid)
        proc, out, err = procs[i]
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode()
        results[i] = {"exit": proc.returncode, "peak_rss_mb": round(hwm[pid] / 1024, 1),
                      "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
                      "result": json.loads(text) if text.strip() else None,
                      "stderr": err.read().decode()[-400:] if proc.returncode else ""}
    return time.perf_counter() - t0, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, default=3)
    parser.add_argument("--packages", type=int, default=500, help="packages per station")
    parser.add_argument("--small", type=int, default=10, help="packages of the lone run whose RSS is the baseline")
    parser.add_argument("--chunk-bytes", type=int, default=4 * 1024 * 1024)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()

    import keyring

    from tests.seal_fixtures import MemoryKeyring
    from tests.sync_fixtures import Archive, seal_templates

    keyring.set_keyring(MemoryKeyring())
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-sync-"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    templates, ca_pem = seal_templates(work / "seal", copies=2)
    seal_seconds = time.perf_counter() - t0
    archive = Archive(work / "archive", [ca_pem]).start()
    try:
        t0 = time.perf_counter()
        small_env, small_made = make_station(work / "station-small", archive, templates, args.small, args.chunk_bytes)
        stations = [make_station(work / f"station-{n}", archive, templates, args.packages, args.chunk_bytes)
                    for n in range(args.stations)]
        derive_seconds = time.perf_counter() - t0

        small_seconds, small = run_syncs([small_env])
        wall, loaded = run_syncs([env for env, _ in stations])

        listed = archive.listing()
        ids = [p["package_id"] for p in listed]
        by_id = {p["package_id"]: p for p in listed}
        made = [m for _env, ms in stations for m in ms] + small_made
        missing = [m[1] for m in made if m[1] not in by_id]
        wrong = [m[1] for m in made if m[1] in by_id and (by_id[m[1]]["sha256"] != m[3]
                                                          or by_id[m[1]]["status"] != "accepted")]
        load_bytes = sum(m[2].stat().st_size for _env, ms in stations for m in ms)
        load_packages = sum(len(ms) for _env, ms in stations)
        report = {
            "stations": args.stations,
            "packages_per_station": args.packages,
            "package_bytes_mean": load_bytes // max(1, load_packages),
            "chunk_bytes": args.chunk_bytes,
            "all_accepted": not missing and not wrong and all(r["exit"] == 0 for r in loaded + small),
            "archive_packages": len(ids),
            "expected_packages": len(made),
            "duplicates": len(ids) - len(set(ids)),
            "missing": len(missing),
            "wrong_sha256_or_status": len(wrong),
            "concurrent_seconds": round(wall, 2),
            "mb_per_second": round(load_bytes / 1e6 / wall, 2),
            "packages_per_second": round(load_packages / wall, 2),
            "station_peak_rss_mb": {f"{args.small}_packages_alone": small[0]["peak_rss_mb"],
                                    f"{args.packages}_packages_each_of_{args.stations}":
                                        [r["peak_rss_mb"] for r in loaded]},
            "station_cpu_seconds_per_package": round(sum(float(r["cpu_seconds"]) for r in loaded)  # type: ignore[arg-type]
                                                     / max(1, load_packages), 4),
            "results": [r["result"] for r in loaded],
            "errors": [r["stderr"] for r in loaded + small if r["stderr"]],
            "setup_seconds": {"seal_2_documents": round(seal_seconds, 1), "derive_packages": round(derive_seconds, 1),
                              "small_run": round(small_seconds, 1)},
            "work": str(work) if args.keep else None,
        }
    finally:
        archive.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(report, indent=2))
    return 0 if report["all_accepted"] and report["duplicates"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
