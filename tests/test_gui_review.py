"""The supervisor's side of the window (pytest-qt, offscreen): review queue, sampling, dashboard,
accounts, roles and the idle lock. Every action goes through the workflow, so each test also reads
the audit log to see that the action (or its refusal) was written down.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from station.auth import Role, Session  # noqa: E402
from station.workflow import Station  # noqa: E402
from tests.helpers import station as run_cli  # noqa: E402
from tests.people import FIELDS, PW, confirmed, staffed  # noqa: E402
from tests.test_gui import no_leaked_threads_or_timers  # noqa: E402,F401  (every test: no thread or timer left)

INVENTORY = (
    "Mã hồ sơ;Thủ tục;Số văn bản;Số trang;Tên hồ sơ\n"
    f"{FIELDS['paper_file_code']};1.001;4;10;Hồ sơ tốt nghiệp 2021\n"
    "G03.K1-02-06.0001;2.002;5;5;Giấy phép\n"
)


class Clock:
    """The session's idea of now, moved by the test instead of waiting."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """Admin, operators lan and hoa, supervisors minh and tuan; two documents lan confirmed, one hoa did."""
    d = tmp_path / "data"
    station = staffed(d)
    try:
        docs = [confirmed(station, by="lan", suggestions={"subject": "Về việc gợi ý sai"}),  # typed over it
                confirmed(station, by="lan", batch="b2"),
                confirmed(station, by="hoa", batch="b3", batch_settings={"procedure_code": "2.002"})]
        with station.store.transaction():  # one a day, so "oldest first" has an order to show
            for day, doc in enumerate(docs, start=1):
                station.store.db.execute("UPDATE documents SET confirmed_at = ? WHERE id = ?",
                                         (f"2026-03-0{day}T08:00:00Z", doc))
    finally:
        station.close()
    return d


def window(qtbot, data: Path, name: str, **session: Any):  # type: ignore[no-untyped-def]
    from station.ui.window import MainWindow

    st = Station(data)
    try:
        role = st.accounts.get(name).role  # type: ignore[union-attr]
    finally:
        st.close()
    w = MainWindow(data, session=Session(user=name, role=role, **session), start_pipeline=False,
                   find_scanners=False)
    qtbot.addWidget(w)
    w.show()
    return w


def events(data: Path, action: str | None = None) -> list[dict[str, Any]]:
    st = Station(data)
    try:
        return [e for e in st.store.events() if action is None or e["action"] == action]
    finally:
        st.close()


def state(data: Path, doc: str) -> str:
    st = Station(data)
    try:
        return str(st.store.document(doc)["state"])
    finally:
        st.close()


def open_queue(qtbot, w, rows: int):  # type: ignore[no-untyped-def]
    sup = w.supervision
    sup.show_tab(sup.review_tab)
    assert sup.tabs.currentIndex() == sup.review_tab
    qtbot.waitUntil(lambda: sup.review.model.rowCount() == rows and sup.review.current is not None, timeout=10000)
    return sup.review


def test_queue_oldest_first_with_the_operators_changes_and_ctrl_enter_approves(qtbot, data: Path) -> None:  # type: ignore[no-untyped-def]
    w = window(qtbot, data, "minh")
    rv = open_queue(qtbot, w, 3)
    ids = [i["id"] for i in rv.model.items]
    assert [i["confirmed_by"] for i in rv.model.items] == ["lan", "lan", "hoa"]  # oldest confirmation first
    assert rv.current["id"] == ids[0] and "edited" in rv.current["flags"]
    # what was suggested against what was confirmed, the operator's change in its own colour
    rows = {rv.changes.item(r, 0).data(Qt.ItemDataRole.UserRole): [rv.changes.item(r, c).text() for c in range(4)]
            for r in range(rv.changes.rowCount())}
    assert rows["subject"][1:] == ["Về việc gợi ý sai", FIELDS["subject"], "do người nhập liệu gõ"]
    subject_row = next(r for r in range(rv.changes.rowCount()) if rv.changes.item(r, 0).data(
        Qt.ItemDataRole.UserRole) == "subject")
    assert rv.changes.item(subject_row, 2).background().color().name() == "#fff3c4"
    assert rv.pages.count() == 2
    rv.changes.setCurrentCell(subject_row, 0)  # where the suggestion was read: outlined on its page
    assert rv._mark == (0, [0, 0, 1, 1]) and rv.pages.currentRow() == 0
    # filters: by operator, by procedure, by flag
    rv.operator_box.setCurrentIndex(rv.operator_box.findData("hoa"))
    qtbot.waitUntil(lambda: [i["confirmed_by"] for i in rv.model.items] == ["hoa"], timeout=10000)
    rv.operator_box.setCurrentIndex(0)
    rv.procedure_box.setCurrentIndex(rv.procedure_box.findData("2.002"))
    qtbot.waitUntil(lambda: [i["id"] for i in rv.model.items] == [ids[2]], timeout=10000)
    rv.procedure_box.setCurrentIndex(0)
    rv.flag_box.setCurrentIndex(rv.flag_box.findData("edited"))
    qtbot.waitUntil(lambda: [i["id"] for i in rv.model.items] == [ids[0]], timeout=10000)
    rv.flag_box.setCurrentIndex(0)
    qtbot.waitUntil(lambda: rv.model.rowCount() == 3 and rv.current["id"] == ids[0], timeout=10000)
    # Ctrl+Enter approves the one in view; the next one comes up
    rv.view.setFocus()
    qtbot.keyClick(rv.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: rv.model.rowCount() == 2, timeout=10000)
    assert state(data, ids[0]) == "approved" and rv.current["id"] == ids[1]
    assert [(e["user"], e["object"]) for e in events(data, "approve")] == [("minh", ids[0])]
    assert "Đã duyệt" in rv.message.text()
    w.close()


