"""PAdES baseline signatures with pyHanko: B-B offline, B-T with a timestamp, B-LT with revocation data.

The level is what the network allows at the moment of sealing: the station never waits for a
timestamp server or a CRL to seal a document. What could not be had is returned as a warning,
which the workflow records with the document. The signature is invisible (no appearance stream,
no visible widget), so the signed file stays PDF/A-2b.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asn1crypto import tsp
from pyhanko.sign.timestamps.api import TimeStamper

from station.errors import StationError
from station.signing.identity import LoadedSigner

FIELD_NAME = "StationSeal"
TIMEOUT = 10.0


class HttpxTimeStamper(TimeStamper):
    """An RFC 3161 client over httpx (pyHanko's own clients need requests or an aiohttp session)."""

    def __init__(self, url: str, timeout: float = TIMEOUT) -> None:
        super().__init__(include_nonce=True)
        self.url = url
        self.timeout = timeout

    async def async_request_tsa_response(self, req: tsp.TimeStampReq) -> tsp.TimeStampResp:
        import httpx

        async with httpx.AsyncClient(timeout=self.timeout, follow_redirects=False) as client:
            response = await client.post(self.url, content=req.dump(),
                                         headers={"Content-Type": "application/timestamp-query"})
        if response.status_code != 200:
            raise OSError(f"the timestamp server answered HTTP {response.status_code}")
        return tsp.TimeStampResp.load(response.content)


@dataclass
class SignResult:
    level: str  # "B-B" | "B-T" | "B-LT"
    warnings: list[str] = field(default_factory=list)


def _has_revocation_source(cert: Any) -> bool:
    return bool(cert.crl_distribution_points or cert.ocsp_urls)


def _sign_once(data: bytes, out: Path, loaded: LoadedSigner, timestamper: TimeStamper | None,
               validation_context: Any | None, reason: str) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        embed_validation_info=validation_context is not None,
        validation_context=validation_context,
        use_pades_lta=False,
    )
    import io

    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    output = io.BytesIO()
    pdf_signer = signers.PdfSigner(meta, signer=loaded.signer, timestamper=timestamper,
                                   new_field_spec=fields.SigFieldSpec(FIELD_NAME, box=None))
    # pyHanko rewrites the XMP on every save (modification date, producer) through its own XMP
    # model, which drops the station's schema and breaks the PDF/A-2b metadata. The increments
    # (signature, then the DSS of B-LT, written by a writer pyHanko makes itself) must add the
    # signature and its validation data and nothing else, so that update is off while signing.
    from pyhanko.pdf_utils.writer import BasePdfFileWriter

    original = BasePdfFileWriter._update_meta
    BasePdfFileWriter._update_meta = lambda self: None  # type: ignore[method-assign]
    try:
        pdf_signer.sign_pdf(writer, output=output)
    finally:
        BasePdfFileWriter._update_meta = original  # type: ignore[method-assign]
    from station.files import atomic_write

    atomic_write(out, output.getvalue())


def _timestamper_answers(ts: TimeStamper) -> str | None:
    """None when the server gave a token for a dummy digest, else why not."""
    try:
        asyncio.run(ts.async_dummy_response("sha256"))
    except Exception as exc:  # network, HTTP or ASN.1 trouble: all mean "no timestamp now"
        return f"{exc.__class__.__name__}: {exc}"
    return None


def sign_pdf(src: Path, out: Path, loaded: LoadedSigner, *, timestamp_url: str = "", revocation: bool = True,
             trust_roots: list[Any] | None = None, reason: str = "Digitized copy sealed by the station") -> SignResult:
    """Sign `src` into `out` at the best level reachable now; never raises for a missing network."""
    from pyhanko_certvalidator import ValidationContext

    data = Path(src).read_bytes()
    warnings: list[str] = []
    timestamper: TimeStamper | None = None
    if timestamp_url:
        candidate = HttpxTimeStamper(timestamp_url)
        problem = _timestamper_answers(candidate)
        if problem is None:
            timestamper = candidate
        else:
            warnings.append(f"no timestamp: the server {timestamp_url} did not answer ({problem}); signed B-B")
    else:
        warnings.append("no timestamp server is configured (signing.timestamp_url); signed B-B")

    context = None
    if revocation and timestamper is not None:
        if not _has_revocation_source(loaded.cert):
            warnings.append("no revocation data: the certificate names no CRL or OCSP source; B-LT not reached")
        else:
            # This context only gathers validation data to embed; the self-signed root that came
            # with the key anchors the path for that, trust is decided by whoever verifies.
            roots = list(trust_roots or []) + [c for c in loaded.chain if c.self_signed != "no"]
            context = ValidationContext(trust_roots=roots, other_certs=loaded.chain, allow_fetching=True,
                                        revocation_mode="hard-fail")
    try:
        _sign_once(data, out, loaded, timestamper, context, reason)
    except Exception as exc:
        if context is None:
            raise _signing_error(exc) from exc
        warnings.append(f"no revocation data: it could not be fetched ({exc.__class__.__name__}: {exc}); "
                        "B-LT not reached")
        context = None
        try:
            _sign_once(data, out, loaded, timestamper, None, reason)
        except Exception as exc2:
            raise _signing_error(exc2) from exc2
    level = "B-LT" if context is not None else ("B-T" if timestamper is not None else "B-B")
    return SignResult(level=level, warnings=warnings)


def _signing_error(exc: Exception) -> StationError:
    return StationError(f"The document could not be signed ({exc.__class__.__name__}: {exc}); check the signing "
                        "identity with `station signing show` and `station doctor`.")
