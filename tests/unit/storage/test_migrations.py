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
    engine = create_engine(f"sqlite:///{db}")
    try:
        migrations.upgrade(engine, None)  # the migrations themselves (a new file is made by create_schema, below)
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def _schema(db: Path) -> dict[str, object]:
    """Every table's columns (name, type, not null, default, key), indexes (unique, partial WHERE, columns)
    and foreign keys, as SQLite reports them."""
    import re
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        out: dict[str, object] = {}
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for t in tables:
            cols = sorted(tuple(r[1:]) for r in conn.execute(f"PRAGMA table_info('{t}')"))
            idx = []
            for _, name, unique, origin, partial in conn.execute(f"PRAGMA index_list('{t}')"):
                columns = [r[2] for r in conn.execute(f"PRAGMA index_info('{name}')")]
                sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
                where = re.sub(r"\s+", " ", sql[0].split(" WHERE ", 1)[1]).strip() if partial and sql[0] else ""
                idx.append((name if origin == "c" else origin, unique, columns, where))
            fks = sorted(tuple(r[2:5]) for r in conn.execute(f"PRAGMA foreign_key_list('{t}')"))
            out[t] = (cols, sorted(idx, key=str), fks)
        return out
    finally:
        conn.close()


def test_a_new_file_has_exactly_the_schema_the_migrations_build(tmp_path: Path) -> None:
    """create_schema (create_all + the head revision) and the migrations replayed give the same file."""
    from sqlalchemy import create_engine

    from jobcenter_desktop.storage.migrations import SCHEMA_HEAD, create_database, stored_revision

    migrated = tmp_path / "migrated.sqlite3"
    engine = create_engine(f"sqlite:///{migrated}")
    migrations.upgrade(engine, None)
    engine.dispose()
    created = tmp_path / "created.sqlite3"
    assert create_database(created)
    engine = create_engine(f"sqlite:///{created}")
    assert stored_revision(engine) == SCHEMA_HEAD
    engine.dispose()
    a, b = _schema(migrated), _schema(created)
    assert set(a) == set(b)
    for table in a:
        assert a[table] == b[table], table


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


def test_migration_0003_keeps_duplicate_open_cases_and_names_them(tmp_path: Path) -> None:
    """A file made before the unique index may already hold two open cases for one party and group (the race
    happened). The upgrade keeps both, builds the index, and leaves an audit entry naming the later one."""
    from alembic import command

    from jobcenter_desktop.storage.db import make_engine, sqlite_url

    db = tmp_path / "old.sqlite3"
    engine = make_engine(sqlite_url(db), wal=False)
    cfg = migrations.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
    engine.dispose()
    import uuid

    worker = uuid.uuid4().hex
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO caseworker (id, username, full_name, created_at, updated_at, version) "
                     "VALUES (?, 'anna.k', '', '2026-01-01', '2026-01-01', 1)", (worker,))
        for number, cpr in [("2026-00001", "020285-1234"), ("2026-00002", "020285-1234"),
                            ("2026-00003", "030385-1234")]:  # fmt: skip
            party, case = uuid.uuid4().hex, uuid.uuid4().hex
            conn.execute("INSERT INTO party (id, kind, name, identifier, search_key, created_at, updated_at, version) "
                         "VALUES (?, 'citizen', 'Fiktiv', ?, '', '2026-01-01', '2026-01-01', 1)", (party, cpr))
            conn.execute("INSERT INTO cases (id, number, group_id, catalogue_id, party_id, caseworker_id, status, "
                         "opened_on, notes, created_at, updated_at, version) VALUES (?, ?, 'dagpenge', 'x', ?, ?, "
                         "'open', '2026-01-01', '', '2026-01-01', '2026-01-01', 1)", (case, number, party, worker))
    app = Frister.open(db, actor="anna.k")  # migrates to head
    try:
        assert sorted(c.number for c in app.cases.search("")) == ["2026-00001", "2026-00002", "2026-00003"]
        flagged = [e for e in app.audit() if e.action == "duplicate"]
        assert [(e.entity_id, e.actor) for e in flagged] == [("2026-00002", "system")]
        assert "2026-00001" in flagged[0].reason
        # From now on the database refuses a third open dagpenge case for that party.
        from jobcenter_desktop.services.errors import ValidationError

        with pytest.raises(ValidationError, match="allerede en åben sag"):
            app.cases.register(NewCase("dagpenge", "Fiktiv", "020285-1234", {"ledigmelding": date(2026, 3, 2)}),
                               date(2026, 3, 2))  # fmt: skip
    finally:
        app.close()


def test_the_open_case_index_is_partial_on_postgresql_too() -> None:
    """The ORM names only SQLite's WHERE (the PostgreSQL dialect is not imported at start); a schema built on
    PostgreSQL gets the same partial index through the table's before_create hook."""
    from sqlalchemy import create_mock_engine

    from jobcenter_desktop.storage.orm import OPEN_CASE_INDEX, Base

    ddl: list[str] = []
    engine = create_mock_engine("postgresql+psycopg://", lambda sql, *_a, **_k: ddl.append(str(sql.compile(
        dialect=engine.dialect)).strip()))  # fmt: skip
    Base.metadata.create_all(engine, checkfirst=False)
    index = [d for d in ddl if OPEN_CASE_INDEX in d]
    assert index == [f"CREATE UNIQUE INDEX {OPEN_CASE_INDEX} ON cases (group_id, party_key) WHERE status = 'open'"]
