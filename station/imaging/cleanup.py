"""Page cleanup: straighten, turn upright, crop the scanner's dark border, and describe the page.

Runs in a pipeline worker, one page at a time, on one core. Every measurement is taken on a
reduced working copy (~150 dpi); the full-resolution page is resampled exactly once, by a single
turn (skew + orientation) that produces only the kept area.

Order: skew first, measured on rows and on columns so a page that came in sideways is measured
as well as an upright one; then orientation by OSD on a straightened, binarised copy (OSD is
surer on straight lines and at 200 dpi than at the scanner's resolution or at 100 dpi); then the
dark border is found on the straightened, upright working copy; then blankness and quality flags
on the kept area.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from station.domain import QUALITY_FLAGS
from station.errors import BadInput
from station.imaging import analysis, margins, skew
from station.imaging import orientation as orientation_mod
from station.imaging.border import find_border
from station.imaging.geometry import (
    Rect,
    Rotation,
    rect_between,
    rect_to_source,
    rotation,
    warp,
    warp_bilevel,
)
from station.imaging.orientation import OrientationDetector

WORK_DPI = 150.0
WORK_MIN_LONG_SIDE = 1600  # small pages keep enough pixels for a precise skew
WORK_MAX_PIXELS = 6_000_000
MIN_ROTATION_DEG = 0.05  # below this a turn only blurs the page
# A black-and-white page is turned by shears (geometry.warp_bilevel): every ~1/tan(angle) pixels
# a row or column of glyphs steps by one pixel. Under 0.2° (one pixel in 290, a drift Tesseract
# absorbs in its own line finding) those steps cost OCR more than the skew: UNLV 8087, measured
# at 0.136°, read 7.80 % CER turned against 7.77 % as it came. Its skew is still reported.
MIN_BILEVEL_ROTATION_DEG = 0.2
LOW_DPI = 200.0
RESIDUAL_SKEW_DEG = 0.3
MIN_SIDE_PX = 16


@dataclass
class CleanupResult:
    image: np.ndarray
    skew_deg: float  # as it came in, positive when the content is turned counter-clockwise on screen
    orientation_deg: int  # how far the content came in turned clockwise from upright
    orientation_confidence: float  # OSD's confidence in orientation_deg; 0.0 when OSD was unsure or not run
    blank: bool
    ink_ratio: float
    crop: tuple[int, int, int, int]  # kept area in pixels of the incoming image
    flags: list[str] = field(default_factory=list)
    colour_mode: str = "gray"
    holes_filled: int = 0  # punch holes painted with the paper around them (the flag stays)
    specks_filled: int = 0  # isolated dust near the edges painted likewise

    def to_dict(self) -> dict[str, Any]:
        return {
            "skew_deg": self.skew_deg,
            "orientation_deg": self.orientation_deg,
            "orientation_confidence": self.orientation_confidence,
            "blank": self.blank,
            "ink_ratio": self.ink_ratio,
            "crop": list(self.crop),
            "flags": list(self.flags),
            "colour_mode": self.colour_mode,
        }


def _as_page(image: object) -> np.ndarray:
    if not isinstance(image, np.ndarray):
        raise BadInput("The page is not an image.")
    if image.dtype != np.uint8:
        raise BadInput(f"The page has {image.dtype} samples; cleanup takes 8-bit images.")
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[:, :, 0]
    if not (image.ndim == 2 or (image.ndim == 3 and image.shape[2] == 3)):
        raise BadInput(f"The page has shape {image.shape}; cleanup takes grey or BGR images.")
    if min(image.shape[:2]) < MIN_SIDE_PX:
        raise BadInput(f"The page is only {image.shape[1]}×{image.shape[0]} pixels.")
    return np.ascontiguousarray(image)


def _resize(image: np.ndarray, scale: float) -> np.ndarray:
    if scale == 1.0:
        return image
    h, w = image.shape[:2]
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    interp = cv2.INTER_AREA if scale < 1.0 else cv2.INTER_CUBIC
    return cv2.resize(image, size, interpolation=interp)


def _grey(image: np.ndarray) -> np.ndarray:
    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def _work_scale(w: int, h: int, dpi: float) -> float:
    scale = min(1.0, max(WORK_DPI / dpi, WORK_MIN_LONG_SIDE / max(w, h)))
    return min(scale, math.sqrt(WORK_MAX_PIXELS / (w * h)))


def _osd(detect: OrientationDetector, ink: np.ndarray, work_dpi: float, correction: float) -> tuple[int, float]:
    """Run OSD on a straightened black-on-white copy of the working copy's text-like ink, enlarged
    to OSD_DPI.

    The mask is the one the skew was measured on, so no second pass over the full-size page is
    needed (a resize of the page to 200 dpi and another connected-components pass cost more than
    the rest of the analysis). Enlarging the 150-dpi mask smoothly and thresholding it again gives
    OSD glyphs of the size it reads best.
    """
    sh, sw = ink.shape
    scale = min(orientation_mod.OSD_DPI / work_dpi, math.sqrt(orientation_mod.OSD_MAX_PIXELS / (sw * sh)))
    binary = np.full(ink.shape, 255, np.uint8)
    binary[ink] = 0
    if correction:
        binary = warp(binary, rotation(sw, sh, correction), fill=255.0)
    if abs(scale - 1.0) > 0.02:
        binary = cv2.threshold(_resize(binary, scale), 127, 255, cv2.THRESH_BINARY)[1]
    osd_dpi = work_dpi * binary.shape[1] / sw
    turned, confidence = detect(binary, osd_dpi)
    return int(turned), float(confidence)

def _fill_value(image: np.ndarray, paper: analysis.Paper, bilevel: bool) -> float | tuple[float, ...]:
    if bilevel:
        return 255.0 if paper.grey >= 128 else 0.0
    if image.ndim == 3 and paper.bgr is not None:
        return tuple(float(v) for v in paper.bgr)
    return float(paper.grey)


def _paint(image: np.ndarray, mask_small: np.ndarray, value: float | tuple[float, ...]) -> None:
    """Paint a working-copy mask (already cut to the kept area) onto the full-resolution page.

    The mask is enlarged to full size in one nearest-neighbour resize: the analysis of the
    working copy is freed by then, so the page in, the page out and this mask (one byte per
    pixel) stay within the four full-size copies allowed.
    """
    h, w = image.shape[:2]
    full = cv2.resize(np.ascontiguousarray(mask_small).view(np.uint8), (w, h), interpolation=cv2.INTER_NEAREST)
    where = full.view(bool) if image.ndim == 2 else full.view(bool)[:, :, None]
    np.copyto(image, np.array(value, dtype=np.float64).round().astype(np.uint8), where=where)


def _crop(a: np.ndarray, rect: Rect) -> np.ndarray:
    x, y, w, h = rect
    return a[y : y + h, x : x + w]


def clean_page(image: np.ndarray, dpi: float, orientation: OrientationDetector | None = None) -> CleanupResult:
    """Clean one page. `orientation` is Tesseract OSD (imaging does not import the OCR layer).

    Every measure is taken, and every working array freed, before the one full-size turn: the
    page in, the page out and the analysis of the working copy are never in memory all at once.
    """
    page = _as_page(image)
    if not (isinstance(dpi, int | float) and math.isfinite(dpi) and dpi > 0):
        raise BadInput(f"The page's resolution ({dpi!r} dpi) is not usable.")
    dpi = float(dpi)
    h, w = page.shape[:2]
    bilevel = analysis.is_bilevel(page)

    small = _resize(page, _work_scale(w, h, dpi))
    small_bgr = small if small.ndim == 3 else None
    small_grey = _grey(small)
    del small
    sh, sw = small_grey.shape
    work_dpi = dpi * sw / w
    px_mm = work_dpi / 25.4
    paper = analysis.paper_tone(small_grey, small_bgr)
    fill = _fill_value(page, paper, bilevel)

    text = skew.text_ink(small_grey, work_dpi)
    points = skew.text_points(small_grey, work_dpi, ink=text)
    found = skew.skew_of_points(points)
    correction = found.correction_ccw_deg if found.reliable else 0.0
    least = MIN_BILEVEL_ROTATION_DEG if bilevel else MIN_ROTATION_DEG
    applied = correction if abs(correction) >= least else 0.0

    orient_deg, orient_conf = 0, 0.0
    if orientation is not None and found.points >= skew.MIN_POINTS:
        osd = _osd(orientation, text, work_dpi, applied)
        orient_deg, orient_conf = orientation_mod.decide(osd, found, points, applied, work_dpi)
    del text
    residual = skew.residual_skew(points, applied, found.vertical) if found.reliable else 0.0
    del points

    # One turn for the whole page: straighten, then undo the clockwise orientation.
    turn = applied + orient_deg
    rot_small = rotation(sw, sh, turn)
    work = warp(small_grey, rot_small, fill=paper.grey)
    del small_grey
    valid = warp(np.full((sh, sw), 255, np.uint8), rot_small, fill=0, interpolation=cv2.INTER_NEAREST) > 0

    border = find_border(work, valid, paper.grey, px_mm)
    crop, dark_border = border.crop, border.found
    border_fill = None if border.fill is None else _crop(border.fill, crop).copy()

    # Measures on the kept area of the working copy (painted in place: `work` is not used again),
    # border remnants painted like the page.
    kept = _crop(work, crop)
    kept_valid = _crop(valid, crop)
    ignore = border.near_border
    if border_fill is not None:
        kept[border_fill] = int(round(paper.grey))
        ignore |= border.fill
    holes, hole_mask, hole_boxes = analysis.punch_holes(kept, kept_valid, paper.grey, px_mm)
    _crop(ignore, crop)[...] |= hole_mask
    del hole_mask
    marks = _crop(border.content, crop)
    marks &= ~_crop(ignore, crop)  # in place: the content mask is not used again
    # The sheet is the valid area inside the crop: `valid` itself, cleared outside it.
    x0, y0, cw, ch = crop
    valid[:y0] = False
    valid[y0 + ch :] = False
    valid[:, :x0] = False
    valid[:, x0 + cw :] = False
    blank = analysis.blankness(border.ink.stats, border.ink.centroids, valid, px_mm, ignore=ignore).blank
    del ignore, border
    ink_ratio = float(np.count_nonzero(marks)) / max(1, int(np.count_nonzero(kept_valid)))

    flags: list[str] = []
    if dark_border:
        flags.append("dark_border")
    if holes:
        flags.append("punch_holes")
    if dpi < LOW_DPI:
        flags.append("low_dpi")
    if not blank:
        if analysis.contrast(kept, marks, paper.grey) < analysis.LOW_CONTRAST:
            flags.append("low_contrast")
        width = analysis.edge_width_mm(kept, marks, paper.grey, px_mm)
        if width is not None and width > max(analysis.BLUR_EDGE_MM, analysis.BLUR_EDGE_PX / px_mm):
            flags.append("blur")
        if residual > RESIDUAL_SKEW_DEG:
            flags.append("residual_skew")
    flags = [f for f in QUALITY_FLAGS if f in flags]

    colour_mode = _colour_mode(small_bgr, rot_small, crop, kept_valid, paper, px_mm, bilevel)
    del small_bgr, work, valid, kept, kept_valid, marks

    rot_full = rotation(w, h, turn)
    out_rect = rect_between(crop, rot_small, rot_full)
    if bilevel and isinstance(fill, float):  # a bilevel page's fill is black or white
        out = warp_bilevel(page, rot_full, fill=fill, region=out_rect)
    else:
        out = warp(page, rot_full, fill=fill, region=out_rect)
    if border_fill is not None:
        _paint(out, border_fill, fill)
        del border_fill
    # Holes and specks near the edges, on the full-size page but only in windows and edge strips.
    oh, ow = out.shape[:2]
    kx, ky = ow / max(1, crop[2]), oh / max(1, crop[3])
    boxes = [(math.floor(x * kx), math.floor(y * ky), math.ceil(bw * kx), math.ceil(bh * ky)) for x, y, bw, bh in hole_boxes]
    filled = margins.fill_margins(out, boxes, dpi, 255.0 if bilevel and paper.grey >= 128 else paper.grey)
    return CleanupResult(
        image=out,
        skew_deg=round(-correction, 3) + 0.0,
        orientation_deg=orient_deg,
        orientation_confidence=orient_conf,
        blank=blank,
        ink_ratio=round(ink_ratio, 5),
        crop=rect_to_source(rot_full, out_rect),
        flags=flags,
        colour_mode=colour_mode,
        holes_filled=filled.holes,
        specks_filled=filled.specks,
    )


def _colour_mode(
    small_bgr: np.ndarray | None,
    rot_small: Rotation,
    crop: Rect,
    kept_valid: np.ndarray,
    paper: analysis.Paper,
    px_mm: float,
    bilevel: bool,
) -> str:
    """What the page is, not how it was scanned: colour only where there are coloured marks.

    The marks are found on the reduced copy as it came in and only their mask is turned onto the
    kept area: turning the three colour planes cost more than the whole measure.
    """
    if bilevel:
        return "bilevel"
    if small_bgr is None or paper.bgr is None:
        return "gray"
    marks = analysis.coloured_marks(small_bgr, paper.bgr)
    kept = warp(marks, rot_small, fill=0, region=crop, interpolation=cv2.INTER_NEAREST)
    kept &= kept_valid
    area = float(cv2.countNonZero(kept)) / (px_mm * px_mm)
    return "color" if area >= analysis.COLOUR_MIN_MM2 else "gray"
