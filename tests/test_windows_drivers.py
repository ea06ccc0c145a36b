"""TWAIN and WIA drivers, run here through fakes of pytwain and of the WIA COM automation objects.

The fakes keep the real libraries' names and behaviour that the drivers rely on: pytwain's
SourceManager / Source / dib_to_bm_file / global_handle_free and its exception classes; WIA's
DeviceManager.DeviceInfos, Properties found by PropertyID, Item.Transfer, and pywintypes.com_error
carrying the WIA code in excepinfo[5] as a signed 32-bit value.
"""

from __future__ import annotations

import io
import sys
from types import SimpleNamespace
from typing import Any

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
from station.scanner.twain_driver import TwainDriver
from station.scanner.wia_driver import WiaDriver


def _sheet_image(n: int) -> Image.Image:
    """A small page whose grey level says which page it is."""
    return Image.new("RGB", (24, 34), (n * 20, n * 20, n * 20))


def _page_number(page: ScannedPage) -> int:
    with Image.open(io.BytesIO(page.data)) as im:
        assert im.format == "PNG"
        return im.convert("L").getpixel((0, 0)) // 20


class Collector:
    def __init__(self, cancel_after: int | None = None, cancel: CancelToken | None = None) -> None:
        self.pages: list[ScannedPage] = []
        self.cancel_after = cancel_after
        self.cancel = cancel

    def __call__(self, page: ScannedPage) -> None:
        self.pages.append(page)
        if self.cancel is not None and len(self.pages) == self.cancel_after:
            self.cancel.cancel()


# -- fake pytwain ------------------------------------------------------------------------------
class TwainError(Exception):
    pass


class _Exc(SimpleNamespace):
    pass


TW_EXC = _Exc(
    TwainError=TwainError,
    PaperJam=type("PaperJam", (TwainError,), {}),
    MaxConnectionsError=type("MaxConnectionsError", (TwainError,), {}),
    CheckDeviceOnlineError=type("CheckDeviceOnlineError", (TwainError,), {}),
    CapUnsupported=type("CapUnsupported", (TwainError,), {}),
    DSTransferCancelled=type("DSTransferCancelled", (TwainError,), {}),
    CheckStatus=type("CheckStatus", (Exception,), {}),
)


class FakeTwainSource:
    def __init__(self, tw: FakeTwain, name: str) -> None:
        self.tw = tw
        self.name = name
        self.caps: dict[int, Any] = {}
        self.closed = False
        self.acquired = False
        self.transferred = 0

    def get_capability(self, cap: int) -> Any:
        tw = self.tw
        offered = {
            tw.ICAP_XRESOLUTION: (tw.TWTY_FIX32, (300.0, 300.0, [100.0, 150.0, 200.0, 300.0, 600.0])),
            tw.ICAP_PIXELTYPE: (tw.TWTY_UINT16, (tw.TWPT_RGB, tw.TWPT_RGB, [tw.TWPT_BW, tw.TWPT_GRAY, tw.TWPT_RGB])),
            tw.CAP_FEEDERENABLED: (tw.TWTY_BOOL, False),
            tw.CAP_DUPLEX: (tw.TWTY_UINT16, 1 if tw.duplex_unit else 0),
            tw.ICAP_PHYSICALWIDTH: (tw.TWTY_FIX32, 8.5),
            tw.ICAP_PHYSICALHEIGHT: (tw.TWTY_FIX32, 14.0),
        }
        if cap == tw.ICAP_XRESOLUTION and tw.resolution_cap is not None:
            return tw.resolution_cap
        if cap not in offered:
            raise TW_EXC.CapUnsupported()
        return offered[cap]

    def get_capability_current(self, cap: int) -> Any:
        if cap == self.tw.CAP_FEEDERLOADED:
            return (self.tw.TWTY_BOOL, bool(self.tw.sheets))
        if cap in self.caps:
            return (self.tw.TWTY_FIX32, self.caps[cap])
        raise TW_EXC.CapUnsupported()

    def set_capability(self, cap: int, type_id: int, value: Any) -> None:
        tw = self.tw
        if cap == tw.CAP_DUPLEXENABLED and value and not tw.duplex_unit:
            raise TW_EXC.CapUnsupported()
        if cap == tw.ICAP_XRESOLUTION and value not in (100.0, 150.0, 200.0, 300.0, 600.0):
            self.caps[cap] = 300.0  # the source rounds to what it has and says so
            raise TW_EXC.CheckStatus()
        self.caps[cap] = value

    def set_image_layout(self, frame: tuple[float, float, float, float]) -> None:
        self.layout = frame

    def request_acquire(self, show_ui: int, modal_ui: int) -> None:
        assert (show_ui, modal_ui) == (0, 0)
        if self.tw.busy:
            raise TW_EXC.MaxConnectionsError()
        self.acquired = True

    def modal_loop(self) -> None:
        assert self.acquired

    def _queue(self) -> list[Image.Image]:
        if not self.caps.get(self.tw.CAP_FEEDERENABLED):
            return [_sheet_image(1)] if self.transferred == 0 else []
        sides = 2 if self.caps.get(self.tw.CAP_DUPLEXENABLED) else 1
        return [im for sheet in self.tw.sheets for im in [sheet] * sides][self.transferred:]

    def xfer_image_natively(self) -> tuple[int, int]:
        if self.tw.jam_after is not None and self.transferred == self.tw.jam_after:
            raise TW_EXC.PaperJam()
        queue = self._queue()
        image = queue[0]
        self.transferred += 1
        buf = io.BytesIO()
        image.save(buf, format="BMP")
        handle = 1000 + self.transferred
        self.tw.handles[handle] = buf.getvalue()
        return handle, len(queue) - 1

    def close(self) -> None:
        self.closed = True


