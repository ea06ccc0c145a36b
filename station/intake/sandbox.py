"""Run a decoder in a throw-away child process: a crash, a hang or a memory bomb costs one file.

Image and PDF libraries are C code fed with untrusted bytes; a fuzzer file can segfault them
or spin forever. The child is started through a "forkserver" (never a plain fork of the
caller, which may be a Qt GUI with threads), gets an address-space limit, and runs in its own
process group so that a timeout also kills the pdftoppm it started. Whatever happens in the
child comes back to the caller as a value or as a BadInput sentence.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import pickle
import resource
import signal
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from station.errors import BadInput
from station.files import BlobStore
from station.intake.images import DecodedPage, Limits

__all__ = ["decode_file_isolated", "run_isolated"]

T = TypeVar("T")

_PRELOAD = ["station.intake.decode"]
_context_lock = threading.Lock()
_context: multiprocessing.context.BaseContext | None = None


def _get_context() -> multiprocessing.context.BaseContext:
    """forkserver where it exists (Linux, macOS), spawn elsewhere.

    The fork server preloads the decoder so each child starts in milliseconds instead of
    importing Pillow and pikepdf again. There is one fork server per process: if another
    part of the station started it first, its preload list applies, which only costs speed.
    """
    global _context
    with _context_lock:
        if _context is None:
            if "forkserver" in multiprocessing.get_all_start_methods():
                ctx = multiprocessing.get_context("forkserver")
                ctx.set_forkserver_preload(_PRELOAD)
            else:
                ctx = multiprocessing.get_context("spawn")
            _context = ctx
        return _context


def _child_main(
    conn: multiprocessing.connection.Connection,
    func: Callable[..., Any],
    args: tuple[Any, ...],
    memory_bytes: int,
    tmpdir: str,
) -> None:
    try:
        os.setsid()  # own process group: the parent's kill reaches helpers we start
    except OSError:
        pass  # already a group leader (some spawn setups): the child itself is still killed
    if memory_bytes > 0:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    tempfile.tempdir = tmpdir
    os.environ["TMPDIR"] = tmpdir
    try:
        message: tuple[Any, ...] = ("ok", func(*args))
    except MemoryError:
        message = ("memory",)
    except BadInput as exc:
        message = ("bad", exc.message)
    except BaseException as exc:  # noqa: BLE001 - everything must reach the parent
        message = ("error", _portable(exc), traceback.format_exc())
    try:
        conn.send(message)
    except MemoryError:
        conn.send(("memory",))
    except Exception as exc:  # an unpicklable result
        conn.send(("error", RuntimeError(f"result could not be sent back: {exc}"), traceback.format_exc()))
    finally:
        conn.close()


def _portable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _kill_group(proc: multiprocessing.process.BaseProcess) -> None:
    """Kill the child and anything it started; safe because the child is not reaped yet."""
    pid = proc.pid
    if pid is None:
        return
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        os.kill(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _signal_name(exitcode: int) -> str:
    try:
        return signal.Signals(-exitcode).name
    except ValueError:
        return f"signal {-exitcode}"


def _gib(n: int) -> str:
    return f"{n / 2**30:g} GiB" if n >= 2**30 else f"{n / 2**20:g} MiB"


def run_isolated(
    func: Callable[..., T],
    args: tuple[Any, ...],
    *,
    subject: str,
    seconds: float,
    memory_bytes: int,
) -> T:
    """Call `func(*args)` in a child process and return its result.

    `func` must be importable by name (a module-level function). BadInput raised in the child
    is raised again here; a crash, a timeout or running out of memory becomes BadInput naming
    `subject`; any other exception of the child is raised again here.
    """
    ctx = _get_context()
    with tempfile.TemporaryDirectory(prefix="station-isolated-") as tmpdir:
        receiver, sender = ctx.Pipe(duplex=False)
        proc = ctx.Process(
            target=_child_main,
            args=(sender, func, args, memory_bytes, tmpdir),
            name=f"decode {subject}",
            daemon=True,
        )
        message: tuple[Any, ...] | None = None
        timed_out = False
        try:
            proc.start()
            sender.close()
            deadline = time.monotonic() + seconds
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    timed_out = True
                    break
                ready = multiprocessing.connection.wait([receiver, proc.sentinel], timeout=remaining)
                if receiver in ready or (proc.sentinel in ready and receiver.poll()):
                    try:
                        message = receiver.recv()
                    except (EOFError, OSError):
                        message = None
                    break
                if proc.sentinel in ready:
                    break
        finally:
            if proc.pid is not None:
                _kill_group(proc)
                proc.join()
            receiver.close()
            sender.close()

    if message is not None:
        kind = message[0]
        if kind == "ok":
            return message[1]  # type: ignore[no-any-return]
        if kind == "bad":
            raise BadInput(message[1])
        if kind == "memory":
            raise BadInput(
                f"{subject}: reading it needed more than {_gib(memory_bytes)} of memory and was stopped; "
                "scan it at a lower resolution or split it into smaller files, and import it again"
            )
        error = message[1]
        error.add_note(f"in the isolated decoder for {subject}:\n{message[2]}")
        raise error
    if timed_out:
        raise BadInput(
            f"{subject}: reading it took longer than {seconds:g} s and was stopped; it is probably damaged "
            "or too complex — save or export a fresh copy (or split it) and import that"
        )
    exitcode = proc.exitcode
    how = _signal_name(exitcode) if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
    raise BadInput(
        f"{subject}: the decoder crashed on it ({how}); the file is probably damaged — open it in a viewer, "
        "save or export a fresh copy, and import that"
    )


def _decode_in_child(path: str, blob_root: str, limits: Limits) -> list[DecodedPage]:
    from station.intake.decode import decode_file

    return decode_file(Path(path), BlobStore(Path(blob_root)), limits)


def decode_file_isolated(path: Path, blob_root: Path, limits: Limits) -> list[DecodedPage]:
    """decode_file in a child process with `limits.seconds` of wall clock and `limits.memory_bytes`
    of address space; the blobs it wrote are durable when this returns."""
    # Absolute: the child's working folder is the fork server's, fixed when it started.
    path = Path(path).absolute()
    return run_isolated(
        _decode_in_child,
        (str(path), str(Path(blob_root).absolute()), limits),
        subject=path.name,
        seconds=limits.seconds,
        memory_bytes=limits.memory_bytes,
    )
