"""The vectorised bulk planner must give exactly what ``plan_case`` gives, case by case and rule by rule.

``plan_case`` is itself checked against numpy.busday_offset and worked examples (test_deadlines*.py); here it
is the oracle for the column path, over the real catalogue and a synthetic one with every unit and roll.
"""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobcenter_desktop.core.bulk import DayTables, FactColumns, plan_columns, plan_many
from jobcenter_desktop.core.calendar import CalendarRangeError, CalendarSettings, WorkingCalendar
from jobcenter_desktop.core.deadlines import CaseFacts, DeadlineError, Pause, plan_case
from jobcenter_desktop.core.deadlines import add_months as scalar_add_months
from jobcenter_desktop.core.rules import Catalogue, Roll, load_catalogue, parse_catalogue
from jobcenter_desktop.paths import default_catalogue_path

CAL = WorkingCalendar()
CLOSED = WorkingCalendar(CalendarSettings(closures={date(2025, 5, 30): "Fredag efter Kristi himmelfart"}))
PROPS = settings(max_examples=60, deadline=None)

SYNTHETIC = """
[catalogue]
id = "synthetic"
title = "Every unit and roll"
version = "1"
valid_from = 2016-01-01
source = "test"

[triggers.start]
name = "Start"
[triggers.call]
name = "Opkald"
[triggers.later]
name = "Senere"

[groups.a]
name = "A"
party = "citizen"
initial_trigger = "start"

[groups.b]
name = "B"
party = "company"
initial_trigger = "call"

[[milestones]]
id = "wd"
name = "Hverdage"
group = "a"
trigger = "start"
amount = 7
unit = "working_days"

[[milestones]]
id = "cd_back"
name = "Kalenderdage tilbage"
group = "a"
after = "wd"
amount = 10
unit = "calendar_days"
roll = "backward"

[[milestones]]
id = "mo"
name = "Måneder"
group = "a"
after = "cd_back"
amount = 1
unit = "months"
soft = true
warn = { amount = 3, unit = "working_days" }

[[milestones]]
id = "wk_none"
name = "Uger uden flyt"
group = "a"
trigger = "later"
amount = 4
unit = "weeks"
roll = "none"

[[milestones]]
id = "zero"
name = "Samme dag"
group = "a"
trigger = "start"
amount = 0
unit = "working_days"

[[milestones]]
id = "hr"
name = "Timer"
group = "b"
trigger = "call"
amount = 30
unit = "hours"

[[milestones]]
id = "hr_back"
name = "Timer tilbage"
group = "b"
trigger = "call"
amount = 72
unit = "hours"
roll = "backward"

[[milestones]]
id = "mo_after"
name = "Måned efter"
group = "b"
after = "hr_back"
amount = 2
unit = "months"
warn = { amount = 2, unit = "weeks" }
"""


def synthetic() -> Catalogue:
    return parse_catalogue(tomllib.loads(SYNTHETIC), "synthetic.toml")


REAL = load_catalogue(default_catalogue_path())
CATALOGUES = {"real": REAL, "synthetic": synthetic()}

days = st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def case_facts(draw: st.DrawFn, cat: Catalogue) -> CaseFacts:
    group = draw(st.sampled_from(sorted(cat.groups)))
    triggers: dict[str, date | datetime] = {}
    for kind in cat.triggers_of(group):
        if draw(st.integers(0, 4)) == 0:
            continue  # not happened yet
        day = draw(days)
        if cat.trigger_needs_time(kind.id):
            minutes = draw(st.integers(0, 1439))
            triggers[kind.id] = datetime.combine(day, datetime.min.time()) + timedelta(minutes=minutes)
        else:
            triggers[kind.id] = day
    completions = {}
    for rule in cat.milestones_of(group):
        if any(r.after == rule.id for r in cat.milestones_of(group)) and draw(st.booleans()):
            completions[rule.id] = draw(days)
    pauses: dict[str, list[Pause]] = {}
    case_pauses: list[Pause] = []
    if draw(st.integers(0, 5)) == 0:
        start = draw(days)
        end = None if draw(st.booleans()) else start + timedelta(days=draw(st.integers(1, 60)))
        if draw(st.booleans()):
            case_pauses.append(Pause(start, end))
        else:
            pauses[draw(st.sampled_from([r.id for r in cat.milestones_of(group)]))] = [Pause(start, end)]
    return CaseFacts(group, triggers, completions, pauses, case_pauses)


def assert_same_as_plan_case(cat: Catalogue, cal: WorkingCalendar, facts: list[CaseFacts], today: date) -> None:
    plans = plan_many(cat, cal, facts, today=today)
    for i, f in enumerate(facts):
        expected = plan_case(cat, cal, f, today=today, explain=False)
        got = {}
        for rule in cat.milestones_of(f.group):
            p = plans[rule.id]
            got[rule.id] = p.deadline(int(np.searchsorted(p.cases, i)))
        assert got == expected, f"case {i}: {f}"


@pytest.mark.parametrize("name", sorted(CATALOGUES))
@pytest.mark.parametrize("cal", [CAL, CLOSED], ids=["default", "closure"])
def test_bulk_equals_plan_case_on_random_cases(name, cal):
    cat = CATALOGUES[name]

    @PROPS
    @given(facts=st.lists(case_facts(cat), min_size=1, max_size=40), today=days)
    def check(facts, today):
        assert_same_as_plan_case(cat, cal, facts, today)

    check()


