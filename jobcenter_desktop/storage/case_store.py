"""Cases in and out of their rows: the services load a StoredCase, change it, and save it back here. Only this
module and the repository build or change ORM rows of a case. Saving compares field by field, so an unchanged
milestone is not written, and checks the row version the case was loaded at (optimistic locking)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from jobcenter_desktop.core.models import (
    CaseRecord,
    CaseStatus,
    MilestoneRecord,
    MilestoneState,
    Party,
    PauseRecord,
    TriggerRecord,
)
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.core.stored import StoredCase, StoredMilestone, StoredPause, StoredTrigger
from jobcenter_desktop.storage.orm import (
    CaseRow,
    Caseworker,
    MilestoneRow,
    PartyRow,
    PauseRow,
    Team,
    TriggerEventRow,
    utcnow,
)

_MILESTONE_FIELDS = ("rule_id", "state", "due_on", "due_at", "provisional", "warn_on", "done_on", "done_late",
                     "catalogue_version", "calendar_fingerprint", "explanation", "done_at",
                     "exempt_reason", "notice_sent_on")  # fmt: skip
_TRIGGER_FIELDS = ("kind", "occurred_on", "occurred_at")
_PAUSE_FIELDS = ("milestone_id", "start_on", "end_on", "reason", "expected_end_on")
_CASE_FIELDS = ("status", "closed_on", "notes", "catalogue_id")


# ---------------------------------------------------------------- conversions
def search_key(name: str, identifier: str) -> str:
    return f"{name.casefold()} {re.sub(r'[^0-9]', '', identifier)}"


def party_record(row: PartyRow) -> Party:
    return Party(PartyKind(row.kind), row.name, row.identifier)


def milestone_record(row: MilestoneRow) -> MilestoneRecord:
    return MilestoneRecord(
        id=row.id, rule_id=row.rule_id, state=MilestoneState(row.state), due=row.due_on, due_at=row.due_at,
        provisional=row.provisional, done_on=row.done_on, done_late=row.done_late,
        done_at=row.done_at, exempt_reason=row.exempt_reason, notice_sent_on=row.notice_sent_on,
        catalogue_version=row.catalogue_version,
        calendar_fingerprint=row.calendar_fingerprint,
        steps=tuple(row.explanation.splitlines()) if row.explanation else (), version=row.version,
    )  # fmt: skip


def trigger_record(row: TriggerEventRow) -> TriggerRecord:
    return TriggerRecord(row.id, row.kind, row.occurred_at if row.occurred_at is not None else row.occurred_on)


def pause_record(row: PauseRow) -> PauseRecord:
    return PauseRecord(row.id, row.milestone_id, row.start_on, row.end_on, row.reason, row.expected_end_on)


def case_record(row: CaseRow) -> CaseRecord:
    return CaseRecord(
        id=row.id, number=row.number, group=row.group, party=party_record(row.party),
        caseworker=row.caseworker.username, team=row.team.name if row.team else "",
        status=CaseStatus(row.status), opened_on=row.opened_on, closed_on=row.closed_on, notes=row.notes,
        catalogue_id=row.catalogue_id, version=row.version,
        triggers=tuple(trigger_record(t) for t in row.triggers),
        milestones=tuple(milestone_record(m) for m in row.milestones),
        pauses=tuple(pause_record(p) for p in row.pauses),
    )  # fmt: skip



class StaleCase(Exception):
    """The case changed since it was loaded (a colleague's save came first)."""


class UnknownPerson(LookupError):
    """A case names a caseworker or team that has no row (the services create or check them first)."""


def _options() -> list[Any]:
    return [selectinload(CaseRow.milestones), selectinload(CaseRow.pauses), selectinload(CaseRow.triggers)]


def stored_case(row: CaseRow) -> StoredCase:
    return StoredCase(
        id=row.id, number=row.number, group=row.group, catalogue_id=row.catalogue_id, party=party_record(row.party),
        caseworker=row.caseworker.username, team=row.team.name if row.team else "", opened_on=row.opened_on,
        status=row.status, closed_on=row.closed_on, notes=row.notes, version=row.version,
        milestones=[StoredMilestone(id=m.id, **{f: getattr(m, f) for f in _MILESTONE_FIELDS}) for m in row.milestones],
        triggers=[StoredTrigger(id=t.id, **{f: getattr(t, f) for f in _TRIGGER_FIELDS}) for t in row.triggers],
        pauses=[StoredPause(id=p.id, **{f: getattr(p, f) for f in _PAUSE_FIELDS}) for p in row.pauses],
    )  # fmt: skip


def load_case(s: Session, case_id: uuid.UUID) -> StoredCase | None:
    row = s.get(CaseRow, case_id, options=_options())
    return stored_case(row) if row is not None else None


def load_cases(s: Session, ids: Sequence[uuid.UUID]) -> list[StoredCase]:
    return [stored_case(r) for r in s.scalars(select(CaseRow).where(CaseRow.id.in_(ids)).options(*_options()))]


def _copy(target: Any, source: Any, fields: Iterable[str]) -> bool:
    changed = False
    for f in fields:
        value = getattr(source, f)
        if getattr(target, f) != value:
            setattr(target, f, value)
            changed = True
    return changed


def _people(s: Session, case: StoredCase, cache: dict[str, Any] | None = None) -> tuple[Caseworker, Team | None]:
    if cache is not None and (hit := cache.get(f"{case.caseworker}\0{case.team}")) is not None:
        return hit  # type: ignore[no-any-return]
    worker = s.scalar(select(Caseworker).where(Caseworker.username == case.caseworker))
    if worker is None:
        raise UnknownPerson(f"Sagsbehandleren {case.caseworker!r} findes ikke.")
    team = s.scalar(select(Team).where(Team.name == case.team)) if case.team else None
    if case.team and team is None:
        raise UnknownPerson(f"Teamet {case.team!r} findes ikke.")
    if cache is not None:
        cache[f"{case.caseworker}\0{case.team}"] = (worker, team)
    return worker, team


def save_case(s: Session, case: StoredCase) -> CaseRecord:
    """Write what changed; the case's version goes up (a colleague holding the old one gets a conflict)."""
    row = s.get(CaseRow, case.id, options=_options())
    if row is None:
        raise LookupError("Sagen findes ikke (den kan være slettet af en anden).")
    if row.version != case.version:
        raise StaleCase()
    changed = _copy(row, case, _CASE_FIELDS)
    p = case.party
    if (row.party.name, row.party.identifier) != (p.name, p.identifier):  # a correction (services/corrections)
        row.party.name, row.party.identifier = p.name, p.identifier
        row.party.search_key = search_key(p.name, p.identifier)
        row.party_key = p.identifier  # the one-open-case-per-party index refuses a clash
        changed = True
    if row.caseworker.username != case.caseworker or (row.team.name if row.team else "") != case.team:
        row.caseworker, row.team = _people(s, case)
        changed = True
    changed |= _merge_children(row.milestones, case.milestones, MilestoneRow, _MILESTONE_FIELDS)
    changed |= _merge_children(row.triggers, case.triggers, TriggerEventRow, _TRIGGER_FIELDS)
    changed |= _merge_children(row.pauses, case.pauses, PauseRow, _PAUSE_FIELDS)
    if changed:
        row.updated_at = utcnow()  # the version goes up even when only a child row changed
    try:
        s.flush()
    except StaleDataError as e:  # the UPDATE ... WHERE version = loaded found the row changed meanwhile
        raise StaleCase() from e
    case.version = row.version
    return case_record(row)


def _merge_children(rows: list[Any], stored: Sequence[Any], cls: type, fields: tuple[str, ...]) -> bool:
    """Children are never removed by the app (a pause ends, a milestone lapses): update in place, add the new.
    True when anything changed."""
    by_id = {r.id: r for r in rows}
    changed = False
    for item in stored:
        existing = by_id.get(item.id)
        if existing is None:
            rows.append(cls(id=item.id, **{f: getattr(item, f) for f in fields}))
            changed = True
        else:
            changed |= _copy(existing, item, fields)
    return changed


def party_row(p: Party) -> PartyRow:
    key = search_key(p.name, p.identifier)
    return PartyRow(kind=p.kind.value, name=p.name, identifier=p.identifier, search_key=key)


def insert_case(s: Session, case: StoredCase, *, flush: bool = True, people: dict[str, Any] | None = None) -> None:
    """A new case with its party, triggers, milestones and pauses (the ids are the StoredCase's). ``people``:
    a cache of caseworker and team rows for many inserts in one session (the demo's 100,000)."""
    worker, team = _people(s, case, people)
    p = case.party
    party = party_row(p)
    row = CaseRow(id=case.id, number=case.number, group=case.group, catalogue_id=case.catalogue_id, party=party,
                  party_key=p.identifier, caseworker=worker, team=team, status=case.status,
                  opened_on=case.opened_on, closed_on=case.closed_on, notes=case.notes)  # fmt: skip
    s.add(row)
    _merge_children(row.triggers, case.triggers, TriggerEventRow, _TRIGGER_FIELDS)
    _merge_children(row.milestones, case.milestones, MilestoneRow, _MILESTONE_FIELDS)
    _merge_children(row.pauses, case.pauses, PauseRow, _PAUSE_FIELDS)
    if flush:
        s.flush()
        case.version = row.version
