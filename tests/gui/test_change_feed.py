"""Two colleagues, two windows: what one of them does appears in the other's window without F5, on a file and
on the team database (the real PostgreSQL server)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from support.qt_wait import settled

from jobcenter_desktop.services.cases import NewCase

TODAY = date(2026, 11, 23)


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request, fresh_db):  # type: ignore[no-untyped-def]
    """(target for anna.k's window, a function that opens a colleague's app) on one database."""
    from jobcenter_desktop.services.app import Frister

    pg = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    name = pg.new_database() if pg is not None else None
    opened = []

    def colleague(login: str):  # type: ignore[no-untyped-def]
        app = Frister.open(fresh_db, actor=login, team="Team Vest") if pg is None else Frister.open(pg.url(login, name))
        opened.append(app)
        return app

    yield (fresh_db if pg is None else pg.url("anna.k", name)), colleague
    for app in opened:
        app.close()
    if pg is not None:
        pg.drop(name)


def _poll_until(window, predicate, seconds: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        window.change_feed.poll()  # what the window's timer does every two seconds
        settled(None, window)  # a load the change started runs off the UI thread
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("the change never showed")


def test_a_colleagues_case_for_me_appears_in_my_worklist(qtbot, make_window, shared, qsettings) -> None:  # type: ignore[no-untyped-def]
    target, colleague = shared
    window = make_window(target, qsettings)
    assert window.worklist.rows() == []
    assert window.change_feed.timer.isActive() and window.change_feed.timer.interval() == 2000
    bo = colleague("bo.l")
    case = bo.cases.register(NewCase("dagpenge", "Fiktiv Overdraget", "020285-1234", {"ledigmelding": TODAY},
                                     caseworker="anna.k"), TODAY)  # fmt: skip
    _poll_until(window, lambda: any(r.case_id == case.id for r in window.worklist.rows()))
    # And a change to it (closing it) takes it out again.
    bo.cases.close(case.id, TODAY, expected_version=bo.cases.get(case.id).version)
    _poll_until(window, lambda: not window.worklist.rows())


def test_a_change_reloads_only_the_cases_it_names(qtbot, make_window, shared, qsettings) -> None:  # type: ignore[no-untyped-def]
    """Two of anna.k's cases change behind the window; the change names one: only that one's rows are fetched
    again, the other keeps what was loaded (F5 would show it). The search text stays applied."""
    from jobcenter_desktop.core.changes import Changes

    target, colleague = shared
    bo = colleague("bo.l")
    one = bo.cases.register(NewCase("dagpenge", "Fiktiv Første", "020285-1234", {"ledigmelding": TODAY},
                                    caseworker="anna.k"), TODAY)  # fmt: skip
    two = bo.cases.register(NewCase("dagpenge", "Fiktiv Anden", "030385-1235", {"ledigmelding": TODAY},
                                    caseworker="anna.k"), TODAY)  # fmt: skip
    window = make_window(target, qsettings)
    window.change_feed.timer.stop()
    window.change_feed.poll()  # the feed starts from now: the two adds above are not news
    loaded = {r.case_id for r in window.worklist.loaded_rows()}
    assert loaded == {one.id, two.id}
    window.worklist.search_edit.setText("fiktiv")
    for case in (one, two):
        bo.cases.close(case.id, TODAY, expected_version=bo.cases.get(case.id).version)
    window.apply_changes(Changes(cases=frozenset({one.id})))
    assert {r.case_id for r in window.worklist.loaded_rows()} == {two.id}
    assert {r.case_id for r in window.worklist.rows()} == {two.id}  # the search still applies
    window.refresh()
    settled(qtbot, window)
    assert window.worklist.loaded_rows() == []
