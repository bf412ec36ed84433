"""Consistent copies of a live SQLite database through SQLite's online backup API, and restoring one."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jobcenter_desktop.storage import crypto

BUSY_MS = 5_000
PARTIAL = ".partial"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<ts>\d{8}-\d{6})-(?P<label>[\w.-]+)\.sqlite3$")


class BackupError(Exception):
    """A backup could not be made or restored; the message is Danish and says what to do."""


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    created: datetime  # local time, from the file name
    label: str  # daglig | manuel | before-<rev> | foer-gendannelse
    size: int


def _source(src: Path, key: str | None) -> Any:
    if key is None:
        return sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=BUSY_MS / 1000)
    return crypto.connect(src, key, timeout=BUSY_MS / 1000)


def backup_sqlite(src: Path, dest: Path, key: str | None = None) -> Path:
    """Copy ``src`` to ``dest`` consistently even while other connections write (WAL included).
    An encrypted database (``key``) gives an encrypted copy with the same key."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + PARTIAL)
    try:
        source = _source(src, key)
        try:
            target = crypto.connect(tmp, key)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        tmp.replace(dest)  # a finished copy or none: never a half-written backup under the real name
    except BaseException:
        _remove_partial(tmp)  # a full disk stays full otherwise, and the half copy holds plaintext CPR numbers
        raise
    return dest


def _remove_partial(tmp: Path) -> None:
    for p in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            p.unlink()


def remove_partials(folder: Path) -> list[Path]:
    """Half-written backups left by a process that was killed or lost power while copying. The caller makes
    sure no other instance is copying right now."""
    removed = []
    if folder.is_dir():
        for p in folder.glob(f"*{PARTIAL}*"):
            with contextlib.suppress(OSError):
                p.unlink()
                removed.append(p)
    return removed


def backup_name(db_path: Path, label: str, now: datetime) -> str:
    return f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{label}.sqlite3"


def default_folder(db_path: Path) -> Path:
    """Where a database's backups live: ``backups/`` beside it."""
    return db_path.parent / "backups"


def backed_up_on(db_path: Path, day: date) -> bool:
    """Whether the database has a backup from ``day`` in its backups folder."""
    return any(b.created.date() == day for b in list_backups(default_folder(db_path), db_path))


def list_backups(folder: Path, db_path: Path) -> list[BackupFile]:
    """This database's backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    out = []
    for p in folder.glob(f"{db_path.stem}-*.sqlite3"):
        m = _NAME.match(p.name)
        if m is None or m["stem"] != db_path.stem:
            continue
        try:
            created = datetime.strptime(m["ts"], "%Y%m%d-%H%M%S")
            size = p.stat().st_size
        except (ValueError, OSError):
            continue
        out.append(BackupFile(p, created, m["label"], size))
    return sorted(out, key=lambda b: (b.created, b.path.name), reverse=True)


def inspect_backup(path: Path, key: str | None = None) -> str | None:
    """Check that ``path`` is an intact SQLite database; returns its migration revision (None if it has none)."""
    try:
        if key is None:
            with path.open("rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    raise BackupError(f"{path.name} er ikke en sikkerhedskopi af en Frister-database.")
        elif not crypto.check_key(path, key):
            raise BackupError(f"{path.name} kan ikke åbnes med databasens adgangskode.")
        conn = _source(path, key)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                raise BackupError(f"Sikkerhedskopien {path.name} er beskadiget ({ok}).")
            try:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.DatabaseError:
                raise BackupError(f"{path.name} er ikke en sikkerhedskopi af en Frister-database.") from None
            return str(row[0]) if row else None
        finally:
            conn.close()
    except OSError as e:
        raise BackupError(f"Sikkerhedskopien {path.name} kan ikke læses ({e.strerror}).") from e
    except sqlite3.DatabaseError as e:
        raise BackupError(f"Sikkerhedskopien {path.name} er beskadiget eller ikke en database.") from e


def stage_restore(src: Path, live: Path, key: str | None = None) -> Path:
    """A copy of the backup ``src`` beside ``live``, with every audit entry of the live database that the backup
    lacks carried into it: the audit trail is append-only across a restore, whatever the backup holds. The
    caller adds the restore's own entry, then :func:`restore_sqlite` puts the staged copy in place in one step."""
    staged = live.with_name(f".{live.name}.restoring")
    _remove_partial(staged)
    try:
        backup_sqlite(src, staged, key)
        conn = crypto.connect(staged, key)
        try:
            if key is None:
                conn.execute("ATTACH DATABASE ? AS live", (str(live),))
            else:
                conn.execute("ATTACH DATABASE ? AS live KEY ?", (str(live), key))
            mine = [r[1] for r in conn.execute("PRAGMA main.table_info(audit_log)")]
            theirs = {r[1] for r in conn.execute("PRAGMA live.table_info(audit_log)")}
            cols = ", ".join(f'"{c}"' for c in mine if c in theirs)
            if cols:
                conn.execute(f"INSERT INTO main.audit_log ({cols}) SELECT {cols} FROM live.audit_log "
                             "WHERE id NOT IN (SELECT id FROM main.audit_log)")  # fmt: skip
            conn.commit()
            conn.execute("DETACH DATABASE live")
        finally:
            conn.close()
    except BaseException:
        _remove_partial(staged)
        raise
    return staged


def discard_staged(staged: Path) -> None:
    _remove_partial(staged)


def remove_staged_restore(live: Path) -> bool:
    """The staged copy of a restore that was killed (a full copy of a backup: plaintext CPR numbers in a plain
    database). The caller makes sure no other instance is restoring right now."""
    staged = live.with_name(f".{live.name}.restoring")
    found = any(p.exists() for p in (staged, *(staged.with_name(staged.name + s) for s in (PARTIAL, "-journal",
                                                                                           "-wal", "-shm"))))
    for p in (staged, staged.with_name(staged.name + PARTIAL)):
        _remove_partial(p)
    return found


def foreign_files(folder: Path, db_path: Path) -> list[Path]:
    """Files in the backups folder that are not this database's backups (another database's, a copy put there
    by hand), plain SQLite only: encrypting a database must not leave them readable without saying so."""
    if not folder.is_dir():
        return []
    mine = {b.path for b in list_backups(folder, db_path)}
    out = []
    for p in sorted(folder.iterdir()):
        if p in mine or not p.is_file() or PARTIAL in p.name:
            continue
        try:
            with p.open("rb") as fh:
                if fh.read(16) == b"SQLite format 3\x00":
                    out.append(p)
        except OSError:
            continue
    return out


def restore_sqlite(src: Path, dest: Path, key: str | None = None) -> None:
    """Replace the contents of the live database ``dest`` with ``src`` in one step (SQLite's backup API
    copies into the open file, so other connections see either the old or the restored database)."""
    source = _source(src, key)
    try:
        target = crypto.connect(dest, key, timeout=BUSY_MS / 1000)
        try:
            source.backup(target)
        except sqlite3.OperationalError as e:
            raise BackupError("Databasen er i brug af et andet program (eller en anden Frister). Luk det og "
                              "prøv igen; intet er ændret.") from e  # fmt: skip
        finally:
            target.close()
    finally:
        source.close()
