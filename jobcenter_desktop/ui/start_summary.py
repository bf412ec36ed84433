"""The line at the top of Mine frister: "Hej anna.k. Du har 3 overskredne frister og 2 med frist i dag.",
kept current as deadlines are done; closed with ×."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

from jobcenter_desktop.core.models import DeadlineFilter
from jobcenter_desktop.core.text import count
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.ui.theme import now_for
from jobcenter_desktop.ui.worklist_view import WorklistView


class StartSummary(QFrame):
    def __init__(self, app: Frister, worklist: WorklistView, today: Callable[[], date]) -> None:
        super().__init__()
        self.app, self.worklist, self.today = app, worklist, today
        self.setObjectName("start_summary")
        self.setProperty("role", "summary")
        self.label = QLabel()
        self.label.setObjectName("summary_label")
        close = QToolButton()
        close.setText("×")
        close.setObjectName("close_summary_button")
        close.setAccessibleName(self.tr("Luk oversigten"))
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(close)
        self.update_counts()

    def update_counts(self) -> None:
        today = self.today()
        mine = DeadlineFilter(caseworker=self.app.ctx.actor)
        # The worklist usually shows exactly "my open deadlines": count its rows instead of asking again.
        if self.worklist.current_filter() == mine:
            rows = self.worklist.loaded_rows()
        else:
            rows = self.app.deadlines.list(mine, today, now_for(today))
        overdue = sum(1 for r in rows if r.urgency is Urgency.OVERDUE)
        due_today = sum(1 for r in rows if r.urgency is Urgency.DUE_TODAY)
        text = self.tr("<b>Hej {0}.</b> Du har <b>{1}</b> og <b>{2}</b> med frist i dag.")
        self.label.setText(text.format(self.app.ctx.actor, count(overdue, self.tr("overskredet frist"),
                                                                 self.tr("overskredne frister")), due_today))
