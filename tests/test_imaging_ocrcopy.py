"""The OCR copy: coloured stamps and signatures lightened, uneven paper made white, print kept."""

from __future__ import annotations

import cv2
import numpy as np

from station.imaging.ocrcopy import ocr_copy


def page_with_stamp() -> np.ndarray:
    page = np.full((1200, 900, 3), 255, np.uint8)
    cv2.putText(page, "SO GIAO DUC", (80, 300), cv2.FONT_HERSHEY_SIMPLEX, 2.5, (20, 20, 20), 6, cv2.LINE_AA)
    cv2.circle(page, (450, 700), 180, (48, 38, 226), 12, cv2.LINE_AA)  # red seal (BGR)
    cv2.line(page, (200, 950), (700, 900), (140, 45, 25), 5, cv2.LINE_AA)  # blue signature
    return page


def test_coloured_marks_are_lightened_and_black_print_kept() -> None:
    page = page_with_stamp()
    out = ocr_copy(page, 300)
    assert out.ndim == 2 and out.dtype == np.uint8
    assert out[700, 450 - 180] > 200  # on the seal's ring
    grey = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
    assert int(out[925, 450]) > int(grey[925, 450]) + 60  # the signature much lighter than in plain grey
    text = page.max(axis=2) < 100  # black print only, not the seal
    assert np.median(out[text]) < 60


def test_yellowed_shaded_paper_becomes_white() -> None:
    page = page_with_stamp()
    shade = np.linspace(0.78, 0.95, page.shape[1], dtype=np.float32)[None, :, None]
    tint = np.array([0.80, 0.93, 1.0], np.float32)  # yellow: less blue
    aged = (page.astype(np.float32) * shade * tint).astype(np.uint8)
    out = ocr_copy(aged, 300)
    paper = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY) == 255
    assert np.percentile(out[paper], 5) >= 235
    text = page.max(axis=2) < 100  # black print only, not the seal
    assert np.median(out[text]) < 60


def test_bilevel_page_is_left_as_it_is() -> None:
    page = np.full((400, 300), 255, np.uint8)
    page[100:110, 50:250] = 0
    assert np.array_equal(ocr_copy(page, 300), page)
