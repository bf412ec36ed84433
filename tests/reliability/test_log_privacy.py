"""No CPR number ever reaches a log file, even at DEBUG level (where SQLAlchemy logs every statement with its
parameters and every row it reads) and even in the traceback of an unexpected error.

A realistic session runs through the command line (in-process) and the services with the app's own log set-up
pointed at a temporary folder: cases added with CPR numbers, a case shown with --reveal-cpr, an import preview of a
spreadsheet full of CPR numbers (one typed into the name column), a worklist export with --include-cpr, a command
refused for a bad CPR, and two unexpected errors whose messages and tracebacks carry a CPR number. Then every file in
the log folder is read and searched for each CPR, with and without the dash. Fake people only.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterator
from datetime import date
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from openpyxl import load_workbook
from support.cli import Cli

from jobcenter_desktop import logsetup
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.cases import CaseService
from jobcenter_desktop.storage import case_store
from jobcenter_desktop.storage.orm import PartyRow

TODAY = "2026-11-23"
CLI_CPRS = ["010190-1235", "0202851234", "150670-1234"]  # added through the CLI (one typed without the dash)
XLSX_CPRS = ["030390-1235", "040490-1235", "0505901235"]  # only in the import spreadsheet
NAME_COLUMN_CPR = "060690-1235"  # typed into the name column by mistake
BAD_CPR = "311390-1235"  # a refused CPR (no 13th month): still ten digits of someone
BOOM_CPR = "070790-1235"  # in the message of an unexpected error
INTEGRITY_CPR = "080890-1235"  # in the SQL parameters of a failed INSERT
ALL_CPRS = [*CLI_CPRS, *XLSX_CPRS, NAME_COLUMN_CPR, BAD_CPR, BOOM_CPR, INTEGRITY_CPR]


def forms(cpr: str) -> tuple[str, str]:
    digits = cpr.replace("-", "")
    return f"{digits[:6]}-{digits[6:]}", digits


@pytest.fixture
def debug_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli_isolated: None) -> Iterator[Path]:
    """The app's log set-up at DEBUG in its own folder; the CLI's own call finds the handler already attached.
    SQLAlchemy keeps its loggers at WARNING unless told otherwise: its statement and row logging is switched on
    too (as someone debugging would), so every INSERT's parameters and every row read go through the filter."""
    folder = tmp_path / "logs"
    root, sql = logging.getLogger(), logging.getLogger("sqlalchemy.engine")
    levels = root.level, sql.level
    logsetup.setup_logging(directory=folder, level=logging.DEBUG)
    sql.setLevel(logging.DEBUG)
    monkeypatch.setattr(logsetup, "log_dir", lambda: folder)
    yield folder
    for h in list(root.handlers):
        if isinstance(h, RotatingFileHandler) and Path(h.baseFilename).parent == folder:
            root.removeHandler(h)
            h.close()
    root.setLevel(levels[0])
    sql.setLevel(levels[1])


def fill_import_sheet(app: Frister, path: Path) -> Path:
    app.importer.write_template(path)
    wb = load_workbook(path)
    ws = wb["Sager"]
    ws.delete_rows(2)
    ws.append(["Kontanthjælp (over 30 år)", "Fiktiv Import En", XLSX_CPRS[0], date(2026, 11, 16)])
    ws.append(["dagpenge", "Fiktiv Import To", XLSX_CPRS[1], "16-11-2026"])
    ws.append(["dagpenge", NAME_COLUMN_CPR, XLSX_CPRS[2], "2026-11-16"])
    ws.append(["Ukendt gruppe", "Fiktiv Import Fire", "0909901235x", "2026-11-16"])  # refused row, odd id
    wb.save(path)
    return path


