"""The timeliness workbook: one sheet per breakdown (the chosen one first) with a native Excel bar chart of the
share on time and the target line, "Udvikling" (the last 12 months), "Bag tallene" (the late and overdue
milestones the numbers are made of) and "Om tallene" (the definitions).

Charts are openpyxl's, so they stay live in Excel: the bars read the share column of the sheet itself. The
status is written as text ("Under mål") as well as coloured, so a black-and-white print reads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.kpi import (
    BREAKDOWN_DA,
    DEFINITIONS,
    EXEMPT_CEILING,
    Bucket,
    KpiPeriod,
    KpiRow,
    KpiTable,
    MissedLine,
    percent,
)
from jobcenter_desktop.core.urgency import PALETTE, Urgency
from jobcenter_desktop.export.xlsx_common import save_atomically

FONT = "Calibri"
BOLD = Font(name=FONT, bold=True)
PLAIN = Font(name=FONT)
TITLE = Font(name=FONT, bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
BELOW = PatternFill("solid", fgColor=PALETTE[Urgency.OVERDUE].fill.lstrip("#"))
MET = PatternFill("solid", fgColor=PALETTE[Urgency.DONE_ON_TIME].fill.lstrip("#"))
WRAP = Alignment(wrap_text=True, vertical="top")
HEADERS = ("", "Til tiden", "For sent", "Overskredet", "Fritaget", "Ikke forfaldne", "Forventede tider",
           "Andel til tiden", "Mål", "Status", "Andel fritaget",
           # Decisions on applications (retssikkerhedsloven § 3, stk. 2)
           "Afgørelser inden fristen", "Ikke nået, underrettet i tide",
           "Ikke nået, ikke underrettet i tide")  # fmt: skip
WIDTHS = (34, 10, 10, 12, 10, 14, 15, 15, 8, 14, 14, 14, 16, 18)
FIRST = 5  # the header row of a figures table


@dataclass(frozen=True)
class KpiWorkbook:
    title: str  # "Rettidighed 3. kvartal 2026 - Team Vest"
    period: KpiPeriod
    scope: str
    generated_by: str
    generated_at: datetime
    tables: Sequence[KpiTable]  # the chosen breakdown first
    trend: Sequence[tuple[KpiPeriod, KpiRow]]
    missed: Sequence[MissedLine]
    group_names: Mapping[str, str]
    rule_names: Mapping[str, str]
    catalogues: Sequence[str]


def _cell(ws: Worksheet, row: int, col: int, value: object) -> Any:
    """A cell whose text is never read as a formula (a name starting with "=" stays text)."""
    if isinstance(value, str):
        cell = ws.cell(row, col)
        cell.value = value
        cell.data_type = "s"
        return cell
    return ws.cell(row, col, value)


def status_text(row: KpiRow) -> str:
    if row.share_on_time is None or row.target is None:
        return "–"
    return "Under mål" if row.below_target else "Mål nået"


def write_kpi(path: Path, book: KpiWorkbook) -> None:
    """Write the workbook to ``path`` atomically (a Danish ExportError when it cannot be written)."""
    wb = Workbook()
    first = True
    for table in book.tables:
        ws = wb.active if first else wb.create_sheet()
        assert isinstance(ws, Worksheet)
        ws.title = BREAKDOWN_DA[table.by]
        _figures(ws, table, book)
        first = False
    _trend(wb.create_sheet("Udvikling"), book)
    _missed(wb.create_sheet("Bag tallene"), book)
    _about(wb.create_sheet("Om tallene"), book)
    save_atomically(wb, path)


def _head(ws: Worksheet, title: str, book: KpiWorkbook) -> None:
    ws["A1"] = title
    ws["A1"].font = TITLE
    ws["A2"] = f"Periode: {book.period.label} ({format_date(book.period.start)}–{format_date(book.period.end)}). " \
               f"Omfang: {book.scope}. Dannet {book.generated_at:%d-%m-%Y %H:%M} af {book.generated_by}."
    ws["A2"].font = PLAIN
    ws.oddHeader.center.text = title
    ws.oddFooter.right.text = "Side &P af &N"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _figures(ws: Worksheet, table: KpiTable, book: KpiWorkbook) -> None:
    name = BREAKDOWN_DA[table.by]
    _head(ws, f"{book.title} – pr. {name.lower()}", book)
    ws["A3"] = "Andel til tiden = til tiden / (til tiden + for sent + overskredet). Se arket »Om tallene«."
    ws["A3"].font = PLAIN
    for col, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), start=1):
        cell = ws.cell(FIRST, col, header or name)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
        ws.column_dimensions[cell.column_letter].width = width
    rows = [*table.rows, table.total]
    for i, row in enumerate(rows, start=FIRST + 1):
        share, target = row.share_on_time, row.target
        values = (row.label, row.on_time, row.late, row.overdue, row.exempt, row.not_yet_due, row.soft, share,
                  target, status_text(row), row.exempt_share, row.decisions_on_time, row.notified_in_time,
                  row.not_notified)  # fmt: skip
        for col, value in enumerate(values, start=1):
            cell = _cell(ws, i, col, value)
            cell.font = BOLD if row is table.total else PLAIN
            if col in (8, 9, 11):
                cell.number_format = "0.0%"
        status = ws.cell(i, 10)
        if row.share_on_time is not None and row.target is not None:
            status.fill = BELOW if row.below_target else MET
        if row.over_exempt_ceiling:
            ws.cell(i, 11).fill = BELOW
        if row.not_notified:  # the law's notice missed: the text says it, the fill repeats it
            ws.cell(i, 14).fill = BELOW
    ws.row_dimensions[FIRST].height = 45  # the headers wrap onto up to three lines
    ws.freeze_panes = ws.cell(FIRST + 1, 2)
    if table.rows:
        _share_chart(ws, table, name, FIRST + 1, FIRST + len(table.rows))


def _share_chart(ws: Worksheet, table: KpiTable, name: str, top: int, bottom: int) -> None:
    bar = BarChart()
    bar.type = "bar" if len(table.rows) > 8 else "col"  # many rows: horizontal bars keep the labels readable
    bar.title = f"Andel til tiden pr. {name.lower()}"
    bar.y_axis.title = "Andel til tiden"
    bar.y_axis.number_format = "0%"
    bar.y_axis.scaling.min = 0
    bar.y_axis.scaling.max = 1
    bar.y_axis.delete = False
    bar.x_axis.delete = False
    bar.add_data(Reference(ws, min_col=8, min_row=top - 1, max_row=bottom), titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, min_row=top, max_row=bottom))
    bar.series[0].graphicalProperties.solidFill = PALETTE[Urgency.DONE_ON_TIME].color.lstrip("#")
    if any(r.target is not None for r in table.rows):
        line = LineChart()
        line.add_data(Reference(ws, min_col=9, min_row=top - 1, max_row=bottom), titles_from_data=True)
        line.series[0].graphicalProperties.line.solidFill = PALETTE[Urgency.OVERDUE].color.lstrip("#")
        line.series[0].graphicalProperties.line.dashStyle = "dash"
        line.series[0].graphicalProperties.line.width = 28575
        bar += line
    bar.height, bar.width = 9 + 0.4 * max(0, len(table.rows) - 8), 22
    ws.add_chart(bar, f"A{bottom + 4}")


def _trend(ws: Worksheet, book: KpiWorkbook) -> None:
    _head(ws, f"{book.title} – udvikling de sidste {len(book.trend)} måneder", book)
    headers = ("Måned", "Til tiden", "For sent", "Overskredet", "Fritaget", "Andel til tiden", "Mål")
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(FIRST, col, header)
        cell.font, cell.fill = BOLD, HEADER_FILL
        ws.column_dimensions[cell.column_letter].width = 16
    for i, (month, row) in enumerate(book.trend, start=FIRST + 1):
        for col, value in enumerate((month.label, row.on_time, row.late, row.overdue, row.exempt, row.share_on_time,
                                     row.target), start=1):  # fmt: skip
            cell = ws.cell(i, col, value)
            cell.font = PLAIN
            if col in (6, 7):
                cell.number_format = "0.0%"
    if book.trend:
        bottom = FIRST + len(book.trend)
        chart = LineChart()
        chart.title = "Andel til tiden pr. måned"
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 1
        chart.y_axis.delete = chart.x_axis.delete = False
        chart.add_data(Reference(ws, min_col=6, max_col=7, min_row=FIRST, max_row=bottom), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=FIRST + 1, max_row=bottom))
        chart.height, chart.width = 9, 22
        ws.add_chart(chart, f"A{bottom + 3}")


def _missed(ws: Worksheet, book: KpiWorkbook) -> None:
    _head(ws, f"{book.title} – for sent og overskredet", book)
    ws["A3"] = f"{len(book.missed)} milepæle (uden persondata: sagsnummeret fører til sagen)."
    headers = ("Frist", "Status", "Udført", "Sagsnr.", "Målgruppe", "Milepæl", "Sagsbehandler", "Team")
    widths = (12, 14, 12, 12, 30, 40, 16, 14)
    for col, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(FIRST, col, header)
        cell.font, cell.fill = BOLD, HEADER_FILL
        ws.column_dimensions[cell.column_letter].width = width
    for i, m in enumerate(book.missed, start=FIRST + 1):
        late = m.bucket is Bucket.LATE
        values = (m.due_at or m.due, "For sent" if late else "Overskredet", m.done_on, m.case_number,
                  book.group_names.get(m.group, m.group), book.rule_names.get(m.rule_id, m.rule_id), m.caseworker,
                  m.team)  # fmt: skip
        for col, value in enumerate(values, start=1):
            cell = _cell(ws, i, col, value)
            cell.font = PLAIN
            if col in (1, 3) and value is not None:
                cell.number_format = "DD-MM-YYYY HH:MM" if col == 1 and m.due_at else "DD-MM-YYYY"
        ws.cell(i, 2).fill = PatternFill("solid", fgColor=PALETTE[Urgency.DONE_LATE if late else Urgency.OVERDUE]
                                         .fill.lstrip("#"))  # fmt: skip
    ws.freeze_panes = ws.cell(FIRST + 1, 1)
    if book.missed:
        ws.auto_filter.ref = f"A{FIRST}:H{FIRST + len(book.missed)}"


def _about(ws: Worksheet, book: KpiWorkbook) -> None:
    _head(ws, f"{book.title} – om tallene", book)
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 110
    items = [*DEFINITIONS, ("Loft for fritagelser", f"{percent(EXEMPT_CEILING)} pr. målgruppe (lov nr. 1750 af 29. "
                                                    "december 2025); over loftet markeres »Andel fritaget«."),
             ("Omfang", book.scope), ("Periode", f"{book.period.label} ({format_date(book.period.start)}–"
                                                 f"{format_date(book.period.end)})"),
             ("Dannet af", book.generated_by), ("Dannet", book.generated_at.strftime("%d-%m-%Y %H:%M")),
             *(("Regelkatalog", line) for line in book.catalogues),
             ("Statusfarver", "Under mål: orange felt og teksten »Under mål«; mål nået: grønt felt og »Mål nået«.")]
    for i, (label, text) in enumerate(items, start=FIRST):
        head = ws.cell(i, 1, label)
        head.font, head.alignment = BOLD, WRAP
        cell = _cell(ws, i, 2, text)
        cell.font, cell.alignment = PLAIN, WRAP
        # Wrapped text needs its height said: LibreOffice (and a print) do not grow the row themselves.
        ws.row_dimensions[i].height = 15 * max(1, -(-len(text) // 105))
