"""kill -9 of ``checkin`` at random moments: the next ``checkin`` finishes the job, and the team database ends
exactly as after one uninterrupted check-in (cases, conflicts, the audit log entry for entry).

One prepared state (a laptop with 30 changed cases and 4 new ones, a colleague's changes on 8 of the same cases)
is cloned for the reference run and for every kill (KILLS, default 20)."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase

KILLS = int(os.environ.get("JOBCENTER_CHECKIN_KILLS", "20"))
TODAY = date(2026, 11, 23)
REPO = str(Path(__file__).resolve().parents[2])


@pytest.fixture(scope="module")
def prepared(pg_server, tmp_path_factory):  # type: ignore[no-untyped-def]
    """(server database, laptop file) with the changes on both sides, nobody connected."""
    folder = tmp_path_factory.mktemp("kill")
    name = pg_server.new_database()
    anna = Frister.open(pg_server.url("anna.k", name))
    bo = Frister.open(pg_server.url("bo.l", name))
    try:
        cases = [anna.cases.register(NewCase("dagpenge", f"Fiktiv Kill {i}", f"{i + 1:02d}0371-{2000 + i}",
                                             {"ledigmelding": TODAY}, notes="start"), TODAY) for i in range(30)]
        laptop = folder / "laptop.sqlite3"
        anna.checkouts.checkout(laptop, [c.id for c in cases], passphrase=None, device="pc-kill")
        lap = Frister.open(laptop)
        try:
            for i, c in enumerate(cases):
                c = lap.cases.get(c.id)
                ms = next(m for m in c.milestones if m.due is not None and m.done_on is None)
                c = lap.cases.complete(ms.id, TODAY, TODAY, expected_version=c.version)
                lap.cases.update_notes(c.id, f"ude {i}", expected_version=c.version)
            for i in range(4):
                lap.cases.register(NewCase("dagpenge", f"Fiktiv Ny {i}", f"{i + 1:02d}0472-{3000 + i}",
                                           {"ledigmelding": TODAY}), TODAY)  # fmt: skip
        finally:
            lap.close()
        for c in cases[:8]:
            c = bo.cases.get(c.id)
            bo.cases.update_notes(c.id, "kontoret", expected_version=c.version)
    finally:
        anna.close()
        bo.close()
    yield name, laptop
    pg_server.drop(name)


def _state(app: Frister) -> tuple[object, ...]:
    cases = []
    for s in app.cases.search("", None):
        c = app.cases.get(s.id)
        cases.append((c.number, c.version, c.status, c.notes, c.caseworker,
                      tuple((m.rule_id, m.state, m.done_on, m.due, m.due_at) for m in c.milestones),
                      tuple((p.start, p.end, p.reason) for p in c.pauses)))  # fmt: skip
    conflicts = sorted((c.case_number, c.record, c.record_key, c.field, c.base, c.server, c.laptop)
                       for c in app.conflicts.list(open_only=False))  # fmt: skip
    audit = sorted((str(e.case_id), e.actor, e.entity, e.entity_id, e.action, e.field, e.before, e.after, e.reason,
                    e.device) for e in app.audit())  # fmt: skip
    return tuple(sorted(cases)), tuple(conflicts), tuple(audit)


def _copy(laptop: Path, to: Path) -> Path:
    to.mkdir()
    shutil.copy(laptop, to / laptop.name)
    return to / laptop.name


def test_a_killed_checkin_is_finished_by_the_next_with_the_same_end_state(pg_server, prepared, tmp_path,
                                                                        summary) -> None:  # type: ignore[no-untyped-def]
    name, laptop = prepared
    ref_db = pg_server.clone(name)
    anna = Frister.open(pg_server.url("anna.k", ref_db))
    try:
        t = time.perf_counter()
        anna.checkins.checkin(_copy(laptop, tmp_path / "ref"), passphrase=None, today=TODAY)
        uninterrupted = time.perf_counter() - t
        reference = _state(anna)
    finally:
        anna.close()
    pg_server.drop(ref_db)
    rng = random.Random(13)
    outcomes = {"killed mid-way": 0, "finished before the kill": 0}
    for k in range(KILLS):
        db = pg_server.clone(name)
        copy = _copy(laptop, tmp_path / f"k{k}")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        child = subprocess.Popen([sys.executable, "-m", "jobcenter_desktop", "--server", pg_server.url("anna.k", db),
                                  "--db", str(copy), "--today", TODAY.isoformat(), "checkin"],
                                 cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
        time.sleep(rng.uniform(0.7, 1.2 + 0.9 * uninterrupted))  # start-up ~1 s, then the check-in itself
        child.kill()
        _, err = child.communicate()
        outcomes["killed mid-way" if child.returncode == -9 else "finished before the kill"] += 1
        assert child.returncode in (-9, 0), err.decode()
        anna = Frister.open(pg_server.url("anna.k", db))
        try:
            anna.checkins.checkin(copy, passphrase=None, today=TODAY)
            assert _state(anna) == reference, f"kill {k}"
        finally:
            anna.close()
        pg_server.drop(db)
    summary(f"test_checkin_kill: {KILLS} runs of checkin killed at random (34 cases; uninterrupted "
            f"{uninterrupted:.1f} s): {outcomes}; each finished by the next checkin with the reference end state")
    assert outcomes["killed mid-way"] >= KILLS // 2
