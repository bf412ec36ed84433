"""Repositories: the only code that touches ORM rows. They take a Session (the services layer owns the
transaction) and hand plain core records upward, never live ORM rows."""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, case, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from jobcenter_desktop.core.laptop import LAPTOP_DEVICE, provisional_number
from jobcenter_desktop.core.models import (
    AuditEntry,
    CaseRecord,
    CaseStatus,
    CaseSummary,
    DayCount,
    DeadlineFilter,
    DeadlineRow,
    MilestoneState,
    Party,
)
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.core.stored import StoredCase
from jobcenter_desktop.storage import case_store
from jobcenter_desktop.storage.case_store import StaleCase as StaleCase  # raised by save_case
from jobcenter_desktop.storage.case_store import case_record
from jobcenter_desktop.storage.orm import OPEN_CASE_INDEX as OPEN_CASE_INDEX  # the services map its violation
from jobcenter_desktop.storage.orm import (
    AuditRow,
    CaseRow,
    Caseworker,
    ClosureDay,
    ConflictRow,
    Counter,
    Membership,
    MilestoneRow,
    PartyRow,
    PauseRow,
    Setting,
    Team,
    utcnow,
)
from jobcenter_desktop.storage.sql import insert_if_absent, minute_of_day, plain_rows, raw_id, upsert

_Sel = TypeVar("_Sel", bound="Select[*tuple[Any, ...]]")


class NotFoundError(LookupError):
    """No such case/milestone (Danish message)."""


def audit_record(row: AuditRow) -> AuditEntry:
    return AuditEntry(row.id, row.at, row.actor, row.entity, row.entity_id, row.action, row.field,
                      row.before, row.after, row.reason, row.case_id, row.device, row.device_at)  # fmt: skip


