"""Offline checks of the PAdES signature(s) in a PDF: integrity, whole-file coverage, chain to the roots.

Offline means no fetching: revocation is checked only from what the file carries (B-LT), and a
missing revocation answer does not fail the check (soft-fail), as an archive checking a B-B file
years later would do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from station.signing.identity import describe, key_problem


@dataclass
class SignatureCheck:
    name: str
    ok: bool
    detail: str


def pades_level(sig: Any) -> str:
    """B-B, B-T (a signature timestamp) or B-LT (validation data in a DSS)."""
    level = "B-B"
    unsigned = sig.signer_info["unsigned_attrs"]
    types = {attr["type"].native for attr in unsigned} if unsigned.native else set()
    if "signature_time_stamp_token" in types:
        level = "B-T"
        dss = sig.reader.root.get("/DSS")
        dss = dss.get_object() if dss is not None else None
        if dss is not None and ("/Certs" in dss or "/CRLs" in dss or "/OCSPs" in dss):
            level = "B-LT"
    return level


def check_pdf_signatures(path: Path, trust_roots: list[Any]) -> tuple[list[SignatureCheck], dict[str, Any]]:
    """The checks, and a description of the signer (empty when there is no signature)."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    try:
        with open(path, "rb") as f:
            reader = PdfFileReader(f, strict=False)
            sigs = list(reader.embedded_signatures)
            if not sigs:
                return [SignatureCheck("signature", False, "the PDF carries no signature")], {}
            checks: list[SignatureCheck] = []
            signer: dict[str, Any] = {}
            for n, sig in enumerate(sigs, 1):
                label = "signature" if len(sigs) == 1 else f"signature_{n}"
                context = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False,
                                            revocation_mode="soft-fail")
                status = validate_pdf_signature(sig, signer_validation_context=context)
                cert = status.signing_cert
                signer = describe(cert)
                signer["level"] = pades_level(sig)
                subject = cert.subject.human_friendly
                # After the signature only validation data (B-LT's DSS, timestamps) may follow.
                whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE or (
                    status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
                    and status.modification_level in (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES))
                if not (status.intact and status.valid):
                    checks.append(SignatureCheck(label, False, f"the signature by {subject} does not match the "
                                                               "document: it was changed after signing"))
                elif not whole and n == len(sigs):
                    checks.append(SignatureCheck(label, False, "the file was changed after the last signature "
                                                               f"({status.modification_level})"))
                else:
                    algo = status.md_algorithm
                    weak = key_problem(cert)
                    if algo != "sha256" or weak:
                        checks.append(SignatureCheck(label, False, f"signed with {algo}"
                                                     + (f" and {weak}" if weak else "")))
                    else:
                        checks.append(SignatureCheck(label, True, f"PAdES {signer['level']} by {subject}, "
                                                                  "intact, SHA-256, nothing but validation data after it"))
                if signer["test_identity"]:
                    chain_detail = "a TEST identity (made by `station signing test-identity`), not for archiving"
                else:
                    chain_detail = f"certificate serial {signer['serial']}"
                if status.trusted:
                    checks.append(SignatureCheck(f"{label}_chain", True, f"chains to a configured trust root; "
                                                                          f"{chain_detail}"))
                else:
                    checks.append(SignatureCheck(f"{label}_chain", False, "the certificate does not chain to a "
                                                 f"configured trust root (signing.trust_roots); {chain_detail}"))
            return checks, signer
    except Exception as exc:  # a damaged signature dictionary raises anything from deep in pyHanko
        return [SignatureCheck("signature", False, f"the signature cannot be read ({exc.__class__.__name__}: "
                                                   f"{exc})")], {}


def unsigned_base(data: bytes) -> bytes | None:
    """The document as it was before its first signature: the longest prefix ending at a `%%EOF`
    that holds no signature dictionary. A PAdES signature is an incremental update, so these bytes
    are exactly what was validated as PDF/A before signing; None when there is no such prefix.
    """
    import re

    best = None
    for match in re.finditer(rb"%%EOF[ \t]*(\r\n|\r|\n)?", data):
        prefix = data[:match.end()]
        if b"/ByteRange" in prefix:
            break
        best = prefix
    return best if best is not None and len(best) < len(data) else None
