"""The demo scanner, scan profiles and the hot folder."""

from __future__ import annotations

import io
import json
import os
import threading
import time
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from station.errors import BadInput, NotAllowed, NotFound, ScannerError, ValidationFailed
from station.samples import list_samples, load_sample, render_sample
from station.scanner.base import (
    CancelToken,
    Device,
    DeviceUnavailable,
    PaperJam,
    ScannedPage,
    ScanOptions,
)
from station.scanner.demo import DEVICE, DemoDriver
from station.scanner.hotfolder import LEDGER_NAME, HotFolder, is_ignored
from station.scanner.profiles import BUILTIN_DEFAULT, Profile, ProfileStore

# ------------------------------------------------------------------------------ demo scanner


class RecordingEvents:
    def __init__(self) -> None:
        self.started: list[int] = []
        self.messages: list[str] = []

    def status(self, message: str) -> None:
        self.messages.append(message)

    def page_started(self, index: int) -> None:
        self.started.append(index)


def _scan(driver: DemoDriver, options: ScanOptions, cancel: CancelToken | None = None, on_page=None):
    pages: list[ScannedPage] = []
    events = RecordingEvents()

    def keep(page: ScannedPage) -> None:
        pages.append(page)
        if on_page is not None:
            on_page(page)

    driver.scan(DEVICE, options, cancel or CancelToken(), events, keep)
    return pages, events


@pytest.fixture(scope="module")
def sample_page_count() -> int:
    return sum(len(render_sample(load_sample(n), dpi=50)) for n in list_samples())


def test_demo_device_and_capabilities() -> None:
    driver = DemoDriver()
    assert driver.list_devices() == [Device("demo:station", "demo", "Demo scanner (sample pages)")]
    caps = driver.capabilities(DEVICE)
    assert caps.sources == ["flatbed", "adf", "duplex"] and caps.duplex
    assert min(caps.resolutions) == 100 and max(caps.resolutions) == 600
    assert caps.color_modes == ["color", "gray", "lineart"]
    assert (caps.max_width_mm, caps.max_height_mm) == (210.0, 297.0)
    with pytest.raises(DeviceUnavailable):
        driver.capabilities(Device("demo:other", "demo", "x"))


def test_demo_adf_feeds_every_sample_page_in_order(sample_page_count: int) -> None:
    pages, events = _scan(DemoDriver(), ScanOptions(source="adf", dpi=100, color_mode="gray"))
    assert sample_page_count >= 7
    assert [p.index for p in pages] == list(range(1, sample_page_count + 1))
    assert events.started == [p.index for p in pages]
    for page in pages:
        assert page.suffix == ".jpg" and page.dpi == 100.0
        image = Image.open(io.BytesIO(page.data))
        assert image.format == "JPEG" and image.mode == "L"
        assert image.size == (827, 1169)  # A4 at 100 dpi
        assert round(image.info["dpi"][0]) == 100
    # Each page is a different sample page with ink on it, not one image repeated.
    assert len({p.data for p in pages}) == len(pages)
    first = np.asarray(Image.open(io.BytesIO(pages[0].data)))
    assert (first < 100).mean() > 0.005


def test_demo_flatbed_colour_is_one_page_and_lineart_is_bilevel_png() -> None:
    pages, _ = _scan(DemoDriver(), ScanOptions(source="flatbed", dpi=150, color_mode="color"))
    assert len(pages) == 1
    colour = Image.open(io.BytesIO(pages[0].data))
    assert colour.mode == "RGB" and colour.size == (1240, 1754)
    arr = np.asarray(colour).astype(int)
    # The red stamp of the first sample is there in colour.
    assert ((arr[..., 0] - arr[..., 2]) > 80).sum() > 200

    line, _ = _scan(DemoDriver(samples=[list_samples()[0]]), ScanOptions(source="adf", dpi=200, color_mode="lineart"))
    assert len(line) == 1 and line[0].suffix == ".png"
    bilevel = Image.open(io.BytesIO(line[0].data))
    assert bilevel.format == "PNG" and bilevel.mode == "1" and bilevel.size == (1654, 2339)
    values = np.asarray(bilevel.convert("L"))
    assert set(np.unique(values)) == {0, 255}
    assert 0.005 < (values == 0).mean() < 0.2  # text is black on a white page


