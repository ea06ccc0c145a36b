"""Store and forward: the loop that empties the outbox into the archive, whatever the network does.

`SyncService` is what both faces run: `station sync --once` calls `run_once()`; `station sync`
calls `run(stop, until_empty=True)`; the GUI runs `run(stop)` on a worker thread and reads
`status()` (or gets `on_status` callbacks from that thread): online/offline, packages waiting,
the package on the wire, the last error in one sentence.

A package's try ends in a verified receipt or in a scheduled retry: exponential backoff with
jitter per package (`sync.backoff_base_seconds` doubling up to `sync.backoff_max_seconds`). When
the archive does not answer at all the service calls it offline, polls GET /health with the
same backoff, and carries on by itself as soon as it answers.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from station.errors import StationError
from station.store import Store
from station.store.db import now
from station.sync.audit import AuditExtracts
from station.sync.outbox import Item, Outbox
from station.sync.receipt import ReceiptRefused, verify
from station.sync.remote import Remote
from station.sync.tus import TransferError, TusClient, upload_id_of

STUCK = ("conflict", "refused")  # failures that wait for a person, not for the network


@dataclass(frozen=True)
class SyncStatus:
    """A snapshot for a status bar: replaced whole, so any thread may read it."""

    online: bool | None = None  # None: not checked yet
    waiting: int = 0
    sending: str | None = None
    sent_bytes: int = 0
    last_error: str | None = None
    auth_problem: bool = False
    last_contact: str | None = None
    next_try_in: float | None = None
    audit_archived_upto: int | None = None  # the last audit entry the archive acknowledged
    audit_error: str | None = None  # why the audit extract did not go (it never holds packages up)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class PassResult:
    sent: int = 0
    already_there: int = 0
    failed: int = 0
    rejected: int = 0
    pending: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    blocking_error: str | None = None
    audit: dict[str, Any] = field(default_factory=dict)

    def add(self, other: PassResult) -> None:
        self.sent += other.sent
        self.already_there += other.already_there
        self.failed += other.failed
        self.rejected += other.rejected
        self.errors += other.errors
        self.blocking_error = other.blocking_error or self.blocking_error
        self.audit = other.audit or self.audit

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"sent": self.sent, "already_there": self.already_there, "failed": self.failed,
                               "pending": self.pending, "rejected": self.rejected, "errors": self.errors}
        if self.blocking_error:
            out["blocking_error"] = self.blocking_error
        if self.audit:
            out["audit"] = self.audit
        return out


def backoff(attempt: int, base: float, cap: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with "equal jitter": half the step fixed, half random, never above cap."""
    step = min(cap, base * (2 ** max(0, attempt - 1)))
    return step / 2 + (rng or random).uniform(0, step / 2)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class SyncService:
    def __init__(self, store: Store, settings: Any, data_dir: Path, *, user: str | None = None,
                 on_status: Callable[[SyncStatus], None] | None = None,
                 say: Callable[[str], None] | None = None, audit: AuditExtracts | None = None) -> None:
        self.store = store
        self.audit = audit
        self.settings = settings
        self.data_dir = data_dir
        self.user = user
        self.outbox = Outbox(store)
        self.on_status = on_status
        self.say = say or (lambda text: None)
        self._status = SyncStatus(waiting=self.outbox.count_waiting())
        self._stop = threading.Event()
        self._health_failures = 0
        self._health_error: TransferError | None = None

    # -- status for the faces -------------------------------------------------------------------
    def status(self) -> SyncStatus:
        return self._status

    def _set(self, **changes: Any) -> None:
        self._status = replace(self._status, **changes)
        if self.on_status is not None:
            self.on_status(self._status)

    def stop(self) -> None:
        self._stop.set()

    # -- settings ----------------------------------------------------------------------------------
    def _remote(self) -> Remote:
        remote = Remote.from_settings(self.settings, self.data_dir, self.store.station_id)
        remote.require()
        return remote

    def _float(self, key: str) -> float:
        return float(self.settings.get(key))

    def _delay(self, attempt: int) -> float:
        return backoff(attempt, self._float("sync.backoff_base_seconds"), self._float("sync.backoff_max_seconds"))

    # -- one package ------------------------------------------------------------------------------
    def _send(self, tus: TusClient, item: Item, pinned: bytes) -> str:
        """One try for one package: 'sent', 'already_there' or 'rejected'; TransferError/ReceiptRefused else."""
        if not item.path.is_file():
            raise TransferError("refused", f"The package file {item.path} is missing; restore it from a backup "
                                           "(the archive has not confirmed it yet).")
        size = item.path.stat().st_size
        if item.bytes != size:
            if item.bytes is not None:
                raise TransferError("refused", f"The package file {item.path} changed size since sealing; restore "
                                               "it from a backup.")
            self.outbox.set_size(item.package_id, size)
        if item.upload_url is None and sha256_of(item.path) != item.sha256:
            raise TransferError("refused", f"The package file {item.path} no longer matches its sha256 from "
                                           "sealing; restore it from a backup.")
        self._set(sending=item.package_id, sent_bytes=item.offset)
        url = item.upload_url
        offset: int | None = None
        if url is not None:
            offset = tus.offset(url)
            if offset is None:
                self.outbox.forget_upload(item.package_id)
                url = None
        outcome = "sent"
        if url is None:
            url = tus.create(item.package_id, item.sha256, size)
            if url is None:
                outcome = "already_there"
            else:
                offset = tus.offset(url)  # the archive may hand back an unfinished upload of ours
                if offset is None:
                    raise TransferError("transient", "The archive lost the upload it just created; trying again.")
                self.outbox.started(item.package_id, url, offset)
        upload_id = None
        if url is not None:
            assert offset is not None
            upload_id = upload_id_of(url)
            for _ in range(3):
                if offset < size:
                    last_saved = [offset]

                    def progressed(new: int, last_saved: list[int] = last_saved) -> None:
                        self._set(sent_bytes=new)
                        if new == size or new - last_saved[0] >= tus.chunk_bytes:
                            self.outbox.progressed(item.package_id, new)
                            last_saved[0] = new

                    offset = tus.upload(url, item.path, size, start=offset, on_progress=progressed,
                                        should_stop=self._stop.is_set)
                self.outbox.uploaded(item.package_id, offset)
                status, body = tus.submit(item.package_id, upload_id, item.sha256)
                if status == 200:
                    break
                if body.get("code") == "upload_incomplete":
                    offset = tus.offset(url)
                    if offset is None:
                        self.outbox.forget_upload(item.package_id)
                        raise TransferError("gone", "The archive lost the upload; it starts again.")
                    continue
                # sha256_mismatch or anything else the archive refuses about this upload: end it, start over.
                tus.terminate(url)
                self.outbox.forget_upload(item.package_id)
                raise TransferError("transient", f"The archive found the uploaded bytes of {item.package_id} "
                                                 f"damaged ({body.get('error') or body.get('code')}); the upload was "
                                                 "ended and the package is sent again.")
            else:
                raise TransferError("transient", f"The archive kept saying the upload of {item.package_id} is "
                                                 "incomplete; trying again later.")
        else:
            status, body = tus.submit(item.package_id, None, item.sha256)
            if status != 200:
                self.outbox.forget_upload(item.package_id)
                raise TransferError("transient", f"The archive could not give the stored receipt of "
                                                 f"{item.package_id} ({body.get('error') or body.get('code')}).")
        try:
            verified = verify(body, pinned, package_id=item.package_id, sha256=item.sha256)
        except ReceiptRefused as exc:
            self.store.log("receipt_refused", user=self.user, obj=item.document_id, package_id=item.package_id,
                           sha256=item.sha256, reason=exc.message,
                           claimed={k: body.get("receipt", {}).get(k) for k in ("package_id", "sha256", "status")}
                           if isinstance(body.get("receipt"), dict) else None)
            raise
        settled = self.outbox.settle(item, {"receipt": verified.receipt, "signature": body["signature"]},
                                     user=self.user, via="network")
        if settled == "rejected":
            self.say(f"the archive rejected package {item.package_id} (document {item.document_id}): "
                     + "; ".join(verified.reasons) + "; it goes back to its operator")
            return "rejected"
        return outcome

    # -- passes ---------------------------------------------------------------------------------
    def check_health(self, tus: TusClient) -> bool:
        try:
            tus.health()
        except TransferError as exc:
            self._health_failures += 1
            self._set(online=False, last_error=exc.message)
            self._health_error = exc
            return False
        self._health_error = None
        self._health_failures = 0
        self._set(online=True, last_contact=now())
        return True

    def run_once(self, *, all_waiting: bool = True) -> PassResult:
        """One pass over the waiting packages (all of them, or only those due); never sleeps."""
        result = PassResult()
        remote = self._remote()
        pinned = remote.pinned_der()
        items = self.outbox.waiting(due_before=None if all_waiting else time.time())
        if items:
            token_checked = remote.token()  # before the network: a missing token is said at once
            del token_checked
            with remote.client() as client:
                tus = TusClient(client, remote.url, chunk_bytes=int(self.settings.get("sync.chunk_bytes")),
                                submit_timeout=self._float("sync.submit_timeout_seconds"))
                for item in items:
                    if self._stop.is_set():
                        break
                    try:
                        outcome = self._send(tus, item, pinned)
                    except (TransferError, ReceiptRefused) as exc:
                        kind = exc.kind if isinstance(exc, TransferError) else "receipt"
                        message = exc.message
                        delay = self._float("sync.backoff_max_seconds") if kind in ("conflict", "refused", "receipt") \
                            else self._delay(item.attempts + 1)
                        self.outbox.failed(item.package_id, message, delay)
                        result.failed += 1
                        result.errors.append({"package_id": item.package_id, "document_id": item.document_id,
                                              "kind": kind, "error": message})
                        self._set(last_error=message, sending=None)
                        if kind == "tls":
                            result.blocking_error = message
                            self._set(online=False)
                            break
                        if kind == "auth":
                            result.blocking_error = message
                            self._set(auth_problem=True, online=True)
                            self.store.log("sync_auth_failed", user=self.user, reason=message)
                            break
                        if kind == "offline":
                            self._set(online=False)
                            break
                        continue
                    self._set(online=True, last_contact=now(), auth_problem=False, sending=None, last_error=None)
                    if outcome == "sent":
                        result.sent += 1
                    elif outcome == "already_there":
                        result.already_there += 1
                    else:
                        result.rejected += 1
                    self._set(waiting=self.outbox.count_waiting())
        if self.audit is not None and result.blocking_error is None and self._status.online is not False \
                and not self._stop.is_set():
            result.audit = self.send_audit(remote)
        result.pending = self.outbox.count_waiting()
        self._set(waiting=result.pending, sending=None)
        return result

    def send_audit(self, remote: Remote) -> dict[str, Any]:
        """The audit entries the archive lacks, as signed extracts; whatever fails is said, never raised."""
        assert self.audit is not None
        try:
            with remote.client() as client:
                done = self.audit.send(client, remote.api)
        except (TransferError, StationError) as exc:
            self._set(audit_error=exc.message, last_error=self._status.last_error or exc.message,
                      audit_archived_upto=self.audit.archived_last)
            return {"error": exc.message, "archived_last": self.audit.archived_last}
        self._set(audit_error=None, audit_archived_upto=done["archived_last"], online=True, last_contact=now())
        return done

    def _needs_a_person(self, total: PassResult) -> bool:
        """Every waiting package last failed in a way no retry fixes (a conflict, a refusal, a broken file)."""
        last: dict[str, str] = {}
        for e in total.errors:
            last[e["package_id"]] = e["kind"]
        waiting = self.outbox.waiting()
        return bool(waiting) and all(last.get(i.package_id) in STUCK for i in waiting)

    def run(self, stop: threading.Event | None = None, *, until_empty: bool = False,
            stop_on_auth: bool = False) -> PassResult:
        """Keep the outbox moving until `stop` (or, with until_empty, until no package waits).

        Sleeps are waits on the stop event, so Ctrl+C or the GUI's stop ends it at once; whatever
        was acknowledged is in the database already, so stopping at any instant loses nothing.
        """
        if stop is not None:
            self._stop = stop
        total = PassResult()
        remote = self._remote()
        poll = self._float("sync.poll_seconds")
        with remote.client(auth=False) as health_client:
            health = TusClient(health_client, remote.url)
            while not self._stop.is_set():
                waiting = self.outbox.count_waiting()
                self._set(waiting=waiting)
                if until_empty and (waiting == 0 or self._needs_a_person(total)):
                    break
                if self._status.online is not True and not self.check_health(health):
                    if stop_on_auth and self._health_error is not None and self._health_error.kind == "tls":
                        total.blocking_error = self._health_error.message
                        break
                    delay = self._delay(self._health_failures)
                    self._set(next_try_in=delay)
                    self.say(f"the archive does not answer; trying again in {delay:.0f} s")
                    self._stop.wait(delay)
                    continue
                if waiting:
                    one = self.run_once(all_waiting=False)
                    total.add(one)
                    if one.blocking_error:
                        self.say(one.blocking_error)
                        if stop_on_auth:
                            break
                        self._stop.wait(poll)
                        continue
                    if self._status.online is False:
                        continue
                due = self.outbox.next_due()
                wait = poll if due is None else max(0.0, min(poll, due - time.time()))
                if wait > 0:
                    self._set(next_try_in=wait)
                    self._stop.wait(wait)
                    if waiting and self.outbox.next_due() is not None and not self.check_health(health):
                        continue
        total.pending = self.outbox.count_waiting()
        return total
