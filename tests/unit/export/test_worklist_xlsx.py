"""The Excel worklist, written by ``write_worklist`` and read back with openpyxl.

Rows are built by hand (no database): the writer must show exactly what it is given. Dates are in
November/December 2026 as if "today" were Monday 23 Nov 2026 (ISO week 48: 23–29 Nov). ISO weeks counted
by hand: 1 Jan 2026 is a Thursday, so week 1 starts Mon 29 Dec 2025 and Mon 23 Nov 2026 is 329 days (47
weeks) later, i.e. week 48; Wed 11 Nov is week 46, Mon 16 Nov week 47, Mon 30 Nov week 49, Mon 7 Dec week 50.
"""

from __future__ import annotations

import gc
import os
import uuid
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from jobcenter_desktop.core.models import DeadlineRow, MilestoneState, Party
from jobcenter_desktop.core.rules import PartyKind
from jobcenter_desktop.core.urgency import PALETTE, Urgency
from jobcenter_desktop.export.worklist_xlsx import (
    COLUMNS,
    ExportCancelled,
    WorklistMeta,
    default_filename,
    write_worklist,
)
from jobcenter_desktop.export.xlsx_common import MAX_CELL, ExportError

HEADERS = ["Frist", "Ugedag", "Uge", "Status", "Hverdage til frist", "Målgruppe", "Milepæl", "Sagsnr.", "Part",
           "CPR/CVR", "Sagsbehandler", "Team", "Bemærkning"]  # fmt: skip
STATE_LABELS = ["Overskredet", "Frist i dag", "Forventet tid passeret", "Snart", "Pauset", "Foreløbig", "Senere"]
KH, LT, DP, HK = "Kontanthjælp (over 30 år)", "Løntilskud", "Dagpenge", "Handicap i erhverv"
TMP_PREFIX = ".~frister-"


def make_row(number: str, due: date, urgency: Urgency, left: int, *, caseworker: str = "anna.k",
             team: str = "Team Vest", group_name: str = KH, milestone: str = "Tid hos ydelsessagsbehandler",
             party: Party | None = None, notes: str = "", due_at: datetime | None = None) -> DeadlineRow:  # fmt: skip
    return DeadlineRow(
        milestone_id=uuid.uuid4(), case_id=uuid.uuid4(), case_number=number, rule_id="x", group="x",
        party=party or Party(PartyKind.CITIZEN, "Søren Østergaard", "010190-1235"), caseworker=caseworker,
        team=team, state=MilestoneState.OPEN, due=due, due_at=due_at, provisional=urgency is Urgency.PROVISIONAL,
        done_on=None, paused=urgency is Urgency.PAUSED, notes=notes, urgency=urgency, working_days_left=left,
        milestone_name=milestone, group_name=group_name,
    )  # fmt: skip


COMPANY = Party(PartyKind.COMPANY, "Bageri Ærø ApS", "12345678")
ROWS = [
    make_row("2026-00001", date(2026, 11, 11), Urgency.OVERDUE, -8),
    make_row("2026-00002", date(2026, 11, 23), Urgency.DUE_TODAY, 0, group_name=LT,
             milestone="Kontakt til virksomheden", party=COMPANY, due_at=datetime(2026, 11, 23, 15, 0)),
    make_row("2026-00003", date(2026, 11, 25), Urgency.DUE_SOON, 2, caseworker="bo.l", group_name=DP,
             milestone="Telefonisk kontakt", party=Party(PartyKind.CITIZEN, "Åse Lund", "020285-1234")),
    make_row("2026-00004", date(2026, 12, 7), Urgency.LATER, 10, caseworker="bo.l", group_name=DP,
             milestone="Første personlige samtale"),
    make_row("2026-00005", date(2026, 11, 16), Urgency.SOFT_OVERDUE, -5, caseworker="dennis.p", team="Team Øst",
             group_name=HK, milestone="Bevilling af personlig assistance"),
    make_row("2026-00006", date(2026, 11, 30), Urgency.PROVISIONAL, 5, group_name=LT,
             milestone="Blanketter: oprettelse af tilbud og bevilling", party=COMPANY),
    make_row("2026-00007", date(2026, 11, 27), Urgency.PAUSED, 4, caseworker="dennis.p", team="Team Øst"),
    make_row("2026-00008", date(2026, 11, 16), Urgency.OVERDUE, -5, notes="  Ringet op, ingen svar.  "),
]  # fmt: skip
# (due weekday, ISO week) for ROWS, counted by hand from Mon 23 Nov 2026 = week 48.
WEEKDAY_WEEK = [("onsdag", 46), ("mandag", 48), ("onsdag", 48), ("mandag", 50), ("mandag", 47), ("mandag", 49),
                ("fredag", 48), ("mandag", 47)]  # fmt: skip


