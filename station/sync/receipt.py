"""The archive's signed receipt and the one check that lets a package leave the outbox.

A receipt counts only when its CMS signature verifies over canonical(receipt), the signer's
certificate is the one pinned at `station remote set` (sha256 of its DER), and the receipt names
the package and the exact sha256 the station sent. Anything else is refused, and the refusal
says which of these failed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from station.errors import StationError
from station.signing.receipts import canonical, verify_receipt

__all__ = ["ReceiptRefused", "Verified", "canonical", "describe_cert", "fingerprint", "pem_to_der", "verify"]


class ReceiptRefused(StationError):
    """A receipt that does not prove the archive holds exactly what the station sent."""

    exit_code = 6


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


def verify(envelope: Any, pinned_der: bytes, *, package_id: str, sha256: str) -> Verified:
    """The receipt inside `envelope` if it is genuine and about this package; else ReceiptRefused.

    The signature check is the archive's and the station's shared one (station.signing.receipts);
    this adds what only the station knows: which package and which bytes it sent."""
    from asn1crypto import pem

    try:
        receipt = envelope["receipt"]
        status = str(receipt["status"])
    except (KeyError, TypeError) as exc:
        raise ReceiptRefused(f"The archive's answer for package {package_id} is not a signed receipt ({exc}); "
                             "the package stays in the outbox; tell the archive's administrators.") from exc
    ok, detail = verify_receipt(envelope, pem.armor("CERTIFICATE", pinned_der))
    if not ok:
        raise ReceiptRefused(f"The receipt for package {package_id} does not verify against the archive's pinned "
                             f"certificate ({detail}); it is refused and the package stays in the outbox: check the "
                             "archive with its administrators.")
    if receipt.get("package_id") != package_id or str(receipt.get("sha256", "")).lower() != sha256.lower():
        raise ReceiptRefused(
            f"The archive sent a receipt for package {receipt.get('package_id')} with sha256 "
            f"{str(receipt.get('sha256'))[:16]}…, but the station sent {package_id} with sha256 {sha256[:16]}…; "
            "the receipt is refused and the package stays in the outbox: tell the archive's administrators.")
    if status not in ("accepted", "rejected"):
        raise ReceiptRefused(f"The receipt for package {package_id} says {status!r}, neither accepted nor rejected.")
    return Verified(receipt=receipt, status=status, reasons=[str(r) for r in receipt.get("reasons") or []])