def test_reject_with_a_note_reaches_the_operator(qtbot, data: Path) -> None:  # type: ignore[no-untyped-def]
    note = "Trang 2 bị mờ, quét lại và sửa trích yếu"
    w = window(qtbot, data, "tuan")
    rv = open_queue(qtbot, w, 3)
    doc = rv.current["id"]
    rv.ask_note = lambda _title, _prompt: note
    qtbot.mouseClick(rv.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rv.model.rowCount() == 2, timeout=10000)
    assert state(data, doc) == "rejected"
    assert [(e["user"], e["detail"]["reason"]) for e in events(data, "reject")] == [("tuan", note)]
    w.close()

    st = Station(data)
    try:
        from station.workflow.review import operator_queue

        assert operator_queue(st, "lan")[0]["reject_reason"] == note  # first in lan's queue
    finally:
        st.close()
    op = window(qtbot, data, "lan")
    assert not op.supervision.tabs.isTabVisible(op.supervision.review_tab)
    assert not op.supervision.a_review.isVisible() and not op.supervision.a_accounts.isVisible()
    qtbot.waitUntil(lambda: op.docs.row_of(doc) >= 0, timeout=10000)
    op.select_document(doc)
    qtbot.waitUntil(lambda: note in op.form.heading.text(), timeout=10000)
    assert op.confirm_button.isEnabled()  # the operator can correct and confirm it again
    op.close()


def test_four_eyes_refuses_approving_what_you_confirmed(qtbot, data: Path) -> None:  # type: ignore[no-untyped-def]
    st = Station(data)
    try:
        own = confirmed(st, by="minh", batch="own")  # supervisors also capture documents
    finally:
        st.close()
    w = window(qtbot, data, "minh")
    rv = open_queue(qtbot, w, 4)
    rv.operator_box.setCurrentIndex(rv.operator_box.findData("minh"))
    qtbot.waitUntil(lambda: rv.current is not None and rv.current["id"] == own, timeout=10000)
    qtbot.mouseClick(rv.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "bốn mắt" in rv.message.text(), timeout=10000)
    assert rv.message.text().startswith("Bạn đã tự xác nhận văn bản này")
    assert state(data, own) == "confirmed"
    assert [(e["user"], e["object"], e["detail"]["reason"]) for e in events(data, "approve_refused")] == [
        ("minh", own, "four eyes")]
    w.close()


