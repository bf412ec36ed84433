"""Noticing other people's writes without polling the data: PostgreSQL's LISTEN/NOTIFY on the team database
(row triggers name the case that changed, storage.server_admin), SQLite's ``PRAGMA data_version`` on a file (it
changes when any other connection commits). Both are polled without blocking, from the UI's timer."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from jobcenter_desktop.core.changes import EVERYTHING, NOTHING, Changes
from jobcenter_desktop.storage import crypto
from jobcenter_desktop.storage.target import ServerTarget

CHANNEL = "frister_changes"
CALENDAR_TABLES = ("closure_day", "setting")


def parse_notifications(payloads: list[str]) -> Changes:
    """``table:case-uuid`` for case data, ``table:`` for calendar and settings (see the trigger)."""
    cases: set[uuid.UUID] = set()
    calendar = False
    for payload in payloads:
        table, _, case = payload.partition(":")
        if table in CALENDAR_TABLES:
            calendar = True
        elif case:
            with contextlib.suppress(ValueError):
                cases.add(uuid.UUID(case))
    return Changes(frozenset(cases), calendar)


class ServerWatcher:
    """A connection of its own that LISTENs; reconnects by itself after an outage (and then says "everything",
    since what happened meanwhile is unknown)."""

    def __init__(self, target: ServerTarget) -> None:
        self.target = target
        self._conn: Any = None

    def _connect(self) -> None:
        import psycopg

        url = self.target.sqlalchemy_url().replace("postgresql+psycopg://", "postgresql://")
        self._conn = psycopg.connect(url, autocommit=True, connect_timeout=3, application_name="jobcenter-frister-lyt")
        self._conn.execute(f"LISTEN {CHANNEL}")

    def poll(self) -> Changes:
        import psycopg

        fresh = self._conn is None
        try:
            if fresh:
                self._connect()
            payloads = [n.payload for n in self._conn.notifies(timeout=0)]
        except psycopg.Error:
            self.close()
            return NOTHING  # the server is away: the next poll tries again
        changes = parse_notifications(payloads)
        return changes.merge(EVERYTHING) if fresh and self._reconnected else changes

    _reconnected = False

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
            self._reconnected = True


class FileWatcher:
    """``PRAGMA data_version`` of a connection of its own: it changes when any other connection commits."""

    def __init__(self, path: Path, key: str | None) -> None:
        self.path, self.key = path, key
        self._conn: Any = None
        self._version: int | None = None

    def poll(self) -> Changes:
        try:
            if self._conn is None:
                self._conn = crypto.connect(self.path, self.key, check_same_thread=False)
            version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except (sqlite3.Error, crypto.CryptoError, OSError):
            self.close()
            return NOTHING
        except Exception:  # sqlcipher3's errors share no base class with sqlite3's
            self.close()
            return NOTHING
        before, self._version = self._version, version
        return EVERYTHING if before is not None and version != before else NOTHING

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
            self._version = None
