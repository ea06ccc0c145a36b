"""A scanner with no hardware: it feeds the station's own sample pages.

The station has to be tried, demonstrated and benchmarked on machines with no scanner attached,
and the pipeline must see what a real one delivers: encoded images at the chosen resolution and
mode, one at a time, with the paper noise and skew of a scan. So the pages are rendered from the
samples with ``damage="scan"`` at the requested dpi and encoded as a scanner would send them
(JPEG for colour and grey, PNG for line art). Pacing (``pages_per_minute``) makes it behave like a
feeder of a given speed, and ``jam_after`` makes it fail the way a feeder does, for tests and demos.
"""

from __future__ import annotations

import io
import time
import zlib
from collections.abc import Callable, Iterator

import cv2
import numpy as np
from PIL import Image

from station.errors import ScannerError
from station.samples import list_samples, load_sample, render_sample
from station.scanner.base import (
    CancelToken,
    Capabilities,
    Device,
    DeviceUnavailable,
    PaperJam,
    ScanEvents,
    ScannedPage,
    ScanOptions,
)

DEVICE = Device(id="demo:station", driver="demo", name="Demo scanner (sample pages)")
MIN_DPI, MAX_DPI = 100, 600
RESOLUTIONS = [100, 150, 200, 240, 300, 400, 600]
JPEG_QUALITY = 85


class DemoDriver:
    """One simulated device, ``demo:station``: flatbed, ADF and duplex, A4, 100-600 dpi."""

    name = "demo"

    def __init__(
        self,
        *,
        pages_per_minute: float | None = None,
        jam_after: int | None = None,
        samples: list[str] | None = None,
    ) -> None:
        if pages_per_minute is not None and pages_per_minute <= 0:
            raise ValueError("pages_per_minute must be positive")
        if jam_after is not None and jam_after < 1:
            raise ValueError("jam_after counts pages from 1")
        self.pages_per_minute = pages_per_minute
        self.jam_after = jam_after
        self.samples = list(samples) if samples is not None else None

    def list_devices(self) -> list[Device]:
        return [DEVICE]

    def capabilities(self, device: Device) -> Capabilities:
        self._check_device(device)
        return Capabilities(
            sources=["flatbed", "adf", "duplex"],
            resolutions=list(RESOLUTIONS),
            color_modes=["color", "gray", "lineart"],
            duplex=True,
            max_width_mm=210.0,
            max_height_mm=297.0,
            formats=["image/jpeg", "image/png"],
        )

    def scan(
        self,
        device: Device,
        options: ScanOptions,
        cancel: CancelToken,
        events: ScanEvents,
        on_page: Callable[[ScannedPage], None],
    ) -> None:
        """Hand over the sample pages one by one; a cancel stops before the next page, keeping the rest."""
        self._check_device(device)
        options.validate()
        if not MIN_DPI <= options.dpi <= MAX_DPI:
            raise ScannerError(
                f"The demo scanner scans at {MIN_DPI}-{MAX_DPI} dpi, not {options.dpi}; choose a resolution "
                "in that range."
            )
        if options.page_size != "A4":
            raise ScannerError(
                f"The demo scanner's sample pages are A4, not {options.page_size}; choose the A4 page size."
            )
        feeder = options.source in ("adf", "duplex")
        events.status("Demo scanner: feeding the sample pages" if feeder else "Demo scanner: scanning one page")
        interval = 60.0 / self.pages_per_minute if self.pages_per_minute else 0.0
        started = time.monotonic()
        index = 0
        for image in self._sheets(options):
            if cancel.cancelled:
                events.status(f"Demo scanner: stopped after {index} page(s)")
                return
            if interval:
                # Page n is due n intervals after the start, as a feeder of that speed delivers it.
                due = started + interval * (index + 1)
                delay = due - time.monotonic()
                if delay > 0 and cancel.wait(delay):
                    events.status(f"Demo scanner: stopped after {index} page(s)")
                    return
            index += 1
            events.page_started(index)
            on_page(_encode(image, options, index))
            if not feeder:
                break
            if self.jam_after is not None and index == self.jam_after:
                raise PaperJam(
                    f"Paper jam in the feeder after page {index}: open the feeder, remove the sheet and "
                    f"scan the pages after page {index} again."
                )
        events.status(f"Demo scanner: {index} page(s) scanned")

    # ------------------------------------------------------------------------------------------

    def _check_device(self, device: Device) -> None:
        if device.id != DEVICE.id:
            raise DeviceUnavailable(
                f"The demo driver has no device {device.id!r}; its only device is {DEVICE.id}."
            )

    def _sheets(self, options: ScanOptions) -> Iterator[Image.Image]:
        """Page images in feeder order, rendered one sample at a time so page 1 leaves early."""
        names = self.samples if self.samples is not None else list_samples()
        mode = "RGB" if options.color_mode == "color" else "L"
        for name in names:
            pages = render_sample(load_sample(name), dpi=options.dpi, damage="scan", mode=mode)
            for number, page in enumerate(pages):
                yield page
                if options.source == "duplex":
                    # The originals are printed on one side: the back of each sheet is blank paper.
                    yield _blank_back(page, seed=zlib.crc32(f"{name}/{number}".encode()))


def _blank_back(front: Image.Image, seed: int) -> Image.Image:
    """Off-white paper with sensor noise and a little show-through grey, as a scanned blank side."""
    rng = np.random.default_rng(seed)
    w, h = front.size
    channels = 3 if front.mode == "RGB" else 1
    paper = rng.uniform(224, 236)
    noise = rng.standard_normal((h, w), dtype=np.float32) * 4.0
    plane = (paper + noise).clip(0, 255).astype(np.uint8)
    arr = np.repeat(plane[..., None], channels, axis=2) if channels == 3 else plane
    out = Image.fromarray(arr, "RGB" if channels == 3 else "L")
    out.info["dpi"] = front.info.get("dpi")
    return out


def _encode(image: Image.Image, options: ScanOptions, index: int) -> ScannedPage:
    dpi = options.dpi
    arr = np.asarray(image)
    if options.brightness:
        # -100..100 maps to about a quarter of the grey range either way, as scanner brightness does.
        arr = (arr.astype(np.int16) + round(options.brightness * 0.64)).clip(0, 255).astype(np.uint8)
    buffer = io.BytesIO()
    if options.color_mode == "lineart":
        grey = arr if arr.ndim == 2 else cv2.cvtColor(arr, cv2.COLOR_RGB2GRAY)
        _, bilevel = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        Image.fromarray(bilevel, "L").convert("1", dither=Image.Dither.NONE).save(
            buffer, "PNG", dpi=(dpi, dpi)
        )
        suffix = ".png"
    else:
        Image.fromarray(arr, "RGB" if arr.ndim == 3 else "L").save(
            buffer, "JPEG", quality=JPEG_QUALITY, dpi=(dpi, dpi)
        )
        suffix = ".jpg"
    return ScannedPage(data=buffer.getvalue(), suffix=suffix, dpi=float(dpi), index=index)
