"""Bringing existing case lists in from spreadsheets, and the template that shows the expected columns.

Reading is tolerant of real spreadsheets: headers in any column order and case (with common aliases), dates as
Excel dates or as dd-mm-yyyy / dd.mm.yyyy / ISO text, CPR with or without a dash, blank rows, trailing spaces.
This module only reads cells into plain values; validation against the catalogue and the database happens in
the services layer.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from jobcenter_desktop.core.dates import DateParseError, parse_date
from jobcenter_desktop.core.rules import Catalogue
from jobcenter_desktop.export.xlsx_common import save_atomically

MAX_ROWS = 10_000  # a bigger case list is better split; it also bounds memory on a laptop
MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_TEXT = 2_000  # longer cell text is almost certainly a pasting accident
# What a hostile or broken workbook can make us do is bounded by what is read, not by what it claims: the
# unpacked size of each part (a zip can pack gigabytes of XML into kilobytes), the rows scanned (empty ones
# included: a sheet can say it has a million), and the columns looked at per row.
MAX_PART_BYTES = 64 * 1024 * 1024  # one sheet's XML; 10,000 real rows take a few MB
MAX_SHARED_STRINGS_BYTES = 16 * 1024 * 1024  # read into memory whole by openpyxl
MAX_UNPACKED_BYTES = 160 * 1024 * 1024
MAX_OTHER_PART_BYTES = 4 * 1024 * 1024  # styles, themes, the workbook part
MAX_CELLS = 400_000  # 10,000 cases × 40 columns
MAX_PARTS = 2_000
MAX_SCANNED_ROWS = 50_000
MAX_COLUMNS = 100

# Canonical column -> Danish header in the template, and the spellings we accept when reading.
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "group": ("Målgruppe", ("målgruppe", "maalgruppe", "malgruppe", "gruppe", "ydelse", "group")),
    "name": ("Navn", ("navn", "name", "borger", "virksomhed", "part", "partnavn")),
    "party_id": ("CPR/CVR", ("cpr/cvr", "cprcvr", "cpr", "cvr", "cprnr", "cvrnr", "cprnummer", "cvrnummer", "id")),
    "start": ("Startdato", ("startdato", "dato", "hændelsesdato", "haendelsesdato", "start", "henvendelsesdato")),
    "time": ("Klokkeslæt", ("klokkeslæt", "klokkeslaet", "kl", "tid", "tidspunkt")),
    "caseworker": ("Sagsbehandler", ("sagsbehandler", "caseworker", "initialer", "medarbejder")),
    "team": ("Team", ("team", "afdeling")),
    "notes": ("Bemærkning", ("bemærkning", "bemaerkning", "bemærkninger", "note", "noter", "notat")),
}
REQUIRED = ("group", "name", "party_id", "start")
DAMAGED = "Filen kan ikke læses som Excel-projektmappe (.xlsx); den kan være beskadiget."


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is Danish and says what to do."""


@dataclass
class RawCaseRow:
    line: int  # the spreadsheet row number, as the user sees it
    group: str = ""
    name: str = ""
    party_id: str = ""
    start: date | datetime | None = None
    caseworker: str = ""
    team: str = ""
    notes: str = ""
    extra_triggers: dict[str, date | datetime] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


class SheetCases(list[RawCaseRow]):
    """The rows read, and the header texts of columns that are not used (shown to the user: a misspelt
    "Sagsbehandlerr" must not be ignored in silence)."""

    ignored: tuple[str, ...] = ()


def _norm(header: object) -> str:
    text = unicodedata.normalize("NFC", str(header or "")).strip().casefold()
    return re.sub(r"[\s._\-:]+", "", text)


EXAMPLE_NAME = "Fiktiv Person (slet denne række)"  # the template's example row: never imported


