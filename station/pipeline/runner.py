"""Run every pending page stage in a process pool and record results as they arrive.

Resumable by construction: a page's results are committed in one transaction when its job
returns; a crash loses only jobs in flight, and the next run finds exactly those pages still
missing a stage (one row per page and stage, so nothing is ever duplicated).
"""

from __future__ import annotations

import fcntl
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from station.domain import PAGE_STAGES, DocState, Stage
from station.errors import Busy
from station.pipeline.worker import PageJob, StageOutcome, init_worker, run_page
from station.store import Store


class Progress(Protocol):
    """Anything that can show progress: a terminal bar, a Qt signal, a test recorder."""

    def __call__(self, done: int, total: int, message: str) -> None: ...


@dataclass
class ProcessReport:
    pages_done: int = 0
    pages_failed: int = 0
    documents_ready: list[str] = field(default_factory=list)
    documents_failed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


@contextmanager
def exclusive(data_dir: Path, what: str = "process") -> Iterator[None]:
    """One pipeline run per data dir at a time; the lock dies with its process."""
    path = data_dir / f"{what}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise Busy(
                f"Another `station {what}` is already working on {data_dir}; wait for it to finish."
            ) from exc
        yield
    finally:
        os.close(fd)


def workers_for(setting: int) -> int:
    return setting if setting > 0 else max(1, os.cpu_count() or 1)


