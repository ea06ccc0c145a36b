#!/usr/bin/env python3
"""Pipeline benchmark: import, process and export N pages; OCRmyPDF on the same pages beside it.

    .venv/bin/python bench/pipeline.py [--real 20] [--rendered 20] [--out bench/out]

Prints one JSON document: pages per minute, seconds per stage per page, peak memory, bytes per
page, and the same for `ocrmypdf -l vie --output-type pdfa --rotate-pages --deskew -j 2` when it
is installed (on PATH, in $OCRMYPDF, or in .venv-peers/ as `make bench` sets it up).
Each side runs in its own process so that its peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

# Real scans with labels, in a fixed order; the first N pages are taken.
REAL_SOURCES = [
    "tesseract_test/8071_093.3B.tif",
    "tesseract_test/8087_054.3B.tif",
    "tesseract_test/eurotext.tif",
    "tesseract_test/phototest.tif",
    "tesseract_test/phototest-rotated-180.png",
    "tesseract_test/phototest-rotated-L.png",
    "ocrmypdf/linn.png",
    "ocrmypdf/cardinal.pdf",
    "ocrmypdf/skew.pdf",
    "ocrmypdf/c02-22.pdf",
    "pikepdf/congress.pdf",
    "naps2/ocr_test.jpg",
    "naps2/skewed.jpg",
    "naps2/notblank.jpg",
    "unpaper/imgsrc001.png",
    "vietocr3/vietsample2.png",
    "vietocr3/vietsample1.pdf",
]


def peak_rss_mib() -> float:
    """The largest resident size of this process or any process it waited for.

    Linux carries ru_maxrss across fork and exec, so the orchestrating process stays small and the
    pages are prepared in a child of their own: otherwise every side would start at its size.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def collect_pages(real: int, rendered: int, work: Path) -> list[tuple[Path, float]]:
    """Page images with their dpi: `real` pages of the corpus, then `rendered` Vietnamese pages."""
    from station.files import BlobStore
    from station.intake.decode import Limits, decode_file
    from station.samples import write_sample_files

    blobs = BlobStore(work / "blobs")
    pages: list[tuple[Path, float]] = []
    for rel in REAL_SOURCES:
        for page in decode_file(CORPUS / rel, blobs, Limits()):
            if len(pages) < real:
                pages.append((blobs.path(page.blob), page.dpi))
    made = 0
    damage_cycle = [None, "scan"]
    round_no = 0
    while made < rendered:
        files = write_sample_files(work / f"rendered{round_no}", dpi=300, damage=damage_cycle[round_no % 2])
        for f in files:
            for page in decode_file(f, blobs, Limits()):
                if made < rendered:
                    pages.append((blobs.path(page.blob), page.dpi))
                    made += 1
        round_no += 1
    return pages


