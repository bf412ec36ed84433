"""The shared urgency palette as Qt colours and icons, the stylesheet, and Danish date text for the UI."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QIcon

from jobcenter_desktop.core.calendar import DANISH_MONTHS, DANISH_WEEKDAYS, format_date
from jobcenter_desktop.core.notice import NOTICE_STYLES, NoticeState
from jobcenter_desktop.core.urgency import PALETTE, Urgency
from jobcenter_desktop.paths import resource_path


@cache
def state_icon(state: Urgency) -> QIcon:
    return QIcon(str(resource_path("icons", "states", f"{PALETTE[state].icon}.svg")))


@cache
def state_fill(state: Urgency) -> QColor:
    return QColor(PALETTE[state].fill)


@cache
def state_color(state: Urgency) -> QColor:
    return QColor(PALETTE[state].color)


@cache
def notice_icon(state: NoticeState) -> QIcon:
    return QIcon(str(resource_path("icons", "states", f"{NOTICE_STYLES[state].icon}.svg")))


@cache
def notice_fill(state: NoticeState) -> QColor:
    return QColor(NOTICE_STYLES[state].fill)


@cache
def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "app.svg")))


def stylesheet() -> str:
    try:
        return resource_path("styles", "app.qss").read_text(encoding="utf-8")
    except OSError:
        return ""  # a missing stylesheet makes the app plainer, not broken


def now_for(today: date) -> datetime | None:
    """The clock time to judge deadlines counted in hours, when the view shows the real today (a what-if
    "today" in tests or screenshots has no clock time)."""
    now = datetime.now()
    return now if now.date() == today else None


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def weekday_date(d: date) -> str:
    """``tor 18-12-2025``: short Danish weekday + dd-mm-yyyy."""
    return f"{DANISH_WEEKDAYS[d.weekday()][:3]} {format_date(d)}"


def due_text(due: date, due_at: datetime | None = None) -> str:
    """``man 23-11-2026`` or, for deadlines counted in hours, ``man 23-11-2026 13:45``."""
    return weekday_date(due) + (f" {due_at:%H:%M}" if due_at else "")


def when_text(value: date | datetime | None) -> str:
    """A date or a point in time: ``23-11-2026`` / ``23-11-2026 kl. 13:45``; ``—`` for none."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        return f"{format_date(value.date())} kl. {value:%H:%M}"
    return format_date(value)


def month_title(year: int, month: int) -> str:
    return f"{DANISH_MONTHS[month - 1].capitalize()} {year}"