def test_demo_duplex_adds_a_blank_back_to_each_sheet() -> None:
    name = list_samples()[0]
    pages, _ = _scan(DemoDriver(samples=[name]), ScanOptions(source="duplex", dpi=100, color_mode="gray"))
    assert [p.index for p in pages] == [1, 2]
    front, back = (np.asarray(Image.open(io.BytesIO(p.data))) for p in pages)
    assert (front < 100).mean() > 0.005
    assert (back < 100).mean() < 0.0005


def test_demo_cancel_stops_before_the_next_page() -> None:
    cancel = CancelToken()

    def after_two(page: ScannedPage) -> None:
        if page.index == 2:
            cancel.cancel()

    pages, events = _scan(DemoDriver(), ScanOptions(source="adf", dpi=100, color_mode="gray"), cancel, after_two)
    assert [p.index for p in pages] == [1, 2]
    assert "stopped after 2" in events.messages[-1]


def test_demo_jam_keeps_the_pages_before_it() -> None:
    pages: list[ScannedPage] = []
    with pytest.raises(PaperJam, match="after page 3") as info:
        DemoDriver(jam_after=3).scan(
            DEVICE, ScanOptions(source="adf", dpi=100, color_mode="gray"), CancelToken(), RecordingEvents(),
            pages.append,
        )
    assert [p.index for p in pages] == [1, 2, 3]
    assert info.value.exit_code == 5


def test_demo_paces_like_a_feeder_and_cancel_interrupts_the_wait() -> None:
    names = list_samples()[:3]
    started = time.monotonic()
    pages, _ = _scan(
        DemoDriver(pages_per_minute=300, samples=names), ScanOptions(source="adf", dpi=100, color_mode="gray")
    )
    assert len(pages) == 3
    assert time.monotonic() - started >= 3 * 0.2 - 0.01  # 300 pages per minute: 0.2 s a page

    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    started = time.monotonic()
    slow, _ = _scan(DemoDriver(pages_per_minute=2), ScanOptions(source="adf", dpi=100), cancel)
    assert slow == [] and time.monotonic() - started < 5.0  # not the 30 s the first page is due at


def test_demo_refuses_what_it_cannot_scan() -> None:
    driver = DemoDriver()
    with pytest.raises(ScannerError, match="100-600 dpi"):
        _scan(driver, ScanOptions(dpi=1200))
    with pytest.raises(ScannerError, match="A4"):
        _scan(driver, ScanOptions(page_size="Letter", dpi=100))
    with pytest.raises(ScannerError, match="colour mode"):
        _scan(driver, ScanOptions(color_mode="sepia", dpi=100))
    with pytest.raises(DeviceUnavailable):
        driver.scan(Device("demo:x", "demo", "x"), ScanOptions(), CancelToken(), RecordingEvents(), print)


# ------------------------------------------------------------------------------ profiles


def _admin_file(tmp_path: Path, profiles: list[dict]) -> Path:
    path = tmp_path / "admin-profiles.json"
    path.write_text(json.dumps({"version": 1, "profiles": profiles}, ensure_ascii=False), encoding="utf-8")
    return path


def test_default_profile_follows_the_national_rule(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "data")
    assert store.list() == [BUILTIN_DEFAULT]
    default = store.get("default")
    assert (default.dpi, default.color_mode) == (300, "color")
    assert default.options() == ScanOptions(source="adf", dpi=300, color_mode="color", page_size="A4")


