"""A tus 1.0.0 client (core, creation, checksum sha256, termination) and the submit call, on httpx.

Chunks are read from the file at the server's offset, one at a time (`sync.chunk_bytes`, 4 MiB by
default), each with its Upload-Checksum; a whole package is never in memory. After any cut the
server's HEAD says where to go on; a chunk the server discarded (checksum, cut body) is sent again.
Every answer is sorted into what the caller does next: retry later (transient), stop and tell the
operator (auth, conflict), or give up on this upload (gone).
"""

from __future__ import annotations

import base64
import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

TUS_VERSION = "1.0.0"
TUS = {"Tus-Resumable": TUS_VERSION}
CHECKSUM_RETRIES = 3
LOCK_RETRIES = 6


class TransferError(Exception):
    """kind: transient (try later), offline (no answer at all), storage_full, auth, tls, conflict, refused."""

    def __init__(self, kind: str, message: str, *, status: int | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.code = code

    @property
    def retryable(self) -> bool:
        return self.kind in ("transient", "offline", "storage_full")


def _archive_says(r: httpx.Response) -> tuple[str, str]:
    try:
        body = r.json()
        return str(body.get("error") or "").strip(), str(body.get("code") or "")
    except (ValueError, AttributeError):
        return "", ""


def error_for(r: httpx.Response, doing: str) -> TransferError:
    said, code = _archive_says(r)
    tail = f" ({said})" if said else ""
    if r.status_code == 401:
        if code == "token_expired":
            msg = ("The archive says this station's token has expired; ask the archive's administrator for a new "
                   "token and run `station remote set URL --token-stdin` with it.")
        else:
            msg = ("The archive does not accept this station's token (unknown or revoked); ask the archive's "
                   "administrator for a new token and run `station remote set URL --token-stdin` with it.")
        return TransferError("auth", msg, status=401, code=code or "token_invalid")
    if r.status_code == 403:
        return TransferError("auth", f"The archive refused {doing}{tail}; ask its administrator what this "
                                     "station's token may do.", status=403, code=code)
    if r.status_code == 507:
        return TransferError("storage_full", f"The archive's disk is full while {doing}{tail}; the station keeps "
                                             "the package and tries again later.", status=507, code=code)
    if r.status_code == 409:
        return TransferError("conflict", f"The archive already holds this package id with other content{tail}; "
                                         "the package stays here: tell the archive's administrators.",
                             status=409, code=code)
    if r.status_code in (404, 410):
        return TransferError("gone", f"The archive no longer knows the upload ({r.status_code}); it starts again.",
                             status=r.status_code, code=code)
    if r.status_code in (408, 425, 429) or r.status_code >= 500:
        return TransferError("transient", f"The archive answered {r.status_code} while {doing}{tail}; the station "
                                          "tries again later.", status=r.status_code, code=code)
    return TransferError("refused", f"The archive refused {doing} with {r.status_code}{tail}; the package stays "
                                    "in the outbox: tell the archive's administrators.", status=r.status_code, code=code)


def tls_refused(exc: BaseException) -> bool:
    import ssl

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _metadata(values: dict[str, str]) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


class TusClient:
    def __init__(self, client: httpx.Client, base_url: str, *, chunk_bytes: int = 4 * 1024 * 1024,
                 submit_timeout: float = 600.0) -> None:
        self.client = client
        self.submit_timeout = submit_timeout
        self.base = httpx.URL(base_url.rstrip("/") + "/")
        self.api = base_url.rstrip("/") + "/api/v1"
        self.chunk_bytes = max(1, int(chunk_bytes))

    def _send(self, method: str, url: str, doing: str, **kw: Any) -> httpx.Response:
        try:
            return self.client.request(method, url, **kw)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            if tls_refused(exc):
                raise TransferError("tls", "The archive's TLS certificate is not trusted by this station; if the "
                                           "ministry's own CA signed it, an admin runs `station remote set URL "
                                           "--ca-bundle CA.pem`.") from exc
            raise TransferError("offline", f"The archive cannot be reached ({exc.__class__.__name__}); the station "
                                           "tries again when it answers.") from exc
        except httpx.TransportError as exc:  # a cut, a stall (read/write timeout), a broken answer
            raise TransferError("transient", f"The connection broke while {doing} ({exc.__class__.__name__}); the "
                                             "station resumes from where the archive stopped.") from exc

    # -- health and the tus calls -----------------------------------------------------------------
    def health(self) -> dict[str, Any]:
        r = self._send("GET", f"{self.api}/health", "asking for the archive's health")
        if r.status_code != 200:
            raise error_for(r, "the health check")
        return dict(r.json())

    def create(self, package_id: str, sha256: str, size: int) -> str | None:
        """The upload's URL, or None when the archive already stores this exact package."""
        headers = {**TUS, "Upload-Length": str(size),
                   "Upload-Metadata": _metadata({"package_id": package_id, "sha256": sha256,
                                                 "filename": f"{package_id}.zip"})}
        r = self._send("POST", f"{self.api}/uploads/", f"creating the upload of {package_id}", headers=headers)
        if r.status_code == 200 and r.headers.get("Archive-Package-Status") == "stored":
            return None
        if r.status_code == 201 and r.headers.get("Location"):
            return str(self.base.join(r.headers["Location"]))
        if r.status_code == 413:
            raise TransferError("refused", f"Package {package_id} ({size} bytes) is larger than the archive takes; "
                                           "tell the archive's administrators.", status=413)
        raise error_for(r, f"creating the upload of {package_id}")

    def offset(self, url: str) -> int | None:
        """The server's offset, or None when it does not know the upload any more (404/410)."""
        r = self._send("HEAD", url, "asking for the upload's offset", headers=TUS)
        if r.status_code in (404, 410):
            return None
        if r.status_code != 200 or "Upload-Offset" not in r.headers:
            raise error_for(r, "asking for the upload's offset")
        return int(r.headers["Upload-Offset"])

    def patch(self, url: str, offset: int, chunk: bytes) -> int | None:
        """Send one chunk; the new offset, or None when the server's offset is not ours (409)."""
        digest = base64.b64encode(hashlib.sha256(chunk).digest()).decode()
        headers = {**TUS, "Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset),
                   "Upload-Checksum": f"sha256 {digest}"}
        r = self._send("PATCH", url, "sending a chunk", headers=headers, content=chunk)
        if r.status_code == 204:
            return int(r.headers["Upload-Offset"])
        if r.status_code == 409:
            if _archive_says(r)[1] == "upload_locked":
                raise TransferError("locked", "The archive is still writing an earlier chunk of this upload.",
                                    status=409, code="upload_locked")
            return None
        if r.status_code == 460:
            raise TransferError("checksum", "The archive received a chunk that does not match its checksum.",
                                status=460)
        raise error_for(r, "sending a chunk")

    def terminate(self, url: str) -> None:
        r = self._send("DELETE", url, "ending the upload", headers=TUS)
        if r.status_code not in (204, 404, 410):
            raise error_for(r, "ending the upload")

    def upload(self, url: str, path: Path, size: int, *, start: int,
               on_progress: Callable[[int], None] | None = None, should_stop: Callable[[], bool] | None = None) -> int:
        """Send the file from `start` to the end, resuming from the server's offset after a 409 or a bad chunk."""
        offset = start
        bad_chunks = 0
        refusals = 0  # 409s in a row: the archive's offset is not ours, or an earlier PATCH still holds it
        with open(path, "rb") as f:
            while offset < size:
                if should_stop and should_stop():
                    raise TransferError("transient", "Stopped by the operator; the upload resumes next time.")
                f.seek(offset)
                chunk = f.read(min(self.chunk_bytes, size - offset))
                if not chunk:
                    raise TransferError("refused", f"{path} is shorter than when it was sealed.")
                try:
                    new = self.patch(url, offset, chunk)
                except TransferError as exc:
                    if exc.kind == "locked":
                        new = None
                    elif exc.kind != "checksum":
                        raise
                    else:
                        bad_chunks += 1
                        if bad_chunks > CHECKSUM_RETRIES:
                            raise TransferError("transient", "The archive kept receiving damaged chunks; the "
                                                             "station tries again later.") from exc
                        new = self.offset(url)
                if new is None:
                    refusals += 1
                    if refusals > LOCK_RETRIES:
                        raise TransferError("transient", "The archive kept refusing the upload's offset (an earlier "
                                                         "request may still be writing); the station tries again later.")
                    time.sleep(min(2.0, 0.1 * 2 ** refusals))
                else:
                    refusals = 0
                if new is None:
                    new = self.offset(url)
                    if new is None:
                        raise TransferError("gone", "The archive no longer knows the upload; it starts again.")
                if new > size:
                    raise TransferError("refused", f"The archive claims {new} bytes of a {size}-byte package.")
                offset = new
                if on_progress:
                    on_progress(offset)
        return offset

    # -- submit --------------------------------------------------------------------------------
    def submit(self, package_id: str, upload_id: str | None, sha256: str) -> tuple[int, dict[str, Any]]:
        """(status, body) of POST /packages/<id>/submit; 200 carries the signed receipt envelope."""
        r = self._send("POST", f"{self.api}/packages/{package_id}/submit", f"submitting {package_id}",
                       headers={"Idempotency-Key": package_id, "Content-Type": "application/json"},
                       content=json.dumps({"upload_id": upload_id, "sha256": sha256}).encode(),
                       timeout=httpx.Timeout(self.submit_timeout, connect=10.0))
        if r.status_code == 200:
            try:
                return 200, dict(r.json())
            except ValueError as exc:
                raise TransferError("transient", f"The archive's answer to the submit of {package_id} is not JSON; "
                                                 "the station asks again later.") from exc
        if r.status_code == 422:
            said, code = _archive_says(r)
            return 422, {"error": said, "code": code}
        raise error_for(r, f"submitting {package_id}")


def upload_id_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]
