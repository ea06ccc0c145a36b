"""Accounts, passwords, roles, sessions and the four-eyes rule, through the core."""

from __future__ import annotations

from pathlib import Path

import pytest

from station.auth import PERMISSIONS, Action, Role, Session, can, hash_password, password_matches
from station.errors import NotAllowed, UsageError
from station.workflow import Station
from station.workflow.review import require_sealable
from tests.people import FIELDS, PW, confirmed, new_document, staffed


def _actions(station: Station, name: str) -> list[dict]:
    return [e for e in station.store.events() if e["action"] == name]


def test_passwords_are_scrypt_hashes_never_clear_text(tmp_path: Path) -> None:
    stored = hash_password(PW)
    assert stored.startswith("scrypt$") and PW not in stored
    assert password_matches(PW, stored) and not password_matches(PW + "x", stored)
    assert hash_password(PW) != stored  # salted
    station = staffed(tmp_path)
    station.accounts.authenticate("lan", PW)
    with pytest.raises(NotAllowed):
        station.accounts.authenticate("lan", "sai-mat-khau-9")
    station.close()
    for f in tmp_path.glob("station.sqlite3*"):
        data = f.read_bytes()
        assert PW.encode() not in data and b"sai-mat-khau-9" not in data


def test_the_first_account_is_an_admin_made_without_login(tmp_path: Path) -> None:
    station = Station(tmp_path)
    with pytest.raises(NotAllowed, match="first account must be an admin"):
        station.accounts.add("lan", "operator", PW, by=None)
    station.accounts.add("Quản.Trị", "admin", PW, by=None)
    assert [a.to_dict()["role"] for a in station.accounts.list()] == ["admin"]
    # Once an account exists, only an admin adds others.
    with pytest.raises(NotAllowed):
        station.accounts.add("lan", "operator", PW, by=None)
    station.accounts.add("lan", "operator", PW, by="quản.trị")  # names compare case-insensitively
    with pytest.raises(NotAllowed, match="only an admin"):
        station.accounts.add("hoa", "operator", PW, by="lan")
    with pytest.raises(UsageError, match="already an account"):
        station.accounts.add("LAN", "operator", PW, by="Quản.Trị")
    with pytest.raises(UsageError, match="at least 8"):
        station.accounts.add("hoa", "operator", "short", by="Quản.Trị")
    with pytest.raises(UsageError, match="not a role"):
        station.accounts.add("hoa", "boss", PW, by="Quản.Trị")
    added = _actions(station, "user_add")
    assert [(e["object"], e["user"], e["detail"]["first_admin"]) for e in added] == [
        ("Quản.Trị", None, True), ("lan", "Quản.Trị", False)]
    denied = _actions(station, "denied")
    assert [(e["user"], e["detail"]["wanted"]) for e in denied] == [(None, "user_manage"), ("lan", "user_manage")]


def test_login_success_failure_and_role_are_all_logged(tmp_path: Path) -> None:
    station = staffed(tmp_path)
    session = station.accounts.authenticate("LAN", PW)
    assert session.user == "lan" and session.role is Role.OPERATOR
    for name, pw, reason in (("lan", "wrong-password", "wrong password"), ("nobody", PW, "unknown user"),
                             ("lan", None, "no password")):
        with pytest.raises(NotAllowed, match="failed"):
            station.accounts.authenticate(name, pw)
        assert _actions(station, "login_failed")[-1]["detail"]["reason"] == reason
    with pytest.raises(NotAllowed, match="only an admin or supervisor may approve"):
        station.accounts.authenticate("lan", PW, action=Action.APPROVE)
    last = station.store.events()[-2:]
    assert [e["action"] for e in last] == ["login", "denied"] and last[1]["detail"]["reason"] == "role operator"


def test_permission_table_covers_every_action_and_orders_the_roles() -> None:
    assert set(PERMISSIONS) == set(Action)
    assert all(PERMISSIONS[a] for a in Action)
    for action in Action:  # a higher role may do whatever a lower one may
        if can(Role.OPERATOR, action):
            assert can(Role.SUPERVISOR, action)
        if can(Role.SUPERVISOR, action):
            assert can(Role.ADMIN, action)
    assert can("operator", "confirm") and not can("operator", "approve") and not can("operator", "seal")
    assert can("supervisor", "approve") and can("supervisor", "seal") and not can("supervisor", "user_manage")
    assert can("admin", "user_manage") and can("admin", "settings_change")


def test_admin_resets_passwords_and_people_change_their_own(tmp_path: Path) -> None:
    station = staffed(tmp_path)
    a = station.accounts
    a.reset_password("lan", "mới-mật-khẩu-2", by="admin")
    with pytest.raises(NotAllowed):
        a.authenticate("lan", PW)
    a.authenticate("lan", "mới-mật-khẩu-2")
    a.reset_password("lan", "của-tôi-123", by="lan")
    a.authenticate("lan", "của-tôi-123")
    with pytest.raises(NotAllowed, match="only an admin"):
        a.reset_password("hoa", "hack-hack-1", by="lan")
    with pytest.raises(NotAllowed, match="only an admin"):
        a.reset_password("hoa", "hack-hack-1", by="minh")
    assert [(e["user"], e["object"]) for e in _actions(station, "password_reset")] == [("admin", "lan"),
                                                                                     ("lan", "lan")]


