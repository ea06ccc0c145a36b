"""Local accounts that work offline, roles, the permission table and sessions with an idle lock.

Both faces use this one API:
- the command line authenticates `--user NAME` with `Accounts.authenticate(name, password, action)`
  (password from the prompt or STATION_PASSWORD) and then calls the workflow with the name;
- first run: when `Accounts.count() == 0` the GUI (or `station user add NAME --role admin`) creates
  the first account, which must be an admin, with `Accounts.add(name, "admin", pw, by=None)`;
- the GUI's login screen calls `Accounts.authenticate(name, pw, idle_seconds=60 * settings
  "auth.idle_lock_minutes")` once and keeps the returned `Session`; a timer calls `Session.idle()`
  and user input calls `Session.touch()`; when idle() says so, the GUI calls `Accounts.lock` and
  shows the lock screen, and `Accounts.unlock(session, pw)` opens it again (or another person
  logs in). `Session.can(action)` decides which buttons show; pass the Session as `user=` to the
  workflow, which refuses a locked one.
- the workflow calls `Accounts.require(user, action)` before it changes anything, so a role is
  checked whichever face asked.

Passwords are hashed with scrypt (stdlib hashlib), salted per account, never stored or logged in
clear. Every login, failed login, refusal, lock and account change is written to the audit log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from station.errors import NotAllowed, UsageError
from station.store import Store
from station.store.db import now


class Role(StrEnum):
    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Action(StrEnum):
    """Everything a person can do at the station; PERMISSIONS says which roles may."""

    SCAN = "scan"
    IMPORT = "import"
    PROCESS = "process"
    EDIT = "edit"
    CONFIRM = "confirm"
    EXPORT = "export"
    APPROVE = "approve"
    REJECT = "reject"
    SAMPLE_CHECK = "sample_check"
    SEAL = "seal"
    SYNC = "sync"
    INVENTORY_IMPORT = "inventory_import"
    VIEW_REPORT = "view_report"
    VIEW_AUDIT = "view_audit"
    USER_LIST = "user_list"
    USER_MANAGE = "user_manage"
    SETTINGS_CHANGE = "settings_change"
    SIGNING_SETUP = "signing_setup"
    REMOTE_SETUP = "remote_setup"
    OWN_PASSWORD = "own_password"


_OPERATOR = frozenset({Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN})
_SUPERVISOR = frozenset({Role.SUPERVISOR, Role.ADMIN})
_ADMIN = frozenset({Role.ADMIN})

# Supervisors can do an operator's work and admins a supervisor's (small offices have few people);
# the four-eyes rule still keeps anyone from approving what they confirmed themselves.
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.SCAN: _OPERATOR,
    Action.IMPORT: _OPERATOR,
    Action.PROCESS: _OPERATOR,
    Action.EDIT: _OPERATOR,
    Action.CONFIRM: _OPERATOR,
    Action.EXPORT: _OPERATOR,
    Action.APPROVE: _SUPERVISOR,
    Action.REJECT: _SUPERVISOR,
    Action.SAMPLE_CHECK: _SUPERVISOR,
    Action.SEAL: _SUPERVISOR,
    Action.SYNC: _SUPERVISOR,
    Action.INVENTORY_IMPORT: _SUPERVISOR,
    Action.VIEW_REPORT: _SUPERVISOR,
    Action.VIEW_AUDIT: _SUPERVISOR,
    Action.USER_LIST: _SUPERVISOR,
    Action.USER_MANAGE: _ADMIN,
    Action.SETTINGS_CHANGE: _ADMIN,
    Action.SIGNING_SETUP: _ADMIN,
    Action.REMOTE_SETUP: _ADMIN,
    Action.OWN_PASSWORD: _OPERATOR,
}


def can(role: Role | str, action: Action | str) -> bool:
    return Role(role) in PERMISSIONS[Action(action)]


# -- passwords -------------------------------------------------------------------------------------
MIN_PASSWORD_LENGTH = 8
# scrypt cost: n=2^15, r=8 (32 MiB, about 0.1 s here); stored with each hash so it can be raised later.
SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_LEN = 2**15, 8, 1, 32


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(unicodedata.normalize("NFC", password).encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          dklen=length, maxmem=2 * 128 * n * r * p)


def hash_password(password: str) -> str:
    """`scrypt$n$r$p$salt$hash` (base64): what the accounts table holds instead of the password."""
    check_password_rules(password)
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_LEN)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def password_matches(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


# A hash of a password nobody knows: an unknown user costs the same time as a wrong password.
_DUMMY_HASH = f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(b'station-dummy-salt')}${_b64(bytes(SCRYPT_LEN))}"


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsageError(f"A password needs at least {MIN_PASSWORD_LENGTH} characters; choose a longer one.")
    if password != password.strip():
        raise UsageError("A password cannot start or end with a space; choose another one.")


def account_key(name: str) -> str:
    """Names compare as people read them: NFC, case-insensitive (Lan = lan = LAN)."""
    return unicodedata.normalize("NFC", name).strip().casefold()


def check_name(name: str) -> str:
    clean = unicodedata.normalize("NFC", name).strip()
    if not clean or len(clean) > 64 or any(ch.isspace() or not ch.isprintable() for ch in clean):
        raise UsageError(f"{name!r} cannot be an account name: use 1 to 64 letters, digits, dots or dashes, "
                         "without spaces.")
    return clean


# -- accounts ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Account:
    name: str
    role: Role
    active: bool
    created_at: str
    created_by: str | None
    password_changed_at: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role.value, "active": self.active, "created_at": self.created_at,
                "created_by": self.created_by, "password_changed_at": self.password_changed_at}


DEFAULT_IDLE_SECONDS = 600.0


@dataclass
class Session:
    """A person logged in at the GUI (or for one command): who, which role, and the idle lock.

    `clock` is injectable so tests (and the GUI's timer) decide what "now" is.
    """

    user: str
    role: Role
    idle_seconds: float = DEFAULT_IDLE_SECONDS
    clock: Callable[[], float] = time.monotonic
    started: float = 0.0
    last_activity: float = 0.0
    locked: bool = False

    def __post_init__(self) -> None:
        self.started = self.last_activity = self.clock()

    def can(self, action: Action | str) -> bool:
        return not self.locked and can(self.role, action)

    def touch(self) -> None:
        """The person did something: the idle time starts again (refused while locked)."""
        if self.locked:
            raise NotAllowed(f"The station is locked; {self.user} must type the password again.")
        self.last_activity = self.clock()

    def idle(self) -> bool:
        """True (and locked from now on) once nothing happened for idle_seconds."""
        if not self.locked and self.idle_seconds > 0 and self.clock() - self.last_activity >= self.idle_seconds:
            self.locked = True
        return self.locked


class Accounts:
    """The station's accounts in its store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # reading
    def count(self) -> int:
        return int(self.store.db.execute("SELECT COUNT(*) FROM accounts").fetchone()[0])

    def get(self, name: str) -> Account | None:
        row = self.store.db.execute("SELECT * FROM accounts WHERE key = ?", (account_key(name),)).fetchone()
        if row is None:
            return None
        return Account(name=row["name"], role=Role(row["role"]), active=bool(row["active"]),
                       created_at=row["created_at"], created_by=row["created_by"],
                       password_changed_at=row["password_changed_at"])

    def list(self) -> list[Account]:
        rows = self.store.db.execute("SELECT key FROM accounts ORDER BY key").fetchall()
        return [a for r in rows if (a := self.get(r["key"])) is not None]

    def same_person(self, a: str | None, b: str | None) -> bool:
        return bool(a) and bool(b) and account_key(a or "") == account_key(b or "")

    # changing
    def add(self, name: str, role: Role | str, password: str, *, by: str | Session | None) -> Account:
        """Create an account. The very first one needs nobody's login and must be an admin."""
        name = check_name(name)
        try:
            role = Role(role)
        except ValueError:
            raise UsageError(f"{role!r} is not a role; use operator, supervisor or admin.") from None
        first = self.count() == 0
        if first and role is not Role.ADMIN:
            raise NotAllowed("The first account must be an admin: `station user add NAME --role admin`.")
        actor = None if first else self.require(by, Action.USER_MANAGE, name).name
        hashed = hash_password(password)
        with self.store.transaction():
            if first and self.count() != 0:
                raise NotAllowed("Another admin was created meanwhile; log in as that admin to add accounts.")
            if self.get(name) is not None:
                raise UsageError(f"There is already an account {name!r}; choose another name.")
            stamp = now()
            self.store.db.execute(
                "INSERT INTO accounts(key, name, role, password, created_at, created_by, password_changed_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)", (account_key(name), name, role.value, hashed, stamp, actor, stamp))
            self.store.log("user_add", user=actor, obj=name, role=role.value, first_admin=first)
        return self._account(name)

    def reset_password(self, name: str, password: str, *, by: str | Session) -> None:
        """An admin resets anyone's password; anyone may change their own."""
        target = self.get(name)
        if self.same_person(_name(by), name) and target is not None:
            actor = self.require(by, Action.OWN_PASSWORD, name).name
        else:
            actor = self.require(by, Action.USER_MANAGE, name).name
        if target is None:
            raise UsageError(f"There is no account {name!r}; `station user list` shows the accounts.")
        hashed = hash_password(password)
        with self.store.transaction():
            self.store.db.execute("UPDATE accounts SET password = ?, password_changed_at = ? WHERE key = ?",
                                  (hashed, now(), account_key(name)))
            self.store.log("password_reset", user=actor, obj=target.name)

    def set_active(self, name: str, active: bool, *, by: str | Session) -> None:
        """Disable an account (people leave; their entries in the audit log stay attributable)."""
        actor = self.require(by, Action.USER_MANAGE, name).name
        target = self.get(name)
        if target is None:
            raise UsageError(f"There is no account {name!r}; `station user list` shows the accounts.")
        with self.store.transaction():
            if not active and target.role is Role.ADMIN and self._active_admins() <= 1:
                raise NotAllowed("This is the last active admin; make another admin before disabling it.")
            self.store.db.execute("UPDATE accounts SET active = ? WHERE key = ?", (int(active), account_key(name)))
            self.store.log("user_enable" if active else "user_disable", user=actor, obj=target.name)

    # logging in and checking
    def authenticate(self, name: str, password: str | None, *, action: Action | str | None = None,
                     idle_seconds: float = DEFAULT_IDLE_SECONDS,
                     clock: Callable[[], float] = time.monotonic) -> Session:
        """Check the password (and, when given, the role for `action`); log the attempt either way."""
        stored = self.store.db.execute("SELECT password FROM accounts WHERE key = ?",
                                       (account_key(name),)).fetchone()
        ok = password_matches(password or "", stored["password"] if stored else _DUMMY_HASH)
        account = self.get(name)
        why = None
        if account is None:
            why = "unknown user"
        elif not password:
            why = "no password"
        elif not ok:
            why = "wrong password"
        elif not account.active:
            why = "account disabled"
        extra = {"for": Action(action).value} if action else {}
        if why is not None:
            self.store.log("login_failed", user=name, reason=why, **extra)
            if self.count() == 0:
                raise NotAllowed(_NO_ACCOUNTS)
            raise NotAllowed(f"Login as {name} failed (unknown user, wrong password or disabled account); "
                             "check the name and the password, or ask an admin to reset it.")
        assert account is not None
        self.store.log("login", user=account.name, role=account.role.value, **extra)
        if action is not None and not can(account.role, action):
            self.store.log("denied", user=account.name, wanted=Action(action).value,
                           reason=f"role {account.role.value}")
            raise NotAllowed(_role_message(account, Action(action)))
        return Session(user=account.name, role=account.role, idle_seconds=idle_seconds, clock=clock)

    def unlock(self, session: Session, password: str) -> None:
        """Open a locked session again with the same person's password."""
        stored = self.store.db.execute("SELECT password, active FROM accounts WHERE key = ?",
                                       (account_key(session.user),)).fetchone()
        if stored is None or not stored["active"] or not password_matches(password, stored["password"]):
            self.store.log("unlock_failed", user=session.user)
            raise NotAllowed(f"Wrong password for {session.user}; the station stays locked.")
        session.locked = False
        session.last_activity = session.clock()
        self.store.log("unlock", user=session.user)

    def lock(self, session: Session, *, reason: str = "idle") -> None:
        session.locked = True
        self.store.log("lock", user=session.user, reason=reason)

    def require(self, user: str | Session | None, action: Action | str, obj: str | None = None) -> Account:
        """The account acting, if it exists, is active and its role may do `action`; else NotAllowed.

        The refusal is written to the audit log. Call it before opening the transaction of the change
        it guards, so that the refusal is not rolled back with it.
        """
        action = Action(action)
        name = _name(user)
        reason = None
        account = self.get(name) if name else None
        if isinstance(user, Session) and user.locked:
            reason, message = "session locked", f"The station is locked; {name} must type the password again."
        elif not name:
            reason, message = "nobody named", f"Say who you are to {_verb(action)}: --user NAME."
        elif account is None or not account.active:
            reason = "unknown user" if account is None else "account disabled"
            message = _NO_ACCOUNTS if self.count() == 0 else (
                f"There is no active account {name!r}; an admin creates accounts with `station user add`.")
        elif not can(account.role, action):
            reason, message = f"role {account.role.value}", _role_message(account, action)
        if reason is not None:
            self.store.log("denied", user=name, obj=obj, wanted=action.value, reason=reason)
            raise NotAllowed(message)
        assert account is not None
        return account

    # helpers
    def _account(self, name: str) -> Account:
        account = self.get(name)
        assert account is not None
        return account

    def _active_admins(self) -> int:
        return int(self.store.db.execute(
            "SELECT COUNT(*) FROM accounts WHERE role = 'admin' AND active = 1").fetchone()[0])


_NO_ACCOUNTS = "There are no accounts yet; create the first admin with `station user add NAME --role admin`."


def _verb(action: Action) -> str:
    return action.value.replace("_", " ")


def _name(user: str | Session | None) -> str | None:
    if isinstance(user, Session):
        return user.user
    return user


def _role_message(account: Account, action: Action) -> str:
    roles = " or ".join(sorted(r.value for r in PERMISSIONS[action]))
    return (f"{account.name} is {_article(account.role.value)} {account.role.value}; only {_article(roles)} {roles} "
            f"may {_verb(action)}.")


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


__all__ = ["Account", "Accounts", "Action", "PERMISSIONS", "Role", "Session", "can", "hash_password",
           "password_matches"]
