"""Barcodes on pages (zxing-cpp): dossier codes for the metadata and separator sheets for splitting."""

from __future__ import annotations

from station.barcode.detect import (
    PATCH_T_TEXT,
    BarcodeRules,
    Code,
    dossier_code,
    is_separator,
    read_codes,
)

__all__ = ["PATCH_T_TEXT", "BarcodeRules", "Code", "dossier_code", "is_separator", "read_codes"]
