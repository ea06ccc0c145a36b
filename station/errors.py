"""One error tree for the whole station.

Each error carries the exit code of the command-line contract (shared/spec/cli.md) and a sentence
that tells the operator what to do, so every face (CLI, GUI) reports failures the same way.
"""

from __future__ import annotations


class StationError(Exception):
    """Base of every error the station reports to a person."""

    exit_code = 1

    def __init__(self, message: str, *, detail: object | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class UsageError(StationError):
    exit_code = 2


class BadInput(StationError):
    """An unreadable, unsupported or corrupt input: nothing is stored for it."""

    exit_code = 3


class ValidationFailed(StationError):
    """Metadata, PDF/A or signature did not pass."""

    exit_code = 4


class ScannerError(StationError):
    exit_code = 5


class NetworkError(StationError):
    exit_code = 6


class NotAllowed(StationError):
    """Role or four-eyes rule forbids the action."""

    exit_code = 7


class NotFound(UsageError):
    """A document, batch or file named on the command line does not exist."""


class Busy(StationError):
    """Another station process holds the work this one needs."""
