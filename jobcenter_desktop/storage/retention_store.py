"""Retention: the closed cases past the municipality's retention period, and blanking their personal data in one
transaction. What the figures need stays (group, dates, milestones with their due and done days, caseworker,
team, pause dates); what names or describes a person goes: the party's name and CPR/CVR, the notes, pause and
exemption reasons, the "why this date" steps (they quote pause reasons) and the free text of the cases' audit
entries and check-in conflicts.

The audit log is append-only for every role on the team database: its values are blanked by the definer-rights
function ``frister_retention_blank`` (storage/server_admin.py), which only an admin may call. On a file this module
blanks them itself; wiping what SQLite keeps in free pages and the WAL is the file's (Database.wipe_free_space)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, func, literal, or_, select, text, update
from sqlalchemy.orm import Session

from jobcenter_desktop.core.models import CaseStatus
from jobcenter_desktop.storage.orm import (
    AuditRow,
    CaseRow,
    CheckinAppliedRow,
    ConflictRow,
    MilestoneRow,
    PartyRow,
    PauseRow,
)

DELETED = "[slettet]"
GONE_JSON = '"[slettet]"'  # a conflict's values are JSON
CHUNK = 900  # SQLite's bound-parameter limit, with room


@dataclass(frozen=True, slots=True)
class Candidate:
    case_id: uuid.UUID
    group: str
    closed_on: date


def candidates(s: Session, closed_before: date, *, lock: bool = False) -> list[Candidate]:
    """Closed cases closed before ``closed_before`` whose personal data is still there (never an open case).
    ``lock``: their rows stay locked to the end of the transaction (PostgreSQL), so a colleague's reopen waits."""
    q = (select(CaseRow.id, CaseRow.group, CaseRow.closed_on).join(PartyRow, CaseRow.party_id == PartyRow.id)
         .where(CaseRow.status == CaseStatus.CLOSED.value, CaseRow.closed_on < closed_before,
                PartyRow.name != DELETED)
         .order_by(CaseRow.closed_on, CaseRow.number))  # fmt: skip
    if lock:
        q = q.with_for_update(of=CaseRow)
    return [Candidate(i, g, d) for i, g, d in s.execute(q) if d is not None]


def blank(s: Session, ids: Sequence[uuid.UUID], closed_before: date) -> int:
    """Blank the personal data of these cases closed before ``closed_before`` (locked by ``candidates``);
    returns the number of audit entries blanked."""
    sqlite = s.get_bind().dialect.name == "sqlite"
    entries = 0
    if not sqlite and ids:  # first: refused for anyone but an admin, before anything else is changed
        entries = int(s.execute(text("SELECT frister_retention_blank(:ids, :cutoff)").bindparams(
            bindparam("ids", value=list(ids)), bindparam("cutoff", value=closed_before))).scalar_one())  # fmt: skip
    for start in range(0, len(ids), CHUNK):
        part = list(ids[start : start + CHUNK])
        parties = select(CaseRow.party_id).where(CaseRow.id.in_(part)).scalar_subquery()
        s.execute(update(PartyRow).where(PartyRow.id.in_(parties)).values(name=DELETED, identifier="",
                                                                           search_key=""))  # fmt: skip
        s.execute(update(CaseRow).where(CaseRow.id.in_(part))
                  .values(notes="", party_key=literal(DELETED + "#") + CaseRow.number))  # fmt: skip
        s.execute(update(PauseRow).where(PauseRow.case_id.in_(part), PauseRow.reason != "").values(reason=DELETED))
        s.execute(update(MilestoneRow).where(MilestoneRow.case_id.in_(part)).values(explanation=""))
        s.execute(update(MilestoneRow).where(MilestoneRow.case_id.in_(part), MilestoneRow.exempt_reason != "")
                  .values(exempt_reason=DELETED))  # fmt: skip
        if sqlite:
            touched = or_(AuditRow.before != "", AuditRow.after != "", AuditRow.reason != "")
            entries += s.scalar(select(func.count()).select_from(AuditRow)
                                .where(AuditRow.case_id.in_(part), touched)) or 0  # fmt: skip
            for col in (AuditRow.before, AuditRow.after, AuditRow.reason):
                s.execute(update(AuditRow).where(AuditRow.case_id.in_(part), col != "").values({col: DELETED}))
            s.execute(update(ConflictRow).where(ConflictRow.case_id.in_(part))
                      .values(base=GONE_JSON, server=GONE_JSON, laptop=GONE_JSON, resolution=""))  # fmt: skip
            s.execute(update(CheckinAppliedRow).where(CheckinAppliedRow.case_id.in_(part)).values(snapshot=""))
    return entries
