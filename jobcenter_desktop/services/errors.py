"""Errors the services raise; every message is Danish and fit to show a user as it is."""

from __future__ import annotations

from dataclasses import dataclass


class ServiceError(Exception):
    """Base: a clear, user-facing Danish message."""


@dataclass(frozen=True, slots=True)
class Problem:
    field: str  # the input it concerns, e.g. "party_id", "trigger_ledigmelding"
    message: str  # Danish
    cases: tuple[str, ...] = ()  # case numbers it is about (an existing case with the same party), to link to


class ValidationError(ServiceError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(" ".join(p.message for p in problems))


class ConflictError(ServiceError):
    """Someone else changed the same case first (optimistic locking)."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message or "Sagen er ændret af en anden i mellemtiden. Den er genindlæst; "
                                    "gennemse ændringen og prøv igen.")  # fmt: skip


class Cancelled(Exception):
    """The user cancelled long work; everything it would have written was rolled back."""


class StartupError(ServiceError):
    """The app cannot start on this database or catalogue; the message says what to do."""


class PassphraseRequired(StartupError):
    """The database is encrypted: ask for the passphrase (again, if the one given was wrong)."""


class PasswordRequired(StartupError):
    """The team database wants a password for this login (none was found, or it was wrong): ask for it."""


class StoreError(ServiceError):
    """The database refused a read or write (busy, full, gone, a constraint); nothing was changed."""


class DuplicateError(StoreError):
    """A unique rule of the database refused the change (e.g. a second open case for one party and group)."""

    def __init__(self, constraint: str, message: str) -> None:
        self.constraint = constraint
        super().__init__(message)
