"""Full CPR numbers never reach the disk without an audit entry (issue 11): an export with --include-cpr is
recorded before anything is written, so when the entry cannot be committed no file is made; openpyxl's
temporary sheet files live in a private folder, and those of an export killed half-way are removed at the next
start; CPR numbers typed into notes are masked wherever CPR numbers are masked."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from support.cli import Cli

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import NewCase
from jobcenter_desktop.services.demo import generate
from jobcenter_desktop.storage import db as dbmod

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 23)
NOTE_CPR = "111190-1235"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "frister.sqlite3"
    app = Frister.open(path, actor="anna.k", team="Team Vest")
    try:
        app.cases.register(NewCase("dagpenge", "Fiktiv Notat", "020285-1234", {"ledigmelding": TODAY},
                                   notes=f"Ægtefælle har CPR {NOTE_CPR}, ring først."), TODAY)  # fmt: skip
    finally:
        app.close()
    return path


def test_no_full_cpr_file_when_the_audit_entry_cannot_be_written(cli: Cli, db: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "ud"
    out.mkdir()
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 300)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the audit entry cannot be committed
    try:
        message = cli.fails("--db", db, "--as", "anna.k", "--today", "2026-11-23", "export", "worklist", "--all",
                            "--include-cpr", "--out", out / "liste.xlsx")  # fmt: skip
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "optaget" in message
    assert list(out.iterdir()) == []  # no workbook, no temporary file
    cli.ok("--db", db, "--as", "anna.k", "--today", "2026-11-23", "export", "worklist", "--all", "--include-cpr",
           "--out", out / "liste.xlsx")  # fmt: skip
    entries = cli.json("--db", db, "audit")
    assert [e["entity_id"] for e in entries if e["action"] == "reveal_cpr"] == ["liste.xlsx"]


def test_cpr_numbers_in_notes_are_masked_in_the_default_export_and_case_show(cli: Cli, db: Path,
                                                                             tmp_path: Path) -> None:
    g = ["--db", db, "--as", "anna.k", "--today", "2026-11-23"]
    masked, full = tmp_path / "masked.xlsx", tmp_path / "full.xlsx"
    period = ["--from", "2026-11-01", "--to", "2027-06-01"]
    cli.ok(*g, "export", "worklist", "--all", *period, "--out", masked)
    cli.ok(*g, "export", "worklist", "--all", *period, "--include-cpr", "--out", full)

    def notes(path: Path) -> set[str]:
        ws = load_workbook(path)["Frister"]
        col = [c.value for c in ws[1]].index("Bemærkning")
        return {str(r[col]) for r in ws.iter_rows(min_row=2, values_only=True) if r[col]}

    assert notes(masked) == {"Ægtefælle har CPR 111190-XXXX, ring først."}
    assert notes(full) == {f"Ægtefælle har CPR {NOTE_CPR}, ring først."}
    shown = cli.ok(*g, "case", "show", "2026-00001")
    assert "111190-XXXX" in shown and NOTE_CPR not in shown
    assert cli.json(*g, "case", "show", "2026-00001")["notes"] == "Ægtefælle har CPR 111190-XXXX, ring først."
    assert NOTE_CPR in cli.ok(*g, "case", "show", "2026-00001", "--reveal-cpr")  # on purpose, and audited


CHILD = """
import sys
from datetime import date, datetime
from pathlib import Path
sys.path.insert(0, {repo!r})
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.worklist import ExportRequest, Period, Scope
app = Frister.open(Path({db!r}), actor="anna.k")
req = ExportRequest(Scope(everyone=True), Period.between(date(2026, 1, 1), date(2026, 12, 31)), per_caseworker=True,
                    include_cpr=True)
print("EXPORTING", flush=True)
while True:
    app.worklists.export(req, Path({out!r}), date(2026, 11, 23), datetime(2026, 11, 23, 9, 0))
"""


def test_a_killed_export_leaves_no_cpr_in_the_system_temp_folder(tmp_path: Path) -> None:
    db = tmp_path / "stor.sqlite3"
    app = Frister.open(db, actor="anna.k")
    try:
        generate(app.ctx, 1500, TODAY, seed=7)
    finally:
        app.close()
    system_tmp, data = tmp_path / "systemtemp", tmp_path / "data"
    system_tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(system_tmp), "TEMP": str(system_tmp), "XDG_DATA_HOME": str(data)}
    script = CHILD.format(repo=str(REPO), db=str(db), out=str(tmp_path / "liste.xlsx"))
    private = data / "JobcenterFrister" / "tmp"
    for _ in range(3):
        child = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "EXPORTING"
            deadline = time.monotonic() + 60
            while not list(private.rglob("openpyxl.*")) and time.monotonic() < deadline:
                time.sleep(0.005)
            os.kill(child.pid, signal.SIGKILL)
        finally:
            child.wait(30)
            if child.stdout is not None:
                child.stdout.close()
        assert list(private.rglob("openpyxl.*")), "killed before a temporary file was made: nothing tested"
        assert not list(system_tmp.rglob("openpyxl.*"))  # never in the shared temp folder
        assert private.stat().st_mode & 0o077 == 0  # only the user can read the private one
        # The next start removes what the killed export left.
        with pytest.MonkeyPatch.context() as m:
            m.setenv("XDG_DATA_HOME", str(data))
            Frister.open(db, actor="anna.k").close()
        assert not list(private.rglob("openpyxl.*"))
