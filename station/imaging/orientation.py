"""Which way up a page is: Tesseract OSD, checked against what the page's own lines say.

OSD is given a straightened, binarised copy at 200 dpi: it is as sure there as at 300 dpi and
gives wrong answers with high confidence at 100 dpi (measured on the corpus), and photos or
scanner edges only mislead it. Its answer is then checked twice, because a page turned the wrong
way is worse than a page left as it came (an operator turns it back in review either way):

- the direction of the text lines, known from the skew sweep: OSD's 90/270 must come with vertical
  lines, its 0/180 with horizontal ones;
- the shape of the lines once turned: Latin script, Vietnamese included, carries more ink above
  the x-height band (capitals, ascenders, tone marks) than below it (descenders, the dot below),
  so a page OSD would leave upside down shows the opposite. This caught OSD turning an upright
  19th-century page (pikepdf/congress.pdf) upside down with confidence 7.6.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from station.imaging.skew import Points, SkewEstimate

OrientationDetector = Callable[[np.ndarray, float], tuple[int, float]]

OSD_DPI = 200.0
OSD_MAX_PIXELS = 8_000_000
# Tesseract's OSD confidence: text pages turned any way gave 6.4–34 on the corpus; the wrong
# answers on blank and near-blank pages stayed under 1.6. Below this the page stays as it came.
OSD_MIN_CONFIDENCE = 3.0
MIN_LINES = 5  # fewer lines than this say nothing about which way up they are
# Ink above / below the x-height band once turned as OSD says. Upright pages gave 1.3–14, and so
# their upside-down copies at most 1/1.3; a scan-damaged Vietnamese page (rendered sample 05,
# noise, blur and JPEG) gave 0.87 upright, where OSD was right with confidence 14: only a ratio
# that looks clearly upside down overrules OSD.
UPRIGHT_MIN_RATIO = 1.0 / 1.3


def line_shape_ratio(points: Points, turn_ccw_deg: float, dpi: float) -> tuple[float, int]:
    """Ink above the x-height band over ink below it, summed over the lines of the turned page."""
    turned = points.turned(turn_ccw_deg)
    if len(turned) == 0:
        return 1.0, 0
    rows = np.floor(turned.ys - turned.ys.min()).astype(np.int64)
    profile = np.bincount(rows).astype(np.float64)
    on = profile > max(1.0, 0.02 * profile.max())
    # Runs of inked rows are the lines.
    edges = np.flatnonzero(np.diff(np.concatenate(([0], on.astype(np.int8), [0]))))
    min_height = max(4, int(round(0.8 * dpi / 25.4)))  # 0.8 mm: smaller runs are rules or noise
    above = below = 0.0
    lines = 0
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        seg = profile[start:end]
        if end - start < min_height:
            continue
        core = np.flatnonzero(seg >= 0.5 * seg.max())
        above += float(seg[: core[0]].sum())
        below += float(seg[core[-1] + 1 :].sum())
        lines += 1
    if lines == 0:
        return 1.0, 0
    return (above / below if below > 0 else math.inf), lines


def decide(
    osd: tuple[int, float], found: SkewEstimate, points: Points, applied_ccw_deg: float, dpi: float
) -> tuple[int, float]:
    """(content_rotation_cw_deg, confidence) to act on; (0, 0.0) when OSD is unsure or contradicted."""
    turned, confidence = int(osd[0]) % 360, float(osd[1])
    if turned not in (0, 90, 180, 270) or not confidence >= OSD_MIN_CONFIDENCE:
        return 0, 0.0
    if turned == 0:
        return 0, round(confidence, 2)
    if found.reliable and found.vertical != (turned in (90, 270)):
        return 0, 0.0
    ratio, lines = line_shape_ratio(points, applied_ccw_deg + turned, dpi)
    if lines >= MIN_LINES and ratio < UPRIGHT_MIN_RATIO:
        return 0, 0.0
    return turned, round(confidence, 2)
