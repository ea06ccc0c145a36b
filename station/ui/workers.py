"""Work off the GUI thread: core calls, the pipeline, scanning and image loading, with signals back.

Each worker opens its own Station (its own SQLite connection): a connection is never shared
between threads. Every thread and pool task is tracked so the window can stop them all when it
closes, and tests can check that none was left running.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, QThreadPool, Signal
from PySide6.QtGui import QImage

from station.errors import Busy, ScannerError, StationError

_threads: set[QThread] = set()  # strong references: a running QThread must never be collected


def running_threads() -> list[QThread]:
    for t in [t for t in _threads if not shiboken6.isValid(t) or t.isFinished()]:
        _threads.discard(t)
    return [t for t in _threads if t.isRunning()]


# Imported once on the GUI thread before any worker starts: shiboken's import hook is not safe
# when two threads import at once (the bench crashed in it, in a pool thread importing httpx).
PRELOAD = (
    "station.workflow.station", "station.workflow.scanning", "station.workflow.pages", "station.pipeline.runner",
    "station.pipeline.worker", "station.scanner.registry", "station.scanner.demo", "station.scanner.escl",
    "station.scanner.bridge", "station.scanner.profiles", "station.intake.sandbox", "station.intake.decode",
    "station.metadata.extract", "station.metadata.fields", "station.ocr.tesseract", "station.imaging.cleanup",
    "PIL.Image", "PIL.PngImagePlugin", "PIL.JpegImagePlugin", "PIL.TiffImagePlugin", "concurrent.futures.process",
    "multiprocessing.queues", "multiprocessing.connection", "sqlite3", "json",
)


def preload() -> None:
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


class _Stopped(Exception):
    """Raised from a progress callback to leave a pipeline run between pages (it resumes later)."""


def _emit(signal: Any, *args: Any) -> None:
    """Emit from a worker; the window may already be gone when a driver reports late."""
    try:
        signal.emit(*args)
    except RuntimeError:
        pass


class Mailbox(QObject):
    """Results of pool tasks, handed to the GUI thread.

    Workers put Python objects in a queue and signal with no arguments: a queued signal carrying
    an arbitrary Python object across threads crashed PySide6 6.12 here (a refcount fault,
    ``none_dealloc``) under load, while argument-less and plain-type signals are safe.
    """

    ready = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue: queue.SimpleQueue[tuple[Callable[[Any], None] | None, Any]] = queue.SimpleQueue()
        self.ready.connect(self.drain)

    def post(self, callback: Callable[[Any], None] | None, value: Any) -> None:
        self.queue.put((callback, value))
        _emit(self.ready)

    def drain(self) -> None:
        while True:
            try:
                callback, value = self.queue.get_nowait()
            except queue.Empty:
                return
            if callback is not None:
                callback(value)


class Task:
    """One core call, `fn(station)`, on a worker thread; its result or error comes back through a mailbox.

    Plain Python threads (concurrent.futures), not QRunnable: a Python QRunnable deleted by Qt's
    pool after it ran is another way into PySide's refcount faults.
    """

    def __init__(self, data_dir: Path, fn: Callable[[Any], Any], mailbox: Mailbox,
                 done: Callable[[Any], None] | None, failed: Callable[[BaseException], None] | None) -> None:
        self.data_dir, self.fn, self.mailbox, self.done, self.failed = data_dir, fn, mailbox, done, failed

    def run(self) -> None:
        from station.workflow import Station

        try:
            station = Station(self.data_dir)
            try:
                result = self.fn(station)
            finally:
                station.close()
        except Exception as exc:  # reported to the operator by the receiving callback
            self.mailbox.post(self.failed, exc)
            return
        self.mailbox.post(self.done, result)


def load_image(path: Path, size: int) -> QImage:
    """A page image scaled to `size` pixels on its long side (0: full size), decoded off the GUI thread."""
    from PIL import Image

    try:
        with Image.open(path) as im:
            full = im.size
            if size:
                im.draft("L" if im.mode == "L" else "RGB", (size, size))
                im.thumbnail((size, size))
            im = im.convert("L" if im.mode in ("1", "L") else "RGB")
            fmt = QImage.Format.Format_Grayscale8 if im.mode == "L" else QImage.Format.Format_RGB888
            stride = im.width * (1 if im.mode == "L" else 3)
            image = _qimage(im.tobytes(), im.width, im.height, stride, fmt)
            image.setText("full-size", f"{full[0]}x{full[1]}")  # the viewer keeps page coordinates
            return image
    except OSError:
        return QImage()


class Workers:
    """The window's worker threads for short jobs (core calls, image decoding); shut down on close."""

    def __init__(self, mailbox: Mailbox, threads: int = 3) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.mailbox = mailbox
        self.executor = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="station-ui")
        self.closed = False
        _executors.add(self)

    def task(self, task: Task) -> None:
        if not self.closed:
            self.executor.submit(task.run)

    def image(self, path: Path, size: int, done: Callable[[QImage], None]) -> None:
        if not self.closed:
            self.executor.submit(lambda: self.mailbox.post(done, load_image(path, size)))

    def shutdown(self) -> None:
        self.closed = True
        self.executor.shutdown(wait=True, cancel_futures=True)
        _executors.discard(self)


