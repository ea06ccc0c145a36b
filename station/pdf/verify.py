"""Offline checks of an archival PDF: readable, PDF/A-2b, station metadata, extractable text.

The checks use tools independent of the builder where one exists here: pikepdf's PDF/A validator
reads the written bytes, and poppler's `pdftotext` (not reportlab or pikepdf) reads the text
layer, which is what an archive's full-text indexer will see.
"""

from __future__ import annotations

import subprocess
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
import pikepdf.pdfa

from station.errors import BadInput
from station.pdf import pdfa, xmp

FLAVOUR = "2b"
# An archival package holds one document; a PDF far larger than any scanned document is refused
# before it is parsed.
MAX_PDF_BYTES = 2 * 1024**3
PDFTOTEXT_TIMEOUT = 120


@dataclass
class Check:
    name: str
    ok: bool
    detail: str


Validator = Callable[[Mapping[str, str]], list[Any]]


def normalise_text(text: str) -> str:
    """Text as compared with the OCR text: NFC, no trailing blanks, no empty lines or form feeds."""
    lines = (line.rstrip() for line in unicodedata.normalize("NFC", text).replace("\f", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def pdftotext_pages(path: Path, *, raw: bool = False) -> list[str]:
    """The text of each page as `pdftotext` extracts it (default reading-order mode, or -raw)."""
    args = ["pdftotext", "-enc", "UTF-8", "-eol", "unix"]
    if raw:
        args.append("-raw")
    result = subprocess.run(
        [*args, str(path), "-"], capture_output=True, timeout=PDFTOTEXT_TIMEOUT, check=False
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RuntimeError(f"pdftotext exited with {result.returncode}: {' '.join(message[:3])}")
    pages = result.stdout.decode("utf-8").split("\f")
    if pages and pages[-1].strip() == "":
        pages.pop()  # pdftotext ends every page, the last included, with a form feed
    return pages


def read_metadata(path: Path) -> dict[str, str]:
    """The station's fields read back from the document's XMP ({} if it holds none)."""
    try:
        with pikepdf.open(path) as pdf:
            return xmp.read_record(pdf)
    except (pikepdf.PdfError, OSError) as exc:
        raise BadInput(f"{Path(path).name} is not a readable PDF: {_first_line(exc)}") from exc


def verify_pdf(path: Path, validator: Validator | None = None) -> list[Check]:
    """Run every check; a check that cannot run because an earlier one failed reports why."""
    path = Path(path)
    readable = _check_readable(path)
    checks = [readable]
    if not readable.ok:
        skipped = f"not checked: {readable.detail}"
        checks += [Check(name, False, skipped) for name in ("pdfa_2b", "metadata", "text_layer")]
        return checks
    checks.append(_check_pdfa(path))
    checks.append(_check_metadata(path, validator))
    checks.append(_check_text(path))
    return checks


def _check_readable(path: Path) -> Check:
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Check("pdf_readable", False, f"cannot read {path.name}: {exc.strerror or exc}")
    if size > MAX_PDF_BYTES:
        return Check(
            "pdf_readable", False, f"{path.name} is {size} bytes, more than the {MAX_PDF_BYTES} allowed"
        )
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
        if b"%PDF-" not in head:
            return Check("pdf_readable", False, f"{path.name} is not a PDF (no %PDF- header)")
        with pikepdf.open(path) as pdf:
            pages = len(pdf.pages)
            version = pdf.pdf_version
            # Decoding and parsing every content stream finds damage that opening alone does not.
            for page in pdf.pages:
                pikepdf.parse_content_stream(page)
            warnings = pdf.get_warnings()
    except (pikepdf.PdfError, OSError, ValueError, TypeError) as exc:
        return Check("pdf_readable", False, f"{path.name} is not a readable PDF: {_first_line(exc)}")
    if pages == 0:
        return Check("pdf_readable", False, f"{path.name} has no pages")
    if warnings:
        return Check(
            "pdf_readable", False, f"{path.name} is damaged (qpdf repaired it on reading): {warnings[0]}"
        )
    return Check("pdf_readable", True, f"PDF {version}, {pages} page(s)")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _check_pdfa(path: Path) -> Check:
    verdict = pdfa.validate(path, FLAVOUR)
    if verdict.passed:
        extra = " and the station's extension schema check" if verdict.answered else ""
        return Check("pdfa_2b", True, f"PDF/A-2b: pass (pikepdf.pdfa, veraPDF rule set{extra})")
    return Check("pdfa_2b", False, f"PDF/A-2b: {verdict.report.verdict}: {verdict.sentence()}")


def _check_metadata(path: Path, validator: Validator | None) -> Check:
    try:
        with pikepdf.open(path) as pdf:
            if not isinstance(pdf.Root.get("/Metadata"), pikepdf.Stream):
                return Check("metadata", False, "the document has no XMP metadata")
            meta = pdf.open_metadata()
            if meta.recovered:
                return Check("metadata", False, "the XMP metadata is not well-formed XMP")
            record = xmp.read_record(pdf)
            dublin_core = _dublin_core(meta)
    except (pikepdf.PdfError, ValueError) as exc:
        return Check("metadata", False, f"the XMP metadata cannot be read: {_first_line(exc)}")
    if not record:
        return Check("metadata", False, f"the XMP holds no station fields ({xmp.STATION_NS})")
    problems = [
        f"dc:{name} is {value!r} but {key} is {record.get(key)!r}"
        for name, key, value in dublin_core
        if key in record and value != record[key]
    ]
    if validator is None:
        detail = f"{len(record)} station field(s) read; no field validator is installed"
    else:
        for problem in validator(record):
            field = str(getattr(problem, "field", ""))
            message = str(getattr(problem, "message", problem))
            problems.append(
                message if not field or message.startswith(f"{field}:") else f"{field}: {message}"
            )
        detail = f"{len(record)} station field(s) read and validated"
    if problems:
        return Check("metadata", False, "; ".join(problems))
    return Check("metadata", True, detail)


def _dublin_core(meta: pikepdf.models.PdfMetadata) -> list[tuple[str, str, str]]:
    """(dc property, station key, value) for the Dublin Core copies of station fields."""
    pairs = (("title", "subject"), ("creator", "organ_name"), ("date", "issued_date"), ("type", "type_name"))
    found = []
    for name, key in pairs:
        try:
            value = meta[f"dc:{name}"]
        except KeyError:
            continue
        if isinstance(value, list | set | tuple):
            value = "; ".join(sorted(str(v) for v in value))
        found.append((name, key, str(value)))
    return found


def _check_text(path: Path) -> Check:
    try:
        pages = pdftotext_pages(path)
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as exc:
        return Check("text_layer", False, f"pdftotext failed: {_first_line(exc)}")
    chars = [len(normalise_text(p)) for p in pages]
    if sum(chars) == 0:
        return Check("text_layer", True, f"pdftotext ran; no text on {len(pages)} page(s)")
    return Check("text_layer", True, f"pdftotext extracted {sum(chars)} characters from {len(pages)} page(s)")
