"""People's actions on the archive link: remote set/show, sync, sneakernet, and the GUI's sync service.

Each action checks the role first (station.auth PERMISSIONS: setting the archive up is an admin's,
syncing a supervisor's, or the station's own when nobody is named) and is written to the audit log;
the transfer itself is station.sync.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from station.audit import extract as audit_extract
from station.auth import Action, Session
from station.errors import NetworkError, UsageError
from station.files import atomic_write
from station.store import Store
from station.sync import Outbox, PassResult, SyncService, SyncStatus
from station.sync import remote as rm
from station.sync.audit import AuditExtracts, AuditSkipped
from station.sync.receipt import describe_cert
from station.sync.sneakernet import export_outbox as _export
from station.sync.sneakernet import import_receipts as _import

if TYPE_CHECKING:
    from station.workflow.station import Station


# The name the audit log gives the station itself when it sends what was sealed on its own
# (a service, a timer, the GUI's background sync): the archive token, not a person, is the credential.
STATION_ACTOR = "station"


def _actor(station: Station, user: str | Session | None, action: Action) -> str:
    return station.accounts.require(user, action).name


def _sync_actor(station: Station, user: str | Session | None) -> str:
    """cli.md gives `sync`, `export-outbox` and `import-receipts` no `--user`: they move packages a
    supervisor already approved and the station already sealed. Nobody named: the station acts (and
    the audit log says so); someone named: their role is checked as for any other action."""
    return STATION_ACTOR if user is None else _actor(station, user, Action.SYNC)


def _remote(station: Station) -> rm.Remote:
    return rm.Remote.from_settings(station.settings, station.data_dir, station.store.station_id)


def remote_set(station: Station, url: str, *, user: str | Session | None, token: str | None = None,
               ca_bundle: Path | None = None, archive_cert: Path | None = None) -> dict[str, Any]:
    """Point the station at an archive: address, CA bundle, pinned receipt certificate, token."""
    actor = _actor(station, user, Action.REMOTE_SETUP)
    url = rm.check_url(url)
    bundle_path = str(station.settings.get("remote.ca_bundle") or "")
    if ca_bundle is not None:
        try:
            data = ca_bundle.read_bytes()
            ssl.create_default_context(cadata=data.decode("ascii"))
        except (OSError, UnicodeDecodeError, ssl.SSLError, ValueError) as exc:
            raise UsageError(f"{ca_bundle} is not a readable PEM CA bundle ({exc.__class__.__name__}); give the "
                             "ministry CA's certificate(s) in PEM.") from exc
        target = station.data_dir / "sync" / "ca-bundle.pem"
        atomic_write(target, data)
        bundle_path = str(target)
    if token is not None and not token.strip():
        raise UsageError("The token read from standard input is empty; paste the token the archive's "
                         "administrator gave you.")
    probe = rm.Remote(url=url, ca_bundle=bundle_path, pinned_sha256="", data_dir=station.data_dir,
                      station_id=station.store.station_id, timeout=float(station.settings.get("sync.timeout_seconds")))
    if archive_cert is not None:
        if not archive_cert.is_file():
            raise UsageError(f"{archive_cert}: there is no such file; give the archive's certificate (PEM).")
        cert = archive_cert.read_bytes()
    else:
        cert = rm.fetch_certificate(probe)
    fingerprint = rm.pin_certificate(station.data_dir, cert)
    if token is not None:
        rm.store_token(station.store.station_id, token.strip())
    for key, value in (("remote.url", url), ("remote.ca_bundle", bundle_path),
                       ("remote.archive_cert_sha256", fingerprint)):
        station.settings.set(key, value)
    station.store.log("remote_set", user=actor, url=url, ca_bundle=bundle_path or None,
                      archive_cert_sha256=fingerprint, cert_from="file" if archive_cert else "archive",
                      token_changed=token is not None)
    return remote_show(station)


def remote_show(station: Station) -> dict[str, Any]:
    remote = _remote(station)
    cert = None
    if remote.pinned_sha256 and rm.cert_file(station.data_dir).is_file():
        from station.sync.receipt import pem_to_der

        cert = describe_cert(pem_to_der(rm.cert_file(station.data_dir).read_bytes()))
    token = rm.token_for(station.store.station_id)
    import os

    return {"url": remote.url or None, "ca_bundle": remote.ca_bundle or None,
            "archive_cert_sha256": remote.pinned_sha256 or None, "archive_certificate": cert,
            "station_id": station.store.station_id,
            "token": ("environment" if os.environ.get(rm.TOKEN_ENV) else "keyring") if token else None,
            "outbox": Outbox(station.store).counts()}


def purge_local_copies(station: Station, *, user: str | None) -> list[str]:
    """Remove local copies of accepted packages kept longer than `sync.keep_days` (the receipt stays)."""
    outbox = Outbox(station.store)
    removed = []
    for row in outbox.removable(float(station.settings.get("sync.keep_days"))):
        Path(row["package_path"]).unlink(missing_ok=True)
        outbox.mark_removed(row["package_id"])
        station.store.log("package_removed", user=user, obj=row["document_id"], package_id=row["package_id"],
                          reason=f"accepted by the archive on {row['settled_at']}, kept "
                                 f"{station.settings.get('sync.keep_days')} day(s)")
        removed.append(row["package_id"])
    return removed


def sync(station: Station, *, user: str | Session | None, once: bool, stop: threading.Event | None = None,
         say: Callable[[str], None] | None = None) -> PassResult:
    """`station sync`: one pass (--once) or on until the outbox is empty, with backoff; Ctrl+C safe."""
    actor = _sync_actor(station, user)
    service = SyncService(station.store, station.settings, station.data_dir, user=actor, say=say,
                          audit=_audit(station, station.store))
    station.store.log("sync_start", user=actor, once=once, waiting=service.outbox.count_waiting())
    result = PassResult()
    try:
        if once:
            result = service.run_once()
        else:
            result = service.run(stop, until_empty=True, stop_on_auth=True)
    finally:
        result.pending = service.outbox.count_waiting()
        station.store.log("sync", user=actor, once=once, sent=result.sent, already_there=result.already_there,
                          failed=result.failed, rejected=result.rejected, pending=result.pending,
                          errors=[e["error"] for e in result.errors[:5]])
    purge_local_copies(station, user=actor)
    return result


def open_service(station: Station, *, user: str | Session | None,
                 on_status: Callable[[SyncStatus], None] | None = None) -> SyncService:
    """A SyncService on its own connection to the store, for a GUI worker thread: `run(stop)` there,
    `status()` from anywhere; close `service.store` when the thread ends."""
    actor = _sync_actor(station, user)
    store = Store(station.data_dir)
    store.log("sync_service_start", user=actor)
    return SyncService(store, station.settings, station.data_dir, user=actor, on_status=on_status,
                       audit=_audit(station, store))


def _audit(station: Station, store: Store) -> AuditExtracts:
    return AuditExtracts(store, station.settings, station.data_dir, audit_extract)


def export_outbox(station: Station, folder: Path, *, user: str | Session | None) -> dict[str, Any]:
    """The outbox's packages, then signed extracts of the audit entries the archive does not hold yet."""
    actor = _sync_actor(station, user)
    result = _export(station.store, folder, user=actor)
    try:
        result["audit"] = _audit(station, station.store).export(Path(result["folder"]))
    except AuditSkipped as exc:
        result["audit"] = {"files": [], "error": exc.message}
    return result


def import_receipts(station: Station, folder: Path, *, user: str | Session | None) -> dict[str, Any]:
    actor = _sync_actor(station, user)
    remote = _remote(station)
    return _import(station.store, folder, remote.pinned_der(), user=actor)


def sync_exit(result: PassResult) -> tuple[int, str | None]:
    """(exit code, sentence) for the command line: 6 when anything failed to reach the archive."""
    if result.blocking_error:
        return NetworkError.exit_code, result.blocking_error
    if result.failed:
        first = result.errors[0]["error"] if result.errors else ""
        return NetworkError.exit_code, (f"{result.failed} package(s) did not reach the archive ({first}); they stay "
                                        "in the outbox: run `station sync` again later.")
    return 0, None