class FakeTwain:
    """The names of pytwain's module the driver uses, with a simulated feeder."""

    ICAP_XRESOLUTION, ICAP_YRESOLUTION, ICAP_PIXELTYPE = 0x1118, 0x1119, 0x0101
    CAP_FEEDERENABLED, CAP_FEEDERLOADED, CAP_DUPLEX, CAP_DUPLEXENABLED = 0x1002, 0x1003, 0x1012, 0x1013
    CAP_XFERCOUNT, ICAP_BRIGHTNESS = 0x0001, 0x1101
    ICAP_PHYSICALWIDTH, ICAP_PHYSICALHEIGHT = 0x1111, 0x1112
    TWTY_INT16, TWTY_UINT16, TWTY_BOOL, TWTY_FIX32 = 1, 4, 6, 7
    TWPT_BW, TWPT_GRAY, TWPT_RGB = 0, 1, 2
    exceptions = TW_EXC

    def __init__(self, sheets: int = 3, *, duplex_unit: bool = True, jam_after: int | None = None,
                 busy: bool = False) -> None:
        self.sheets = [_sheet_image(n) for n in range(1, sheets + 1)]
        self.duplex_unit = duplex_unit
        self.jam_after = jam_after
        self.busy = busy
        self.resolution_cap: Any = None
        self.handles: dict[int, bytes] = {}
        self.freed: list[int] = []
        self.sources: list[FakeTwainSource] = []

    def SourceManager(self, parent_window: Any) -> Any:  # noqa: N802 - pytwain's name
        tw = self

        class Manager:
            source_list = ["Canon DR-C225 TWAIN", "Plustek OpticBook"]

            def open_source(self, name: str) -> FakeTwainSource:
                if name not in self.source_list:
                    raise TW_EXC.CheckDeviceOnlineError()
                src = FakeTwainSource(tw, name)
                tw.sources.append(src)
                return src

            def close(self) -> None:
                pass

        return Manager()

    def dib_to_bm_file(self, handle: int) -> bytes:
        return self.handles[handle]

    def global_handle_free(self, handle: int) -> None:
        self.freed.append(handle)


TWAIN_DEVICE = Device("twain:Canon DR-C225 TWAIN", "twain", "Canon DR-C225 TWAIN")


