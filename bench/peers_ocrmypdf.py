"""Run inside OCRmyPDF's own environment (.venv-peers): its deskew and orientation decisions.

Reads a JSON list of tasks on stdin, prints a JSON list of answers on stdout. OCRmyPDF's
`--deskew` turns the page by `ocrmypdf._exec.tesseract.get_deskew` (Tesseract's page layout
analysis, `--psm 2`), and `--rotate-pages` acts on `get_orientation` (Tesseract OSD) when its
confidence reaches the default threshold; calling those functions measures exactly what the
options would do, without the OCR and PDF work around them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ocrmypdf._defaults import DEFAULT_ROTATE_PAGES_THRESHOLD
from ocrmypdf._exec.tesseract import get_deskew, get_orientation


def main() -> None:
    tasks = json.load(sys.stdin)
    out = []
    for task in tasks:
        path = Path(task["path"])
        if task["op"] == "deskew":
            out.append({"correction_ccw_deg": get_deskew(path, task.get("languages", ["eng"]), None, 120, 1)})
        elif task["op"] == "orient":
            oc = get_orientation(path, None, 120, 1)
            turned = int(oc.angle) % 360 if oc.confidence >= DEFAULT_ROTATE_PAGES_THRESHOLD else 0
            out.append({"content_rotation_cw_deg": turned, "confidence": oc.confidence})
        else:
            raise SystemExit(f"unknown op {task['op']!r}")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
