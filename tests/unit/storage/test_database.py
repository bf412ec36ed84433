"""Opening, migrating and refusing database files; SQLite settings; consistent backups. Real files only."""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import exc, func, select, text

from jobcenter_desktop.services.context import open_database
from jobcenter_desktop.services.errors import StartupError
from jobcenter_desktop.storage import migrations
from jobcenter_desktop.storage.backup import backup_sqlite
from jobcenter_desktop.storage.orm import CaseRow, MilestoneRow, Setting


def _make_migrated(path: Path) -> Path:
    db, _ = open_database(path)
    db.close()
    return path


def _raw_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# ---------------------------------------------------------------- a new file
def test_new_file_is_created_and_migrated_to_head(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "dir" / "frister.sqlite3"  # missing parent folders are created too
    assert not path.exists()
    db, backup = open_database(path)
    db.close()

    assert path.is_file()
    assert backup is None  # nothing to back up in a brand-new file
    head = migrations.head_revision()
    assert head is not None
    assert _raw_rows(path, "SELECT version_num FROM alembic_version") == [(head,)]
    tables = {name for (name,) in _raw_rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"cases", "party", "milestone", "trigger_event", "pause", "audit_log", "closure_day"} <= tables


def test_reopening_a_current_file_needs_no_migration_and_no_backup(tmp_path: Path) -> None:
    path = _make_migrated(tmp_path / "frister.sqlite3")
    db, backup = open_database(path)
    db.close()
    assert backup is None
    assert not (tmp_path / "backups").exists()
    assert _raw_rows(path, "SELECT version_num FROM alembic_version") == [(migrations.head_revision(),)]


def test_session_connections_use_wal_and_enforce_foreign_keys(tmp_path: Path) -> None:
    db, _ = open_database(tmp_path / "frister.sqlite3")
    try:
        for open_session in (db.read, db.write):
            with open_session() as s:
                assert str(s.execute(text("PRAGMA journal_mode")).scalar_one()).lower() == "wal"
                assert s.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
                assert s.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
    finally:
        db.close()


def test_foreign_key_violation_raises_and_writes_nothing(tmp_path: Path) -> None:
    db, _ = open_database(tmp_path / "frister.sqlite3")
    try:
        with pytest.raises(exc.IntegrityError, match="FOREIGN KEY"), db.write() as s:
            s.add(MilestoneRow(case_id=uuid.uuid4(), rule_id="kh_ydelse", state="open"))
            s.flush()
        with db.read() as s:
            assert s.scalar(select(func.count()).select_from(MilestoneRow)) == 0
    finally:
        db.close()


def test_write_transaction_rolls_back_as_a_whole(tmp_path: Path) -> None:
    db, _ = open_database(tmp_path / "frister.sqlite3")
    try:
        with pytest.raises(RuntimeError), db.write() as s:
            s.add(Setting(key="a", value="1"))
            s.flush()
            raise RuntimeError("afbrudt midt i handlingen")
        with db.read() as s:
            assert s.get(Setting, "a") is None
    finally:
        db.close()


# ---------------------------------------------------------------- start-up faults leave the file alone
def _garbage(tmp: Path) -> Path:
    p = tmp / "garbage.sqlite3"
    p.write_bytes(b"Dette er ikke en database\x00\x01\x02" * 200)
    return p


def _truncated(tmp: Path) -> Path:
    full = _make_migrated(tmp / "full.sqlite3")
    p = tmp / "truncated.sqlite3"
    p.write_bytes(full.read_bytes()[:3000])
    return p


def _foreign(tmp: Path) -> Path:
    p = tmp / "foreign.sqlite3"
    conn = sqlite3.connect(p)  # default rollback journal: switching it to WAL would rewrite the header
    conn.execute("CREATE TABLE kunder (id INTEGER PRIMARY KEY, navn TEXT)")
    conn.execute("INSERT INTO kunder (navn) VALUES ('Testfirma ApS')")
    conn.commit()
    conn.close()
    return p


def _ahead(tmp: Path) -> Path:
    p = _make_migrated(tmp / "ahead.sqlite3")
    conn = sqlite3.connect(p)
    conn.execute("UPDATE alembic_version SET version_num = 'zzzz9999'")
    conn.commit()
    conn.close()
    return p


def _ahead_rollback_journal(tmp: Path) -> Path:
    p = _ahead(tmp)
    conn = sqlite3.connect(p)
    assert conn.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    conn.close()
    return p


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        pytest.param(_garbage, "krypteret eller beskadiget", id="garbage"),  # the two look alike
        pytest.param(_truncated, "beskadiget", id="truncated"),
        pytest.param(_foreign, "anden database end Frister", id="foreign"),
        pytest.param(_ahead, "nyere version af Frister", id="schema-ahead"),
        pytest.param(_ahead_rollback_journal, "nyere version af Frister", id="schema-ahead-rollback-journal"),
    ],
)
def test_startup_fault_is_a_danish_message_and_the_file_is_unchanged(
    tmp_path: Path, build: Callable[[Path], Path], expected: str
) -> None:
    path = build(tmp_path)
    before = path.read_bytes()
    with pytest.raises(StartupError, match=expected) as info:
        open_database(path)
    assert "ikke ændret" in str(info.value)  # tells the user the file was left alone ...
    assert path.read_bytes() == before  # ... and it really was


def test_an_empty_file_is_refused_not_turned_into_a_new_database(tmp_path: Path) -> None:
    """A 0-byte file (a truncated copy, a failed download) used to become a new, empty database silently."""
    path = tmp_path / "frister.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(StartupError, match=r"er tom \(0 byte\).*slet den tomme fil"):
        open_database(path)
    assert path.read_bytes() == b""
    path.unlink()  # what the message says to do, if a new database is what the user wants
    db, _ = open_database(path)
    db.close()
    assert path.stat().st_size > 0


