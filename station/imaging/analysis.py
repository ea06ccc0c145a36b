"""Measures of a page taken on its reduced working copy: paper tone, ink, blankness, colour,
contrast, sharpness and punch holes.

All sizes are physical (millimetres, through the working copy's dpi), so the same thresholds
hold for a 150-dpi office scan and a 600-dpi archive scan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

# Ink is what is clearly darker than the paper around it. Show-through and scanner streaks on a
# blank sheet stay within ~25 grey levels of the paper (naps2/blank1.jpg); print and handwriting
# are 60 and more.
INK_MIN_DIFF = 40.0
INK_REL_DIFF = 0.2
BACKGROUND_MM = 3.0  # wider than any text stroke, narrower than a photo
SPECK_MM2 = 0.08  # dust; a full stop in 8-pt type is ~0.1 mm²

# Blank: nothing that reads as a mark away from the sheet's edges. Edges carry scanner marks, holes,
# staples and the edge of the sheet itself (naps2/blank1.jpg has marks 5–9 mm from the edge);
# documents keep 15 mm and more of margin.
BLANK_MARGIN_MM = 12.0
MARK_MIN_MM2 = 0.15
MARK_MIN_SIZE_MM = 0.5
BLANK_MAX_MARKS = 2
BLANK_MAX_INK_MM2 = 4.0
BLANK_STEP = 4

COLOUR_MIN_CHROMA = 30.0  # |Δa*|+|Δb*| from the paper's own tint (yellowed paper is not colour); blue ink ~40+
COLOUR_MIN_MM2 = 10.0  # a short signature in blue ink gives ~50, a stamp hundreds; old stains less

LOW_CONTRAST = 100.0  # paper minus ink, grey levels; the corpus's scans give 115 (a light grey scan) to 255
# Width of a dark-to-light edge of the ink. Sharp scans in the corpus give 0.09–0.21 mm; a page
# blurred by 0.35 mm (Gaussian sigma) gives well over 0.4. An edge cannot be narrower than about a
# pixel, so on coarse scans the bar is BLUR_EDGE_PX pixels instead (low_dpi says the rest).
BLUR_EDGE_MM = 0.32
BLUR_EDGE_PX = 1.6
EDGE_SAMPLES = 150_000  # pixels around the ink whose gradients place the 95th percentile

HOLE_DIAMETER_MM = (4.5, 10.0)  # ISO 838 holes are 6 mm, US ring-binder holes ~8 mm
HOLE_EDGE_BAND_MM = 25.0


def odd(n: float) -> int:
    k = max(1, int(round(n)))
    return k if k % 2 == 1 else k + 1


def components(mask: np.ndarray) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """8-connected components of a uint8 mask, with 16-bit labels when they fit.

    A 32-bit label image is four times the size of the mask: at the working copy's 150 dpi of a
    300-dpi page that alone is one more full-size copy of the page. OpenCV refuses (rather than
    wraps) when a page has 65 535 components or more; only then are 32-bit labels made.
    """
    try:
        return cv2.connectedComponentsWithStats(mask, connectivity=8, ltype=cv2.CV_16U)
    except cv2.error:
        return cv2.connectedComponentsWithStats(mask, connectivity=8, ltype=cv2.CV_32S)


def _mask8(mask: np.ndarray) -> np.ndarray:
    """An OpenCV mask from a bool or 0/1 mask, without a copy where the bytes can be shared."""
    if mask.dtype == bool:
        return np.ascontiguousarray(mask).view(np.uint8)
    return np.ascontiguousarray(mask, dtype=np.uint8)


def hist_percentile(values: np.ndarray, q: float, mask: np.ndarray | None = None, channel: int = 0) -> float:
    """Percentile of uint8 values through a histogram: far faster than np.percentile on a page.
    `channel` picks one plane of a BGR image in place (no copy of the plane)."""
    hist = cv2.calcHist([values], [channel], None if mask is None else _mask8(mask), [256], [0, 256]).ravel()
    total = hist.sum()
    if total <= 0:
        return float("nan")
    return float(np.searchsorted(np.cumsum(hist), q / 100.0 * total))


@dataclass(frozen=True)
class Paper:
    grey: float
    bgr: tuple[int, int, int] | None  # None for grey pages


def paper_tone(grey: np.ndarray, bgr: np.ndarray | None) -> Paper:
    """Median colour of the bright class: the fill for areas a rotation uncovers."""
    # Every other row and column: a median of the paper over a quarter of the pixels is the same
    # to a grey level, in a quarter of the time (four masked histograms on a colour page).
    grey = np.ascontiguousarray(grey[::2, ::2]) if min(grey.shape) >= 64 else grey
    if bgr is not None and min(bgr.shape[:2]) >= 64:
        bgr = np.ascontiguousarray(bgr[::2, ::2])
    thr, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright = cv2.threshold(grey, thr, 1, cv2.THRESH_BINARY)[1]  # grey > thr, as a 0/1 mask
    if not cv2.countNonZero(bright):  # a uniform page: its one tone is the paper
        bright = np.ones(grey.shape, dtype=np.uint8)
    level = hist_percentile(grey, 50, bright)
    if bgr is None:
        return Paper(level, None)
    b, g, r = (int(hist_percentile(bgr, 50, bright, channel=i)) for i in range(3))
    return Paper(level, (b, g, r))


@dataclass
class InkMap:
    ink: np.ndarray  # bool: clearly darker than the local paper, specks removed
    stats: np.ndarray  # connected components of the ink (OpenCV stats, background row dropped)
    centroids: np.ndarray


def ink_map(
    grey: np.ndarray, valid: np.ndarray, paper: float, px_mm: float, solid: np.ndarray | None = None
) -> InkMap:
    """Marks against the local paper level (a closing removes strokes), so shading and
    show-through do not count, and large solid areas (photos, black boxes) are added back whole."""
    k = odd(BACKGROUND_MM * px_mm)
    diff = cv2.morphologyEx(grey, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    cv2.subtract(diff, grey, dst=diff)  # background minus page, in place: one working-size plane
    level = int(math.floor(max(INK_MIN_DIFF, INK_REL_DIFF * paper)))
    ink = cv2.threshold(diff, level, 1, cv2.THRESH_BINARY)[1]
    del diff
    cv2.bitwise_and(ink, np.ascontiguousarray(valid).view(np.uint8), dst=ink)  # bool masks are 0/1 bytes
    if solid is not None:
        cv2.bitwise_or(ink, np.ascontiguousarray(solid).view(np.uint8), dst=ink)
    n, labels, stats, centroids = components(ink)
    del ink
    keep = stats[:, cv2.CC_STAT_AREA] >= SPECK_MM2 * px_mm * px_mm
    keep[0] = False
    return InkMap(ink=keep[labels], stats=stats[keep], centroids=centroids[keep])


@dataclass(frozen=True)
class Blankness:
    blank: bool
    marks: int
    mark_area_mm2: float


def blankness(stats: np.ndarray, centroids: np.ndarray, valid: np.ndarray, px_mm: float,
              ignore: np.ndarray | None = None) -> Blankness:
    """A page is blank when no mark that could be writing lies away from its edges.

    `stats`/`centroids` are the ink's connected components; a mark counts where its centre lies
    at least BLANK_MARGIN_MM inside the sheet (and outside `ignore`, the punch holes).
    """
    h, w = valid.shape
    cx = np.clip(np.round(centroids[:, 0]).astype(int), 0, w - 1)
    cy = np.clip(np.round(centroids[:, 1]).astype(int), 0, h - 1)
    # The interior is only looked up at the marks' centres: erode a copy of the sheet reduced
    # BLANK_STEP times (a 24-mm erosion of the working copy costs more than the rest of the
    # blank test); the margin moves by at most BLANK_STEP pixels, a fraction of a millimetre.
    step = BLANK_STEP if min(h, w) >= 64 * BLANK_STEP else 1
    coarse = valid[::step, ::step].astype(np.uint8)
    margin = odd(2 * BLANK_MARGIN_MM * px_mm / step)
    interior = cv2.erode(coarse, cv2.getStructuringElement(cv2.MORPH_RECT, (margin, margin)),
                         borderType=cv2.BORDER_CONSTANT, borderValue=0) > 0
    if len(stats):
        inside = interior[np.minimum(cy // step, interior.shape[0] - 1), np.minimum(cx // step, interior.shape[1] - 1)]
        if ignore is not None:
            inside &= ~ignore[cy, cx]
    else:
        inside = np.zeros(0, dtype=bool)
    area_mm2 = stats[:, cv2.CC_STAT_AREA] / (px_mm * px_mm)
    size_mm = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]) / px_mm
    real = inside & (area_mm2 >= MARK_MIN_MM2) & (size_mm >= MARK_MIN_SIZE_MM)
    count = int(real.sum())
    total = float(area_mm2[real].sum())
    return Blankness(count <= BLANK_MAX_MARKS and total < BLANK_MAX_INK_MM2, count, round(total, 2))


def _only_extremes(plane: np.ndarray, band: int = 512) -> bool:
    """No sample between 1 and 254, read in bands of rows (a range test is several times faster
    than a histogram, and a band's mask is a small fraction of the page)."""
    for start in range(0, plane.shape[0], band):
        if cv2.countNonZero(cv2.inRange(plane[start : start + band], 1, 254)):
            return False
    return True


def is_bilevel(image: np.ndarray) -> bool:
    """Only pure black and pure white (a G4 TIFF, a 1-bit PNG), in every channel alike."""
    flat = image.reshape(image.shape[0], -1)
    # A scan is rejected on a sample of rows; only a truly two-level image is read whole.
    if not _only_extremes(np.ascontiguousarray(flat[::16])) or not _only_extremes(flat):
        return False
    if image.ndim == 3:
        return bool(np.array_equal(image[:, :, 0], image[:, :, 1]) and np.array_equal(image[:, :, 1], image[:, :, 2]))
    return True


def coloured_marks(bgr: np.ndarray, paper_bgr: tuple[int, int, int]) -> np.ndarray:
    """0/1 mask of marks whose hue differs from the paper's: stamps, signatures, colour print.

    Chroma is measured against the paper's own tint so aged or tinted paper is not colour, and a
    3×3 opening drops the one-pixel colour fringes scanners leave along black strokes.
    """
    lab = cv2.cvtColor(bgr, cv2.COLOR_BGR2LAB)
    _, pa, pb = (int(v) for v in cv2.cvtColor(np.array([[paper_bgr]], dtype=np.uint8), cv2.COLOR_BGR2LAB)[0, 0])
    # City-block distance in a*b*, in saturating 8-bit arithmetic: cheap on a whole page.
    da = cv2.absdiff(lab[:, :, 1], np.full(lab.shape[:2], pa, np.uint8))
    db = cv2.absdiff(lab[:, :, 2], np.full(lab.shape[:2], pb, np.uint8))
    del lab
    coloured = cv2.threshold(cv2.add(da, db), COLOUR_MIN_CHROMA, 1, cv2.THRESH_BINARY)[1]
    return cv2.morphologyEx(coloured, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))


