"""Shared test helpers: run the real `station` command in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


PASSWORD = "mật-khẩu-thử-1"  # the password test accounts get (see add_users)


def station(*args: str | Path, data_dir: Path, timeout: float = 600, check: int | None = 0,
            password: str | None = None, stdin: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `station`; `password` goes to STATION_PASSWORD (stdin is not a terminal here); `env` adds to
    or overrides the environment (PATH, say)."""
    env = {**os.environ, "STATION_DATA_DIR": str(data_dir), "OMP_THREAD_LIMIT": "1", **(env or {})}
    env.pop("STATION_PASSWORD", None)
    if password is not None:
        env["STATION_PASSWORD"] = password
    p = subprocess.run([sys.executable, "-m", "station", *map(str, args)], capture_output=True, text=True,
                       env=env, timeout=timeout, cwd=ROOT, input=stdin if stdin is not None else "")
    if check is not None:
        assert p.returncode == check, f"exit {p.returncode}\nstdout: {p.stdout}\nstderr: {p.stderr}"
    return p


def station_json(*args: str | Path, data_dir: Path, check: int | None = 0) -> Any:
    p = station(*args, "--json", data_dir=data_dir, check=check)
    return json.loads(p.stdout)


def add_users(data_dir: Path, users: dict[str, str], *, admin: str = "admin") -> None:
    """The first admin, then each NAME: ROLE, all with PASSWORD, through the command line."""
    station("user", "add", admin, "--role", "admin", "--password-stdin", data_dir=data_dir, stdin=PASSWORD + "\n")
    for name, role in users.items():
        station("user", "add", name, "--role", role, "--password-stdin", "--user", admin, data_dir=data_dir,
                password=PASSWORD, stdin=PASSWORD + "\n")