def test_profiles_round_trip_through_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = ProfileStore(data)
    # Decomposed Vietnamese as some keyboards send it: stored and found composed (NFC).
    name = "Công văn đến (xám)"
    decomposed = unicodedata.normalize("NFD", name)
    saved = Profile(decomposed, dpi=200, color_mode="gray", source="duplex", blank_policy="keep", split="page")
    store.save(saved)
    store.save(Profile("Bản vẽ", dpi=600, color_mode="lineart", source="flatbed", page_size="A3", split="none"))

    again = ProfileStore(data)
    assert [p.name for p in again.list()] == ["default", "Bản vẽ", name]
    got = again.get(decomposed)
    assert got.name == name and got.dpi == 200 and got.source == "duplex" and got.split == "page"
    assert got.blank_policy == "keep"
    assert got.options() == ScanOptions(source="duplex", dpi=200, color_mode="gray", page_size="A4")
    on_disk = json.loads((data / "profiles.json").read_text(encoding="utf-8"))
    assert {p["name"] for p in on_disk["profiles"]} == {name, "Bản vẽ"}

    again.save(Profile(name, dpi=400))  # editing replaces, does not duplicate
    assert ProfileStore(data).get(name).dpi == 400
    assert len(ProfileStore(data).list()) == 3
    again.delete("Bản vẽ")
    with pytest.raises(NotFound):
        ProfileStore(data).get("Bản vẽ")
    with pytest.raises(NotFound):
        again.delete("Bản vẽ")


def test_profile_dpi_rule_and_values(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "data")
    with pytest.raises(ValidationFailed, match="below the 200 dpi") as info:
        store.save(Profile("nhanh", dpi=150))
    assert info.value.exit_code == 4
    store.save(Profile("xám 200", dpi=200, color_mode="gray"))  # grey and line art are allowed
    with pytest.raises(ValidationFailed, match="colour mode"):
        store.save(Profile("x", color_mode="sepia"))
    with pytest.raises(ValidationFailed, match="split mode"):
        store.save(Profile("x", split="chapter"))
    with pytest.raises(ValidationFailed, match="blank-page policy"):
        store.save(Profile("x", blank_policy="drop"))
    with pytest.raises(ValidationFailed, match="profile name"):
        store.save(Profile(" padded "))
    assert [p.name for p in store.list()] == ["default", "xám 200"]


def test_admin_locked_profiles_cannot_be_changed_by_a_user(tmp_path: Path) -> None:
    admin = _admin_file(
        tmp_path,
        [
            {"name": "Lưu trữ", "dpi": 400, "locked": True},
            {"name": "default", "dpi": 300, "source": "flatbed", "locked": True},
            {"name": "Gợi ý", "dpi": 250},
        ],
    )
    store = ProfileStore(tmp_path / "data", admin_file=admin)
    assert [p.name for p in store.list()] == ["default", "Gợi ý", "Lưu trữ"]
    assert store.get("default").source == "flatbed" and store.get("default").locked
    with pytest.raises(NotAllowed, match="locked"):
        store.save(Profile("Lưu trữ", dpi=300))
    with pytest.raises(NotAllowed, match="locked"):
        store.delete("Lưu trữ")
    with pytest.raises(NotAllowed, match="locked"):
        store.save(Profile("default", dpi=600))
    with pytest.raises(NotAllowed, match="administrator"):
        store.save(Profile("của tôi", locked=True))
    assert store.get("Lưu trữ").dpi == 400

    # An unlocked admin profile is a suggestion: the user may override it, and deleting the
    # override brings the administrator's version back.
    store.save(Profile("Gợi ý", dpi=300, color_mode="gray"))
    assert store.get("Gợi ý").color_mode == "gray"
    store.delete("Gợi ý")
    assert store.get("Gợi ý").dpi == 250
    with pytest.raises(NotAllowed, match="provided"):
        store.delete("Gợi ý")


def test_admin_file_below_the_rule_or_broken_is_reported(tmp_path: Path) -> None:
    low = _admin_file(tmp_path, [{"name": "thấp", "dpi": 100, "locked": True}])
    with pytest.raises(ValidationFailed, match="200 dpi"):
        ProfileStore(tmp_path / "data", admin_file=low).list()
    low.write_text("{not json", encoding="utf-8")
    with pytest.raises(BadInput, match="administrator"):
        ProfileStore(tmp_path / "data", admin_file=low).list()
    _admin_file(tmp_path, [{"name": "x", "resolution": 300}])
    with pytest.raises(BadInput, match="unknown keys"):
        ProfileStore(tmp_path / "data", admin_file=low).list()
    # A missing admin file means the administrator has set no profiles.
    assert ProfileStore(tmp_path / "data", admin_file=tmp_path / "absent.json").list() == [BUILTIN_DEFAULT]
    with pytest.raises(BadInput, match="outside the data folder"):
        ProfileStore(tmp_path / "data", admin_file=tmp_path / "data" / "profiles.json")


