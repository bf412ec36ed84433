"""The Excel worklist: sheet "Frister" (plus one per caseworker on request), "Oversigt" and "Om listen".

Written in openpyxl's write-only mode (streaming; large lists stay fast and small in memory). Status cells use
the shared urgency palette, and the status is always written as text too, so a black-and-white print reads.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from jobcenter_desktop.core.calendar import DANISH_WEEKDAYS
from jobcenter_desktop.core.models import DeadlineRow
from jobcenter_desktop.core.notice import NOTICE_ALERTS, NOTICE_STYLES, NoticeState
from jobcenter_desktop.core.party import display_party_id, hide_cpr_in_text
from jobcenter_desktop.core.urgency import OPEN_STATES, PALETTE, Urgency
from jobcenter_desktop.export.errors import ExportCancelled as ExportCancelled  # raised by write_worklist
from jobcenter_desktop.export.xlsx_common import (
    StyleCache,
    column_letter,
    discard,
    gc_paused,
    plain_text,
    save_atomically,
    text_cell,
)

# (header, width in characters)
COLUMNS: tuple[tuple[str, float], ...] = (
    ("Frist", 12), ("Ugedag", 9), ("Uge", 6), ("Status", 22), ("Hverdage til frist", 10), ("Målgruppe", 30),
    ("Milepæl", 38), ("Sagsnr.", 12), ("Part", 28), ("CPR/CVR", 13), ("Sagsbehandler", 14), ("Team", 12),
    ("Bemærkning", 40),
)  # fmt: skip
DATE_FORMAT = "DD-MM-YYYY"
FONT_NAME = "Calibri"  # name it: LibreOffice falls back to a serif font for styled cells without one
HEADER_FONT = Font(name=FONT_NAME, bold=True)
BOLD = Font(name=FONT_NAME, bold=True)
PLAIN = Font(name=FONT_NAME)
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
HEADER_BORDER = Border(bottom=Side(style="thin", color="888888"))
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
STATE_ORDER = sorted(OPEN_STATES, key=lambda s: PALETTE[s].rank)
_FILLS = {state: PatternFill("solid", fgColor=PALETTE[state].fill.lstrip("#")) for state in Urgency}
_NOTICE_FILLS = {n: PatternFill("solid", fgColor=NOTICE_STYLES[n].fill.lstrip("#")) for n in NOTICE_ALERTS}


def status_text(r: DeadlineRow) -> str:
    """The state as the sheet writes it: symbol and words, the underretning flag first when it asks to act."""
    style = PALETTE[r.urgency]
    if r.notice is None:
        return f"{style.symbol} {style.label}"
    flag = NOTICE_STYLES[r.notice]
    if r.notice is NoticeState.BREACH:
        return f"{flag.symbol} {flag.label}"
    if r.notice is NoticeState.DUE:
        return f"{flag.symbol} {flag.label} · {style.label}"
    sent = f" {r.notice_sent_on:%d-%m-%Y}" if r.notice_sent_on else ""
    return f"{style.symbol} {style.label} · {flag.label.lower()}{sent}"
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class WorklistMeta:
    title: str  # e.g. "Frister uge 48 2026 - Team Vest"
    period: str  # e.g. "uge 48 2026 (23-11-2026–29-11-2026)"
    generated_by: str
    generated_at: datetime
    catalogue: str
    calendar: str
    filters: Sequence[tuple[str, str]] = field(default_factory=tuple)  # (label, value) for "Om listen"
    include_cpr: bool = False
    per_caseworker: bool = False


def _header(ws: WriteOnlyWorksheet, names: Sequence[str]) -> list[WriteOnlyCell]:
    return [text_cell(ws, name, font=HEADER_FONT, fill=HEADER_FILL, border=HEADER_BORDER, alignment=WRAP)
            for name in names]  # fmt: skip


def _print_setup(ws: WriteOnlyWorksheet, meta: WorklistMeta, ncols: int, nrows: int, who: str = "") -> None:
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{column_letter(ncols)}{max(nrows, 1) + 1}"
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    _page(ws, meta, f"{meta.title} – {who}" if who else meta.title)


def _page(ws: WriteOnlyWorksheet, meta: WorklistMeta, title: str) -> None:
    """Every sheet prints the same way: A4 landscape, one page wide, the list's title and period at the top,
    who made it and the page number at the bottom. (Write-only sheets take this before their first row.)"""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4; without it LibreOffice and Excel fall back to US Letter
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.top = 0.8
    ws.page_margins.bottom = 0.7
    ws.oddHeader.left.text = _escape(title)
    ws.oddHeader.left.font = "-,Bold"
    ws.oddHeader.right.text = _escape(meta.period)
    ws.oddFooter.left.text = _escape(f"Dannet {meta.generated_at:%d-%m-%Y %H:%M} af {meta.generated_by}")
    ws.oddFooter.right.text = "Side &P af &N"


CENTER = Alignment(horizontal="center", vertical="top")
CENTER_WRAP = Alignment(horizontal="center", vertical="top", wrap_text=True)


def _escape(text: str) -> str:
    return text.replace("&", "&&")  # "&" starts a code in Excel headers and footers


def _deadline_sheet(wb: Workbook, name: str, rows: Sequence[DeadlineRow], meta: WorklistMeta,
                    tick: Callable[[], None], who: str = "") -> None:  # fmt: skip
    ws = wb.create_sheet(name)
    for i, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[column_letter(i)].width = width
    _print_setup(ws, meta, len(COLUMNS), len(rows), who)
    ws.row_dimensions[1].height = 30  # room for the wrapped "Hverdage til frist"
    ws.append(_header(ws, [c[0] for c in COLUMNS]))
    styles = StyleCache(ws)
    for r in rows:
        assert r.due is not None
        state = r.urgency
        fill = _FILLS[state]
        ident = display_party_id(r.party.kind, r.party.identifier, reveal=meta.include_cpr)
        notes = r.notes.strip() if meta.include_cpr else hide_cpr_in_text(r.notes.strip())  # a CPR typed in a note
        alert = r.notice in NOTICE_ALERTS
        status_font = BOLD if state is Urgency.OVERDUE or alert else PLAIN
        status_fill = _NOTICE_FILLS[r.notice] if alert and r.notice is not None else fill
        milestone = r.milestone_name + (f" kl. {r.due_at:%H:%M}" if r.due_at else "")
        ws.append([
            styles.cell(r.due, ("due", state), number_format=DATE_FORMAT, fill=fill),
            DANISH_WEEKDAYS[r.due.weekday()],
            r.due.isocalendar().week,
            styles.cell(status_text(r), ("status", state, r.notice), fill=status_fill, font=status_font),
            styles.cell(r.working_days_left, ("left", state), fill=fill),
            # Top-aligned beside a wrapped note; a row without one is one line high, where alignment shows not
            # (and an unstyled cell is much cheaper to write: most rows have no note).
            styles.cell(r.group_name, "top", alignment=TOP) if notes else plain_text(ws, r.group_name),
            styles.cell(milestone, "top", alignment=TOP) if notes else plain_text(ws, milestone),
            plain_text(ws, r.case_number),
            plain_text(ws, r.party.name if meta.include_cpr else hide_cpr_in_text(r.party.name)),
            plain_text(ws, ident),
            plain_text(ws, r.caseworker),
            plain_text(ws, r.team),
            styles.cell(notes, "wrap", alignment=WRAP) if notes else None,
        ])  # fmt: skip
        tick()


def _safe_sheet_name(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'") or "Ukendt"
    base = base[:28].rstrip("'") or "Ukendt"  # Excel refuses a sheet name that ends with an apostrophe
    candidate, n = base, 2
    while candidate.casefold() in used:
        candidate = f"{base[:25]} ({n})"
        n += 1
    used.add(candidate.casefold())
    return candidate


def _overview(wb: Workbook, rows: Sequence[DeadlineRow], meta: WorklistMeta) -> None:
    ws = wb.create_sheet("Oversigt")
    _page(ws, meta, f"{meta.title} – oversigt")
    ws.column_dimensions["A"].width = 36
    for i, state in enumerate(STATE_ORDER, start=2):  # wide enough that no header wraps
        ws.column_dimensions[column_letter(i)].width = max(11, len(PALETTE[state].label) + 3)
    ws.column_dimensions[column_letter(len(STATE_ORDER) + 2)].width = 9
    ws.append([text_cell(ws, meta.title, font=Font(name=FONT_NAME, bold=True, size=13))])
    ws.append([text_cell(ws, f"Periode: {meta.period}")])
    ws.append([])
    by: tuple[tuple[str, Callable[[DeadlineRow], str]], ...] = (
        ("Sagsbehandler", lambda r: r.caseworker), ("Målgruppe", lambda r: r.group_name))
    for title, key in by:
        counts: Counter[tuple[str, Urgency]] = Counter((key(r), r.urgency) for r in rows)
        names = sorted({key(r) for r in rows}, key=str.casefold)
        header = _header(ws, [title, *(PALETTE[s].label for s in STATE_ORDER), "I alt"])
        for cell in header[1:]:
            cell.alignment = CENTER_WRAP  # the counts below are centred too: each number under its header
        ws.append(header)
        for name in names:
            values = [counts[(name, s)] for s in STATE_ORDER]
            cells: list[object] = [text_cell(ws, name)]
            for s, v in zip(STATE_ORDER, values, strict=True):
                cell = WriteOnlyCell(ws, value=v)
                cell.alignment = CENTER
                if v:
                    cell.fill = _FILLS[s]
                cells.append(cell)
            total_cell = WriteOnlyCell(ws, value=sum(values))
            total_cell.alignment = CENTER
            cells.append(total_cell)
            ws.append(cells)
        totals = [sum(counts[(n, s)] for n in names) for s in STATE_ORDER]
        total_row: list[object] = [text_cell(ws, "I alt", font=HEADER_FONT)]
        for v in [*totals, sum(totals)]:
            cell = WriteOnlyCell(ws, value=v)
            cell.font = HEADER_FONT
            cell.alignment = CENTER
            total_row.append(cell)
        ws.append(total_row)
        ws.append([])


def _about(wb: Workbook, meta: WorklistMeta, count: int) -> None:
    ws = wb.create_sheet("Om listen")
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 110
    _page(ws, meta, f"{meta.title} – om listen")
    ws.append([text_cell(ws, "Om listen", font=Font(name=FONT_NAME, bold=True, size=13))])
    items: list[tuple[str, str]] = [
        ("Titel", meta.title),
        ("Periode", meta.period),
        *meta.filters,
        ("Antal frister", str(count)),
        ("CPR-numre", "vist fuldt (registreret i historikken)" if meta.include_cpr else "maskeret (DDMMÅÅ-XXXX)"),
        ("Dannet af", meta.generated_by),
        ("Dannet", meta.generated_at.strftime("%d-%m-%Y %H:%M")),
        ("Regelkatalog", meta.catalogue),
        ("Kalender", meta.calendar),
        ("Statusfarver", "; ".join(f"{PALETTE[s].symbol} {PALETTE[s].label}" for s in STATE_ORDER)),
        ("Underretning", "; ".join(f"{NOTICE_STYLES[n].symbol} {NOTICE_STYLES[n].label}"
                                   for n in sorted(NOTICE_ALERTS, key=lambda n: NOTICE_STYLES[n].rank))
         + ": afgørelser på ansøgninger, hvor ansøgeren skal have skriftlig besked, hvis fristen ikke kan holdes "
           "(retssikkerhedslovens § 3, stk. 2)."),
    ]
    for label, value in items:
        ws.append([text_cell(ws, label, font=HEADER_FONT), text_cell(ws, value, alignment=TOP)])


def write_worklist(path: Path, rows: Sequence[DeadlineRow], meta: WorklistMeta,
                   progress: Progress | None = None) -> None:  # fmt: skip
    """Write the workbook to ``path`` (atomically). ``progress(done, total)`` returning False cancels."""
    wb = Workbook(write_only=True)
    per_worker: dict[str, list[DeadlineRow]] = {}
    if meta.per_caseworker:
        for r in rows:
            per_worker.setdefault(r.caseworker, []).append(r)
    total = len(rows) + sum(len(v) for v in per_worker.values())
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None and done % 500 == 0 and not progress(done, total):
            raise ExportCancelled

    try:
        with gc_paused():
            _deadline_sheet(wb, "Frister", rows, meta, tick)
            used = {"frister", "oversigt", "om listen"}
            for worker in sorted(per_worker, key=str.casefold):
                _deadline_sheet(wb, _safe_sheet_name(worker, used), per_worker[worker], meta, tick, worker)
            _overview(wb, rows, meta)
            _about(wb, meta, len(rows))
            save_atomically(wb, path)
    except BaseException:
        discard(wb)
        raise
    if progress is not None:
        progress(total, total)


def default_filename(title: str) -> str:
    """A file name from the list's title, without characters Windows refuses."""
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]', "_", title).strip(" .") + ".xlsx"

