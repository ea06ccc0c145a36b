"""Shared test helpers: run the real `station` command in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def station(*args: str | Path, data_dir: Path, timeout: float = 600, check: int | None = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STATION_DATA_DIR": str(data_dir), "OMP_THREAD_LIMIT": "1"}
    p = subprocess.run([sys.executable, "-m", "station", *map(str, args)], capture_output=True, text=True,
                       env=env, timeout=timeout, cwd=ROOT)
    if check is not None:
        assert p.returncode == check, f"exit {p.returncode}\nstdout: {p.stdout}\nstderr: {p.stderr}"
    return p


def station_json(*args: str | Path, data_dir: Path, check: int | None = 0) -> Any:
    p = station(*args, "--json", data_dir=data_dir, check=check)
    return json.loads(p.stdout)
