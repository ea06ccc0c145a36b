"""The frozen station's entry point (installers/station.spec): the programs it ships, then `station`.

The pipeline, the scanner bridge and the import sandbox start worker processes with spawn or
forkserver; in a frozen program those children re-run this executable, and freeze_support is what
turns such a run into the worker instead of a second station.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path


def _ship_tools() -> None:
    """Tesseract (and poppler) installed beside the program by the Windows installer come first on PATH,
    for this process and every worker it starts; elsewhere the system's own are used."""
    if not getattr(sys, "frozen", False):
        return
    here = Path(sys.executable).resolve().parent
    tesseract = here / "tesseract"
    found = [d for d in (tesseract, here / "poppler" / "bin") if d.is_dir()]
    if found:
        os.environ["PATH"] = os.pathsep.join([*map(str, found), os.environ.get("PATH", "")])
    if (tesseract / "tessdata").is_dir():
        os.environ.setdefault("TESSDATA_PREFIX", str(tesseract / "tessdata"))


if __name__ == "__main__":
    multiprocessing.freeze_support()
    _ship_tools()
    from station.entry import main

    raise SystemExit(main())
