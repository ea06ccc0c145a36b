"""Where the station keeps its data, and its settings in layers.

Layers, strongest first: admin-locked settings (a machine-wide file an IT officer controls),
the user's settings (in the data dir), the embedded defaults below.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

APP = "station"

DEFAULTS: dict[str, Any] = {
    # Metadata defaults that a profile gives every document (metadata.md).
    "metadata.language": "01",
    "metadata.maintenance": "01",
    "metadata.rights": "01",
    "metadata.confidence_level": "02",
    # Barcodes (station.barcode): a code matching the pattern fills dossier_code; a separator sheet is a
    # patch-T sheet or a code starting with the prefix. Dossier codes as the public service portal prints
    # them: organ id - yymmdd - sequence, e.g. 000.00.00.G03-230315-0001.
    "barcode.dossier_pattern": r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}",
    "barcode.separator_prefix": "SEP-",
    "barcode.patch_t": True,
    # Import limits against decompression bombs and hostile files.
    "import.max_pixels": 150_000_000,
    "import.max_pages_per_file": 2000,
    "import.seconds_per_file": 300,
    "import.render_dpi": 300,
    # Scanners: network (eSCL) scanners added by address, and the device `station scan` uses by default.
    "scanner.escl_devices": [],
    "scanner.default_device": "demo:station",
    # Pipeline.
    "pipeline.workers": 0,  # 0: one per core
    "ocr.language": "vie",
    "ocr.seconds_per_page": 180,
    # Accounts and review (issue 9): idle minutes before the GUI locks; share of confirmed documents
    # a supervisor's sampling mode picks for a full page-by-page check.
    "auth.idle_lock_minutes": 10,
    "review.sample_share": 0.1,
    # Signing (station.signing): where the key is, never a secret; the trust roots `verify` uses.
    "signing.kind": "",  # "" | pkcs12 | pkcs11 | test
    "signing.pkcs12_path": "",
    "signing.pkcs11_module": "",
    "signing.token_label": "",
    "signing.key_label": "",
    "signing.timestamp_url": "",
    "signing.revocation": True,
    "signing.trust_roots": [],
    # The archive (station.sync): where, which CA to trust for TLS, the pinned receipt certificate
    # (sha256 of its DER); the token is in the OS keyring only. Sync tuning and how long an accepted
    # package's local copy stays before `purge` may remove it.
    "remote.url": "",
    "remote.ca_bundle": "",
    "remote.archive_cert_sha256": "",
    "sync.chunk_bytes": 4 * 1024 * 1024,
    "sync.timeout_seconds": 30.0,
    "sync.submit_timeout_seconds": 600.0,  # the archive checks the whole package before it answers
    "sync.backoff_base_seconds": 2.0,
    "sync.backoff_max_seconds": 600.0,
    "sync.poll_seconds": 30.0,
    "sync.keep_days": 30,
    # The operator's interface.
    "ui.language": "vi",
}


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir, then STATION_DATA_DIR, then the platform's user data folder."""
    chosen = explicit or os.environ.get("STATION_DATA_DIR")
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP, appauthor=False))
    return path.expanduser().resolve()


def admin_settings_file() -> Path:
    override = os.environ.get("STATION_ADMIN_SETTINGS")
    if override:
        return Path(override)
    return Path(platformdirs.site_config_dir(APP, appauthor=False)) / "settings.json"


def _read_json(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as f:
            value = json.load(f)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        from station.errors import StationError

        raise StationError(f"The settings file {path} cannot be read ({exc}); fix or remove it.") from exc
    return value if isinstance(value, dict) else {}


@dataclass
class Settings:
    user_file: Path
    admin: dict[str, Any] = field(default_factory=dict)
    user: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, data: Path) -> Settings:
        user_file = data / "settings.json"
        return cls(user_file=user_file, admin=_read_json(admin_settings_file()), user=_read_json(user_file))

    def get(self, key: str) -> Any:
        for layer in (self.admin, self.user):
            if key in layer:
                return layer[key]
        return DEFAULTS[key]

    def locked(self, key: str) -> bool:
        return key in self.admin

    def set(self, key: str, value: Any) -> None:
        from station.errors import NotAllowed, UsageError

        if key not in DEFAULTS:
            raise UsageError(f"There is no setting {key!r}.")
        if self.locked(key):
            raise NotAllowed(f"The setting {key} is locked by the administrator.")
        self.user[key] = value
        from station.files import atomic_write

        atomic_write(self.user_file, json.dumps(self.user, ensure_ascii=False, indent=2).encode())
