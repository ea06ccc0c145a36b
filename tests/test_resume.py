"""Kill `station process` with SIGKILL at several moments: a rerun loses and duplicates nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, station, station_json


def _done_rows(data: Path) -> int:
    db = sqlite3.connect(data / "station.sqlite3", timeout=30)
    try:
        return int(db.execute("SELECT COUNT(*) FROM page_stages WHERE status = 'done'").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        db.close()


def _start(data: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "STATION_DATA_DIR": str(data), "OMP_THREAD_LIMIT": "1"}
    return subprocess.Popen([sys.executable, "-m", "station", "process"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.mark.slow
def test_sigkill_mid_process_loses_and_duplicates_nothing(tmp_path: Path, corpus: Path) -> None:
    data = tmp_path / "data"
    sources = [corpus / "tesseract_test" / "phototest.tif", corpus / "pillow" / "g4-multi.tiff",
               corpus / "tesseract_test" / "phototest-rotated-L.png", corpus / "naps2" / "notblank.jpg",
               corpus / "ocrmypdf" / "linn.png"]
    imported = station_json("import", *sources, "--split", "none", data_dir=data)
    n_pages = imported["documents"][0]["page_count"]
    assert n_pages == 7

    before = _orphans()
    # Kill at three moments: while workers start, after a first page, and after more pages.
    for threshold in (0, 1, 4):
        proc = _start(data)
        deadline = time.monotonic() + 120
        while _done_rows(data) < threshold + (1 if threshold else 0) and time.monotonic() < deadline:
            if proc.poll() is not None:
                break
            time.sleep(0.05)
        if threshold == 0:
            time.sleep(0.5)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode in (-signal.SIGKILL, 0)

    # The pool's workers die with the process that was killed: none is left running.
    deadline = time.monotonic() + 10
    while _orphans() - before and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _orphans() - before
    station("process", data_dir=data)
    db = sqlite3.connect(data / "station.sqlite3")
    pages = db.execute("SELECT id FROM pages").fetchall()
    assert len(pages) == n_pages
    rows = db.execute("SELECT page_id, stage, status FROM page_stages ORDER BY page_id, stage").fetchall()
    assert len(rows) == n_pages * 2
    assert {r[2] for r in rows} == {"done"}
    assert len({(r[0], r[1]) for r in rows}) == len(rows)
    doc = station_json("show", imported["documents"][0]["id"], data_dir=data)
    assert doc["state"] == "needs_review" and doc["page_count"] == n_pages
    assert [p["index"] for p in doc["pages"]] == list(range(1, n_pages + 1))
    # Every stored file the database points to exists.
    for (blob,) in db.execute("SELECT blob FROM page_stages WHERE blob IS NOT NULL UNION "
                              "SELECT source_blob FROM pages"):
        assert (data / "pages" / blob[:2] / blob).is_file()


def test_a_second_process_run_waits_its_turn(tmp_path: Path) -> None:
    from station.errors import Busy
    from station.pipeline.runner import exclusive

    tmp_path.mkdir(exist_ok=True)
    with exclusive(tmp_path), pytest.raises(Busy, match="already working"), exclusive(tmp_path):
        pass


def _orphans() -> set[int]:
    out = subprocess.run(["ps", "-eo", "pid,ppid,cmd"], capture_output=True, text=True).stdout
    return {int(parts[0]) for parts in (ln.split(None, 2) for ln in out.splitlines()[1:])
            if len(parts) == 3 and parts[1] == "1" and "spawn_main" in parts[2]}