def _twain_scan(tw: FakeTwain, options: ScanOptions, collect: Collector | None = None,
                cancel: CancelToken | None = None) -> Collector:
    collect = collect or Collector()
    TwainDriver(twain_module=tw).scan(TWAIN_DEVICE, options, cancel or CancelToken(), NullEvents(), collect)
    return collect


def test_twain_lists_sources_and_capabilities() -> None:
    driver = TwainDriver(twain_module=FakeTwain())
    devices = driver.list_devices()
    assert [d.id for d in devices] == ["twain:Canon DR-C225 TWAIN", "twain:Plustek OpticBook"]
    caps = driver.capabilities(devices[0])
    assert caps.sources == ["flatbed", "adf", "duplex"] and caps.duplex
    assert caps.resolutions == [100, 150, 200, 300, 600]
    assert caps.color_modes == ["color", "gray", "lineart"]
    assert caps.max_width_mm == pytest.approx(215.9)
    no_duplex = TwainDriver(twain_module=FakeTwain(duplex_unit=False)).capabilities(devices[0])
    assert no_duplex.sources == ["flatbed", "adf"] and not no_duplex.duplex


def test_twain_resolutions_as_fix32_structs_and_as_a_range() -> None:
    """pytwain leaves FIX32 enumeration items as TW_FIX32 (Whole, Frac) and ranges as raw 32 bits."""
    tw = FakeTwain()
    fix = [SimpleNamespace(Whole=w, Frac=0) for w in (150, 300, 600)]
    tw.resolution_cap = (tw.TWTY_FIX32, (1, 1, fix))
    assert TwainDriver(twain_module=tw).capabilities(TWAIN_DEVICE).resolutions == [150, 300, 600]
    tw.resolution_cap = {"MinValue": 75, "MaxValue": 600 | (0x8000 << 16), "StepSize": 1,
                         "DefaultValue": 300, "CurrentValue": 300}
    assert TwainDriver(twain_module=tw).capabilities(TWAIN_DEVICE).resolutions == [75, 100, 150, 200, 240, 300,
                                                                                   400, 600]


def test_twain_flatbed_sets_capabilities_and_gives_one_png() -> None:
    tw = FakeTwain()
    got = _twain_scan(tw, ScanOptions(source="flatbed", dpi=300, color_mode="gray"))
    assert [p.index for p in got.pages] == [1]
    src = tw.sources[-1]
    assert src.caps[tw.ICAP_XRESOLUTION] == 300.0 and src.caps[tw.ICAP_YRESOLUTION] == 300.0
    assert src.caps[tw.ICAP_PIXELTYPE] == tw.TWPT_GRAY
    assert src.caps[tw.CAP_FEEDERENABLED] is False and src.caps[tw.CAP_XFERCOUNT] == 1
    assert src.closed and tw.freed == [1001]
    with Image.open(io.BytesIO(got.pages[0].data)) as im:
        assert im.format == "PNG" and im.mode == "L" and round(im.info["dpi"][0]) == 300


def test_twain_rounded_resolution_is_reported_not_refused() -> None:
    got = _twain_scan(FakeTwain(), ScanOptions(source="flatbed", dpi=240))
    assert got.pages[0].dpi == 300.0


def test_twain_adf_scans_until_feeder_empty_and_frees_every_handle() -> None:
    tw = FakeTwain(sheets=4)
    got = _twain_scan(tw, ScanOptions(source="adf"))
    assert [_page_number(p) for p in got.pages] == [1, 2, 3, 4]
    assert [p.index for p in got.pages] == [1, 2, 3, 4]
    assert tw.sources[-1].caps[tw.CAP_XFERCOUNT] == -1
    assert tw.freed == [1001, 1002, 1003, 1004]


def test_twain_duplex_gives_both_sides() -> None:
    tw = FakeTwain(sheets=2)
    got = _twain_scan(tw, ScanOptions(source="duplex"))
    assert [_page_number(p) for p in got.pages] == [1, 1, 2, 2]
    assert tw.sources[-1].caps[tw.CAP_DUPLEXENABLED] is True


