"""BridgedDriver: drivers in a worker process that may crash, hang or jam; pages already relayed stay.

The misbehaving driver is tests/fake_scan_driver.py; the last tests host the real SaneDriver with
the SANE `test` backend, whose SANE_CONFIG_DIR is set only in the worker.
"""

from __future__ import annotations

import io
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from station.errors import ScannerError
from station.scanner.base import (
    CancelToken,
    DeviceUnavailable,
    FeederEmpty,
    PaperJam,
    ScannedPage,
    ScanOptions,
)
from station.scanner.bridge import STOPPED_RESPONDING, BridgedDriver

FAKE = "fake_scan_driver:FakeDriver"
SANE = "station.scanner.sane_driver:SaneDriver"


class Recorder:
    def __init__(self) -> None:
        self.statuses: list[str] = []
        self.started: list[int] = []

    def status(self, message: str) -> None:
        self.statuses.append(message)

    def page_started(self, index: int) -> None:
        self.started.append(index)


def run_scan(bridge: BridgedDriver, pages: list[ScannedPage], options: ScanOptions | None = None) -> Recorder:
    """Scan the first device into `pages`, which the caller still holds when the scan raises."""
    events = Recorder()
    device = bridge.list_devices()[0]
    bridge.scan(device, options or ScanOptions(source="adf", dpi=150), CancelToken(), events, pages.append)
    return events


def shade(page: ScannedPage) -> int:
    return int(Image.open(io.BytesIO(page.data)).getpixel((0, 0)))


def process_gone(pid_file: Path) -> bool:
    pid = int(pid_file.read_text())
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a killed child that was reaped is gone; one not yet reaped is a zombie
    stat = Path(f"/proc/{pid}/stat")
    return not stat.exists() or stat.read_text().split()[2] == "Z"


