"""Other people's changes reach an open app without a reload of everything: which cases, whether the calendar,
on a file (PRAGMA data_version + the audit entries since) and on the team database (LISTEN/NOTIFY). The app's
own changes are not reported back to it."""

from __future__ import annotations

import time
from datetime import date

from jobcenter_desktop.core.changes import Changes
from jobcenter_desktop.services.cases import NewCase

TODAY = date(2026, 11, 23)


def _wait(app, seconds: float = 5.0) -> Changes:  # type: ignore[no-untyped-def]
    """Poll until something arrives (a notification travels through the server)."""
    deadline = time.monotonic() + seconds
    got = Changes()
    while time.monotonic() < deadline:
        got = got.merge(app.changes.poll())
        if got:
            return got
        time.sleep(0.05)
    return got


def test_a_colleagues_new_case_and_change_are_reported_by_case(backend) -> None:  # type: ignore[no-untyped-def]
    mine = backend.open("anna.k", "Team Vest")
    theirs = backend.open("bo.l", "Team Vest")
    assert not mine.changes.poll()  # the starting point
    case = theirs.cases.register(NewCase("dagpenge", "Fiktiv Ny", "020285-1234", {"ledigmelding": TODAY}), TODAY)
    got = _wait(mine)
    assert got.cases == {case.id} and not got.everything and not got.calendar
    assert not mine.changes.poll()  # reported once
    theirs.cases.update_notes(case.id, "Ringet op", expected_version=case.version)
    assert _wait(mine).cases == {case.id}


def test_my_own_changes_are_not_reported_back_to_me(backend) -> None:  # type: ignore[no-untyped-def]
    mine = backend.open("anna.k", "Team Vest")
    assert not mine.changes.poll()
    case = mine.cases.register(NewCase("dagpenge", "Fiktiv Egen", "020285-1234", {"ledigmelding": TODAY}), TODAY)
    mine.cases.update_notes(case.id, "Min egen", expected_version=case.version)
    time.sleep(0.3)
    assert not _wait(mine, 1.0)


def test_a_new_closure_day_is_a_calendar_change(backend) -> None:  # type: ignore[no-untyped-def]
    reader = backend.open("anna.k", "Team Vest")
    admin = backend.open("adam.a" if backend.kind == "postgresql" else "bo.l", "Team Vest")
    assert reader.settings.calendar().closures == {}
    assert not reader.changes.poll()
    admin.settings.add_closure(date(2026, 12, 23), "Lukket")
    got = _wait(reader)
    assert got.calendar and not got.cases
    assert reader.settings.calendar().closures == {date(2026, 12, 23): "Lukket"}  # read again, not cached
