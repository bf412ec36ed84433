"""Automatic and manual backups of the database, and restoring one.

At start, at most once a day, a consistent copy (SQLite's online backup API) goes into the data directory's
``backups/`` folder; the newest 14 are kept. Migrations take a copy first too. Restoring first takes a safety
copy of the current state, so a restore can itself be undone.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from datetime import date, datetime
from pathlib import Path

from jobcenter_desktop.services.context import Context
from jobcenter_desktop.services.errors import ServiceError
from jobcenter_desktop.storage import instances
from jobcenter_desktop.storage.backup import (
    BackupError,
    BackupFile,
    backed_up_on,
    backup_name,
    backup_sqlite,
    default_folder,
    discard_staged,
    inspect_backup,
    list_backups,
    remove_partials,
    remove_staged_restore,
    restore_sqlite,
    stage_restore,
)
from jobcenter_desktop.storage.crypto import CryptoError
from jobcenter_desktop.storage.db import Database, make_engine, sqlite_url
from jobcenter_desktop.storage.migrations import known_revisions
from jobcenter_desktop.storage.repository import Repository

KEEP = 14
SERVER_BACKUPS = ("På teamdatabasen er sikkerhedskopier serverens opgave (pg_dump og driftens backup); Frister "
                  "tager ingen filkopier af den.")
log = logging.getLogger(__name__)


class BackupService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @property
    def db_path(self) -> Path:
        if self.ctx.server is not None:
            raise ServiceError(SERVER_BACKUPS)
        if self.ctx.db.path is None:
            raise ServiceError("Databasen har ingen fil at tage sikkerhedskopi af.")
        return self.ctx.db.path

    @property
    def folder(self) -> Path:
        return default_folder(self.db_path)

    def all(self) -> list[BackupFile]:
        return list_backups(self.folder, self.db_path)

    def create(self, label: str = "manuel", now: datetime | None = None) -> BackupFile:
        when = now or datetime.now()
        target = self.folder / backup_name(self.db_path, label, when)
        # A backup is a full copy (every CPR number): it is recorded before it is made, so a copy never lies on
        # disk without its entry. If the entry cannot be written, no copy is made.
        self._audit_backup(target.name, label)
        try:
            backup_sqlite(self.db_path, target, self.ctx.db.key)
        except (OSError, sqlite3.DatabaseError, CryptoError) as e:
            with contextlib.suppress(ServiceError):
                self._audit_backup(target.name, f"{label}: mislykkedes, ingen kopi")
            raise ServiceError(f"Sikkerhedskopien kunne ikke gemmes i {self.folder} ({e}).") from e
        self.prune()
        return next(b for b in self.all() if b.path == target)

    def _audit_backup(self, name: str, label: str) -> None:
        with self.ctx.write() as s:
            Repository(s).audit(actor=self.ctx.actor, entity="system", entity_id="backup", action="backup",
                                after=name, reason=label)  # fmt: skip

    def daily(self, now: datetime | None = None) -> BackupFile | None:
        """The start-up backup: at most one a day, and none for a database without cases."""
        when = now or datetime.now()
        today: date = when.date()
        lock = self.ctx.db.lock
        if lock is not None and not lock.others():  # nobody else can be copying or restoring right now
            for p in remove_partials(self.folder):
                log.info("Halvfærdig sikkerhedskopi fjernet: %s", p.name)
            if remove_staged_restore(self.db_path):
                log.info("Halvfærdig gendannelse fjernet")
        if backed_up_on(self.db_path, today):
            return None
        with self.ctx.read() as s:
            if not Repository(s).count_cases():
                return None
        return self.create("daglig", when)

    def prune(self, keep: int = KEEP) -> list[Path]:
        removed = []
        for b in self.all()[keep:]:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError:
                log.warning("Kunne ikke slette gammel sikkerhedskopi %s", b.path.name)
        return removed

    def restore(self, backup: Path, now: datetime | None = None) -> BackupFile:
        """Replace the database's contents with ``backup``; returns the safety copy taken first.

        The caller reopens the database afterwards (the GUI rebuilds its window, the CLI exits)."""
        try:
            revision = inspect_backup(backup, self.ctx.db.key)
        except BackupError as e:
            raise ServiceError(str(e)) from e
        if revision is not None and revision not in known_revisions():
            raise ServiceError("Sikkerhedskopien er fra en nyere version af Frister; opdatér programmet først.")
        lock = self.ctx.db.lock
        try:
            if lock is not None:
                instances.require_alone(lock, "gendannes")
        except instances.InstanceError as e:
            raise ServiceError(str(e)) from e
        safety = self.create("foer-gendannelse", now)
        key = self.ctx.db.key
        try:
            # Entries newer than the backup (reveals of full CPR numbers, the safety copy above) are carried
            # into the restored copy together with the restore's own entry, and the whole goes in as one step.
            staged = stage_restore(backup, self.db_path, key)
        except (OSError, sqlite3.DatabaseError, CryptoError, BackupError) as e:
            raise ServiceError(f"Sikkerhedskopien kunne ikke gøres klar til gendannelse ({e}); intet er ændret.") from e
        try:
            staging = Database(make_engine(sqlite_url(staged), wal=False, key=key, path=staged), staged, key)
            try:
                with staging.write() as s:
                    Repository(s).audit(actor=self.ctx.actor, entity="system", entity_id="backup", action="restore",
                                        after=backup.name, reason=f"Forrige tilstand gemt som {safety.path.name}")
            finally:
                staging.close()
            self.ctx.db.engine.dispose()  # no pooled connection of ours may hold the file while it is replaced
            restore_sqlite(staged, self.db_path, key)
        except BackupError as e:
            raise ServiceError(str(e)) from e
        finally:
            discard_staged(staged)
        self.ctx.db.renew_identity()
        self.ctx.invalidate()
        log.info("Database gendannet fra %s (sikkerhedskopi af forrige tilstand: %s)", backup.name, safety.path.name)
        return safety

