"""Does the window stay responsive while the pipeline works? Event-loop delay while 50 pages process.

A precise 20 ms timer on the GUI thread measures how late each tick arrives (its lateness is what
an operator feels as a stutter); meanwhile 50 imported pages go through cleanup and OCR in the
background and the "operator" walks through documents and pages every 250 ms, which makes the
window load thumbnails, pages and forms. Target: 95th percentile under 50 ms.

Run: `make bench-gui` (offscreen). JSON on stdout. The machine has two cores shared with other
work: the wall-clock figures are inflated by whatever else runs; CPU seconds are given beside.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PAGES = 50
TICK_MS = 20
TARGET_P95_MS = 50.0
# A cap on the measured window (BENCH_MAX_SECONDS): on a machine shared with other work the pipeline
# may need far longer for 50 pages; the delays are then those of a window with the pipeline busy
# throughout, and "finished" says the pages were not all done.
MAX_SECONDS = float(os.environ.get("BENCH_MAX_SECONDS") or 1200)


def make_pages(folder: Path, count: int) -> list[Path]:
    from station.samples import list_samples, load_sample, render_sample

    names = list_samples()
    out: list[Path] = []
    rendered: list = []
    for name in names:
        rendered += render_sample(load_sample(name), dpi=200, damage="scan", mode="L")
    for i in range(count):
        path = folder / f"page_{i + 1:03d}.png"
        rendered[i % len(rendered)].save(path, dpi=(200, 200))
        out.append(path)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


class StallSampler:
    """Where the GUI thread is when a tick is late: its stack, sampled every 5 ms from a side thread.

    Each sample is ~5 ms of stall; the most frequent places are what blocks the event loop.
    """

    def __init__(self, last: list[float], threshold_ms: float = 40.0) -> None:
        import collections
        import threading

        self.last, self.threshold = last, threshold_ms
        self.counts: collections.Counter[str] = collections.Counter()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, name="stall-sampler", daemon=True)

    def run(self) -> None:
        import threading
        import traceback

        main = threading.main_thread().ident
        while not self.stop.wait(0.005):
            if (time.perf_counter() - self.last[0]) * 1000 - TICK_MS < self.threshold:
                continue
            frame = sys._current_frames().get(main)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)
            ours = [f for f in stack if "/station/" in f.filename or "/bench/" in f.filename]
            where = " < ".join(f"{Path(f.filename).name}:{f.name}:{f.lineno}" for f in reversed(ours[-3:]))
            inner = stack[-1]
            self.counts[f"{Path(inner.filename).name}:{inner.name} @ {where}"] += 1

    def top(self, n: int = 8) -> list[dict[str, object]]:
        return [{"where": k, "samples_5ms": v} for k, v in self.counts.most_common(n)]


def main() -> int:
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from station.domain import SplitMode
    from station.ui.app import application
    from station.ui.resources import install_language
    from station.ui.window import MainWindow
    from station.workflow import Station

    _app = application()  # kept: the one QApplication of this run
    install_language("vi")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        files = make_pages(tmpdir, PAGES)
        data = tmpdir / "data"
        station = Station(data)
        groups = [files[i:i + 5] for i in range(0, len(files), 5)]
        for group in groups:  # ten documents of five pages
            station.import_files(group, batch="bench", split=SplitMode.NONE)
        station.close()

        # Scanner discovery stays off (BENCH_FIND_SCANNERS=1 turns it on): the figure is the pipeline's.
        window = MainWindow(data, user="bench", find_scanners=os.environ.get("BENCH_FIND_SCANNERS") == "1")
        window.show()
        delays: list[float] = []
        last = [time.perf_counter()]
        busy = [True]

        def tick() -> None:
            now = time.perf_counter()
            if busy[0]:
                delays.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
            last[0] = now

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)

        steps = [0]

        def operator() -> None:
            steps[0] += 1
            if steps[0] % 4 == 0:
                window.step_document(1 if (steps[0] // 4) % 20 < 10 else -1)
            else:
                window.step_page(1)

        walker = QTimer()
        walker.setInterval(250)
        walker.timeout.connect(operator)

        def done() -> bool:
            rows = window.docs.rows
            return len(rows) == len(groups) and all(r.state in ("needs_review", "failed") for r in rows)

        started = time.perf_counter()
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        sampler = StallSampler(last)
        sampler.thread.start()
        timer.start()
        walker.start()
        # The window's own event loop, as `app.exec()` runs it: it sleeps when there is nothing to do
        # (a processEvents() spin would burn a core and the GIL and measure itself).
        loop = QEventLoop()
        next_report = [started + 10]

        def check() -> None:
            now = time.perf_counter()
            if done() or now - started > MAX_SECONDS:
                loop.quit()
                return
            if now > next_report[0]:  # figures so far, in case the run does not finish
                next_report[0] += 10
                print(json.dumps({"seconds": round(now - started), "ticks": len(delays),
                                  "p50_ms": round(percentile(delays, 50), 1),
                                  "p95_ms": round(percentile(delays, 95), 1),
                                  "max_ms": round(max(delays, default=0.0), 1),
                                  "documents_ready": sum(r.state == "needs_review" for r in window.docs.rows),
                                  "stalls": sampler.top(3)}),
                      file=sys.stderr, flush=True)

        checker = QTimer()
        checker.setInterval(250)
        checker.timeout.connect(check)
        checker.start()
        loop.exec()
        checker.stop()
        busy[0] = False
        seconds = time.perf_counter() - started
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        timer.stop()
        walker.stop()
        sampler.stop.set()
        finished = done()
        rows_at_end = list(window.docs.rows)
        window.close()

    p95 = percentile(delays, 95)
    result = {
        "bench": "gui event-loop delay while pages process",
        "pages": PAGES,
        "documents": len(groups),
        "finished": finished,
        "documents_ready": sum(r.state == "needs_review" for r in rows_at_end),
        "pages_ready": sum(r.pages for r in rows_at_end if r.state == "needs_review"),
        "seconds": round(seconds, 1),
        "ticks": len(delays),
        "delay_ms": {"p50": round(percentile(delays, 50), 1), "p95": round(p95, 1),
                     "p99": round(percentile(delays, 99), 1), "max": round(max(delays, default=0.0), 1)},
        "gui_process_cpu_seconds": round((cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime), 1),
        "pipeline_workers_cpu_seconds": round((children1.ru_utime + children1.ru_stime)
                                              - (children0.ru_utime + children0.ru_stime), 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "where_the_gui_thread_stalled": sampler.top(),
        "target_p95_ms": TARGET_P95_MS,
        "met": p95 < TARGET_P95_MS,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
