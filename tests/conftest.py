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


@pytest.fixture
def app(db_path):
    """A real ``Frister`` on a fresh, migrated SQLite file, acting as caseworker ``anna.k`` in Team Vest."""
    from jobcenter_desktop.services.app import Frister

    frister = Frister.open(db_path, actor="anna.k", team="Team Vest")
    yield frister
    frister.close()
