"""Host any scanner driver in a worker process (after NAPS2's ScanBridgeFactory).

SANE backends and TWAIN sources crash and hang; in the station's own process that takes the GUI and
every page in flight with it. The bridge runs the real driver in a child started with the "spawn"
context (no forked copy of the GUI's threads and locks), relays events and pages through a queue as
they come, and turns a dead or silent child into DeviceUnavailable while keeping every page already
relayed. Each call gets a fresh child: libsane's global state (SANE_CONFIG_DIR, a wedged backend)
starts clean every time, at the cost of about a second of start-up.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import queue
import time
import traceback
from collections.abc import Callable
from typing import Any

from station.errors import ScannerError
from station.scanner.base import (
    CancelToken,
    Capabilities,
    Device,
    DeviceUnavailable,
    ScanEvents,
    ScannedPage,
    ScanOptions,
)

STOPPED_RESPONDING = "The scanner driver stopped responding; unplug the scanner, plug it in and try again"


def resolve_factory(path: str) -> Any:
    """The class or function named "package.module:Name"."""
    module_name, _, attr = path.partition(":")
    if not module_name or not attr:
        raise ScannerError(f"Driver {path!r} is not of the form 'package.module:Class'; fix the station settings.")
    try:
        return getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as e:
        raise ScannerError(f"The scanner driver {path!r} cannot be loaded ({e}); reinstall the station.") from e


class _ChildEvents:
    def __init__(self, out: Any) -> None:
        self._out = out

    def status(self, message: str) -> None:
        self._out.put(("status", message))

    def page_started(self, index: int) -> None:
        self._out.put(("page_started", index))


class _EventCancel(CancelToken):
    """A CancelToken whose flag is the multiprocessing Event the parent sets."""

    def __init__(self, event: Any) -> None:
        self._event = event


def _child_main(factory: str, kwargs: dict[str, Any], op: str, args: tuple[Any, ...], out: Any,
                cancel_event: Any) -> None:
    """Runs in the worker: build the driver, run one operation, report ("result"|"error", ...) last."""
    driver = None
    try:
        driver = resolve_factory(factory)(**kwargs)
        if op == "list_devices":
            out.put(("result", driver.list_devices()))
        elif op == "capabilities":
            out.put(("result", driver.capabilities(*args)))
        elif op == "scan":
            device, options = args
            driver.scan(device, options, _EventCancel(cancel_event), _ChildEvents(out),
                        lambda page: out.put(("page", page)))
            out.put(("result", None))
        else:
            raise ScannerError(f"unknown bridge operation {op!r}")
    except BaseException as e:  # everything must reach the parent as a message, not a dead child
        cls = type(e)
        out.put(("error", f"{cls.__module__}:{cls.__qualname__}", str(e), traceback.format_exc()))
    finally:
        # after the report: a driver that hangs while releasing the device costs only this worker
        release = getattr(driver, "release", None)
        if release is not None:
            try:
                release()
            except Exception:  # the operation's outcome is already reported
                pass


def _rebuild_error(cls_path: str, message: str, trace: str) -> ScannerError:
    """The child's ScannerError as the same class here; anything else as a ScannerError with the text."""
    try:
        cls = resolve_factory(cls_path)
    except ScannerError:
        cls = None
    if isinstance(cls, type) and issubclass(cls, ScannerError):
        return cls(message, detail=trace)
    return ScannerError(f"The scanner driver failed ({message}); try again, and report it if it repeats.",
                        detail=trace)


class BridgedDriver:
    """A ScanDriver that runs `factory(**kwargs)` in a worker process for every call.

    `factory` is a "package.module:Class" path so it can cross the process boundary. `timeout` is how
    long the worker may stay silent (no page, no event) before it is declared hung; `cancel_grace` is
    how long a cancelled worker may take to stop before it is killed.
    """

    def __init__(self, factory: str, kwargs: dict[str, Any] | None = None, *, timeout: float = 120.0,
                 cancel_grace: float = 10.0) -> None:
        self.factory = factory
        self.kwargs = dict(kwargs or {})
        self.timeout = timeout
        self.cancel_grace = cancel_grace
        self.name = str(getattr(resolve_factory(factory), "name", factory))
        self._ctx = mp.get_context("spawn")

    def list_devices(self) -> list[Device]:
        return self._call("list_devices", (), CancelToken(), None, None)

    def capabilities(self, device: Device) -> Capabilities:
        return self._call("capabilities", (device,), CancelToken(), None, None)

    def scan(
        self,
        device: Device,
        options: ScanOptions,
        cancel: CancelToken,
        events: ScanEvents,
        on_page: Callable[[ScannedPage], None],
    ) -> None:
        """Pages reach on_page in this process as the worker sends them; a fault keeps them."""
        options.validate()
        self._call("scan", (device, options), cancel, events, on_page)

    def _call(self, op: str, args: tuple[Any, ...], cancel: CancelToken, events: ScanEvents | None,
              on_page: Callable[[ScannedPage], None] | None) -> Any:
        out = self._ctx.Queue()
        cancel_event = self._ctx.Event()
        proc = self._ctx.Process(target=_child_main, name=f"scanner-{self.name}",
                                 args=(self.factory, self.kwargs, op, args, out, cancel_event), daemon=True)
        proc.start()
        last_progress = time.monotonic()
        cancelled_at: float | None = None
        finished = False
        try:
            while True:
                if cancel.cancelled and cancelled_at is None:
                    cancel_event.set()
                    cancelled_at = time.monotonic()
                try:
                    msg = out.get(timeout=0.1)
                except queue.Empty:
                    now = time.monotonic()
                    if not proc.is_alive():
                        # the child may have put its last message just before exiting
                        try:
                            msg = out.get(timeout=0.5)
                        except queue.Empty:
                            raise DeviceUnavailable(STOPPED_RESPONDING,
                                                    detail=f"worker exit code {proc.exitcode}") from None
                    elif cancelled_at is not None and now - cancelled_at > self.cancel_grace:
                        return None  # cancelled and stuck inside a page: the kill below ends it
                    elif now - last_progress > self.timeout:
                        raise DeviceUnavailable(STOPPED_RESPONDING,
                                                detail=f"no progress for {self.timeout:.0f} s") from None
                    else:
                        continue
                last_progress = time.monotonic()
                kind = msg[0]
                if kind == "page" and on_page is not None:
                    on_page(msg[1])
                elif kind == "status" and events is not None:
                    events.status(msg[1])
                elif kind == "page_started" and events is not None:
                    events.page_started(msg[1])
                elif kind == "result":
                    finished = True
                    return msg[1]
                elif kind == "error":
                    finished = True
                    raise _rebuild_error(msg[1], msg[2], msg[3])
        finally:
            _stop(proc, finished)
            out.close()
            out.cancel_join_thread()


def _stop(proc: Any, finished: bool) -> None:
    """Let a finished worker exit; kill one that is hung or was abandoned."""
    if finished:
        proc.join(timeout=2.0)
    if proc.is_alive():
        proc.kill()
        proc.join(timeout=5.0)
