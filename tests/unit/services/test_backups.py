"""Backups: daily at start (at most once a day, none for an empty database), keep 14, restore exactly."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ServiceError

TODAY = date(2026, 11, 23)


def _case(app: Frister, name: str, cpr: str) -> str:
    new = NewCase("dagpenge", name, cpr, {"ledigmelding": date(2026, 11, 16)})
    return app.cases.register(new, TODAY).number


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "frister.sqlite3"


def test_no_daily_backup_for_an_empty_database(db: Path) -> None:
    app = Frister.open(db, actor="anna.k")
    try:
        assert app.backups.daily(datetime(2026, 11, 23, 8, 0)) is None
        assert app.backups.all() == []
    finally:
        app.close()


def test_daily_backup_at_most_once_a_day(db: Path) -> None:
    app = Frister.open(db, actor="anna.k")
    try:
        _case(app, "Fiktiv Person", "010190-1235")
        first = app.backups.daily(datetime(2026, 11, 23, 8, 0))
        assert first is not None and first.label == "daglig" and first.path.exists()
        assert app.backups.daily(datetime(2026, 11, 23, 15, 30)) is None  # same day: no second copy
        second = app.backups.daily(datetime(2026, 11, 24, 8, 0))
        assert second is not None and second.created.date() == date(2026, 11, 24)
        assert [b.created.date() for b in app.backups.all()] == [date(2026, 11, 24), date(2026, 11, 23)]
    finally:
        app.close()


def test_opening_the_app_takes_the_daily_backup(db: Path) -> None:
    app = Frister.open(db, actor="anna.k")
    _case(app, "Fiktiv Person", "010190-1235")
    app.close()
    app = Frister.open(db, actor="anna.k")  # a database with cases: the start-up copy is taken
    try:
        assert [b.label for b in app.backups.all()] == ["daglig"]
        assert any(e.action == "backup" for e in app.audit())
    finally:
        app.close()


def test_only_the_newest_14_are_kept(db: Path) -> None:
    app = Frister.open(db, actor="anna.k")
    try:
        _case(app, "Fiktiv Person", "010190-1235")
        start = datetime(2026, 11, 1, 8, 0)
        for i in range(16):
            app.backups.create("manuel", start + timedelta(days=i))
        kept = app.backups.all()
        assert len(kept) == 14
        assert kept[0].created == start + timedelta(days=15)
        assert kept[-1].created == start + timedelta(days=2)  # the two oldest were removed
    finally:
        app.close()


def test_restore_brings_back_exactly_the_backed_up_state(db: Path) -> None:
    app = Frister.open(db, actor="anna.k")
    _case(app, "Fiktiv Før", "010190-1235")
    backup = app.backups.create("manuel", datetime(2026, 11, 23, 9, 0))
    expected = _tables(backup.path)
    # Later changes that the restore must undo: a new case, a completed milestone, a closure day.
    later = _case(app, "Fiktiv Efter", "020290-1235")
    case = app.cases.by_number(later)
    app.cases.complete(case.milestones[0].id, TODAY, TODAY)
    app.settings.add_closure(date(2026, 12, 23), "Lukket")
    safety = app.backups.restore(backup.path, datetime(2026, 11, 23, 12, 0))
    app.close()

    restored = _tables(db)
    # The audit trail is append-only across the restore: the backup's entries, every entry made since (the
    # later changes and the safety copy), and the restore's own entry.
    assert set(expected["audit_log"]) <= set(restored["audit_log"])
    assert set(_tables(safety.path)["audit_log"]) <= set(restored["audit_log"])
    extra = [row for row in restored["audit_log"] if row not in expected["audit_log"]]
    actions = sorted(row[6] for row in extra)
    assert actions.count("restore") == 1 and "complete" in actions and "set" in actions
    assert any(row[6] == "backup" and "foer-gendannelse" in row for row in extra)
    assert {k: v for k, v in restored.items() if k != "audit_log"} == {
        k: v for k, v in expected.items() if k != "audit_log"}  # fmt: skip
    # The safety copy holds the state just before the restore, so the restore can be undone.
    assert safety.label == "foer-gendannelse"
    with sqlite3.connect(safety.path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM party")}
    assert names == {"Fiktiv Før", "Fiktiv Efter"}
    reopened = Frister.open(db, actor="anna.k")
    try:
        assert [c.party.name for c in reopened.cases.search("")] == ["Fiktiv Før"]
    finally:
        reopened.close()


def test_restore_refuses_a_file_that_is_not_a_backup(db: Path, tmp_path: Path) -> None:
    app = Frister.open(db, actor="anna.k")
    try:
        _case(app, "Fiktiv Person", "010190-1235")
        garbage = tmp_path / "not-a-backup.sqlite3"
        garbage.write_bytes(b"this is not a database" * 100)
        with pytest.raises(ServiceError, match=r"ikke en sikkerhedskopi|beskadiget"):
            app.backups.restore(garbage)
        foreign = tmp_path / "foreign.sqlite3"
        with sqlite3.connect(foreign) as conn:
            conn.execute("CREATE TABLE other (x)")
        with pytest.raises(ServiceError, match="ikke en sikkerhedskopi"):
            app.backups.restore(foreign)
        assert [c.party.name for c in app.cases.search("")] == ["Fiktiv Person"]  # nothing changed
    finally:
        app.close()


def test_restore_refuses_a_backup_from_a_newer_version(db: Path, tmp_path: Path) -> None:
    app = Frister.open(db, actor="anna.k")
    try:
        _case(app, "Fiktiv Person", "010190-1235")
        newer = app.backups.create("manuel", datetime(2026, 11, 23, 9, 0)).path
        with sqlite3.connect(newer) as conn:
            conn.execute("UPDATE alembic_version SET version_num = 'zzzz9999'")
        with pytest.raises(ServiceError, match="nyere version"):
            app.backups.restore(newer)
    finally:
        app.close()


def test_the_window_defers_the_days_check_and_backup_to_daily_work(db: Path) -> None:
    app = Frister.open(db, actor="anna.k")
    _case(app, "Fiktiv Person", "010190-1235")
    app.close()
    app = Frister.open(db, actor="anna.k", defer_daily=True)  # as the window opens it: nothing copied yet
    try:
        assert app.backups.all() == []
        steps: list[tuple[int, int]] = []
        said = app.daily_work(lambda done, total: steps.append((done, total)) or True)
        assert "sikkerhedskopien er taget" in said and steps == [(0, 2), (1, 2)]
        assert [b.label for b in app.backups.all()] == ["daglig"]
        assert app.daily_work() == ""  # once a day
    finally:
        app.close()


def test_a_later_start_of_the_day_still_clears_what_a_killed_backup_left(db: Path) -> None:
    """The day's backup is taken; a later start (daily_work again) copies nothing, but removes the half-written
    copy a killed process left, as every start did before the window deferred the daily work."""
    from jobcenter_desktop.storage.backup import PARTIAL

    app = Frister.open(db, actor="anna.k")
    _case(app, "Fiktiv Person", "010190-1235")
    app.close()
    app = Frister.open(db, actor="anna.k", defer_daily=True)
    try:
        app.daily_work()
        left = app.backups.folder / f"frister-20261201-090000-daglig.sqlite3{PARTIAL}"
        left.write_bytes(b"half a copy")
        assert app.daily_work() == ""  # backed up today: nothing new
        assert not left.exists()
        assert [b.label for b in app.backups.all()] == ["daglig"]
    finally:
        app.close()


def test_daily_work_finds_a_damaged_file_and_copies_nothing(db: Path) -> None:
    app = Frister.open(db, actor="anna.k")
    for i in range(60):  # enough rows for index pages to damage
        _case(app, f"Fiktiv Person {i}", f"0101{i:02d}-1235" if i < 30 else f"0202{i - 30:02d}-1234")
    app.close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_milestone_calendar'").fetchone()[0]
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    with db.open("r+b") as fh:  # scribble over the index's root page: its cell pointers and cells
        fh.seek((root - 1) * page + 8)
        fh.write(b"\xff" * (page - 8))
    app = Frister.open(db, actor="anna.k", defer_daily=True)
    try:
        with pytest.raises(ServiceError, match="beskadiget"):
            app.daily_work()
        assert app.backups.all() == []  # a damaged file is never copied over the good backups
    finally:
        app.close()
