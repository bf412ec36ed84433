"""Property tests of the deadline engine against independent oracles.

* ``numpy.busday_offset`` / ``busday_count`` with a Monday-Friday week mask and the calendar's own list of
  non-working weekdays checks the working-day *counting* (the binary search over ordinals).
* An Easter computus written out here checks the *holiday set* itself, year by year.
"""

from __future__ import annotations

import calendar as stdcal
from datetime import date, datetime, timedelta
from functools import cache

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobcenter_desktop.core.calendar import MAX_YEAR, MIN_YEAR, DayKind, WorkingCalendar
from jobcenter_desktop.core.deadlines import Pause, add_months, compute_due
from jobcenter_desktop.core.rules import MilestoneRule, Period, Roll, Unit

CAL = WorkingCalendar()  # hypothesis and function-scoped fixtures do not mix; the calendar is immutable anyway
PROPS = settings(max_examples=300, deadline=None)

anchors = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
counts = st.integers(min_value=1, max_value=400)


@cache
def _holidays_of(year: int) -> tuple[np.datetime64, ...]:
    return tuple(np.datetime64(d.day) for d in CAL.non_working_days(year, include_weekends=False))


def holidays_around(d: date) -> np.ndarray:
    """Every non-working weekday (holiday, agreement day) from the same calendar for a span covering ``d``±3 years."""
    days = [h for year in range(d.year - 3, d.year + 4) for h in _holidays_of(year)]
    return np.array(days, dtype="datetime64[D]")


def busday_offset(anchor: date, n: int, roll: str) -> date:
    result = np.busday_offset(np.datetime64(anchor), n, roll=roll, weekmask="1111100", holidays=holidays_around(anchor))
    return result.astype(object)


def make_rule(amount: int, unit: Unit, roll: Roll) -> MilestoneRule:
    return MilestoneRule(id="p", name="P", group="g", period=Period(amount, unit), trigger="t", roll=roll)


# ---------------------------------------------------------------- working days vs numpy


@PROPS
@given(anchor=anchors, n=counts)
def test_add_working_days_matches_numpy(anchor, n):
    # roll="backward" first moves a non-working anchor to the previous working day, from which the n-th
    # business day is the same as the n-th working day after the anchor (the anchor never counts).
    assert CAL.add_working_days(anchor, n) == busday_offset(anchor, n, "backward")


@PROPS
@given(anchor=anchors)
def test_zero_working_days_matches_numpy_forward_roll(anchor):
    assert CAL.add_working_days(anchor, 0) == busday_offset(anchor, 0, "forward")


@PROPS
@given(anchor=anchors, n=counts)
def test_negative_working_days_match_numpy(anchor, n):
    # Counting back from a non-working day starts at the next working day, like numpy's forward roll.
    assert CAL.add_working_days(anchor, -n) == busday_offset(anchor, -n, "forward")


@PROPS
@given(a=anchors, b=anchors)
def test_working_days_between_matches_numpy_busday_count(a, b):
    lo, hi = min(a, b), max(a, b)
    if (hi - lo).days > 3 * 365:
        hi = lo + timedelta(days=(hi - lo).days % (3 * 365))
    # numpy counts [begin, end); working_days_between counts (start, end].
    count = int(
        np.busday_count(
            np.datetime64(lo + timedelta(days=1)),
            np.datetime64(hi + timedelta(days=1)),
            weekmask="1111100",
            holidays=holidays_around(lo),
        )
    )
    assert CAL.working_days_between(lo, hi) == count
    assert CAL.working_days_between(hi, lo) == -count


# ---------------------------------------------------------------- the holiday set vs an Easter computus


