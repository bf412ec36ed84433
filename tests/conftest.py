"""Shared test setup. Qt must be headless before any QApplication exists."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CATALOGUE = REPO_ROOT / "resources" / "rules" / "albertslund-2016.toml"


@pytest.fixture(scope="session")
def catalogue():
    from jobcenter_desktop.core.rules import load_catalogue

    return load_catalogue(DEFAULT_CATALOGUE)


@pytest.fixture(scope="session")
def cal():
    from jobcenter_desktop.core.calendar import WorkingCalendar

    return WorkingCalendar()


# ---------------------------------------------------------------- storage / services / CLI fixtures
@pytest.fixture
def db_path(tmp_path):
    """A database file under the test's own tmp dir (never the user's data dir)."""
    return tmp_path / "frister.sqlite3"


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server started by the test command. In CI its absence is a failure, not a skip: the
    storage and services suites must really have run against both databases."""
    from support.postgres import PgServer, server_url

    url = server_url()
    if url is None:
        if os.environ.get("CI"):
            pytest.fail("JOBCENTER_TEST_PG is not set: run the suite through scripts/test.sh, which starts PostgreSQL")
        pytest.skip("no PostgreSQL server (run scripts/test.sh to start one)")
    server = PgServer(url)
    yield server
    server.close()


class Backend:
    """One database for a test, SQLite file or PostgreSQL team database, opened as any of the test logins."""

    def __init__(self, kind: str, db_path: Path, pg=None) -> None:  # type: ignore[no-untyped-def]
        self.kind, self.db_path, self.pg = kind, db_path, pg
        self.pg_db = pg.new_database() if pg is not None else None
        self._open: list[object] = []

    def target(self, actor: str = "anna.k") -> object:
        return self.db_path if self.pg is None else self.pg.url(actor, self.pg_db)

    def open(self, actor: str = "anna.k", team: str | None = "Team Vest", **kw: object):  # type: ignore[no-untyped-def]
        from jobcenter_desktop.services.app import Frister

        app = Frister.open(self.target(actor), actor=actor, team=team, **kw)  # type: ignore[arg-type]
        self._open.append(app)
        return app

    def open_owner(self):  # type: ignore[no-untyped-def]
        """The database owner (PostgreSQL) or anyone (a file): for demo data, which creates caseworkers."""
        from jobcenter_desktop.services.app import Frister

        app = Frister.open(self.db_path if self.pg is None else self.pg.owner_url(self.pg_db), actor=None)
        self._open.append(app)
        return app

    def close(self) -> None:
        for app in self._open:
            app.close()  # type: ignore[attr-defined]
        if self.pg is not None:
            self.pg.drop(self.pg_db)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, db_path):
    """Parametrises a test over both databases (see ``app``)."""
    pg = request.getfixturevalue("pg_server") if request.param == "postgresql" else None
    b = Backend(request.param, db_path, pg)
    yield b
    b.close()


@pytest.fixture
def app(backend):
    """A real ``Frister`` acting as caseworker ``anna.k`` in Team Vest: on a fresh, migrated SQLite file, and
    (the same test again) on a fresh copy of the team database on the real PostgreSQL server."""
    return backend.open("anna.k", "Team Vest")


@pytest.fixture
def file_app(db_path):
    """A ``Frister`` on a SQLite file only: for what is a file's (backups, encryption, the file's own faults)."""
    from jobcenter_desktop.services.app import Frister

    frister = Frister.open(db_path, actor="anna.k", team="Team Vest")
    yield frister
    frister.close()
