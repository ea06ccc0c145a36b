"""The copy of a cleaned page that OCR reads: grey, on even white paper, without coloured marks.

The archived image stays as scanned (colour stamps, tinted paper); this copy exists only for
Tesseract. Two things on a scan mislead its binarisation:

- coloured marks: the red seal laid over the signer's name and the blue signature are read as
  letters or break the letters under them. Black print is dark in every channel, a red or blue
  mark only in some, so the brightest channel of each pixel keeps the print and lightens the
  marks;
- uneven paper: yellowed sheets and the shading of a scanner lid. Dividing by the paper level
  (a closing wider than any stroke, on a reduced copy) makes the paper white everywhere and
  keeps the print's contrast where the page is darker.
"""

from __future__ import annotations

import cv2
import numpy as np

from station.imaging.analysis import odd

BACKGROUND_MM = 4.0  # wider than the strokes of 16-pt bold headings, narrower than gaps between lines
BACKGROUND_DPI = 50.0  # the paper level changes slowly: measure it on a small copy
CHROMA_MIN = 60  # max - min channel; black print on a colour scan stays under ~40, a red seal is 150+


def _drop_colour(bgr: np.ndarray) -> np.ndarray:
    """Grey where a pixel is grey, its brightest channel where it is clearly coloured.

    OpenCV's per-plane max/min (numpy's max over the channel axis is ten times slower)."""
    b, g, r = cv2.split(bgr)
    hi = cv2.max(cv2.max(b, g), r)
    lo = cv2.min(cv2.min(b, g), r)
    del b, g, r
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    coloured = cv2.threshold(cv2.subtract(hi, lo), CHROMA_MIN, 255, cv2.THRESH_BINARY)[1]  # max - min > CHROMA_MIN
    cv2.copyTo(hi, coloured, grey)
    return grey


def ocr_copy(image: np.ndarray, dpi: float) -> np.ndarray:
    """An 8-bit grey page for Tesseract, paper evened out to white; bilevel pages pass unchanged."""
    g = _drop_colour(image) if image.ndim == 3 else image
    hist = cv2.calcHist([g], [0], None, [256], [0, 256]).ravel()
    if hist[1:255].sum() == 0:
        return g  # bilevel: nothing to even out
    h, w = g.shape
    scale = min(1.0, BACKGROUND_DPI / dpi)
    small = cv2.resize(g, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
    k = odd(BACKGROUND_MM * dpi * scale / 25.4)
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    paper = cv2.GaussianBlur(paper, (0, 0), k)
    paper = cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR)
    # page / paper × 255, saturating: the paper goes to white, ink keeps its share of the paper level.
    return cv2.divide(g, np.maximum(paper, 1), scale=255)
