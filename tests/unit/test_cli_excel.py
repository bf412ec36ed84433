"""The command line's Excel commands: ``export worklist``, ``export template`` and ``import cases``.

Runs ``cli.main`` in-process (capsys), each test on its own database under tmp_path (via --db), with the user's
data and log folders guarded exactly as in test_cli.py. Workbooks are read back with openpyxl.

Cases for the worklist ("today" Mon 23 Nov 2026, ISO week 48; no holidays in Nov 2026):
  2026-00001 anna.k    Kontanthjælp, første fremmøde Mon 9 Nov: kh_visitation Wed 11 Nov, kh_ydelse Mon 16 Nov
                       (both overdue).
  2026-00002 anna.k    Dagpenge, ledigmelding Mon 16 Nov: dp_telefon +5 hverdage = Mon 23 Nov.
  2026-00003 bo.l      Kontanthjælp (Team Vest), første fremmøde Fri 20 Nov: kh_visitation Tue 24, kh_ydelse Fri 27 Nov.
  2026-00004 dennis.p  Dagpenge (Team Øst), ledigmelding Wed 18 Nov: dp_telefon Wed 25 Nov.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from support.cli import Cli

TODAY = "2026-11-23"


pytestmark = pytest.mark.usefixtures("cli_isolated")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "frister.sqlite3"


@pytest.fixture
def seeded(cli: Cli, db: Path) -> list[object]:
    """The four cases above, added through the CLI; returns the global options for anna.k on 23 Nov 2026."""
    g: list[object] = ["--db", db, "--as", "anna.k", "--my-team", "Team Vest", "--today", TODAY]
    for group, name, ident, trigger, worker, team in [
        ("kontanthjaelp", "Søren Østergaard", "010190-1235", "foerste_fremmoede=2026-11-09", None, None),
        ("dagpenge", "Åse Lund", "020285-1234", "ledigmelding=2026-11-16", None, None),
        ("kontanthjaelp", "Mette Hansen", "150670-1234", "foerste_fremmoede=2026-11-20", "bo.l", "Team Vest"),
        ("dagpenge", "Peter Holm", "290260-1234", "ledigmelding=2026-11-18", "dennis.p", "Team Øst"),
    ]:  # fmt: skip
        extra = ["--caseworker", worker, "--case-team", team] if worker else []
        cli.ok(*g, "case", "add", "--group", group, "--name", name, "--id", ident, "--trigger", trigger, *extra)
    return g


def rows_of(path: Path, sheet: str = "Frister") -> list[tuple[str, date, str]]:
    """(case number, due date, CPR/CVR) per deadline row."""
    ws = load_workbook(path)[sheet]
    return [(r[7].value, r[0].value.date(), r[9].value) for r in ws.iter_rows(min_row=2)]


ANNA_W48 = [("2026-00001", date(2026, 11, 11), "010190-XXXX"), ("2026-00001", date(2026, 11, 16), "010190-XXXX"),
            ("2026-00002", date(2026, 11, 23), "020285-XXXX")]  # fmt: skip


# ---------------------------------------------------------------- export worklist
def test_default_is_my_week_in_the_current_folder(cli: Cli, seeded: list[object], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    out_dir = tmp_path / "ud"
    out_dir.mkdir()
    monkeypatch.chdir(out_dir)
    out = cli.ok(*seeded, "export", "worklist")
    target = out_dir / "Frister uge 48 2026 - anna.k.xlsx"
    assert out == f"3 frister skrevet til {target}\n"
    assert rows_of(target) == ANNA_W48
    assert load_workbook(target).sheetnames == ["Frister", "Oversigt", "Om listen"]


def test_team_week_per_caseworker(cli: Cli, seeded: list[object], tmp_path: Path) -> None:
    target = tmp_path / "team.xlsx"
    out = cli.ok(*seeded, "export", "worklist", "--week", "2026-W48", "--team", "Team Vest", "--per-caseworker",
                 "--out", target)  # fmt: skip
    assert out == f"5 frister skrevet til {target}\n"
    wb = load_workbook(target)
    assert wb.sheetnames == ["Frister", "anna.k", "bo.l", "Oversigt", "Om listen"]
    assert rows_of(target) == [*ANNA_W48, ("2026-00003", date(2026, 11, 24), "150670-XXXX"),
                               ("2026-00003", date(2026, 11, 27), "150670-XXXX")]  # fmt: skip
    assert rows_of(target, "anna.k") == ANNA_W48
    assert [n for n, _, _ in rows_of(target, "bo.l")] == ["2026-00003", "2026-00003"]
    assert wb["Oversigt"]["A1"].value == "Frister uge 48 2026 - Team Vest"
    # Lower-case week and no dash are accepted too.
    cli.ok(*seeded, "export", "worklist", "--week", "2026w48", "--team", "Team Vest", "--out", tmp_path / "b.xlsx")
    assert rows_of(tmp_path / "b.xlsx") == rows_of(target)


def test_everyone_with_full_cpr_is_audited(cli: Cli, seeded: list[object], tmp_path: Path) -> None:
    target = tmp_path / "alle.xlsx"
    assert cli.ok(*seeded, "export", "worklist", "--all", "--include-cpr", "--out", target).startswith("6 frister")
    assert [ident for _, _, ident in rows_of(target)] == ["010190-1235", "010190-1235", "020285-1234", "150670-1234",
                                                          "290260-1234", "150670-1234"]  # fmt: skip
    entries = json.loads(cli.ok(*seeded, "audit", "--json"))
    reveals = [(e["entity"], e["entity_id"], e["after"]) for e in entries if e["action"] == "reveal_cpr"]
    assert reveals == [("export", "alle.xlsx", "6 frister")]


def test_next_days_and_from_to(cli: Cli, seeded: list[object], tmp_path: Path) -> None:
    target = tmp_path / "naeste.xlsx"
    cli.ok(*seeded, "export", "worklist", "--next-days", 5, "--out", target)
    assert rows_of(target) == ANNA_W48
    assert load_workbook(target)["Oversigt"]["A1"].value == (
        "Frister de næste 5 hverdage (23-11-2026–30-11-2026) - anna.k")  # fmt: skip
    target = tmp_path / "periode.xlsx"
    cli.ok(*seeded, "export", "worklist", "--from", "2026-11-24", "--to", "27-11-2026", "--caseworker", "bo.l",
           "--out", target)  # fmt: skip
    assert rows_of(target) == [("2026-00003", date(2026, 11, 24), "150670-XXXX"),
                               ("2026-00003", date(2026, 11, 27), "150670-XXXX")]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(["--week", "2026-W60"], "Uge 60 findes ikke i 2026.", id="week-60"),
        pytest.param(["--week", "2025-W53"], "Uge 53 findes ikke i 2025.", id="week-53-of-a-short-year"),
        pytest.param(["--week", "banana"], "'banana' er ikke en uge (brug ÅÅÅÅ-Wuu, fx 2026-W48, eller current/next)",
                     id="banana"),
        pytest.param(["--from", "2026-11-23"], "--from og --to skal angives sammen", id="from-without-to"),
        pytest.param(["--to", "2026-11-23"], "--from og --to skal angives sammen", id="to-without-from"),
        pytest.param(["--from", "2026-11-27", "--to", "2026-11-23"], "Slutdatoen ligger før startdatoen.",
                     id="to-before-from"),
        pytest.param(["--from", "2026-02-30", "--to", "2026-03-02"], "ikke en gyldig dato", id="bad-date"),
        pytest.param(["--week", "2026-W48", "--next-days", "5"], "angiv enten --week, --from/--to eller --next-days",
                     id="week-and-next-days"),
        pytest.param(["--week", "2026-W48", "--from", "2026-11-23", "--to", "2026-11-27"],
                     "angiv enten --week, --from/--to eller --next-days", id="week-and-from-to"),
        pytest.param(["--from", "2026-11-23", "--to", "2026-11-27", "--next-days", "5"],
                     "angiv enten --week, --from/--to eller --next-days", id="from-to-and-next-days"),
        pytest.param(["--next-days", "0"], "Antal hverdage skal være 1–260.", id="next-days-0"),
        pytest.param(["--next-days", "261"], "Antal hverdage skal være 1–260.", id="next-days-261"),
        pytest.param(["--next-days", "fem"], "'fem' er ikke et helt tal", id="next-days-words"),
        pytest.param(["--caseworker", "anna.k", "--team", "Team Vest"],
                     "angiv højst én af --caseworker, --team og --all", id="caseworker-and-team"),
        pytest.param(["--team", "Team Vest", "--all"], "angiv højst én af --caseworker, --team og --all",
                     id="team-and-all"),
        pytest.param(["--out", "{tmp}/x.csv"], "--out skal være en .xlsx-fil", id="csv"),
        pytest.param(["--out", "{tmp}/mangler/x.xlsx"], "Mappen findes ikke", id="missing-folder"),
    ],
)  # fmt: skip
def test_bad_export_arguments(cli: Cli, db: Path, tmp_path: Path, args: list[str], expected: str) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    message = cli.fails("--db", db, "--as", "anna.k", "--today", TODAY, "export", "worklist", *argv)
    assert expected in message
    assert not list(tmp_path.glob("*.csv")) and not list(tmp_path.glob("*.xlsx"))


# ---------------------------------------------------------------- template and import
def _fill(template: Path, rows: list[list[object]]) -> Path:
    wb = load_workbook(template)
    ws = wb["Sager"]
    ws.delete_rows(2)
    for row in rows:
        ws.append(row)
    wb.save(template)
    return template


GOOD = [["Kontanthjælp", "Søren Østergaard", "010190-1235", "02-03-2026"],
        ["Løntilskud", "Bageri Ærø ApS", "12345678", "2026-03-02", "10:00"]]  # fmt: skip
BAD = ["Dagpenge", "Åse Lund", "320190-1235", "2026-03-02"]


@pytest.fixture
def g(db: Path) -> list[object]:
    return ["--db", db, "--as", "anna.k", "--today", "2026-03-02"]


def cases_in(cli: Cli, g: list[object]) -> list[tuple[str, str]]:
    return [(c["number"], c["group"]) for c in json.loads(cli.ok(*g, "case", "list", "--status", "all", "--json"))]


def test_export_template(cli: Cli, g: list[object], tmp_path: Path) -> None:
    target = tmp_path / "skabelon.xlsx"
    assert cli.ok(*g, "export", "template", "--out", target) == f"Skabelon gemt: {target}\n"
    wb = load_workbook(target)
    assert wb.sheetnames == ["Sager", "Målgrupper", "Vejledning"]
    assert [c.value for c in wb["Sager"][1]] == ["Målgruppe", "Navn", "CPR/CVR", "Startdato", "Klokkeslæt",
                                                 "Sagsbehandler", "Team", "Bemærkning"]  # fmt: skip
    message = cli.fails(*g, "export", "template", "--out", tmp_path / "mangler" / "s.xlsx")
    assert "Mappen findes ikke" in message


def test_import_dry_run_stores_nothing(cli: Cli, g: list[object], tmp_path: Path) -> None:
    cli.ok(*g, "export", "template", "--out", tmp_path / "sager.xlsx")
    path = _fill(tmp_path / "sager.xlsx", [*GOOD, BAD])
    out = cli.ok(*g, "import", "cases", path, "--dry-run")
    assert out.splitlines() == [
        "række 2: Kontanthjælp (over 30 år) · Søren Østergaard · 010190-XXXX — ok",
        "række 3: Løntilskud · Bageri Ærø ApS · 12345678 — ok",
        "række 4: Dagpenge · Åse Lund · 320190-XXXX — FEJL: CPR-nummeret indeholder ikke en gyldig fødselsdato.",
        "3 sager læst i arket (række 2–4): 2 gyldige og 1 afvist række.",
        "Prøvekørsel: intet er gemt.",
    ]
    assert "1235" not in out
    assert cases_in(cli, g) == []


def test_import_with_a_bad_row_stores_nothing(cli: Cli, g: list[object], tmp_path: Path) -> None:
    cli.ok(*g, "export", "template", "--out", tmp_path / "sager.xlsx")
    path = _fill(tmp_path / "sager.xlsx", [*GOOD, BAD])
    message = cli.fails(*g, "import", "cases", path, stdout_empty=False)  # the preview lines are printed first
    assert message == "1 række har fejl; intet er importeret (ret filen, eller brug --skip-invalid)"
    assert cases_in(cli, g) == []


def test_import_skip_invalid_stores_the_good_rows(cli: Cli, g: list[object], tmp_path: Path) -> None:
    cli.ok(*g, "export", "template", "--out", tmp_path / "sager.xlsx")
    path = _fill(tmp_path / "sager.xlsx", [*GOOD, BAD])
    out = cli.ok(*g, "import", "cases", path, "--skip-invalid")
    assert out.splitlines()[-1] == "2 sager importeret (2026-00001–2026-00002)."
    assert cases_in(cli, g) == [("2026-00001", "kontanthjaelp"), ("2026-00002", "loentilskud")]
    shown = json.loads(cli.ok(*g, "case", "show", "2026-00002", "--json"))
    assert {m["rule_id"]: m["due"] for m in shown["milestones"]} == {
        "lt_kontakt": "2026-03-03T10:00", "lt_henvisning": "2026-03-05", "lt_samtale": "2026-03-09",
        "lt_blanket": "2026-03-23"}  # fmt: skip
    # Importing the same file again: the two cases are open now, so every row is refused.
    message = cli.fails(*g, "import", "cases", path, stdout_empty=False)
    assert message.startswith("3 rækker har fejl")


def test_import_of_a_clean_file(cli: Cli, g: list[object], tmp_path: Path) -> None:
    cli.ok(*g, "export", "template", "--out", tmp_path / "sager.xlsx")
    out = cli.ok(*g, "import", "cases", _fill(tmp_path / "sager.xlsx", GOOD))
    assert out.splitlines()[-2:] == ["2 sager læst i arket (række 2–3): 2 gyldige og 0 afviste rækker.",
                                      "2 sager importeret (2026-00001–2026-00002)."]
    entries = json.loads(cli.ok(*g, "audit", "--json"))
    assert [e["after"] for e in entries if e["action"] == "import"] == ["2 sager"]


def _truncated(path: Path) -> Path:
    wb_path = path.with_name("hel.xlsx")
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Målgruppe", "Navn", "CPR", "Startdato"])
    wb.active.append(["Dagpenge", "Åse Lund", "020285-1234", "2026-03-02"])
    wb.save(wb_path)
    data = wb_path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        pytest.param(lambda p: p.write_text("Navn;CPR\nÅse;020285-1234\n", encoding="utf-8") and p,
                     "Filen er ikke en Excel-fil (.xlsx). Gem den som Excel-projektmappe og prøv igen.", id="csv-text"),
        pytest.param(lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)) and p,
                     "Filen er beskyttet med adgangskode eller gemt i det gamle .xls-format.", id="xls-or-encrypted"),
        pytest.param(lambda p: p.write_bytes(b"") or p, "Filen er tom.", id="empty"),
        pytest.param(lambda p: p, "Filen findes ikke", id="missing"),
        pytest.param(_truncated, "Filen kan ikke læses som Excel-projektmappe (.xlsx); den kan være beskadiget.",
                     id="truncated"),
    ],
)  # fmt: skip
def test_import_of_a_file_that_is_not_a_workbook(cli: Cli, g: list[object], tmp_path: Path, make,
                                                 expected: str) -> None:  # fmt: skip
    path = make(tmp_path / "sager.xlsx")
    message = cli.fails(*g, "import", "cases", path)
    assert expected in message
    assert cases_in(cli, g) == []


# ---------------------------------------------------------------- export ics
def test_export_ics_for_me_and_for_the_team(cli: Cli, seeded: list[object], tmp_path: Path) -> None:
    from icalendar import Calendar

    mine, team = tmp_path / "mine.ics", tmp_path / "team.ics"
    out = cli.ok(*seeded, "export", "ics", "--out", mine)
    open_mine = [r for r in cli.json(*seeded, "deadlines") if r["state"] not in ("done_on_time", "done_late")]
    assert out.startswith(f"{len(open_mine)} frister skrevet til") and "uden persondata" in out
    assert len(Calendar.from_ical(mine.read_bytes()).walk("VEVENT")) == len(open_mine) > 1
    cli.ok(*seeded, "export", "ics", "--team", "Team Vest", "--from", "01-11-2026", "--to", "31-12-2026",
           "--out", team)  # fmt: skip
    summaries = [str(e["summary"]) for e in Calendar.from_ical(team.read_bytes()).walk("VEVENT")]
    assert {s.split(":")[0] for s in summaries} == {"2026-00001", "2026-00002", "2026-00003"}  # not Team Øst's
    assert not any(name in team.read_text(encoding="utf-8") for name in ("Søren", "Lund", "Hansen", "010190"))


@pytest.mark.parametrize(("args", "message"), [
    (["--out", "frister.txt"], "--out skal være en .ics-fil"),
    (["--caseworker", "bo.l", "--team", "Team Vest", "--out", "x.ics"], "højst én af --caseworker og --team"),
    (["--from", "32-12-2026", "--out", "x.ics"], "--from"),
    (["--from", "10-12-2026", "--to", "01-12-2026", "--out", "x.ics"], "Slutdatoen ligger før startdatoen"),
])  # fmt: skip
def test_export_ics_bad_input(cli: Cli, seeded: list[object], tmp_path: Path, args: list[str], message: str) -> None:
    assert message in cli.fails(*seeded, "export", "ics", *args)
    assert not list(tmp_path.glob("*.ics"))


def test_the_template_imported_unchanged_imports_nothing(cli: Cli, g: list[object], tmp_path: Path) -> None:
    cli.ok(*g, "export", "template", "--out", tmp_path / "skabelon.xlsx")
    message = cli.fails(*g, "import", "cases", tmp_path / "skabelon.xlsx", stdout_empty=False)
    assert message.startswith("1 række har fejl")
    assert cli.json(*g, "case", "list", "--status", "all") == []


def test_backup_list_has_headers_and_danish_kinds(cli: Cli, g: list[object]) -> None:
    cli.ok(*g, "case", "add", "--group", "dagpenge", "--name", "Fiktiv", "--id", "020285-1234", "--trigger",
           "ledigmelding=2026-11-16")  # fmt: skip
    cli.ok(*g, "backup", "create")
    lines = cli.ok(*g, "backup", "list").splitlines()
    assert lines[0].split()[:4] == ["Nr.", "Taget", "Type", "Størrelse"]
    kinds = {line.split()[3] for line in lines[1:-1]}
    assert "manuel" in kinds and kinds <= {"manuel", "daglig", "før"}  # no internal labels ("before-0005")
    assert lines[-1].startswith(f"{len(lines) - 2} sikkerhedskopi")
