"""Skew of a page by projection profiles of its text-like ink.

Text lines turned by the right angle pile their ink into sharp rows; the sum of squared
differences of adjacent rows of the profile (Leptonica's measure) peaks there. Ink points are
projected instead of rotating images, with linear splatting into the bins so the score is smooth
in the angle and the peak can be placed between samples. The sweep is run both on rows and on
columns: a page that came in sideways has vertical text lines, and turning by the same angle makes
them vertical exactly, so skew is measured before orientation and does not depend on OSD.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import cv2
import numpy as np

from station.imaging.analysis import components

MAX_SKEW_DEG = 20.0
COARSE_STEP_DEG = 0.5
FINE_HALF_SPAN_DEG = 0.6
FINE_STEP_DEG = 0.1
FINEST_STEP_DEG = 0.02

MIN_CONFIDENCE = 5.0  # peak over the median of the sweep; text pages give 13..50, sparse pages < 3
MIN_POINTS = 500
RESIDUAL_MIN_POINTS = 4_000
RESIDUAL_STEP_DEG = 0.2
STRIP_MM = 70.0
JITTER_PX = 0.45
_COARSE_POINTS = 20_000
_FINE_POINTS = 120_000
_RESIDUAL_POINTS = 40_000  # per half: enough to place a 0.3° skew on a blurred page


@dataclass(frozen=True)
class SkewEstimate:
    correction_ccw_deg: float  # turn the page counter-clockwise by this to make its lines straight
    confidence: float
    vertical: bool  # the text lines run top to bottom (the page came in sideways)
    points: int

    @property
    def reliable(self) -> bool:
        return self.points >= MIN_POINTS and self.confidence >= MIN_CONFIDENCE


def text_ink(grey: np.ndarray, dpi: float) -> np.ndarray:
    """Dark marks that look like writing: no specks, no photos, no scanner edges.

    Photos and the black bars of a scanner lid are large and solid; they have no line structure
    and would pull the profile towards their own edges.
    """
    thr, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    hist = cv2.calcHist([grey], [0], None, [256], [0, 256]).ravel()
    paper = float(np.searchsorted(np.cumsum(hist), 0.9 * hist.sum()))
    thr = min(thr, paper - 40.0)
    ink = cv2.threshold(grey, int(math.floor(thr)), 1, cv2.THRESH_BINARY_INV)[1]  # grey <= thr
    n, labels, stats, _ = components(ink)
    del ink
    if n <= 1:
        return np.zeros(grey.shape, dtype=bool)
    px_mm = dpi / 25.4
    x, y, w, h, area = (stats[:, i] for i in range(5))
    hh, ww = grey.shape
    keep = area >= max(2.0, 0.05 * px_mm * px_mm)
    keep &= ~((w > 25 * px_mm) & (h > 25 * px_mm) & (area > 0.25 * w * h))
    touches = (x == 0) | (y == 0) | (x + w == ww) | (y + h == hh)
    keep &= ~(touches & ((w > 10 * px_mm) | (h > 10 * px_mm)))
    keep[0] = False
    return keep[labels]


@dataclass(frozen=True)
class Points:
    """Text ink as points, and the strip each point falls in for either sweep direction.

    The profile is scored strip by strip (strips ~STRIP_MM wide across the lines) and summed:
    on a page of two columns whose lines do not sit at the same heights, one profile of the whole
    width is sharpest at the angle that lines up the left column's lines with the right's, not
    at the page's skew (vietocr3/vietsample2.tif page 2: 0.4° off).
    """

    ys: np.ndarray
    xs: np.ndarray
    strip_of_x: np.ndarray  # strips for horizontal lines: by x
    strip_of_y: np.ndarray  # strips for vertical lines: by y

    @cached_property
    def strips_x(self) -> int:
        return int(self.strip_of_x.max()) + 1 if self.strip_of_x.size else 1

    @cached_property
    def strips_y(self) -> int:
        return int(self.strip_of_y.max()) + 1 if self.strip_of_y.size else 1

    def __len__(self) -> int:
        return int(self.ys.size)

    def subsample(self, limit: int) -> Points:
        if len(self) <= limit:
            return self
        # A fixed seed: the same page must always give the same answer.
        idx = np.random.default_rng(12345).choice(len(self), limit, replace=False)
        return Points(self.ys[idx], self.xs[idx], self.strip_of_x[idx], self.strip_of_y[idx])

    def select(self, keep: np.ndarray) -> Points:
        return Points(self.ys[keep], self.xs[keep], self.strip_of_x[keep], self.strip_of_y[keep])

    def turned(self, angle_ccw_deg: float) -> Points:
        """The points after turning the page CCW by the angle (strips stay those of the page)."""
        rad = math.radians(angle_ccw_deg)
        c, s = np.float32(math.cos(rad)), np.float32(math.sin(rad))
        return Points(self.ys * c - self.xs * s, self.xs * c + self.ys * s, self.strip_of_x, self.strip_of_y)


def make_points(ys: np.ndarray, xs: np.ndarray, dpi: float) -> Points:
    strip = max(1.0, STRIP_MM * dpi / 25.4)
    ys = ys.astype(np.float32)
    xs = xs.astype(np.float32)
    return Points(ys, xs, (np.maximum(xs, 0) // strip).astype(np.int32), (np.maximum(ys, 0) // strip).astype(np.int32))


def _score(pts: Points, angle_deg: float, vertical: bool, bin_px: float = 1.0, strips: bool = True) -> float:
    """Profile sharpness after turning the points CCW by angle: rows (y' = y c - x s) or columns."""
    rad = math.radians(angle_deg)
    c, s = np.float32(math.cos(rad)), np.float32(math.sin(rad))
    p = (pts.xs * c + pts.ys * s) if vertical else (pts.ys * c - pts.xs * s)
    strip = (pts.strip_of_y if vertical else pts.strip_of_x) if strips else np.zeros(1, np.int32)
    if bin_px != 1.0:
        p = p * np.float32(1.0 / bin_px)
    p -= p.min()
    i = p.astype(np.int32)
    p -= i  # the fraction of a bin each point gives to the next bin
    n = int(i.max()) + 2
    k = (pts.strips_y if vertical else pts.strips_x) if strips else 1
    if k > 1:
        i += strip * n
    # Linear splatting: bin j gets (1 - f) of its points and f of the previous bin's. The last bin
    # of a strip only ever receives (n is one more than the highest bin used), so the shift by one
    # never carries a strip's weight into the next strip.
    count = np.bincount(i, minlength=k * n).astype(np.float64)
    part = np.bincount(i, weights=p, minlength=k * n)
    count -= part
    count[1:] += part[:-1]
    d = np.diff(count.reshape(k, n), axis=1)
    return float(np.einsum("ij,ij->", d, d))


def _parabola_peak(angles: np.ndarray, scores: np.ndarray) -> float:
    k = int(np.argmax(scores))
    if k == 0 or k == len(scores) - 1:
        return float(angles[k])
    s0, s1, s2 = scores[k - 1], scores[k], scores[k + 1]
    den = s0 - 2.0 * s1 + s2
    off = 0.5 * (s0 - s2) / den if den < 0 else 0.0
    return float(angles[k] + off * (angles[1] - angles[0]))


def _refine(pts: Points, start: float, vertical: bool, half_span: float, step: float = FINE_STEP_DEG) -> float:
    angles = np.arange(start - half_span, start + half_span + 1e-9, step)
    scores = np.array([_score(pts, a, vertical) for a in angles])
    best = _parabola_peak(angles, scores)
    angles = best + FINEST_STEP_DEG * np.arange(-3, 4)
    scores = np.array([_score(pts, a, vertical) for a in angles])
    return _parabola_peak(angles, scores)


def text_points(grey: np.ndarray, dpi: float, ink: np.ndarray | None = None) -> Points:
    """Text-like ink as points (`ink`: text_ink of the page when the caller has it already):
    the input of every estimate below.

    Each point is moved by a fixed pseudo-random fraction of a pixel: on the bare pixel grid the
    profile at exactly 0° is sharper than at any other angle for any ink at all (pictures,
    hatching), which pulls weak estimates to the incoming image's axes.
    """
    ys, xs = np.nonzero(text_ink(grey, dpi) if ink is None else ink)
    rng = np.random.default_rng(54321)
    jitter = rng.normal(0.0, JITTER_PX, (2, ys.size)).astype(np.float32)
    return make_points(ys.astype(np.float32) + jitter[0], xs.astype(np.float32) + jitter[1], dpi)


def estimate_skew(grey: np.ndarray, dpi: float, max_deg: float = MAX_SKEW_DEG) -> SkewEstimate:
    return skew_of_points(text_points(grey, dpi), max_deg=max_deg)


def skew_of_points(pts: Points, max_deg: float = MAX_SKEW_DEG) -> SkewEstimate:
    """Sweep ±max_deg on rows and on columns, keep the clearer of the two, then home in on its peak."""
    if len(pts) < MIN_POINTS:
        return SkewEstimate(0.0, 0.0, False, len(pts))
    coarse_pts = pts.subsample(_COARSE_POINTS)
    angles = np.arange(-max_deg, max_deg + 1e-9, COARSE_STEP_DEG)
    best: tuple[float, float, bool] = (0.0, 0.0, False)
    for vertical in (False, True):
        scores = np.array([_score(coarse_pts, a, vertical, bin_px=2.0, strips=False) for a in angles])
        confidence = float(scores.max() / max(np.median(scores), 1e-9))
        if confidence > best[1]:
            best = (float(angles[int(np.argmax(scores))]), confidence, vertical)
    coarse, confidence, vertical = best
    angle = _refine(pts.subsample(_FINE_POINTS), coarse, vertical, FINE_HALF_SPAN_DEG)
    return SkewEstimate(round(angle, 3), round(confidence, 2), vertical, len(pts))


def residual_skew(pts: Points, applied_ccw_deg: float, vertical: bool) -> float:
    """Largest skew left in a half of the page (top, bottom, left, right) once it is turned by
    the applied angle.

    Measuring the whole page again with the same points would only return the same peak; the
    halves catch what one turn cannot fix: a pasted-in piece at another angle, the curved lines
    of a book page, a photocopy of a skewed clipping.
    """
    turned = pts.turned(applied_ccw_deg)
    along, across = (turned.ys, turned.xs) if vertical else (turned.xs, turned.ys)
    worst = 0.0
    mid_across, mid_along = float(np.median(across)), float(np.median(along))
    for half in (across < mid_across, across >= mid_across, along < mid_along, along >= mid_along):
        if int(half.sum()) < RESIDUAL_MIN_POINTS:
            continue
        part = turned.select(half).subsample(_RESIDUAL_POINTS)
        # 0.2° steps before the finest pass: the flag's bar is 0.3°, not the skew's 0.1°.
        worst = max(worst, abs(_refine(part, 0.0, vertical, 1.0, step=RESIDUAL_STEP_DEG)))
    return round(worst, 3)