def make_meta(**kw) -> WorklistMeta:
    values = {
        "title": "Frister uge 48 2026 - Team Vest & Øst", "period": "uge 48 2026",
        "generated_by": "anna.k", "generated_at": datetime(2026, 11, 23, 9, 5),
        "catalogue": "albertslund-2016 version 2016-08-09 (Jobcenter Albertslunds servicemål)",
        "calendar": "Danske helligdage; grundlovsdag, juleaften og nytårsaften fri",
        "filters": (("Omfang", "Team Vest"), ("Ark pr. sagsbehandler", "nej")),
    }  # fmt: skip
    values.update(kw)
    return WorklistMeta(**values)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TMP_PREFIX))


def assert_released(before: list[str]) -> None:
    """An abandoned export leaves none of openpyxl's temporary sheet files behind, and nothing for the garbage
    collector to complain about ("Exception ignored in ... _write_rows" fails the test under -W error)."""
    gc.collect()
    assert before == ALL_TEMP_FILES
    assert all(Path(p).exists() for p in before)


def cells(ws) -> list[list[object]]:
    return [[c.value for c in row] for row in ws.iter_rows()]


def pairs(ws) -> dict[str, object]:
    """The two-column "Om listen" sheet as label -> value."""
    return {row[0]: row[1] for row in cells(ws)[1:]}


def overview_table(ws, title: str) -> tuple[list[object], dict[str, list[int]]]:
    """One table of "Oversigt": its header and name -> counts (the last is "I alt"), including the total row."""
    rows = cells(ws)
    start = next(i for i, r in enumerate(rows) if r and r[0] == title)
    table: dict[str, list[int]] = {}
    for r in rows[start + 1:]:
        table[r[0]] = list(r[1:9])
        if r[0] == "I alt":
            break
    return rows[start][:9], table


@pytest.fixture
def book(tmp_path: Path):
    path = tmp_path / "frister.xlsx"
    write_worklist(path, ROWS, make_meta())
    return load_workbook(path)


# ---------------------------------------------------------------- sheets, header, print setup
def test_sheet_names_without_per_caseworker(book) -> None:
    assert book.sheetnames == ["Frister", "Oversigt", "Om listen"]


def test_header_row_is_the_columns_bold_and_frozen(book) -> None:
    ws = book["Frister"]
    assert [name for name, _ in COLUMNS] == HEADERS
    assert [c.value for c in ws[1]] == HEADERS
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:M9"  # 13 columns, header + 8 rows
    assert ws.max_row == 9


def test_print_setup(book) -> None:
    ws = book["Frister"]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.fitToWidth) == 1
    assert int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows in ("$1:$1", "1:1")
    # "&" starts a code in Excel headers: the title's "&" is doubled so it prints as one "&".
    assert ws.oddHeader.left.text == "Frister uge 48 2026 - Team Vest && Øst"
    assert ws.oddHeader.right.text == "uge 48 2026"
    assert ws.oddFooter.left.text == "Dannet 23-11-2026 09:05 af anna.k"
    footer = ws.oddFooter.right.text
    assert "&P" in footer and "&N" in footer
    for name in ("Oversigt", "Om listen"):  # every sheet on A4 with the same header and footer
        other = book[name]
        assert other.page_setup.orientation == "landscape"
        assert other.sheet_properties.pageSetUpPr.fitToPage is True
        assert str(other.page_setup.paperSize) == "9"
        assert other.oddHeader.left.text.startswith("Frister uge 48 2026 - Team Vest && Øst – ")
        assert other.oddFooter.left.text == "Dannet 23-11-2026 09:05 af anna.k" and "&P" in other.oddFooter.right.text
    assert str(ws.page_setup.paperSize) == "9"


