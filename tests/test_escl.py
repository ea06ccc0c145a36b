"""eSCL driver against the loopback eSCL server, and the server against the independent sane-airscan.

The server is only worth testing against if a client we did not write accepts it, so the slow test
at the end has the Debian ``sane-airscan`` backend list it and scan an A4 page from it.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import ssl
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from zeroconf import ServiceInfo

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
from station.scanner.escl import (
    JAM_MESSAGE,
    EsclDriver,
    HttpsPolicy,
    certificate_fingerprint,
    parse_capabilities,
    url_from_service,
)
from station.scanner.escl_server import EsclServer, Faults

FAST_RETRY = (0.01, 0.02, 0.05)


class RecordingEvents(NullEvents):
    def __init__(self) -> None:
        self.messages: list[str] = []
        self.started: list[int] = []

    def status(self, message: str) -> None:
        self.messages.append(message)

    def page_started(self, index: int) -> None:
        self.started.append(index)


def run_scan(server: EsclServer, options: ScanOptions, *, driver: EsclDriver | None = None,
             cancel: CancelToken | None = None, on_page_extra: Callable[[ScannedPage], None] | None = None,
             pages: list[ScannedPage] | None = None) -> tuple[list[ScannedPage], RecordingEvents]:
    """Scan through the driver; ``pages`` (when given) holds what on_page got even if the scan raises."""
    driver = driver or EsclDriver([server.url], retry_delays=FAST_RETRY)
    device = driver.list_devices()[0]
    pages = [] if pages is None else pages
    events = RecordingEvents()

    def on_page(page: ScannedPage) -> None:
        pages.append(page)
        if on_page_extra is not None:
            on_page_extra(page)

    driver.scan(device, options, cancel or CancelToken(), events, on_page)
    return pages, events


def decode(page: ScannedPage) -> Image.Image:
    image = Image.open(io.BytesIO(page.data))
    image.load()
    return image


@pytest.fixture
def server() -> Iterator[EsclServer]:
    with EsclServer(feeder_sheets=5) as srv:
        yield srv


def test_capabilities_round_trip(server: EsclServer) -> None:
    driver = EsclDriver([server.url])
    devices = driver.list_devices()
    assert devices == [Device(id=f"escl:{server.url}", driver="escl", name="Station Test Scanner")]
    caps = driver.capabilities(devices[0])
    assert caps.sources == ["flatbed", "adf", "duplex"]
    assert caps.duplex is True
    assert caps.resolutions == [75, 100, 150, 200, 300, 600]
    assert caps.color_modes == ["color", "gray", "lineart"]
    assert caps.formats == ["image/jpeg", "image/png", "application/pdf"]
    assert caps.max_width_mm == pytest.approx(210.0, abs=0.1)
    assert caps.max_height_mm == pytest.approx(297.0, abs=0.1)
    # The parser reads what the server wrote, not a copy of our own assumptions: the raw XML names.
    _, extra = parse_capabilities(server.capabilities_xml())
    assert extra["escl_modes"] == ["RGB24", "Grayscale8", "BlackAndWhite1"]
    assert extra["version"] == "2.63"


def test_adf_scan_of_five_pages_streams_each_page(server: EsclServer) -> None:
    served_at_page: list[int] = []

    def note(page: ScannedPage) -> None:
        served_at_page.append(sum(1 for m, p in server.requests if p.endswith("/NextDocument")))

    pages, events = run_scan(server, ScanOptions(source="adf", dpi=150), on_page_extra=note)
    assert [p.index for p in pages] == [1, 2, 3, 4, 5]
    assert all(p.suffix == ".jpg" and p.dpi == 150 for p in pages)
    images = [decode(p) for p in pages]
    assert all(im.size == (1240, 1754) and im.mode == "RGB" for im in images)  # A4 at 150 dpi
    assert len({p.data for p in pages}) == 5  # five different sheets, not one page repeated
    # Page 1 reached on_page when the scanner had been asked for one page only: streaming.
    assert served_at_page == [1, 2, 3, 4, 5]
    assert events.started[:5] == [1, 2, 3, 4, 5]
    assert server.feeder_sheets == 0
    assert server.jobs == {}  # the finished job was deleted


def test_duplex_gives_front_and_back_of_each_sheet() -> None:
    with EsclServer(feeder_sheets=3) as srv:
        pages, _ = run_scan(srv, ScanOptions(source="duplex", dpi=100, color_mode="gray"))
    assert [p.index for p in pages] == [1, 2, 3, 4, 5, 6]
    assert all(decode(p).mode == "L" for p in pages)


def test_flatbed_lineart_gives_one_bilevel_png_cropped_to_the_page_size(server: EsclServer) -> None:
    pages, _ = run_scan(server, ScanOptions(source="flatbed", dpi=150, color_mode="lineart", page_size="A5"))
    assert len(pages) == 1 and pages[0].suffix == ".png"
    image = decode(pages[0])
    assert image.mode == "1"
    assert image.size == (874, 1240)  # A5 at 150 dpi: the ScanRegion the driver sent was honoured
    assert server.feeder_sheets == 5  # the feeder was not touched


def test_busy_scanner_is_retried_then_succeeds() -> None:
    with EsclServer(feeder_sheets=2, faults=Faults(busy=2)) as srv:
        pages, events = run_scan(srv, ScanOptions(source="adf", dpi=75))
        posts = [r for r in srv.requests if r[0] == "POST"]
    assert len(pages) == 2
    assert len(posts) == 3
    assert events.messages.count("The scanner is busy; waiting for it.") == 2


def test_scanner_busy_for_too_long_raises_scanner_busy() -> None:
    with EsclServer(feeder_sheets=2, faults=Faults(busy=10)) as srv:
        with pytest.raises(ScannerBusy, match="busy"):
            run_scan(srv, ScanOptions(source="adf", dpi=75))
        assert len([r for r in srv.requests if r[0] == "POST"]) == len(FAST_RETRY) + 1


def test_jam_after_page_three_keeps_pages_one_to_three() -> None:
    kept: list[ScannedPage] = []
    with EsclServer(feeder_sheets=6, faults=Faults(jam_after_page=3)) as srv:
        with pytest.raises(PaperJam) as excinfo:
            run_scan(srv, ScanOptions(source="adf", dpi=75), pages=kept)
        assert b"ScannerAdfJam" in srv.status_xml()
    assert [p.index for p in kept] == [1, 2, 3]
    assert all(decode(p).size == (620, 877) for p in kept)
    assert str(excinfo.value).startswith(JAM_MESSAGE)
    assert "3 page(s) already scanned are kept" in str(excinfo.value)
    assert excinfo.value.exit_code == 5


def test_dropped_connection_mid_page_is_retried_once() -> None:
    with EsclServer(feeder_sheets=4, faults=Faults(drop_on_page=2, drop_times=1)) as srv:
        pages, _ = run_scan(srv, ScanOptions(source="adf", dpi=75))
        next_docs = [r for r in srv.requests if r[1].endswith("/NextDocument")]
    assert [p.index for p in pages] == [1, 2, 3, 4]
    assert all(decode(p).size == (620, 877) for p in pages)  # the retried page is whole
    assert len(next_docs) == 4 + 1 + 1  # four pages, one retry, the final 404


def test_connection_dropped_twice_raises_and_keeps_earlier_pages() -> None:
    kept: list[ScannedPage] = []
    with EsclServer(feeder_sheets=4, faults=Faults(drop_on_page=2, drop_times=2)) as srv:
        with pytest.raises(DeviceUnavailable, match="page 2"):
            run_scan(srv, ScanOptions(source="adf", dpi=75), pages=kept)
    assert [p.index for p in kept] == [1]


def test_cancel_mid_feed_deletes_the_job() -> None:
    cancel = CancelToken()

    def stop_after_two(page: ScannedPage) -> None:
        if page.index == 2:
            cancel.cancel()

    with EsclServer(feeder_sheets=5) as srv:
        pages, _ = run_scan(srv, ScanOptions(source="adf", dpi=75), cancel=cancel, on_page_extra=stop_after_two)
        requests = srv.requests
        assert srv.jobs == {}
        assert srv.feeder_sheets == 3  # the scanner stopped feeding
    assert [p.index for p in pages] == [1, 2]
    assert requests[-1][0] == "DELETE"


def test_empty_feeder_and_open_cover_are_named() -> None:
    with EsclServer(feeder_sheets=0) as srv:
        with pytest.raises(FeederEmpty, match="feeder is empty"):
            run_scan(srv, ScanOptions(source="adf", dpi=75))
    with EsclServer(feeder_sheets=3, faults=Faults(cover_open=True)) as srv:
        with pytest.raises(CoverOpen, match="cover is open"):
            run_scan(srv, ScanOptions(source="adf", dpi=75))


def test_unsupported_resolution_uses_the_nearest_one(server: EsclServer) -> None:
    pages, events = run_scan(server, ScanOptions(source="flatbed", dpi=90))
    assert pages[0].dpi == 100
    assert decode(pages[0]).size == (827, 1169)
    assert "scanning at 100 dpi" in events.messages[0]


def test_unreachable_scanner_is_listed_by_url_and_fails_clearly() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    driver = EsclDriver([f"http://127.0.0.1:{port}"], timeout=2)
    [device] = driver.list_devices()
    assert device.id == f"escl:http://127.0.0.1:{port}/eSCL/"
    with pytest.raises(DeviceUnavailable, match="does not answer"):
        driver.capabilities(device)


def test_discovered_service_becomes_a_url() -> None:
    info = ServiceInfo("_uscans._tcp.local.", "Office MFP._uscans._tcp.local.",
                       addresses=[socket.inet_aton("192.168.10.20")], port=443,
                       properties={"rs": "/eSCL", "ty": "Office MFP"})
    assert url_from_service(info, secure=True) == "https://192.168.10.20:443/eSCL/"


# -- HTTPS ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to make the test scanner's certificate")
    d = tmp_path_factory.mktemp("tls")
    cert, key = d / "cert.pem", d / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
                    "-out", str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    return cert, key


def test_https_pinned_self_signed_certificate(self_signed: tuple[Path, Path]) -> None:
    cert, key = self_signed
    pin = certificate_fingerprint(ssl.PEM_cert_to_DER_cert(cert.read_text()))
    with EsclServer(feeder_sheets=2, certfile=cert, keyfile=key) as srv:
        assert srv.url.startswith("https://")
        colon_pin = ":".join(pin[i:i + 2] for i in range(0, 64, 2)).upper()
        pages, _ = run_scan(srv, ScanOptions(source="adf", dpi=75),
                            driver=EsclDriver([srv.url], https=HttpsPolicy.pin(colon_pin)))
        assert len(pages) == 2

        wrong = EsclDriver([srv.url], https=HttpsPolicy.pin("00" * 32))
        with pytest.raises(DeviceUnavailable, match="not the one pinned"):
            wrong.capabilities(Device(f"escl:{srv.url}", "escl", "x"))
        system_cas = EsclDriver([srv.url], https=HttpsPolicy.verify())
        with pytest.raises(DeviceUnavailable, match="does not answer"):
            system_cas.capabilities(Device(f"escl:{srv.url}", "escl", "x"))
        refused = EsclDriver([srv.url], https=HttpsPolicy.refuse())
        with pytest.raises(DeviceUnavailable, match="refuses HTTPS"):
            refused.capabilities(Device(f"escl:{srv.url}", "escl", "x"))
        own_ca = EsclDriver([srv.url], https=HttpsPolicy.verify(ca_bundle=cert))
        assert own_ca.capabilities(Device(f"escl:{srv.url}", "escl", "x")).duplex is True


# -- independence: sane-airscan, a client we did not write ----------------------------------------
@pytest.mark.slow
def test_sane_airscan_lists_and_scans_from_the_test_server(tmp_path: Path) -> None:
    if shutil.which("scanimage") is None:
        pytest.fail("scanimage (sane-utils) and sane-airscan are needed for this test")
    config = tmp_path / "sane.d"
    config.mkdir()
    with EsclServer(feeder_sheets=3) as srv:
        (config / "dll.conf").write_text("airscan\n")
        (config / "airscan.conf").write_text(
            f'[devices]\n"Station Test" = {srv.url}\n[options]\ndiscovery = disable\n')
        env = dict(os.environ, SANE_CONFIG_DIR=str(config))
        listed = subprocess.run(["scanimage", "-L"], env=env, capture_output=True, text=True, timeout=60)
        assert "device `airscan:e0:Station Test' is a eSCL Station Test" in listed.stdout, listed

        out = tmp_path / "out.png"
        scanned = subprocess.run(["scanimage", "-d", "airscan:e0:Station Test", "--format=png",
                                  "--resolution", "300", "-o", str(out)],
                                 env=env, capture_output=True, text=True, timeout=120)
        assert scanned.returncode == 0, scanned.stderr
        with Image.open(out) as image:
            assert image.format == "PNG" and image.mode == "RGB"
            width, height = image.size
        assert abs(width - 2480) <= 3 and abs(height - 3508) <= 3  # A4 at 300 dpi

        batch = tmp_path / "adf%d.png"
        fed = subprocess.run(["scanimage", "-d", "airscan:e0:Station Test", "--source", "ADF",
                              "--mode", "Gray", "--resolution", "150", "--format=png", f"--batch={batch}"],
                             env=env, capture_output=True, text=True, timeout=120)
        assert fed.returncode == 0, fed.stderr
        files = sorted(tmp_path.glob("adf*.png"))
        assert len(files) == 3  # every sheet in the feeder, then sane-airscan saw the 404 as the end
        for f in files:
            with Image.open(f) as image:
                assert image.mode == "L" and abs(image.size[0] - 1240) <= 2 and abs(image.size[1] - 1754) <= 2
        assert any(m == "DELETE" for m, _ in srv.requests)


@pytest.mark.slow
def test_station_scans_from_a_pinned_https_network_scanner(self_signed: tuple[Path, Path], tmp_path: Path) -> None:
    """The command line end to end: add the scanner with its pin, scan, the pages become a document."""
    from tests.helpers import station, station_json

    cert, key = self_signed
    pin = certificate_fingerprint(ssl.PEM_cert_to_DER_cert(cert.read_text()))
    data = tmp_path / "data"
    with EsclServer(feeder_sheets=2, certfile=cert, keyfile=key) as srv:
        station("devices", "add", srv.url, "--name", "MFP", "--pin", pin, data_dir=data)
        p = station("devices", "add", srv.url, "--pin", "nothex", data_dir=data, check=2)
        assert "fingerprint" in p.stderr
        out = station_json("scan", "--device", f"escl:{srv.url}", "--batch", "net", data_dir=data)
        assert out["pages"] == 2 and out["documents_ready"] == out["documents"]
    # Without the pin the same scanner is refused: its certificate is not trusted by the system.
    with EsclServer(feeder_sheets=1, certfile=cert, keyfile=key) as srv:
        p = station("scan", "--device", f"escl:{srv.url}", data_dir=tmp_path / "other", check=5)
        assert "kept" in p.stderr