def test_sampling_picks_the_share_and_records_a_page_by_page_check(qtbot, data: Path) -> None:  # type: ignore[no-untyped-def]
    st = Station(data)
    try:
        st.change_setting("review.sample_share", 0.5, user="admin")
    finally:
        st.close()
    w = window(qtbot, data, "minh")
    rv = open_queue(qtbot, w, 3)
    rv.sampling.setChecked(True)
    qtbot.waitUntil(lambda: rv.model.rowCount() == 0 and rv.pick_button.isVisible(), timeout=10000)
    qtbot.mouseClick(rv.pick_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rv.model.rowCount() == 2 and rv.current is not None, timeout=10000)  # ceil(0.5 × 3)
    assert all("sample_pending" in i["flags"] for i in rv.model.items)
    assert len(events(data, "sample_pick")) == 2
    doc = rv.current["id"]
    # not approved before the check
    qtbot.mouseClick(rv.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not rv._busy and "từng trang" in rv.message.text(), timeout=10000)
    assert state(data, doc) == "confirmed"
    # every page must be ticked before "passed" can be pressed
    assert rv.pages.count() == 2 and not rv.pass_button.isEnabled() and not rv.fail_button.isEnabled()
    rv.pages.item(0).setCheckState(Qt.CheckState.Checked)
    assert not rv.pass_button.isEnabled()
    rv.pages.item(1).setCheckState(Qt.CheckState.Checked)
    assert rv.pass_button.isEnabled() and rv.pages_checked() == [1, 2]
    qtbot.mouseClick(rv.pass_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(events(data, "sample_check")), timeout=10000)
    check = events(data, "sample_check")[0]
    assert (check["user"], check["object"], check["detail"]["result"], check["detail"]["pages"]) == (
        "minh", doc, "pass", 2)
    qtbot.waitUntil(lambda: rv.current is not None and rv.current["sample"]["result"] == "pass", timeout=10000)
    qtbot.mouseClick(rv.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: state(data, doc) == "approved", timeout=10000)
    # the other picked one fails its check: recorded, and sent back to its operator with the note
    qtbot.waitUntil(lambda: rv.model.rowCount() == 1 and rv.current is not None, timeout=10000)
    other = rv.current["id"]
    rv.ask_note = lambda _t, _p: "Thiếu trang 3"
    for i in range(rv.pages.count()):
        rv.pages.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(rv.fail_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: state(data, other) == "rejected", timeout=10000)
    results = {e["object"]: e["detail"]["result"] for e in events(data, "sample_check")}
    assert results == {doc: "pass", other: "fail"}
    assert events(data, "reject")[-1]["detail"]["reason"] == "Thiếu trang 3"
    w.close()


def test_dashboard_shows_the_figures_of_station_report_json(qtbot, data: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    inventory = tmp_path / "inventory.csv"
    inventory.write_text(INVENTORY, encoding="utf-8-sig")
    w = window(qtbot, data, "minh")
    sup = w.supervision
    assert sup.a_inventory.isVisible() and sup.tabs.isTabVisible(sup.dashboard_tab)
    sup.show_tab(sup.dashboard_tab)
    db = sup.dashboard
    qtbot.waitUntil(lambda: db.report is not None, timeout=10000)
    db.import_inventory(inventory)
    qtbot.waitUntil(lambda: db.report is not None and db.report["overall"]["files"] == 2, timeout=20000)
    st = Station(data)
    try:
        ids = [d["id"] for d in st.list_documents()]
        st.approve(ids[0], user="tuan")
    finally:
        st.close()
    db.refresh()
    qtbot.waitUntil(lambda: db.report["overall"]["approved_documents"] == 1, timeout=10000)
    cli = json.loads(run_cli("report", "--json", data_dir=data).stdout)
    shown = dict(db.report)
    assert {k: v for k, v in shown.items() if k != "generated_at"} == {
        k: v for k, v in cli.items() if k != "generated_at"}
    # and the screen says the same numbers
    o = cli["overall"]
    total = db.procedures.rowCount() - 1
    cells = [db.procedures.item(total, c).text() for c in range(db.procedures.columnCount())]
    assert cells[1:6] == [str(o[k]) for k in ("files", "expected_documents", "expected_pages",
                                              "digitized_documents", "digitized_pages")]
    assert cells[7] == str(o["approved_documents"]) == "1"
    assert db.bars["approved"].format() == f"{o['approved_percent']:.1f} %"
    ops = {db.operators.item(r, 0).text(): db.operators.item(r, 1).text() for r in range(db.operators.rowCount())}
    assert ops == {x["operator"]: str(x["confirmed_documents"]) for x in cli["operators"]}
    assert db.days.rowCount() == len(cli["days"])
    assert str(cli["sync_backlog"]["documents"]) in db.notes.text()
    # the exports are progress.py's files, written on a worker, and audited
    db.export("csv", tmp_path / "r.csv")
    db.export("pdf", tmp_path / "r.pdf")
    qtbot.waitUntil(lambda: len(events(data, "report_export")) == 2, timeout=30000)
    assert (tmp_path / "r.csv").read_text(encoding="utf-8-sig").startswith("section,name,")
    assert (tmp_path / "r.pdf").read_bytes()[:5] == b"%PDF-"
    assert events(data, "inventory_import")[0]["user"] == "minh"
    w.close()


def test_admin_creates_an_account_and_an_operator_is_refused(qtbot, data: Path) -> None:  # type: ignore[no-untyped-def]
    from station.ui.accounts import AccountsDialog

    w = window(qtbot, data, "admin")
    assert w.supervision.a_accounts.isVisible()
    dlg = AccountsDialog(w, w.supervision.session, w)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 5, timeout=10000)
    assert not dlg.add_button.isHidden()
    dlg.ask_form = lambda _title, _name: ("nga", "operator", PW)
    qtbot.mouseClick(dlg.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 6, timeout=10000)
    names = [dlg.table.item(r, 0).text() for r in range(6)]
    assert "nga" in names and "nga" in dlg.message.text()
    dlg.table.selectRow(names.index("nga"))
    dlg.ask_form = lambda _title, name: (name, "", "mật-khẩu-mới-2")
    qtbot.mouseClick(dlg.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(e["object"] == "nga" for e in events(data, "password_reset")), timeout=10000)
    qtbot.waitUntil(lambda: not dlg.busy and dlg.table.rowCount() == 6, timeout=10000)
    dlg.table.selectRow(names.index("nga"))
    assert dlg.active_button.isEnabled()
    qtbot.mouseClick(dlg.active_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(e["object"] == "nga" for e in events(data, "user_disable")), timeout=10000)
    dlg.close()
    w.close()
    st = Station(data)
    try:
        account = st.accounts.get("nga")
        assert account is not None and account.role is Role.OPERATOR and not account.active
        st.accounts.set_active("nga", True, by="admin")
        assert st.accounts.authenticate("nga", "mật-khẩu-mới-2").user == "nga"  # the reset password works
    finally:
        st.close()
    assert [(e["user"], e["object"]) for e in events(data, "user_add") if e["object"] == "nga"] == [("admin", "nga")]

    op = window(qtbot, data, "lan")
    assert not op.supervision.a_accounts.isVisible() and not op.supervision.a_accounts.isEnabled()
    forced = AccountsDialog(op, op.supervision.session, op)  # even if the screen were reached
    qtbot.addWidget(forced)
    assert forced.add_button.isHidden()
    forced.add("mallory", "admin", PW)
    qtbot.waitUntil(lambda: not forced.busy and "admin" in forced.message.text(), timeout=10000)
    forced.close()
    op.close()
    st = Station(data)
    try:
        assert st.accounts.get("mallory") is None
    finally:
        st.close()
    assert any(e["user"] == "lan" and e["detail"]["wanted"] == "user_manage" for e in events(data, "denied"))


