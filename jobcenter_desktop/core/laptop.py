"""What the check-out and check-in of laptop copies hand around: check-out records, conflicts, reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

# Settings of a laptop's own file (what it is a copy of, whose, and which batch its changes are).
LAPTOP_LOGIN = "laptop.login"
LAPTOP_DEVICE = "laptop.device"
LAPTOP_SERVER = "laptop.server"
LAPTOP_BATCH = "laptop.batch"
LAPTOP_FETCHED = "laptop.fetched_at"  # ISO time (UTC) of the check-out
LAPTOP_NUMBERS = "laptop.numbers"  # JSON {provisional: server number} after a check-in
LAPTOP_SETTINGS = (LAPTOP_LOGIN, LAPTOP_DEVICE, LAPTOP_SERVER, LAPTOP_BATCH, LAPTOP_FETCHED, LAPTOP_NUMBERS)


def provisional_number(device: str, n: int) -> str:
    """A case number made on a laptop: cannot clash with the server's (2026-00042) or another laptop's."""
    return f"L-{device}-{n:04d}"


@dataclass(frozen=True)
class Checkout:
    id: UUID
    batch_id: UUID
    case_id: UUID
    case_number: str
    login: str
    device: str
    base_version: int
    checked_out_at: datetime
    ended_at: datetime | None = None
    ended_by: str = ""
    end_reason: str = ""  # checkin | released | lost


@dataclass(frozen=True)
class Conflict:
    id: UUID
    batch_id: UUID
    case_id: UUID
    case_number: str
    login: str
    device: str
    record: str
    record_key: str
    field: str
    base: str  # JSON values (core.merge.encode)
    server: str
    laptop: str
    server_by: str
    server_at: datetime | None
    created_at: datetime
    resolved_at: datetime | None = None
    resolved_by: str = ""
    resolution: str = ""


@dataclass
class CheckinReport:
    cases: int = 0  # cases the laptop had
    applied: int = 0  # cases whose changes were applied in this run
    skipped: int = 0  # already applied by an earlier (interrupted) run
    changes: int = 0  # fields and records taken from the laptop
    conflicts: int = 0
    audit_entries: int = 0  # the laptop's entries appended to the server's log
    numbers: dict[str, str] = field(default_factory=dict)  # provisional -> server case number