def test_overview_numbers_sit_under_their_headers(book) -> None:
    ws = book["Oversigt"]
    header = next(r for r in ws.iter_rows() if r[0].value == "Sagsbehandler")
    assert all(c.alignment.horizontal == "center" for c in header[1:])
    below = ws[header[0].row + 1]
    assert all(c.alignment.horizontal == "center" for c in below[1:] if isinstance(c.value, int))


def test_empty_list_still_has_header_and_filter(tmp_path: Path) -> None:
    path = tmp_path / "tom.xlsx"
    write_worklist(path, [], make_meta())
    wb = load_workbook(path)
    ws = wb["Frister"]
    assert cells(ws) == [HEADERS]
    assert ws.auto_filter.ref == "A1:M2"
    assert pairs(wb["Om listen"])["Antal frister"] == "0"


# ---------------------------------------------------------------- one row per deadline
def test_rows_in_the_given_order(book) -> None:
    ws = book["Frister"]
    assert [r[7] for r in cells(ws)[1:]] == [f"2026-0000{i}" for i in range(1, 9)]


def test_due_dates_are_real_dates_with_weekday_and_iso_week(book) -> None:
    ws = book["Frister"]
    for i, (row, (weekday, week)) in enumerate(zip(ROWS, WEEKDAY_WEEK, strict=True), start=2):
        due = ws.cell(i, 1)
        assert isinstance(due.value, datetime)
        assert due.value.date() == row.due
        assert due.is_date
        assert due.number_format == "DD-MM-YYYY"
        assert ws.cell(i, 2).value == weekday
        assert ws.cell(i, 3).value == week
        assert week == row.due.isocalendar().week


def test_status_text_symbol_and_palette_fill(book) -> None:
    ws = book["Frister"]
    expected_text = ["!! Overskredet", "! Frist i dag", "» Snart", "· Senere", "~ Forventet tid passeret",
                     "? Foreløbig", "|| Pauset", "!! Overskredet"]  # fmt: skip
    assert [ws.cell(i, 4).value for i in range(2, 10)] == expected_text
    assert ws["D2"].fill.fgColor.rgb == "00F6C9A6"  # Overskredet: light orange, written out by hand
    assert ws["D3"].fill.fgColor.rgb == "00FBE1A6"  # Frist i dag
    for i, row in enumerate(ROWS, start=2):
        style = PALETTE[row.urgency]
        status = ws.cell(i, 4)
        assert style.label in status.value and style.symbol in status.value
        rgb = "00" + style.fill.lstrip("#")
        assert status.fill.fill_type == "solid"
        assert status.fill.fgColor.rgb == rgb
        assert ws.cell(i, 1).fill.fgColor.rgb == rgb  # the date and the days-left carry the colour too
        assert ws.cell(i, 5).fill.fgColor.rgb == rgb
        assert bool(status.font.b) is (row.urgency is Urgency.OVERDUE)


def test_working_days_left_is_numeric_and_negative_when_overdue(book) -> None:
    ws = book["Frister"]
    values = [ws.cell(i, 5).value for i in range(2, 10)]
    assert values == [-8, 0, 2, 10, -5, 5, 4, -5]
    assert all(isinstance(v, int) for v in values)
    assert [ws.cell(i, 5).data_type for i in range(2, 10)] == ["n"] * 8


def test_text_columns(book) -> None:
    rows = cells(book["Frister"])
    assert rows[1][5:] == [KH, "Tid hos ydelsessagsbehandler", "2026-00001", "Søren Østergaard", "010190-XXXX",
                           "anna.k", "Team Vest", None]  # fmt: skip
    # A deadline with a clock time shows it after the milestone; a CVR number is public and shown in full.
    assert rows[2][5:12] == [LT, "Kontakt til virksomheden kl. 15:00", "2026-00002", "Bageri Ærø ApS", "12345678",
                             "anna.k", "Team Vest"]  # fmt: skip
    assert rows[8][12] == "Ringet op, ingen svar."  # trimmed


