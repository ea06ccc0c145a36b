"""Where the archive keeps finished packages: an interface, and a folder behind it.

Uploads arrive in a local staging folder (tus chunks need random-offset appends and truncation,
which object stores do not offer); a finished, checked package is then `put` under a key. The
archive answers a submit only after `put` returned, so `put` must be durable when it returns.

An S3-compatible store implements the same interface: `put` is a multipart upload of the staged
file (parts of 8–64 MiB streamed from disk, CompleteMultipartUpload returns only once the object
is durable; a `x-amz-checksum-sha256` per part lets the store verify what it received), then
the staged file is deleted; `open` is a streamed GetObject; `exists` a HeadObject; `delete`
DeleteObject; `free_bytes` the bucket quota left (None when the store has no quota). Keys are
`<area>/<station_id>/<package_id>.zip` and `.receipt.json`, valid object names as they are.
"""

from __future__ import annotations

import errno
import os
import shutil
from abc import ABC, abstractmethod
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from station.errors import StationError
from station.files import atomic_write, fsync_dir


class StorageFull(StationError):
    """The store cannot take the bytes: the archive answers 507 and keeps nothing half-stored."""


class Storage(ABC):
    """Finished packages and their receipts, by key."""

    @abstractmethod
    def put_file(self, key: str, source: Path) -> None:
        """Take the staged file `source` (consumed) under `key`, durably; StorageFull when it does not fit."""

    @abstractmethod
    def put_bytes(self, key: str, data: bytes) -> None:
        """Small objects (receipts), durably."""

    @abstractmethod
    def open(self, key: str) -> BinaryIO:
        """A binary stream of the object (never read whole into memory by the archive)."""

    @abstractmethod
    def exists(self, key: str) -> bool: ...

    @abstractmethod
    def size(self, key: str) -> int: ...

    @abstractmethod
    def delete(self, key: str) -> None: ...

    @abstractmethod
    def free_bytes(self) -> int | None:
        """Bytes the store can still take, or None when it has no limit the archive can see."""


def _check_key(key: str) -> PurePosixPath:
    rel = PurePosixPath(key)
    if rel.is_absolute() or not rel.parts or any(p in ("", ".", "..") or p.startswith(".") for p in rel.parts):
        raise ValueError(f"not a storage key: {key!r}")
    return rel


class FolderStorage(Storage):
    """A folder on a local or mounted disk. `put_file` renames (same file system) or copies, then
    fsyncs the file and its folder before returning, so a power cut after a receipt loses nothing.

    `capacity_bytes` caps what the folder may hold (a quota; the tests' stand-in for a full disk);
    `reserve_bytes` is kept free on the disk for the database and the staging folder.
    """

    def __init__(self, root: Path, *, capacity_bytes: int | None = None, reserve_bytes: int = 0) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        self.capacity_bytes = capacity_bytes
        self.reserve_bytes = reserve_bytes
        self._used = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())

    def path(self, key: str) -> Path:
        return self.root.joinpath(*_check_key(key).parts)

    def free_bytes(self) -> int | None:
        stat = os.statvfs(self.root)
        free = stat.f_bavail * stat.f_frsize - self.reserve_bytes
        if self.capacity_bytes is not None:
            free = min(free, self.capacity_bytes - self._used)
        return max(free, 0)

    def _make_room(self, size: int) -> None:
        free = self.free_bytes()
        if free is not None and size > free:
            raise StorageFull(f"The archive's storage has {free} bytes free and needs {size}; free disk space "
                              "on the archive, then send again.")

    def put_file(self, key: str, source: Path) -> None:
        target = self.path(key)
        size = source.stat().st_size
        self._make_room(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(source, "rb+") as f:
            os.fsync(f.fileno())
        try:
            os.replace(source, target)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            tmp = target.with_name(f".{target.name}.tmp")
            try:
                with open(source, "rb") as src, open(tmp, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                    dst.flush()
                    os.fsync(dst.fileno())
                os.replace(tmp, target)
            except OSError as copy_exc:
                tmp.unlink(missing_ok=True)
                if copy_exc.errno == errno.ENOSPC:
                    raise StorageFull("The archive's disk is full; free disk space on the archive, then send "
                                      "again.") from copy_exc
                raise
            source.unlink()
        fsync_dir(target.parent)
        fsync_dir(source.parent)
        self._used += size

    def put_bytes(self, key: str, data: bytes) -> None:
        target = self.path(key)
        old = target.stat().st_size if target.exists() else 0
        self._make_room(len(data) - old)
        try:
            atomic_write(target, data)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise StorageFull("The archive's disk is full; free disk space on the archive, then send "
                                  "again.") from exc
            raise
        self._used += len(data) - old

    def open(self, key: str) -> BinaryIO:
        return open(self.path(key), "rb")

    def exists(self, key: str) -> bool:
        return self.path(key).is_file()

    def size(self, key: str) -> int:
        return self.path(key).stat().st_size

    def delete(self, key: str) -> None:
        target = self.path(key)
        if target.is_file():
            size = target.stat().st_size
            target.unlink()
            fsync_dir(target.parent)
            self._used -= size
