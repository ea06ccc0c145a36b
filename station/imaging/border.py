"""Dark scanner borders: the black lid or backing that shows around a sheet smaller than the
scan window, or around a skewed sheet.

A border is solid dark (it survives an opening wider than any text stroke) and reaches the edge
of the scan (directly, or across the area a rotation uncovered). The crop removes whole rows and
columns of border from each side and stops at the first row or column that holds anything else
that is dark: content is never cut. What is left of the border beside the content (the wedges of
a skewed sheet, a bar along half an edge) is painted with the paper colour.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from station.imaging.analysis import InkMap, components, ink_map, odd
from station.imaging.geometry import Rect

DARK_MAX = 100.0  # grey level; a scanner's black backing is 0–60, paper 180 and up
DARK_REL = 0.45  # of the paper level, for dark or tinted paper
SOLID_MM = 1.5  # thicker than body-text strokes; thin scanner edges are ~2 mm
HALO_MM = 2.0  # the blurred, noisy edge of a border is not content
SAFETY_MM = 2.0  # the crop keeps this much paper before the first content
# Cutting a row or column of border gains its border pixels and costs PAPER_COST per pixel of
# plain paper in it: a row crossing a bar that runs down the left edge is not cut for that bar.
PAPER_COST = 0.3
MIN_KEPT_SHARE = 0.3
FRAME_MM = 2.0  # how close to the edge of the scan a border runs
MIN_CONTACT_MM = 10.0
CONTACT_SHARE = 0.4  # of the border's own length that runs along the edge of the scan
  # never crop a page down to less than this of its width or height


@dataclass
class Border:
    crop: Rect  # kept area of the working canvas
    fill: np.ndarray | None  # border left inside the crop, to paint with paper (working canvas size)
    found: bool
    content: np.ndarray  # what counts as page content (bool, working canvas size)
    ink: InkMap  # connected components of all marks, border included (its mask is `content`)
    near_border: np.ndarray  # the border and its soft edge (bool, working canvas size)


def _side_depth(gain: np.ndarray, content_free: np.ndarray, safety: int) -> int:
    """Lines to cut from the start of one side: the depth that removes the most border for the
    paper it costs, never reaching content."""
    run = int(np.argmin(content_free)) if not content_free.all() else content_free.size
    if run < content_free.size:
        run = max(0, run - safety)
    if run == 0:
        return 0
    total = np.cumsum(gain[:run])
    best = int(np.argmax(total))
    return best + 1 if total[best] > 0 else 0


def _side_depths(
    border: np.ndarray, content: np.ndarray, valid: np.ndarray, axis: int, safety: int
) -> tuple[int, int]:
    """How many lines to cut from the start and from the end along one axis (0: columns, 1: rows)."""
    b = border.sum(axis=axis).astype(np.float64)
    paper = valid.sum(axis=axis) - b
    gain = b - PAPER_COST * paper
    free = content.sum(axis=axis) == 0
    return _side_depth(gain, free, safety), _side_depth(gain[::-1], free[::-1], safety)


def find_border(grey: np.ndarray, valid: np.ndarray, paper: float, px_mm: float) -> Border:
    h, w = grey.shape
    dark_thr = min(DARK_MAX, DARK_REL * paper)
    dark = ((grey < dark_thr) & valid).astype(np.uint8)
    k = odd(SOLID_MM * px_mm)
    solid = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    del dark

    # Border: solid dark that runs along the edge of the scan (the canvas edge, or the edge of the
    # area a rotation uncovered) for a good part of its own length. Black bars printed on the sheet
    # (a Patch-T code, naps2/skewed.jpg) reach the edge of the scan only with their ends.
    frame_band = odd(2 * FRAME_MM * px_mm)
    near_frame = cv2.dilate((~valid).view(np.uint8), cv2.getStructuringElement(cv2.MORPH_RECT, (frame_band, frame_band)),
                            borderType=cv2.BORDER_CONSTANT, borderValue=1)
    n, labels, stats, _ = components(solid)
    cv2.bitwise_and(near_frame, solid, dst=near_frame)
    contact = np.bincount(labels[near_frame.view(bool)], minlength=n) / (FRAME_MM * px_mm)
    del near_frame
    extent = np.maximum(stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT])
    is_border = contact >= np.maximum(MIN_CONTACT_MM * px_mm, CONTACT_SHARE * extent)
    is_border[0] = False
    border = is_border[labels]
    del labels
    solid = solid.view(bool)
    solid &= ~border  # solid marks on the sheet (photos, black boxes) count as ink whole

    halo = odd(2 * HALO_MM * px_mm)
    near_border = cv2.dilate(border.view(np.uint8), cv2.getStructuringElement(cv2.MORPH_RECT, (halo, halo))).view(bool)
    ink = ink_map(grey, valid, paper, px_mm, solid=solid)
    del solid
    # Content is the ink away from the border; computed in the ink mask's own memory (the bare ink
    # mask is not needed again), so Border.ink.ink is the content too.
    content = np.logical_and(ink.ink, ~near_border, out=ink.ink)

    full = (0, 0, w, h)
    if not border.any():
        return Border(full, None, False, content, ink, near_border)

    safety = int(round(SAFETY_MM * px_mm))
    left, right = _side_depths(border, content, valid, 0, safety)
    top, bottom = _side_depths(border[:, left : w - right], content[:, left : w - right],
                               valid[:, left : w - right], 1, safety)
    left, right = _side_depths(border[top : h - bottom], content[top : h - bottom],
                               valid[top : h - bottom], 0, safety)
    kept_w, kept_h = w - left - right, h - top - bottom
    if kept_w < MIN_KEPT_SHARE * w or kept_h < MIN_KEPT_SHARE * h:
        # A page that is dark all over (a negative, a black cover) has no border to speak of.
        return Border(full, None, False, content, ink, near_border)
    crop = (left, top, kept_w, kept_h)

    # What remains of the border inside the crop, away from the content's bounding box: made in
    # the border mask's own memory (it is not needed again), the box found from row and column
    # projections rather than the coordinates of every content pixel.
    fill = border
    fill[:top] = False
    fill[h - bottom :] = False
    fill[:, :left] = False
    fill[:, w - right :] = False
    kept_content = content[top : h - bottom, left : w - right]
    rows = np.flatnonzero(kept_content.any(axis=1))
    cols = np.flatnonzero(kept_content.any(axis=0))
    box: tuple[int, int, int, int] | None = None
    if rows.size:
        box = (max(0, top + int(rows[0]) - safety), min(h, top + int(rows[-1]) + 1 + safety),
               max(0, left + int(cols[0]) - safety), min(w, left + int(cols[-1]) + 1 + safety))
        fill[box[0] : box[1], box[2] : box[3]] = False
    if fill.any():
        # Cover the border's soft edge too, or a grey outline of it would stay on the page.
        fill = cv2.dilate(fill.view(np.uint8), cv2.getStructuringElement(cv2.MORPH_RECT, (halo, halo))).view(bool)
        if box is not None:
            fill[box[0] : box[1], box[2] : box[3]] = False
    found = bool(left or right or top or bottom or fill.any())
    return Border(crop, fill if fill.any() else None, found, content, ink, near_border)