def test_default_can_be_adjusted_but_not_deleted(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "data")
    with pytest.raises(NotAllowed):
        store.delete("default")
    store.save(Profile("default", dpi=400))
    assert store.get("default").dpi == 400
    store.delete("default")
    assert store.get("default") == BUILTIN_DEFAULT


# ------------------------------------------------------------------------------ hot folder


class Recorder:
    def __init__(self, result: bool = True) -> None:
        self.result = result
        self.calls: list[tuple[str, bytes]] = []

    def __call__(self, path: Path) -> bool:
        self.calls.append((path.name, path.read_bytes()))
        return self.result


def test_a_file_written_slowly_is_taken_only_when_complete(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    recorder = Recorder()
    folder = HotFolder(inbox, recorder, settle_seconds=2.0)
    target = inbox / "scan_0001.pdf"
    content = b"%PDF-1.4\n" + bytes(range(256)) * 64
    chunks = [content[i : i + 4096] for i in range(0, len(content), 4096)]
    clock = 0.0
    with target.open("wb") as f:
        for chunk in chunks:
            f.write(chunk)
            f.flush()
            # Every poll sees a new size, so the gap between polls being longer than the settle
            # time does not make a growing file look complete.
            assert folder.poll_once(now=clock) == []
            clock += 5.0
    last_change = clock - 5.0
    assert folder.poll_once(now=last_change + 1.0) == []  # stable, but not for settle_seconds yet
    assert recorder.calls == [] and target.exists()
    handled = folder.poll_once(now=last_change + 2.0)
    assert [(h.outcome, h.moved_to) for h in handled] == [("done", inbox / "done" / "scan_0001.pdf")]
    assert recorder.calls == [("scan_0001.pdf", content)]
    assert not target.exists() and (inbox / "done" / "scan_0001.pdf").read_bytes() == content


def test_a_file_rewritten_with_the_same_size_is_noticed_through_mtime(tmp_path: Path) -> None:
    recorder = Recorder()
    folder = HotFolder(tmp_path, recorder, settle_seconds=1.0)
    path = tmp_path / "a.jpg"
    path.write_bytes(b"x" * 100)
    folder.poll_once(now=0.0)
    path.write_bytes(b"y" * 100)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert folder.poll_once(now=5.0) == []
    assert [h.outcome for h in folder.poll_once(now=6.0)] == ["done"]
    assert recorder.calls == [("a.jpg", b"y" * 100)]


def test_failed_files_go_to_failed_and_names_never_collide(tmp_path: Path) -> None:
    recorder = Recorder(result=False)
    folder = HotFolder(tmp_path, recorder, settle_seconds=0.0)
    for round_ in range(3):
        (tmp_path / "scan.pdf").write_bytes(f"bad {round_}".encode())
        folder.poll_once(now=float(round_ * 10))
        handled = folder.poll_once(now=float(round_ * 10 + 1))
        assert [h.outcome for h in handled] == ["failed"]
    assert sorted(p.name for p in (tmp_path / "failed").iterdir()) == ["scan-1.pdf", "scan-2.pdf", "scan.pdf"]
    assert (tmp_path / "failed" / "scan-2.pdf").read_bytes() == b"bad 2"
    # A failed file is not recorded as done: the same content may be tried again.
    (tmp_path / "scan.pdf").write_bytes(b"bad 0")
    recorder.result = True
    folder.poll_once(now=100.0)
    assert [h.outcome for h in folder.poll_once(now=101.0)] == ["done"]


def test_a_handler_that_raises_sends_the_file_to_failed(tmp_path: Path) -> None:
    def broken(path: Path) -> bool:
        raise RuntimeError("decoder crashed")

    folder = HotFolder(tmp_path, broken, settle_seconds=0.0)
    (tmp_path / "x.tif").write_bytes(b"II*\x00")
    folder.poll_once(now=0.0)
    assert [h.outcome for h in folder.poll_once(now=1.0)] == ["failed"]
    assert (tmp_path / "failed" / "x.tif").exists()


def test_no_double_import(tmp_path: Path) -> None:
    recorder = Recorder()
    folder = HotFolder(tmp_path, recorder, settle_seconds=0.0)
    (tmp_path / "scan.jpg").write_bytes(b"page one")
    folder.poll_once(now=0.0)
    folder.poll_once(now=1.0)
    assert len(recorder.calls) == 1
    assert folder.poll_once(now=2.0) == []

    # The same file copied back in, under its name or another, is not imported again; a new
    # scan under the same name is.
    (tmp_path / "scan.jpg").write_bytes(b"page one")
    (tmp_path / "copy of scan.jpg").write_bytes(b"page one")
    folder.poll_once(now=3.0)
    assert sorted(h.outcome for h in folder.poll_once(now=4.0)) == ["duplicate", "duplicate"]
    (tmp_path / "scan.jpg").write_bytes(b"page one, scanned again")
    folder.poll_once(now=5.0)
    assert [h.outcome for h in folder.poll_once(now=6.0)] == ["done"]
    assert [c[1] for c in recorder.calls] == [b"page one", b"page one, scanned again"]
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == [
        "copy of scan.jpg", "scan-1.jpg", "scan-2.jpg", "scan.jpg"
    ]

    # The ledger lives in the folder, so a new watcher (after a restart) knows it too.
    ledger = json.loads((tmp_path / LEDGER_NAME).read_text(encoding="utf-8"))
    assert len(ledger["done"]) == 2
    restarted = HotFolder(tmp_path, recorder, settle_seconds=0.0)
    (tmp_path / "scan.jpg").write_bytes(b"page one")
    restarted.poll_once(now=0.0)
    assert [h.outcome for h in restarted.poll_once(now=1.0)] == ["duplicate"]
    assert len(recorder.calls) == 2


def test_hidden_temporary_and_empty_files_are_ignored(tmp_path: Path) -> None:
    recorder = Recorder()
    folder = HotFolder(tmp_path, recorder, settle_seconds=0.0)
    names = [".hidden.pdf", "~$lock.docx", "scan.pdf.tmp", "scan.PART", "upload.part"]
    for name in names:
        (tmp_path / name).write_bytes(b"data")
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner.pdf").write_bytes(b"data")
    for t in range(3):
        assert folder.poll_once(now=float(t)) == []
    assert recorder.calls == []
    assert all(is_ignored(n) for n in names) and not is_ignored("scan.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*names, "empty.pdf", "sub"])


def test_a_missing_share_is_reported_and_run_survives_it(tmp_path: Path) -> None:
    recorder = Recorder()
    share = tmp_path / "share"
    folder = HotFolder(share, recorder, settle_seconds=0.0)
    with pytest.raises(NotFound, match="mounted"):
        folder.poll_once()
    stop = threading.Event()
    worker = threading.Thread(target=folder.run, args=(stop,), kwargs={"interval": 0.05})
    worker.start()
    try:
        time.sleep(0.2)
        share.mkdir()
        (share / "late.pdf").write_bytes(b"arrived when the share came back")
        deadline = time.monotonic() + 5.0
        while not recorder.calls and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        worker.join(timeout=5.0)
    assert not worker.is_alive()
    assert recorder.calls == [("late.pdf", b"arrived when the share came back")]
    assert (share / "done" / "late.pdf").exists()


def test_a_damaged_ledger_is_reported_not_ignored(tmp_path: Path) -> None:
    folder = HotFolder(tmp_path, Recorder(), settle_seconds=0.0)
    (tmp_path / LEDGER_NAME).write_text("[]", encoding="utf-8")
    (tmp_path / "a.pdf").write_bytes(b"a")
    folder.poll_once(now=0.0)
    with pytest.raises(BadInput, match="ledger"):
        folder.poll_once(now=1.0)
    assert (tmp_path / "a.pdf").exists()
