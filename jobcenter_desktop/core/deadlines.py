"""Deadline (frist) arithmetic on the Danish working-day calendar.

Semantics (also in the README):

* The anchor day itself is never counted.
* ``working_days`` N: the N-th working day after the anchor day. If the anchor is a non-working day,
  counting starts from the next working day. The result is always a working day (no roll needed).
* ``calendar_days`` N / ``weeks`` N: anchor + N days / + 7·N days, then roll.
* ``months`` N: the same day-of-month N months later, clamped to the last day of a shorter month
  (31 Jan + 1 month = 28/29 Feb), always from the original anchor (31 Jan + 2 months = 31 Mar); then roll.
* ``hours`` N: anchor date-time + N hours (local wall-clock time); if that instant falls on a non-working
  day it moves to the same clock time on the next working day (roll forward), e.g. Fri 15:00 + 24 h → Mon 15:00.
* Roll: ``forward`` to the next working day (the Danish legal default), ``backward`` to the previous working
  day (used for "inden der er gået 4 uger"), ``none`` keeps the date.
* Chained milestones count from the predecessor's actual completion date; until then the successor is
  provisional and counted from the predecessor's due date.
* Pauses: every working day after the anchor inside a pause that starts on or before the due date moves the
  due date one working day later (overlapping pauses count a day once).

Every result carries its explanation: short Danish steps for "hvorfor denne dato?".
"""

from __future__ import annotations

import calendar as _stdcal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from jobcenter_desktop.core.calendar import (
    MAX_YEAR,
    MIN_YEAR,
    CalendarRangeError,
    WorkingCalendar,
    format_date,
    format_day,
    group_runs,
)
from jobcenter_desktop.core.rules import Catalogue, MilestoneRule, Period, Roll, Unit

Anchor = date | datetime


class DeadlineError(ValueError):
    """A deadline that cannot be computed from the given input (Danish message)."""


@dataclass(frozen=True, slots=True)
class Pause:
    """A pause from ``start`` (inclusive) until ``end`` (the resume date, exclusive); open while ``end`` is None."""

    start: date
    end: date | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Deadline:
    rule_id: str
    due: date
    due_at: datetime | None = None  # the instant, for rules counted in hours
    provisional: bool = False
    warn_from: date | None = None  # "due soon" from this day (soft rules with a warn period)
    steps: tuple[str, ...] = field(default=(), compare=False)

    def due_text(self) -> str:
        """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` — the CLI and file format."""
        if self.due_at is not None:
            return self.due_at.strftime("%Y-%m-%dT%H:%M")
        return self.due.isoformat()


