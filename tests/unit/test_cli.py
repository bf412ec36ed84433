"""The ``jobcenter-desktop`` command line as a contract: output formats, exit codes and one-line errors.

Runs ``cli.main`` in-process (capsys) and, to prove the module entry point and real exit codes, a few times
as ``python -m jobcenter_desktop``. Every stateful command gets its own database under tmp_path via --db.

Dates counted by hand (Danish calendar, Christmas 2025): 24 Dec Juleaftensdag (off by default), 25–26 Dec
helligdage, 27–28 Dec weekend, 31 Dec Nytårsaften (off by default), 1 Jan Nytårsdag.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from support.cli import PREFIX, Cli

REPO_ROOT = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.usefixtures("cli_isolated")


# ---------------------------------------------------------------- stateless commands
def test_rules_json_lists_every_group_and_milestone(cli: Cli) -> None:
    data = cli.json("rules")
    assert data["id"] == "albertslund-2016"
    assert len(data["groups"]) == 11
    milestones = [m for g in data["groups"] for m in g["milestones"]]
    assert len(milestones) == 25
    assert len({m["id"] for m in milestones}) == 25
    kh = next(g for g in data["groups"] if g["id"] == "kontanthjaelp")
    assert (kh["party"], kh["initial_trigger"]) == ("citizen", "foerste_fremmoede")
    assert [m["id"] for m in kh["milestones"]] == ["kh_visitation", "kh_ydelse", "kh_sps34"]
    lt_blanket = next(m for m in milestones if m["id"] == "lt_blanket")
    assert (lt_blanket["after"], lt_blanket["soft"], lt_blanket["amount"], lt_blanket["unit"]) == (
        "lt_samtale", True, 2, "weeks")  # fmt: skip


def test_rules_text(cli: Cli) -> None:
    out = cli.ok("rules")
    assert "Kontanthjælp (over 30 år) [kontanthjaelp] — part: CPR" in out
    assert "Løntilskud [loentilskud] — part: CVR" in out


def test_calendar_store_bededag_until_2023_only(cli: Cli) -> None:
    days_2023 = cli.json("calendar", "--year", 2023)
    assert {"date": "2023-05-05", "weekday": "fredag", "kind": "helligdag", "reason": "Store bededag"} in days_2023
    days_2024 = cli.json("calendar", "--year", 2024)
    assert "2024-04-26" not in {d["date"] for d in days_2024}
    assert all(d["reason"] != "Store bededag" for d in days_2024)
    # Weekends are included unless --holidays-only: 2024 has 104 Saturdays and Sundays, two of which are
    # listed by their holiday name (Påskedag 31 Mar, Pinsedag 19 May).
    assert sum(d["weekday"] in ("lørdag", "søndag") for d in days_2024) == 104
    assert sum(d["kind"] == "weekend" for d in days_2024) == 102
    holidays_only = cli.json("calendar", "--year", 2024, "--holidays-only")
    assert all(d["kind"] != "weekend" for d in holidays_only)
    assert {"date": "2024-06-05", "weekday": "onsdag", "kind": "fridag", "reason": "Grundlovsdag"} in holidays_only


def test_due_json_with_steps(cli: Cli) -> None:
    # Thu 18 Dec 2025 + 5 working days: 19, 22, 23, (24–28 off) 29, 30 -> Tue 30 Dec.
    data = cli.json("due", "--milestone", "kh_ydelse", "--anchor", "2025-12-18")
    assert data["milestone"] == "kh_ydelse"
    assert data["anchor"] == "2025-12-18"
    assert data["due"] == "2025-12-30"
    assert data["provisional"] is False
    assert data["steps"][0].startswith("Udgangspunkt: torsdag 18-12-2025")
    assert any("Juleaftensdag, Juledag, Anden juledag" in s for s in data["steps"])
    assert data["steps"][-1] == "Frist: tirsdag 30-12-2025."


def test_due_with_a_clock_time(cli: Cli) -> None:
    # Fri 19 Dec 2025 15:00 + 24 h = Sat 20 Dec 15:00 -> next working day Mon 22 Dec at 15:00.
    data = cli.json("due", "--milestone", "lt_kontakt", "--anchor", "2025-12-19T15:00")
    assert (data["anchor"], data["due"]) == ("2025-12-19T15:00", "2025-12-22T15:00")
    assert data["steps"][-1] == "Frist: mandag 22-12-2025 kl. 15:00."
    text = cli.ok("due", "--milestone", "lt_kontakt", "--anchor", "19-12-2025 15:00")
    assert text.splitlines()[0] == "mandag 22-12-2025 kl. 15:00"


def test_due_batch_matches_single_results(cli: Cli, tmp_path: Path) -> None:
    rows = [("kh_ydelse", "2025-12-18"), ("lt_kontakt", "2025-12-19T15:00"), ("dp_samtale", "2026-03-02"),
            ("kh_ydelse", "2025-12-18")]  # fmt: skip
    csv_file = tmp_path / "frister.csv"
    lines = ["milestone,anchor", *(f"{m},{a}" for m, a in rows[:2]), "", *(f"{m},{a}" for m, a in rows[2:])]
    csv_file.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")  # with a BOM, as Excel saves it

    out = cli.ok("due", "--batch", csv_file)
    # dp_samtale: Mon 2 Mar 2026 + 4 weeks = Mon 30 Mar (a working day).
    assert out.splitlines() == ["milestone,anchor,due", "kh_ydelse,2025-12-18,2025-12-30",
                                "lt_kontakt,2025-12-19T15:00,2025-12-22T15:00", "dp_samtale,2026-03-02,2026-03-30",
                                "kh_ydelse,2025-12-18,2025-12-30"]  # fmt: skip
    for line, (milestone, anchor) in zip(out.splitlines()[1:], rows, strict=True):
        single = cli.json("due", "--milestone", milestone, "--anchor", anchor)
        assert line.split(",")[2] == single["due"]


# ---------------------------------------------------------------- bad input: exit 2, one line, no traceback
def _broken_catalogue(tmp_path: Path) -> Path:
    p = tmp_path / "broken.toml"
    p.write_text('[catalogue]\nid = "x"\ntitle = [\n', encoding="utf-8")
    return p


def _bad_batch(tmp_path: Path) -> Path:
    p = tmp_path / "bad.csv"
    p.write_text("milestone,anchor\nkh_ydelse,2025-12-18\nkh_ydelse,2025-02-30\n", encoding="utf-8")
    return p


def _no_header_batch(tmp_path: Path) -> Path:
    p = tmp_path / "noheader.csv"
    p.write_text("kh_ydelse,2025-12-18\n", encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        pytest.param(["due", "--milestone", "kh_nope", "--anchor", "2025-12-18"], "ukendt milepæl 'kh_nope'",
                     id="unknown-milestone"),
        pytest.param(["due", "--milestone", "kh_ydelse", "--anchor", "2025-02-30"], "ikke en gyldig dato",
                     id="bad-date"),
        pytest.param(["due", "--milestone", "kh_ydelse", "--anchor", "i morgen"], "er ikke en dato",
                     id="not-a-date"),
        pytest.param(["due", "--milestone", "lt_kontakt", "--anchor", "2025-12-18"], "klokkeslæt",
                     id="hours-without-time"),
        pytest.param(["due", "--milestone", "kh_ydelse"], "angiv --milestone og --anchor", id="anchor-missing"),
        pytest.param(["--db", "{db}", "case", "add", "--group", "dagpenge", "--name", "Åse Lund", "--id",
                      "320190-1235", "--trigger", "ledigmelding=2026-03-02"],
                     "CPR-nummeret indeholder ikke en gyldig fødselsdato", id="bad-cpr"),
        pytest.param(["--db", "{db}", "case", "add", "--group", "dagpenge", "--name", "Åse Lund", "--id",
                      "020285-1234", "--trigger", "ledigmelding"], "hændelse=DATO", id="trigger-without-date"),
        pytest.param(["due", "--batch", "{tmp}/findes-ikke.csv"], "filen findes ikke", id="missing-batch-file"),
        pytest.param(["due", "--batch", "{no_header_batch}"], "overskriften 'milestone,anchor'",
                     id="batch-no-header"),
        pytest.param(["frobnicate"], "frobnicate", id="unknown-command"),
        pytest.param(["calendar"], "--year", id="missing-required-option"),
        pytest.param(["calendar", "--year", "1900"], "året skal ligge mellem 1950 og", id="year-out-of-range"),
        pytest.param(["rules", "--catalogue", "{broken_catalogue}"], "Regelkataloget har en fejl",
                     id="broken-catalogue"),
        pytest.param(["--catalogue", "{tmp}/mangler.toml", "rules"], "kan ikke læses", id="missing-catalogue"),
        pytest.param(["--today", "2026-13-01", "rules"], "--today", id="bad-today"),
        pytest.param(["--db", "{db}", "case", "show", "2026-99999"], "Der er ingen sag med nummeret '2026-99999'",
                     id="unknown-case"),
        pytest.param(["--db", "{db}", "milestone", "done", "ikke-et-id"], "hverken SAGSNR/milepæl",
                     id="bad-milestone-ref"),
        pytest.param(["--db", "{db}", "closure", "remove", "2026-03-12"], "der er ingen lukkedag 12-03-2026",
                     id="remove-missing-closure"),
        pytest.param(["--db", "{db}", "demo", "--cases", "mange"], "ikke et helt tal", id="demo-not-a-number"),
        pytest.param(["--db", "{garbage_db}", "case", "list"], "krypteret eller beskadiget", id="garbage-database"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_with_one_line(cli: Cli, tmp_path: Path, argv: list[str], expected: str) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"ikke en database" * 100)
    places = {"{db}": tmp_path / "frister.sqlite3", "{tmp}": tmp_path, "{bad_batch}": _bad_batch(tmp_path),
              "{no_header_batch}": _no_header_batch(tmp_path), "{broken_catalogue}": _broken_catalogue(tmp_path),
              "{garbage_db}": garbage}  # fmt: skip
    resolved = []
    for a in argv:
        for key, value in places.items():
            a = a.replace(key, str(value))
        resolved.append(a)
    message = cli.fails(*resolved)
    assert expected in message
    assert garbage.read_bytes() == b"ikke en database" * 100


def test_bad_cpr_is_not_echoed_and_writes_no_case(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "frister.sqlite3"
    message = cli.fails("--db", db, "case", "add", "--group", "dagpenge", "--name", "Åse Lund", "--id",
                        "320190-1235", "--trigger", "ledigmelding=2026-03-02")  # fmt: skip
    assert "320190" not in message  # CPR numbers never end up in messages (or the terminal log)
    assert cli.json("--db", db, "case", "list", "--status", "all") == []


# ---------------------------------------------------------------- stateful commands on a tmp database
def test_case_workflow_end_to_end(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "frister.sqlite3"
    g = ["--db", db, "--as", "anna.k", "--today", "2025-12-18"]

    created = cli.json(*g, "case", "add", "--group", "kontanthjaelp", "--name", "Søren Østergaard",
                       "--id", "0101901235", "--trigger", "foerste_fremmoede=2025-12-18")  # fmt: skip
    assert created["number"] == "2025-00001"
    assert created["party"] == {"kind": "citizen", "name": "Søren Østergaard", "id": "010190-XXXX"}
    assert created["caseworker"] == "anna.k"
    dues = {m["rule_id"]: m["due"] for m in created["milestones"]}
    assert dues == {"kh_visitation": "2025-12-22", "kh_ydelse": "2025-12-30", "kh_sps34": None}

    # Global options may also come after the command.
    out = cli.ok("case", "add", "--group", "loentilskud", "--name", "Bageri Ærø ApS", "--id", "12345678",
                 "--trigger", "henvendelse=2025-12-19T15:00", "--db", db, "--as", "anna.k",
                 "--today", "2025-12-19")  # fmt: skip
    assert "Sag 2025-00002 — Løntilskud — åben" in out
    assert "2025-00002/lt_kontakt" in out and "22-12-2025 kl. 15:00" in out

    listed = cli.json(*g, "case", "list")
    assert [(c["number"], c["party"], c["party_id"]) for c in listed] == [
        ("2025-00001", "Søren Østergaard", "010190-XXXX"), ("2025-00002", "Bageri Ærø ApS", "12345678")]  # fmt: skip
    assert [c["number"] for c in cli.json(*g, "case", "list", "--search", "østergaard")] == ["2025-00001"]
    text = cli.ok(*g, "case", "list")
    assert "010190-XXXX" in text and "1235" not in text
    assert text.splitlines()[-1] == "2 sager."

    # Masked by default; revealed only on request, and the reveal is audited.
    shown = cli.ok(*g, "case", "show", "2025-00001")
    assert "010190-XXXX" in shown and "010190-1235" not in shown
    revealed = cli.ok(*g, "case", "show", "2025-00001", "--reveal-cpr")
    assert "Søren Østergaard (010190-1235)" in revealed
    reveal = [e for e in cli.json(*g, "audit", "--case", "2025-00001") if e["action"] == "reveal_cpr"]
    assert [(e["actor"], e["entity_id"]) for e in reveal] == [("anna.k", "2025-00001")]

    # Done one working day late (due Mon 22 Dec).
    out = cli.ok(*g, "--today", "2025-12-23", "milestone", "done", "2025-00001/kh_visitation", "--on", "2025-12-23")
    assert "udført 23-12-2025 (for sent)" in out
    case = cli.json(*g, "case", "show", "2025-00001")
    visitation = next(m for m in case["milestones"] if m["rule_id"] == "kh_visitation")
    assert (visitation["state"], visitation["done_on"], visitation["done_late"]) == ("done", "2025-12-23", True)
    why = cli.ok(*g, "milestone", "why", "2025-00001/kh_ydelse")
    assert why.splitlines()[-1] == "Frist: tirsdag 30-12-2025."

    # Worklist seen on Mon 29 Dec 2025:
    #   kh_ydelse Tue 30 Dec (1 working day left: due soon); lt_kontakt Mon 22 Dec 15:00 (overdue);
    #   lt_henvisning 3 wd from Fri 19 Dec: 22, 23, 29 -> today; lt_samtale Fri 26 Dec -> rolled to Mon 29 (today);
    #   lt_blanket provisional: 29 Dec + 2 weeks = Mon 12 Jan 2026.
    before = _worklist(cli, db, "2025-12-29")
    assert before == {
        "2025-00002/lt_kontakt": ("2025-12-22T15:00", "overdue"),
        "2025-00002/lt_henvisning": ("2025-12-29", "due_today"),
        "2025-00002/lt_samtale": ("2025-12-29", "due_today"),
        "2025-00001/kh_ydelse": ("2025-12-30", "due_soon"),
        "2025-00002/lt_blanket": ("2026-01-12", "provisional"),
    }
    rows = cli.json(*g, "--today", "2025-12-29", "deadlines")
    assert [r["due"] for r in rows] == sorted(r["due"] for r in rows)
    assert rows[0]["party_id"] == "12345678"

    # A closure day on Mon 29 Dec: nothing moves until recompute --apply.
    out = cli.ok(*g, "closure", "add", "2025-12-29", "Lukket mellem jul og nytår")
    assert out.startswith("Lukkedag 29-12-2025 gemt.")
    listed = cli.ok(*g, "closure", "list").splitlines()
    assert listed == ["Dato        Begrundelse", "29-12-2025  Lukket mellem jul og nytår", "1 lokal lukkedag."]
    # kh_ydelse: 19, 22, 23, 30, (31 Dec, 1 Jan off) 2 Jan -> Fri 2 Jan 2026
    # lt_henvisning: 22, 23, 30 -> Tue 30 Dec; lt_samtale: Fri 26 Dec rolls past 27–29 Dec -> Tue 30 Dec
    # lt_blanket: 30 Dec + 2 weeks -> Tue 13 Jan 2026; lt_kontakt (Mon 22 Dec) stays.
    preview = cli.ok(*g, "recompute")
    assert preview.splitlines() == [
        "4 frister vil flytte (intet er ændret; brug --apply):",
        "  2025-00001/kh_ydelse: 2025-12-30 → 2026-01-02 (+3 dage)",
        "  2025-00002/lt_blanket: 2026-01-12 → 2026-01-13 (+1 dage)",
        "  2025-00002/lt_henvisning: 2025-12-29 → 2025-12-30 (+1 dage)",
        "  2025-00002/lt_samtale: 2025-12-29 → 2025-12-30 (+1 dage)",
    ]
    assert _worklist(cli, db, "2025-12-29") == before

    applied = cli.ok(*g, "recompute", "--apply", "--reason", "Juleluk")
    assert applied.splitlines()[0] == "4 frister flyttet."
    after = _worklist(cli, db, "2025-12-29")
    assert after == {
        "2025-00002/lt_kontakt": ("2025-12-22T15:00", "overdue"),
        "2025-00002/lt_henvisning": ("2025-12-30", "due_soon"),
        "2025-00002/lt_samtale": ("2025-12-30", "due_soon"),
        "2025-00001/kh_ydelse": ("2026-01-02", "due_soon"),
        "2025-00002/lt_blanket": ("2026-01-13", "provisional"),
    }
    assert cli.ok(*g, "recompute").splitlines() == ["0 frister vil flytte (intet er ændret; brug --apply):"]
    moved = [(e["entity_id"], e["before"], e["after"]) for e in cli.json(*g, "audit", "--case", "2025-00002")
             if e["action"] == "recompute"]  # fmt: skip
    assert sorted(moved) == [("2025-00002/lt_blanket", "2026-01-12", "2026-01-13"),
                             ("2025-00002/lt_henvisning", "2025-12-29", "2025-12-30"),
                             ("2025-00002/lt_samtale", "2025-12-29", "2025-12-30")]  # fmt: skip
    assert all(e["reason"] == "Juleluk" for e in cli.json(*g, "audit") if e["action"] == "recompute")

    # The audit trail in text form.
    # The audit trail in text form: Danish words, milestone names, dd-mm-åååå, a header over the columns.
    header, *lines = cli.ok(*g, "audit", "--case", "2025-00002").splitlines()
    assert header.split()[:4] == ["Tidspunkt", "Bruger", "Handling", "Hvad"]
    actions = [line[28:44].strip() for line in lines]
    assert actions[0] == "Oprettet"
    assert {"Frist beregnet", "Genberegnet"} <= set(actions)
    assert all(line[17:27].strip() == "anna.k" for line in lines)
    text = "\n".join(lines)
    assert "lt_blanket" not in text and "Juleluk" in text
    assert "29-12-2025 → 30-12-2025" in text and not re.search(r"\d{4}-\d{2}-\d{2}", text)


def _worklist(cli: Cli, db: Path, today: str) -> dict[str, tuple[str, str]]:
    rows = cli.json("--db", db, "--as", "anna.k", "--today", today, "deadlines")
    return {f"{r['case']}/{r['milestone']}": (r["due"], r["state"]) for r in rows}


def test_case_actions(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "frister.sqlite3"
    g = ["--db", db, "--as", "anna.k", "--today", "2026-03-02"]
    cli.ok(*g, "case", "add", "--group", "kontanthjaelp", "--name", "Søren Østergaard", "--id", "010190-1235",
           "--trigger", "foerste_fremmoede=2026-03-02")  # fmt: skip
    # Mon 11 May + 10 wd, skipping Kristi himmelfartsdag (14 May) and Anden pinsedag (25 May) -> Wed 27 May.
    out = cli.ok(*g, "case", "trigger", "2026-00001", "ansoegning_sps34=2026-05-11")
    assert "2026-00001/kh_sps34" in out and "27-05-2026" in out
    out = cli.ok(*g, "case", "reassign", "2026-00001", "--to", "bo.l", "--case-team", "Team Øst")
    assert "Sagsbehandler: bo.l Team Øst" in out
    assert cli.json(*g, "deadlines") == []  # anna.k has no cases any more ...
    assert len(cli.json(*g, "deadlines", "--all")) == 3  # ... but they are all still there
    assert len(cli.json(*g, "deadlines", "--team", "Team Øst")) == 3
    cli.ok(*g, "case", "close", "2026-00001", "--on", "2026-03-03")
    assert cli.json(*g, "case", "list") == []
    assert [c["status"] for c in cli.json(*g, "case", "list", "--status", "closed")] == ["closed"]
    cli.ok(*g, "case", "reopen", "2026-00001")
    assert [c["status"] for c in cli.json(*g, "case", "list")] == ["open"]
    actions = [e["action"] for e in cli.json(*g, "audit", "--case", "2026-00001")]
    assert {"create", "trigger", "reassign", "close", "reopen"} <= set(actions)
    # Milestone done in the future is refused with one line.
    message = cli.fails(*g, "milestone", "done", "2026-00001/kh_ydelse", "--on", "2026-03-03")
    assert message == "En milepæl kan ikke markeres udført i fremtiden."


def test_demo_fills_the_given_database(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    out = cli.ok("demo", "--cases", 20, "--db", db, "--as", "tester", "--today", "2026-03-10")
    made, look, done = out.strip().splitlines()
    assert made == f"20 demosager (opdigtede personer) lagt i {db}."
    # The commands it suggests work on exactly these cases (the newcomer's first steps).
    assert look.split(":", 1)[1].split() == ["jobcenter-desktop", "--db", str(db), "deadlines", "--all"]
    suggested = shlex.split(done.split(":", 1)[1])
    assert suggested[:3] == ["jobcenter-desktop", "--db", str(db)] and suggested[3:5] == ["milestone", "done"]
    assert "udført" in cli.ok(*suggested[1:3], "--as", "tester", "--today", "2026-03-10", *suggested[3:])
    cases = cli.json("--db", db, "case", "list", "--status", "all")
    assert len(cases) == 20
    assert all(c["party_id"].endswith("-XXXX") for c in cases if len(c["party_id"]) == 11)
    assert cli.json("--db", db, "--as", "tester", "--today", "2026-03-10", "deadlines")  # the actor has work


# ---------------------------------------------------------------- the real module entry point
def _run_module(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JOBCENTER_DB": str(tmp_path / "guard" / "x.sqlite3"),
           "XDG_DATA_HOME": str(tmp_path / "xdg-data"), "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
           "PYTHONIOENCODING": "utf-8"}  # fmt: skip
    return subprocess.run([sys.executable, "-m", "jobcenter_desktop", *argv], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=REPO_ROOT, timeout=60, check=False)  # fmt: skip


def test_module_entry_point_success(tmp_path: Path) -> None:
    proc = _run_module(tmp_path, "due", "--milestone", "kh_ydelse", "--anchor", "2025-12-18")
    assert (proc.returncode, proc.stderr) == (0, "")
    assert proc.stdout.splitlines()[0] == "tirsdag 30-12-2025"
    assert not (tmp_path / "guard").exists()


def test_module_entry_point_usage_error(tmp_path: Path) -> None:
    proc = _run_module(tmp_path, "due", "--milestone", "lt_kontakt", "--anchor", "2025-12-18")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1
    assert proc.stderr.startswith(PREFIX) and "Traceback" not in proc.stderr


def test_self_test_passes_and_touches_no_user_data(cli: Cli) -> None:
    out = cli.ok("--self-test")
    assert "kendt frist beregnet: kh_ydelse fra 18-12-2025 = 30-12-2025" in out
    assert out.rstrip().endswith("Selvtest bestået (Jobcenter Frister 0.1.0).") or "Selvtest bestået" in out


def test_no_display_is_said_in_danish(tmp_path: Path) -> None:
    """On Linux without X or Wayland, Qt aborts with an English message and a core dump; we say it instead."""
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux decides the display from DISPLAY/WAYLAND_DISPLAY")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env |= {"JOBCENTER_DB": str(tmp_path / "x.sqlite3"), "XDG_DATA_HOME": str(tmp_path / "d"),
            "XDG_STATE_HOME": str(tmp_path / "s"), "PYTHONIOENCODING": "utf-8"}  # fmt: skip
    proc = subprocess.run([sys.executable, "-m", "jobcenter_desktop"], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=REPO_ROOT, timeout=60, check=False)  # fmt: skip
    assert proc.returncode == 2 and "ingen skærm" in proc.stderr and "Traceback" not in proc.stderr
    assert "qt.qpa" not in proc.stderr
    assert not (tmp_path / "x.sqlite3").exists()
