"""Detached CMS signatures over arbitrary bytes (the bag's tag manifest), made and checked with pyHanko."""

from __future__ import annotations

import asyncio
from typing import Any

from asn1crypto import cms

from station.signing.identity import LoadedSigner


def sign_detached(data: bytes, loaded: LoadedSigner) -> bytes:
    """DER-encoded CMS SignedData (SHA-256) over `data`, content detached."""
    info = asyncio.run(loaded.signer.async_sign_general_data(data, "sha256", detached=True))
    return bytes(info.dump())


def verify_detached(data: bytes, p7s: bytes, trust_roots: list[Any]) -> tuple[bool, bool, str]:
    """(intact, trusted, detail): intact when the digest and signature match `data`."""
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
    from pyhanko_certvalidator import ValidationContext

    try:
        info = cms.ContentInfo.load(p7s)
        signed = info["content"]
        if info["content_type"].native != "signed_data":
            return False, False, "the signature file holds no CMS SignedData"
    except ValueError as exc:
        return False, False, f"the signature file is not CMS ({exc})"
    context = ValidationContext(trust_roots=list(trust_roots), allow_fetching=False, revocation_mode="soft-fail")
    try:
        status = asyncio.run(async_validate_detached_cms(data, signed, signer_validation_context=context))
    except Exception as exc:  # malformed CMS raises from deep inside asn1crypto
        return False, False, f"the signature cannot be read ({exc.__class__.__name__}: {exc})"
    subject = status.signing_cert.subject.human_friendly
    if not status.intact or not status.valid:
        return False, False, f"the signature by {subject} does not match the tag manifest"
    if not status.trusted:
        return True, False, f"signed by {subject}, whose certificate does not chain to a configured trust root"
    return True, True, f"signed by {subject}, chained to a trust root"
