"""Turn one imported file into durable page images.

The file is untrusted: its kind is read from its first bytes (a `.pdf` that is really a
GIF is refused as a GIF), its size is checked from headers before any pixel is decoded, and
every failure of a decoding library becomes a BadInput sentence that names the file, so the
operator learns which file to fix and how. Run it through `decode_file_isolated` wherever a
crash or a hang must not take the caller down.
"""

from __future__ import annotations

import re
import tempfile
import time
import traceback
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from station.errors import BadInput
from station.files import BlobStore
from station.intake import pdfpages
from station.intake.images import (
    DecodedPage,
    Limits,
    StorageFailure,
    apply_orientation,
    check_deadline,
    check_pixels,
    estimate_dpi,
    normalise,
    pillow_size_check_off,
    plausible_size,
    sane_dpi,
    square_pixels,
    store_bytes,
    store_png,
    swaps_axes,
    tidy_dpi,
)

__all__ = ["DecodedPage", "Limits", "decode_file", "sniff_format"]

SUPPORTED = "a PNG, JPEG, TIFF or PDF file"

_TIFF_MAGICS = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")
# Acrobat accepts a PDF header anywhere in the first KiB; so do poppler and qpdf.
_PDF_HEADER_WINDOW = 1024
# Damaged PDFs that lost their header but still start with objects; qpdf and poppler
# reconstruct them, so refusing them by their first bytes would be stricter than any viewer.
_HEADERLESS_PDF = re.compile(rb"(?:^|\s)\d{1,10}\s+\d{1,5}\s+obj\b")
_SNIFF_BYTES = 4096
# Recognised only to say what a refused file is.
_OTHER_MAGICS = (
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"BM", "a BMP image"),
    (b"RIFF", "a RIFF (WebP/AVI) file"),
    (b"PK\x03\x04", "a ZIP archive (perhaps a Word or OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"P1", "a PNM image"),
    (b"P4", "a PNM image"),
    (b"P5", "a PNM image"),
    (b"P6", "a PNM image"),
)


def sniff_format(head: bytes) -> str | None:
    """'png' | 'jpeg' | 'tiff' | 'pdf' from the first few KiB, or None."""
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] in _TIFF_MAGICS:
        return "tiff"
    if b"%PDF-" in head[:_PDF_HEADER_WINDOW]:
        return "pdf"
    if _HEADERLESS_PDF.search(head) and not any(head.startswith(magic) for magic, _ in _OTHER_MAGICS):
        return "pdf"
    return None