def test_a_wrapped_note_keeps_its_row_top_aligned(book) -> None:
    """Row 8 has a note (wrapped, so the row grows): its group and milestone sit at the top beside it."""
    ws = book["Frister"]
    noted = [ws.cell(row=9, column=c) for c in (6, 7, 13)]
    assert noted[2].value and noted[2].alignment.wrap_text
    assert [c.alignment.vertical for c in noted] == ["top", "top", "top"]


def test_cpr_masked_by_default(book, tmp_path: Path) -> None:
    ids = [r[9] for r in cells(book["Frister"])[1:]]
    assert ids == ["010190-XXXX", "12345678", "020285-XXXX", "010190-XXXX", "010190-XXXX", "12345678",
                   "010190-XXXX", "010190-XXXX"]  # fmt: skip
    raw = b"".join(zipfile.ZipFile(tmp_path / "frister.xlsx").read(n) for n in
                   zipfile.ZipFile(tmp_path / "frister.xlsx").namelist())  # fmt: skip
    assert b"1235" not in raw and b"020285-1234" not in raw  # not hidden somewhere else in the file either
    assert "maskeret" in pairs(book["Om listen"])["CPR-numre"]


def test_cpr_in_full_when_asked(tmp_path: Path) -> None:
    path = tmp_path / "fuld.xlsx"
    write_worklist(path, ROWS, make_meta(include_cpr=True))
    wb = load_workbook(path)
    ids = [r[9] for r in cells(wb["Frister"])[1:]]
    assert ids[:3] == ["010190-1235", "12345678", "020285-1234"]
    about = pairs(wb["Om listen"])
    assert "maskeret" not in about["CPR-numre"]
    assert "fuldt" in about["CPR-numre"]


# ---------------------------------------------------------------- text is always text
FORMULA_NOTES = ['=HYPERLINK("http://x")', "+45 12 34 56 78", "-5 dage for sent", "@SUM(A1:A2)", "=1+1"]


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    rows = [make_row(f"2026-0000{i}", date(2026, 11, 25), Urgency.DUE_SOON, 2, notes=note)
            for i, note in enumerate(FORMULA_NOTES, start=1)]  # fmt: skip
    # Notes are trimmed, so a leading tab is tried in the party name (which is written as it is).
    rows.append(make_row("2026-00009", date(2026, 11, 25), Urgency.DUE_SOON, 2, notes="Almindelig note",
                         party=Party(PartyKind.CITIZEN, "\t=cmd|' /C calc'!A0", "010190-1235")))  # fmt: skip
    path = tmp_path / "formler.xlsx"
    write_worklist(path, rows, make_meta())
    ws = load_workbook(path)["Frister"]
    for i, note in enumerate(FORMULA_NOTES, start=2):
        cell = ws.cell(i, 13)
        assert cell.value == note
        assert cell.data_type == "s"
        assert cell.quotePrefix is True
    tab_name = ws.cell(7, 9)
    assert (tab_name.value, tab_name.data_type, tab_name.quotePrefix) == ("\t=cmd|' /C calc'!A0", "s", True)
    plain = ws.cell(7, 13)
    assert (plain.value, plain.data_type, plain.quotePrefix) == ("Almindelig note", "s", False)
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert all(b"<f>" not in z.read(n) and b"<f " not in z.read(n) for n in sheets)  # no formula anywhere


def test_control_and_non_xml_characters_are_dropped(tmp_path: Path) -> None:
    rows = [
        make_row("2026-00001", date(2026, 11, 25), Urgency.DUE_SOON, 2, notes="Ring\x00 til\x07 borger\x1f",
                 party=Party(PartyKind.CITIZEN, "Søren\x0b Østergaard\x1b", "010190-1235")),
        make_row("2026-00002", date(2026, 11, 25), Urgency.DUE_SOON, 2, notes="a\uffffb\ufffec\ud800d"),
        make_row("2026-00003", date(2026, 11, 25), Urgency.DUE_SOON, 2, notes="Linje 1\nLinje 2\tmed tab"),
        make_row("2026-00004", date(2026, 11, 25), Urgency.DUE_SOON, 2, notes="\u202eRTL \u05e9\u05dc\u05d5\u05dd 🙂"),
    ]  # fmt: skip
    path = tmp_path / "styretegn.xlsx"
    write_worklist(path, rows, make_meta(title="Frister\x07 - Team\x01 Vest"))
    wb = load_workbook(path)
    ws = wb["Frister"]
    assert ws["M2"].value == "Ring til borger"
    assert ws["I2"].value == "Søren Østergaard"
    assert ws["M3"].value == "abcd"
    assert ws["M4"].value == "Linje 1\nLinje 2\tmed tab"
    assert ws["M5"].value == "\u202eRTL \u05e9\u05dc\u05d5\u05dd 🙂"
    assert wb["Oversigt"]["A1"].value == "Frister - Team Vest"


