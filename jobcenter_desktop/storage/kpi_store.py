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


def _notice(is_decision: Any, told: Any, hard: Any) -> ColumnElement[str]:
    """A decision on an application (rsl. § 3, stk. 2), by ``hard`` (its bucket as if it were not soft: a soft
    decision is still a decision): "decided" made in time; missed and told in time ("in_time": the first
    notice on or before the due day) or not ("none": later or never); "" for everything else."""
    missed = hard.in_([Bucket.LATE.value, Bucket.OVERDUE.value])
    return case((is_decision == false(), literal("")),
                (hard == Bucket.ON_TIME.value, literal("decided")),
                (and_(missed, told == true()), literal("in_time")),
                (missed, literal("none")),
                else_=literal(""))  # fmt: skip


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
              *extra: Any, soft: Soft | None = None, decisions: Soft | None = None) -> Select[Any]:  # fmt: skip
    """The milestones due in [start, end] with their bucket as of ``today``/``now`` (local time: an hours
    deadline has passed when ``now`` is after its due instant) and the columns the figures group by."""
    m, c = MilestoneRow, CaseRow
    # A pause that began on or before the due day holds the deadline (as the worklist decides it).
    # One EXISTS through the case_id index for the case's and the milestone's own pauses alike (pause has no
    # index on milestone_id: a second EXISTS on it scanned every pause once per milestone).
    held = select(PauseRow.id).where(PauseRow.case_id == m.case_id, PauseRow.end_on.is_(None),
                                     PauseRow.start_on <= m.due_on,
                                     or_(PauseRow.milestone_id.is_(None), PauseRow.milestone_id == m.id))
    passed = or_(and_(m.due_at.is_not(None), m.due_at < now), and_(m.due_at.is_(None), m.due_on < today))
    # Closed after the due day it was missed - unless a pause held it up to the closing (closing a paused case
    # ends the pause on that day).
    held_to_closing = select(PauseRow.id).where(PauseRow.case_id == m.case_id, PauseRow.start_on <= m.due_on,
                                                or_(PauseRow.end_on.is_(None), PauseRow.end_on >= c.closed_on),
                                                or_(PauseRow.milestone_id.is_(None), PauseRow.milestone_id == m.id))
    missed_at_closing = and_(c.status == CaseStatus.CLOSED.value, c.closed_on > m.due_on, ~held_to_closing.exists())
    left_out = and_(m.state == LAPSED, ~missed_at_closing)  # lapsed at a closing before it was due: never due
    hard = case(
        (left_out, Bucket.LEFT_OUT.value),
        (m.state == EXEMPT, Bucket.EXEMPT.value),
        (and_(m.state == DONE, m.done_late == true()), Bucket.LATE.value),
        (m.state == DONE, Bucket.ON_TIME.value),
        (m.state == LAPSED, Bucket.OVERDUE.value),  # the case closed while it was overdue: missed
        (held.exists(), Bucket.NOT_YET_DUE.value),
        (passed, Bucket.OVERDUE.value),
        else_=Bucket.NOT_YET_DUE.value,
    )
    told = and_(m.notice_sent_on.is_not(None), m.notice_sent_on <= m.due_on)
    q = (select(c.catalogue_id.label("cat"), c.group.label("grp"), m.rule_id.label("rule"),
                c.caseworker_id.label("worker"), c.team_id.label("team"), hard.label("hard"),
                _soft(soft or {}).label("is_soft"), _soft(decisions or {}).label("is_decision"),
                case((told, true()), else_=false()).label("told"), *extra)
         .join(c, m.case_id == c.id)
         .where(m.due_on >= start, m.due_on <= end))  # fmt: skip
    # Scope by id lists of the (small) caseworker and team tables: no join per milestone.
    if caseworker:
        q = q.where(c.caseworker_id.in_(select(Caseworker.id).where(Caseworker.username == caseworker)))
    if team:
        q = q.where(c.team_id.in_(select(Team.id).where(Team.name == team)))
    # The bucket and the decision's notice from the one "hard" bucket per milestone (its pause EXISTS is
    # evaluated once, not once per use). Soft milestones (expected times) have their own column, whatever their
    # state; a lapsed one is left out.
    inner = q.subquery()
    bucket = case((inner.c.hard == Bucket.LEFT_OUT.value, Bucket.LEFT_OUT.value),
                  (inner.c.is_soft == true(), Bucket.SOFT.value), else_=inner.c.hard)  # fmt: skip
    return select(inner.c.cat, inner.c.grp, inner.c.rule, inner.c.worker, inner.c.team, bucket.label("bucket"),
                  _notice(inner.c.is_decision, inner.c.told, inner.c.hard).label("notice"),
                  *(inner.c[e.name] for e in extra))  # fmt: skip


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
               decisions: Soft | None = None) -> list[KpiCount]:  # fmt: skip
    """Milestones due in [start, end], counted per bucket and the keys of breakdown ``by`` (``KEYS``); ``soft``:
    the rule ids counted in the soft column; ``decisions``: those whose underretning is counted (rsl. § 3, stk. 2).
    Caseworkers and teams are joined after counting (by name)."""
    sub = _bucketed(start, end, today, now, caseworker, team, soft=soft, decisions=decisions).subquery()
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
           team: str | None = None, limit: int = 100_000, soft: Soft | None = None) -> list[MissedLine]:  # fmt: skip
    """The late and overdue milestones the counts are made of (not the soft ones), due date order."""
    m = MilestoneRow
    sub = _bucketed(start, end, today, now, caseworker, team, CaseRow.number.label("number"),
                    m.due_on.label("due"), m.due_at.label("due_at"), m.done_on.label("done"), soft=soft).subquery()
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
