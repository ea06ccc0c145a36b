"""Document metadata: the field table and its checks, and suggestions read from the OCR text."""

from __future__ import annotations

from station.metadata.extract import PageText, Suggestion, suggest
from station.metadata.fields import FIELDS, REQUIRED, Field, Problem, to_iso_date, validate

__all__ = [
    "FIELDS",
    "REQUIRED",
    "Field",
    "PageText",
    "Problem",
    "Suggestion",
    "suggest",
    "to_iso_date",
    "validate",
]