def test_a_disabled_account_cannot_log_in_and_the_last_admin_stays(tmp_path: Path) -> None:
    station = staffed(tmp_path)
    station.accounts.set_active("hoa", False, by="admin")
    with pytest.raises(NotAllowed):
        station.accounts.authenticate("hoa", PW)
    assert _actions(station, "login_failed")[-1]["detail"]["reason"] == "account disabled"
    with pytest.raises(NotAllowed, match="last active admin"):
        station.accounts.set_active("admin", False, by="admin")
    doc = new_document(station)
    with pytest.raises(NotAllowed, match="no active account"):
        station.confirm(doc, sets=FIELDS, user="hoa")


def test_session_locks_after_idle_time_and_unlocks_with_the_password(tmp_path: Path) -> None:
    station = staffed(tmp_path)
    now = [1000.0]
    session = station.accounts.authenticate("minh", PW, idle_seconds=300, clock=lambda: now[0])
    assert session.can(Action.APPROVE) and not session.can(Action.USER_MANAGE)
    now[0] += 299
    assert not session.idle()
    session.touch()
    now[0] += 299
    assert not session.idle()
    now[0] += 2
    assert session.idle() and session.locked and not session.can(Action.APPROVE)
    with pytest.raises(NotAllowed, match="locked"):
        session.touch()
    doc = confirmed(station, by="lan")
    with pytest.raises(NotAllowed, match="locked"):
        station.approve(doc, user=session)
    with pytest.raises(NotAllowed, match="stays locked"):
        station.accounts.unlock(session, "wrong-password")
    station.accounts.unlock(session, PW)
    assert not session.locked
    assert station.approve(doc, user=session)["state"] == "approved"
    actions = [e["action"] for e in station.store.events()]
    assert "unlock_failed" in actions and "unlock" in actions
    station.accounts.lock(session, reason="operator left")
    assert session.locked and station.store.events()[-1]["action"] == "lock"
    assert isinstance(session, Session)


def test_four_eyes_the_approver_is_never_the_confirming_operator(tmp_path: Path) -> None:
    station = staffed(tmp_path)
    doc = confirmed(station, by="minh")  # a supervisor may confirm, then may not approve it
    for act in (lambda: station.approve(doc, user="MINH"),
                lambda: station.reject(doc, reason="sai", user="minh")):
        with pytest.raises(NotAllowed, match="four-eyes"):
            act()
    assert [e["action"] for e in station.store.events(doc)][-2:] == ["approve_refused", "reject_refused"]
    assert station.show(doc)["state"] == "confirmed"
    assert station.approve(doc, user="tuan")["decided_by"] == "tuan"


def test_only_known_accounts_with_the_role_confirm_and_decide(tmp_path: Path) -> None:
    empty = Station(tmp_path / "empty")
    doc = new_document(empty)
    with pytest.raises(NotAllowed, match="no accounts yet"):
        empty.confirm(doc, sets=FIELDS, user="lan")
    station = staffed(tmp_path / "staffed")
    doc = new_document(station)
    with pytest.raises(NotAllowed, match="--user"):
        station.confirm(doc, sets=FIELDS, user=None)
    with pytest.raises(NotAllowed, match="no active account"):
        station.confirm(doc, sets=FIELDS, user="stranger")
    station.confirm(doc, sets=FIELDS, user="lan")
    with pytest.raises(NotAllowed, match="may approve"):
        station.approve(doc, user="hoa")
    with pytest.raises(NotAllowed, match="may reject"):
        station.reject(doc, reason="x", user="hoa")
    assert station.show(doc)["state"] == "confirmed"


def test_sealing_only_after_approval_by_a_role_that_may_seal(tmp_path: Path) -> None:
    station = staffed(tmp_path)
    doc = confirmed(station, by="lan")
    with pytest.raises(NotAllowed, match="only an approved document"):
        require_sealable(station, doc, "minh")
    station.approve(doc, user="minh")
    with pytest.raises(NotAllowed, match="may seal"):
        require_sealable(station, doc, "lan")
    assert require_sealable(station, doc[:6], "minh") == doc


def test_settings_change_is_for_admins_and_logged(tmp_path: Path) -> None:
    station = staffed(tmp_path)
    with pytest.raises(NotAllowed):
        station.change_setting("review.sample_share", 0.25, user="minh")
    station.change_setting("review.sample_share", 0.25, user="admin")
    assert Station(tmp_path).settings.get("review.sample_share") == 0.25
    entry = _actions(station, "setting_change")[-1]
    assert entry["user"] == "admin" and entry["detail"] == {"old": 0.1, "new": 0.25}
