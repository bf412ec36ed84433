"""Urgency states and the shared palette."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from jobcenter_desktop.core.urgency import (
    DEFAULT_DUE_SOON_DAYS,
    OPEN_STATES,
    PALETTE,
    Urgency,
    classify,
    most_urgent,
)

THU = date(2025, 12, 11)  # an ordinary Thursday, well before Christmas


@pytest.mark.parametrize(
    ("today", "due", "expected"),
    [
        (THU, date(2025, 12, 10), Urgency.OVERDUE),
        (THU, date(2025, 11, 1), Urgency.OVERDUE),
        (THU, THU, Urgency.DUE_TODAY),
        (THU, date(2025, 12, 12), Urgency.DUE_SOON),  # tomorrow
        # Thu -> Tue: Fri, Mon, Tue = 3 working days (5 calendar days): due soon
        (THU, date(2025, 12, 16), Urgency.DUE_SOON),
        # Thu -> Wed: 4 working days: later
        (THU, date(2025, 12, 17), Urgency.LATER),
        # Saturday -> Wed: Mon, Tue, Wed = 3
        (date(2025, 12, 13), date(2025, 12, 17), Urgency.DUE_SOON),
        (date(2025, 12, 13), date(2025, 12, 18), Urgency.LATER),
        # Over Christmas: Tue 23 Dec -> Fri 2 Jan is 10 calendar days but only 3 working days (29, 30, 2)
        (date(2025, 12, 23), date(2026, 1, 2), Urgency.DUE_SOON),
        (date(2025, 12, 23), date(2026, 1, 5), Urgency.LATER),
        # Overdue on a weekend after a Friday deadline
        (date(2025, 12, 13), date(2025, 12, 12), Urgency.OVERDUE),
        (THU, date(2026, 1, 15), Urgency.LATER),
    ],
)
def test_open_deadline_states(cal, today, due, expected):
    assert classify(today=today, cal=cal, due=due) is expected


@pytest.mark.parametrize(
    ("due", "done_on", "expected"),
    [
        (THU, THU, Urgency.DONE_ON_TIME),
        (THU, date(2025, 12, 1), Urgency.DONE_ON_TIME),
        (THU, date(2025, 12, 12), Urgency.DONE_LATE),
        (None, THU, Urgency.DONE_ON_TIME),  # done before it was even started
    ],
)
def test_done_states(cal, due, done_on, expected):
    # "today" is long after the due date: a done milestone is never overdue.
    assert classify(today=date(2026, 6, 1), cal=cal, due=due, done_on=done_on) is expected


def test_done_wins_over_other_flags(cal):
    state = classify(today=THU, cal=cal, due=date(2025, 12, 1), done_on=date(2025, 12, 2), paused=True,
                     provisional=True, not_applicable=True, soft=True)  # fmt: skip
    assert state is Urgency.DONE_LATE


def test_soft_overdue(cal):
    assert classify(today=THU, cal=cal, due=date(2025, 12, 10), soft=True) is Urgency.SOFT_OVERDUE
    assert classify(today=THU, cal=cal, due=THU, soft=True) is Urgency.DUE_TODAY
    assert classify(today=THU, cal=cal, due=date(2026, 1, 15), soft=True) is Urgency.LATER


def test_provisional_paused_not_started_not_applicable(cal):
    overdue = date(2025, 12, 1)
    assert classify(today=THU, cal=cal, due=overdue, provisional=True) is Urgency.PROVISIONAL
    assert classify(today=THU, cal=cal, due=date(2026, 3, 1), provisional=True) is Urgency.PROVISIONAL
    assert classify(today=THU, cal=cal, due=overdue, paused=True) is Urgency.PAUSED
    assert classify(today=THU, cal=cal, due=None) is Urgency.NOT_STARTED
    assert classify(today=THU, cal=cal, due=overdue, not_applicable=True) is Urgency.NOT_APPLICABLE
    assert classify(today=THU, cal=cal, due=None, not_applicable=True) is Urgency.NOT_APPLICABLE
    # Paused is shown before provisional: the clock is stopped either way.
    assert classify(today=THU, cal=cal, due=overdue, paused=True, provisional=True) is Urgency.PAUSED


@pytest.mark.parametrize(
    ("now", "soft", "expected"),
    [
        (datetime(2025, 12, 11, 15, 1), False, Urgency.OVERDUE),  # the time has passed on the due day
        (datetime(2025, 12, 11, 15, 1), True, Urgency.SOFT_OVERDUE),
        (datetime(2025, 12, 11, 15, 0), False, Urgency.DUE_TODAY),  # exactly at the deadline: not passed
        (datetime(2025, 12, 11, 8, 0), False, Urgency.DUE_TODAY),
        (None, False, Urgency.DUE_TODAY),  # no clock given: the day decides
    ],
)
def test_hours_deadline_on_its_due_day(cal, now, soft, expected):
    state = classify(today=THU, cal=cal, due=THU, due_at=datetime(2025, 12, 11, 15, 0), now=now, soft=soft)
    assert state is expected


def test_hours_deadline_the_day_before_is_not_overdue(cal):
    state = classify(today=date(2025, 12, 10), cal=cal, due=THU, due_at=datetime(2025, 12, 11, 9, 0),
                     now=datetime(2025, 12, 10, 23, 0))  # fmt: skip
    assert state is Urgency.DUE_SOON


def test_warn_from_makes_a_far_deadline_due_soon(cal):
    due = date(2026, 1, 12)
    warn = date(2026, 1, 5)
    assert classify(today=date(2025, 12, 30), cal=cal, due=due, warn_from=warn) is Urgency.LATER
    assert classify(today=warn, cal=cal, due=due, warn_from=warn) is Urgency.DUE_SOON
    assert classify(today=date(2026, 1, 6), cal=cal, due=due, warn_from=warn) is Urgency.DUE_SOON


@pytest.mark.parametrize(("days", "expected"), [(0, Urgency.LATER), (1, Urgency.DUE_SOON), (5, Urgency.DUE_SOON)])
def test_due_soon_window_is_configurable(cal, days, expected):
    assert classify(today=THU, cal=cal, due=date(2025, 12, 12), due_soon_days=days) is expected


def test_default_due_soon_window_is_three_working_days():
    assert DEFAULT_DUE_SOON_DAYS == 3


# ---------------------------------------------------------------- palette


def test_palette_covers_every_state():
    assert set(PALETTE) == set(Urgency)


@pytest.mark.parametrize("state", list(Urgency))
def test_palette_entry(state):
    style = PALETTE[state]
    assert style.label.strip()
    assert style.icon.strip()
    assert style.symbol.strip()
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", style.color), style.color
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", style.fill), style.fill
    assert style.color.upper() != style.fill.upper()


def test_palette_ranks_and_labels_are_unique():
    ranks = [s.rank for s in PALETTE.values()]
    assert len(set(ranks)) == len(ranks)
    labels = [s.label for s in PALETTE.values()]
    assert len(set(labels)) == len(labels)
    icons = [s.icon for s in PALETTE.values()]
    assert len(set(icons)) == len(icons)


def test_palette_labels_are_danish():
    assert PALETTE[Urgency.OVERDUE].label == "Overskredet"
    assert PALETTE[Urgency.DUE_TODAY].label == "Frist i dag"
    assert PALETTE[Urgency.DONE_ON_TIME].label == "Udført til tiden"


def test_fills_are_light_enough_for_black_text():
    def luminance(hex_colour: str) -> float:
        r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    for state, style in PALETTE.items():
        contrast = (luminance(style.fill) + 0.05) / 0.05  # against black text
        assert contrast >= 7, (state, style.fill, contrast)  # WCAG AAA for normal text


def test_most_urgent_and_open_states():
    assert most_urgent([]) is None
    assert most_urgent([Urgency.LATER, Urgency.OVERDUE, Urgency.DUE_SOON]) is Urgency.OVERDUE
    assert most_urgent([Urgency.DONE_ON_TIME, Urgency.PROVISIONAL]) is Urgency.PROVISIONAL
    assert PALETTE[Urgency.OVERDUE].rank < PALETTE[Urgency.DUE_TODAY].rank < PALETTE[Urgency.LATER].rank
    assert frozenset(
        {Urgency.OVERDUE, Urgency.DUE_TODAY, Urgency.SOFT_OVERDUE, Urgency.DUE_SOON, Urgency.PAUSED,
         Urgency.PROVISIONAL, Urgency.LATER}
    ) == OPEN_STATES  # fmt: skip
