"""SANE driver (python-sane): USB and network scanners on Linux.

Every SANE backend names its options its own way ("Color" / "Colour" / "RGB", "ADF Front" /
"Automatic Document Feeder"), so, as NAPS2's SaneOptionMatchers do, the raw names are mapped onto the
station's few words (color/gray/lineart, flatbed/adf/duplex) and back.

libsane is process-global: `SANE_CONFIG_DIR` is read once by `sane_init`, and a crashing backend
takes its process with it (python-sane itself segfaults if a progress callback raises). Host this
driver in the bridge's worker process (`station.scanner.bridge.BridgedDriver`) rather than in the GUI.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
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
    png_page,
)

DRIVER = "sane"

# Raw names seen across backends (lower-cased), after NAPS2's SaneOptionMatchers.
_MODE_NAMES = {
    "color": ("color", "colour", "rgb", "24bit color", "color24", "true color", "24 bit color"),
    "gray": ("gray", "grey", "grayscale", "greyscale", "8bit gray", "gray8", "true gray", "256 levels gray"),
    "lineart": ("lineart", "line art", "binary", "halftone", "black & white", "black and white", "monochrome",
                "bw", "mono", "1bit"),
}
_SOURCE_NAMES = {
    "flatbed": ("flatbed", "normal", "platen", "document table", "fb"),
    "adf": ("adf", "automatic document feeder", "adf front", "adf simplex", "feeder", "adf (simplex)",
            "automatic document feeder (front)"),
    "duplex": ("adf duplex", "duplex", "adf (duplex)", "automatic document feeder (duplex)",
               "automatic document feeder(centrally aligned,duplex)"),
}
_STANDARD_DPI = (75, 100, 150, 200, 240, 300, 400, 600, 1200)

_init_lock = threading.Lock()
_initialised_config_dir: str | None = None
_initialised = False


def normalise_mode(raw: str) -> str | None:
    """The station's colour mode for a backend's mode name, or None if it is none of them."""
    key = raw.strip().lower()
    for mode, names in _MODE_NAMES.items():
        if key in names:
            return mode
    return None


def normalise_source(raw: str) -> str | None:
    """The station's source for a backend's source name, or None (e.g. "Transparency adapter")."""
    key = raw.strip().lower()
    for source, names in _SOURCE_NAMES.items():
        if key in names:
            return source
    if "duplex" in key:
        return "duplex"
    if "adf" in key or "feeder" in key:
        return "adf"
    if "flatbed" in key:
        return "flatbed"
    return None


def resolutions_from_constraint(constraint: Any) -> list[int]:
    """A resolution list from a SANE word-list or (min, max, quant) range constraint.

    A range offers the usual scanner steps that lie inside it, so the GUI shows a short list and not
    1,200 values.
    """
    if isinstance(constraint, tuple) and len(constraint) == 3:
        low, high, _quant = constraint
        values = [d for d in _STANDARD_DPI if low <= d <= high]
        return values or [int(round(low))]
    if isinstance(constraint, list):
        return sorted({int(round(v)) for v in constraint})
    return []


def nearest_resolution(wanted: int, constraint: Any) -> int | float:
    """The value closest to `wanted` that the constraint accepts."""
    if isinstance(constraint, tuple) and len(constraint) == 3:
        low, high, quant = constraint
        value = min(max(wanted, low), high)
        if quant:
            value = low + round((value - low) / quant) * quant
        return value
    if isinstance(constraint, list) and constraint:
        return min(constraint, key=lambda v: (abs(v - wanted), -v))
    return wanted


def scale_brightness(brightness: int, constraint: Any) -> float | None:
    """Map the station's -100..100 onto a backend's brightness range; None when it has no range."""
    if not (isinstance(constraint, tuple) and len(constraint) == 3):
        return None
    low, high, quant = constraint
    brightness = max(-100, min(100, brightness))
    value = low + (brightness + 100) / 200 * (high - low)
    if quant:
        value = low + round((value - low) / quant) * quant
    return min(max(value, low), high)


def scan_area(page_size: str, max_width: float | None, max_height: float | None) -> tuple[float, float]:
    """Width and height in mm of the page, clamped to what the device can reach."""
    width, height = PAGE_SIZES_MM[page_size]
    if max_width is not None:
        width = min(width, max_width)
    if max_height is not None:
        height = min(height, max_height)
    return width, height


_STATUS_ERRORS: tuple[tuple[str, type[ScannerError], str], ...] = (
    ("jammed", PaperJam, "The paper is jammed in the feeder; open the feeder, remove the sheet and scan again."),
    ("cover is open", CoverOpen, "The scanner cover is open; close it and scan again."),
    ("out of documents", FeederEmpty, "The document feeder is empty; put the pages in the feeder and scan again."),
    ("device busy", ScannerBusy,
     "The scanner is busy with another job; wait until it has finished and scan again."),
    ("device i/o", DeviceUnavailable,
     "The scanner stopped answering (I/O error); check its cable and power, then scan again."),
    ("access to resource has been denied", DeviceUnavailable,
     "This user may not use the scanner; ask the administrator to add the user to the 'scanner' group."),
    ("out of memory", ScannerError, "The scanner ran out of memory; scan at a lower resolution."),
    ("invalid argument", DeviceUnavailable,
     "The scanner is not connected or was not found; plug it in, switch it on and try again."),
)


def map_sane_error(exc: BaseException, *, during: str = "scanning") -> ScannerError:
    """The station's error for a SANE status message (the text of sane_strstatus)."""
    text = str(exc)
    low = text.lower()
    for needle, cls, message in _STATUS_ERRORS:
        if needle in low:
            return cls(message, detail=text)
    return ScannerError(f"The scanner reported an error while {during} ({text}); check the scanner and try again.",
                        detail=text)


