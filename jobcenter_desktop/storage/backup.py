"""Consistent copies of a live SQLite database through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path


def backup_sqlite(src: Path, dest: Path) -> Path:
    """Copy ``src`` to ``dest`` consistently even while other connections write (WAL included)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(tmp)
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
