"""Named scan profiles: what an operator picks instead of setting dpi, mode and source every time.

Three sources, later ones shadowing earlier ones by name: the built-in ``default`` profile, the
administrator's file (whose locked profiles no user can change or delete), and the user's own
``profiles.json`` in the station's data folder. Every profile, wherever it comes from, obeys the
national rule for electronic copies of documents: at least 200 dpi. The built-in default is the
rule's recommended setting, colour at 300 dpi.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from station.domain import SplitMode
from station.errors import BadInput, NotAllowed, NotFound, ValidationFailed
from station.files import atomic_write
from station.scanner.base import COLOR_MODES, PAGE_SIZES_MM, SOURCES, ScanOptions

MIN_DPI = 200  # national rule for electronic copies
MAX_DPI = 1200
BLANK_POLICIES = ("mark", "keep")  # "mark": keep blank pages and flag them for review
SPLIT_MODES = tuple(m.value for m in SplitMode)
DEFAULT_NAME = "default"
USER_FILE = "profiles.json"
_MAX_NAME = 64


@dataclass(frozen=True)
class Profile:
    name: str
    dpi: int = 300
    color_mode: str = "color"
    source: str = "adf"
    page_size: str = "A4"
    blank_policy: str = "mark"
    split: str = SplitMode.FILE.value
    locked: bool = False

    def options(self) -> ScanOptions:
        return ScanOptions(source=self.source, dpi=self.dpi, color_mode=self.color_mode, page_size=self.page_size)

    def validate(self) -> None:
        """Raise ValidationFailed with a sentence the operator can act on."""
        name = self.name
        if not name or name != name.strip() or len(name) > _MAX_NAME or any(ch in name for ch in "\r\n\t"):
            raise ValidationFailed(
                f"A profile name must be 1-{_MAX_NAME} characters with no leading or trailing spaces, "
                f"not {name!r}."
            )
        if not isinstance(self.dpi, int) or isinstance(self.dpi, bool):
            raise ValidationFailed(f"Profile {name!r}: the resolution must be a whole number of dpi.")
        if self.dpi < MIN_DPI:
            raise ValidationFailed(
                f"Profile {name!r}: {self.dpi} dpi is below the {MIN_DPI} dpi the national rule requires for "
                f"electronic copies; choose {MIN_DPI} dpi or more (300 is recommended)."
            )
        if self.dpi > MAX_DPI:
            raise ValidationFailed(f"Profile {name!r}: {self.dpi} dpi is above {MAX_DPI}; choose less.")
        for label, value, allowed in (
            ("colour mode", self.color_mode, COLOR_MODES),
            ("source", self.source, SOURCES),
            ("page size", self.page_size, tuple(PAGE_SIZES_MM)),
            ("blank-page policy", self.blank_policy, BLANK_POLICIES),
            ("split mode", self.split, SPLIT_MODES),
        ):
            if value not in allowed:
                raise ValidationFailed(
                    f"Profile {name!r}: the {label} {value!r} is not one of {', '.join(allowed)}."
                )
        if not isinstance(self.locked, bool):
            raise ValidationFailed(f"Profile {name!r}: 'locked' must be true or false.")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, origin: str) -> Profile:
        if not isinstance(data, dict) or "name" not in data:
            raise BadInput(f"{origin}: every profile needs at least a name; fix the file.")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise BadInput(f"{origin}: profile {data.get('name')!r} has unknown keys {unknown}; fix the file.")
        values = dict(data)
        values["name"] = _nfc(str(values["name"]))
        return cls(**values)


BUILTIN_DEFAULT = Profile(name=DEFAULT_NAME)


def _nfc(value: str) -> str:
    # Vietnamese names typed on different keyboards arrive composed or decomposed.
    return unicodedata.normalize("NFC", value)


class ProfileStore:
    """The profiles one station offers; users edit their own, an administrator's locked ones are fixed."""

    def __init__(self, data_dir: Path | str, admin_file: Path | str | None = None) -> None:
        self.path = Path(data_dir) / USER_FILE
        self.admin_file = Path(admin_file) if admin_file is not None else None
        if self.admin_file is not None and self.admin_file.resolve() == self.path.resolve():
            # Otherwise every profile a user saves would turn into an administrator's profile.
            raise BadInput(
                f"The administrator's profile file cannot be the user's own {self.path}; keep it outside "
                "the data folder."
            )

    def list(self) -> list[Profile]:
        merged = self._provided()
        for profile in self._user():
            current = merged.get(profile.name)
            if current is None or not current.locked:
                merged[profile.name] = profile
        default = merged.pop(DEFAULT_NAME)
        return [default, *sorted(merged.values(), key=lambda p: p.name.casefold())]

    def get(self, name: str) -> Profile:
        name = _nfc(name)
        for profile in self.list():
            if profile.name == name:
                return profile
        names = ", ".join(p.name for p in self.list())
        raise NotFound(f"There is no scan profile {name!r}; the profiles are: {names}.")

    def save(self, profile: Profile) -> None:
        profile = replace(profile, name=_nfc(profile.name))
        profile.validate()
        if profile.locked:
            raise NotAllowed(
                "Only an administrator can lock a profile, in the administrator's profile file; "
                "save it unlocked."
            )
        provided = self._provided().get(profile.name)
        if provided is not None and provided.locked:
            raise NotAllowed(
                f"The profile {profile.name!r} is locked by the administrator; save your settings under "
                "another name."
            )
        user = [p for p in self._user() if p.name != profile.name]
        self._write([*user, profile])

    def delete(self, name: str) -> None:
        """Remove the user's profile; a built-in or administrator's profile reappears as provided."""
        name = _nfc(name)
        provided = self._provided().get(name)
        if provided is not None and provided.locked:
            raise NotAllowed(f"The profile {name!r} is locked by the administrator and cannot be deleted.")
        user = self._user()
        remaining = [p for p in user if p.name != name]
        if len(remaining) == len(user):
            if provided is not None:
                raise NotAllowed(
                    f"The profile {name!r} is provided by the station or its administrator and cannot be "
                    "deleted; only profiles you saved can be."
                )
            raise NotFound(f"There is no scan profile {name!r} to delete.")
        self._write(remaining)

    # ------------------------------------------------------------------------------------------

    def _provided(self) -> dict[str, Profile]:
        """Built-in and administrator's profiles, by name; the administrator's can replace the default."""
        provided = {DEFAULT_NAME: BUILTIN_DEFAULT}
        if self.admin_file is not None and self.admin_file.exists():
            for profile in _read_file(self.admin_file, "The administrator's profile file"):
                provided[profile.name] = profile
        return provided

    def _user(self) -> list[Profile]:
        if not self.path.exists():
            return []
        profiles = _read_file(self.path, "The profile file")
        for profile in profiles:
            if profile.locked:
                raise BadInput(
                    f"The profile file {self.path} marks {profile.name!r} as locked, which only the "
                    "administrator's file may; fix the file."
                )
        return profiles

    def _write(self, profiles: list[Profile]) -> None:
        document = {"version": 1, "profiles": [p.to_dict() for p in profiles]}
        atomic_write(self.path, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def _read_file(path: Path, label: str) -> list[Profile]:
    """Parse ``{"version": 1, "profiles": [...]}``; every profile in it must pass validation."""
    origin = f"{label} {path}"
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(f"{origin} cannot be read ({exc}); fix or remove it.") from exc
    if not isinstance(document, dict) or not isinstance(document.get("profiles"), list):
        raise BadInput(f'{origin} must be a JSON object with a "profiles" list; fix it.')
    profiles = [Profile.from_dict(item, origin=origin) for item in document["profiles"]]
    names = [p.name for p in profiles]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise BadInput(f"{origin} defines {duplicates} more than once; keep one of each.")
    for profile in profiles:
        profile.validate()
    return profiles
