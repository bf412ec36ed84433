"""The case's history (its audit trail) as people read it: newest first, Danish words, milestone names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from jobcenter_desktop.services.history import HistoryLine
from jobcenter_desktop.ui.i18n import history_word
from jobcenter_desktop.ui.widgets import read_only_table

translate = QCoreApplication.translate


def history_table() -> QTableWidget:
    headers = [translate("History", "Tidspunkt"), translate("History", "Hvem"), translate("History", "Handling"),
               translate("History", "Hvad"), translate("History", "Ændring")]  # fmt: skip
    return read_only_table("history_table", translate("History", "Historik"), headers, stretch=4,
                           widths={0: 130, 1: 90, 2: 120, 3: 190})  # fmt: skip


def fill_history(table: QTableWidget, lines: tuple[HistoryLine, ...]) -> None:
    table.setRowCount(len(lines))
    for row, line in enumerate(lines):
        action = history_word(line.action) + (f" ({line.device})" if line.device else "")
        cells = (line.at.strftime("%d-%m-%Y %H:%M"), line.actor, action, history_word(line.what), line.change)
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)  # a long change is elided in its cell
            table.setItem(row, col, item)
