"""The archive's signed receipts: canonical bytes, and checking one against a pinned certificate.

Both sides need this: the archive signs `canonical(receipt)` with its own key, the station accepts a
receipt only when that signature verifies against the certificate it pinned at `remote set` time.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any


def canonical(value: Any) -> bytes:
    """The protocol's canonical JSON: sorted keys, no spaces, UTF-8 as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def certificate_fingerprint(cert_pem: bytes) -> str:
    """sha256 of the certificate's DER, hex: what the admin compares and the station pins."""
    from asn1crypto import pem

    der = pem.unarmor(cert_pem)[2] if pem.detect(cert_pem) else cert_pem
    return hashlib.sha256(der).hexdigest()


def verify_receipt(signed: dict[str, Any], cert_pem: bytes) -> tuple[bool, str]:
    """(ok, detail): the CMS over canonical(receipt) is intact and made by exactly the pinned certificate."""
    from asn1crypto import cms, pem, x509

    from station.signing.cms import verify_detached

    try:
        receipt = signed["receipt"]
        p7s = base64.b64decode(signed["signature"], validate=True)
    except (KeyError, TypeError, ValueError) as exc:
        return False, f"the receipt is malformed ({exc.__class__.__name__})"
    der = pem.unarmor(cert_pem)[2] if pem.detect(cert_pem) else cert_pem
    pinned = x509.Certificate.load(der)
    intact, trusted, detail = verify_detached(canonical(receipt), p7s, [pinned])
    if not (intact and trusted):
        return False, detail
    try:
        signer_infos = cms.ContentInfo.load(p7s)["content"]["signer_infos"]
        sid = signer_infos[0]["sid"]
        serial = sid.chosen["serial_number"].native if sid.name == "issuer_and_serial_number" else None
    except (ValueError, KeyError, IndexError) as exc:
        return False, f"the receipt's signature cannot be read ({exc.__class__.__name__})"
    if serial != pinned.serial_number:
        return False, "the receipt is not signed by the pinned archive certificate"
    return True, detail
