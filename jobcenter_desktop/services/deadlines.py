"""Worklists and calendar data: stored milestones classified for a given day."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, datetime, timedelta

from jobcenter_desktop.core.models import DeadlineFilter, DeadlineRow, MilestoneState
from jobcenter_desktop.core.urgency import Urgency, classify, most_urgent
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.storage.repository import Repository


class DeadlineService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def classify_row(self, row: DeadlineRow, today: date, now: datetime | None = None) -> DeadlineRow:
        cat, cal = self.ctx.catalogue, self.ctx.calendar
        rule = cat.milestones.get(row.rule_id)
        group = cat.groups.get(row.group)
        urgency = classify(
            today=today, cal=cal, due=row.due, due_at=row.due_at, now=now,
            done_on=row.done_on if row.state is MilestoneState.DONE else None,
            soft=rule.soft if rule else False, provisional=row.provisional, paused=row.paused,
            not_applicable=row.state is MilestoneState.NOT_APPLICABLE,
            warn_from=row.warn_from,
            due_soon_days=self.ctx.due_soon_days,
        )  # fmt: skip
        left = cal.working_days_between(today, row.due) if row.due is not None else None
        if left is not None and row.due is not None and row.due < today:
            left = min(left, -1)  # on the weekend after a Friday deadline it is overdue, not "0 days left"
        return replace(row, urgency=urgency, working_days_left=left,
                       milestone_name=rule.name if rule else row.rule_id,
                       group_name=group.name if group else row.group)  # fmt: skip

    def list(self, f: DeadlineFilter, today: date, now: datetime | None = None) -> list[DeadlineRow]:
        """Milestones matching the filter, classified for ``today``, in due-date order."""
        with self.ctx.db.read() as s:
            rows = Repository(s).deadline_rows(f)
        out = [self.classify_row(r, today, now) for r in rows]
        if f.states:
            out = [r for r in out if r.urgency in f.states]
        return out

    def day_summary(self, start: date, end: date, f: DeadlineFilter, today: date,
                    now: datetime | None = None) -> dict[date, tuple[int, Urgency]]:  # fmt: skip
        """For a calendar: per day in [start, end], how many deadlines and the most urgent state.

        Counted in the database (one row per day and rule and state flags, not per milestone); each count is
        classified once, exactly as ``list`` classifies its rows."""
        with self.ctx.db.read() as s:
            groups = Repository(s).deadline_day_counts(replace(f, date_from=start, date_to=end))
        counts: Counter[date] = Counter()
        states: dict[date, list[Urgency]] = {}
        cat, cal = self.ctx.catalogue, self.ctx.calendar
        for g in groups:
            rule = cat.milestones.get(g.rule_id)
            done = g.state is MilestoneState.DONE
            urgency = classify(
                today=today, cal=cal, due=g.due, due_at=g.due_at, now=now,
                # classify only compares the done day with the due day: stand-ins with the same answer.
                done_on=(g.due + timedelta(days=1) if g.done_late else g.due) if done else None,
                soft=rule.soft if rule else False, provisional=g.provisional, paused=g.paused,
                not_applicable=g.state is MilestoneState.NOT_APPLICABLE, warn_from=g.warn_from,
                due_soon_days=self.ctx.due_soon_days,
            )  # fmt: skip
            if f.states and urgency not in f.states:
                continue
            counts[g.due] += g.count
            states.setdefault(g.due, []).append(urgency)
        return {d: (counts[d], most_urgent(states[d]) or Urgency.LATER) for d in counts}
