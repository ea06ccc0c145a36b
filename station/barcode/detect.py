"""Reading QR codes and barcodes off a page, and what the station makes of them.

Two uses, both configured by the administrator (settings ``barcode.*``):
- a **dossier code** (mã hồ sơ TTHC) printed as a QR code or barcode on the receipt of an
  administrative procedure fills ``dossier_code`` when its text matches the configured pattern;
  a code that does not match (a product barcode, a URL) is ignored rather than guessed at;
- a **separator sheet** starts a new document in ``--split separator`` mode and is not kept as a
  page: a Kodak patch-T sheet (such sheets carry a Code 39 ``PATCHT``, as NAPS2 reads them) or
  any code whose text starts with the configured prefix.

zxing-cpp found codes on noisy, skewed pages where pyzbar found none (shared/NOTES.md). Pages
are scanned at 300 dpi and more, far finer than a barcode needs, so a page is read at half size
first (four times fewer pixels) and at full size only when nothing was found there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from station.errors import UsageError

PATCH_T_TEXT = "PATCHT"


@dataclass(frozen=True)
class Code:
    format: str  # zxing's name, e.g. "QRCode", "Code128", "Code39"
    text: str
    bbox: tuple[int, int, int, int]  # x, y, w, h in pixels of the page given


@dataclass(frozen=True)
class BarcodeRules:
    """What codes mean to this station; built from the settings by :meth:`from_settings`."""

    dossier_pattern: str = ""
    separator_prefix: str = ""
    patch_t: bool = True

    def __post_init__(self) -> None:
        if self.dossier_pattern:
            try:
                re.compile(self.dossier_pattern)
            except re.error as exc:
                raise UsageError(
                    f"The setting barcode.dossier_pattern {self.dossier_pattern!r} is not a valid regular "
                    f"expression ({exc}); ask the administrator to correct it."
                ) from exc

    @classmethod
    def from_settings(cls, get: object) -> BarcodeRules:
        getter = get if callable(get) else None
        if getter is None:
            return cls()
        return cls(
            dossier_pattern=str(getter("barcode.dossier_pattern") or ""),
            separator_prefix=str(getter("barcode.separator_prefix") or ""),
            patch_t=bool(getter("barcode.patch_t")),
        )


def _grey(image: Image.Image | np.ndarray | Path | str) -> Image.Image:
    if isinstance(image, str | Path):
        with Image.open(image) as img:
            img.load()
            return img.convert("L")
    if isinstance(image, np.ndarray):
        return Image.fromarray(image).convert("L")
    return image.convert("L")


def read_codes(image: Image.Image | np.ndarray | Path | str) -> list[Code]:
    """Every QR code and barcode zxing-cpp finds on the page, boxes in the page's pixels."""
    import zxingcpp

    grey = _grey(image)
    for scale in (0.5, 1.0):
        view = grey if scale == 1.0 else grey.resize(
            (max(1, round(grey.width * scale)), max(1, round(grey.height * scale))), Image.Resampling.BOX
        )
        found = zxingcpp.read_barcodes(view)
        if found:
            out = []
            for r in found:
                p = r.position
                xs = [p.top_left.x, p.top_right.x, p.bottom_right.x, p.bottom_left.x]
                ys = [p.top_left.y, p.top_right.y, p.bottom_right.y, p.bottom_left.y]
                x0, y0 = min(xs) / scale, min(ys) / scale
                x1, y1 = max(xs) / scale, max(ys) / scale
                out.append(Code(r.format.name, r.text, (round(x0), round(y0), round(x1 - x0) + 1, round(y1 - y0) + 1)))
            return out
    return []


def is_separator(codes: list[Code], rules: BarcodeRules) -> bool:
    for code in codes:
        text = code.text.strip()
        if rules.patch_t and text.upper().replace(" ", "") == PATCH_T_TEXT:
            return True
        if rules.separator_prefix and text.startswith(rules.separator_prefix):
            return True
    return False


def dossier_code(codes: list[Code], rules: BarcodeRules) -> Code | None:
    """The first code whose whole text matches the dossier pattern; a group named ``code``, when the
    pattern has one, is the value (for QR codes that wrap the code in a URL)."""
    if not rules.dossier_pattern:
        return None
    pattern = re.compile(rules.dossier_pattern)
    for code in codes:
        text = code.text.strip()
        m = pattern.fullmatch(text)
        if not m:
            continue
        value = m.group("code") if "code" in pattern.groupindex else text
        if value and len(value) <= 50:
            return Code(code.format, value, code.bbox)
    return None
