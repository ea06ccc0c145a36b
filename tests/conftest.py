from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.seal_fixtures import MemoryKeyring

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the user's real data and the machine's admin settings out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("STATION_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("STATION_ADMIN_SETTINGS", str(home / "admin-settings.json"))
    monkeypatch.setenv("OMP_THREAD_LIMIT", "1")


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing at {CORPUS}")
    return CORPUS


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "station-data"
    monkeypatch.setenv("STATION_DATA_DIR", str(d))
    return d


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring backend for the test (a headless machine has none; NOTES.md)."""
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
