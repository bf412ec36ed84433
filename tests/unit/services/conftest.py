"""Fixtures of the laptop check-in tests: a fresh team database and its logins."""

from __future__ import annotations

import pytest

from jobcenter_desktop.services.app import Frister


@pytest.fixture
def team(pg_server):  # type: ignore[no-untyped-def]
    """``team(login)`` opens the same fresh team database as that login (closed at teardown); ``team.db`` is
    the database's name, for raw SQL as a login."""
    name = pg_server.new_database()
    opened: list[Frister] = []

    def login(who: str) -> Frister:
        app = Frister.open(pg_server.url(who, name))
        opened.append(app)
        return app

    login.db = name  # type: ignore[attr-defined]
    yield login
    for app in opened:
        app.close()
    pg_server.drop(name)
