"""Shared pytest fixtures for suites outside tests/unit: an isolated environment and the in-process CLI runner.

A suite's conftest imports them (``from support.fixtures import cli, cli_isolated, cli_log_dir``). They mirror
tests/unit/conftest.py, which can import from here too.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from jobcenter_desktop import logsetup
from support.cli import Cli


@pytest.fixture(scope="session")
def cli_log_dir(tmp_path_factory: pytest.TempPathFactory):
    """One log directory for every in-process run, so the CLI attaches its file handler only once."""
    d = tmp_path_factory.mktemp("cli-logs")
    yield d
    root = logging.getLogger()
    for h in list(root.handlers):
        if isinstance(h, RotatingFileHandler) and Path(h.baseFilename).parent == d:
            root.removeHandler(h)
            h.close()


@pytest.fixture
def cli_isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cli_log_dir: Path):
    """Never touch the user's real data or log folders; fail if the default database is ever used."""
    guard = tmp_path / "guard" / "default-db-must-not-be-used.sqlite3"
    monkeypatch.setenv("JOBCENTER_DB", str(guard))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setattr(logsetup, "log_dir", lambda: cli_log_dir)
    yield
    assert not guard.parent.exists(), "a command used the default database instead of --db"
    data = tmp_path / "xdg-data"
    # Only the private folder for openpyxl's temporary files may appear (an export ran), and it holds no file.
    assert not data.exists() or all(p.is_dir() or p.suffix == ".lock" for p in data.rglob("*")), list(data.rglob("*"))


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], cli_isolated: None) -> Cli:
    return Cli(capsys)
