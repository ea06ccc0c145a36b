"""Punch holes and specks near the edges of the cleaned page, filled with the local paper colour.

This touches the archived image, so it only fills what cannot be content:
- a punch hole the analysis found (round, 4.5–10 mm, one flat tone, in plain paper, near an edge):
  in a small window around it, only the off-paper blob under the hole and its soft rim, and only
  when that blob does not run out of the window (a hole touching text is left as it is);
- a speck: a dark blob in the edge band smaller than a full stop of a heading, with no other dark
  pixel within SPECK_ISOLATION_MM, and not coloured (a blue dot or the rim of a red seal is ink).
  Diacritics, full stops and the dot of an i sit within a millimetre of their letters; page
  numbers, handwriting and stamps are larger than a speck.

Everything runs on the full-size page, but only on its four edge strips (a fifth of an A4 page
each way at most) and the hole windows: no full-size mask is made.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from station.imaging.analysis import INK_MIN_DIFF, INK_REL_DIFF, components, hist_percentile

HOLE_PAD_MM = 1.5  # the window around a hole: its shadow and soft rim, and a ring of paper
HOLE_OFF_PAPER = 28  # grey levels from the local paper: what belongs to the hole in its window
RIM_MM = 0.3  # the anti-aliased rim left around a filled blob
SPECK_EDGE_MM = 20.0  # documents keep 20 mm and more of margin (Vietnamese decrees: 20–35 mm)
SPECK_MAX_MM2 = 0.8  # a 1-mm dot; a full stop in 8-pt type is ~0.1 mm², but it sits beside its word
SPECK_MAX_MM = 1.5
SPECK_ISOLATION_MM = 3.0  # no other dark pixel this close: not a dot of a letter, of a number, of a line
SPECK_CHROMA = 60  # max - min channel: black dust stays under ~40, blue or red ink is 60 and more
SPECK_COLOURED_SHARE = 0.25


@dataclass(frozen=True)
class MarginFill:
    holes: int
    specks: int
    pixels: int


def _grey(image: np.ndarray) -> np.ndarray:
    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def _paper_colour(roi: np.ndarray, paper_mask: np.ndarray) -> np.ndarray | None:
    """Median colour of the paper pixels of a window, one value per channel."""
    if not cv2.countNonZero(paper_mask):
        return None
    channels = 1 if roi.ndim == 2 else roi.shape[2]
    roi = np.ascontiguousarray(roi)
    values = [hist_percentile(roi, 50, paper_mask, channel=c) for c in range(channels)]
    return np.array(values, dtype=np.float64).round().astype(np.uint8)


def _put(roi: np.ndarray, mask: np.ndarray, colour: np.ndarray) -> int:
    where = mask.view(bool) if roi.ndim == 2 else mask.view(bool)[:, :, None]
    np.copyto(roi, colour if roi.ndim == 3 else colour[0], where=where)
    return int(cv2.countNonZero(mask))


def fill_holes(image: np.ndarray, boxes: list[tuple[int, int, int, int]], px_mm: float) -> tuple[int, int]:
    """Fill each hole (box in `image` pixels) with the paper around it; returns (holes, pixels)."""
    h, w = image.shape[:2]
    pad = max(3, round(HOLE_PAD_MM * px_mm))
    rim = max(1, round(RIM_MM * px_mm))
    filled = pixels = 0
    for bx, by, bw, bh in boxes:
        x0, y0 = max(0, bx - pad), max(0, by - pad)
        x1, y1 = min(w, bx + bw + pad), min(h, by + bh + pad)
        roi = image[y0:y1, x0:x1]
        g = _grey(roi)
        frame = np.ones(g.shape, np.uint8)
        frame[2:-2, 2:-2] = 0
        local = hist_percentile(g, 50, frame)
        off = cv2.inRange(g, 0, max(0, int(local) - HOLE_OFF_PAPER))
        if local + HOLE_OFF_PAPER <= 255:  # a hole lighter than tinted paper (a white backing)
            off |= cv2.inRange(g, int(local) + HOLE_OFF_PAPER, 255)
        off = (off > 0).view(np.uint8)
        n, labels, stats, _ = components(off)
        # The blob under the hole's middle; it must not leave the window.
        cy, cx = by + bh // 2 - y0, bx + bw // 2 - x0
        core = labels[max(0, cy - bh // 4) : cy + bh // 4 + 1, max(0, cx - bw // 4) : cx + bw // 4 + 1]
        chosen = np.unique(core[core > 0])
        if chosen.size == 0:
            continue
        sx, sy, sw, sh = (stats[chosen, i] for i in range(4))
        if ((sx == 0) | (sy == 0) | (sx + sw >= g.shape[1]) | (sy + sh >= g.shape[0])).any():
            continue  # joined to something outside the window: maybe a stroke of text
        lut = np.zeros(n, np.uint8)
        lut[chosen] = 1
        mask = lut[labels]
        others = off & (1 - mask)
        mask = cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * rim + 1, 2 * rim + 1)))
        mask &= 1 - others
        paper = cv2.dilate(off, np.ones((3, 3), np.uint8)) ^ 1
        colour = _paper_colour(roi, paper)
        if colour is None:
            continue
        pixels += _put(roi, mask, colour)
        filled += 1
    return filled, pixels


def _strips(w: int, h: int, band: int) -> list[tuple[int, int, int, int]]:
    """The four edge strips (x0, y0, x1, y1), corners in the top and bottom ones only."""
    band_x, band_y = min(band, w // 2), min(band, h // 2)
    return [(0, 0, w, band_y), (0, h - band_y, w, h), (0, band_y, band_x, h - band_y), (w - band_x, band_y, w, h - band_y)]


def fill_specks(image: np.ndarray, px_mm: float, paper: float) -> tuple[int, int]:
    """Fill isolated dust in the edge strips with the paper around each speck; returns (specks, pixels)."""
    h, w = image.shape[:2]
    band = round(SPECK_EDGE_MM * px_mm)
    iso = max(2, round(SPECK_ISOLATION_MM * px_mm))
    max_area = SPECK_MAX_MM2 * px_mm * px_mm
    max_side = SPECK_MAX_MM * px_mm
    level = max(INK_MIN_DIFF, INK_REL_DIFF * paper)
    below = int(math.ceil(paper - level)) - 1  # dark: at most this grey level
    if below < 0:
        return 0, 0
    rim = max(1, round(RIM_MM * px_mm))
    specks = pixels = 0
    for cx0, cy0, cx1, cy1 in _strips(w, h, band):
        if cx1 <= cx0 or cy1 <= cy0:
            continue
        # The strip grown by the isolation distance, so a dot beside text just inward is seen as such.
        ex0, ey0, ex1, ey1 = max(0, cx0 - iso), max(0, cy0 - iso), min(w, cx1 + iso), min(h, cy1 + iso)
        roi = image[ey0:ey1, ex0:ex1]
        # Dark in every channel (one pass over the strip, no grey copy of it): dust is grey or black.
        dark = cv2.inRange(roi, (0,) * (roi.shape[2] if roi.ndim == 3 else 1), (below,) * (roi.shape[2] if roi.ndim == 3 else 1))
        n, labels, stats, _ = components(dark)
        if n <= 1:
            continue
        x, y, bw, bh, area = (stats[:, i].astype(np.int64) for i in range(5))
        cand = (area <= max_area) & (bw <= max_side) & (bh <= max_side)
        cand &= (x >= cx0 - ex0) & (y >= cy0 - ey0) & (x + bw <= cx1 - ex0) & (y + bh <= cy1 - ey0)
        cand[0] = False
        if not cand.any():
            continue
        integral = cv2.integral(dark)  # of 0/255: a window's sum is 255 per dark pixel
        rh, rw = dark.shape
        wx0, wy0 = np.clip(x - iso, 0, rw), np.clip(y - iso, 0, rh)
        wx1, wy1 = np.clip(x + bw + iso, 0, rw), np.clip(y + bh + iso, 0, rh)
        around = integral[wy1, wx1] - integral[wy0, wx1] - integral[wy1, wx0] + integral[wy0, wx0]
        cand &= around == 255 * area
        chosen = np.flatnonzero(cand)
        # Each speck on its own, in its window: isolated, so the window around it is plain paper.
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * rim + 1, 2 * rim + 1))
        pad = rim + max(2, iso // 2)
        for i in chosen:
            x0, y0 = max(0, int(x[i]) - pad), max(0, int(y[i]) - pad)
            x1, y1 = min(rw, int(x[i] + bw[i]) + pad), min(rh, int(y[i] + bh[i]) + pad)
            win = roi[y0:y1, x0:x1]
            own = (labels[y0:y1, x0:x1] == i).view(np.uint8)
            if win.ndim == 3:
                pts = win[own.view(bool)].astype(np.int16)
                if np.mean(pts.max(axis=1) - pts.min(axis=1) > SPECK_CHROMA) > SPECK_COLOURED_SHARE:
                    continue  # a dot of blue or red ink
            mask = cv2.dilate(own, kernel)
            paper_px = cv2.dilate(mask, np.ones((3, 3), np.uint8)) ^ 1
            if not cv2.countNonZero(paper_px):
                continue
            mean = cv2.mean(np.ascontiguousarray(win), mask=paper_px)
            colour = np.array(mean[: 1 if win.ndim == 2 else 3]).round().astype(np.uint8)
            pixels += _put(win, mask, colour)
            specks += 1
    return specks, pixels


def fill_margins(image: np.ndarray, hole_boxes: list[tuple[int, int, int, int]], dpi: float, paper: float) -> MarginFill:
    """Holes first (a hole's rim could otherwise pass for specks), then specks; in place."""
    px_mm = dpi / 25.4
    holes, hole_px = fill_holes(image, hole_boxes, px_mm)
    specks, speck_px = fill_specks(image, px_mm, paper)
    return MarginFill(holes, specks, hole_px + speck_px)
