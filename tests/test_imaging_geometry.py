"""Pieces of the cleanup that keep it within its memory budget and keep two-level pages sharp:
16-bit component labels with a 32-bit fallback, the shear turn of bilevel pages, and the
working-copy mask painted onto the full-size page."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from station.imaging.analysis import blankness, components, is_bilevel
from station.imaging.cleanup import _paint
from station.imaging.geometry import rotation, warp, warp_bilevel


def test_components_use_16_bit_labels_and_fall_back_to_32_bits() -> None:
    few = np.zeros((200, 300), np.uint8)
    few[10:20, 10:20] = 1
    few[50:60, 100:150] = 1
    n, labels, stats, _ = components(few)
    assert n == 3 and labels.dtype == np.uint16
    assert sorted(stats[1:, cv2.CC_STAT_AREA]) == [100, 500]
    # 90 000 isolated dots: more labels than 16 bits hold, so 32-bit labels, all of them counted.
    dots = np.zeros((600, 600), np.uint8)
    dots[::2, ::2] = 1
    n, labels, stats, _ = components(dots)
    assert n == 90_001 and labels.dtype == np.int32


@pytest.mark.parametrize("angle", [0.4, -3.0, 17.0])
def test_shear_turn_of_a_bilevel_page_matches_the_rotation(angle: float) -> None:
    rng = np.random.default_rng(7)
    page = np.full((900, 700), 255, np.uint8)
    for _ in range(60):  # blocks of "text"
        x, y = int(rng.integers(40, 600)), int(rng.integers(40, 820))
        cv2.rectangle(page, (x, y), (x + int(rng.integers(8, 60)), y + 12), 0, -1)
    rot = rotation(700, 900, angle)
    region = (3, 5, rot.size[0] - 10, rot.size[1] - 12)
    sheared = warp_bilevel(page, rot, fill=255.0, region=region)
    smooth = cv2.threshold(warp(page, rot, fill=255.0, region=region), 127, 255, cv2.THRESH_BINARY)[1]
    assert sheared.shape == smooth.shape
    assert set(np.unique(sheared)) <= {0, 255}
    # Every ink pixel moves where the rotation puts it, to within a pixel at the glyph edges.
    assert np.count_nonzero(sheared != smooth) / smooth.size < 0.01
    assert abs(np.count_nonzero(sheared == 0) / np.count_nonzero(page == 0) - 1.0) < 0.05


def test_quarter_turns_of_a_bilevel_page_are_exact() -> None:
    page = np.full((40, 30), 255, np.uint8)
    page[5:9, 3:20] = 0
    rot = rotation(30, 40, 90.0)
    assert np.array_equal(warp_bilevel(page, rot, fill=255.0), np.rot90(page))


def test_bilevel_test_reads_the_whole_page() -> None:
    page = np.full((3000, 200), 255, np.uint8)
    page[::7] = 0
    assert is_bilevel(page)
    page[2999, 199] = 128  # one grey pixel in the last band
    assert not is_bilevel(page)


def test_paint_enlarges_the_working_mask_onto_the_page() -> None:
    grey = np.full((400, 300), 200, np.uint8)
    colour = np.full((400, 300, 3), 200, np.uint8)
    mask = np.zeros((100, 75), bool)
    mask[:10, :] = True  # the top tenth of the page
    _paint(grey, mask, 250.0)
    _paint(colour, mask, (240.0, 245.0, 250.0))
    assert (grey[:40] == 250).all() and (grey[40:] == 200).all()
    assert (colour[:40] == (240, 245, 250)).all() and (colour[40:] == 200).all()


def test_blank_margin_is_measured_from_the_sheet_edge() -> None:
    """A mark counts only 12 mm and more inside the sheet, whatever part of the canvas the sheet is."""
    px_mm = 150 / 25.4
    valid = np.zeros((1800, 1300), bool)
    valid[100:1700, 100:1200] = True  # the sheet inside a larger canvas
    area = 2.0 * px_mm * px_mm  # 2 mm² marks, well over a speck
    stats = np.array([[0, 0, 12, 12, area]] * 3, dtype=np.int32)
    near_edge = (100 + 8 * px_mm, 900.0)  # 8 mm inside the sheet: ignored, like scanner marks
    inside = (650.0, 900.0)
    far_right = (1200 - 20 * px_mm, 900.0)  # 20 mm inside
    res = blankness(stats, np.array([near_edge, inside, far_right]), valid, px_mm)
    assert res.marks == 2
    ignore = np.zeros_like(valid)
    ignore[880:920, 640:660] = True  # a punch hole over the middle mark
    res = blankness(stats, np.array([near_edge, inside, far_right]), valid, px_mm, ignore=ignore)
    assert res.marks == 1


def test_a_turned_bgr_page_is_filled_with_the_paper_colour_in_every_channel() -> None:
    """A black-and-white page stored as BGR (three equal planes) gets a white corner, not a blue one."""
    page = np.full((300, 200, 3), 255, np.uint8)
    page[100:110, 20:180] = 0
    rot = rotation(200, 300, 5.0)
    for turned in (warp(page, rot, fill=255.0), warp_bilevel(page, rot, fill=255.0)):
        assert (turned[0, 0] == 255).all() and (turned[-1, -1] == 255).all()
