#!/usr/bin/env python3
"""Scan benchmark: from page received to page cleaned and stored, and ADF throughput.

    .venv/bin/python bench/scan.py [--pages 12] [--ppm 60]

Feeds the pipeline from three sources and prints one JSON document:
- the demo scanner's pages replayed as a `--ppm` pages-per-minute feeder (the target: capture and
  cleanup keep up with a 60 ppm feeder; OCR may lag behind and catch up),
- the loopback eSCL test scanner through the real eSCL client (as fast as it serves),
- the SANE `test` backend through the process bridge (its feeder gives 10 pages).
For each: pages received, receive and cleanup throughput, latency from page received to page
cleaned (median, p95, max), and the seconds OCR needed after the last page to catch up.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class Timed:
    """Wraps a driver: records when each page is handed over."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self.name = driver.name
        self.received: dict[int, float] = {}

    def list_devices(self) -> Any:
        return self.driver.list_devices()

    def capabilities(self, device: Any) -> Any:
        return self.driver.capabilities(device)

    def scan(self, device: Any, options: Any, cancel: Any, events: Any, on_page: Callable[[Any], None]) -> None:
        def timed(page: Any) -> None:
            on_page(page)
            self.received[len(self.received) + 1] = time.monotonic()

        self.driver.scan(device, options, cancel, events, timed)


class Replay:
    """A feeder at a set pace with pages scanned beforehand: a real scanner costs the host no CPU,
    while the demo driver renders each page on the fly (about 1.4 s of a core at 300 dpi)."""

    name = "replay"

    def __init__(self, pages: list[Any], ppm: float) -> None:
        self.pages = pages
        self.interval = 60.0 / ppm

    def scan(self, device: Any, options: Any, cancel: Any, events: Any, on_page: Callable[[Any], None]) -> None:
        start = time.monotonic()
        for i, page in enumerate(self.pages):
            if cancel.wait(max(0.0, start + i * self.interval - time.monotonic())):
                return
            on_page(page)


def watch_cleanups(db_path: Path, stop: threading.Event, seen: dict[int, float]) -> None:
    """Poll the store (50 ms) for the moment each page's cleanup result is recorded."""
    while not stop.is_set():
        if db_path.exists():
            db = sqlite3.connect(db_path, timeout=30)
            try:
                rows = db.execute("SELECT p.idx FROM page_stages s JOIN pages p ON p.id = s.page_id "
                                  "WHERE s.stage = 'cleanup' AND s.status = 'done'").fetchall()
            except sqlite3.OperationalError:
                rows = []
            db.close()
            now = time.monotonic()
            for (idx,) in rows:
                seen.setdefault(int(idx), now)
        stop.wait(0.05)


def run_source(name: str, driver: Any, device: Any, options: Any, work: Path) -> dict[str, Any]:
    from station.domain import SplitMode
    from station.workflow import Station
    from station.workflow.scanning import scan_into

    data = work / name
    timed = Timed(driver)
    cleaned: dict[int, float] = {}
    stop = threading.Event()
    watcher = threading.Thread(target=watch_cleanups, args=(data / "station.sqlite3", stop, cleaned), daemon=True)
    station = Station(data)
    watcher.start()
    start = time.monotonic()
    try:
        report = scan_into(station, timed, device, options, batch="bench", split=SplitMode.NONE)
    finally:
        end = time.monotonic()
        stop.set()
        watcher.join()
        station.close()
    received = timed.received
    n = len(received)
    latencies = sorted(cleaned[i] - received[i] for i in received if i in cleaned)
    last_received = max(received.values()) if received else start
    last_cleaned = max(cleaned.values()) if cleaned else start
    minutes = max(1e-9, last_received - start) / 60
    return {
        "pages_received": n,
        "error": report.error.message if report.error else None,
        "receive_pages_per_minute": round(n / minutes, 1),
        "cleanup_pages_per_minute": round(len(cleaned) / max(1e-9, (last_cleaned - start) / 60), 1),
        "received_to_cleaned_seconds": {
            "median": round(statistics.median(latencies), 2) if latencies else None,
            "p95": round(latencies[max(0, int(len(latencies) * 0.95) - 1)], 2) if latencies else None,
            "max": round(latencies[-1], 2) if latencies else None,
        },
        "cleanup_kept_up": bool(latencies) and latencies[-1] < 5.0,
        "ocr_caught_up_seconds_after_last_page": round(end - last_received, 1),
        "pages_processed": report.process.pages_done if report.process else 0,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=16, help="pages fed by the paced feeder and the eSCL scanner")
    ap.add_argument("--ppm", type=float, default=60.0, help="pace of the demo feeder, pages per minute")
    args = ap.parse_args()

    from station.scanner.base import ScanOptions
    from station.scanner.bridge import BridgedDriver
    from station.scanner.demo import DEVICE, DemoDriver
    from station.scanner.escl import EsclDriver
    from station.scanner.escl_server import EsclServer

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    work = Path(tempfile.mkdtemp(prefix="bench-scan-"))
    options = ScanOptions(source="adf", dpi=300, color_mode="color")
    result: dict[str, Any] = {"benchmark": "scan", "machine": {"cores": os.cpu_count()}, "options": vars(options)}
    try:
        from station.scanner.base import CancelToken, NullEvents

        scanned: list[Any] = []
        while len(scanned) < args.pages:
            DemoDriver().scan(DEVICE, options, CancelToken(), NullEvents(), scanned.append)
        feeder = Replay(scanned[: args.pages], args.ppm)
        result["feeder_60ppm"] = {"ppm_target": args.ppm, "source": "demo scanner pages, scanned beforehand",
                                  **run_source("feeder", feeder, DEVICE, options, work)}
        with EsclServer(feeder_sheets=args.pages) as server:
            escl = EsclDriver(urls=[server.url])
            device = escl.list_devices()[0]
            result["escl_test_scanner"] = run_source("escl", escl, device, options, work)
        conf = work / "sane-conf"
        conf.mkdir()
        (conf / "dll.conf").write_text("test\n")
        if Path("/etc/sane.d/test.conf").exists():
            shutil.copy("/etc/sane.d/test.conf", conf / "test.conf")
        sane = BridgedDriver("station.scanner.sane_driver:SaneDriver", {"config_dir": str(conf)})
        devices = sane.list_devices()
        if devices:
            result["sane_test_backend"] = run_source("sane", sane, devices[0],
                                                     ScanOptions(source="adf", dpi=300, color_mode="color"), work)
        else:
            result["sane_test_backend"] = "the SANE test backend is not available"
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
