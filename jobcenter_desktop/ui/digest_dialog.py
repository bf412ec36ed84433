"""Start-of-day digest: at the day's first start, my deadlines of today and the overdue ones, in a small
window beside the main one (not modal: the work can start at once). "Vis ikke igen i dag" keeps it away until
tomorrow; a double-click or Enter opens the case."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QVBoxLayout, QWidget

from jobcenter_desktop.core.models import DeadlineFilter, DeadlineRow
from jobcenter_desktop.core.text import count
from jobcenter_desktop.core.urgency import Urgency
from jobcenter_desktop.services.app import Frister
from jobcenter_desktop.ui.models import DeadlineTableModel
from jobcenter_desktop.ui.theme import now_for
from jobcenter_desktop.ui.widgets import dialog_buttons
from jobcenter_desktop.ui.worklist_view import DeadlineTable

HIDDEN_ON_KEY = "digest/hidden_on"
DIGEST_STATES = (Urgency.OVERDUE, Urgency.DUE_TODAY)


def digest_rows(app: Frister, today: date) -> list[DeadlineRow]:
    rows = app.deadlines.list(DeadlineFilter(caseworker=app.ctx.actor), today, now_for(today))
    out, paused_cases = [], set()
    for r in rows:
        if r.urgency in DIGEST_STATES:
            out.append(r)
        elif r.pause_past_expected_end and r.case_id not in paused_cases:  # a pause that should have ended
            paused_cases.add(r.case_id)
            out.append(r)
    return out


def wanted_today(settings: QSettings, today: date) -> bool:
    return str(settings.value(HIDDEN_ON_KEY, "") or "") != today.isoformat()


class DigestDialog(QDialog):
    open_case = Signal(object)  # case id

    def __init__(self, rows: list[DeadlineRow], settings: QSettings, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.settings, self.today = settings, today
        self.setObjectName("DigestDialog")
        self.setWindowTitle(self.tr("Dagens frister"))
        self.setAccessibleName(self.tr("Dagens frister"))
        self.setModal(False)
        overdue = sum(r.urgency is Urgency.OVERDUE for r in rows)
        due_today = sum(r.urgency is Urgency.DUE_TODAY for r in rows)
        pauses = len(rows) - overdue - due_today
        self.summary = QLabel(self.tr("<b>God morgen.</b> {0} i dag og {1}.").format(
            count(due_today, self.tr("frist"), self.tr("frister")),
            count(overdue, self.tr("overskredet frist"), self.tr("overskredne frister"))))  # fmt: skip
        if pauses:
            self.summary.setText(self.summary.text() + " " + self.tr("{0} skulle være slut: genoptag eller "
                                                                     "forlæng.").format(
                count(pauses, self.tr("pause"), self.tr("pauser"))))  # fmt: skip
        self.summary.setObjectName("digest_summary")
        self.model = DeadlineTableModel(self, with_group=True)
        self.model.set_rows(rows)
        self.table = DeadlineTable(self.model, compact=True)
        self.table.setObjectName("digest_list")
        self.table.setAccessibleName(self.tr("Frister i dag og overskredne"))
        self.table.open_requested.connect(lambda r: self.open_case.emit(r.case_id))
        self.hide_today = QCheckBox(self.tr("Vis ikke igen i dag"))
        self.hide_today.setObjectName("digest_hide_today")
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hide_today)
        layout.addWidget(buttons)
        self.resize(760, 360)

    def done(self, result: int) -> None:
        if self.hide_today.isChecked():
            self.settings.setValue(HIDDEN_ON_KEY, self.today().isoformat())
        super().done(result)

    def case_ids(self) -> list[uuid.UUID]:
        return [r.case_id for r in self.model.rows()]


def show_digest(window: QWidget, app: Frister, settings: QSettings, today: Callable[[], date],
                open_case: Callable[[uuid.UUID], None]) -> DigestDialog | None:  # fmt: skip
    """At start: the digest, unless hidden for today or there is nothing due today or overdue."""
    if not wanted_today(settings, today()):
        return None
    rows = digest_rows(app, today())
    if not rows:
        return None
    dialog = DigestDialog(rows, settings, today, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open_case.connect(open_case)
    dialog.show()
    return dialog
