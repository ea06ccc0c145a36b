"""Secrets the station keeps outside its database and settings (cli.md): the OS keyring, or, for
unattended runs (services, tests) with no keyring, an environment variable. One place for the
PKCS#12 passphrase (station.signing) and the archive token (station.sync)."""

from __future__ import annotations

import os

from station.errors import StationError


def read_secret(env: str, service: str, user: str) -> str | None:
    """The environment first (unattended runs), then the OS keyring; None when neither holds it."""
    value = os.environ.get(env)
    if value:
        return value
    import keyring
    import keyring.errors

    try:
        return keyring.get_password(service, user)
    except keyring.errors.KeyringError:
        return None


def keep_secret(env: str, service: str, user: str, value: str, what: str) -> None:
    """Into the OS keyring; without one, accepted only when the environment already holds it."""
    import keyring
    import keyring.errors

    try:
        keyring.set_password(service, user, value)
    except keyring.errors.KeyringError as exc:
        if os.environ.get(env) == value:
            return  # an unattended station without a keyring: the environment keeps it
        raise StationError(f"The OS keyring cannot keep {what} ({exc.__class__.__name__}); start the desktop's "
                           f"keyring service, or set {env} in the environment of unattended runs.") from exc


def forget_secret(service: str, user: str) -> bool:
    """Remove it from the OS keyring; False when there is no keyring or it held none."""
    import keyring
    import keyring.errors

    try:
        keyring.delete_password(service, user)
    except keyring.errors.KeyringError:  # PasswordDeleteError (none kept) and NoKeyringError alike
        return False
    return True
