"""The archival document: PDF/A-2b with page images, an invisible OCR text layer and XMP metadata."""

from __future__ import annotations

from station.pdf.build import PdfPage, build_pdfa
from station.pdf.pdfa import Verdict
from station.pdf.pdfa import validate as validate_pdfa
from station.pdf.verify import Check, read_metadata, verify_pdf

__all__ = ["Check", "PdfPage", "Verdict", "build_pdfa", "read_metadata", "validate_pdfa", "verify_pdf"]
