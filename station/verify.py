"""Offline verification of what a station makes: a package (zip or bag folder) or a PDF.

It needs only trust roots and a folder for temporary files, no station: `station verify` calls it
with the station's settings, the archive's ingest service with its own trust roots, so a package
is judged by the same checks on both sides of the wire.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from station.errors import BadInput

METADATA_SCHEMA_VERSION = 1

Checks = list[dict[str, Any]]


def pdf_checks(pdf: Path, roots: list[Any], tmp_dir: Path) -> tuple[Checks, dict[str, Any]]:
    """PDF/A-2b, text layer, XMP and (when signed) the PAdES signature against `roots`."""
    from station.metadata.fields import validate
    from station.pdf.verify import verify_pdf
    from station.signing.verify import check_pdf_signatures

    checks = [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in verify_pdf(pdf, validator=validate)]
    if not checks[0]["ok"]:
        return checks, {}
    with open(pdf, "rb") as f:
        signed = b"/ByteRange" in f.read()
    if not signed:
        checks.append({"name": "signature", "ok": True, "detail": "not signed: an unsealed export (a sealed "
                                                                  "document's PDF carries a PAdES signature)"})
        return checks, {"signed": False}
    sig_checks, signer = check_pdf_signatures(pdf, roots)
    checks = [signed_pdfa_check(pdf, tmp_dir) if c["name"] == "pdfa_2b" else c for c in checks]
    checks += [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in sig_checks]
    return checks, {"signed": True, **({"signer": signer} if signer else {})}


def signed_pdfa_check(pdf: Path, tmp_dir: Path) -> dict[str, Any]:
    """PDF/A-2b of a signed file: the validator cannot judge the signature's form field (it says
    not_checked), so it judges the revision before the signature; the signature check proves that
    the increment after it is one untampered signature covering the whole file."""
    from station.pdf import validate_pdfa
    from station.signing.verify import unsigned_base

    base = unsigned_base(pdf.read_bytes())
    if base is None:
        return {"name": "pdfa_2b", "ok": False, "detail": "no unsigned revision found under the signature"}
    with tempfile.NamedTemporaryFile(suffix=".pdf", dir=tmp_dir) as tmp:
        tmp.write(base)
        tmp.flush()
        verdict = validate_pdfa(Path(tmp.name))
    if verdict.passed:
        return {"name": "pdfa_2b", "ok": True, "detail": "PDF/A-2b: pass for the signed revision (pikepdf.pdfa, "
                                                         "veraPDF rule set); invisible signature added"}
    return {"name": "pdfa_2b", "ok": False, "detail": f"PDF/A-2b: {verdict.report.verdict}: {verdict.sentence()}"}


def package_checks(root: Path, roots: list[Any], tmp_dir: Path) -> tuple[Checks, dict[str, Any]]:
    """Every check of an unpacked bag: layout, checksums, CMS over the tag manifest, the PDF, metadata, METS."""
    from station.metadata.fields import FIELDS, validate
    from station.package.bag import SIGNATURE_PATH, check_bag, read_info
    from station.package.mets import EVENT_TYPES, read_event_types
    from station.pdf.verify import read_metadata
    from station.signing.cms import verify_detached

    checks = [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in check_bag(root)]
    tagmanifest = root / "tagmanifest-sha256.txt"
    p7s = root / SIGNATURE_PATH
    if tagmanifest.is_file() and p7s.is_file():
        intact, trusted, detail = verify_detached(tagmanifest.read_bytes(), p7s.read_bytes(), roots)
        checks.append({"name": "bag_signature", "ok": intact and trusted, "detail": detail})
    else:
        checks.append({"name": "bag_signature", "ok": False, "detail": "the tag manifest or its signature is missing"})
    extra: dict[str, Any] = {"package_id": read_info(root).get("Package-Id")}
    pdf = root / "data" / "document.pdf"
    if pdf.is_file():
        checks_pdf, pdf_extra = pdf_checks(pdf, roots, tmp_dir)
        checks += checks_pdf
        extra.update(pdf_extra)
        if not pdf_extra.get("signed", True):
            checks.append({"name": "signature", "ok": False, "detail": "the package's PDF is not signed"})
    meta_file = root / "data" / "metadata.json"
    try:
        record = json.loads(meta_file.read_bytes())
        fields = record["fields"]
        missing = [f.key for f in FIELDS if f.key not in fields]
        problems = [f"{p.field}: {p.message}" for p in validate({k: v for k, v in fields.items() if v})]
        if missing:
            problems.append("missing keys " + ", ".join(missing))
        if record.get("schema_version") != METADATA_SCHEMA_VERSION:
            problems.append(f"schema version {record.get('schema_version')!r}")
        if pdf.is_file() and not problems:
            embedded = read_metadata(pdf)
            differ = [k for k, v in fields.items() if v and embedded.get(k, "") != v]
            if differ:
                problems.append("differs from the PDF's XMP in " + ", ".join(differ))
        checks.append({"name": "metadata_json", "ok": not problems,
                       "detail": "; ".join(problems) or f"{len(fields)} fields, {record['page_count']} page(s), "
                                                          f"{record['blank_pages']} blank"})
    except (OSError, ValueError, KeyError, TypeError, AttributeError, BadInput) as exc:
        checks.append({"name": "metadata_json", "ok": False, "detail": f"metadata.json cannot be read ({exc})"})
    try:
        types = read_event_types((root / "data" / "METS.xml").read_bytes())
        lacking = [t for t in EVENT_TYPES if t not in types]
        checks.append({"name": "mets", "ok": not lacking, "detail": f"missing PREMIS events: {', '.join(lacking)}"
                       if lacking else f"{len(types)} PREMIS events, every step recorded"})
    except (OSError, ValueError, SyntaxError) as exc:
        checks.append({"name": "mets", "ok": False, "detail": f"METS.xml cannot be read ({exc})"})
    return checks, extra


def verify_package_zip(path: Path, roots: list[Any], tmp_dir: Path) -> tuple[Checks, dict[str, Any]]:
    """Unpack a package zip (safely, bounded) into a temporary folder under `tmp_dir` and check it."""
    from station.package.bag import unzip_package

    tmp_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=tmp_dir, prefix="verify-") as tmp:
        root = unzip_package(path, Path(tmp))
        return package_checks(root, roots, tmp_dir)


def verify_path(path: Path, roots: list[Any], tmp_dir: Path) -> dict[str, Any]:
    """A package (zip or bag folder) or a PDF: {ok, kind, checks, ...}; BadInput for anything else."""
    if path.is_dir():
        if not (path / "bagit.txt").is_file():
            raise BadInput(f"{path} is a folder but not a bag (no bagit.txt); give a package or a PDF.")
        checks, extra = package_checks(path, roots, tmp_dir)
        kind = "package"
    elif not path.is_file():
        raise BadInput(f"{path}: there is no such file; check the path.")
    else:
        with path.open("rb") as f:
            head = f.read(1024)
        if head.startswith(b"PK"):
            checks, extra = verify_package_zip(path, roots, tmp_dir)
            kind = "package"
        elif b"%PDF-" in head:
            checks, extra = pdf_checks(path, roots, tmp_dir)
            kind = "pdf"
        else:
            raise BadInput(f"{path} is neither a PDF nor a package zip; `station verify` checks what the station "
                           "makes.")
    return {"ok": all(c["ok"] for c in checks), "kind": kind, **extra, "checks": checks}
