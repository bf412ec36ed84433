"""Many writers on one team database: separate processes (each its own login session) adding cases at the same
moment get distinct case numbers and never a second open case for one party; a stale edit from another process
is a conflict, not a silent overwrite; and a server restart in the middle of a write loses nothing committed,
half-does nothing, and the same app goes on working once the server is back (no restart of the app)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from support.postgres import start_server, stop_server

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import StoreError
from jobcenter_desktop.storage.repository import Repository

REPO = str(Path(__file__).resolve().parents[2])
TODAY = date(2026, 11, 23)
WRITERS = 20

CHILD = """
import sys, time
from datetime import date
from pathlib import Path
sys.path.insert(0, {repo!r})
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.errors import ValidationError
app = Frister.open({url!r}, team="Team Vest")
go = Path({go!r})
print("READY", flush=True)
while not go.exists():
    time.sleep(0.005)
try:
    case = app.cases.register(NewCase("dagpenge", "Fiktiv {i}", {cpr!r}, {{"ledigmelding": date(2026, 11, 23)}}),
                              date(2026, 11, 23))
    print("CASE", case.number, flush=True)
except ValidationError as e:
    print("REFUSED", e, flush=True)
app.close()
"""


@pytest.fixture
def team_db(pg_server):  # type: ignore[no-untyped-def]
    name = pg_server.new_database()
    yield name
    pg_server.drop(name)


def _race(pg_server, db: str, tmp_path: Path, cprs: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """Start one process per CPR, let them all add their case at the same moment, return their last lines."""
    go = tmp_path / "go"
    logins = ["anna.k", "bo.l", "carla.m", "dennis.p", "eva.s"]
    procs = []
    for i, cpr in enumerate(cprs):
        url = pg_server.url(logins[i % len(logins)], db)
        script = CHILD.format(repo=REPO, url=url, go=str(go), i=i, cpr=cpr)
        procs.append(subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True))
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "READY"
    go.touch()
    out = []
    for p in procs:
        stdout, _ = p.communicate(timeout=120)
        assert p.returncode == 0, stdout
        out.append(stdout.strip().splitlines()[-1])
    return out


def test_simultaneous_adds_from_many_processes_get_distinct_numbers(pg_server, team_db, tmp_path: Path,
                                                                    summary) -> None:  # type: ignore[no-untyped-def]
    cprs = [f"{d:02d}0285-{1000 + d}" for d in range(1, WRITERS + 1)]
    lines = _race(pg_server, team_db, tmp_path, cprs)
    numbers = [line.split()[1] for line in lines if line.startswith("CASE")]
    assert len(numbers) == WRITERS and len(set(numbers)) == WRITERS
    assert sorted(numbers) == [f"2026-{n:05d}" for n in range(1, WRITERS + 1)]  # no gaps, no doubles
    summary(f"test_server_concurrency: {WRITERS} processes added cases at once: {len(set(numbers))} distinct numbers")


def test_the_same_party_added_by_several_processes_at_once_gives_one_open_case(pg_server, team_db,
                                                                              tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lines = _race(pg_server, team_db, tmp_path, ["020285-1234"] * 6)
    assert sum(line.startswith("CASE") for line in lines) == 1
    refused = [line for line in lines if line.startswith("REFUSED")]
    assert len(refused) == 5 and all("allerede en åben sag i målgruppen" in line for line in refused)
    admin = Frister.open(pg_server.url("adam.a", team_db))
    try:
        assert len(admin.cases.search("", None)) == 1
    finally:
        admin.close()


def test_a_stale_edit_from_another_session_is_a_conflict(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    from jobcenter_desktop.services.errors import ConflictError

    one = Frister.open(pg_server.url("anna.k", team_db), team="Team Vest")
    two = Frister.open(pg_server.url("bo.l", team_db), team="Team Vest")
    try:
        case = one.cases.register(NewCase("dagpenge", "Fiktiv Fælles", "020285-1234", {"ledigmelding": TODAY}), TODAY)
        seen = two.cases.get(case.id)
        one.cases.update_notes(case.id, "Fra anna.k", expected_version=case.version)
        with pytest.raises(ConflictError, match="ændret af en anden"):
            two.cases.update_notes(case.id, "Fra bo.l", expected_version=seen.version)
        assert two.cases.get(case.id).notes == "Fra anna.k"
    finally:
        one.close()
        two.close()


@pytest.mark.skipif(not os.environ.get("JOBCENTER_TEST_PG_DIR"), reason="needs the test command's own cluster")
def test_a_server_restart_in_the_middle_of_a_write(pg_server, team_db) -> None:  # type: ignore[no-untyped-def]
    app = Frister.open(pg_server.url("anna.k", team_db), team="Team Vest")
    try:
        case = app.cases.register(NewCase("dagpenge", "Fiktiv Før", "020285-1234", {"ledigmelding": TODAY}), TODAY)
        lost = pytest.raises(StoreError, match="Forbindelsen til teamdatabasen er afbrudt")
        with lost, app.ctx.write() as s:  # a write in flight when the server goes down
            Repository(s).audit(actor="anna.k", entity="case", entity_id=case.number, action="update",
                                field="notes", after="halvt", case_id=case.id)  # fmt: skip
            s.flush()
            stop_server()
        with pytest.raises(StoreError, match="Forbindelsen til teamdatabasen er afbrudt"):
            app.cases.update_notes(case.id, "mens serveren er nede", expected_version=case.version)
        start_server()
        deadline = time.monotonic() + 20
        while True:  # the same app, no restart: the pool pings and reconnects by itself
            try:
                done = app.cases.update_notes(case.id, "efter genstart", expected_version=case.version)
                break
            except StoreError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert done.notes == "efter genstart"
        assert not [e for e in app.audit(case.id) if e.after == "halvt"]  # nothing half-done survived
    finally:
        app.close()