def test_twain_duplex_without_unit_says_so() -> None:
    with pytest.raises(ScannerError, match="both sides"):
        _twain_scan(FakeTwain(duplex_unit=False), ScanOptions(source="duplex"))


def test_twain_jam_after_page_2_keeps_pages_1_and_2() -> None:
    collect = Collector()
    with pytest.raises(PaperJam, match="remove the sheet") as info:
        _twain_scan(FakeTwain(sheets=5, jam_after=2), ScanOptions(source="adf"), collect)
    assert [_page_number(p) for p in collect.pages] == [1, 2]
    assert "2 page(s)" in info.value.message


def test_twain_busy_and_empty_feeder() -> None:
    with pytest.raises(ScannerBusy, match="another program"):
        _twain_scan(FakeTwain(busy=True), ScanOptions(source="adf"))
    with pytest.raises(FeederEmpty, match="put the pages"):
        _twain_scan(FakeTwain(sheets=0), ScanOptions(source="adf"))


def test_twain_cancel_mid_feed_returns_with_pages_so_far() -> None:
    cancel = CancelToken()
    tw = FakeTwain(sheets=5)
    got = _twain_scan(tw, ScanOptions(source="adf"), Collector(cancel_after=2, cancel=cancel), cancel)
    assert [_page_number(p) for p in got.pages] == [1, 2]
    assert tw.sources[-1].closed


def test_twain_unknown_source_is_unavailable() -> None:
    with pytest.raises(DeviceUnavailable, match="not on line"):
        TwainDriver(twain_module=FakeTwain()).capabilities(Device("twain:Gone", "twain", "Gone"))


# -- fake WIA automation -------------------------------------------------------------------------
DISP_E_EXCEPTION = -2147352567


class ComError(Exception):
    """Shaped like pywintypes.com_error: (hresult, text, excepinfo, argerr)."""

    def __init__(self, code: int) -> None:
        signed = code - (1 << 32) if code >= 1 << 31 else code
        super().__init__(DISP_E_EXCEPTION, "Exception occurred.", (0, None, None, None, 0, signed), None)
        self.hresult = DISP_E_EXCEPTION
        self.excepinfo = self.args[2]


class Prop:
    def __init__(self, pid: int, name: str, value: Any, sub: int = 0, low: float = 0, high: float = 0,
                 step: float = 0, values: list[Any] | None = None) -> None:
        self.PropertyID, self.Name, self.Value, self.SubType = pid, name, value, sub
        self.SubTypeMin, self.SubTypeMax, self.SubTypeStep = low, high, step
        self.SubTypeValues = values or []


class FakeWiaItem:
    def __init__(self, scanner: FakeWiaScanner) -> None:
        self.scanner = scanner
        self.Properties = [
            Prop(6146, "Current Intent", 0, 2, values=[1, 2, 4]),
            Prop(6147, "Horizontal Resolution", 150, 1, 75, 600, 1),
            Prop(6148, "Vertical Resolution", 150, 1, 75, 600, 1),
            Prop(6149, "Horizontal Start Position", 0),
            Prop(6150, "Vertical Start Position", 0),
            Prop(6151, "Horizontal Extent", 0, 1, 1, 5100, 1),
            Prop(6152, "Vertical Extent", 0, 1, 1, 8400, 1),
            Prop(6154, "Brightness", 0, 1, -1000, 1000, 1),
        ]
        self.transferred = 0

    def Transfer(self, format_id: str) -> Any:  # noqa: N802 - WIA's name
        assert format_id == "{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}"
        s = self.scanner
        if s.fault_now is not None:
            raise ComError(s.fault_now)
        if s.jam_after is not None and self.transferred == s.jam_after:
            raise ComError(0x80210002)
        select = next(p.Value for p in s.Properties if p.PropertyID == 3088)
        if select & 1:
            sides = 2 if select & 4 else 1
            queue = [im for sheet in s.sheets for im in [sheet] * sides][self.transferred:]
            if not queue:
                raise ComError(0x80210003)
            image = queue[0]
        else:
            image = _sheet_image(1)
        self.transferred += 1
        buf = io.BytesIO()
        image.save(buf, format="BMP" if s.sends_bmp else "PNG")
        return SimpleNamespace(FileData=SimpleNamespace(BinaryData=memoryview(buf.getvalue())))


