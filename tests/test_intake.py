"""Intake: imported files to durable page images, on the real corpus of broken and tricky files.

Corpus files are byte-for-byte copies from qpdf, pikepdf, Pillow and OCRmyPDF test suites
(licences and upstream commits in shared/corpus/SOURCES.md); expectations come from the label
CSVs next to them where a label exists.
"""

from __future__ import annotations

import csv
import ctypes
import io
import os
import re
import shutil
import subprocess
import tempfile
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageChops, ImageStat

from station.errors import BadInput
from station.files import BlobStore
from station.intake import DecodedPage, Limits, decode_file, decode_file_isolated, run_isolated, sniff_format
from station.intake.pdfpages import plan_pdf_page

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SWEEP_DIRS = ("qpdf", "pikepdf", "pillow", "ocrmypdf")
# Robustness, not image quality, is what the sweep checks: a lower render resolution keeps the
# 30-page files and the 25x50-inch poster cheap, the short limit catches hangs.
SWEEP_LIMITS = Limits(seconds=30, render_dpi=100)
PASSWORD_SENTENCE = "is password-protected; remove the password and import it again"
PIL_MODES = {"bilevel": "1", "gray": "L", "color": "RGB"}

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not present")


# ---------------------------------------------------------------------------------------------
# helpers


