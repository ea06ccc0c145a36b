"""SaneDriver against the real SANE `test` backend, configured through a SANE_CONFIG_DIR of our own.

libsane reads SANE_CONFIG_DIR once per process, so every in-process test here shares one session-wide
configuration folder; the bridge tests run the driver in worker processes instead.
"""

from __future__ import annotations

import io
import shutil
import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from station.errors import ScannerError
from station.scanner.base import (
    CancelToken,
    CoverOpen,
    Device,
    DeviceUnavailable,
    FeederEmpty,
    NullEvents,
    PaperJam,
    ScannedPage,
    ScannerBusy,
    ScanOptions,
)
from station.scanner.sane_driver import (
    SaneDriver,
    map_sane_error,
    nearest_resolution,
    normalise_mode,
    normalise_source,
    resolutions_from_constraint,
    scale_brightness,
    scan_area,
)


def write_sane_config(folder: Path) -> Path:
    """dll.conf naming only `test` (listing in 0.01 s, no network probing) and the packaged test.conf."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    shutil.copy("/etc/sane.d/test.conf", folder / "test.conf")
    return folder


@pytest.fixture(scope="session")
def sane_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(write_sane_config(tmp_path_factory.mktemp("sane")))


# The test backend keeps option values while libsane stays loaded, across close and open, so every
# driver here sets the simulation options it relies on instead of inheriting another test's.
NORMAL = {"read-return-value": "Default", "read-delay": False, "read-limit": False, "test-picture": "Solid black"}


def sane_driver(sane_dir: str, **backend_options: object) -> SaneDriver:
    return SaneDriver(sane_dir, backend_options={**NORMAL, **{k.replace("_", "-"): v
                                                              for k, v in backend_options.items()}})


@pytest.fixture
def driver(sane_dir: str) -> SaneDriver:
    return sane_driver(sane_dir)


@pytest.fixture
def device(driver: SaneDriver) -> Device:
    return driver.list_devices()[0]


class Recorder:
    def __init__(self) -> None:
        self.statuses: list[str] = []
        self.started: list[int] = []

    def status(self, message: str) -> None:
        self.statuses.append(message)

    def page_started(self, index: int) -> None:
        self.started.append(index)


def scan(driver: SaneDriver, device: Device, options: ScanOptions, cancel: CancelToken | None = None,
         on_page=None) -> list[ScannedPage]:
    pages: list[ScannedPage] = []

    def keep(page: ScannedPage) -> None:
        pages.append(page)
        if on_page is not None:
            on_page(page)

    driver.scan(device, options, cancel or CancelToken(), NullEvents(), keep)
    return pages


def decode(page: ScannedPage) -> Image.Image:
    return Image.open(io.BytesIO(page.data))


# -- normalisation of names the backends use -------------------------------------------------------
@pytest.mark.parametrize(("raw", "mode"), [
    ("Color", "color"), ("Colour", "color"), ("RGB", "color"), ("24bit Color", "color"),
    ("Gray", "gray"), ("Grey", "gray"), ("Grayscale", "gray"), ("True Gray", "gray"),
    ("Lineart", "lineart"), ("Binary", "lineart"), ("Halftone", "lineart"), ("Black & White", "lineart"),
    ("Infrared", None),
])
def test_mode_names_of_backends_are_normalised(raw: str, mode: str | None) -> None:
    assert normalise_mode(raw) == mode


@pytest.mark.parametrize(("raw", "source"), [
    ("Flatbed", "flatbed"), ("Normal", "flatbed"), ("ADF", "adf"), ("Automatic Document Feeder", "adf"),
    ("ADF Front", "adf"), ("ADF Duplex", "duplex"), ("Duplex", "duplex"), ("ADF Back", "adf"),
    ("Transparency Adapter", None),
])
def test_source_names_of_backends_are_normalised(raw: str, source: str | None) -> None:
    assert normalise_source(raw) == source


def test_resolution_range_and_list_constraints() -> None:
    assert resolutions_from_constraint((1.0, 1200.0, 1.0)) == [75, 100, 150, 200, 240, 300, 400, 600, 1200]
    assert resolutions_from_constraint((50, 600, 0)) == [75, 100, 150, 200, 240, 300, 400, 600]
    assert resolutions_from_constraint([600, 150, 300, 75]) == [75, 150, 300, 600]
    assert nearest_resolution(300, [75, 150, 200, 600]) == 200
    assert nearest_resolution(250, [200, 300]) == 300  # a tie goes to the sharper scan
    assert nearest_resolution(2400, (50.0, 1200.0, 1.0)) == 1200.0
    assert nearest_resolution(301, (50, 1200, 50)) == 300


def test_brightness_and_area_are_scaled_and_clamped() -> None:
    assert scale_brightness(0, (-100.0, 100.0, 1.0)) == 0.0
    assert scale_brightness(100, (0, 255, 1)) == 255
    assert scale_brightness(-100, (0, 255, 1)) == 0
    assert scale_brightness(50, (-127, 127, 1)) == pytest.approx(63.5, abs=0.5)
    assert scale_brightness(10, [1, 2, 3]) is None
    assert scan_area("A4", 200.0, 200.0) == (200.0, 200.0)
    assert scan_area("A5", 216.0, 356.0) == (148.0, 210.0)
    assert scan_area("Letter", None, None) == (215.9, 279.4)


def test_sane_status_texts_become_station_errors_that_say_what_to_do() -> None:
    cases = {"Document feeder jammed": PaperJam, "Scanner cover is open": CoverOpen,
             "Document feeder out of documents": FeederEmpty, "Device busy": ScannerBusy,
             "Error during device I/O": DeviceUnavailable}
    for text, cls in cases.items():
        err = map_sane_error(RuntimeError(text))
        assert type(err) is cls
        assert err.detail == text
        assert ";" in err.message  # cause; what to do
    other = map_sane_error(RuntimeError("Operation not supported"))
    assert type(other) is ScannerError and "Operation not supported" in other.message


# -- the real test backend -------------------------------------------------------------------------
def test_lists_test_devices_and_normalised_capabilities(driver: SaneDriver, device: Device) -> None:
    devices = driver.list_devices()
    assert [d.id for d in devices] == ["sane:test:0", "sane:test:1"]
    assert all(d.driver == "sane" and d.name == "Noname frontend-tester" for d in devices)
    caps = driver.capabilities(device)
    assert caps.sources == ["flatbed", "adf"]
    assert caps.duplex is False
    assert caps.color_modes == ["gray", "color"]
    assert 300 in caps.resolutions and 75 in caps.resolutions
    assert caps.max_width_mm == 200.0 and caps.max_height_mm == 200.0
    assert caps.formats == ["png"]


def test_flatbed_scan_gives_one_page_at_the_asked_resolution_clamped_to_the_area(
        driver: SaneDriver, device: Device) -> None:
    events = Recorder()
    pages: list[ScannedPage] = []
    driver.scan(device, ScanOptions(source="flatbed", dpi=100, color_mode="gray", page_size="A4"), CancelToken(),
                events, pages.append)
    assert len(pages) == 1
    page = pages[0]
    assert page.suffix == ".png" and page.index == 1 and page.dpi == 100.0
    image = decode(page)
    assert image.mode == "L"
    # A4 is 210 x 297 mm; the test device reaches 200 x 200 mm: 200 mm at 100 dpi is 787 pixels
    assert abs(image.size[0] - 787) <= 2 and abs(image.size[1] - 787) <= 2
    assert image.info["dpi"][0] == pytest.approx(100, abs=0.01)
    assert events.started == [1]


def test_colour_mode_and_page_size_inside_the_area(sane_dir: str, device: Device) -> None:
    driver = sane_driver(sane_dir, test_picture="Color pattern")
    pages = scan(driver, device, ScanOptions(source="flatbed", dpi=75, color_mode="color", page_size="A5"))
    image = decode(pages[0])
    assert image.mode == "RGB"
    # A5 is 148 x 210 mm; height clamps to 200 mm
    assert abs(image.size[0] - round(148 / 25.4 * 75)) <= 2
    assert abs(image.size[1] - round(200 / 25.4 * 75)) <= 2
    pixels = np.asarray(image)
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 4  # a real colour pattern, not one flat colour


def test_mode_the_backend_lacks_is_refused_with_the_offered_ones(driver: SaneDriver, device: Device) -> None:
    with pytest.raises(ScannerError, match="no lineart mode; choose one of: gray, color"):
        scan(driver, device, ScanOptions(color_mode="lineart", dpi=75))
    with pytest.raises(ScannerError, match="no duplex source; choose one of: flatbed, adf"):
        scan(driver, device, ScanOptions(source="duplex", dpi=75))


def test_adf_scans_until_the_feeder_is_empty(driver: SaneDriver, device: Device) -> None:
    events = Recorder()
    pages: list[ScannedPage] = []
    driver.scan(device, ScanOptions(source="adf", dpi=75, color_mode="gray"), CancelToken(), events,
                pages.append)
    assert [p.index for p in pages] == list(range(1, 11))  # the test feeder holds 10 sheets
    assert all(decode(p).size == decode(pages[0]).size for p in pages)
    assert events.started == list(range(1, 12))  # the 11th start finds the feeder empty
    assert events.statuses[-1] == "Feeder empty after 10 pages"


def test_each_adf_page_reaches_on_page_before_the_next_is_scanned(driver: SaneDriver, device: Device) -> None:
    seen_at_page: list[int] = []
    events = Recorder()

    def on_page(page: ScannedPage) -> None:
        seen_at_page.append(len(events.started))

    driver.scan(device, ScanOptions(source="adf", dpi=75), CancelToken(), events, on_page)
    assert seen_at_page == list(range(1, 11))


@pytest.mark.parametrize(("status", "error"), [
    ("SANE_STATUS_JAMMED", PaperJam), ("SANE_STATUS_COVER_OPEN", CoverOpen),
    ("SANE_STATUS_NO_DOCS", FeederEmpty), ("SANE_STATUS_DEVICE_BUSY", ScannerBusy),
    ("SANE_STATUS_IO_ERROR", DeviceUnavailable),
])
def test_simulated_backend_faults_become_station_errors(sane_dir: str, device: Device, status: str,
                                                        error: type[ScannerError]) -> None:
    # Through the bridge, as the station runs SANE: after a fault the `test` backend can deadlock in
    # sane_cancel (it cancels its reader thread asynchronously), which costs a worker, not this process.
    from station.scanner.bridge import BridgedDriver

    def bridged(**options: object) -> BridgedDriver:
        return BridgedDriver("station.scanner.sane_driver:SaneDriver",
                             {"config_dir": sane_dir, "backend_options": sane_driver(sane_dir, **options).backend_options})

    with pytest.raises(error) as info:
        scan(bridged(read_return_value=status), device, ScanOptions(source="adf", dpi=75))
    assert type(info.value) is error
    assert "again" in info.value.message
    # the device is released: a normal scan right after works
    assert len(scan(bridged(), device, ScanOptions(source="flatbed", dpi=75))) == 1


def test_cancel_mid_feed_keeps_the_pages_scanned(driver: SaneDriver, device: Device) -> None:
    cancel = CancelToken()

    def stop_after_third(page: ScannedPage) -> None:
        if page.index == 3:
            cancel.cancel()

    pages = scan(driver, device, ScanOptions(source="adf", dpi=75), cancel, stop_after_third)
    assert [p.index for p in pages] == [1, 2, 3]


def test_cancel_from_another_thread_stops_a_slow_feed(sane_dir: str, device: Device) -> None:
    # read-delay makes each page take a while, like a real feeder
    driver = sane_driver(sane_dir, read_delay=True, read_delay_duration=2000, read_limit=True,
                         read_limit_size=4096)
    cancel = CancelToken()
    pages: list[ScannedPage] = []
    first = threading.Event()

    def keep(page: ScannedPage) -> None:
        pages.append(page)
        first.set()

    worker = threading.Thread(target=driver.scan,
                              args=(device, ScanOptions(source="adf", dpi=75), cancel, NullEvents(), keep))
    worker.start()
    assert first.wait(30)
    cancel.cancel()
    worker.join(30)
    assert not worker.is_alive()
    assert 1 <= len(pages) < 10
    assert [p.index for p in pages] == list(range(1, len(pages) + 1))


def test_float_values_for_integer_options_are_rounded(sane_dir: str, device: Device) -> None:
    # read-limit-size is a SANE_TYPE_INT option; a scaled value arrives as a float
    driver = sane_driver(sane_dir, read_limit=True, read_limit_size=2048.4)
    assert len(scan(driver, device, ScanOptions(source="flatbed", dpi=75))) == 1


def test_value_the_backend_refuses_is_named(sane_dir: str, device: Device) -> None:
    with pytest.raises(ScannerError, match="refused test-picture = 'Plaid'; choose a value it offers"):
        scan(sane_driver(sane_dir, test_picture="Plaid"), device, ScanOptions(dpi=75))


def test_unknown_backend_option_is_refused(sane_dir: str, device: Device) -> None:
    with pytest.raises(ScannerError, match="no setting 'no-such-option'"):
        scan(SaneDriver(sane_dir, backend_options={"no-such-option": 1}), device, ScanOptions(dpi=75))


def test_missing_device_is_reported_as_unavailable(driver: SaneDriver) -> None:
    with pytest.raises(DeviceUnavailable, match="plug it in"):
        driver.capabilities(Device(id="sane:test:9", driver="sane", name="gone"))
