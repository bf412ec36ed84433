"""The Danish working-day calendar: holidays, agreement days, closures and counting.

Every expected date below was worked out by hand from a printed Danish calendar (Easter 2023: 9 April,
2024: 31 March, 2025: 20 April, 2026: 5 April), never by running the code.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from jobcenter_desktop.core.calendar import (
    MAX_YEAR,
    MIN_YEAR,
    CalendarRangeError,
    CalendarSettings,
    DayKind,
    NonWorkingDay,
    WorkingCalendar,
    format_date,
    format_day,
    group_runs,
)

# ---------------------------------------------------------------- statutory holidays (helligdage)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        # 2023: Store Bededag still exists (4th Friday after Easter, 9 April + 26 days).
        (date(2023, 4, 6), "Skærtorsdag"),
        (date(2023, 4, 7), "Langfredag"),
        (date(2023, 4, 10), "Anden påskedag"),
        (date(2023, 5, 5), "Store bededag"),
        (date(2023, 5, 18), "Kristi himmelfartsdag"),
        (date(2023, 5, 29), "Anden pinsedag"),
        # Easter 2024 (Easter Sunday 31 March)
        (date(2024, 3, 28), "Skærtorsdag"),
        (date(2024, 3, 29), "Langfredag"),
        (date(2024, 4, 1), "Anden påskedag"),
        (date(2024, 5, 9), "Kristi himmelfartsdag"),
        (date(2024, 5, 20), "Anden pinsedag"),
        # Easter 2025 (Easter Sunday 20 April)
        (date(2025, 4, 17), "Skærtorsdag"),
        (date(2025, 4, 18), "Langfredag"),
        (date(2025, 4, 21), "Anden påskedag"),
        (date(2025, 5, 29), "Kristi himmelfartsdag"),
        (date(2025, 6, 9), "Anden pinsedag"),
        # Easter 2026 (Easter Sunday 5 April)
        (date(2026, 4, 2), "Skærtorsdag"),
        (date(2026, 4, 3), "Langfredag"),
        (date(2026, 4, 6), "Anden påskedag"),
        (date(2026, 5, 14), "Kristi himmelfartsdag"),
        (date(2026, 5, 25), "Anden pinsedag"),
        # Christmas and New Year
        (date(2025, 1, 1), "Nytårsdag"),
        (date(2025, 12, 25), "Juledag"),
        (date(2025, 12, 26), "Anden juledag"),
        (date(2026, 1, 1), "Nytårsdag"),
    ],
)
def test_statutory_holidays_are_not_working_days_and_carry_their_danish_name(cal, day, name):
    assert day.weekday() < 5, "the test data should be weekdays, or the weekend alone would explain it"
    assert not cal.is_working_day(day)
    nwd = cal.non_working_day(day)
    assert nwd is not None
    assert nwd.kind is DayKind.HOLIDAY
    assert nwd.reason.casefold() == name.casefold()
    assert cal.non_working_reason(day).casefold() == name.casefold()


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2025, 4, 20), "Påskedag"),
        (date(2025, 6, 8), "Pinsedag"),
        (date(2024, 3, 31), "Påskedag"),
        (date(2026, 5, 24), "Pinsedag"),
    ],
)
def test_sunday_holidays_are_named_after_the_holiday_not_the_weekday(cal, day, name):
    assert day.weekday() == 6
    assert not cal.is_working_day(day)
    assert cal.non_working_reason(day).casefold() == name.casefold()


@pytest.mark.parametrize(
    "day",
    [
        date(2024, 4, 26),  # 4th Friday after Easter 2024: Store Bededag was abolished from 2024
        date(2025, 5, 16),  # ... and 2025 (20 April + 26 days)
        date(2023, 5, 1),  # 1 May (Arbejdernes kampdag) is a working day
        date(2024, 5, 1),
        date(2025, 5, 1),
        date(2025, 4, 16),  # Wednesday before Skærtorsdag
        date(2025, 4, 22),  # Tuesday after Anden påskedag
        date(2025, 5, 30),  # Friday after Kristi himmelfart: only a working day (no closure by default)
        date(2025, 12, 23),
        date(2025, 12, 29),
        date(2025, 12, 30),
        date(2026, 1, 2),
        date(2025, 12, 18),
    ],
)
def test_ordinary_weekdays_are_working_days(cal, day):
    assert cal.is_working_day(day)
    assert cal.non_working_reason(day) is None
    assert cal.non_working_day(day) is None


def test_store_bededag_2023_is_skipped_but_the_same_friday_2024_is_counted(cal):
    # 2023: Thu 4 May -> Fri 5 May (Store Bededag), Sat, Sun -> Mon 8 May: one working day.
    assert cal.working_days_between(date(2023, 5, 4), date(2023, 5, 8)) == 1
    assert cal.add_working_days(date(2023, 5, 4), 1) == date(2023, 5, 8)
    # 2024: Thu 25 Apr -> Fri 26 Apr (ordinary Friday), Mon 29 Apr: two working days.
    assert cal.working_days_between(date(2024, 4, 25), date(2024, 4, 29)) == 2
    assert cal.add_working_days(date(2024, 4, 25), 1) == date(2024, 4, 26)


def test_a_whole_year_has_the_hand_counted_number_of_working_days(cal):
    # 2025: 365 days starting on a Wednesday -> 104 weekend days. Weekday holidays: 1 Jan, 17/18/21 Apr,
    # 29 May, 9 Jun, 25/26 Dec (8); agreement days 5 Jun, 24 Dec, 31 Dec (3). 365 - 104 - 8 - 3 = 250.
    assert len(cal.working_days_in(date(2025, 1, 1), date(2026, 1, 1))) == 250


# ---------------------------------------------------------------- agreement days (fridage)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2025, 6, 5), "Grundlovsdag"),
        (date(2025, 12, 24), "Juleaften"),
        (date(2025, 12, 31), "Nytårsaftensdag"),
        (date(2026, 6, 5), "Grundlovsdag"),
    ],
)
def test_agreement_days_are_off_by_default(cal, day, name):
    assert day.weekday() < 5
    assert not cal.is_working_day(day)
    nwd = cal.non_working_day(day)
    assert nwd.kind is DayKind.SPECIAL
    assert name.casefold() in nwd.reason.casefold()


@pytest.mark.parametrize(
    ("flag", "day"),
    [
        ("grundlovsdag_off", date(2025, 6, 5)),
        ("christmas_eve_off", date(2025, 12, 24)),
        ("new_years_eve_off", date(2025, 12, 31)),
    ],
)
def test_each_agreement_day_is_a_working_day_when_switched_off(flag, day):
    cal = WorkingCalendar(CalendarSettings(**{flag: False}))
    assert cal.is_working_day(day)
    assert cal.non_working_reason(day) is None
    # ... and switching off one day leaves the other two alone.
    others = {date(2025, 6, 5), date(2025, 12, 24), date(2025, 12, 31)} - {day}
    for other in others:
        assert not cal.is_working_day(other)


def test_agreement_days_switched_off_change_the_count():
    # Tue 3 Jun 2025 + 2 working days: Wed 4, (Thu 5 Grundlovsdag), Fri 6 by default; Thu 5 when it is worked.
    assert WorkingCalendar().add_working_days(date(2025, 6, 3), 2) == date(2025, 6, 6)
    assert WorkingCalendar(CalendarSettings(grundlovsdag_off=False)).add_working_days(date(2025, 6, 3), 2) == date(
        2025, 6, 5
    )


def test_an_agreement_day_on_a_saturday_stays_a_weekend_day_when_switched_off():
    cal = WorkingCalendar(CalendarSettings(grundlovsdag_off=False))
    assert date(2027, 6, 5).weekday() == 5
    assert not cal.is_working_day(date(2027, 6, 5))
    assert cal.non_working_day(date(2027, 6, 5)).kind is DayKind.WEEKEND


def test_statutory_holidays_cannot_be_switched_off():
    cal = WorkingCalendar(CalendarSettings(grundlovsdag_off=False, christmas_eve_off=False, new_years_eve_off=False))
    for day in (date(2025, 12, 25), date(2025, 12, 26), date(2026, 1, 1), date(2025, 4, 18)):
        assert not cal.is_working_day(day)


# ---------------------------------------------------------------- local closures (lukkedage)


def test_closure_days_are_not_working_days_and_keep_their_reason():
    closure = date(2025, 5, 30)  # the Friday after Kristi himmelfartsdag
    cal = WorkingCalendar(CalendarSettings(closures={closure: "fredag efter Kristi himmelfart"}))
    assert not cal.is_working_day(closure)
    nwd = cal.non_working_day(closure)
    assert nwd.kind is DayKind.CLOSURE
    assert "fredag efter Kristi himmelfart" in nwd.reason
    assert "fredag efter Kristi himmelfart" in cal.non_working_reason(closure)
    assert closure in [d.day for d in cal.non_working_days(2025, include_weekends=False)]


def test_closure_days_are_skipped_when_counting():
    # Wed 28 May 2025 + 1: Thu 29 is Kristi himmelfartsdag; Fri 30 is a working day by default ...
    assert WorkingCalendar().add_working_days(date(2025, 5, 28), 1) == date(2025, 5, 30)
    # ... but closed here, and so is the weekend -> Mon 2 Jun.
    cal = WorkingCalendar(CalendarSettings(closures={date(2025, 5, 30): "lukket"}))
    assert cal.add_working_days(date(2025, 5, 28), 1) == date(2025, 6, 2)


def test_closure_days_in_several_years():
    cal = WorkingCalendar(CalendarSettings(closures={date(2024, 7, 15): "sommer", date(2031, 7, 14): "sommer"}))
    assert not cal.is_working_day(date(2024, 7, 15))
    assert not cal.is_working_day(date(2031, 7, 14))
    assert cal.is_working_day(date(2031, 7, 15))


def test_a_closure_on_a_holiday_keeps_the_day_off():
    cal = WorkingCalendar(CalendarSettings(closures={date(2025, 12, 25): "lukket"}))
    assert not cal.is_working_day(date(2025, 12, 25))


# ---------------------------------------------------------------- listing the non-working days


def test_non_working_days_lists_weekends_and_holidays_in_order_with_reasons(cal):
    days = cal.non_working_days(2025)
    assert [d.day for d in days] == sorted(d.day for d in days)
    assert len({d.day for d in days}) == len(days)
    assert all(d.day.year == 2025 for d in days)
    assert all(isinstance(d, NonWorkingDay) and d.reason for d in days)
    assert len(days) == 115  # 104 weekend days + 8 weekday holidays + 3 agreement days (hand count above)
    # The first days of 2025: Wed 1 Jan Nytårsdag, Sat 4, Sun 5 Jan.
    assert [(d.day, d.reason.casefold()) for d in days[:3]] == [
        (date(2025, 1, 1), "nytårsdag"),
        (date(2025, 1, 4), "lørdag"),
        (date(2025, 1, 5), "søndag"),
    ]
    by_day = {d.day: d for d in days}
    assert by_day[date(2025, 12, 25)].reason == "Juledag"
    assert by_day[date(2025, 12, 27)].kind is DayKind.WEEKEND
    # Every day that is not listed is a working day and vice versa.
    d = date(2025, 1, 1)
    while d.year == 2025:
        assert (d in by_day) != cal.is_working_day(d)
        d += timedelta(days=1)


def test_non_working_days_without_weekends(cal):
    days = cal.non_working_days(2025, include_weekends=False)
    assert all(d.kind is not DayKind.WEEKEND for d in days)
    # The named days, including the two holidays that fall on a Sunday (Påskedag, Pinsedag).
    assert [d.day for d in days] == [
        date(2025, 1, 1),
        date(2025, 4, 17),
        date(2025, 4, 18),
        date(2025, 4, 20),
        date(2025, 4, 21),
        date(2025, 5, 29),
        date(2025, 6, 5),
        date(2025, 6, 8),
        date(2025, 6, 9),
        date(2025, 12, 24),
        date(2025, 12, 25),
        date(2025, 12, 26),
        date(2025, 12, 31),
    ]


def test_non_working_days_2024_has_no_store_bededag_and_2023_has(cal):
    names_2023 = {d.reason.casefold() for d in cal.non_working_days(2023, include_weekends=False)}
    names_2024 = {d.reason.casefold() for d in cal.non_working_days(2024, include_weekends=False)}
    assert "store bededag" in names_2023
    assert "store bededag" not in names_2024


def test_skipped_between_lists_the_christmas_run(cal):
    skipped = cal.skipped_between(date(2025, 12, 23), date(2025, 12, 29))
    assert [d.day for d in skipped] == [date(2025, 12, d) for d in (24, 25, 26, 27, 28)]
    assert [d.reason.casefold() for d in skipped[1:3]] == ["juledag", "anden juledag"]
    runs = group_runs(skipped)
    assert len(runs) == 1


def test_group_runs_splits_at_gaps():
    days = [NonWorkingDay(date(2025, 4, d), DayKind.HOLIDAY, "x") for d in (17, 18, 19, 20, 21, 26, 27)]
    runs = group_runs(days)
    assert [[d.day.day for d in run] for run in runs] == [[17, 18, 19, 20, 21], [26, 27]]
    assert group_runs([]) == []


# ---------------------------------------------------------------- settings fingerprint


def test_fingerprint_is_stable_for_equal_settings():
    a = CalendarSettings(closures={date(2025, 5, 30): "lukket"})
    b = CalendarSettings(closures={date(2025, 5, 30): "lukket"})
    assert a.fingerprint() == b.fingerprint()
    assert CalendarSettings().fingerprint() == CalendarSettings().fingerprint()
    assert re.fullmatch(r"[0-9a-f]{12}", CalendarSettings().fingerprint())


@pytest.mark.parametrize(
    "changed",
    [
        CalendarSettings(grundlovsdag_off=False),
        CalendarSettings(christmas_eve_off=False),
        CalendarSettings(new_years_eve_off=False),
        CalendarSettings(closures={date(2025, 5, 30): "lukket"}),
        CalendarSettings(closures={date(2025, 5, 30): "lukket", date(2025, 7, 14): "sommer"}),
    ],
)
def test_fingerprint_changes_when_settings_change(changed):
    assert changed.fingerprint() != CalendarSettings().fingerprint()


def test_fingerprint_distinguishes_closure_dates_and_flags():
    fps = {
        CalendarSettings(closures={date(2025, 5, 30): "x"}).fingerprint(),
        CalendarSettings(closures={date(2025, 5, 29): "x"}).fingerprint(),
        CalendarSettings(grundlovsdag_off=False).fingerprint(),
        CalendarSettings(christmas_eve_off=False).fingerprint(),
        CalendarSettings(new_years_eve_off=False).fingerprint(),
        CalendarSettings().fingerprint(),
    }
    assert len(fps) == 6


def test_describe_names_the_agreement_days_that_are_off():
    text = CalendarSettings(grundlovsdag_off=False, closures={date(2025, 5, 30): "x"}).describe()
    assert "Grundlovsdag" not in text
    assert "juleaftensdag" in text
    assert "nytårsaftensdag" in text
    assert "lukkedage: 1" in text


# ---------------------------------------------------------------- counting


@pytest.mark.parametrize(
    ("today", "due", "expected"),
    [
        (date(2025, 12, 18), date(2025, 12, 18), 0),  # the due day itself
        (date(2025, 12, 17), date(2025, 12, 18), 1),  # the working day before
        (date(2025, 12, 19), date(2025, 12, 22), 1),  # Fri -> Mon over the weekend
        (date(2025, 12, 20), date(2025, 12, 22), 1),  # Sat -> Mon
        (date(2025, 12, 15), date(2025, 12, 19), 4),
        (date(2025, 12, 23), date(2025, 12, 29), 1),  # over Juleaften, jul and the weekend
        (date(2025, 12, 18), date(2025, 12, 30), 5),
        (date(2025, 12, 19), date(2025, 12, 18), -1),  # one working day overdue
        (date(2025, 12, 22), date(2025, 12, 19), -1),  # Mon, due Fri: one working day overdue
        (date(2025, 12, 29), date(2025, 12, 23), -1),
        (date(2026, 1, 2), date(2025, 12, 23), -3),  # 29, 30 Dec, 2 Jan
        (date(2025, 12, 20), date(2025, 12, 21), 0),  # Sat -> Sun: no working day in between
    ],
)
def test_working_days_between_sign_convention(cal, today, due, expected):
    assert cal.working_days_between(today, due) == expected


def test_working_days_between_is_antisymmetric(cal):
    a, b = date(2025, 3, 3), date(2025, 4, 28)
    assert cal.working_days_between(a, b) == -cal.working_days_between(b, a)
    # March 2025 from Mon 3: 4-7 (4), 10-14, 17-21, 24-28 (15), 31 (1) = 20; April up to 28: 1-4 (4),
    # 7-11 (5), 14-16 (3; 17/18 påske), 22-25 (4; 21 Anden påskedag), 28 (1) = 17. Total 37.
    assert cal.working_days_between(a, b) == 37


@pytest.mark.parametrize(
    ("anchor", "n", "expected"),
    [
        (date(2025, 12, 18), 1, date(2025, 12, 19)),
        (date(2025, 12, 19), 1, date(2025, 12, 22)),  # Fri -> Mon
        (date(2025, 12, 20), 1, date(2025, 12, 22)),  # Saturday anchor: first working day after is Monday
        (date(2025, 12, 21), 1, date(2025, 12, 22)),  # Sunday anchor
        (date(2025, 12, 20), 2, date(2025, 12, 23)),
        (date(2025, 12, 23), 1, date(2025, 12, 29)),  # over Christmas
        (date(2025, 12, 23), 3, date(2026, 1, 2)),  # 29, 30 Dec, (31 Dec, 1 Jan off) 2 Jan
        (date(2025, 4, 16), 1, date(2025, 4, 22)),  # over Easter 2025
        (date(2026, 4, 1), 1, date(2026, 4, 7)),  # over Easter 2026
        (date(2025, 12, 18), 0, date(2025, 12, 18)),  # n = 0 on a working day: the day itself
        (date(2025, 12, 20), 0, date(2025, 12, 22)),  # n = 0 on a Saturday: next working day
        (date(2025, 12, 24), 0, date(2025, 12, 29)),
        (date(2025, 12, 29), -1, date(2025, 12, 23)),  # backwards over Christmas
        (date(2025, 12, 22), -1, date(2025, 12, 19)),
        (date(2025, 12, 20), -1, date(2025, 12, 19)),  # backwards from a Saturday
        (date(2025, 4, 22), -2, date(2025, 4, 15)),  # backwards over Easter 2025
    ],
)
def test_add_working_days(cal, anchor, n, expected):
    assert cal.add_working_days(anchor, n) == expected


def test_add_working_days_across_many_years(cal):
    # 250 working days in 2025 (hand count above): the 250th working day after 31 Dec 2024 is the last
    # working day of 2025, Tue 30 Dec (31 Dec is off).
    assert cal.add_working_days(date(2024, 12, 31), 250) == date(2025, 12, 30)
    assert cal.add_working_days(date(2024, 12, 31), 251) == date(2026, 1, 2)


def test_a_fresh_calendar_counts_across_the_years_it_has_loaded():
    # A new calendar loads only the years around the first query, so these counts must extend it on their own.
    # Fri 20 Dec 2019 + 20: Mon 23 (1), (24-26 off) Fri 27 (2), Mon 30 (3), (31 Dec, 1 Jan off) Thu 2 Jan (4),
    # Fri 3 (5), 6-10 Jan (6-10), 13-17 (11-15), 20-24 (16-20) -> Fri 24 Jan 2020.
    assert WorkingCalendar().add_working_days(date(2019, 12, 20), 20) == date(2020, 1, 24)
    # Backwards from Fri 3 Jan 2020: Thu 2 (-1), Mon 30 Dec (-2), Fri 27 (-3), Mon 23 (-4), Fri 20 Dec 2019 (-5).
    assert WorkingCalendar().add_working_days(date(2020, 1, 3), -5) == date(2019, 12, 20)
    assert WorkingCalendar().working_days_between(date(2019, 12, 20), date(2020, 1, 24)) == 20
    assert WorkingCalendar().working_days_between(date(2020, 1, 24), date(2019, 12, 20)) == -20
    # A late year first, then an early one, each across a block boundary.
    cal = WorkingCalendar()
    assert cal.add_working_days(date(2039, 12, 30), 1) == date(2040, 1, 2)  # Fri 30 Dec -> (31 Sat, 1 Sun) Mon 2
    assert cal.add_working_days(date(1999, 12, 30), 1) == date(2000, 1, 3)  # Thu -> (31 Dec off, Sat, Sun) Mon 3
    assert not cal.is_working_day(date(2020, 12, 25))  # the years in between are loaded too


@pytest.mark.parametrize(
    ("day", "next_wd", "prev_wd"),
    [
        (date(2025, 12, 18), date(2025, 12, 18), date(2025, 12, 18)),
        (date(2025, 12, 25), date(2025, 12, 29), date(2025, 12, 23)),
        (date(2025, 4, 19), date(2025, 4, 22), date(2025, 4, 16)),
        (date(2026, 1, 1), date(2026, 1, 2), date(2025, 12, 30)),
    ],
)
def test_next_and_previous_working_day(cal, day, next_wd, prev_wd):
    assert cal.next_working_day(day) == next_wd
    assert cal.previous_working_day(day) == prev_wd


def test_working_days_in_is_half_open(cal):
    assert cal.working_days_in(date(2025, 12, 22), date(2025, 12, 30)) == [
        date(2025, 12, 22),
        date(2025, 12, 23),
        date(2025, 12, 29),
    ]
    assert cal.working_days_in(date(2025, 12, 22), date(2025, 12, 22)) == []
    assert cal.working_days_in(date(2025, 12, 23), date(2025, 12, 22)) == []


# ---------------------------------------------------------------- supported range


@pytest.mark.parametrize("year", [MIN_YEAR - 1, MAX_YEAR + 1, 1900, 9999])
def test_years_outside_the_range_raise(year):
    cal = WorkingCalendar()
    with pytest.raises(CalendarRangeError):
        cal.is_working_day(date(year, 6, 2))
    with pytest.raises(CalendarRangeError):
        cal.non_working_days(year)
    with pytest.raises(CalendarRangeError):
        cal.non_working_reason(date(year, 6, 2))


def test_range_error_is_a_value_error():
    assert issubclass(CalendarRangeError, ValueError)


def test_the_first_and_last_supported_years_work_and_have_their_holidays():
    cal = WorkingCalendar()
    assert not cal.is_working_day(date(MIN_YEAR, 12, 25))
    assert not cal.is_working_day(date(MAX_YEAR, 12, 25))
    assert not cal.is_working_day(date(MAX_YEAR, 1, 1))
    # Every supported year has the fixed-date holidays, so no year silently counts Christmas as a hverdag.
    for year in (MIN_YEAR, MAX_YEAR):
        reasons = {d.day: d.reason for d in cal.non_working_days(year, include_weekends=False)}
        assert date(year, 12, 25) in reasons
        assert date(year, 12, 26) in reasons


def test_counting_past_the_edge_of_the_range_raises():
    cal = WorkingCalendar()
    with pytest.raises(CalendarRangeError):
        cal.add_working_days(date(MAX_YEAR, 12, 31), 1)
    with pytest.raises(CalendarRangeError):
        cal.add_working_days(date(MIN_YEAR, 1, 2), -5)
    with pytest.raises(CalendarRangeError):
        cal.add_working_days(date(MAX_YEAR, 6, 1), 400)


# ---------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("day", "short", "long"),
    [
        (date(2025, 12, 18), "18-12-2025", "torsdag 18-12-2025"),
        (date(2026, 1, 3), "03-01-2026", "lørdag 03-01-2026"),
        (date(2025, 4, 20), "20-04-2025", "søndag 20-04-2025"),
    ],
)
def test_danish_date_formats(day, short, long):
    assert format_date(day) == short
    assert format_day(day) == long


def test_denmark_is_loaded_without_every_other_country(tmp_path) -> None:
    """Counting a date loads holidays' Denmark alone (the registry's way imports ~280 country modules); a later
    import of the whole package reuses the very same class."""
    import json
    import subprocess
    import sys

    code = ("import json, sys; from datetime import date; "
            "from jobcenter_desktop.core.calendar import WorkingCalendar, _denmark; "
            "c = WorkingCalendar(); c.is_working_day(date(2026, 12, 24)); "
            "alone = 'holidays.countries' not in sys.modules; "
            "import holidays.countries; "
            "print(json.dumps([alone, holidays.countries.Denmark is _denmark()]))")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [True, True]


def test_denmark_loaded_alone_names_what_the_registry_names() -> None:
    """Against the library's own way, in a process that never loaded Denmark alone (in this one the registry
    would hand back the very class under test)."""
    import json
    import subprocess
    import sys

    from jobcenter_desktop.core.calendar import _denmark

    years = [1950, 1999, 2023, 2024, 2026, 2100]
    code = ("import json, holidays; print(json.dumps({f'{y} {c}': sorted((d.isoformat(), n) for d, n in "
            "holidays.country_holidays('DK', years=y, language='da', categories=(c,)).items()) "
            f"for y in {years!r} for c in ('public', 'optional')}}))")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    theirs = json.loads(out.stdout.strip().splitlines()[-1])
    ours = {f"{y} {c}": [list(p) for p in sorted((d.isoformat(), n) for d, n in
                                                  _denmark()(years=y, language="da", categories=(c,)).items())]
            for y in years for c in ("public", "optional")}  # fmt: skip
    assert ours == theirs and len(theirs["2026 public"]) >= 10
