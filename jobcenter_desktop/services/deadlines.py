"""Worklists and calendar data: stored milestones classified for a given day."""

from __future__ import annotations

import builtins
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from jobcenter_desktop.core.gcpause import gc_paused
from jobcenter_desktop.core.models import DeadlineFilter, DeadlineRow, MilestoneState
from jobcenter_desktop.core.notice import NoticeState, notice_state, watched
from jobcenter_desktop.core.text import TextError, check_search
from jobcenter_desktop.core.urgency import Urgency, classify, most_urgent
from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.errors import Cancelled, Problem, ValidationError
from jobcenter_desktop.storage.repository import Repository

OPEN = MilestoneState.OPEN


def checked_filter(f: DeadlineFilter) -> DeadlineFilter:
    """Refuse what no list can mean (a period that ends before it starts, a pasted page as search text), with
    the same Danish messages for the worklist, the calendar, the command line and exports."""
    if f.date_from and f.date_to and f.date_to < f.date_from:
        raise ValidationError([Problem("to", "Slutdatoen ligger før startdatoen.")])
    try:
        text = check_search(f.text)
    except TextError as e:
        raise ValidationError([Problem("search", str(e))]) from None
    return f if text == f.text else replace(f, text=text)


class DeadlineService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def classify_row(self, row: DeadlineRow, today: date, now: datetime | None = None) -> DeadlineRow:
        return self._classify(row, today, now, {}, {}, {})

    def _classify(self, row: DeadlineRow, today: date, now: datetime | None,
                  urgencies: dict[tuple[object, ...], Urgency], days_left: dict[date, int],
                  names: dict[tuple[str, str], tuple[str, str, bool, bool]]) -> DeadlineRow:  # fmt: skip
        """``urgencies``, ``days_left`` and ``names`` memoise per call of ``list``: 65,000 rows share a few
        hundred days and a few dozen milestone and group names."""
        cal = self.ctx.calendar
        found = names.get((row.rule_id, row.group))
        if found is None:
            cats, main = self.ctx.catalogues, self.ctx.catalogue.id
            rule, group = cats.rule(row.rule_id, main), cats.group(row.group, main)
            found = names[(row.rule_id, row.group)] = (rule.name if rule else row.rule_id,
                                                       group.name if group else row.group, watched(rule),
                                                       rule is not None and rule.promise_of is not None)  # fmt: skip
        milestone_name, group_name, is_watched, is_promise = found
        paused = row.paused and not is_promise  # a pause does not move a date promised to the citizen
        key = (row.due, row.due_at, row.rule_id, row.state, row.provisional, paused, row.warn_from, row.done_on,
               row.done_late)  # fmt: skip
        urgency = urgencies.get(key)
        if urgency is None:
            urgency = urgencies[key] = self._urgency(
                today, now, row.rule_id, row.state, row.due, row.due_at, row.provisional, paused, row.warn_from,
                row.done_on, row.done_late)  # fmt: skip
        left: int | None = None
        if row.due is not None:
            left = days_left.get(row.due)
            if left is None:
                left = days_left[row.due] = cal.working_days_between(today, row.due)
                if row.due < today:
                    # On the weekend after a Friday deadline it is overdue, not "0 days left".
                    left = days_left[row.due] = min(left, -1)
        # Spelled out rather than dataclasses.replace, which costs ~3× as much per row.
        return DeadlineRow(
            milestone_id=row.milestone_id, case_id=row.case_id, case_number=row.case_number, rule_id=row.rule_id,
            group=row.group, party=row.party, caseworker=row.caseworker, team=row.team, state=row.state,
            due=row.due, due_at=row.due_at, provisional=row.provisional, done_on=row.done_on, paused=paused,
            notes=row.notes, warn_from=row.warn_from, conflict=row.conflict, version=row.version,
            paused_since=row.paused_since, pause_reason=row.pause_reason, pause_expected_end=row.pause_expected_end,
            pause_past_expected_end=row.pause_expected_end is not None and today > row.pause_expected_end,
            done_late=row.done_late, urgency=urgency, notice_sent_on=row.notice_sent_on,
            notice=notice_state(today=today, cal=cal, watched=True, due=row.due, open_=row.state is OPEN,
                                paused=paused, sent_on=row.notice_sent_on, notice_days=self.ctx.notice_days)
            if is_watched else None,
            working_days_left=left,
            milestone_name=milestone_name, group_name=group_name,
        )  # fmt: skip

    def _urgency(self, today: date, now: datetime | None, rule_id: str, state: MilestoneState, due: date | None,
                 due_at: datetime | None, provisional: bool, paused: bool, warn_from: date | None,
                 done_on: date | None, done_late: bool | None = None) -> Urgency:  # fmt: skip
        """The one mapping of a stored milestone onto ``classify``: worklist rows and calendar counts alike."""
        rule = self.ctx.catalogues.rule(rule_id, self.ctx.catalogue.id)
        done = state is MilestoneState.DONE
        paused = paused and not (rule is not None and rule.promise_of)  # a pause never moves a promised day
        return classify(
            today=today, cal=self.ctx.calendar, due=due, due_at=due_at, now=now,
            done_on=done_on if done else None, done_late=done_late if done else None,
            soft=rule.soft if rule else False, provisional=provisional, paused=paused,
            not_applicable=state is MilestoneState.NOT_APPLICABLE, exempt=state is MilestoneState.EXEMPT,
            warn_from=warn_from,
            due_soon_days=self.ctx.due_soon_days,
        )  # fmt: skip

    def list(self, f: DeadlineFilter, today: date, now: datetime | None = None,
             progress: Callable[[int, int], bool] | None = None) -> list[DeadlineRow]:  # fmt: skip
        """Milestones matching the filter, classified for ``today``, in due-date order. ``progress(done, 2)``
        after reading and after classifying; False cancels (:class:`Cancelled`)."""
        f = checked_filter(f)
        with gc_paused(), self.ctx.read() as s:  # 65,000+ rows of small objects and no cycles
            rows = Repository(s).deadline_rows(f)
        if progress is not None and not progress(1, 2):
            raise Cancelled
        with gc_paused():
            out = self.classify(rows, today, now)
        if progress is not None and not progress(2, 2):
            raise Cancelled
        if f.states:
            out = [r for r in out if r.urgency in f.states]
        return out

    def classify(self, rows: Sequence[DeadlineRow], today: date,
                 now: datetime | None = None) -> builtins.list[DeadlineRow]:  # fmt: skip
        """Stored rows with their state, working days left and names for ``today``."""
        urgencies: dict[tuple[object, ...], Urgency] = {}
        days_left: dict[date, int] = {}
        names: dict[tuple[str, str], tuple[str, str, bool, bool]] = {}
        return [self._classify(r, today, now, urgencies, days_left, names) for r in rows]

    def notice_days(self, start: date, end: date, f: DeadlineFilter, today: date) -> dict[date, NoticeState]:
        """For a calendar: the days in [start, end] with a decision (or a promised date) whose underretning is
        missing, the more serious flag per day. Only open decisions without a notice are read, and only up to
        where a flag can be; the flag is decided as for a worklist row (``notice_state``)."""
        cats = self.ctx.catalogues
        watched_ids = frozenset(r.id for cat in cats for r in cat.milestones.values() if watched(r))
        last = min(end, today + timedelta(days=3 * self.ctx.notice_days + 14))  # past it nothing is flagged yet
        if not watched_ids or last < start:
            return {}
        promises = frozenset(r.id for cat in cats for r in cat.milestones.values() if r.promise_of)
        scoped = checked_filter(replace(f, date_from=start, date_to=last, rule_ids=watched_ids))
        with self.ctx.read() as s:
            found = Repository(s).unnotified_days(scoped)
        out: dict[date, NoticeState] = {}
        cal, days = self.ctx.calendar, self.ctx.notice_days
        for due, rule_id, held in found:
            state = notice_state(today=today, cal=cal, watched=True, due=due, open_=True,
                                 paused=held and rule_id not in promises,  # a pause never holds a promised day
                                 notice_days=days)  # fmt: skip
            if state is not None and out.get(due) is not NoticeState.BREACH:
                out[due] = state
        return out

    def day_summary(self, start: date, end: date, f: DeadlineFilter, today: date,
                    now: datetime | None = None) -> dict[date, tuple[int, Urgency]]:  # fmt: skip
        """For a calendar: per day in [start, end], how many deadlines and the most urgent state.

        Counted in the database (one row per day and rule and state flags, not per milestone); each count is
        classified once, exactly as ``list`` classifies its rows."""
        f = checked_filter(f)
        with self.ctx.read() as s:
            groups = Repository(s).deadline_day_counts(replace(f, date_from=start, date_to=end))
        counts: Counter[date] = Counter()
        states: dict[date, list[Urgency]] = {}
        for g in groups:
            # A count has no done day, only whether it was late: classify compares just that, so stand in.
            done_on = g.due + timedelta(days=1) if g.done_late else g.due
            urgency = self._urgency(today, now, g.rule_id, g.state, g.due, g.due_at, g.provisional, g.paused,
                                    g.warn_from, done_on, g.done_late)  # fmt: skip
            if f.states and urgency not in f.states:
                continue
            counts[g.due] += g.count
            states.setdefault(g.due, []).append(urgency)
        return {d: (counts[d], most_urgent(states[d]) or Urgency.LATER) for d in counts}