def _ensure_init(config_dir: str | None) -> Any:
    """Initialise libsane once per process, with the wanted SANE_CONFIG_DIR set before sane_init."""
    global _initialised, _initialised_config_dir
    with _init_lock:
        if _initialised:
            if config_dir is not None and config_dir != _initialised_config_dir:
                raise ScannerError(
                    f"SANE is already set up in this process with another configuration folder "
                    f"({_initialised_config_dir}); run the driver through the bridge so each configuration "
                    f"gets its own process.")
        else:
            if config_dir is not None:
                os.environ["SANE_CONFIG_DIR"] = config_dir
            try:
                import sane
            except ImportError as e:
                raise DeviceUnavailable("SANE support is not installed; install python-sane and libsane.") from e
            try:
                sane.init()
            except Exception as e:  # _sane.error
                raise map_sane_error(e, during="starting SANE") from e
            _initialised = True
            _initialised_config_dir = config_dir if config_dir is not None else os.environ.get("SANE_CONFIG_DIR")
        import sane

        return sane


class SaneDriver:
    """ScanDriver over python-sane.

    `config_dir` becomes SANE_CONFIG_DIR before libsane starts. `backend_options` are raw SANE options
    (by their SANE name) set before each scan, after the normalised ones: the place for a model's own
    settings an administrator wants (and for the `test` backend's fault simulation).
    """

    name = DRIVER

    def __init__(self, config_dir: str | None = None, backend_options: dict[str, Any] | None = None) -> None:
        self.config_dir = config_dir
        self.backend_options = dict(backend_options or {})

    # -- listing ------------------------------------------------------------------------------
    def list_devices(self) -> list[Device]:
        sane = _ensure_init(self.config_dir)
        try:
            raw = sane.get_devices()
        except Exception as e:
            raise map_sane_error(e, during="listing scanners") from e
        return [Device(id=f"{DRIVER}:{name}", driver=DRIVER, name=" ".join(p for p in (vendor, model) if p) or name)
                for name, vendor, model, _type in raw]

    def capabilities(self, device: Device) -> Capabilities:
        dev = self._open(device)
        try:
            opts = _options(dev)
            sources = _normalised_choices(opts.get("source"), normalise_source) or ["flatbed"]
            modes = _normalised_choices(opts.get("mode"), normalise_mode)
            res = opts.get("resolution")
            resolutions = resolutions_from_constraint(res.constraint) if res is not None else []
            return Capabilities(
                sources=sources,
                resolutions=resolutions,
                color_modes=modes,
                duplex="duplex" in sources,
                max_width_mm=_range_max(opts.get("br-x")),
                max_height_mm=_range_max(opts.get("br-y")),
                formats=["png"],
            )
        finally:
            dev.close()

    # -- scanning -----------------------------------------------------------------------------
    def scan(
        self,
        device: Device,
        options: ScanOptions,
        cancel: CancelToken,
        events: ScanEvents,
        on_page: Callable[[ScannedPage], None],
    ) -> None:
        """Flatbed: one page. Feeder: pages until SANE says NO_DOCS; cancel is honoured between pages.

        python-sane reads a page in one call that cannot be interrupted safely (an exception from its
        progress callback crashes the process), so a cancel mid-page takes effect when that page ends;
        the bridge kills a worker that does not stop in time.
        """
        options.validate()
        dev = self._open(device)
        failed = False
        try:
            dpi = self._configure(dev, options)
            feeder = options.source in ("adf", "duplex")
            index = 0
            while not cancel.cancelled:
                index += 1
                events.page_started(index)
                events.status(f"Scanning page {index}")
                try:
                    dev.start()
                    image = dev.snap(no_cancel=feeder)
                except Exception as e:
                    err = map_sane_error(e)
                    if isinstance(err, FeederEmpty) and index > 1:
                        events.status(f"Feeder empty after {index - 1} pages")
                        break
                    failed = True
                    raise err from e
                on_page(ScannedPage(data=png_page(image, dpi, options.color_mode), suffix=".png",
                                    dpi=float(dpi), index=index))
                if not feeder:
                    break
            if cancel.cancelled:
                events.status("Scan cancelled")
        finally:
            if failed:
                # Some backends hang in sane_cancel right after an error (the `test` backend cancels
                # its reader thread asynchronously and can deadlock inside malloc). The error goes to
                # the caller first; the device is released by release(), which the bridge calls
                # after reporting (a worker stuck there is simply killed), or by the next open.
                _unreleased.append(dev)
            else:
                _release(dev)

    def release(self) -> None:
        """Cancel and close devices left open by a failed scan in this process (see scan)."""
        while _unreleased:
            _release(_unreleased.pop())

    # -- helpers ------------------------------------------------------------------------------
    def _open(self, device: Device) -> Any:
        self.release()
        sane = _ensure_init(self.config_dir)
        prefix = f"{DRIVER}:"
        if not device.id.startswith(prefix):
            raise DeviceUnavailable(f"{device.id} is not a SANE scanner; choose a device listed by `station devices`.")
        try:
            return sane.open(device.id[len(prefix):])
        except Exception as e:
            raise map_sane_error(e, during="opening the scanner") from e

    def _configure(self, dev: Any, options: ScanOptions) -> float:
        """Set source, mode, resolution, area and brightness; returns the resolution the device took."""
        opts = _options(dev)
        _set_choice(dev, opts, "source", options.source, normalise_source, required=options.source != "flatbed")
        opts = _options(dev)  # a source change may reload the options (e.g. a smaller ADF area)
        _set_choice(dev, opts, "mode", options.color_mode, normalise_mode, required=True)
        opts = _options(dev)
        res = opts.get("resolution")
        if res is not None and _settable(res):
            _set(dev, "resolution", nearest_resolution(options.dpi, res.constraint))
        opts = _options(dev)
        width, height = scan_area(options.page_size, _range_max(opts.get("br-x")), _range_max(opts.get("br-y")))
        for name, value in (("tl-x", 0.0), ("tl-y", 0.0), ("br-x", width), ("br-y", height)):
            opt = opts.get(name)
            if opt is not None and _settable(opt):
                low = opt.constraint[0] if isinstance(opt.constraint, tuple) else 0.0
                _set(dev, name, max(value, low))
        bright = opts.get("brightness")
        if bright is not None and _settable(bright):
            value = scale_brightness(options.brightness, bright.constraint)
            if value is not None:
                _set(dev, "brightness", value)
        for name, value in self.backend_options.items():
            opt = _options(dev).get(name)
            if opt is None or not _settable(opt):
                raise ScannerError(f"This scanner has no setting {name!r} that can be changed; remove it from "
                                   f"the station's scanner settings.")
            _set(dev, name, value)
        try:
            return float(dev.resolution)
        except AttributeError:
            return float(options.dpi)


