"""The archive's signed receipt and the one check that lets a package leave the outbox.

A receipt counts only when its CMS signature verifies over canonical(receipt), the signer's
certificate is the one pinned at `station remote set` (sha256 of its DER), and the receipt names
the package and the exact sha256 the station sent. Anything else is refused, and the refusal
says which of these failed.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from station.errors import StationError


class ReceiptRefused(StationError):
    """A receipt that does not prove the archive holds exactly what the station sent."""

    exit_code = 6


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def pem_to_der(pem: bytes) -> bytes:
    from asn1crypto import pem as asn1pem

    if asn1pem.detect(pem):
        _, _, der = asn1pem.unarmor(pem)
        return bytes(der)
    return pem


def fingerprint(cert_der: bytes) -> str:
    return hashlib.sha256(cert_der).hexdigest()


def describe_cert(cert_der: bytes) -> dict[str, Any]:
    from asn1crypto import x509

    cert = x509.Certificate.load(cert_der)
    return {"subject": cert.subject.human_friendly, "sha256": fingerprint(cert_der),
            "not_after": cert["tbs_certificate"]["validity"]["not_after"].native.isoformat()}


@dataclass
class Verified:
    receipt: dict[str, Any]
    status: str
    reasons: list[str]


def _thread_safe_run(coro: Any) -> Any:
    """asyncio.run, also from a thread whose loop is running (a GUI worker's)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def verify(envelope: Any, pinned_der: bytes, *, package_id: str, sha256: str) -> Verified:
    """The receipt inside `envelope` if it is genuine and about this package; else ReceiptRefused."""
    from asn1crypto import cms
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
    from pyhanko_certvalidator import ValidationContext

    try:
        receipt = envelope["receipt"]
        signature = base64.b64decode(envelope["signature"], validate=True)
        info = cms.ContentInfo.load(signature)
        if info["content_type"].native != "signed_data":
            raise ValueError("not SignedData")
        signed = info["content"]
        status = str(receipt["status"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ReceiptRefused(f"The archive's answer for package {package_id} is not a signed receipt ({exc}); "
                             "the package stays in the outbox; tell the archive's administrators.") from exc
    from asn1crypto import x509

    pinned = x509.Certificate.load(pinned_der)
    context = ValidationContext(trust_roots=[pinned], allow_fetching=False, revocation_mode="soft-fail")
    try:
        result = _thread_safe_run(async_validate_detached_cms(canonical(receipt), signed,
                                                              signer_validation_context=context))
    except Exception as exc:  # malformed CMS raises from deep inside asn1crypto/pyHanko
        raise ReceiptRefused(f"The receipt for package {package_id} cannot be checked ({exc.__class__.__name__}); "
                             "the package stays in the outbox.") from exc
    signer_fp = fingerprint(result.signing_cert.dump())
    if not result.intact or not result.valid:
        raise ReceiptRefused(f"The receipt for package {package_id} does not match its signature; the package "
                             "stays in the outbox and will be sent again.")
    if signer_fp != fingerprint(pinned_der):
        raise ReceiptRefused(f"The receipt for package {package_id} is signed by a certificate other than the "
                             f"archive's pinned one (sha256 {signer_fp[:16]}…); the package stays in the outbox: "
                             "check the archive with its administrators, then `station remote set` again.")
    if receipt.get("package_id") != package_id or str(receipt.get("sha256", "")).lower() != sha256.lower():
        raise ReceiptRefused(
            f"The archive sent a receipt for package {receipt.get('package_id')} with sha256 "
            f"{str(receipt.get('sha256'))[:16]}…, but the station sent {package_id} with sha256 {sha256[:16]}…; "
            "the receipt is refused and the package stays in the outbox: tell the archive's administrators.")
    if status not in ("accepted", "rejected"):
        raise ReceiptRefused(f"The receipt for package {package_id} says {status!r}, neither accepted nor rejected.")
    return Verified(receipt=receipt, status=status, reasons=[str(r) for r in receipt.get("reasons") or []])