def make_input_pdf(pages: list[tuple[Path, float]], out: Path) -> None:
    """One PDF holding every page image at its own resolution: the same input for both sides."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(out))
    for path, dpi in pages:
        with Image.open(path) as im:
            w, h = im.size
        size = (w / dpi * 72, h / dpi * 72)
        c.setPageSize(size)
        c.drawImage(str(path), 0, 0, width=size[0], height=size[1])
        c.showPage()
    c.save()


def side_station(input_pdf: Path, work: Path) -> dict[str, object]:
    from station.domain import SplitMode
    from station.workflow import Station

    station = Station(work / "data")
    t0 = time.perf_counter()
    report = station.import_files([input_pdf], batch="bench", split=SplitMode.NONE)
    t1 = time.perf_counter()
    processed = station.process(batch="bench")
    t2 = time.perf_counter()
    doc = report.documents[0]["id"]
    out = work / "station.pdf"
    exported = station.export_pdf(doc, out)
    t3 = time.perf_counter()
    n = report.documents[0]["page_count"]
    per_stage = {k: round(v / n, 3) for k, v in processed.stage_seconds.items()}
    total = t3 - t0
    return {
        "pages": n,
        "pages_failed": processed.pages_failed,
        "seconds": {"import": round(t1 - t0, 2), "process": round(t2 - t1, 2), "export": round(t3 - t2, 2),
                    "total": round(total, 2)},
        "pages_per_minute": round(n / total * 60, 2),
        "stage_seconds_per_page": per_stage,
        "export_seconds_per_page": round((t3 - t2) / n, 3),
        "pages_in_pdf": exported["pages"],
        "bytes_per_page": round(out.stat().st_size / max(1, exported["pages"])),
        "peak_rss_mib_largest_process": peak_rss_mib(),
    }


def find_ocrmypdf() -> str | None:
    for candidate in (os.environ.get("OCRMYPDF"), shutil.which("ocrmypdf"), str(ROOT / ".venv-peers/bin/ocrmypdf")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def side_ocrmypdf(input_pdf: Path, work: Path, exe: str, n: int) -> dict[str, object]:
    out = work / "ocrmypdf.pdf"
    cmd = [exe, "-l", "vie", "--output-type", "pdfa", "--rotate-pages", "--deskew", "-j", "2", str(input_pdf), str(out)]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    total = time.perf_counter() - t0
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()
    result: dict[str, object] = {"command": " ".join(cmd[:-2]), "version": version, "exit_code": p.returncode,
                                 "seconds": {"total": round(total, 2)}, "pages": n,
                                 "pages_per_minute": round(n / total * 60, 2), "peak_rss_mib_largest_process": peak_rss_mib()}
    if p.returncode == 0:
        result["bytes_per_page"] = round(out.stat().st_size / n)
    else:
        result["stderr_tail"] = p.stderr[-2000:]
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--real", type=int, default=20)
    ap.add_argument("--rendered", type=int, default=20)
    ap.add_argument("--out", type=Path, default=None, help="keep the input and output PDFs here")
    ap.add_argument("--side", choices=["prepare", "station", "ocrmypdf"], help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--pages", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.side == "prepare":
        pages = collect_pages(args.real, args.rendered, args.out / "pages")
        make_input_pdf(pages, args.input)
        print(json.dumps({"pages": len(pages)}))
        return 0
    if args.side:  # a child run: one side, its own JSON
        work = Path(tempfile.mkdtemp(prefix=f"bench-{args.side}-", dir=args.out))
        if args.side == "station":
            res = side_station(args.input, work)
        else:
            exe = find_ocrmypdf()
            assert exe
            res = side_ocrmypdf(args.input, work, exe, args.pages)
        print(json.dumps(res))
        return 0

    out_dir = args.out or Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    input_pdf = out_dir / "input.pdf"
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    n_pages = 0

    def child(side: str) -> dict[str, object]:
        p = subprocess.run([sys.executable, __file__, "--side", side, "--input", str(input_pdf),
                            "--pages", str(n_pages), "--out", str(out_dir), "--real", str(args.real),
                            "--rendered", str(args.rendered)],
                           capture_output=True, text=True, env=env)
        if p.returncode != 0:
            return {"error": p.stderr[-3000:]}
        return dict(json.loads(p.stdout.strip().splitlines()[-1]))

    prepared = child("prepare")
    if "error" in prepared:
        print(json.dumps(prepared, indent=2))
        return 1
    n_pages = int(prepared["pages"])  # type: ignore[call-overload]

    result: dict[str, object] = {
        "benchmark": "pipeline",
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
        "input": {"pages": n_pages, "real": min(args.real, n_pages), "rendered": args.rendered,
                  "pdf": str(input_pdf)},
        "station": child("station"),
    }
    if find_ocrmypdf():
        peer = child("ocrmypdf")
        result["ocrmypdf"] = peer
        ours, theirs = result["station"], peer
        if isinstance(ours, dict) and "pages_per_minute" in ours and "pages_per_minute" in theirs:
            result["speed_ratio_station_over_ocrmypdf"] = round(
                float(ours["pages_per_minute"]) / float(theirs["pages_per_minute"]), 3)  # type: ignore[arg-type]
            if "bytes_per_page" in theirs:
                result["size_ratio_station_over_ocrmypdf"] = round(
                    float(ours["bytes_per_page"]) / float(theirs["bytes_per_page"]), 3)  # type: ignore[arg-type]
    else:
        result["ocrmypdf"] = "not installed (make bench installs it in .venv-peers)"
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