def write_template(path: Path, catalogue: Catalogue, rows: Sequence[tuple[RawCaseRow, str]] | None = None) -> None:
    """An .xlsx with the expected columns, a drop-down list for the group and one example row - or, given
    ``rows``, those rows to fix (each with its problems in a last column) instead of the example."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sager"
    headers = [COLUMNS[k][0] for k in COLUMNS] + (["Fejl (slet kolonnen eller lad den stå)"] if rows else [])
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    if rows is None:
        example_group = next(iter(catalogue.groups.values()))
        ws.append([example_group.name, EXAMPLE_NAME, "010190-1235", date(2026, 1, 5), None, "", "", "Eksempel"])
    for raw, problems in rows or ():
        start = raw.start.date() if isinstance(raw.start, datetime) else raw.start
        clock = f"{raw.start:%H:%M}" if isinstance(raw.start, datetime) else None
        ws.append([raw.group, raw.name, raw.party_id, start, clock, raw.caseworker, raw.team, raw.notes, problems])
    for row in range(2, ws.max_row + 1):
        ws[f"D{row}"].number_format = "DD-MM-YYYY"
    for col, width in zip("ABCDEFGHI", (32, 32, 14, 12, 11, 15, 12, 40, 60), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    lists = wb.create_sheet("Målgrupper")
    lists.append(["Målgruppe", "Part", "Startdato er", "Klokkeslæt"])
    for cell in lists[1]:
        cell.font = Font(bold=True)
    for g in catalogue.groups.values():
        trig = catalogue.triggers[g.initial_trigger]
        lists.append([g.name, "CPR" if g.party.value == "citizen" else "CVR", trig.name,
                      "påkrævet" if catalogue.trigger_needs_time(trig.id) else ""])  # fmt: skip
    for col, width in zip("ABCD", (34, 8, 40, 12), strict=True):
        lists.column_dimensions[col].width = width
    n = len(catalogue.groups)
    dv = DataValidation(type="list", formula1=f"'Målgrupper'!$A$2:$A${n + 1}", allow_blank=False,
                        showErrorMessage=True, errorTitle="Ukendt målgruppe",
                        error="Vælg en målgruppe fra listen.")  # fmt: skip
    ws.add_data_validation(dv)
    dv.add("A2:A5000")
    help_ws = wb.create_sheet("Vejledning")
    for line in (
        "Én sag pr. række. Overskrifterne må stå i vilkårlig rækkefølge.",
        "Startdato er datoen for målgruppens første hændelse (se arket Målgrupper), fx ledigmelding.",
        "Datoer som Excel-dato eller som DD-MM-ÅÅÅÅ, DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD.",
        "Klokkeslæt (TT:MM) kræves kun for jobåbninger og løntilskud (fristen regnes i timer).",
        "CPR med eller uden bindestreg. Tomme rækker springes over.",
        "Ekstra hændelser kan stå i egne kolonner med hændelsens navn som overskrift.",
    ):
        help_ws.append([line])
    help_ws.column_dimensions["A"].width = 100
    save_atomically(wb, path)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _date_value(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(_text(value))


def _time_value(value: object) -> time | None:
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})", _text(value))
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise DateParseError(f"{_text(value)[:20]!r} er ikke et klokkeslæt (TT:MM).")
    return time(int(m[1]), int(m[2]))


def _check_file(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise ImportFileError(f"Filen findes ikke: {path}") from None
    except OSError as e:
        raise ImportFileError(f"Filen kan ikke læses: {path} ({e.strerror}).") from e
    if size == 0:
        raise ImportFileError("Filen er tom.")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(f"Filen er for stor ({size // (1024 * 1024)} MB). Del den op i mindre filer.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError("Filen er beskyttet med adgangskode eller gemt i det gamle .xls-format. "
                              "Gem den som almindelig Excel-projektmappe (.xlsx) uden adgangskode.")  # fmt: skip
    if not head.startswith(b"PK"):
        raise ImportFileError("Filen er ikke en Excel-fil (.xlsx). Gem den som Excel-projektmappe og prøv igen.")
    _check_parts(path)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def _check_parts(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than we are willing to read, from the zip's directory alone
    (Python's zipfile never unpacks more than a member's declared size, so the declared sizes bound the work)."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise ImportFileError(DAMAGED) from e
    if len(infos) > MAX_PARTS:
        raise ImportFileError(f"Filen har {len(infos)} dele; en case-liste har højst {MAX_PARTS}. Filen er ikke "
                              "læst. Gem arket i en ny projektmappe og prøv igen.")  # fmt: skip
    for info in infos:
        name = info.filename.lower()
        if name.endswith("sharedstrings.xml"):
            limit = MAX_SHARED_STRINGS_BYTES
        elif name.startswith("xl/worksheets/"):
            limit = MAX_PART_BYTES
        else:  # styles, themes, the workbook itself: small in any real case list
            limit = MAX_OTHER_PART_BYTES
        if info.file_size > limit:
            advice = "Del listen op i mindre filer." if limit == MAX_PART_BYTES else \
                "Kopiér sagerne over i skabelonen (uden formatering) og prøv igen."  # fmt: skip
            raise ImportFileError(f"Filen er for stor udpakket: delen {info.filename[:60]} fylder {_mb(info.file_size)}"
                                  f" (højst {_mb(limit)}). Filen er ikke læst. {advice}")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise ImportFileError(f"Filen er for stor udpakket ({_mb(total)}, højst {_mb(MAX_UNPACKED_BYTES)}). Filen er "
                              "ikke læst. Del listen op i mindre filer.")  # fmt: skip
    _count_cells(path, [i for i in infos if i.filename.lower().startswith("xl/worksheets/")])


def _count_cells(path: Path, sheets: list[zipfile.ZipInfo]) -> None:
    """Rows and cells of the sheets, counted in the raw XML before any parsing (a fast byte scan): parsing is
    what costs, so a sheet with millions of (empty) cells is refused before openpyxl sees it."""
    cells = rows = 0
    formulas: list[zipfile.ZipInfo] = []
    try:
        with zipfile.ZipFile(path) as zf:
            for info in sheets:
                tail = b""
                with zf.open(info) as fh:
                    while chunk := fh.read(1 << 20):
                        data = tail + chunk
                        cells += data.count(b"<c ") + data.count(b"<c>") - tail.count(b"<c ") - tail.count(b"<c>")
                        rows += data.count(b"<row") - tail.count(b"<row")
                        if (b"<f>" in data or b"<f " in data) and info not in formulas:
                            formulas.append(info)
                        tail = data[-4:]
                        if cells > MAX_CELLS or rows > MAX_SCANNED_ROWS:
                            what = f"{MAX_CELLS:,} celler" if cells > MAX_CELLS else f"{MAX_SCANNED_ROWS:,} rækker"
                            raise ImportFileError(f"Arket har mere end {what.replace(',', '.')} (tomme medregnet). "
                                                  "Filen er ikke importeret. Kopiér sagerne over i skabelonen og "
                                                  "prøv igen.")  # fmt: skip
            for info in formulas:
                _formulas_have_values(zf.read(info))
    except ImportFileError:
        raise
    except Exception as e:  # a bad zip, a truncated member, zlib.error and other decompression faults
        raise ImportFileError(DAMAGED) from e


_CELL = re.compile(rb"<c\b([^>]*)>(.*?)</c>", re.S)
_REF = re.compile(rb'r="([A-Z]+[0-9]+)"')


def _formulas_have_values(xml: bytes) -> None:
    """A formula cell is read as its saved result; a file written by a program that never calculated it has
    none, and the cell would silently read as empty (a caseworker or a note lost)."""
    for m in _CELL.finditer(xml):
        inner = m[2]
        if (b"<f>" in inner or b"<f " in inner) and (b"<v>" not in inner or b"<v></v>" in inner):
            ref = _REF.search(m[1])
            where = f" (fx celle {ref[1].decode()})" if ref else ""
            raise ImportFileError(f"Arket har formler uden gemt resultat{where}. Åbn filen i Excel eller "
                                  "LibreOffice, og gem den igen, så resultaterne gemmes; eller erstat formlerne "
                                  "med værdier.")  # fmt: skip


def read_cases(path: Path, catalogue: Catalogue) -> SheetCases:
    """Read the first sheet's rows into :class:`RawCaseRow` (per-row problems included), or ImportFileError."""
    _check_file(path)
    # Our own handle: openpyxl leaves the file open when loading fails, and a read-only workbook reads lazily.
    with path.open("rb") as fh:
        try:
            wb = load_workbook(fh, read_only=True, data_only=True)
        except Exception as e:  # a damaged file fails in many ways: zip, checksum (zlib.error), XML (ParseError), ...
            raise ImportFileError(DAMAGED) from e
        try:
            return _read(wb, catalogue)
        finally:
            wb.close()