class Runner:
    def __init__(
        self,
        store: Store,
        finalize: Callable[[str], None],
        *,
        workers: int = 0,
        language: str = "vie",
        ocr_timeout: float = 180,
        page_function: Callable[[PageJob], list[StageOutcome]] = run_page,
    ) -> None:
        self.store = store
        self.page_function = page_function
        self._held: Callable[[str], bool] = lambda _doc: False
        self.workers = workers_for(workers)
        self.language = language
        self.ocr_timeout = ocr_timeout
        self.finalize = finalize

    def job_for(self, page_id: int, *, next_stage_only: bool = False) -> PageJob:
        page = self.store.page(page_id)
        done = {k: v for k, v in self.store.stage_results(page_id).items() if v["status"] == "done"}
        stages = [s for s in PAGE_STAGES if s.value not in done]
        if next_stage_only:
            stages = stages[:1]
        cleanup = done.get(Stage.CLEANUP.value)
        return PageJob(
            page_id=page_id,
            blob_root=str(self.store.blobs.root),
            source_blob=page.source_blob,
            dpi=page.dpi,
            stages=stages,
            language=self.language,
            ocr_timeout=self.ocr_timeout,
            cleaned_blob=cleanup["blob"] if cleanup else None,
            cleanup=cleanup["result"] if cleanup else None,
        )

    def run(
        self,
        batch: str | None = None,
        progress: Progress | None = None,
        *,
        feeding: Callable[[], bool] | None = None,
        held: Callable[[str], bool] | None = None,
    ) -> ProcessReport:
        """Process every pending page; with `feeding`, also pages that arrive while it returns True.

        `held(doc_id)` keeps a document open (a scan still adding pages to it): it is finalized
        once it is no longer held, in this run or the next.
        """
        self._held = held or (lambda _doc: False)
        start = time.perf_counter()
        report = ProcessReport()
        with exclusive(self.store.data_dir):
            states = (DocState.PROCESSING, DocState.FAILED)
            # Each run tries every unfinished page once: a failure is recorded and the document
            # marked failed; the next run (after the cause is fixed) tries that page again.
            pending = self.store.pending_pages(states, batch)
            docs_touched = {self.store.page(p).document_id for p in pending}
            with self.store.transaction():
                for doc_id in docs_touched:
                    if self.store.document(doc_id)["state"] == DocState.FAILED.value:
                        self.store.set_state(doc_id, DocState.PROCESSING, error=None)
            total = len(pending)
            if progress:
                progress(0, total, "processing pages")
            if pending or feeding is not None:
                self._run_pool(pending, report, progress, total, batch, feeding)
            # Documents whose pages are all finished, including those a crash left unfinalized.
            for doc in self.store.documents(batch=batch, state=DocState.PROCESSING.value):
                self._finish_document(doc["id"], report)
        report.seconds = time.perf_counter() - start
        return report

    def _run_pool(
        self,
        pending: list[int],
        report: ProcessReport,
        progress: Progress | None,
        total: int,
        batch: str | None,
        feeding: Callable[[], bool] | None,
    ) -> None:
        queue = list(reversed(pending))
        # While a scanner feeds, each page is first only cleaned (what the operator sees must keep
        # up with the feeder) and its OCR waits in `backlog`, run whenever no page waits for cleanup.
        backlog: list[int] = []
        known = set(pending)
        suspects: list[int] = []  # pages in flight when a worker crashed: rerun one at a time
        done_count = 0
        context = multiprocessing.get_context("spawn")

        def refill() -> bool:
            """Take pages that arrived since (a scan in progress); True while more may come."""
            nonlocal total
            more = feeding is not None and feeding()
            if feeding is not None:
                fresh = [p for p in self.store.pending_pages((DocState.PROCESSING,), batch) if p not in known]
                known.update(fresh)
                queue[:0] = reversed(fresh)
                total += len(fresh)
            return more

        while refill() or queue or suspects or backlog:
            if not queue and not suspects and not backlog:
                time.sleep(0.1)
                continue
            in_flight: dict[Future[list[StageOutcome]], int] = {}
            alone = False
            with ProcessPoolExecutor(self.workers, mp_context=context, initializer=init_worker) as pool:
                try:
                    while refill() or queue or suspects or backlog or in_flight:
                        streaming = feeding is not None and feeding()
                        if not (queue or suspects or backlog or in_flight):
                            time.sleep(0.1)  # the scanner is still feeding: wait for its next page
                            continue
                        # A page leaves its list only once submitted: submit raises on a broken pool.
                        if suspects:
                            if not in_flight:
                                fut = pool.submit(self.page_function, self.job_for(suspects[-1]))
                                in_flight[fut] = suspects.pop()
                                alone = True
                        else:
                            alone = False
                            # Few jobs ahead in the pool while streaming, so a new page is not
                            # stuck behind queued OCR; more otherwise, so no worker ever waits.
                            window = self.workers if streaming else self.workers * 2
                            while (queue or backlog) and len(in_flight) < window:
                                source = queue if queue else backlog
                                job = self.job_for(source[-1], next_stage_only=streaming)
                                fut = pool.submit(self.page_function, job)
                                in_flight[fut] = source.pop()
                        finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                        for fut in finished:
                            outcomes = fut.result()
                            page_id = in_flight.pop(fut)
                            self._record(page_id, outcomes, report)
                            if all(o.ok for o in outcomes) and self._missing_stages(page_id):
                                backlog.insert(0, page_id)
                                continue
                            done_count += 1
                            if progress:
                                progress(done_count, total, f"page {done_count} of {total}")
                except BrokenProcessPool:
                    # A worker died (a crash in a native library) and took the pool with it. Any page
                    # in flight may be the cause, so each runs again alone in a fresh pool; a page
                    # that crashes a worker on its own is recorded as failed and the rest go on.
                    if alone:
                        (page_id,) = in_flight.values()
                        stage = self.job_for(page_id).stages[0]
                        self._record(page_id, [StageOutcome(stage, False, 0.0,
                                                            error="the process working on this page crashed; "
                                                                  "rescan the page or import it again")], report)
                        done_count += 1
                    else:
                        suspects.extend(in_flight.values())

    def _missing_stages(self, page_id: int) -> bool:
        done = {k for k, v in self.store.stage_results(page_id).items() if v["status"] == "done"}
        return any(stage.value not in done for stage in PAGE_STAGES)

    def _record(self, page_id: int, outcomes: list[StageOutcome], report: ProcessReport) -> None:
        doc_id = self.store.page(page_id).document_id
        with self.store.transaction():
            for o in outcomes:
                self.store.record_stage(page_id, o.stage, ok=o.ok, result=o.result, blob=o.blob,
                                        error=o.error, seconds=round(o.seconds, 3))
                report.stage_seconds[o.stage.value] = report.stage_seconds.get(o.stage.value, 0.0) + o.seconds
        if all(o.ok for o in outcomes):
            if not self._missing_stages(page_id):
                report.pages_done += 1
        else:
            report.pages_failed += 1
            failed = next(o for o in outcomes if not o.ok)
            report.errors.append(f"document {doc_id}, page {self.store.page(page_id).idx}: {failed.error}")
        self._finish_document(doc_id, report)

    def _finish_document(self, doc_id: str, report: ProcessReport) -> None:
        """When every page has every stage, the document is ready (or failed) and gets suggestions."""
        if self.store.document(doc_id)["state"] != DocState.PROCESSING.value or self._held(doc_id):
            return
        failed: list[str] = []
        missing = False
        for page in self.store.pages(doc_id):
            results = self.store.stage_results(page.id)
            for stage in PAGE_STAGES:
                r = results.get(stage.value)
                if r is None:
                    missing = True
                    break
                if r["status"] == "failed":
                    failed.append(f"page {page.idx} {stage.value}: {r['error']}")
                    break
        if missing and not failed:
            return  # pages still in flight
        if failed:
            with self.store.transaction():
                self.store.set_state(doc_id, DocState.FAILED, error="; ".join(failed))
                self.store.log("process_failed", obj=doc_id, errors=failed)
            report.documents_failed.append(doc_id)
            return
        self.finalize(doc_id)
        report.documents_ready.append(doc_id)
