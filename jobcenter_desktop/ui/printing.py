"""Ctrl+P: the worklist as shown, a calendar day or week list, or a case summary, on A4 through Qt's print
preview (which also saves a PDF). A title with who printed it and when, Danish column headers, page numbers
at the foot of each page; CPR numbers masked unless the user has revealed them in the case window."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QAction, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QToolBar, QWidget

from jobcenter_desktop.core.calendar import format_date
from jobcenter_desktop.core.models import CaseRecord, DeadlineRow
from jobcenter_desktop.core.party import display_party_id, hide_cpr_in_text
from jobcenter_desktop.core.rules import Catalogue
from jobcenter_desktop.core.text import count
from jobcenter_desktop.core.urgency import PALETTE
from jobcenter_desktop.services.history import HistoryLine, history
from jobcenter_desktop.ui.i18n import QT_TRANSLATE_NOOP, history_word, urgency_label
from jobcenter_desktop.ui.models import DeadlineTableModel
from jobcenter_desktop.ui.widgets import fit_to_screen

if TYPE_CHECKING:
    from jobcenter_desktop.ui.main_window import MainWindow

translate = QCoreApplication.translate
DEADLINE_HEADERS = (
    QT_TRANSLATE_NOOP("Printing", "Status"), QT_TRANSLATE_NOOP("Printing", "Frist"),
    QT_TRANSLATE_NOOP("Printing", "Hvd."), QT_TRANSLATE_NOOP("Printing", "Milepæl"),
    QT_TRANSLATE_NOOP("Printing", "Målgruppe"), QT_TRANSLATE_NOOP("Printing", "Sagsnr."),
    QT_TRANSLATE_NOOP("Printing", "Part"), QT_TRANSLATE_NOOP("Printing", "CPR/CVR"),
    QT_TRANSLATE_NOOP("Printing", "Sagsbehandler"),
)
MILESTONE_HEADERS = (
    QT_TRANSLATE_NOOP("Printing", "Milepæl"), QT_TRANSLATE_NOOP("Printing", "Frist"),
    QT_TRANSLATE_NOOP("Printing", "Udført"), QT_TRANSLATE_NOOP("Printing", "Hvorfor denne dato?"),
)
PAUSE_HEADERS = (
    QT_TRANSLATE_NOOP("Printing", "Fra"), QT_TRANSLATE_NOOP("Printing", "Til"), QT_TRANSLATE_NOOP("Printing", "Årsag"),
)
HISTORY_HEADERS = (
    QT_TRANSLATE_NOOP("Printing", "Tidspunkt"), QT_TRANSLATE_NOOP("Printing", "Hvem"),
    QT_TRANSLATE_NOOP("Printing", "Handling"), QT_TRANSLATE_NOOP("Printing", "Hvad"),
    QT_TRANSLATE_NOOP("Printing", "Ændring"),
)
STYLE = """
body { font-family: sans-serif; font-size: 9pt; }
h1 { font-size: 14pt; margin: 0 0 2px 0; }
p.meta { color: #444; margin: 0 0 8px 0; }
table { border-collapse: collapse; }
th { background: #e8edf2; text-align: left; font-weight: bold; }
th, td { border: 1px solid #9aa5b1; padding: 2px 4px; }
h2 { font-size: 11pt; margin: 10px 0 4px 0; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _page(title: str, who: str, when: datetime, body: str) -> str:
    meta = translate("Printing", "Udskrevet {0} af {1}").format(f"{format_date(when.date())} {when:%H:%M}", who)
    return (f"<html><head><style>{STYLE}</style></head><body><h1>{_e(title)}</h1>"
            f"<p class='meta'>{_e(meta)}</p>{body}</body></html>")  # fmt: skip


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], colours: Sequence[str] | None = None) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        bg = f" style='background:{colours[i]}'" if colours else ""
        body.append("<tr>" + "".join(f"<td{bg if j == 0 else ''}>{_e(c)}</td>" for j, c in enumerate(row)) + "</tr>")
    return f"<table width='100%' cellspacing='0'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _due(r: DeadlineRow) -> str:
    if r.due is None:
        return "—"
    return format_date(r.due) + (f" kl. {r.due_at:%H:%M}" if r.due_at else "")


def deadlines_html(title: str, rows: Sequence[DeadlineRow], who: str, when: datetime) -> str:
    """A list of deadlines (worklist, calendar day or week): state as symbol + word (never colour alone)."""
    headers = [translate("Printing", h) for h in DEADLINE_HEADERS]
    cells = [[f"{PALETTE[r.urgency].symbol} {urgency_label(r.urgency)}", _due(r),
              "" if r.working_days_left is None else str(r.working_days_left), r.milestone_name, r.group_name,
              r.case_number, hide_cpr_in_text(r.party.name), display_party_id(r.party.kind, r.party.identifier),
              r.caseworker] for r in rows]  # fmt: skip
    colours = [PALETTE[r.urgency].fill for r in rows]
    n = count(len(rows), translate("Printing", "frist"), translate("Printing", "frister"))
    summary = f"<p class='meta'>{_e(n)}</p>"
    return _page(title, who, when, summary + _table(headers, cells, colours))


def case_html(case: CaseRecord, catalogue: Catalogue, history: Sequence[HistoryLine], who: str, when: datetime,
              *, reveal: bool = False) -> str:  # fmt: skip
    group = catalogue.groups[case.group].name if case.group in catalogue.groups else case.group
    ident = display_party_id(case.party.kind, case.party.identifier, reveal=reveal)
    name = case.party.name if reveal else hide_cpr_in_text(case.party.name)
    facts = [(translate("Printing", "Part"), f"{name} ({ident})"), (translate("Printing", "Målgruppe"), group),
             (translate("Printing", "Sagsbehandler"), f"{case.caseworker} {case.team}".strip()),
             (translate("Printing", "Oprettet"), format_date(case.opened_on))]  # fmt: skip
    body = "<table cellspacing='0'>" + "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in facts)
    body += "</table>"
    body += f"<h2>{_e(translate('Printing', 'Milepæle'))}</h2>"
    rows = []
    for m in case.milestones:
        rule = catalogue.milestones.get(m.rule_id)
        due = (format_date(m.due) + (f" kl. {m.due_at:%H:%M}" if m.due_at else "")) if m.due else "—"
        done = format_date(m.done_on) if m.done_on else ""
        rows.append([rule.name if rule else m.rule_id, due, done, " ".join(m.steps)])
    body += _table([translate("Printing", h) for h in MILESTONE_HEADERS], rows)
    if case.pauses:
        body += f"<h2>{_e(translate('Printing', 'Pauser'))}</h2>"
        body += _table([translate("Printing", h) for h in PAUSE_HEADERS],
                       [[format_date(p.start), format_date(p.end) if p.end else translate("Printing", "(i gang)"),
                         p.reason if reveal else hide_cpr_in_text(p.reason)] for p in case.pauses])  # fmt: skip
    notes = case.notes if reveal else hide_cpr_in_text(case.notes)
    if notes.strip():
        body += f"<h2>{_e(translate('Printing', 'Bemærkninger'))}</h2><p>{_e(notes).replace(chr(10), '<br>')}</p>"
    if history:
        body += f"<h2>{_e(translate('Printing', 'Historik'))}</h2>"
        body += _table([translate("Printing", h) for h in HISTORY_HEADERS],
                       [[f"{h.at:%d-%m-%Y %H:%M}", h.actor, history_word(h.action), history_word(h.what), h.change]
                        for h in history])  # fmt: skip
    title = translate("Printing", "Sag {0} — {1}").format(case.number, group)
    return _page(title, who, when, body)


def a4_printer(mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    """A4 landscape. No margins of our own: QTextDocument.print_ puts 2 cm around the text itself."""
    printer = QPrinter(mode)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                      QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))  # fmt: skip
    return printer


def document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(text)
    return doc


def print_to(printer: QPrinter, text: str) -> None:
    """Qt paginates the document and draws a page number at the foot of each page."""
    doc = document(text)
    doc.setPageSize(QSizeF())  # let print() paginate (and number the pages) for this printer
    doc.print_(printer)


def save_pdf(text: str, path: Path) -> None:
    printer = a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    print_to(printer, text)


def preview(parent: QWidget, title: str, text: str) -> QPrintPreviewDialog:
    """Qt's print preview on A4 (zoom, pages, printer choice), with a "Gem som PDF" button of ours."""
    printer = a4_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.printer_ = printer  # type: ignore[attr-defined]  # the dialog does not own it: keep it alive with it
    dialog.setObjectName("print_preview")
    dialog.setWindowTitle(translate("Printing", "Udskriv: {0}").format(title))
    dialog.paintRequested.connect(lambda p: print_to(p, text))
    bar = dialog.findChild(QToolBar)
    if bar is not None:
        pdf = QAction(translate("Printing", "Gem som PDF …"), dialog)
        pdf.setObjectName("save_pdf_action")
        pdf.triggered.connect(lambda: _ask_pdf(dialog, title, text))
        bar.addSeparator()
        bar.addAction(pdf)
    fit_to_screen(dialog, 1000, 700)
    return dialog


def _ask_pdf(parent: QWidget, title: str, text: str) -> None:
    from jobcenter_desktop.ui.export_dialog import documents_dir

    chosen = QFileDialog.getSaveFileName(parent, translate("Printing", "Gem som PDF"),
                                         str(documents_dir() / f"{title}.pdf"), "PDF (*.pdf)")[0]  # fmt: skip
    if chosen:
        save_pdf(text, Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf"))


def print_window(window: MainWindow) -> None:
    """The main window's Ctrl+P: the deadline list in front of the user as shown, or the register's case."""
    view = window.current_case_view()
    if view is None:
        window.status_message(translate("Printing", "Der er ingen liste at udskrive på denne fane."), 5000)
        return
    model = view.model()
    who, when = window.app.ctx.actor, datetime.now()
    if isinstance(model, DeadlineTableModel):
        title = translate("Printing", "Frister")
        if window.pages.calendar_page.built:  # a list of the calendar's: its day or week title
            cal = window.calendar
            title = {id(cal.day_table): cal.day_title.text(), id(cal.week_table): cal.week_title.text()}.get(
                id(view), title)  # fmt: skip
        text = deadlines_html(title, model.rows(), who, when)
    else:
        summary = window.cases.current()
        if summary is None:
            window.status_message(translate("Printing", "Vælg en sag at udskrive."), 5000)
            return
        case = window.app.cases.get(summary.id)
        lines = history(window.app.audit(case.id), window.app.catalogue)
        text = case_html(case, window.app.catalogue, lines, who, when)
        title = case.number
    window.exec_lockable(preview(window, title, text))
