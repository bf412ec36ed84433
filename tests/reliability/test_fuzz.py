"""Fuzzing the three places where text from outside comes in: the command line, the rule catalogue and dates.

(a) Command lines built from the real parser's commands and options (read from ``build_parser()``, so new commands
    are fuzzed too), with values mixing real ones, edge cases (dates 9999-99-99 and 0001-01-01, huge numbers, RTL
    marks, emoji) and random text with control characters. Always exit 0 or 2, never a traceback; exit 2 never
    leaves a new case behind. Never the GUI (no command, ``gui``); ``demo`` only with a few cases.
(b) The rule catalogue: the default catalogue's TOML text mutated (characters, and values of amount/unit/after/...),
    its parsed data mutated structurally, and random documents. Always a Catalogue or a CatalogueError.
(c) ``parse_date``/``parse_anchor``: a date (or date-time) inside the calendar's years, or DateParseError.

Each test reports how many examples it ran in the reliability summary. ``JOBCENTER_FUZZ_EXAMPLES`` sets the number
of command lines (default 150).
"""

from __future__ import annotations

import argparse
import copy
import io
import os
import re
import sqlite3
import tomllib
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from support.cli import PREFIX

from jobcenter_desktop.cli import build_parser, main
from jobcenter_desktop.core.calendar import MAX_YEAR, MIN_YEAR
from jobcenter_desktop.core.dates import DateParseError, format_anchor, parse_anchor, parse_date
from jobcenter_desktop.core.rules import Catalogue, CatalogueError, load_catalogue, parse_catalogue
from jobcenter_desktop.services.app import Frister

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TOML = (REPO_ROOT / "resources" / "rules" / "albertslund-2016.toml").read_text("utf-8")
TODAY = "2026-11-23"
CLI_EXAMPLES = int(os.environ.get("JOBCENTER_FUZZ_EXAMPLES", "150"))  # command lines per run (a): ~0.1 s each

# Text as it can arrive in argv: any character but NUL (which no OS passes in an argument) and lone surrogates.
ARG_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
ANY_CHARS = st.characters(blacklist_categories=("Cs",))


# ---------------------------------------------------------------- (a) the command line
def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], int, tuple]]:
    """(command path, number of positionals, ((option, takes a value), ...)) for every runnable command."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return [leaf for name, sub in action.choices.items() for leaf in leaves(sub, (*path, name))]
    options = tuple((s, a.nargs != 0) for a in parser._actions for s in a.option_strings
                    if s != "--db")  # fmt: skip  (the database is always the test's own)
    positionals = sum(1 for a in parser._actions if not a.option_strings)
    return [(path, positionals, options)]


COMMANDS = [leaf for leaf in leaves(build_parser()) if leaf[0][0] != "gui"]
SPECIAL = [
    "2026-00001", "2026-00002", "2026-00099", "2026-00001/kh_visitation", "2026-00002/dp_telefon",
    "2026-00001/findes_ikke", "00000000-0000-0000-0000-000000000000", "kontanthjaelp", "dagpenge", "loentilskud",
    "kh_ydelse", "foerste_fremmoede=2026-11-16", "henvendelse=2026-11-16T10:00", "ledigmelding=9999-99-99",
    "ansoegning_sps34=0001-01-01", "foerste_fremmoede=", "=2026-11-16", "010190-1235", "0202851234", "311390-1235",
    "12345678", "9999-99-99", "0001-01-01", "1900-01-01", "2200-12-31", "2026-02-29", "2024-02-29", "31-12-2026",
    "2026-11-23T25:61", "2026-11-23T10:00", "2026-W48", "2026-W99", "0000-W00", "0", "-1", "1", "20", "260",
    "1000000", "1000001", str(10**30), "-" + str(10**30), "1e308", "NaN", "inf", "", " ", "\t", "\n",
    "\u202e", "\u202eevil.xlsx", "\u200b", "😀", "👩‍👩‍👧", "Søren Østergaard", "Åse", "all", "open", "closed",
    "anna.k", "bo.l", "Team Vest", "--", "-", "=", "-h", "x.xlsx", "out.xlsx", "liste.csv", "import.xlsx",
    "good.xlsx", "batch.csv", "bad.csv", "broken.toml", "missing.xlsx", "../up.xlsx", ".", "..",
]  # fmt: skip
VALUES = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(ARG_CHARS, max_size=40),
    st.integers(-(10**30), 10**30).map(str),
    st.dates(date(1, 1, 1), date(9999, 12, 31)).map(lambda d: d.strftime(st_date_format(d))),
)


def st_date_format(d: date) -> str:
    return ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%dT%H:%M")[d.toordinal() % 4]


def safe(token: str) -> str:
    """Random text must not turn into an absolute path outside the test's folders (the tests may run as root)."""
    return token.lstrip("/\\~") if token.startswith(("/", "\\", "~")) else token


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    path, positionals, options = draw(st.sampled_from(COMMANDS))
    tail: list[str] = [draw(VALUES) for _ in range(draw(st.integers(0, positionals + 1)))]
    for opt, takes_value in draw(st.lists(st.sampled_from(options), max_size=4)) if options else []:
        tail.append(opt)
        if takes_value and draw(st.integers(0, 9)):  # now and then the value is missing
            tail.append(draw(VALUES))
    tail += draw(st.lists(VALUES, max_size=2))
    if draw(st.booleans()):
        tail = list(draw(st.permutations(tail)))
    return [*path, *(safe(t) for t in tail)]


