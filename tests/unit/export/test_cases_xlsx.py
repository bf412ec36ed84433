"""The import template and the tolerant reader of case spreadsheets (export layer only: no database).

Workbooks are written with openpyxl into tmp_path and read back by ``read_cases``; the template is written
by ``write_template`` and inspected with ``load_workbook``.
"""

from __future__ import annotations

import gc
import os
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from jobcenter_desktop.export import cases_xlsx
from jobcenter_desktop.export.cases_xlsx import COLUMNS, ImportFileError, read_cases, write_template

TEMPLATE_HEADERS = ["Målgruppe", "Navn", "CPR/CVR", "Startdato", "Klokkeslæt", "Sagsbehandler", "Team", "Bemærkning"]
GROUP_NAMES = ["Dagpenge", "Kontanthjælp (over 30 år)", "Uddannelseshjælp (under 30 år)", "Revalidering", "Fleksjob",
               "Førtidspension", "Fastholdelse ved længerevarende sygdom", "Handicap i erhverv", "Jobrotation",
               "Jobåbninger", "Løntilskud"]  # fmt: skip


def workbook(path: Path, rows: list[list[object]], *, formats: dict[str, str] | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    wb.save(path)
    return path


# ---------------------------------------------------------------- the template
def test_template_headers_example_and_group_list(tmp_path: Path, catalogue) -> None:
    path = tmp_path / "skabelon.xlsx"
    write_template(path, catalogue)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Sager", "Målgrupper", "Vejledning"]
    ws = wb["Sager"]
    assert [c.value for c in ws[1]] == TEMPLATE_HEADERS
    assert [header for header, _ in COLUMNS.values()] == TEMPLATE_HEADERS
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    # One example row, with a fake person and a real date cell.
    assert ws.max_row == 2
    example = [c.value for c in ws[2]]
    assert example[0] == "Dagpenge"
    assert "slet denne række" in example[1]
    assert example[2] == "010190-1235"
    assert example[3] == datetime(2026, 1, 5)
    assert ws["D2"].is_date and ws["D2"].number_format == "DD-MM-YYYY"

    groups = wb["Målgrupper"]
    assert [c.value for c in groups[1]] == ["Målgruppe", "Part", "Startdato er", "Klokkeslæt"]
    listed = [[c.value for c in row] for row in groups.iter_rows(min_row=2)]
    assert [r[0] for r in listed] == GROUP_NAMES
    assert [g.name for g in catalogue.groups.values()] == GROUP_NAMES
    by_name = {r[0]: r[1:] for r in listed}
    assert by_name["Dagpenge"] == ["CPR", "Ledigmelding", None]
    assert by_name["Løntilskud"] == ["CVR", "Henvendelse", "påkrævet"]
    assert by_name["Jobåbninger"][2] == "påkrævet"
    assert sum(r[3] == "påkrævet" for r in listed) == 2

    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list"
    assert dv.formula1 == "'Målgrupper'!$A$2:$A$12"  # as Excel writes it: no leading '='
    assert str(dv.sqref) == "A2:A5000"
    assert dv.showErrorMessage is True
    assert dv.error == "Vælg en målgruppe fra listen."

    help_text = " ".join(str(r[0].value) for r in wb["Vejledning"].iter_rows())
    assert "DD-MM-ÅÅÅÅ" in help_text and "Klokkeslæt" in help_text


def test_template_reads_back_as_its_example_row(tmp_path: Path, catalogue) -> None:
    path = tmp_path / "skabelon.xlsx"
    write_template(path, catalogue)
    (row,) = read_cases(path, catalogue)
    assert (row.line, row.group, row.party_id, row.start, row.notes, row.problems) == (
        2, "Dagpenge", "010190-1235", date(2026, 1, 5), "Eksempel", [])  # fmt: skip


# ---------------------------------------------------------------- tolerant reading
def test_shuffled_odd_headers_aliases_and_blank_rows(tmp_path: Path, catalogue) -> None:
    rows: list[list[object]] = [
        [None, None, None],  # a blank line above the header
        ["  cpr ", "Borger", "MÅLGRUPPE", "Startdato", "kl.", "Initialer", "afdeling", "Noter", "Ukendt kolonne",
         "Ansøgning om særlig støtte (§ 34)"],
        ["0101901235", "Søren Østergaard  ", "Kontanthjælp", datetime(2026, 3, 2), None, "bo.l", "Team Øst",
         "  Ringet op  ", "ignoreres", "11-05-2026"],
        [None] * 10,
        ["   ", "", None, "  "],  # only spaces: also blank
        ["020285-1234 ", "Åse Lund", "dagpenge", "02-03-2026", None, None, None, None],
        ["12345678", "Bageri Ærø ApS", "Løntilskud", "2.3.2026", time(10, 0), None, None, None],
        [87654321, "Maskinfabrik ApS", "Jobåbninger", "2026-03-02", "9.30", None, None, None],
    ]  # fmt: skip
    path = workbook(tmp_path / "sager.xlsx", rows)
    got = read_cases(path, catalogue)
    assert [r.line for r in got] == [3, 6, 7, 8]  # spreadsheet row numbers, blank rows skipped
    kh, dp, lt, ja = got
    assert (kh.group, kh.name, kh.party_id, kh.start, kh.caseworker, kh.team, kh.notes) == (
        "Kontanthjælp", "Søren Østergaard", "0101901235", date(2026, 3, 2), "bo.l", "Team Øst", "Ringet op")
    assert kh.extra_triggers == {"ansoegning_sps34": date(2026, 5, 11)}
    assert (dp.group, dp.party_id, dp.start, dp.caseworker, dp.extra_triggers) == (
        "dagpenge", "020285-1234", date(2026, 3, 2), "", {})
    assert (lt.party_id, lt.start) == ("12345678", datetime(2026, 3, 2, 10, 0))
    assert (ja.party_id, ja.start) == ("87654321", datetime(2026, 3, 2, 9, 30))  # a number cell reads as digits
    assert all(r.problems == [] for r in got)  # fmt: skip


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        pytest.param(datetime(2026, 3, 2), date(2026, 3, 2), id="excel-date"),
        pytest.param(date(2026, 3, 2), date(2026, 3, 2), id="excel-date-only"),
        pytest.param("02-03-2026", date(2026, 3, 2), id="dd-mm-yyyy"),
        pytest.param("2.3.2026", date(2026, 3, 2), id="d.m.yyyy"),
        pytest.param("02.03.2026", date(2026, 3, 2), id="dd.mm.yyyy"),
        pytest.param("2026-03-02", date(2026, 3, 2), id="iso"),
        pytest.param(" 2026-03-02 ", date(2026, 3, 2), id="iso-with-spaces"),
        pytest.param("29-02-2028", date(2028, 2, 29), id="leap-day"),
    ],
)
def test_date_formats(tmp_path: Path, catalogue, cell: object, expected: date) -> None:
    path = workbook(tmp_path / "dato.xlsx", [["Målgruppe", "Navn", "CPR", "Startdato"],
                                             ["Dagpenge", "Åse Lund", "020285-1234", cell]])  # fmt: skip
    (row,) = read_cases(path, catalogue)
    assert (row.start, row.problems) == (expected, [])


