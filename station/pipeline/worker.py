"""What one pool process does for one page: cleanup, then OCR.

The job is a small picklable record (OCRmyPDF's per-page context): the worker reads the page
from the content-addressed store, writes its outputs there atomically and returns results; only
the parent process writes to the database, so a killed worker leaves nothing half-recorded.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

from station.domain import Stage
from station.files import BlobStore

JPEG_QUALITY = 85


@dataclass
class PageJob:
    page_id: int
    blob_root: str
    source_blob: str
    dpi: float
    stages: list[Stage]
    language: str = "vie"
    ocr_timeout: float = 180
    cleaned_blob: str | None = None
    cleanup: dict[str, Any] | None = None


@dataclass
class StageOutcome:
    stage: Stage
    ok: bool
    seconds: float
    result: dict[str, Any] = field(default_factory=dict)
    blob: str | None = None
    error: str | None = None


def init_worker() -> None:
    """One thread per process: Tesseract's and OpenCV's own threads only fight on two cores."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    cv2.setNumThreads(1)
    _die_with_parent()
    # The GUI asks for its page workers to yield the CPU to it (STATION_WORKER_NICE=5 from the window): an operator
    # typing must not wait for OCR; the workers still get every cycle the window leaves idle.
    nice = int(os.environ.get(WORKER_NICE_ENV) or 0)
    if nice > 0 and hasattr(os, "nice"):
        os.nice(nice)


WORKER_NICE_ENV = "STATION_WORKER_NICE"


def _die_with_parent() -> None:
    """A worker whose parent was killed must not live on holding memory (SIGKILL gives no cleanup)."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the call took effect
            os._exit(1)
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def read_image(path: Path) -> np.ndarray:
    data = np.fromfile(path, dtype=np.uint8)
    image = cv2.imdecode(data, cv2.IMREAD_UNCHANGED)
    if image is None:
        raise ValueError(f"the stored page image {path.name} cannot be decoded")
    if image.dtype != np.uint8:
        image = cv2.convertScaleAbs(image, alpha=255.0 / max(1, int(image.max())))
    if image.ndim == 3 and image.shape[2] == 4:
        image = cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    return image


def encode_cleaned(image: np.ndarray, colour_mode: str) -> tuple[bytes, str]:
    """The archived page: JPEG for colour and grey, 1-bit PNG for bilevel pages."""
    if colour_mode == "bilevel":
        gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        _, bw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        import io

        buf = io.BytesIO()
        Image.fromarray(bw).convert("1").save(buf, format="PNG", optimize=True)
        return buf.getvalue(), ".png"
    if colour_mode == "gray" and image.ndim == 3:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise ValueError("the cleaned page could not be encoded as JPEG")
    return data.tobytes(), ".jpg"


def run_page(job: PageJob) -> list[StageOutcome]:
    from station.imaging.cleanup import clean_page
    from station.imaging.ocrcopy import ocr_copy
    from station.ocr.tesseract import detect_orientation, ocr_image

    blobs = BlobStore(Path(job.blob_root))
    outcomes: list[StageOutcome] = []
    cleaned: np.ndarray | None = None
    cleanup = job.cleanup
    for stage in job.stages:
        start = time.perf_counter()
        try:
            if stage is Stage.CLEANUP:
                source = read_image(blobs.path(job.source_blob))
                res = clean_page(source, job.dpi, orientation=detect_orientation)
                data, suffix = encode_cleaned(res.image, res.colour_mode)
                name = blobs.put(data, suffix)
                cleaned = res.image
                cleanup = {**res.to_dict(), "width": int(res.image.shape[1]), "height": int(res.image.shape[0])}
                outcomes.append(StageOutcome(stage, True, time.perf_counter() - start, cleanup, name))
            elif stage is Stage.OCR:
                if cleanup is None:
                    raise RuntimeError("OCR needs the cleaned page")
                if cleanup.get("blank"):
                    result = {"skipped": "blank", "lines": [], "language": job.language, "engine": ""}
                    outcomes.append(StageOutcome(stage, True, time.perf_counter() - start, result))
                    continue
                if cleaned is None:
                    assert job.cleaned_blob is not None
                    cleaned = read_image(blobs.path(job.cleaned_blob))
                ocr = ocr_image(ocr_copy(cleaned, job.dpi), job.dpi, job.language, timeout=job.ocr_timeout)
                result = ocr.to_dict()
                result["confidence"] = round(ocr.confidence, 4)
                outcomes.append(StageOutcome(stage, True, time.perf_counter() - start, result))
        except Exception as exc:  # a page's failure is recorded, never fatal to the batch
            message = str(exc) or exc.__class__.__name__
            outcomes.append(
                StageOutcome(stage, False, time.perf_counter() - start, {"trace": traceback.format_exc(limit=5)},
                             error=message)
            )
            break
    return outcomes
