"""The archive this station sends to: its address, TLS trust, pinned receipt certificate, token.

The address, the CA bundle and the pinned certificate's fingerprint are settings; the certificate
itself is a file in the data dir. The token lives in the OS keyring (or, for unattended runs,
STATION_ARCHIVE_TOKEN) and never in the database, the settings or a log line.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from station.errors import NetworkError, NotAllowed, StationError, UsageError
from station.files import atomic_write
from station.secrets import forget_secret, keep_secret, read_secret
from station.sync.receipt import fingerprint, pem_to_der

KEYRING_SERVICE = "station-archive"
TOKEN_ENV = "STATION_ARCHIVE_TOKEN"
API = "/api/v1"


def _keyring_user(station_id: str) -> str:
    return f"token:{station_id}"


def store_token(station_id: str, token: str) -> None:
    keep_secret(TOKEN_ENV, KEYRING_SERVICE, _keyring_user(station_id), token, "the archive token")


def forget_token(station_id: str) -> bool:
    """Remove the station's token from the OS keyring (a station that is gone, like the demo's
    temporary one); False when there is no keyring or it says it held none."""
    return forget_secret(KEYRING_SERVICE, _keyring_user(station_id))


def token_for(station_id: str) -> str | None:
    return read_secret(TOKEN_ENV, KEYRING_SERVICE, _keyring_user(station_id))


def cert_file(data_dir: Path) -> Path:
    return data_dir / "sync" / "archive-certificate.pem"


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{url!r} is not an archive address; give one like https://archive.example.gov.vn.")
    if parts.query or parts.fragment:
        raise UsageError(f"{url!r}: give the archive's address without ? or #.")
    return url.strip().rstrip("/")


@dataclass
class Remote:
    url: str
    ca_bundle: str
    pinned_sha256: str
    data_dir: Path
    station_id: str
    timeout: float = 30.0

    @classmethod
    def from_settings(cls, settings: Any, data_dir: Path, station_id: str) -> Remote:
        return cls(url=str(settings.get("remote.url") or ""), ca_bundle=str(settings.get("remote.ca_bundle") or ""),
                   pinned_sha256=str(settings.get("remote.archive_cert_sha256") or ""), data_dir=data_dir,
                   station_id=station_id, timeout=float(settings.get("sync.timeout_seconds")))

    @property
    def configured(self) -> bool:
        return bool(self.url)

    def api(self, path: str) -> str:
        return f"{self.url}{API}{path}"

    def require(self) -> None:
        if not self.url:
            raise UsageError("No archive is set up; an admin runs `station remote set URL --token-stdin`.")

    def token(self) -> str:
        token = token_for(self.station_id)
        if not token:
            raise NotAllowed("The station has no archive token; an admin runs `station remote set URL "
                             f"--token-stdin` (or sets {TOKEN_ENV} for unattended runs).")
        return token

    def pinned_der(self) -> bytes:
        path = cert_file(self.data_dir)
        if not self.pinned_sha256 or not path.is_file():
            raise UsageError("The archive's receipt certificate is not pinned; an admin runs `station remote set "
                             "URL` again (or with --archive-cert FILE).")
        der = pem_to_der(path.read_bytes())
        if fingerprint(der) != self.pinned_sha256:
            raise StationError(f"{path} is not the pinned archive certificate; run `station remote set` again.")
        return der

    def verify(self) -> ssl.SSLContext | bool:
        """TLS certificate verification always on; the ministry's CA bundle when one is configured."""
        if not self.ca_bundle:
            return True
        if not Path(self.ca_bundle).is_file():
            raise UsageError(f"The CA bundle {self.ca_bundle} is missing; run `station remote set URL --ca-bundle FILE`.")
        return ssl.create_default_context(cafile=self.ca_bundle)

    def client(self, *, auth: bool = True) -> httpx.Client:
        headers = {"User-Agent": "station-sync"}
        if auth:
            headers["Authorization"] = f"Bearer {self.token()}"
        timeout = httpx.Timeout(self.timeout, connect=min(self.timeout, 10.0))
        return httpx.Client(verify=self.verify(), timeout=timeout, headers=headers, follow_redirects=False)


def fetch_certificate(remote: Remote) -> bytes:
    """GET /archive-certificate: the PEM the station pins (the admin compares the printed fingerprint)."""
    try:
        with remote.client(auth=False) as client:
            r = client.get(remote.api("/archive-certificate"))
    except httpx.HTTPError as exc:
        from station.sync.tus import tls_refused

        if tls_refused(exc):
            raise NetworkError(f"The archive at {remote.url} shows a TLS certificate this station does not trust; "
                               "give the CA that signed it with --ca-bundle FILE.") from exc
        raise NetworkError(f"The archive at {remote.url} cannot be reached ({exc.__class__.__name__}); check the "
                           "address and the network, or give the certificate with --archive-cert FILE.") from exc
    if r.status_code != 200:
        raise NetworkError(f"The archive at {remote.url} answered {r.status_code} for its certificate; check the "
                           "address, or give the certificate with --archive-cert FILE.")
    return r.content


def pin_certificate(data_dir: Path, pem_or_der: bytes) -> str:
    from asn1crypto import pem as asn1pem
    from asn1crypto import x509

    der = pem_to_der(pem_or_der)
    try:
        x509.Certificate.load(der).native  # noqa: B018 - parse it whole: a broken file fails here
    except ValueError as exc:
        raise UsageError("The archive certificate is not a readable X.509 certificate (PEM or DER).") from exc
    atomic_write(cert_file(data_dir), asn1pem.armor("CERTIFICATE", der))
    return fingerprint(der)
