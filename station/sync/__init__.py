"""Store and forward to the central archive (shared/spec/package.md, the lead's wire protocol).

- `outbox`: the queue of sealed packages in the station's store, and the move to accepted/rejected;
- `tus`: the resumable upload (tus 1.0.0) and the submit call, on httpx;
- `receipt`: the archive's signed receipt, checked against the pinned certificate;
- `remote`: the archive's address, TLS trust, pinned certificate and the token (OS keyring);
- `service`: `SyncService`, the loop both faces run (backoff with jitter, health, status);
- `sneakernet`: the outbox to a USB drive and receipts back.
Role checks and audit entries for people's actions are in station.workflow.syncing.
"""

from station.sync.outbox import Outbox
from station.sync.service import PassResult, SyncService, SyncStatus

__all__ = ["Outbox", "PassResult", "SyncService", "SyncStatus"]
