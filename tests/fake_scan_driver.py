"""A misbehaving scanner driver for the bridge tests: it runs in the bridge's worker process.

It yields `pages` small PNG pages, and can die by SIGKILL after page `crash_after`, by a real
segmentation fault (a read of address 0, as a broken backend does) after page `segfault_after`, stop answering after page `hang_after`, raise a PaperJam after page `jam_after`, or
block inside a page until it is killed (`stuck_in_page`), or hang while releasing the device after
a failed scan (`hang_in_release`, as the SANE `test` backend can in sane_cancel). `pid_file` records the worker's pid, so a
test can check that the bridge ended the worker.
"""

from __future__ import annotations

import ctypes
import io
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from station.scanner.base import (
    CancelToken,
    Capabilities,
    Device,
    PaperJam,
    ScanEvents,
    ScannedPage,
    ScanOptions,
)


def page_png(index: int, dpi: int) -> bytes:
    """A small grey page whose shade carries its index, so the test can tell pages apart."""
    buf = io.BytesIO()
    Image.new("L", (40, 60), color=(index * 20) % 256).save(buf, format="PNG", dpi=(dpi, dpi))
    return buf.getvalue()


class FakeDriver:
    name = "fake"

    def __init__(self, pages: int = 3, crash_after: int | None = None, segfault_after: int | None = None,
                 hang_after: int | None = None,
                 jam_after: int | None = None, stuck_in_page: int | None = None, page_seconds: float = 0.0,
                 hang_in_release: bool = False, pid_file: str | None = None) -> None:
        self.pages = pages
        self.hang_in_release = hang_in_release
        self.crash_after = crash_after
        self.segfault_after = segfault_after
        self.hang_after = hang_after
        self.jam_after = jam_after
        self.stuck_in_page = stuck_in_page
        self.page_seconds = page_seconds
        if pid_file:
            Path(pid_file).write_text(str(os.getpid()))

    def list_devices(self) -> list[Device]:
        return [Device(id="fake:1", driver="fake", name=f"Fake feeder in pid {os.getpid()}")]

    def capabilities(self, device: Device) -> Capabilities:
        if self.crash_after == 0:
            os.kill(os.getpid(), signal.SIGKILL)
        return Capabilities(sources=["flatbed", "adf"], resolutions=[150, 300], color_modes=["gray"], duplex=False)

    def scan(self, device: Device, options: ScanOptions, cancel: CancelToken, events: ScanEvents,
             on_page: Callable[[ScannedPage], None]) -> None:
        for index in range(1, self.pages + 1):
            if cancel.cancelled:
                events.status("cancelled")
                return
            events.page_started(index)
            if self.stuck_in_page == index:
                while True:  # a backend blocked in a read that ignores cancel
                    time.sleep(1)
            if self.page_seconds:
                time.sleep(self.page_seconds)
            on_page(ScannedPage(data=page_png(index, options.dpi), suffix=".png", dpi=options.dpi, index=index))
            if self.crash_after == index:
                time.sleep(0.3)  # let the queue's feeder thread send the page, as a real crash would not wait
                os.kill(os.getpid(), signal.SIGKILL)
            if self.segfault_after == index:
                time.sleep(0.3)
                ctypes.string_at(0)
            if self.jam_after == index:
                raise PaperJam("The paper is jammed in the feeder; open the feeder, remove the sheet and scan again.")
            if self.hang_after == index:
                while True:
                    time.sleep(1)

    def release(self) -> None:
        if self.hang_in_release:
            while True:
                time.sleep(1)
