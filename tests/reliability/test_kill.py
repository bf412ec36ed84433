"""kill -9 in the middle of writing: every action a writer reported as committed survives, and no case is ever
half-registered (all its milestones, its trigger events and its 'create' audit entry, or nothing).

A writer (tests/support/writer_child.py) registers cases and completes milestones through the services, one
transaction per action, printing a line after each commit. It is killed with SIGKILL at a random moment; then the
file is checked with plain sqlite3 and the next writer reopens the same file (start-up and migration check must
cope with whatever the kill left: a hot WAL, a -shm file, an interrupted transaction).

Most kills land 0.05–0.6 s after the writer opened the database (while it writes); every fifth lands 0–0.15 s
after it started opening it (start-up, the first migration on the fresh file, the first writes). The writers are
started ahead (``--wait-for-go``) so their ~1 s of imports overlaps the previous writer's run and check.

``JOBCENTER_KILL_COUNT`` sets the number of kills (default 50; about 45–80 s on a 2-core machine, mostly the
writers' start-up). On Windows the kill is TerminateProcess (Popen.kill), which is just as abrupt.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import time
from collections import deque
from datetime import date
from pathlib import Path

import pytest
from support.writers import Child, Report, check_database, group_sizes

from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.demo import fake_party

KILLS = int(os.environ.get("JOBCENTER_KILL_COUNT", "50"))
PREFETCH = 2  # writers importing ahead of time
ACTIONS = 1_000_000  # far more than a writer gets through before its kill
SEED = 20260302
TODAY = date(2026, 3, 2)

pytestmark = pytest.mark.slow


def _has_schema(db: Path) -> bool:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'cases'").fetchone()[0] == 1
    finally:
        con.close()


def kill(child: Child) -> None:
    if sys.platform == "win32":
        child.proc.kill()  # TerminateProcess(1): as abrupt as SIGKILL
        expected = 1
    else:
        os.kill(child.proc.pid, signal.SIGKILL)
        expected = -signal.SIGKILL
    rc = child.finish()
    assert rc == expected, f"the writer ended by itself ({rc}) before the kill"


def test_kill9_loses_no_committed_action_and_never_leaves_half_a_case(tmp_path: Path, catalogue, summary) -> None:
    db = tmp_path / "frister.sqlite3"
    rng = random.Random(SEED)
    sizes = group_sizes(catalogue)
    total = Report()
    early = cases = 0
    started = time.monotonic()
    with (tmp_path / "writers.stderr").open("wb") as err:
        queue = deque(Child(db, ACTIONS, SEED + i, stderr=err, wait_for_go=True) for i in range(min(PREFETCH, KILLS)))
        try:
            for i in range(KILLS):
                child = queue.popleft()
                child.wait_for("WAITING")
                child.go()
                if i + PREFETCH < KILLS:
                    queue.append(Child(db, ACTIONS, SEED + i + PREFETCH, stderr=err, wait_for_go=True))
                if i % 5 == 0:  # during start-up (the first one: the migration of the fresh file)
                    child.wait_for("OPENING")
                    time.sleep(rng.uniform(0.0, 0.15))
                    early += 1
                else:
                    child.wait_for("READY")
                    time.sleep(rng.uniform(0.05, 0.6))
                try:
                    kill(child)
                except AssertionError:
                    err.flush()
                    raise AssertionError((tmp_path / "writers.stderr").read_text("utf-8")[-3000:]) from None
                finally:
                    child.close()
                total.update(child.report)
                if not db.exists() or not _has_schema(db):
                    # Killed before SQLite created the file, or during the first migration (one transaction:
                    # rolled back whole). Nothing can have been reported committed yet.
                    assert not total.committed, "committed cases vanished with the schema"
                    continue
                cases = check_database(db, total, sizes)
                # Each kill can cut off at most one action between its commit and its line on stdout.
                assert len(total.committed) <= cases <= len(total.committed) + i + 1
        finally:
            for c in queue:
                c.proc.kill()
                c.finish()
                c.close()
    elapsed = time.monotonic() - started
    assert (tmp_path / "writers.stderr").read_bytes() == b"", "a writer printed to stderr"

    # The file the kills left behind still opens, migrates, reads and takes a new case.
    app = Frister.open(db, actor="anna.k")
    try:
        assert len(app.cases.search("", None)) == cases
        cpr = fake_party(PartyKind.CITIZEN, random.Random(-1)).identifier
        app.cases.register(NewCase("kontanthjaelp", "Fiktiv Efterkontrol", cpr, {"foerste_fremmoede": TODAY}), TODAY)
        assert len(app.cases.search("", None)) == cases + 1
    finally:
        app.close()
    assert total.actions or KILLS < 5, "every kill landed before the writers got anything done: nothing was tested"
    summary(f"test_kill: {KILLS} kills ({early} during start-up) in {elapsed:.0f} s; {total.actions} committed "
            f"actions verified ({len(total.committed)} cases, {len(total.done)} completions); {cases} cases in the "
            f"file, {cases - len(total.committed)} committed but cut off before their report line")  # fmt: skip


def test_kill9_during_the_first_migration_leaves_a_file_that_opens(tmp_path: Path, catalogue, summary) -> None:
    """A fresh file killed while it is being created and migrated: the next start migrates it and works (no
    "another program's database", no half-made schema)."""
    rng = random.Random(SEED + 1)
    rounds, outcomes = 6, {"no file": 0, "empty file": 0, "migrated": 0}
    with (tmp_path / "writers.stderr").open("wb") as err:
        queue = deque(Child(tmp_path / f"fresh-{i}.sqlite3", ACTIONS, i, stderr=err, wait_for_go=True)
                      for i in range(rounds))  # fmt: skip
        try:
            for i in range(rounds):
                child = queue.popleft()
                child.wait_for("WAITING")
                child.go()
                child.wait_for("OPENING")
                time.sleep(rng.uniform(0.0, 0.12))
                try:
                    kill(child)
                finally:
                    child.close()
                db = tmp_path / f"fresh-{i}.sqlite3"
                if not db.exists():
                    outcomes["no file"] += 1
                    continue
                con = sqlite3.connect(db)
                try:
                    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                    tables = {t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                finally:
                    con.close()
                outcomes["migrated" if "alembic_version" in tables else "empty file"] += 1
                assert not tables or "alembic_version" in tables, f"half a schema without a version: {tables}"
                app = Frister.open(db, actor="anna.k")
                try:
                    app.cases.search("", None)
                finally:
                    app.close()
                check_database(db, child.report, group_sizes(catalogue))
        finally:
            for c in queue:
                c.proc.kill()
                c.finish()
                c.close()
    summary(f"test_kill (first migration): {rounds} fresh files killed while opening: {outcomes}")