def _read(wb: Workbook, catalogue: Catalogue) -> SheetCases:
    ws = wb.worksheets[0] if wb.worksheets else None
    if ws is None:
        raise ImportFileError("Projektmappen har ingen ark.")
    # Never trust the sheet's <dimension> tag: openpyxl's read-only mode stops at the last row it names (so a
    # stale tag silently dropped rows) and pads up to it (so a false one made a million empty rows).
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()
    # Close the row stream also when reading stops early (a bad header, too many rows): an open stream keeps the
    # file open, and on Windows locked, until the garbage collector gets to it.
    with contextlib.closing(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)) as rows:
        return _read_rows(_intact(rows), catalogue)


def _intact(rows: Iterator[tuple[object, ...]]) -> Iterator[tuple[object, ...]]:
    """The rows as openpyxl reads them (lazily, so a damaged sheet fails only here), or ImportFileError; at most
    MAX_SCANNED_ROWS of them, empty rows counted."""
    scanned = 0
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as e:  # broken XML, a bad checksum, a truncated zip member, ...
            raise ImportFileError(DAMAGED) from e
        scanned += 1
        if scanned > MAX_SCANNED_ROWS:
            limit = f"{MAX_SCANNED_ROWS:,}".replace(",", ".")
            raise ImportFileError(f"Arket har mere end {limit} rækker (tomme rækker medregnet). Filen er ikke "
                                  "importeret. Kopiér sagerne over i skabelonen og prøv igen.")  # fmt: skip
        yield values


