"""The operator's window, driven like an operator drives it (pytest-qt, offscreen platform).

Every test fails if it leaves a thread or a timer running (napari's habit). Vietnamese is typed
through input-method commits and key events carrying text: qtbot.keyClicks aborts on non-ASCII.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

import shiboken6  # noqa: E402
from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer  # noqa: E402
from PySide6.QtGui import QInputMethodEvent, QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableView, QTableWidget  # noqa: E402

from station.domain import DocState, SplitMode  # noqa: E402
from station.scanner.profiles import Profile, ProfileStore  # noqa: E402
from station.ui.models import DocRow, DocumentModel  # noqa: E402
from station.ui.resources import install_language  # noqa: E402
from station.ui.workers import open_executors, running_threads  # noqa: E402
from station.workflow import Station  # noqa: E402
from tests.people import PW  # noqa: E402
from tests.test_pages import _image, _mark_processed  # noqa: E402

REQUIRED_BY_HAND = {"file_code": "000.00.00.G03.2021.01", "paper_file_code": "K1.01.02.03"}


@pytest.fixture(autouse=True)
def no_leaked_threads_or_timers(qapp: QApplication, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    started: list[QTimer] = []
    original = QTimer.start

    def start(self: QTimer, *args: object) -> None:
        started.append(self)
        original(self, *args)

    monkeypatch.setattr(QTimer, "start", start)
    install_language("vi")
    yield
    QThreadPool.globalInstance().waitForDone(60000)
    qapp.processEvents()
    assert running_threads() == [], "a test left a QThread running"
    assert open_executors() == 0, "a window's worker threads were not shut down"
    assert QThreadPool.globalInstance().activeThreadCount() == 0, "a pool task is still running"
    active = [t for t in started if shiboken6.isValid(t) and t.isActive()]
    assert active == [], f"a test left {len(active)} timer(s) running"


def type_text(widget: QLineEdit, text: str) -> None:
    """Each character as a key event carrying its text, as a keyboard layout sends it."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def ime_commit(widget: QLineEdit, preedit: list[str], text: str) -> None:
    """An input method (Telex/VNI) composing: pre-edit strings, then the committed word."""
    for p in preedit:
        QApplication.sendEvent(widget, QInputMethodEvent(p, []))
    ev = QInputMethodEvent("", [])
    ev.setCommitString(text)
    QApplication.sendEvent(widget, ev)