class FakeWiaScanner:
    def __init__(self, sheets: int = 3, *, duplex_unit: bool = True, jam_after: int | None = None,
                 fault_now: int | None = None, sends_bmp: bool = False) -> None:
        self.sheets = [_sheet_image(n) for n in range(1, sheets + 1)]
        self.jam_after = jam_after
        self.fault_now = fault_now
        self.sends_bmp = sends_bmp
        self.Properties = [
            Prop(3074, "Horizontal Bed Size", 8500),
            Prop(3075, "Vertical Bed Size", 11690),
            Prop(3086, "Document Handling Capabilities", 1 | 2 | (4 if duplex_unit else 0)),
            Prop(3088, "Document Handling Select", 2),
            Prop(3096, "Pages", 0),
        ]
        self.Items = [FakeWiaItem(self)]


class FakeWia:
    """What win32com.client.Dispatch returns for "WIA.DeviceManager", with one scanner and a webcam."""

    def __init__(self, scanner: FakeWiaScanner | None = None) -> None:
        self.scanner = scanner or FakeWiaScanner()
        self.DeviceInfos = [
            SimpleNamespace(DeviceID="{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001", Type=1,
                            Properties=[Prop(7, "Name", "EPSON DS-530")], Connect=lambda: self.scanner),
            SimpleNamespace(DeviceID="{webcam}\\0002", Type=2, Properties=[Prop(7, "Name", "Webcam")],
                            Connect=lambda: None),
        ]
        self.dispatched: list[str] = []

    def __call__(self, prog_id: str) -> Any:
        self.dispatched.append(prog_id)
        return self


WIA_DEVICE = Device("wia:{6BDD1FC6-810F-11D0-BEC7-08002BE2092F}\\0001", "wia", "EPSON DS-530")


def _wia_prop(obj: Any, pid: int) -> Any:
    return next(p.Value for p in obj.Properties if p.PropertyID == pid)


def _wia_scan(wia: FakeWia, options: ScanOptions, collect: Collector | None = None,
              cancel: CancelToken | None = None) -> Collector:
    collect = collect or Collector()
    WiaDriver(com=wia).scan(WIA_DEVICE, options, cancel or CancelToken(), NullEvents(), collect)
    return collect


def test_wia_lists_scanners_only_and_capabilities() -> None:
    wia = FakeWia()
    driver = WiaDriver(com=wia)
    assert driver.list_devices() == [WIA_DEVICE]
    assert wia.dispatched == ["WIA.DeviceManager"]
    caps = driver.capabilities(WIA_DEVICE)
    assert caps.sources == ["flatbed", "adf", "duplex"] and caps.duplex
    assert caps.resolutions == [75, 100, 150, 200, 240, 300, 400, 600]
    assert caps.color_modes == ["color", "gray", "lineart"]
    assert caps.max_width_mm == pytest.approx(215.9)
    simplex = WiaDriver(com=FakeWia(FakeWiaScanner(duplex_unit=False))).capabilities(WIA_DEVICE)
    assert simplex.sources == ["flatbed", "adf"] and not simplex.duplex


def test_wia_flatbed_sets_properties_and_converts_bmp() -> None:
    wia = FakeWia(FakeWiaScanner(sends_bmp=True))
    got = _wia_scan(wia, ScanOptions(source="flatbed", dpi=300, color_mode="lineart"))
    assert len(got.pages) == 1
    item = wia.scanner.Items[0]
    assert _wia_prop(wia.scanner, 3088) == 2
    assert _wia_prop(item, 6146) == 4
    assert _wia_prop(item, 6147) == 300 and _wia_prop(item, 6148) == 300
    assert _wia_prop(item, 6151) == 2480 and _wia_prop(item, 6152) == 3508  # A4 at 300 dpi
    with Image.open(io.BytesIO(got.pages[0].data)) as im:
        assert im.format == "PNG" and im.mode == "1" and round(im.info["dpi"][0]) == 300