def add_months(d: date, months: int) -> date:
    """Same day-of-month ``months`` later, clamped to the month's last day."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CalendarRangeError(f"Fristen falder uden for kalenderens område ({MIN_YEAR}–{MAX_YEAR}).")
    return date(year, month, min(d.day, _stdcal.monthrange(year, month)[1]))


def _skipped_text(cal: WorkingCalendar, start: date, end: date) -> list[str]:
    """Explanation lines for the non-working days strictly between start and end, one line per run."""
    lines = []
    for run in group_runs(cal.skipped_between(start, end)):
        reasons = ", ".join(d.reason for d in run)
        if len(run) == 1:
            lines.append(f"Springer over {format_date(run[0].day)}: {reasons}.")
        else:
            lines.append(f"Springer over {format_date(run[0].day)}–{format_date(run[-1].day)}: {reasons}.")
    return lines


def _roll(cal: WorkingCalendar, d: date, roll: Roll, steps: list[str] | None) -> date:
    reason = cal.non_working_reason(d)
    if reason is None:
        return d
    if roll is Roll.NONE:
        if steps is not None:
            steps.append(f"{format_day(d)} er ikke en hverdag ({reason}), men reglen flytter ikke fristen.")
        return d
    new = cal.next_working_day(d) if roll is Roll.FORWARD else cal.previous_working_day(d)
    if steps is not None:
        direction = "frem til næste" if roll is Roll.FORWARD else "tilbage til forrige"
        lo, hi = (d, new) if roll is Roll.FORWARD else (new, d)
        others = [f"{format_date(x.day)} {x.reason}" for x in cal.skipped_between(lo, hi)]
        also = f" (springer også over {', '.join(others)})" if others else ""
        steps.append(f"{format_day(d)} er ikke en hverdag ({reason}); rykkes {direction} hverdag{also}.")
    return new


def _raw_due(cal: WorkingCalendar, period: Period, start: date, steps: list[str] | None) -> date:
    n = period.amount
    if period.unit is Unit.WORKING_DAYS:
        due = cal.add_working_days(start, n)
        if steps is not None:
            steps.extend(_skipped_text(cal, start, due))
        return due
    if period.unit is Unit.CALENDAR_DAYS:
        return start + timedelta(days=n)
    if period.unit is Unit.WEEKS:
        return start + timedelta(days=7 * n)
    if period.unit is Unit.MONTHS:
        due = add_months(start, n)
        if steps is not None and due.day != start.day:
            steps.append(f"Måneden har ikke en {start.day}.; sidste dag i måneden bruges.")
        return due
    raise DeadlineError(f"Enheden {period.unit} kan ikke tælles fra en dato.")


def _check_range(d: date) -> None:
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        raise CalendarRangeError(f"Datoen {d.isoformat()} ligger uden for kalenderens område ({MIN_YEAR}–{MAX_YEAR}).")


def compute_due(
    rule: MilestoneRule,
    anchor: Anchor,
    cal: WorkingCalendar,
    *,
    anchor_label: str = "",
    provisional: bool = False,
    pauses: Sequence[Pause] = (),
    today: date | None = None,
    explain: bool = True,
) -> Deadline:
    """The due date of one milestone counted from ``anchor``.

    ``today`` only matters for an open pause, whose paused working days are counted up to and including
    today. ``explain=False`` skips building the Danish steps (bulk what-if runs).
    """
    steps: list[str] | None = [] if explain else None
    anchor_day = anchor.date() if isinstance(anchor, datetime) else anchor
    _check_range(anchor_day)
    if steps is not None:
        label = f" ({anchor_label})" if anchor_label else ""
        when = anchor.strftime(" kl. %H:%M") if isinstance(anchor, datetime) and rule.unit is Unit.HOURS else ""
        steps.append(f"Udgangspunkt: {format_day(anchor_day)}{when}{label}. Dagen selv tælles ikke med.")
        kind = "forventet tid (ikke et løfte)" if rule.soft else "frist"
        steps.append(f"Regel: {rule.period.danish()} efter udgangspunktet — {kind}.")

    due_at: datetime | None = None
    if rule.unit is Unit.HOURS:
        if not isinstance(anchor, datetime):
            raise DeadlineError(
                f"Milepælen {rule.id} regnes i timer; angiv udgangspunktet med klokkeslæt (ÅÅÅÅ-MM-DDTTT:MM)."
            )
        instant = anchor + timedelta(hours=rule.amount)
        _check_range(instant.date())
        if steps is not None:
            steps.append(f"{format_day(anchor_day)} kl. {anchor:%H:%M} + {rule.amount} timer = "
                         f"{format_day(instant.date())} kl. {instant:%H:%M}.")  # fmt: skip
        day = _roll(cal, instant.date(), rule.roll, steps)
        due_at = datetime.combine(day, instant.time())
        due = day
    else:
        due = _roll(cal, _raw_due(cal, rule.period, anchor_day, steps), rule.roll, steps)

    due = _apply_pauses(cal, anchor_day, due, pauses, today, steps)
    if due_at is not None and due != due_at.date():
        due_at = datetime.combine(due, due_at.time())

    warn_from = None
    if rule.warn is not None:
        warn_from = _roll(cal, _raw_due(cal, rule.warn, anchor_day, None), Roll.FORWARD, None)
        if steps is not None:
            steps.append(f"Advarsel fra {format_day(warn_from)} ({rule.warn.danish()} efter udgangspunktet).")
    if steps is not None:
        when = f" kl. {due_at:%H:%M}" if due_at is not None else ""
        steps.append(f"Frist: {format_day(due)}{when}.")
        if provisional:
            steps.append("Foreløbig: regnet fra forrige milepæls frist, indtil den er udført.")
    return Deadline(rule.id, due, due_at, provisional, warn_from, tuple(steps or ()))


def _apply_pauses(
    cal: WorkingCalendar, anchor: date, due: date, pauses: Sequence[Pause], today: date | None,
    steps: list[str] | None,
) -> date:
    # Only paused working days after the anchor count: a pause that was over before the clock started
    # (e.g. a case pause before a later § 34 application) must not move the new milestone.
    counted: set[date] = set()  # a working day inside overlapping pauses (case + milestone) counts once
    for p in sorted(pauses, key=lambda p: p.start):
        if p.start > due:
            continue
        if p.end is not None:
            end = p.end
        elif today is not None:
            end = max(p.start, today + timedelta(days=1))
        else:
            end = p.start
        first = max(p.start, anchor + timedelta(days=1))
        new_days = [d for d in cal.working_days_in(first, end) if d not in counted]
        counted.update(new_days)
        k = len(new_days)
        if k == 0:
            continue
        due = cal.add_working_days(due, k)
        if steps is not None:
            until = f"–{format_date(end - timedelta(days=1))}" if p.end is not None else " (stadig pauset)"
            why = f" ({p.reason})" if p.reason else ""
            steps.append(f"Pause {format_date(p.start)}{until}{why}: {k} hverdage lægges til → {format_day(due)}.")
    return due


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What is known of one case: the input from which all its milestones are computed."""

    group: str
    triggers: Mapping[str, Anchor]  # trigger kind -> when it happened
    completions: Mapping[str, date] = field(default_factory=dict)  # rule id -> done date
    pauses: Mapping[str, Sequence[Pause]] = field(default_factory=dict)  # rule id -> its pauses
    case_pauses: Sequence[Pause] = ()  # pauses of the whole case


