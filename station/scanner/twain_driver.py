"""TWAIN driver (pytwain's ``twain`` module): USB scanners on Windows whose vendor ships a TWAIN source.

pytwain only imports on Windows (it loads TWAINDSM.DLL through ctypes.windll), so it is imported
when the driver is first used, never at module import; tests and other platforms inject a module
with the same names. The scan runs without the source's own dialog (``request_acquire(0, 0)``):
the station sets resolution, pixel type, feeder and duplex itself, as NAPS2 does, then pulls
native transfers one by one so each page reaches ``on_page`` while the feeder still runs.

A native transfer is a Windows DIB; it is turned into BMP bytes by ``twain.dib_to_bm_file`` and
re-encoded as PNG (with its dpi) so the pipeline never sees a BMP.
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

DRIVER = "twain"
_STANDARD_DPI = (75, 100, 150, 200, 240, 300, 400, 600, 1200)
_MM_PER_INCH = 25.4
_TWDX_NONE = 0  # CAP_DUPLEX value of a source with no duplex unit

# pytwain exception class name (in twain.exceptions) -> station error and what the operator does.
# Looked up by name so one table serves every pytwain version (older ones only have exc* aliases,
# which are the same classes).
TWAIN_ERRORS: tuple[tuple[str, type[ScannerError], str], ...] = (
    ("PaperJam", PaperJam,
     "The paper is jammed in the feeder; open the feeder, remove the sheet and scan again."),
    ("PaperDoubleFeedError", PaperJam,
     "Two sheets went through the feeder together; take them out, fan the stack and scan again."),
    ("CheckDeviceOnlineError", DeviceUnavailable,
     "The scanner is not on line; check its cable and power, then scan again."),
    ("MaxConnectionsError", ScannerBusy,
     "The scanner is in use by another program; close that program or wait, then scan again."),
    ("DeniedError", ScannerBusy,
     "The scanner refused the request while it is busy; wait until it has finished and scan again."),
    ("NoDataSourceError", DeviceUnavailable,
     "The TWAIN scanner was not found; plug it in, switch it on and try again."),
    ("SMLoadFileFailed", DeviceUnavailable,
     "The TWAIN data source manager (TWAINDSM.DLL) is not installed; install the scanner's TWAIN driver."),
    ("SMGetProcAddressFailed", DeviceUnavailable,
     "The TWAIN data source manager is damaged; reinstall the scanner's TWAIN driver."),
    ("SMOpenFailed", DeviceUnavailable,
     "The TWAIN data source manager could not start; restart the station and try again."),
    ("ImageFormatNotSupported", ScannerError,
     "The scanner sent an image format the station cannot read; switch off compression in its settings."),
    ("SequenceError", ScannerError,
     "The scanner's TWAIN driver lost track of the scan; switch the scanner off and on, then scan again."),
    ("GeneralFailure", ScannerError,
     "The scanner's TWAIN driver failed; switch the scanner off and on, then scan again."),
    ("OperationError", ScannerError,
     "The scanner reported an internal error; switch it off and on, then scan again."),
)

_PIXEL_TYPES = (("color", "TWPT_RGB"), ("gray", "TWPT_GRAY"), ("lineart", "TWPT_BW"))


def _import_twain() -> Any:
    if sys.platform != "win32":
        raise DeviceUnavailable("TWAIN scanners are only available on Windows; on this computer use a SANE "
                                "or network (eSCL) scanner.")
    try:
        import twain  # type: ignore[import-not-found]
    except ImportError as e:
        raise DeviceUnavailable("TWAIN support is not installed; install the 'pytwain' package.") from e
    return twain


def map_twain_error(tw: Any, exc: BaseException, *, during: str = "scanning") -> ScannerError:
    """The station's error for a pytwain exception, after TWAIN_ERRORS."""
    exceptions = getattr(tw, "exceptions", None)
    for name, cls, message in TWAIN_ERRORS:
        klass = getattr(exceptions, name, None)
        if isinstance(klass, type) and isinstance(exc, klass):
            return cls(message, detail=f"{type(exc).__name__}: {exc}")
    return ScannerError(f"The TWAIN scanner reported an error while {during} ({type(exc).__name__}: {exc}); "
                        f"check the scanner and try again.", detail=repr(exc))


def _is(tw: Any, exc: BaseException, name: str) -> bool:
    klass = getattr(getattr(tw, "exceptions", None), name, None)
    return isinstance(klass, type) and isinstance(exc, klass)


def _number(value: Any) -> float:
    """A capability value as a float: pytwain leaves FIX32 items of an enumeration as TW_FIX32
    structs (Whole, Frac) and those of a range as the raw 32 bits (Whole low, Frac high)."""
    if hasattr(value, "Whole") and hasattr(value, "Frac"):
        return float(value.Whole) + float(value.Frac) / 65536
    if isinstance(value, int) and not isinstance(value, bool) and value > 0xFFFF:
        whole = value & 0xFFFF
        whole = whole - 0x10000 if whole >= 0x8000 else whole
        return whole + ((value >> 16) & 0xFFFF) / 65536
    return float(value)


