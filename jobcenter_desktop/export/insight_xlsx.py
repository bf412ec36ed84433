"""The citizen's access report as a workbook: an "Om rapporten" sheet, then one sheet per kind of record, each a
plain table with Danish headings a citizen can read and print (A4 landscape, one page wide, headings on every
page). The services decide what goes in (services/insight.py); this module only lays it out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from jobcenter_desktop.export.xlsx_common import column_letter, save_atomically

Cell = str | int | date | datetime | None
BOLD = Font(name="Calibri", bold=True)
TITLE = Font(name="Calibri", bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Table:
    name: str  # the sheet's name, e.g. "Milepæle"
    headers: Sequence[tuple[str, int]]  # (heading, column width)
    rows: Sequence[Sequence[Cell]]


@dataclass(frozen=True)
class InsightBook:
    title: str  # "Indsigt: oplysninger om Fie Fleksen"
    about: Sequence[tuple[str, str]]
    tables: Sequence[Table]


def _text(ws: Worksheet, row: int, col: int, value: Cell) -> None:
    cell = ws.cell(row, col)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text stays text: a note starting with "=" is never a formula
    elif isinstance(value, datetime):
        cell.number_format = "DD-MM-YYYY HH:MM"
    elif isinstance(value, date):
        cell.number_format = "DD-MM-YYYY"
    cell.alignment = WRAP


def _page(ws: Worksheet, title: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddHeader.left.text = title.replace("&", "&&")
    ws.oddFooter.right.text = "Side &P af &N"


def write_insight(target: Path, book: InsightBook) -> None:
    """Write the report whole or not at all (a Danish ExportError when it cannot be written)."""
    wb = Workbook()
    about = wb.active
    assert isinstance(about, Worksheet)
    about.title = "Om rapporten"
    _page(about, book.title)
    about["A1"] = book.title
    about["A1"].font = TITLE
    about.column_dimensions["A"].width = 26
    about.column_dimensions["B"].width = 90
    for i, (label, value) in enumerate(book.about, start=3):
        _text(about, i, 1, label)
        about.cell(i, 1).font = BOLD
        _text(about, i, 2, value)
    for table in book.tables:
        ws = wb.create_sheet(table.name)
        _page(ws, f"{book.title} – {table.name}")
        for col, (heading, width) in enumerate(table.headers, start=1):
            cell = ws.cell(1, col, heading)
            cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
            ws.column_dimensions[column_letter(col)].width = width
        for r, values in enumerate(table.rows, start=2):
            for col, v in enumerate(values, start=1):
                _text(ws, r, col, v)
        if not table.rows:
            _text(ws, 2, 1, "(ingen)")
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
    save_atomically(wb, target)