def contrast(grey: np.ndarray, ink: np.ndarray, paper: float) -> float:
    """Paper level minus the level of the darker ink, in grey levels."""
    if not ink.any():
        return 0.0
    dark = hist_percentile(grey, 10, ink)
    return float(paper - dark)


def edge_width_mm(grey: np.ndarray, ink: np.ndarray, paper: float, px_mm: float) -> float | None:
    """How wide a dark-to-light edge of the ink is, in millimetres.

    A normalised form of the variance of the Laplacian: the steepest gradients around the ink,
    divided by the contrast, give the width of an edge in pixels, and the dpi turns that into
    millimetres, so the figure means the same at every resolution and amount of text.
    """
    if np.count_nonzero(ink) < 200:
        return None
    # 16-bit gradients, and magnitudes only near the ink: two float planes of the page would be
    # as large as the full-size page itself. The percentile is taken on squared magnitudes in
    # integers (the same order, no square roots) of at most EDGE_SAMPLES evenly spread pixels.
    gx = cv2.Sobel(grey, cv2.CV_16S, 1, 0, ksize=3)
    gy = cv2.Sobel(grey, cv2.CV_16S, 0, 1, ksize=3)
    near = np.flatnonzero(cv2.dilate(_mask8(ink), np.ones((3, 3), np.uint8)))
    if near.size < 200:
        return None
    near = near[:: max(1, near.size // EDGE_SAMPLES)]
    vx = gx.ravel()[near].astype(np.int32)
    vy = gy.ravel()[near].astype(np.int32)
    del gx, gy
    vx *= vx
    vy *= vy
    vx += vy
    # The 3×3 Sobel weighs a unit step by 8 across two pixels.
    steep = math.sqrt(float(np.percentile(vx, 95))) / 8.0
    dark = hist_percentile(grey, 10, ink)
    step = paper - dark
    if steep <= 0 or step <= 0:
        return None
    return step / (2.0 * steep) / px_mm


def _round_blobs(candidates: np.ndarray, px_mm: float) -> list[tuple[int, int, np.ndarray]]:
    """Components shaped like a hole: round, full, 4.5–10 mm across, not cut by the image edge."""
    h, w = candidates.shape
    dmin, dmax = (d * px_mm for d in HOLE_DIAMETER_MM)
    n, labels, stats, _ = components(candidates.astype(np.uint8))
    found = []
    for i in range(1, n):
        x, y, bw, bh, area = (int(v) for v in stats[i])
        if not (dmin <= bw <= dmax and dmin <= bh <= dmax and 0.8 <= bw / bh <= 1.25):
            continue
        if not 0.8 <= area / (math.pi * bw * bh / 4.0) <= 1.12:
            continue
        if x == 0 or y == 0 or x + bw >= w or y + bh >= h:
            continue  # a hole cut by the sheet's edge cannot be told from a corner shadow
        comp = (labels[y : y + bh, x : x + bw] == i).astype(np.uint8)
        contours, _ = cv2.findContours(comp, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
        perimeter = max(cv2.arcLength(c, True) for c in contours)
        if perimeter > 0 and 4 * math.pi * area / (perimeter * perimeter) >= 0.7:
            found.append((x, y, comp))
    return found


def _looks_punched(grey: np.ndarray, comp: np.ndarray, x: int, y: int, paper: float) -> bool:
    """A hole shows one flat tone (the lid or backing) and sits in plain paper, unlike a round
    picture or a dot of print."""
    ch, cw = comp.shape
    pad = max(2, ch // 4)
    y0, x0 = max(0, y - pad), max(0, x - pad)
    window = grey[y0 : y + ch + pad, x0 : x + cw + pad]
    inside = np.zeros(window.shape, dtype=bool)
    inside[y - y0 : y - y0 + ch, x - x0 : x - x0 + cw] = comp > 0
    ring = ~cv2.dilate(inside.astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
    if not ring.any():
        return False
    core = cv2.erode(inside.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    if not core.any():
        return False
    return float(window[core].std()) < 20.0 and float(np.median(window[ring])) >= paper - 30


def punch_holes(grey: np.ndarray, valid: np.ndarray, paper: float, px_mm: float
                ) -> tuple[int, np.ndarray, list[tuple[int, int, int, int]]]:
    """Round holes near an edge: dark where a black lid shows through, or lighter than tinted paper.

    Returns the number found, their mask (so holes do not count as marks on a blank page) and
    their boxes (x, y, w, h), so the full-size page is filled only where a hole is.
    """
    h, w = grey.shape
    mask = np.zeros(grey.shape, dtype=bool)
    boxes: list[tuple[int, int, int, int]] = []
    band = int(HOLE_EDGE_BAND_MM * px_mm)
    if band <= 0 or h <= 2 * band or w <= 2 * band:
        return 0, mask, boxes
    count = 0
    strips = ((0, 0, w, band), (0, h - band, w, band), (0, band, band, h - 2 * band), (w - band, band, band, h - 2 * band))
    for sx, sy, sw, sh in strips:
        g = grey[sy : sy + sh, sx : sx + sw].astype(np.int16)
        v = valid[sy : sy + sh, sx : sx + sw]
        for candidates in ((g < paper - 60) & v, (g > paper + 25) & v):
            for x, y, comp in _round_blobs(candidates, px_mm):
                if not _looks_punched(g, comp, x, y, paper):
                    continue
                count += 1
                boxes.append((sx + x, sy + y, comp.shape[1], comp.shape[0]))
                mask[sy + y : sy + y + comp.shape[0], sx + x : sx + x + comp.shape[1]] |= comp > 0
    if count:
        mask = cv2.dilate(mask.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    return count, mask, boxes