def _options(dev: Any) -> dict[str, Any]:
    """The device's options by their SANE name (with dashes), as python-sane last loaded them."""
    return {opt.name: opt for opt in dev.opt.values()}


def _settable(opt: Any) -> bool:
    return bool(opt.is_active() and opt.is_settable())


_SANE_TYPE_INT = 1  # SANE_TYPE_INT; python-sane refuses a float for it


def _set(dev: Any, sane_name: str, value: Any) -> None:
    """Set one option; scaled values are floats, and many backends declare brightness or resolution INT."""
    opt = _options(dev).get(sane_name)
    if opt is not None and opt.type == _SANE_TYPE_INT and isinstance(value, float):
        value = int(round(value))
    try:
        setattr(dev, sane_name.replace("-", "_"), value)
    except Exception as e:
        if isinstance(e, TypeError) or "invalid argument" in str(e).lower():
            raise ScannerError(f"The scanner refused {sane_name} = {value!r}; choose a value it offers.",
                               detail=str(e)) from e
        raise map_sane_error(e, during=f"setting {sane_name}") from e


def _normalised_choices(opt: Any, normalise: Callable[[str], str | None]) -> list[str]:
    if opt is None or not opt.is_active() or not isinstance(opt.constraint, list):
        return []
    seen: list[str] = []
    for raw in opt.constraint:
        value = normalise(str(raw))
        if value is not None and value not in seen:
            seen.append(value)
    return seen


