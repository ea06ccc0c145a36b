"""The list of administrative procedures (mã TTHC) a batch is scanned for, and their defaults.

A station ships ``resources/procedures.json``; an administrator replaces it by putting a
``procedures.json`` in the admin settings folder (beside the admin ``settings.json``), so a new
procedure or a changed retention rule reaches every station without a new release. The file is
checked when it is read: a wrong code in the list would otherwise land in every record of a batch.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import station
from station import config
from station.errors import NotFound, StationError
from station.metadata.fields import MAINTENANCE_CODES, RIGHTS_CODES

_CODE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,49}$")


@dataclass(frozen=True)
class Procedure:
    code: str
    name: str
    maintenance: str
    rights: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name, "maintenance": self.maintenance, "rights": self.rights}


def shipped_file() -> Path:
    return Path(station.__file__).resolve().parent.parent / "resources" / "procedures.json"


def admin_file() -> Path:
    return config.admin_settings_file().parent / "procedures.json"


def procedures_file() -> Path:
    """The admin's list when there is one, else the list the station ships."""
    admin = admin_file()
    return admin if admin.is_file() else shipped_file()


def load_procedures(path: Path | None = None) -> list[Procedure]:
    path = path or procedures_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data["procedures"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StationError(
            f"The procedure list {path} cannot be read ({exc}); fix it or remove it to use the shipped list."
        ) from exc
    out: list[Procedure] = []
    seen: set[str] = set()
    for n, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise StationError(f"The procedure list {path}: entry {n} is not an object; fix the file.")
        code, name = str(row.get("code", "")).strip(), str(row.get("name", "")).strip()
        maintenance, rights = str(row.get("maintenance", "")), str(row.get("rights", ""))
        problem = (
            "has no valid code" if not _CODE.match(code)
            else "has no name" if not name
            else f"maintenance {maintenance!r} is not a code of metadata.md" if maintenance not in MAINTENANCE_CODES
            else f"rights {rights!r} is not a code of metadata.md" if rights not in RIGHTS_CODES
            else "repeats a code" if code in seen
            else ""
        )
        if problem:
            raise StationError(f"The procedure list {path}: entry {n} ({code or '?'}) {problem}; fix the file.")
        seen.add(code)
        out.append(Procedure(code, name, maintenance, rights))
    return out


def find_procedure(code: str, procedures: list[Procedure] | None = None) -> Procedure:
    listed = procedures if procedures is not None else load_procedures()
    for p in listed:
        if p.code == code.strip():
            return p
    raise NotFound(
        f"{code!r} is not in the procedure list ({procedures_file()}); pick one of "
        f"{', '.join(p.code for p in listed[:12])}{'…' if len(listed) > 12 else ''} or ask the administrator to add it."
    )
