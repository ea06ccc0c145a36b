"""OCR with real Tesseract (vie) on rendered Vietnamese pages and the VietOCR3 sample: character
error rate, the reading order of the ND 30 header, NFC text with word boxes.

vietocr3/vietsample1.pdf is VietOCR3's sample (Apache-2.0, see shared/corpus/SOURCES.md).
"""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import cv2
import numpy as np
import pytest

from station.imaging import clean_page
from station.imaging.ocrcopy import ocr_copy
from station.ocr.metrics import cer_percent, normalise
from station.ocr.tesseract import detect_orientation, ocr_image
from station.samples import _MOTTO, _MOTTO_2, load_sample, render_sample

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def sample_truth(name: str) -> str:
    """The sample's printed text in reading order (the stamp's rim text is not text to read):
    organ, motto, number, place and date, title, body, recipients, signer."""
    s = load_sample(name)
    parts = [*s.parent_organ, *s.organ, _MOTTO, _MOTTO_2, *([s.number] if s.number else []), *s.subject_left,
             s.place_date, *([s.title] if s.title else []), *s.subject, *(b.text for b in s.body),
             "Nơi nhận:", *s.recipients, *([s.signer.authority] if s.signer.authority else []),
             *s.signer.position, s.signer.name]
    return "\n".join(parts)


def read_pages(name: str, damage: str | None) -> list[str]:
    out = []
    for page in render_sample(load_sample(name), dpi=300, damage=damage):
        bgr = cv2.cvtColor(np.asarray(page.convert("RGB")), cv2.COLOR_RGB2BGR)
        res = clean_page(bgr, 300, orientation=detect_orientation)
        out.append(ocr_image(ocr_copy(res.image, 300), 300, "vie").text)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("damage", [None, "scan"])
def test_cer_on_a_rendered_decision_with_stamp(damage: str | None) -> None:
    """Clean, and after skew, noise, blur, JPEG and yellowed, shaded paper: CER ≤ 1 %."""
    text = "\n".join(read_pages("01_quyet_dinh_bgddt", damage))
    assert cer_percent(sample_truth("01_quyet_dinh_bgddt"), text) <= 1.0
    assert text == unicodedata.normalize("NFC", text)


@pytest.mark.slow
def test_header_of_a_two_line_organ_reads_organ_then_motto() -> None:
    s = load_sample("03_giay_chung_nhan_sgddt_bac_ninh")
    lines = [normalise(x) for x in read_pages(s.name, "scan")[0].splitlines()]
    # The organ's column is narrow: its first line wraps ("... TỈNH BẮC" / "NINH").
    motto = lines.index(normalise(_MOTTO))
    assert " ".join(lines[:motto]) == normalise(" ".join([*s.parent_organ, *s.organ]))
    assert lines[motto + 1] == normalise(_MOTTO_2)


@pytest.mark.slow
def test_cer_on_vietocr3_sample_pdf() -> None:
    """The VietOCR3 poem, rasterised at 300 dpi, against the PDF's own text layer: CER ≤ 2 %."""
    pages = []
    for page in (1, 2):
        png = subprocess.run(["pdftoppm", "-r", "300", "-f", str(page), "-l", str(page), "-gray", "-png",
                              str(CORPUS / "vietocr3/vietsample1.pdf")], capture_output=True, check=True).stdout
        image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
        res = clean_page(image, 300, orientation=detect_orientation)
        pages.append(ocr_image(ocr_copy(res.image, 300), 300, "vie").text)
    truth = (CORPUS / "vietocr3/vietsample1.pdf.pdftotext.txt").read_text(encoding="utf-8")
    assert cer_percent(truth, "\n".join(pages)) <= 2.0


def test_words_carry_boxes_and_confidences() -> None:
    page = render_sample(load_sample("01_quyet_dinh_bgddt"), dpi=300, mode="L")[0]
    top = np.asarray(page)[: 700]  # the header and the number row
    res = ocr_image(top, 300, "vie")
    assert [ln.text for ln in res.lines[:4]] == ["BỘ GIÁO DỤC VÀ ĐÀO TẠO", _MOTTO, _MOTTO_2, "Số: 1274/QĐ-BGDĐT"]
    for word in res.words:
        x, y, w, h = word.bbox
        assert 0 <= x and 0 <= y and x + w <= top.shape[1] and y + h <= top.shape[0]
        assert 0.0 <= word.conf <= 1.0
