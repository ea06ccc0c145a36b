"""Scanning streams pages into the store and the pipeline; a scanner fault keeps what arrived."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from station.domain import SplitMode
from station.scanner.base import (
    CancelToken,
    Capabilities,
    Device,
    PaperJam,
    ScanEvents,
    ScannedPage,
    ScanOptions,
)
from station.workflow import Station
from station.workflow.scanning import scan_into


class FeederDriver:
    """A driver that feeds real scan files at a set pace and may jam after some page."""

    name = "feeder"

    def __init__(self, pages: list[Path], seconds_per_page: float, jam_after: int | None = None,
                 watch: Callable[[int], None] | None = None) -> None:
        self.pages = pages
        self.seconds_per_page = seconds_per_page
        self.jam_after = jam_after
        self.watch = watch

    def list_devices(self) -> list[Device]:
        return [Device("feeder:1", "feeder", "Feeder")]

    def capabilities(self, device: Device) -> Capabilities:
        return Capabilities(sources=["adf"], resolutions=[200, 300], color_modes=["gray"], duplex=False)

    def scan(self, device: Device, options: ScanOptions, cancel: CancelToken, events: ScanEvents,
             on_page: Callable[[ScannedPage], None]) -> None:
        for i, path in enumerate(self.pages, start=1):
            if cancel.wait(self.seconds_per_page):
                return
            if self.watch:
                self.watch(i)
            on_page(ScannedPage(data=path.read_bytes(), suffix=path.suffix, dpi=200, index=i))
            if self.jam_after == i:
                raise PaperJam("Paper jam: clear the feeder and press Scan again.")


def _cleaned_pages(data: Path) -> int:
    db = sqlite3.connect(data / "station.sqlite3", timeout=30)
    try:
        return int(db.execute("SELECT COUNT(*) FROM page_stages WHERE stage='cleanup' AND status='done'")
                   .fetchone()[0])
    finally:
        db.close()


@pytest.mark.slow
def test_pages_are_cleaned_while_the_feeder_runs_and_a_jam_keeps_them(tmp_path: Path, corpus: Path) -> None:
    data = tmp_path / "data"
    page = corpus / "tesseract_test" / "phototest.tif"
    cleaned_when_fed: dict[int, int] = {}

    def hold_page_4_until_page_1_is_cleaned(i: int) -> None:
        # The feeder holds page 4 until the pipeline has cleaned page 1: a pipeline that waited for the
        # feeder to finish would never get there. A deadline, not a pace, so a loaded machine cannot fail it.
        deadline = time.monotonic() + 120
        while i == 4 and _cleaned_pages(data) < 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        cleaned_when_fed.setdefault(i, _cleaned_pages(data))

    driver = FeederDriver([page] * 5, seconds_per_page=0.2, jam_after=4, watch=hold_page_4_until_page_1_is_cleaned)
    station = Station(data)
    try:
        report = scan_into(station, driver, driver.list_devices()[0], ScanOptions(source="adf", color_mode="gray"),
                           batch="scan", split=SplitMode.FILE)
    finally:
        station.close()
    # Streaming: page 1 was cleaned before the feeder delivered page 4.
    assert cleaned_when_fed[4] >= 1
    # The jam after page 4 is reported, and the four pages received are kept in one finished document.
    assert isinstance(report.error, PaperJam) and report.pages == 4
    station = Station(data)
    doc = station.show(report.documents[0])
    station.close()
    assert doc["page_count"] == 4 and doc["state"] == "needs_review"
    assert all("quick brown" in p["text"] for p in doc["pages"])


def test_cancel_stops_the_feed_and_keeps_the_pages(tmp_path: Path, corpus: Path) -> None:
    page = corpus / "tesseract_test" / "phototest.tif"
    cancel = CancelToken()
    driver = FeederDriver([page] * 10, seconds_per_page=0.05, watch=lambda i: cancel.cancel() if i == 2 else None)
    station = Station(tmp_path / "data")
    try:
        report = scan_into(station, driver, driver.list_devices()[0], ScanOptions(source="adf"), batch="b",
                           split=SplitMode.PAGE, cancel=cancel)
        assert report.cancelled and report.pages == 2 and len(report.documents) == 2
        assert [d["state"] for d in station.list_documents()] == ["needs_review", "needs_review"]
    finally:
        station.close()


def test_unreadable_scanner_output_is_a_scanner_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    driver = FeederDriver([bad], seconds_per_page=0.0)
    station = Station(tmp_path / "data")
    started = time.monotonic()
    try:
        report = scan_into(station, driver, driver.list_devices()[0], ScanOptions(), batch="b")
    finally:
        station.close()
    assert report.error is not None and report.error.exit_code == 5 and "scan it again" in report.error.message
    assert report.pages == 0 and time.monotonic() - started < 60