class Repository:
    def __init__(self, session: Session) -> None:
        self.s = session

    @property
    def _sqlite(self) -> bool:
        return self.s.get_bind().dialect.name == "sqlite"

    # ------------------------------------------------------------ people
    # Get-or-create goes through INSERT ... ON CONFLICT DO NOTHING and a read-back: two writers creating the
    # same caseworker or team at once both end with the one row the unique constraint allows, instead of one
    # of them failing (or, without the constraint, a duplicate).
    def team(self, name: str) -> str | None:
        """The team's name, the team created on first use; None for no name."""
        name = name.strip()
        if not name:
            return None
        if self.find_team(name) is None:
            insert_if_absent(self.s, Team, {"name": name}, ["name"])
        return name

    def find_team(self, name: str) -> str | None:
        return self.s.scalar(select(Team.name).where(Team.name == name.strip()))

    def find_caseworker(self, username: str) -> tuple[str, str] | None:
        """(user name, team name or "") of an existing caseworker."""
        row = self.s.execute(select(Caseworker.username, Team.name).outerjoin(Team, Caseworker.team_id == Team.id)
                             .where(Caseworker.username == username.strip())).first()  # fmt: skip
        return (row[0], row[1] or "") if row is not None else None

    def caseworker(self, username: str, team: str | None = None) -> tuple[str, str]:
        """The caseworker with this user name, created on first use (with ``team``). An existing caseworker's
        team is left as it is: changing it is the caller's audited decision (:meth:`set_team`)."""
        username = username.strip()
        found = self.find_caseworker(username)
        if found is None:
            team_name = self.team(team or "")
            team_id = self.s.scalar(select(Team.id).where(Team.name == team_name)) if team_name else None
            insert_if_absent(self.s, Caseworker, {"username": username, "team_id": team_id}, ["username"])
            found = self.find_caseworker(username)
            assert found is not None
        return found

    def set_team(self, username: str, team: str) -> None:
        worker = self.s.scalars(select(Caseworker).where(Caseworker.username == username)).one()
        name = self.team(team)
        worker.team = self.s.scalar(select(Team).where(Team.name == name)) if name else None

    def caseworkers(self) -> list[tuple[str, str]]:
        rows = self.s.execute(select(Caseworker.username, Team.name).outerjoin(Team, Caseworker.team_id == Team.id))
        return sorted((u, t or "") for u, t in rows)

    def teams_of(self, login: str) -> list[str]:
        """The teams a login of the team database belongs to (empty for a file)."""
        q = select(Team.name).join(Membership, Membership.team_id == Team.id).where(Membership.login == login)
        return sorted(self.s.scalars(q))

    def teams(self) -> list[str]:
        return sorted(self.s.scalars(select(Team.name)))

    # ------------------------------------------------------------ cases
    def next_number(self, year: int) -> str:
        """Case numbers per year (2026-00042). The increment is one UPDATE on the counter row, which locks it
        until the caller's transaction ends (on SQLite the whole file is locked already): concurrent adds get
        distinct numbers on both databases."""
        name = f"case-{year}"
        if not self._sqlite:  # logins may not write the counter themselves
            value = self.s.execute(select(func.frister_next_number(name))).scalar_one()
            return f"{year}-{value:05d}"
        device = self.setting(LAPTOP_DEVICE)  # a laptop's copy: provisional numbers, replaced at check-in
        if device:
            name = "laptop"
        insert_if_absent(self.s, Counter, {"name": name, "value": 0}, ["name"])
        self.s.execute(update(Counter).where(Counter.name == name).values(value=Counter.value + 1))
        value = self.s.scalars(select(Counter.value).where(Counter.name == name)).one()
        return provisional_number(device, value) if device else f"{year}-{value:05d}"

    def load_case(self, case_id: uuid.UUID) -> StoredCase:
        found = case_store.load_case(self.s, case_id)
        if found is None:
            raise NotFoundError("Sagen findes ikke (den kan være slettet af en anden).")
        return found

    def case(self, case_id: uuid.UUID) -> CaseRecord:
        row = self.s.get(CaseRow, case_id, options=[selectinload(CaseRow.milestones), selectinload(CaseRow.pauses),
                                                    selectinload(CaseRow.triggers)])  # fmt: skip
        if row is None:
            raise NotFoundError("Sagen findes ikke (den kan være slettet af en anden).")
        return case_record(row)

    def save_case(self, case: StoredCase) -> CaseRecord:
        """Raises case_store.StaleCase when the case changed since it was loaded."""
        try:
            return case_store.save_case(self.s, case)
        except LookupError as e:
            raise NotFoundError(str(e)) from e

    def insert_case(self, case: StoredCase, *, flush: bool = True, people: dict[str, Any] | None = None) -> None:
        case_store.insert_case(self.s, case, flush=flush, people=people)

    def load_cases(self, ids: Sequence[uuid.UUID]) -> list[StoredCase]:
        return case_store.load_cases(self.s, ids)

    def count_cases(self) -> int:
        return int(self.s.scalar(select(func.count()).select_from(CaseRow)) or 0)

    def case_id_by_number(self, number: str) -> uuid.UUID:
        found = self.s.scalar(select(CaseRow.id).where(CaseRow.number == number.strip()))
        if found is None:
            raise NotFoundError(f"Der er ingen sag med nummeret {number.strip()!r}.")
        return found

    def milestone_case_id(self, milestone_id: uuid.UUID) -> uuid.UUID:
        found = self.s.scalar(select(MilestoneRow.case_id).where(MilestoneRow.id == milestone_id))
        if found is None:
            raise NotFoundError("Milepælen findes ikke.")
        return found

    def open_duplicates(self, group: str, identifier: str) -> list[str]:
        """Numbers of open cases of the same group for the same party (CPR/CVR)."""
        q = (select(CaseRow.number).join(PartyRow, CaseRow.party_id == PartyRow.id)
             .where(CaseRow.group == group, CaseRow.status == CaseStatus.OPEN.value,
                    PartyRow.identifier == identifier))  # fmt: skip
        return list(self.s.scalars(q))

    def open_party_keys(self) -> set[tuple[str, str]]:
        """(group, CPR/CVR) of every open case: what the one-open-case index already holds."""
        q = select(CaseRow.group, CaseRow.party_key).where(CaseRow.status == CaseStatus.OPEN.value)
        return {(g, k) for g, k in self.s.execute(q)}

    def list_cases(
        self, *, text: str = "", status: CaseStatus | None = None, caseworker: str | None = None,
        team: str | None = None, limit: int | None = None, newest_first: bool = False,
    ) -> list[CaseSummary]:  # fmt: skip
        # Plain columns, not ORM entities, and open-milestone counts only for the page of cases shown:
        # aggregating every milestone for each keystroke in a 100k-case register would be the slow part.
        q = (select(CaseRow.id, CaseRow.number, CaseRow.group, PartyRow.kind, PartyRow.name, PartyRow.identifier,
                    Caseworker.username, Team.name, CaseRow.status, CaseRow.opened_on, CaseRow.version)
             .join(PartyRow, CaseRow.party_id == PartyRow.id)
             .join(Caseworker, CaseRow.caseworker_id == Caseworker.id)
             .outerjoin(Team, CaseRow.team_id == Team.id))  # fmt: skip
        if status is not None:
            q = q.where(CaseRow.status == status.value)
        if caseworker:
            q = q.where(Caseworker.username == caseworker)
        if team:
            q = q.where(Team.name == team)
        q = _text_filter(q, text).order_by(CaseRow.number.desc() if newest_first else CaseRow.number)
        if limit:
            q = q.limit(limit)
        rows = self.s.execute(q).all()
        counts: dict[uuid.UUID, tuple[int, date | None]] = {}
        ids = [r[0] for r in rows]
        for start in range(0, len(ids), 900):  # stay under SQLite's bound-parameter limit
            agg = (select(MilestoneRow.case_id, func.count(), func.min(MilestoneRow.due_on))
                   .where(MilestoneRow.case_id.in_(ids[start : start + 900]),
                          MilestoneRow.state == MilestoneState.OPEN.value, MilestoneRow.due_on.is_not(None))
                   .group_by(MilestoneRow.case_id))  # fmt: skip
            for cid, n, nd in self.s.execute(agg):
                counts[cid] = (n, nd)
        out = []
        for cid, number, group, kind, name, ident, user, team_name, st, opened, version in rows:
            n, nd = counts.get(cid, (0, None))
            out.append(CaseSummary(cid, number, group, Party(PartyKind(kind), name, ident), user, team_name or "",
                                   CaseStatus(st), opened, n, nd, version))  # fmt: skip
        return out

    # ------------------------------------------------------------ deadlines
    def deadline_rows(self, f: DeadlineFilter) -> list[DeadlineRow]:
        """Milestones with their case context, due date order. Urgency is left for the services layer.

        Read as the driver's plain tuples and converted here (storage.sql.plain_rows): at 100k cases the "Alle"
        list is 65,000 rows, and SQLAlchemy's per-value processing cost more than the query."""
        q = (select(MilestoneRow.id, MilestoneRow.case_id, CaseRow.number, MilestoneRow.rule_id, CaseRow.group,
                    PartyRow.kind, PartyRow.name, PartyRow.identifier, Caseworker.username, Team.name,
                    MilestoneRow.state, MilestoneRow.due_on, MilestoneRow.due_at, MilestoneRow.provisional,
                    MilestoneRow.done_on, CaseRow.notes, MilestoneRow.warn_on, CaseRow.version, MilestoneRow.done_late,
                    MilestoneRow.notice_sent_on)
             .join(CaseRow, MilestoneRow.case_id == CaseRow.id)
             .join(PartyRow, CaseRow.party_id == PartyRow.id)
             .join(Caseworker, CaseRow.caseworker_id == Caseworker.id)
             .outerjoin(Team, CaseRow.team_id == Team.id)
             .where(MilestoneRow.due_on.is_not(None)))  # fmt: skip
        q = _scope(q, f, self._sqlite)
        # The worklist's own order (ui.models, due column: no time of day counts as midnight) on both
        # databases (they put NULLs at opposite ends), the rule breaking the last tie: a first page (limit) is
        # then exactly the start of the whole list.
        q = q.order_by(MilestoneRow.due_on, func.coalesce(minute_of_day(MilestoneRow.due_at), 0), CaseRow.number,
                       MilestoneRow.rule_id)  # fmt: skip
        if f.limit:
            q = q.limit(f.limit)
        uid, day, stamp = _plain_converters(self._sqlite)
        paused_cases, paused_milestones = self._open_pauses_by_raw_id(day)
        in_conflict = set(self.s.scalars(select(ConflictRow.case_id).where(ConflictRow.resolved_at.is_(None))))
        states = {s.value: s for s in MilestoneState}
        kinds = {k.value: k for k in PartyKind}
        case_ids: dict[object, uuid.UUID] = {}  # a case's id once for all its rows
        out = []
        for (mid, cid, number, rule_id, group, kind, name, ident, user, team, state, due, due_at, prov, done,
             notes, warn, version, late, notice) in plain_rows(self.s, q):  # fmt: skip
            pause = paused_milestones.get(mid) or paused_cases.get(cid)
            mid = uid(mid)
            if (case_id := case_ids.get(cid)) is None:
                case_id = case_ids[cid] = uid(cid)
            due = day(due)
            # A deadline already passed when the pause began is not held by it: it stays overdue.
            held = pause is not None and due is not None and pause[0] <= due
            out.append(DeadlineRow(
                milestone_id=mid, case_id=case_id, case_number=number, rule_id=rule_id, group=group,
                party=Party(kinds[kind], name, ident), caseworker=user, team=team or "",
                state=states[state], due=due, due_at=stamp(due_at), provisional=bool(prov), done_on=day(done),
                paused=held, notes=notes, warn_from=day(warn), conflict=case_id in in_conflict, version=version,
                paused_since=pause[0] if pause else None, pause_reason=pause[1] if pause else "",
                pause_expected_end=pause[2] if pause else None, done_late=bool(late),
                notice_sent_on=day(notice),
            ))  # fmt: skip
        return out

    def deadline_day_counts(self, f: DeadlineFilter) -> list[DayCount]:
        """The milestones ``deadline_rows(f)`` would return, counted per due day and per everything urgency
        depends on, without a row per milestone. The GROUP BY follows the covering index ix_milestone_calendar
        column by column, so SQLite streams it without sorting; done-late and paused milestones are counted
        alongside (paused by a second, narrower count) rather than split into more groups."""
        m = MilestoneRow
        keys = (m.state, m.due_on, m.due_at, m.rule_id, m.provisional, m.warn_on)
        late = func.sum(case((m.done_on > m.due_on, 1), else_=0))
        q = _scope(select(*keys, func.count(), late).where(m.due_on.is_not(None)), f, self._sqlite).group_by(*keys)
        # Held by an open pause that began on or before the due day (as deadline_rows decides it): the case's
        # own or the milestone's, in one EXISTS through ix_pause_case_id (pause.milestone_id has no index: an
        # EXISTS on it alone made SQLite scan every pause once per milestone, 20 s for a year of "Alle").
        held = select(PauseRow.id).where(
            PauseRow.case_id == m.case_id, PauseRow.end_on.is_(None), PauseRow.start_on <= m.due_on,
            or_(PauseRow.milestone_id.is_(None), PauseRow.milestone_id == m.id))  # fmt: skip
        q_paused = _scope(select(*keys, func.count()).where(m.due_on.is_not(None)), f, self._sqlite).where(
            held.exists()).group_by(*keys)
        paused = {tuple(row[:6]): row[6] for row in self.s.execute(q_paused)}
        out = []
        for state_s, due, due_at, rule_id, prov, warn, n, n_late in self.s.execute(q):
            assert due is not None  # filtered above
            state = MilestoneState(state_s)
            if state is MilestoneState.DONE:  # on time or late; a pause no longer matters
                parts = [(True, False, int(n_late or 0)), (False, False, n - int(n_late or 0))]
            elif state is MilestoneState.OPEN:
                n_paused = paused.get((state_s, due, due_at, rule_id, prov, warn), 0)
                parts = [(False, True, n_paused), (False, False, n - n_paused)]
            else:
                parts = [(False, False, n)]
            for is_late, is_paused, k in parts:
                if k:
                    out.append(DayCount(due, due_at, rule_id, state, bool(prov), warn, is_late, is_paused, k))
        return out

    def _open_pauses_by_raw_id(self, day: Callable[[Any], Any]) -> tuple[dict[Any, OpenPause], dict[Any, OpenPause]]:
        """The open pauses (start, reason, expected end): of whole cases by case id, of milestones by id, keyed
        by the ids as the driver hands them back (deadline_rows looks them up before converting its own ids:
        every open pause is read, ~3,000 at 100k cases, for a list of maybe a hundred rows)."""
        q = (select(raw_id(PauseRow.case_id), raw_id(PauseRow.milestone_id), PauseRow.start_on, PauseRow.reason,
                    PauseRow.expected_end_on)
             .where(PauseRow.end_on.is_(None)).order_by(PauseRow.start_on))  # fmt: skip
        cases: dict[Any, OpenPause] = {}
        milestones: dict[Any, OpenPause] = {}
        for cid, mid, start, reason, expected in plain_rows(self.s, q):
            if mid is None:
                cases.setdefault(cid, (day(start), reason, day(expected)))
            else:
                milestones.setdefault(mid, (day(start), reason, day(expected)))
        return cases, milestones

    def unnotified_days(self, f: DeadlineFilter) -> list[tuple[date, str, bool]]:
        """(due day, rule id, held by a pause) of the open milestones ``f`` selects that have no underretning
        yet: the calendar's envelopes. Milestone columns only (the case's context is not needed)."""
        m = MilestoneRow
        q = _scope(select(raw_id(m.id), raw_id(m.case_id), m.due_on, m.rule_id)
                   .where(m.due_on.is_not(None), m.notice_sent_on.is_(None), m.state == MilestoneState.OPEN.value),
                   f, self._sqlite)  # fmt: skip
        _, day, _ = _plain_converters(self._sqlite)
        paused_cases, paused_milestones = self._open_pauses_by_raw_id(day)
        out = []
        for mid, cid, due, rule_id in plain_rows(self.s, q):
            due = day(due)
            pause = paused_milestones.get(mid) or paused_cases.get(cid)
            out.append((due, rule_id, pause is not None and pause[0] <= due))
        return out

    def case_ids_of_party(self, identifier: str) -> list[uuid.UUID]:
        """Every case of the party with this (normalised) CPR or CVR number, in case-number order: what a
        citizen's access report (indsigt) covers. On the team database row-level security decides which."""
        q = (select(CaseRow.id).join(PartyRow, CaseRow.party_id == PartyRow.id)
             .where(PartyRow.identifier == identifier).order_by(CaseRow.number))  # fmt: skip
        return list(self.s.scalars(q))

    def open_case_ids(self) -> list[uuid.UUID]:
        """Cases with at least one open milestone (the ones a recompute looks at)."""
        q = (select(MilestoneRow.case_id).where(MilestoneRow.state == MilestoneState.OPEN.value)
             .join(CaseRow, MilestoneRow.case_id == CaseRow.id).where(CaseRow.status == CaseStatus.OPEN.value)
             .distinct())  # fmt: skip
        return list(self.s.scalars(q))

    # ------------------------------------------------------------ calendar and settings
    def closures(self) -> dict[date, str]:
        return {row.day: row.reason for row in self.s.scalars(select(ClosureDay).order_by(ClosureDay.day))}

    def add_closure(self, day: date, reason: str) -> None:
        """Set (or change the reason of) a closure day in one statement: no check-then-insert race."""
        upsert(self.s, ClosureDay, {"day": day, "reason": reason}, ["day"], {"reason": reason, "updated_at": utcnow()})

    def remove_closure(self, day: date) -> bool:
        existing = self.s.scalar(select(ClosureDay).where(ClosureDay.day == day))
        if existing is None:
            return False
        self.s.delete(existing)
        return True

    def setting(self, key: str) -> str | None:
        row = self.s.get(Setting, key)
        return row.value if row else None

    def settings(self) -> dict[str, str]:
        return {row.key: row.value for row in self.s.scalars(select(Setting))}

    def set_setting(self, key: str, value: str) -> str | None:
        before = self.setting(key)
        upsert(self.s, Setting, {"key": key, "value": value}, ["key"], {"value": value, "updated_at": utcnow()})
        row = self.s.get(Setting, key)
        if row is not None:  # read into the session before the statement: it must not shadow the new value
            self.s.refresh(row)
        return before

    # ------------------------------------------------------------ audit (append-only)
    def audit(
        self, *, actor: str, entity: str, entity_id: object, action: str, field: str = "", before: object = "",
        after: object = "", reason: str = "", case_id: uuid.UUID | None = None, at: datetime | None = None,
    ) -> None:  # fmt: skip
        row = AuditRow(actor=actor, entity=entity, entity_id=str(entity_id), action=action, field=field,
                       before=_text(before), after=_text(after), reason=reason, case_id=case_id)  # fmt: skip
        if at is not None:
            row.at = at
        self.s.add(row)

    def audit_entries(self, case_id: uuid.UUID | None = None, limit: int | None = None) -> list[AuditEntry]:
        q = select(AuditRow).order_by(AuditRow.at, AuditRow.id)
        if case_id is not None:
            q = q.where(AuditRow.case_id == case_id)
        if limit:
            q = q.limit(limit)
        return [audit_record(r) for r in self.s.scalars(q)]

    def due_revisions(self, refs: Sequence[str]) -> dict[str, int]:
        """How often each milestone's due date was (re)set, from the append-only audit log ("CASE/rule_id"):
        a number that only ever rises, for a calendar event's SEQUENCE."""
        out: dict[str, int] = {}
        for start in range(0, len(refs), 900):  # stay under SQLite's bound-parameter limit
            q = (select(AuditRow.entity_id, func.count())
                 .where(AuditRow.entity == "milestone", AuditRow.field == "due",
                        AuditRow.entity_id.in_(refs[start : start + 900]))
                 .group_by(AuditRow.entity_id))  # fmt: skip
            out.update({ref: int(n) for ref, n in self.s.execute(q)})
        return out


