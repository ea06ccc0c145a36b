"""A watched folder that multifunction printers scan into, usually an SMB or NFS share.

Change notification (inotify, ReadDirectoryChangesW) does not see writes made by another machine
on such shares, so the folder is polled. A copier writes a file over many seconds, so a file is
taken only when its size and mtime have not moved across two polls ``settle_seconds`` apart and
it can be opened for reading (Windows refuses while the writer holds it). After the handler has
taken it, the file goes to ``done/`` (or ``failed/``), and the sha256 of everything done is kept
in a small ledger in the folder, so a file copied back in, or left behind by a crash between the
import and the move, is never imported twice.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from station.errors import BadInput, NotFound
from station.files import atomic_write

log = logging.getLogger(__name__)

LEDGER_NAME = ".station-hotfolder.json"
DONE_DIR = "done"
FAILED_DIR = "failed"
LEDGER_LIMIT = 20000  # sha256s kept; older ones are forgotten first
_TEMP_SUFFIXES = (".tmp", ".part", ".crdownload", ".partial")


def is_ignored(name: str) -> bool:
    """Hidden files, Office lock files and the partial names copiers and browsers write under."""
    lower = name.lower()
    return name.startswith(".") or name.startswith("~$") or lower.endswith(_TEMP_SUFFIXES)


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float  # when this size and mtime were first seen, on the poll clock


@dataclass(frozen=True)
class Handled:
    """One file the folder dealt with in a poll: where it went and why."""

    source: Path
    moved_to: Path
    outcome: str  # "done", "failed" or "duplicate" (content already imported; not handed over)


class HotFolder:
    """Poll ``folder``; hand each complete file once to ``on_file`` and move it by the result."""

    def __init__(
        self,
        folder: Path | str,
        on_file: Callable[[Path], bool],
        *,
        settle_seconds: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder = Path(folder)
        self.on_file = on_file
        self.settle_seconds = settle_seconds
        self._clock = clock
        self._seen: dict[str, _Seen] = {}

    @property
    def ledger_path(self) -> Path:
        return self.folder / LEDGER_NAME

    def poll_once(self, now: float | None = None) -> list[Handled]:
        """Look at the folder once; returns the files handled in this poll, in name order."""
        now = self._clock() if now is None else now
        if not self.folder.is_dir():
            raise NotFound(
                f"The hot folder {self.folder} is not reachable; check that the share is mounted."
            )
        present: set[str] = set()
        ready: list[Path] = []
        with os.scandir(self.folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if is_ignored(entry.name) or not entry.is_file(follow_symlinks=False):
                    continue
                try:
                    st = entry.stat(follow_symlinks=False)
                except FileNotFoundError:
                    continue  # moved away by the writer between listing and stat
                present.add(entry.name)
                seen = self._seen.get(entry.name)
                if seen is None or (seen.size, seen.mtime_ns) != (st.st_size, st.st_mtime_ns):
                    self._seen[entry.name] = _Seen(st.st_size, st.st_mtime_ns, now)
                    continue
                # An empty file is a copier that has created its file but not yet written it.
                if st.st_size > 0 and now - seen.since >= self.settle_seconds:
                    ready.append(Path(entry.path))
        for name in set(self._seen) - present:
            del self._seen[name]
        handled = []
        for path in ready:
            result = self._take(path)
            if result is not None:
                handled.append(result)
                self._seen.pop(path.name, None)
        return handled

    def run(self, stop_event: threading.Event, interval: float = 2.0) -> None:
        """Poll until ``stop_event`` is set; an unreachable share is logged and retried, not fatal."""
        while not stop_event.is_set():
            try:
                self.poll_once()
            except (OSError, NotFound, BadInput) as exc:
                log.warning("hot folder %s: %s", self.folder, exc)
            stop_event.wait(interval)

    # ------------------------------------------------------------------------------------------

    def _take(self, path: Path) -> Handled | None:
        try:
            digest = _sha256(path)  # also proves the file can be opened for reading
        except FileNotFoundError:
            return None
        except PermissionError:
            log.info("hot folder: %s is still locked by its writer; waiting", path.name)
            return None
        ledger = self._load_ledger()
        if digest in ledger:
            log.info("hot folder: %s has the content of %s, imported before", path.name, ledger[digest]["name"])
            return Handled(path, _move(path, self.folder / DONE_DIR), "duplicate")
        try:
            accepted = bool(self.on_file(path))
        except Exception:
            log.exception("hot folder: importing %s failed", path.name)
            accepted = False
        if not accepted:
            return Handled(path, _move(path, self.folder / FAILED_DIR), "failed")
        # Ledger first: a crash before the move leaves a file the next poll recognises as done.
        ledger[digest] = {"name": path.name, "at": datetime.now(UTC).isoformat(timespec="seconds")}
        self._write_ledger(ledger)
        return Handled(path, _move(path, self.folder / DONE_DIR), "done")

    def _load_ledger(self) -> dict[str, dict[str, str]]:
        if not self.ledger_path.exists():
            return {}
        try:
            document = json.loads(self.ledger_path.read_text(encoding="utf-8"))
            done = document["done"]
            if not isinstance(done, dict):
                raise TypeError("'done' is not an object")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise BadInput(
                f"The hot folder's ledger {self.ledger_path} is damaged ({exc}); restore it from a backup, "
                "or delete it to accept files again whose content may already have been imported."
            ) from exc
        return done

    def _write_ledger(self, done: dict[str, dict[str, str]]) -> None:
        if len(done) > LEDGER_LIMIT:
            # Insertion order is import order, so the oldest entries go first.
            done = dict(list(done.items())[-LEDGER_LIMIT:])
        document = {"version": 1, "done": done}
        atomic_write(self.ledger_path, json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _move(path: Path, folder: Path) -> Path:
    """Move into ``folder`` keeping the name; ``scan-1.pdf``, ``scan-2.pdf``… when it is taken."""
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    counter = 1
    while target.exists():
        target = folder / f"{path.stem}-{counter}{path.suffix}"
        counter += 1
    os.replace(path, target)
    return target