def test_pages_and_events_are_relayed_from_another_process(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    bridge = BridgedDriver(FAKE, {"pages": 4, "pid_file": str(pid_file)})
    assert bridge.name == "fake"
    devices = bridge.list_devices()
    assert devices[0].id == "fake:1"
    assert int(pid_file.read_text()) != os.getpid()
    caps = bridge.capabilities(devices[0])
    assert caps.sources == ["flatbed", "adf"]
    pages: list[ScannedPage] = []
    events = run_scan(bridge, pages)
    assert [p.index for p in pages] == [1, 2, 3, 4]
    assert [shade(p) for p in pages] == [20, 40, 60, 80]
    assert all(p.dpi == 150 and p.suffix == ".png" for p in pages)
    assert events.started == [1, 2, 3, 4]


def test_each_page_arrives_while_the_worker_still_scans() -> None:
    bridge = BridgedDriver(FAKE, {"pages": 3, "page_seconds": 0.4})
    arrivals: list[float] = []
    device = bridge.list_devices()[0]
    start = time.monotonic()
    bridge.scan(device, ScanOptions(source="adf"), CancelToken(), Recorder(),
                lambda page: arrivals.append(time.monotonic() - start))
    end = time.monotonic() - start
    assert len(arrivals) == 3
    assert arrivals[1] - arrivals[0] > 0.3 and arrivals[2] - arrivals[1] > 0.3
    assert end - arrivals[0] > 0.6  # page 1 was in hand well before the feed finished


@pytest.mark.parametrize(("fault", "exit_code"), [("crash_after", -9), ("segfault_after", -11)])
def test_worker_dying_after_page_two_keeps_pages_and_says_what_to_do(fault: str, exit_code: int) -> None:
    bridge = BridgedDriver(FAKE, {"pages": 5, fault: 2})
    pages: list[ScannedPage] = []
    with pytest.raises(DeviceUnavailable) as info:
        run_scan(bridge, pages)
    assert info.value.message == STOPPED_RESPONDING
    assert f"exit code {exit_code}" in str(info.value.detail)
    assert [p.index for p in pages] == [1, 2]


def test_worker_crash_in_capabilities_is_reported() -> None:
    bridge = BridgedDriver(FAKE, {"crash_after": 0})
    device = bridge.list_devices()[0]
    with pytest.raises(DeviceUnavailable, match="unplug the scanner, plug it in and try again"):
        bridge.capabilities(device)


def test_hung_worker_times_out_keeps_pages_and_is_killed(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    bridge = BridgedDriver(FAKE, {"pages": 5, "hang_after": 2, "pid_file": str(pid_file)}, timeout=1.5)
    pages: list[ScannedPage] = []
    start = time.monotonic()
    with pytest.raises(DeviceUnavailable, match="stopped responding"):
        run_scan(bridge, pages)
    assert time.monotonic() - start < 15
    assert [p.index for p in pages] == [1, 2]
    assert process_gone(pid_file)


def test_driver_error_crosses_as_the_same_class_with_its_message() -> None:
    bridge = BridgedDriver(FAKE, {"pages": 5, "jam_after": 3})
    pages: list[ScannedPage] = []
    with pytest.raises(PaperJam, match="remove the sheet") as info:
        run_scan(bridge, pages)
    assert "Traceback" in str(info.value.detail)
    assert [p.index for p in pages] == [1, 2, 3]


def test_error_is_reported_before_a_release_that_hangs(tmp_path: Path) -> None:
    """A driver stuck releasing the device after a fault costs its worker, not the operator's wait."""
    pid_file = tmp_path / "pid"
    bridge = BridgedDriver(FAKE, {"pages": 5, "jam_after": 1, "hang_in_release": True, "pid_file": str(pid_file)},
                           timeout=60)
    start = time.monotonic()
    with pytest.raises(PaperJam):
        run_scan(bridge, [])
    assert time.monotonic() - start < 15  # the error came first, not after the 60 s timeout
    assert process_gone(pid_file)


def test_non_station_error_in_the_driver_becomes_a_scanner_error() -> None:
    bridge = BridgedDriver(FAKE, {"no_such_argument": 1})
    with pytest.raises(ScannerError, match="The scanner driver failed") as info:
        bridge.list_devices()
    assert type(info.value) is ScannerError
    assert "no_such_argument" in info.value.message


def test_cancel_from_the_parent_reaches_the_worker_mid_feed() -> None:
    bridge = BridgedDriver(FAKE, {"pages": 30, "page_seconds": 0.2})
    cancel = CancelToken()
    pages: list[ScannedPage] = []
    events = Recorder()

    def on_page(page: ScannedPage) -> None:
        pages.append(page)
        if page.index == 3:
            cancel.cancel()

    device = bridge.list_devices()[0]
    bridge.scan(device, ScanOptions(source="adf"), cancel, events, on_page)
    assert [p.index for p in pages] in ([1, 2, 3], [1, 2, 3, 4])  # page 4 may be under way already
    assert events.statuses == ["cancelled"]


def test_cancel_of_a_worker_stuck_inside_a_page_kills_it(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    bridge = BridgedDriver(FAKE, {"pages": 5, "stuck_in_page": 2, "pid_file": str(pid_file)}, cancel_grace=1.0)
    cancel = CancelToken()
    pages: list[ScannedPage] = []
    device = bridge.list_devices()[0]
    timer = threading.Timer(1.5, cancel.cancel)
    timer.start()
    start = time.monotonic()
    bridge.scan(device, ScanOptions(source="adf"), cancel, Recorder(), pages.append)
    timer.join()
    assert time.monotonic() - start < 10
    assert [p.index for p in pages] == [1]
    assert process_gone(pid_file)


def test_bad_factory_path_is_refused() -> None:
    with pytest.raises(ScannerError, match="package.module:Class"):
        BridgedDriver("fake_scan_driver.FakeDriver")
    with pytest.raises(ScannerError, match="cannot be loaded"):
        BridgedDriver("fake_scan_driver:NoSuchDriver")


# -- the real SANE driver through the bridge -------------------------------------------------------
@pytest.fixture
def sane_dir(tmp_path: Path) -> str:
    folder = tmp_path / "sane"
    folder.mkdir()
    (folder / "dll.conf").write_text("test\n")
    shutil.copy("/etc/sane.d/test.conf", folder / "test.conf")
    return str(folder)


def test_sane_test_backend_feeds_ten_pages_through_the_bridge(sane_dir: str) -> None:
    bridge = BridgedDriver(SANE, {"config_dir": sane_dir})
    assert bridge.name == "sane"
    assert os.environ.get("SANE_CONFIG_DIR") != sane_dir  # set only in the worker
    devices = bridge.list_devices()
    assert [d.id for d in devices] == ["sane:test:0", "sane:test:1"]
    assert bridge.capabilities(devices[0]).sources == ["flatbed", "adf"]
    pages: list[ScannedPage] = []
    events = run_scan(bridge, pages, ScanOptions(source="adf", dpi=75, color_mode="gray"))
    assert [p.index for p in pages] == list(range(1, 11))
    assert Image.open(io.BytesIO(pages[0].data)).mode == "L"
    assert events.statuses[-1] == "Feeder empty after 10 pages"


def test_sane_faults_cross_the_bridge_as_station_errors(sane_dir: str) -> None:
    jammed = BridgedDriver(SANE, {"config_dir": sane_dir,
                                  "backend_options": {"read-return-value": "SANE_STATUS_JAMMED"}})
    with pytest.raises(PaperJam):
        run_scan(jammed, [], ScanOptions(source="adf", dpi=75))
    empty = BridgedDriver(SANE, {"config_dir": sane_dir,
                                 "backend_options": {"read-return-value": "SANE_STATUS_NO_DOCS"}})
    with pytest.raises(FeederEmpty, match="put the pages in the feeder"):
        run_scan(empty, [], ScanOptions(source="adf", dpi=75))
