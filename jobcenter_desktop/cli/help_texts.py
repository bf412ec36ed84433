"""The command line as a newcomer reads it: every option's help with its format, and an example for every
command, kept in one table and put on the parser by :func:`document` (tests/unit/test_cli_help.py checks that
nothing is left without)."""

from __future__ import annotations

import argparse

DATE = "DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD"
REF = "sagsnummer, fx 2026-00012 (eller sagens id)"
MILESTONE_REF = "SAGSNR/milepæl, fx 2026-00012/kh_ydelse (milepælene står i 'rules')"

# By option string or positional name, wherever it appears.
COMMON = {
    "--json": "maskinlæsbart output (JSON) i stedet for tekst",
    "--on": f"dato, {DATE} (standard: i dag)",
    "--from": f"fra og med denne dato, {DATE}",
    "--to": f"til og med denne dato, {DATE}",
    "--caseworker": "sagsbehandlerens brugernavn, fx anna.k",
    "--team": "teamets navn, fx 'Team Vest'",
    "--case-team": "sagens team, fx 'Team Vest' (standard: sagsbehandlerens)",
    "--group": "målgruppens id, fx kontanthjaelp (se 'rules')",
    "--search": "navn, sagsnummer eller CPR (også en del af det)",
    "--reason": "begrundelse, som den skal stå i historikken",
    "--out": "filen der skrives",
    "ref": REF,
}
# By (command, option or positional name).
SPECIFIC = {
    ("calendar", "--year"): "året, fx 2026",
    ("due", "--milestone"): "milepælens id, fx kh_ydelse (se 'rules')",
    ("case add", "--group"): "målgruppens id, fx kontanthjaelp (se 'rules')",
    ("case add", "--name"): "borgerens eller virksomhedens navn",
    ("case add", "--caseworker"): "sagsbehandler (standard: dig selv, --as)",
    ("case add", "--notes"): "første bemærkning til sagen",
    ("case list", "--status"): "open = åbne (standard), closed = lukkede, all = alle",
    ("case pause", "--reason"): "hvorfor sagen sættes på pause, fx Sygdom",
    ("case trigger", "event"): f"HÆNDELSE=DATO, fx ansoegning_sps34=2026-11-23 (med klokkeslæt: {DATE} TT:MM)",
    ("case reassign", "--to"): "den nye sagsbehandlers brugernavn",
    ("case notes", "text"): "bemærkningen (sæt den i anførselstegn)",
    ("milestone done", "ref"): MILESTONE_REF,
    ("milestone undo", "ref"): MILESTONE_REF,
    ("milestone why", "ref"): MILESTONE_REF,
    ("milestone exempt", "ref"): MILESTONE_REF,
    ("milestone unexempt", "ref"): MILESTONE_REF,
    ("notice draft", "--expected"): f"hvornår en afgørelse kan forventes, {DATE}",
    ("notice sent", "--expected"): f"den dato borgeren er lovet en afgørelse, {DATE}",
    ("notice draft", "--out"): "brevet, FIL.docx (standard: 'Underretning SAGSNR milepæl.docx' i Dokumenter)",
    ("notice sent", "--on"): f"hvornår underretningen blev sendt, {DATE} (standard: i dag)",
    ("export worklist", "--week"): "ISO-uge ÅÅÅÅ-Wuu (fx 2026-W48), current (denne uge) eller next (næste uge)",
    ("export worklist", "--out"): ("FIL.xlsx; {week} bliver til ugen (fx 2026-W48) og {date} til dagens dato "
                                   "(standard: fx 'Frister uge 48 2026 - Team Vest.xlsx')"),
    ("catalogue add", "file"): "katalogfilen (TOML) i samme format som resources/rules/albertslund-2016.toml",
    ("catalogue remove", "id"): "katalogets id fra 'catalogue list'",
    ("recompute", "--apply"): "flyt fristerne (uden: vis kun hvad der ville flytte)",
    ("catalogue move", "--apply"): "flyt sagerne (uden: vis kun hvilke sager og frister der ville ændre sig)",
    ("closure add", "day"): f"lukkedagen, {DATE}",
    ("closure add", "reason"): "hvorfor der er lukket, fx 'Fredag efter Kristi himmelfart'",
    ("closure remove", "day"): f"lukkedagen, {DATE}",
    ("demo", "--cases"): "antal opdigtede sager (standard 300)",
    ("demo", "--seed"): "tal der giver de samme sager igen (standard 2026)",
    ("import cases", "file"): "Excel-filen (.xlsx) i skabelonens format",
    ("audit", "--case"): REF,
    ("server user add", "login"): "brugernavnet (PostgreSQL-login), fx anna.k",
    ("server user add", "--team"): "team brugeren hører til (kan gentages)",
    ("server user add", "--role"): "caseworker, teamlead eller admin",
    ("server user remove", "login"): "brugernavnet der ikke længere skal kunne logge ind",
    ("conflicts resolve", "id"): "konfliktens nummer fra 'conflicts list'",
    ("conflicts resolve", "--keep"): "server = teamdatabasens værdi, laptop = den bærbares",
}
EXAMPLES = {
    "rules": "jobcenter-desktop rules",
    "calendar": "jobcenter-desktop calendar --year 2026 --holidays-only",
    "due": "jobcenter-desktop due --milestone kh_ydelse --anchor 2026-11-23",
    "case add": ("jobcenter-desktop case add --group kontanthjaelp --name 'Fiktiv Person' --id 010190-1235 "
                 "--trigger foerste_fremmoede=2026-11-23"),
    "case list": "jobcenter-desktop case list --search Hansen",
    "case show": "jobcenter-desktop case show 2026-00012",
    "case close": "jobcenter-desktop case close 2026-00012 --on 2026-11-30",
    "case reopen": "jobcenter-desktop case reopen 2026-00012",
    "case pause": "jobcenter-desktop case pause 2026-00012 --reason Sygdom",
    "case resume": "jobcenter-desktop case resume 2026-00012 --on 2026-12-07",
    "case trigger": "jobcenter-desktop case trigger 2026-00012 ansoegning_sps34=2026-11-25",
    "case reassign": "jobcenter-desktop case reassign 2026-00012 --to bo.l",
    "case notes": "jobcenter-desktop case notes 2026-00012 'Borgeren ringede'",
    "milestone done": "jobcenter-desktop milestone done 2026-00012/kh_ydelse --on 2026-11-25",
    "milestone undo": "jobcenter-desktop milestone undo 2026-00012/kh_ydelse",
    "milestone why": "jobcenter-desktop milestone why 2026-00012/kh_ydelse",
    "milestone exempt": "jobcenter-desktop milestone exempt 2026-00012/dp_samtale --reason 'Selv i job om 14 dage'",
    "milestone unexempt": "jobcenter-desktop milestone unexempt 2026-00012/dp_samtale",
    "kpi": "jobcenter-desktop kpi --period 2026-Q3 --by caseworker --team 'Team Vest'",
    "export kpi": "jobcenter-desktop export kpi --month 2026-11 --team 'Team Vest' --out rettidighed.xlsx",
    "catalogue list": "jobcenter-desktop catalogue list",
    "catalogue add": "jobcenter-desktop catalogue add kommunens-katalog-2027.toml",
    "catalogue remove": "jobcenter-desktop catalogue remove kommune-2027",
    "catalogue move": "jobcenter-desktop catalogue move --to kommune-2027",
    "deadlines": "jobcenter-desktop deadlines --team 'Team Vest' --from 2026-11-23 --to 2026-11-27",
    "recompute": "jobcenter-desktop recompute --apply --reason 'Ny lukkedag'",
    "closure add": "jobcenter-desktop closure add 2026-05-15 'Fredag efter Kristi himmelfart'",
    "closure remove": "jobcenter-desktop closure remove 2026-05-15",
    "closure list": "jobcenter-desktop closure list",
    "demo": "jobcenter-desktop --db demo.sqlite3 demo --cases 400",
    "export worklist": ("jobcenter-desktop export worklist --week current --team 'Team Vest' --per-caseworker "
                        "--out 'Frister uge {week}.xlsx'"),
    "export template": "jobcenter-desktop export template --out skabelon.xlsx",
    "export ics": "jobcenter-desktop export ics --team 'Team Vest' --out frister.ics",
    "import cases": "jobcenter-desktop import cases sager.xlsx --dry-run",
    "backup list": "jobcenter-desktop backup list",
    "backup create": "jobcenter-desktop backup create",
    "backup restore": "jobcenter-desktop backup restore 1",
    "encrypt": "jobcenter-desktop --db frister.sqlite3 encrypt",
    "decrypt": "jobcenter-desktop --db frister.sqlite3 decrypt",
    "gui": "jobcenter-desktop --db demo.sqlite3 gui",
    "audit": "jobcenter-desktop audit --case 2026-00012",
    "server init": "jobcenter-desktop --server postgresql://ejer@server:5432/frister server init",
    "server user add": "jobcenter-desktop --server … server user add anna.k --team 'Team Vest'",
    "server user list": "jobcenter-desktop --server … server user list",
    "server user remove": "jobcenter-desktop --server … server user remove anna.k",
    "checkout": "jobcenter-desktop --server postgresql://anna.k@server/frister checkout --to baerbar.sqlite3 --mine",
    "checkin": "jobcenter-desktop --server postgresql://anna.k@server/frister --db baerbar.sqlite3 checkin",
    "conflicts list": "jobcenter-desktop --server … conflicts list",
    "conflicts resolve": "jobcenter-desktop --server … conflicts resolve 3 --keep laptop",
    "notice draft": ("jobcenter-desktop notice draft 2026-00042/fj_afgoerelse --expected 2027-01-15 "
                     "--reason 'Vi venter på en lægeerklæring.' --out underretning.docx"),
    "notice sent": "jobcenter-desktop notice sent 2026-00042/fj_afgoerelse --expected 2027-01-15",
    "citizen report": "jobcenter-desktop citizen report --id 010190-1235 --out indsigt.xlsx",
    "retention preview": "jobcenter-desktop retention preview --closed-before 2021-12-31",
    "retention apply": "jobcenter-desktop retention apply --closed-before 2021-12-31 --yes",
    "case correct": "jobcenter-desktop case correct 2026-00012 --name 'Fiktiv Jensen' --reason 'Stavefejl'",
}


def _name(action: argparse.Action) -> str:
    return action.option_strings[-1] if action.option_strings else action.dest


def commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """(path, parser) of every command that runs something (not the groups like 'case')."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if path and not subs:
        yield path, parser
    for a in subs:
        for name, child in a.choices.items():
            yield from commands(child, (*path, name))


def document(parser: argparse.ArgumentParser) -> None:
    for path, command in commands(parser):
        key = " ".join(path)
        for action in command._actions:
            if isinstance(action, argparse._HelpAction) or action.help:
                continue
            action.help = SPECIFIC.get((key, _name(action))) or COMMON.get(_name(action))
        if key in EXAMPLES and not command.epilog:
            command.epilog = f"Eksempel: {EXAMPLES[key]}"