def plan_case(
    catalogue: Catalogue,
    cal: WorkingCalendar,
    facts: CaseFacts,
    *,
    today: date | None = None,
    explain: bool = True,
) -> dict[str, Deadline | None]:
    """Every milestone of the case's group → its :class:`Deadline`, or None when not started yet.

    Milestones come in the catalogue's topological order, so a chain's predecessor is known first.
    """
    out: dict[str, Deadline | None] = {}
    for rule in catalogue.milestones_of(facts.group):
        # A date promised to the citizen in an underretning is that date: a pause does not move it.
        pauses = [] if rule.promise_of else [*facts.case_pauses, *facts.pauses.get(rule.id, ())]
        if rule.after is None:
            assert rule.trigger is not None
            anchor = facts.triggers.get(rule.trigger)
            if anchor is None:
                out[rule.id] = None
                continue
            label = catalogue.triggers[rule.trigger].name
            out[rule.id] = compute_due(rule, anchor, cal, anchor_label=label, pauses=pauses,
                                       today=today, explain=explain)  # fmt: skip
            continue
        pred_rule = catalogue.milestones[rule.after]
        done = facts.completions.get(rule.after)
        if done is not None:
            out[rule.id] = compute_due(rule, done, cal, anchor_label=f"{pred_rule.name} udført", pauses=pauses,
                                       today=today, explain=explain)  # fmt: skip
            continue
        pred = out.get(rule.after)
        if pred is None:
            out[rule.id] = None
            continue
        out[rule.id] = compute_due(rule, pred.due, cal, anchor_label=f"frist for {pred_rule.name}",
                                   provisional=True, pauses=pauses, today=today, explain=explain)  # fmt: skip
    return out
