"""The sample pages: data that loads, pages of the right size, real Vietnamese glyphs, repeatable damage."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from station.errors import BadInput, NotFound
from station.metadata.fields import SUGGESTED, validate
from station.samples import (
    A4_MM,
    MM_PER_INCH,
    _sample_from_dict,
    font_path,
    list_samples,
    load_sample,
    render_sample,
    samples_dir,
    write_sample_files,
)

ND30_TYPES = {"QUYẾT ĐỊNH", "CÔNG VĂN", "GIẤY CHỨNG NHẬN", "THÔNG BÁO", "GIẤY PHÉP", "THÔNG TƯ"}


def a4_pixels(dpi: int) -> tuple[int, int]:
    return round(A4_MM[0] / MM_PER_INCH * dpi), round(A4_MM[1] / MM_PER_INCH * dpi)


def test_samples_cover_the_document_types_of_the_brief() -> None:
    names = list_samples()
    assert len(names) >= 6
    assert {load_sample(n).expected["type_name"] for n in names} >= ND30_TYPES
    assert all((samples_dir() / f"{n}.json").is_file() for n in names)


@pytest.mark.parametrize("name", list_samples())
def test_expected_metadata_is_valid_for_its_fields(name: str) -> None:
    sample = load_sample(name)
    assert set(sample.expected) <= set(SUGGESTED)
    problems = [p for p in validate(sample.expected) if p.field in sample.expected]
    assert problems == []
    # The ground truth is printed on the page it describes.
    text = sample.all_text()
    for key in ("organ_name", "signer_name", "signer_position", "place"):
        if key in sample.expected:
            assert all(word in text for word in sample.expected[key].split()), key


def test_unknown_sample_is_a_usage_error() -> None:
    with pytest.raises(NotFound, match="samples are"):
        load_sample("no_such_sample")


@pytest.mark.parametrize("dpi", [100, 300])
def test_renders_are_a4_at_the_requested_resolution(dpi: int) -> None:
    pages = render_sample(load_sample("01_quyet_dinh_bgddt"), dpi=dpi)
    assert len(pages) == 1
    assert pages[0].size == a4_pixels(dpi)
    assert pages[0].info["dpi"] == (dpi, dpi)
    assert pages[0].mode == "RGB"
    grey = render_sample(load_sample("01_quyet_dinh_bgddt"), dpi=dpi, mode="L")[0]
    assert grey.mode == "L" and grey.size == a4_pixels(dpi) and grey.info["dpi"] == (dpi, dpi)


def test_long_document_runs_onto_a_numbered_second_page() -> None:
    pages = render_sample(load_sample("06_thong_tu_bgddt"), dpi=100)
    assert len(pages) == 2
    assert all(p.size == a4_pixels(100) for p in pages)
    # ND 30: from page 2 on, the page number is printed in the top margin.
    top = np.asarray(pages[1].convert("L"))[: round(20 / MM_PER_INCH * 100)]
    assert (top < 128).any()
    top_first = np.asarray(pages[0].convert("L"))[: round(15 / MM_PER_INCH * 100)]
    assert not (top_first < 128).any()


def _glyph(ch: str, bold: bool = False) -> np.ndarray:
    font = ImageFont.truetype(str(font_path(bold=bold)), 96)
    img = Image.new("L", (160, 200), 255)
    ImageDraw.Draw(img).text((20, 170), ch, font=font, fill=0, anchor="ls")
    return np.asarray(img)


@pytest.mark.parametrize("bold", [False, True])
def test_vietnamese_letters_render_as_themselves_not_as_boxes(bold: bool) -> None:
    tofu = _glyph("\ue000", bold)  # a private-use code point: the font's missing-glyph box
    for ch in "ỆĐƯỞẫỹọ":
        glyph = _glyph(ch, bold)
        assert (glyph < 128).any(), ch
        assert not np.array_equal(glyph, tofu), f"{ch} renders as the missing-glyph box"
    # The marks are drawn: Ệ has ink above and below where E has none.
    e, e_marks = _glyph("E", bold) < 128, _glyph("Ệ", bold) < 128
    assert e_marks.sum() > e.sum() * 1.1


@pytest.mark.parametrize("name", list_samples())
def test_every_character_of_every_sample_has_a_glyph(name: str) -> None:
    missing = set()
    for bold in (False, True):
        tofu = _glyph("\ue000", bold)
        for ch in set(load_sample(name).all_text()) - set(" \n"):
            if np.array_equal(_glyph(ch, bold), tofu):
                missing.add(ch)
    assert not missing


def _red(page: Image.Image) -> np.ndarray:
    rgb = np.asarray(page).astype(int)
    return (rgb[..., 0] > 170) & (rgb[..., 1] < 110) & (rgb[..., 2] < 120)


def test_red_stamp_sits_over_the_signature_in_colour_renders() -> None:
    page = render_sample(load_sample("01_quyet_dinh_bgddt"), dpi=100)[0]
    red = _red(page)
    assert red.sum() > 500
    ys, xs = np.nonzero(red)
    h, w = red.shape
    assert ys.min() > h * 0.5 and xs.min() > w * 0.4  # lower right: the signature block
    plain = render_sample(load_sample("01_quyet_dinh_bgddt"), dpi=100, stamp=False)[0]
    assert _red(plain).sum() == 0


def test_scan_damage_is_deterministic_and_looks_scanned() -> None:
    sample = load_sample("03_giay_chung_nhan_sgddt_bac_ninh")
    first = render_sample(sample, dpi=100, damage="scan")[0]
    again = render_sample(sample, dpi=100, damage="scan")[0]
    other = render_sample(sample, dpi=100, damage="scan", seed=7)[0]
    clean = render_sample(sample, dpi=100)[0]
    assert np.array_equal(np.asarray(first), np.asarray(again))
    assert not np.array_equal(np.asarray(first), np.asarray(other))
    assert first.size == clean.size == a4_pixels(100) and first.info["dpi"] == (100, 100)
    assert 0.5 <= abs(first.info["skew_deg"]) <= 3.0
    grey = np.asarray(first.convert("L")).astype(float)
    # Grey paper rather than white, and noise: the background is neither 255 nor flat.
    background = grey[grey > np.percentile(grey, 60)]
    assert 200 < background.mean() < 245
    assert background.std() > 2.0
    assert not np.array_equal(np.asarray(first), np.asarray(clean))


def test_write_sample_files_one_file_per_document(tmp_path) -> None:
    clean = write_sample_files(tmp_path / "clean", dpi=60)
    assert [p.stem for p in clean] == list_samples()
    for path in clean:
        with Image.open(path) as img:
            frames = getattr(img, "n_frames", 1)
            assert round(img.info["dpi"][0]) == 60
            assert img.size == a4_pixels(60)
        if path.stem == "06_thong_tu_bgddt":
            assert path.suffix == ".tif" and frames == 2
        else:
            assert path.suffix == ".png" and frames == 1
    damaged = write_sample_files(tmp_path / "damaged", dpi=60, damage="scan")
    assert {p.suffix for p in damaged} == {".jpg", ".tif"}
    with Image.open(next(p for p in damaged if p.suffix == ".tif")) as img:
        assert img.n_frames == 2


def test_sample_file_with_a_misspelt_key_is_refused() -> None:
    good = {
        "name": "x",
        "organ": ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
        "place_date": "Huế, ngày 02 tháng 01 năm 2024",
        "signer": {"position": ["GIÁM ĐỐC"], "name": "Lê Văn An"},
        "expected": {"type_name": "QUYẾT ĐỊNH"},
    }
    assert _sample_from_dict(good).signer.authority is None
    with pytest.raises(BadInput, match="titel"):
        _sample_from_dict({**good, "titel": "QUYẾT ĐỊNH"})
    with pytest.raises(BadInput, match="style"):
        _sample_from_dict({**good, "body": [{"text": "x", "style": "poem"}]})
