"""Urgency states of a milestone relative to a given day, and the one palette the UI and Excel share.

Colours are Okabe–Ito (colour-blind safe). Colour is never the only signal: every state has a Danish label
and an icon (plus a plain-text symbol for places where no icon can go, such as a printed sheet).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType

from jobcenter_desktop.core.calendar import WorkingCalendar


class Urgency(StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    SOFT_OVERDUE = "soft_overdue"
    DUE_SOON = "due_soon"
    PAUSED = "paused"
    PROVISIONAL = "provisional"
    LATER = "later"
    NOT_STARTED = "not_started"
    DONE_LATE = "done_late"
    DONE_ON_TIME = "done_on_time"
    NOT_APPLICABLE = "not_applicable"
    EXEMPT = "exempt"


@dataclass(frozen=True, slots=True)
class StateStyle:
    label: str  # Danish
    color: str  # strong colour (icons, calendar markers), #RRGGBB
    fill: str  # light background for table cells and Excel fills; black text stays readable on it
    icon: str  # icon file stem under resources/icons/states/
    symbol: str  # plain-text marker, for print and terminals
    rank: int  # lower = more urgent; the calendar shows a day's most urgent state


PALETTE: MappingProxyType[Urgency, StateStyle] = MappingProxyType({
    Urgency.OVERDUE: StateStyle("Overskredet", "#D55E00", "#F6C9A6", "overdue", "!!", 0),
    Urgency.DUE_TODAY: StateStyle("Frist i dag", "#E69F00", "#FBE1A6", "due_today", "!", 1),
    Urgency.SOFT_OVERDUE: StateStyle("Forventet tid passeret", "#CC79A7", "#F0D2E2", "soft_overdue", "~", 2),
    Urgency.DUE_SOON: StateStyle("Snart", "#F0E442", "#FAF5B8", "due_soon", "»", 3),
    Urgency.PAUSED: StateStyle("Pauset", "#0072B2", "#B3D5EA", "paused", "||", 4),
    Urgency.PROVISIONAL: StateStyle("Foreløbig", "#999999", "#E4E4E4", "provisional", "?", 5),
    Urgency.LATER: StateStyle("Senere", "#56B4E9", "#D7EDFA", "later", "·", 6),
    Urgency.NOT_STARTED: StateStyle("Ikke startet", "#BBBBBB", "#F2F2F2", "not_started", "–", 7),
    Urgency.DONE_LATE: StateStyle("Udført for sent", "#8C4A00", "#E8D5C0", "done_late", "✓!", 8),
    Urgency.DONE_ON_TIME: StateStyle("Udført til tiden", "#009E73", "#B3E2D5", "done_on_time", "✓", 9),
    Urgency.NOT_APPLICABLE: StateStyle("Bortfaldet", "#666666", "#EEEEEE", "not_applicable", "×", 10),
    Urgency.EXEMPT: StateStyle("Fritaget", "#7A5C99", "#E3DAEC", "exempt", "F", 11),
})  # fmt: skip

OPEN_STATES = frozenset(
    {Urgency.OVERDUE, Urgency.DUE_TODAY, Urgency.SOFT_OVERDUE, Urgency.DUE_SOON,
     Urgency.PAUSED, Urgency.PROVISIONAL, Urgency.LATER}
)  # fmt: skip

DEFAULT_DUE_SOON_DAYS = 3


def most_urgent(states: list[Urgency]) -> Urgency | None:
    return min(states, key=lambda s: PALETTE[s].rank) if states else None


def classify(
    *,
    today: date,
    cal: WorkingCalendar,
    due: date | None,
    due_at: datetime | None = None,
    now: datetime | None = None,
    done_on: date | None = None,
    soft: bool = False,
    provisional: bool = False,
    paused: bool = False,
    not_applicable: bool = False,
    exempt: bool = False,
    done_late: bool | None = None,
    warn_from: date | None = None,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> Urgency:
    """The state of one milestone as seen on ``today`` (and at ``now``, for deadlines with a clock time)."""
    if exempt:
        return Urgency.EXEMPT
    if done_on is not None:
        if done_late is not None:  # decided at completion, to the minute where the deadline has a clock time
            return Urgency.DONE_LATE if done_late else Urgency.DONE_ON_TIME
        return Urgency.DONE_ON_TIME if due is None or done_on <= due else Urgency.DONE_LATE
    if not_applicable:
        return Urgency.NOT_APPLICABLE
    if due is None:
        return Urgency.NOT_STARTED
    if paused:
        return Urgency.PAUSED
    if provisional:
        # Counted from a predecessor that is not done yet: the date is a forecast, not a promise.
        return Urgency.PROVISIONAL
    passed = today > due or (today == due and due_at is not None and now is not None and now > due_at)
    if passed:
        return Urgency.SOFT_OVERDUE if soft else Urgency.OVERDUE
    if today == due:
        return Urgency.DUE_TODAY
    if cal.working_days_between(today, due) <= due_soon_days or (warn_from is not None and today >= warn_from):
        return Urgency.DUE_SOON
    return Urgency.LATER