def decode_file(path: Path, blobs: BlobStore, limits: Limits) -> list[DecodedPage]:
    """Decode every page of `path` into `blobs`; all pages are durable when this returns.

    Raises BadInput (naming the file and the reason) for anything wrong with the file;
    errors of the station itself (the blob store cannot be written) propagate unchanged, and so
    does MemoryError (decode_file_isolated turns it into BadInput, knowing the limit it set).
    """
    path = Path(path)
    name = path.name
    deadline = time.monotonic() + limits.seconds
    try:
        with open(path, "rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError as exc:
        raise BadInput(
            f"{name} cannot be read ({exc.strerror or exc}); check the file and import it again"
        ) from exc
    if not head:
        raise BadInput(f"{name} is empty; export or scan it again")
    kind = sniff_format(head)
    if kind is None:
        what = next((label for magic, label in _OTHER_MAGICS if head.startswith(magic)), None)
        prefix = f"{name} is {what}, not {SUPPORTED}" if what else f"{name} is not {SUPPORTED}"
        raise BadInput(f"{prefix}; convert it to PDF, TIFF or PNG and import it again")
    try:
        with tempfile.TemporaryDirectory(prefix="station-decode-") as workdir:
            if kind == "pdf":
                return pdfpages.decode_pdf(path, name, blobs, limits, deadline, Path(workdir))
            return _decode_raster(path, kind, name, blobs, limits, deadline)
    except BadInput:
        raise
    except StorageFailure as exc:
        raise exc.original from None
    except (MemoryError, KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # a decoding library choking on a damaged file
        raise BadInput(
            f"{name} could not be read ({type(exc).__name__}: {_short(exc, path)}); it is probably damaged — "
            "open it in a viewer, save or export a fresh copy, and import that",
            detail=traceback.format_exc(),
        ) from exc


def _short(exc: BaseException, path: Path, limit: int = 160) -> str:
    text = str(exc).replace(f" '{path}'", "").replace(str(path), path.name)
    text = " ".join(text.split()) or "no details"
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------
# raster files

_PIL_FORMATS = {"png": ["PNG"], "jpeg": ["JPEG"], "tiff": ["TIFF"]}
_KIND_LABEL = {"png": "PNG", "jpeg": "JPEG", "tiff": "TIFF"}


def _decode_raster(
    path: Path, kind: str, name: str, blobs: BlobStore, limits: Limits, deadline: float
) -> list[DecodedPage]:
    try:
        with pillow_size_check_off():
            img = Image.open(path, formats=_PIL_FORMATS[kind])
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise BadInput(
            f"{name} looks like a {_KIND_LABEL[kind]} file but cannot be read ({_short(exc, path)}); it is probably "
            "damaged — export or scan it again"
        ) from exc
    with img:
        count = _frame_count(img, kind)
        if count > limits.max_pages:
            raise BadInput(
                f"{name} has {count} pages, over the limit of {limits.max_pages}; split it into smaller files "
                "and import them one by one"
            )
        original = path.read_bytes() if kind == "jpeg" else b""
        pages: list[DecodedPage] = []
        for index in range(count):
            if index:
                img.seek(index)
            check_deadline(name, deadline, limits)
            subject = name if count == 1 else f"{name} page {index + 1}"
            pages.append(_raster_page(img, kind, subject, name, index, count, original, blobs, limits))
        return pages


def _frame_count(img: Image.Image, kind: str) -> int:
    if kind != "tiff":
        return 1  # an MPO's second picture or an APNG's animation is not a page
    return int(getattr(img, "n_frames", 1))


def _raster_page(
    img: Image.Image,
    kind: str,
    subject: str,
    name: str,
    index: int,
    count: int,
    original: bytes,
    blobs: BlobStore,
    limits: Limits,
) -> DecodedPage:
    width, height = img.size
    check_pixels(subject, width, height, limits)
    # A TIFF's orientation must be read before loading: Pillow (since 11) turns TIFF pages
    # upright while loading and drops the tag. For PNG, reading EXIF loads the pixels and
    # swallows a decoding error, leaving a half-decoded image behind: load first.
    orientation = _tiff_orientation(img) if kind == "tiff" else 1
    source_mode = img.mode
    img.load()
    if kind == "tiff":
        still_to_apply = _tiff_orientation(img)
    else:
        orientation = still_to_apply = _exif_orientation(img)
    file_dpi = _file_dpi(img, kind)
    if file_dpi is not None and swaps_axes(orientation):
        file_dpi = (file_dpi[1], file_dpi[0])
    width, height = img.size if not swaps_axes(still_to_apply) else (img.height, img.width)
    if file_dpi is not None and plausible_size(width, height, *file_dpi):
        dpi_x, dpi_y = file_dpi
        dpi_source = "file"
    else:
        dpi_x = dpi_y = estimate_dpi(width, height)
        dpi_source = "estimated"
    finest = max(dpi_x, dpi_y)
    check_pixels(subject, width * finest / dpi_x, height * finest / dpi_y, limits)

    picture, mode = normalise(img, bits=_bits_per_sample(img, kind))
    picture = apply_orientation(picture, still_to_apply)
    picture, dpi = square_pixels(picture, dpi_x, dpi_y)
    dpi = tidy_dpi(dpi)

    keep_jpeg = (
        kind == "jpeg"
        and img.format == "JPEG"
        and mode == "color"
        and source_mode == "RGB"
        and orientation not in _ORIENTATIONS_THAT_MOVE
        and picture.size == img.size
    )
    blob = store_bytes(blobs, original, ".jpg") if keep_jpeg else store_png(blobs, picture, dpi)
    return DecodedPage(
        blob=blob,
        width=picture.width,
        height=picture.height,
        dpi=dpi,
        dpi_source=dpi_source,
        mode=mode,
        source_name=name if count == 1 else f"{name}#p{index + 1}",
        source_page=index + 1,
    )


_ORIENTATIONS_THAT_MOVE = frozenset(range(2, 9))


def _tiff_orientation(img: Image.Image) -> int:
    return _valid_orientation(img.tag_v2.get(274, 1))  # type: ignore[attr-defined]


def _exif_orientation(img: Image.Image) -> int:
    try:
        return _valid_orientation(img.getexif().get(274, 1))
    except (OSError, SyntaxError, ValueError, TypeError):
        return 1


def _valid_orientation(value: object) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 1
    return number if 1 <= number <= 8 else 1


def _bits_per_sample(img: Image.Image, kind: str) -> int | None:
    if kind != "tiff":
        return None
    value = img.tag_v2.get(258)  # type: ignore[attr-defined]
    if isinstance(value, tuple):
        value = value[0] if value else None
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _pair(x: object, y: object, factor: float = 1.0) -> tuple[float, float] | None:
    """Both axes if both are sane, the sane one for both if only one is, else None."""

    def scaled(v: object) -> float | None:
        try:
            return sane_dpi(float(v) * factor)  # type: ignore[arg-type]
        except (TypeError, ValueError, ZeroDivisionError):
            return None

    sx, sy = scaled(x), scaled(y)
    if sx is None and sy is None:
        return None
    return (sx or sy, sy or sx)  # type: ignore[return-value]


def _file_dpi(img: Image.Image, kind: str) -> tuple[float, float] | None:
    """The resolution the file itself states, ignoring Pillow's invented 72-dpi fallbacks."""
    if kind == "tiff":
        tags = img.tag_v2  # type: ignore[attr-defined]
        unit = tags.get(296, 2)
        if unit not in (2, 3):
            return None
        return _pair(tags.get(282), tags.get(283), 2.54 if unit == 3 else 1.0)
    if kind == "png":
        dpi = img.info.get("dpi")  # Pillow sets it only for a pHYs chunk in pixels per metre
        return _pair(dpi[0], dpi[1]) if isinstance(dpi, tuple) and len(dpi) == 2 else None
    return _jpeg_dpi(img)


def _jpeg_dpi(img: Image.Image) -> tuple[float, float] | None:
    unit = img.info.get("jfif_unit")
    density = img.info.get("jfif_density")
    if unit in (1, 2) and isinstance(density, tuple) and len(density) == 2:
        found = _pair(density[0], density[1], 2.54 if unit == 2 else 1.0)
        if found:
            return found
    try:
        exif = img.getexif()
    except (OSError, SyntaxError, ValueError, TypeError):
        exif = None
    if exif:
        unit = exif.get(296, 2)
        if unit in (2, 3):
            found = _pair(exif.get(282), exif.get(283), 2.54 if unit == 3 else 1.0)
            if found:
                return found
    # Photoshop's ResolutionInfo (image resource 0x03ED) holds pixels per inch whatever
    # unit it displays in; Photoshop-saved scans often state their resolution only there.
    resolution = (
        img.info.get("photoshop", {}).get(0x03ED) if isinstance(img.info.get("photoshop"), dict) else None
    )
    if isinstance(resolution, dict):
        return _pair(resolution.get("XResolution"), resolution.get("YResolution"))
    return None
