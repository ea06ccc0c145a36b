"""Scanning into the station: pages stream from the driver into the store and the pipeline.

The driver runs on a thread of its own and records each page the moment it arrives (its image
durable in the blob store first, then the database row); the pipeline runs on the calling thread
and starts cleaning page 1 while the feeder still turns. A scanner fault keeps every page already
received: the document is finished with those pages and the fault is reported after.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image

from station.domain import SplitMode
from station.errors import ScannerError, StationError, UsageError
from station.scanner.base import (
    CancelToken,
    Device,
    NullEvents,
    ScanDriver,
    ScanEvents,
    ScannedPage,
    ScanOptions,
)
from station.store import Store
from station.store.db import NewPage

if TYPE_CHECKING:
    from station.workflow.station import Station

_MODES = {"1": "bilevel", "L": "gray", "RGB": "color"}


@dataclass
class ScanReport:
    device: str
    documents: list[str] = field(default_factory=list)
    pages: int = 0
    error: ScannerError | None = None
    cancelled: bool = False
    process: Any = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"device": self.device, "documents": self.documents, "pages": self.pages,
                               "cancelled": self.cancelled}
        if self.error is not None:
            out["error"] = {"code": self.error.exit_code, "message": self.error.message}
        if self.process is not None:
            out["pages_processed"] = self.process.pages_done
            out["documents_ready"] = self.process.documents_ready
        return out


def page_record(page: ScannedPage, store: Store, max_pixels: int) -> NewPage:
    """Check what the scanner sent (it is input like any other), then make it durable."""
    try:
        with Image.open(io.BytesIO(page.data)) as im:
            width, height = im.size
            mode = _MODES.get(im.mode, "color")
    except OSError as exc:
        raise ScannerError(f"The scanner sent page {page.index} in a form that cannot be read ({exc}); "
                           "scan it again.") from exc
    if width * height > max_pixels:
        raise ScannerError(f"Page {page.index} is {width}×{height} pixels, over the limit; scan at a lower "
                           "resolution.")
    blob = store.blobs.put(page.data, page.suffix)
    return NewPage(blob=blob, width=width, height=height, dpi=float(page.dpi), dpi_source="scanner", mode=mode,
                   source_name=f"scan_{page.index:04d}{page.suffix}", source_page=page.index)


def scan_into(
    station: Station,
    driver: ScanDriver,
    device: Device,
    options: ScanOptions,
    *,
    batch: str,
    split: SplitMode = SplitMode.FILE,
    user: str | None = None,
    events: ScanEvents | None = None,
    cancel: CancelToken | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    recorded: Callable[[str], None] | None = None,
) -> ScanReport:
    """`recorded(doc_id)` is called on the feeding thread after each page is durable, so a window can
    show its thumbnail at once rather than after the batch."""
    options.validate()
    cancel = cancel or CancelToken()
    events = events or NullEvents()
    report = ScanReport(device=device.id)
    open_doc: list[str] = []  # the document the scan is adding to, while it feeds
    max_pixels = int(station.settings.get("import.max_pixels"))
    rules = station.barcode_rules() if split is SplitMode.SEPARATOR else None

    def feed() -> None:
        store = Store(station.data_dir)  # a connection of this thread's own
        try:
            with store.transaction():
                batch_id = store.batch_id(batch, create=True)

            def on_page(page: ScannedPage) -> None:
                record = page_record(page, store, max_pixels)
                if rules is not None and station.is_separator_page(record, rules):
                    open_doc.clear()  # the next page starts a new document; the sheet is not kept
                    return
                with store.transaction():
                    if split is SplitMode.PAGE or not open_doc:
                        doc_id = store.add_document(batch_id, [record])
                        store.log("scan", user=user, obj=doc_id, device=device.id, dpi=options.dpi,
                                  mode=options.color_mode, source=options.source)
                        open_doc[:] = [doc_id]
                        report.documents.append(doc_id)
                    else:
                        store.append_pages(open_doc[0], [record])
                report.pages += 1
                if recorded is not None:
                    recorded(open_doc[0])

            driver.scan(device, options, cancel, events, on_page)
        except ScannerError as exc:
            report.error = exc
        except StationError as exc:
            report.error = ScannerError(exc.message)
        finally:
            store.close()
            report.cancelled = cancel.cancelled

    thread = threading.Thread(target=feed, name="scan-feed", daemon=True)
    thread.start()
    runner = station.runner()
    report.process = runner.run(
        batch=batch,
        progress=progress,
        feeding=thread.is_alive,
        held=lambda doc_id: thread.is_alive() and doc_id in open_doc,
    )
    thread.join()
    return report


def device_list(station: Station) -> dict[str, Any]:
    from station.scanner.registry import available_drivers, list_devices

    found, problems = list_devices(available_drivers(station.settings.get("scanner.escl_devices"), discovery=True))
    devices = []
    for device, caps in found:
        entry: dict[str, Any] = {"id": device.id, "driver": device.driver, "name": device.name}
        if caps is not None:
            entry.update(sources=caps.sources, resolutions=caps.resolutions, color_modes=caps.color_modes,
                         duplex=caps.duplex)
        devices.append(entry)
    return {"devices": devices, "problems": problems}


def add_network_scanner(station: Station, url: str, name: str | None, pin: str | None = None) -> dict[str, str]:
    """An eSCL scanner by address, for networks where discovery does not reach it.

    `pin` is the sha256 fingerprint of a scanner's self-signed HTTPS certificate: that scanner is
    then trusted by this certificate alone (printed on the scanner's configuration page).
    """
    from urllib.parse import urlparse

    from station.scanner.escl import HttpsPolicy

    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise UsageError(f"{url!r} is not a scanner address; give it as http://HOST[:PORT]/eSCL or https://…")
    entry = {"url": url, "name": name or parsed.hostname}
    if pin:
        if parsed.scheme != "https":
            raise UsageError("--pin is for https:// scanners; an http:// address has no certificate to pin.")
        try:
            HttpsPolicy.pin(pin)
        except (ValueError, ScannerError) as exc:
            raise UsageError(f"{pin!r} is not a sha256 fingerprint (64 hex digits, colons allowed).") from exc
        entry["pin"] = pin
    entries = [dict(d) for d in station.settings.get("scanner.escl_devices")]
    entries = [d for d in entries if d["url"] != url]
    entries.append(entry)
    station.settings.set("scanner.escl_devices", entries)
    station.store.log("setting_change", obj="scanner.escl_devices", added=url)
    return entries[-1]


def remove_network_scanner(station: Station, ref: str) -> None:
    entries = [dict(d) for d in station.settings.get("scanner.escl_devices")]
    kept = [d for d in entries if ref not in (d["url"], d["name"]) and not ref.endswith(d["url"])]
    if len(kept) == len(entries):
        raise UsageError(f"No network scanner {ref!r} was added; `station devices` lists them.")
    station.settings.set("scanner.escl_devices", kept)
    station.store.log("setting_change", obj="scanner.escl_devices", removed=ref)


def scan(
    station: Station,
    device_id: str | None,
    *,
    profile: str | None = None,
    batch: str | None = None,
    user: str | None = None,
    events: ScanEvents | None = None,
    cancel: CancelToken | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> ScanReport:
    from station.config import admin_settings_file
    from station.scanner.profiles import ProfileStore
    from station.scanner.registry import available_drivers, find_device
    from station.workflow.station import default_batch_name

    chosen = ProfileStore(station.data_dir, admin_settings_file().parent / "profiles.json").get(profile or "default")
    drivers = available_drivers(station.settings.get("scanner.escl_devices"))
    found = find_device(device_id or str(station.settings.get("scanner.default_device")), drivers)
    return scan_into(station, found.driver, found.device, chosen.options(), batch=batch or default_batch_name(),
                     split=SplitMode(chosen.split), user=user, events=events, cancel=cancel, progress=progress)


def watch_folder(
    station: Station,
    folder: Path,
    *,
    batch: str | None,
    settle_seconds: float,
    interval: float,
    stop: threading.Event,
    once: bool = False,
    process: bool = False,
    say: Callable[[str], None] = lambda _text: None,
) -> dict[str, list[str]]:
    """Import what multifunction printers drop into a (shared) folder, each complete file once.

    Every file becomes a document of its own; a refused file goes to `failed/` with its reason
    said, the others to `done/`. With `once`, polls until every file present has settled and been
    handled, then returns (for scripts and schedulers).
    """
    from station.scanner.hotfolder import HotFolder, is_ignored

    outcome: dict[str, list[str]] = {"imported": [], "failed": [], "duplicates": []}

    def on_file(path: Path) -> bool:
        report = station.import_files([path], batch=batch, split=SplitMode.FILE)
        for refused in report.refused:
            say(f"refused {path.name}: {refused['reason']}")
        for doc in report.documents:
            say(f"imported {path.name} as {doc['id']} ({doc['page_count']} page(s))")
            outcome["imported"].append(doc["id"])
        return not report.refused

    hot = HotFolder(folder, on_file, settle_seconds=settle_seconds)
    started = time.monotonic()
    while not stop.is_set():
        handled = hot.poll_once()
        for h in handled:
            if h.outcome == "failed":
                outcome["failed"].append(h.source.name)
            elif h.outcome == "duplicate":
                say(f"{h.source.name} was imported before; moved to {h.moved_to.parent.name}/")
                outcome["duplicates"].append(h.source.name)
        if process and handled:
            station.process(batch=batch)
        if once:
            waiting = [p.name for p in folder.iterdir() if p.is_file() and not is_ignored(p.name)]
            if not waiting:
                break
            if time.monotonic() - started > settle_seconds * 5 + 30:
                say(f"still being written, left for the next run: {', '.join(sorted(waiting))}")
                break
        stop.wait(interval)
    return outcome