def test_overlong_text_is_cut_at_excels_cell_limit(tmp_path: Path) -> None:
    path = tmp_path / "lang.xlsx"
    write_worklist(path, [make_row("2026-00001", date(2026, 11, 25), Urgency.DUE_SOON, 2, notes="x" * 40_000)],
                   make_meta())  # fmt: skip
    assert load_workbook(path)["Frister"]["M2"].value == "x" * MAX_CELL
    assert MAX_CELL == 32_767


# ---------------------------------------------------------------- Oversigt and Om listen
def test_overview_counts_per_caseworker_and_group(book) -> None:
    ws = book["Oversigt"]
    assert ws["A1"].value == "Frister uge 48 2026 - Team Vest & Øst"
    assert ws["A2"].value == "Periode: uge 48 2026"
    header, by_worker = overview_table(ws, "Sagsbehandler")
    assert header == ["Sagsbehandler", *STATE_LABELS, "I alt"]
    # Counted from ROWS: columns Overskredet, Frist i dag, Forventet tid passeret, Snart, Pauset, Foreløbig,
    # Senere, I alt.
    assert by_worker == {
        "anna.k": [2, 1, 0, 0, 0, 1, 0, 4],
        "bo.l": [0, 0, 0, 1, 0, 0, 1, 2],
        "dennis.p": [0, 0, 1, 0, 1, 0, 0, 2],
        "I alt": [2, 1, 1, 1, 1, 1, 1, 8],
    }
    header, by_group = overview_table(ws, "Målgruppe")
    assert header == ["Målgruppe", *STATE_LABELS, "I alt"]
    assert by_group == {
        DP: [0, 0, 0, 1, 0, 0, 1, 2],
        HK: [0, 0, 1, 0, 0, 0, 0, 1],
        KH: [2, 0, 0, 0, 1, 0, 0, 3],
        LT: [0, 1, 0, 0, 0, 1, 0, 2],
        "I alt": [2, 1, 1, 1, 1, 1, 1, 8],
    }


def test_about_sheet(book) -> None:
    ws = book["Om listen"]
    assert ws["A1"].value == "Om listen"
    about = pairs(ws)
    assert about["Titel"] == "Frister uge 48 2026 - Team Vest & Øst"
    assert about["Periode"] == "uge 48 2026"
    assert about["Omfang"] == "Team Vest"
    assert about["Ark pr. sagsbehandler"] == "nej"
    assert about["Antal frister"] == "8"
    assert about["CPR-numre"] == "maskeret (DDMMÅÅ-XXXX)"
    assert about["Dannet af"] == "anna.k"
    assert about["Dannet"] == "23-11-2026 09:05"
    assert about["Regelkatalog"] == "albertslund-2016 version 2016-08-09 (Jobcenter Albertslunds servicemål)"
    assert about["Kalender"] == "Danske helligdage; grundlovsdag, juleaften og nytårsaften fri"
    assert about["Statusfarver"].startswith("!! Overskredet; ! Frist i dag; ~ Forventet tid passeret")


