"""Shared pieces of intake: the page record, the limits, and turning a decoded picture into a stored page.

Every source (a raster file, a PDF's embedded scan, a rendered PDF page) ends in the same place:
a Pillow image that has to become one of three shapes the rest of the station understands
(bilevel, grey, colour — 8 bits, no alpha, square pixels, upright) and a durable blob.
Keeping that in one module means a CMYK JPEG inside a PDF is treated exactly like a CMYK JPEG file.
"""

from __future__ import annotations

import io
import math
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageCms

from station.errors import BadInput
from station.files import BlobStore

# Resolutions outside this band are placeholders or damage, not a real scan (fax is ~100,
# film scanners reach 4800).
MIN_SANE_DPI = 50.0
MAX_SANE_DPI = 4800.0
# No sheet the station archives is larger than A0 (46.8 in): a resolution that makes the
# page bigger than this is a software default (72/96), not the scanner's.
MAX_SANE_INCHES = 48.0
# When nothing in the file says how big the page was, assume the long side of A4.
ASSUMED_LONG_SIDE_INCHES = 11.69
STANDARD_DPIS = (75, 100, 150, 200, 240, 300, 400, 600, 1200)

# PNG zlib effort. On noisy 300 dpi colour scans level 6 took 0.36-1.07 s a page against
# 0.20-0.34 s at level 1 for 5-30 % less space (bench/pipeline.py: import was 0.63 s a page, 0.48 s
# of it in PNG encoding). The operator waits on import; the disk does not.
PNG_COMPRESS_LEVEL = 1


@dataclass
class Limits:
    """Bounds on what one imported file may cost; exceeding one refuses the file."""

    max_pixels: int = 150_000_000
    max_pages: int = 2000
    seconds: float = 300
    render_dpi: int = 300
    memory_bytes: int = 6 * 2**30


@dataclass
class DecodedPage:
    """One page image that is already durable in the BlobStore."""

    blob: str
    width: int
    height: int
    dpi: float
    dpi_source: str  # "file" | "pdf" | "estimated"
    mode: str  # "bilevel" | "gray" | "color"
    source_name: str
    source_page: int


class StorageFailure(Exception):
    """Writing a blob failed: a problem of this station (disk, permissions), never of the input.

    Kept apart so the decoder's catch-all for damaged files does not turn a full disk into
    "your file is broken".
    """

    def __init__(self, original: BaseException) -> None:
        super().__init__(str(original))
        self.original = original


# ---------------------------------------------------------------------------------------------
# limits and wording


def format_pixels(pixels: float) -> str:
    if pixels >= 1e9:
        return f"{pixels / 1e9:.1f} gigapixels"
    if pixels >= 10e6:
        return f"{pixels / 1e6:.0f} megapixels"
    return f"{pixels / 1e6:.1f} megapixels"


def check_pixels(subject: str, width: float, height: float, limits: Limits, *, what: str = "is") -> None:
    """Refuse before any pixel is decoded: the size comes from a header, never from decoding."""
    pixels = float(width) * float(height)
    if pixels > limits.max_pixels:
        raise BadInput(
            f"{subject} {what} {format_pixels(pixels)}, over the limit of "
            f"{format_pixels(limits.max_pixels)}; scan it at a lower resolution"
        )


def check_deadline(name: str, deadline: float, limits: Limits) -> None:
    """Between pages: the isolated runner kills a stuck decoder, this stops a merely slow one."""
    if time.monotonic() > deadline:
        raise BadInput(
            f"{name}: reading it took longer than {limits.seconds:g} s and was stopped; it is probably damaged "
            "or too complex — save or export a fresh copy (or split it) and import that"
        )


@contextmanager
def pillow_size_check_off() -> Iterator[None]:
    """Let our own pixel limit (with our sentence) govern instead of Pillow's global one.

    Pillow's check lives in a module global and raises its own English error at twice its
    default; the lock keeps two threads decoding in one process from restoring it wrongly.
    """
    with _PIL_LIMIT_LOCK:
        saved = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                yield
        finally:
            Image.MAX_IMAGE_PIXELS = saved


_PIL_LIMIT_LOCK = threading.Lock()


