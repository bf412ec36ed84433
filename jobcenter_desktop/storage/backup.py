"""Consistent copies of a live SQLite database through SQLite's online backup API, and restoring one."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jobcenter_desktop.storage import crypto

BUSY_MS = 5_000
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
    tmp = dest.with_name(dest.name + ".partial")
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
    return dest


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
