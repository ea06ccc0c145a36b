"""WIA driver (Windows Image Acquisition through its COM automation layer, ``WIA.DeviceManager``).

Every Windows scanner with a WIA driver works here without a vendor TWAIN source. The automation
layer is reached through pywin32's ``win32com.client.Dispatch``, imported only when the driver is
first used (it does not exist off Windows); tests inject a factory that returns fake COM objects.

A feeder scan is a loop of ``Item.Transfer``: each call returns one page (one side in duplex) and
the feeder being empty shows up as the COM error WIA_ERROR_PAPER_EMPTY, which ends the loop
normally once at least one page came through. Properties are found by their PropertyID while
iterating the collection: ``Properties(6147)`` with a number reads it as a position in the
collection, not as the property's ID.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from station.errors import ScannerError
from station.scanner.base import (
    PAGE_SIZES_MM,
    CancelToken,
    Capabilities,
    CoverOpen,
    Device,
    DeviceUnavailable,
    FeederEmpty,
    PaperJam,
    ScanEvents,
    ScannedPage,
    ScannerBusy,
    ScanOptions,
    encode_png,
)

DRIVER = "wia"
FORMAT_PNG = "{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}"
_SCANNER_DEVICE_TYPE = 1
_STANDARD_DPI = (75, 100, 150, 200, 240, 300, 400, 600, 1200)
_MM_PER_INCH = 25.4

# Property IDs (wiadef.h)
DOCUMENT_HANDLING_CAPABILITIES = 3086
DOCUMENT_HANDLING_STATUS = 3087
DOCUMENT_HANDLING_SELECT = 3088
HORIZONTAL_BED_SIZE = 3074  # thousandths of an inch
VERTICAL_BED_SIZE = 3075
PAGES = 3096
CURRENT_INTENT = 6146
HORIZONTAL_RESOLUTION = 6147
VERTICAL_RESOLUTION = 6148
HORIZONTAL_START = 6149
VERTICAL_START = 6150
HORIZONTAL_EXTENT = 6151
VERTICAL_EXTENT = 6152
BRIGHTNESS = 6154

FEEDER, FLATBED, DUPLEX = 1, 2, 4  # WIA_DPS_DOCUMENT_HANDLING_SELECT / _CAPABILITIES bits
_SELECT = {"flatbed": FLATBED, "adf": FEEDER, "duplex": FEEDER | DUPLEX}
INTENT = {"color": 1, "gray": 2, "lineart": 4}  # WIA_INTENT_IMAGE_TYPE_COLOR / _GRAYSCALE / _TEXT

WIA_ERROR_PAPER_EMPTY = 0x80210003
_SUBTYPE_RANGE, _SUBTYPE_LIST = 1, 2  # WiaSubType: UnspecifiedSubType=0, RangeSubType=1, ListSubType=2

# WIA error code -> station error and what the operator does.
WIA_ERRORS: dict[int, tuple[type[ScannerError], str]] = {
    0x80210002: (PaperJam, "The paper is jammed in the feeder; open the feeder, remove the sheet and scan again."),
    WIA_ERROR_PAPER_EMPTY: (FeederEmpty, "The document feeder is empty; put the pages in the feeder and scan again."),
    0x80210004: (ScannerError, "The scanner reports a paper problem; check the paper in the feeder and scan again."),
    0x80210005: (DeviceUnavailable, "The scanner is off line; switch it on, check its cable and scan again."),
    0x80210006: (ScannerBusy, "The scanner is busy with another job; wait until it has finished and scan again."),
    0x80210007: (ScannerError, "The scanner is warming up; wait a moment and scan again."),
    0x8021000A: (DeviceUnavailable, "The scanner stopped answering; check its cable and power, then scan again."),
    0x80210015: (DeviceUnavailable, "The scanner was not found; plug it in, switch it on and try again."),
    0x80210016: (CoverOpen, "The scanner cover is open; close it and scan again."),
    0x80210017: (ScannerError, "The scanner lamp is off; switch the scanner off and on, then scan again."),
}


def _import_com() -> Callable[[str], Any]:
    if sys.platform != "win32":
        raise DeviceUnavailable("WIA scanners are only available on Windows; on this computer use a SANE "
                                "or network (eSCL) scanner.")
    try:
        import win32com.client  # type: ignore[import-not-found]
    except ImportError as e:
        raise DeviceUnavailable("WIA support is not installed; install the 'pywin32' package.") from e
    return win32com.client.Dispatch


def com_error_code(exc: BaseException) -> int | None:
    """The WIA error code of a pywintypes.com_error, unsigned.

    A COM automation call reports DISP_E_EXCEPTION as its own hresult and puts the driver's code in
    excepinfo[5] (scode); a direct failure puts it in the hresult.
    """
    excepinfo = getattr(exc, "excepinfo", None)
    if excepinfo is None and len(getattr(exc, "args", ())) >= 3:
        excepinfo = exc.args[2]
    if isinstance(excepinfo, tuple) and len(excepinfo) >= 6 and isinstance(excepinfo[5], int) and excepinfo[5]:
        return excepinfo[5] & 0xFFFFFFFF
    hresult = getattr(exc, "hresult", None)
    if hresult is None and getattr(exc, "args", ()) and isinstance(exc.args[0], int):
        hresult = exc.args[0]
    return hresult & 0xFFFFFFFF if isinstance(hresult, int) else None


def map_wia_error(exc: BaseException, *, during: str = "scanning") -> ScannerError:
    code = com_error_code(exc)
    if code in WIA_ERRORS:
        cls, message = WIA_ERRORS[code]
        return cls(message, detail=f"0x{code:08X}")
    shown = f"0x{code:08X}" if code is not None else repr(exc)
    return ScannerError(f"The WIA scanner reported an error while {during} ({shown}); check the scanner and "
                        f"try again.", detail=repr(exc))


def _find(props: Any, prop_id: int) -> Any | None:
    for prop in props:
        if prop.PropertyID == prop_id:
            return prop
    return None


def _named(props: Any, name: str) -> Any:
    for prop in props:
        if prop.Name == name:
            return prop.Value
    return None


def _offered(prop: Any) -> list[float]:
    if prop is None:
        return []
    if prop.SubType == _SUBTYPE_LIST:
        return [float(v) for v in prop.SubTypeValues]
    if prop.SubType == _SUBTYPE_RANGE:
        low, high = float(prop.SubTypeMin), float(prop.SubTypeMax)
        return [float(d) for d in _STANDARD_DPI if low <= d <= high] or [low]
    return [float(prop.Value)]


def _nearest(prop: Any, wanted: float) -> float:
    if prop.SubType == _SUBTYPE_RANGE:
        low, high, step = float(prop.SubTypeMin), float(prop.SubTypeMax), float(prop.SubTypeStep or 0)
        value = min(max(wanted, low), high)
        return low + round((value - low) / step) * step if step else value
    offered = _offered(prop)
    return min(offered, key=lambda v: (abs(v - wanted), -v)) if offered else wanted


def _first(collection: Any) -> Any | None:
    for item in collection:
        return item
    return None


class WiaDriver:
    """ScanDriver over WIA automation. ``com`` replaces ``win32com.client.Dispatch`` (tests)."""

    name = DRIVER

    def __init__(self, com: Callable[[str], Any] | None = None) -> None:
        self._com = com

    def _dispatch(self, prog_id: str) -> Any:
        if self._com is None:
            self._com = _import_com()
        try:
            return self._com(prog_id)
        except Exception as e:
            raise DeviceUnavailable("Windows Image Acquisition could not be started; check that the 'Windows "
                                    "Image Acquisition (WIA)' service is running.", detail=repr(e)) from e

    # -- listing ------------------------------------------------------------------------------
    def list_devices(self) -> list[Device]:
        manager = self._dispatch("WIA.DeviceManager")
        devices = []
        try:
            for info in manager.DeviceInfos:
                if info.Type != _SCANNER_DEVICE_TYPE:
                    continue
                name = _named(info.Properties, "Name") or info.DeviceID
                devices.append(Device(id=f"{DRIVER}:{info.DeviceID}", driver=DRIVER, name=str(name)))
        except Exception as e:
            raise map_wia_error(e, during="listing scanners") from e
        return devices

    def capabilities(self, device: Device) -> Capabilities:
        dev = self._connect(device)
        try:
            item = _first(dev.Items)
            if item is None:
                raise DeviceUnavailable("The scanner offers nothing to scan from; reinstall its WIA driver.")
            handling = _find(dev.Properties, DOCUMENT_HANDLING_CAPABILITIES)
            flags = int(handling.Value) if handling is not None else FLATBED
            sources = [s for s, bit in (("flatbed", FLATBED), ("adf", FEEDER)) if flags & bit]
            if flags & FEEDER and flags & DUPLEX:
                sources.append("duplex")
            intent = _find(item.Properties, CURRENT_INTENT)
            modes = list(INTENT)
            if intent is not None and intent.SubType == _SUBTYPE_LIST:  # a flag set: the bits it accepts
                mask = 0
                for v in intent.SubTypeValues:
                    mask |= int(v)
                modes = [m for m, bit in INTENT.items() if mask & bit] or modes
            width = _find(dev.Properties, HORIZONTAL_BED_SIZE)
            height = _find(dev.Properties, VERTICAL_BED_SIZE)
            return Capabilities(
                sources=sources or ["flatbed"],
                resolutions=sorted({int(v) for v in _offered(_find(item.Properties, HORIZONTAL_RESOLUTION))}),
                color_modes=modes,
                duplex="duplex" in sources,
                max_width_mm=round(width.Value / 1000 * _MM_PER_INCH, 1) if width is not None else None,
                max_height_mm=round(height.Value / 1000 * _MM_PER_INCH, 1) if height is not None else None,
                formats=["png"],
            )
        except ScannerError:
            raise
        except Exception as e:
            raise map_wia_error(e, during="reading the scanner's settings") from e

    # -- scanning -----------------------------------------------------------------------------
    def scan(
        self,
        device: Device,
        options: ScanOptions,
        cancel: CancelToken,
        events: ScanEvents,
        on_page: Callable[[ScannedPage], None],
    ) -> None:
        """Flatbed: one Transfer. Feeder: Transfer until WIA_ERROR_PAPER_EMPTY; cancel between pages."""
        options.validate()
        dev = self._connect(device)
        feeder = options.source in ("adf", "duplex")
        try:
            item = _first(dev.Items)
            if item is None:
                raise DeviceUnavailable("The scanner offers nothing to scan from; reinstall its WIA driver.")
            dpi = self._configure(dev, item, options)
        except ScannerError:
            raise
        except Exception as e:
            raise map_wia_error(e, during="setting up the scan") from e
        index = 0
        while not cancel.cancelled:
            index += 1
            events.page_started(index)
            events.status(f"Scanning page {index}")
            try:
                image = item.Transfer(FORMAT_PNG)
                data = bytes(image.FileData.BinaryData)
            except Exception as e:
                err = map_wia_error(e)
                if isinstance(err, FeederEmpty) and feeder and index > 1:
                    events.status(f"Feeder empty after {index - 1} pages")
                    return
                if index > 1:
                    err.message += f" The {index - 1} page(s) scanned before it are kept."
                    err.args = (err.message,)
                raise err from e
            on_page(ScannedPage(data=encode_png(data, dpi, options.color_mode), suffix=".png", dpi=dpi, index=index))
            if not feeder:
                return
        events.status("Scan cancelled")

    # -- helpers ------------------------------------------------------------------------------
    def _connect(self, device: Device) -> Any:
        prefix = f"{DRIVER}:"
        if not device.id.startswith(prefix):
            raise DeviceUnavailable(f"{device.id} is not a WIA scanner; choose a device listed by `station devices`.")
        wanted = device.id[len(prefix):]
        manager = self._dispatch("WIA.DeviceManager")
        try:
            for info in manager.DeviceInfos:
                if info.DeviceID == wanted:
                    return info.Connect()
        except Exception as e:
            raise map_wia_error(e, during="connecting to the scanner") from e
        raise DeviceUnavailable(f"The scanner {device.name} is not connected; plug it in, switch it on and try again.")

    def _configure(self, dev: Any, item: Any, options: ScanOptions) -> float:
        """Document handling on the device, then intent, resolution, area and brightness on the item.

        The intent goes first: setting it resets resolution and area to the intent's defaults.
        """
        select = _find(dev.Properties, DOCUMENT_HANDLING_SELECT)
        if select is None:
            if options.source != "flatbed":
                raise ScannerError(f"This scanner has no document feeder; scan with the flatbed instead of "
                                   f"{options.source}.")
        else:
            handling = _find(dev.Properties, DOCUMENT_HANDLING_CAPABILITIES)
            flags = int(handling.Value) if handling is not None else FLATBED | FEEDER | DUPLEX
            wanted = _SELECT[options.source]
            if wanted & flags != wanted:
                raise ScannerError(f"This scanner has no {options.source} source; choose another source.")
            select.Value = wanted
            if options.source != "flatbed":
                pages = _find(dev.Properties, PAGES)
                if pages is not None:
                    pages.Value = 1  # one page per Transfer; the loop asks for the next
        props = item.Properties
        intent = _find(props, CURRENT_INTENT)
        if intent is not None:
            intent.Value = INTENT[options.color_mode]
        dpi = float(options.dpi)
        for prop_id in (HORIZONTAL_RESOLUTION, VERTICAL_RESOLUTION):
            prop = _find(props, prop_id)
            if prop is not None:
                prop.Value = _nearest(prop, options.dpi)
                if prop_id == HORIZONTAL_RESOLUTION:
                    dpi = float(prop.Value)
        width_mm, height_mm = PAGE_SIZES_MM[options.page_size]
        for start_id, extent_id, mm in ((HORIZONTAL_START, HORIZONTAL_EXTENT, width_mm),
                                        (VERTICAL_START, VERTICAL_EXTENT, height_mm)):
            start, extent = _find(props, start_id), _find(props, extent_id)
            if start is not None:
                start.Value = 0
            if extent is not None:
                pixels = int(round(mm / _MM_PER_INCH * dpi))
                if extent.SubType == _SUBTYPE_RANGE:
                    pixels = min(pixels, int(extent.SubTypeMax))
                extent.Value = pixels
        bright = _find(props, BRIGHTNESS)
        if bright is not None and bright.SubType == _SUBTYPE_RANGE:
            low, high = float(bright.SubTypeMin), float(bright.SubTypeMax)
            bright.Value = int(round(low + (max(-100, min(100, options.brightness)) + 100) / 200 * (high - low)))
        return dpi