# ---------------------------------------------------------------- one sheet per caseworker
def test_per_caseworker_sheets(tmp_path: Path) -> None:
    path = tmp_path / "pr-sagsbehandler.xlsx"
    write_worklist(path, ROWS, make_meta(per_caseworker=True))
    wb = load_workbook(path)
    assert wb.sheetnames == ["Frister", "anna.k", "bo.l", "dennis.p", "Oversigt", "Om listen"]
    expected = {"anna.k": ["2026-00001", "2026-00002", "2026-00006", "2026-00008"],
                "bo.l": ["2026-00003", "2026-00004"], "dennis.p": ["2026-00005", "2026-00007"]}  # fmt: skip
    for worker, numbers in expected.items():
        ws = wb[worker]
        rows = cells(ws)
        assert rows[0] == HEADERS
        assert [r[7] for r in rows[1:]] == numbers
        assert {r[10] for r in rows[1:]} == {worker}
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:M{len(numbers) + 1}"
        assert ws.page_setup.orientation == "landscape"
        assert ws.oddHeader.left.text.endswith(f" – {worker}")  # the printed page names whose list it is
    assert len(cells(wb["Frister"])) == 9  # the full list is still there
    _, by_worker = overview_table(wb["Oversigt"], "Sagsbehandler")
    assert by_worker["I alt"][-1] == 8  # the overview counts each deadline once
    assert pairs(wb["Om listen"])["Antal frister"] == "8"


def test_sheet_names_are_sanitised_unique_and_short(tmp_path: Path) -> None:
    long_a = "sagsbehandler.med.et.meget.langt.brugernavn"  # 43 characters
    long_b = "sagsbehandler.med.et.meget.langt.navn2"  # same first 28 characters
    workers = ["a/b:c", "A/B:C", "FRISTER", "[x]*?", "'citeret'", long_a, long_b, "x" * 27 + "'s team"]
    rows = [make_row(f"2026-{i:05d}", date(2026, 11, 25), Urgency.DUE_SOON, 2, caseworker=w)
            for i, w in enumerate(workers, start=1)]  # fmt: skip
    path = tmp_path / "navne.xlsx"
    write_worklist(path, rows, make_meta(per_caseworker=True))
    wb = load_workbook(path)
    # Sorted by the caseworker's name, case-insensitively ("'" < "[" < "a"; a stable sort keeps "a/b:c" before
    # "A/B:C"); forbidden characters
    # become "_", apostrophes at either end go, names are cut to 28 characters and made unique with " (n)".
    assert wb.sheetnames == [
        "Frister",
        "citeret",
        "_x___",
        "a_b_c",
        "A_B_C (2)",
        "FRISTER (2)",
        "sagsbehandler.med.et.meget.l",
        "sagsbehandler.med.et.mege (2)",
        "x" * 27,
        "Oversigt",
        "Om listen",
    ]
    assert all(len(n) <= 31 for n in wb.sheetnames)
    assert len({n.casefold() for n in wb.sheetnames}) == len(wb.sheetnames)
    assert not any(n.startswith("'") or n.endswith("'") for n in wb.sheetnames)
    owner = {n: {r[10] for r in cells(wb[n])[1:]} for n in wb.sheetnames[1:-2]}
    assert owner == {"citeret": {"'citeret'"}, "a_b_c": {"a/b:c"}, "A_B_C (2)": {"A/B:C"}, "FRISTER (2)": {"FRISTER"},
                     "sagsbehandler.med.et.meget.l": {long_a}, "sagsbehandler.med.et.mege (2)": {long_b},
                     "x" * 27: {"x" * 27 + "'s team"}, "_x___": {"[x]*?"}}  # fmt: skip


# ---------------------------------------------------------------- atomic saving
def test_writing_over_an_existing_file_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "frister.xlsx"
    write_worklist(path, ROWS, make_meta())
    write_worklist(path, ROWS[:2], make_meta(title="Anden udgave"))
    wb = load_workbook(path)
    assert len(cells(wb["Frister"])) == 3
    assert wb["Oversigt"]["A1"].value == "Anden udgave"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frister.xlsx"]


def test_missing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "findes-ikke"
    before = list(ALL_TEMP_FILES)
    with pytest.raises(ExportError, match="Mappen findes ikke") as info:
        write_worklist(folder / "frister.xlsx", ROWS, make_meta())
    assert "Vælg en anden placering" in str(info.value)
    assert not folder.exists()
    assert leftovers(tmp_path) == []
    assert_released(before)


