"""Kalender: Monday first with ISO week numbers; per-day counts that match the services; Danish holidays shaded
with their names; the selected day's and week's deadlines; the "I dag" button.

(Named test_calendar_view.py: tests/unit/core/test_calendar.py already owns the module name test_calendar.)
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget
from support.qt_wait import settled

from jobcenter_desktop.core.calendar import DANISH_WEEKDAYS
from jobcenter_desktop.core.models import DeadlineFilter
from jobcenter_desktop.core.urgency import most_urgent
from jobcenter_desktop.ui.main_window import TAB_CALENDAR

TODAY = date(2026, 11, 23)


@pytest.fixture
def view(window):
    window.tabs.setCurrentIndex(TAB_CALENDAR)
    return settled(None, window).calendar


def _mine(app, start: date, end: date) -> list:
    return app.deadlines.list(DeadlineFilter(caseworker="anna.k", date_from=start, date_to=end), TODAY)


def test_monday_first_and_iso_week_numbers(view) -> None:
    cal = view.calendar
    assert cal.firstDayOfWeek() == Qt.DayOfWeek.Monday
    assert cal.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.ISOWeekNumbers
    assert cal.locale().name() == "da_DK"


def test_day_counts_match_the_services(view, window) -> None:
    view.calendar.setCurrentPage(2026, 11)
    settled(None, view.window())  # counts and lists load off the UI thread
    view.reload_month()
    settled(None, view.window())  # counts and lists load off the UI thread
    summary = view.calendar.summary
    assert summary, "anna.k has deadlines in November 2026 in the demo data"
    first, last = date(2026, 10, 26), date(2026, 12, 6)  # the six weeks the November grid shows
    per_day: dict[date, list] = {}
    for r in _mine(window.app, first, last):
        per_day.setdefault(r.due, []).append(r)
    assert sum(len(v) for v in per_day.values()) > 3
    for day in (first + timedelta(days=i) for i in range((last - first).days + 1)):
        expected = per_day.get(day)
        shown = summary.get(day)
        if expected is None:
            assert shown is None, day
        else:
            assert shown == (len(expected), most_urgent([r.urgency for r in expected])), day


def test_counts_follow_the_worklist_filter(view, window) -> None:
    view.calendar.setCurrentPage(2026, 11)
    settled(None, view.window())  # counts and lists load off the UI thread
    mine = sum(n for n, _ in view.calendar.summary.values())
    window.worklist.caseworker_combo.setCurrentIndex(window.worklist.caseworker_combo.findData(""))
    settled(None, view.window())  # counts and lists load off the UI thread
    view.reload_month()
    settled(None, view.window())  # counts and lists load off the UI thread
    everyone = sum(n for n, _ in view.calendar.summary.values())
    assert everyone > mine


def test_december_holidays_named(view) -> None:
    view.calendar.setCurrentPage(2026, 12)  # the page change reloads the month
    settled(None, view.window())  # counts and lists load off the UI thread
    nw = view.calendar.non_working
    assert nw[date(2026, 12, 25)] == "Juledag"
    assert nw[date(2026, 12, 26)]  # 2. juledag (a Saturday in 2026)
    assert nw[date(2026, 12, 24)] == "Juleaftensdag"  # off by default
    assert nw[date(2026, 12, 31)]
    assert nw[date(2026, 12, 5)] == DANISH_WEEKDAYS[5]  # weekends are shaded too
    assert date(2026, 12, 23) not in nw and date(2026, 12, 28) not in nw
    # The name is the day's tooltip.
    assert view.calendar.dateTextFormat(QDate(2026, 12, 25)).toolTip().startswith("Juledag")


def test_selecting_a_day_lists_its_deadlines(view, window) -> None:
    view.calendar.setCurrentPage(2026, 11)
    settled(None, view.window())  # counts and lists load off the UI thread
    busy = max(view.calendar.summary, key=lambda d: view.calendar.summary[d][0])
    view.calendar.setSelectedDate(QDate(busy.year, busy.month, busy.day))
    settled(None, view.window())  # counts and lists load off the UI thread
    expected = _mine(window.app, busy, busy)
    assert expected
    assert {r.milestone_id for r in view.day_model.rows()} == {r.milestone_id for r in expected}
    noun = "frist" if len(expected) == 1 else "frister"
    assert f"{busy:%d-%m-%Y}: {len(expected)} {noun}" in view.day_title.text()

    iso = busy.isocalendar()
    monday = busy - timedelta(days=busy.weekday())
    week = _mine(window.app, monday, monday + timedelta(days=6))
    assert view.week_title.text().startswith(f"Uge {iso.week} ({monday:%d-%m-%Y}–")
    assert f"{len(week)} {'frist' if len(week) == 1 else 'frister'}" in view.week_title.text()
    assert {r.milestone_id for r in view.week_model.rows()} == {r.milestone_id for r in week}


def test_holiday_title_names_the_holiday(view) -> None:
    view.calendar.setSelectedDate(QDate(2026, 12, 25))
    settled(None, view.window())  # counts and lists load off the UI thread
    assert view.day_title.text().startswith("Fredag 25-12-2026")
    assert view.day_title.text().endswith("— Juledag")
    assert view.week_title.text().startswith("Uge 52 (21-12-2026–27-12-2026)")


def test_today_button_selects_today(qtbot, view) -> None:
    view.calendar.setSelectedDate(QDate(2027, 2, 10))
    settled(None, view.window())  # counts and lists load off the UI thread
    assert view.calendar.monthShown() == 2
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    settled(None, view.window())  # counts and lists load off the UI thread
    assert view.selected() == TODAY
    assert (view.calendar.yearShown(), view.calendar.monthShown()) == (2026, 11)
    assert view.calendar.today == TODAY
    assert view.day_title.text().startswith("Mandag 23-11-2026")
    assert view.week_title.text().startswith("Uge 48 ")