def test_a_new_database_appears_whole_at_its_path(tmp_path: Path) -> None:
    """Built beside the path and linked into place: no half-made or empty file of ours is ever at the path."""
    path = tmp_path / "frister.sqlite3"
    db, _ = open_database(path)
    try:
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (migrations.SCHEMA_HEAD,)
        assert not list(tmp_path.glob(".frister.sqlite3.new-*"))
    finally:
        db.close()


def test_directory_instead_of_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "frister.sqlite3"
    folder.mkdir()
    with pytest.raises(StartupError, match="er en mappe, ikke en databasefil"):
        open_database(folder)
    assert folder.is_dir()
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root can write to a 0o444 file, so a read-only file cannot be simulated")  # fmt: skip
def test_read_only_file_is_refused(tmp_path: Path) -> None:
    path = _make_migrated(tmp_path / "frister.sqlite3")
    before = path.read_bytes()
    path.chmod(0o444)
    try:
        with pytest.raises(StartupError, match="skrivebeskyttet"):
            open_database(path)
        assert path.read_bytes() == before
    finally:
        path.chmod(0o644)


def test_missing_parent_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("en fil, ikke en mappe")
    # A file where the folder should be: refused with a Danish message naming the problem.
    with pytest.raises(StartupError, match="er en fil, ikke en mappe"):
        open_database(blocker / "frister.sqlite3")
    assert blocker.read_text() == "en fil, ikke en mappe"


# ---------------------------------------------------------------- backups of a live database
def test_backup_is_consistent_while_another_connection_is_writing(file_app, db_path: Path, tmp_path: Path) -> None:
    app = file_app
    from jobcenter_desktop.services.cases import NewCase

    today = date(2026, 3, 2)
    for i, (name, cpr) in enumerate((("Søren Østergaard", "010190-1235"), ("Åse Lund", "020285-1234"))):
        app.cases.register(NewCase("kontanthjaelp" if i == 0 else "dagpenge", name, cpr,
                                   {"foerste_fremmoede" if i == 0 else "ledigmelding": today}), today)  # fmt: skip
    app.settings.add_closure(date(2026, 3, 13), "Personaledag")
    committed_cases = _raw_rows(db_path, "SELECT id, number, version FROM cases ORDER BY number")
    committed_ms = _raw_rows(db_path, "SELECT id, rule_id, due_on FROM milestone ORDER BY id")
    assert len(committed_cases) == 2

    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # holds the write lock for the whole backup
        writer.execute("UPDATE cases SET notes = 'ikke gemt endnu'")
        writer.execute("DELETE FROM closure_day")
        writer.execute("INSERT INTO setting (key, value, updated_at) VALUES ('uncommitted', 'x', '2026-03-02')")

        dest = backup_sqlite(db_path, tmp_path / "backups" / "kopi.sqlite3")
    finally:
        writer.execute("COMMIT")
        writer.close()

    assert dest == tmp_path / "backups" / "kopi.sqlite3"
    assert not (tmp_path / "backups" / "kopi.sqlite3.partial").exists()
    # The copy has exactly the committed state, not the transaction that was open during the copy.
    assert _raw_rows(dest, "PRAGMA integrity_check") == [("ok",)]
    assert _raw_rows(dest, "SELECT id, number, version FROM cases ORDER BY number") == committed_cases
    assert _raw_rows(dest, "SELECT id, rule_id, due_on FROM milestone ORDER BY id") == committed_ms
    assert _raw_rows(dest, "SELECT notes FROM cases") == [("",), ("",)]
    assert _raw_rows(dest, "SELECT day, reason FROM closure_day") == [("2026-03-13", "Personaledag")]
    assert _raw_rows(dest, "SELECT key FROM setting WHERE key = 'uncommitted'") == []
    # ... while the source did get the change once it was committed.
    assert _raw_rows(db_path, "SELECT count(*) FROM closure_day") == [(0,)]

    # The copy is a usable Frister database in its own right.
    copy_db, backup = open_database(dest)
    try:
        assert backup is None
        with copy_db.read() as s:
            assert sorted(s.scalars(select(CaseRow.number))) == ["2026-00001", "2026-00002"]
    finally:
        copy_db.close()


def test_backup_replaces_an_older_copy_atomically(file_app, db_path: Path, tmp_path: Path) -> None:
    dest = tmp_path / "kopi.sqlite3"
    shutil.copyfile(_garbage(tmp_path), dest)
    backup_sqlite(db_path, dest)
    assert dest.read_bytes()[:16] == b"SQLite format 3\x00"
    assert _raw_rows(dest, "SELECT version_num FROM alembic_version") == [(migrations.head_revision(),)]


def test_a_damaged_page_is_caught_at_the_first_start_of_the_day(tmp_path: Path) -> None:
    """quick_check reads every page, so it runs once a day, before the daily backup: a damaged page deep in
    the file (the schema still readable) stops the first start of the day with a Danish message."""
    from datetime import datetime

    from jobcenter_desktop.storage.backup import backup_name

    path = _make_migrated(tmp_path / "frister.sqlite3")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE filler (x TEXT)")
    conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,) for _ in range(400)])
    conn.commit()
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    with path.open("r+b") as f:  # scribble over a page of the filler table, far from the schema page
        f.seek(page * (pages - 5))
        f.write(b"\xff" * page)
    with pytest.raises(StartupError, match="beskadiget"):
        open_database(path)

    # Later the same day (today's backup exists) start-up skips the page-by-page check.
    (tmp_path / "backups").mkdir()
    shutil.copy(path, tmp_path / "backups" / backup_name(path, "daglig", datetime.now()))
    db, _ = open_database(path)
    db.close()
