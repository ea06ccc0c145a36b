"""Durable files: write to a temp file, fsync, rename, fsync the folder.

A crash at any instant leaves either the old file or the new one, never a torn one. Page images
are named by the sha256 of their bytes, so writing the same page twice is harmless.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    fsync_dir(path.parent)


class BlobStore:
    """Content-addressed folder: `<root>/<ab>/<sha256><suffix>`.

    A blob's name is `<sha256><suffix>` (suffix `.png`, `.jpg`, …) and is what the database stores.
    """

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, name: str) -> Path:
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise ValueError(f"not a blob name: {name!r}")
        return self.root / name[:2] / name

    def put(self, data: bytes, suffix: str) -> str:
        name = hashlib.sha256(data).hexdigest() + suffix
        target = self.path(name)
        if not target.exists():
            atomic_write(target, data)
        return name

    def exists(self, name: str) -> bool:
        return self.path(name).exists()

    def read(self, name: str) -> bytes:
        return self.path(name).read_bytes()