def replace_text(qtbot, widget: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        type_text(widget, text)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    ProfileStore(d).save(Profile("test", dpi=200, color_mode="gray", source="flatbed"))
    station = Station(d)  # the operator "an" works at this station (accounts: station.auth)
    try:
        station.accounts.add("admin", "admin", PW, by=None)
        station.accounts.add("an", "operator", PW, by="admin")
    finally:
        station.close()
    return d


def make_window(qtbot, data: Path, *, pipeline: bool):  # type: ignore[no-untyped-def]
    from station.ui.window import MainWindow

    w = MainWindow(data, user="an", start_pipeline=pipeline)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def processed_docs(data: Path, tmp_path: Path) -> list[str]:
    """Three documents ready for review, made without Tesseract (see tests/test_pages.py)."""
    station = Station(data)
    try:
        files = [_image(tmp_path / f"f{i}.png", str(i)) for i in range(1, 4)]
        docs = [d["id"] for d in station.import_files(files, batch="B", split=SplitMode.FILE).documents]
        extra = [_image(tmp_path / f"g{i}.png", str(i)) for i in range(1, 3)]
        station.import_files(extra, batch="B", split=SplitMode.NONE)
        docs.append(station.list_documents()[-1]["id"])
        for d in docs:
            _mark_processed(station, d)
    finally:
        station.close()
    return docs


def state_of(data: Path, doc: str) -> dict:  # type: ignore[type-arg]
    station = Station(data)
    try:
        return station.show(doc)
    finally:
        station.close()


@pytest.mark.slow
def test_scan_fix_a_field_and_confirm(qtbot, data: Path) -> None:  # type: ignore[no-untyped-def]
    w = make_window(qtbot, data, pipeline=True)
    qtbot.waitUntil(lambda: w.middle.currentIndex() == 1, timeout=10000)  # first run: the guide, no error
    w.profile_box.setCurrentIndex(w.profile_box.findData("test"))
    qtbot.mouseClick(w.findChild(QPushButton, "guide_scan"), Qt.MouseButton.LeftButton)
    # The page shows in the strip as soon as it is scanned, long before OCR is done.
    qtbot.waitUntil(lambda: w.pages.rowCount() == 1, timeout=120000)
    qtbot.waitUntil(lambda: bool(w.docs.rows) and w.docs.rows[0].state == "needs_review", timeout=300000)
    qtbot.waitUntil(lambda: w.form.isEnabled() and w.confirm_button.isEnabled(), timeout=10000)
    doc = w.docs.rows[0].id
    subject = w.form.rows["subject"].editor
    assert subject.text(), "the subject is suggested from the page"
    assert "%" in w.form.rows["subject"].badge.text()
    subject.setFocus()
    subject.selectAll()
    ime_commit(subject, ["Ve", "Veef", "Về"], "Về")
    type_text(subject, " việc thử nghiệm trạm số hóa")
    for key, value in REQUIRED_BY_HAND.items():
        replace_text(qtbot, w.form.rows[key].editor, value)
    qtbot.keyClick(w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: state_of(data, doc)["state"] == "confirmed", timeout=10000)
    shown = state_of(data, doc)
    assert shown["metadata"]["subject"] == unicodedata.normalize("NFC", "Về việc thử nghiệm trạm số hóa")
    assert shown["metadata"]["file_code"] == REQUIRED_BY_HAND["file_code"]
    assert shown["metadata"]["type_name"]  # the suggestion accepted as shown
    assert shown["confirmed_by"] == "an"


def test_telex_and_vni_commits_arrive_intact(qtbot, data: Path, processed_docs: list[str]) -> None:  # type: ignore[no-untyped-def]
    w = make_window(qtbot, data, pipeline=False)
    qtbot.waitUntil(lambda: w.form.isEnabled(), timeout=10000)
    organ = w.form.rows["organ_name"].editor
    organ.setFocus()
    organ.clear()
    ime_commit(organ, ["Bo", "Boo", "Bộ"], "Bộ")  # Telex: b o o j
    type_text(organ, " ")
    ime_commit(organ, ["Gia", "Giá"], "Giáo")  # VNI: G i a 1 o
    type_text(organ, " dục")
    assert organ.text() == "Bộ Giáo dục"
    assert unicodedata.is_normalized("NFC", organ.text())


def test_dates_are_checked_as_typed_and_stored_iso_and_confirm_moves_on(  # type: ignore[no-untyped-def]
        qtbot, data: Path, processed_docs: list[str]) -> None:
    w = make_window(qtbot, data, pipeline=False)
    qtbot.waitUntil(lambda: w.current_doc == processed_docs[0] and w.form.isEnabled(), timeout=10000)
    date = w.form.rows["issued_date"].editor
    problem = w.form.rows["issued_date"].message
    replace_text(qtbot, date, "31/02/2021")
    assert problem.isVisible() and problem.text() == "Không phải ngày: nhập theo dạng nn/tt/nnnn"
    replace_text(qtbot, date, "05/03/2021")
    assert not problem.isVisible()
    values = {"type_name": "CÔNG VĂN", "code_number": "12", "code_notation": "BGDĐT-VP",
              "organ_name": "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "subject": "Về việc thử", **REQUIRED_BY_HAND}
    for key, value in values.items():
        replace_text(qtbot, w.form.rows[key].editor, value)
    # A missing required field is named at the field, and Ctrl+Enter refuses.
    replace_text(qtbot, w.form.rows["paper_file_code"].editor, "")
    assert w.form.rows["paper_file_code"].message.text() == "Bắt buộc nhập"
    qtbot.keyClick(w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert state_of(data, processed_docs[0])["state"] == "needs_review"
    replace_text(qtbot, w.form.rows["paper_file_code"].editor, REQUIRED_BY_HAND["paper_file_code"])
    qtbot.keyClick(w, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: state_of(data, processed_docs[0])["state"] == "confirmed", timeout=10000)
    shown = state_of(data, processed_docs[0])
    assert shown["state"] == "confirmed"
    assert shown["metadata"]["issued_date"] == "2021-03-05"
    assert shown["metadata"]["subject"] == "Về việc thử"
    qtbot.waitUntil(lambda: w.current_doc == processed_docs[1], timeout=10000)


def test_page_work_from_the_keyboard_and_undo(qtbot, data: Path, processed_docs: list[str]) -> None:  # type: ignore[no-untyped-def]
    two_pages = processed_docs[3]
    w = make_window(qtbot, data, pipeline=False)
    qtbot.waitUntil(lambda: bool(w.docs.rows), timeout=10000)
    w.select_document(two_pages)
    qtbot.waitUntil(lambda: w.pages.rowCount() == 2 and w.current_page is not None, timeout=10000)
    names = lambda: [r.name for r in w.pages.rows]  # noqa: E731
    assert names() == ["g1.png", "g2.png"]
    w.strip.setFocus()
    w.strip.setCurrentIndex(w.pages.index(1))
    qtbot.keyClick(w.strip, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: names() == ["g2.png", "g1.png"], timeout=10000)
    qtbot.keyClick(w.strip, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(r.blank for r in w.pages.rows), timeout=10000)
    assert state_of(data, two_pages)["page_count"] == 2
    qtbot.keyClick(w.strip, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not any(r.blank for r in w.pages.rows), timeout=10000)
    qtbot.keyClick(w.strip, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: names() == ["g1.png", "g2.png"], timeout=10000)


def test_focusing_a_field_highlights_where_it_was_read(qtbot, data: Path, processed_docs: list[str]) -> None:  # type: ignore[no-untyped-def]
    station = Station(data)
    try:
        with station.store.transaction():
            station.store.set_state(processed_docs[0], DocState.NEEDS_REVIEW,
                                    suggestions={"subject": {"value": "Về việc thử", "confidence": 0.9, "page": 1,
                                                             "bbox": [20, 20, 100, 40]}})
    finally:
        station.close()
    w = make_window(qtbot, data, pipeline=False)
    qtbot.waitUntil(lambda: w.current_doc == processed_docs[0] and w.form.isEnabled(), timeout=10000)
    row = w.form.rows["subject"]
    assert row.editor.text() == "Về việc thử"
    assert "90%" in row.badge.text()  # a sure suggestion (issue 5: unsure ones are shown, not filled)
    row.editor.setFocus()
    qtbot.waitUntil(lambda: w.viewer._highlight is not None, timeout=5000)
    rect = w.viewer._highlight.rect()
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == (12, 12, 116, 56)


@pytest.mark.slow
def test_a_paper_jam_is_said_in_plain_vietnamese(qtbot, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import station.scanner.registry as registry
    from station.scanner.demo import DemoDriver

    ProfileStore(data).save(Profile("feeder", dpi=200, color_mode="gray", source="adf"))
    monkeypatch.setattr(registry, "available_drivers", lambda *a, **k: [DemoDriver(
        jam_after=1, samples=["03_giay_chung_nhan_sgddt_bac_ninh", "04_thong_bao_truong_dai_hoc"])])
    w = make_window(qtbot, data, pipeline=False)
    w.profile_box.setCurrentIndex(w.profile_box.findData("feeder"))
    w.a_scan.trigger()
    qtbot.waitUntil(lambda: w.scan_state.text() == "Kẹt giấy — gỡ giấy rồi bấm Quét tiếp", timeout=300000)
    qtbot.waitUntil(lambda: w.scan_thread is None, timeout=300000)
    assert w.docs.rows and w.docs.rows[0].pages == 1  # the page before the jam is kept


def test_ten_thousand_documents_update_in_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[int] = []

    class Counting(DocumentModel):
        def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
            seen.append(index.row())
            return super().data(index, role)

    model = Counting()
    rows = [DocRow(f"{i:012x}", "B", i, "needs_review", 2, f"Văn bản {i}") for i in range(10_000)]
    model.apply(rows)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    changes: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: changes.append((a.row(), b.row())))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))

    changed = list(rows)
    changed[5000] = DocRow(rows[5000].id, "B", 5000, "confirmed", 2, "Văn bản 5000")
    model.apply(changed + [DocRow("new", "B", 10_000, "processing", 1, "")])
    assert changes == [(5000, 5000)] and inserted == [(10_000, 10_000)] and resets == []
    assert model.rowCount() == 10_001

    view.scrollToBottom()
    seen.clear()
    view.grab()
    # Only the rows on screen are asked for: scrolling does not walk 10,000 rows.
    assert seen and len(set(seen)) < 100 and min(seen) > 9_900


def test_admin_locked_settings_are_shown_but_not_editable(qtbot, data: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from station.ui.settings import SettingsDialog

    admin = tmp_path / "admin.json"
    admin.write_text(json.dumps({"ui.language": "vi", "ocr.language": "vie"}), encoding="utf-8")
    monkeypatch.setenv("STATION_ADMIN_SETTINGS", str(admin))
    station = Station(data)
    try:
        dialog = SettingsDialog(station)
        qtbot.addWidget(dialog)
        assert not dialog.language.isEnabled()
        table = dialog.findChild(QTableWidget, "all_settings")
        rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
        locked = table.item(rows["ocr.language"], 1)
        free = table.item(rows["ocr.seconds_per_page"], 1)
        assert not locked.flags() & Qt.ItemFlag.ItemIsEditable
        assert free.flags() & Qt.ItemFlag.ItemIsEditable
        assert table.item(rows["ocr.language"], 2).text() == "quản trị viên (khóa)"
        free.setText("120")
        dialog.save()
        assert Station(data).settings.get("ocr.seconds_per_page") == 120
    finally:
        station.close()


def test_files_dropped_on_the_window_are_imported(qtbot, data: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    w = make_window(qtbot, data, pipeline=False)
    qtbot.waitUntil(lambda: w.middle.currentIndex() == 1, timeout=10000)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(_image(tmp_path / f"d{i}.png", str(i)))) for i in range(2)])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    w.dropEvent(drop)
    qtbot.waitUntil(lambda: len(w.docs.rows) == 2, timeout=60000)
    assert w.middle.currentIndex() == 0  # the guide gives way to the documents
    assert [r.state for r in w.docs.rows] == ["processing", "processing"]