@pytest.mark.parametrize(
    ("start", "clock", "expected"),
    [
        pytest.param("2026-03-02", "10:00", datetime(2026, 3, 2, 10, 0), id="text"),
        pytest.param("2026-03-02", "7.05", datetime(2026, 3, 2, 7, 5), id="dot"),
        pytest.param(datetime(2026, 3, 2), time(15, 30, 45), datetime(2026, 3, 2, 15, 30), id="excel-time"),
        pytest.param(datetime(2026, 3, 2), datetime(1899, 12, 30, 8, 15), datetime(2026, 3, 2, 8, 15), id="dt"),
        pytest.param("2026-03-02", None, date(2026, 3, 2), id="no-time"),
    ],
)
def test_time_column(tmp_path: Path, catalogue, start: object, clock: object, expected: object) -> None:
    path = workbook(tmp_path / "tid.xlsx", [["Målgruppe", "Navn", "CVR", "Startdato", "Klokkeslæt"],
                                            ["Løntilskud", "Bageri Ærø ApS", "12345678", start, clock]])  # fmt: skip
    (row,) = read_cases(path, catalogue)
    assert (row.start, row.problems) == (expected, [])


@pytest.mark.parametrize(
    ("start", "clock", "problem"),
    [
        pytest.param("30-02-2026", None, "Startdato/klokkeslæt: '30-02-2026' er ikke en gyldig dato.", id="30-feb"),
        pytest.param("i går", None, "Startdato/klokkeslæt: 'i går' er ikke en dato", id="words"),
        pytest.param("2026-03-02", "25:00", "Startdato/klokkeslæt: '25:00' er ikke et klokkeslæt (TT:MM).",
                     id="hour-25"),
        pytest.param("2026-03-02", "kl. 10", "er ikke et klokkeslæt", id="time-words"),
        pytest.param("02-03-1900", None, "Året 1900 ligger uden for 1950–2100.", id="year-out-of-range"),
        pytest.param(45_000, None, "'45000' er ikke en dato", id="serial-number"),
    ],
)  # fmt: skip
def test_bad_date_is_a_row_problem(tmp_path: Path, catalogue, start: object, clock: object, problem: str) -> None:
    path = workbook(tmp_path / "fejl.xlsx", [
        ["Målgruppe", "Navn", "CVR", "Startdato", "Klokkeslæt"],
        ["Løntilskud", "Bageri Ærø ApS", "12345678", start, clock],
        ["Løntilskud", "Anden ApS", "87654321", "2026-03-02", "10:00"]])  # fmt: skip
    bad, good = read_cases(path, catalogue)
    assert bad.start is None
    assert len(bad.problems) == 1 and problem in bad.problems[0]
    assert (good.start, good.problems) == (datetime(2026, 3, 2, 10, 0), [])  # one bad row spoils nothing else


