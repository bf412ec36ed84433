"""The team lead's commands: ``kpi`` (text and --json), ``export kpi`` (the workbook read back: chart present,
numbers equal to ``kpi --json``), ``milestone exempt/unexempt``, ``catalogue list/add/move`` across a valid_from
boundary, and the unattended weekly worklist (``--week current|next``, ``{week}``/``{date}`` in --out, an audit
entry when it ran, a log line and a non-zero exit when it failed).

"Today" is Mon 30 Nov 2026 (ISO week 49); no holidays in November:
  2026-00001 anna.k  kontanthjælp, fremmøde Mon 2 Nov: kh_visitation Wed 4 Nov done 4 Nov (on time); kh_ydelse
                     Mon 9 Nov open (overdue).
  2026-00002 anna.k  dagpenge, ledigmelding Mon 23 Nov: dp_telefon Mon 30 Nov (not yet due), then exempted.
  2026-00003 bo.l    kontanthjælp, fremmøde Mon 16 Nov: kh_visitation Wed 18 Nov, kh_ydelse Mon 23 Nov (overdue).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from support.catalogues import catalogue_variant
from support.cli import Cli

from jobcenter_desktop.paths import default_catalogue_path

TODAY = "2026-11-30"
pytestmark = pytest.mark.usefixtures("cli_isolated")


@pytest.fixture
def g(cli: Cli, tmp_path: Path) -> list[object]:
    g: list[object] = ["--db", tmp_path / "frister.sqlite3", "--as", "anna.k", "--my-team", "Team Vest",
                       "--today", TODAY]  # fmt: skip
    for group, name, ident, trigger, extra in [
        ("kontanthjaelp", "Anders A", "010180-1111", "foerste_fremmoede=2026-11-02", []),
        ("dagpenge", "Bente B", "020280-2222", "ledigmelding=2026-11-23", []),
        ("kontanthjaelp", "Carl C", "030380-3333", "foerste_fremmoede=2026-11-16",
         ["--caseworker", "bo.l", "--case-team", "Team Vest"]),
    ]:  # fmt: skip
        cli.ok(*g, "case", "add", "--group", group, "--name", name, "--id", ident, "--trigger", trigger, *extra)
    cli.ok(*g, "milestone", "done", "2026-00001/kh_visitation", "--on", "2026-11-04")
    return g


def test_kpi_json_by_group_and_caseworker(cli: Cli, g: list[object]) -> None:
    rows = cli.json(*g, "kpi", "--month", "2026-11", "--json")
    by_key = {r["key"]: r for r in rows}
    assert set(by_key) == {"kontanthjaelp", "dagpenge"}
    kh = by_key["kontanthjaelp"]
    assert (kh["label"], kh["on_time"], kh["late"], kh["overdue"], kh["exempt"], kh["not_yet_due"], kh["soft"]) == (
        "Kontanthjælp (over 30 år)", 1, 0, 3, 0, 0, 0)
    assert kh["share_on_time"] == 0.25 and kh["target"] == 0.75
    assert by_key["dagpenge"]["share_on_time"] is None and by_key["dagpenge"]["not_yet_due"] == 1
    workers = {r["key"]: (r["on_time"], r["overdue"]) for r in cli.json(*g, "kpi", "--by", "caseworker", "--json")}
    assert workers == {"anna.k": (1, 1), "bo.l": (0, 2)}  # the default period: this month (November)
    bo = cli.json(*g, "kpi", "--period", "2026-Q4", "--caseworker", "bo.l", "--by", "milestone", "--json")
    assert {r["key"]: r["overdue"] for r in bo} == {"kh_visitation": 1, "kh_ydelse": 1}
    assert [r["label"] for r in bo] == sorted((r["label"] for r in bo), key=str.casefold)  # by Danish name


def test_kpi_text_marks_below_target_in_words(cli: Cli, g: list[object]) -> None:
    out = cli.ok(*g, "kpi", "--month", "2026-11")
    assert out.startswith("Rettidighed november 2026 (Team Vest), pr. målgruppe:")
    kh = next(line for line in out.splitlines() if line.startswith("Kontanthjælp"))
    assert "25,0 %" in kh and "75,0 %" in kh and "UNDER MÅL" in kh
    assert "I alt" in out and "2 rækker." in out


def test_exempt_and_unexempt_from_the_command_line(cli: Cli, g: list[object]) -> None:
    out = cli.ok(*g, "milestone", "exempt", "2026-00002/dp_telefon", "--reason", "Selv i job om 14 dage")
    assert "fritaget" in out and "fritaget: Selv i job om 14 dage" in out
    dp = next(r for r in cli.json(*g, "kpi", "--json") if r["key"] == "dagpenge")
    assert (dp["exempt"], dp["not_yet_due"]) == (1, 0)
    assert "dp_telefon" not in {r["milestone"] for r in cli.json(*g, "deadlines", "--json")}  # left the worklist
    msg = cli.fails(*g, "milestone", "exempt", "2026-00002/dp_telefon", "--reason", "igen")
    assert "allerede fritaget" in msg
    cli.ok(*g, "milestone", "unexempt", "2026-00002/dp_telefon")
    assert "dp_telefon" in {r["milestone"] for r in cli.json(*g, "deadlines", "--json")}
    assert "Begrundelsen" in cli.fails(*g, "milestone", "exempt", "2026-00002/dp_telefon", "--reason", "  ")
    actions = [e["action"] for e in cli.json(*g, "audit", "--case", "2026-00002", "--json")]
    assert actions.count("exempt") == 1 and actions.count("unexempt") == 1


def test_hours_milestone_done_at_a_clock_time(cli: Cli, g: list[object]) -> None:
    cli.ok(*g, "case", "add", "--group", "jobaabninger", "--name", "Hansens VVS ApS", "--id", "11111111",
           "--trigger", "henvendelse=2026-11-02 10:00")  # fmt: skip
    due = next(m for m in cli.json(*g, "case", "show", "2026-00004", "--json")["milestones"]
               if m["rule_id"] == "ja_kontakt")["due"]  # fmt: skip
    day, clock = due.split("T")
    late = f"{clock[:3]}{int(clock[3:5]) + 1:02d}"
    cli.ok(*g, "milestone", "done", "2026-00004/ja_kontakt", "--on", day, "--at", late)
    ja = next(r for r in cli.json(*g, "kpi", "--by", "milestone", "--json") if r["key"] == "ja_kontakt")
    assert (ja["on_time"], ja["late"]) == (0, 1)
    assert "klokkeslæt" in cli.fails(*g, "milestone", "done", "2026-00004/ja_henvisning", "--at", "25:00")


@pytest.mark.parametrize(("args", "expected"), [
    (["--period", "2026-Q5"], "kvartal 5 findes ikke"),
    (["--month", "2026-13"], "måned 13 findes ikke"),
    (["--month", "2026-Q1"], "er ikke en måned"),
    (["--month", "2026K3"], "er ikke en måned"),
    (["--period", "2026-11", "--month", "2026-11"], "angiv enten --period, --month eller --from/--to"),
    (["--from", "2026-11-01"], "--from og --to skal angives sammen"),
    (["--from", "2026-11-30", "--to", "2026-11-01"], "slutdatoen ligger før startdatoen"),
    (["--team", "Team Vest", "--all"], "højst én af --caseworker, --team og --all"),
    (["--by", "farve"], "ugyldigt valg: 'farve'"),
])  # fmt: skip
def test_bad_kpi_arguments_get_a_danish_message(cli: Cli, g: list[object], args: list[str], expected: str) -> None:
    code, out, err = cli(*g, "kpi", *args)
    assert code == 2 and out == "" and expected in err and "Traceback" not in err


def test_export_kpi_reads_back_as_the_json(cli: Cli, g: list[object], tmp_path: Path) -> None:
    target = tmp_path / "rettidighed.xlsx"
    out = cli.ok(*g, "export", "kpi", "--month", "2026-11", "--by", "group", "--out", target)
    assert "andel til tiden 25,0 % af 4 frister" in out
    wb = load_workbook(target)
    assert wb.sheetnames == ["Målgruppe", "Milepæl", "Sagsbehandler", "Team", "Udvikling", "Bag tallene", "Om tallene"]
    ws = wb["Målgruppe"]
    header = [c.value for c in ws[5]]
    assert header[:9] == ["Målgruppe", "Til tiden", "For sent", "Overskredet", "Fritaget", "Ikke forfaldne",
                          "Forventede tider", "Andel til tiden", "Mål"]  # fmt: skip
    sheet_rows = {r[0]: r for r in ws.iter_rows(min_row=6, values_only=True) if r[0] and r[0] != "I alt"}
    for r in cli.json(*g, "kpi", "--month", "2026-11", "--json"):
        got = sheet_rows[r["label"]]
        assert list(got[1:9]) == [r["on_time"], r["late"], r["overdue"], r["exempt"], r["not_yet_due"], r["soft"],
                                  r["share_on_time"], r["target"]]  # fmt: skip
    assert next(r for r in ws.iter_rows(min_row=6, values_only=True) if r[0] == "I alt")[9] == "Under mål"
    assert len(ws._charts) == 1 and ws._charts[0].tagname == "barChart"
    assert len(wb["Udvikling"]._charts) == 1
    missed = list(wb["Bag tallene"].iter_rows(min_row=6, values_only=True))
    assert [(r[1], r[3]) for r in missed] == [("Overskredet", "2026-00001"), ("Overskredet", "2026-00003"),
                                              ("Overskredet", "2026-00003")]  # fmt: skip
    about = [r[0] for r in wb["Om tallene"].iter_rows(min_row=5, values_only=True)]
    assert "Andel til tiden" in about and "Loft for fritagelser" in about
    assert not any("010180" in str(c) for w in wb.worksheets for row in w.iter_rows(values_only=True) for c in row)
    entries = cli.json(*g, "audit", "--json")
    assert any(e["action"] == "export" and e["entity_id"] == "rettidighed.xlsx" for e in entries)


def test_the_unattended_weekly_export(cli: Cli, g: list[object], tmp_path: Path, cli_log_dir: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    out = cli.ok(*g, "export", "worklist", "--week", "current", "--team", "Team Vest", "--per-caseworker",
                 "--out", share / "Frister uge {week}.xlsx")  # fmt: skip
    assert (share / "Frister uge 2026-W49.xlsx").is_file() and "skrevet til" in out
    cli.ok(*g, "export", "worklist", "--week", "next", "--all", "--out", share / "{date} uge {week}.xlsx")
    assert (share / "2026-11-30 uge 2026-W50.xlsx").is_file()
    assert load_workbook(share / "Frister uge 2026-W49.xlsx").sheetnames == ["Frister", "anna.k", "bo.l", "Oversigt",
                                                                               "Om listen"]  # fmt: skip
    exports = [e for e in cli.json(*g, "audit", "--json") if e["action"] == "export"]
    assert [e["entity_id"] for e in exports] == ["Frister uge 2026-W49.xlsx", "2026-11-30 uge 2026-W50.xlsx"]
    assert "{uge}" in cli.fails(*g, "export", "worklist", "--out", share / "Frister {uge}.xlsx")
    code, _, err = cli(*g, "export", "worklist", "--week", "current", "--out", tmp_path / "findes-ikke" / "x.xlsx")
    assert code != 0 and "Mappen findes ikke" in err
    log = "".join(p.read_text(encoding="utf-8") for p in cli_log_dir.glob("*.log*"))
    assert "Arbejdslisten x.xlsx blev ikke skrevet" in log


def _newer_catalogue(tmp_path: Path) -> Path:
    """The shipped catalogue as 'kommune-2027' from 1 Jan 2027: dp_telefon in 10 working days instead of 5, and a
    new milestone for dagpenge."""
    def edit(text: str) -> str:
        text = re.sub(r'(id = "dp_telefon"(?:(?!\[\[).)*?amount = )5', r"\g<1>10", text, count=1, flags=re.S)
        return text + ('\n[[milestones]]\nid = "dp_opfoelgning"\nname = "Opfølgning"\ngroup = "dagpenge"\n'
                       'trigger = "ledigmelding"\namount = 6\nunit = "weeks"\n')  # fmt: skip

    return catalogue_variant(tmp_path, "kommune-2027", "2027-01-01", edit)


def test_catalogues_over_time_and_moving_open_cases(cli: Cli, g: list[object], tmp_path: Path) -> None:
    out = cli.ok(*g, "catalogue", "add", _newer_catalogue(tmp_path))
    assert "gælder for nye sager fra 01-01-2027" in out
    listed = cli.ok(*g, "catalogue", "list")
    assert "til og med 31-12-2026" in listed and "Revalidering lukket fra 01-02-2026" in listed
    # Registered on the day the case starts: before 1 Jan 2027 the old catalogue, from it the new one.
    old = cli.json(*g, "case", "add", "--group", "dagpenge", "--name", "Dorte D", "--id", "040480-4444",
                   "--trigger", "ledigmelding=2026-12-31", "--json")  # fmt: skip
    new = cli.json(*g, "case", "add", "--group", "dagpenge", "--name", "Erik E", "--id", "050580-5555",
                   "--trigger", "ledigmelding=2027-01-04", "--json")  # fmt: skip
    assert old["number"] == "2026-00004"
    assert (old["catalogue_id"], new["catalogue_id"]) == ("albertslund-2016", "kommune-2027")
    assert {m["rule_id"] for m in new["milestones"]} >= {"dp_opfoelgning"}
    assert "dp_opfoelgning" not in {m["rule_id"] for m in old["milestones"]}
    # Moving: previewed first, nothing changed without --apply.
    preview = cli.ok(*g, "catalogue", "move", "--to", "kommune-2027")
    line = next(x for x in preview.splitlines() if x.startswith("2026-00004"))
    # Ledigmelding Thu 31 Dec 2026 (a closed day, like 1 Jan): 5 working days from Mon 4 Jan 2027 is Fri 8 Jan,
    # 10 is Fri 15 Jan; the new milestone, 6 weeks, is Thu 11 Feb 2027.
    assert line == ("2026-00004 (albertslund-2016 → kommune-2027): + Opfølgning (11-02-2027); "
                    "~ Telefonisk kontakt: 08-01-2027 → 15-01-2027")
    assert "vil blive flyttet" in preview
    assert cli.json(*g, "case", "show", "2026-00004", "--json")["catalogue_id"] == "albertslund-2016"
    cli.ok(*g, "catalogue", "move", "--to", "kommune-2027", "--apply", "--reason", "Ny hovedlov")
    moved = cli.json(*g, "case", "show", "2026-00004", "--json")
    assert moved["catalogue_id"] == "kommune-2027" and "dp_opfoelgning" in {m["rule_id"] for m in moved["milestones"]}
    audit = cli.json(*g, "audit", "--case", "2026-00004", "--json")
    assert any(e["action"] == "catalogue_move" and e["reason"] == "Ny hovedlov" for e in audit)
    assert "sager er registreret under" in cli.fails(*g, "catalogue", "remove", "kommune-2027")


def test_a_bad_catalogue_file_lists_every_problem(cli: Cli, g: list[object], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    text = default_catalogue_path().read_text(encoding="utf-8").replace('id = "albertslund-2016"', 'id = "b"', 1)
    bad.write_text(text.replace("target = 0.75", "target = 2").replace("closed_from = 2026-02-01", "closed_from = 1",
                                                                        1), encoding="utf-8")  # fmt: skip
    msg = cli.fails(*g, "catalogue", "add", bad)
    assert "catalogue.target" in msg and "groups[revalidering].closed_from" in msg
    same_day = tmp_path / "same.toml"
    same_day.write_text(text, encoding="utf-8")  # valid_from 2016-08-09, as the main catalogue
    assert "samme dag" in cli.fails(*g, "catalogue", "add", same_day)
    assert json.dumps(cli.ok(*g, "catalogue", "list")).count("nye sager fra") == 1


def test_softness_is_the_case_catalogues_own(cli: Cli, g: list[object], tmp_path: Path) -> None:
    """A newer catalogue that makes kh_visitation soft leaves the figures of cases under the old one alone."""
    before = cli.json(*g, "kpi", "--json")
    soft = catalogue_variant(tmp_path, "ny-2027", "2027-01-01", lambda t: re.sub(
        r'(id = "kh_visitation"\n)', r"\1soft = true\n", t, count=1))  # fmt: skip
    cli.ok(*g, "catalogue", "add", soft)
    assert cli.json(*g, "kpi", "--json") == before
    assert "findes allerede" in cli.fails(*g, "catalogue", "add", soft)  # never replaced silently


def test_a_milestone_dropped_by_a_move_stays_dropped_at_reopening_and_returns_with_a_move_back(
        cli: Cli, g: list[object], tmp_path: Path) -> None:  # fmt: skip
    without = catalogue_variant(tmp_path, "uden-ydelse", "2027-01-01", lambda t: re.sub(
        r'(?s)\[\[milestones\]\]\nid = "kh_ydelse".*?(?=\[\[milestones\]\])', "", t, count=1))  # fmt: skip
    cli.ok(*g, "catalogue", "add", without)
    preview = cli.ok(*g, "catalogue", "move", "--to", "uden-ydelse")
    line = next(x for x in preview.splitlines() if x.startswith("2026-00001"))
    assert "- Tid hos ydelsessagsbehandler" in line
    cli.ok(*g, "catalogue", "move", "--to", "uden-ydelse", "--apply")

    def state(rule: str) -> str:
        case = cli.json(*g, "case", "show", "2026-00001", "--json")
        return next(m["state"] for m in case["milestones"] if m["rule_id"] == rule)

    assert state("kh_ydelse") == "not_applicable"
    cli.ok(*g, "case", "close", "2026-00001", "--on", "2026-11-30")
    cli.ok(*g, "case", "reopen", "2026-00001")
    assert state("kh_ydelse") == "not_applicable"  # its catalogue has no such milestone any more
    assert "kh_ydelse" not in {r["milestone"] for r in cli.json(*g, "deadlines", "--json")}
    cli.ok(*g, "catalogue", "move", "--to", "albertslund-2016", "--apply")
    assert state("kh_ydelse") == "open"


@pytest.mark.parametrize(("text", "expected"), [
    ('id = "../x y"', "må kun bestå af"),
    ('id = "' + "a" * 61 + '"', "højst 60 tegn"),
])  # fmt: skip
def test_catalogue_ids_are_checked(cli: Cli, g: list[object], tmp_path: Path, text: str, expected: str) -> None:
    path = catalogue_variant(tmp_path, "x", "2027-01-01", lambda t: t.replace('id = "x"', text, 1))
    assert expected in cli.fails(*g, "catalogue", "add", path)


def test_a_catalogue_saved_with_a_bom_is_read(cli: Cli, g: list[object], tmp_path: Path) -> None:
    path = catalogue_variant(tmp_path, "med-bom", "2027-01-01")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "er tilføjet" in cli.ok(*g, "catalogue", "add", path)


def test_out_placeholders_for_the_figures_and_stray_braces(cli: Cli, g: list[object], tmp_path: Path) -> None:
    cli.ok(*g, "export", "kpi", "--month", "2026-11", "--out", tmp_path / "rettidighed {date}.xlsx")
    assert (tmp_path / "rettidighed 2026-11-30.xlsx").is_file()
    assert "krøllet parentes" in cli.fails(*g, "export", "worklist", "--out", tmp_path / "uge {week}}.xlsx")
