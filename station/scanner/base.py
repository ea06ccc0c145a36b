"""The driver interface every scanner back end implements, and the errors scanners raise.

Three operations, as NAPS2 has them: list devices, get capabilities, scan(options, cancel,
events, on_page). A driver hands over each page the moment it has it, so the pipeline starts on
page 1 while the feeder still runs, and a fault after page 3 keeps pages 1-3.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from PIL import Image

from station.errors import ScannerError

SOURCES = ("flatbed", "adf", "duplex")
COLOR_MODES = ("color", "gray", "lineart")
PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "A3": (297.0, 420.0), "Letter": (215.9, 279.4),
                 "Legal": (215.9, 355.6)}


@dataclass(frozen=True)
class Device:
    id: str  # "<driver>:<driver's own id>", stable across runs; what `station scan --device` takes
    driver: str
    name: str


@dataclass
class Capabilities:
    sources: list[str]
    resolutions: list[int]
    color_modes: list[str]
    duplex: bool
    max_width_mm: float | None = None
    max_height_mm: float | None = None
    formats: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ScanOptions:
    source: str = "flatbed"
    dpi: int = 300
    color_mode: str = "color"
    page_size: str = "A4"
    brightness: int = 0  # -100..100, normalised across back ends

    def validate(self) -> None:
        if self.source not in SOURCES:
            raise ScannerError(f"Unknown source {self.source!r}; use one of {', '.join(SOURCES)}.")
        if self.color_mode not in COLOR_MODES:
            raise ScannerError(f"Unknown colour mode {self.color_mode!r}; use one of {', '.join(COLOR_MODES)}.")
        if self.page_size not in PAGE_SIZES_MM:
            raise ScannerError(f"Unknown page size {self.page_size!r}; use one of {', '.join(PAGE_SIZES_MM)}.")
        if not 50 <= self.dpi <= 1200:
            raise ScannerError(f"{self.dpi} dpi is outside 50-1200; choose a resolution the scanner offers.")


@dataclass
class ScannedPage:
    """One page as the scanner delivered it: encoded image bytes (PNG, JPEG or TIFF) and its dpi."""

    data: bytes
    suffix: str  # ".png", ".jpg", ".tif"
    dpi: float
    index: int  # 1-based, in feeder order (front and back of a duplex sheet are two pages)


def png_page(image: Image.Image, dpi: float, color_mode: str) -> bytes:
    """A page as PNG with its dpi in it, so later stages need not be told; lineart stays 1-bit."""
    if color_mode == "lineart" and image.mode != "1":
        image = image.convert("1")
    elif color_mode == "gray" and image.mode not in ("L", "1"):
        image = image.convert("L")
    elif image.mode not in ("RGB", "L", "1"):
        image = image.convert("RGB")
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(dpi, dpi))
    return buf.getvalue()


def encode_png(data: bytes, dpi: float, color_mode: str) -> bytes:
    """Encoded bytes a scanner sent (BMP from TWAIN, BMP or PNG from WIA) as a PNG page."""
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except Exception as e:
        raise ScannerError("The scanner sent a page the station cannot read; scan it again.", detail=repr(e)) from e
    return png_page(image, dpi, color_mode)


class CancelToken:
    """Set from any thread (the Stop button); drivers check it between and inside pages."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def wait(self, seconds: float) -> bool:
        return self._event.wait(seconds)


class ScanEvents(Protocol):
    """What a driver reports while it scans; the GUI shows it, the CLI prints it."""

    def status(self, message: str) -> None: ...

    def page_started(self, index: int) -> None: ...


class NullEvents:
    def status(self, message: str) -> None:
        pass

    def page_started(self, index: int) -> None:
        pass


class ScanDriver(Protocol):
    name: str

    def list_devices(self) -> list[Device]: ...

    def capabilities(self, device: Device) -> Capabilities: ...

    def scan(
        self,
        device: Device,
        options: ScanOptions,
        cancel: CancelToken,
        events: ScanEvents,
        on_page: Callable[[ScannedPage], None],
    ) -> None:
        """Scan until the feeder is empty (ADF) or one page (flatbed), or until cancelled.

        A cancelled scan returns normally with the pages already handed over. A fault raises a
        ScannerError subclass; every page handed to on_page before it is kept.
        """
        ...


# -- errors a scanner reports, each with what the operator should do ---------------------------
class ScannerBusy(ScannerError):
    pass


class PaperJam(ScannerError):
    pass


class CoverOpen(ScannerError):
    pass


class FeederEmpty(ScannerError):
    pass


class DeviceUnavailable(ScannerError):
    pass