def _values(raw: Any) -> list[Any]:
    """The offered values of a capability as pytwain returns it (type, value).

    An enumeration is (current, default, [values]); a range is a dict with MinValue/MaxValue/StepSize;
    a one-value is the value itself.
    """
    value = raw[1] if isinstance(raw, tuple) and len(raw) == 2 else raw
    if isinstance(value, dict) and "MinValue" in value:
        low, high = _number(value["MinValue"]), _number(value["MaxValue"])
        return [d for d in _STANDARD_DPI if low <= d <= high] or [low]
    if isinstance(value, tuple) and len(value) == 3 and isinstance(value[2], list | tuple):
        return list(value[2])
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


class TwainDriver:
    """ScanDriver over pytwain. ``twain_module`` replaces the real module (tests, other platforms);
    ``parent_window`` is the HWND the TWAIN source manager attaches to (None: pytwain's own)."""

    name = DRIVER

    def __init__(self, twain_module: Any | None = None, parent_window: Any | None = None) -> None:
        self._twain = twain_module
        self.parent_window = parent_window

    def _tw(self) -> Any:
        if self._twain is None:
            self._twain = _import_twain()
        return self._twain

    def _manager(self) -> Any:
        tw = self._tw()
        try:
            return tw.SourceManager(self.parent_window)
        except Exception as e:
            raise map_twain_error(tw, e, during="starting TWAIN") from e

    # -- listing ------------------------------------------------------------------------------
    def list_devices(self) -> list[Device]:
        tw = self._tw()
        sm = self._manager()
        try:
            names = list(sm.source_list)
        except Exception as e:
            raise map_twain_error(tw, e, during="listing scanners") from e
        finally:
            sm.close()
        return [Device(id=f"{DRIVER}:{name}", driver=DRIVER, name=name) for name in names]

    def capabilities(self, device: Device) -> Capabilities:
        tw = self._tw()
        sm = self._manager()
        try:
            src = self._open(sm, device)
            try:
                resolutions = sorted({int(round(_number(v))) for v in self._offered(src, tw.ICAP_XRESOLUTION)})
                pixel = set(self._offered(src, tw.ICAP_PIXELTYPE))
                modes = [mode for mode, const in _PIXEL_TYPES if getattr(tw, const) in pixel]
                sources = ["flatbed"]
                if self._supports(src, tw.CAP_FEEDERENABLED):  # its value is only whether it is on now
                    sources.append("adf")
                    duplex = [v for v in self._offered(src, tw.CAP_DUPLEX) if v != _TWDX_NONE]
                    if duplex:
                        sources.append("duplex")
                width = self._physical_mm(src, getattr(tw, "ICAP_PHYSICALWIDTH", None))
                height = self._physical_mm(src, getattr(tw, "ICAP_PHYSICALHEIGHT", None))
                return Capabilities(sources=sources, resolutions=resolutions, color_modes=modes,
                                    duplex="duplex" in sources, max_width_mm=width, max_height_mm=height,
                                    formats=["png"])
            finally:
                src.close()
        finally:
            sm.close()

    # -- scanning -----------------------------------------------------------------------------
    def scan(
        self,
        device: Device,
        options: ScanOptions,
        cancel: CancelToken,
        events: ScanEvents,
        on_page: Callable[[ScannedPage], None],
    ) -> None:
        """Flatbed: one page. Feeder: native transfers until the source says none remain.

        A native transfer cannot be interrupted; cancel is honoured between pages, and closing the
        source resets the transfers still pending (pytwain's close ends them before disabling).
        """
        options.validate()
        tw = self._tw()
        sm = self._manager()
        try:
            src = self._open(sm, device)
            try:
                dpi = self._configure(tw, src, options)
                feeder = options.source in ("adf", "duplex")
                if cancel.cancelled:
                    return
                try:
                    src.request_acquire(0, 0)
                    modal_loop = getattr(src, "modal_loop", None)
                    if modal_loop is not None:
                        modal_loop()  # pumps messages until the source says a transfer is ready
                except Exception as e:
                    raise self._error(tw, e, 0) from e
                self._transfer(tw, src, dpi, feeder, options.color_mode, cancel, events, on_page)
            finally:
                src.close()
        finally:
            sm.close()

    def _transfer(self, tw: Any, src: Any, dpi: float, feeder: bool, color_mode: str, cancel: CancelToken,
                  events: ScanEvents, on_page: Callable[[ScannedPage], None]) -> None:
        index = 0
        while True:
            index += 1
            events.page_started(index)
            events.status(f"Scanning page {index}")
            try:
                handle, remaining = src.xfer_image_natively()
            except Exception as e:
                if _is(tw, e, "DSTransferCancelled"):
                    events.status("Scan cancelled at the scanner")
                    return
                raise self._error(tw, e, index - 1) from e
            try:
                bmp = tw.dib_to_bm_file(handle)
            finally:
                tw.global_handle_free(handle)
            on_page(ScannedPage(data=encode_png(bmp, dpi, color_mode), suffix=".png", dpi=float(dpi), index=index))
            if not feeder or not remaining:
                events.status(f"Feeder empty after {index} pages" if feeder else "Page scanned")
                return
            if cancel.cancelled:
                events.status("Scan cancelled")
                return

    @staticmethod
    def _error(tw: Any, exc: BaseException, kept: int) -> ScannerError:
        err = map_twain_error(tw, exc)
        if kept:
            err.message += f" The {kept} page(s) scanned before it are kept."
            err.args = (err.message,)
        return err

    # -- helpers ------------------------------------------------------------------------------
    def _open(self, sm: Any, device: Device) -> Any:
        tw = self._tw()
        prefix = f"{DRIVER}:"
        if not device.id.startswith(prefix):
            raise DeviceUnavailable(f"{device.id} is not a TWAIN scanner; choose a device listed by "
                                    f"`station devices`.")
        try:
            return sm.open_source(device.id[len(prefix):])
        except Exception as e:
            raise map_twain_error(tw, e, during="opening the scanner") from e

    def _offered(self, src: Any, cap: int) -> list[Any]:
        """What the source offers for a capability; [] when it does not support it."""
        try:
            return [v for v in _values(src.get_capability(cap)) if v is not None and v is not False]
        except Exception:
            return []

    @staticmethod
    def _supports(src: Any, cap: int) -> bool:
        try:
            src.get_capability(cap)
        except Exception:
            return False
        return True

    def _physical_mm(self, src: Any, cap: int | None) -> float | None:
        if cap is None:
            return None
        values = self._offered(src, cap)
        return round(_number(values[0]) * _MM_PER_INCH, 1) if values else None

    def _set(self, tw: Any, src: Any, cap: int, type_id: int, value: Any, *, what: str, required: bool) -> None:
        """Set one capability; CheckStatus (the source rounded the value) is accepted."""
        try:
            src.set_capability(cap, type_id, value)
        except Exception as e:
            if _is(tw, e, "CheckStatus"):
                return
            if not required and (_is(tw, e, "CapUnsupported") or _is(tw, e, "BadCapability")
                                 or _is(tw, e, "CapBadOperation")):
                return
            if _is(tw, e, "CapUnsupported") or _is(tw, e, "BadCapability"):
                raise ScannerError(f"This scanner cannot {what}; choose another setting.", detail=repr(e)) from e
            raise map_twain_error(tw, e, during=f"setting it to {what}") from e

    def _configure(self, tw: Any, src: Any, options: ScanOptions) -> float:
        """Feeder, duplex, pixel type, resolution, area and brightness; returns the dpi the source took."""
        feeder = options.source in ("adf", "duplex")
        self._set(tw, src, tw.CAP_FEEDERENABLED, tw.TWTY_BOOL, feeder, what="use its document feeder",
                  required=feeder)
        if feeder:
            loaded = self._current(src, getattr(tw, "CAP_FEEDERLOADED", None))
            if loaded is False or loaded == 0:
                raise FeederEmpty("The document feeder is empty; put the pages in the feeder and scan again.")
        self._set(tw, src, tw.CAP_DUPLEXENABLED, tw.TWTY_BOOL, options.source == "duplex",
                  what="scan both sides (duplex)", required=options.source == "duplex")
        pixel = getattr(tw, dict(_PIXEL_TYPES)[options.color_mode])
        self._set(tw, src, tw.ICAP_PIXELTYPE, tw.TWTY_UINT16, pixel, what=f"scan in {options.color_mode}",
                  required=True)
        for cap in (tw.ICAP_XRESOLUTION, tw.ICAP_YRESOLUTION):
            self._set(tw, src, cap, tw.TWTY_FIX32, float(options.dpi), what=f"scan at {options.dpi} dpi",
                      required=True)
        width, height = PAGE_SIZES_MM[options.page_size]
        set_layout = getattr(src, "set_image_layout", None)
        if set_layout is not None:
            try:
                set_layout((0.0, 0.0, width / _MM_PER_INCH, height / _MM_PER_INCH))
            except Exception:  # a source that cannot crop scans its whole bed; cleanup trims it
                pass
        brightness = getattr(tw, "ICAP_BRIGHTNESS", None)
        if brightness is not None and options.brightness:
            # TWAIN brightness is -1000..1000 on every source.
            self._set(tw, src, brightness, tw.TWTY_FIX32, float(max(-100, min(100, options.brightness)) * 10),
                      what="change its brightness", required=False)
        self._set(tw, src, tw.CAP_XFERCOUNT, tw.TWTY_INT16, -1 if feeder else 1, what="scan several pages",
                  required=False)
        try:
            took = _number(self._current(src, tw.ICAP_XRESOLUTION))
        except (TypeError, ValueError):
            return float(options.dpi)
        return took if took > 0 else float(options.dpi)

    @staticmethod
    def _current(src: Any, cap: int | None) -> Any:
        if cap is None:
            return None
        try:
            raw = src.get_capability_current(cap)
        except Exception:
            return None
        return raw[1] if isinstance(raw, tuple) and len(raw) == 2 else raw
