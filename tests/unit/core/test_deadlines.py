"""Worked examples of deadline arithmetic on the default Danish calendar.

Every expected date was derived by hand from a printed calendar (see the comments), not by running the code.
Easter Sunday: 2023-04-09, 2024-03-31, 2025-04-20, 2026-04-05.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from jobcenter_desktop.core.calendar import MAX_YEAR, MIN_YEAR, CalendarRangeError, CalendarSettings, WorkingCalendar
from jobcenter_desktop.core.deadlines import (
    CaseFacts,
    Deadline,
    DeadlineError,
    Pause,
    add_months,
    compute_due,
    plan_case,
)
from jobcenter_desktop.core.rules import MilestoneRule, Period, Roll, Unit

THU_18_DEC_2025 = date(2025, 12, 18)


def make_rule(amount: int, unit: Unit, roll: Roll = Roll.FORWARD, *, soft: bool = False, warn: Period | None = None):
    return MilestoneRule(
        id="test_rule",
        name="Testregel",
        group="test",
        period=Period(amount, unit),
        trigger="start",
        roll=roll,
        soft=soft,
        warn=warn,
    )


# ---------------------------------------------------------------- the worked examples that must hold


@pytest.mark.parametrize(
    ("rule_id", "expected"),
    [
        ("kh_visitation", date(2025, 12, 22)),  # 2 hverdage: Fri 19, Mon 22
        ("kh_ydelse", date(2025, 12, 30)),  # 5 hverdage: 19, 22, 23, (24-28 off) 29, 30
        ("dp_samtale", date(2026, 1, 15)),  # 4 weeks: Thu 15 Jan is a working day
        ("rev_afgoerelse", date(2026, 3, 18)),  # 3 months: Wed 18 Mar
        ("fh_samtale", date(2025, 12, 29)),  # 1 week = Juledag; 26 Dec, weekend -> Mon 29
    ],
)
def test_worked_examples_from_thursday_18_december_2025(catalogue, cal, rule_id, expected):
    deadline = compute_due(catalogue.milestones[rule_id], THU_18_DEC_2025, cal)
    assert deadline.due == expected
    assert deadline.due_at is None
    assert not deadline.provisional


def test_fh_moedetilbud_is_provisional_from_fh_samtale_due_date(catalogue, cal):
    plan = plan_case(catalogue, cal, CaseFacts("fastholdelse", {"foerste_henvendelse": THU_18_DEC_2025}))
    assert list(plan) == ["fh_samtale", "fh_moedetilbud"]
    assert plan["fh_samtale"].due == date(2025, 12, 29)
    assert not plan["fh_samtale"].provisional
    # Counted from fh_samtale's due date Mon 29 Dec + 1 week = Mon 5 Jan 2026.
    assert plan["fh_moedetilbud"].due == date(2026, 1, 5)
    assert plan["fh_moedetilbud"].provisional
    assert any("Foreløbig" in s for s in plan["fh_moedetilbud"].steps)


@pytest.mark.parametrize(
    ("done", "expected"),
    [
        (date(2025, 12, 23), date(2025, 12, 30)),  # Tue 23 Dec + 1 week = Tue 30 Dec
        (date(2025, 12, 22), date(2025, 12, 29)),  # Mon 22 + 1 week = Mon 29
        (date(2025, 12, 17), date(2025, 12, 29)),  # Wed 17 + 1 week = Wed 24 (Juleaften) -> Mon 29
        (date(2026, 1, 8), date(2026, 1, 15)),  # done late, after its own due date
    ],
)
def test_fh_moedetilbud_counts_from_the_actual_completion(catalogue, cal, done, expected):
    facts = CaseFacts("fastholdelse", {"foerste_henvendelse": THU_18_DEC_2025}, completions={"fh_samtale": done})
    plan = plan_case(catalogue, cal, facts)
    assert plan["fh_moedetilbud"].due == expected
    assert not plan["fh_moedetilbud"].provisional
    assert plan["fh_samtale"].due == date(2025, 12, 29)  # the predecessor's own deadline is unchanged


def test_lt_kontakt_24_hours_from_thursday_afternoon(catalogue, cal):
    deadline = compute_due(catalogue.milestones["lt_kontakt"], datetime(2025, 12, 18, 15, 0), cal)
    assert deadline.due_at == datetime(2025, 12, 19, 15, 0)
    assert deadline.due == date(2025, 12, 19)
    assert deadline.due_text() == "2025-12-19T15:00"


# ---------------------------------------------------------------- working days


@pytest.mark.parametrize(
    ("rule_id", "anchor", "expected"),
    [
        # Easter 2025: Tue 15 Apr + 5: Wed 16, (17-21 off) 22, 23, 24, Fri 25
        ("dp_telefon", date(2025, 4, 15), date(2025, 4, 25)),
        # Easter 2026: Tue 31 Mar + 5: Wed 1 Apr, (2-6 off) 7, 8, 9, Fri 10
        ("dp_telefon", date(2026, 3, 31), date(2026, 4, 10)),
        # Store Bededag 2023: Mon 1 May + 10: 2, 3, 4, (5 off, weekend) 8-12, 15, Tue 16
        ("kh_sps34", date(2023, 5, 1), date(2023, 5, 16)),
        # 2024, no Store Bededag: Mon 22 Apr + 10: 23-26, 29, 30, 1 May (a working day), 2, 3, Mon 6 May
        ("kh_sps34", date(2024, 4, 22), date(2024, 5, 6)),
        # Grundlovsdag 2025: Tue 3 Jun + 2: Wed 4, (Thu 5 off) Fri 6
        ("uh_samtale", date(2025, 6, 3), date(2025, 6, 6)),
        # Wed 4 Jun + 2: (5 Grundlovsdag) Fri 6, (7 Sat, 8 Pinsedag, 9 Anden pinsedag) Tue 10
        ("uh_samtale", date(2025, 6, 4), date(2025, 6, 10)),
        # Kristi himmelfart 2025: Wed 28 May + 3: (29 off) Fri 30, Mon 2 Jun, Tue 3 Jun
        ("ja_henvisning", date(2025, 5, 28), date(2025, 6, 3)),
        # Saturday anchor: counting starts on Monday. Sat 13 Dec + 2: Mon 15, Tue 16
        ("kh_visitation", date(2025, 12, 13), date(2025, 12, 16)),
        # Sunday anchor
        ("kh_visitation", date(2025, 12, 14), date(2025, 12, 16)),
        # Holiday anchor: Juledag + 2: Mon 29, Tue 30
        ("kh_visitation", date(2025, 12, 25), date(2025, 12, 30)),
        # New Year: Tue 30 Dec + 2: (31 Dec, 1 Jan off) Fri 2 Jan, Mon 5 Jan
        ("kh_visitation", date(2025, 12, 30), date(2026, 1, 5)),
    ],
)
def test_working_day_rules(catalogue, cal, rule_id, anchor, expected):
    assert catalogue.milestones[rule_id].unit is Unit.WORKING_DAYS
    assert compute_due(catalogue.milestones[rule_id], anchor, cal).due == expected


def test_store_bededag_2023_versus_2024_same_weekday_pattern(cal):
    rule = make_rule(1, Unit.WORKING_DAYS)
    # Thursday before the 4th Friday after Easter, in each year.
    assert compute_due(rule, date(2023, 5, 4), cal).due == date(2023, 5, 8)  # Fri 5 May 2023 Store Bededag
    assert compute_due(rule, date(2024, 4, 25), cal).due == date(2024, 4, 26)  # Fri 26 Apr 2024 working


def test_grundlovsdag_worked_when_switched_off(catalogue):
    cal = WorkingCalendar(CalendarSettings(grundlovsdag_off=False))
    assert compute_due(catalogue.milestones["uh_samtale"], date(2025, 6, 3), cal).due == date(2025, 6, 5)


def test_a_local_closure_moves_a_working_day_deadline(catalogue):
    cal = WorkingCalendar(CalendarSettings(closures={date(2025, 12, 22): "flytning"}))
    # Thu 18 Dec + 2: Fri 19, (Mon 22 closed) Tue 23
    assert compute_due(catalogue.milestones["kh_visitation"], THU_18_DEC_2025, cal).due == date(2025, 12, 23)


def test_a_datetime_anchor_for_a_date_rule_uses_its_date(catalogue, cal):
    deadline = compute_due(catalogue.milestones["kh_visitation"], datetime(2025, 12, 18, 15, 0), cal)
    assert deadline.due == date(2025, 12, 22)
    assert deadline.due_at is None
    assert deadline.due_text() == "2025-12-22"


def test_zero_working_days_is_the_anchor_or_the_next_working_day(cal):
    rule = make_rule(0, Unit.WORKING_DAYS)
    assert compute_due(rule, THU_18_DEC_2025, cal).due == THU_18_DEC_2025
    assert compute_due(rule, date(2025, 12, 24), cal).due == date(2025, 12, 29)


# ---------------------------------------------------------------- calendar days and weeks


@pytest.mark.parametrize(
    ("rule_id", "anchor", "expected"),
    [
        # Fri 4 Apr 2025 + 2 weeks = Langfredag; weekend, Anden påskedag -> Tue 22 Apr
        ("dp_selvvalgt", date(2025, 4, 4), date(2025, 4, 22)),
        # Fri 6 Mar 2026 + 4 weeks = Langfredag 3 Apr 2026 -> forward: Tue 7 Apr
        ("rev_forlaengelse", date(2026, 3, 6), date(2026, 4, 7)),
        # same, backward ("inden der er gået 4 uger"): Skærtorsdag 2 Apr off -> Wed 1 Apr
        ("dp_samtale", date(2026, 3, 6), date(2026, 4, 1)),
        # dp_samtale: Thu 27 Nov + 4 weeks = Juledag; back over Juleaften -> Tue 23 Dec
        ("dp_samtale", date(2025, 11, 27), date(2025, 12, 23)),
        # dp_samtale: Sat 6 Dec + 4 weeks = Sat 3 Jan 2026 -> back to Fri 2 Jan
        ("dp_samtale", date(2025, 12, 6), date(2026, 1, 2)),
        # dp_samtale: Thu 8 May + 4 weeks = Grundlovsdag 5 Jun 2025 -> back to Wed 4 Jun
        ("dp_samtale", date(2025, 5, 8), date(2025, 6, 4)),
        # dp_samtale: Wed 3 Dec + 4 weeks = Nytårsaften -> back to Tue 30 Dec
        ("dp_samtale", date(2025, 12, 3), date(2025, 12, 30)),
        # hk_hjaelpemiddel (forward): Wed 3 Dec + 4 weeks = Nytårsaften; Nytårsdag -> Fri 2 Jan
        ("hk_hjaelpemiddel", date(2025, 12, 3), date(2026, 1, 2)),
        # jr_svar: anchor on Juleaften, + 1 week = Nytårsaften -> Fri 2 Jan
        ("jr_svar", date(2025, 12, 24), date(2026, 1, 2)),
        # Kristi himmelfart 2025: Thu 22 May + 1 week = Thu 29 May -> Fri 30 May
        ("fh_samtale", date(2025, 5, 22), date(2025, 5, 30)),
    ],
)
def test_week_rules(catalogue, cal, rule_id, anchor, expected):
    assert catalogue.milestones[rule_id].unit is Unit.WEEKS
    assert compute_due(catalogue.milestones[rule_id], anchor, cal).due == expected


@pytest.mark.parametrize(
    ("amount", "roll", "anchor", "expected"),
    [
        (1, Roll.FORWARD, date(2025, 12, 19), date(2025, 12, 22)),  # Fri + 1 = Sat -> Mon
        (1, Roll.BACKWARD, date(2025, 12, 18), date(2025, 12, 19)),  # Fri is a working day: no roll
        (10, Roll.FORWARD, date(2025, 12, 21), date(2026, 1, 2)),  # Sun + 10 = Nytårsaften; Nytårsdag -> Fri 2 Jan
        (7, Roll.NONE, THU_18_DEC_2025, date(2025, 12, 25)),  # Juledag kept as is
        (30, Roll.FORWARD, date(2026, 3, 4), date(2026, 4, 7)),  # 3 Apr Langfredag -> Tue 7 Apr
        (30, Roll.BACKWARD, date(2026, 3, 4), date(2026, 4, 1)),
    ],
)
def test_calendar_day_rules(cal, amount, roll, anchor, expected):
    assert compute_due(make_rule(amount, Unit.CALENDAR_DAYS, roll), anchor, cal).due == expected


def test_roll_none_explains_that_the_date_is_kept(cal):
    deadline = compute_due(make_rule(7, Unit.CALENDAR_DAYS, Roll.NONE), THU_18_DEC_2025, cal)
    assert deadline.due == date(2025, 12, 25)
    assert any("Juledag" in s and "flytter ikke" in s for s in deadline.steps)


# ---------------------------------------------------------------- months


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2025, 1, 31), 2, date(2025, 3, 31)),  # from the original anchor: never 28 Mar
        (date(2024, 1, 31), 2, date(2024, 3, 31)),
        (date(2025, 1, 30), 1, date(2025, 2, 28)),
        (date(2024, 1, 29), 1, date(2024, 2, 29)),
        (date(2025, 3, 31), 1, date(2025, 4, 30)),
        (date(2025, 8, 31), 1, date(2025, 9, 30)),
        (date(2025, 12, 31), 2, date(2026, 2, 28)),  # over the year end
        (date(2023, 11, 15), 3, date(2024, 2, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # leap day + 1 year
        (date(2024, 2, 29), 48, date(2028, 2, 29)),  # ... + 4 years lands on a leap day again
        (date(2000, 1, 31), 1, date(2000, 2, 29)),  # 2000 is a leap year
        (date(2100, 1, 31), 1, date(2100, 2, 28)),  # 2100 is not
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 5, 15), 0, date(2025, 5, 15)),
        (date(2025, 1, 15), 120, date(2035, 1, 15)),
    ],
)
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


def test_add_months_outside_the_calendar_range_raises():
    with pytest.raises(CalendarRangeError):
        add_months(date(MAX_YEAR, 12, 1), 1)
    with pytest.raises(CalendarRangeError):
        add_months(date(MIN_YEAR, 1, 1), -1)


@pytest.mark.parametrize(
    ("amount", "roll", "anchor", "expected"),
    [
        (1, Roll.FORWARD, date(2025, 1, 31), date(2025, 2, 28)),  # Fri 28 Feb: working
        (1, Roll.FORWARD, date(2024, 1, 31), date(2024, 2, 29)),  # Thu 29 Feb: working
        (2, Roll.FORWARD, date(2025, 1, 31), date(2025, 3, 31)),  # Mon 31 Mar
        # 31 Jan 2024 + 2 months = Sun 31 Mar (Påskedag); Mon 1 Apr Anden påskedag -> Tue 2 Apr
        (2, Roll.FORWARD, date(2024, 1, 31), date(2024, 4, 2)),
        # ... backward: Sat 30, Langfredag 29, Skærtorsdag 28 -> Wed 27 Mar
        (2, Roll.BACKWARD, date(2024, 1, 31), date(2024, 3, 27)),
        (2, Roll.NONE, date(2024, 1, 31), date(2024, 3, 31)),
        (12, Roll.FORWARD, date(2024, 2, 29), date(2025, 2, 28)),  # Fri 28 Feb 2025
        # Sun 30 Nov 2025 + 3 months = Sat 28 Feb 2026 (clamped) -> Mon 2 Mar
        (3, Roll.FORWARD, date(2025, 11, 30), date(2026, 3, 2)),
        # Mon 5 May 2025 + 1 month = Grundlovsdag -> Fri 6 Jun
        (1, Roll.FORWARD, date(2025, 5, 5), date(2025, 6, 6)),
        # Sat 14 Feb 2026 + 3 months = Kristi himmelfartsdag 14 May 2026 -> Fri 15 May
        (3, Roll.FORWARD, date(2026, 2, 14), date(2026, 5, 15)),
    ],
)
def test_month_rules(cal, amount, roll, anchor, expected):
    assert compute_due(make_rule(amount, Unit.MONTHS, roll), anchor, cal).due == expected


@pytest.mark.parametrize(
    ("rule_id", "anchor", "expected"),
    [
        ("fp_afgoerelse", date(2025, 11, 30), date(2026, 3, 2)),  # see above: Sat 28 Feb -> Mon 2 Mar
        ("fj_afgoerelse", date(2025, 10, 31), date(2026, 4, 30)),  # clamped to Thu 30 Apr 2026
        ("rev_afgoerelse", date(2026, 2, 14), date(2026, 5, 15)),
    ],
)
def test_catalogue_month_rules(catalogue, cal, rule_id, anchor, expected):
    assert compute_due(catalogue.milestones[rule_id], anchor, cal).due == expected


def test_month_end_clamping_and_roll_are_explained(cal):
    deadline = compute_due(make_rule(3, Unit.MONTHS), date(2025, 11, 30), cal)
    assert any("ikke en 30." in s for s in deadline.steps)
    assert any("lørdag 28-02-2026" in s and "rykkes frem" in s for s in deadline.steps)
    assert deadline.steps[-1] == "Frist: mandag 02-03-2026."


# ---------------------------------------------------------------- hours


@pytest.mark.parametrize(
    ("rule_id", "anchor", "expected"),
    [
        ("ja_kontakt", datetime(2025, 12, 12, 15, 0), datetime(2025, 12, 15, 15, 0)),  # Fri 15:00 -> Mon 15:00
        ("ja_kontakt", datetime(2025, 12, 20, 9, 0), datetime(2025, 12, 22, 9, 0)),  # Sat anchor -> Mon
        ("ja_kontakt", datetime(2025, 12, 18, 23, 59), datetime(2025, 12, 19, 23, 59)),
        # Over Christmas: Tue 23 10:30 + 24 h = Juleaften -> Mon 29 Dec 10:30
        ("lt_kontakt", datetime(2025, 12, 23, 10, 30), datetime(2025, 12, 29, 10, 30)),
        # Nytårsaften 16:00 + 24 h = Nytårsdag -> Fri 2 Jan 16:00
        ("lt_kontakt", datetime(2025, 12, 31, 16, 0), datetime(2026, 1, 2, 16, 0)),
        # Easter 2025: Wed 16 Apr 12:00 + 24 h = Skærtorsdag -> Tue 22 Apr 12:00
        ("lt_kontakt", datetime(2025, 4, 16, 12, 0), datetime(2025, 4, 22, 12, 0)),
    ],
)
def test_hour_rules(catalogue, cal, rule_id, anchor, expected):
    deadline = compute_due(catalogue.milestones[rule_id], anchor, cal)
    assert deadline.due_at == expected
    assert deadline.due == expected.date()


@pytest.mark.parametrize(
    ("hours", "anchor", "expected"),
    [
        (48, datetime(2025, 12, 18, 8, 0), datetime(2025, 12, 22, 8, 0)),  # Thu + 48 h = Sat -> Mon
        (1, datetime(2025, 12, 19, 23, 30), datetime(2025, 12, 22, 0, 30)),  # past midnight into Saturday
        (72, datetime(2025, 12, 22, 9, 15), datetime(2025, 12, 29, 9, 15)),  # Thu 25 Dec -> Mon 29
    ],
)
def test_custom_hour_rules(cal, hours, anchor, expected):
    assert compute_due(make_rule(hours, Unit.HOURS), anchor, cal).due_at == expected


def test_hour_rule_with_date_only_anchor_raises(catalogue, cal):
    with pytest.raises(DeadlineError):
        compute_due(catalogue.milestones["lt_kontakt"], THU_18_DEC_2025, cal)
    assert issubclass(DeadlineError, ValueError)


def test_hour_rule_explanation_has_the_clock_time(catalogue, cal):
    deadline = compute_due(catalogue.milestones["lt_kontakt"], datetime(2025, 12, 23, 10, 30), cal)
    assert any("kl. 10:30" in s and "+ 24 timer" in s for s in deadline.steps)
    assert any("Juleaftensdag" in s for s in deadline.steps)
    assert deadline.steps[-1] == "Frist: mandag 29-12-2025 kl. 10:30."


# ---------------------------------------------------------------- pauses

KH_SPS34_FROM_MON_1_DEC = date(2025, 12, 15)  # 10 hverdage: 2-5, 8-12, 15 Dec


@pytest.mark.parametrize(
    ("pauses", "today", "expected"),
    [
        ((), None, KH_SPS34_FROM_MON_1_DEC),
        # Closed pause Wed 3 - Thu 4 (resumes Fri 5): 2 working days -> Mon 15 + 2 = Wed 17
        ((Pause(date(2025, 12, 3), date(2025, 12, 5)),), None, date(2025, 12, 17)),
        # Over a weekend: Fri 5, Mon 8 (resumes Tue 9): still 2 working days
        ((Pause(date(2025, 12, 5), date(2025, 12, 9)),), None, date(2025, 12, 17)),
        # Pause starting on the due day counts; after it, it does not
        ((Pause(date(2025, 12, 15), date(2025, 12, 16)),), None, date(2025, 12, 16)),
        ((Pause(date(2025, 12, 16), date(2025, 12, 20)),), None, KH_SPS34_FROM_MON_1_DEC),
        # A pause of only weekend days changes nothing
        ((Pause(date(2025, 12, 6), date(2025, 12, 8)),), None, KH_SPS34_FROM_MON_1_DEC),
        # Open pause from Wed 3 with today Fri 5: 3, 4, 5 counted -> Thu 18
        ((Pause(date(2025, 12, 3)),), date(2025, 12, 5), date(2025, 12, 18)),
        # ... today Saturday 6: still 3
        ((Pause(date(2025, 12, 3)),), date(2025, 12, 6), date(2025, 12, 18)),
        # ... today = the pause's first day: 1
        ((Pause(date(2025, 12, 3)),), date(2025, 12, 3), date(2025, 12, 16)),
        # ... a pause that has not begun yet: 0
        ((Pause(date(2025, 12, 3)),), date(2025, 12, 2), KH_SPS34_FROM_MON_1_DEC),
        # Two separate pauses: 3-4 Dec (2) then 16 Dec, which is before the moved due date 17 Dec (1) -> 18
        ((Pause(date(2025, 12, 16), date(2025, 12, 17)), Pause(date(2025, 12, 3), date(2025, 12, 5))), None,
         date(2025, 12, 18)),
        # Overlapping pauses: 3-4 and 4-5 cover three working days (3, 4, 5), not four
        ((Pause(date(2025, 12, 3), date(2025, 12, 5)), Pause(date(2025, 12, 4), date(2025, 12, 6))), None,
         date(2025, 12, 18)),
        # The same pause registered twice counts once
        ((Pause(date(2025, 12, 3), date(2025, 12, 5)), Pause(date(2025, 12, 3), date(2025, 12, 5))), None,
         date(2025, 12, 17)),
    ],
)  # fmt: skip
def test_pauses(catalogue, cal, pauses, today, expected):
    rule = catalogue.milestones["kh_sps34"]
    assert compute_due(rule, date(2025, 12, 1), cal, pauses=pauses, today=today).due == expected


def test_pause_pushing_a_deadline_over_new_year(catalogue, cal):
    # kh_ydelse from Thu 18 Dec is Tue 30 Dec; pause Mon 22 - Tue 23 (2 working days):
    # 30 Dec + 2 = (31 Dec, 1 Jan off) Fri 2 Jan, Mon 5 Jan
    pause = Pause(date(2025, 12, 22), date(2025, 12, 24), reason="sygdom")
    deadline = compute_due(catalogue.milestones["kh_ydelse"], THU_18_DEC_2025, cal, pauses=[pause])
    assert deadline.due == date(2026, 1, 5)
    assert any("2 hverdage" in s and "sygdom" in s for s in deadline.steps)
    assert deadline.steps[-1] == "Frist: mandag 05-01-2026."


def test_pause_on_a_week_rule(catalogue, cal):
    # fh_samtale from 18 Dec is Mon 29 Dec; pause Fri 19 - Mon 22 (2 working days) -> Tue 30, Fri 2 Jan
    pause = Pause(date(2025, 12, 19), date(2025, 12, 23))
    assert compute_due(catalogue.milestones["fh_samtale"], THU_18_DEC_2025, cal, pauses=[pause]).due == date(2026, 1, 2)


def test_pause_on_an_hour_rule_keeps_the_clock_time(catalogue, cal):
    pause = Pause(date(2025, 12, 19), date(2025, 12, 20))  # Fri 19: one working day
    deadline = compute_due(catalogue.milestones["lt_kontakt"], datetime(2025, 12, 18, 15, 0), cal, pauses=[pause])
    assert deadline.due_at == datetime(2025, 12, 22, 15, 0)
    assert deadline.due == date(2025, 12, 22)


def test_case_pause_and_milestone_pause_over_the_same_days_count_once(catalogue, cal):
    facts = CaseFacts(
        "kontanthjaelp",
        {"ansoegning_sps34": date(2025, 12, 1)},
        pauses={"kh_sps34": [Pause(date(2025, 12, 4), date(2025, 12, 6))]},  # Thu 4, Fri 5
        case_pauses=[Pause(date(2025, 12, 3), date(2025, 12, 5))],  # Wed 3, Thu 4
    )
    # Wed 3, Thu 4, Fri 5: three working days -> Mon 15 + 3 = Thu 18
    assert plan_case(catalogue, cal, facts)["kh_sps34"].due == date(2025, 12, 18)


def test_case_pauses_apply_to_every_started_milestone(catalogue, cal):
    facts = CaseFacts(
        "kontanthjaelp",
        {"foerste_fremmoede": THU_18_DEC_2025},
        case_pauses=[Pause(date(2025, 12, 19), date(2025, 12, 20))],  # Fri 19
    )
    plan = plan_case(catalogue, cal, facts)
    assert plan["kh_visitation"].due == date(2025, 12, 23)  # Mon 22 + 1
    assert plan["kh_ydelse"].due == date(2026, 1, 2)  # Tue 30 + 1 = (31 Dec, 1 Jan off) Fri 2 Jan
    assert plan["kh_sps34"] is None


# ---------------------------------------------------------------- explanations


def test_explanation_names_the_skipped_christmas_days(catalogue, cal):
    steps = compute_due(catalogue.milestones["kh_ydelse"], THU_18_DEC_2025, cal).steps
    assert steps[0].startswith("Udgangspunkt: torsdag 18-12-2025")
    assert any("5 hverdage" in s for s in steps)
    skipped = " ".join(s for s in steps if s.startswith("Springer over"))
    for name in ("Juleaftensdag", "Juledag", "Anden juledag", "lørdag", "søndag"):
        assert name in skipped
    assert "20-12-2025" in skipped  # the weekend before Christmas is listed too
    assert steps[-1] == "Frist: tirsdag 30-12-2025."


def test_explanation_of_a_forward_roll_over_christmas(catalogue, cal):
    steps = compute_due(catalogue.milestones["fh_samtale"], THU_18_DEC_2025, cal).steps
    roll = [s for s in steps if "rykkes frem" in s]
    assert len(roll) == 1
    assert "Juledag" in roll[0]
    assert "Anden juledag" in roll[0]
    assert steps[-1] == "Frist: mandag 29-12-2025."


def test_explanation_of_a_backward_roll(catalogue, cal):
    steps = compute_due(catalogue.milestones["dp_samtale"], date(2025, 11, 27), cal).steps
    roll = [s for s in steps if "rykkes tilbage" in s]
    assert len(roll) == 1
    assert "Juledag" in roll[0] and "Juleaftensdag" in roll[0]
    assert steps[-1] == "Frist: tirsdag 23-12-2025."


def test_explanation_over_easter_names_the_easter_days(catalogue, cal):
    steps = compute_due(catalogue.milestones["dp_telefon"], date(2025, 4, 15), cal).steps
    text = " ".join(steps)
    for name in ("Skærtorsdag", "Langfredag", "Påskedag", "Anden påskedag"):
        assert name in text
    assert steps[-1] == "Frist: fredag 25-04-2025."


def test_explanation_marks_the_anchor_label_and_soft_rules(catalogue, cal):
    rule = catalogue.milestones["hk_personlig_assistance"]
    steps = compute_due(rule, THU_18_DEC_2025, cal, anchor_label="Ansøgning").steps
    assert "(Ansøgning)" in steps[0]
    assert any("ikke et løfte" in s for s in steps)


def test_explain_false_gives_the_same_date_without_steps(catalogue, cal):
    rule = catalogue.milestones["kh_ydelse"]
    quick = compute_due(rule, THU_18_DEC_2025, cal, explain=False)
    full = compute_due(rule, THU_18_DEC_2025, cal)
    assert quick.steps == ()
    assert quick == full  # steps do not take part in equality
    assert quick.due == date(2025, 12, 30)


# ---------------------------------------------------------------- chains and whole cases


def test_loentilskud_case_with_clock_time(catalogue, cal):
    plan = plan_case(catalogue, cal, CaseFacts("loentilskud", {"henvendelse": datetime(2025, 12, 18, 15, 0)}))
    assert list(plan) == ["lt_kontakt", "lt_henvisning", "lt_samtale", "lt_blanket"]
    assert plan["lt_kontakt"].due_at == datetime(2025, 12, 19, 15, 0)
    assert plan["lt_henvisning"].due == date(2025, 12, 23)  # 3 hverdage: 19, 22, 23
    assert plan["lt_samtale"].due == date(2025, 12, 29)  # 1 week = Juledag -> Mon 29
    # lt_blanket: 2 weeks from lt_samtale's due date (provisional) = Mon 12 Jan; warn after 1 week = Mon 5 Jan
    blanket = plan["lt_blanket"]
    assert blanket.provisional
    assert blanket.due == date(2026, 1, 12)
    assert blanket.warn_from == date(2026, 1, 5)
    assert any("Advarsel fra mandag 05-01-2026" in s for s in blanket.steps)


def test_warn_from_rolls_forward_to_a_working_day(catalogue, cal):
    # lt_blanket counted from Thu 18 Dec: warn after 1 week = Juledag -> Mon 29 Dec;
    # due after 2 weeks = Nytårsdag -> Fri 2 Jan.
    deadline = compute_due(catalogue.milestones["lt_blanket"], THU_18_DEC_2025, cal)
    assert deadline.warn_from == date(2025, 12, 29)
    assert deadline.due == date(2026, 1, 2)
    assert compute_due(catalogue.milestones["lt_samtale"], THU_18_DEC_2025, cal).warn_from is None


def test_lt_blanket_after_completion(catalogue, cal):
    facts = CaseFacts(
        "loentilskud",
        {"henvendelse": datetime(2025, 12, 18, 15, 0)},
        completions={"lt_samtale": date(2026, 1, 7)},
    )
    blanket = plan_case(catalogue, cal, facts)["lt_blanket"]
    assert not blanket.provisional
    assert blanket.due == date(2026, 1, 21)  # Wed 7 Jan + 2 weeks
    assert blanket.warn_from == date(2026, 1, 14)


def test_hour_trigger_without_clock_time_raises_in_a_plan(catalogue, cal):
    with pytest.raises(DeadlineError):
        plan_case(catalogue, cal, CaseFacts("loentilskud", {"henvendelse": THU_18_DEC_2025}))


def test_milestones_without_their_trigger_are_not_started(catalogue, cal):
    plan = plan_case(catalogue, cal, CaseFacts("dagpenge", {"ledigmelding": THU_18_DEC_2025}))
    # the decision's derived "Forventet afgørelse" too: not started until a notice promises a date
    assert list(plan) == ["dp_telefon", "dp_samtale", "dp_selvvalgt", "dp_selvvalgt_forventet"]
    assert plan["dp_telefon"].due == date(2025, 12, 30)  # 19, 22, 23, 29, 30
    assert plan["dp_samtale"].due == date(2026, 1, 15)
    assert plan["dp_selvvalgt"] is None and plan["dp_selvvalgt_forventet"] is None


def test_a_chain_whose_head_has_not_started_is_not_started(catalogue, cal):
    plan = plan_case(catalogue, cal, CaseFacts("jobrotation", {}))
    assert plan == {"jr_svar": None, "jr_besaettelse": None, "jr_svar_forventet": None}


def test_jobrotation_chain(catalogue, cal):
    # jr_svar: Mon 1 Dec + 1 week = Mon 8 Dec; jr_besaettelse provisional: + 3 weeks = Mon 29 Dec
    plan = plan_case(catalogue, cal, CaseFacts("jobrotation", {"ansoegning_modtaget": date(2025, 12, 1)}))
    assert plan["jr_svar"].due == date(2025, 12, 8)
    assert plan["jr_besaettelse"].due == date(2025, 12, 29)
    assert plan["jr_besaettelse"].provisional


# ---------------------------------------------------------------- errors and formatting


def test_anchor_outside_the_calendar_range_raises(catalogue, cal):
    with pytest.raises(CalendarRangeError):
        compute_due(catalogue.milestones["kh_visitation"], date(MIN_YEAR - 1, 12, 31), cal)
    with pytest.raises(CalendarRangeError):
        compute_due(catalogue.milestones["fj_afgoerelse"], date(MAX_YEAR, 12, 1), cal)


def test_due_text():
    assert Deadline("x", date(2025, 12, 22)).due_text() == "2025-12-22"
    assert Deadline("x", date(2025, 12, 19), datetime(2025, 12, 19, 15, 0)).due_text() == "2025-12-19T15:00"


def test_a_pause_that_ended_before_the_anchor_does_not_move_the_deadline(catalogue, cal):
    # A case paused 3–7 Nov 2025 (resumed Mon 10 Nov); the § 34 application comes later, on Mon 1 Dec.
    # kh_sps34 = 10 working days after 1 Dec = Mon 15 Dec, untouched by the old pause.
    rule = catalogue.milestones["kh_sps34"]
    old_pause = Pause(date(2025, 11, 3), date(2025, 11, 10), "Sygdom")
    assert compute_due(rule, date(2025, 12, 1), cal, pauses=[old_pause]).due == date(2025, 12, 15)


def test_a_pause_straddling_the_anchor_counts_only_the_days_after_it(catalogue, cal):
    # Paused Mon 24 Nov – Fri 28 Nov (resumed Mon 1 Dec); anchor Wed 26 Nov.
    # Without the pause: 10 working days after 26 Nov = Wed 10 Dec. Paused working days after the anchor:
    # Thu 27 and Fri 28 Nov = 2, so the deadline moves to Fri 12 Dec.
    rule = catalogue.milestones["kh_sps34"]
    pause = Pause(date(2025, 11, 24), date(2025, 12, 1), "Afventer dokumentation")
    assert compute_due(rule, date(2025, 11, 26), cal).due == date(2025, 12, 10)
    assert compute_due(rule, date(2025, 11, 26), cal, pauses=[pause]).due == date(2025, 12, 12)
