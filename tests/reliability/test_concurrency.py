"""Several writers on one database file: two processes at once, two app instances in one process (optimistic
locking), and the command line interleaved with an open app.

Writers take the write lock at BEGIN (BEGIN IMMEDIATE) and wait up to the busy timeout for it, so concurrent
writers queue instead of failing with "database is locked"; a stale edit of a case raises ConflictError (Danish).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from support.cli import Cli
from support.writers import Child, Report, check_database, group_sizes

from jobcenter_desktop.core.models import CaseRecord, MilestoneState
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ConflictError

TODAY = date(2026, 3, 2)
ACTIONS = 25


def run_two_writers(db: Path, catalogue) -> tuple[Report, int]:  # type: ignore[no-untyped-def]
    children = [Child(db, ACTIONS, seed, wait_for_go=True) for seed in (101, 202)]
    try:
        for c in children:
            c.wait_for("WAITING")
        for c in children:  # released together: both open the file and start writing at the same moment
            c.go()
        results = [(c.finish(), c.proc.stderr.read().decode("utf-8", "replace")) for c in children]  # type: ignore[union-attr]
    finally:
        for c in children:
            if c.proc.poll() is None:
                c.proc.kill()
                c.finish()
            c.close()
    for rc, err in results:
        assert "database is locked" not in err
        assert (rc, err) == (0, "")
    total = Report()
    for c in children:
        assert c.lines[-1] == "FINISHED"
        rep = c.report
        assert rep.actions == ACTIONS
        total.update(rep)
    return total, check_database(db, total, group_sizes(catalogue))


# ---------------------------------------------------------------- (a) two processes at once
@pytest.mark.slow
def test_two_processes_write_the_same_file_at_once(tmp_path: Path, catalogue, summary) -> None:
    db = tmp_path / "frister.sqlite3"
    Frister.open(db, actor="anna.k").close()  # an existing, migrated file (the everyday case)
    total, cases = run_two_writers(db, catalogue)
    assert total.actions == 2 * ACTIONS
    assert cases == len(total.committed)
    summary(f"test_concurrency (a): 2 processes x {ACTIONS} actions on one file: all {total.actions} present "
            f"({len(total.committed)} cases, {len(total.done)} completions), no 'database is locked'")  # fmt: skip


@pytest.mark.slow
def test_two_processes_start_together_on_a_fresh_file(tmp_path: Path, catalogue, summary) -> None:
    """Both find no database and create and migrate it at the same moment (two caseworkers opening a new shared
    file): one migrates, the other waits and finds the schema in place."""
    db = tmp_path / "frister.sqlite3"
    total, _ = run_two_writers(db, catalogue)
    assert total.actions == 2 * ACTIONS
    summary(f"test_concurrency (a, fresh file): 2 processes created and migrated one file together; "
            f"all {total.actions} actions present")  # fmt: skip


# ---------------------------------------------------------------- (b) two app instances, optimistic locking
def new_case(name: str, cpr: str) -> NewCase:
    return NewCase("kontanthjaelp", name, cpr,
                   {"foerste_fremmoede": date(2026, 2, 23), "ansoegning_sps34": date(2026, 2, 23)},
                   caseworker="anna.k")


def first_open(case: CaseRecord) -> uuid.UUID:
    return next(m.id for m in case.milestones if m.state is MilestoneState.OPEN and m.due is not None)


WORKERS = ("bo.l", "carla.m", "eva.s")
Action = Callable[[Frister, CaseRecord, int], CaseRecord]
ACTIONS_B: dict[str, tuple[Action, Action, Callable[[CaseRecord], object]]] = {
    # name: (first instance's change in round r, second instance's competing change, what a reload must show)
    "reassign": (lambda a, c, r: a.cases.reassign(c.id, WORKERS[r], "Team Vest", TODAY, expected_version=c.version),
                 lambda a, c, r: a.cases.reassign(c.id, "dennis.p", "Team Øst", TODAY, expected_version=c.version),
                 lambda c: (c.caseworker, c.team)),
    "complete": (lambda a, c, r: a.cases.complete(first_open(c), TODAY, TODAY, expected_version=c.version),
                 lambda a, c, r: a.cases.complete(first_open(c), date(2026, 2, 27), TODAY,
                                                  expected_version=c.version),
                 lambda c: sorted((m.rule_id, str(m.done_on)) for m in c.milestones if m.done_on)),
    "pause": (lambda a, c, r: a.cases.pause(c.id, TODAY, f"Sygemeldt {r}", TODAY, expected_version=c.version),
              lambda a, c, r: a.cases.pause(c.id, date(2026, 2, 28), "Ferie", TODAY, expected_version=c.version),
              lambda c: [(p.start, p.end, p.reason) for p in c.pauses]),
    "update_notes": (lambda a, c, r: a.cases.update_notes(c.id, f"Første bemærkning {r}", expected_version=c.version),
                     lambda a, c, r: a.cases.update_notes(c.id, "Anden bemærkning", expected_version=c.version),
                     lambda c: c.notes),
}  # fmt: skip


def test_two_instances_in_one_process_conflict_instead_of_overwriting(tmp_path: Path, summary) -> None:
    db = tmp_path / "frister.sqlite3"
    one = Frister.open(db, actor="anna.k", team="Team Vest")
    two = Frister.open(db, actor="bo.l", team="Team Vest")
    caught, tried = 0, 0
    try:
        for i, (name, (first, second, shown)) in enumerate(ACTIONS_B.items()):
            number = one.cases.register(new_case(f"Fiktiv Person {i}", f"0{i + 1}0190-1235"), TODAY).number
            for round_ in range(3):  # and again on the version the first change produced
                mine, theirs = one.cases.by_number(number), two.cases.by_number(number)
                assert mine.version == theirs.version
                if name == "pause" and round_:
                    mine = one.cases.resume(mine.id, TODAY, TODAY, expected_version=mine.version)
                    theirs = two.cases.by_number(number)
                after_first = first(one, mine, round_)
                assert after_first.version > mine.version
                tried += 1
                with pytest.raises(ConflictError) as e:
                    second(two, theirs, round_)
                caught += 1
                assert "ændret af en anden" in str(e.value)  # Danish, fit to show as it is
                reloaded = two.cases.by_number(number)
                assert reloaded.version == after_first.version
                assert shown(reloaded) == shown(after_first)
                assert shown(reloaded) != shown(theirs)
        # The audit log has exactly the winning changes: a refused change leaves no trace.
        actors = {e.actor for e in one.audit() if e.action in ("reassign", "complete", "pause", "update")}
        assert actors == {"anna.k"}
    finally:
        one.close()
        two.close()
    assert caught == tried == 3 * len(ACTIONS_B)
    summary(f"test_concurrency (b): {caught} of {tried} stale edits caught as ConflictError "
            f"({', '.join(ACTIONS_B)}; 3 rounds each), no overwrite")  # fmt: skip


def test_a_stale_write_without_expected_version_never_loses_the_other_change(tmp_path: Path) -> None:
    """Without an expected version the second writer works on fresh data (read inside its own transaction): both
    changes are kept, in order, and the version counts both."""
    db = tmp_path / "frister.sqlite3"
    one, two = Frister.open(db, actor="anna.k"), Frister.open(db, actor="bo.l")
    try:
        case = one.cases.register(new_case("Fiktiv Person", "010190-1235"), TODAY)
        one.cases.update_notes(case.id, "Fra anna.k")
        two.cases.reassign(case.id, "dennis.p", "Team Øst", TODAY)
        final = one.cases.get(case.id)
        assert (final.notes, final.caseworker, final.version) == ("Fra anna.k", "dennis.p", case.version + 2)
    finally:
        one.close()
        two.close()


# ---------------------------------------------------------------- (c) the CLI next to an open app
def test_cli_and_an_open_app_interleave_on_one_file(cli: Cli, tmp_path: Path, summary) -> None:
    db = tmp_path / "frister.sqlite3"
    g: list[object] = ["--db", db, "--as", "bo.l", "--today", TODAY.isoformat()]
    app = Frister.open(db, actor="anna.k", team="Team Vest")
    rounds = conflicts = 0
    try:
        for i in range(5):
            case = app.cases.register(new_case(f"Fiktiv Borger {i}", f"{i + 10:02d}0190-1235"), TODAY)
            rule = case.milestones[0].rule_id
            # The CLI (its own engine, opened and closed per call) completes a milestone the app has loaded.
            out = cli.ok(*g, "milestone", "done", f"{case.number}/{rule}", "--on", "2026-02-26")
            assert f"{case.number}/{rule}" in out and "udført 26-02-2026" in out
            # The app's stale copy conflicts; a reload shows the CLI's change.
            with pytest.raises(ConflictError):
                app.cases.complete(case.milestones[0].id, TODAY, TODAY, expected_version=case.version)
            conflicts += 1
            fresh = app.cases.get(case.id)
            assert fresh.milestones[0].done_on == date(2026, 2, 26)
            # The app writes next; the CLI sees it at once, and refuses to complete the same milestone twice.
            app.cases.update_notes(fresh.id, f"Notat {i}", expected_version=fresh.version)
            shown = cli.json(*g, "case", "show", case.number)
            assert shown["notes"] == f"Notat {i}" and shown["version"] == fresh.version + 1
            assert cli.fails(*g, "milestone", "done", f"{case.number}/{rule}") == "Milepælen er ikke åben."
            # An undo through the CLI, then the app completes it again on the version it reloads.
            cli.ok(*g, "milestone", "undo", f"{case.number}/{rule}")
            again = app.cases.get(case.id)
            assert again.milestones[0].state is MilestoneState.OPEN
            app.cases.complete(again.milestones[0].id, TODAY, TODAY, expected_version=again.version)
            rounds += 1
    finally:
        app.close()
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        by_actor = dict(con.execute("SELECT actor, count(*) FROM audit_log WHERE action IN "
                                    "('complete', 'undo_complete') GROUP BY actor").fetchall())  # fmt: skip
    finally:
        con.close()
    assert by_actor == {"bo.l": 2 * rounds, "anna.k": rounds}
    summary(f"test_concurrency (c): {rounds} rounds of CLI 'milestone done/undo' interleaved with an open app; "
            f"{conflicts} stale app edits caught")  # fmt: skip
