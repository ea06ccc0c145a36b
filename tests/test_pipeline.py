"""The stage runner with real pool processes: crashes of a worker cost one page, never the batch."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from station.domain import DocState
from station.pipeline.runner import Runner
from station.pipeline.worker import PageJob, StageOutcome
from station.store import Store
from station.store.db import NewPage

POISON = "poison"


def crash_on_poison(job: PageJob) -> list[StageOutcome]:
    """Runs in a pool process: dies like a segfaulting native library on the poisoned page."""
    if Path(job.blob_root, job.source_blob[:2], job.source_blob).read_bytes() == POISON.encode():
        os.kill(os.getpid(), signal.SIGKILL)
    return [StageOutcome(stage, True, 0.0, {"blank": False, "lines": []}) for stage in job.stages]


def test_a_crashing_page_fails_alone_and_the_others_finish(tmp_path: Path) -> None:
    store = Store(tmp_path)
    pages = []
    for content in ("a", "b", POISON, "c", "d"):
        blob = store.blobs.put(content.encode(), ".png")
        pages.append(NewPage(blob=blob, width=10, height=10, dpi=300, dpi_source="file", mode="gray",
                             source_name=f"{content}.png", source_page=1))
    with store.transaction():
        batch = store.batch_id("b", create=True)
        good = store.add_document(batch, pages[:2])
        bad = store.add_document(batch, pages[2:])

    finished: list[str] = []

    def finalize(doc_id: str) -> None:
        finished.append(doc_id)
        with store.transaction():
            store.set_state(doc_id, DocState.NEEDS_REVIEW)

    report = Runner(store, finalize, workers=2, page_function=crash_on_poison).run()
    assert finished == [good]
    assert report.pages_done == 4 and report.pages_failed == 1
    assert store.document(bad)["state"] == "failed"
    assert "crashed" in store.document(bad)["error"]
    poisoned = store.pages(bad)[0]
    assert store.stage_results(poisoned.id)["cleanup"]["status"] == "failed"
    # The innocent pages of the crashed document were finished, not blamed.
    for page in store.pages(bad)[1:]:
        assert {r["status"] for r in store.stage_results(page.id).values()} == {"done"}