def _raw_choice(choices: Iterable[Any], wanted: str, normalise: Callable[[str], str | None]) -> str | None:
    for raw in choices:
        if normalise(str(raw)) == wanted:
            return str(raw)
    return None


def _set_choice(dev: Any, opts: dict[str, Any], name: str, wanted: str,
                normalise: Callable[[str], str | None], *, required: bool) -> None:
    opt = opts.get(name)
    if opt is None or not _settable(opt) or not isinstance(opt.constraint, list):
        if required:
            raise ScannerError(f"This scanner cannot choose its {name}; scan with its default "
                               f"({'flatbed' if name == 'source' else 'its own mode'}) instead of {wanted}.")
        return
    raw = _raw_choice(opt.constraint, wanted, normalise)
    if raw is None:
        offered = _normalised_choices(opt, normalise)
        raise ScannerError(f"This scanner has no {wanted} {name}; choose one of: {', '.join(offered) or 'none'}.")
    _set(dev, name, raw)


def _range_max(opt: Any) -> float | None:
    if opt is None:
        return None
    constraint = opt.constraint
    if isinstance(constraint, tuple) and len(constraint) == 3:
        return float(constraint[1])
    if isinstance(constraint, list) and constraint:
        return float(max(constraint))
    return None


_unreleased: list[Any] = []  # devices of failed scans, per process like libsane itself


def _release(dev: Any) -> None:
    try:
        dev.cancel()
    finally:
        dev.close()