def _read_rows(rows: Iterator[tuple[object, ...]], catalogue: Catalogue) -> SheetCases:
    header_line = 0
    columns: dict[str, int] = {}
    triggers: dict[str, int] = {}
    ignored: list[str] = []
    header_columns: list[int] = []
    trigger_names = {_norm(t.name): t.id for t in catalogue.triggers.values()} | {
        _norm(t.id): t.id for t in catalogue.triggers.values()}  # fmt: skip
    for line, values in enumerate(rows, start=1):
        if values is None or all(v is None or _text(v) == "" for v in values):
            continue
        if len(values) > MAX_COLUMNS and any(_text(v) for v in values[MAX_COLUMNS:]):
            raise ImportFileError(f"Overskriftsrækken (række {line}) har mere end {MAX_COLUMNS} kolonner; kolonner "
                                  "længere ude læses ikke. Flyt dem ind, eller brug skabelonen.")  # fmt: skip
        columns, triggers, ignored = _map_headers(values[:MAX_COLUMNS], trigger_names, line)
        header_columns = [i for i, v in enumerate(values[:MAX_COLUMNS]) if _text(v)]
        header_line = line
        break
    if not header_line:
        raise ImportFileError("Arket er tomt: der er ingen overskriftsrække.")
    missing = [COLUMNS[k][0] for k in REQUIRED if k not in columns]
    if missing:
        raise ImportFileError(f"Kolonnerne {', '.join(missing)} mangler i overskriftsrækken (række {header_line}). "
                              "Brug skabelonen: 'Filer → Skabelon til import'.")  # fmt: skip
    out = SheetCases()
    out.ignored = tuple(ignored)
    used = set(columns.values()) | set(triggers.values()) | set(header_columns)
    nameless: list[str] = []
    for line, values in enumerate(rows, start=header_line + 1):
        if values is None or all(v is None or _text(v) == "" for v in values):
            continue
        if len(out) >= MAX_ROWS:
            limit = f"{MAX_ROWS:,}".replace(",", ".")
            raise ImportFileError(f"Filen har mere end {limit} sager. Del den op i mindre filer.")
        out.append(_row(line, values, columns, triggers))
        for i, v in enumerate(values[:MAX_COLUMNS]):
            if i not in used and v is not None and _text(v) != "":
                used.add(i)  # named once, in the list of unused columns
                nameless.append(f"kolonne {_letter(i)} uden overskrift")
    out.ignored = (*out.ignored, *nameless)
    if not out:
        raise ImportFileError("Arket har ingen sager under overskriftsrækken.")
    return out


def _map_headers(values: Sequence[object], trigger_names: dict[str, str],
                 line: int) -> tuple[dict[str, int], dict[str, int], list[str]]:  # fmt: skip
    columns: dict[str, int] = {}
    triggers: dict[str, int] = {}
    ignored: list[str] = []
    aliases = {alias: key for key, (_, names) in COLUMNS.items() for alias in names}
    for i, v in enumerate(values):
        key = _norm(v)
        if not key:
            continue
        if key in aliases or key in trigger_names:
            known = aliases.get(key)
            seen = columns.get(known) if known else triggers.get(trigger_names[key])
            if seen is not None:  # which of the two is meant cannot be guessed
                raise ImportFileError(f"Kolonnen {_text(v)[:40]!r} står to gange i overskriftsrækken (række {line}, "
                                      f"kolonne {_letter(seen)} og {_letter(i)}). Slet den ene.")  # fmt: skip
            if known:
                columns[known] = i
            else:
                triggers[trigger_names[key]] = i
        else:
            ignored.append(_text(v)[:40])
    return columns, triggers, ignored


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _row(line: int, values: Sequence[object], columns: dict[str, int], triggers: dict[str, int]) -> RawCaseRow:
    def get(key: str) -> object:
        i = columns.get(key)
        return values[i] if i is not None and i < len(values) else None

    row = RawCaseRow(line)
    for key in ("group", "name", "party_id", "caseworker", "team", "notes"):
        text = _text(get(key))
        if len(text) > MAX_TEXT:
            row.problems.append(f"{COLUMNS[key][0]}: teksten er for lang ({len(text)} tegn).")
            text = text[:MAX_TEXT]
        setattr(row, key, text)
    try:
        day = _date_value(get("start"))
        clock = _time_value(get("time"))
        if day is not None:
            row.start = datetime.combine(day, clock) if clock is not None else day
    except DateParseError as e:
        row.problems.append(f"Startdato/klokkeslæt: {e}")
    for kind, i in triggers.items():
        try:
            value = _date_value(values[i] if i < len(values) else None)
        except DateParseError as e:
            row.problems.append(f"{kind}: {e}")
            continue
        if value is not None:
            row.extra_triggers[kind] = value
    return row
