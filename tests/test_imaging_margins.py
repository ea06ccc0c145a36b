"""Punch holes and specks near the edges are filled with the paper colour in the archived image;
marks near the margin that are content (a page number, a handwritten note, the rim of a red
seal, a blue dot) are kept pixel for pixel, and OCR reads the same words after the fill.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from station.imaging import clean_page, margins
from station.imaging.margins import fill_specks
from station.ocr.tesseract import ocr_image
from station.samples import load_sample, render_sample

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DPI = 300
PX = DPI / 25.4


@cache
def _colour_page() -> np.ndarray:
    page = render_sample(load_sample("01_quyet_dinh_bgddt"), dpi=DPI)[0]
    return cv2.cvtColor(np.array(page.convert("RGB")), cv2.COLOR_RGB2BGR)


def _mm(v: float) -> int:
    return int(round(v * PX))


def _damage(page: np.ndarray, lid: int = 20) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Holes (6 mm, 80 mm apart, 12 mm from the left edge, the dark lid showing), specks in
    every margin, and content near the margins. Returns the page, the holes' and specks' masks
    (the area that must come out as paper) and the content's mask (must not change)."""
    page = page.copy()
    h, w = page.shape[:2]
    colour = (lid,) * (3 if page.ndim == 3 else 1)
    holes = np.zeros((h, w), np.uint8)
    for dy in (-40, 40):
        centre = (_mm(12), h // 2 + _mm(dy))
        cv2.circle(page, centre, _mm(3), colour, -1, cv2.LINE_AA)
        cv2.circle(holes, centre, _mm(3) + 2, 1, -1)
    specks = np.zeros((h, w), np.uint8)
    for x, y, r in ((8, 60, 0.25), (200, 150, 0.3), (100, 278, 0.4), (5, 250, 0.2), (195, 8, 0.35), (15, 200, 0.3)):
        cv2.circle(page, (_mm(x), _mm(y)), max(1, _mm(r)), (35,) * len(colour), -1, cv2.LINE_AA)
        cv2.circle(specks, (_mm(x), _mm(y)), max(1, _mm(r)) + 2, 1, -1)
    content = np.zeros((h, w), np.uint8)
    marks: list[tuple[str, object]] = []
    if page.ndim == 3:
        # The rim of a red seal running into the right margin, a blue tick and a blue dot by the left edge.
        marks.append(("circle", ((w - _mm(12), _mm(120)), _mm(20), (40, 40, 200), _mm(0.8))))
        marks.append(("line", (np.array([[_mm(6), _mm(170)], [_mm(9), _mm(175)], [_mm(16), _mm(163)]]), (160, 60, 20))))
        marks.append(("dot", ((_mm(7), _mm(100)), _mm(0.35), (170, 70, 30))))
    marks.append(("text", ("- 2 -", (w // 2 - _mm(5), _mm(10)))))  # the page number in the top margin
    marks.append(("text", ("Da nhan.", (_mm(4), _mm(285)))))  # a note at the bottom left corner, with its full stop
    for kind, args in marks:
        for target, col in ((page, None), (content, 1)):
            if kind == "circle":
                c, r, bgr, t = args  # type: ignore[misc]
                cv2.circle(target, c, r, col or bgr, t, cv2.LINE_AA)
            elif kind == "line":
                pts, bgr = args  # type: ignore[misc]
                cv2.polylines(target, [pts], False, col or bgr, _mm(0.5), cv2.LINE_AA)
            elif kind == "dot":
                c, r, bgr = args  # type: ignore[misc]
                cv2.circle(target, c, r, col or bgr, -1, cv2.LINE_AA)
            else:
                text, at = args  # type: ignore[misc]
                cv2.putText(target, text, at, cv2.FONT_HERSHEY_SIMPLEX, 1.2, col or (30,) * len(colour), 3,
                            cv2.LINE_AA)
    content = cv2.dilate(content, np.ones((3, 3), np.uint8))
    return page, holes.view(bool), specks.view(bool), content.view(bool)


def _paper_near(image: np.ndarray, mask: np.ndarray, reach: int = 40) -> np.ndarray:
    """Median colour of the plain paper just around a mask."""
    ring = cv2.dilate(mask.view(np.uint8), np.ones((2 * reach + 1, 2 * reach + 1), np.uint8)).view(bool) & ~mask
    g = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    ring &= g > 150
    return np.median(image[ring], axis=0)


def _check(page: np.ndarray, holes: np.ndarray, specks: np.ndarray, content: np.ndarray, tol: int = 6) -> None:
    res = clean_page(page, DPI)
    assert res.image.shape == page.shape and res.crop == (0, 0, page.shape[1], page.shape[0])  # nothing turned
    assert "punch_holes" in res.flags and res.holes_filled == 2
    assert res.specks_filled >= 6
    out = res.image
    for mask in (holes, specks):
        n, labels = cv2.connectedComponents(mask.view(np.uint8))
        for i in range(1, n):
            one = labels == i
            paper = _paper_near(out, one)
            assert np.abs(out[one].astype(int) - paper).max() <= tol, "a hole or speck is still there"
    # Content near the margins: not one pixel changed.
    assert np.array_equal(out[content], page[content])
    # And nothing changed anywhere else but the holes and specks.
    changed = cv2.absdiff(out, page)
    changed = changed if changed.ndim == 2 else changed.max(axis=2)
    art = cv2.dilate((holes | specks).view(np.uint8), np.ones((15, 15), np.uint8)).view(bool)
    assert not (changed[~art] > 0).any()


def test_holes_and_specks_filled_colour_page_content_kept() -> None:
    _check(*_damage(_colour_page()))


def test_holes_filled_with_the_yellowed_paper_not_white() -> None:
    page = _colour_page().astype(np.float32)
    page *= np.array([0.78, 0.92, 0.98], np.float32)  # aged paper: less blue
    page, holes, specks, content = _damage(page.astype(np.uint8))
    _check(page, holes, specks, content)
    res = clean_page(page, DPI)
    b, g, r = res.image[holes].astype(int).mean(axis=0)
    assert r - b > 30  # the fill is the page's yellow


def test_holes_on_a_white_backing_are_filled_on_grey_paper() -> None:
    sheet = np.full((3508, 2480), 200, np.uint8)
    sheet = cv2.putText(sheet, "Trang 1", (900, 1700), cv2.FONT_HERSHEY_SIMPLEX, 3.0, 30, 6, cv2.LINE_AA)
    page, holes, specks, content = _damage(sheet, lid=250)
    _check(page, holes, specks, content)


def test_bilevel_page_stays_bilevel() -> None:
    linn = np.array(Image.open(CORPUS / "ocrmypdf/linn.png").convert("L"))
    page, holes, specks, content = _damage(linn, lid=0)
    page = np.where(page < 128, 0, 255).astype(np.uint8)
    res = clean_page(page, DPI)
    assert res.holes_filled == 2
    assert set(np.unique(res.image)) <= {0, 255}
    assert (res.image[holes] == 255).all() and (res.image[specks] == 255).all()


def test_dots_beside_text_and_coloured_dots_are_not_specks() -> None:
    page = np.full((800, 800, 3), 235, np.uint8)
    cv2.putText(page, "i.", (60, 120), cv2.FONT_HERSHEY_SIMPLEX, 1.0, (20, 20, 20), 2, cv2.LINE_AA)
    cv2.circle(page, (100, 400), 3, (200, 60, 20), -1)  # blue dot: ink
    cv2.circle(page, (60, 700), 3, (25, 25, 25), -1)  # dust
    before = page.copy()
    specks, _ = fill_specks(page, PX, 235.0)
    assert specks == 1
    assert np.array_equal(page[:500], before[:500])
    assert (page[690:710, 50:70] == 235).all()


@pytest.mark.slow
def test_ocr_reads_the_same_words_after_the_fill(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real page (linn.png) with holes, specks and marks near its margins: Tesseract reads the
    same words on the cleaned page with the fill as without it."""
    linn = np.array(Image.open(CORPUS / "ocrmypdf/linn.png").convert("L"))
    damaged, holes, _, _ = _damage(linn)
    after = clean_page(damaged, DPI)
    assert after.holes_filled == 2 and after.specks_filled >= 6
    monkeypatch.setattr(margins, "fill_margins", lambda *a, **k: margins.MarginFill(0, 0, 0))
    before = clean_page(damaged, DPI)
    assert not np.array_equal(before.image, after.image)
    words_before = [w.text for w in ocr_image(before.image, DPI, "eng").words if w.conf >= 0.6]
    words_after = [w.text for w in ocr_image(after.image, DPI, "eng").words if w.conf >= 0.6]
    assert len(words_before) > 200
    assert words_before == words_after
