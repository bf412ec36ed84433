"""What the case window shows, read in one transaction: the case, each milestone's state for today, the
history, the notes as a dated log, and any laptop check-out (before: three reads, each its own transaction,
which could even disagree with each other while a colleague saved)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from jobcenter_desktop.core.laptop import Checkout
from jobcenter_desktop.core.models import AuditEntry, CaseRecord, DeadlineFilter
from jobcenter_desktop.core.notice import NoticeState
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.deadlines import DeadlineService
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.services.history import HistoryLine, history
from jobcenter_desktop.storage.laptop_store import LaptopStore
from jobcenter_desktop.storage.repository import NotFoundError, Repository


@dataclass(frozen=True, slots=True)
class NoteLine:
    at: datetime  # local time
    author: str
    text: str


@dataclass(frozen=True, slots=True)
class CaseView:
    case: CaseRecord
    states: Mapping[uuid.UUID, Urgency]
    history: tuple[HistoryLine, ...]
    notes: tuple[NoteLine, ...]  # newest first
    checkouts: tuple[Checkout, ...]
    notices: Mapping[uuid.UUID, NoticeState] = field(default_factory=dict)  # underretning due, missed or sent


def notes_log(entries: list[AuditEntry], case: CaseRecord) -> list[NoteLine]:
    """Each note as written (the case keeps the newest; the audit log keeps every one, with who and when),
    newest first. A note given when the case was made counts from the case's creation."""
    notes = [e for e in entries if e.entity == "case" and e.field == "notes"]
    created = next((e for e in entries if e.action in ("create", "import") and e.entity == "case"), None)
    first = notes[0].before if notes else case.notes
    out = []
    if first.strip():
        at, who = (created.at, created.actor) if created else (entries[0].at if entries else datetime.now(), "")
        out.append(NoteLine(at.astimezone(), who, first))
    out += [NoteLine(e.at.astimezone(), e.actor, e.after) for e in notes if e.after.strip()]
    return out[::-1]


def case_view(ctx: Context, case_id: uuid.UUID, today: date, now: datetime | None = None) -> CaseView:
    deadlines = DeadlineService(ctx)
    try:
        with ctx.read() as s:
            repo = Repository(s)
            case = repo.case(case_id)
            rows = repo.deadline_rows(DeadlineFilter(case_id=case_id, include_done=True))
            entries = repo.audit_entries(case_id)
            outs = LaptopStore(s).checkouts(case_ids=[case_id]) if ctx.server is not None else []
    except NotFoundError as e:
        raise ServiceError(str(e)) from e
    classified = deadlines.classify(rows, today, now)
    states = {r.milestone_id: r.urgency for r in classified}
    notices = {r.milestone_id: r.notice for r in classified if r.notice is not None}
    return CaseView(case, states, tuple(history(entries, ctx.catalogue)), tuple(notes_log(entries, case)),
                    tuple(outs), notices)  # fmt: skip