# ---------------------------------------------------------------------------------------------
# resolution


def sane_dpi(value: object) -> float | None:
    try:
        dpi = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not math.isfinite(dpi) or not MIN_SANE_DPI <= dpi <= MAX_SANE_DPI:
        return None
    return dpi


def tidy_dpi(dpi: float) -> float:
    """300.0004 (from pixels-per-metre or a PDF matrix) is 300; 72.8 stays 72.8."""
    nearest = round(dpi)
    if abs(dpi - nearest) < 0.05 * max(1.0, dpi / 100):
        return float(nearest)
    return round(dpi, 2)


def plausible_size(width: float, height: float, dpi_x: float, dpi_y: float) -> bool:
    return max(width / dpi_x, height / dpi_y) <= MAX_SANE_INCHES


def estimate_dpi(width: int, height: int) -> float:
    """Guess the scanner's resolution from the pixel count, assuming an A4 sheet.

    Snapped to the nearest resolution scanners offer: a letter page at 300 dpi (3300 px)
    comes out as 300, not 282.
    """
    raw = max(width, height) / ASSUMED_LONG_SIDE_INCHES
    best = min(STANDARD_DPIS, key=lambda s: abs(math.log(raw / s)) if raw > 0 else s)
    return float(best)


# ---------------------------------------------------------------------------------------------
# pixel normalisation

_ORIENTATION_OPS = {
    2: (Image.Transpose.FLIP_LEFT_RIGHT,),
    3: (Image.Transpose.ROTATE_180,),
    4: (Image.Transpose.FLIP_TOP_BOTTOM,),
    5: (Image.Transpose.TRANSPOSE,),
    6: (Image.Transpose.ROTATE_270,),
    7: (Image.Transpose.TRANSVERSE,),
    8: (Image.Transpose.ROTATE_90,),
}


def apply_orientation(img: Image.Image, orientation: int) -> Image.Image:
    """The same table as PIL.ImageOps.exif_transpose, applied to a tag we read ourselves.

    exif_transpose reads the first IFD only; a multi-page TIFF carries the tag per page.
    """
    for op in _ORIENTATION_OPS.get(orientation, ()):
        img = img.transpose(op)
    return img


def swaps_axes(orientation: int) -> bool:
    return orientation in (5, 6, 7, 8)


def is_grey_rgb(img: Image.Image) -> bool:
    r, g, b = img.split()
    return ImageChops.difference(r, g).getbbox() is None and ImageChops.difference(g, b).getbbox() is None


def _sixteen_to_eight(img: Image.Image, bits: int | None) -> Image.Image:
    """Scale deep grey to 8 bits by the real sample depth.

    12-bit scanners store in 16-bit containers; scaling by 65535 would give a black page.
    Document scans always reach paper white, so a maximum under 4096 means 12-bit data.
    """
    if img.mode == "F":
        lo, hi = img.getextrema()
        scale = 255.0 if hi <= 1.0 else 1.0
        return img.point(lambda v: v * scale + 0.5).convert("L")
    deep = img if img.mode == "I" else img.convert("I")
    _, hi = deep.getextrema()
    if bits is None or not 8 < bits <= 16:
        if img.mode == "I" and hi <= 255:
            return deep.convert("L")
        bits = 16
    if bits == 16 and hi < 4096:
        bits = 12
    scale = 255.0 / (2**bits - 1)
    return deep.point(lambda v: v * scale + 0.5).convert("L")


def _on_white(img: Image.Image) -> Image.Image:
    """Transparent areas are paper: composite on white, as a viewer on a white page shows them."""
    if img.mode in ("RGBa", "PA"):
        img = img.convert("RGBA")
    elif img.mode == "La":
        img = img.convert("LA")
    base_mode = "L" if img.mode == "LA" else "RGB"
    alpha = img.getchannel("A")
    flat = img.convert(base_mode)
    background = Image.new(base_mode, img.size, 255 if base_mode == "L" else (255, 255, 255))
    background.paste(flat, mask=alpha)
    return background


def _icc_space(icc: bytes) -> str | None:
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile.xcolor_space.strip()
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None