def test_folder_that_is_a_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "rapport.txt"
    not_a_folder.write_text("ikke en mappe", encoding="utf-8")
    before = list(ALL_TEMP_FILES)
    with pytest.raises(ExportError, match="Der kan ikke skrives i mappen"):
        write_worklist(not_a_folder / "frister.xlsx", ROWS, make_meta())
    assert not_a_folder.read_text(encoding="utf-8") == "ikke en mappe"
    assert leftovers(tmp_path) == []
    assert_released(before)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write into a read-only folder")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "skrivebeskyttet"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="Der kan ikke skrives i mappen"):
            write_worklist(folder / "frister.xlsx", ROWS, make_meta())
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_target_that_cannot_be_replaced_is_left_untouched(tmp_path: Path) -> None:
    # Stands in for a file locked by Excel: replacing a non-empty directory fails the same way (os.replace).
    target = tmp_path / "frister.xlsx"
    target.mkdir()
    (target / "behold.txt").write_text("uændret", encoding="utf-8")
    before = list(ALL_TEMP_FILES)
    with pytest.raises(ExportError) as info:
        write_worklist(target, ROWS, make_meta())
    assert_released(before)
    message = str(info.value)
    assert "frister.xlsx" in message
    assert "kan ikke gemmes" in message or "kan ikke overskrives" in message
    assert "Vælg et andet filnavn" in message or "vælg et andet filnavn" in message
    assert (target / "behold.txt").read_text(encoding="utf-8") == "uændret"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frister.xlsx"]  # no temporary file left behind


def test_progress_is_reported_every_500_rows(tmp_path: Path) -> None:
    rows = [make_row(f"2026-{i:05d}", date(2026, 11, 25), Urgency.DUE_SOON, 2, caseworker=("anna.k", "bo.l")[i % 2])
            for i in range(1000)]  # fmt: skip
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    path = tmp_path / "stor.xlsx"
    write_worklist(path, rows, make_meta(per_caseworker=True), progress)
    # 1000 rows on "Frister" plus 500 on each caseworker's sheet = 2000 ticks; a report every 500, then done.
    assert calls == [(500, 2000), (1000, 2000), (1500, 2000), (2000, 2000), (2000, 2000)]
    assert len(cells(load_workbook(path, read_only=True)["anna.k"])) == 501


def test_cancel_leaves_no_file(tmp_path: Path) -> None:
    rows = [make_row(f"2026-{i:05d}", date(2026, 11, 25), Urgency.DUE_SOON, 2) for i in range(500)]
    calls: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    path = tmp_path / "annulleret.xlsx"
    before = list(ALL_TEMP_FILES)
    with pytest.raises(ExportCancelled):
        write_worklist(path, rows, make_meta(), cancel)
    assert calls == [(500, 500)]
    assert list(tmp_path.iterdir()) == []
    assert_released(before)


def test_cancel_keeps_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "frister.xlsx"
    write_worklist(path, ROWS, make_meta())
    before = path.read_bytes()
    rows = [make_row(f"2026-{i:05d}", date(2026, 11, 25), Urgency.DUE_SOON, 2) for i in range(500)]
    with pytest.raises(ExportCancelled):
        write_worklist(path, rows, make_meta(), lambda done, total: False)
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------- file names
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Frister uge 48 2026 - Team Vest", "Frister uge 48 2026 - Team Vest.xlsx"),
        ("Frister uge 48 2026 - Team Øst", "Frister uge 48 2026 - Team Øst.xlsx"),
        ('Frister 23-11-2026–06-12-2026 - a/b\\c:d*e?f"g<h>i|j',
         "Frister 23-11-2026–06-12-2026 - a_b_c_d_e_f_g_h_i_j.xlsx"),
        ("Frister uge 1 2027 - Team\tVest\x00", "Frister uge 1 2027 - Team_Vest_.xlsx"),
        ("Frister - Team Vest. ", "Frister - Team Vest.xlsx"),  # Windows drops a trailing dot or space
    ],
)  # fmt: skip
def test_default_filename(title: str, expected: str) -> None:
    name = default_filename(title)
    assert name == expected
    assert not set(name) & set('<>:"/\\|?*')
    assert all(ord(ch) >= 32 for ch in name)

