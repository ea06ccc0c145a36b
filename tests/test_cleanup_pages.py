"""Cleanup on rendered Vietnamese administrative pages: orientation with real OSD, the crop checked
against the words OCR finds, and the red seal and blue signature kept in colour."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest

from station.imaging import clean_page
from station.ocr.tesseract import detect_orientation, ocr_image
from station.samples import load_sample, render_sample


def page(name: str, damage: str | None = None, mode: str = "RGB") -> np.ndarray:
    im = render_sample(load_sample(name), dpi=300, damage=damage, mode=mode)[0]  # type: ignore[arg-type]
    return np.asarray(im) if mode == "L" else cv2.cvtColor(np.asarray(im), cv2.COLOR_RGB2BGR)


def turn(image: np.ndarray, ccw_deg: float, fill: int) -> np.ndarray:
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D(((w - 1) / 2, (h - 1) / 2), ccw_deg, 1.0)
    nw = math.ceil(w * abs(m[0, 0]) + h * abs(m[0, 1]))
    nh = math.ceil(w * abs(m[0, 1]) + h * abs(m[0, 0]))
    m[0, 2] += (nw - w) / 2
    m[1, 2] += (nh - h) / 2
    return cv2.warpAffine(image, m, (nw, nh), borderValue=(fill,) * 3 if image.ndim == 3 else fill)


def red(image: np.ndarray) -> np.ndarray:
    b, g, r = (image[:, :, i].astype(np.int16) for i in range(3))
    return (r - g > 60) & (r - b > 60)


@pytest.mark.slow
@pytest.mark.parametrize("turned", [90, 180, 270])
def test_vietnamese_page_turned_any_way_comes_out_upright(turned: int) -> None:
    upright = page("02_cong_van_bgddt_gddh", damage="scan")
    code = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}[turned]
    res = clean_page(cv2.rotate(upright, code), 300, orientation=detect_orientation)
    assert res.orientation_deg == turned
    assert res.image.shape[0] > res.image.shape[1]  # portrait again


@pytest.mark.slow
def test_crop_of_a_page_on_a_black_scanner_bed_cuts_no_word() -> None:
    """A damaged scan of a certificate lying 2° askew on a black lid: every word OCR reads on the
    incoming page lies inside the kept area, and OCR reads as many words after cleanup."""
    damaged = render_sample(load_sample("03_giay_chung_nhan_sgddt_bac_ninh"), dpi=300, damage="scan")[0]
    own_skew = float(damaged.info["skew_deg"])  # the damage turns the sheet a little too
    sheet = np.asarray(damaged.convert("L"))
    bed = np.full((sheet.shape[0] + 160, sheet.shape[1] + 140), 18, np.uint8)
    bed[20 : 20 + sheet.shape[0], 30 : 30 + sheet.shape[1]] = sheet
    scan = turn(bed, 2.0, fill=18)
    res = clean_page(scan, 300)
    assert "dark_border" in res.flags
    assert res.skew_deg == pytest.approx(2.0 + own_skew, abs=0.1)
    # Compare the words on the straightened page before the crop with those after it.
    straight = turn(scan, -res.skew_deg, fill=18)
    before = [w for w in ocr_image(straight, 300).words if w.conf >= 0.6 and len(w.text) >= 2]
    after = [w for w in ocr_image(res.image, 300).words if w.conf >= 0.6 and len(w.text) >= 2]
    assert len(after) >= len(before)
    # The black lid is gone: no dark band along any edge of the cleaned page.
    out = res.image
    for edge in (out[:15], out[-15:], out[:, :15], out[:, -15:]):
        assert (edge < 80).mean() < 0.02


def test_red_seal_and_blue_signature_keep_the_page_in_colour() -> None:
    scan = page("01_quyet_dinh_bgddt", damage="scan")
    res = clean_page(scan, 300)
    assert res.colour_mode == "color"
    assert res.image.ndim == 3
    assert red(res.image).sum() >= 0.9 * red(scan).sum() > 10_000


def test_black_print_only_is_stored_grey_and_a_grey_scan_stays_grey() -> None:
    grey_scan = page("01_quyet_dinh_bgddt", mode="L")
    assert clean_page(grey_scan, 300).colour_mode == "gray"
    # A colour scanner's copy of a page printed in black only.
    assert clean_page(cv2.cvtColor(grey_scan, cv2.COLOR_GRAY2BGR), 300).colour_mode == "gray"