def _cmyk_to_rgb(img: Image.Image) -> Image.Image:
    icc = img.info.get("icc_profile")
    if icc and _icc_space(icc) == "CMYK":
        try:
            converted = ImageCms.profileToProfile(
                img,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                outputMode="RGB",
            )
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    return img.convert("RGB")


def _palette_kind(img: Image.Image) -> str:
    """'bilevel' for a pure black-and-white palette, 'gray' for grey entries, else 'color'."""
    rgb = img.convert("RGB")
    colors = rgb.getcolors(maxcolors=256)
    if colors is None:
        return "color"
    used = {c for _, c in colors}
    if all(r == g == b for r, g, b in used):
        return "bilevel" if used <= {(0, 0, 0), (255, 255, 255)} else "gray"
    return "color"


def normalise(img: Image.Image, *, bits: int | None = None) -> tuple[Image.Image, str]:
    """Bring any Pillow mode to '1', 'L' or 'RGB' and name it bilevel/gray/color.

    `img` must already be loaded. Grey data stored as RGB (pdftoppm output, many phone
    apps) becomes 'L' because it is grey: the station then OCRs and stores it as such.
    """
    icc = img.info.get("icc_profile")
    mode = img.mode
    if mode == "1":
        return img, "bilevel"
    if mode.startswith("I") or mode == "F":
        return _sixteen_to_eight(img, bits), "gray"
    if mode == "P" or mode == "PA":
        if mode == "PA" or "transparency" in img.info:
            img = _on_white(img.convert("RGBA"))
        else:
            kind = _palette_kind(img)
            if kind == "bilevel":
                return img.convert("L").point(lambda v: 255 if v >= 128 else 0).convert("1"), "bilevel"
            img = img.convert("L" if kind == "gray" else "RGB")
    elif mode in ("LA", "La", "RGBA", "RGBa"):
        img = _on_white(img)
    elif mode == "L" and "transparency" in img.info:
        img = _on_white(img.convert("LA"))
    elif mode == "RGB" and "transparency" in img.info:
        img = _on_white(img.convert("RGBA"))
    elif mode == "CMYK":
        img = _cmyk_to_rgb(img)
        icc = None
    elif mode != "L" and mode != "RGB":
        img = img.convert("RGB")
        icc = None
    if img.mode == "RGB" and is_grey_rgb(img):
        img = img.getchannel(0)
        icc = None
    if icc and _icc_space(icc) == ("RGB" if img.mode == "RGB" else "GRAY"):
        img.info["icc_profile"] = icc
    else:
        img.info.pop("icc_profile", None)
    return img, "gray" if img.mode == "L" else "color"


def square_pixels(img: Image.Image, dpi_x: float, dpi_y: float) -> tuple[Image.Image, float]:
    """Resample the coarser axis up to the finer one (fax 204x98, aspect-ratio PDFs).

    Everything after intake (deskew, OCR, PDF page size) assumes one resolution per page;
    leaving 200x100 dpi pixels as they are would show the page squashed to half its height.
    """
    if abs(dpi_x - dpi_y) <= 0.01 * max(dpi_x, dpi_y):
        return img, max(dpi_x, dpi_y)
    dpi = max(dpi_x, dpi_y)
    size = (round(img.width * dpi / dpi_x), round(img.height * dpi / dpi_y))
    resample = Image.Resampling.NEAREST if img.mode == "1" else Image.Resampling.LANCZOS
    return img.resize(size, resample), dpi


# ---------------------------------------------------------------------------------------------
# storage


def store_bytes(blobs: BlobStore, data: bytes, suffix: str) -> str:
    try:
        return blobs.put(data, suffix)
    except OSError as exc:
        raise StorageFailure(exc) from exc


def store_png(blobs: BlobStore, img: Image.Image, dpi: float) -> str:
    """Lossless, with the resolution inside so tools reading the blob alone (Tesseract) agree."""
    out = io.BytesIO()
    options: dict[str, object] = {"dpi": (dpi, dpi), "compress_level": PNG_COMPRESS_LEVEL}
    icc = img.info.get("icc_profile")
    if icc:
        options["icc_profile"] = icc
    img.save(out, format="PNG", **options)
    return store_bytes(blobs, out.getvalue(), ".png")
