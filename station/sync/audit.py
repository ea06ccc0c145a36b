"""The audit log to the archive: signed extracts of the entries the archive does not hold yet.

After a sync pass the station asks the archive which entry it expects next (GET
/api/v1/audit-extracts), so an answer lost on the way never leaves a gap, then sends the entries
from there to the log's end as canonical extracts (station.audit.extract, passed in: the sync
layer does not import the audit layer) with a detached CMS signature by the organ key. The key is
used only when it opens without a person: a PKCS#12 file whose passphrase is in the keyring or
the environment. A token needs its PIN, so then the extract waits (and says why) and packages go
on regardless. `export` writes the same to the sneakernet folder's `audit/`.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from station.errors import StationError
from station.files import atomic_write
from station.signing.cms import sign_detached
from station.signing.identity import LoadedSigner, SigningConfig, load_signer
from station.store import Store
from station.sync.tus import TransferError, error_for, tls_refused

ExtractFn = Callable[[Store, int, int], bytes]
ARCHIVED_LAST = "audit.archived_last"  # the last entry the archive acknowledged (network)
EXPORTED_LAST = "audit.exported_last"  # the last entry written to a sneakernet folder
MAX_ENTRIES = 1000
MAX_BYTES = 512 * 1024  # well under the archive's 1 MiB request body once base64'd with its signature


class AuditSkipped(StationError):
    """The extract cannot be signed without a person (or at all): it waits, packages do not."""


@dataclass
class AuditExtracts:
    store: Store
    settings: Any
    data_dir: Path
    extract: ExtractFn

    def _meta_int(self, key: str) -> int:
        value = self.store.meta(key)
        return int(value) if value and value.isdigit() else 0

    def _set_meta(self, key: str, value: int) -> None:
        with self.store.transaction():
            self.store.set_meta(key, str(value))

    @property
    def archived_last(self) -> int:
        return self._meta_int(ARCHIVED_LAST)

    def signer(self) -> LoadedSigner:
        config = SigningConfig.from_settings(self.settings)
        if config.kind == "pkcs11":
            raise AuditSkipped("The audit extract waits: the organ key is on a token that needs its PIN, which "
                               "nobody types during a sync; `station export-outbox` run by a person sends it.")
        if not config.kind:
            raise AuditSkipped("The audit extract waits: no signing identity is set up to sign it; run `station "
                               "signing use-pkcs12 FILE`.")
        try:
            return load_signer(config, self.data_dir, None)
        except StationError as exc:
            raise AuditSkipped(f"The audit extract waits: {exc.message}") from exc

    def ranges(self, first: int) -> Iterator[tuple[int, int, bytes]]:
        """(first, last, canonical bytes) from `first` to the log's end, each small enough to send."""
        head, _ = self.store.audit_head()
        while first <= head:
            last = min(head, first + MAX_ENTRIES - 1)
            data = self.extract(self.store, first, last)
            while len(data) > MAX_BYTES and last > first:
                last = first + (last - first) // 2
                data = self.extract(self.store, first, last)
            yield first, last, data
            first = last + 1

    def send(self, client: httpx.Client, api: Callable[[str], str]) -> dict[str, Any]:
        """Send what the archive lacks; the ranges it stored. TransferError/AuditSkipped when it cannot."""
        try:
            r = client.get(api("/audit-extracts"))
            if r.status_code != 200:
                raise error_for(r, "saying which audit entries it holds")
            next_first = int(r.json()["next_first"])
        except httpx.HTTPError as exc:
            raise TransferError("tls" if tls_refused(exc) else "offline",
                                f"The archive did not answer about the audit log ({exc.__class__.__name__}); "
                                "the extract goes with the next sync.") from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise TransferError("transient", "The archive's answer about the audit log is unreadable; the extract "
                                             "goes with the next sync.") from exc
        head, _ = self.store.audit_head()
        if next_first > head + 1:
            raise TransferError("conflict", f"The archive holds this station's audit entries up to {next_first - 1} "
                                            f"but the station's log ends at {head}: the log was replaced (a restored "
                                            "backup?); tell the archive's administrators.")
        sent: list[dict[str, int]] = []
        if next_first <= head:
            with self.signer() as signer:
                for first, last, data in self.ranges(next_first):
                    body = {"extract": base64.b64encode(data).decode("ascii"),
                            "signature": base64.b64encode(sign_detached(data, signer)).decode("ascii")}
                    try:
                        r = client.post(api("/audit-extracts"), json=body)
                    except httpx.HTTPError as exc:
                        raise TransferError("offline", f"The archive did not answer while storing audit entries "
                                                       f"{first}-{last} ({exc.__class__.__name__}); they go with the "
                                                       "next sync.") from exc
                    if r.status_code != 200:
                        said = error_for(r, f"storing audit entries {first}-{last}")
                        raise TransferError(said.kind, f"The archive did not store audit entries {first}-{last}: "
                                                       f"{_said(r) or said.message}", status=r.status_code,
                                            code=said.code)
                    answer = r.json()
                    if (answer.get("first"), answer.get("last")) != (first, last):
                        raise TransferError("transient", f"The archive acknowledged audit entries "
                                                         f"{answer.get('first')}-{answer.get('last')}, not {first}-"
                                                         f"{last}; the extract goes again with the next sync.")
                    sent.append({"first": first, "last": last})
        self._set_meta(ARCHIVED_LAST, max(next_first - 1, sent[-1]["last"] if sent else 0))
        return {"sent": sent, "archived_last": self.archived_last}

    def export(self, folder: Path) -> dict[str, Any]:
        """Signed extracts of the entries not yet acknowledged nor exported, as `folder/audit/F-L.json` + `.p7s`."""
        first = max(self.archived_last, self._meta_int(EXPORTED_LAST)) + 1
        files: list[str] = []
        if first <= self.store.audit_head()[0]:
            with self.signer() as signer:
                for f, last, data in self.ranges(first):
                    name = f"{f}-{last}"
                    atomic_write(folder / "audit" / f"{name}.p7s", sign_detached(data, signer))
                    atomic_write(folder / "audit" / f"{name}.json", data)  # last: the import looks for .json
                    self._set_meta(EXPORTED_LAST, last)
                    files.append(f"{name}.json")
        return {"files": files}


def _said(r: httpx.Response) -> str:
    try:
        return str(json.loads(r.content).get("error") or "")
    except (ValueError, AttributeError):
        return ""
