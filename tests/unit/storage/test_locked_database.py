"""A database locked by another program: a clear Danish message at start, and the file is left alone."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import StartupError
from jobcenter_desktop.storage import db as dbmod


def test_a_locked_database_gets_a_clear_message_and_is_not_changed(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "frister.sqlite3"
    app = Frister.open(path, actor="anna.k")
    app.cases.register(NewCase("dagpenge", "Fiktiv Person", "010190-1235", {"ledigmelding": date(2026, 11, 16)}),
                       date(2026, 11, 23))  # fmt: skip
    app.close()
    # Another program takes an exclusive lock (rollback journal, exclusive locking mode) and keeps it.
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE setting SET value = value")
    before = path.read_bytes()
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 200)  # wait briefly instead of the app's 15 s
    try:
        with pytest.raises(StartupError, match="låst af et andet program"):
            Frister.open(path, actor="anna.k")
        assert path.read_bytes() == before
    finally:
        other.execute("ROLLBACK")
        other.close()
    Frister.open(path, actor="anna.k").close()  # once the other program lets go, it opens again
