"""The timeliness figures' counts, in the database: one GROUP BY over the milestones due in a period, each put
in its bucket by a CASE (core/kpi.py has the definitions). On the team database row-level security decides
whose cases are counted: a team lead's teams, an admin's all; nothing here filters for access."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select, true
from sqlalchemy.orm import Session

from jobcenter_desktop.core.kpi import Bucket, KpiCount, MissedLine
from jobcenter_desktop.core.models import CaseStatus, MilestoneState
from jobcenter_desktop.storage.orm import CaseRow, Caseworker, MilestoneRow, PauseRow, Team

OPEN, DONE = MilestoneState.OPEN.value, MilestoneState.DONE.value
LAPSED, EXEMPT = MilestoneState.NOT_APPLICABLE.value, MilestoneState.EXEMPT.value


def _bucketed(start: date, end: date, today: date, now: datetime, caseworker: str | None, team: str | None,
              *extra: Any) -> Select[Any]:  # fmt: skip
    """The milestones due in [start, end] with their bucket as of ``today``/``now`` (local time: an hours
    deadline has passed when ``now`` is after its due instant) and the columns the figures group by."""
    m, c = MilestoneRow, CaseRow
    # A pause that began on or before the due day holds the deadline (as the worklist decides it).
    case_paused = select(PauseRow.id).where(PauseRow.end_on.is_(None), PauseRow.milestone_id.is_(None),
                                            PauseRow.case_id == m.case_id, PauseRow.start_on <= m.due_on)
    ms_paused = select(PauseRow.id).where(PauseRow.end_on.is_(None), PauseRow.milestone_id == m.id,
                                          PauseRow.start_on <= m.due_on)  # fmt: skip
    passed = or_(and_(m.due_at.is_not(None), m.due_at < now), and_(m.due_at.is_(None), m.due_on < today))
    bucket = case(
        (m.state == EXEMPT, Bucket.EXEMPT.value),
        (and_(m.state == DONE, m.done_late == true()), Bucket.LATE.value),
        (m.state == DONE, Bucket.ON_TIME.value),
        # Lapsed at a closing: missed if the case closed after the due day, else it was never due.
        (and_(m.state == LAPSED, c.status == CaseStatus.CLOSED.value, c.closed_on > m.due_on), Bucket.OVERDUE.value),
        (m.state == LAPSED, Bucket.LEFT_OUT.value),
        (or_(case_paused.exists(), ms_paused.exists()), Bucket.NOT_YET_DUE.value),
        (passed, Bucket.OVERDUE.value),
        else_=Bucket.NOT_YET_DUE.value,
    )
    q = (select(c.catalogue_id.label("cat"), c.group.label("grp"), m.rule_id.label("rule"),
                Caseworker.username.label("worker"), Team.name.label("team"), bucket.label("bucket"), *extra)
         .join(c, m.case_id == c.id)
         .join(Caseworker, c.caseworker_id == Caseworker.id)
         .outerjoin(Team, c.team_id == Team.id)
         .where(m.due_on >= start, m.due_on <= end))  # fmt: skip
    if caseworker:
        q = q.where(Caseworker.username == caseworker)
    if team:
        q = q.where(Team.name == team)
    return q


def kpi_counts(s: Session, start: date, end: date, today: date, now: datetime, *, caseworker: str | None = None,
               team: str | None = None) -> list[KpiCount]:  # fmt: skip
    """Milestones due in [start, end], counted per catalogue, group, rule, caseworker, team and bucket."""
    sub = _bucketed(start, end, today, now, caseworker, team).subquery()
    keys = (sub.c.cat, sub.c.grp, sub.c.rule, sub.c.worker, sub.c.team, sub.c.bucket)
    q = select(*keys, func.count()).group_by(*keys)
    return [KpiCount(cat, grp, rule, worker, team_name or "", Bucket(b), int(n))
            for cat, grp, rule, worker, team_name, b, n in s.execute(q)]  # fmt: skip


def missed(s: Session, start: date, end: date, today: date, now: datetime, *, caseworker: str | None = None,
           team: str | None = None, limit: int = 100_000) -> list[MissedLine]:  # fmt: skip
    """The late and overdue milestones the counts are made of, due date order."""
    m = MilestoneRow
    sub = _bucketed(start, end, today, now, caseworker, team, CaseRow.number.label("number"),
                    m.due_on.label("due"), m.due_at.label("due_at"), m.done_on.label("done")).subquery()
    q = (select(sub.c.number, sub.c.cat, sub.c.grp, sub.c.rule, sub.c.worker, sub.c.team, sub.c.bucket, sub.c.due,
                sub.c.due_at, sub.c.done)
         .where(sub.c.bucket.in_([Bucket.LATE.value, Bucket.OVERDUE.value]))
         .order_by(sub.c.due, sub.c.number, sub.c.rule).limit(limit))  # fmt: skip
    return [MissedLine(n, cat, grp, rule, w, t or "", Bucket(b), due, due_at, done)
            for n, cat, grp, rule, w, t, b, due, due_at, done in s.execute(q)]  # fmt: skip


def caseloads(s: Session, *, team: str | None = None, caseworkers: Sequence[str] = ()) -> dict[str, int]:
    """Open cases per caseworker (login), within what the session may see."""
    q = (select(Caseworker.username, func.count(CaseRow.id))
         .join(CaseRow, CaseRow.caseworker_id == Caseworker.id)
         .where(CaseRow.status == CaseStatus.OPEN.value)
         .group_by(Caseworker.username))  # fmt: skip
    if team:
        q = q.join(Team, CaseRow.team_id == Team.id).where(Team.name == team)
    if caseworkers:
        q = q.where(Caseworker.username.in_(list(caseworkers)))
    return {login: int(n) for login, n in s.execute(q)}


def full_names(s: Session) -> dict[str, str]:
    return {u: n for u, n in s.execute(select(Caseworker.username, Caseworker.full_name)) if n}
