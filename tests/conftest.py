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
