"""The command line under attack (issue 11): every bad input is exit 2 with one Danish line, nothing is cut short
silently, identities are checked where they enter, the audit listing cannot be forged, and changes that used to
leave no audit entry have one. Each test failed on the code before the fix."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.cli import PREFIX, Cli

from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.storage import db as dbmod
from jobcenter_desktop.storage.repository import Repository

TODAY = "2026-03-02"


@pytest.fixture
def db(cli: Cli, tmp_path: Path) -> Path:
    """A database with an open case 2026-00001 and a closed case 2026-00002."""
    path = tmp_path / "frister.sqlite3"
    g = ["--db", path, "--as", "anna.k", "--today", TODAY]
    cli.ok(*g, "case", "add", "--group", "dagpenge", "--name", "Fiktiv Åben", "--id", "020285-1234",
           "--trigger", "ledigmelding=2026-03-02")  # fmt: skip
    cli.ok(*g, "case", "add", "--group", "dagpenge", "--name", "Fiktiv Lukket", "--id", "030385-1234",
           "--trigger", "ledigmelding=2026-03-02")  # fmt: skip
    cli.ok(*g, "case", "close", "2026-00002")
    return path


def _cases(cli: Cli, db: Path) -> list[dict[str, object]]:
    return cli.json("--db", db, "case", "list", "--status", "all")  # type: ignore[no-any-return]


def _audit(cli: Cli, db: Path) -> list[dict[str, str]]:
    return cli.json("--db", db, "audit")  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        pytest.param(["case", "list", "--search", "x" * 60_000], "Søgeteksten er for lang", id="huge-search-cases"),
        pytest.param(["deadlines", "--all", "--search", "%_" * 30_000], "Søgeteksten er for lang",
                     id="huge-search-deadlines"),
        pytest.param(["case", "list", "--search", "Fiktiv\udcff"], "ikke er gyldig tekst", id="invalid-byte"),
        pytest.param(["export", "worklist", "--all", "--week", "9999-W52"], "året skal ligge mellem",
                     id="week-9999"),
        pytest.param(["export", "worklist", "--all", "--week", "2026-W99"], "findes ikke", id="week-99"),
        pytest.param(["deadlines", "--all", "--from", "2026-03-10", "--to", "2026-03-01"], "før startdatoen",
                     id="from-after-to"),
        pytest.param(["case", "pause", "2026-00002", "--reason", "Sygdom"], "lukket", id="pause-closed-case"),
        pytest.param(["case", "add", "--group", "dagpenge", "--name", "Fiktiv Ny", "--id", "040485-1234",
                      "--trigger", "ledigmelding=2026-03-02", "--notes", "n" * 10_001], "Bemærkningen er for lang",
                     id="notes-too-long"),
        pytest.param(["case", "pause", "2026-00001", "--reason", "r" * 501], "Begrundelsen for pausen er for lang",
                     id="pause-reason-too-long"),
        pytest.param(["closure", "add", "2026-03-12", "c" * 201], "Begrundelsen for lukkedagen er for lang",
                     id="closure-reason-too-long"),
        pytest.param(["case", "add", "--group", "dagpenge", "--name", "N" * 201, "--id", "040485-1234",
                      "--trigger", "ledigmelding=2026-03-02"], "Navnet er for langt", id="name-too-long"),
        pytest.param(["--as", "anna\nk", "case", "list"], "linjeskift eller styretegn", id="actor-newline"),
        pytest.param(["--as", "anna\x1b[31mk", "case", "list"], "linjeskift eller styretegn", id="actor-escape"),
        pytest.param(["--as", "a" * 100_000, "case", "list"], "Brugernavnet er for langt", id="actor-100k"),
        pytest.param(["--my-team", "Team\u202eVest", "case", "list"], "styretegn", id="team-bidi-override"),
        pytest.param(["case", "reassign", "2026-00001", "--to", "bo\tl"], "styretegn", id="reassign-tab"),
        pytest.param(["case", "add", "--group", "dagpenge", "--name", "Fiktiv Ny", "--id", "040485-1234",
                      "--trigger", "ledigmelding=2026-03-02", "--caseworker", "x" * 65], "Sagsbehandleren er for",
                     id="caseworker-too-long"),
        pytest.param(["case", "add", "--group", "loentilskud", "--name", "Fiktiv ApS", "--id", "12345678",
                      "--trigger", "henvendelse=2026-03-29T02:30"], "findes ikke i dansk tid", id="dst-gap"),
        pytest.param(["case", "add", "--group", "loentilskud", "--name", "Fiktiv ApS", "--id", "12345678",
                      "--trigger", "henvendelse=2026-10-25T02:30"], "findes to gange", id="dst-fold"),
        pytest.param(["due", "--milestone", "lt_kontakt", "--anchor", "2026-03-29T02:15"], "findes ikke i dansk tid",
                     id="due-dst-gap"),
        pytest.param(["case", "reassign", "2026-00001", "--to", "anna.k"], "intet er ændret", id="reassign-no-op"),
    ],
)  # fmt: skip
def test_bad_input_is_exit_2_one_line_and_changes_nothing(cli: Cli, db: Path, argv: list[str],
                                                          expected: str) -> None:  # fmt: skip
    before = (_cases(cli, db), _audit(cli, db))
    message = cli.fails("--db", db, "--as", "anna.k", "--today", TODAY, *argv)
    assert expected in message
    assert (_cases(cli, db), _audit(cli, db)) == before


def test_due_batch_reports_every_bad_line_and_prints_the_good_ones(cli: Cli, tmp_path: Path) -> None:
    batch = tmp_path / "batch.csv"
    batch.write_text("milestone,anchor\nkh_ydelse,2025-12-18\nkh_ydelse,2025-02-30\nkh_nope,2025-12-18\n"
                     "kh_ydelse,2025-12-19\nkh_ydelse\n", encoding="utf-8")  # fmt: skip
    rc, out, err = cli("due", "--batch", batch)
    assert rc == 2
    assert out.splitlines() == ["milestone,anchor,due", "kh_ydelse,2025-12-18,2025-12-30",
                                "kh_ydelse,2025-12-19,2026-01-02"]  # fmt: skip
    lines = err.splitlines()
    assert [line.removeprefix(PREFIX).split(":")[0] for line in lines] == ["linje 3", "linje 4", "linje 6"]
    assert all(line.startswith(PREFIX) for line in lines) and "Traceback" not in err


def test_audit_listing_escapes_control_characters_whatever_is_stored(cli: Cli, db: Path) -> None:
    app = Frister.open(db, actor="anna.k")
    try:  # an entry written past the checks (an older version, a file edited by hand)
        with app.ctx.write() as s:
            Repository(s).audit(actor="mallory\n2026-01-01 00:00 admin", entity="case", entity_id="2026-00001",
                                action="update\x1b[2K", field="notes", before="a\rb",
                                after="\x1b]0;forged\x07 020285-1234", reason="x\x00y")  # fmt: skip
    finally:
        app.close()
    out = cli.ok("--db", db, "audit")
    assert len(out.splitlines()) == 1 + len(_audit(cli, db))  # the header, then one line per entry: nothing forged
    assert not any(ch in out for ch in "\x1b\x07\x00\r")
    assert "\\x1b" in out and "020285-XXXX" in out and "020285-1234" not in out


def test_team_changes_are_audited(cli: Cli, db: Path) -> None:
    g = ["--db", db, "--as", "anna.k", "--today", TODAY]
    cli.ok(*g, "case", "reassign", "2026-00001", "--to", "anna.k", "--case-team", "Team Øst")
    changes = [(e["entity"], e["entity_id"], e["field"], e["before"], e["after"]) for e in _audit(cli, db)
               if e["action"] in ("reassign", "update")]  # fmt: skip
    assert ("caseworker", "anna.k", "team", "", "Team Øst") in changes
    assert ("case", "2026-00001", "team", "", "Team Øst") in changes
    assert not any(f == "caseworker" and b == a for _, _, f, b, a in changes)  # no "anna.k → anna.k"
    # Adding a case for an existing caseworker with another team moves the caseworker: recorded too.
    cli.ok(*g, "case", "add", "--group", "kontanthjaelp", "--name", "Fiktiv To", "--id", "050585-1234",
           "--trigger", "foerste_fremmoede=2026-03-02", "--caseworker", "anna.k", "--case-team", "Team Syd")
    moved = [(e["before"], e["after"]) for e in _audit(cli, db) if e["entity"] == "caseworker"
             and e["action"] == "update"]  # fmt: skip
    assert moved[-1] == ("Team Øst", "Team Syd")


def test_a_write_behind_a_long_lock_says_busy_and_writes_nothing(cli: Cli, db: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 300)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock past the busy timeout
    try:
        message = cli.fails("--db", db, "--as", "anna.k", "--today", TODAY, "case", "close", "2026-00001")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "optaget af et andet program" in message
    assert [c["status"] for c in _cases(cli, db)] == ["open", "closed"]


def test_a_full_disk_is_a_message_and_the_action_is_not_half_done(tmp_path: Path) -> None:
    """SQLITE_FULL, as a full disk gives it: the database may not grow past its current pages."""
    from sqlalchemy import event

    from jobcenter_desktop.services.cases import NewCase
    from jobcenter_desktop.services.errors import StoreError

    app = Frister.open(tmp_path / "full.sqlite3", actor="anna.k")
    try:
        event.listen(app.ctx.db.engine, "connect",
                     lambda conn, _rec: conn.execute("PRAGMA max_page_count = 1"))  # fmt: skip
        app.ctx.db.engine.dispose()  # new connections from here on: the file cannot grow any more
        with pytest.raises(StoreError, match="ikke mere plads"):
            for i in range(200):
                app.cases.register(NewCase("dagpenge", f"Fiktiv {i}", f"{(i % 28) + 1:02d}0385-{1000 + i}",
                                           {"ledigmelding": date(2026, 3, 2)}), date(2026, 3, 2))  # fmt: skip
        rows = app.cases.search("", None)
        assert all(len(app.cases.get(r.id).milestones) == 3 for r in rows)  # no half-written case
    finally:
        app.close()


def test_two_adds_racing_behind_another_writer_make_one_case(tmp_path: Path) -> None:
    """Both checks pass while a third program holds the write lock; when it lets go, the database's own unique
    index lets one add in and refuses the other with the usual message (it used to store both)."""
    from jobcenter_desktop.services.cases import NewCase
    from jobcenter_desktop.services.errors import ValidationError

    path = tmp_path / "race.sqlite3"
    apps = [Frister.open(path, actor=name) for name in ("anna.k", "bo.l")]
    new = NewCase("dagpenge", "Fiktiv Dobbelt", "020285-1234", {"ledigmelding": date(2026, 3, 2)})
    results: list[object] = []
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")

        def add(app: Frister) -> None:
            try:
                results.append(app.cases.register(new, date(2026, 3, 2)))
            except ValidationError as e:
                results.append(e)

        threads = [threading.Thread(target=add, args=(a,)) for a in apps]
        for t in threads:
            t.start()
        threading.Event().wait(0.5)  # both have checked (reads pass) and wait for the write lock
        holder.execute("ROLLBACK")
        for t in threads:
            t.join(30)
        errors = [r for r in results if isinstance(r, ValidationError)]
        assert len(results) == 2 and len(errors) == 1
        assert "allerede en åben sag i målgruppen" in str(errors[0])
        assert [p.field for p in errors[0].problems] == ["party_id"]
        assert len(apps[0].cases.search("", None)) == 1
    finally:
        holder.close()
        for a in apps:
            a.close()


# ---------------------------------------------------------------- the repeated attack's variants
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        pytest.param(["--as", "eva\u20282026-12-01 09:20 root reveal_cpr", "case", "list"], "styretegn",
                     id="actor-line-separator"),
        pytest.param(["case", "add", "--group", "kontanthjaelp", "--name", "Hans 030390-1235", "--id", "030390-1236",
                      "--trigger", "foerste_fremmoede=2026-03-02"], "ligner et CPR-nummer", id="cpr-in-name"),
        pytest.param(["--today", "2026-03-03", "recompute", "--apply", "--reason", "r" * 501], "for lang",
                     id="recompute-reason-too-long"),
    ],
)  # fmt: skip
def test_more_bad_input_is_refused(cli: Cli, db: Path, argv: list[str], expected: str) -> None:
    before = (_cases(cli, db), _audit(cli, db))
    assert expected in cli.fails("--db", db, "--as", "anna.k", "--today", TODAY, *argv)
    assert (_cases(cli, db), _audit(cli, db)) == before


def test_cpr_numbers_in_reasons_and_spaced_in_notes_are_masked(cli: Cli, db: Path) -> None:
    g = ["--db", db, "--as", "anna.k", "--today", TODAY]
    cli.ok(*g, "case", "pause", "2026-00001", "--reason", "borger 040490-1235 ringede")
    cli.ok(*g, "closure", "add", "2026-12-28", "lukket pga 050590-1235")
    cli.ok(*g, "case", "add", "--group", "kontanthjaelp", "--name", "Fiktiv Tre", "--id", "060685-1234",
           "--trigger", "foerste_fremmoede=2026-03-02", "--notes", "ring 010190 1235")  # fmt: skip
    outputs = [cli.ok(*g, "case", "show", "2026-00001"), cli.ok(*g, "case", "show", "2026-00001", "--json"),
               cli.ok(*g, "case", "show", "2026-00003"), cli.ok(*g, "audit"), cli.ok(*g, "audit", "--json"),
               cli.ok(*g, "closure", "list"), cli.ok(*g, "calendar", "--year", "2026", "--json")]  # fmt: skip
    for out in outputs:
        for cpr in ("040490-1235", "0404901235", "050590-1235", "010190 1235", "0101901235"):
            assert cpr not in out, (cpr, out[:200])
    assert "040490-XXXX" in outputs[0] and "050590-XXXX" in outputs[5] and "010190-XXXX" in outputs[2]


def test_due_batch_survives_an_unbalanced_quote_and_refuses_a_huge_file(cli: Cli, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from jobcenter_desktop.cli import stateless as cli_module

    batch = tmp_path / "quote.csv"
    batch.write_text('milestone,anchor\nkh_ydelse,2025-12-18\nkh_ydelse,"2026-01-06\n' + "kh_ydelse,2025-12-19\n" * 5
                     + "x" * 200_000 + "\n", encoding="utf-8")  # fmt: skip
    rc, out, err = cli("due", "--batch", batch)
    assert rc == 2 and "Traceback" not in err
    # The unclosed quote spoils nothing beyond its own line (read as the field it opens); the 200 KB line is bad.
    assert out.splitlines()[1:] == ["kh_ydelse,2025-12-18,2025-12-30", "kh_ydelse,2026-01-06,2026-01-13",
                                    *["kh_ydelse,2025-12-19,2026-01-02"] * 5]  # fmt: skip
    assert [line.removeprefix(PREFIX).split(":")[0] for line in err.splitlines()] == ["linje 9"]
    monkeypatch.setattr(cli_module, "MAX_BATCH_BYTES", 1000)
    assert "filen er for stor" in cli.fails("due", "--batch", batch)
    assert "binære data" in cli.fails("due", "--batch", _zeros(tmp_path))


def _zeros(tmp_path: Path) -> Path:
    p = tmp_path / "zeros.csv"
    p.write_bytes(b"milestone,anchor\n" + b"\x00" * 500)
    return p


def test_closing_ends_the_pause_and_reopening_reopens_milestones_with_entries(cli: Cli, db: Path) -> None:
    g = ["--db", db, "--as", "anna.k", "--today", TODAY]
    cli.ok(*g, "case", "pause", "2026-00001", "--reason", "Ferie")
    cli.ok(*g, "case", "close", "2026-00001")
    entries = [(e["action"], e["entity"]) for e in _audit(cli, db) if e["entity_id"].startswith("2026-00001")]
    assert ("resume", "pause") in entries  # the pause ended with the case: recorded
    cli.ok(*g, "case", "reopen", "2026-00001")
    reopened = [e for e in _audit(cli, db) if e["action"] == "reopen" and e["entity"] == "milestone"]
    assert len(reopened) == 3 and all(e["before"] == "not_applicable" and e["after"] == "open" for e in reopened)


def test_a_backup_that_cannot_be_recorded_is_not_made(cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 300)
    folder = db.parent / "backups"
    before = sorted(p.name for p in folder.glob("*")) if folder.exists() else []
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert "optaget" in cli.fails("--db", db, "--as", "anna.k", "backup", "create")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (sorted(p.name for p in folder.glob("*")) if folder.exists() else []) == before


@pytest.mark.parametrize("url", ["mysql://bo.l@127.0.0.1/frister", "postgresq://bo.l@127.0.0.1:5432/frister",
                                 "frister.sqlite3"])
def test_a_mistyped_server_address_is_refused_not_made_into_a_file(cli: Cli, tmp_path: Path, url: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert "postgresql://LOGIN@VÆRT:PORT/DATABASE" in cli.fails("--server", url, "case", "list")
    monkeypatch.setenv("JOBCENTER_SERVER", url)
    assert "postgresql://LOGIN@VÆRT:PORT/DATABASE" in cli.fails("case", "list")
    assert list(tmp_path.iterdir()) == []


def test_due_batch_line_numbers_count_only_newlines(cli: Cli, tmp_path: Path) -> None:
    batch = tmp_path / "ff.csv"
    batch.write_text("milestone,anchor\nkh_ydelse,2025-12-18\fx\nbad,2025-12-18\nkh_ydelse,2025\u202812-19\n",
                     encoding="utf-8")  # fmt: skip
    rc, _out, err = cli("due", "--batch", batch)
    assert rc == 2
    assert [line.removeprefix(PREFIX).split(":")[0] for line in err.splitlines()] == ["linje 2", "linje 3", "linje 4"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=',"\r ab1-\t;\'', max_size=30))
def test_a_batch_line_splits_as_the_csv_module_splits_it(line: str) -> None:
    """due --batch splits a line without quotes itself (the csv module per line was half of a 100,000-row run):
    the result must be exactly the csv module's, whatever the line holds."""
    import csv

    from jobcenter_desktop.cli.stateless import _csv_line

    try:
        expected = next(csv.reader([line], strict=False), [])
    except csv.Error:
        expected = [line]
    assert _csv_line(line) == expected
