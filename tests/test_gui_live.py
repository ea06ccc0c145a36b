# ruff: noqa: F811  (the fixtures of tests/test_gui.py are imported by name)
"""The window while things happen: pages streaming in from the scanner, Stop, Confirm and login on
workers, the signing set-up, admin locks on every settings page, a live language switch.

Same rules as tests/test_gui.py (its fixtures are used here): offscreen, and every test fails if
it leaves a thread or a timer running.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QLabel, QTableWidget  # noqa: E402

from station.scanner.profiles import Profile, ProfileStore  # noqa: E402
from station.ui.resources import install_language  # noqa: E402
from station.workflow import Station  # noqa: E402
from tests.test_gui import (  # noqa: E402, F401  (fixtures)
    REQUIRED_BY_HAND,
    data,
    make_window,
    no_leaked_threads_or_timers,
    processed_docs,
    replace_text,
    state_of,
)

SAMPLES = ["03_giay_chung_nhan_sgddt_bac_ninh", "04_thong_bao_truong_dai_hoc", "01_quyet_dinh_bgddt"] * 3  # 9 sheets


def paced_demo(monkeypatch: pytest.MonkeyPatch, **kwargs: object) -> None:
    import station.scanner.registry as registry
    from station.scanner.demo import DemoDriver

    monkeypatch.setattr(registry, "available_drivers", lambda *a, **k: [DemoDriver(**kwargs)])  # type: ignore[arg-type]


def watch_strip(w) -> list[tuple[int, int, bool]]:  # type: ignore[no-untyped-def]
    """(pages in the strip, thumbnails loaded, scan still running), sampled whenever the strip changes."""
    seen: list[tuple[int, int, bool]] = []

    def sample(*_args: object) -> None:
        seen.append((w.pages.rowCount(), len(w.pages.thumbs), w.scan_thread is not None))

    w.pages.rowsInserted.connect(sample)
    w.pages.dataChanged.connect(sample)
    w.pages.modelReset.connect(sample)
    return seen


def test_scan_more_streams_thumbnails_into_the_document(qtbot, data: Path, processed_docs: list[str],  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    paced_demo(monkeypatch, pages_per_minute=40, samples=SAMPLES)
    ProfileStore(data).save(Profile("feeder", dpi=200, color_mode="gray", source="adf"))
    w = make_window(qtbot, data, pipeline=False)
    doc = processed_docs[0]
    qtbot.waitUntil(lambda: w.current_doc == doc and w.a_scan_more.isEnabled(), timeout=10000)
    w.profile_box.setCurrentIndex(w.profile_box.findData("feeder"))
    seen = watch_strip(w)
    w.a_scan_more.trigger()
    # Each page shows (with its thumbnail) while the feeder still turns, not at the end.
    qtbot.waitUntil(lambda: w.pages.rowCount() >= 4, timeout=60000)
    qtbot.waitUntil(lambda: len(w.pages.thumbs) >= 4, timeout=20000)
    assert w.scan_thread is not None, "the feeder is still turning"
    w.a_stop.trigger()  # Stop mid-batch
    qtbot.waitUntil(lambda: w.scan_thread is None, timeout=30000)
    while_scanning = sorted({n for n, _t, running in seen if running})
    assert {2, 3, 4} <= set(while_scanning), while_scanning  # one scanned page at a time, while scanning
    assert any(thumbs >= 3 for _n, thumbs, running in seen if running), "thumbnails arrive during the scan"
    shown = state_of(data, doc)
    total = len(shown["pages"])
    assert 4 <= total <= 6, "Stop ended the feed long before the 9 sheets ran out"
    assert shown["pages"][0]["source"] == "f1.png" and shown["pages"][1]["source"] == "scan_0001.jpg"
    assert w.a_scan.isEnabled() and not w.a_stop.isEnabled()
    qtbot.waitUntil(lambda: w.pages.rowCount() == total, timeout=10000)


@pytest.mark.slow
def test_a_new_scan_opens_its_document_and_streams_then_stops(qtbot, data: Path,  # type: ignore[no-untyped-def]
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    paced_demo(monkeypatch, pages_per_minute=30, samples=SAMPLES)
    ProfileStore(data).save(Profile("feeder", dpi=200, color_mode="gray", source="adf", split="none"))
    w = make_window(qtbot, data, pipeline=True)
    qtbot.waitUntil(lambda: w.middle.currentIndex() == 1, timeout=10000)
    w.profile_box.setCurrentIndex(w.profile_box.findData("feeder"))
    seen = watch_strip(w)
    w.a_scan.trigger()
    qtbot.waitUntil(lambda: w.current_doc is not None and w.pages.rowCount() >= 2, timeout=120000)
    assert w.scan_thread is not None and w.a_stop.isEnabled()
    states: list[str] = []
    original = w._set_scanner_state
    monkeypatch.setattr(w, "_set_scanner_state", lambda text: (states.append(text), original(text)))
    w.a_stop.trigger()
    qtbot.waitUntil(lambda: w.scan_thread is None, timeout=180000)
    assert sorted({n for n, _t, running in seen if running})[:2] == [1, 2]
    assert any(s.startswith("Đã dừng sau") for s in states), states  # the driver's words, in Vietnamese
    station = Station(data)
    try:
        docs = station.list_documents()
    finally:
        station.close()
    assert len(docs) == 1 and docs[0]["page_count"] < 6
    assert w.a_scan.isEnabled()


def test_scanner_words_are_vietnamese() -> None:
    from station.scanner.base import PaperJam
    from station.ui import texts

    install_language("vi")
    assert texts.scanner_error(PaperJam("Paper jam after page 3")) == "Kẹt giấy — gỡ giấy rồi bấm Quét tiếp"
    assert texts.scanner_status("Demo scanner: stopped after 2 page(s)") == "Đã dừng sau 2 trang"
    assert texts.scanner_status("Feeder empty after 7 pages") == "Khay nạp giấy hết sau 7 trang"
    assert texts.scanner_status("something only this driver says") == "something only this driver says"


def test_confirm_runs_on_a_worker_with_the_form_locked(qtbot, data: Path, processed_docs: list[str],  # type: ignore[no-untyped-def]
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window(qtbot, data, pipeline=False)
    qtbot.waitUntil(lambda: w.current_doc == processed_docs[0] and w.form.isEnabled(), timeout=10000)
    values = {"type_name": "CÔNG VĂN", "code_number": "12", "code_notation": "BGDĐT-VP", "issued_date": "05/03/2021",
              "organ_name": "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "subject": "Về việc thử", **REQUIRED_BY_HAND}
    for key, value in values.items():
        replace_text(qtbot, w.form.rows[key].editor, value)
    release = threading.Event()
    ran_on: list[str] = []
    original = Station.confirm

    def slow_confirm(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        ran_on.append(threading.current_thread().name)
        release.wait(10)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Station, "confirm", slow_confirm)
    assert w.confirm()
    # The GUI thread is back at once: the form is locked and the button says what is happening.
    assert not w.form.isEnabled() and not w.confirm_button.isEnabled()
    assert w.confirm_button.text() == "Đang xác nhận…"
    assert not w.confirm(), "a second Ctrl+Enter does not confirm twice"
    qtbot.waitUntil(lambda: bool(ran_on), timeout=5000)
    assert ran_on[0] != threading.main_thread().name
    release.set()
    qtbot.waitUntil(lambda: state_of(data, processed_docs[0])["state"] == "confirmed", timeout=10000)
    qtbot.waitUntil(lambda: w.current_doc == processed_docs[1], timeout=10000)
    assert w.confirm_button.text() == "Xác nhận và sang văn bản sau (Ctrl+Enter)"


def test_admin_locks_hold_on_every_settings_page(qtbot, data: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from station.ui.settings import SettingsDialog

    admin = tmp_path / "admin.json"
    admin.write_text(json.dumps({"ui.language": "vi", "scanner.escl_devices": [], "signing.kind": "pkcs11",
                                 "signing.pkcs11_module": "/usr/lib/softhsm/libsofthsm2.so"}), encoding="utf-8")
    monkeypatch.setenv("STATION_ADMIN_SETTINGS", str(admin))
    station = Station(data)
    try:
        dialog = SettingsDialog(station)
        qtbot.addWidget(dialog)
        assert not dialog.language.isEnabled()
        assert not dialog.net_url.isEnabled()
        page = dialog.signing
        assert page.locked and not page.apply_button.isEnabled() and not page.token_box.isEnabled()
        assert page.module.text() == "/usr/lib/softhsm/libsofthsm2.so"  # shown, not editable
        assert page.findChild(QLabel, "signing_locked").text() == "Bị quản trị viên khóa"
        table = dialog.findChild(QTableWidget, "all_settings")
        rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
        for key in ("signing.kind", "signing.pkcs11_module", "scanner.escl_devices", "ui.language"):
            assert table.item(rows[key], 2).text() == "quản trị viên (khóa)"
        dialog.close()
    finally:
        station.close()


def test_signing_certificate_set_up_from_settings(qtbot, data: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import keyring

    from station.signing import testca
    from station.ui.settings import SettingsDialog
    from tests.seal_fixtures import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    station = Station(data)
    try:
        ca = testca.make_ca()
        person = testca.issue(ca, "Nguyễn Văn Ký")
        p12 = tmp_path / "ky.p12"
        p12.write_bytes(person.pkcs12(b"mat-khau-ky"))
        dialog = SettingsDialog(station)
        qtbot.addWidget(dialog)
        page = dialog.signing
        assert page.current.text().startswith("Chưa có chứng thư ký số")
        page.use_file.setChecked(True)
        page.p12_path.setText(str(p12))
        page.passphrase.setText("sai")
        page.apply()
        assert page.status.text() == "Đang mở khóa…" and not page.apply_button.isEnabled()
        qtbot.waitUntil(lambda: page.apply_button.isEnabled(), timeout=20000)
        assert page.status.text() and station.settings.get("signing.kind") == ""  # refused, said, nothing kept
        page.passphrase.setText("mat-khau-ky")
        page.apply()
        qtbot.waitUntil(lambda: station.settings.get("signing.kind") == "pkcs12", timeout=20000)
        assert "Nguyễn Văn Ký" in page.current.text()
        assert page.passphrase.text() == ""
        assert "mat-khau-ky" in backend.items.values()  # the passphrase went to the keyring
        assert "mat-khau-ky" not in (data / "settings.json").read_text(encoding="utf-8")
        dialog.save()  # the table's stale signing values do not undo the set-up
        assert Station(data).settings.get("signing.kind") == "pkcs12"
    finally:
        station.close()
        keyring.set_keyring(previous)


def test_language_switches_live(qtbot, data: Path, processed_docs: list[str]) -> None:  # type: ignore[no-untyped-def]
    from station.ui.language import switch_language

    w = make_window(qtbot, data, pipeline=False)
    qtbot.waitUntil(lambda: w.current_doc == processed_docs[0] and w.form.isEnabled(), timeout=10000)
    assert w.a_scan.text() == "Quét"
    try:
        switch_language("en")
        assert w.a_scan.text() == "Scan"
        assert w.a_scan.toolTip() == "Scan (F5)"
        assert w.menuBar().actions()[0].text() == "&File"
        assert w.status_user.text() == "User: an (operator)"
        assert w.confirm_button.text() == "Confirm and go to the next (Ctrl+Enter)"
        assert w.docs.headerData(0, Qt.Orientation.Horizontal) == "State"  # models translate as they draw
        labels = {lbl.text() for lbl in w.form.findChildren(QLabel)}
        assert "Subject *" in labels
        switch_language("vi")
        assert w.a_scan.text() == "Quét" and w.status_user.text() == "Người dùng: an (người nhập liệu)"
        assert "Trích yếu nội dung *" in {lbl.text() for lbl in w.form.findChildren(QLabel)}
        # The way an operator does it: Settings → Language → Save, and the open window follows.
        from station.ui.settings import SettingsDialog

        dialog = SettingsDialog(w.station, w)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.save()
        assert w.a_scan.text() == "Scan" and w.station.settings.get("ui.language") == "en"
        qtbot.waitUntil(lambda: w.form.heading.text().endswith("To check"), timeout=5000)  # LanguageChange is posted
    finally:
        install_language("vi")


def test_a_network_scanner_is_added_on_a_worker(qtbot, data: Path) -> None:  # type: ignore[no-untyped-def]
    from station.ui.settings import SettingsDialog

    station = Station(data)
    try:
        dialog = SettingsDialog(station)
        qtbot.addWidget(dialog)
        dialog.net_url.setText("http://192.168.1.20/eSCL")
        dialog._add_scanner()
        qtbot.waitUntil(lambda: dialog.net_list.count() == 1, timeout=10000)
        assert station.settings.get("scanner.escl_devices")[0]["url"] == "http://192.168.1.20/eSCL"
        dialog.net_url.setText("ftp://nowhere")
        dialog._add_scanner()
        qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10000)
        assert dialog.net_list.count() == 1
        dialog.reject()
    finally:
        station.close()