@pytest.mark.parametrize(
    "anchor",
    [date(2025, 12, 18), date(2025, 12, 24), date(2026, 3, 27), date(2026, 4, 2), date(2023, 5, 4),
     date(2024, 4, 25), date(2024, 1, 31), date(2023, 12, 29), date(2028, 2, 29), date(2025, 5, 28)],
)  # fmt: skip
def test_bulk_worked_days(anchor):
    """Christmas, Easter, Store Bededag (2023: still a holiday; 2024: a working day), month ends, leap day."""
    cat = CATALOGUES["synthetic"]
    at = datetime.combine(anchor, datetime.min.time()).replace(hour=15)
    facts = [
        CaseFacts("a", {"start": anchor, "later": anchor}),
        CaseFacts("a", {"start": anchor}, completions={"wd": anchor + timedelta(days=2)}),
        CaseFacts("b", {"call": at}),
        CaseFacts("b", {"call": at}, completions={"hr_back": anchor}),
    ]
    for cal in (CAL, CLOSED):
        assert_same_as_plan_case(cat, cal, facts, anchor)


def test_pauses_in_the_columns_and_through_plan_case():
    cat = CATALOGUES["synthetic"]
    case_paused = CaseFacts("a", {"start": date(2025, 1, 6)}, case_pauses=[Pause(date(2025, 1, 7), None)])
    overlapping = [Pause(date(2025, 1, 7), date(2025, 1, 9)), Pause(date(2025, 1, 8), None)]
    twice = CaseFacts("a", {"start": date(2025, 1, 6)}, case_pauses=overlapping)
    ms_paused = CaseFacts("a", {"start": date(2025, 1, 6)}, pauses={"wd": [Pause(date(2025, 1, 7), None)]})
    facts = [CaseFacts("a", {}), case_paused, twice, ms_paused]
    asked: list[int] = []

    def facts_of(ids):
        asked.extend(ids)
        return {i: facts[i] for i in ids}

    plan = plan_columns(cat, CAL, FactColumns.from_facts(facts), facts_of, today=date(2025, 1, 20))
    assert asked == [2, 3]  # one whole-case pause is counted in the columns; overlaps and milestone pauses are not
    # 7 working days after Mon 6 Jan = Wed 15 Jan, pushed by the 10 paused working days 7–20 Jan.
    assert [plan["wd"].deadline(i).due for i in (1, 2, 3)] == [date(2025, 1, 29)] * 3
    assert plan["wd"].deadline(0) is None

    # An hours rule counted from a date without a time: the same Danish error as plan_case gives.
    with pytest.raises(DeadlineError, match="timer"):
        plan_many(cat, CAL, [CaseFacts("b", {"call": date(2025, 1, 6)})])
    with pytest.raises(CalendarRangeError):
        plan_many(cat, CAL, [CaseFacts("a", {"start": date(2100, 12, 20)})])


def test_empty_and_group_without_cases():
    assert all(len(p.cases) == 0 for p in plan_many(REAL, CAL, []).values())
    plans = plan_many(REAL, CAL, [CaseFacts("dagpenge", {})])
    assert all(p.deadline(0) is None for p in plans.values() if len(p.cases))


# ---------------------------------------------------------------- the tables themselves
TABLES = DayTables(CAL, 2015, 2040)
ordinals = st.integers(date(2017, 1, 1).toordinal(), date(2038, 12, 31).toordinal())  # ±300 wd stays inside


@PROPS
@given(d=st.lists(ordinals, min_size=1, max_size=50), n=st.integers(-300, 300))
def test_tables_add_working_days_match_calendar(d, n):
    got, ok = TABLES.add_working_days(np.array(d, dtype=np.int64), n)
    assert ok.all()
    assert [date.fromordinal(int(x)) for x in got] == [CAL.add_working_days(date.fromordinal(o), n) for o in d]


@PROPS
@given(d=st.lists(ordinals, min_size=1, max_size=50))
def test_tables_roll_matches_calendar(d):
    arr = np.array(d, dtype=np.int64)
    fwd, _ = TABLES.roll(arr, Roll.FORWARD)
    back, _ = TABLES.roll(arr, Roll.BACKWARD)
    assert [date.fromordinal(int(x)) for x in fwd] == [CAL.next_working_day(date.fromordinal(o)) for o in d]
    assert [date.fromordinal(int(x)) for x in back] == [CAL.previous_working_day(date.fromordinal(o)) for o in d]


month_days = st.integers(date(2017, 1, 1).toordinal(), date(2036, 12, 31).toordinal())  # ±40 months inside
month_ends = st.builds(lambda y, m: date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1), st.integers(2017, 2036),
                       st.integers(1, 12)).map(date.toordinal)  # fmt: skip


@PROPS
@given(d=st.lists(month_days | month_ends, min_size=1, max_size=50), n=st.integers(-24, 40))
def test_tables_add_months_match_scalar(d, n):
    got, ok = TABLES.add_months(np.array(d, dtype=np.int64), n)
    assert ok.all()
    assert [date.fromordinal(int(x)) for x in got] == [scalar_add_months(date.fromordinal(o), n) for o in d]


def test_tables_add_months_worked_examples():
    days = [date(2024, 1, 31), date(2024, 2, 29), date(2023, 1, 31), date(2026, 12, 31), date(2026, 3, 30)]
    got, _ = TABLES.add_months(np.array([d.toordinal() for d in days], dtype=np.int64), 1)
    assert [date.fromordinal(int(x)) for x in got] == [date(2024, 2, 29), date(2024, 3, 29), date(2023, 2, 28),
                                                      date(2027, 1, 31), date(2026, 4, 30)]  # fmt: skip
    _, ok = TABLES.add_months(np.array([date(2040, 6, 1).toordinal()], dtype=np.int64), 12)
    assert not ok.any()  # past the tables: the planner sends it to plan_case


def test_tables_say_where_they_cannot_answer():
    _, ok = TABLES.add_working_days(np.array([date(2040, 12, 30).toordinal(), date(2014, 6, 1).toordinal()]), 5)
    assert not ok.any()