_executors: set[Workers] = set()


class Jobs:
    """Now-and-then core calls from a dialog (set up signing, add a scanner): a worker thread exists
    only while one runs, so an open dialog holds no thread and a closed one leaves none behind."""

    def __init__(self, data_dir: Path, parent: QObject) -> None:
        self.data_dir = data_dir
        self.mailbox = Mailbox(parent)
        self.workers: Workers | None = None
        self.running = 0

    def run(self, fn: Callable[[Any], Any], done: Callable[[Any], None],
            failed: Callable[[BaseException], None]) -> None:
        def finishing(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                self.running -= 1
                if self.running == 0:
                    self.shutdown()
                callback(value)
            return call

        self.workers = self.workers or Workers(self.mailbox, threads=1)
        self.running += 1
        self.workers.task(Task(self.data_dir, fn, self.mailbox, finishing(done), finishing(failed)))

    def shutdown(self) -> None:
        if self.workers is not None:
            self.workers.shutdown()
            self.workers = None


def open_executors() -> int:
    return len(_executors)


def _qimage(raw: bytes, width: int, height: int, stride: int, fmt: QImage.Format) -> QImage:
    """Copy pixels into a QImage that owns its memory (the constructor over a Python buffer keeps
    a reference it later releases from C++, which is not safe off the GUI thread)."""
    image = QImage(width, height, fmt)
    line = image.bytesPerLine()
    bits = image.bits()
    if line == stride:
        bits[: len(raw)] = raw
    else:
        for y in range(height):
            bits[y * line: y * line + stride] = raw[y * stride: (y + 1) * stride]
    return image


class StoppableThread(QThread):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        _threads.add(self)

    def stop(self) -> None:
        self._stop.set()

    def _check(self, *_args: Any) -> None:
        if self._stop.is_set():
            raise _Stopped


class PipelineThread(StoppableThread):
    """Runs the pipeline whenever poked (new pages, page work); waits for a scan that holds it."""

    progress = Signal(int, int)
    finished_run = Signal()
    failed = Signal(str)  # what to tell the operator

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._wake = threading.Event()
        self._hold = threading.Event()
        self.idle = threading.Event()
        self.idle.set()

    def hold(self) -> None:
        """Leave the pipeline to a scan, which runs its own (one run per data dir at a time)."""
        self._hold.set()

    def release(self) -> None:
        self._hold.clear()
        self.poke()

    def wait_idle(self, stop: threading.Event) -> None:
        while not stop.is_set() and not self.idle.wait(0.2):
            pass

    def poke(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        super().stop()
        self._wake.set()

    def run(self) -> None:
        from station.workflow import Station

        while not self._stop.is_set():
            if not self._wake.wait(1.0):
                continue
            self.idle.clear()  # before looking at the hold, so a scan never starts while a run does
            if self._hold.is_set():
                self.idle.set()
                self._stop.wait(0.2)
                continue
            self._wake.clear()
            try:
                station = Station(self.data_dir)
                try:
                    report = station.process(progress=self._progress)
                finally:
                    station.close()
            except _Stopped:
                if self._stop.is_set():
                    return
                self._wake.set()  # held for a scan: carry on once released
                continue
            except Busy:
                # A scan runs its own pipeline; try again once it has let go.
                self._stop.wait(1.0)
                self._wake.set()
                continue
            except Exception as exc:
                _emit(self.failed, error_text(exc))
                continue
            finally:
                self.idle.set()
            del report
            _emit(self.finished_run)

    def _progress(self, done: int, total: int, _message: str) -> None:
        if self._hold.is_set():
            raise _Stopped
        self._check()
        _emit(self.progress, done, total)


class ScanThread(StoppableThread):
    """One scan: into a new document (streaming into the pipeline) or, with `into`, added to one."""

    status = Signal(str)  # in the operator's words
    page_started = Signal(int)
    page_added = Signal(str)  # the document a page was just recorded in (durable): show its thumbnail now
    progress = Signal(int, int)
    failed = Signal(str)  # the fault in the operator's words
    finished_scan = Signal()

    def __init__(self, data_dir: Path, device_id: str, profile: str, *, batch: str | None = None,
                 into: str | None = None, replace_page: int | None = None, user: str | None = None,
                 pipeline: PipelineThread | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from station.scanner.base import CancelToken

        self.data_dir, self.device_id, self.profile = data_dir, device_id, profile
        self.batch, self.into, self.replace_page, self.user = batch, into, replace_page, user
        self.cancel = CancelToken()
        self.pipeline = pipeline
        self._feeder: _Feeder | None = None

    def stop(self) -> None:
        super().stop()
        self.cancel.cancel()

    def run(self) -> None:
        from station.config import admin_settings_file
        from station.domain import SplitMode
        from station.scanner.profiles import ProfileStore
        from station.scanner.registry import available_drivers, find_device
        from station.workflow import Station
        from station.workflow.pages import PageWork, scan_pages
        from station.workflow.scanning import scan_into
        from station.workflow.station import default_batch_name

        thread = self

        from station.ui.texts import scanner_status

        class Events:
            def status(self, message: str) -> None:
                _emit(thread.status, scanner_status(message))

            def page_started(self, index: int) -> None:
                _emit(thread.page_started, index)

        try:
            station = Station(self.data_dir)
            try:
                chosen = ProfileStore(station.data_dir, admin_settings_file().parent / "profiles.json").get(
                    self.profile)
                options = chosen.options()
                if self.replace_page is not None or self.into is not None:
                    if self.replace_page is not None:
                        options.source = "flatbed"
                    work = PageWork(station)
                    into = self.into if self.replace_page is None else None

                    first = [True]

                    def placed(record: Any) -> None:
                        # Scan more: each page joins the document as it arrives, so the strip grows
                        # while the feeder turns and a jam keeps what came before. The first page is
                        # the one undo step (its snapshot is the document before the scan); the rest
                        # are appended to the document it left being processed (the pipeline is held).
                        if into is None:
                            return
                        if first[0]:
                            work.insert(into, 10**6, [record], user=self.user)
                            first[0] = False
                        else:
                            with station.store.transaction():
                                station.store.append_pages(into, [record])
                        _emit(thread.page_added, into)

                    try:
                        got = scan_pages(station, self.device_id, options, cancel=self.cancel, events=Events(),
                                         on_page=placed)
                    except ScannerError as exc:
                        _emit(self.failed, error_text(exc))
                        _emit(self.finished_scan)
                        return
                    if self.replace_page is not None and got:
                        work.replace(self.replace_page, got[0], user=self.user)
                        _emit(self.page_added, "")
                    _emit(self.finished_scan)
                    return
                if self.pipeline is not None:
                    self.pipeline.wait_idle(self._stop)
                drivers = available_drivers(station.settings.get("scanner.escl_devices"))
                found = find_device(self.device_id, drivers)
                feeder = _Feeder(found.driver)
                self._feeder = feeder
                report = scan_into(station, feeder, found.device, options,
                                   batch=self.batch or default_batch_name(), split=SplitMode(chosen.split),
                                   user=self.user, events=Events(), cancel=self.cancel, progress=self._progress,
                                   recorded=lambda doc_id: _emit(thread.page_added, doc_id))
            finally:
                station.close()
        except _Stopped:
            # The feeder is done (or the window closes): the pipeline thread finishes the pages, and
            # the operator may scan again at once.
            feeder = self._feeder
            if feeder is not None and feeder.error is not None and not self._stop.is_set():
                _emit(self.failed, error_text(feeder.error))
            if not self._stop.is_set():
                _emit(self.finished_scan)
            return
        except Exception as exc:
            _emit(self.failed, error_text(exc))
            return
        if report.error is not None:
            _emit(self.failed, error_text(report.error))
        _emit(self.finished_scan)

    def _progress(self, done: int, total: int, _message: str) -> None:
        # The Stop button only cancels the feeder: the pages already here are processed, by this
        # thread while the feeder turns, then by the pipeline thread (a run resumes where another
        # left), so Scan is free again as soon as the paper is in. Closing the window stops the
        # thread too, between pages; the next run carries on.
        _emit(self.progress, done, total)
        self._check()
        if self._feeder is not None and self._feeder.done.is_set():
            raise _Stopped


class _Feeder:
    """The driver, with a flag set the moment its scan call returns or fails (the paper is through)."""

    def __init__(self, driver: Any) -> None:
        self.driver = driver
        self.name = driver.name
        self.done = threading.Event()
        self.error: BaseException | None = None

    def list_devices(self) -> Any:
        return self.driver.list_devices()

    def capabilities(self, device: Any) -> Any:
        return self.driver.capabilities(device)

    def scan(self, *args: Any, **kwargs: Any) -> None:
        try:
            self.driver.scan(*args, **kwargs)
        except BaseException as exc:
            self.error = exc
            raise
        finally:
            self.done.set()


def error_text(exc: BaseException) -> str:
    """An error in the operator's words (Qt's translate is safe on any thread)."""
    from PySide6.QtCore import QCoreApplication

    from station.ui import texts

    if isinstance(exc, ScannerError):
        return texts.scanner_error(exc)
    if isinstance(exc, StationError):
        return exc.message
    return QCoreApplication.translate("MainWindow", "Unexpected error: %1").replace(
        "%1", f"{exc.__class__.__name__}: {exc}")


def stop_all(threads: list[QThread], timeout_ms: int = 60000) -> None:
    """Ask every thread to stop, wait for them, then for the pool's tasks."""
    for t in threads:
        if isinstance(t, StoppableThread):
            t.stop()
    for t in threads:
        t.wait(timeout_ms)
    pool().waitForDone(timeout_ms)
