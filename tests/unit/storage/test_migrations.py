"""Migrating an existing database: a consistent backup is taken first, data survives, and the schema moves."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.storage import migrations

EXTRA_REVISION = '''
"""test-only: add a column"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("priority", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("priority")
'''


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of db/ with one more revision on top of today's head, as the next app version would ship."""
    head = migrations.head_revision()
    src = Path(migrations.__file__).resolve().parents[2] / "db"
    dest = tmp_path / "db-next"
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "versions" / "9001_add_priority.py").write_text(EXTRA_REVISION.format(head=head), encoding="utf-8")
    return dest


def _columns(db: Path, table: str) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def test_upgrade_backs_up_first_and_keeps_data(tmp_path: Path, newer_migrations: Path, monkeypatch) -> None:
    db = tmp_path / "frister.sqlite3"
    app = Frister.open(db, actor="tester")
    case = app.cases.register(
        NewCase("kontanthjaelp", "Fiktiv Person", "010190-1235", {"foerste_fremmoede": date(2025, 12, 18)}),
        date(2025, 12, 18),
    )
    app.close()
    assert "priority" not in _columns(db, "cases")

    monkeypatch.setattr(migrations, "migrations_dir", lambda: newer_migrations)
    monkeypatch.setattr(migrations, "SCHEMA_HEAD", "9001")  # the next version ships its head with its revision
    app = Frister.open(db, actor="tester")
    try:
        backup = app.ctx.backup_made
        assert backup is not None and Path(backup).exists()
        assert Path(backup).parent == db.parent / "backups"
        # The backup is the pre-migration database: old schema, same case.
        assert "priority" not in _columns(Path(backup), "cases")
        with sqlite3.connect(backup) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "9001"
            assert conn.execute("SELECT number FROM cases").fetchall() == [(case.number,)]
        # The live database moved on and kept its data.
        assert "priority" in _columns(db, "cases")
        assert migrations.current_revision(app.ctx.db.engine) == "9001"
        assert app.cases.by_number(case.number).party.name == "Fiktiv Person"
    finally:
        app.close()


def test_no_backup_when_already_at_head(tmp_path: Path) -> None:
    db = tmp_path / "frister.sqlite3"
    Frister.open(db, actor="tester").close()
    app = Frister.open(db, actor="tester")
    app.close()
    assert app.ctx.backup_made is None
    assert not (tmp_path / "backups").exists()


def test_migrations_build_exactly_the_orm_schema(tmp_path: Path) -> None:
    """Alembic's own comparison: tables, columns and indexes made by db/versions equal the ORM's metadata."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from jobcenter_desktop.storage.orm import Base

    db = tmp_path / "frister.sqlite3"
    Frister.open(db, actor="tester").close()
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_calendar_index_is_used_for_a_month(tmp_path: Path) -> None:
    db = tmp_path / "frister.sqlite3"
    Frister.open(db, actor="tester").close()
    with sqlite3.connect(db) as conn:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT due_on, due_at, rule_id, state, provisional, warn_on, count(*) FROM milestone "
            "WHERE state = 'open' AND due_on >= '2026-01-01' AND due_on <= '2026-02-28' GROUP BY 1, 2, 3, 4, 5, 6"
        ).fetchall()
    assert any("COVERING INDEX ix_milestone_calendar" in row[3] for row in plan)


def test_schema_head_constant_is_alembics_head() -> None:
    """Start-up skips Alembic when the stored revision equals SCHEMA_HEAD; a new revision must bump it."""
    assert migrations.head_revision() == migrations.SCHEMA_HEAD
