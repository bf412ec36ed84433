"""Genberegn frister: preview which open milestones move (and by how much) before anything moves."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jobcenter_desktop.core.text import count
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.services.recompute import Move
from jobcenter_desktop.ui.errors import show_error
from jobcenter_desktop.ui.lock.curtain import run_dialog
from jobcenter_desktop.ui.tasks import run_task
from jobcenter_desktop.ui.theme import when_text
from jobcenter_desktop.ui.widgets import read_only_table


class RecomputeDialog(QDialog):
    def __init__(self, app: Frister, moves: list[Move], reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.moves, self.reason = app, moves, reason
        self.applied: list[Move] | None = None
        self.setObjectName("RecomputeDialog")
        self.setWindowTitle(self.tr("Genberegn frister"))
        self.setAccessibleName(self.tr("Genberegn frister"))
        self.resize(720, 480)
        later = sum(1 for m in moves if (m.days or 0) > 0)
        earlier = sum(1 for m in moves if (m.days or 0) < 0)
        text = (self.tr("Ingen åbne frister flytter.") if not moves else
                self.tr("{0} flytter: {1} senere, {2} tidligere. Intet er ændret endnu.").format(
                    count(len(moves), self.tr("åben frist"), self.tr("åbne frister")), later, earlier))  # fmt: skip
        self.summary = QLabel(text)
        self.summary.setObjectName("recompute_summary")
        self.summary.setWordWrap(True)
        names = app.catalogue.milestones
        self.table = read_only_table("recompute_table", self.tr("Frister der flytter"),
                                     [self.tr("Sag"), self.tr("Milepæl"), self.tr("Før"), self.tr("Efter"),
                                      self.tr("Dage")], stretch=1, rows=len(moves))  # fmt: skip
        for row, m in enumerate(moves):
            name = names[m.rule_id].name if m.rule_id in names else m.rule_id
            days = f"{m.days:+d}" if m.days is not None else ""
            for col, text in enumerate((m.case_number, name, when_text(m.before), when_text(m.after), days)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(self.tr("Flyt frister"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("apply_recompute_button")
        self.apply_button.setEnabled(bool(moves))
        later_button = buttons.addButton(self.tr("Ikke nu"), QDialogButtonBox.ButtonRole.RejectRole)
        later_button.setObjectName("skip_recompute_button")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        outcome = run_task(self, self.tr("Genberegner"), self.tr("Flytter frister …"),
                           lambda progress: self.app.recompute.apply(self.reason, progress))  # fmt: skip
        if outcome.error:
            show_error(self, outcome.error)
            return
        if outcome.cancelled:
            show_error(self, self.tr("Genberegningen blev annulleret; ingen frister er flyttet."),
                       self.tr("Annulleret"))
            return
        self.applied = outcome.result
        super().accept()


def preview_and_apply(app: Frister, reason: str, parent: QWidget | None) -> list[Move] | None:
    """Compute the preview off the UI thread, show it, and apply if the user agrees."""
    outcome = run_task(parent, QCoreApplication.translate("RecomputeDialog", "Genberegning"),
                       QCoreApplication.translate("RecomputeDialog", "Finder frister der flytter …"),
                       app.recompute.preview)  # fmt: skip
    if outcome.error:
        show_error(parent, outcome.error)
        return None
    if outcome.cancelled:
        return None
    dlg = RecomputeDialog(app, outcome.result, reason, parent)
    run_dialog(dlg)
    return dlg.applied