def test_bad_extra_trigger_date_is_a_row_problem(tmp_path: Path, catalogue) -> None:
    path = workbook(tmp_path / "ekstra.xlsx", [
        ["Målgruppe", "Navn", "CPR", "Startdato", "ansoegning_sps34"],
        ["Kontanthjælp", "Søren Østergaard", "010190-1235", "2026-03-02", "32-05-2026"]])  # fmt: skip
    (row,) = read_cases(path, catalogue)
    assert row.start == date(2026, 3, 2)
    assert row.extra_triggers == {}
    assert row.problems == ["ansoegning_sps34: '32-05-2026' er ikke en gyldig dato."]


def test_huge_cell_is_a_row_problem_not_a_crash(tmp_path: Path, catalogue) -> None:
    name = "Ø" * (cases_xlsx.MAX_TEXT + 1)
    path = workbook(tmp_path / "stor.xlsx", [
        ["Målgruppe", "Navn", "CPR", "Startdato", "Bemærkning"],
        ["Dagpenge", name, "020285-1234", "2026-03-02", "x" * 30_000]])  # fmt: skip
    (row,) = read_cases(path, catalogue)
    assert row.problems == ["Navn: teksten er for lang (2001 tegn).", "Bemærkning: teksten er for lang (30000 tegn)."]
    assert row.name == "Ø" * 2000 and len(row.notes) == 2000
    assert cases_xlsx.MAX_TEXT == 2000


# ---------------------------------------------------------------- files that cannot be read at all
def _xlsx_bytes(tmp_path: Path) -> bytes:
    path = workbook(tmp_path / "gyldig.xlsx", [["Målgruppe", "Navn", "CPR", "Startdato"],
                                               ["Dagpenge", "Åse Lund", "020285-1234", "2026-03-02"]])  # fmt: skip
    return path.read_bytes()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip_without_workbook(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "ikke et regneark")
    return path