def easter_sunday(year: int) -> date:
    """Anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def danish_days_off(year: int) -> set[date]:
    """Helligdage (Store Bededag up to 2023) plus Grundlovsdag, 24 Dec and 31 Dec."""
    e = easter_sunday(year)
    offsets = [-3, -2, 0, 1, 39, 49, 50] + ([26] if year <= 2023 else [])
    fixed = {date(year, 1, 1), date(year, 6, 5), date(year, 12, 24), date(year, 12, 25), date(year, 12, 26),
             date(year, 12, 31)}  # fmt: skip
    return fixed | {e + timedelta(days=o) for o in offsets}


@pytest.mark.parametrize(
    ("year", "easter"),
    [(2023, date(2023, 4, 9)), (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)),
     (2000, date(2000, 4, 23)), (2038, date(2038, 4, 25)), (2008, date(2008, 3, 23))],
)  # fmt: skip
def test_computus_oracle_itself(year, easter):
    assert easter_sunday(year) == easter


def test_named_non_working_days_match_the_computus_for_every_supported_year():
    for year in range(MIN_YEAR, MAX_YEAR + 1):
        days = CAL.non_working_days(year, include_weekends=False)
        assert {d.day for d in days} == danish_days_off(year), year
        assert all(d.kind in (DayKind.HOLIDAY, DayKind.SPECIAL) for d in days)


# ---------------------------------------------------------------- results are working days; roll direction

rolled_units = st.sampled_from([Unit.CALENDAR_DAYS, Unit.WEEKS, Unit.MONTHS])
amounts = st.integers(min_value=1, max_value=60)


def raw_date(anchor: date, amount: int, unit: Unit) -> date:
    if unit is Unit.CALENDAR_DAYS:
        return anchor + timedelta(days=amount)
    if unit is Unit.WEEKS:
        return anchor + timedelta(weeks=amount)
    return add_months(anchor, amount)


@PROPS
@given(anchor=anchors, n=st.integers(min_value=0, max_value=400))
def test_working_day_results_are_working_days(anchor, n):
    due = compute_due(make_rule(n, Unit.WORKING_DAYS, Roll.FORWARD), anchor, CAL, explain=False).due
    assert CAL.is_working_day(due)
    assert due >= anchor
    if n >= 1:
        assert due > anchor


@PROPS
@given(anchor=anchors, amount=amounts, unit=rolled_units)
def test_forward_roll_gives_the_first_working_day_on_or_after_the_raw_date(anchor, amount, unit):
    raw = raw_date(anchor, amount, unit)
    due = compute_due(make_rule(amount, unit, Roll.FORWARD), anchor, CAL, explain=False).due
    assert CAL.is_working_day(due)
    assert due >= raw
    assert due > anchor
    # Nothing but non-working days in between.
    assert CAL.working_days_in(raw, due) == []


@PROPS
@given(anchor=anchors, amount=amounts, unit=rolled_units)
def test_backward_roll_gives_the_last_working_day_on_or_before_the_raw_date(anchor, amount, unit):
    raw = raw_date(anchor, amount, unit)
    due = compute_due(make_rule(amount, unit, Roll.BACKWARD), anchor, CAL, explain=False).due
    assert CAL.is_working_day(due)
    assert due <= raw
    assert CAL.working_days_in(due + timedelta(days=1), raw + timedelta(days=1)) == []


@PROPS
@given(anchor=anchors, amount=amounts, unit=st.sampled_from([Unit.WEEKS, Unit.MONTHS]))
def test_backward_roll_of_weeks_and_months_stays_after_the_anchor(anchor, amount, unit):
    # No run of non-working days in the default calendar is 7 days long, so a week or more never rolls back
    # onto or before the anchor.
    assert compute_due(make_rule(amount, unit, Roll.BACKWARD), anchor, CAL, explain=False).due > anchor


@PROPS
@given(anchor=anchors, amount=amounts, unit=rolled_units)
def test_roll_none_keeps_the_raw_date(anchor, amount, unit):
    assert compute_due(make_rule(amount, unit, Roll.NONE), anchor, CAL, explain=False).due == raw_date(
        anchor, amount, unit
    )


@PROPS
@given(
    anchor=st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2060, 12, 31)),
    hours=st.integers(min_value=1, max_value=24 * 30),
)
def test_hour_results_keep_the_clock_time_on_the_next_working_day(anchor, hours):
    instant = anchor + timedelta(hours=hours)
    deadline = compute_due(make_rule(hours, Unit.HOURS, Roll.FORWARD), anchor, CAL, explain=False)
    assert deadline.due_at is not None
    assert deadline.due_at.time() == instant.time()
    assert deadline.due_at >= instant
    assert deadline.due == deadline.due_at.date() == CAL.next_working_day(instant.date())


@PROPS
@given(a=anchors, b=anchors, n=st.integers(min_value=0, max_value=100))
def test_working_days_are_monotone_in_the_anchor(a, b, n):
    lo, hi = min(a, b), max(a, b)
    assert CAL.add_working_days(lo, n) <= CAL.add_working_days(hi, n)


# ---------------------------------------------------------------- add_months


@PROPS
@given(
    d=st.dates(min_value=date(MIN_YEAR + 11, 1, 1), max_value=date(MAX_YEAR - 11, 12, 31)),
    n=st.integers(min_value=-120, max_value=120),
)
def test_add_months_clamps_the_day(d, n):
    result = add_months(d, n)
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == n
    assert result.day == min(d.day, stdcal.monthrange(result.year, result.month)[1])


@PROPS
@given(
    d=st.builds(date, st.integers(MIN_YEAR, MAX_YEAR - 11), st.integers(1, 12), st.integers(1, 28)),
    n=st.integers(1, 120),
)
def test_add_months_is_exact_for_days_every_month_has(d, n):
    back = add_months(add_months(d, n), -n)
    assert back == d


# ---------------------------------------------------------------- counting identities


@PROPS
@given(anchor=anchors, n=counts)
def test_working_days_between_inverts_add_working_days(anchor, n):
    assert CAL.working_days_between(anchor, CAL.add_working_days(anchor, n)) == n


@PROPS
@given(anchor=anchors, n=st.integers(min_value=1, max_value=60), start=st.integers(-30, 40), length=st.integers(1, 20))
def test_a_closed_pause_before_the_due_date_adds_its_working_days_after_the_anchor(anchor, n, start, length):
    rule = make_rule(n, Unit.WORKING_DAYS, Roll.FORWARD)
    due = compute_due(rule, anchor, CAL, explain=False).due
    pause = Pause(anchor + timedelta(days=start), anchor + timedelta(days=start + length))
    paused = compute_due(rule, anchor, CAL, pauses=[pause], explain=False).due
    if pause.start > due:
        assert paused == due
    else:
        # Only paused working days after the anchor day count (the clock had not started before).
        k = len([d for d in CAL.working_days_in(pause.start, pause.end) if d > anchor])
        assert paused == CAL.add_working_days(due, k)
        assert CAL.working_days_between(due, paused) == k
