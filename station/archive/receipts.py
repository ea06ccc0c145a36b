"""The archive's receipt key: made at first start (or given), and signing receipts with it."""

from __future__ import annotations

import base64
import datetime as dt
import os
from pathlib import Path
from typing import Any

from station.errors import UsageError
from station.files import atomic_write
from station.signing.identity import LoadedSigner, load_pkcs12_file
from station.signing.receipts import canonical

KEY_PASSPHRASE_ENV = "STATION_ARCHIVE_KEY_PASSPHRASE"
VALID_DAYS = 3650


def make_receipt_key(path: Path, archive_id: str) -> None:
    """A self-signed ECDSA P-256 certificate for signing receipts; the station pins its fingerprint."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Archive ingest service"),
                      x509.NameAttribute(NameOID.COMMON_NAME, f"Archive {archive_id} receipts")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                     crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    passphrase = os.environ.get(KEY_PASSPHRASE_ENV)
    encryption = (serialization.BestAvailableEncryption(passphrase.encode()) if passphrase
                  else serialization.NoEncryption())
    atomic_write(path, pkcs12.serialize_key_and_certificates(b"receipts", key, cert, None, encryption))
    path.chmod(0o600)


class ReceiptSigner:
    """Holds the loaded key; signing runs in worker threads (pyHanko's asyncio.run needs a loop-free thread)."""

    def __init__(self, p12: Path) -> None:
        if not p12.is_file():
            raise UsageError(f"The receipt key {p12} does not exist; give an existing .p12 file or leave "
                             "--receipt-key out to make one.")
        self.loaded: LoadedSigner = load_pkcs12_file(p12, os.environ.get(KEY_PASSPHRASE_ENV))

    def certificate_pem(self) -> bytes:
        from asn1crypto import pem

        return pem.armor("CERTIFICATE", self.loaded.cert.dump())

    def sign(self, receipt: dict[str, Any]) -> dict[str, Any]:
        from station.signing.cms import sign_detached

        signature = sign_detached(canonical(receipt), self.loaded)
        return {"receipt": receipt, "signature": base64.b64encode(signature).decode("ascii")}