def runnable(argv: list[str]) -> bool:
    """Not the GUI, and demo only with a few cases (the parse itself has no side effects)."""
    try:
        ns = build_parser().parse_args(argv)
    except BaseException:  # a usage error (exit 2) or --help: main runs it as it is
        return True
    return ns.command not in (None, "gui") and not (ns.command == "demo" and ns.cases > 25)


def cases_in(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        con.close()


def write_sheet(app: Frister, path: Path, rows: list[list[object]]) -> None:
    app.importer.write_template(path)
    wb = load_workbook(path)
    ws = wb["Sager"]
    ws.delete_rows(2)
    for row in rows:
        ws.append(row)
    wb.save(path)


@pytest.fixture
def fuzz_home(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:  # type: ignore[no-untyped-def]
    """A seeded database, and a working folder with files the commands can be pointed at."""
    db = tmp_path / "frister.sqlite3"
    g = ["--db", str(db), "--as", "anna.k", "--my-team", "Team Vest", "--today", TODAY]
    cli.ok(*g, "case", "add", "--group", "kontanthjaelp", "--name", "Søren Østergaard", "--id", "010190-1235",
           "--trigger", "foerste_fremmoede=2026-11-16")  # fmt: skip
    cli.ok(*g, "case", "add", "--group", "dagpenge", "--name", "Åse Lund", "--id", "0202851234",
           "--trigger", "ledigmelding=2026-11-16")  # fmt: skip
    work = tmp_path / "cwd"
    work.mkdir()
    app = Frister.open(db, actor="anna.k")
    try:
        good = ["Kontanthjælp (over 30 år)", "Fiktiv Import", "030390-1235", date(2026, 11, 16)]
        write_sheet(app, work / "good.xlsx", [good])
        write_sheet(app, work / "import.xlsx", [good, ["Ukendt", "Fiktiv Fejl", "999999-9999", "9999-99-99"]])
    finally:
        app.close()
    (work / "batch.csv").write_text("milestone,anchor\nkh_ydelse,2026-11-16\ndp_telefon,18-11-2026\n", "utf-8")
    (work / "bad.csv").write_text("milestone,anchor\nkh_ydelse,9999-99-99\n", "utf-8")
    (work / "broken.toml").write_text(DEFAULT_TOML.replace('unit = "working_days"', 'unit = "fortnights"', 1))
    monkeypatch.chdir(work)
    monkeypatch.delenv("JOBCENTER_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # never a terminal: a passphrase prompt is a usage error
    return db, g


@settings(max_examples=CLI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.filter_too_much])  # fmt: skip
@given(tail=command_lines())
@example(tail=["case", "add", "--group", "kontanthjaelp", "--name", "\u202eevil", "--id", "010190-1235",
               "--trigger", "foerste_fremmoede=9999-99-99"])  # fmt: skip
@example(tail=["import", "cases", "import.xlsx"])  # one bad row: exit 2, nothing imported
@example(tail=["export", "worklist", "--next-days", "1000000", "--out", "x.xlsx"])
@example(tail=["calendar", "--year", "0001"])
@example(tail=["due", "--milestone", "kh_ydelse", "--anchor", "0001-01-01"])
@example(tail=["due", "--batch", "bad.csv"])
@example(tail=["rules", "--catalogue", "broken.toml"])
@example(tail=["case", "show", "2026-00001", "--today", "9999-12-31"])
@example(tail=["encrypt"])
@example(tail=["case", "list", "a\nb"])  # argparse echoes the argument as it is: a two-line message (counted)
def test_cli_fuzz_exits_0_or_2_and_exit_2_writes_no_case(tail: list[str], fuzz_home, capsys) -> None:  # type: ignore[no-untyped-def]
    db, g = fuzz_home
    assume(runnable([*g, *tail]))
    before = cases_in(db)
    capsys.readouterr()
    try:
        rc = main([*g, *tail])
    except SystemExit as e:  # --help / -h: argparse prints the help and exits 0
        rc = e.code
    out, err = capsys.readouterr()
    STATS["examples"] += 1
    STATS[f"rc {rc}"] += 1
    assert rc in (0, 2), (tail, rc, out[-500:], err[-2000:])
    assert "Traceback" not in out and "Traceback" not in err, (tail, err[-2000:])
    if rc == 2:
        assert cases_in(db) == before, (tail, err)
        if err:
            assert err.startswith(PREFIX), (tail, err)
            if err.count("\n") > 1:  # the contract says one line; a newline inside an echoed argument breaks it
                STATS["exit 2 with a multi-line message"] += 1
                MULTILINE.append((tail, err))


STATS: Counter[str] = Counter()
MULTILINE: list[tuple[list[str], str]] = []


def test_cli_fuzz_report(summary) -> None:  # type: ignore[no-untyped-def]
    """Runs after the fuzz test (file order) and puts its counts in the summary."""
    if not STATS:
        pytest.skip("the CLI fuzz test did not run")
    summary(f"test_fuzz (a) CLI: {STATS['examples']} command lines run ({dict(sorted(STATS.items()))})")
    for tail, err in MULTILINE[:3]:
        summary(f"    multi-line exit-2 message, e.g. {tail!r}: {err!r}"[:300])


# ---------------------------------------------------------------- (b) the rule catalogue
KEY_VALUE = re.compile(r"^(\s*)(amount|unit|after|trigger|roll|soft|party|initial_trigger|group|id|valid_from|"
                       r"version|name|warn|conditions|source|title)(\s*=\s*)(.*)$", re.MULTILINE)  # fmt: skip
TOML_VALUES = st.one_of(
    st.sampled_from(['"hours"', '"working_days"', '"weeks"', '"months"', '"calendar_days"', '"fortnights"', '""',
                     "-1", "0", "1", "2001", "3661", "99999999999999999999", "-9223372036854775808", "1.5", "nan",
                     "inf", "true", "false", "1979-05-27", "1979-05-27T07:32:00Z", "07:32:00", "[]", "[1, 2]",
                     '["a", 1]', "{}", "{ amount = 1 }", '{ amount = 2, unit = "weeks" }', '"kh_visitation"',
                     '"kh_ydelse"', '"findes_ikke"', '"ledigmelding"', '"backward"', '"none"', '"citizen"',
                     '"company"', '"Æ Ø Å"', '"\\u202e"', "'''lang\ntekst'''", '"KH_Visitation"', '"9abc"']),
    st.integers().map(str),
    st.text(ANY_CHARS, max_size=12).map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'),
)


SNIPPETS = st.sampled_from(["\n[[milestones]]\n", "\n[groups.x]\n", "=", "[", "]", "{", "\n", '"', "'''", "#", "\\"])


@st.composite
def mutated_toml(draw: st.DrawFn) -> str:
    text = DEFAULT_TOML
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["value", "value", "delete", "insert", "replace", "duplicate"]))
        if kind == "value":
            matches = list(KEY_VALUE.finditer(text))
            if not matches:
                continue
            m = draw(st.sampled_from(matches))
            text = text[: m.start(4)] + draw(TOML_VALUES) + text[m.end(4) :]
            continue
        i = draw(st.integers(0, len(text)))
        if kind == "delete":
            text = text[:i] + text[i + draw(st.integers(1, 80)) :]
        elif kind == "insert":
            text = text[:i] + draw(st.text(ANY_CHARS, max_size=20) | SNIPPETS) + text[i:]
        elif kind == "replace" and i < len(text):
            text = text[:i] + draw(ANY_CHARS) + text[i + 1 :]
        elif kind == "duplicate":
            j = draw(st.integers(i, min(len(text), i + 400)))
            text = text[:j] + text[i:j] + text[j:]
    return text


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10)
    | st.dates() | st.datetimes() | st.sampled_from(["hours", "weeks", "kh_visitation", "ledigmelding", "citizen"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)  # TOML's value types (None included: parse_catalogue is also called with data that did not come from TOML)
DEFAULT_DATA = tomllib.loads(DEFAULT_TOML)


@st.composite
def mutated_data(draw: st.DrawFn) -> dict[str, Any]:
    """The default catalogue's parsed data with a few nodes replaced, deleted or added."""
    data = copy.deepcopy(DEFAULT_DATA)
    for _ in range(draw(st.integers(1, 4))):
        node: Any = data
        while True:  # walk down to a random container
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            child = node[key]
            if isinstance(child, dict | list) and draw(st.integers(0, 2)):
                node = child
                continue
            action = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
            if action == "replace":
                node[key] = draw(JSONISH)
            elif action == "delete":
                del node[key]
            elif isinstance(node, dict):
                node[draw(st.sampled_from(["amount", "unit", "after", "trigger", "warn", "x"]))] = draw(JSONISH)
            else:
                node.append(draw(JSONISH))
            break
    return data


CAT_STATS: Counter[str] = Counter()


def load_text(tmp_path: Path, text: str | bytes) -> Catalogue | CatalogueError:
    path = tmp_path / "katalog.toml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    try:
        return load_catalogue(path)
    except CatalogueError as e:
        assert e.problems and all(str(p) for p in e.problems)  # every problem can be shown
        return e


def record(kind: str, result: Catalogue | CatalogueError) -> None:
    CAT_STATS[kind] += 1
    CAT_STATS[f"{kind}: {'catalogue' if isinstance(result, Catalogue) else 'CatalogueError'}"] += 1


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=mutated_toml())
@example(text=DEFAULT_TOML.replace('trigger = "ledigmelding"', "trigger = [1, 2]", 1))
@example(text=DEFAULT_TOML.replace('trigger = "ledigmelding"', "trigger = { a = 1 }", 1))
@example(text="a = " + "[" * 3000 + "]" * 3000)
def test_catalogue_text_fuzz(text: str, tmp_path: Path) -> None:
    record("mutated TOML text", load_text(tmp_path, text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=st.one_of(st.text(ANY_CHARS, max_size=200), st.binary(max_size=200)))
@example(doc=b"\xff\xfe[catalogue]")
@example(doc="[catalogue]\nid = 'x'\n[[milestones]]\n[[milestones]]\n")
def test_catalogue_random_document_fuzz(doc: str | bytes, tmp_path: Path) -> None:
    record("random document", load_text(tmp_path, doc))


@settings(max_examples=400, deadline=None)
@given(data=mutated_data())
def test_catalogue_data_fuzz(data: dict[str, Any]) -> None:
    try:
        result: Catalogue | CatalogueError = parse_catalogue(data, "fuzz.toml")
    except CatalogueError as e:
        result = e
    record("mutated parsed data", result)


def test_catalogue_fuzz_report(summary) -> None:  # type: ignore[no-untyped-def]
    if not CAT_STATS:
        pytest.skip("the catalogue fuzz tests did not run")
    summary(f"test_fuzz (b) catalogue: {dict(sorted(CAT_STATS.items()))}")


# ---------------------------------------------------------------- (c) dates
def date_like() -> st.SearchStrategy[str]:
    """Mostly near-valid: plausible and out-of-range numbers in both orders, odd separators and digits."""
    odd = st.sampled_from(["00", "０１", "١٢", "𝟏", "9" * 30, "-1", "+1", " 1", "1_0", "", "x"])
    year = st.one_of(st.integers(0, 10_000).map(lambda n: f"{n:04d}"), st.integers(MIN_YEAR - 2, MAX_YEAR + 2).map(str),
                     st.integers(MIN_YEAR, MAX_YEAR).map(str), odd)  # fmt: skip
    month = st.one_of(st.integers(0, 13).map(str), st.integers(1, 12).map(lambda n: f"{n:02d}"), odd)
    day = st.one_of(st.integers(0, 32).map(str), st.integers(1, 31).map(lambda n: f"{n:02d}"), odd)
    sep = st.sampled_from(["-", "-", ".", "/", " ", "", "--", "–"])
    iso = st.tuples(year, sep, month, sep, day).map("".join)
    dmy = st.tuples(day, sep, month, sep, year).map("".join)
    hour = st.one_of(st.integers(0, 25).map(str), st.integers(0, 23).map(lambda n: f"{n:02d}"), odd)
    minute = st.one_of(st.integers(0, 61).map(lambda n: f"{n:02d}"), odd)
    time = st.tuples(st.sampled_from(["T", "T", " ", "t", "  "]), hour, st.sampled_from([":", ":", "."]), minute)
    return st.one_of(iso, dmy, st.tuples(iso | dmy, time).map(lambda t: t[0] + "".join(t[1])))


DATE_TEXT = st.one_of(
    st.text(ANY_CHARS, max_size=30),
    date_like(),
    date_like(),
    st.dates().map(date.isoformat),
    st.dates(date(MIN_YEAR - 1, 1, 1), date(MAX_YEAR + 1, 12, 31)).map(lambda d: d.strftime("%d-%m-%Y")),
    st.datetimes(datetime(MIN_YEAR - 1, 1, 1), datetime(MAX_YEAR + 1, 12, 31)).map(lambda d: f"{d:%Y-%m-%d %H:%M}"),
    st.sampled_from(["9999-99-99", "0001-01-01", "2026-02-29", "2024-02-29", "29.02.2100", "31-04-2026",
                     "2026-11-23T24:00", "2026-11-23T23:59", "2026-11-23 7:05", " 2026-11-23 ", "2026-11-23\n",
                     "2026-11-23T", "T10:00", "\u202e2026-11-23", "2026-1-1", "1-1-2026", "01.01.2026 10:00"]),
)
DATE_STATS: Counter[str] = Counter()


@settings(max_examples=1000, deadline=None)
@given(text=DATE_TEXT)
def test_date_parsing_fuzz(text: str) -> None:
    for name, parse in (("parse_date", parse_date), ("parse_anchor", parse_anchor)):
        try:
            value = parse(text)
        except DateParseError as e:
            assert str(e)
            DATE_STATS[f"{name}: DateParseError"] += 1
            continue
        DATE_STATS[f"{name}: {type(value).__name__}"] += 1
        assert isinstance(value, date)
        assert MIN_YEAR <= value.year <= MAX_YEAR
        if name == "parse_date":
            assert not isinstance(value, datetime)
            assert parse_date(value.isoformat()) == value
        else:
            assert parse_anchor(format_anchor(value)) == value
    DATE_STATS["examples"] += 1


def test_date_fuzz_report(summary) -> None:  # type: ignore[no-untyped-def]
    if not DATE_STATS:
        pytest.skip("the date fuzz test did not run")
    summary(f"test_fuzz (c) dates: {dict(sorted(DATE_STATS.items()))}")
