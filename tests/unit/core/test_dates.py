"""Danish wall-clock times: the spring-forward hour does not exist and the autumn hour happens twice; both are
refused (an hours deadline from them would be a guess). Oracle: zoneinfo's own round trip through UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobcenter_desktop.core.dates import DANISH_TIME, DateParseError, local_time_problem, parse_anchor


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("2026-03-29T02:30", "findes ikke"),
        ("29-03-2026 02:00", "findes ikke"),
        ("2026-03-29T02:59", "findes ikke"),
        ("2026-10-25T02:30", "findes to gange"),
        ("2026-10-25T02:00", "findes to gange"),
        ("2027-03-28T02:15", "findes ikke"),  # the last Sunday of March, every year
        ("2027-10-31T02:45", "findes to gange"),
    ],
)
def test_the_missing_and_the_doubled_hour_are_refused(text: str, problem: str) -> None:
    with pytest.raises(DateParseError, match=problem):
        parse_anchor(text)


@pytest.mark.parametrize("text", ["2026-03-29T01:59", "2026-03-29T03:00", "2026-10-25T01:59", "2026-10-25T03:00",
                                  "2026-03-28T02:30", "2026-10-26T02:30"])  # fmt: skip
def test_the_minutes_around_the_switch_are_fine(text: str) -> None:
    assert parse_anchor(text) == datetime.fromisoformat(text)


@given(st.datetimes(min_value=datetime(1980, 1, 1), max_value=datetime(2100, 12, 31)))
def test_a_time_is_accepted_exactly_when_it_names_one_instant(value: datetime) -> None:
    value = value.replace(second=0, microsecond=0)
    instants = {
        v.astimezone(UTC) for v in (value.replace(tzinfo=DANISH_TIME, fold=f) for f in (0, 1))
        if v.astimezone(UTC).astimezone(DANISH_TIME).replace(tzinfo=None) == value
    }  # fmt: skip
    assert (local_time_problem(value) is None) == (len(instants) == 1)


def test_every_minute_of_a_year_but_the_two_switch_hours_is_accepted() -> None:
    start, refused = datetime(2026, 1, 1), []
    for minute in range(0, 365 * 24 * 60, 15):
        t = start + timedelta(minutes=minute)
        if local_time_problem(t):
            refused.append(t)
    assert {(t.month, t.day, t.hour) for t in refused} == {(3, 29, 2), (10, 25, 2)}
    assert len(refused) == 8  # 4 quarter-hours each