def test_wia_adf_until_paper_empty() -> None:
    wia = FakeWia(FakeWiaScanner(sheets=3))
    got = _wia_scan(wia, ScanOptions(source="adf", color_mode="color"))
    assert [_page_number(p) for p in got.pages] == [1, 2, 3]
    assert _wia_prop(wia.scanner, 3088) == 1 and _wia_prop(wia.scanner.Items[0], 6146) == 1


def test_wia_duplex_gives_both_sides() -> None:
    wia = FakeWia(FakeWiaScanner(sheets=2))
    got = _wia_scan(wia, ScanOptions(source="duplex"))
    assert [_page_number(p) for p in got.pages] == [1, 1, 2, 2]
    assert _wia_prop(wia.scanner, 3088) == 1 | 4


def test_wia_duplex_without_unit_says_so() -> None:
    with pytest.raises(ScannerError, match="no duplex source"):
        _wia_scan(FakeWia(FakeWiaScanner(duplex_unit=False)), ScanOptions(source="duplex"))


def test_wia_jam_after_page_2_keeps_pages_1_and_2() -> None:
    collect = Collector()
    with pytest.raises(PaperJam, match="remove the sheet") as info:
        _wia_scan(FakeWia(FakeWiaScanner(sheets=5, jam_after=2)), ScanOptions(source="adf"), collect)
    assert [_page_number(p) for p in collect.pages] == [1, 2]
    assert "2 page(s)" in info.value.message and info.value.detail == "0x80210002"


@pytest.mark.parametrize(("code", "error", "words"), [
    (0x80210006, ScannerBusy, "busy"),
    (0x80210005, DeviceUnavailable, "off line"),
    (0x80210016, CoverOpen, "cover is open"),
    (0x80210003, FeederEmpty, "feeder is empty"),
])
def test_wia_errors_on_first_page(code: int, error: type[ScannerError], words: str) -> None:
    collect = Collector()
    with pytest.raises(error, match=words):
        _wia_scan(FakeWia(FakeWiaScanner(fault_now=code)), ScanOptions(source="adf"), collect)
    assert collect.pages == []


def test_wia_unknown_com_error_names_its_code() -> None:
    with pytest.raises(ScannerError, match="0x80004005"):
        _wia_scan(FakeWia(FakeWiaScanner(fault_now=0x80004005)), ScanOptions(source="flatbed"))


def test_wia_cancel_mid_feed_returns_with_pages_so_far() -> None:
    cancel = CancelToken()
    wia = FakeWia(FakeWiaScanner(sheets=5))
    got = _wia_scan(wia, ScanOptions(source="adf"), Collector(cancel_after=2, cancel=cancel), cancel)
    assert [_page_number(p) for p in got.pages] == [1, 2]
    assert wia.scanner.Items[0].transferred == 2


def test_wia_disconnected_scanner() -> None:
    gone = Device("wia:{gone}\\0009", "wia", "Old scanner")
    with pytest.raises(DeviceUnavailable, match="not connected"):
        WiaDriver(com=FakeWia()).scan(gone, ScanOptions(), CancelToken(), NullEvents(), Collector())


# -- off Windows -----------------------------------------------------------------------------------
def test_not_on_windows_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    with pytest.raises(DeviceUnavailable, match="TWAIN scanners are only available on Windows"):
        TwainDriver().list_devices()
    with pytest.raises(DeviceUnavailable, match="WIA scanners are only available on Windows"):
        WiaDriver().list_devices()


def test_registry_offers_windows_drivers_only_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    from station.scanner import registry

    monkeypatch.setattr(sys, "platform", "linux")
    assert not {"twain", "wia"} & {d.name for d in registry.available_drivers()}
    monkeypatch.setattr(sys, "platform", "win32")
    assert {"twain", "wia"} <= {d.name for d in registry.available_drivers()}