def test_idle_lock_keeps_the_work_and_unlocks_for_the_same_person_or_another(qtbot, data: Path) -> None:  # type: ignore[no-untyped-def]
    clock = Clock()
    w = window(qtbot, data, "lan", idle_seconds=600, clock=clock)
    sup = w.supervision
    st = Station(data)
    try:
        from tests.people import new_document

        doc = new_document(st, batch="mới")
    finally:
        st.close()
    w.refresh()
    qtbot.waitUntil(lambda: w.docs.row_of(doc) >= 0, timeout=10000)
    w.select_document(doc)
    qtbot.waitUntil(lambda: w.current_doc == doc and w.form.rows["subject"].editor.isEnabled(), timeout=10000)
    w.form.rows["subject"].editor.setText("Đang gõ dở")
    clock.t += 599
    sup.check_idle()
    assert sup.lock_dialog is None
    clock.t += 2
    sup.check_idle()
    dialog = sup.lock_dialog
    assert dialog is not None and sup.session.locked and sup.stack.currentWidget() is sup.cover
    assert not w.menuBar().isEnabled()
    assert [e["user"] for e in events(data, "lock")] == ["lan"]
    # a wrong password keeps it locked; Escape does not get round it
    dialog.password.setText("sai mật khẩu")
    dialog.try_login()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    assert sup.session.locked and dialog.message.text() and dialog.isVisible()
    dialog.reject()
    assert dialog.isVisible()
    dialog.password.setText(PW)
    dialog.try_login()
    qtbot.waitUntil(lambda: sup.lock_dialog is None, timeout=10000)
    assert not sup.session.locked and sup.stack.currentWidget() is sup.tabs and w.menuBar().isEnabled()
    assert w.form.rows["subject"].editor.text() == "Đang gõ dở"  # nothing was lost
    assert [e["user"] for e in events(data, "unlock_failed")] == ["lan"]
    assert [e["user"] for e in events(data, "unlock")] == ["lan"]
    # locked by hand, then a supervisor logs in instead: the window works under the new name and role
    sup.lock("by hand")
    other = sup.lock_dialog
    other.name.setText("minh")
    other.password.setText(PW)
    other.try_login()
    qtbot.waitUntil(lambda: sup.lock_dialog is None, timeout=10000)
    assert w.user == "minh" and sup.session.role is Role.SUPERVISOR
    assert sup.tabs.isTabVisible(sup.review_tab)
    assert w.form.rows["subject"].editor.text() == "Đang gõ dở"
    w.close()