def _rezip(path: Path, good: bytes, change, *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """A copy of the workbook ``good`` with each member's bytes passed through ``change(name, data)``."""
    src = path.with_suffix(".orig.xlsx")
    src.write_bytes(good)
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(path, "w", compression) as new:
        for name in old.namelist():
            new.writestr(name, change(name, old.read(name)))
    src.unlink()
    return path


def _damage_member(path: Path, good: bytes, member: str, *, stored: bool) -> Path:
    """Flip bytes inside one member's data, as a broken download or disk would: the zip directory stays intact,
    so the damage is only found when the member is read."""
    _rezip(path, good, lambda n, d: d, compression=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + info.compress_size // 3, start + info.compress_size // 3 + 8):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


SHEET = "xl/worksheets/sheet1.xml"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda p, good: _write(p, "Målgruppe;Navn\nDagpenge;Åse\n".encode()),
                     "Filen er ikke en Excel-fil (.xlsx). Gem den som Excel-projektmappe og prøv igen.", id="text"),
        pytest.param(lambda p, good: _write(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
                     "Filen er beskyttet med adgangskode eller gemt i det gamle .xls-format.", id="ole-encrypted"),
        pytest.param(lambda p, good: _write(p, b""), "Filen er tom.", id="empty"),
        pytest.param(lambda p, good: p, "Filen findes ikke", id="missing"),
        pytest.param(lambda p, good: _zip_without_workbook(p),
                     "Filen kan ikke læses som Excel-projektmappe (.xlsx); den kan være beskadiget.", id="other-zip"),
        pytest.param(lambda p, good: _write(p, good[: len(good) // 2]),
                     "Filen kan ikke læses som Excel-projektmappe (.xlsx); den kan være beskadiget.", id="truncated"),
        pytest.param(lambda p, good: _write(p, b"PK\x03\x04" + b"\x00" * 100),
                     "Filen kan ikke læses som Excel-projektmappe (.xlsx); den kan være beskadiget.", id="zip-header"),
        # Damage found only while the rows are read (openpyxl reads a sheet lazily):
        pytest.param(lambda p, good: _rezip(p, good, lambda n, d: d[: len(d) // 2] if n == SHEET else d),
                     "Filen kan ikke læses som Excel-projektmappe (.xlsx); den kan være beskadiget.",
                     id="broken-sheet-xml"),
        pytest.param(lambda p, good: _rezip(p, good, lambda n, d: d[:-40] if n == "xl/workbook.xml" else d),
                     "Filen kan ikke læses som Excel-projektmappe (.xlsx); den kan være beskadiget.",
                     id="broken-workbook-xml"),
        pytest.param(lambda p, good: _damage_member(p, good, SHEET, stored=True),
                     "Filen kan ikke læses som Excel-projektmappe (.xlsx); den kan være beskadiget.", id="bad-crc"),
        pytest.param(lambda p, good: _damage_member(p, good, SHEET, stored=False),
                     "Filen kan ikke læses som Excel-projektmappe (.xlsx); den kan være beskadiget.",
                     id="bad-deflate-data"),
    ],
)  # fmt: skip
def test_unreadable_files(tmp_path: Path, catalogue, make, message: str) -> None:
    good = _xlsx_bytes(tmp_path)
    path = make(tmp_path / "sager.xlsx", good)
    with pytest.raises(ImportFileError) as info:
        read_cases(path, catalogue)
    assert message in str(info.value)


def test_file_too_big(tmp_path: Path, catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "sager.xlsx", [["Målgruppe", "Navn", "CPR", "Startdato"],
                                              ["Dagpenge", "Åse Lund", "020285-1234", "2026-03-02"]])  # fmt: skip
    monkeypatch.setattr(cases_xlsx, "MAX_FILE_BYTES", 1024)
    with pytest.raises(ImportFileError, match="Filen er for stor"):
        read_cases(path, catalogue)


def test_missing_required_columns(tmp_path: Path, catalogue) -> None:
    path = workbook(tmp_path / "sager.xlsx", [[None], ["Navn", "Startdato", "Team"], ["Åse Lund", "2026-03-02", ""]])
    with pytest.raises(ImportFileError) as info:
        read_cases(path, catalogue)
    assert str(info.value) == ("Kolonnerne Målgruppe, CPR/CVR mangler i overskriftsrækken (række 2). "
                               "Brug skabelonen: 'Filer → Skabelon til import'.")  # fmt: skip


def test_sheet_with_only_a_header(tmp_path: Path, catalogue) -> None:
    path = workbook(tmp_path / "sager.xlsx", [TEMPLATE_HEADERS, [None] * 8, ["", " "]])
    with pytest.raises(ImportFileError, match=re.escape("Arket har ingen sager under overskriftsrækken.")):
        read_cases(path, catalogue)


def test_empty_sheet(tmp_path: Path, catalogue) -> None:
    path = workbook(tmp_path / "sager.xlsx", [])
    with pytest.raises(ImportFileError, match=re.escape("Arket er tomt: der er ingen overskriftsrække.")):
        read_cases(path, catalogue)


def test_only_the_first_sheet_is_read(tmp_path: Path, catalogue) -> None:
    wb = Workbook()
    wb.active.append(["Målgruppe", "Navn", "CPR", "Startdato"])
    wb.active.append(["Dagpenge", "Åse Lund", "020285-1234", "2026-03-02"])
    other = wb.create_sheet("Andet")
    other.append(["Målgruppe", "Navn", "CPR", "Startdato"])
    other.append(["Dagpenge", "Søren Østergaard", "010190-1235", "2026-03-02"])
    wb.save(tmp_path / "to-ark.xlsx")
    assert [r.name for r in read_cases(tmp_path / "to-ark.xlsx", catalogue)] == ["Åse Lund"]


def test_row_limit(tmp_path: Path, catalogue, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cases_xlsx, "MAX_ROWS", 3)
    header = ["Målgruppe", "Navn", "CPR", "Startdato"]
    data = [["Dagpenge", f"Person {i}", "020285-1234", "2026-03-02"] for i in range(4)]
    at_limit = workbook(tmp_path / "tre.xlsx", [header, *data[:3], [None], [None]])
    assert len(read_cases(at_limit, catalogue)) == 3  # exactly the limit (blank rows do not count)
    over = workbook(tmp_path / "fire.xlsx", [header, *data])
    with pytest.raises(ImportFileError) as info:
        read_cases(over, catalogue)
    assert str(info.value) == "Filen har mere end 3 sager. Del den op i mindre filer."


def test_row_limit_message_uses_danish_thousands_separator(tmp_path: Path, catalogue,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(cases_xlsx, "MAX_ROWS", 1234)
    header = ["Målgruppe", "Navn", "CPR", "Startdato"]
    path = workbook(tmp_path / "mange.xlsx", [header, *[["Dagpenge", "P", "020285-1234", "2026-03-02"]] * 1235])
    with pytest.raises(ImportFileError, match=r"mere end 1\.234 sager"):
        read_cases(path, catalogue)


def _open_handles(path: Path) -> int:
    fds = Path("/proc/self/fd")
    count = 0
    for fd in fds.iterdir():
        try:
            count += Path(os.readlink(fd)) == path
        except OSError:
            continue
    return count


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to list open files")
@pytest.mark.parametrize("what", ["missing-columns", "too-many-rows", "ok"])
def test_the_file_is_closed_after_reading(tmp_path: Path, catalogue, monkeypatch: pytest.MonkeyPatch,
                                          what: str) -> None:  # fmt: skip
    # An open handle would keep the file locked on Windows (Excel could not save it) until garbage collection.
    monkeypatch.setattr(cases_xlsx, "MAX_ROWS", 1)
    header = ["Navn", "Startdato"] if what == "missing-columns" else ["Målgruppe", "Navn", "CPR", "Startdato"]
    data = [["Dagpenge", f"Person {i}", "020285-1234", "2026-03-02"] for i in range(1 if what == "ok" else 2)]
    path = workbook(tmp_path / "sager.xlsx", [header, *data]).resolve()
    gc.disable()  # prove it is closed by the reader, not by the garbage collector
    try:
        if what == "ok":
            assert len(read_cases(path, catalogue)) == 1
            assert _open_handles(path) == 0
        else:
            with pytest.raises(ImportFileError) as info:
                read_cases(path, catalogue)
            # The error is still held (as the services layer holds it, as the cause of its ServiceError): its
            # traceback keeps the reader's frames alive, and those must not keep the file open.
            assert info.value.__traceback__ is not None
            assert _open_handles(path) == 0
    finally:
        gc.enable()


@pytest.fixture(scope="module")
def good_workbook(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    rows: list[list[object]] = [["Målgruppe", "Navn", "CPR", "Startdato", "Klokkeslæt"]]
    rows += [["Dagpenge", f"Åse Lund {i}", "020285-1234", datetime(2026, 3, 2), time(10, 0)] for i in range(20)]
    return workbook(tmp_path_factory.mktemp("god") / "god.xlsx", rows).read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=1, max_value=255)), min_size=1,
                      max_size=12))  # fmt: skip
def test_damaged_bytes_never_crash_the_reader(tmp_path: Path, catalogue, good_workbook: bytes,
                                              flips: list[tuple[int, int]]) -> None:  # fmt: skip
    """Whatever a broken download or disk does to the bytes: rows, or a Danish ImportFileError."""
    data = bytearray(good_workbook)
    for pos, mask in flips:
        data[pos % len(data)] ^= mask
    path = tmp_path / "beskadiget.xlsx"
    path.write_bytes(bytes(data))
    try:
        rows = read_cases(path, catalogue)
    except ImportFileError as e:
        assert str(e).startswith(("Filen", "Arket", "Kolonnerne", "Projektmappen"))
    else:
        assert all(isinstance(r.line, int) and isinstance(r.problems, list) for r in rows)
