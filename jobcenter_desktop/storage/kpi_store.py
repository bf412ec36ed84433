"""The timeliness figures' counts, in the database: one GROUP BY over the milestones due in a period, each put
in its bucket by a CASE (core/kpi.py has the definitions). On the team database row-level security decides
whose cases are counted: a team lead's teams, an admin's all; nothing here filters for access."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, false, func, literal, or_, select, true
from sqlalchemy.orm import Session

from jobcenter_desktop.core.kpi import Bucket, KpiCount, MissedLine
from jobcenter_desktop.core.models import CaseStatus, MilestoneState
from jobcenter_desktop.storage.orm import CaseRow, Caseworker, MilestoneRow, PauseRow, Team
from jobcenter_desktop.storage.sql import large_page_cache

OPEN, DONE = MilestoneState.OPEN.value, MilestoneState.DONE.value
LAPSED, EXEMPT = MilestoneState.NOT_APPLICABLE.value, MilestoneState.EXEMPT.value


Soft = Mapping[str, Collection[str]]  # catalogue id -> its soft rule ids ("" -> those of the main catalogue)


def _soft(soft: Soft) -> ColumnElement[bool]:
    """The case's own catalogue decides whether a milestone is soft (rule ids may mean other rules elsewhere);
    cases under a catalogue id no longer known are read with the main one's, as everywhere else."""
    m, c = MilestoneRow, CaseRow
    known = [cat for cat in soft if cat]
    parts = [and_(c.catalogue_id == cat, m.rule_id.in_(sorted(rules))) for cat, rules in soft.items() if cat and rules]
    if soft.get(""):
        parts.append(and_(c.catalogue_id.not_in(known), m.rule_id.in_(sorted(soft[""]))))
    return or_(*parts) if parts else false()


def _bucketed(start: date, end: date, today: date, now: datetime, caseworker: str | None, team: str | None,
              *extra: Any, soft: Soft | None = None, decisions: Soft | None = None,
              promises: Collection[str] = ()) -> Select[Any]:  # fmt: skip
    """The milestones due in [start, end] with their bucket as of ``today``/``now`` (local time: an hours
    deadline has passed when ``now`` is after its due instant) and the columns the figures group by; for
    decisions (rsl. § 3, stk. 2) also their underretning. ``promises``: the "Forventet afgørelse" rule ids,
    whose promised day no pause holds."""
    m, c = MilestoneRow, CaseRow
    # A pause that began on or before the due day holds the deadline (as the worklist decides it).
    # One EXISTS through the case_id index for the case's and the milestone's own pauses alike (pause has no
    # index on milestone_id: a second EXISTS on it scanned every pause once per milestone).
    held: ColumnElement[bool] = select(PauseRow.id).where(PauseRow.case_id == m.case_id, PauseRow.end_on.is_(None),
                                     PauseRow.start_on <= m.due_on,
                                     or_(PauseRow.milestone_id.is_(None), PauseRow.milestone_id == m.id)).exists()
    passed = or_(and_(m.due_at.is_not(None), m.due_at < now), and_(m.due_at.is_(None), m.due_on < today))
    # Closed after the due day it was missed - unless a pause held it up to the closing (closing a paused case
    # ends the pause on that day).
    held_to_closing: ColumnElement[bool] = select(PauseRow.id).where(PauseRow.case_id == m.case_id,
                                                                     PauseRow.start_on <= m.due_on,
                                                                     or_(PauseRow.end_on.is_(None),
                                                                         PauseRow.end_on >= c.closed_on),
                                                                     or_(PauseRow.milestone_id.is_(None),
                                                                         PauseRow.milestone_id == m.id)
                                                                     ).exists()  # fmt: skip
    if promises:
        is_promise = m.rule_id.in_(sorted(promises))
        held, held_to_closing = and_(~is_promise, held), and_(~is_promise, held_to_closing)
    missed_at_closing = and_(c.status == CaseStatus.CLOSED.value, c.closed_on > m.due_on, ~held_to_closing)
    late = and_(m.state == DONE, m.done_late == true())
    bucket = case(
        # Lapsed at a closing before it was due: never due, left out (a soft one too).
        (and_(m.state == LAPSED, ~missed_at_closing), Bucket.LEFT_OUT.value),
        # Soft milestones (expected times) have their own column, whatever their state.
        (_soft(soft or {}), Bucket.SOFT.value),
        (m.state == EXEMPT, Bucket.EXEMPT.value),
        (late, Bucket.LATE.value),
        (m.state == DONE, Bucket.ON_TIME.value),
        (m.state == LAPSED, Bucket.OVERDUE.value),  # the case closed while it was overdue: missed
        (held, Bucket.NOT_YET_DUE.value),
        (passed, Bucket.OVERDUE.value),
        else_=Bucket.NOT_YET_DUE.value,
    )
    # A decision (a soft one too: still a decision on an application) as the bucket would judge it without the
    # soft column: made in time ("decided"), or missed - late, lapsed after its day, or open past it unheld - with
    # the applicant told on or before the due day ("in_time") or not ("none"). Each pause EXISTS is reached for
    # an open decision only.
    missed = or_(late, and_(m.state == LAPSED, missed_at_closing), and_(m.state == OPEN, passed, ~held))
    told = and_(m.notice_sent_on.is_not(None), m.notice_sent_on <= m.due_on)
    notice = case((~_soft(decisions or {}), literal("")),
                  (and_(m.state == DONE, m.done_late == false()), literal("decided")),
                  (and_(missed, told), literal("in_time")),
                  (missed, literal("none")),
                  else_=literal(""))  # fmt: skip
    q = (select(c.catalogue_id.label("cat"), c.group.label("grp"), m.rule_id.label("rule"),
                c.caseworker_id.label("worker"), c.team_id.label("team"), bucket.label("bucket"),
                notice.label("notice"), *extra)
         .join(c, m.case_id == c.id)
         .where(m.due_on >= start, m.due_on <= end))  # fmt: skip
    # Scope by id lists of the (small) caseworker and team tables: no join per milestone.
    if caseworker:
        q = q.where(c.caseworker_id.in_(select(Caseworker.id).where(Caseworker.username == caseworker)))
    if team:
        q = q.where(c.team_id.in_(select(Team.id).where(Team.name == team)))
    return q


