"""The archive link in the window (pytest-qt, offscreen): background sync against the real
`station-archive serve` subprocess on loopback, its state in the status bar, Settings → Archive, and
the USB menu items. Packages are real sealed ones, derived cheaply (tests/sync_fixtures.py).

The leak check of tests/test_gui.py applies: no thread, pool task or timer outlives a test.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

import keyring  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QTableWidget  # noqa: E402

from station.auth import Role, Session  # noqa: E402
from station.ui.archive import archive_line  # noqa: E402
from station.workflow import Station, syncing  # noqa: E402
from tests.people import staffed  # noqa: E402
from tests.sync_fixtures import Archive, Template, add_sealed_packages, archive_cli, seal_templates  # noqa: E402
from tests.test_gui import no_leaked_threads_or_timers  # noqa: E402,F401

EXPIRED_VI = "Mã truy cập của trạm đã hết hạn — xin quản trị viên lưu trữ cấp mã mới"
FAST = (("sync.chunk_bytes", 64 * 1024), ("sync.timeout_seconds", 2.0), ("sync.backoff_base_seconds", 0.05),
        ("sync.backoff_max_seconds", 0.4), ("sync.poll_seconds", 0.2))

pytestmark = pytest.mark.usefixtures("memory_keyring")  # tests/conftest.py



@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Template], Path]:
    return seal_templates(tmp_path_factory.mktemp("gui-sealed"), copies=1)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    d = tmp_path / "station"
    station = staffed(d)
    for key, value in FAST:
        station.settings.set(key, value)
    station.close()
    return d


@pytest.fixture
def archive(tmp_path: Path, templates: tuple[list[Template], Path]) -> Iterator[Archive]:
    a = Archive(tmp_path / "archive", [templates[1]]).start()
    yield a
    a.stop()


def add(data: Path, templates: tuple[list[Template], Path], count: int, **kw: Any) -> list[tuple[str, str, Path, str]]:
    station = Station(data)
    try:
        return add_sealed_packages(station.store, templates[0], count, **kw)
    finally:
        station.close()


def window(qtbot, data: Path, user: str, role: Role, **kw: Any):  # type: ignore[no-untyped-def]
    from station.ui.window import MainWindow

    w = MainWindow(data, session=Session(user=user, role=role), start_pipeline=False, find_scanners=False, **kw)
    qtbot.addWidget(w)
    w.show()
    return w


def archive_page(qtbot, w):  # type: ignore[no-untyped-def]
    from station.ui.settings import SettingsDialog

    dialog = SettingsDialog(w.station, w, session=w.supervision.session, link=w.archive)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.archive)
    page = dialog.archive
    qtbot.waitUntil(lambda: page.jobs.running == 0, timeout=20000)
    return dialog, page


def set_remote(qtbot, page, url: str, token: str) -> None:  # type: ignore[no-untyped-def]
    page.url.setText(url)
    page.token.setText(token)
    page.apply_button.click()
    qtbot.waitUntil(lambda: page.jobs.running == 0, timeout=30000)


def shown(w) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return w.status_archive.text(), w.status_outbox.text()


def expected(w) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    thread = w.archive.thread
    line = archive_line(w.archive.configured, w.archive.status(), thread.problem if thread else None)
    return line[0], line[1]


def close(w) -> None:  # type: ignore[no-untyped-def]
    w.close()
    assert w.archive.thread is None


# -- without an archive ----------------------------------------------------------------------------
def test_not_set_up_is_said_and_only_an_admin_may_change_the_archive_tab(qtbot, data: Path) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, data, "lan", Role.OPERATOR)
    assert w.archive.thread is None  # nothing set up: no sync thread at all
    archive_text, outbox_text = shown(w)
    assert "Cài đặt" in archive_text and archive_text == archive_line(False, None, None)[0]
    assert not w.archive.a_export.isVisible() and not w.archive.a_import.isEnabled()  # a supervisor's
    dialog, page = archive_page(qtbot, w)
    assert not page.admin and not page.editable
    assert not any(e.isEnabled() for e in (page.url, page.token, page.ca, page.cert_file, page.apply_button))
    assert page.findChild(type(page.status), "archive_admin_only") is not None
    table = dialog.findChild(QTableWidget, "all_settings")
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "remote.url")
    assert not table.item(row, 1).flags() & Qt.ItemFlag.ItemIsEditable  # not around the Archive tab either
    page.url.setText("http://127.0.0.1:9")
    page.apply()  # refused before any worker starts
    assert page.jobs.running == 0 and w.station.settings.get("remote.url") == ""
    dialog.close()
    close(w)

    admin = window(qtbot, data, "admin", Role.ADMIN)
    dialog, page = archive_page(qtbot, admin)
    assert page.editable and page.url.isEnabled() and page.token.echoMode() == page.token.EchoMode.Password
    assert "Chưa thiết lập kho lưu trữ" in page.current.text()  # no archive yet, said in the reader's words
    dialog.close()
    close(admin)


def test_settings_the_administrator_locked_are_read_only_even_for_an_admin(qtbot, data: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    Path(os.environ["STATION_ADMIN_SETTINGS"]).write_text(json.dumps({"remote.url": "https://archive.example.vn"}),
                                                          encoding="utf-8")
    w = window(qtbot, data, "admin", Role.ADMIN, start_sync=False)
    dialog, page = archive_page(qtbot, w)
    assert page.admin and page.locked and not page.editable
    assert not page.apply_button.isEnabled() and page.findChild(type(page.status), "archive_locked") is not None
    dialog.close()
    close(w)


def test_no_access_code_is_said_at_once_and_sync_outlives_the_lock_but_not_the_window(  # type: ignore[no-untyped-def]
        qtbot, data: Path, tmp_path: Path) -> None:
    from station.ui.screenshots import self_signed_pem
    from tests.sync_fixtures import free_port

    station = Station(data)
    syncing.remote_set(station, f"http://127.0.0.1:{free_port()}", user="admin",
                       archive_cert=self_signed_pem(tmp_path / "receipts.pem"))
    station.close()
    w = window(qtbot, data, "admin", Role.ADMIN)
    thread = w.archive.thread
    assert thread is not None
    qtbot.waitUntil(lambda: "chưa có mã truy cập" in w.status_archive.text(), timeout=20000)
    assert "quản trị viên" in w.status_archive.text() and "c62828" in w.status_archive.styleSheet()
    # Locked: the station's own sync goes on (the archive token, not the person away, is its credential).
    w.supervision.lock("by hand")
    assert thread.isRunning()
    close(w)
    assert thread.isFinished()


def test_a_document_the_archive_refused_shows_the_reasons_in_the_operators_words(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from station.ui import texts

    note = ("The archive rejected package abc-123: metadata subject differs from the PDF. Fix the document, "
            "confirm it again and have it approved and sealed again.")
    said = texts.reject_note(note)
    assert "abc-123" in said and "metadata subject differs from the PDF" in said and "The archive" not in said
    assert texts.reject_note("Ngày ban hành sai") == "Ngày ban hành sai"  # a supervisor's own words stay


# -- against the real archive --------------------------------------------------------------------------
@pytest.mark.slow
def test_the_archive_tab_sets_the_remote_and_the_status_bar_follows_sync_offline_and_back(  # type: ignore[no-untyped-def]
        qtbot, data: Path, archive: Archive, templates: tuple[list[Template], Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    good = add(data, templates, 2)
    (bad_doc, bad_id, _p, _s), = add(data, templates, 1, edit={"subject": "Một trích yếu khác với PDF"})
    station = Station(data)
    token = archive.token(station.store.station_id)
    station.close()

    from station.ui.archive import ArchiveLink

    seen: list[str] = []  # every text the status bar showed for the outbox, from the first status on
    original = ArchiveLink.show

    def show(link: ArchiveLink) -> None:
        original(link)
        seen.append(link.window.status_outbox.text())

    monkeypatch.setattr(ArchiveLink, "show", show)
    w = window(qtbot, data, "admin", Role.ADMIN)
    assert w.archive.thread is None
    dialog, page = archive_page(qtbot, w)
    set_remote(qtbot, page, archive.url, token)
    assert page.status.styleSheet() == "", page.status.text()
    assert page.token.text() == ""  # typed once, never shown again
    assert "SHA-256" in page.current.text() and ":" in page.current.text()
    thread = w.archive.thread
    assert thread is not None and thread.isRunning()
    qtbot.waitUntil(lambda: bool(w.archive.status()) and w.archive.status().waiting == 0
                    and w.archive.status().online is True, timeout=120000)
    assert shown(w) == expected(w)
    assert "Gói chờ gửi: 3" in seen and seen[-1] == w.status_outbox.text() == "Gói chờ gửi: 0"
    assert any("đang gửi" in text for text in seen)  # the package on the wire was shown
    listed = {p["package_id"]: p for p in archive.listing()}
    assert all(listed[pid]["status"] == "accepted" for _d, pid, _p, _s in good)
    assert listed[bad_id]["status"] == "rejected"
    assert token in keyring.get_keyring().items.values()  # the keyring holds it; the settings file does not
    assert token not in w.station.settings.user_file.read_text(encoding="utf-8")
    dialog.close()

    # The refused document is back in the operator's queue with the archive's reasons.
    from station.ui import texts

    station = Station(data)
    doc = station.store.document(bad_doc)
    station.close()
    assert doc["state"] == "rejected"
    w.select_document(bad_doc)
    qtbot.waitUntil(lambda: w.current_doc == bad_doc and bad_id in w.form.heading.text(), timeout=20000)
    assert texts.reject_note(doc["reject_reason"]) in w.form.heading.text()

    # The archive goes away: offline, said; a new package waits; back: it goes by itself.
    archive.stop()
    (_d, later, _p, _s), = add(data, templates, 1)
    qtbot.waitUntil(lambda: w.archive.status().online is False, timeout=60000)
    assert shown(w) == expected(w) and w.archive.status().waiting == 1
    archive.start()
    qtbot.waitUntil(lambda: w.archive.status().online is True and w.archive.status().waiting == 0, timeout=120000)
    assert {p["package_id"]: p["status"] for p in archive.listing()}[later] == "accepted"
    assert shown(w) == expected(w)
    close(w)


@pytest.mark.slow
def test_a_bad_or_expired_token_is_said_in_plain_words(qtbot, data: Path, archive: Archive,  # type: ignore[no-untyped-def]
                                                       templates: tuple[list[Template], Path]) -> None:
    add(data, templates, 1)
    station = Station(data)
    expired = archive.token(station.store.station_id, "--days", "1")
    station.close()
    db = sqlite3.connect(archive.data / "archive.sqlite3", timeout=30)
    db.execute("UPDATE tokens SET expires_at = '2000-01-01T00:00:00Z' WHERE token_sha256 = ?",
               (hashlib.sha256(expired.encode()).hexdigest(),))
    db.commit()
    db.close()
    w = window(qtbot, data, "admin", Role.ADMIN)
    dialog, page = archive_page(qtbot, w)
    set_remote(qtbot, page, archive.url, expired)
    qtbot.waitUntil(lambda: bool(w.archive.status()) and w.archive.status().auth_problem, timeout=60000)
    assert EXPIRED_VI in w.status_archive.text() and "c62828" in w.status_archive.styleSheet()
    assert w.archive.status().waiting == 1

    set_remote(qtbot, page, archive.url, "not-a-token-the-archive-made")
    qtbot.waitUntil(lambda: bool(w.archive.status()) and w.archive.status().auth_problem, timeout=60000)
    assert "quản trị viên" in w.status_archive.text() and EXPIRED_VI not in w.status_archive.text()

    station = Station(data)
    good = archive.token(station.store.station_id)
    station.close()
    set_remote(qtbot, page, archive.url, good)
    page.send_now()
    qtbot.waitUntil(lambda: bool(w.archive.status()) and w.archive.status().waiting == 0
                    and not w.archive.status().auth_problem, timeout=60000)
    assert "c62828" not in w.status_archive.styleSheet()
    dialog.close()
    close(w)


@pytest.mark.slow
def test_a_supervisor_exports_to_usb_and_imports_the_receipts(qtbot, data: Path, archive: Archive,  # type: ignore[no-untyped-def]
                                                              templates: tuple[list[Template], Path],
                                                              tmp_path: Path) -> None:
    made = add(data, templates, 2)
    station = Station(data)
    syncing.remote_set(station, archive.url, user="admin", token=archive.token(station.store.station_id))
    station.close()
    w = window(qtbot, data, "minh", Role.SUPERVISOR, start_sync=False)  # the USB way only
    assert w.archive.a_export.isVisible() and w.archive.a_import.isEnabled()
    usb = tmp_path / "usb"
    usb.mkdir()
    w.archive.export_to(usb)
    qtbot.waitUntil(lambda: any(usb.rglob("index.json")), timeout=30000)
    qtbot.waitUntil(lambda: "2" in w.statusBar().currentMessage(), timeout=30000)
    p = subprocess.run([*archive_cli(), "import", str(usb), "--data", str(archive.data)], capture_output=True,
                       text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    w.archive.import_from(usb)
    station = Station(data)
    try:
        qtbot.waitUntil(lambda: all(station.store.document(d)["state"] == "synced" for d, *_ in made),
                        timeout=30000)
        assert syncing.Outbox(station.store).count_waiting() == 0
        events = [e for e in station.store.events() if e["action"] in ("export_outbox", "import_receipts")]
        assert {e["user"] for e in events} == {"minh"}
    finally:
        station.close()
    close(w)
