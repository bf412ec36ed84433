"""Plain records handed between layers. Storage turns ORM rows into these; UI and export never see ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from uuid import UUID

from jobcenter_desktop.core.notice import NoticeState
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.core.urgency import Urgency


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class MilestoneState(StrEnum):
    OPEN = "open"
    DONE = "done"
    NOT_APPLICABLE = "not_applicable"
    EXEMPT = "exempt"  # fritaget: left out of the worklists, counted apart in the figures; keeps its due date


@dataclass(frozen=True, slots=True)
class Party:
    kind: PartyKind
    name: str
    identifier: str  # normalised CPR (DDMMYY-NNNN) or CVR (8 digits); sensitive for citizens


@dataclass(frozen=True, slots=True)
class TriggerRecord:
    id: UUID
    kind: str
    occurred: date | datetime


@dataclass(frozen=True, slots=True)
class PauseRecord:
    id: UUID
    milestone_id: UUID | None  # None: the whole case is paused
    start: date
    end: date | None
    reason: str
    expected_end: date | None = None  # when it should end (a reminder; only the resume moves deadlines)


@dataclass(frozen=True, slots=True)
class MilestoneRecord:
    id: UUID
    rule_id: str
    state: MilestoneState
    due: date | None
    due_at: datetime | None
    provisional: bool
    done_on: date | None
    done_late: bool
    catalogue_version: str
    calendar_fingerprint: str
    steps: tuple[str, ...]
    version: int
    done_at: datetime | None = None
    exempt_reason: str = ""
    notice_sent_on: date | None = None  # the first underretning about a decision (rsl. § 3, stk. 2)


@dataclass(frozen=True, slots=True)
class CaseRecord:
    id: UUID
    number: str
    group: str
    party: Party
    caseworker: str
    team: str
    status: CaseStatus
    opened_on: date
    closed_on: date | None
    notes: str
    catalogue_id: str
    version: int
    triggers: tuple[TriggerRecord, ...] = ()
    milestones: tuple[MilestoneRecord, ...] = ()
    pauses: tuple[PauseRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One row of the case register."""

    id: UUID
    number: str
    group: str
    party: Party
    caseworker: str
    team: str
    status: CaseStatus
    opened_on: date
    open_milestones: int
    next_due: date | None
    version: int = 0  # the case's row version when listed: a change from the register is checked against it


@dataclass(frozen=True, slots=True)
class DeadlineRow:
    """One open (or recently finished) milestone with its case context: a worklist/calendar row."""

    milestone_id: UUID
    case_id: UUID
    case_number: str
    rule_id: str
    group: str
    party: Party
    caseworker: str
    team: str
    state: MilestoneState
    due: date | None
    due_at: datetime | None
    provisional: bool
    done_on: date | None
    paused: bool
    notes: str = ""
    warn_from: date | None = None
    conflict: bool = False  # an undecided check-in conflict on the case
    version: int = 0  # the case's version when read: a batch from the worklist acts on what was seen
    paused_since: date | None = None  # the open pause of the case or milestone (also when it does not hold it)
    pause_reason: str = ""
    pause_expected_end: date | None = None
    pause_past_expected_end: bool = False  # filled in by the services for "today": a reminder to resume
    done_late: bool = False  # decided when it was done (to the minute for hours deadlines)
    notice_sent_on: date | None = None
    # Filled in by the services layer for a given "today":
    urgency: Urgency = Urgency.LATER
    notice: NoticeState | None = None  # decisions and promised dates: underretning due, missed or sent
    working_days_left: int | None = None
    milestone_name: str = ""
    group_name: str = ""


@dataclass(frozen=True, slots=True)
class DayCount:
    """How many milestones share a due day and everything their urgency depends on (a calendar cell's input)."""

    due: date
    due_at: datetime | None
    rule_id: str
    state: MilestoneState
    provisional: bool
    warn_from: date | None
    done_late: bool
    paused: bool
    count: int


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: UUID
    at: datetime
    actor: str
    entity: str
    entity_id: str
    action: str
    field: str
    before: str
    after: str
    reason: str
    case_id: UUID | None = None
    device: str = ""  # made on this laptop, at its clock's time below ("at" is when it reached this database)
    device_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class DeadlineFilter:
    caseworker: str | None = None
    team: str | None = None
    group: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""  # name, case number or CPR/CVR digits
    include_done: bool = False
    case_id: UUID | None = None
    limit: int | None = None
    states: frozenset[Urgency] = field(default_factory=frozenset)
    # Only these cases' rows (under every other condition): a view reloading what a change touched.
    case_ids: frozenset[UUID] | None = None
    rule_ids: frozenset[str] | None = None  # only these milestones (the decisions a calendar marks)