def test_no_cpr_reaches_the_log_at_debug_level(cli: Cli, debug_log: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch, summary) -> None:  # fmt: skip
    db = tmp_path / "frister.sqlite3"
    g: list[object] = ["--db", db, "--as", "anna.k", "--my-team", "Team Vest", "--today", TODAY]
    # Cases with CPR numbers, shown masked and (audited) in full.
    for i, cpr in enumerate(CLI_CPRS):
        cli.ok(*g, "case", "add", "--group", "kontanthjaelp", "--name", f"Fiktiv Person {i}", "--id", cpr,
               "--trigger", "foerste_fremmoede=2026-11-16", "--notes", "Ringet op.")  # fmt: skip
    cli.ok(*g, "case", "add", "--group", "loentilskud", "--name", "Fiktiv Bageri ApS", "--id", "12345678",
           "--trigger", "henvendelse=2026-11-16T10:00")  # fmt: skip
    shown = cli.ok(*g, "case", "show", "2026-00001", "--reveal-cpr")
    assert CLI_CPRS[0] in shown  # on screen, on purpose: the reveal is audited
    assert cli.json(*g, "case", "show", "2026-00002")["party"]["id"] == "020285-XXXX"
    cli.ok(*g, "case", "list", "--search", "0202851234")
    cli.ok(*g, "deadlines", "--all", "--search", "150670")
    # An import preview of a spreadsheet with CPR numbers, through the services and through the CLI.
    sheet = tmp_path / "import.xlsx"
    app = Frister.open(db, actor="anna.k")
    try:
        preview = app.importer.preview(fill_import_sheet(app, sheet), date(2026, 11, 23))
        # Row 3 has a CPR number typed into the name column: refused (a name must not hold one), not echoed.
        assert [r.ok for r in preview.rows] == [True, True, False, False]
        assert not any(c in r.summary for r in preview.rows for cpr in ALL_CPRS for c in forms(cpr))
    finally:
        app.close()
    out = cli.ok(*g, "import", "cases", sheet, "--dry-run")
    assert "Prøvekørsel" in out
    # A worklist export with full CPR numbers (audited), to a folder outside the log folder.
    export = tmp_path / "ud" / "frister.xlsx"
    export.parent.mkdir()
    cli.ok(*g, "export", "worklist", "--all", "--week", "2026-W48", "--include-cpr", "--out", export)
    # A command refused for a bad CPR: exit 2, one Danish line that does not repeat the number.
    message = cli.fails(*g, "case", "add", "--group", "dagpenge", "--name", "Fiktiv Fejl", "--id", BAD_CPR,
                        "--trigger", "ledigmelding=2026-11-16")  # fmt: skip
    assert not any(c in message for c in forms(BAD_CPR))

    # Unexpected errors: the log gets the traceback (exit 1, stderr points to the log).
    def boom(self: CaseService, *a: object, **kw: object) -> object:
        try:
            raise ValueError(f"party {forms(BOOM_CPR)[1]} not found")
        except ValueError as e:
            raise RuntimeError(f"opslag fejlede for CPR {BOOM_CPR}") from e

    with monkeypatch.context() as m:
        m.setattr(CaseService, "search", boom)
        rc, out, err = cli(*g, "case", "list")
    assert (rc, out) == (1, "") and "uventet fejl" in err and BOOM_CPR not in err

    def broken_party_row(party: object) -> PartyRow:  # a NOT NULL violation: SQL params in the error
        return PartyRow(kind=None, name=party.name, identifier=party.identifier,  # type: ignore[attr-defined]
                        search_key=f"x {party.identifier.replace('-', '')}")  # type: ignore[attr-defined]  # fmt: skip

    with monkeypatch.context() as m:
        m.setattr(case_store, "party_row", broken_party_row)
        rc, out, err = cli(*g, "case", "add", "--group", "dagpenge", "--name", "Fiktiv Integritet", "--id",
                           INTEGRITY_CPR, "--trigger", "ledigmelding=2026-11-16")  # fmt: skip
    assert rc == 1 and "uventet fejl" in err and INTEGRITY_CPR not in err

    for h in logging.getLogger().handlers:
        h.flush()
    files = sorted(p for p in debug_log.iterdir() if p.is_file())
    text = "\n".join(p.read_text("utf-8", "replace") for p in files)
    # The log is not empty: the SQL with its parameters, both tracebacks and the masked numbers are there.
    assert "Uventet fejl i kommandolinjen" in text and "RuntimeError: opslag fejlede" in text
    assert "IntegrityError" in text and "INSERT INTO party" in text and "[generated in" in text
    assert "010190-XXXX" in text and "070790-XXXX" in text and "080890-XXXX" in text
    leaks = sorted({(cpr, c, p.name) for p in files for cpr in ALL_CPRS for c in forms(cpr)
                    if c in p.read_text("utf-8", "replace")})  # fmt: skip
    assert not leaks, f"CPR numbers in the log: {leaks}"
    size = sum(p.stat().st_size for p in files)
    summary(f"test_log_privacy: {len(files)} log file(s), {size // 1024} KiB at DEBUG searched for {len(ALL_CPRS)} "
            f"CPR numbers (with and without dash): none found")  # fmt: skip


# ---------------------------------------------------------------- the filter itself
def filtered(msg: str, *args: object, exc: bool = False, stack: bool = False) -> str:
    """The line the app's log handler writes for this record."""
    exc_info = None
    if exc:
        try:
            raise RuntimeError(f"fejl for {forms('010190-1235')[1]}")
        except RuntimeError:
            exc_info = sys.exc_info()
    stack_info = "Stack (most recent call last):\n  cpr 020285-1234" if stack else None
    record = logging.LogRecord("t", logging.ERROR, __file__, 1, msg, args or None, exc_info, sinfo=stack_info)
    assert logsetup.MaskCprFilter().filter(record)
    return logging.Formatter("%(levelname)s %(message)s").format(record)


@pytest.mark.parametrize(("msg", "args"), [
    ("borger 010190-1235 oprettet", ()),
    ("borger %s oprettet", ("010190-1235",)),
    ("søgning: %r", ("0101901235",)),
    ("params: %s", (("Søren", "010190-1235", "søren 0101901235"),)),
    ("cpr=0101901235;", ()),
    ("id_0101901235 og x0101901235y", ()),
])  # fmt: skip
def test_mask_cpr_filter_masks_cpr_numbers(msg: str, args: tuple[object, ...]) -> None:
    line = filtered(msg, *args)
    assert "1235" not in line and "010190-XXXX" in line


def test_mask_cpr_filter_masks_tracebacks_and_stacks() -> None:
    line = filtered("Uventet fejl", exc=True, stack=True)
    assert "RuntimeError: fejl for" in line and "Stack (most recent call last)" in line
    assert not re.search(r"\d{10}|\d{6}-\d{4}", line.replace("-XXXX", "")), line


def test_mask_cpr_filter_leaves_other_numbers() -> None:
    assert filtered("sag 2026-00042, CVR 12345678, kl. 10:00") == "ERROR sag 2026-00042, CVR 12345678, kl. 10:00"
    assert filtered("id %s", "12345678901") == "ERROR id 12345678901"  # 11 digits: not a CPR number
