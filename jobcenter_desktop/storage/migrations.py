"""Alembic migrations, run automatically at start; the file is backed up before any migration.

Alembic itself (~0.2 s to import) is loaded only when the stored revision is not :data:`SCHEMA_HEAD`, so an
ordinary start on an up-to-date database does not pay for it. A test holds SCHEMA_HEAD equal to db/'s head.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from jobcenter_desktop.paths import migrations_dir
from jobcenter_desktop.storage.backup import backup_name, backup_sqlite, default_folder
from jobcenter_desktop.storage.db import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

#: The newest revision in db/versions (held equal to Alembic's head by a test).
SCHEMA_HEAD = "0008"


def stored_revision(engine: Engine) -> str | None:
    """The revision in alembic_version, read with plain SQL (None for a new or foreign file)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, db_file: Path | None = None, backup_dir: Path | None = None,
            key: str | None = None) -> str | None:  # fmt: skip
    """Bring the schema to head. Returns the backup made first (if any).

    Refuses a schema ahead of this program (a newer app wrote it) and a foreign database with tables but no
    migration history: both are left untouched.
    """
    if stored_revision(engine) == SCHEMA_HEAD:
        return None
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    # Decide and migrate under the write lock: two instances starting on the same new file at the same moment
    # must not both create tables (the second waits, then finds the schema at head and does nothing).
    locked = engine.execution_options(sqlite_begin="IMMEDIATE") if engine.dialect.name == "sqlite" else engine
    backup: Path | None = None
    with locked.begin() as conn:
        if conn.dialect.name == "postgresql":  # two admins running 'server init' at once: one waits
            conn.execute(text("SELECT pg_advisory_xact_lock(20261201)"))
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return None
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            raise DatabaseError(
                "Databasen er lavet af en nyere version af Frister (skemaversion "
                f"{current}). Opdatér programmet; filen er ikke ændret."
            )
        if current is None and inspect(conn).get_table_names():
            raise DatabaseError("Filen indeholder en anden database end Frister. Vælg en anden fil; "
                                "filen er ikke ændret.")  # fmt: skip
        if current is not None and db_file is not None and db_file.exists():
            target_dir = backup_dir or default_folder(db_file)
            name = backup_name(db_file, f"before-{head}", datetime.now())  # local time: people read these names
            backup = backup_sqlite(db_file, target_dir / name, key)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return str(backup) if backup else None


def create_schema(engine: Engine) -> None:
    """The head schema of an empty SQLite file in one transaction, without replaying the migrations (~15 ms
    instead of ~200: a laptop check-out makes a new file every time). tests/unit/storage/test_migrations.py
    holds it to exactly what the migrations build: every table, column, index (partial ones too) and key."""
    from sqlalchemy import text

    from jobcenter_desktop.storage.orm import Base

    with engine.begin() as conn:
        Base.metadata.create_all(conn)
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                          "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"))  # fmt: skip
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": SCHEMA_HEAD})


def create_database(path: Path, key: str | None = None) -> bool:
    """Create a new, migrated database at ``path`` as a whole: it is built under a temporary name beside it and
    then linked into place, so ``path`` never holds a half-made or empty file of ours (an empty file there is
    always someone else's, and refused). Two instances creating it at once both end on the one that got there
    first. Returns False when another instance won."""
    import contextlib
    import os
    import time
    import uuid

    from jobcenter_desktop.storage.db import make_engine, sqlite_url

    for stale in path.parent.glob(f".{path.name}.new-*"):  # left by a process killed while creating
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > 600:
                stale.unlink()
    tmp = path.with_name(f".{path.name}.new-{uuid.uuid4().hex[:12]}")
    engine = make_engine(sqlite_url(tmp), wal=False, key=key, path=tmp)
    try:
        create_schema(engine)
    finally:
        engine.dispose()
    try:
        try:
            os.link(tmp, path)  # fails if path exists: never replaces a database someone may have open
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links (FAT on a USB stick): the next best thing
            if path.exists():
                return False
            os.replace(tmp, path)
        return True
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
