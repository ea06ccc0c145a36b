"""`station user`, and the --user password rule on the commands that act as someone (cli.md)."""

from __future__ import annotations

import json
from pathlib import Path

from station import audit
from station.workflow import Station
from tests.helpers import PASSWORD, add_users, station
from tests.people import FIELDS, new_document


def _events(data: Path) -> list[dict]:
    s = Station(data)
    try:
        return audit.entries(s.store)
    finally:
        s.close()


def test_first_admin_then_accounts_only_by_an_admin(tmp_path: Path) -> None:
    data = tmp_path / "data"
    p = station("user", "add", "lan", "--role", "operator", "--password-stdin", data_dir=data, check=7,
                stdin=PASSWORD + "\n")
    assert "first account must be an admin" in p.stderr
    station("user", "add", "admin", "--role", "admin", data_dir=data, check=2)  # no terminal, no --password-stdin
    station("user", "add", "admin", "--role", "admin", "--password-stdin", data_dir=data, check=2, stdin="short\n")
    first = json.loads(station("user", "add", "admin", "--role", "admin", "--password-stdin", "--json",
                               data_dir=data, stdin=PASSWORD + "\n").stdout)
    assert first["user"]["role"] == "admin" and PASSWORD not in json.dumps(first, ensure_ascii=False)
    assert "scrypt" not in json.dumps(first)
    # From now on, an admin's login is needed.
    station("user", "add", "lan", "--role", "operator", "--password-stdin", data_dir=data, check=7,
            stdin=PASSWORD + "\n")
    p = station("user", "add", "lan", "--role", "operator", "--password-stdin", "--user", "admin", data_dir=data,
                check=7, stdin=PASSWORD + "\n", password="not-the-password")
    assert "failed" in p.stderr
    station("user", "add", "lan", "--role", "operator", "--password-stdin", "--user", "admin", data_dir=data,
            check=7, stdin=PASSWORD + "\n")  # no STATION_PASSWORD and no terminal
    station("user", "add", "lan", "--role", "operator", "--password-stdin", "--user", "ghost", data_dir=data,
            check=7, stdin=PASSWORD + "\n", password=PASSWORD)
    station("user", "add", "lan", "--role", "operator", "--password-stdin", "--user", "admin", data_dir=data,
            stdin=PASSWORD + "\n", password=PASSWORD)
    p = station("user", "add", "hoa", "--role", "operator", "--password-stdin", "--user", "lan", data_dir=data,
                check=7, stdin=PASSWORD + "\n", password=PASSWORD)
    assert "only an admin may user manage" in p.stderr
    failed = [(e["user"], e["detail"]["reason"]) for e in _events(data) if e["action"] == "login_failed"]
    assert failed == [("admin", "wrong password"), ("admin", "no password"), ("ghost", "unknown user")]
    denied = [(e["user"], e["detail"]["reason"]) for e in _events(data) if e["action"] == "denied"]
    assert denied == [(None, "nobody named"), ("lan", "role operator")]


def test_user_list_and_reset_password(tmp_path: Path) -> None:
    data = tmp_path / "data"
    add_users(data, {"lan": "operator", "minh": "supervisor"})
    station("user", "list", data_dir=data, check=7)
    listed = json.loads(station("user", "list", "--json", "--user", "minh", data_dir=data, password=PASSWORD).stdout)
    assert [(u["name"], u["role"]) for u in listed["users"]] == [("admin", "admin"), ("lan", "operator"),
                                                                 ("minh", "supervisor")]
    station("user", "list", "--user", "lan", data_dir=data, check=7, password=PASSWORD)
    new = "mật-khẩu-mới-2"
    station("user", "reset-password", "lan", "--password-stdin", "--user", "minh", data_dir=data, check=7,
            password=PASSWORD, stdin=new + "\n")
    station("user", "reset-password", "lan", "--password-stdin", "--user", "admin", data_dir=data,
            password=PASSWORD, stdin=new + "\n")
    station("user", "reset-password", "lan", "--password-stdin", "--user", "lan", data_dir=data, check=7,
            password=PASSWORD, stdin="x-y-z-1234\n")  # the old password no longer works
    station("user", "reset-password", "lan", "--password-stdin", "--user", "lan", data_dir=data,
            password=new, stdin="x-y-z-1234\n")  # one's own password, with the current one
    for f in data.glob("station.sqlite3*"):
        raw = f.read_bytes()
        assert PASSWORD.encode() not in raw and new.encode() not in raw and b"x-y-z-1234" not in raw


def test_confirm_approve_reject_need_the_password_and_keep_four_eyes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    add_users(data, {"lan": "operator", "minh": "supervisor", "tuan": "supervisor"})
    s = Station(data)
    doc = new_document(s)
    s.close()
    sets = [a for k, v in FIELDS.items() for a in ("--set", f"{k}={v}")]
    station("confirm", doc, *sets, data_dir=data, check=7)  # nobody named
    station("confirm", doc, *sets, "--user", "minh", data_dir=data, check=7)  # no password
    station("confirm", doc, *sets, "--user", "minh", data_dir=data, check=7, password="wrong-password")
    station("confirm", doc, *sets, "--user", "minh", data_dir=data, password=PASSWORD)
    p = station("approve", doc, "--user", "minh", data_dir=data, check=7, password=PASSWORD)
    assert "four-eyes" in p.stderr
    p = station("reject", doc, "--reason", "x", "--user", "lan", data_dir=data, check=7, password=PASSWORD)
    assert "may reject" in p.stderr
    station("approve", doc, "--user", "tuan", data_dir=data, check=7, password="wrong-password")
    out = json.loads(station("approve", doc, "--user", "tuan", "--json", data_dir=data, password=PASSWORD).stdout)
    assert out["state"] == "approved" and out["decided_by"] == "tuan" and out["confirmed_by"] == "minh"
    events = _events(data)
    assert [(e["user"], e["detail"]["reason"]) for e in events if e["action"] == "login_failed"] == [
        ("minh", "no password"), ("minh", "wrong password"), ("tuan", "wrong password")]
    assert [e["action"] for e in events if e["object"] == doc] == ["edit", "confirm", "approve_refused", "approve"]
    assert any(e["action"] == "denied" and e["detail"]["wanted"] == "reject" for e in events)
    assert json.loads(station("audit", "verify", "--json", data_dir=data).stdout)["ok"] is True
