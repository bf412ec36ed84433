"""Noticing other people's writes without polling the data: PostgreSQL's LISTEN/NOTIFY on the team database
(row triggers name the case that changed, storage.server_admin), SQLite's ``PRAGMA data_version`` on a file (it
changes when any other connection commits). Both are polled without blocking, from the UI's timer."""

from __future__ import annotations

import contextlib
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
        self._reconnected = False

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

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
            self._reconnected = True


class FileWatcher:
    """``PRAGMA data_version`` of a connection of its own (it changes when any other connection commits); then
    the audit entries written since (every change writes one, in rowid order) name the cases and whether the
    calendar changed. The window's own writes are reported too: the caller subtracts them."""

    def __init__(self, path: Path, key: str | None) -> None:
        self.path, self.key = path, key
        self._conn: Any = None
        self._version: int | None = None
        self._rowid = 0

    def poll(self) -> Changes:
        try:
            if self._conn is None:
                self._conn = crypto.connect(self.path, self.key, check_same_thread=False)
            version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            if self._version is None:
                self._version, self._rowid = version, self._last_rowid()
                return NOTHING
            if version == self._version:
                return NOTHING
            self._version = version
            return self._since()
        except Exception:  # sqlite3's or sqlcipher3's errors (they share no base class), a vanished file
            self.close()
            return NOTHING

    def _last_rowid(self) -> int:
        return int(self._conn.execute("SELECT coalesce(max(rowid), 0) FROM audit_log").fetchone()[0])

    def _since(self) -> Changes:
        rows = self._conn.execute("SELECT rowid, case_id, entity FROM audit_log WHERE rowid > ? ORDER BY rowid",
                                  (self._rowid,)).fetchall()  # fmt: skip
        last = self._last_rowid()
        if last < self._rowid:  # the file was replaced by a restore: anything may differ
            self._rowid = last
            return EVERYTHING
        cases: set[uuid.UUID] = set()
        calendar = False
        for rowid, case_id, entity in rows:
            self._rowid = max(self._rowid, int(rowid))
            if entity in ("closure_day", "setting"):
                calendar = True
            elif case_id:
                with contextlib.suppress(ValueError):
                    cases.add(uuid.UUID(str(case_id)))
        if not rows:  # a change without an audit entry (a migration, another program): be safe
            return EVERYTHING
        return Changes(frozenset(cases), calendar)

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
            self._version = None