def _labels(name: str) -> list[dict[str, str]]:
    with open(CORPUS / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _open_blob(blobs: BlobStore, page: DecodedPage) -> Image.Image:
    img = Image.open(blobs.path(page.blob))
    img.load()
    return img


def _mean_difference(a: Image.Image, b: Image.Image) -> float:
    assert a.size == b.size, (a.size, b.size)
    return float(ImageStat.Stat(ImageChops.difference(a.convert("L"), b.convert("L"))).mean[0])


def _decode(rel: str, tmp_path: Path, limits: Limits | None = None) -> tuple[list[DecodedPage], BlobStore]:
    blobs = BlobStore(tmp_path / "blobs")
    return decode_file(CORPUS / rel, blobs, limits or Limits()), blobs


@pytest.fixture
def blobs(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs")


# ---------------------------------------------------------------------------------------------
# the corpus sweep: every file, isolated, with a short limit


@pytest.fixture(scope="module")
def sweep(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[object, float]]:
    """rel path -> (list of pages | BadInput, seconds), two files at a time as on the station's 2 cores."""
    root = tmp_path_factory.mktemp("sweep-blobs")
    files = [p for d in SWEEP_DIRS for p in sorted((CORPUS / d).iterdir()) if p.is_file()]

    def one(path: Path) -> tuple[str, tuple[object, float]]:
        started = time.monotonic()
        try:
            outcome: object = decode_file_isolated(path, root, SWEEP_LIMITS)
        except BadInput as exc:
            outcome = exc
        return f"{path.parent.name}/{path.name}", (outcome, time.monotonic() - started)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(pool.map(one, files))
    results["__root__"] = (root, 0.0)
    return results


def _outcome(sweep: dict[str, tuple[object, float]], rel: str) -> object:
    return sweep[rel][0]


def _sweep_blobs(sweep: dict[str, tuple[object, float]]) -> BlobStore:
    return BlobStore(sweep["__root__"][0])  # type: ignore[arg-type]


@pytest.mark.slow
def test_sweep_every_file_gives_pages_or_a_sentence_naming_it(sweep: dict[str, tuple[object, float]]) -> None:
    blobs = _sweep_blobs(sweep)
    files = [k for k in sweep if k != "__root__"]
    assert len(files) > 100
    for rel in files:
        outcome, seconds = sweep[rel]
        name = rel.split("/", 1)[1]
        assert seconds < SWEEP_LIMITS.seconds + 5, rel
        if isinstance(outcome, BadInput):
            assert name in outcome.message, (rel, outcome.message)
            assert str(CORPUS) not in outcome.message and tempfile.gettempdir() not in outcome.message, rel
            continue
        assert isinstance(outcome, list) and outcome, rel
        for number, page in enumerate(outcome, start=1):
            assert page.source_page == number
            assert page.source_name == (name if len(outcome) == 1 else f"{name}#p{number}")
            assert page.dpi_source in ("file", "pdf", "estimated") and 50 <= page.dpi <= 4800, (rel, page)
            img = _open_blob(blobs, page)
            assert img.size == (page.width, page.height), rel
            assert img.mode == PIL_MODES[page.mode], (rel, img.mode, page.mode)


@pytest.mark.slow
def test_sweep_matches_pdf_labels(sweep: dict[str, tuple[object, float]]) -> None:
    checked = 0
    for row in _labels("labels_malformed_pdfs.csv"):
        rel = row["path"]
        if rel not in sweep:
            continue
        outcome = _outcome(sweep, rel)
        if re.search(r'user (?:pw|password) "', row["upstream_description"]):
            assert isinstance(outcome, BadInput) and PASSWORD_SENTENCE in outcome.message, rel
            checked += 1
        elif row["maintainer_pages"].isdigit() and row["maintainer_poppler_22_12_pdftoppm"].startswith(
            "rendered"
        ):
            # Every file a viewer shows must come in, with all its pages.
            assert isinstance(outcome, list), (rel, outcome)
            assert len(outcome) == int(row["maintainer_pages"]), rel
            checked += 1
    assert checked >= 34


@pytest.mark.slow
def test_sweep_refuses_what_no_reader_can_open_and_the_oversized(
    sweep: dict[str, tuple[object, float]],
) -> None:
    expected = {
        "qpdf/bad1.pdf": "is not a PNG, JPEG, TIFF or PDF file",
        "qpdf/issue-99.pdf": "is not a readable PDF",
        "qpdf/issue-100.pdf": "is not a readable PDF",
        "qpdf/issue-101.pdf": "is not a readable PDF",
        "qpdf/issue-141a.pdf": "is not a readable PDF",
        "qpdf/issue-335b.pdf": "is not a PNG, JPEG, TIFF or PDF file",
        "ocrmypdf/invalid.pdf": "is not a readable PDF",
        "pikepdf/fuzz_378014596.pdf": "is not a readable PDF",
        "pikepdf/newline-buffer-test.pdf": "has no pages",
        "ocrmypdf/hugemono.pdf": "1.2 gigapixels, over the limit of 150 megapixels; scan it at a lower resolution",
        "pillow/decompression_bomb.gif": "is a GIF image, not a PNG, JPEG, TIFF or PDF file",
        "ocrmypdf/README.rst": "is not a PNG, JPEG, TIFF or PDF file",
    }
    for rel, words in expected.items():
        outcome = _outcome(sweep, rel)
        assert isinstance(outcome, BadInput) and words in outcome.message, (rel, outcome)


@pytest.mark.slow
def test_sweep_matches_image_labels(sweep: dict[str, tuple[object, float]]) -> None:
    checked = 0
    for row in _labels("labels_images_robustness.csv"):
        rel, expected = row["path"], row["upstream_expected"]
        outcome = _outcome(sweep, rel)
        frames = re.search(r"n_frames\s*==?\s*(\d+)", expected)
        if "may raise" in expected:
            assert isinstance(outcome, list | BadInput), rel  # either, as long as nothing crashed
        elif re.search(r"raises|: OSError|DecompressionBombError", expected):
            assert isinstance(outcome, BadInput), (rel, outcome)
        elif frames:
            assert isinstance(outcome, list) and len(outcome) == int(frames.group(1)), (rel, outcome)
        elif "must fail fast" in expected:
            assert sweep[rel][1] < 5, rel
        else:
            assert isinstance(outcome, list), (rel, outcome)
        checked += 1
    assert checked == 28


@pytest.mark.slow
def test_sweep_g4_multi_gives_three_nonblank_bilevel_pages(sweep: dict[str, tuple[object, float]]) -> None:
    pages = _outcome(sweep, "pillow/g4-multi.tiff")
    assert isinstance(pages, list) and len(pages) == 3
    blobs = _sweep_blobs(sweep)
    for page in pages:
        assert (page.mode, page.dpi, page.dpi_source) == ("bilevel", 400.0, "file")
        assert _open_blob(blobs, page).convert("L").getextrema() == (0, 255)  # "Page1".. in tiny text
    assert len({p.blob for p in pages}) == 3


@pytest.mark.slow
def test_sweep_cardinal_turned_pages_are_rendered_as_seen(sweep: dict[str, tuple[object, float]]) -> None:
    """Page 3 holds linn upside down through its matrix: it must come out upside down."""
    pages = _outcome(sweep, "ocrmypdf/cardinal.pdf")
    assert isinstance(pages, list) and len(pages) == 4
    blobs = _sweep_blobs(sweep)
    upright = _open_blob(blobs, pages[0])
    assert (pages[0].mode, pages[0].dpi) == ("bilevel", 300.0)  # native
    assert [(p.dpi, p.width, p.height) for p in pages[1:]] == [
        (100.0, 1100, 850),
        (100.0, 850, 1100),
        (100.0, 1100, 850),
    ]
    small = upright.convert("L").resize((850, 1100), Image.Resampling.BOX)
    upside_down = _open_blob(blobs, pages[2])
    assert _mean_difference(upside_down.rotate(180), small) < 15  # poppler's own downsampling differs a bit
    assert _mean_difference(upside_down, small) > 25


# ---------------------------------------------------------------------------------------------
# PDFs: native scans versus rendered pages


def _plans(rel: str) -> list[tuple[str, str]]:
    with pikepdf.open(CORPUS / rel) as pdf:
        return [(plan.method, plan.reason) for plan in map(plan_pdf_page, pdf.pages)]


def test_plans_native_for_plain_scans_and_render_for_everything_else() -> None:
    assert _plans("ocrmypdf/linn.pdf") == [("native", "")]
    assert _plans("ocrmypdf/ccitt.pdf") == [("native", "")]
    assert _plans("pikepdf/jbig2global.pdf") == [("native", "")]  # invisible OCR text (Tr 3) over the scan
    assert _plans("ocrmypdf/skew.pdf") == [("render", "image is rotated or skewed")]
    assert _plans("ocrmypdf/rotated_skew.pdf")[0][0] == "render"
    cardinal = _plans("ocrmypdf/cardinal.pdf")
    assert [m for m, _ in cardinal] == ["native", "render", "render", "render"]
    assert _plans("ocrmypdf/poster.pdf") == [("render", "image does not cover the page")]
    assert _plans("ocrmypdf/cmyk.pdf")[0][0] == "render"  # several images and text
    assert _plans("pikepdf/image-mono-inline.pdf") == [("render", "inline image")]
    assert _plans("ocrmypdf/masks.pdf") == [("render", "more than one image")]
    assert _plans("ocrmypdf/negzero.pdf")[0] == ("render", "visible text")


def test_native_scans_keep_their_pixels_and_resolution(tmp_path: Path) -> None:
    linn, blobs = _decode("ocrmypdf/linn.pdf", tmp_path)
    ccitt, _ = _decode("ocrmypdf/ccitt.pdf", tmp_path)
    png, _ = _decode("ocrmypdf/linn.png", tmp_path)
    for page in (linn[0], ccitt[0]):
        assert (page.width, page.height, page.dpi, page.dpi_source, page.mode) == (
            2550,
            3300,
            300.0,
            "pdf",
            "bilevel",
        )
    # JBIG2 (through poppler, no jbig2dec here), CCITT (through pikepdf) and the PNG it came from agree
    assert linn[0].blob == ccitt[0].blob
    assert _mean_difference(_open_blob(blobs, linn[0]), _open_blob(blobs, png[0])) < 0.01


def test_skewed_scan_is_rendered_not_extracted(tmp_path: Path) -> None:
    (page,), blobs = _decode("ocrmypdf/skew.pdf", tmp_path)
    assert (page.width, page.height, page.dpi, page.dpi_source, page.mode) == (
        2550,
        3300,
        300.0,
        "pdf",
        "gray",
    )
    (native,), _ = _decode("ocrmypdf/linn.pdf", tmp_path)
    # the same text, turned by 1.9 degrees: far from the straight scan
    assert _mean_difference(_open_blob(blobs, page), _open_blob(blobs, native)) > 10


def test_resolution_comes_from_the_image_matrix(tmp_path: Path) -> None:
    (page,), _ = _decode("ocrmypdf/2400dpi.pdf", tmp_path)
    assert (page.width, page.height, page.dpi) == (4000, 2864, 2400.0)
    (page,), blobs = _decode("ocrmypdf/aspect.pdf", tmp_path)  # 1000x400 px at 200x100 dpi
    assert (page.width, page.height, page.dpi) == (1000, 800, 200.0)
    assert _open_blob(blobs, page).info["dpi"] == pytest.approx((200, 200), abs=0.1)


def test_colour_jpeg_inside_a_pdf_is_kept_byte_for_byte(tmp_path: Path) -> None:
    (page,), blobs = _decode("pikepdf/congress.pdf", tmp_path)
    assert page.blob.endswith(".jpg") and page.mode == "color" and page.dpi == 360.0
    with pikepdf.open(CORPUS / "pikepdf/congress.pdf") as pdf:
        (image,) = pdf.pages[0].Resources.XObject.values()
        assert blobs.read(page.blob) == image.read_raw_bytes()


def test_page_rotate_turns_a_native_scan_clockwise(tmp_path: Path) -> None:
    turned = tmp_path / "turned.pdf"
    with pikepdf.open(CORPUS / "ocrmypdf/ccitt.pdf") as pdf:
        pdf.pages[0].obj.Rotate = 90
        pdf.save(turned)
    blobs = BlobStore(tmp_path / "blobs")
    (page,) = decode_file(turned, blobs, Limits())
    (upright,) = decode_file(CORPUS / "ocrmypdf/ccitt.pdf", blobs, Limits())
    assert (page.width, page.height, page.mode) == (3300, 2550, "bilevel")
    expected = _open_blob(blobs, upright).transpose(Image.Transpose.ROTATE_270)  # 90 degrees clockwise
    assert ImageChops.difference(_open_blob(blobs, page), expected).getbbox() is None


def test_encrypted_pdfs(tmp_path: Path) -> None:
    for rel in ("pikepdf/graph-encrypted.pdf", "naps2/encrypted_pdf.pdf"):
        with pytest.raises(BadInput) as info:
            _decode(rel, tmp_path)
        assert info.value.message == f"{Path(rel).name} {PASSWORD_SENTENCE}"
    # empty user password, copying forbidden: opens like in any viewer
    pages, _ = _decode("vietocr3/vietsample1.pdf", tmp_path, Limits(render_dpi=100))
    assert [p.source_name for p in pages] == ["vietsample1.pdf#p1", "vietsample1.pdf#p2"]


def test_pdf_page_count_limit(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match=r"3small\.pdf has 3 pages, over the limit of 2; split it"):
        _decode("ocrmypdf/3small.pdf", tmp_path, Limits(max_pages=2))


def test_pdf_render_size_limit(tmp_path: Path) -> None:
    # no-contents page: 720x720 pt = 10x10 in, 9 megapixels at 300 dpi
    with pytest.raises(
        BadInput, match=r"no_contents\.pdf page 1 at 300 dpi is 9\.0 megapixels, over the limit"
    ):
        _decode("ocrmypdf/no_contents.pdf", tmp_path, Limits(max_pixels=5_000_000))


def test_undecodable_scan_is_refused_not_stored_blank(tmp_path: Path) -> None:
    broken = tmp_path / "broken-scan.pdf"
    with pikepdf.open(CORPUS / "ocrmypdf/c02-22.pdf") as pdf:
        (image,) = pdf.pages[0].Resources.XObject.values()
        image.write(b"\x77\x77 not a jpeg at all " * 50, filter=pikepdf.Name.DCTDecode)
        pdf.save(broken)
    with pytest.raises(BadInput, match=r"broken-scan\.pdf page 1 is a scanned image that cannot be decoded"):
        decode_file(broken, BlobStore(tmp_path / "blobs"), Limits(render_dpi=50))


# ---------------------------------------------------------------------------------------------
# raster files


def test_g4_orientations_all_come_out_like_orientation_1(tmp_path: Path) -> None:
    (reference,), blobs = _decode("pillow/g4_orientation_1.tif", tmp_path)
    base = _open_blob(blobs, reference)
    for n in (3, 5, 6, 8):
        (page,), _ = _decode(f"pillow/g4_orientation_{n}.tif", tmp_path)
        assert (page.width, page.height, page.mode) == (590, 88, "bilevel"), n
        differing = ImageChops.difference(base.convert("L"), _open_blob(blobs, page).convert("L"))
        # the files are separately encoded, Pillow's own test allows the same small mismatch
        assert ImageStat.Stat(differing).mean[0] / 255 < 0.003, n


def test_exif_jpegs_come_out_upright(tmp_path: Path) -> None:
    pages = {n: _decode(f"pillow/hopper_orientation_{n}.jpg", tmp_path) for n in (3, 6, 8)}
    images = {n: _open_blob(blobs, page) for n, ((page,), blobs) in pages.items()}
    raw3 = Image.open(CORPUS / "pillow/hopper_orientation_3.jpg").convert("RGB")
    assert _mean_difference(images[3], raw3.transpose(Image.Transpose.ROTATE_180)) < 1
    assert _mean_difference(images[6], images[3]) < 6  # independent JPEG encodings of one picture
    assert _mean_difference(images[8], images[3]) < 6
    assert all(page.blob.endswith(".png") for (page,), _ in pages.values())  # turned: no longer the JPEG


def test_jpeg_resolution_from_jfif_exif_or_photoshop(tmp_path: Path) -> None:
    def dpi(rel: str) -> tuple[float, str]:
        (page,), _ = _decode(rel, tmp_path)
        return page.dpi, page.dpi_source

    assert dpi("pillow/exif-200dpcm.jpg") == (508.0, "file")
    assert dpi("pillow/photoshop-200dpi.jpg") == (200.0, "file")
    # Pillow reports its 72-dpi fallback for these; the files do state 200 dpi in Photoshop's block
    assert dpi("pillow/no-dpi-in-exif.jpg") == (200.0, "file")
    assert dpi("pillow/exif-dpi-zerodivision.jpg") == (200.0, "file")
    # nothing usable in the file: estimated from the size, never Pillow's invented 72
    assert dpi("pillow/broken_exif_dpi.jpg")[1] == "estimated"
    assert dpi("pillow/hopper_float_dpi_2.tif") == (72.8, "file")


def test_colour_jpeg_needing_no_turn_is_stored_as_is(tmp_path: Path) -> None:
    (page,), blobs = _decode("naps2/blank2.jpg", tmp_path)
    assert page.blob.endswith(".jpg") and page.mode == "color"
    assert blobs.read(page.blob) == (CORPUS / "naps2/blank2.jpg").read_bytes()
    assert (page.width, page.height, page.dpi, page.dpi_source) == (2550, 3300, 300.0, "file")


def test_cmyk_alpha_palette_and_grey_variants_agree(tmp_path: Path) -> None:
    (reference,), blobs = _decode("ocrmypdf/baiona_colormapped.png", tmp_path)
    base = _open_blob(blobs, reference)
    for rel, mode, tolerance in (
        ("ocrmypdf/baiona_cmyk.jpg", "color", 3),
        ("ocrmypdf/baiona_alpha.png", "color", 1),
        ("ocrmypdf/baiona_gray.png", "gray", 10),
    ):
        (page,), _ = _decode(rel, tmp_path)
        assert page.mode == mode and page.blob.endswith(".png"), rel
        assert _mean_difference(_open_blob(blobs, page), base) < tolerance, rel


def test_alpha_is_composited_on_white(blobs: BlobStore, tmp_path: Path) -> None:
    clear = Image.new("RGBA", (300, 400), (200, 0, 0, 0))
    clear.paste((0, 0, 255, 255), (0, 0, 100, 100))
    path = tmp_path / "alpha.png"
    clear.save(path)
    (page,) = decode_file(path, blobs, Limits())
    img = _open_blob(blobs, page)
    assert (
        page.mode == "color"
        and img.getpixel((200, 300)) == (255, 255, 255)
        and img.getpixel((5, 5)) == (0, 0, 255)
    )


def test_sixteen_bit_grey_is_scaled_to_eight(blobs: BlobStore, tmp_path: Path) -> None:
    path = tmp_path / "deep.png"
    ramp = b"".join((x * 257).to_bytes(2, "little") for x in range(256))
    Image.frombytes("I;16", (256, 10), ramp * 10).save(path)
    assert Image.open(path).mode == "I;16"
    (page,) = decode_file(path, blobs, Limits())
    img = _open_blob(blobs, page)
    assert page.mode == "gray" and img.getextrema() == (0, 255)
    (page,), _ = _decode("pillow/12in16bit.tif", tmp_path)
    assert page.mode == "gray"


def test_grey_content_in_rgb_is_stored_grey(blobs: BlobStore, tmp_path: Path) -> None:
    path = tmp_path / "rgb-but-grey.png"
    Image.linear_gradient("L").convert("RGB").save(path)
    (page,) = decode_file(path, blobs, Limits())
    assert page.mode == "gray" and _open_blob(blobs, page).mode == "L"


def test_unequal_resolution_is_resampled_to_square_pixels(blobs: BlobStore, tmp_path: Path) -> None:
    path = tmp_path / "fax.tif"
    Image.new("1", (1728, 1100), 1).save(path, dpi=(204, 98), compression="group4")
    (page,) = decode_file(path, blobs, Limits())
    assert (page.width, page.height, page.dpi, page.mode) == (1728, round(1100 * 204 / 98), 204.0, "bilevel")


def test_resolution_is_estimated_when_absent_or_absurd(blobs: BlobStore, tmp_path: Path) -> None:
    plain = tmp_path / "plain.png"
    Image.new("L", (2480, 3508), 255).save(plain)  # no pHYs chunk
    placeholder = tmp_path / "a4-600dpi-labelled-72.png"
    Image.new("1", (4961, 7016), 1).save(placeholder, dpi=(72, 72))  # a 97-inch "page"
    assert [(p.dpi, p.dpi_source) for p in decode_file(plain, blobs, Limits())] == [(300.0, "estimated")]
    assert [(p.dpi, p.dpi_source) for p in decode_file(placeholder, blobs, Limits())] == [
        (600.0, "estimated")
    ]


def test_pixel_limit_is_checked_from_the_header(blobs: BlobStore, tmp_path: Path) -> None:
    """A 20000x20000 PNG of which only the header exists: refused before any decoding."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = (20000).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0])
    path = tmp_path / "bomb.png"
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 100))
    )
    started = time.monotonic()
    with pytest.raises(BadInput) as info:
        decode_file(path, blobs, Limits())
    assert info.value.message == (
        "bomb.png is 400 megapixels, over the limit of 150 megapixels; scan it at a lower resolution"
    )
    assert time.monotonic() - started < 1
    with pytest.raises(
        BadInput, match=r"g4-multi\.tiff page 1 is 15 megapixels, over the limit of 10 megapixels;"
    ):
        decode_file(CORPUS / "pillow/g4-multi.tiff", blobs, Limits(max_pixels=10_000_000))


def test_tiff_page_count_limit(blobs: BlobStore) -> None:
    with pytest.raises(BadInput, match=r"g4-multi\.tiff has 3 pages, over the limit of 2"):
        decode_file(CORPUS / "pillow/g4-multi.tiff", blobs, Limits(max_pages=2))


def test_format_is_read_from_content_not_extension(blobs: BlobStore, tmp_path: Path) -> None:
    disguised_png = tmp_path / "scan.pdf"
    shutil.copy(CORPUS / "pillow/g4_orientation_1.tif", disguised_png)
    disguised_pdf = tmp_path / "photo.jpg"
    shutil.copy(CORPUS / "ocrmypdf/linn.pdf", disguised_pdf)
    assert decode_file(disguised_png, blobs, Limits())[0].mode == "bilevel"
    assert decode_file(disguised_pdf, blobs, Limits())[0].dpi_source == "pdf"
    text = tmp_path / "notes.png"
    text.write_text("hello")
    with pytest.raises(BadInput, match=r"^notes\.png is not a PNG, JPEG, TIFF or PDF file; convert it"):
        decode_file(text, blobs, Limits())
    empty = tmp_path / "empty.tif"
    empty.write_bytes(b"")
    with pytest.raises(BadInput, match=r"^empty\.tif is empty"):
        decode_file(empty, blobs, Limits())


def test_sniff_format() -> None:
    assert sniff_format(b"\x89PNG\r\n\x1a\n....") == "png"
    assert sniff_format(b"\xff\xd8\xff\xe0") == "jpeg"
    assert sniff_format(b"II+\x00\x08\x00") == "tiff"  # BigTIFF
    assert sniff_format(b"MM\x00*") == "tiff"
    assert sniff_format(b"junk before the header\n%PDF-1.4\n") == "pdf"
    assert sniff_format(b"     5 0 obj <</Type /XRef") == "pdf"  # header lost, objects intact (fuzz-16214)
    assert sniff_format(b"GIF89a") is None
    assert sniff_format(b"oops\n") is None


def test_full_disk_is_not_blamed_on_the_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "blobs"
    not_a_folder.write_text("a file where the blob folder should be")
    with pytest.raises(OSError) as info:
        decode_file(CORPUS / "pillow/g4_orientation_1.tif", BlobStore(not_a_folder), Limits())
    assert not isinstance(info.value, BadInput)


# ---------------------------------------------------------------------------------------------
# isolation


def _processes_running(argv: list[str]) -> list[int]:
    wanted = "\0".join(argv).encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "cmdline").read_bytes().rstrip(b"\0") == wanted:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_isolated_decoder_crash_becomes_bad_input() -> None:
    with pytest.raises(BadInput) as info:
        run_isolated(ctypes.string_at, (0,), subject="crash.pdf", seconds=20, memory_bytes=2**30)
    assert info.value.message.startswith("crash.pdf: the decoder crashed on it (SIGSEGV)")
    assert (
        os.getpid() > 0
        and run_isolated(os.getpid, (), subject="x", seconds=20, memory_bytes=2**30) != os.getpid()
    )


def test_isolated_decoder_hang_is_killed_with_its_helpers() -> None:
    helper = ["sleep", "61.25"]
    started = time.monotonic()
    with pytest.raises(BadInput) as info:
        run_isolated(subprocess.run, (helper,), subject="hang.tif", seconds=1, memory_bytes=2**30)
    assert time.monotonic() - started < 5
    assert info.value.message.startswith("hang.tif: reading it took longer than 1 s and was stopped;")
    deadline = time.monotonic() + 2
    while _processes_running(helper) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _processes_running(helper) == []


def test_isolated_decoder_memory_limit() -> None:
    with pytest.raises(BadInput) as info:
        run_isolated(bytearray, (2 * 2**30,), subject="big.tif", seconds=20, memory_bytes=512 * 2**20)
    assert info.value.message.startswith("big.tif: reading it needed more than 512 MiB of memory")


def test_isolated_other_errors_are_raised_again() -> None:
    with pytest.raises(ValueError, match="invalid literal"):
        run_isolated(int, ("x",), subject="x", seconds=20, memory_bytes=2**30)


def test_decode_file_isolated_returns_durable_pages(tmp_path: Path) -> None:
    pages = decode_file_isolated(CORPUS / "pillow/g4-multi.tiff", tmp_path, Limits(seconds=30))
    assert [p.source_name for p in pages] == ["g4-multi.tiff#p1", "g4-multi.tiff#p2", "g4-multi.tiff#p3"]
    assert all(BlobStore(tmp_path).exists(p.blob) for p in pages)
    with pytest.raises(BadInput, match="password-protected"):
        decode_file_isolated(CORPUS / "pikepdf/graph-encrypted.pdf", tmp_path, Limits(seconds=30))


def test_blob_is_readable_by_name_alone(blobs: BlobStore) -> None:
    (page,) = decode_file(CORPUS / "pillow/g4_orientation_1.tif", blobs, Limits())
    img = Image.open(io.BytesIO(blobs.read(page.blob)))
    assert img.format == "PNG" and img.mode == "1" and img.info["dpi"] == pytest.approx((96, 96), abs=0.1)
