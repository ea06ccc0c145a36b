"""Tesseract through pytesseract: words with boxes and confidence, lines in reading order, OSD.

Tesseract is run one page per process with OMP_THREAD_LIMIT=1: its own threads make it several
times slower on two cores than running pages side by side (shared/NOTES.md). pytesseract writes
a temporary image without a resolution, so the dpi is always passed explicitly.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytesseract
from PIL import Image

from station.errors import StationError
from station.ocr.layout import reading_order
from station.ocr.result import Line, OcrResult, Word

os.environ.setdefault("OMP_THREAD_LIMIT", "1")

__all__ = ["Line", "OcrError", "OcrResult", "Word", "detect_orientation", "engine_version", "languages", "ocr_image"]


class OcrError(StationError):
    pass


@lru_cache(maxsize=1)
def engine_version() -> str:
    try:
        return f"tesseract {pytesseract.get_tesseract_version()}"
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise OcrError("Tesseract is not installed; run `make run` or install tesseract-ocr.") from exc


@lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    try:
        return frozenset(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError):
        return frozenset()


def _to_pil(image: np.ndarray | Image.Image) -> Image.Image:
    if isinstance(image, Image.Image):
        return image
    if image.ndim == 3:
        return Image.fromarray(image[:, :, ::-1].copy())  # OpenCV's BGR to RGB
    return Image.fromarray(image)


def ocr_image(
    image: np.ndarray | Image.Image, dpi: float, language: str = "vie", timeout: float = 180
) -> OcrResult:
    """Read a cleaned, upright page; return words and lines in reading order (station.ocr.layout)."""
    config = f"--dpi {round(dpi)} --psm 3"
    try:
        data = pytesseract.image_to_data(
            _to_pil(image), lang=language, config=config, output_type=pytesseract.Output.DICT, timeout=timeout
        )
    except RuntimeError as exc:  # pytesseract raises RuntimeError on timeout
        raise OcrError(f"Tesseract took longer than {timeout:.0f} s on a page; try again or rescan it.") from exc
    except pytesseract.TesseractError as exc:
        raise OcrError(f"Tesseract failed on a page ({exc.message.strip()[:200]}).") from exc
    lines: list[Line] = []
    current: tuple[int, int, int] | None = None
    for i, raw in enumerate(data["text"]):
        text = unicodedata.normalize("NFC", (raw or "").strip())
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        word = Word(
            text=text,
            bbox=(int(data["left"][i]), int(data["top"][i]), int(data["width"][i]), int(data["height"][i])),
            conf=round(conf / 100.0, 4),
            block=key[0],
            par=key[1],
            line=key[2],
        )
        if key != current:
            lines.append(Line(text="", bbox=word.bbox, words=[]))
            current = key
        lines[-1].words.append(word)
    for line in lines:
        line.text = " ".join(w.text for w in line.words)
        x0 = min(w.bbox[0] for w in line.words)
        y0 = min(w.bbox[1] for w in line.words)
        x1 = max(w.bbox[0] + w.bbox[2] for w in line.words)
        y1 = max(w.bbox[1] + w.bbox[3] for w in line.words)
        line.bbox = (x0, y0, x1 - x0, y1 - y0)
    return OcrResult(lines=reading_order(lines), language=language, engine=engine_version())


_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_CONF = re.compile(r"Orientation confidence:\s*([\d.]+)")


def detect_orientation(image: np.ndarray | Image.Image, dpi: float, timeout: float = 60) -> tuple[int, float]:
    """Tesseract OSD: (how far the content is turned clockwise from upright, confidence).

    Returns (0, 0.0) when OSD cannot decide (too little text): the caller treats that as unsure.
    """
    # Handed over as an uncompressed PNM file: pytesseract would write a zlib PNG, which cost about
    # 30 ms of the cleanup stage's own CPU per A4 page for a file Tesseract reads once.
    with tempfile.TemporaryDirectory(prefix="station-osd-") as tmp:
        path = Path(tmp) / "page.pnm"
        _to_pil(image).save(path, format="PPM")
        try:
            out = pytesseract.image_to_osd(str(path), config=f"--psm 0 --dpi {round(dpi)}", timeout=timeout)
        except (pytesseract.TesseractError, RuntimeError):
            return 0, 0.0
    rot = _ROTATE.search(out)
    conf = _CONF.search(out)
    if not rot:
        return 0, 0.0
    # OSD's "Rotate" is how far to turn the image clockwise to make it upright.
    return (360 - int(rot.group(1))) % 360, float(conf.group(1)) if conf else 0.0