OpenPause = tuple[date, str, date | None]  # start, reason, expected end


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Iterable) and not isinstance(value, str):
        return "\n".join(str(v) for v in value)
    return str(value)


def _plain_converters(sqlite: bool) -> tuple[Callable[[Any], uuid.UUID], Callable[[Any], Any], Callable[[Any], Any]]:
    """UUID, date and timestamp from the driver's plain values: SQLite hands back hex and ISO text (SQLAlchemy's
    storage formats), psycopg the Python objects themselves. Dates repeat a lot: each text is parsed once."""
    if not sqlite:
        return (lambda v: v), (lambda v: v), (lambda v: v)
    days: dict[str, date] = {}

    def day(v: str | None) -> date | None:
        if v is None:
            return None
        found = days.get(v)
        if found is None:
            found = days[v] = date.fromisoformat(v)
        return found

    return ((lambda v: uuid.UUID(hex=v)), day,
            (lambda v: None if v is None else datetime.fromisoformat(v)))  # fmt: skip


def _scope(q: _Sel, f: DeadlineFilter, sqlite: bool) -> _Sel:
    """The milestones a DeadlineFilter selects. Case conditions become one IN-list of case ids, so the query
    needs no join to filter. For a caseworker's or a team's few hundred cases SQLite's state index is switched
    off (``state || ''``): SQLite then walks those cases' milestones instead of every open milestone (at 100k
    cases 4 ms instead of 260 ms). PostgreSQL's planner weighs that itself, so it gets the plain column.
    "Alle", a group or a search keep the (state, due) covering index."""
    m = MilestoneRow
    by_cases = f.case_id is not None or f.case_ids is not None or bool(f.caseworker or f.team)
    state = m.state.concat("") if by_cases and sqlite else m.state
    if f.case_id is not None:
        q = q.where(m.case_id == f.case_id)  # one case: every milestone, whatever its state
    elif f.include_done:
        q = q.where(state != MilestoneState.NOT_APPLICABLE.value)
    else:
        q = q.where(state == MilestoneState.OPEN.value)
    if f.case_ids is not None:
        q = q.where(m.case_id.in_(sorted(f.case_ids)))
    if f.rule_ids is not None:
        q = q.where(m.rule_id.in_(sorted(f.rule_ids)))
    if f.date_from:
        q = q.where(m.due_on >= f.date_from)
    if f.date_to:
        q = q.where(m.due_on <= f.date_to)
    if f.caseworker or f.team or f.group or f.text.strip():
        cases = select(CaseRow.id)
        if f.caseworker:
            cases = cases.join(Caseworker, CaseRow.caseworker_id == Caseworker.id).where(
                Caseworker.username == f.caseworker)
        if f.team:
            cases = cases.join(Team, CaseRow.team_id == Team.id).where(Team.name == f.team)
        if f.group:
            cases = cases.where(CaseRow.group == f.group)
        if f.text.strip():
            cases = _text_filter(cases.join(PartyRow, CaseRow.party_id == PartyRow.id), f.text)
        q = q.where(m.case_id.in_(cases))
    return q


def _text_filter(q: _Sel, text: str) -> _Sel:
    """Name (any case, æøå included), case number or CPR/CVR digits; every word must match."""
    for word in unicodedata.normalize("NFC", text).split():  # stored names are NFC; a pasted query may be NFD
        folded = word.casefold()
        digits = re.sub(r"[^0-9]", "", word)
        conds = [PartyRow.search_key.contains(folded, autoescape=True),
                 CaseRow.number.contains(word, autoescape=True)]  # fmt: skip
        if digits and len(digits) >= 2:
            conds.append(PartyRow.search_key.contains(digits, autoescape=True))
        q = q.where(or_(*conds))
    return q