@pytest.mark.slow
def test_scan_more_and_rescan_in_place(qtbot, data: Path, processed_docs: list[str]) -> None:  # type: ignore[no-untyped-def]
    w = make_window(qtbot, data, pipeline=False)
    doc = processed_docs[0]
    qtbot.waitUntil(lambda: w.current_doc == doc and w.a_scan_more.isEnabled(), timeout=10000)
    w.profile_box.setCurrentIndex(w.profile_box.findData("test"))
    w.a_scan_more.trigger()
    qtbot.waitUntil(lambda: w.scan_thread is None, timeout=120000)
    shown = state_of(data, doc)
    assert [p["source"] for p in shown["pages"]] == ["f1.png", "scan_0001.jpg"]
    assert shown["state"] == "processing"  # the new page goes through cleanup and OCR


def test_every_string_has_its_vietnamese_translation(tmp_path: Path) -> None:
    """The catalogue is complete (nothing unfinished) and compiles; lupdate keeps it in step with the code."""
    import subprocess
    import xml.etree.ElementTree as ET

    from station.ui.resources import I18N, lrelease

    ts = I18N / "station_vi.ts"
    messages = list(ET.parse(ts).getroot().iter("message"))
    assert len(messages) > 150
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not (m.findtext("translation") or "").strip()]
    assert unfinished == []
    fresh = tmp_path / "check.ts"
    tool = Path(lrelease() or "").with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (I18N.parents[1]).glob("*.py"))
    subprocess.run([str(tool), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code = {m.findtext("source") for m in ET.parse(fresh).getroot().iter("message")}
    assert in_code <= {m.findtext("source") for m in messages}, "run lupdate: some strings are not in the catalogue"
    qm = tmp_path / "vi.qm"
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
    assert qm.stat().st_size > 1000


def test_first_run_creates_the_admin_then_login_checks_the_password(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from station.ui.login import LoginDialog

    data = tmp_path / "fresh"
    first = LoginDialog(data)
    qtbot.addWidget(first)
    assert first.first_run and first.repeat is not None
    first.name.setText("quản.trị")
    first.password.setText(PW)
    first.repeat.setText(PW + "x")
    first.try_login()
    assert first.user is None and first.message.text()  # the two passwords differ: said, nothing made
    first.repeat.setText(PW)
    first.try_login()  # scrypt runs on a worker thread; the dialog waits for its answer
    assert first.busy and not first.buttons.isEnabled()
    qtbot.waitUntil(lambda: not first.busy, timeout=10000)
    assert first.user == "quản.trị" and first.result() == LoginDialog.DialogCode.Accepted

    again = LoginDialog(data)
    qtbot.addWidget(again)
    assert not again.first_run
    again.name.setText("quản.trị")
    again.password.setText("wrong password")
    again.try_login()
    qtbot.waitUntil(lambda: not again.busy, timeout=10000)
    assert again.user is None and "password" in again.message.text().lower()
    again.password.setText(PW)
    again.try_login()
    qtbot.waitUntil(lambda: not again.busy, timeout=10000)
    assert again.user == "quản.trị" and again.session is not None and again.session.role == "admin"
    station = Station(data)
    try:
        actions = [e["action"] for e in station.store.events()]
    finally:
        station.close()
    assert "login_failed" in actions or any("fail" in a for a in actions)
