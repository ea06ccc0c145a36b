#!/usr/bin/env python3
"""Size benchmark: bytes per page of the station's PDF/A for colour, grey and bitonal pages, and
what the compression costs OCR; OCRmyPDF's output on the same pages beside it.

    .venv/bin/python bench/size.py [--pages 3] [--no-peer] [--keep DIR]

Pages:
- colour: rendered Vietnamese administrative pages (station.samples) with a red seal and a blue
  signature, damaged like a flatbed scan, stored as the cleanup stores them (JPEG q85, 300 dpi);
- grey: the same pages rendered grey (JPEG q85);
- bitonal: the real 300 dpi G4 Vietnamese scans of ../shared/corpus/vietocr3.
Each class is one document built with station.pdf.build_pdfa (with its OCR text layer) and one
OCRmyPDF run (`-l vie --output-type pdfa`, the page images in an image-only PDF as input).

Re-OCR: every page of our PDF is rasterised (`pdftoppm -r 300`), read by Tesseract (vie) and
compared with a reference, Tesseract's reading of the clean render of the same sample; the
same for the uncompressed page (the damaged page before the JPEG the cleanup writes). CER is the
Levenshtein distance over the truth's length, whitespace collapsed, NFC. Targets (issue 6):
colour < 150 KB/page, CER <= uncompressed + 0.5 points, bytes <= half of OCRmyPDF's.
Times are CPU seconds of this process (the machine is shared; wall time would be inflated).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from PIL import Image, ImageSequence  # noqa: E402
from pipeline import find_ocrmypdf, make_input_pdf  # noqa: E402

DPI = 300
CLEANUP_JPEG_QUALITY = 85  # station.pipeline.worker.JPEG_QUALITY
TARGET_COLOUR_BYTES = 150 * 1024
BITONAL_SOURCES = [("vietocr3/vietsample.tif", 0), ("vietocr3/vietsample1.tif", 0), ("vietocr3/vietsample2.tif", 0)]


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def cer(hypothesis: str, truth: str) -> float:
    t = normalise(truth)
    return levenshtein(normalise(hypothesis), t) / max(1, len(t))


def ocr_text(img: Image.Image) -> str:
    from station.ocr.tesseract import ocr_image

    return ocr_image(img.convert("L"), DPI, "vie").text


def rasterise(pdf: Path, work: Path) -> list[Image.Image]:
    prefix = work / f"{pdf.stem}-r"
    subprocess.run(["pdftoppm", "-r", str(DPI), "-png", str(pdf), str(prefix)], check=True)
    pages = []
    for path in sorted(work.glob(f"{prefix.name}-*.png"), key=lambda p: int(re.findall(r"-(\d+)\.png$", p.name)[0])):
        with Image.open(path) as im:
            pages.append(im.convert("RGB"))
    return pages


def rendered_pages(n: int, mode: str, work: Path, truths: dict[str, str]) -> list[tuple[Path, Image.Image, str]]:
    """(cleaned JPEG, lossless page, reference text) for the first pages of the first n samples.

    The reference is Tesseract's reading of the clean render (no scan damage, no JPEG): the
    same reading order as every other reading, which the sample's own text list is not.
    """
    from station.samples import list_samples, load_sample, render_sample

    pages = []
    for name in list_samples()[:n]:
        sample = load_sample(name)
        if name not in truths:
            truths[name] = ocr_text(render_sample(sample, DPI)[0])
        page = render_sample(sample, DPI, "scan")[0]
        page = page.convert("L") if mode == "gray" else page
        path = work / f"{mode}-{name}.jpg"
        page.save(path, "JPEG", quality=CLEANUP_JPEG_QUALITY, dpi=(DPI, DPI))
        pages.append((path, page, truths[name]))
    return pages


def bitonal_pages(n: int, work: Path) -> list[tuple[Path, Image.Image, str | None]]:
    pages = []
    for rel, index in BITONAL_SOURCES[:n]:
        with Image.open(CORPUS / rel) as tiff:
            img = next(p.copy() for i, p in enumerate(ImageSequence.Iterator(tiff)) if i == index)
        path = work / f"bitonal-{Path(rel).stem}.png"
        img.convert("1").save(path, dpi=(DPI, DPI))
        pages.append((path, img.convert("L"), None))
    return pages


def measure_class(name: str, pages: list, work: Path, exe: str | None) -> dict[str, object]:
    from station.ocr.tesseract import ocr_image
    from station.pdf import PdfPage, build_pdfa

    mode = {"colour": "color", "grey": "gray", "bitonal": "bilevel"}[name]
    pdf_pages = []
    for path, _lossless, _truth in pages:
        with Image.open(path) as im:
            lines = ocr_image(im.convert("L"), DPI, "vie").lines
        pdf_pages.append(PdfPage(path, DPI, mode, lines))
    ours = work / f"{name}-station.pdf"
    t0 = time.process_time()
    build_pdfa(pdf_pages, {"subject": f"bench {name}"}, ours, producer="station bench")
    build_cpu = time.process_time() - t0
    n = len(pages)
    result: dict[str, object] = {
        "pages": n,
        "station": {"bytes_per_page": round(ours.stat().st_size / n),
                    "build_cpu_seconds_per_page": round(build_cpu / n, 3)},
        "input_bytes_per_page": round(sum(p.stat().st_size for p, _l, _t in pages) / n),
    }
    truths = [t for _p, _l, t in pages]
    if all(t is not None for t in truths):
        ours_pages = rasterise(ours, work)
        cer_ours = [cer(ocr_text(img), t) for img, t in zip(ours_pages, truths, strict=True)]
        cer_lossless = [cer(ocr_text(lossless), t) for (_p, lossless, t) in pages]
        result["reocr_cer_percent"] = {
            "station_pdf": round(100 * sum(cer_ours) / n, 3),
            "uncompressed_page": round(100 * sum(cer_lossless) / n, 3),
            "per_page_station_pdf": [round(100 * c, 3) for c in cer_ours],
            "per_page_uncompressed": [round(100 * c, 3) for c in cer_lossless],
        }
    if exe:
        source = work / f"{name}-input.pdf"
        make_input_pdf([(p, float(DPI)) for p, _l, _t in pages], source)
        peer = work / f"{name}-ocrmypdf.pdf"
        cmd = [exe, "-l", "vie", "--output-type", "pdfa", "-j", "1", str(source), str(peer)]
        proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        if proc.returncode == 0:
            result["ocrmypdf"] = {"bytes_per_page": round(peer.stat().st_size / n),
                                  "command": " ".join(cmd[:-2])}
            result["station_over_ocrmypdf"] = round(ours.stat().st_size / peer.stat().st_size, 3)
        else:
            result["ocrmypdf"] = {"exit_code": proc.returncode, "stderr_tail": proc.stderr[-1500:]}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=3, help="pages per class")
    parser.add_argument("--no-peer", action="store_true", help="skip OCRmyPDF")
    parser.add_argument("--keep", type=Path, help="keep the PDFs in this folder")
    args = parser.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    exe = None if args.no_peer else find_ocrmypdf()
    work = Path(tempfile.mkdtemp(prefix="bench-size-"))
    try:
        truths: dict[str, str] = {}
        classes = {
            "colour": rendered_pages(args.pages, "color", work, truths),
            "grey": rendered_pages(args.pages, "gray", work, truths),
            "bitonal": bitonal_pages(args.pages, work),
        }
        report: dict[str, object] = {"dpi": DPI, "ocrmypdf": exe or "not installed (make bench-size installs it)"}
        for name, pages in classes.items():
            report[name] = measure_class(name, pages, work, exe)
        colour = report["colour"]
        assert isinstance(colour, dict)
        bpp = colour["station"]["bytes_per_page"]
        cer_info = colour.get("reocr_cer_percent", {})
        targets = {
            "colour_under_150KB_per_page": bpp < TARGET_COLOUR_BYTES,
            "colour_reocr_cer_within_0.5_points": (
                cer_info["station_pdf"] <= cer_info["uncompressed_page"] + 0.5 if cer_info else None),
            "colour_at_most_half_of_ocrmypdf": (
                colour["station_over_ocrmypdf"] <= 0.5 if "station_over_ocrmypdf" in colour else None),
        }
        report["targets_met"] = targets
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for pdf in work.glob("*.pdf"):
                shutil.copy2(pdf, args.keep / pdf.name)
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        print()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