def _names(s: Session) -> tuple[dict[Any, str], dict[Any, str]]:
    workers = {i: name for i, name in s.execute(select(Caseworker.id, Caseworker.username))}
    teams = {i: name for i, name in s.execute(select(Team.id, Team.name))}
    return workers, teams


#: The keys each breakdown groups by (besides the bucket). SQLite sorts every input row by the GROUP BY keys, so
#: each key left out is time saved at 100k cases; the caseworker and team rows need neither group nor rule.
KEYS = {"group": ("cat", "grp"), "milestone": ("cat", "grp", "rule"), "caseworker": ("worker",),
        "team": ("team",), "total": ()}  # fmt: skip


def kpi_counts(s: Session, start: date, end: date, today: date, now: datetime, *, caseworker: str | None = None,
               team: str | None = None, by: str = "milestone", soft: Soft | None = None,
               decisions: Soft | None = None, promises: Collection[str] = ()) -> list[KpiCount]:  # fmt: skip
    """Milestones due in [start, end], counted per bucket and the keys of breakdown ``by`` (``KEYS``); ``soft``:
    the rule ids counted in the soft column; ``decisions``: those whose underretning is counted (rsl. § 3, stk. 2).
    Caseworkers and teams are joined after counting (by name)."""
    sub = _bucketed(start, end, today, now, caseworker, team, soft=soft, decisions=decisions,
                    promises=promises).subquery()
    keys = [getattr(sub.c, k) for k in KEYS[by]]
    counted = (select(*keys, sub.c.bucket, sub.c.notice, func.count().label("n"))
               .group_by(*keys, sub.c.bucket, sub.c.notice).subquery())  # fmt: skip
    cols: list[Any] = [counted.c.cat if "cat" in KEYS[by] else literal(""),
                       counted.c.grp if "grp" in KEYS[by] else literal(""),
                       counted.c.rule if "rule" in KEYS[by] else literal("")]  # fmt: skip
    q = select(*cols, counted.c.bucket, counted.c.n, counted.c.notice)
    if by == "caseworker":
        q = q.add_columns(Caseworker.username).outerjoin(Caseworker, Caseworker.id == counted.c.worker)
    if by == "team":
        q = q.add_columns(Team.name).outerjoin(Team, Team.id == counted.c.team)
    out = []
    with large_page_cache(s):
        rows = s.connection().execute(q).all()
    for row in rows:
        name = str(row[6] or "") if len(row) > 6 else ""
        out.append(KpiCount(row[0], row[1], row[2], name if by == "caseworker" else "",
                            name if by == "team" else "", Bucket(row[3]), int(row[4]), row[5] or ""))  # fmt: skip
    return out


def missed(s: Session, start: date, end: date, today: date, now: datetime, *, caseworker: str | None = None,
           team: str | None = None, limit: int = 100_000, soft: Soft | None = None,
           promises: Collection[str] = ()) -> list[MissedLine]:  # fmt: skip
    """The late and overdue milestones the counts are made of (not the soft ones), due date order."""
    m = MilestoneRow
    sub = _bucketed(start, end, today, now, caseworker, team, CaseRow.number.label("number"),
                    m.due_on.label("due"), m.due_at.label("due_at"), m.done_on.label("done"), soft=soft,
                    promises=promises).subquery()
    q = (select(sub.c.number, sub.c.cat, sub.c.grp, sub.c.rule, sub.c.worker, sub.c.team, sub.c.bucket, sub.c.due,
                sub.c.due_at, sub.c.done)
         .where(sub.c.bucket.in_([Bucket.LATE.value, Bucket.OVERDUE.value]))
         .order_by(sub.c.due, sub.c.number, sub.c.rule).limit(limit))  # fmt: skip
    workers, teams = _names(s)
    return [MissedLine(n, cat, grp, rule, workers.get(w, ""), teams.get(t, ""), Bucket(b), due, due_at, done)
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
