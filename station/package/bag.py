"""The archival package: a BagIt 1.0 bag (RFC 8493) as shared/spec/package.md lays it out, zipped for transfer.

The bag is written by this module (so its layout and bag-info are exactly the contract) and read
back by the Library of Congress `bagit` package, an independent implementation, when verified.
The detached CMS signature over the tag manifest sits in `signature/`, outside the tag manifest
(it cannot list itself); whoever checks the bag checks that signature against the manifest bytes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from station.errors import BadInput
from station.files import fsync_dir

SIGNATURE_PATH = "signature/tagmanifest-sha256.txt.p7s"
REQUIRED_INFO = ("Source-Organization", "External-Identifier", "Bagging-Date", "Payload-Oxum", "Station-Id",
                 "Package-Id")
PAYLOAD = ("data/document.pdf", "data/metadata.json", "data/METS.xml")
# Limits when a zip from elsewhere is opened: a package holds a handful of files of one document.
MAX_MEMBERS = 64
MAX_UNPACKED = 4 * 1024**3


@dataclass
class BagCheck:
    name: str
    ok: bool
    detail: str


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _info_value(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError("bag-info values are single lines")
    return value


def write_bag(root: Path, payload: Mapping[str, Path | bytes], info: Mapping[str, str],
              sign_tagmanifest: Callable[[bytes], bytes]) -> None:
    """Write the bag at `root` (must not exist). `payload` maps names under data/ to files or bytes."""
    root.mkdir(parents=True)
    data = root / "data"
    data.mkdir()
    digests: list[tuple[str, str]] = []
    octets = 0
    for name, content in payload.items():
        rel = PurePosixPath(name)
        if rel.is_absolute() or ".." in rel.parts or len(rel.parts) != 1:
            raise ValueError(f"payload name {name!r}")
        target = data / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            shutil.copyfile(content, target)
        octets += target.stat().st_size
        digests.append((sha256_file(target), f"data/{name}"))
    (root / "bagit.txt").write_bytes(b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    full_info = {**info, "Payload-Oxum": f"{octets}.{len(digests)}"}
    lines = [f"{k}: {_info_value(v)}" for k, v in full_info.items()]
    (root / "bag-info.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    manifest = "".join(f"{d}  {p}\n" for d, p in sorted(digests, key=lambda x: x[1]))
    (root / "manifest-sha256.txt").write_text(manifest, encoding="utf-8")
    tags = [(sha256_file(root / n), n) for n in ("bag-info.txt", "bagit.txt", "manifest-sha256.txt")]
    tagmanifest = "".join(f"{d}  {p}\n" for d, p in tags).encode("utf-8")
    (root / "tagmanifest-sha256.txt").write_bytes(tagmanifest)
    (root / "signature").mkdir()
    (root / SIGNATURE_PATH).write_bytes(sign_tagmanifest(tagmanifest))


def zip_bag(root: Path, out: Path) -> str:
    """Zip the bag under its own folder name; durable write; returns the zip's sha256."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w") as zf:
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                rel = PurePosixPath(root.name) / path.relative_to(root).as_posix()
                info = zipfile.ZipInfo(str(rel), date_time=(1980, 1, 1, 0, 0, 0))
                info.external_attr = 0o644 << 16
                # The PDF's images are compressed already; text files shrink.
                info.compress_type = zipfile.ZIP_STORED if path.suffix == ".pdf" else zipfile.ZIP_DEFLATED
                with open(path, "rb") as src, zf.open(info, "w") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(out.parent)
    return sha256_file(out)


def unzip_package(zip_path: Path, into: Path) -> Path:
    """Extract a package zip safely (no absolute or parent paths, no links, bounded size); the bag root."""
    try:
        with zipfile.ZipFile(zip_path) as zf:
            members = zf.infolist()
            if len(members) > MAX_MEMBERS:
                raise BadInput(f"{zip_path.name} holds {len(members)} files; a package holds a few.")
            if sum(m.file_size for m in members) > MAX_UNPACKED:
                raise BadInput(f"{zip_path.name} unpacks to more than {MAX_UNPACKED} bytes; it is not a package.")
            tops = set()
            for m in members:
                rel = PurePosixPath(m.filename)
                if rel.is_absolute() or ".." in rel.parts or "\\" in m.filename or not rel.parts:
                    raise BadInput(f"{zip_path.name} holds an unsafe path {m.filename!r}; it is not a package.")
                if stat.S_ISLNK(m.external_attr >> 16):
                    raise BadInput(f"{zip_path.name} holds a link {m.filename!r}; it is not a package.")
                tops.add(rel.parts[0])
            if len(tops) != 1:
                raise BadInput(f"{zip_path.name} does not hold one bag folder; it is not a station package.")
            for m in members:
                if m.is_dir():
                    continue
                target = into.joinpath(*PurePosixPath(m.filename).parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(m) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
    except zipfile.BadZipFile as exc:
        raise BadInput(f"{zip_path.name} is not a readable zip ({exc}); it is not a station package.") from exc
    return into / tops.pop()


def read_info(root: Path) -> dict[str, str]:
    info: dict[str, str] = {}
    try:
        text = (root / "bag-info.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return info
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            info[key.strip()] = value.strip()
    return info


def check_bag(root: Path) -> list[BagCheck]:
    """Completeness, checksums and Payload-Oxum by the `bagit` package; our layout and bag-info fields."""
    import logging

    import bagit

    logging.getLogger("bagit").addHandler(logging.NullHandler())
    logging.getLogger("bagit").propagate = False
    checks: list[BagCheck] = []
    try:
        bag = bagit.Bag(str(root))
        bag.validate(processes=1)
        checks.append(BagCheck("bag", True, "complete, every checksum matches (Library of Congress bagit "
                                            f"{getattr(bagit, '__version__', '')})".replace(" )", ")")))
    except bagit.BagValidationError as exc:
        details = "; ".join(str(d) for d in (exc.details or [])[:5])
        checks.append(BagCheck("bag", False, f"{exc.message}{': ' + details if details else ''}"))
    except bagit.BagError as exc:
        checks.append(BagCheck("bag", False, f"not a valid bag: {exc}"))
    except (ValueError, UnicodeError, OSError) as exc:  # bagit lets a malformed tag file's error through
        checks.append(BagCheck("bag", False, f"not a valid bag: a tag file is malformed ({exc})"))
    missing = [p for p in (*PAYLOAD, "tagmanifest-sha256.txt", SIGNATURE_PATH) if not (root / p).is_file()]
    info = read_info(root)
    absent = [k for k in REQUIRED_INFO if not info.get(k)]
    problems = ([f"missing {', '.join(missing)}"] if missing else []) + (
        [f"bag-info.txt lacks {', '.join(absent)}"] if absent else [])
    checks.append(BagCheck("bag_layout", not problems, "; ".join(problems) or
                           f"layout as package.md; package {info.get('Package-Id')}"))
    return checks
